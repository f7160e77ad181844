"""Columns that add across: a 'Total' column, and a payment sheet's cross-foot.

A 'Total' column is the sum of the columns of its group (since the previous total column:
Core + External = Total under 'ASCH'), or of every column before it, whichever holds on more
rows. One of the last columns that is, on most rows, the sum of the run of columns before it
is a column of row totals whatever its heading (a spreadsheet's 'Totals' over monthly
spend); a row printing figures in that run but no total has lost its total in reading, and a
sum down that column is then unsure (totals.py). A payment sheet adds the other way: its
amount column ('Amount', 'Total £s', 'Gross') is the VAT plus the analysis columns to its
right. Which columns are its parts is read from the sheet: the run of columns to its right
under which most rows add up. A reading that holds on fewer than two rows, or on no more
rows than it fails, is not checked (rows printing one part count once a row of two parts
holds and at most one fails, three holding); under a reading that holds, a row whose amount is in no
analysis column is checked too (it does not add across).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from extract.checks.additive import agrees, column_figures, is_additive
from extract.checks.naming import heading, placed, subject
from extract.checks.relation import Term, doubted, relation
from extract.models import Figure, NumericTable, Relation, TableRow
from extract.vocabulary import year_end

TOTAL_COLUMN = re.compile(r"\btotal\b|\bcyfanswm\b", re.I)
# The column of a payment sheet that its VAT and analysis columns add up to.
AMOUNT_COLUMN = re.compile(r"^\s*(?:total|gross|net)?\s*(?:amount|payment|paid|total)\b|^\s*total\s*£", re.I)
MIN_AGREEING_LINES = 2  # rows on which a reading must hold before it is trusted


def total_columns(table: NumericTable) -> Iterator[Relation | None]:
    totals = [c for c, h in enumerate(table.columns) if TOTAL_COLUMN.search(h) and is_additive(table, c)]
    previous = -1
    for t in totals:
        readings = _left_readings(table, previous, t)
        previous = t
        yield from _judge(table, t, readings, "table.total_column", "the total column is not the sum of",
                          blank_rows=False)


def cross_foot(table: NumericTable) -> Iterator[Relation | None]:
    """An amount column equal to the run of columns to its right (VAT and analysis); a column of
    row totals known by its arithmetic alone, equal to the run of columns before it."""
    for t, run in row_total_columns(table).items():
        if not TOTAL_COLUMN.search(table.columns[t]):  # a headed total column is total_columns'
            yield from _judge(table, t, [run], "table.cross_foot", "the row total is not the sum of",
                              blank_rows=False)
    for t, h in enumerate(table.columns):
        if not AMOUNT_COLUMN.search(h) or not is_additive(table, t):
            continue
        readings = [list(range(t + 1, end)) for end in range(t + 3, len(table.columns) + 1)]
        readings = [[c for c in r if is_additive(table, c)] for r in readings]
        yield from _judge(table, t, [r for r in readings if len(r) >= 2], "table.cross_foot",
                          "the amount is not the sum of", blank_rows=True)


def _judge(table: NumericTable, t: int, readings: Sequence[list[int]], check: str, meaning: str,
           blank_rows: bool) -> Iterator[Relation | None]:
    nonzero = check == "table.cross_foot"  # a new reading must hold on rows that are not all dashes
    best = max(readings, key=lambda cs: (_agreements(table, cs, t, nonzero), -len(cs)), default=None)
    if best is None:
        return
    agree, disagree = _agreements(table, best, t, nonzero), _disagreements(table, best, t)
    if blank_rows and agree and disagree <= 1:
        # each payment in one analysis column; one row failing where several such rows hold is
        # that row's misprint (the column's total then points at the same cell), not another reading
        single = _agreements(table, best, t, nonzero, least=1)
        agree = single if not disagree or single >= MIN_ACROSS_ROWS else agree
    if agree < MIN_AGREEING_LINES or disagree >= agree:
        return  # no reading holds on the table: the columns are not parts of this total
    names = ", ".join(f"'{heading(table, c)}'" for c in best)
    doubt = _short_of_parts(table, best, t)
    for row in table.rows:
        parts = _row_parts(row, best)
        stated = row.cells[t] if t < len(row.cells) else None
        if stated is None or stated.value is None:
            continue
        if parts is None and blank_rows and stated.value:
            parts = []  # an amount in no analysis column: the row does not add across
        elif parts is None and stated.value == 0:
            parts = []  # a total of nil over no amount in its columns (nothing spent): it adds up
        if parts is not None:
            evaluated = relation(check, subject(table, row, t), [Term(f) for f in parts], stated,
                                 f"{meaning} {names}", **placed(table, row, t))
            yield evaluated if evaluated is None or doubt is None else doubted(evaluated, doubt)


def _short_of_parts(table: NumericTable, columns: Sequence[int], t: int) -> str | None:
    """A total left of its parts, and several rows whose total exceeds their sum, none below it:
    the total adds columns not read with these (spend in later years, printed further right or
    in the table beside), not several misprints pointing the same way. A total right of its
    parts (a spreadsheet's row totals) has all its parts before it."""
    if not columns or t > min(columns):
        return None
    gaps = [abs(total.value or 0.0) - abs(sum(f.value or 0.0 for f in parts)) for row in table.rows
            if (parts := _row_parts(row, columns)) is not None and (total := _at(row, t)) is not None
            and not agrees(parts, total)]
    if len(gaps) >= MIN_AGREEING_LINES and all(g > 0 for g in gaps):
        return (f"{len(gaps)} rows exceed the sum of these columns, none falls short: the total adds "
                "columns not read with them")
    return None


def _left_readings(table: NumericTable, previous: int, t: int) -> list[list[int]]:
    def additive(c: int) -> bool:
        return is_additive(table, c) and not TOTAL_COLUMN.search(table.columns[c])

    group = [c for c in range(previous + 1, t) if additive(c)]
    every = [c for c in range(t) if additive(c)]
    readings = [group] + ([every] if every != group else [])
    return [r for r in readings if len(r) >= 2]


def _row_parts(row: TableRow, columns: Sequence[int]) -> list[Figure] | None:
    """The row's cells in these columns (a blank one adds nothing), or None when none is
    printed or they are of different kinds."""
    cells = [f for c in columns for f in column_figures([row], c)]
    if not cells or len({f.kind for f in cells}) > 1:
        return None
    return cells


def _agreements(table: NumericTable, columns: Sequence[int], t: int, nonzero: bool = False, least: int = 2) -> int:
    """Rows on which the columns add up to t (with `nonzero`, to a total that is not zero:
    rows of dashes add up under any reading and confirm none), from `least` parts printed. A
    row of one part only repeats its amount, which two like columns do anyway: such rows
    count only once rows of two parts or more have confirmed the reading and none fails it
    (a payment sheet whose VAT is printed on its totals row alone)."""
    return sum(1 for row in table.rows if (parts := _row_parts(row, columns)) is not None
               and (total := _at(row, t)) is not None and len(parts) >= least and agrees(parts, total)
               and (total.value or not nonzero))


def _disagreements(table: NumericTable, columns: Sequence[int], t: int) -> int:
    return sum(1 for row in table.rows if (parts := _row_parts(row, columns)) is not None
               and (total := _at(row, t)) is not None and not agrees(parts, total))


def _at(row: TableRow, c: int) -> Figure | None:
    cell = row.cells[c] if c < len(row.cells) else None
    return cell if cell is not None and cell.value is not None else None


# --- a column that adds across, by its arithmetic alone ----------------------------

ACROSS_CANDIDATES = 3  # the last columns tried as a spreadsheet's row totals
MIN_ACROSS_ROWS = 3  # rows on which such a column must add across before it is taken for one
_across: dict[int, tuple[NumericTable, dict[int, list[int]]]] = {}


def row_total_columns(table: NumericTable) -> dict[int, list[int]]:
    """Columns (among the last few) that are, on most rows, the sum of the run of columns just
    before them, whatever their heading: a spreadsheet's row totals ('Totals' over monthly
    spend). Each with the columns it adds."""
    cached = _across.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    found: dict[int, list[int]] = {}
    for t in range(max(2, len(table.columns) - ACROSS_CANDIDATES), len(table.columns)):
        runs = [list(range(start, t)) for start in range(0, t - 1)]
        best = max(runs, key=lambda cs: (_agreements(table, cs, t, nonzero=True), -len(cs)), default=None)
        if best is None:
            continue
        agree, disagree = _agreements(table, best, t, nonzero=True), _disagreements(table, best, t)
        if agree >= MIN_ACROSS_ROWS and agree > 2 * disagree:
            found[t] = best
    if len(_across) > 256:
        _across.clear()
    _across[id(table)] = (table, found)
    return found


def misread_across(table: NumericTable, rows: Sequence[TableRow], c: int) -> TableRow | None:
    """A row among these printing figures that add across to column c (a row total) but none
    in c itself: its total was lost in reading, so a sum down c cannot be made."""
    parts = row_total_columns(table).get(c)
    if parts is None:
        return None
    return next((row for row in rows if _at(row, c) is None and _row_parts(row, parts)), None)


# --- a budget's underspend and overspend, each in a column of its own ---------------------

UNDER = re.compile(r"^\s*under\s*-?\s*spen[dt]|^\s*under\s*$", re.I)
OVER = re.compile(r"^\s*over\s*-?\s*spen[dt]|^\s*over\s*$", re.I)
BUDGET = re.compile(r"\bbudget\b", re.I)
SPEND = re.compile(r"\bexpenditure\b|\bspen[dt]\b|\bactual\b|\bpayments?\b|\bout-?turn\b", re.I)
TOTAL_LINE = re.compile(r"\b(?:sub-?)?totals?\b", re.I)  # a column's total under/over is no row's


def under_over(table: NumericTable) -> Iterator[Relation | None]:
    """'underspent' = budget − spend and 'overspent' = spend − budget, row by row, where a
    sheet prints the two in columns of their own. Which column is the spend (gross payment
    or net expenditure) is read from the sheet: the one under which most rows hold; a reading
    holding on fewer than two rows, or on no more rows than it fails, is not checked."""
    signed = [(c, 1) for c, h in enumerate(table.columns) if UNDER.search(h)] + [
        (c, -1) for c, h in enumerate(table.columns) if OVER.search(h)]
    budgets = [c for c, h in enumerate(table.columns) if BUDGET.search(h)]
    spends = [c for c, h in enumerate(table.columns) if SPEND.search(h) and not BUDGET.search(h)]
    if not signed or len(budgets) != 1 or not spends:
        return
    lines = {s: list(_under_over_lines(table, budgets[0], s, signed)) for s in spends}
    best = max(spends, key=lambda s: (sum(agrees(terms, stated, signs) for _, _, terms, stated, signs in lines[s]),
                                      -s))
    agree = sum(agrees(terms, stated, signs) for _, _, terms, stated, signs in lines[best])
    if agree < MIN_AGREEING_LINES or len(lines[best]) - agree >= agree:
        return
    for row, c, terms, stated, signs in lines[best]:
        under = terms[0] is _at(row, budgets[0])
        meaning = f"the {'underspend is not the budget less' if under else 'overspend is not the spend less'} the " \
                  f"{'spend' if under else 'budget'}"
        terms_signed = [Term(f, s) for f, s in zip(terms, signs, strict=True)]
        yield relation("table.variance", subject(table, row, c), terms_signed, stated, meaning, **placed(table, row, c))


def _under_over_lines(table: NumericTable, budget: int, spend: int, signed: Sequence[tuple[int, int]]
                      ) -> Iterator[tuple[TableRow, int, list[Figure], Figure, tuple[int, int]]]:
    for row in table.rows:
        if TOTAL_LINE.search(row.label):
            continue
        b, s = _at(row, budget), _at(row, spend)
        for c, sign in signed:
            stated = _at(row, c)
            if stated is not None and b is not None and s is not None:
                yield row, c, [b, s] if sign > 0 else [s, b], stated, (1, -1)


# --- a change between two years, in a column of its own ----------------------------------

DIFFERENCE = re.compile(r"^\s*(?:difference|change|increase|movement)\s*(?:£|\(£\))?\s*$", re.I)


def year_differences(table: NumericTable) -> Iterator[Relation | None]:
    """A column headed 'difference' (or 'change', 'increase', 'movement') beside two columns
    of years ('2015/16', '2016/17': the explanation of variances the annual return asks for)
    is the later year less the earlier, or the earlier less the later: the convention under
    which most rows hold is checked, only where it holds on two rows or more and on more rows
    than it fails (a percentage change holds on none)."""
    years = {c: y for c, h in enumerate(table.columns) if (y := year_end(h)) is not None and is_additive(table, c)}
    for d, h in enumerate(table.columns):
        before = sorted((c for c in years if c < d), key=lambda c: years[c])
        if not DIFFERENCE.match(h) or len(before) < 2 or years[before[-2]] == years[before[-1]]:
            continue
        earlier, later = before[-2], before[-1]
        lines = [(row, [a, b], stated) for row in table.rows
                 if (a := _at(row, later)) is not None and (b := _at(row, earlier)) is not None
                 and (stated := _at(row, d)) is not None]
        holding = {sign: sum(agrees(parts, stated, (sign, -sign)) for _, parts, stated in lines) for sign in (1, -1)}
        sign = max(holding, key=holding.__getitem__)  # later less earlier where the two hold alike
        agree = holding[sign]
        if agree < MIN_AGREEING_LINES or len(lines) - agree >= agree:
            continue
        first, second = (later, earlier) if sign > 0 else (earlier, later)
        meaning = f"the difference is not '{heading(table, first)}' less '{heading(table, second)}'"
        for row, (a, b), stated in lines:
            yield relation("table.variance", subject(table, row, d), [Term(a, sign), Term(b, -sign)], stated,
                           meaning, **placed(table, row, d))
