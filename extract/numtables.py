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
PITCH_GROWTH = 1.6  # …or this many times the table's usual row gap (sparse tables in small type)
MAX_LABEL_ROWS = 3  # label-only rows in a row (group headings, wrapped labels) a table may hold
CONTINUATION_GAP = 0.35  # a label row this close (type sizes) to its neighbour wraps its label…
CONTINUATION_PITCH = 0.85  # …or closer than this share of the table's usual row gap
MAX_HEADER_ROWS = 6
PHRASE_GAP = 0.8  # words further apart than this (type sizes) are separate headings
TITLE_MAX_WORDS = 16
MAX_BANNER_ROWS = 2  # group headings ('Adult Social Care & Health') between header and body
MIN_NUMERIC_ROWS = 2
MIN_COLUMNS = 2

# Page furniture the flow keeps ('Page 27 of 54'): skipped, so a table runs on past it.
PAGE_FURNITURE = re.compile(r"^(?:page\s+)?\d+\s+of\s+\d+$", re.I)
# A header phrase that is only a unit ('£m', '(£000s)') states the unit of the whole table.
UNIT_ONLY = re.compile(r"^\(?(?:£\s*(?:m|k|bn|'?000s?)|FTE)\)?$", re.I)
# 'All figures in £m' printed anywhere in the header or title.
FIGURES_IN = re.compile(r"\bfigures\s+(?:are\s+)?(?:shown\s+)?in\s+(£\s*\S+)", re.I)


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

    def add(self, index: int, parsed: RowCells, places: Sequence[Optional[int]]) -> None:
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

    def cells_in(self, parsed: Sequence[RowCells], column: int) -> list[Cell]:
        return [c for k in self.rows for c, p in zip(parsed[k].cells, self.placed[k]) if p == column]


@dataclass
class Header:
    rows: list[int]  # flow indices, top to bottom
    headings: dict[int, list[Word]]  # column → words in reading order
    stub: list[Word] = field(default_factory=list)  # words over the labels
    banner: Optional[str] = None  # the group heading between header and body, if any
    unit_text: str = ""  # unit-only phrases ('£m') and 'All figures in £m'


def flow_to_numeric_tables(flow: Sequence[FlowRow]) -> list[NumericTable]:
    parsed = [row_to_cells(fr.row) for fr in flow]
    tables: list[NumericTable] = []
    i = 0
    while i < len(flow):
        draft = grow_table(flow, parsed, i) if _can_start(parsed[i]) else None
        table = draft_to_table(flow, parsed, draft, len(tables) + 1) if draft and _is_candidate(draft, parsed) else None
        if table is None:
            i += 1
            continue
        tables.append(table)
        i = draft.rows[-1] + 1  # type: ignore[union-attr]
    return tables


def _can_start(parsed: RowCells) -> bool:
    return parsed.kind == "numeric" and parsed.numbers >= MIN_COLUMNS


def grow_table(flow: Sequence[FlowRow], parsed: Sequence[RowCells], start: int) -> DraftTable:
    draft = DraftTable()
    draft.add(start, parsed[start], [None] * len(parsed[start].cells))
    pending: list[int] = []  # label-only rows, kept if numbers follow
    for j in range(start + 1, len(flow)):
        fr, row = flow[j], parsed[j]
        if PAGE_FURNITURE.match(fr.text.strip()):
            continue
        if fr.gap_above > max(ROW_GAP * fr.row.size, PITCH_GROWTH * _row_pitch(flow, draft)) and not fr.page_break:
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


def _is_candidate(draft: DraftTable, parsed: Sequence[RowCells]) -> bool:
    full = [k for k in draft.rows if parsed[k].numbers >= MIN_COLUMNS]
    figures = [k for k in range(len(draft.columns)) if any(c.is_figure for c in draft.cells_in(parsed, k))]
    return len(full) >= MIN_NUMERIC_ROWS and len(figures) >= MIN_COLUMNS


def _row_pitch(flow: Sequence[FlowRow], draft: DraftTable) -> float:
    gaps = [flow[k].gap_above for k in draft.rows[1:] if not flow[k].page_break]
    return statistics.median(gaps) if gaps else 0.0


def _is_continuation(fr: FlowRow, pitch: float) -> bool:
    if fr.page_break:
        return False
    return fr.gap_above <= max(CONTINUATION_GAP * fr.row.size, CONTINUATION_PITCH * pitch)


# --- headings and title --------------------------------------------------------------

