"""Glyphs to words and rows (read/text.py), on hand-made glyphs: no PDF involved."""
from __future__ import annotations

from extract.read.text import Glyph, glyphs_to_rows
from extract.settings import Settings

SIZE = 10.0
WIDTH = 5.0  # every glyph half the type size wide


def glyphs(text: str, x: float, bottom: float, size: float = SIZE, gap: float = 0.0) -> list[Glyph]:
    """One glyph per character, `gap` points apart, on the baseline `bottom`."""
    out = []
    for ch in text:
        out.append(Glyph(ch, x, bottom - size, x + WIDTH, bottom, size))
        x += WIDTH + gap
    return out


def texts(rows) -> list[list[str]]:
    return [[w.text for w in row.words] for row in rows]


def test_glyphs_closer_than_the_word_gap_are_one_word_and_a_wider_gap_starts_another():
    line = glyphs("Budget", 10, 100) + glyphs("2017", 10 + 6 * WIDTH + 3.0, 100)  # 3pt > 0.2 × 10pt
    tight = glyphs("£0.82M", 100, 100, gap=1.5)  # letter-spaced, still under 2pt
    assert texts(glyphs_to_rows(line + tight, page=1)) == [["Budget", "2017", "£0.82M"]]


def test_baselines_within_a_third_of_the_type_size_are_one_row():
    superscript = glyphs("1", 60, 97)  # 3pt above the baseline: part of the line
    next_line = glyphs("Next", 10, 104)  # 4pt below: a line of its own
    rows = glyphs_to_rows(glyphs("Note", 10, 100) + glyphs("x", 40, 100) + superscript + next_line, page=1)
    assert texts(rows) == [["Note", "x", "1"], ["Next"]]


def test_rows_come_out_top_to_bottom_and_left_to_right_whatever_the_glyph_order():
    scrambled = glyphs("second", 10, 130)[::-1] + glyphs("right", 200, 100) + glyphs("left", 10, 100)
    rows = glyphs_to_rows(scrambled, page=4)
    assert texts(rows) == [["left", "right"], ["second"]]
    assert {w.page for row in rows for w in row.words} == {4}


def test_spaces_print_nothing_and_a_word_keeps_a_box_per_character():
    rows = glyphs_to_rows(glyphs("ab", 10, 100) + [Glyph(" ", 20, 90, 25, 100, SIZE)], page=1)
    (word,) = rows[0].words
    assert word.text == "ab" and len(word.boxes) == 2 and word.x1 == 20


def test_a_wider_word_gap_setting_joins_what_the_default_splits():
    line = glyphs("Head", 10, 100) + glyphs("count", 10 + 4 * WIDTH + 3.0, 100)
    assert texts(glyphs_to_rows(line, page=1)) == [["Head", "count"]]
    assert texts(glyphs_to_rows(line, page=1, settings=Settings(word_gap=0.4))) == [["Headcount"]]
