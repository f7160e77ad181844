"""A paragraph number's tab printed as a space the next letter is kerned into ('1.2 The', as
Word prints it): pdfium drops that space and makes none of its own, and the gap the glyph
positions show must still end the number, so both readers give the same words and the
paragraph is known on a running-text page."""
from __future__ import annotations

from extract.pipeline import read_running_text
from extract.read.text import Glyph, glyphs_to_rows
from extract.structures.statements import section_at
from tests.test_reader_words import one_page, page_of_both, words_of_both

# '1.2' and its space in one text object, the paragraph's text in the next, set 18 pt after
# the number: the space (3.3 pt in Helvetica 12) runs 1.7 pt into the 'T' (as Kent's reports).
KERNED_INTO = (b"BT /F1 12 Tf 80 700 Td (1.2) Tj ( ) Tj ET BT /F1 12 Tf 98 700 Td (The cost is \xa35m.) Tj ET\n"
               b"BT /F1 12 Tf 80 670 Td (1.3) Tj ( ) Tj [168 (The saving is \xa31m.)] TJ ET\n")


def test_a_paragraph_numbers_space_kerned_into_its_text_ends_the_number_for_both_readers(tmp_path):
    fast, careful = words_of_both(one_page(tmp_path / "numbered.pdf", KERNED_INTO))
    assert careful[:2] == ["1.2", "The"] and "1.3" in careful
    assert fast == careful


def test_the_paragraph_of_a_figure_is_known_on_a_running_text_page_read_by_pdfium(tmp_path):
    fast, careful = page_of_both(one_page(tmp_path / "numbered.pdf", KERNED_INTO))
    for page in (fast, careful):
        (page_run,), (found,) = read_running_text([page], {})
        assert [(f.text, section_at(page_run, f.start)) for f in found] == [("£5m", "1.2"), ("£1m", "1.3")]


def row_words(first: str, second: str, gap_in_sizes: float, size: float = 10.0) -> list[str]:
    glyphs, x = [], 10.0
    for piece in (first, second):
        for char in piece:
            glyphs.append(Glyph(char, x, 100.0, x + size / 2, 100.0 + size, size))
            x += size / 2
        x += gap_in_sizes * size
    (row,) = glyphs_to_rows(glyphs, page=1)
    return [w.text for w in row.words]


def test_a_small_gap_after_a_number_before_a_letter_is_a_space_but_not_between_letters():
    assert row_words("1.2", "The", 0.1) == ["1.2", "The"]
    assert row_words("10.", "Regarding", 0.1) == ["10.", "Regarding"]
    assert row_words("1.2", "The", 0.03) == ["1.2The"]  # letters abut: kerning, no space
    assert row_words("Perfor", "ming", 0.1) == ["Performing"]  # a gap inside a word is no space
    assert row_words("£19.8", "m", 0.05) == ["£19.8m"]


def test_letter_spaced_type_is_one_word_whatever_its_gaps():
    glyphs, x = [], 10.0
    for char in "£0.82M":  # every letter 0.15 of the type size apart
        glyphs.append(Glyph(char, x, 100.0, x + 5.0, 110.0, 10.0))
        x += 6.5
    (row,) = glyphs_to_rows(glyphs, page=1)
    assert [w.text for w in row.words] == ["£0.82M"]
