"""Column headings set flush left over right-aligned numbers stand nearer the amounts of the
column before their own; where a heading line holds one phrase per column, the order on the
line places them, so a percentage column is never read as money under its neighbour's unit."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import extract_pack
from tests.compare_kit import write_paper
from tests.test_compare_percentages import COLUMNS
from tests.test_compare_percentages import ROWS as PRINTED_WITH_PERCENT_SIGNS

# the same table, its percentages printed bare under the 'Change %' heading
ROWS = [(label, (*cells[:2], cells[2].rstrip("%"))) for label, cells in PRINTED_WITH_PERCENT_SIGNS]


@pytest.mark.parametrize("headings_right", [False, True])
def test_each_flush_left_heading_heads_its_own_column_and_percentages_stay_out_of_money(tmp_path: Path,
                                                                                      headings_right: bool):
    pytest.importorskip("reportlab")
    pdf = write_paper(tmp_path / "paper.pdf", rows=ROWS, columns=COLUMNS, headings_right=headings_right)
    (table,) = extract_pack(pdf).tables
    assert list(table.columns) == list(COLUMNS)
    assert [row.cells[1].value for row in table.rows] == [13_150_000, 8_600_000, 990_000, 22_740_000]  # type: ignore[union-attr]
    assert all(row.cells[2] is None for row in table.rows)
    assert [row.percentages[2].value for row in table.rows] == [6.0, 4.2, -4.8, 4.8]  # type: ignore[union-attr]
