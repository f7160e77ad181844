"""Each kind of relation a table prints, on small generated tables, through the whole
consistency pass (so the rule that an alarm needs the page's proof applies): it agrees, it
disagrees with the wrong cell named, and a reading in doubt is kept as unsure, never as an
alarm."""
from __future__ import annotations

import re
from collections.abc import Sequence

from extract.checks import check, say_tally, tally
from extract.models import Extraction, Meeting, NumericTable, Relation, Source
from tests.test_table_checks import table


def checked(*tables: NumericTable) -> list[Relation]:
    extraction = Extraction(tool_version="t", source=Source(file="x.pdf", sha256="0" * 64, pages=1),
                            meeting=Meeting(), tables=list(tables))
    return check(extraction).relations


def of(relations: Sequence[Relation], kind: str) -> list[Relation]:
    return [r for r in relations if r.check == kind]


def alarms(relations: Sequence[Relation]) -> list[Relation]:
    return [r for r in relations if r.raised is not None and r.raised.severity in ("warning", "error")]


def numbered(*tables: NumericTable) -> list[NumericTable]:
    return [t.model_copy(update={"id": f"numtable-{k}", "title": f"T{k}"}) for k, t in enumerate(tables, 1)]


# --- roll-forward: opening total, movements, closing total ---------------------------

ROLL = [("TOTAL BUDGET 2023/24", ["100.0", "50.0"]), ("Inflation", ["3.0", "1.0"]), ("Savings", ["(2.0)", "(1.0)"])]


def test_a_closing_total_that_rolls_the_opening_total_forward_agrees_as_a_roll_forward():
    rels = checked(table(["Core", "External"], [*ROLL, ("TOTAL BUDGET 2024/25", ["101.0", "50.0"])]))
    rolled = of(rels, "table.roll_forward")
    assert [r.outcome for r in rolled] == ["agrees", "agrees"]
    assert not of(rels, "table.total_row") and not alarms(rels)


def test_a_roll_forward_misprinted_in_one_column_is_an_alarm_naming_that_column():
    rels = checked(table(["Core", "External"], [*ROLL, ("TOTAL BUDGET 2024/25", ["101.0", "52.0"])]))
    (alarm,) = alarms(rels)
    assert (alarm.check, alarm.row, alarm.column) == ("table.roll_forward", "TOTAL BUDGET 2024/25", "External")
    assert (alarm.expected, alarm.found) == (50.0, 52.0)


def test_a_total_that_adds_up_under_no_reading_is_kept_unsure_not_raised():
    rels = checked(table(["Core", "External"], [*ROLL, ("TOTAL BUDGET 2024/25", ["120.0", "70.0"])]))
    assert not alarms(rels)
    assert {r.outcome for r in of(rels, "table.total_row")} == {"unsure"}
    assert all(r.reason and "misread" in r.reason and r.finding is None for r in of(rels, "table.total_row"))


# --- percentage columns known by their values ----------------------------------------

def test_a_change_column_that_is_a_percentage_of_two_others_is_never_added():
    rows = [("Pay", ["200.0", "220.0", "10.0"]), ("Prices", ["100.0", "90.0", "(10.0)"]),
            ("Other", ["50.0", "55.0", "10.0"]), ("Total", ["350.0", "365.0", "4.3"])]
    rels = checked(table(["Budget", "Actual", "Change"], rows))
    assert {r.column for r in of(rels, "table.total_row")} == {"Budget", "Actual"}
    assert not alarms(rels)


# --- a named relation where its rows mean something else ------------------------------

def test_total_expenditure_whose_named_rows_combine_nowhere_is_unsure():
    rows = [("Revenue", ["10.0", "12.0"]), ("Capital", ["5.0", "6.0"]), ("Total expenditure", ["40.0", "41.0"])]
    rels = of(checked(table(["2023", "2024"], rows)), "table.total_expenditure")
    assert [r.outcome for r in rels] == ["unsure", "unsure"] and all(r.finding is None for r in rels)


def test_total_expenditure_is_checked_where_it_is_revenue_plus_capital():
    rows = [("Revenue", ["10.0", "12.0"]), ("Capital", ["5.0", "6.0"]), ("Total expenditure", ["15.0", "19.0"])]
    (alarm,) = of(alarms(checked(table(["2023", "2024"], rows))), "table.total_expenditure")
    assert (alarm.column, alarm.expected, alarm.found) == ("2024", 18.0, 19.0)


# --- cross-footing: a payment's amount is its VAT plus its analysis columns -----------

SHEET = ["Amount", "VAT", "Admin", "Grass"]
PAYMENTS = [("Clerk", ["120.0", "0.0", "120.0", None]), ("Mower", ["360.0", "60.0", None, "300.0"]),
            ("Stationery", ["24.0", "4.0", "20.0", None])]


