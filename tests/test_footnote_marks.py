"""A footnote mark printed as a superscript beside a label or a figure (smaller type, raised
baseline) is a mark: no cell, no row, no part of the label; on a page generated with reportlab
and read as any paper is."""
from __future__ import annotations

import pytest

COLUMNS = (330, 400, 470)


def page_with_marks(path, raise_by: float) -> None:
    """A £m table whose label 'Transferred Debt' and one figure carry a mark '1' set in 7 pt
    type, `raise_by` points above the 12 pt line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]

    def text(x, top, words, size=12, right=False, bold=False):
        page.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        (page.drawRightString if right else page.drawString)(x, height - top, words)

    text(60, 60, "Balance sheet summary and forecast", bold=True)
    for x, heading in zip(COLUMNS, ("2024 £m", "2025 £m", "2026 £m"), strict=True):
        text(x, 90, heading, right=True, bold=True)
    rows = [("Total CFR", ("1,268.3", "1,304.8", "1,289.9")), ("Other liabilities", ("178.5", "225.1", "214.9")),
            ("Adjustment for", ()), ("Transferred Debt", ("27.8", "26.6", "25.6")),
            ("Loans CFR", ("1,117.6", "1,106.3", "1,100.6")), ("External borrowing", ("-771.9", "-742.6", "-710.3"))]
    top = 108
    for label, cells in rows:
        text(60, top, label)
        for x, cell in zip(COLUMNS, cells, strict=False):
            text(x, top, cell, right=True)
        if label == "Transferred Debt":
            page.setFont("Helvetica", 12)
            text(60 + page.stringWidth(label, "Helvetica", 12), top - raise_by, "1", size=7)
        if label == "Loans CFR":
            text(COLUMNS[1], top - raise_by, "2", size=7)
        top += 14
    page.save()


@pytest.fixture(scope="module", params=[2.0, 4.8], ids=["on-its-line", "raised-off-its-line"])
def tables(request, tmp_path_factory):
    pytest.importorskip("reportlab")
    from extract.pipeline import extract_pack

    path = tmp_path_factory.mktemp("marks") / "marks.pdf"
    page_with_marks(path, request.param)
    return extract_pack(path).tables


def test_a_superscript_mark_makes_no_cell_row_or_column(tables):
    (table,) = tables
    assert len(table.columns) == 3
    assert [r.label for r in table.rows] == ["Total CFR", "Other liabilities", "Adjustment for Transferred Debt",
                                             "Loans CFR", "External borrowing"]
    assert all(len(r.cells) == 3 and all(c is not None for c in r.cells) for r in table.rows)


def test_a_figure_carrying_a_mark_keeps_its_value_and_printed_text(tables):
    loans = next(r for r in tables[0].rows if r.label == "Loans CFR")
    assert [c.text for c in loans.cells] == ["1,117.6", "1,106.3", "1,100.6"]  # type: ignore[union-attr]
    assert loans.cells[1].value == pytest.approx(1_106.3e6)  # type: ignore[union-attr]
