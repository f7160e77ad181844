"""Every Appendix A card and Appendix B table of the 2017 pack, on every rendering, comes out
with its staffing and budget figures exactly as printed.

Expectations come from samples/content.py, the transcription the renderings were made
from: the printed strings of each block, read independently of the PDF.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from extract.figures.match import find_in_run
from extract.read.flow import plain
from extract.read.text import TextRun, Word
from tests.conftest import PACK_2017, SAMPLES, extraction_of
from tests.samples_content import content_for

RENDERINGS = [PACK_2017] + sorted((SAMPLES / "variants").glob("*.pdf"))


def printed_figures(lines) -> Counter:
    """Figures in printed strings, as the matcher reads a line of text."""
    found = Counter()
    for line in lines:
        words = [Word(w, 1, tuple((0.0, 0.0, 1.0, 1.0) for _ in w), 10.0, False) for w in line.split()]
        if words:
            found.update(f.text for f in find_in_run(TextRun.from_words(words)))
    return found


SAVING_PRINTED = re.compile(r"\(saving\s+(£\s?[\d.]+[mMk]?)\)")


def printed_saving(lines) -> str | None:
    """The amount printed in '(saving £x)' in a column's lines, however they wrap."""
    match = SAVING_PRINTED.search(" ".join(lines))
    return match.group(1) if match else None


def text_of(figure) -> str | None:
    return figure.text if figure else None


def card_figures(card) -> Counter:
    return Counter(f.text for _, f in card.figures())


def by_title(items, title, attribute):
    matches = [i for i in items if plain(getattr(i, attribute)) == plain(title)]
    assert len(matches) == 1, f"{title!r}: found {[getattr(i, attribute) for i in items]}"
    return matches[0]


@pytest.mark.parametrize("pdf", RENDERINGS, ids=lambda p: p.stem)
def test_all_nine_cards_with_every_staffing_and_budget_figure_as_printed(pdf):
    assert_nine_cards_as_printed(pdf)


@pytest.mark.parametrize("pdf", RENDERINGS, ids=lambda p: p.stem)
def test_card_roles_come_from_the_right_column(pdf):
    assert_card_roles_from_the_right_column(pdf)


@pytest.mark.parametrize("pdf", RENDERINGS, ids=lambda p: p.stem)
def test_all_eight_appendix_b_tables_with_every_figure_as_printed(pdf):
    assert_eight_appendix_b_tables_as_printed(pdf)


# The same pack printed by Chromium: serif type, no borders, narrow label columns, so
# block titles ('Current' / 'budget'), labels and figures ('Head count –' / '167') wrap.

@pytest.mark.browser
def test_a_browser_printed_pack_gives_all_nine_cards_as_printed(browser_pack):
    assert_nine_cards_as_printed(browser_pack)


@pytest.mark.browser
def test_a_browser_printed_pack_takes_card_roles_from_the_right_column(browser_pack):
    assert_card_roles_from_the_right_column(browser_pack)


@pytest.mark.browser
def test_a_browser_printed_pack_gives_all_eight_appendix_b_tables_as_printed(browser_pack):
    assert_eight_appendix_b_tables_as_printed(browser_pack)


@pytest.mark.browser
def test_a_browser_printed_pack_gives_every_card_figure_the_reference_pack_gives(browser_pack, pack_2017):
    """Role by role, the same values as the Word-printed pack: a figure lost to a wrapped
    header, or read from the wrong line of a wrapped cell, shows here."""
    browser = {c.service: c for c in extraction_of(browser_pack).service_cards}
    for card in pack_2017.service_cards:
        got = browser[card.service]
        assert figure_values(got) == figure_values(card), card.service


def figure_values(card) -> dict[str, object]:
    def value(item):
        if isinstance(item, list):
            return [value(i) for i in item]
        return None if item is None else item.value

    return {f"{block}.{name}": value(getattr(getattr(card, block), name))
            for block, names in (("staffing", ("current_headcount", "current_fte", "proposed_fte",
                                               "reduction_fte", "reductions")),
                                 ("budget", ("current", "current_parts", "proposed", "saving",
                                             "savings_breakdown")))
            for name in names}


