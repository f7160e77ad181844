"""Which figures of a table may be added: not averages, rates, indices or percentages.

A column is a percentage when its heading says so ('%', 'rate'), when its cells are printed
with '%' (left blank by the reader), or when its values are, row after row, one column's
value as a percentage of another's ('Change' beside 'Budget' and 'Actual': 100 × (b − a) / a).
Such a column never adds down or across, whatever its heading.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from extract.models import Figure, NumericTable, TableRow

# Columns that do not add down or across: averages, rates, percentages, durations, indices.
NON_ADDITIVE = re.compile(
    r"average|%|\brate\b|\byrs?\b|(?<!later\s)\byears\b|\blife\b|ratio|\bper\b|return|\bindex\b|\bindices\b"
    r"|\bmean\b|\bunit\s+cost",
    re.I,
)
_EPSILON = 1e-6
MIN_RATIO_ROWS = 2  # rows on which a column must be a percentage of two others to be read as one
_cache: dict[int, tuple[NumericTable, frozenset[int]]] = {}


def agrees(parts: Sequence[Figure], stated: Figure, signs: Sequence[int] | None = None) -> bool:
    signs = signs or [1] * len(parts)
    if stated.value is None or any(p.value is None for p in parts):
        return False
    expected = sum(s * (p.value or 0.0) for s, p in zip(signs, parts, strict=True))
    tolerance = sum(f.precision / 2 for f in [*parts, stated])
    return abs(stated.value - expected) <= tolerance + _EPSILON * max(1.0, abs(expected))


def column_figures(rows: Sequence[TableRow], c: int) -> list[Figure]:
    """The column's figures that have a value (one printed ambiguously is summed by nobody)."""
    return [cell for r in rows if c < len(r.cells) and (cell := r.cells[c]) is not None and cell.value is not None]


def is_additive(table: NumericTable, c: int) -> bool:
    heading = table.columns[c] if c < len(table.columns) else ""
    return not NON_ADDITIVE.search(heading) and c not in percentage_columns(table)


def percentage_columns(table: NumericTable) -> frozenset[int]:
    """Columns whose values are percentages of other columns on most rows where all three are printed."""
    cached = _cache.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1]
    found = frozenset(c for c in range(len(table.columns)) if _is_a_percentage(table, c))
    if len(_cache) > 256:
        _cache.clear()
    _cache[id(table)] = (table, found)
    return found


def _is_a_percentage(table: NumericTable, c: int) -> bool:
    width = len(table.columns)
    for a in range(width):
        for b in range(width):
            if len({a, b, c}) < 3:
                continue
            share = _ratio_rows(table, c, a, b)
            if share is not None and share[0] >= MIN_RATIO_ROWS and 2 * share[0] > share[1]:
                return True
    return False


def _ratio_rows(table: NumericTable, c: int, a: int, b: int) -> tuple[int, int] | None:
    """(rows on which c = 100 × a / b or 100 × (a − b) / b, rows printing all three)."""
    holding = printed = 0
    for row in table.rows:
        cells = [row.cells[k] if k < len(row.cells) else None for k in (c, a, b)]
        if any(f is None or f.value is None for f in cells):
            continue
        pc, x, base = (f.value or 0.0 for f in cells)  # type: ignore[union-attr]
        if base == 0 or (pc == 0 and x == 0):
            continue
        printed += 1
        slack = cells[0].precision + 0.005 * abs(pc) + 1e-9  # type: ignore[union-attr]
        if abs(pc - 100 * x / base) <= slack or abs(pc - 100 * (x - base) / base) <= slack:
            holding += 1
    return (holding, printed) if printed else None
