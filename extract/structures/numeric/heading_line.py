"""A line of column headings taken for a table's title: its words are the headings' first
words, and a unit among them is the unit of the column it stands over, not the table's.

OCR set the first line of the 2017 pack's staffing summary headings ('Summary- all Establis —
Staff in Vacant Head FTE Head New') apart from the lines under it, and it was read as the
table's title: its one 'FTE' (over 'FTE proposed') made every column without a unit of its
own FTE, the head counts among them, while the head-count headings lost their 'Head'. A
title runs on across the columns' edges and the gaps between them; a line whose every phrase
(past the stub's) stands over one column, three columns or more, is a line of headings.
"""
from __future__ import annotations

from collections.abc import Sequence

from extract.read.text import Row, phrases
from extract.structures.numeric.cells import CELL_GAP
from extract.structures.numeric.grid import Column

MIN_COLUMNS_HEADED = 3  # phrases over this many columns, each over one: a heading line


def heading_line_over(row: Row, columns: Sequence[Column]) -> list[str] | None:
    """Per column (left to right as given), the words of `row` standing over it, when they
    head three columns or more and every phrase right of the stub (words parted by column
    gaps) stands over one column alone; None when the row reads as a title (a phrase running
    across the columns' edges or between them: a sentence set over the table). A mark of no
    letter or digit is a speck of the scan ('Establis — Staff in') and parts no phrase."""
    over: list[list[str]] = [[] for _ in columns]
    left = min(c.x0 for c in columns)
    words = [w for w in row.words if any(ch.isalnum() for ch in w.text)]
    for phrase in phrases(words, CELL_GAP * row.size):
        x0, x1 = phrase[0].x0, max(w.x1 for w in phrase)
        if x1 < left:
            continue  # the stub's heading, left of the columns
        under = [n for n, c in enumerate(columns) if c.overlaps(x0, x1)]
        if len(under) != 1 or x0 < left - CELL_GAP * row.size:
            return None
        over[under[0]].extend(w.text for w in phrase)
    if sum(1 for words in over if words) < MIN_COLUMNS_HEADED:
        return None
    return [" ".join(words) for words in over]
