"""Settling two OCR readings with a third look at the words they disagree on
(extract/read/ocr_settle.py). The page image here is blank paper, so every word's printed
extent is its box and no minus sign is found; the third and fourth readings are scripted."""
from __future__ import annotations

import numpy as np

from extract.read.ocr_settle import settle
from extract.read.ocr_words import HocrWord

PAPER = np.full((200, 800), 235, dtype=np.uint8)


def word(text: str, x0: int, x1: int, top: int = 50, bottom: int = 80) -> HocrWord:
    return HocrWord((x0, top, x1, bottom), (x0 / 4, top / 4, x1 / 4, bottom / 4), text, 90.0)


class Rereader:
    """Answers each batch of crops with the next scripted list, and counts the crops asked for."""

    def __init__(self, *answers: list[str]):
        self.answers = list(answers)
        self.asked: list[int] = []

    def __call__(self, crops):
        self.asked.append(len(crops))
        return self.answers.pop(0)


def test_words_both_readings_agree_on_are_not_read_again():
    reread = Rereader()
    settled = settle(PAPER, [word("215.8", 100, 200), word("Grant", 300, 400)],
                     [word("215.8", 101, 199), word("Grant", 300, 400)], reread)
    assert settled.fixes == [] and reread.asked == []
    assert [w.text for w in settled.others] == ["215.8", "Grant"]


def test_the_first_reading_outvoted_by_the_second_and_the_third_is_fixed():
    reread = Rereader(["215.8"])
    settled = settle(PAPER, [word("219.6", 100, 200)], [word("215.8", 100, 200)], reread)
    (fix,) = settled.fixes
    assert (fix.read, fix.text) == ("219.6", "215.8") and reread.asked == [1]
    assert [w.text for w in settled.others] == ["215.8"]  # the figure then agrees with the other readings


def test_a_number_the_second_reading_missed_needs_the_third_to_stand():
    kept = settle(PAPER, [word("290.0", 100, 200)], [], Rereader(["290.0"]))
    assert kept.fixes == [] and [w.text for w in kept.others] == ["290.0"]
    doubted = settle(PAPER, [word("121.95", 100, 200)], [], Rereader(["121.5"], ["121.3"]))
    assert doubted.fixes == [] and [w.text for w in doubted.others] == ["?"]  # agrees with no figure: no value


def test_a_fourth_reading_of_the_grey_picture_settles_what_three_could_not():
    reread = Rereader(["7,025"], ["7,025"])
    settled = settle(PAPER, [word("TO2", 100, 200)], [word("[Sees", 100, 200)], reread)
    assert reread.asked == [1, 1] and [(f.read, f.text) for f in settled.fixes] == [("TO2", "7,025")]


def test_a_second_reading_word_reaching_into_the_box_makes_the_number_unsure():
    # '7,216' read '216' by the first reading; the second read 'a7' over the '7' and '216'
    reread = Rereader(["7,216"], ["7,216"])
    settled = settle(PAPER, [word("216", 100, 200)], [word("a7", 60, 125), word("216", 126, 200)], reread)
    assert [(f.read, f.text) for f in settled.fixes] == [("216", "7,216")]


def test_a_unit_the_readings_disagree_on_is_settled_like_a_number():
    settled = settle(PAPER, [word("9.5", 100, 160), word("FEE", 170, 230)],
                     [word("9.5", 100, 160), word("FTE", 170, 230)], Rereader(["FTE"]))
    assert [(f.read, f.text) for f in settled.fixes] == [("FEE", "FTE")]


def test_a_word_cut_short_with_another_word_in_its_ink_is_never_rewritten():
    ink = PAPER.copy()
    ink[55:80, 60:200] = 20  # one printed word from x 60 to 200, read as two words
    reread = Rereader(["£1.3m", "£1.3m"], ["£1.3m", "£1.3m"])
    settled = settle(ink, [word("£1", 60, 110), word(".3m", 118, 200)], [word("£1.3m", 60, 200)], reread)
    assert settled.fixes == []  # both parts stay as read, and without a value
    assert {w.text for w in settled.others} == {"?"}


def test_a_number_the_second_reading_joined_with_the_next_word_is_left_without_a_value():
    # the first reading split '£1.3m' into '£1' and '.3m'; a reading of '£1' alone cannot tell the whole
    reread = Rereader(["£1", ".3m"], ["£1", ".3m"])
    settled = settle(PAPER, [word("£1", 100, 150), word(".3m", 160, 220)], [word("£1.3m", 100, 220)], reread)
    assert settled.fixes == []
    assert [w.text for w in settled.others if w.pixels[0] == 100] == ["?"]  # not confirmed: no value


def test_a_table_rule_read_as_a_word_does_not_stop_a_number_being_settled():
    reread = Rereader(["7,025"], ["7,025"])
    first = [word("|", 60, 66), word("TO2", 100, 200)]
    settled = settle(PAPER, first, [word("[Sees", 60, 200)], reread)
    assert [(f.read, f.text) for f in settled.fixes] == [("TO2", "7,025")]


def test_ink_of_the_next_word_is_not_taken_for_an_unread_part_of_the_number():
    ink = PAPER.copy()
    ink[55:80, 100:200] = 20  # '£12,254.67'
    ink[55:80, 205:240] = 20  # 'of' printed closer than a space after it
    settled = settle(ink, [word("£12,254.67", 100, 200), word("of", 205, 240)],
                     [word("£12,254.67", 100, 200), word("of", 205, 240)], Rereader())
    assert settled.fixes == [] and [w.text for w in settled.others] == ["£12,254.67", "of"]


def test_a_number_and_its_unit_the_second_reading_ran_together_are_confirmed():
    # dithered 300 dpi: the first read '9' 'FTE', the second '9FTE'; 'FTE' was compared with
    # '9FTE' alone, read again without a second agreeing reading, and the card's '9 FTE' lost
    reread = Rereader()
    settled = settle(PAPER, [word("9", 100, 120), word("FTE", 135, 200)], [word("9FTE", 100, 200)], reread)
    assert settled.fixes == [] and reread.asked == []
    assert [w.text for w in settled.others] == ["9", "FTE"]  # each confirmed where the figure was read


def test_a_run_together_word_spelt_otherwise_does_not_confirm_the_unit():
    reread = Rereader(["FEE"], ["FIE"])
    settled = settle(PAPER, [word("9", 100, 120), word("FTE", 135, 200)], [word("9FIE", 100, 200)], reread)
    assert reread.asked == [1, 1]  # '9FIE' is no '9FTE': the unit is read again on its own
    assert [w.text for w in settled.others if w.pixels[0] == 135] == ["?"]  # and stays unsettled


def test_a_dash_the_second_reading_ran_into_a_number_is_left_to_the_readings_of_the_word():
    # 'Current budget – £1.34M': the first read '-' and '£1.34M', the second '-£1.34M'
    reread = Rereader(["£1.34M"])
    settled = settle(PAPER, [word("-", 100, 110), word("£1.34M", 130, 200)], [word("-£1.34M", 100, 200)], reread)
    assert reread.asked == [1] and [w.text for w in settled.others] == ["£1.34M"]
