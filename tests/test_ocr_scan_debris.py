"""What a scan adds to printed words: a cell border read as a mark that splits a word
('“S' 'EN' for 'SEN'), dust and rule ends past a card's title ('Work Related Learning Team
7 -'), a border read as a dash before it ('—Coventry'). Hand-made rows, no OCR engine."""
from __future__ import annotations

import pytest

from extract.read.ocr import at_printed_size
from extract.read.text import PageText
from extract.structures.cards import flow_to_cards
from extract.structures.fintables import flow_to_financial_tables
from tests.rowkit import CHAR, lay_out, row
from tests.test_cards_from_rows import CARD

OCR_SIZE = 7.3  # OCRmyPDF's line height for 10 pt type


def test_ocr_words_with_no_white_space_between_them_are_one_word():
    split = row(100, [(57, "“S"), (57 + 2 * CHAR * OCR_SIZE, "EN Management Services")], size=OCR_SIZE)
    words = at_printed_size(PageText(1, 595, 842, [split])).rows[0].words
    assert [w.text for w in words] == ["“SEN", "Management", "Services"]
    assert len(words[0].boxes) == 4 and words[0].x0 == split.words[0].x0 and words[0].x1 == split.words[1].x1


def test_ocr_words_a_space_apart_stay_apart():
    spaced = row(100, [(60, "£0.77M (saving £0.05M)")], size=OCR_SIZE)
    words = at_printed_size(PageText(1, 595, 842, [spaced])).rows[0].words
    assert [w.text for w in words] == ["£0.77M", "(saving", "£0.05M)"]


def card_titled(*phrases: tuple[float, str]):
    (card,) = flow_to_cards(lay_out([(CARD[0][0], list(phrases)), *CARD[1:]]))
    return card


@pytest.mark.parametrize("phrases, name", [
    ([(60, "Work Related Learning Team"), (250, "7"), (430, "-")], "Work Related Learning Team"),
    ([(60, "—Coventry Extended Learning Centre")], "Coventry Extended Learning Centre"),
    ([(60, "“SEN Management Services")], "SEN Management Services"),
    ([(60, "- Early Help")], "Early Help"),
])
def test_a_card_title_loses_what_the_scan_added(phrases, name):
    assert card_titled(*phrases).service == name


@pytest.mark.parametrize("phrases, name", [
    ([(60, '"Think Family" Service')], '"Think Family" Service'),
    ([(60, "Youth Service 2")], "Youth Service 2"),
    ([(60, "Youth Service"), (400, "2017/18")], "Youth Service 2017/18"),
    ([(60, "Hospital"), (250, "Education Service")], "Hospital Education Service"),
])
def test_a_card_title_keeps_what_was_printed(phrases, name):
    assert card_titled(*phrases).service == name


def test_a_border_read_as_a_mark_before_a_label_neither_hides_the_card_nor_its_sections():
    scanned = [CARD[0], (CARD[1][0], [(56, "—"), (64, "Overview"), (200, "Support for families.")]),
               (CARD[2][0], [(56, "“Duties"), (200, "Statutory duty to provide early help.")]), *CARD[3:]]
    (card,) = flow_to_cards(lay_out(scanned))
    assert card.service == "Early Help"
    assert card.sections == {"overview": "Support for families.", "duties": "Statutory duty to provide early help."}
    assert card.budget.current is not None and card.budget.current.value == 820_000


FINANCIAL_TABLE = [
    (437, [(63, "Hospital Education Service")]),
    (453, [(63, "Staffing impactas"), (166, "Currentbudget"), (260, "Pre-consultation"), (397, "Post Consultation")]),
    (465, [(63, "proposal consulted"), (166, "£0.82M"), (260, "Forecast Costs"), (397, "Forecast Costs")]),
    (480, [(63, "on"), (260, "£0.68M (saving £0.14M)"), (397, "£0.72M (saving £0.10M)")]),
]


def test_a_header_whose_words_ran_together_still_opens_its_table_and_block():
    (table,) = flow_to_financial_tables(lay_out(FINANCIAL_TABLE, size=7.0))
    assert table.service == "Hospital Education Service"
    assert table.current is not None and table.current.value == 820_000
    assert table.pre_consultation.cost is not None and table.pre_consultation.cost.value == 680_000
    ran_together = [(top, [(x, text.replace("Current budget", "Currentbudget")) for x, text in phrases])
                    for top, phrases in CARD]
    (card,) = flow_to_cards(lay_out(ran_together))
    assert card.budget.current is not None and card.budget.current.value == 820_000


def test_a_border_read_as_a_mark_before_a_block_header_does_not_hide_the_block():
    scanned = [(top, [(x, "'" + text if text.startswith("Current budget") else text) for x, text in phrases])
               for top, phrases in CARD]
    (card,) = flow_to_cards(lay_out(scanned))
    assert card.budget.current is not None and card.budget.current.value == 820_000
    assert card.budget.saving is not None and card.budget.saving.value == 50_000
