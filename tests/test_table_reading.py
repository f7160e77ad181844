"""How a numbers table is read, and the reading recorded on it: a unit line under the
column headings is the columns' unit, not a row of nil amounts; a part of a table split
off at an intermediate heading keeps the headings and unit of the part above."""
from __future__ import annotations

import pytest

from extract.structures.numeric.tables import flow_to_numeric_tables
from tests.rowkit import lay_out, right

COLS = (300, 360)


def cells(*texts, cols=COLS):
    return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)]


def line(top, label, *texts, cols=COLS):
    return (top, [(60, label), *cells(*texts, cols=cols)])


def values(table, label):
    (row,) = [r for r in table.rows if r.label == label]
    return [c.value if c else None for c in row.cells]


def test_a_unit_line_under_the_headings_is_the_columns_unit_not_a_row_of_zeros():
    (table,) = flow_to_numeric_tables(lay_out([
        (80, [(60, "Revenue budget summary")]),
        (100, cells("2024/25", "2025/26")),
        (114, cells("£000", "£000")),
        line(130, "Schools", "1,200", "1,300"),
        line(144, "Libraries", "300", "310"),
        line(158, "Total", "1,500", "1,610"),
    ], bold=(0,)))
    assert [r.label for r in table.rows] == ["Schools", "Libraries", "Total"]
    assert values(table, "Total") == [1_500_000, 1_610_000]
    assert table.column_units == ["GBP 1000", "GBP 1000"]
    assert table.reading.unit_sources == ["unit line", "unit line"]
    assert table.reading.unit_lines == ["£000 £000"]


def test_a_unit_line_under_a_stub_heading_is_read_as_units():
    (table,) = flow_to_numeric_tables(lay_out([
        (100, cells("Budget", "Actual")),
        (114, [(60, "Service"), *cells("£000", "£000")]),
        line(130, "Parks", "20", "25"),
        line(144, "Roads", "30", "35"),
    ]))
    assert [r.label for r in table.rows] == ["Parks", "Roads"]
    assert values(table, "Roads") == [30_000, 35_000]


def test_a_heading_that_prints_its_unit_is_recorded_as_the_source():
    (table,) = flow_to_numeric_tables(lay_out([
        (100, cells("Budget £m", "Actual £m")),
        line(116, "Grant", "0.6", "1.1"),
        line(132, "Savings", "(1.8)", "(3.0)"),
    ]))
    assert table.reading.unit_sources == ["column heading", "column heading"]
    assert table.reading.unit_lines == []
    assert table.reading.split_from is None


def test_a_line_above_the_table_naming_the_unit_is_recorded_as_its_source():
    (table,) = flow_to_numeric_tables(lay_out([
        (80, [(60, "All amounts £000")]),
        (100, cells("2018/19", "2019/20")),
        line(116, "Net expenditure", "16,354", "14,633"),
        line(132, "Savings", "-378", "-9"),
    ]))
    assert values(table, "Savings") == [-378_000, -9_000]
    assert table.reading.unit_sources == ["line above", "line above"]
    assert table.reading.unit_lines == ["All amounts £000"]


WIDE = (240, 300, 360)


def split_table(gap: float = 14, bold_heading: bool = True):
    """Two parts of one table: the rows above print two columns, the rows below an
    intermediate heading (set across the columns, so it ends the part above) three."""
    top = 158 + gap
    lines = [
        (80, [(60, "Capital programme")]),
        (100, cells("Total", "Prior", "2025-26", cols=WIDE)),
        (114, cells("£000s", "£000s", "£000s", cols=WIDE)),
        (130, [(60, "Rolling programme"), *cells("8,000", "800", cols=(240, 360))]),
        (144, [(60, "Total rolling"), *cells("8,000", "800", cols=(240, 360))]),
        (top, [(60, "Individual projects - to provide additional places in schools:")]),
        line(top + 14, "School roofs", "4,609", "4,102", "507", cols=WIDE),
        line(top + 28, "Total projects", "4,609", "4,102", "507", cols=WIDE),
    ]
    return lay_out(lines, bold=(0, 1, 2, 5) if bold_heading else (0, 1, 2))


