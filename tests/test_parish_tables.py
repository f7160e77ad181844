"""How a parish council's year-end sheets are read and checked: last year's figure printed
before the label, a symbol-font mark between cells, a 'Totals' row, one heading naming two
columns ('underspent/overspent'), a one-column reconciliation printed without a '£', a
payment sheet whose VAT is on its totals row alone, and box 8 against box 7."""
from __future__ import annotations

import pytest

from extract.checks.signed import signed_rows
from extract.checks.totals import total_rows
from extract.structures.numeric.tables import flow_to_numeric_tables
from tests.rowkit import lay_out, right
from tests.test_relation_kinds import AGAR, YEARS, alarms, checked, of
from tests.test_table_checks import table

PRIOR, RECEIPT, INCOME = 105, 342, 477  # last year's column stands left of the labels
LABEL = 126


def at(x1: float, text: str) -> tuple[float, str]:
    return (right(x1, text), text)


def income_line(top, prior, label, receipt, income):
    phrases = [(LABEL, label), at(RECEIPT, receipt), at(INCOME, income)]
    return (top, ([at(PRIOR, prior)] if prior else []) + phrases)


def income_sheet():
    return lay_out([
        (80, [(LABEL, "INCOME")]),
        income_line(100, "5700", "Precept", "5700", "5700.00"),
        income_line(114, "0", "Bank interest", "0", "0.00"),
        income_line(128, "98.4", "Grant", "98.4", "98.40"),
        income_line(142, "225", "Miscellaneous", "150", "150.00"),
        income_line(156, "130", "Nancy Bowles Wood", "0", "0.00"),
        income_line(170, None, "Football Club", "400", "400.00"),
        income_line(184, "6153.4", "Totals", "6348.4", "6348.40"),
    ])


def values(table, c):
    return [r.cells[c].value if r.cells[c] else None for r in table.rows]


def test_last_years_whole_figure_printed_before_the_label_is_a_cell_of_its_column():
    (table,) = flow_to_numeric_tables(income_sheet())
    assert [r.label for r in table.rows] == ["Precept", "Bank interest", "Grant", "Miscellaneous",
                                             "Nancy Bowles Wood", "Football Club", "Totals"]
    assert values(table, 0) == [5700, 0, 98.4, 225, 130, None, 6153.4]


def test_a_totals_row_closing_the_sheet_is_checked_in_every_column():
    (table,) = flow_to_numeric_tables(income_sheet())
    outcomes = [(r.check, r.column, r.outcome) for r in total_rows(table) if r is not None]
    assert outcomes == [("table.total_row", c, "agrees") for c in ("column 1 (no heading)",
                                                                  "column 2 (no heading)",
                                                                  "column 3 (no heading)")]


def test_a_row_number_before_the_label_stays_in_the_label_when_no_column_of_amounts_is_there():
    (table,) = flow_to_numeric_tables(lay_out([
        (80, [(LABEL, "Budget (£)")]),
        (100, [(60, "1"), (LABEL, "Schools"), at(RECEIPT, "1,200.00"), at(INCOME, "1,300.00")]),
        (114, [(60, "2"), (LABEL, "Libraries"), at(RECEIPT, "300.00"), at(INCOME, "310.00")]),
        (128, [(60, "3"), (LABEL, "Transport"), at(RECEIPT, "500.00"), at(INCOME, "480.00")]),
        (142, [(60, "4"), (LABEL, "Parks"), at(RECEIPT, "50.00"), at(INCOME, "45.00")]),
    ]))
    assert [r.label for r in table.rows] == ["1 Schools", "2 Libraries", "3 Transport", "4 Parks"]
    assert len(table.columns) == 2


