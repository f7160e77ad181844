"""Where a numbers table's title is printed: the heading line above its column headings.

A title is the heading-like line above the table (passing over unit lines and column
heading lines the header did not take), never a column heading or a sentence; a heading in
bold or larger type may stand further off than a row. Whether the table opens its page
under no title of its own (it may continue a table on the page before) is told here too.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from extract.read.flow import FlowRow, plain
from extract.read.text import Row, Word, phrases
from extract.structures.numeric.cells import row_to_cells
from extract.structures.numeric.grid import (
    ALIGN_TOLERANCE,
    CONTINUATION_GAP,
    HEADER_LOOKBACK,
    MIN_COLUMNS,
    PHRASE_GAP,
    ROW_GAP,
    Column,
    DraftTable,
    squash,
)
from extract.vocabulary import CLOSING_ROW, FIGURES_IN, UNIT_LINE_WORDS, UNIT_ONLY

TITLE_MAX_WORDS = 16

TITLE_SPREAD = 3.0  # a heading phrase this many times wider than its column is a title over the table
TITLE_MIN_WORDS = 3


def wider_than_a_heading(phrase: Sequence[Word], column: Column) -> bool:
    width = max(w.x1 for w in phrase) - phrase[0].x0
    return len(phrase) >= TITLE_MIN_WORDS and width > TITLE_SPREAD * (column.x1 - column.x0)


TITLE_GAP = 3.0  # a heading (bold or in larger type) may stand this far (its type sizes) above its table


def title_above(flow: Sequence[FlowRow], first: int,
                draft: DraftTable | None = None) -> tuple[str | None, str, int | None]:
    """The heading-like row just above the table's first header (or body) row, passing over
    a unit line ('All figures in £m') and column-heading lines the header did not take (set
    over the columns, clear of the labels); the units such lines state; and the flow index
    of the title's first line."""
    units = ""
    while first > 0 and not flow[first].page_break and _within_title_gap(flow[first], flow[first - 1].row):
        row = flow[first - 1].row
        text = plain(row.text)
        if UNIT_ONLY.match(text) or (FIGURES_IN.search(text) and len(row.words) <= UNIT_LINE_WORDS):
            units += " " + text
            first -= 1
            continue
        if _wraps_numbers_above(flow, first - 1):
            break  # the last line of a label in a table above ('subsidy)'), not a heading
        if draft is not None and _over_columns_only(draft, row, _body_size(flow, draft)):
            first -= 1  # a column heading line ('Forecast against original saving'): not the title
            continue
        if text.endswith(".") and first > 1 and flow[first - 1].gap_above <= ROW_GAP * row.size \
                and flow[first - 2].row.bold and not flow[first - 1].page_break:
            first -= 1  # a sentence introducing the table under its bold heading
            continue
        if len(row.words) > TITLE_MAX_WORDS or text.endswith((".", ",", ";")) or row_to_cells(row).numbers:
            break
        lines = title_lines(flow, first - 1)
        return plain(" ".join(lines)), units, first - len(lines)
    return None, units, None


def _within_title_gap(below: FlowRow, above: Row) -> bool:
    """Close enough to be read with the table: a table row's gap, or for a heading (bold or
    in larger type than the row below) a few of its own type sizes."""
    heading = above.bold or above.size > below.row.size + 0.5
    return below.gap_above <= max(ROW_GAP * below.row.size, TITLE_GAP * above.size if heading else 0.0)


def _wraps_numbers_above(flow: Sequence[FlowRow], index: int) -> bool:
    """A line set as close under a row of numbers as a wrapped line is (a label's last line)."""
    fr = flow[index]
    return index > 0 and not fr.page_break and fr.gap_above <= CONTINUATION_GAP * fr.row.size \
        and row_to_cells(flow[index - 1].row).numbers >= MIN_COLUMNS


