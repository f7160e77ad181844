"""Each OCR'd page is read twice; a figure whose digits the two readings disagree on is kept
without a value (a missing figure beats a wrong one) and said once as information."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.checks import with_checks
from extract.models import Extraction, Figure, Meeting, NumericTable, Source, TableRow
from extract.read.ocr import OcrResult, mark_ocr_figures
from extract.read.ocr_words import readings_agree

BOX = (400.0, 350.0, 430.0, 362.0)


def money(text: str, value: float, bbox=BOX) -> Figure:
    return Figure(kind="money", value=value, text=text, precision=100_000, page=12, bbox=bbox)


def extraction_with(*figures: Figure) -> Extraction:
    table = NumericTable(id="numtable-1-t", title="T", page=12, columns=["2025-26 £m"],
                         rows=[TableRow(label=f"row {n}", cells=[f]) for n, f in enumerate(figures)])
    return Extraction(tool_version="test", source=Source(file="scan.pdf", sha256="0" * 64, pages=12), meeting=Meeting(),
                      tables=[table], figures=list(figures))


def read_twice(second_text: str) -> OcrResult:
    return OcrResult(Path("scan.pdf"), (12,), {12: [(BOX, 96.0)]}, second={12: [(BOX, second_text)]})


@pytest.mark.parametrize("first, second, agree", [
    ("215.8", "215.8", True), ("£1.3m", "£1.3m)", True), ("9.5 FTE", "9.5 FEE", True),
    ("FTE — 109.34", "FTE – 109.34", True),
    ("219.6", "215.8", False), ("121.95", "121.5", False), ("61.7", "61:7", False), ("2,639.8", "2.639.8", False),
    ("378", "-378", False), ("(3,000)", "(3,000", True), ("£1200", "£1200.", True), ("12.3", "12.3,", True),
    ("12.3", "12.31", False), ("Headcount 10", "10—", True), ("10–", "10", True), ("-10", "10", False),
])
def test_two_readings_agree_when_their_digits_and_separators_do(first, second, agree):
    assert readings_agree(first, second) is agree


def test_a_figure_the_second_reading_disagrees_with_loses_its_value_everywhere_it_appears():
    marked = mark_ocr_figures(extraction_with(money("219.6", 219_600_000.0)), read_twice("215.8"))
    cell, listed = marked.tables[0].rows[0].cells[0], marked.figures[0]
    for figure in (cell, listed):
        assert figure.value is None and figure.text == "219.6" and figure.source == "ocr" and figure.confidence == 0
    (finding,) = [f for f in with_checks(marked).findings if f.check == "figure.ambiguous"]
    assert finding.severity == "info" and "two OCR readings" in finding.message


def test_a_figure_both_readings_agree_on_keeps_its_value_and_confidence():
    marked = mark_ocr_figures(extraction_with(money("215.8", 215_800_000.0)), read_twice("215.8"))
    assert marked.figures[0].value == 215_800_000.0 and marked.figures[0].confidence == 96.0


def test_a_figure_the_second_reading_found_nothing_at_keeps_its_value():
    elsewhere = money("215.8", 215_800_000.0, bbox=(100.0, 600.0, 130.0, 612.0))
    marked = mark_ocr_figures(extraction_with(elsewhere), read_twice("219.6"))
    assert marked.figures[0].value == 215_800_000.0


def test_a_figure_the_text_layer_puts_half_a_line_above_the_readings_is_still_compared():
    # a turned scan: OCRmyPDF's text layer has '378' at 113-120 pt, Tesseract boxed it at 117-124 pt
    layer = money("378", 378_000.0, bbox=(310.0, 113.0, 328.0, 120.0))
    lower = (310.0, 117.0, 328.0, 124.0)
    next_line = (310.0, 129.0, 328.0, 136.0)
    result = OcrResult(Path("scan.pdf"), (12,), {12: [(lower, 88.0), (next_line, 96.0)]},
                       second={12: [(lower, "-378"), (next_line, "378")]})
    marked = mark_ocr_figures(extraction_with(layer), result).figures[0]
    assert marked.value is None and marked.confidence == 0.0
    assert result.read_again(12, layer.bbox) == "-378"


def test_a_second_reading_running_past_the_figure_still_counts():
    cut_short = money("£1", 1.0, bbox=(400.0, 350.0, 412.0, 362.0))  # first reading: '£1 Om'
    result = OcrResult(Path("scan.pdf"), (12,), {12: [(BOX, 96.0)]}, second={12: [(BOX, "£1.3m")]})
    assert mark_ocr_figures(extraction_with(cut_short), result).figures[0].value is None


def test_a_total_with_a_part_read_without_a_value_is_not_checked_in_that_column():
    from extract.checks.tables import total_rows

    def cell(text, value):
        return Figure(kind="money", value=value, text=text, precision=100_000, page=16, bbox=BOX, source="ocr",
                      confidence=95.0)

    rows = [("Spending growth", [cell("£1.6m", 1.6e6), cell("£1.0m", 1.0e6)]),
            ("Council Tax", [cell("£1.8m", 1.8e6), cell("£2.0m", 2.0e6)]),
            ("Pro rata share", [cell("£1", None), cell("£1.0m", 1.0e6)]),  # '£1.3m' read differently twice
            ("Total Net Funding", [cell("£4.7m", 4.7e6), cell("£4.0m", 4.0e6)])]
    table = NumericTable(id="numtable-1-t", title="T", page=16, columns=["2025-26", "2024-25"],
                         rows=[TableRow(label=label, cells=cells) for label, cells in rows])
    checked = [r for r in total_rows(table) if r is not None]
    assert [r.column for r in checked] == ["2024-25"] and checked[0].outcome == "agrees"


def test_a_blank_cell_in_a_row_read_by_ocr_makes_its_columns_failing_sum_unsure_never_an_alarm():
    from extract.checks.tables import total_rows

    def cell(text, value, source="ocr"):
        return Figure(kind="money", value=value, text=text, precision=100_000, page=16, bbox=BOX, source=source,
                      confidence=95.0 if source == "ocr" else None)

    def table(source):
        rows = [("Council Tax", [cell("£20.5m", 20.5e6, source), cell("£1.8m", 1.8e6, source)]),
                ("Social Care", [cell("£20.1m", 20.1e6, source), cell("£2.9m", 2.9e6, source)]),
                ("Pro rata share", [cell("£12.8m", 12.8e6, source), None]),  # '£1.3m' read '£1 Om': no cell
                ("Total Net Funding", [cell("£53.4m", 53.4e6, source), cell("£6.0m", 6.0e6, source)])]
        return NumericTable(id="numtable-1-t", title="T", page=16, columns=["Total", "CYPE"],
                            rows=[TableRow(label=label, cells=cells) for label, cells in rows])

    scanned = [r for r in total_rows(table("ocr")) if r is not None]
    # the blank is summed as nil (a figure OCR lost would leave it blank too): CYPE fails, in doubt
    assert [(r.column, r.outcome) for r in scanned] == [("Total", "agrees"), ("CYPE", "unsure")]
    assert "read by OCR" in (scanned[1].reason or "") and scanned[1].finding is None
    printed = [r for r in total_rows(table("pdf")) if r is not None]  # a blank printed cell is nil
    assert ("CYPE", "disagrees") in [(r.column, r.outcome) for r in printed]


def _ocr_page(folder: Path):
    """The page OCRmyPDF hands its image filter: 3 x 1 inches, files in `folder` (PageContext.get_path)."""
    from types import SimpleNamespace

    return SimpleNamespace(pageinfo=SimpleNamespace(width_inches=3, height_inches=1),
                           get_path=lambda name: folder / f"000001_{name}")


def _scanned_strip(mode: str):
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (900, 300), 232)
    ImageDraw.Draw(page).text((100, 100), "FTE 13.03", fill=0, font=ImageFont.load_default(size=60))
    return page.convert("1", dither=Image.Dither.FLOYDSTEINBERG) if mode == "1" else page


def test_a_descreened_page_keeps_its_greys_for_the_second_reading(tmp_path):
    import numpy as np
    from PIL import Image

    from extract.read.ocr_rules import SECOND_IMAGE, filter_ocr_image

    first = np.asarray(filter_ocr_image(_ocr_page(tmp_path), _scanned_strip("1")))
    second = np.asarray(Image.open(tmp_path / f"000001_{SECOND_IMAGE}"))
    assert set(np.unique(first)) <= {0, 255}  # the first reading's page: black and white
    assert len(np.unique(second)) > 2 and second.shape == first.shape  # the second's: the same page in greys


def test_a_grey_scan_is_read_twice_from_the_same_image(tmp_path):
    from extract.read.ocr_rules import SECOND_IMAGE, filter_ocr_image

    filter_ocr_image(_ocr_page(tmp_path), _scanned_strip("L"))
    assert not (tmp_path / f"000001_{SECOND_IMAGE}").exists()


@pytest.mark.parametrize("greys_kept", [True, False])
def test_the_second_reading_reads_the_greys_when_the_page_kept_them(tmp_path, monkeypatch, greys_kept):
    import subprocess

    from extract.read import ocr_pages
    from extract.read.ocr_rules import SECOND_IMAGE

    (tmp_path / "000001_ocr.png").write_bytes(b"")
    if greys_kept:
        (tmp_path / f"000001_{SECOND_IMAGE}").write_bytes(b"")
    ocr_pages.available_languages()  # asked of Tesseract once, before its reading is stood in for
    commands = []
    monkeypatch.setattr(ocr_pages.subprocess, "run",
                        lambda command, **_: commands.append(command) or subprocess.CompletedProcess(command, 0))
    assert ocr_pages._second_reading(tmp_path, 1, (612.0, 792.0)) == []
    assert Path(commands[0][1]).name == (f"000001_{SECOND_IMAGE}" if greys_kept else "000001_ocr.png")