def test_a_payment_sheet_that_adds_across_agrees_row_by_row():
    rels = of(checked(table(SHEET, PAYMENTS)), "table.cross_foot")
    assert [r.row for r in rels] == ["Clerk", "Mower", "Stationery"] and {r.outcome for r in rels} == {"agrees"}


def test_a_payment_in_no_analysis_column_does_not_add_across():
    rels = checked(table(SHEET, [*PAYMENTS, ("Hall hire", ["45.0", None, None, None])]))
    (alarm,) = alarms(rels)
    assert (alarm.check, alarm.row, alarm.expected, alarm.found) == ("table.cross_foot", "Hall hire", 0.0, 45.0)


def test_a_sheet_adding_down_and_across_places_a_wrong_cell_by_its_row_and_column():
    rows = [("Clerk", ["120.0", "0.0", "120.0", None]), ("Mower", ["360.0", "60.0", None, "310.0"]),
            ("Verge", ["60.0", "10.0", None, "50.0"]), ("Stationery", ["24.0", "4.0", "20.0", None]),
            ("Total", ["564.0", "74.0", "140.0", "350.0"])]
    rels = checked(table(SHEET, rows))
    pointing = [r for r in alarms(rels) if r.reason]
    assert {(r.check, r.row, r.column) for r in pointing} == {("table.cross_foot", "Mower", "Amount"),
                                                             ("table.total_row", "Total", "Grass")}
    assert all("row 'Mower', column 'Grass'" in r.reason for r in pointing)  # type: ignore[operator]


# --- rows marked add / less: bank reconciliation, balance, annual return -------------

BANK = [("Balance as per bank statement", ["11918"]), ("Add amounts not yet credited", [None]),
        ("Deduct unpresented cheques", ["1509"])]


def whole(text: str) -> str:
    return f"{text}.0" if text and "." not in text else text


def test_a_bank_reconciliation_that_comes_to_the_cash_book_agrees():
    rels = checked(table(["£"], [*BANK, ("Total", ["10409"])]))
    (rec,) = of(rels, "table.bank_reconciliation")
    assert rec.outcome == "agrees" and rec.expected == 10409.0 and not of(rels, "table.total_row")


def test_a_bank_reconciliation_that_does_not_is_an_alarm_at_its_closing_figure():
    (alarm,) = alarms(checked(table(["£"], [*BANK, ("Total", ["10490"])])))
    assert (alarm.check, alarm.row, alarm.expected, alarm.found) == ("table.bank_reconciliation", "Total", 10409, 10490)


AGAR = [("1. Balances brought forward", ["13936", "16634"]), ("2. (+) Precept or Rates and Levies", ["9000", "9500"]),
        ("3. (+) Total other receipts", ["2253", "144029"]), ("4. (-) Staff costs", ["0", "0"]),
        ("5. (-) Loan interest/capital repayments", ["0", "0"]), ("6. (-) All other payments", ["8555", "143560"])]
YEARS = ["Year ending 31 March 2023", "Year ending 31 March 2024"]


def test_annual_return_boxes_agree_down_each_year_and_from_one_year_to_the_next():
    rows = [*AGAR, ("7. (=) Balances carried forward", ["16634", "26603"]),
            ("8. Total value of cash and short term investments", ["16634", "26603"])]
    rels = checked(table(YEARS, rows))
    assert [r.outcome for r in of(rels, "table.agar_box7")] == ["agrees", "agrees"]
    assert [r.outcome for r in of(rels, "table.agar_box8")] == ["agrees", "agrees"]
    (carried,) = of(rels, "table.opening_balance")
    assert (carried.outcome, carried.column) == ("agrees", YEARS[1])


def test_an_opening_balance_that_is_not_last_years_closing_is_an_alarm_in_this_years_column():
    # box 1 of 2024 misprinted: box 7 of 2024 and the roll from 2023 both point at it
    rows = [("1. Balances brought forward", ["13936", "16643"]), *AGAR[1:],
            ("7. (=) Balances carried forward", ["16634", "26603"])]
    rels = checked(table(YEARS, rows))
    flagged = {(r.check, r.column) for r in alarms(rels)}
    assert flagged == {("table.opening_balance", YEARS[1]), ("table.agar_box7", YEARS[1])}
    assert all(f"row '1. Balances brought forward', column '{YEARS[1]}'" in (r.reason or "") for r in alarms(rels))