def _body_size(flow: Sequence[FlowRow], draft: DraftTable) -> float:
    sizes = sorted(flow[k].row.size for k in draft.rows)
    return sizes[len(sizes) // 2]


def _over_columns_only(draft: DraftTable, row: Row, size: float) -> bool:
    """A line set over the table's number columns and clear of its labels, in the table's
    type, printing no amount, no phrase of it far wider than the columns it stands over: the
    heading of some columns ('2024-25' over 'Core External Total'), never the table's title
    (in larger type, or a line of its own spread far wider than a heading)."""
    if not draft.columns or row_to_cells(row).numbers or row.size > size + 0.5:
        return False
    reach = ALIGN_TOLERANCE * 4 + row.size  # a heading may stand out a little past its column
    if row.x0 < min(c.x0 for c in draft.columns) - reach or row.x1 > max(c.x1 for c in draft.columns) + reach:
        return False
    labels = [w for k in draft.rows if draft.parsed[k].kind == "numeric" for w in draft.parsed[k].label]
    if labels and row.x0 < max(w.x1 for w in labels) and row.x1 > min(w.x0 for w in labels):
        return False  # over the labels of the rows (a label column between number columns)
    for phrase in phrases(row.words, PHRASE_GAP * row.size):
        over = [c for c in draft.columns if c.overlaps(phrase[0].x0, max(w.x1 for w in phrase))]
        if over and wider_than_a_heading(phrase, Column(min(c.x0 for c in over), max(c.x1 for c in over))):
            return False
    return True


TITLE_WRAP_LINES = 3
TITLE_LINE_GAP = 0.6  # wrapped lines of one heading sit closer than this (type sizes)


def title_lines(flow: Sequence[FlowRow], last: int) -> list[str]:
    """A heading wrapped over lines ('… - Estimated Financial' / 'Impact'): the lines just
    above `last` set in the same type and aligned with it, then `last` itself. A line that
    introduces the table ('… are listed below:') ends a sentence of prose: read alone."""
    lines = [flow[last].row.text]
    if plain(lines[0]).endswith(":"):
        return lines
    words, i = len(flow[last].row.words), last
    while len(lines) < TITLE_WRAP_LINES and i > 0 and not flow[i].page_break:
        above, row = flow[i - 1].row, flow[i].row
        same_type = above.bold == row.bold and abs(above.size - row.size) < 0.5
        aligned = abs(above.x0 - row.x0) < 2 or abs((above.x0 + above.x1) - (row.x0 + row.x1)) < 4
        close = flow[i].gap_above <= TITLE_LINE_GAP * row.size
        prose = re.search(r"[.;](\s|$)|[,:]$", plain(above.text)) or row_to_cells(above).numbers
        words += len(above.words)
        if not (same_type and aligned and close) or prose or words > TITLE_MAX_WORDS:
            break
        lines.insert(0, above.text)
        i -= 1
    return lines


PAGE_TOP_ROWS = 3


TAIL_ROWS = 4  # the last rows of a page in which a table running on to the next would show


def opens_page(flow: Sequence[FlowRow], first: int, title_row: int | None) -> bool:
    """At the top of its page under no title of its own: none, or a running heading the page
    before printed too ('Growth, Environment & Transport (GET)' over every page of it)."""
    if title_row is None:
        return _near_page_top(flow, first)
    return _near_page_top(flow, title_row) and _printed_atop_page_before(flow, title_row)


def _printed_atop_page_before(flow: Sequence[FlowRow], index: int) -> bool:
    start = index
    while start > 0 and not flow[start].page_break:
        start -= 1
    before = start - 1
    while before > 0 and not flow[before].page_break:
        before -= 1
    if before < 0 or start == 0:
        return False
    texts = {squash(flow[k].text) for k in range(before, min(start, before + HEADER_LOOKBACK))}
    return squash(flow[index].text) in texts


def _near_page_top(flow: Sequence[FlowRow], first: int) -> bool:
    """Within the first rows of its page (a running header may stand above it), after a page
    that ends in rows of numbers not closed by a total: a table may run on from there. The
    first page read, or one after a page that ends in prose or in a total, continues nothing;
    nor does a table under a sentence that introduces it ('… the following impacts on staff.'):
    a table that goes on from the page before has no such sentence between its parts."""
    if first > 0 and not flow[first].page_break and plain(flow[first - 1].text).endswith((".", ":")):
        return False
    k = first
    while k > 0 and not flow[k].page_break and first - k < PAGE_TOP_ROWS:
        k -= 1
    if not flow[k].page_break or k == 0:
        return False
    tail = [j for j in range(k - 1, max(-1, k - 1 - TAIL_ROWS), -1)
            if row_to_cells(flow[j].row).numbers >= MIN_COLUMNS]
    return bool(tail) and not _closes_a_table(flow[tail[0]].row)


def _closes_a_table(row: Row) -> bool:
    """A total line, or a line of numbers set in bold: the end of the table, not a break in it."""
    return row.bold or CLOSING_ROW.search(row_to_cells(row).label_text) is not None
