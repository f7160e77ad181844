"""Rows whose labels say how they combine: 'Add …', 'Less …', 'Deduct …', '(+)', '(-)', '(=)'.

A block is an opening row, the marked rows straight below it, and the closing row (the next
row printing figures, or one marked '(=)'). signed.py checks blocks; totals.py leaves their
closing rows alone (they are not sums of the rows above).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.models import NumericTable, TableRow

# The sign a label carries at its start (after any box number '2.'): Add / Less / (+) / (-).
SIGN = re.compile(
    r"^\s*(?:box\s+)?(?:\d{1,2}\s*[.)]?\s*)?(?:\((?P<mark>[+\-−–=])\)|(?P<word>add|plus|less|deduct|minus)\b)", re.I)
ADDING = {"+", "add", "plus"}
EQUALS = "="


@dataclass(frozen=True)
class Block:
    opening: TableRow
    marked: tuple[tuple[TableRow, int], ...]  # each marked row with its sign
    closing: TableRow


def sign_of(label: str) -> int | str | None:
    """+1 / −1 for a row to add or take away, '=' for a row marked as the result, else None."""
    match = SIGN.match(label)
    if match is None:
        return None
    mark = (match["mark"] or match["word"] or "").lower()
    if mark == EQUALS:
        return EQUALS
    return 1 if mark in ADDING else -1


def blocks(table: NumericTable) -> list[Block]:
    found: list[Block] = []
    rows = table.rows
    k = 0
    while k < len(rows):
        start = k
        marked: list[tuple[TableRow, int]] = []
        while k < len(rows) and isinstance(sign := sign_of(rows[k].label), int):
            marked.append((rows[k], sign))
            k += 1
        if not marked:
            k += 1
            continue
        opening = _with_figures(rows, start - 1, -1)
        closing = _with_figures(rows, k, 1)
        if opening is not None and closing is not None and sign_of(opening.label) is None:
            found.append(Block(opening, tuple(marked), closing))
    return found


def _with_figures(rows: Sequence[TableRow], k: int, step: int) -> TableRow | None:
    """The row at k (or, below the marked rows, the next row printing figures)."""
    while 0 <= k < len(rows):
        if any(rows[k].cells):
            return rows[k]
        if step < 0:
            return None
        k += step
    return None


def closing_row_ids(table: NumericTable) -> set[int]:
    """The rows (their ids) that close a block: not sums of the rows above them."""
    return {id(b.closing) for b in blocks(table)}