def test_the_opening_balance_is_checked_against_last_years_closing_in_another_table():
    last = table(["2015/16"], [("Balance brought forward", ["100"]), ("Add income", ["50"]),
                               ("Deduct expenditure", ["30"]), ("Balance carried forward", ["120"])])
    this = table(["2016/17"], [("Balance brought forward", ["125"]), ("Add income", ["40"]),
                               ("Less expenditure", ["20"]), ("Balance carried forward", ["145"])])
    rels = checked(*numbered(last, this))
    assert [r.outcome for r in of(rels, "table.balance")] == ["agrees", "agrees"]
    (opening,) = of(rels, "table.opening_balance")
    assert (opening.structure, opening.expected, opening.found) == ("numtable-2", 120.0, 125.0)
    assert opening.raised is not None and "'T1'" in opening.raised.message


# --- an alarm only where the page proves it ------------------------------------------

def test_disagreements_in_a_table_whose_relations_mostly_fail_are_unsure():
    # three columns of totals, each out: the rows were misread, not misprinted
    rows = [("A", ["1.0", "2.0", "3.0"]), ("B", ["3.0", "4.0", "5.0"]), ("Total", ["4.0", "6.0", "8.0"]),
            ("C", ["1.0", "1.0", "1.0"]), ("D", ["1.0", "1.0", "1.0"]), ("Total", ["9.0", "9.0", "9.0"])]
    rels = checked(table(["2023", "2024", "2025"], rows))
    assert not alarms(rels)
    assert any(r.outcome == "unsure" and r.reason for r in rels)


def test_the_tally_line_counts_the_unsure():
    rows = [("A", ["1.0", "2.0", "3.0"]), ("B", ["3.0", "4.0", "5.0"]), ("Total", ["9.0", "9.0", "9.0"])]
    rels = checked(table(["2023", "2024", "2025"], rows))
    assert say_tally(*tally(rels)).endswith("3 unsure (reading in doubt)")


def test_a_line_brought_forward_is_last_years_total_and_a_changed_total_is_placed_by_both():
    years = ["2018/19", "2019/20"]
    rows = [("Net expenditure brought forward", ["100", "110"]), ("Inflation", ["6", "5"]), ("Savings", ["4", "(3)"]),
            ("Total net expenditure", ["110", "112"])]
    rels = checked(table(years, rows))
    assert [r.outcome for r in of(rels, "table.opening_balance")] == ["agrees"]
    rows[-1] = ("Total net expenditure", ["111", "112"])  # 2018/19's total misprinted
    flagged = alarms(checked(table(years, rows)))
    assert {r.check for r in flagged} == {"table.total_row", "table.opening_balance"}
    assert all("row 'Total net expenditure', column '2018/19'" in (r.reason or "") for r in flagged)


def test_a_line_carried_forward_that_is_no_balance_is_not_a_closing_balance():
    rows = [("Balance brought forward", ["100", "120"]), ("2017/18 Budgets Carried Forward", ["20", "5"])]
    assert not of(checked(table(["2017/18", "2018/19"], rows)), "table.opening_balance")


def test_a_column_of_row_totals_is_known_by_its_arithmetic_and_a_row_that_lost_its_total_makes_its_sum_unsure():
    months = ["Budget", "April", "May", "June", ""]
    rows = [("OALC", ["200", "100", "12.55", None, "112.55"]), ("Audit", [None, None, "130", "100", "230"]),
            ("Insurance", ["500", "87.96", None, "400", "487.96"]), ("Clerk", ["1250", "98", "98", "98", None]),
            ("", ["1950", None, None, None, "1124.51"])]  # the clerk's 294 was lost in reading
    rels = checked(table(months, rows))
    assert [(r.row, r.outcome) for r in of(rels, "table.cross_foot")] == [
        ("OALC", "agrees"), ("Audit", "agrees"), ("Insurance", "agrees")]
    (down,) = [r for r in of(rels, "table.total_row") if r.column == "column 5 (no heading)"]
    assert down.outcome == "unsure" and "row 'Clerk'" in (down.reason or "") and not alarms(rels)


def test_phase_blocks_each_closed_by_a_net_amount_row_add_up_within_their_block():
    cols = ["2024/25", "2025/26", "2026/27"]
    rows = [("Phase 1", [None, None, None]), ("Works", ["10.0", "20.0", "5.0"]), ("Fees", ["2.0", "3.0", "1.0"]),
            ("Grant", ["(4.0)", "(6.0)", "0.0"]), ("Net Amount", ["8.0", "17.0", "6.0"]),
            ("Phase 2", [None, None, None]), ("Works", ["30.0", "40.0", "7.0"]), ("Fees", ["3.0", "4.0", "1.0"]),
            ("Net Amount", ["33.0", "44.0", "8.0"])]
    rels = of(checked(table(cols, rows)), "table.total_row")
    assert len(rels) == 6 and {r.outcome for r in rels} == {"agrees"}
    rows[-1] = ("Net Amount", ["33.0", "45.0", "8.0"])
    (flagged,) = alarms(checked(table(cols, rows)))
    assert (flagged.row, flagged.column, flagged.expected, flagged.found) == ("Net Amount", "2025/26", 44.0, 45.0)


