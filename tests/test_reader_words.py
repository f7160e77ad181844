"""Both readers build words by one rule: pdfium (running-text pages) and pdfplumber (structure
pages) must give the same words, the same figures and the same signs on the same page.

The pages are written by hand (pikepdf, Helvetica) to print what browsers and spreadsheet
exports print: type set in CSS pixels under a 0.75 scale, words placed by kerning with no
space between them, a space that the next letter is kerned into, a number printed in two
pieces with a wide gap after its first digit, and padding spaces printed over a number.
"""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from extract.pipeline import read_running_text
from extract.read import pdfium as fastpass
from extract.read.plumber import read_pages
from extract.read.text import Glyph, glyphs_to_rows


def one_page(target: Path, content: bytes) -> Path:
    """A one-page A4 PDF printing `content` (a content stream) with /F1 as Helvetica."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                                           Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))))
    pdf.pages.append(page)
    pdf.pages[0].Contents = pdf.make_stream(content)
    pdf.save(target)
    return target


def text_line(tj: str, y: int = 700, size: int = 14, scaled: bool = True) -> bytes:
    """One TJ line; scaled: in a browser's way, CSS pixels under a 0.75 matrix."""
    matrix = "0.75 0 0 0.75 0 0 cm " if scaled else ""
    # latin-1: each character is its byte, read through WinAnsi (\xa3 '£', \x96 '–')
    return f"q {matrix}BT /F1 {size} Tf 80 {y} Td [{tj}] TJ ET Q\n".encode("latin-1")


def page_of_both(path: Path):
    """Page 1 as each reader gives it: pdfium's positioned text, then pdfplumber's."""
    document = fastpass.open_document(path)
    try:
        fast = fastpass.page_text(document, 1)
    finally:
        document.close()
    (careful,) = read_pages(path, [1])
    return fast, careful


def words_of_both(path: Path) -> tuple[list[str], list[str]]:
    fast, careful = page_of_both(path)
    return [w.text for r in fast.rows for w in r.words], [w.text for r in careful.rows for w in r.words]


def figures_of_both(path: Path) -> tuple[list[tuple[str, float | None]], list[tuple[str, float | None]]]:
    fast, careful = page_of_both(path)
    return tuple(  # type: ignore[return-value]
        [(f.text, f.value) for f in read_running_text([page], {})[1][0]] for page in (fast, careful))


def test_words_kerned_apart_without_spaces_in_browser_scaled_type_split_alike(tmp_path):
    # A quarter of an em between words, no space printed: more than the gap rule's fifth of
    # the printed size (10.5 pt), less than a fifth of the size before the 0.75 scale (14).
    path = one_page(tmp_path / "kerned.pdf", text_line("(\xa319.8m) -250 (funded) -250 (by) -250 (Dedicated)"))
    fast, careful = words_of_both(path)
    assert careful == ["£19.8m", "funded", "by", "Dedicated"]
    assert fast == careful


def test_a_space_the_next_letter_is_kerned_into_still_ends_the_word(tmp_path):
    path = one_page(tmp_path / "space.pdf", text_line("(Director ) 60 (Approving) -250 (Appendix ) 60 (A:)"))
    fast, careful = words_of_both(path)
    assert careful == ["Director", "Approving", "Appendix", "A:"]
    assert fast == careful


def test_a_minus_before_a_pound_sign_gives_a_negative_figure_from_both_readers(tmp_path):
    content = (text_line("(The refund of -\xa325.00 was processed.)", y=900)
               + text_line("(The refund of) -250 (-\xa325.00) -250 (was processed.)", y=860)
               + text_line("(A second refund of \x96\xa330.00 followed.)", y=500, size=10, scaled=False))
    path = one_page(tmp_path / "minus.pdf", content)
    fast, careful = figures_of_both(path)
    assert careful == [("-£25.00", -25.0), ("-£25.00", -25.0), ("–£30.00", -30.0)]
    assert fast == careful


def test_a_number_split_at_a_kerning_gap_after_its_first_digit_is_one_word(tmp_path):
    content = (text_line("(Total expenditure) -3000 (\xa31) -900 (,174.00)", y=900)
               + text_line("(Reserves) -3000 (1) -900 (,212,000) -3000 (\\(2) -900 (,500\\))", y=860))
    path = one_page(tmp_path / "pieces.pdf", content)
    fast, careful = words_of_both(path)
    assert careful == ["Total", "expenditure", "£1,174.00", "Reserves", "1,212,000", "(2,500)"]
    assert fast == careful
    fast_figures, careful_figures = figures_of_both(path)
    assert ("£1,174.00", 1174.0) in careful_figures
    assert fast_figures == careful_figures


def test_padding_spaces_printed_over_a_number_do_not_split_it(tmp_path):
    # Spreadsheets print a cell's number, then its padding spaces from inside the first digit.
    content = (b"BT /F1 10 Tf 300 700 Td (1,212,000) Tj ET\n"
               b"BT /F1 10 Tf 300.5 700 Td (   ) Tj ET\n")
    path = one_page(tmp_path / "padding.pdf", content)
    fast, careful = words_of_both(path)
    assert careful == ["1,212,000"]
    assert fast == careful


def test_pieces_that_make_sense_apart_stay_apart():
    def row_of(*pieces: str, gap: float = 8.0) -> list[str]:
        glyphs, x = [], 10.0
        for piece in pieces:
            for char in piece:
                glyphs.append(Glyph(char, x, 100.0, x + 5.0, 110.0, 10.0))
                x += 5.0
            x += gap
        (row,) = glyphs_to_rows(glyphs, page=1)
        return [w.text for w in row.words]

    assert row_of("1", ",174.00") == ["1,174.00"]
    assert row_of("2023", ",174") == ["2023", ",174"]  # four digits cannot take a thousands group
    assert row_of("1", ",17") == ["1", ",17"]  # not a group of three digits
    assert row_of("1.5", ",174") == ["1.5", ",174"]
    assert row_of("1", ",174", gap=40.0) == ["1", ",174"]  # too far apart to be one number


@pytest.mark.parametrize("scaled", [True, False])
def test_both_readers_agree_on_a_paragraph_of_running_text(tmp_path, scaled):
    lines = ["(1.4 The cost of these services is \xa319.8m funded by Dedicated Schools)",
             "(Grant \\(\xa310.8m\\), Education Services Grant \\(\xa30.9m\\) and core) -250 (funding) -250 "
             "(\\(\xa32.3m\\).)"]
    content = b"".join(text_line(t, y=900 - 30 * n, scaled=scaled) for n, t in enumerate(lines))
    path = one_page(tmp_path / "paragraph.pdf", content)
    fast, careful = words_of_both(path)
    assert "funding" in careful and "(£2.3m)." in careful
    assert fast == careful
