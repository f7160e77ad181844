"""A relation is named by what its rows are: a roll-forward is an opening total, its movements
and a closing total of the same measure; a total plus rows of another measure is a sum."""
from __future__ import annotations

from tests.test_relation_kinds import alarms, checked, of
from tests.test_table_checks import table

EXCLUDING = ("Education Total (excluding schools' budgets)", ["430.6", "420.8"])
SCHOOLS = ("Schools' delegated budgets", ["0.0", "30.4"])


def test_a_total_plus_rows_of_another_measure_is_a_total_row_not_a_roll_forward():
    rows = [("Early years", ["200.6", "190.0"]), ("High needs", ["230.0", "230.8"]), EXCLUDING, SCHOOLS,
            ("Education Total (including schools' budgets)", ["430.6", "451.2"])]
    rels = checked(table(["Budget", "Forecast"], rows))
    assert not of(rels, "table.roll_forward")
    including = [r for r in of(rels, "table.total_row") if "including" in r.row]
    assert [r.outcome for r in including] == ["agrees", "agrees"]


def test_a_total_plus_rows_of_another_measure_misprinted_is_a_total_row_alarm():
    rows = [("Early years", ["200.6", "190.0"]), ("High needs", ["230.0", "230.8"]), EXCLUDING, SCHOOLS,
            ("Education Total (including schools' budgets)", ["430.6", "452.2"])]
    (alarm,) = alarms(checked(table(["Budget", "Forecast"], rows)))
    assert (alarm.check, alarm.column, alarm.expected, alarm.found) == ("table.total_row", "Forecast", 451.2, 452.2)
    assert "movements" not in alarm.raised.message  # type: ignore[union-attr]


def test_a_balance_brought_forward_and_carried_forward_is_a_roll_forward():
    rows = [("Balance brought forward total", ["12.0", "15.0"]), ("Receipts", ["8.0", "9.0"]),
            ("Payments", ["(5.0)", "(6.0)"]), ("Balance carried forward total", ["15.0", "18.0"])]
    rels = checked(table(["2023", "2024"], rows))
    assert [r.outcome for r in of(rels, "table.roll_forward")] == ["agrees", "agrees"]