def spending_sheet(heading: str):
    cols = (342, 420, 480, 540)  # payment, budget, underspent, overspent

    def spend(top, label, payment, budget, under=None, over=None, mark=False):
        phrases = [(LABEL, label), at(cols[0], payment), at(cols[1], budget)]
        if mark:
            phrases.append((cols[1] + 8, "\uf06b"))  # a symbol font's arrow beside the budget
        phrases += [at(c, v) for c, v in ((cols[2], under), (cols[3], over)) if v]
        return (top, phrases)

    return lay_out([
        (60, [(LABEL, "EXPENDITURE (£)")]),
        (80, [(LABEL, "Details"), at(cols[0], "Payment"), at(cols[1], "Budget"), (cols[2] - 28, heading)]),
        spend(96, "Village Hall", "250.00", "350.00", under="100.00", mark=True),
        spend(110, "Insurance", "470.82", "475.00", under="4.18"),
        spend(124, "Playground", "847.31", "1000.00", under="152.69", mark=True),
        spend(138, "Celebrations", "488.64", "200.00", over="288.64"),
        spend(152, "Totals", "2056.77", "2025.00", under="256.87"),
    ])


def test_a_symbol_font_mark_between_the_cells_splits_no_row():
    (table,) = flow_to_numeric_tables(spending_sheet("underspent/overspent"))
    assert [r.label for r in table.rows] == ["Village Hall", "Insurance", "Playground", "Celebrations", "Totals"]
    assert values(table, 1)[0] == 350 and values(table, 2)[0] == 100


def test_one_heading_naming_two_neighbouring_columns_gives_each_its_half():
    (table,) = flow_to_numeric_tables(spending_sheet("underspent/overspent"))
    assert table.columns == ["Payment", "Budget", "underspent", "overspent"]


def reconciliation(*lines):
    return lay_out([(100 + 14 * n, [(60, label)] + ([at(300, figure)] if figure else []))
                    for n, (label, figure) in enumerate(lines)])


def test_a_bank_reconciliation_in_one_column_without_a_pound_sign_is_read_and_checked():
    (table,) = flow_to_numeric_tables(reconciliation(
        ("Bank Reconciliation for the year ending 31st March 2017", None),
        ("Balance as per bank statement", "11918"),
        ("Add amounts not yet credited", None),
        ("Deduct unpresented cheques", "1509"),
        ("Total", "10409"),
    ))
    (checked,) = [r for r in signed_rows(table) if r is not None]
    assert (checked.check, checked.expected, checked.found, checked.outcome) == (
        "table.bank_reconciliation", 10409, 10409, "agrees")


def test_a_deduct_line_printing_nothing_keeps_its_row_and_the_line_below_is_the_result():
    (table,) = flow_to_numeric_tables(reconciliation(
        ("Balance as per bank statement", "10409.00"),
        ("Add amounts not yet credited", "0.00"),
        ("Deduct unpresented cheques", None),
        ("", "10409.00"),
        ("Balance sheet at end of March 2017", None),
        ("Long Term Assets", "0.00"),
        ("Cash in hand", "10409.00"),
    ))
    deduct = next(r for r in table.rows if r.label.startswith("Deduct"))
    assert not any(deduct.cells)
    (checked,) = [r for r in signed_rows(table) if r is not None]
    assert (checked.row, checked.found, checked.outcome) == ("row 4 (unlabelled)", 10409, "agrees")


def test_one_figure_under_a_line_of_prose_is_no_reconciliation():
    assert flow_to_numeric_tables(reconciliation(
        ("The clerk reported the balance", "10409"),
        ("and said the accounts were in order", None),
        ("Total", "10409"),
    )) == []


