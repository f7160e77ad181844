"""compare sees a percentage changed between two versions: a table's percentages ('6.0%',
or a number under a heading in %) are kept beside its cells, which leave them blank since
they add to nothing, and pair by row and column as the cells do."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.compare.changes import compare, summary_line
from extract.compare.html import headline
from extract.pipeline import extract_pack
from tests.compare_kit import with_cell, write_paper

COLUMNS = ("2024-25 £000", "2025-26 £000", "Change %")
ROWS = (
    ("Adult social care", ("12,400", "13,150", "6.0%")),
    ("Children's services", ("8,250", "8,600", "4.2%")),
    ("Libraries", ("1,040", "990", "-4.8%")),
    ("Total", ("21,690", "22,740", "4.8%")),
)


def version(tmp_path: Path, name: str, rows=ROWS, columns=COLUMNS, headings_right=False):
    pytest.importorskip("reportlab")
    return extract_pack(write_paper(tmp_path / f"{name}.pdf", rows=rows, columns=columns,
                                    headings_right=headings_right))


def test_a_percentage_changed_in_a_table_is_one_change_with_its_row_column_and_difference_in_points(tmp_path):
    old = version(tmp_path, "old")
    new = version(tmp_path, "new", rows=with_cell(ROWS, "Children's services", 2, "4.5%"))
    changes = compare(old, new).changes
    seen = [(c.kind, c.scope, c.row, c.column, c.old.text, c.new.text, c.new.kind, c.difference)  # type: ignore[union-attr]
            for c in changes]
    assert seen == [("changed", "figure", "Children's services", "Change %", "4.2%", "4.5%", "percent", 0.3)]
    assert summary_line(compare(old, new)) == "1 figure changed, 0 rows added, 0 removed"
    assert headline(changes[0]).endswith("4.2% → 4.5% (+0.3 percentage points)")


def test_numbers_under_a_heading_in_percent_are_compared_as_percentages(tmp_path):
    rows = [(label, (*cells[:2], cells[2].rstrip("%"))) for label, cells in ROWS]
    old = version(tmp_path, "old", rows=rows, headings_right=True)
    new = version(tmp_path, "new", rows=with_cell(rows, "Libraries", 2, "-5.1"), headings_right=True)
    assert [(c.row, c.old.value, c.new.value, c.difference) for c in compare(old, new).changes  # type: ignore[union-attr]
            ] == [("Libraries", -4.8, -5.1, -0.3)]


def test_the_same_percentages_are_no_change_and_no_figure_adds_them(tmp_path):
    old = version(tmp_path, "old")
    assert compare(old, version(tmp_path, "again")).changes == []
    (table,) = old.tables
    assert [row.percentages[2].value for row in table.rows] == [6.0, 4.2, -4.8, 4.8]  # type: ignore[union-attr]
    assert all(row.cells[2] is None for row in table.rows)  # the cells leave them blank: nothing sums them
    assert all(f.kind != "percent" for f in old.figures)


def test_a_row_of_percentages_added_is_reported_with_its_percentage(tmp_path):
    old = version(tmp_path, "old")
    added = (*ROWS[:3], ("Culture", ("", "", "2.5%")), ROWS[3])
    changes = compare(old, version(tmp_path, "new", rows=added)).changes
    assert [(c.kind, c.scope, c.row, [f.text for f in c.figures]) for c in changes] == [
        ("added", "row", "Culture", ["2.5%"])]
