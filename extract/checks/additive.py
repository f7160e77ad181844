"""Which figures of a table may be added: not averages, rates, indices or percentages.

A column is a percentage when its heading says so ('%', 'rate'), when its cells are printed
with '%' (left blank by the reader), or when its values are, row after row, one column's
value as a percentage of another's ('Change' beside 'Budget' and 'Actual': 100 × (b − a) / a).
Such a column never adds down or across, whatever its heading.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from extract.figure_model import adds_to
from extract.models import Figure, NumericTable, TableRow

# Columns that do not add down or across: averages, rates, percentages, durations, indices.
NON_ADDITIVE = re.compile(
    r"average|%|\brate\b|\byrs?\b|(?<!later\s)\byears\b|\blife\b|ratio|\bper\b|return|\bindex\b|\bindices\b"
    r"|\bmean\b|\bunit\s+cost",
    re.I,
)
# Heading words that name a duration ('Asset life (years)') or a period of spend ('Prior Years
# Spend £000s', 'Future years'): which, the column's values tell (MAX_DURATION).
DURATION = re.compile(r"\byrs?\b|\byears\b|\blife\b", re.I)
MAX_DURATION = 150.0  # years: no asset life or term is longer; an amount of spend often is
_PRINTED = re.compile(r"[^\d.]")  # what is not the printed number's digits
MIN_RATIO_ROWS = 2  # rows on which a column must be a percentage of two others to be read as one
SEED_ROWS = 3  # the first rows printing a column propose which two columns it may be a share of
_cache: dict[int, tuple[NumericTable, frozenset[int]]] = {}


agrees = adds_to  # the checks' name for it


def column_figures(rows: Sequence[TableRow], c: int) -> list[Figure]:
    """The column's figures that have a value (one printed ambiguously is summed by nobody)."""
    return [cell for r in rows if c < len(r.cells) and (cell := r.cells[c]) is not None and cell.value is not None]


def is_additive(table: NumericTable, c: int) -> bool:
    heading = table.columns[c] if c < len(table.columns) else ""
    if NON_ADDITIVE.search(DURATION.sub(" ", heading)):
        return False
    if DURATION.search(heading) and _may_be_durations(column_figures(table.rows, c)):
        return False
    return c not in percentage_columns(table)


def _may_be_durations(cells: Sequence[Figure]) -> bool:
    """A column headed with years or a life holds durations unless its values cannot be ones:
    a fraction of a year finer than a half, or more years than any term runs ('Prior Years
    Spend' printing 3,903). Judged on the figures as printed: a table's unit ('£000' in its
    title) scales every column, a duration's too."""
    printed = [float(digits) for f in cells if (digits := _PRINTED.sub("", f.text).strip("."))]
    return all(v <= MAX_DURATION and (2 * v).is_integer() for v in printed)


def percentage_columns(table: NumericTable) -> frozenset[int]:
    """Columns whose values are percentages of other columns on most rows where all three are printed."""
    cached = _cache.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    width = len(table.columns)
    values = [[_value(row, k) for k in range(width)] for row in table.rows]
    precision = [next((f.precision for f in column_figures(table.rows, k)), 1.0) for k in range(width)]
    found = frozenset(c for c in range(width) if _is_a_percentage(values, precision, c))
    if len(_cache) > 256:
        _cache.clear()
    _cache[id(table)] = (table, found)
    return found


def _is_a_percentage(values: Sequence[Sequence[float | None]], precision: Sequence[float], c: int) -> bool:
    """Pairs (a, b) are proposed by the first rows printing the column, then counted on all."""
    width = len(precision)
    printed = [v for v in values if v[c] is not None and v[c] != 0]
    candidates = {(a, b) for v in printed[:SEED_ROWS] for a in range(width) for b in range(width)
                  if len({a, b, c}) == 3 and _is_share(v, precision[c], c, a, b)}
    for a, b in candidates:
        rows = [v for v in values if v[c] is not None and v[a] is not None and v[b]]
        holding = sum(_is_share(v, precision[c], c, a, b) for v in rows)
        if holding >= MIN_RATIO_ROWS and 2 * holding > len(rows):
            return True
    return False


def _value(row: TableRow, k: int) -> float | None:
    cell = row.cells[k] if k < len(row.cells) else None
    return None if cell is None else cell.value


def _is_share(v: Sequence[float | None], precision: float, c: int, a: int, b: int) -> bool:
    """c = 100 × a / b or 100 × (a − b) / b on this row, to the rounding of c."""
    pc, x, base = v[c], v[a], v[b]
    if pc is None or x is None or not base:
        return False
    slack = precision + 0.005 * abs(pc) + 1e-9
    return abs(pc - 100 * x / base) <= slack or abs(pc - 100 * (x - base) / base) <= slack
