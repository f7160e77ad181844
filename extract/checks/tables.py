"""Numeric tables with total rows or formula rows, and post lists with a stated total."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from extract.checks.relation import Term, plus, relation
from extract.models import Figure, NumericTable, PostList, Relation, TableRow

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

# A row is a total when its label says so, anywhere and in any case: 'Total', 'CAPITAL TOTAL',
# 'TOTAL SPENDING', 'Sub-total', 'Subtotal', 'Net total', 'Grand total', Welsh 'Cyfanswm'
# (soft-mutated 'gyfanswm', 'Is-gyfanswm' for a subtotal).
TOTAL_WORDS = [r"(sub[\s-]?)?totals?", r"(is-?)?[cg]yfanswm"]
# ... unless the label says it is a share of a total, a total across the columns, or the name of
# something else ('Pyrford Global Total Return Fund').
NOT_A_TOTAL = [r"total\s+across", r"%", r"\bper\s*cent", r"percentage", r"\bof\s+(the\s+)?total\b",
               r"\brunning\s+total", r"total\s+returns?\b"]
TOTAL_ROW = re.compile(
    rf"^(?!.*(?:{'|'.join(NOT_A_TOTAL)})).*?(?<![a-z])(?:{'|'.join(TOTAL_WORDS)})(?![a-z])", re.I
)


def is_total_label(label: str) -> bool:
    return TOTAL_ROW.match(label) is not None



def total_rows(table: NumericTable) -> Iterator[Relation | None]:
    """A 'Total' row is the sum of the rows above it (back to the previous total).

    Where two or more columns can be re-added and none of them adds up (a column of
    averages or rates counts as not adding up, a column of zeros as proving nothing), the
    rows were most likely not read as the table means them (nested subtotals, a row missed),
    so nothing is reported for that total row: a misread is not a misprint.
    """
    start = 0
    for i, row in enumerate(table.rows):
        if not is_total_label(row.label):
            continue
        parts, start = table.rows[start:i], i + 1
        if len(parts) < 2:
            continue
        columns, relations = _totals(table, parts, row)
        section = _own_section(parts)
        if section is not None and any(r.severity != "info" for r in relations):
            # Prefer the reading under which more columns add up: a total of its own
            # section only ("SPENDING" … "TOTAL SPENDING" below a "Revised Base" row).
            section_columns, section_relations = _totals(table, section, row)
            if _adding_up(section_relations) > _adding_up(relations):
                columns, relations = section_columns, section_relations
        # A column of zeros adds up under any reading, so it confirms none.
        confirmed = any(r.severity == "info" and any(f.value for f in r.evidence) for r in relations)
        # An unlabelled row among the parts is a subtotal or a row the reader could not
        # place: with one column and nothing to confirm the reading, a difference is more
        # likely a misread than a misprint.
        unplaced = any(not part.label.strip() for part in parts)
        if confirmed or (len(columns) == 1 and not unplaced):
            yield from relations


def _totals(table: NumericTable, parts: Sequence[TableRow], row: TableRow) -> tuple[list[int], list[Relation]]:
    columns = [c for c in range(len(row.cells)) if _can_be_readded(table, parts, row, c)]
    additive = [c for c in columns if not _is_an_average(parts, row, c)]
    relations = [_column_total(table, parts, row, c) for c in additive]
    return columns, [r for r in relations if r is not None]


def _adding_up(relations: Sequence[Relation]) -> int:
    return sum(1 for r in relations if r.severity == "info")


def _own_section(parts: Sequence[TableRow]) -> Sequence[TableRow] | None:
    """The rows after the last section heading among the parts (a label printed without
    a figure), when there are two or more of them; None when there is no heading."""
    headings = [k for k, part in enumerate(parts) if all(cell is None for cell in part.cells)]
    if headings and len(parts) - headings[-1] - 1 >= 2:
        return parts[headings[-1] + 1:]
    return None


# Columns that do not add down: averages, rates, percentages, durations.
NON_ADDITIVE = re.compile(r"average|%|\brate\b|\byrs?\b|\byears\b|\blife\b|ratio|\bper\b|return", re.I)


def _can_be_readded(table: NumericTable, parts: Sequence[TableRow], total_row: TableRow, c: int) -> bool:
    heading = table.columns[c] if c < len(table.columns) else ""
    filled = sum(1 for p in parts if _cell(p, c) is not None)
    return total_row.cells[c] is not None and filled >= 2 and not NON_ADDITIVE.search(heading)


def _is_an_average(parts: Sequence[TableRow], total_row: TableRow, c: int) -> bool:
    """Parts of one sign whose 'total' lies between the smallest and largest of them: a
    rate or average column left without a heading (a sum of them would exceed them all)."""
    values = [cell.value for cell in (_cell(p, c) for p in parts) if cell is not None and cell.value is not None]
    same_sign = all(v > 0 for v in values) or all(v < 0 for v in values)
    magnitudes = [abs(v) for v in values]
    total = total_row.cells[c]
    if not values or total is None or total.value is None:  # a figure printed ambiguously is not summed
        return False
    return same_sign and min(magnitudes) <= abs(total.value) <= max(magnitudes)


def _column_total(table: NumericTable, parts: Sequence[TableRow], total_row: TableRow, c: int) -> Relation | None:
    cells = [cell for cell in (_cell(p, c) for p in parts) if cell is not None]
    stated = total_row.cells[c]
    assert stated is not None  # _can_be_readded
    return relation("table.total_row", _subject(table, total_row, c), plus(*cells), stated,
                    "the total row is not the sum of the rows above",
                    structure=table.id, row=total_row.label, column=_heading(table, c))


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


NUMERIC_TABLE_CHECKS = [total_rows, formula_rows, formula_columns]
POST_LIST_CHECKS = [post_list_total]
