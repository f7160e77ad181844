"""Causes of changed totals the consistency pass missed (bench/tamper_totals.py), each on a
small generated table: the change is found, the untouched table raises nothing."""
from __future__ import annotations

from tests.test_relation_kinds import alarms, checked, of
from tests.test_table_checks import table

# A parish payment sheet: each payment in one analysis column, its VAT printed on the VAT line
# and the totals only; only the totals row adds two parts across.
SHEET = ["Payment", "VAT", "Expenditure"]


def payments(hall: str = "250.00", insurance: str = "470.82") -> list[tuple[str, list[str | None]]]:
    return [("Village Hall", [hall, None, "250.00"]), ("Insurance", [insurance, None, "470.82"]),
            ("Grass cutting", ["2880.00", None, "2880.00"]), ("Administration", ["856.50", None, "856.50"]),
            ("VAT", ["956.54", "956.54", None]), ("Totals", ["5413.86", "956.54", "4457.32"])]


def test_a_payment_sheet_of_one_part_rows_adds_across_untouched():
    rels = checked(table(SHEET, payments()))
    assert [r.outcome for r in of(rels, "table.cross_foot")] == ["agrees"] * 6
    assert not alarms(rels)


def test_one_payment_changed_on_a_sheet_of_one_part_rows_is_placed_by_its_row_and_column():
    # the changed amount no longer adds across: one row failing among rows that hold is its
    # misprint, and the column's total points at the same cell
    rels = checked(table(SHEET, payments(hall="275.00")))
    pointing = {(r.check, r.row, r.column) for r in alarms(rels) if r.reason}
    assert pointing == {("table.cross_foot", "Village Hall", "Payment"), ("table.total_row", "Totals", "Payment")}


def test_two_payments_that_do_not_add_across_make_no_cross_foot_reading():
    rels = checked(table(SHEET, payments(hall="275.00", insurance="500.00")))
    assert not of(rels, "table.cross_foot")


# A one-column summary: items, their subtotal, one row more, and the grand total of the two.
def summary(total: str) -> list[tuple[str, list[str | None]]]:
    return [("Environment", ["150891"]), ("Finance", ["63176"]), ("Chief Executive", ["170487"]),
            ("Total General Fund", ["384554"]), ("Housing Investment Programme", ["1538438"]),
            ("Total Expenditure", [total])]


def test_a_grand_total_of_a_subtotal_and_one_row_agrees_untouched():
    rels = of(checked(table(["£000"], summary("1922992"))), "table.total_row")
    assert [(r.row, r.outcome) for r in rels] == [("Total General Fund", "agrees"), ("Total Expenditure", "agrees")]


def test_a_changed_grand_total_of_a_subtotal_and_one_row_is_an_alarm_in_a_single_column():
    # no reading adds up and its own group is one row: the subtotals and that row are its parts
    (alarm,) = alarms(checked(table(["£000"], summary("2115291"))))
    assert (alarm.check, alarm.row, alarm.expected, alarm.found) == (
        "table.total_row", "Total Expenditure", 1922992.0, 2115291.0)
