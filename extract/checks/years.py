"""This year's opening balance is last year's closing balance.

Accounts print two years side by side ('2015/16', '2016/17'; 'Year ending 31 March 2023',
'… 2024'), and a paper may print one year's accounts in one table and the next year's in
another. Wherever a row opening the year ('Balance brought forward', box 1 'Balances brought
forward') is printed under a year whose previous year's closing row ('Balance carried
forward', box 7) is printed too, in the same table or another of the same paper, the two
must be equal. A line brought forward that is no balance ('Net expenditure brought
forward', over a budget's changes) is last year's total: the table's last total row in the
previous year's column. A column's year is the year its heading ends in ('2016/17' ends in 2017); a
heading naming two years that are not one span is none.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extract.checks.naming import heading, placed, subject
from extract.checks.relation import Term, relation
from extract.checks.totals import is_total_label
from extract.models import Extraction, Figure, NumericTable, Relation, TableRow
from extract.vocabulary import year_end

# A balance, not any line brought or carried forward ('2017/18 Budgets Carried Forward' is a movement).
OPENING = re.compile(r"\bb/f\b|balances?\s+(?:brought\s+forward|b/f)|opening\s+balance"
                     r"|balances?\s+at\s+(?:the\s+)?1(?:st)?\s+april", re.I)
CLOSING = re.compile(r"\bc/f\b|balances?\s+(?:carried\s+forward|c/f|forward\b)|closing\s+balance"
                     r"|balances?\s+at\s+(?:the\s+)?3[01](?:st|th)?\s+march", re.I)
# A line brought forward that is no balance ('Net expenditure brought forward'): last year's
# closing figure is then the table's last total ('Total net expenditure'), in the year before.
BROUGHT = re.compile(r"\bb/f\b|brought\s+forward", re.I)
MEANING = "this year's opening balance is not last year's closing balance"


@dataclass(frozen=True)
class Balance:
    table: NumericTable
    row: TableRow
    column: int
    year: int  # the year the column's year ends in
    figure: Figure


def balances(table: NumericTable, pattern: re.Pattern, other: re.Pattern) -> list[Balance]:
    found = []
    for row in table.rows:
        if not pattern.search(row.label) or other.search(row.label):
            continue
        for c, cell in enumerate(row.cells):
            year = year_end(table.columns[c]) if c < len(table.columns) else None
            if cell is not None and cell.value is not None and year is not None:
                found.append(Balance(table, row, c, year, cell))
    return found


def opening_balances(table: NumericTable) -> Iterator[Relation | None]:
    """Within one table: the opening balance of each year against the previous year's closing;
    a line brought forward that is no balance against the table's last total."""
    closings = balances(table, CLOSING, OPENING)
    for opening in balances(table, OPENING, CLOSING):
        yield from _against(opening, [c for c in closings if c.year == opening.year - 1])
    totals = [r for r in table.rows if is_total_label(r.label)]
    if not totals:
        return
    last = [b for b in balances(table, re.compile(re.escape(totals[-1].label)), BROUGHT) if b.row is totals[-1]]
    for opening in balances(table, BROUGHT, OPENING):
        if table.rows.index(opening.row) < table.rows.index(totals[-1]):
            yield from _against(opening, [c for c in last if c.year == opening.year - 1])


def opening_balances_across_tables(extraction: Extraction) -> Iterator[Relation | None]:
    """Across the tables of one paper: a year's opening balance in one table, the previous
    year's closing balance in another."""
    closings = [b for t in extraction.tables for b in balances(t, CLOSING, OPENING)]
    for table in extraction.tables:
        for opening in balances(table, OPENING, CLOSING):
            before = [c for c in closings if c.year == opening.year - 1 and c.table is not table]
            yield from _against(opening, before)


def _against(opening: Balance, closings: list[Balance]) -> Iterator[Relation | None]:
    if len(closings) != 1:
        return  # none printed, or several closing balances of that year: which one is meant is unknown
    closing = closings[0]
    where = "" if closing.table is opening.table else f" in '{closing.table.title}'"
    meaning = f"{MEANING} ('{closing.row.label.strip()}', {heading(closing.table, closing.column)}{where})"
    yield relation("table.opening_balance", subject(opening.table, opening.row, opening.column),
                   [Term(closing.figure)], opening.figure, meaning,
                   **placed(opening.table, opening.row, opening.column))
