"""Choosing among the readings a page allows by the table's own arithmetic.

Where the spacing cannot tell (label lines set at the pitch of the table's rows), a run of
label-only lines just above a row of numbers is either rows of their own (group headings,
rows printed with blank cells) or the wrapped label of that row ('SPECIALIST' / 'EDUCATION'
/ 'SERVICES  2,000  90  2,090'). When that row's amounts are the sum of the rows above the
run, the lines are its label: a total's label wrapped over several lines, not headings over
a group of one row that adds up everything above it. The reading taken is recorded
(Folded.chosen_by). A one-column block with no heading proves itself a table the same way:
its last amount is the sum of those above.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extract.figure_model import adds_to
from extract.models import Figure
from extract.read.flow import plain
from extract.structures.numeric.cells import Cell, cell_to_figure
from extract.structures.numeric.rows import Folded
from extract.vocabulary import SIGNED_LINE

UNIFORM = 1.25  # a label line set no further than this times the row pitch below the line above: ambiguous
MIN_PARTS = 2  # rows a total must add up before its arithmetic decides a reading


def closes_with_its_sum(cells: Sequence[Figure | None]) -> bool:
    """A column whose last amount is the sum of the two or more above it, to their printing's
    rounding, and not nil: a block of one column that proves itself a table (a balance sheet
    section, 'Debtors and Prepayments' under its items) with no heading over it."""
    values = [f for f in cells if f is not None]
    if len(values) < MIN_PARTS + 1 or any(f.value is None for f in values) or not values[-1].value:
        return False
    return adds_to(values[:-1], values[-1])


def labels_by_arithmetic(rows: Sequence[Folded], pitch: float) -> list[Folded]:
    """The rows with each ambiguous run of label-only lines joined to the row of numbers under
    it when that row adds up the rows above the run."""
    result: list[Folded] = []
    run: list[Folded] = []
    regrouped: dict[str | None, str | None] = {}  # a joined line named the group of the rows below it: no more
    for row in rows:
        if row.group in regrouped:
            row = replace(row, group=regrouped[row.group])
        if not any(row.cells):
            run.append(row)
            continue
        if run and _ambiguous(run, row, pitch) and _is_sum_of(_parts_above(result), row):
            regrouped.update({r.label: run[0].group for r in run})
            row = replace(row, label=plain(" ".join([*(r.label for r in run), row.label])),
                          lines=row.lines + sum(r.lines for r in run), group=run[0].group,
                          gap_above=run[0].gap_above, chosen_by="arithmetic")
            run = []
        result.extend(run)
        result.append(row)
        run = []
    return result + run


def _ambiguous(run: Sequence[Folded], row: Folded, pitch: float) -> bool:
    """Label lines set one under the other at the row pitch, in the row's type weight: the
    spacing tells no wrapped label from rows of their own. A line marked as a movement ('Deduct
    unpresented cheques' printing nothing, over a reconciliation's result) says it is a row of
    its own: the result adding up the lines above holds under both readings and decides nothing."""
    lines = [*run[1:], row]
    return pitch > 0 and all(r.gap_above <= UNIFORM * pitch for r in lines) and all(
        r.bold == row.bold and r.lines == 1 and not SIGNED_LINE.match(r.label) for r in run)


def _parts_above(rows: Sequence[Folded]) -> list[Folded]:
    """The rows of numbers just above, back to the last label-only row (or the table's top)."""
    parts: list[Folded] = []
    for row in reversed(rows):
        if not any(row.cells):
            break
        parts.append(row)
    return parts[::-1]


def _is_sum_of(parts: Sequence[Folded], total: Folded) -> bool:
    """The row's amounts equal the sum of the parts in every column where both print, one at
    least not nil."""
    if len(parts) < MIN_PARTS:
        return False
    checked = 0
    for c, cell in enumerate(total.cells):
        stated = _figure(cell)
        column = [f for p in parts if (f := _figure(p.cells[c])) is not None]
        if stated is None or len(column) < MIN_PARTS:
            continue
        if not adds_to(column, stated):
            return False
        checked += bool(stated.value)
    return checked > 0


def _figure(cell: Cell | None) -> Figure | None:
    figure = None if cell is None else cell_to_figure(cell, None, None)
    return figure if figure is not None and figure.value is not None else None

