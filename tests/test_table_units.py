"""Every figure of a numbers table in the unit its page prints for it, wherever that is printed:
a unit line under the headings, the title, the headings of the part above a split table, a
unit heading over the page's tables, '£m' with decimals; generated pages (reportlab)."""
from __future__ import annotations

import pytest

from extract.models import Extraction, NumericTable
from extract.structures.numeric.cells import Unit, text_to_unit
from tests.budget_pen import COLUMNS, BudgetPen

ROWS = [("Schools", "1,200", "100", "1,300"), ("Libraries", "300", "10", "310"), ("Transport", "500", "-20", "480")]


def rows(pen: BudgetPen, top: float, lines=ROWS, columns=COLUMNS) -> float:
    for label, *cells in lines:
        pen.text(60, top, label)
        for x, cell in zip(columns, cells, strict=False):
            pen.text(x, top, cell, right=True)
        top += 14
    return top


def read(tmp_path, draw) -> Extraction:
    pytest.importorskip("reportlab")
    from extract.pipeline import Options, extract_pack

    path = tmp_path / "units.pdf"
    pen = BudgetPen(path)
    draw(pen)
    pen.save()
    return extract_pack(path, Options(checks=False))


def table_with(extraction: Extraction, label: str) -> NumericTable:
    return next(t for t in extraction.tables if any(r.label == label for r in t.rows))


def values(table: NumericTable, label: str) -> list[float | None]:
    row = next(r for r in table.rows if r.label == label)
    return [c.value if c is not None and c.kind == "money" else None for c in row.cells]


def test_a_unit_line_under_the_headings_scales_every_column_and_is_no_row(tmp_path):
    def draw(pen):
        rows(pen, pen.headings())
    table = table_with(read(tmp_path, draw), "Schools")
    assert values(table, "Schools") == [1_200_000, 100_000, 1_300_000]
    assert table.reading.unit_sources == ["unit line"] * 3
    assert not any(c is not None and c.value == 0 for r in table.rows for c in r.cells)


