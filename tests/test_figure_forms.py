"""Every printed form in tests/figure_forms.py is found in running text with its value."""
from __future__ import annotations

import pytest

from extract.figures.match import find_in_runs
from extract.models import Figure
from extract.read.text import TextRun, Word
from extract.structures.numeric.cells import Cell, cell_to_figure, text_to_unit
from tests.figure_forms import FORMS


def line_run(text: str, top: float, page: int = 2) -> TextRun:
    """The words of one printed line, 6 pt per character, 4 pt between words."""
    words, x = [], 50.0
    for token in text.split(" "):
        if token:
            boxes = tuple((x + 6 * i, top, x + 6 * (i + 1), top + 11.0) for i in range(len(token)))
            words.append(Word(token, page, boxes, 11.0, False))
        x += 6 * len(token) + 4
    return TextRun.from_words(words)


def printed(text: str) -> TextRun:
    return TextRun.join([line_run(line, 100.0 + 14 * i) for i, line in enumerate(text.split("\n"))])


def test_the_table_holds_at_least_a_hundred_forms():
    assert len(FORMS) >= 100


@pytest.mark.parametrize("text, expected", FORMS, ids=[repr(t) for t, _ in FORMS])
def test_printed_form_reads_as_its_value(text, expected):
    (found,) = find_in_runs([printed(text)], ambiguous=True)
    assert [f.text for f in found] == [t for t, _ in expected]
    for figure, (_, value) in zip(found, expected, strict=True):
        if value is None:
            assert figure.value is None
        else:
            assert figure.value == pytest.approx(value)


def test_a_figure_keeps_the_box_of_its_printed_characters_only():
    run = printed("Credit Balance of£8,556.62")
    (found,) = find_in_runs([run])
    (figure,) = found
    start = run.text.index("£")
    assert figure.bbox[0] == pytest.approx(run.locate(start, start + 1)[1][0])
    assert run.text[figure.start:figure.end] == "£8,556.62"


def test_structures_never_see_a_figure_without_value():
    (found,) = find_in_runs([printed("£339,64 and £5")])
    assert [f.text for f in found] == ["£5"]


def test_bracketed_amount_in_a_table_column_is_negative():
    """In prose "(£0.7m)" is an aside (positive, above); in a table column it is a negative."""
    word = Word("(£0.7m)", 2, tuple((50.0 + 6 * i, 100.0, 56.0 + 6 * i, 111.0) for i in range(7)), 11.0, False)
    figure = cell_to_figure(Cell((word,)), text_to_unit("£m"), "Reserves")
    assert isinstance(figure, Figure)
    assert figure.value == pytest.approx(-0.7e6)


def test_a_rendered_page_of_running_text_reads_every_form(tmp_path):
    """End to end: the forms printed as one paragraph of prose on a PDF page (wrapped
    wherever the line breaks), read by the pipeline, give every value in order."""
    pytest.importorskip("reportlab")
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from extract.pipeline import extract_pack

    # A label printed before its number ("Headcount 25") is read on one line only: a
    # header row ending in "Headcount" above a row of numbers must not pair up.
    forms = [(text.replace("\n", " "), expected) for text, expected in FORMS
             if expected and not any(printed[0].isalpha() for printed, _ in expected)]
    prose = " Next, ".join(text for text, _ in forms)
    path = tmp_path / "prose.pdf"
    style = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=12.5)
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.build([Paragraph(escape("Report of the Clerk. " + prose), style)])
    figures = extract_pack(path).figures
    expected = [value for _, found in forms for _, value in found]
    # The page may be read by pdfium (prose) or pdfplumber (a page triage takes for a table):
    # pdfminer gives Times' minus glyph as '-', pdfium as '−'; the value is the same.
    def same_minus(text: str) -> str:
        return text.replace("\u2212", "-")

    assert [same_minus(f.text) for f in figures] == [same_minus(text) for _, found in forms for text, _ in found]
    for figure, value in zip(figures, expected, strict=True):
        assert (figure.value is None) == (value is None), figure.text
        if value is not None:
            assert figure.value == pytest.approx(value), figure.text


def test_an_ambiguous_figure_is_reported_once_and_never_summed():
    from extract.checks import run_checks
    from extract.models import Extraction, Meeting, Source

    (found,) = find_in_runs([printed("Maturity 10 to 20 years £265,77m and a high of £314.3bin")], ambiguous=True)
    figures = [f.to_model() for f in found]
    extraction = Extraction(tool_version="t", source=Source(file="x.pdf", sha256="0", pages=1),
                            meeting=Meeting(), figures=figures)
    findings = run_checks(extraction)
    assert [(f.check, f.severity, f.evidence[0].text) for f in findings] == [
        ("figure.ambiguous", "info", "£265,77m"), ("figure.ambiguous", "info", "£314.3bin")]
    assert "commas are not thousands separators" in findings[0].message
    assert "'bin'" in findings[1].message
