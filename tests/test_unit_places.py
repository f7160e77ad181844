"""Units printed where a first reading does not look: over a heading that spans a group of
columns, in a row's own label, beside amounts that cannot be pounds; and the rule that decides
unmarked amounts are pounds. Generated pages (reportlab)."""
from __future__ import annotations

from tests.budget_pen import COLUMNS
from tests.test_table_units import read, rows, table_with, values


def test_a_heading_spanning_two_columns_does_not_end_the_header_above_it(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Investments held", bold=True)
        pen.numbers(80, "Book Cost", "Market", "Return")
        pen.text(COLUMNS[0], 91, "£", right=True)
        pen.text(COLUMNS[1] - 40, 91, "value at 30-September-2024")  # over the last two columns
        pen.numbers(102, "", "£", "£")
        rows(pen, 118)
    table = table_with(read(tmp_path, draw), "Schools")
    assert values(table, "Schools") == [1_200, 100, 1_300]
    assert table.reading.unit_sources == ["column heading"] * 3
    assert table.title == "Investments held"
    assert "30-September-2024" in table.columns[1] and "30-September-2024" in table.columns[2]
