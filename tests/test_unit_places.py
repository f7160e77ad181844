"""Units printed where a first reading does not look: over a heading that spans a group of
columns, in a row's own label, beside amounts that cannot be pounds; and the rule that decides
unmarked amounts are pounds. Generated pages (reportlab)."""
from __future__ import annotations

from extract.structures.numeric.cells import Unit
from extract.structures.numeric.units import row_units
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


def test_a_row_label_ending_in_its_unit_gives_its_cells_that_unit(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Table 9: Net income from investments to net revenue stream", bold=True)
        pen.numbers(90, "2024/25", "2025/26", "2026/27")
        rows(pen, 106, [("Net income from investments £m", "4.9", "5.2", "4.7"),
                        ("Proportion of net revenue stream (%)", "0.34", "0.34", "0.29"),
                        ("Net revenue budget £000", "1,400", "1,500", "1,600")])
    table = table_with(read(tmp_path, draw), "Net income from investments £m")
    assert values(table, "Net income from investments £m") == [4_900_000, 5_200_000, 4_700_000]
    assert values(table, "Net revenue budget £000") == [1_400_000, 1_500_000, 1_600_000]
    share = next(r for r in table.rows if r.label.startswith("Proportion"))
    assert share.cells == [None, None, None]
    assert [p.value for p in share.percentages if p is not None] == [0.34, 0.34, 0.29]
    assert not any(c is not None and c.unit_inferred for r in table.rows for c in r.cells)


ACCOUNTS = [("Staff costs", "1.250", "-0.615", "0.635"), ("Grants received", "2.100", "0.000", "2.100"),
            ("Total costs", "3.350", "-0.615", "2.735")]


def test_amounts_printed_to_three_decimals_are_not_taken_as_pounds_by_the_tables_words(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Capital budget and expenditure variances", bold=True)
        pen.numbers(90, "Budget", "Variance", "Forecast")
        pen.text(60, rows(pen, 106, ACCOUNTS) + 20, "Variances over £0.5m are explained in the report.")
    table = table_with(read(tmp_path, draw), "Staff costs")
    cells = [c for r in table.rows for c in r.cells if c is not None]
    assert cells and not any(c.kind == "money" or c.unit_inferred for c in cells)
    assert table.column_units == [None, None, None]


def test_amounts_printing_pence_under_the_words_of_accounts_are_pounds_marked_inferred(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Capital budget and expenditure variances", bold=True)
        pen.numbers(90, "Budget", "Variance", "Forecast")
        top = rows(pen, 106, [(label, *(c[:-1] for c in cells)) for label, *cells in ACCOUNTS])
        pen.text(60, top + 20, "Variances over £0.5m are explained in the report.")
    table = table_with(read(tmp_path, draw), "Staff costs")
    assert values(table, "Staff costs") == [1.25, -0.61, 0.63]
    assert all(c.unit_inferred for r in table.rows for c in r.cells if c is not None)


def test_a_sheet_of_long_notes_over_two_pages_keeps_the_unit_stated_over_its_first_page(tmp_path):
    detail = ["The overspend is due to the delayed review of the waste", "sites and the non-delivery of a saving",
              "planned for the year; alternative savings are being", "identified but will not be delivered in time",
              "and the remaining variance relates to inflation", "above the amount estimated in the budget."]

    def item(pen, top, label, cells):
        pen.text(60, top + 30, label)
        pen.numbers(top + 30, *cells)
        for n, line in enumerate(detail * 2):
            pen.text(490, top + 12 * n, line)
        return top + 24 * len(detail) + 14

    def draw(pen):
        pen.text(250, 50, "All figures in £m")
        pen.numbers(70, "Budget", "Forecast", "Variance")
        top = 90
        for label in ("Waste Facilities", "Highway Assets", "Concessionary Travel"):
            top = item(pen, top, label, ("38.8", "40.6", "+1.8"))
        pen.page.showPage()
        pen.text(490, 50, "a pressure (+£0.9m) on the inspections budget.")
        rows(pen, 80, [("Community Protection", "12.0", "11.3", "-0.7"), ("Libraries", "11.1", "10.5", "-0.6")])
    table = table_with(read(tmp_path, draw), "Libraries")
    assert table.page == 2
    assert values(table, "Libraries") == [11_100_000, 10_500_000, -600_000]


def test_the_unit_closing_the_page_before_holds_for_a_table_under_a_heading_opening_the_next(tmp_path):
    def draw(pen):
        pen.text(60, 700, "The directorate is forecast to overspend, as the table overleaf shows in detail.")
        pen.text(60, 730, "Growth, Environment & Transport", bold=True)
        pen.text(250, 745, "All figures in £m")
        pen.page.showPage()
        pen.text(60, 50, "Directorate summary")
        pen.numbers(80, "Budget", "Forecast", "Variance")
        top = rows(pen, 96, [("Waste", "97.3", "99.9", "2.6"), ("Highways", "72.9", "78.1", "5.2")])
        pen.text(60, top + 30, "The directorate is projected to be overspent by £7.8m.")
    table = table_with(read(tmp_path, draw), "Waste")
    assert values(table, "Waste") == [97_300_000, 99_900_000, 2_600_000]


def test_unit_marks_over_some_columns_leave_the_others_no_money_not_pounds(tmp_path):
    def draw(pen):
        pen.text(60, 50, "Budget risks register: costs and budget pressures", bold=True)
        pen.numbers(70, "Likelihood", "Annual", "Lifetime")
        pen.numbers(82, "", "£m", "£m")
        pen.text(60, 110, "Demand and cost drivers")
        pen.numbers(110, "4", "12.0")
        rows(pen, 200, [("Market sustainability costs", "4", "10.0"), ("Home to school transport costs", "3", "10.0")])
    table = table_with(read(tmp_path, draw), "Market sustainability costs")
    assert values(table, "Market sustainability costs") == [None, 10_000_000]
    cells = [r.cells[0] for r in table.rows if r.cells[0] is not None]
    assert cells and not any(c.kind == "money" or c.unit_inferred for c in cells)



def test_a_percentage_or_fte_ending_a_rows_label_is_a_figure_in_the_label_not_the_rows_unit():
    thousands = [Unit("money", 1e3)] * 2
    for label in ("Council tax increase at 4.99%", "Reduction of 3.5 FTE"):
        assert row_units(label, [None, None], thousands, [False, False]) == (thousands, [False, False])
    assert row_units("Proportion of net revenue stream (%)", [None, None], thousands, [True, True]) == \
        ([Unit("percent")] * 2, [False, False])
