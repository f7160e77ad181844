"""Where the spacing cannot tell a wrapped label from rows of their own (label lines set at
the row pitch), the table's arithmetic decides, and the reading records it; generated with
reportlab and read as any paper is."""
from __future__ import annotations

import pytest

COLUMNS = (330, 400, 470)
ROWS = [("Schools", "1,200", "100", "1,300"), ("Libraries", "300", "10", "310"), ("Transport", "500", "-20", "480")]


def uniform_page(path, lines, last, bold=True) -> None:
    """A £000 budget whose last row of numbers is printed under label lines set at the pitch
    of its rows (14 pt), as its rows are."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]

    def text(x, top, words, bold=False, right=False):
        page.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        (page.drawRightString if right else page.drawString)(x, height - top, words)

    def numbers(top, *cells, bold=False):
        for x, cell in zip(COLUMNS, cells, strict=False):
            text(x, top, cell, bold, right=True)

    text(60, 60, "Education revenue budget 2025/26", bold=True)
    numbers(90, "Budget", "Changes", "Budget")
    numbers(101, "2024/25", "", "2025/26")
    numbers(112, "£000", "£000", "£000")
    top = 128
    for label, *cells in ROWS:
        text(60, top, label)
        numbers(top, *cells)
        top += 14
    for line in lines:
        text(60, top, line, bold=bold)
        top += 14
    text(60, top, last[0], bold=bold)
    numbers(top, *last[1:], bold=bold)
    page.save()


def table_of(tmp_path, lines, last, bold=True):
    pytest.importorskip("reportlab")
    from extract.pipeline import Options, extract_pack

    path = tmp_path / "budget.pdf"
    uniform_page(path, lines, last, bold)
    (table,) = extract_pack(path, Options(triage=False)).tables
    return table


@pytest.mark.parametrize("bold", [True, False], ids=["bold", "regular"])
def test_a_three_line_total_label_set_at_the_row_pitch_stays_with_its_total(tmp_path, bold):
    table = table_of(tmp_path, ["SPECIALIST", "EDUCATION"], ("SERVICES", "2,000", "90", "2,090"), bold)
    assert [r.label for r in table.rows] == ["Schools", "Libraries", "Transport", "SPECIALIST EDUCATION SERVICES"]
    assert [c.value for c in table.rows[-1].cells] == [2_000_000, 90_000, 2_090_000]  # type: ignore[union-attr]
    assert [(w.row, w.lines, w.chosen_by) for w in table.reading.wrapped_labels] == [(3, 3, "arithmetic")]


def test_headings_over_a_row_that_adds_up_nothing_stay_rows_of_their_own(tmp_path):
    table = table_of(tmp_path, ["SPECIALIST", "EDUCATION"], ("SERVICES", "700", "40", "740"))
    assert [r.label for r in table.rows][-3:] == ["SPECIALIST", "EDUCATION", "SERVICES"]
    assert table.reading.wrapped_labels == []