def find_header(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable) -> Header:
    """Rows just above the table whose words sit over its columns, walking up past at most
    two group headings; a row with one phrase over both labels and numbers (a title or a
    sentence) or over two columns ends the header."""
    header = Header([], {k: [] for k in range(len(draft.columns))})
    banners: list[int] = []
    j = draft.rows[0] - 1
    while j >= 0 and len(header.rows) < MAX_HEADER_ROWS:
        below = flow[j + 1]
        if below.page_break or below.gap_above > ROW_GAP * below.row.size:
            break
        if any(c.is_number and not c.is_year for c in parsed[j].cells):
            break
        placed = _place_header_row(draft, flow[j].row.words, flow[j].row.size)
        if placed is None:
            break
        if all(k is None for k, _ in placed):  # over the labels only: a group heading
            if header.rows or len(banners) == MAX_BANNER_ROWS:
                break
            banners.insert(0, j)
        else:
            _add_header_row(header, placed, j)
            header.banner = header.banner or (plain(flow[banners[-1]].text) if banners else None)
            banners = []
        j -= 1
    header.unit_text += " ".join(m.group(1) for k in header.rows for m in FIGURES_IN.finditer(flow[k].text))
    return header


def _add_header_row(header: Header, placed: list[tuple[Optional[int], list[Word]]], index: int) -> None:
    header.rows.insert(0, index)
    if len(placed) == 1 and UNIT_ONLY.match(plain(" ".join(w.text for w in placed[0][1]))):
        header.unit_text += " " + " ".join(w.text for w in placed[0][1])
        return
    for k, words in reversed(placed):  # rows are met bottom-up: prepend
        target = header.stub if k is None else header.headings[k]
        target[:0] = words


def _place_header_row(draft: DraftTable, words: Sequence[Word], size: float) -> Optional[list[tuple[Optional[int], list[Word]]]]:
    """Each phrase with its column (None: the label column), or None for a title-like row."""
    placed: list[tuple[Optional[int], list[Word]]] = []
    for phrase in _phrases(words, PHRASE_GAP * size):
        over_label = phrase[0].x0 < draft.label_x1 and phrase[-1].x1 > draft.label_x0
        hits = {k for w in phrase for k, c in enumerate(draft.columns) if c.overlaps(w.x0, w.x1)}
        if len(hits) > 1 or (over_label and hits):
            return None
        placed.append((hits.pop(), phrase) if hits else _nearest(draft, phrase))
    return placed


def _phrases(words: Sequence[Word], gap: float) -> list[list[Word]]:
    phrases: list[list[Word]] = []
    for word in words:
        if phrases and word.x0 - phrases[-1][-1].x1 < gap:
            phrases[-1].append(word)
        else:
            phrases.append([word])
    return phrases


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

def draft_to_table(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, number: int) -> Optional[NumericTable]:
    header = find_header(flow, parsed, draft)
    order = sorted(range(len(draft.columns)), key=lambda k: draft.columns[k].x0)
    label_column = _label_column(parsed, draft, header, order)
    if label_column is not None:
        order.remove(label_column)
        header.stub = header.headings[label_column]
    elif sum(1 for k in draft.rows if parsed[k].kind == "numeric" and parsed[k].label) < MIN_NUMERIC_ROWS:
        return None  # numbers without labels: a grid, not a table
    first = header.rows[0] if header.rows else draft.rows[0]
    stub = plain(" ".join(w.text for w in header.stub))
    title = header.banner or title_above(flow, first) or stub or f"Untitled table {number}"
    headings = [plain(" ".join(w.text for w in header.headings[k])) for k in order]
    default = text_to_unit(f"{title} {stub} {header.unit_text}")
    units = column_units(headings, [draft.cells_in(parsed, k) for k in order], default)
    rows = [
        TableRow(label=label, cells=[
            cell_to_figure(cell, unit, f"{label}, {heading}" if heading else label) if cell else None
            for cell, unit, heading in zip(cells, units, headings)
        ])
        for label, cells in fold_rows(flow, parsed, draft, order, label_column)
    ]
    if sum(any(r.cells[c] for r in rows) for c in range(len(order))) < MIN_COLUMNS:
        return None  # percentages only: nothing a Figure can hold
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-") or "untitled"
    return NumericTable(
        id=f"numtable-{number}-{slug}", title=title, page=flow[first].row.page,
        unit=table_unit(units), columns=headings, rows=rows,
    )


def _label_column(parsed: Sequence[RowCells], draft: DraftTable, header: Header, order: list[int]) -> Optional[int]:
    """A table printed without text labels ('100%  0  0  0') whose every column has a
    heading: its first column labels the rows."""
    numeric = [k for k in draft.rows if parsed[k].kind == "numeric"]
    if any(parsed[k].label for k in numeric) or not all(header.headings[k] for k in order):
        return None
    first = order[0]
    return first if all(first in draft.placed[k] for k in numeric) else None


def fold_rows(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, order: list[int],
              label_column: Optional[int] = None) -> list[tuple[str, list[Optional[Cell]]]]:
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
            if place == label_column:
                label = cell.text
            else:
                cells[order.index(place)] = cell
        rows.append((plain(f"{prefix} {label}"), cells))
        prefix = ""
    return rows


def column_units(headings: Sequence[str], cells: Sequence[Sequence[Cell]], default: Optional[Unit]) -> list[Optional[Unit]]:
    """Each column's unit from its heading, else the table's; a blank heading shares its left
    neighbour's (a heading cell spanning two columns). Fractional 'posts' are FTE."""
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
