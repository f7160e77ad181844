"""Tables of numbers ('Estimated Financial Impact', staffing summaries) from the row flow.

A table is a run of rows that each print a label and numbers in columns. Columns are
found from where the numbers sit: a row joins the table when each of its numbers lines
up with one column (or opens a new one) and its label keeps clear of them, so the
first prose line or differently ruled table ends it. Headings come from the rows just
above whose words sit over the columns; the title from the heading-like row above those.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Optional, Sequence

from extract.flow import FlowRow, plain
from extract.models import NumericTable, TableRow
from extract.numcells import Cell, RowCells, Unit, cell_to_figure, is_whole, row_to_cells, text_to_unit
from extract.text import Word

ALIGN_TOLERANCE = 1.5  # points a number may stray from its column's extent
ROW_GAP = 2.2  # most white space between table rows, in type sizes (as cards and fintables)
MAX_LABEL_ROWS = 3  # label-only rows in a row (group headings, wrapped labels) a table may hold
CONTINUATION_GAP = 0.35  # a label row this close (type sizes) to its neighbour wraps its label…
CONTINUATION_PITCH = 0.85  # …or closer than this share of the table's usual row gap
MAX_HEADER_ROWS = 6
PHRASE_GAP = 0.8  # words further apart than this (type sizes) are separate headings
TITLE_MAX_WORDS = 16
MIN_NUMERIC_ROWS = 2
MIN_COLUMNS = 2


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
    label_x0: float = float("inf")
    label_x1: float = float("-inf")

    def add(self, index: int, parsed: RowCells, places: list[Optional[int]]) -> None:
        columns = []
        for cell, place in zip(parsed.cells, places):
            if place is None:
                self.columns.append(Column(cell.x0, cell.x1))
                place = len(self.columns) - 1
            column = self.columns[place]
            column.x0, column.x1 = min(column.x0, cell.x0), max(column.x1, cell.x1)
            columns.append(place)
        self.rows.append(index)
        self.placed[index] = columns
        if parsed.label:
            self.label_x0 = min(self.label_x0, parsed.label[0].x0)
            self.label_x1 = max(self.label_x1, max(w.x1 for w in parsed.label))


@dataclass
class Header:
    rows: list[int]
    headings: list[list[Word]]  # per column, in reading order
    stub: list[Word]  # words over the label column


def flow_to_numeric_tables(flow: Sequence[FlowRow]) -> list[NumericTable]:
    parsed = [row_to_cells(fr.row) for fr in flow]
    tables: list[NumericTable] = []
    i = 0
    while i < len(flow):
        draft = grow_table(flow, parsed, i) if _can_start(parsed[i]) else None
        if draft is None or not _is_table(draft, parsed):
            i += 1
            continue
        tables.append(draft_to_table(flow, parsed, draft, len(tables) + 1))
        i = draft.rows[-1] + 1
    return tables


def _can_start(parsed: RowCells) -> bool:
    return parsed.kind == "numeric" and parsed.numbers >= MIN_COLUMNS


def grow_table(flow: Sequence[FlowRow], parsed: Sequence[RowCells], start: int) -> DraftTable:
    draft = DraftTable()
    draft.add(start, parsed[start], [None] * len(parsed[start].cells))
    pending: list[int] = []  # label-only rows, kept if numbers follow
    for j in range(start + 1, len(flow)):
        fr, row = flow[j], parsed[j]
        if fr.gap_above > ROW_GAP * fr.row.size and not fr.page_break:
            break
        places = cells_to_columns(draft, row) if row.kind == "numeric" else None
        if places is not None:
            for k in pending:
                draft.add(k, parsed[k], [])
            pending = []
            draft.add(j, row, places)
        elif row.kind == "label" and not fr.page_break and len(pending) < MAX_LABEL_ROWS and _clear_of_columns(draft, row.label):
            pending.append(j)
        else:
            break
    # a wrapped label after the last numbers ('(non- SEN)') still belongs to its row
    pitch = _row_pitch(flow, draft)
    for k in pending:
        if not _is_continuation(flow[k], pitch):
            break
        draft.add(k, parsed[k], [])
    return draft


def cells_to_columns(draft: DraftTable, row: RowCells) -> Optional[list[Optional[int]]]:
    """The column of each cell (None: a new column), or None when the row does not fit."""
    if not _clear_of_columns(draft, row.label):
        return None
    places: list[Optional[int]] = []
    for cell in row.cells:
        if cell.x0 < draft.label_x1 and cell.x1 > draft.label_x0:
            return None  # a number where other rows print labels
        hits = [k for k, c in enumerate(draft.columns) if c.overlaps(cell.x0, cell.x1)]
        if len(hits) > 1:
            return None
        places.append(hits[0] if hits else None)
    taken = [p for p in places if p is not None]
    return places if len(taken) == len(set(taken)) else None


def _clear_of_columns(draft: DraftTable, words: Sequence[Word]) -> bool:
    return not any(c.overlaps(w.x0, w.x1) for w in words for c in draft.columns)


def _is_table(draft: DraftTable, parsed: Sequence[RowCells]) -> bool:
    full = [k for k in draft.rows if parsed[k].numbers >= MIN_COLUMNS]
    labelled = [k for k in draft.rows if parsed[k].kind == "numeric" and parsed[k].label]
    used = {place for k in draft.rows for cell, place in zip(parsed[k].cells, draft.placed[k]) if cell.is_number}
    return len(full) >= MIN_NUMERIC_ROWS and len(labelled) >= MIN_NUMERIC_ROWS and len(used) >= MIN_COLUMNS


def _row_pitch(flow: Sequence[FlowRow], draft: DraftTable) -> float:
    gaps = [flow[k].gap_above for k in draft.rows[1:] if not flow[k].page_break]
    return statistics.median(gaps) if gaps else 0.0


def _is_continuation(fr: FlowRow, pitch: float) -> bool:
    if fr.page_break:
        return False
    return fr.gap_above <= max(CONTINUATION_GAP * fr.row.size, CONTINUATION_PITCH * pitch)


# --- headings and title --------------------------------------------------------------

def find_header(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, order: list[int]) -> Header:
    """Rows just above the table whose words sit over its columns (none over both label and numbers)."""
    header = Header([], [[] for _ in order], [])
    rank = {place: n for n, place in enumerate(order)}
    j = draft.rows[0] - 1
    while j >= 0 and len(header.rows) < MAX_HEADER_ROWS:
        below = flow[j + 1]
        if below.page_break or below.gap_above > ROW_GAP * below.row.size or parsed[j].numbers > sum(c.is_year for c in parsed[j].cells):
            break
        placed = _place_header_row(draft, flow[j].row.words, flow[j].row.size)
        if placed is None or not any(k is not None for k, _ in placed):
            break
        for k, words in reversed(placed):  # rows are met bottom-up: prepend
            target = header.stub if k is None else header.headings[rank[k]]
            target[:0] = words
        header.rows.insert(0, j)
        j -= 1
    return header


def _place_header_row(draft: DraftTable, words: Sequence[Word], size: float) -> Optional[list[tuple[Optional[int], list[Word]]]]:
    """Each phrase with its column (None: the label column), or None for a title-like row."""
    placed: list[tuple[Optional[int], list[Word]]] = []
    for phrase in _phrases(words, PHRASE_GAP * size):
        over_label = phrase[0].x0 < draft.label_x1 and phrase[-1].x1 > draft.label_x0
        hits = {k for w in phrase for k, c in enumerate(draft.columns) if c.overlaps(w.x0, w.x1)}
        if over_label and hits:
            return None  # one phrase across labels and numbers: a title or a sentence
        if hits:
            placed.extend(_words_to_columns(draft, phrase) if len(hits) > 1 else [(hits.pop(), phrase)])
        else:
            placed.append(_nearest(draft, phrase))
    return placed


def _phrases(words: Sequence[Word], gap: float) -> list[list[Word]]:
    phrases: list[list[Word]] = []
    for word in words:
        if phrases and word.x0 - phrases[-1][-1].x1 < gap:
            phrases[-1].append(word)
        else:
            phrases.append([word])
    return phrases


def _words_to_columns(draft: DraftTable, phrase: Sequence[Word]) -> list[tuple[Optional[int], list[Word]]]:
    return [_nearest(draft, [w]) for w in phrase]


def _nearest(draft: DraftTable, words: Sequence[Word]) -> tuple[Optional[int], list[Word]]:
    x0, x1 = words[0].x0, max(w.x1 for w in words)

    def distance(a: float, b: float) -> float:
        return max(a - x1, x0 - b, 0.0)

    best = min(range(len(draft.columns)), key=lambda k: distance(draft.columns[k].x0, draft.columns[k].x1))
    label_distance = distance(draft.label_x0, draft.label_x1) if draft.label_x0 <= draft.label_x1 else float("inf")
    if label_distance < distance(draft.columns[best].x0, draft.columns[best].x1):
        return None, list(words)
    return best, list(words)


def title_above(flow: Sequence[FlowRow], first: int) -> Optional[str]:
    """The heading-like row just above the table's first header (or body) row."""
    below = flow[first]
    if first == 0 or below.page_break or below.gap_above > ROW_GAP * below.row.size:
        return None
    row = flow[first - 1].row
    text = plain(row.text)
    if len(row.words) > TITLE_MAX_WORDS or text.endswith((".", ",", ";")) or row_to_cells(row).numbers:
        return None
    return text


