"""Dithered 300 dpi scans of the 2017 pack read with OCR (marked `ocr`): a card's '9 FTE' whose
second reading ran the number and its unit together ('9FTE') keeps its value, and the staffing
summary keeps every figure's kind where OCR read its 'Establishment FTE' heading without its
unit (dithered: the column adds up two FTE columns beside it) and where it read the headings'
first line as the table's title (grey: its one 'FTE' is the unit of the column under it)."""
from __future__ import annotations

import sys

import pytest

from extract.pipeline import Options, extract_pack
from extract.read import ocr
from tests.conftest import PACK_2017, SAMPLES

sys.path.insert(0, str(SAMPLES))
import scan  # noqa: E402

needs_engine = pytest.mark.skipif(not ocr.engine_installed(), reason="OCRmyPDF or Tesseract is not installed")
ETHNIC_MINORITY_CARD_PAGE = 15  # 'Proposed staffing 9 FTE'
STAFFING_SUMMARY_PAGE = 29


def scanned(tmp_path, page: int, kind: str = "dither"):
    pdf = scan.scan_pack(PACK_2017, tmp_path / f"page-{page}-{kind}.pdf", 300, (page,), kind=kind)
    return extract_pack(pdf, Options(ocr="auto", ocr_jobs=2))


@pytest.mark.ocr
@needs_engine
def test_a_number_and_its_unit_read_run_together_once_keep_their_value(tmp_path):
    extraction = scanned(tmp_path, ETHNIC_MINORITY_CARD_PAGE)
    proposed = [f for f in extraction.figures if f.page == ETHNIC_MINORITY_CARD_PAGE and f.text == "9 FTE"]
    assert [(f.value, f.kind, f.source) for f in proposed] == [(9.0, "fte", "ocr")]


@pytest.mark.ocr
@needs_engine
@pytest.mark.parametrize("kind", ["dither", "grey"])
def test_a_scanned_summary_table_keeps_every_figures_kind_where_a_heading_lost_its_unit(tmp_path, pack_2017, kind):
    def cells(extraction):
        (table,) = [t for t in extraction.tables if t.page == STAFFING_SUMMARY_PAGE]
        return table, [c for row in table.rows for c in row.cells]

    table, read = cells(scanned(tmp_path, STAFFING_SUMMARY_PAGE, kind))
    _, printed = cells(pack_2017)
    assert len(read) == len(printed) == 24
    for got, want in zip(read, printed, strict=True):
        assert got is not None and want is not None
        assert got.kind == want.kind, (got.text, got.kind, want.kind)
        assert got.value in (want.value, None)  # a value in doubt is left out, never wrong
    assert table.column_units[0] == "FTE"  # printed "Establishment FTE"; read by dithered OCR without "FTE"
    # in grey, the headings' first line was read as the title: its 'FTE' no longer every column's
    assert table.column_units[3] == table.column_units[6] == "headcount"
