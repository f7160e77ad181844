"""The grid of a numbers table: which rows belong to it and where its columns are.

Columns are found from where the numbers sit, never from ruling lines: a row joins the
table when each of its numbers lines up with one column (or opens a new one) and its
label keeps clear of them, so the first prose line or differently laid out table ends it.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extract.read.flow import FlowRow
from extract.read.text import Word, phrases
from extract.structures.numeric.cells import Cell, RowCells, is_amount, is_cell_text
from extract.vocabulary import CLOSING_ROW, LIST_TOTAL, NIL_CELL, RETURN_BOX, SIGNED_LINE, numbered_return

ALIGN_TOLERANCE = 1.5  # points a number may stray from its column's extent
ROW_GAP = 2.2  # most white space between table rows, in type sizes (as cards and fintables)
PITCH_GROWTH = 1.6  # …or this many times the table's usual row gap (sparse tables in small type)
MAX_LABEL_ROWS = 3  # label-only rows in a row (group headings, wrapped labels) a table may hold…
MAX_WRAPPED_LINES = 8  # …not counting the tight lines of a label a narrow column wrapped, up to this many
PHRASE_GAP = 0.8  # type sizes: words further apart are separate phrases (cells, headings)
CONTINUATION_GAP = 0.35  # a label row this close (type sizes) to its neighbour wraps its label…
CONTINUATION_PITCH = 0.85  # …or closer than this share of the table's usual row gap
MIN_NUMERIC_ROWS = 2
NOTE_INDENT = 2.0  # points a wrapped side note's next line may start from where the note starts
MIN_LIST_ITEMS = 2
MIN_SINGLE_ROWS = 3
PUNCTUATION = {"=", ":", "-", "–", "£"}
MIN_COLUMNS = 2

# Page furniture the flow keeps ('Page 27 of 54'): skipped, so a table runs on past it.
PAGE_FURNITURE = re.compile(r"^(?:page\s+)?\d+\s+of\s+\d+$", re.I)


@dataclass
class Column:
    x0: float
    x1: float

    def overlaps(self, x0: float, x1: float, tolerance: float = ALIGN_TOLERANCE) -> bool:
        return x0 < self.x1 + tolerance and x1 > self.x0 - tolerance


@dataclass
class DraftTable:
    """Rows (flow indices) taken so far, their columns, and where the labels are."""

    rows: list[int] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    placed: dict[int, list[int]] = field(default_factory=dict)  # flow index → column per cell
    parsed: dict[int, RowCells] = field(default_factory=dict)  # flow index → the row as taken
    label_x0: float = float("inf")
    label_x1: float = float("-inf")

    def add(self, index: int, parsed: RowCells, places: Sequence[int | None]) -> None:
        columns = []
        for cell, place in zip(parsed.cells, places, strict=False):  # [] places none of the cells
            if place is None:
                self.columns.append(Column(cell.x0, cell.x1))
                place = len(self.columns) - 1
            column = self.columns[place]
            column.x0, column.x1 = min(column.x0, cell.x0), max(column.x1, cell.x1)
            columns.append(place)
        self.rows.append(index)
        self.placed[index] = columns
        self.parsed[index] = parsed
        if any(ch.isalnum() for w in parsed.label for ch in w.text):  # a speck ('.') marks no label's place
            self.label_x0 = min(self.label_x0, parsed.label[0].x0)
            self.label_x1 = max(self.label_x1, max(w.x1 for w in parsed.label))

    def cells_in(self, column: int) -> list[Cell]:
        return [c for k in self.rows for c, p in zip(self.parsed[k].cells, self.placed[k], strict=False) if p == column]


def can_start(parsed: RowCells) -> bool:
    """A row of two numbers or more; or a labelled row of one number and nil marks ('1 Balances
    Brought Forward  -  1,309,126': nothing brought forward in the first year), the first row
    of a table as much as the rows below it."""
    if parsed.kind != "numeric":
        return False
    return parsed.numbers >= MIN_COLUMNS or (
        bool(parsed.label) and parsed.numbers >= 1 and len(parsed.cells) >= MIN_COLUMNS
        and all(c.is_number or NIL_CELL.match(c.text) is not None for c in parsed.cells))


def can_start_list(parsed: RowCells) -> bool:
    """A labelled line ending in one amount ('i) Mrs J Davies, Clerk's Salary   £430.00'):
    the first item of a list of payments, a table of one column."""
    return (parsed.kind == "numeric" and len(parsed.cells) == 1 and bool(parsed.label)
            and (is_amount(parsed.cells[0].text) or "£" in parsed.cells[0].text))


def is_single_column(draft: DraftTable) -> bool:
    """One column of labelled amounts (a reconciliation, a short budget): a table only when a
    heading over the column names its unit, which the caller checks."""
    numeric = [k for k in draft.rows if draft.parsed[k].kind == "numeric"]
    amounts = sum(1 for k in numeric if _is_set_amount(draft.parsed[k].cells[0].text))
    return len(draft.columns) == 1 and amounts >= MIN_SINGLE_ROWS and all(
        draft.parsed[k].label or _between_label_lines(draft, k) for k in numeric)


def _between_label_lines(draft: DraftTable, k: int) -> bool:
    """An amount with no label of its own between two label lines: set beside a label wrapped
    round it ('Sports Engagement' / '10,000' / 'Commonwealth Games'), which fold_rows joins."""
    n = draft.rows.index(k)
    return 0 < n < len(draft.rows) - 1 and all(
        draft.parsed[draft.rows[m]].kind == "label" for m in (n - 1, n + 1))


def _is_set_amount(text: str) -> bool:
    """'£430', '1,234', '15.50': an amount as the fast pass's triage counts them."""
    return "£" in text or is_amount(text)


SIGNED_LOOKAHEAD = 2  # rows below a balance within which its first 'Add' / 'Less' line stands


def can_start_signed(flow: Sequence[FlowRow], parsed: Sequence[RowCells], start: int) -> bool:
    """A labelled figure with a line marked Add / Less / Deduct right below it: the opening
    balance of a reconciliation, whatever its figures look like ('11918')."""
    row = parsed[start]
    if row.kind != "numeric" or len(row.cells) != 1 or not row.label or not row.cells[0].is_figure:
        return False
    below = range(start + 1, min(len(flow), start + 1 + SIGNED_LOOKAHEAD))
    return any(SIGNED_LINE.match(parsed[k].label_text) for k in below if not flow[k].page_break)


RETURN_LOOKAHEAD = 24  # lines below box 1 within which boxes 2 to 7 of the return stand (wrapped labels, notes)


def can_start_return(flow: Sequence[FlowRow], parsed: Sequence[RowCells], start: int) -> bool:
    """Box 1 of the annual return with its one figure ('1 Balances Brought Forward  0'), however
    the figure is set, where boxes 2 to 7 follow: the first row of a one-column table of boxes."""
    row = parsed[start]
    if row.kind != "numeric" or len(row.cells) != 1 or not row.label:
        return False
    match = RETURN_BOX.match(row.label_text)
    if match is None or int(match["box"]) != 1:
        return False
    return numbered_return([parsed[k].label_text for k in range(start, min(len(flow), start + RETURN_LOOKAHEAD))])


def is_signed_block(draft: DraftTable) -> bool:
    """One column holding a balance and the lines that move it ('Balance as per bank
    statement' / 'Add …' / 'Deduct …' / the result): a table its own arithmetic will check
    (checks/signed.py), so it needs no heading naming its unit."""
    if len(draft.columns) != 1:
        return False
    numeric = [k for k in draft.rows if draft.parsed[k].kind == "numeric"]
    return any(SIGNED_LINE.match(draft.parsed[k].label_text) and any(n < k for n in numeric)
               and any(n > k for n in numeric) for k in draft.rows)


def is_list(draft: DraftTable) -> bool:
    """A one-column table: two or more labelled amounts in one column closed by a row
    whose label says it is their total ('TOTAL £823.00', 'CYFANSWM £486.00')."""
    numeric = [k for k in draft.rows if draft.parsed[k].kind == "numeric"]
    if len(draft.columns) != 1 or len(numeric) < MIN_LIST_ITEMS + 1:
        return False
    if sum(1 for k in numeric if _is_set_amount(draft.parsed[k].cells[0].text)) < MIN_SINGLE_ROWS:
        return False
    last = draft.parsed[numeric[-1]]
    return LIST_TOTAL.search(last.label_text) is not None and all(draft.parsed[k].label for k in numeric)


def grow_table(flow: Sequence[FlowRow], parsed: Sequence[RowCells], start: int) -> DraftTable:
    draft = DraftTable()
    draft.add(start, parsed[start], [None] * len(parsed[start].cells))
    pending: list[int] = []  # label-only rows, kept if numbers follow
    repeated = _header_texts(flow, start)
    repeating = False  # passing over the heading rows repeated at the top of a new page
    for j in range(start + 1, len(flow)):
        fr, row = flow[j], parsed[j]
        if PAGE_FURNITURE.match(fr.text.strip()) or _page_number(flow, j):
            continue
        if (fr.page_break or repeating) and squash(fr.text) in repeated:
            repeating = True
            continue
        repeating = False
        if fr.gap_above > max(ROW_GAP * fr.row.size, PITCH_GROWTH * row_pitch(flow, draft)) and not fr.page_break \
                and not _next_group_heading(flow, parsed, draft, start, j):
            break
        if not pending and continues_side_note(flow, parsed, draft, j):
            last = draft.rows[-1]
            notes = draft.parsed[last].notes
            draft.parsed[last] = replace(draft.parsed[last], notes=notes[:-1] + (notes[-1] + row.label,))
            continue
        if row.kind == "numeric" and starts_a_block(flow, draft, j, row):
            break
        fitted = fit_row(draft, row) if row.kind in ("numeric", "label") else None
        if fitted is not None:
            for k in pending:
                draft.add(k, parsed[k], [])
            pending = []
            draft.add(j, *fitted)
        elif _may_hold(draft, fr, row) and _room_for_label_row(flow, draft, pending, j):
            pending.append(j)
        else:
            break
    # a wrapped label after the last numbers ('(non- SEN)') still belongs to its row; not a line
    # of the next page (under its running heading, skipped as repeated: its gap is to that heading)
    pitch = row_pitch(flow, draft)
    for k in pending:
        if not is_continuation(flow[k], pitch) or flow[k].row.page != flow[draft.rows[-1]].row.page:
            break
        draft.add(k, parsed[k], [])
    return draft


def _next_group_heading(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, start: int,
                        j: int) -> bool:
    """A heading set well below the rows above, in the type and at the indent of the group
    heading right over the table's first row ('DIRECT SERVICES TO THE PUBLIC' …
    'DEMOCRATIC, CIVIC AND CENTRAL COSTS'), under rows no total has closed yet: the table's
    next group, not a new table (whose rows above would end in their total)."""
    if start == 0 or parsed[j].kind != "label" or parsed[start - 1].kind != "label" or flow[start].page_break:
        return False
    first, here = flow[start - 1].row, flow[j].row
    if not (first.bold and here.bold and abs(first.x0 - here.x0) <= ALIGN_TOLERANCE
            and abs(first.size - here.size) <= SIZE_TOLERANCE and flow[start].gap_above <= ROW_GAP * first.size):
        return False
    last = next((k for k in reversed(draft.rows) if draft.parsed[k].kind == "numeric"), None)
    return last is not None and draft.parsed[last].label != () and not flow[last].row.bold and \
        CLOSING_ROW.search(draft.parsed[last].label_text) is None


SIZE_TOLERANCE = 0.5  # points two lines' type sizes may differ by and be one style


def starts_a_block(flow: Sequence[FlowRow], draft: DraftTable, j: int, row: RowCells) -> bool:
    """A row of one number under a table whose rows print several, after the row that closes
    it (a total, or set in bold) and set further off than its rows are, or after one of the
    two with its number lined up with no number of the column it falls in: the first line of
    a small block printed under the table ('Budget 2024/25' / 'Changes' / 'Budget 2025/26'),
    a table of its own."""
    if len(row.cells) != 1 or len(draft.columns) < MIN_COLUMNS:
        return False
    last = next((k for k in reversed(draft.rows) if draft.parsed[k].kind == "numeric"), None)
    if last is None:
        return False
    closed = flow[last].row.bold or CLOSING_ROW.search(draft.parsed[last].label_text) is not None
    apart = not flow[j].page_break and flow[j].gap_above > BLOCK_GAP * row_pitch(flow, draft)
    if not (closed or apart):
        return False
    numeric = [k for k in draft.rows if draft.parsed[k].kind == "numeric"]
    if len(numeric) < MIN_NUMERIC_ROWS or statistics.median(len(draft.parsed[k].cells) for k in numeric) < MIN_COLUMNS:
        return False
    return (closed and apart) or not _lines_up(draft, row.cells[0])


BLOCK_GAP = 1.2  # a row set this many times the table's usual row gap below it stands apart


def _lines_up(draft: DraftTable, cell: Cell) -> bool:
    """The cell's right edge, left edge or middle is where a number of a column it falls in
    has its own (numbers in a column are set flush right, flush left or centred)."""
    for k, column in enumerate(draft.columns):
        if not column.overlaps(cell.x0, cell.x1):
            continue
        for other in draft.cells_in(k):
            if min(abs(other.x1 - cell.x1), abs(other.x0 - cell.x0),
                   abs((other.x0 + other.x1) - (cell.x0 + cell.x1)) / 2) <= ALIGN_TOLERANCE:
                return True
    return False


def _room_for_label_row(flow: Sequence[FlowRow], draft: DraftTable, pending: Sequence[int], j: int) -> bool:
    """Whether one more label-only row may wait for numbers below it: a few headings or
    loose lines, or more when each is a wrapped line of the label above ('Total' / 'across' /
    'Education' / '(non-' / 'SEN)' in a narrow label column)."""
    if len(pending) >= MAX_WRAPPED_LINES:
        return False
    pitch = row_pitch(flow, draft)
    loose = [k for k in [*pending, j] if not _wrapped_label_line(draft, flow[k], pitch)]
    return len(loose) <= MAX_LABEL_ROWS


def _wrapped_label_line(draft: DraftTable, fr: FlowRow, pitch: float) -> bool:
    """A line of a label wrapped in a narrow column: set tight under the line above, one
    phrase starting where the labels of the table start, in a table whose labels are each
    one phrase (a table of several text columns wraps its lines in all of them)."""
    gap = PHRASE_GAP * fr.row.size
    labels = [draft.parsed[k].label for k in draft.rows if draft.parsed[k].kind == "numeric"]
    if not labels or not all(label and len(phrases(label, gap)) == 1 for label in labels):
        return False
    starts = {round(label[0].x0) for label in labels}
    aligned = max(starts) - min(starts) <= ALIGN_TOLERANCE and abs(fr.row.x0 - labels[-1][0].x0) <= ALIGN_TOLERANCE
    left_of_numbers = fr.row.x1 < min(c.x0 for c in draft.columns) and all(
        label[-1].x1 < min(c.x0 for c in draft.columns) for label in labels)
    return aligned and left_of_numbers and len(phrases(fr.row.words, gap)) == 1 and is_continuation(fr, pitch)


def continues_side_note(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, j: int) -> bool:
    """One text line right after a row with a note beside its numbers, right of every column,
    starting where the note starts, close below, and followed by a row of the table: the
    note wrapped once ('Additional Recruitment - Assistant Town' / 'Clerk'), not a label, so
    it neither joins the row labels nor widens where labels are."""
    row = parsed[j]
    if row.kind != "label" or not draft.columns or not draft.parsed[draft.rows[-1]].notes or j + 1 >= len(flow):
        return False
    right_edge = max(c.x1 for c in draft.columns)
    note = draft.parsed[draft.rows[-1]].notes[-1]
    return (all(w.x0 > right_edge for w in row.label) and abs(row.label[0].x0 - note[0].x0) <= NOTE_INDENT
            and is_continuation(flow[j], row_pitch(flow, draft)) and not flow[j + 1].page_break
            and parsed[j + 1].kind == "numeric" and fit_row(draft, parsed[j + 1]) is not None)


def _page_number(flow: Sequence[FlowRow], j: int) -> bool:
    """A bare number on the last line of a page ('3'): the page's number, not a row."""
    last = j + 1 == len(flow) or flow[j + 1].page_break
    return last and re.fullmatch(r"\d{1,3}", flow[j].text.strip()) is not None


HEADER_LOOKBACK = 8  # rows above a table's first row whose repeat on a new page is passed over


def _header_texts(flow: Sequence[FlowRow], start: int) -> set[str]:
    """The rows printed above the table on its first page (title, headings): a table that
    continues on the next page repeats them there."""
    texts = set()
    for k in range(start - 1, max(-1, start - 1 - HEADER_LOOKBACK), -1):
        texts.add(squash(flow[k].text))
        if flow[k].page_break:
            break
    return texts - {""}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def fit_row(draft: DraftTable, row: RowCells) -> tuple[RowCells, list[int | None]] | None:
    """The row (an amount set against its label that sits in a column peeled off as a cell)
    and the column of each cell, or None when the row does not fit."""
    label, cells = list(row.label), list(row.cells)
    for edge in (0, -1):
        if len(label) > 1 and is_amount(label[edge].text) and not _clear_of_columns(draft, label[edge:][:1]):
            cells.append(Cell((label.pop(edge),)))
    if len(label) > 1 and _in_a_column_of_amounts(draft, label[0]):
        cells.append(Cell((label.pop(0),)))  # '225 Miscellaneous': last year's 225, not a row number
    if len(label) > 1 and _closes_in_a_column_of_amounts(draft, label[-1]):
        cells.append(Cell((label.pop(),)))  # 'Changing Rooms (elec) 2000' set tight: the amount 2000
    if not cells:
        return None  # a label row ('TOTAL 1,018.63' set with a word space) with no amount in a column
    notes = list(row.notes)
    if notes and len(notes[0]) > 1 and is_cell_text(notes[0][0].text) and _ends_in_a_column(draft, notes[0][0]):
        cells.append(Cell(notes[0][:1]))  # '1274 March 18 pay late': the figure in its column, then the note
        notes[0] = notes[0][1:]
    row = RowCells("numeric", tuple(label), tuple(sorted(cells, key=lambda c: c.x0)), tuple(notes))
    places = cells_to_columns(draft, row)
    return None if places is None else (row, places)


def _in_a_column_of_amounts(draft: DraftTable, word: Word) -> bool:
    """A whole number opening the label ('0', '225') that ends where the numbers of a column
    left of the labels end, a column holding amounts ('5700', '659.78'): a cell of that
    column (last year's figure printed before the label), not the row's number."""
    if not is_cell_text(word.text) or not word.x1 < draft.label_x0:
        return False
    hits = [k for k, c in enumerate(draft.columns) if c.overlaps(word.x0, word.x1)]
    if len(hits) != 1 or abs(draft.columns[hits[0]].x1 - word.x1) > ALIGN_TOLERANCE:
        return False
    return any(is_amount(c.text) or len(c.text) >= 4 for c in draft.cells_in(hits[0]))


def _closes_in_a_column_of_amounts(draft: DraftTable, word: Word) -> bool:
    """A whole number ending a label set tight against it ('Changing Rooms (elec) 2000', read
    as one phrase) that lies in one column right of the labels and ends where its numbers end,
    a column holding amounts ('1000', '1250'): that column's cell, not a year in the label."""
    if not is_cell_text(word.text) or word.x0 < draft.label_x1 - ALIGN_TOLERANCE or not _ends_in_a_column(draft, word):
        return False
    column = next(k for k, c in enumerate(draft.columns) if c.overlaps(word.x0, word.x1))
    return any(is_amount(c.text) or len(c.text) >= 4 for c in draft.cells_in(column))


def _ends_in_a_column(draft: DraftTable, word: Word) -> bool:
    """The word falls in one column and ends where that column's numbers end."""
    hits = [c for c in draft.columns if c.overlaps(word.x0, word.x1)]
    return len(hits) == 1 and abs(hits[0].x1 - word.x1) <= ALIGN_TOLERANCE


def _may_hold(draft: DraftTable, fr: FlowRow, row: RowCells) -> bool:
    """A label-only row (a group heading, a wrapped label) clear of the columns."""
    return row.kind == "label" and not fr.page_break and _clear_of_columns(draft, row.label)


def cells_to_columns(draft: DraftTable, row: RowCells) -> list[int | None] | None:
    """The column of each cell (None: a new column), or None when the row does not fit. A
    label may run up to a column's edge ('Contingency Community Planning Projects 10,500' set
    tight against its number), not into it."""
    if not _clear_of_columns(draft, row.label, tolerance=0.0):
        return None
    places: list[int | None] = []
    for cell in row.cells:
        hits = [k for k, c in enumerate(draft.columns) if c.overlaps(cell.x0, cell.x1)]
        aligned = len(hits) == 1 and abs(draft.columns[hits[0]].x1 - cell.x1) <= ALIGN_TOLERANCE
        if cell.x0 < draft.label_x1 and cell.x1 > draft.label_x0 and not aligned:
            return None  # a number where other rows print labels (unless it ends where a column does)
        if len(hits) > 1:
            return None
        places.append(hits[0] if hits else None)
    taken = [p for p in places if p is not None]
    return places if len(taken) == len(set(taken)) else None


def _clear_of_columns(draft: DraftTable, words: Sequence[Word], tolerance: float = ALIGN_TOLERANCE) -> bool:
    """No word of the label over a column ('=' or ':' before an amount does not count)."""
    return not any(c.overlaps(w.x0, w.x1, tolerance) for w in words if w.text not in PUNCTUATION
                   for c in draft.columns)


def is_candidate(draft: DraftTable) -> bool:
    full = [k for k in draft.rows if draft.parsed[k].numbers >= MIN_COLUMNS]
    figures = [k for k in range(len(draft.columns)) if any(c.is_figure for c in draft.cells_in(k))]
    return len(full) >= MIN_NUMERIC_ROWS and len(figures) >= MIN_COLUMNS


def row_pitch(flow: Sequence[FlowRow], draft: DraftTable) -> float:
    gaps = [flow[k].gap_above for k in draft.rows[1:] if not flow[k].page_break]
    return statistics.median(gaps) if gaps else 0.0


def is_continuation(fr: FlowRow, pitch: float) -> bool:
    if fr.page_break:
        return False
    return fr.gap_above <= max(CONTINUATION_GAP * fr.row.size, CONTINUATION_PITCH * pitch)
