"""Generated papers whose text layer is or is not what is printed.

A schedule of figures, a list of addresses and a three-line closing page have few common
words but are what the tool exists to read: trusted. A font whose text encoding is broken
(letters shifted by a constant, private-use code points) or a layer of glyph names is not:
the page is blank, and a paper of nothing else fails as no_text saying what was seen.
With the OCR engine, a page in doubt is decided by a reading of its image.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from extract.errors import NoText
from extract.read.ocr import engine_installed
from extract.read.quality import judge_pages

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVu Sans (fonts-dejavu-core) is not installed")
needs_ocr = pytest.mark.skipif(not engine_installed(), reason="the OCR engine (OCRmyPDF, Tesseract) is not installed")

SCHEDULE = ["Schedule of leasehold surrenders 2024/25", "No.  Block  Surrender date  Valuation  Price  Type"] + [
    f"{n}  {block} House  {n + 3:02d}/04/2024  £38,{209 + 7 * n:03d}  £39,{515 - 5 * n:03d}  {1 + n % 3} Bed  Flat"
    for n, block in enumerate(["Brandon", "Pasley", "Crampton", "Draper", "Hurley", "Elba", "Castle", "Peabody",
                               "Hanover", "Lorrimore", "Wansey", "Kennington", "Otto", "Cooks", "Doddington"], 1)
]
ADDRESSES = ["Neighbours notified of application 24/AP/1234"] + [
    f"{n} {place} {street} SE1 {n % 9 + 1}{pair}"
    for n, place, street, pair in zip(
        range(240, 270), ["Metro Central Heights", "Perronet House", "Draper House", "Hannibal House",
                          "Skipton House", "Alexander Fleming House"] * 5,
        ["119 Newington Causeway", "Princess Street", "Elephant Road", "Elephant and Castle", "London Road",
         "Newington Butts"] * 5, ["BX", "QJ", "EA", "TZ", "NR", "LG"] * 5, strict=True)
]
CLOSING = ["There being no further business, the meeting closed at 9.10 pm",
           "Date of next meeting: Tuesday 14 May 2024", "Chairman"]
PROSE = ("The Committee received the report of the Clerk on the accounts for the year and agreed that the "
         "payments listed below be approved, at a cost of £1,250 to the precept. The Chair thanked the "
         "members for their work on the budget, which was noted. Apologies were received from two members "
         "of the council, and there were no declarations of interest at this meeting.")


def paper(path: Path, lines: Sequence[str], size: float = 11) -> Path:
    """One A4 page of the lines, in DejaVu Sans embedded with a ToUnicode map (as most papers are)."""
    import textwrap

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("DejaVuSans", size)
    y = A4[1] - 72
    for line in lines:
        for part in textwrap.wrap(line, 85) or [""]:
            pdf.drawString(56, y, part)
            y -= size * 1.5
    pdf.showPage()
    pdf.save()
    return path


def with_text_map(path: Path, remap: Callable[[int], int]) -> Path:
    """The paper with its fonts' ToUnicode maps rewritten: each character code maps to
    remap(what it printed), as a font with a broken text encoding does. The page looks the same."""
    import pikepdf

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for page in pdf.pages:
            for _, font in page.Resources.Font.items():
                if "/ToUnicode" not in font:
                    continue
                cmap = font.ToUnicode.read_bytes().decode("latin-1")
                cmap = re.sub(r"<([0-9A-Fa-f]{2})> <([0-9A-Fa-f]{4})>",
                              lambda m: f"<{m[1]}> <{remap(int(m[2], 16)):04X}>", cmap)
                font.ToUnicode = pdf.make_stream(cmap.encode("latin-1"))
        pdf.save(path)
    return path


def caesar(code: int, shift: int = 3) -> int:
    for base in (ord("a"), ord("A")):
        if base <= code < base + 26:
            return base + (code - base + shift) % 26
    return code


def private_use(code: int) -> int:
    return 0xE000 + code if chr(code).isalpha() else code


def as_marks(code: int) -> int:
    """Letters and digits printed as marks and capitals: a font numbering its glyphs its own way."""
    import string

    printed = string.ascii_lowercase + string.digits + string.ascii_uppercase
    read = string.punctuation + string.ascii_uppercase + "0123"
    return ord(read[printed.index(chr(code))]) if chr(code) in printed else code


def swapped(code: int) -> int:
    """Letters read as other letters (not shifted): a layer of letters that spell no word."""
    import string

    read = "qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM"
    return ord(read[string.ascii_letters.index(chr(code))]) if chr(code) in string.ascii_letters else code


def verdicts(path: Path) -> dict[int, tuple[str, str]]:
    from extract.read import pdfium as fastpass

    document = fastpass.open_document(path)
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
        return {n: (v.kind, v.seen) for n, v in judge_pages(document, lines).items()}
    finally:
        document.close()


def extract(path: Path, ocr: str = "never"):
    from extract.pipeline import Options, extract_pack

    return extract_pack(path, Options(ocr=ocr))  # type: ignore[arg-type]


GOOD = {"schedule": SCHEDULE, "addresses": ADDRESSES, "closing-page": CLOSING}


@needs_font
@pytest.mark.parametrize("name", sorted(GOOD))
def test_a_schedule_an_address_list_and_a_closing_page_are_trusted_and_read(tmp_path, name):
    pdf = paper(tmp_path / f"{name}.pdf", GOOD[name])
    assert verdicts(pdf) == {}
    extraction = extract(pdf)  # no NoText
    assert extraction.source.untrusted_pages == [] and extraction.source.doubtful_pages == []
    assert not [f for f in extraction.findings if f.check == "page.text_in_doubt"]


@needs_font
def test_the_schedule_is_read_for_its_figures(tmp_path):
    extraction = extract(paper(tmp_path / "schedule.pdf", SCHEDULE))
    assert "£38,216" in {figure.text for figure in extraction.figures}


@needs_font
@pytest.mark.parametrize("remap, seen", [
    (caesar, "shifted by a constant (+3)"),
    (private_use, "private-use code points"),
    (as_marks, "are no word, number or code"),
], ids=["caesar-shifted-font", "private-use-font", "letters-as-marks-font"])
def test_a_font_with_a_broken_text_encoding_is_not_trusted_and_says_what_was_seen(tmp_path, remap, seen):
    pdf = with_text_map(paper(tmp_path / "garbled.pdf", [PROSE, *SCHEDULE]), remap)
    assert [(n, kind) for n, (kind, _) in verdicts(pdf).items()] == [(1, "not_language")]
    assert seen in verdicts(pdf)[1][1]
    with pytest.raises(NoText) as failure:
        extract(pdf)
    assert seen in failure.value.reason and "not what is printed" in failure.value.reason


@needs_font
def test_a_page_of_glyph_names_is_not_trusted(tmp_path):
    pdf = paper(tmp_path / "glyphs.pdf", [" ".join(f"/g{n}" for n in range(i, i + 12)) for i in range(0, 240, 12)])
    kind, seen = verdicts(pdf)[1]
    assert kind == "not_language" and "glyph names" in seen and "'/g0'" in seen


@needs_font
def test_a_page_in_doubt_is_read_with_an_info_finding_without_ocr(tmp_path):
    # the glyph of "y" maps to a private-use point: five odd characters on a page of prose
    pdf = with_text_map(paper(tmp_path / "doubt.pdf", [PROSE, PROSE]), lambda c: 0xE079 if c == ord("y") else c)
    assert verdicts(pdf)[1][0] == "in_doubt"
    extraction = extract(pdf, ocr="never")
    assert extraction.source.untrusted_pages == []
    assert [p.page for p in extraction.source.doubtful_pages] == [1]
    said = [f for f in extraction.findings if f.check == "page.text_in_doubt"]
    assert [(f.severity, f.subject) for f in said] == [("info", "Page 1")]
    assert "£1,250" in {figure.text for figure in extraction.figures}  # the page was read


@needs_font
@needs_ocr
def test_with_ocr_a_page_in_doubt_that_agrees_with_its_image_is_trusted_as_it_is(tmp_path):
    pdf = with_text_map(paper(tmp_path / "doubt.pdf", [PROSE, PROSE]), lambda c: 0xE079 if c == ord("y") else c)
    extraction = extract(pdf, ocr="auto")
    assert extraction.source.ocr_pages == []  # the text layer agreed with the reading: kept
    assert extraction.source.doubtful_pages == [] and extraction.source.untrusted_pages == []
    assert not [f for f in extraction.findings if f.check == "page.text_in_doubt"]


@needs_font
@needs_ocr
def test_with_ocr_a_page_in_doubt_that_disagrees_with_its_image_is_read_by_ocr(tmp_path):
    pdf = with_text_map(paper(tmp_path / "swapped.pdf", [PROSE, PROSE]), swapped)
    assert verdicts(pdf)[1][0] == "in_doubt"  # letters, but no word: only a doubt
    read_as_it_is = extract(pdf, ocr="never")
    assert [p.page for p in read_as_it_is.source.doubtful_pages] == [1]
    extraction = extract(pdf, ocr="auto")
    assert extraction.source.ocr_pages == [1]
    assert extraction.source.doubtful_pages == [] and extraction.source.untrusted_pages == []
    assert "£1,250" in {figure.text for figure in extraction.figures}


@needs_font
@needs_ocr
def test_with_ocr_a_layer_that_disagrees_with_its_image_is_found(tmp_path):
    from extract.read import pdfium as fastpass
    from extract.read.doubt import pages_ocr_disagrees_with

    good = paper(tmp_path / "good.pdf", [PROSE, *SCHEDULE])
    bad = with_text_map(paper(tmp_path / "bad.pdf", [PROSE, *SCHEDULE]), caesar)
    for pdf, expected in ((good, []), (bad, [1])):
        document = fastpass.open_document(pdf)
        try:
            assert pages_ocr_disagrees_with(document, [fastpass.page_lines(document, 1)]) == expected
        finally:
            document.close()


@needs_font
@needs_ocr
@pytest.mark.parametrize("mode", ["auto", "always"])
def test_with_ocr_a_caesar_shifted_font_is_read_by_ocr(tmp_path, mode):
    pdf = with_text_map(paper(tmp_path / "garbled.pdf", [PROSE, *SCHEDULE]), caesar)
    extraction = extract(pdf, ocr=mode)
    assert extraction.source.ocr_pages == [1] and extraction.source.untrusted_pages == []
    assert any(figure.text == "£1,250" for figure in extraction.figures)


@needs_font
@needs_ocr
def test_ocr_always_never_refuses_a_schedule_for_its_text_layer(tmp_path):
    extraction = extract(paper(tmp_path / "schedule.pdf", SCHEDULE), ocr="always")
    assert extraction.source.ocr_pages == [1]
    assert extraction.source.untrusted_pages == []



def test_a_layer_agrees_with_a_reading_that_passed_over_its_column_of_figures():
    from extract.read.doubt import layer_agrees

    layer = ("Table 6.3 Collection Fund Ashford -£1,290,972 -£213,723 Canterbury £1,091,180 £2,578,646 "
             "Dartford £1,584,612 £1,509,970 Total")
    assert layer_agrees(layer, "Table 6.3 Collection Fund Ashford Canterbur Dartford Total")  # no figures read
    assert layer_agrees(layer, layer.replace("£", "f"))
    assert not layer_agrees("Dvkirug Fdqwhuexub Gduwirug Wrwdo dqg wkh uhvw",
                            "Ashford Canterbury Dartford Total and the rest")
    assert not layer_agrees(layer, "")  # nothing read: nothing agrees
