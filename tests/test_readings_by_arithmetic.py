"""Where the spacing cannot tell a wrapped label from rows of their own (label lines set at
the row pitch), the table's arithmetic decides, and the reading records it; generated with
reportlab and read as any paper is."""
from __future__ import annotations

import pytest

from tests.budget_pen import BudgetPen

ROWS = [("Schools", "1,200", "100", "1,300"), ("Libraries", "300", "10", "310"), ("Transport", "500", "-20", "480")]


def uniform_page(path, lines, last, bold=True) -> None:
    """A £000 budget whose last row of numbers is printed under label lines set at the pitch
    of its rows (14 pt), as its rows are."""
    pen = BudgetPen(path)
    top = pen.headings()
    for label, *cells in ROWS:
        pen.text(60, top, label)
        pen.numbers(top, *cells)
        top += 14
    for line in lines:
        pen.text(60, top, line, bold=bold)
        top += 14
    pen.text(60, top, last[0], bold=bold)
    pen.numbers(top, *last[1:], bold=bold)
    pen.save()


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