def reconciliation_pdf(path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    page.setFont("Helvetica", 10)
    lines = [("Bank Reconciliation for the year ending 31st March 2017", None),
             ("Balance as per bank statement", "11918"), ("Add amounts not yet credited", None),
             ("Deduct unpresented cheques", "1509"), ("Total", "10409")]
    for n, (label, figure) in enumerate(lines):
        top = A4[1] - 80 - 16 * n
        page.drawString(60, top, label)
        if figure:
            page.drawRightString(320, top, figure)
    page.save()


def test_a_paper_holding_only_a_reconciliation_without_a_pound_sign_has_it_checked(tmp_path):
    pytest.importorskip("reportlab")
    from extract.pipeline import extract_pack

    path = tmp_path / "reconciliation.pdf"
    reconciliation_pdf(path)
    checked = [(r.check, r.outcome) for r in extract_pack(path).relations]
    assert checked == [("table.bank_reconciliation", "agrees")]


# --- a payment sheet whose VAT is printed on its totals row alone ------------------------

ACCOUNTS = ["Payment", "VAT", "Expenditure", "Budget"]


def test_payments_in_one_analysis_column_add_across_once_the_totals_row_confirms_the_reading():
    rows = [("Village Hall", ["250.00", None, "250.00", "350.00"]), ("Insurance", ["470.82", None, "470.82", "475.00"]),
            ("VAT", ["956.54", "956.54", None, None]), ("Totals", ["1677.36", "956.54", "720.82", "825.00"])]
    rels = of(checked(table(ACCOUNTS, rows)), "table.cross_foot")
    assert [(r.row, r.outcome) for r in rels] == [("Village Hall", "agrees"), ("Insurance", "agrees"),
                                                  ("VAT", "agrees"), ("Totals", "agrees")]


def test_two_like_columns_with_no_row_of_two_parts_are_not_read_as_adding_across():
    rows = [("Village Hall", ["250.00", None, "250.00", "350.00"]), ("Insurance", ["470.82", None, "470.82", "475.00"]),
            ("Totals", ["720.82", None, "720.82", "825.00"])]
    assert of(checked(table(ACCOUNTS, rows)), "table.cross_foot") == []


# --- the annual return's box 8 against box 7 ----------------------------------------------

def agar(title: str) -> list:
    rows = [*AGAR[:6], ("7. (=) Balances carried forward", ["16634", "26603"]),
            ("8. Total value of cash and short term investments", ["17590", "26603"])]
    return checked(table(YEARS, rows).model_copy(update={"title": title}))


def test_box_8_differing_from_box_7_is_an_alarm_where_the_return_states_a_receipts_and_payments_basis():
    rels = agar("Section 2 - Accounting Statements, prepared on a receipts and payments basis")
    assert [r.outcome for r in of(rels, "table.agar_box8")] == ["disagrees", "agrees"]
    assert [r.row for r in alarms(rels)] == ["8. Total value of cash and short term investments"]


def test_box_8_differing_from_box_7_stays_unsure_where_the_return_names_both_bases():
    rels = agar("Accounting Statements prepared on either a receipts and payments basis or an income and "
                "expenditure basis")
    (unsure, _) = of(rels, "table.agar_box8")
    assert unsure.outcome == "unsure" and "receipts and payments basis" in (unsure.reason or "")
    assert not alarms(rels)


# --- underspend and overspend, each in a column of its own ----------------------------------

SPENDING = ["Payment", "Expenditure", "Budget 2016/17", "underspent", "overspent"]
UNDER_OVER = [("Village Hall", ["250.00", "250.00", "350.00", "100.00", None]),
              ("Insurance", ["470.82", "470.82", "475.00", "4.18", None]),
              ("Celebrations", ["488.64", "488.64", "200.00", None, "288.64"]),
              ("Totals", ["1209.46", "1209.46", "1025.00", "104.18", "288.64"])]


def test_underspend_is_budget_less_spend_and_overspend_spend_less_budget_row_by_row():
    rels = of(checked(table(SPENDING, UNDER_OVER)), "table.variance")
    assert [(r.row, r.column, r.expression, r.outcome) for r in rels] == [
        ("Village Hall", "underspent", "350.00 − 250.00 = 100.00", "agrees"),
        ("Insurance", "underspent", "475.00 − 470.82 = 4.18", "agrees"),
        ("Celebrations", "overspent", "488.64 − 200.00 = 288.64", "agrees")]


def test_a_misprinted_underspend_is_an_alarm_at_its_row():
    rows = [*UNDER_OVER[:1], ("Insurance", ["470.82", "470.82", "475.00", "14.18", None]), *UNDER_OVER[2:]]
    rels = checked(table(SPENDING, rows))
    assert [(r.check, r.row, r.expected, r.found) for r in alarms(rels) if r.check == "table.variance"] == [
        ("table.variance", "Insurance", 4.18, 14.18)]


def test_under_and_over_columns_that_hold_on_no_row_are_not_read_as_budget_less_spend():
    rows = [(label, [*cells[:3], "5.00" if cells[3] else None, "7.00" if cells[4] else None])
            for label, cells in UNDER_OVER]
    assert of(checked(table(SPENDING, rows)), "table.variance") == []
