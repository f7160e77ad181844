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
from extract.vocabulary import RETURN_BOX, numbered_return

# The sign a label carries at its start (after any box number '2.'): Add / Less / (+) / (-).
SIGN = re.compile(
    r"^\s*(?:box\s+)?(?:\d{1,2}\s*[.)]?\s*)?(?:\((?P<mark>[+\-−–=])\)|(?P<word>add|plus|less|deduct|minus)\b)", re.I)
ADDING = {"+", "add", "plus"}
EQUALS = "="
# The annual return's Section 2 printed by box number without its marks ('2 Annual Precept',
# '4 Staff Costs', '7 Balances Forward'): the form fixes each box's sign, box 7 = 1 + 2 + 3
# − 4 − 5 − 6. Known by its box numbers in order and the form's words on boxes 2 and 4
# (vocabulary.numbered_return).
RETURN_SIGNS = {2: 1, 3: 1, 4: -1, 5: -1, 6: -1}


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
    numbered = _numbered_return(rows)
    return found if numbered is None or found else [numbered]


def _numbered_return(rows: Sequence[TableRow]) -> Block | None:
    """Boxes 1 to 7 of the annual return, numbered in order and unmarked, as a block: known by
    their labels, a box printing no figure too (one OCR lost), so that its 'Total' boxes stay parts."""
    unmarked = [row for row in rows if sign_of(row.label) is None]
    if not numbered_return([row.label for row in unmarked]):
        return None
    boxes: dict[int, TableRow] = {}
    for row in unmarked:
        if (match := RETURN_BOX.match(row.label)) is not None:
            boxes.setdefault(int(match["box"]), row)
    return Block(boxes[1], tuple((boxes[n], sign) for n, sign in RETURN_SIGNS.items()), boxes[7])


def marked_row_ids(table: NumericTable) -> set[int]:
    """The rows (their ids) a block adds or takes away: parts, whatever their labels say."""
    return {id(row) for b in blocks(table) for row, _ in b.marked}


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


