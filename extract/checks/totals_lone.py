"""A total over one printed amount, and parts that cannot be summed.

A total whose column prints one amount above it repeats that amount: a VAT column paid once
in the year ('956.54' over its total '956.54'), a grant to one ward ('Trinity Ward £8,000',
'Total = £8,000'). It is checked, beside the columns totals.py re-adds, but as a reading in
doubt: it confirms no reading of the table (a column of one amount adds up whatever rows are
read), and a difference may be a part not read, so it raises no alarm.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from extract.checks.additive import column_figures, is_additive
from extract.checks.naming import placed, subject
from extract.checks.relation import Term, doubted, relation
from extract.models import NumericTable, Relation, TableRow

LONE = "one amount above the total in this column: the total repeats it, which proves no reading of the table"


def lone_parts(table: NumericTable, row: TableRow, parts: Sequence[TableRow], columns: Sequence[int],
               meaning: str) -> Iterator[Relation]:
    """The total's columns, beside those re-added (`columns`), in which one of the parts prints
    an amount: each as a relation kept in doubt."""
    for c, stated in enumerate(row.cells):
        figures = column_figures(parts, c)
        if c in columns or stated is None or stated.value is None or len(figures) != 1 or not is_additive(table, c):
            continue
        if has_valueless_part(parts, c):
            continue
        evaluated = relation("table.total_row", subject(table, row, c), [Term(figures[0])], stated, meaning,
                             **placed(table, row, c))
        if evaluated is not None:
            yield doubted(evaluated, LONE)


def has_valueless_part(rows: Sequence[TableRow], c: int) -> bool:
    """A part printed without a value: the sum cannot be made. (A blank in a row read by OCR is
    summed as nil, its relation unsure if the sum fails: totals.py `_blank_in_ocr_row`.)"""
    return any(c < len(row.cells) and (cell := row.cells[c]) is not None and cell.value is None for row in rows)
