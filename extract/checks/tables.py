"""Numeric tables with total rows or formula rows, and post lists with a stated total."""
from __future__ import annotations

import re
from typing import Iterator, Optional, Sequence

from extract.checks.relation import Term, plus, relation
from extract.models import Figure, Finding, NumericTable, PostList, TableRow

# Rows defined by other rows of the same table: (result, [(sign, operand), ...]).
# Values carry their printed sign (brackets are negative), so 'net = gross + adjustments'.
ROW_FORMULAS: list[tuple[re.Pattern, list[tuple[int, re.Pattern]]]] = [
    (re.compile(r"^indicative\s+savings\s+target", re.I),
     [(1, re.compile(r"^estimated\s+grant\s+cut", re.I)), (1, re.compile(r"^core\s+savings\s+target", re.I))]),
    (re.compile(r"^gross\s+savings", re.I),
     [(1, re.compile(r"^grant\s+savings", re.I)), (1, re.compile(r"^core\s+savings$", re.I))]),
    (re.compile(r"^net\s+savings", re.I),
     [(1, re.compile(r"^gross\s+savings", re.I)), (1, re.compile(r"^adjustments", re.I))]),
    (re.compile(r"^net\s+position", re.I),
     [(1, re.compile(r"^indicative\s+savings\s+target", re.I)), (1, re.compile(r"^net\s+savings", re.I))]),
]
# Columns defined by other columns: vacant posts = establishment − staff in post.
COLUMN_FORMULAS: list[tuple[re.Pattern, list[tuple[int, re.Pattern]]]] = [
    (re.compile(r"vacan", re.I),
     [(1, re.compile(r"establis\s*h?\s*ment", re.I)), (-1, re.compile(r"staff\s+in\s+post", re.I))]),
]
TOTAL_ROW = re.compile(r"^(grand\s+)?total\b(?!\s+across)", re.I)


def total_rows(table: NumericTable) -> Iterator[Finding]:
    """A 'Total' row is the sum of the rows above it (back to the previous total)."""
    start = 0
    for i, row in enumerate(table.rows):
        if not TOTAL_ROW.match(row.label):
            continue
        parts = table.rows[start:i]
        start = i + 1
        if len(parts) < 2:
            continue
        for c, total in enumerate(row.cells):
            cells = [p.cells[c] for p in parts if c < len(p.cells) and p.cells[c] is not None]
            if total is not None and len(cells) >= 2:
                yield relation("table.total_row", _subject(table, row, c), plus(*cells), total,
                               "the total row is not the sum of the rows above")


def formula_rows(table: NumericTable) -> Iterator[Finding]:
    for result_pattern, operands in ROW_FORMULAS:
        result = _row(table, result_pattern)
        rows = [(_row(table, pattern), sign) for sign, pattern in operands]
        if result is None or any(r is None for r, _ in rows):
            continue
        for c, stated in enumerate(result.cells):
            terms = [Term(r.cells[c], sign) for r, sign in rows if c < len(r.cells) and r.cells[c] is not None]
            if stated is not None and len(terms) == len(rows):
                yield relation("table.formula_row", _subject(table, result, c), terms, stated,
                               f"'{result.label}' is not " + " + ".join(f"'{r.label}'" for r, _ in rows))


def formula_columns(table: NumericTable) -> Iterator[Finding]:
    for result_pattern, operands in COLUMN_FORMULAS:
        result = _column(table, result_pattern)
        columns = [(_column(table, pattern), sign) for sign, pattern in operands]
        if result is None or any(c is None for c, _ in columns):
            continue
        for row in table.rows:
            stated = _cell(row, result)
            terms = [Term(_cell(row, c), sign) for c, sign in columns if _cell(row, c) is not None]
            if stated is not None and len(terms) == len(columns):
                yield relation("table.formula_column", _subject(table, row, result), terms, stated,
                               f"'{table.columns[result]}' is not "
                               + " − ".join(f"'{table.columns[c]}'" for c, _ in columns))


def post_list_total(post_list: PostList) -> Iterator[Finding]:
    if post_list.stated_total is None or not post_list.posts:
        return
    counted = sum(p.count for p in post_list.posts)
    total = post_list.stated_total
    if counted != total.value:
        lines = [Figure(kind="count", value=p.count, text=p.text, precision=1, page=p.page, bbox=p.bbox)
                 for p in post_list.posts]
        yield relation("posts.total", post_list.title, plus(*lines), total,
                       "the posts listed do not add up to the stated total")


def _row(table: NumericTable, pattern: re.Pattern) -> Optional[TableRow]:
    return next((r for r in table.rows if pattern.search(r.label)), None)


def _column(table: NumericTable, pattern: re.Pattern) -> Optional[int]:
    return next((i for i, name in enumerate(table.columns) if pattern.search(name)), None)


def _cell(row: TableRow, column: Optional[int]) -> Optional[Figure]:
    return row.cells[column] if column is not None and column < len(row.cells) else None


def _subject(table: NumericTable, row: TableRow, column: int) -> str:
    heading = table.columns[column] if column < len(table.columns) else f"column {column + 1}"
    return f"{table.title} – {row.label}, {heading}"


NUMERIC_TABLE_CHECKS = [total_rows, formula_rows, formula_columns]
POST_LIST_CHECKS = [post_list_total]
