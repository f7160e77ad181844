"""Numeric tables: total rows (totals.py) and columns (columns.py), relations their labels name
(named.py), rows marked add / less (signed.py), opening balances (years.py), formula rows and
columns; post lists with a stated total."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extract.checks.columns import cross_foot, total_columns, under_over, year_differences
from extract.checks.named import named_relations
from extract.checks.relation import Term, plus, relation
from extract.checks.signed import signed_rows
from extract.checks.totals import TOTAL_ROW, is_total_label, total_rows
from extract.checks.years import opening_balances
from extract.models import Figure, NumericTable, PostList, Relation, TableRow

__all__ = ["TOTAL_ROW", "is_total_label", "total_columns", "total_rows"]

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


@dataclass(frozen=True)
class ColumnRef:
    """A column found by its heading, or (where the heading cell was left blank, as in
    Coventry's staffing summary) as the unheaded column straight after another one."""

    name: str  # how findings name the column, whatever the wrap of its printed heading
    heading: re.Pattern
    blank_after: re.Pattern | None = None


# Column patterns match the heading with its spaces removed: narrow cells wrap words
# anywhere ('Establis hment', 'FTE pro posed').
ESTABLISHMENT = re.compile(r"establishment", re.I)
FTE_PROPOSED = re.compile(r"fteproposed|proposedfte", re.I)
# Columns defined by other columns: vacant posts = establishment − staff in post;
# the change in FTE = proposed FTE − establishment (printed negative).
COLUMN_FORMULAS: list[tuple[ColumnRef, list[tuple[int, re.Pattern]]]] = [
    (ColumnRef("Vacant posts", re.compile(r"vacan", re.I)),
     [(1, ESTABLISHMENT), (-1, re.compile(r"staffinpost", re.I))]),
    (ColumnRef("Change in FTE", re.compile(r"(change|reduction|difference)infte|ftechange", re.I),
               FTE_PROPOSED),
     [(1, FTE_PROPOSED), (-1, ESTABLISHMENT)]),
]
def formula_rows(table: NumericTable) -> Iterator[Relation | None]:
    for result_pattern, operands in ROW_FORMULAS:
        result = _row(table, result_pattern)
        found = [(_row(table, pattern), sign) for sign, pattern in operands]
        rows = [(r, sign) for r, sign in found if r is not None]
        if result is None or len(rows) < len(found):
            continue
        for c, stated in enumerate(result.cells):
            terms = [Term(cell, sign) for r, sign in rows if (cell := _cell(r, c)) is not None]
            if stated is not None and len(terms) == len(rows):
                meaning = f"'{result.label}' is not " + " + ".join(f"'{r.label}'" for r, _ in rows)
                yield relation("table.formula_row", _subject(table, result, c), terms, stated, meaning,
                               structure=table.id, row=result.label, column=_heading(table, c))


def formula_columns(table: NumericTable) -> Iterator[Relation | None]:
    for result_ref, operands in COLUMN_FORMULAS:
        result = _column_of(table, result_ref)
        found = [(column_by_heading(table, pattern), sign) for sign, pattern in operands]
        columns = [(c, sign) for c, sign in found if c is not None]
        if result is None or len(columns) < len(found):
            continue
        meaning = f"'{result_ref.name}' is not " + " − ".join(f"'{_heading(table, c)}'" for c, _ in columns)
        for row in table.rows:
            stated = _cell(row, result)
            cells = [(_cell(row, c), sign) for c, sign in columns]
            terms = [Term(figure, sign) for figure, sign in cells if figure is not None]
            if stated is not None and len(terms) == len(columns):
                subject = _subject(table, row, result, result_ref.name)
                yield relation("table.formula_column", subject, terms, stated, meaning,
                               structure=table.id, row=row.label, column=result_ref.name)


def post_list_total(post_list: PostList) -> Iterator[Relation | None]:
    if post_list.stated_total is None or not post_list.posts:
        return
    lines = [Figure(kind="count", value=p.count, text=p.text, precision=1, page=p.page, bbox=p.bbox)
             for p in post_list.posts]
    yield relation("posts.total", post_list.title, plus(*lines), post_list.stated_total,
                   "the posts listed do not add up to the stated total", exact=True, structure=post_list.id)


def _row(table: NumericTable, pattern: re.Pattern[str]) -> TableRow | None:
    return next((r for r in table.rows if pattern.search(r.label)), None)


def column_by_heading(table: NumericTable, pattern: re.Pattern[str]) -> int | None:
    return next((i for i, name in enumerate(table.columns) if pattern.search(re.sub(r"\s+", "", name))), None)


def _column_of(table: NumericTable, ref: ColumnRef) -> int | None:
    found = column_by_heading(table, ref.heading)
    if found is not None or ref.blank_after is None:
        return found
    before = column_by_heading(table, ref.blank_after)
    after = None if before is None else before + 1
    unheaded = after is not None and after < len(table.columns) and not table.columns[after].strip()
    return after if unheaded else None


def _cell(row: TableRow, column: int | None) -> Figure | None:
    return row.cells[column] if column is not None and column < len(row.cells) else None


def _heading(table: NumericTable, column: int) -> str:
    printed = table.columns[column].strip() if column < len(table.columns) else ""
    return printed or f"column {column + 1} (no heading)"


def _subject(table: NumericTable, row: TableRow, column: int, name: str | None = None) -> str:
    return f"{table.title} – {row.label}, {name or _heading(table, column)}"


NUMERIC_TABLE_CHECKS = [total_rows, total_columns, cross_foot, under_over, year_differences, formula_rows,
                        formula_columns, named_relations, signed_rows, opening_balances]
POST_LIST_CHECKS = [post_list_total]
