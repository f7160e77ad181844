"""A number OCR read without the decimal point every other number of its column prints
('8712' for '87.12', both readings agreeing) is kept as printed but without a value: a
wrong figure is worse than a missing one."""
from __future__ import annotations

from pathlib import Path

from extract.checks import with_checks
from extract.models import Extraction, Figure, Meeting, NumericTable, Source, TableRow
from extract.read.ocr import OcrResult, mark_ocr_figures


def fte(text: str, value: float, row: int, page: int = 12) -> Figure:
    return Figure(kind="fte", value=value, text=text, precision=0.01, page=page,
                  bbox=(400.0, 100.0 + 14 * row, 430.0, 110.0 + 14 * row))


def column_of(*cells: Figure, page: int = 12) -> Extraction:
    table = NumericTable(id="numtable-1-t", title="Staffing", page=page, columns=["FTE"],
                         rows=[TableRow(label=f"row {n}", cells=[c]) for n, c in enumerate(cells)])
    return Extraction(tool_version="test", source=Source(file="scan.pdf", sha256="0" * 64, pages=12), meeting=Meeting(),
                      tables=[table], figures=list(cells))


def read_by_ocr(*pages: int) -> OcrResult:
    return OcrResult(Path("scan.pdf"), pages)


def test_a_cell_read_without_the_decimal_point_its_column_prints_loses_its_value_everywhere():
    marked = mark_ocr_figures(column_of(fte("128.60", 128.6, 0), fte("15.47", 15.47, 1), fte("8712", 8712.0, 2)),
                              read_by_ocr(12))
    cell, listed = marked.tables[0].rows[2].cells[0], marked.figures[2]
    assert cell is not None and cell.text == "8712" and cell.value is None
    assert listed.value is None and listed.confidence == 0.0
    assert [f.value for f in marked.figures[:2]] == [128.6, 15.47]


def test_a_figure_without_a_value_is_said_once_as_information():
    marked = with_checks(mark_ocr_figures(column_of(fte("128.60", 128.6, 0), fte("15.47", 15.47, 1),
                                                    fte("8712", 8712.0, 2)), read_by_ocr(12)))
    ambiguous = [f for f in marked.findings if f.check == "figure.ambiguous"]
    assert len(ambiguous) == 1 and ambiguous[0].severity == "info" and ambiguous[0].evidence[0].text == "8712"


def test_whole_numbers_are_kept_in_a_column_of_whole_numbers_or_of_mixed_decimals():
    whole = mark_ocr_figures(column_of(fte("128", 128.0, 0), fte("15", 15.0, 1), fte("87", 87.0, 2)), read_by_ocr(12))
    mixed = mark_ocr_figures(column_of(fte("128.6", 128.6, 0), fte("15.47", 15.47, 1), fte("87", 87.0, 2)),
                             read_by_ocr(12))
    assert [f.value for f in whole.figures] == [128.0, 15.0, 87.0]
    assert [f.value for f in mixed.figures] == [128.6, 15.47, 87.0]


def test_a_number_too_short_to_hide_the_decimals_or_with_too_few_neighbours_is_kept():
    short = mark_ocr_figures(column_of(fte("128.60", 128.6, 0), fte("15.47", 15.47, 1), fte("9", 9.0, 2)),
                             read_by_ocr(12))
    lonely = mark_ocr_figures(column_of(fte("128.60", 128.6, 0), fte("8712", 8712.0, 1)), read_by_ocr(12))
    assert short.figures[2].value == 9.0
    assert lonely.figures[1].value == 8712.0


def test_a_born_digital_page_prints_what_it_prints():
    kept = mark_ocr_figures(column_of(fte("128.60", 128.6, 0), fte("15.47", 15.47, 1), fte("8712", 8712.0, 2)),
                            read_by_ocr(3))
    assert [f.value for f in kept.figures] == [128.6, 15.47, 8712.0]
    assert all(f.source != "ocr" for f in kept.figures)
