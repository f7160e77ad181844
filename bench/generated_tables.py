"""Generated tables of each kind of relation a paper prints, for bench/tamper_totals.py --generated:
a budget with a roll-forward, a payment sheet that adds across and down, a bank
reconciliation, a balance carried forward, an annual return's Section 2 over two years,
a cash-flow table of phases closed by 'Net Amount', a total plus rows of another measure ('Total
(excluding schools)' + schools = 'Total (including schools)'), a capital programme whose total
cost adds its prior years' spend and the years ahead, a payment sheet whose rows each print one
analysis amount (its VAT on the VAT line and the totals only), a notes page closed by a row named for
what it sums ('Debtors and Prepayments'). Each adds up as printed."""
from __future__ import annotations

from collections.abc import Sequence

from extract.models import Figure, NumericTable, TableRow

Rows = Sequence[tuple[str, Sequence[str | None]]]


def figure(text: str, row: int, column: int) -> Figure:
    value = float(text.strip("()").replace(",", "")) * (-1 if text.startswith("(") else 1)
    decimals = len(text.strip("()").split(".")[1]) if "." in text else 0
    return Figure(kind="money", value=value, text=text, precision=10.0 ** -decimals, page=1,
                  bbox=(100.0 + 60 * column, 100.0 + 12 * row, 150.0 + 60 * column, 110.0 + 12 * row))


def table(name: str, columns: Sequence[str], rows: Rows) -> NumericTable:
    return NumericTable(id=f"numtable-{name}", title=name, page=1, columns=list(columns), rows=[
        TableRow(label=label, cells=[figure(t, r, c) if t else None for c, t in enumerate(texts)])
        for r, (label, texts) in enumerate(rows)])


AGAR = [("1. Balances brought forward", ["13,936", "16,634"]),
        ("2. (+) Precept or Rates and Levies", ["9,000", "9,500"]),
        ("3. (+) Total other receipts", ["2,253", "14,029"]), ("4. (-) Staff costs", ["3,000", "3,100"]),
        ("5. (-) Loan interest/capital repayments", ["0", "0"]), ("6. (-) All other payments", ["5,555", "13,460"]),
        ("7. (=) Balances carried forward", ["16,634", "23,603"]),
        ("8. Total value of cash and short term investments", ["16,634", "23,603"])]

TABLES: list[NumericTable] = [
    table("roll-forward", ["Core", "External"], [
        ("Pay", ["60.0", "30.0"]), ("Prices", ["40.0", "20.0"]), ("TOTAL BUDGET 2023/24", ["100.0", "50.0"]),
        ("Inflation", ["3.0", "1.0"]), ("Savings", ["(2.0)", "(1.0)"]), ("Growth", ["4.0", "2.0"]),
        ("TOTAL BUDGET 2024/25", ["105.0", "52.0"])]),
    table("payment-sheet", ["Amount", "VAT", "Admin", "Grass", "Hall"], [
        ("Clerk", ["120.00", "0.00", "120.00", None, None]), ("Mower", ["360.00", "60.00", None, "300.00", None]),
        ("Verge", ["66.00", "11.00", None, "55.00", None]), ("Hire", ["48.00", "8.00", None, None, "40.00"]),
        ("Paper", ["24.00", "4.00", "20.00", None, None]),
        ("Total", ["618.00", "83.00", "140.00", "355.00", "40.00"])]),
    table("bank-reconciliation", ["£"], [
        ("Balance as per bank statement", ["11,918"]), ("Add amounts not yet credited", ["250"]),
        ("Deduct unpresented cheques", ["1,509"]), ("Balance as per cash book", ["10,659"])]),
    table("balance", ["2016/17"], [
        ("Balance brought forward", ["9,120.00"]), ("Add income", ["9,170.34"]), ("Deduct expenditure", ["7,881.25"]),
        ("Balance carried forward", ["10,409.09"])]),
    table("annual-return", ["Year ending 31 March 2023", "Year ending 31 March 2024"], AGAR),
    table("cash-flow", ["2024/25", "2025/26", "2026/27"], [
        ("Phase 1", [None, None, None]), ("Works", ["10.0", "20.0", "5.0"]), ("Fees", ["2.0", "3.0", "1.0"]),
        ("Grant", ["(4.0)", "(6.0)", "(1.0)"]), ("Net Amount", ["8.0", "17.0", "5.0"]),
        ("Phase 2", [None, None, None]), ("Works", ["30.0", "40.0", "7.0"]), ("Fees", ["3.0", "4.0", "1.0"]),
        ("Net Amount", ["33.0", "44.0", "8.0"])]),
    table("total-and-more", ["Budget", "Forecast"], [
        ("Early years", ["200.6", "190.0"]), ("High needs", ["230.0", "230.8"]),
        ("Education Total (excluding schools)", ["430.6", "420.8"]), ("Schools' delegated budgets", ["0.0", "30.4"]),
        ("Education Total (including schools)", ["430.6", "451.2"])]),
    table("capital-programme", ["Total Cost £000s", "Prior Years Spend £000s", "2025-26 £000s", "2026-27 £000s"], [
        ("Scheme A", ["4,415", "3,903", "273", "239"]), ("Scheme B", ["900", "300", "300", "300"]),
        ("Scheme C", ["2,500", "1,750", "250", "500"]), ("Total", ["7,815", "5,953", "823", "1,039"])]),
    table("payment-sheet-one-part-rows", ["Payment", "VAT", "Expenditure"], [
        ("Village Hall", ["250.00", None, "250.00"]), ("Insurance", ["470.82", None, "470.82"]),
        ("Grass cutting", ["2,880.00", None, "2,880.00"]), ("Administration", ["856.50", None, "856.50"]),
        ("VAT", ["956.54", "956.54", None]), ("Totals", ["5,413.86", "956.54", "4,457.32"])]),
    table("named-total", ["2017 £", "2018 £"], [
        ("Trade debtors", ["12,400", "15,002"]), ("VAT recoverable", ["9,310", "11,600"]),
        ("Prepayments", ["21,900", "26,000"]), ("Debtors and Prepayments", ["43,610", "52,602"])]),
]