def test_a_unit_in_the_title_scales_the_table(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Capital programme (£000)", bold=True)
        pen.numbers(90, "Budget", "Changes", "Budget")
        pen.numbers(101, "2024/25", "", "2025/26")
        rows(pen, 117)
    table = table_with(read(tmp_path, draw), "Schools")
    assert values(table, "Transport") == [500_000, -20_000, 480_000]
    assert set(table.reading.unit_sources) == {"title"}


def test_a_part_split_off_at_an_intermediate_heading_keeps_the_unit_of_the_part_above(tmp_path):
    def draw(pen):
        top = rows(pen, pen.headings())
        pen.text(60, top + 4, "Basic Need Schemes:", bold=True)
        rows(pen, top + 20, [("Expansion", "2,000", "50", "2,050"), ("New school", "900", "0", "900")])
    below = table_with(read(tmp_path, draw), "Expansion")
    assert values(below, "Expansion") == [2_000_000, 50_000, 2_050_000]


def test_a_part_set_apart_under_a_note_keeps_the_unit_of_the_table_its_columns_stand_under(tmp_path):
    def draw(pen):
        top = rows(pen, pen.headings())
        pen.text(60, top + 10, "* to be confirmed. These will be included in the outturn report and")
        pen.text(60, top + 21, "the updated figures will be used for monitoring.")
        rows(pen, top + 60, [("Contributions to reserves", "4,000", "50", "4,050"),
                             ("Drawdowns from reserves", "-900", "0", "-900")])
    extraction = read(tmp_path, draw)
    below = table_with(extraction, "Drawdowns from reserves")
    assert below is not table_with(extraction, "Schools")
    assert values(below, "Drawdowns from reserves") == [-900_000, 0, -900_000]
    assert set(below.reading.unit_sources) == {"table above"}


def test_a_part_printing_amounts_in_some_of_the_columns_above_takes_their_units(tmp_path):
    def draw(pen):
        top = rows(pen, pen.headings())
        pen.text(60, top + 10, "* to be confirmed. These will be included in the outturn report and")
        pen.text(60, top + 21, "the updated figures will be used for monitoring.")
        rows(pen, top + 60, [("Relief road", "2,629", "", "10"), ("Interchange", "103,494", "", "3,299")])
    below = table_with(read(tmp_path, draw), "Interchange")
    assert values(below, "Interchange") == [103_494_000, 3_299_000]
    assert below.column_units == ["GBP 1000", "GBP 1000"]


def test_a_part_below_whose_columns_stand_elsewhere_takes_no_unit_from_the_table_above(tmp_path):
    def draw(pen):
        top = rows(pen, pen.headings())
        pen.text(60, top + 10, "Pupil numbers are counted in October.")
        rows(pen, top + 60, [("Primary pupils", "4,000", "4,100"), ("Secondary pupils", "3,000", "3,050")],
             columns=(250, 520))
    below = table_with(read(tmp_path, draw), "Primary pupils")
    assert below.column_units == [None, None]
    assert [c.value for c in below.rows[0].cells if c is not None] == [4000, 4100]


def test_a_unit_heading_the_page_holds_for_every_table_under_it(tmp_path):
    def draw(pen):
        pen.text(COLUMNS[-1], 40, "£000", bold=True, right=True)
        for title, top, lines in (("Revenue budget", 70, ROWS),
                                  ("Capital budget", 200, [("Roads", "7,000", "0", "7,000"),
                                                           ("Bridges", "2,500", "-500", "2,000")])):
            pen.text(60, top, title, bold=True)
            pen.numbers(top + 22, "Budget", "Changes", "Budget")
            rows(pen, top + 38, lines)
    extraction = read(tmp_path, draw)
    assert values(table_with(extraction, "Schools"), "Schools") == [1_200_000, 100_000, 1_300_000]
    assert values(table_with(extraction, "Bridges"), "Bridges") == [2_500_000, -500_000, 2_000_000]


def test_a_unit_printed_between_a_title_and_its_table_is_that_tables_only(tmp_path):
    def draw(pen):
        for title, top, lines in (("Table 3: Spend on high needs", 60, ROWS),
                                  ("Table 4: Pupils funded", 200, [("Special schools", "5,118", "5,591", "6,019"),
                                                                   ("Independent", "1,126", "1,348", "1,485")])):
            pen.text(60, top, title, bold=True)
            if top == 60:
                pen.text(COLUMNS[-1], top + 14, "All figures in £m", right=True)
            pen.numbers(top + 28, "2022-23", "2023-24", "2024-25")
            rows(pen, top + 44, lines)
    extraction = read(tmp_path, draw)
    assert values(table_with(extraction, "Schools"), "Schools") == [1_200_000_000, 100_000_000, 1_300_000_000]
    pupils = table_with(extraction, "Special schools")
    assert pupils.column_units == [None, None, None]
    assert [c.kind for c in pupils.rows[0].cells if c is not None] == ["count"] * 3
    assert "GBP 1e+06" in (pupils.reading.unit_doubt or "")  # left as printed, and said so
    assert table_with(extraction, "Schools").reading.unit_doubt is None


def test_the_review_page_says_when_a_tables_unit_is_in_doubt():
    from extract.models import TableReading, TableRow
    from extract.review.render_structures import reading_note

    table = NumericTable(id="numtable-2", title="Pupils", page=1, columns=["2024-25"], column_units=[None],
                         rows=[TableRow(label="Special schools", cells=[None])],
                         reading=TableReading(unit_sources=[None], unit_doubt="no unit printed for this table"))
    assert "Unit in doubt: no unit printed for this table" in reading_note(table, [])


def test_millions_printed_with_decimals_keep_their_digits(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Medium term financial plan", bold=True)
        pen.numbers(90, "2025-26", "2026-27", "2027-28")
        pen.numbers(101, "£m", "£m", "£m")
        rows(pen, 117, [("Pressures", "12.45", "(0.25)", "3.1"), ("Savings", "-4.20", "0.05", "-1.0")])
    table = table_with(read(tmp_path, draw), "Pressures")
    assert values(table, "Pressures") == [12_450_000, -250_000, 3_100_000]
    assert [c.precision for c in table.rows[0].cells if c is not None] == [10_000, 10_000, 100_000]


def test_a_column_of_percentages_beside_amounts_keeps_the_table_and_its_unit(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Investment and debt portfolio", bold=True)
        pen.text(COLUMNS[1], 90, "Actual", right=True)
        pen.text(COLUMNS[2], 90, "Average rate", right=True)
        pen.text(COLUMNS[1], 101, "£m", right=True)
        pen.text(COLUMNS[2], 101, "%", right=True)
        rows(pen, 117, [("Public Works Loan Board", "", "432.40", "4.33"), ("LOBO loans", "", "90.00", "4.15"),
                        ("Total borrowing", "", "522.40", "4.30")])
    table = table_with(read(tmp_path, draw), "Public Works Loan Board")
    assert values(table, "Public Works Loan Board")[0] == 432_400_000
    assert table.column_units == ["GBP 1e+06", "percent"]


@pytest.mark.parametrize(("text", "unit"), [
    ("Includes £4.3m budgeted repayment of reserves", None),
    ("£", Unit("money")),
    ("2018 £ Net Expenditure", Unit("money")),
    ("Budget £000", Unit("money", 1e3)),
])
def test_a_pound_sign_names_a_unit_only_when_no_amount_follows_it(text, unit):
    assert text_to_unit(text) == unit


def test_a_totals_block_under_rows_not_read_as_a_table_keeps_the_unit_marked_over_its_columns():
    from extract.structures.numeric.tables import flow_to_numeric_tables
    from tests.rowkit import lay_out, right

    cols = (300, 360, 420)

    def at(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False) if t]
    # each saving prints a text between its amounts ('see note'): rows the reader takes for no table
    saving = [(60, "Grant"), (right(300, "-1,500.0"), "-1,500.0"), (310, "see"), *at("", "0.0", "200.0")]
    flow = lay_out([
        (40, [(60, "Category"), *at("2025-26", "2026-27", "2027-28")]),
        (52, at("£000's", "£000's", "£000's")),
        (70, saving), (84, saving),
        (120, [(60, "TOTAL SAVINGS"), *at("-3,000.0", "0.0", "400.0")]),
        (134, [(60, "CORE"), *at("-2,000.0", "0.0", "300.0")]),
    ], bold=(4, 5))
    (total,) = [t for t in flow_to_numeric_tables(flow) if any(r.label == "TOTAL SAVINGS" for r in t.rows)]
    row = next(r for r in total.rows if r.label == "TOTAL SAVINGS")
    assert [c.value for c in row.cells if c is not None] == [-3_000_000, 0, 400_000]
    assert total.reading.unit_lines == ["£000's £000's £000's"]


def test_no_unit_is_taken_over_rows_of_numbers_standing_in_other_columns():
    from extract.structures.numeric.tables import flow_to_numeric_tables
    from tests.rowkit import lay_out, right

    cols = (300, 360, 420)

    def at(*texts, columns=cols):
        return [(right(x1, t), t) for x1, t in zip(columns, texts, strict=False) if t]
    flow = lay_out([
        (40, at("£000's", "£000's", "£000's")),
        (58, [(60, "Grant"), *at("12", "14", columns=(200, 250))]),
        (72, [(60, "Loan"), *at("3", "4", columns=(200, 250))]),
        (110, [(60, "TOTAL"), *at("-3,000.0", "0.0", "400.0")]),
        (124, [(60, "CORE"), *at("-2,000.0", "0.0", "300.0")]),
    ])
    (total,) = [t for t in flow_to_numeric_tables(flow) if any(r.label == "TOTAL" for r in t.rows)]
    assert total.column_units == [None, None, None]


def test_the_unit_a_sheet_states_holds_over_rows_of_its_grid_down_to_a_block_below():
    from extract.structures.numeric.cells import row_to_cells
    from extract.structures.numeric.grid import Column
    from extract.structures.numeric.units import unit_marks_over_grid
    from tests.rowkit import lay_out, right

    cols = (300, 360, 420)

    def at(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False) if t]
    flow = lay_out([
        (30, [(330, "All figures in £m")]),
        (44, [(60, "Reserve"), *at("Opening", "Change", "Closing")]),
        (62, [(60, "Smoothing"), *at("-148.7", "11.4", "-137.3")]),
        (76, [(60, "Departmental"), *at("-2.8", "2.8", "0.0"), (440, "£2.8m"), (480, "drawdown to fund")]),
        (112, [(60, "Schools"), *at("-58.6", "1.0", "-57.6")]),
    ])
    parsed = [row_to_cells(fr.row) for fr in flow]
    columns = [Column(x1 - 30, x1) for x1 in cols]
    # an amount in a note beside the rows ('£2.8m drawdown …') is no row of another grid
    assert unit_marks_over_grid(flow, parsed, 4, columns) == ([Unit("money", 1e6)] * 3, "All figures in £m")
    assert unit_marks_over_grid(flow, parsed, 4, columns, stop=3) is None  # not past a table already read
    elsewhere = [Column(x1 - 30, x1) for x1 in (200, 250, 420)]
    assert unit_marks_over_grid(flow, parsed, 4, elsewhere) is None  # a row of another grid between
