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


# --- a heading naming years: a duration or a period of spend, as its values say -------

def test_a_prior_years_spend_column_of_amounts_is_added():
    rows = [("Scheme A", ["4415", "3903"]), ("Scheme B", ["2500", "1200"]), ("Total", ["6915", "5203"])]
    rels = checked(table(["Total Cost £000s", "Prior Years Spend £000s"], rows))
    assert [r.column for r in of(rels, "table.total_row")] == ["Total Cost £000s", "Prior Years Spend £000s"]


def test_a_column_of_asset_lives_in_years_is_never_added():
    rows = [("Vehicles", ["400", "5"]), ("Buildings", ["900", "50"]), ("Total", ["1300", "60"])]
    rels = checked(table(["Cost £000s", "Asset life (years)"], rows))
    assert [r.column for r in of(rels, "table.total_row")] == ["Cost £000s"] and not alarms(rels)


def test_a_total_cost_adding_years_printed_beyond_the_table_is_unsure_not_an_alarm():
    # later years' spend is printed in a second table to the right: rows that spend in them
    # exceed the columns read here, all the same way
    rows = [("Scheme A", ["4415", "3903", "273", "239"]), ("Scheme B", ["900", "300", "300", "300"]),
            ("Scheme C", ["2500", "250", "250", "250"]), ("Scheme D", ["6500", "650", "650", "650"]),
            ("Scheme E", ["1200", "400", "400", "400"])]
    rels = of(checked(table(["Total Cost £000s", "Prior Years Spend £000s", "2025-26", "2026-27"], rows)),
              "table.cross_foot")
    assert [r.outcome for r in rels] == ["agrees", "agrees", "unsure", "unsure", "agrees"]
    assert all("columns not read" in (r.reason or "") for r in rels if r.outcome == "unsure")


def test_a_total_cost_misprinted_on_one_row_is_still_an_alarm():
    rows = [("Scheme A", ["4415", "3903", "273", "239"]), ("Scheme B", ["900", "300", "300", "300"]),
            ("Scheme C", ["760", "250", "250", "250"]), ("Scheme E", ["1200", "400", "400", "400"])]
    (alarm,) = alarms(checked(table(["Total Cost £000s", "Prior Years Spend £000s", "2025-26", "2026-27"], rows)))
    assert (alarm.check, alarm.row, alarm.expected, alarm.found) == ("table.cross_foot", "Scheme C", 750.0, 760.0)


def test_row_totals_right_of_their_parts_short_on_two_rows_are_both_alarms():
    # the parts of a spreadsheet's row total are all before it: no columns can be missing
    rows = [("Pay", ["100", "50", "150"]), ("Prices", ["30", "20", "50"]), ("Grants", ["10", "10", "20"]),
            ("Rent", ["5", "5", "12"]), ("Rates", ["8", "2", "11"])]
    found = alarms(checked(table(["Q1", "Q2", "Total"], rows)))
    assert sorted((a.row, a.found) for a in found) == [("Rates", 11.0), ("Rent", 12.0)]
