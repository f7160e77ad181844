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