def test_a_part_split_off_at_an_intermediate_heading_keeps_the_headings_and_unit_above():
    first, second = flow_to_numeric_tables(split_table())
    assert values(first, "Total rolling") == [8_000_000, 800_000]
    assert second.columns == ["Total £000s", "Prior £000s", "2025-26 £000s"]
    assert values(second, "Total projects") == [4_609_000, 4_102_000, 507_000]
    assert second.reading.split_from == first.id
    assert second.reading.unit_sources == ["table above"] * 3


def test_a_table_set_well_apart_below_another_is_read_on_its_own():
    first, second = flow_to_numeric_tables(split_table(gap=60, bold_heading=False))
    assert second.reading.split_from is None
    assert values(second, "Total projects") == [4_609, 4_102, 507]


def test_a_totals_label_wrapped_over_three_lines_stays_with_its_total_row():
    (table,) = flow_to_numeric_tables(lay_out([
        (100, cells("£ 2024/25", "£ 2025/26")),
        line(116, "Schools", "100", "200"),
        line(132, "Libraries", "50", "60"),
        (148, [(60, "SPECIALIST")]),
        (159, [(60, "EDUCATION")]),
        line(170, "SERVICES", "150", "260"),
    ], bold=(3, 4, 5)))
    assert [r.label for r in table.rows] == ["Schools", "Libraries", "SPECIALIST EDUCATION SERVICES"]
    assert [(w.row, w.lines) for w in table.reading.wrapped_labels] == [(2, 3)]


def dense_budget(label_line: str, second_line: str):
    """A budget set tight: rows stand as close as wrapped lines would."""
    return lay_out([
        (100, cells("£ 2024/25", "£ 2025/26")),
        line(112, "Base budget", "100", "200"),
        line(124, "Pay award", "5", "6"),
        (136, [(60, label_line)]),
        (148, [(60, second_line)]),
        line(160, "Growth", "0", "0"),
        line(172, "TOTAL BUDGET", "105", "206"),
    ])


def test_rows_printed_with_blank_cells_are_rows_of_their_own_in_a_tight_table():
    (table,) = flow_to_numeric_tables(dense_budget("INFLATION", "COMMITMENTS"))
    assert [r.label for r in table.rows] == [
        "Base budget", "Pay award", "INFLATION", "COMMITMENTS", "Growth", "TOTAL BUDGET"]
    assert table.reading.wrapped_labels == []


def test_a_line_whose_words_run_on_is_still_a_wrapped_label_in_a_tight_table():
    (table,) = flow_to_numeric_tables(dense_budget("Contract inflation and", "commitments"))
    assert [r.label for r in table.rows] == [
        "Base budget", "Pay award", "Contract inflation and commitments", "Growth", "TOTAL BUDGET"]


THREE = (300, 360, 420)


def table_with_block_below(block_x1: float, gap: float = 24):
    """A budget by service closed by its total, and under it a small block of one column
    (last year's budget, the changes, this year's) ending at block_x1."""
    top = 162 + gap
    return lay_out([
        (80, [(60, "Budget by service")]),
        (100, cells("2024/25", "2025/26", "Change", cols=THREE)),
        (114, cells("£000", "£000", "£000", cols=THREE)),
        line(130, "Schools", "100", "110", "10", cols=THREE),
        line(146, "Libraries", "50", "55", "5", cols=THREE),
        line(162, "Total", "150", "165", "15", cols=THREE),
        line(top, "Budget 2024/25", "150", cols=(block_x1,)),
        line(top + 16, "Changes", "15", cols=(block_x1,)),
        line(top + 32, "Budget 2025/26", "165", cols=(block_x1,)),
    ], bold=(5,))


@pytest.mark.parametrize("block_x1", [310, 300])
def test_a_small_block_printed_under_a_table_is_not_merged_into_its_first_column(block_x1):
    (table,) = flow_to_numeric_tables(table_with_block_below(block_x1))
    assert [r.label for r in table.rows] == ["Schools", "Libraries", "Total"]


