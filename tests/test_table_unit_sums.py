"""A column whose heading names no unit (a word OCR lost: 'Establishment' for 'Establishment
FTE') takes the unit of two columns it adds up with (generated pages, reportlab); a line of
column headings taken for a table's title gives each column its words (hand-made rows)."""
from __future__ import annotations

import pytest

from extract.models import Extraction, NumericTable
from extract.structures.numeric.grid import Column
from extract.structures.numeric.heading_line import heading_line_over
from tests.rowkit import row

COLUMNS = (280, 360, 440, 520)  # right edges of the four columns of numbers
HEADINGS = ("Establishment", "In post FTE", "Vacant FTE", "Head count")


def staffing_page(tmp_path, lines) -> Extraction:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from extract.pipeline import Options, extract_pack

    path = tmp_path / "staffing.pdf"
    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page.setFont("Helvetica-Bold", 9)
    page.drawString(60, A4[1] - 60, "Summary of staffing")
    page.setFont("Helvetica", 9)
    for top, (label, *cells) in zip(range(100, 400, 14), [("Service", *HEADINGS), *lines], strict=False):
        page.drawString(60, A4[1] - top, label)
        for x, cell in zip(COLUMNS, cells, strict=True):
            page.drawRightString(x, A4[1] - top, cell)
    page.save()
    return extract_pack(path, Options(checks=False))


def table_of(extraction: Extraction) -> NumericTable:
    return next(t for t in extraction.tables if any(r.label == "Schools" for r in t.rows))


def test_a_column_without_a_unit_that_adds_up_two_fte_columns_is_fte(tmp_path):
    table = table_of(staffing_page(tmp_path, [("Schools", "118.06", "99.52", "18.54", "135"),
                                              ("Libraries", "128.60", "112.73", "15.87", "144"),
                                              ("Total", "246.66", "212.25", "34.41", "279")]))
    assert table.column_units[:3] == ["FTE", "FTE", "FTE"] and table.column_units[3] == "headcount"
    first = [row.cells[0] for row in table.rows]
    assert all(c is not None and c.kind == "fte" and c.unit_inferred for c in first)
    assert not any(row.cells[1].unit_inferred for row in table.rows if row.cells[1] is not None)


def test_a_column_without_a_unit_that_adds_up_on_one_row_of_four_digits_is_fte(tmp_path):
    # the 2017 summary: only its first row adds up as printed (the others are misprints)
    table = table_of(staffing_page(tmp_path, [("Schools", "118.06", "99.52", "18.54", "135"),
                                              ("Libraries", "128.60", "112.73", "15.47", "144"),
                                              ("Total", "246.66", "212.25", "34.01", "279")]))
    assert table.column_units[0] == "FTE"


@pytest.mark.parametrize("lines", [
    [("Schools", "118.16", "99.52", "18.54", "135"), ("Libraries", "120.00", "112.73", "15.87", "144")],
    [("Schools", "6", "4", "2", "6"), ("Libraries", "5", "3", "1.5", "5")],  # one row, too few digits to tell
])
def test_a_column_without_a_unit_that_does_not_add_up_stays_as_it_was(tmp_path, lines):
    table = table_of(staffing_page(tmp_path, lines))
    assert table.column_units[0] is None
    assert all(row.cells[0] is not None and row.cells[0].kind == "count" for row in table.rows)


COLUMNS_OVER = [Column(220, 260), Column(280, 320), Column(340, 380), Column(400, 440)]


def test_a_line_of_headings_taken_for_a_title_gives_each_column_its_words():
    line = row(100, [(60, "Summary- all"), (225, "Establis"), (285, "Staff in"), (350, "Head"), (410, "FTE")])
    assert heading_line_over(line, COLUMNS_OVER) == ["Establis", "Staff in", "Head", "FTE"]


@pytest.mark.parametrize("phrases", [
    [(230, "Staffing summary 2024/25 (FTE)")],  # one phrase across the columns: a title
    [(60, "Staffing"), (225, "FTE")],  # words over one column only
])
def test_a_title_is_no_line_of_headings(phrases):
    assert heading_line_over(row(100, phrases), COLUMNS_OVER) is None


def test_a_sentence_running_on_over_the_columns_is_no_line_of_headings():
    line = row(100, [(60, "Individual projects - to provide additional places in schools in the city:")])
    assert heading_line_over(line, COLUMNS_OVER) is None