# --- assembling the model ------------------------------------------------------------

def draft_to_table(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, number: int) -> NumericTable:
    order = sorted(range(len(draft.columns)), key=lambda k: draft.columns[k].x0)
    header = find_header(flow, parsed, draft, order)
    first = header.rows[0] if header.rows else draft.rows[0]
    stub = plain(" ".join(w.text for w in header.stub))
    title = title_above(flow, first) or stub or f"Untitled table {number}"
    headings = [plain(" ".join(w.text for w in words)) for words in header.headings]
    units = column_units(headings, [_column_cells(parsed, draft, k) for k in order], f"{title} {stub}")
    rows = [
        TableRow(label=label, cells=[
            cell_to_figure(cell, unit, f"{label}, {heading}" if heading else label) if cell else None
            for cell, unit, heading in zip(cells, units, headings)
        ])
        for label, cells in fold_rows(flow, parsed, draft, order)
    ]
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-") or "untitled"
    return NumericTable(
        id=f"numtable-{number}-{slug}",
        title=title,
        page=flow[first].row.page,
        unit=table_unit(units),
        columns=headings,
        rows=rows,
    )


def fold_rows(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, order: list[int]) -> list[tuple[str, list[Optional[Cell]]]]:
    """(label, cells by column) per printed row, wrapped label lines folded into their row."""
    pitch = _row_pitch(flow, draft)
    rows: list[tuple[str, list[Optional[Cell]]]] = []
    prefix = ""
    for n, k in enumerate(draft.rows):
        label = parsed[k].label_text
        if parsed[k].kind == "label":
            following = draft.rows[n + 1] if n + 1 < len(draft.rows) else None
            if rows and _is_continuation(flow[k], pitch):
                rows[-1] = (plain(f"{rows[-1][0]} {label}"), rows[-1][1])
            elif following is not None and parsed[following].kind == "numeric" and _is_continuation(flow[following], pitch):
                prefix = plain(f"{prefix} {label}")
            else:
                rows.append((plain(f"{prefix} {label}"), [None] * len(order)))
                prefix = ""
            continue
        cells: list[Optional[Cell]] = [None] * len(order)
        for cell, place in zip(parsed[k].cells, draft.placed[k]):
            cells[order.index(place)] = cell
        rows.append((plain(f"{prefix} {label}"), cells))
        prefix = ""
    return rows


def _column_cells(parsed: Sequence[RowCells], draft: DraftTable, column: int) -> list[Cell]:
    return [c for k in draft.rows for c, p in zip(parsed[k].cells, draft.placed[k]) if p == column and c.is_number]


def column_units(headings: Sequence[str], cells: Sequence[Sequence[Cell]], table_text: str) -> list[Optional[Unit]]:
    """Each column's unit from its heading, else the title's; a blank heading shares its left
    neighbour's (a heading cell spanning two columns). Fractional 'posts' are FTE."""
    default = text_to_unit(table_text)
    units: list[Optional[Unit]] = []
    for k, heading in enumerate(headings):
        unit = text_to_unit(heading) or default
        if unit is None and not heading and k:
            unit = units[-1]
        if unit is not None and unit.kind == "count" and not all(is_whole(c) for c in cells[k]):
            unit = Unit("fte")
        units.append(unit)
    return units


def table_unit(units: Sequence[Optional[Unit]]) -> str:
    kinds = {u.kind if u else None for u in units}
    for unit, members in (("GBP", {"money"}), ("FTE", {"fte"}), ("count", {"count", "headcount"})):
        if kinds and kinds <= members:
            return unit
    return "mixed"