def test_a_row_of_one_figure_set_as_the_tables_rows_are_stays_in_the_table():
    lines = table_with_block_below(300, gap=16)
    (table,) = flow_to_numeric_tables(lines[:6] + [lines[6]])
    assert [r.label for r in table.rows][-1] == "Budget 2024/25"


def test_a_unit_line_above_the_headings_past_a_group_heading_is_the_tables_unit():
    (table,) = flow_to_numeric_tables(lay_out([
        (60, [(right(360, "£m"), "£m")]),
        (74, [(60, "Directorate"), *cells("Budget", "Forecast")]),
        (120, [(60, "Strategic Management")]),
        line(136, "Directorate budgets", "4.3", "4.7"),
        line(152, "Schools", "0.0", "30.4"),
    ], bold=(2,)))
    assert values(table, "Schools") == [0, 30_400_000]
    assert table.reading.unit_sources == ["line above", "line above"]


def test_a_heading_ending_in_its_unit_above_an_untitled_table_names_its_unit():
    (table,) = flow_to_numeric_tables(lay_out([
        (60, [(60, "Prudential Indicator 3: Gross Debt (£m)")]),
        (74, [(60, "The debt is the total outstanding borrowing of the Council, as explained here.")]),
        (110, cells("2024-25", "2025-26")),
        line(124, "Gross debt", "1,268.01", "1,300.80"),
        line(138, "Total CFR", "1,268.01", "1,300.80"),
    ]))
    assert values(table, "Total CFR") == [1_268_010_000, 1_300_800_000]


def test_a_unit_line_above_another_tables_rows_is_not_taken():
    first, second = flow_to_numeric_tables(lay_out([
        (40, [(60, "£000")]),
        line(54, "Rent", "10", "20"),
        line(68, "Rates", "30", "40"),
        (110, [(60, "Staffing")]),
        line(150, "Posts filled", "12", "14"),
        line(164, "Posts vacant", "2", "1"),
    ]))
    assert values(first, "Rates") == [30_000, 40_000]
    assert second.column_units == [None, None]


def test_a_table_with_headings_of_its_own_under_a_money_table_does_not_take_its_unit():
    first, second = flow_to_numeric_tables(lay_out([
        (80, [(60, "Spend (£m)")]),
        (100, cells("2023-24", "2024-25")),
        line(114, "Special schools", "151", "163"),
        line(128, "Total spend", "365", "391"),
        (150, [(60, "Number of pupils")]),
        (164, cells("2023-24", "2024-25")),
        line(178, "Special schools", "6,382", "6,645"),
        line(192, "Total pupils", "16,163", "17,176"),
    ], bold=(0, 4)))
    assert values(first, "Total spend") == [365_000_000, 391_000_000]
    assert second.column_units == [None, None]
    assert values(second, "Total pupils") == [16_163, 17_176]


def test_a_figure_set_close_before_a_note_stays_in_its_column():
    cols = (240, 300, 360)
    (table,) = flow_to_numeric_tables(lay_out([
        (100, cells("Budget £", "Spend £", "Total £", cols=cols)),
        line(114, "Insurance", "500", "487.96", "487.96", cols=cols),
        (128, [(60, "Clerk salary"), *cells("1250", "1274", cols=cols[:2]),
               (right(360, "1274"), "1274 March pay late")]),
        line(142, "Total", "1750", "1761.96", "1761.96", cols=cols),
    ]))
    (row,) = [r for r in table.rows if r.label == "Clerk salary"]
    assert [c.text if c else None for c in row.cells] == ["1250", "1274", "1274"]
    assert row.notes == ["March pay late"]


def test_a_unit_line_above_with_the_pound_sign_set_apart_keeps_its_thousands():
    (table,) = flow_to_numeric_tables(lay_out([
        (60, [(right(300, "£ 000"), "£ 000"), (right(360, "£ 000"), "£ 000")]),
        (74, [(60, "Directorate"), *cells("Budget", "Forecast")]),
        (120, [(60, "Strategic Management")]),
        line(136, "Directorate budgets", "4", "5"),
        line(152, "Schools", "0", "30"),
    ], bold=(2,)))
    assert values(table, "Schools") == [0, 30_000]