def assert_nine_cards_as_printed(pdf):
    pack = content_for(pdf.name)
    extraction = extraction_of(pdf)
    assert len(extraction.service_cards) == len(pack.cards) == 9
    for expected in pack.cards:
        card = by_title(extraction.service_cards, expected.title, "service")
        printed = printed_figures(expected.staffing.strings() + expected.budget.strings())
        roles = card_figures(card)
        assert roles <= printed, f"{expected.title}: {roles - printed} not printed"
        # a figure without a role ('Casual 110', 'including 1.0FTE vacancy') is kept in a note
        notes = " ".join(card.staffing.notes + card.budget.notes)
        unplaced = printed - roles
        assert all(text in notes for text in unplaced), (expected.title, unplaced, notes)


def assert_card_roles_from_the_right_column(pdf):
    pack = content_for(pdf.name)
    for expected in pack.cards:
        card = by_title(extraction_of(pdf).service_cards, expected.title, "service")
        left = printed_figures((expected.staffing.header[0],) + expected.staffing.left)
        right = printed_figures((expected.staffing.header[1],) + expected.staffing.right)
        for figure in (card.staffing.current_headcount, card.staffing.current_fte):
            assert figure is None or figure.text in left
        for figure in [card.staffing.proposed_fte] + card.staffing.reductions:
            assert figure is None or figure.text in right
        budget_left = printed_figures((expected.budget.header[0],) + expected.budget.left)
        budget_right = printed_figures((expected.budget.header[1],) + expected.budget.right)
        assert card.budget.current.text in budget_left
        assert all(p.text in budget_left for p in card.budget.current_parts)
        for figure in [card.budget.proposed, card.budget.saving] + card.budget.savings_breakdown:
            assert figure is None or figure.text in budget_right
        assert text_of(card.budget.saving) == printed_saving(expected.budget.right), expected.title


def assert_eight_appendix_b_tables_as_printed(pdf):
    pack = content_for(pdf.name)
    extraction = extraction_of(pdf)
    assert len(extraction.financial_tables) == len(pack.financial_tables) == 8
    for expected in pack.financial_tables:
        table = by_title(extraction.financial_tables, expected.title, "service")
        columns = {
            "current": (expected.current_budget.header,) + expected.current_budget.lines,
            "pre": (expected.pre_consultation.header,) + expected.pre_consultation.lines,
            "post": (expected.post_consultation.header,) + expected.post_consultation.lines,
        }
        got = {
            "current": [table.current] + table.current_parts,
            "pre": [table.pre_consultation.cost, table.pre_consultation.saving] + table.pre_consultation.breakdown,
            "post": [table.post_consultation.cost, table.post_consultation.saving] + table.post_consultation.breakdown,
        }
        for column, lines in columns.items():
            extracted = Counter(f.text for f in got[column] if f)
            assert extracted == printed_figures(lines), (expected.title, column)
        # the saving is the '(saving £x)' amount, not a line of the breakdown
        assert text_of(table.pre_consultation.saving) == printed_saving(columns["pre"]), expected.title
        assert text_of(table.post_consultation.saving) == printed_saving(columns["post"]), expected.title
        assert plain(table.staff_impact) == plain(" ".join(expected.staff_impact.lines))


def test_labels_and_values_of_a_card_read_as_a_person_would(pack_2017):
    hospital = next(c for c in pack_2017.service_cards if c.service == "Hospital Education Service")
    breakdown = [(f.label, f.value) for f in hospital.budget.savings_breakdown]
    assert breakdown == [("DSG savings", 110_000), ("ESG savings", 0), ("Other", 30_000)]
    assert [(r.value, r.label) for r in hospital.staffing.reductions] == [(2.12, "definite"), (1.0, "potential")]
    assert set(hospital.sections) >= {"overview", "duties", "current_model", "summary_of_feedback",
                                      "proposed_model", "rationale", "impact"}


def test_unitless_amounts_in_a_card_of_millions_are_millions(pack_2017):
    sen = next(c for c in pack_2017.service_cards if c.service == "SEN Management Services")
    inferred = [(f.text, f.value, f.unit_inferred) for f in sen.budget.savings_breakdown]
    assert inferred == [("£0.05", 50_000, True), ("£0.03", 30_000, True)]
    assert any("DSG savings £" in note for note in sen.budget.notes)
