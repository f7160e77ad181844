"""A disagreement at a figure read by OCR and printed unlike its column is a misread, not a misprint."""
from __future__ import annotations

from extract.checks.proof import proven
from extract.checks.tables import formula_columns
from extract.models import Figure, NumericTable, TableRow


def cell(text: str, source: str = "pdf", y: float = 0) -> Figure:
    return Figure(kind="fte", value=float(text), text=text, precision=0.01, page=1, bbox=(0, y, 1, y + 1),
                  source=source)


def staffing(misread_text: str, source: str) -> NumericTable:
    rows = [("Education", ["90.00", "82.53", "-7.47"]), ("SEN", ["95.00", misread_text, "-7.88"]),
            ("Other", ["100.00", "90.00", "-10.00"])]
    return NumericTable(id="numtable-1-t", title="Summary", page=1,
                        columns=["Establishment FTE", "FTE proposed", "Change in FTE"],
                        rows=[TableRow(label=label, cells=[cell(t, source if t == misread_text else "pdf", y=10 * k + c)
                                                           for c, t in enumerate(texts)])
                              for k, (label, texts) in enumerate(rows)])


def _judged(table: NumericTable):
    return [r for r in proven([r for r in formula_columns(table) if r is not None], [table])
            if r.outcome != "agrees"]


def test_an_ocr_figure_without_its_columns_decimal_point_makes_the_difference_unsure_not_an_alarm():
    (judged,) = _judged(staffing("8712", source="ocr"))
    assert judged.outcome == "unsure" and judged.raised is None
    assert "'8712'" in (judged.reason or "") and "decimal" in (judged.reason or "")


def test_the_same_figure_printed_so_in_a_born_digital_table_stays_an_alarm():
    (judged,) = _judged(staffing("8712", source="pdf"))
    assert judged.outcome == "disagrees" and judged.raised is not None


def test_an_ocr_figure_printed_like_its_column_that_does_not_agree_stays_an_alarm():
    (judged,) = _judged(staffing("87.92", source="ocr"))
    assert judged.outcome == "disagrees" and judged.raised is not None