def test_the_review_page_lists_an_unsure_relation_with_its_reason():
    from extract.review.checked import _row

    rows = [("A", ["1.0", "2.0", "3.0"]), ("B", ["3.0", "4.0", "5.0"]), ("Total", ["9.0", "9.0", "9.0"])]
    unsure = next(r for r in checked(table(["2023", "2024", "2025"], rows)) if r.outcome == "unsure")

    class NoFindings:
        finding_number: dict[int, int] = {}

    html = _row(NoFindings(), unsure)  # type: ignore[arg-type]
    assert "unsure" in html and "misread" in html


def test_a_reconciliation_that_holds_in_no_column_of_its_table_is_unsure():
    # both years out by different amounts, nothing else in the table agrees: a misread block
    rows = [("Balance as per bank statement", ["11918", "12000"]), ("Deduct unpresented cheques", ["1509", "300"]),
            ("Total", ["10000", "11000"])]
    rels = of(checked(table(["2016/17", "2017/18"], rows)), "table.bank_reconciliation")
    assert [r.outcome for r in rels] == ["unsure", "unsure"] and all(r.reason for r in rels)


def test_opening_balances_that_match_last_years_closing_in_no_year_are_unsure():
    years = ["2016/17", "2017/18", "2018/19"]
    rows = [("Balance brought forward", ["50", "70", "90"]), ("Balance carried forward", ["60", "80", "100"])]
    rels = of(checked(table(years, rows)), "table.opening_balance")
    assert [r.outcome for r in rels] == ["unsure", "unsure"] and not alarms(checked(table(years, rows)))


def stated(text: str) -> list[Relation]:
    from extract.models import Statement
    from tests.test_table_checks import cell

    figures = [cell(t.replace("£", "").replace(",", ""), precision=0.01).model_copy(update={"text": t})
               for t in re.findall(r"£[\d,]+\.\d\d", text)]
    extraction = Extraction(tool_version="t", source=Source(file="x.pdf", sha256="0" * 64, pages=1),
                            meeting=Meeting(), statements=[Statement(subject="Report 6", section="6", page=1,
                                                                     text=text, figures=figures)])
    return of(check(extraction).relations, "report.bank_reconciliation")


def test_a_bank_reconciliation_told_in_a_sentence_agrees_or_is_an_alarm():
    text = ("6. BUDGET REVIEW The Bank Statement dated 1st February 2019 gave a credit balance of £12,462.62. One "
            "cheque to the value of £315.00 had not been presented giving an actual total of {}.")
    (right,) = stated(text.format("£12,147.62"))
    assert right.outcome == "agrees" and right.expression == "£12,462.62 − £315.00 = £12,147.62"
    (wrong,) = stated(text.format("£12,174.62"))
    assert wrong.outcome == "disagrees" and wrong.raised is not None and wrong.raised.severity == "warning"


def test_a_sentence_naming_balances_without_unpresented_cheques_is_not_read_as_a_reconciliation():
    assert stated("Lloyds Bank, Statement, Credit Balance of £8,556.62. HSBC, Credit Balance of £21.49.") == []


def test_less_income_under_items_with_no_subtotal_is_unsure_not_an_alarm():
    rows = [("Salaries", ["40.0"]), ("Premises", ["20.0"]), ("Less income", ["15.0"]), ("Net cost", ["45.0"])]
    (net,) = of(checked(table(["£"], rows)), "table.signed_rows")
    assert net.outcome == "unsure" and net.finding is None


def test_a_closing_total_bearing_its_opening_totals_label_is_a_roll_forward_even_under_a_subtotal():
    rows = [("Pay", ["60.0", "30.0"]), ("Prices", ["40.0", "20.0"]), *ROLL, ("TOTAL BUDGET 2024/25", ["101.0", "50.0"])]
    rels = checked(table(["Core", "External"], rows))
    assert [(r.row, r.outcome) for r in of(rels, "table.roll_forward")] == [("TOTAL BUDGET 2024/25", "agrees")] * 2


def test_box_8_differing_from_box_7_is_unsure_not_an_alarm():
    rows = [*AGAR[:6], ("7. (=) Balances carried forward", ["16634", "26603"]),
            ("8. Total value of cash and short term investments", ["17590", "26603"])]
    rels = checked(table(YEARS, rows))
    assert [r.outcome for r in of(rels, "table.agar_box8")] == ["unsure", "agrees"] and not alarms(rels)
