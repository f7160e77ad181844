"""A line of column headings taken for a table's title: its words are the headings' first
words, and a unit among them is the unit of the column it stands over, not the table's.

OCR set the first line of the 2017 pack's staffing summary headings ('Summary- all Establis —
Staff in Vacant Head FTE Head New') apart from the lines under it, and it was read as the
table's title: its one 'FTE' (over 'FTE proposed') made every column without a unit of its
own FTE, the head counts among them, while the head-count headings lost their 'Head'. A title
is one phrase, however wide; a line split at column gaps into phrases standing over three
columns or more is a line of headings.
"""
from __future__ import annotations

from collections.abc import Sequence

from extract.read.text import Row, phrases
from extract.structures.numeric.cells import CELL_GAP
from extract.structures.numeric.grid import Column

MIN_COLUMNS_HEADED = 3  # phrases over this many columns, each over one: a heading line


def heading_line_over(row: Row, columns: Sequence[Column]) -> list[str] | None:
    """Per column (left to right as given), the words of `row` standing over it alone, when
    they head three columns or more; None when the row reads as a title."""
    over: list[list[str]] = [[] for _ in columns]
    for phrase in phrases(row.words, CELL_GAP * row.size):
        under = [n for n, c in enumerate(columns) if c.overlaps(phrase[0].x0, max(w.x1 for w in phrase))]
        if len(under) == 1:
            over[under[0]].extend(w.text for w in phrase)
        elif len(under) > 1:
            return None  # a phrase spread over several columns: a title
    if sum(1 for words in over if words) < MIN_COLUMNS_HEADED:
        return None
    return [" ".join(words) for words in over]
