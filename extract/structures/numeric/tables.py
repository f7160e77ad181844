"""Tables of numbers ('Estimated Financial Impact', staffing summaries) from the row flow.

A table is a run of rows that each print a label and numbers in columns (numgrid.py
finds them). Headings come from the rows just above whose words sit over the columns;
the title from a group heading between header and body, else the heading-like row above.
Each cell becomes a Figure in the unit its column heading (or the title) prints.
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

from extract.models import NumericTable, TableRow, TableUnit
from extract.read.flow import FlowRow, plain
from extract.read.text import Word, phrases
from extract.structures.numeric.cells import Cell, RowCells, Unit, cell_to_figure, is_whole, row_to_cells, text_to_unit
from extract.structures.numeric.grid import (
    ALIGN_TOLERANCE,
    CONTINUATION_GAP,
    CONTINUATION_PITCH,
    MIN_COLUMNS,
    MIN_NUMERIC_ROWS,
    PHRASE_GAP,
    ROW_GAP,
    DraftTable,
    can_start,
    can_start_list,
    grow_table,
    is_candidate,
    is_continuation,
    is_list,
    is_single_column,
    row_pitch,
)
from extract.structures.numeric.titles import (
    FIGURES_IN,
    UNIT_ONLY,
    opens_page,
    title_above,
    wider_than_a_heading,
)
from extract.vocabulary import TABLE_UNIT, holds_grid

MAX_HEADER_ROWS = 6
MAX_BANNER_ROWS = 2  # group headings ('Adult Social Care & Health') between header and body


@dataclass
class Header:
    rows: list[int]  # flow indices, top to bottom
    headings: dict[int, list[Word]]  # column → words in reading order
    stub: list[Word] = field(default_factory=list)  # words over the labels
    banner: str | None = None  # the group heading between header and body, if any
    banner_rows: list[int] = field(default_factory=list)
    unit_text: str = ""  # unit-only phrases ('£m') and 'All figures in £m'


def flow_to_numeric_tables(flow: Sequence[FlowRow], first: int = 1) -> list[NumericTable]:
    parsed = [row_to_cells(fr.row) for fr in flow]
    money_pages = _pages_speaking_of_money_or_staff(flow)
    tables: list[NumericTable] = []
    i = 0
    while i < len(flow):
        table, draft = None, None
        if flow[i].row.page in money_pages and (can_start(parsed[i]) or can_start_list(parsed[i])):
            draft = grow_table(flow, parsed, i)
            listed, single = is_list(draft), is_single_column(draft)
            if listed or single or is_candidate(draft):
                table = draft_to_table(flow, parsed, draft, first + len(tables), 1 if listed or single else MIN_COLUMNS,
                                       headed=single and not listed)
        if table is None:
            i += 1
            continue
        tables.append(table)
        i = draft.rows[-1] + 1  # type: ignore[union-attr]
    return tables


def _pages_speaking_of_money_or_staff(flow: Sequence[FlowRow]) -> set[int]:
    """Pages that print a unit of money or staff, or hold a grid of numbers (a budget sheet
    whose '£' is on the page before, a spreadsheet printout with no unit at all)."""
    text: dict[int, list[str]] = {}
    for fr in flow:
        text.setdefault(fr.row.page, []).append(fr.row.text)
    return {page for page, rows in text.items() if TABLE_UNIT.search("\n".join(rows)) or holds_grid(rows)}


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
        if all(k is None for k, _ in placed) and not banners and _wraps_stub(flow, draft, j):
            _add_header_row(header, placed, j)  # the last line of a stub a narrow column wrapped
        elif all(k is None for k, _ in placed):  # over the labels only: a group heading
            if header.rows or len(banners) == MAX_BANNER_ROWS:
                break
            banners.insert(0, j)
        else:
            _add_header_row(header, placed, j)
            if banners and header.banner is None:
                header.banner, header.banner_rows = plain(flow[banners[-1]].text), list(banners)
            banners = []
        j -= 1
    header.unit_text += "".join(" " + m.group(1) for k in header.rows for m in FIGURES_IN.finditer(flow[k].text))
    return header


def _wraps_stub(flow: Sequence[FlowRow], draft: DraftTable, j: int) -> bool:
    """A row over the labels only, just above the body, that is a line of the stub rather
    than a group heading: it and any stub-only lines above it set as tight as the lines of
    one cell, under a header row whose stub they continue ('Summary' / '- all' / 'in' /
    'review*'), where the body's rows stand further apart than that (a group heading is a
    row of the table, spaced as its rows are)."""
    numeric = [flow[k].gap_above for k in draft.rows[1:]
               if draft.parsed[k].kind == "numeric" and not flow[k].page_break]
    if not numeric:
        return False
    pitch = statistics.median(numeric)
    for k in range(j, max(0, j - MAX_HEADER_ROWS), -1):
        fr = flow[k]
        if fr.page_break or fr.gap_above > min(CONTINUATION_GAP * fr.row.size, CONTINUATION_PITCH * pitch):
            return False
        placed = _place_header_row(draft, flow[k - 1].row.words, flow[k - 1].row.size)
        stub = [words for column, words in placed or [] if column is None]
        one_phrase = len(phrases(list(fr.row.words), PHRASE_GAP * fr.row.size)) == 1
        if len(stub) != 1 or not one_phrase or abs(stub[0][0].x0 - fr.row.x0) > ALIGN_TOLERANCE:
            return False  # the stub is one left-aligned cell: each of its lines one phrase below the first
        if any(column is not None for column, _ in placed or []):
            return True  # the header row whose stub these lines continue
    return False


def _add_header_row(header: Header, placed: Placed, index: int) -> None:
    header.rows.insert(0, index)
    if len(placed) == 1 and UNIT_ONLY.match(plain(" ".join(w.text for w in placed[0][1]))):
        header.unit_text += " " + " ".join(w.text for w in placed[0][1])
        return
    for k, words in reversed(placed):  # rows are met bottom-up: prepend
        target = header.stub if k is None else header.headings[k]
        target[:0] = words


Placed = list[tuple[int | None, list[Word]]]  # phrases with their column (None: the labels)


def _place_header_row(draft: DraftTable, words: Sequence[Word], size: float) -> Placed | None:
    """Each phrase with its column, or None for a title-like row."""
    placed: Placed = []
    found = phrases(words, PHRASE_GAP * size)
    for phrase in found:
        over_label = phrase[0].x0 < draft.label_x1 and phrase[-1].x1 > draft.label_x0
        hits = {k for w in phrase for k, c in enumerate(draft.columns) if c.overlaps(w.x0, w.x1)}
        if len(hits) > 1 or (over_label and hits):
            return None
        if len(found) == 1 and len(hits) == 1 and wider_than_a_heading(phrase, draft.columns[min(hits)]):
            return None  # a line of its own far wider than the column it stands over: a title
        if not hits and phrase[0].x0 > max(c.x1 for c in draft.columns) + ALIGN_TOLERANCE:
            continue  # the heading of a text column right of the numbers ('Notes')
        placed.append((hits.pop(), phrase) if hits else _nearest(draft, phrase))
    return placed


def _nearest(draft: DraftTable, words: Sequence[Word]) -> tuple[int | None, list[Word]]:
    x0, x1 = words[0].x0, max(w.x1 for w in words)

    def distance(a: float, b: float) -> float:
        return max(a - x1, x0 - b, 0.0)

    best = min(range(len(draft.columns)), key=lambda k: distance(draft.columns[k].x0, draft.columns[k].x1))
    label_distance = distance(draft.label_x0, draft.label_x1) if draft.label_x0 <= draft.label_x1 else float("inf")
    if label_distance < distance(draft.columns[best].x0, draft.columns[best].x1):
        return None, list(words)
    return best, list(words)


# --- assembling the model ------------------------------------------------------------

def draft_to_table(
    flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, number: int,
    min_columns: int = MIN_COLUMNS, headed: bool = False,
) -> NumericTable | None:
    """The table in the model, or None when it is a grid of unlabelled numbers or holds
    nothing a Figure can (percentages only)."""
    header = find_header(flow, parsed, draft)
    order = sorted(range(len(draft.columns)), key=lambda k: draft.columns[k].x0)
    label_column = _label_column(draft, header, order)
    if label_column is not None:
        order.remove(label_column)
        header.stub = header.headings[label_column]
    elif len(_labelled_numeric_rows(draft)) < MIN_NUMERIC_ROWS:
        return None  # numbers without labels: a grid, not a table
    first = header.rows[0] if header.rows else draft.rows[0]
    stub = plain(" ".join(w.text for w in header.stub))
    above, units_above, title_row = title_above(flow, first, draft)
    if header.banner and any(draft.parsed[k].kind == "label" and not draft.placed[k] for k in draft.rows[1:]):
        # more group headings follow in the body: the first one heads a group, not the table
        for k in reversed(header.banner_rows):
            draft.rows.insert(0, k)
            draft.placed[k], draft.parsed[k] = [], parsed[k]
        header.banner = None
    title = header.banner or above or stub or f"Untitled table, page {flow[first].row.page}"
    headings = [plain(" ".join(w.text for w in header.headings[k])) for k in order]
    default = text_to_unit(f"{title} {stub} {header.unit_text} {units_above}")
    default = None if default and default.kind == "percent" else default  # '4.99%' in a title
    units = column_units(headings, [draft.cells_in(k) for k in order], default)
    rows = [
        TableRow(label=f.label, cells=[
            cell_to_figure(cell, unit, f"{f.label}, {heading}" if heading else f.label) if cell else None
            for cell, unit, heading in zip(f.cells, units, headings, strict=True)
        ], page=f.page, group=f.group, emphasis=f.bold, notes=f.notes)
        for f in fold_rows(flow, draft, order, label_column)
    ]
    if headed and not (headings and headings[0] and units[0] is not None):
        return None  # one column of amounts is a table only under a heading naming its unit
    if sum(any(r.cells[c] for r in rows) for c in range(len(order))) < min_columns:
        return None
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-") or "untitled"
    return NumericTable(
        id=f"numtable-{number}-{slug}", title=title, page=flow[first].row.page,
        unit=table_unit(units), columns=headings, rows=rows, column_units=[unit_name(u) for u in units],
        page_end=last if (last := max(r.page or 0 for r in rows)) > flow[first].row.page else None,
        opens_page=not header.banner and opens_page(flow, first, title_row),
    )


def _labelled_numeric_rows(draft: DraftTable) -> list[int]:
    return [k for k in draft.rows if draft.parsed[k].kind == "numeric" and draft.parsed[k].label]


def _label_column(draft: DraftTable, header: Header, order: list[int]) -> int | None:
    """A table printed without text labels ('100%  0  0  0') whose every column has a
    heading: its first column labels the rows."""
    numeric = [k for k in draft.rows if draft.parsed[k].kind == "numeric"]
    if any(draft.parsed[k].label for k in numeric) or not all(header.headings[k] for k in order):
        return None
    first = order[0]
    return first if all(first in draft.placed[k] for k in numeric) else None


@dataclass
class Folded:
    """One printed row of the table, wrapped label lines folded in."""

    label: str
    cells: list[Cell | None]
    page: int
    bold: bool = False
    notes: list[str] = field(default_factory=list)
    group: str | None = None


def fold_rows(flow: Sequence[FlowRow], draft: DraftTable, order: list[int],
              label_column: int | None = None) -> list[Folded]:
    """Each printed row with its cells by column, wrapped label lines folded into their row;
    a heading row (text only) is kept as a row and names the group of the rows below it."""
    pitch = row_pitch(flow, draft)
    centred = centred_label_lines(flow, draft, pitch)
    rows: list[Folded] = []
    prefix, group = "", None
    for n, k in enumerate(draft.rows):
        parsed, row = draft.parsed[k], flow[k].row
        label = parsed.label_text
        if parsed.kind == "label":
            following = draft.rows[n + 1] if n + 1 < len(draft.rows) else None
            if k in centred:
                prefix = plain(f"{prefix} {label}")  # the first line(s) of a label printed around its numbers
            elif rows and is_continuation(flow[k], pitch):
                rows[-1].label = plain(f"{rows[-1].label} {label}")
            elif following is not None and draft.parsed[following].kind == "numeric" \
                    and is_continuation(flow[following], pitch):
                prefix = plain(f"{prefix} {label}")  # a label wrapped above its numbers
            else:
                group = plain(f"{prefix} {label}")
                rows.append(Folded(group, [None] * len(order), row.page, row.bold))
                prefix = ""
            continue
        cells: list[Cell | None] = [None] * len(order)
        for cell, place in zip(parsed.cells, draft.placed[k], strict=False):
            if place == label_column:
                label = cell.text
            else:
                cells[order.index(place)] = cell
        notes = [plain(" ".join(w.text for w in note)) for note in parsed.notes]
        rows.append(Folded(plain(f"{prefix} {label}"), cells, row.page, row.bold, notes, group))
        prefix = ""
    return rows


BESIDE = 0.75  # a label line whose middle is this close (type sizes) to a number row's is set beside it
MIDWAY = 0.3  # how far (type sizes) a number row may sit from midway between the label lines around it
LINE_REACH = 1.6  # label lines around a number row lie within about a line of it (type sizes)


def centred_label_lines(flow: Sequence[FlowRow], draft: DraftTable, pitch: float) -> set[int]:
    """Label-only lines printed above a number row that belong to it, not to the row above:
    a label wrapped over lines and set vertically centred on its numbers (spreadsheet style:
    'Savings previously identified (excluding Waste' / numbers / 'savings)').

    Geometry decides: a label line set beside the numbers (its middle within a fraction of a
    line of theirs) is theirs; and when label lines continue below a number row that has no
    label of its own, or whose label continues the line above (a bracket left open), the
    number row lies midway between the lines above and below, and as many lines above as
    below are its own."""
    owned: set[int] = set()
    for n, k in enumerate(draft.rows):
        if draft.parsed[k].kind != "numeric":
            continue
        row = flow[k].row
        above = _label_run(flow, draft, n, -1, pitch)
        below = _label_run(flow, draft, n, +1, pitch)
        if not above:
            continue
        middle, size = _middle(row), row.size
        nearest = flow[above[0]].row
        if not draft.parsed[k].label and abs(middle - _middle(nearest)) < BESIDE * size:
            owned.update(above[:max(1, len(below))])
            continue
        if not below or not _continues(draft, above[0], k):
            continue
        first_below = flow[below[0]].row
        top, bottom = _middle(nearest), _middle(first_below)
        if top < middle < bottom and abs(middle - (top + bottom) / 2) <= MIDWAY * size \
                and bottom - top <= 2 * LINE_REACH * size:
            owned.update(above[:len(below)])
    return owned


def _label_run(flow: Sequence[FlowRow], draft: DraftTable, n: int, step: int, pitch: float) -> list[int]:
    """The label-only lines next to the n-th row of the draft, nearest first, while each is
    set as a wrapped line of the one before it (no page break, a continuation's gap)."""
    run: list[int] = []
    m = n + step
    while 0 <= m < len(draft.rows) and draft.parsed[draft.rows[m]].kind == "label":
        lower = draft.rows[max(m, m - step)]  # of each pair, the line printed lower
        if not is_continuation(flow[lower], pitch):
            break
        run.append(draft.rows[m])
        m += step
    return run


def _continues(draft: DraftTable, above: int, k: int) -> bool:
    """The number row's label is absent, or continues the label line above it: the line
    above leaves a bracket open, or the row's label begins in lower case."""
    label = draft.parsed[k].label_text
    if not label:
        return True
    line = draft.parsed[above].label_text
    return line.count("(") > line.count(")") or label[:1].islower()


def _middle(row) -> float:
    return (row.top + row.bottom) / 2


def column_units(
    headings: Sequence[str], cells: Sequence[Sequence[Cell]], default: Unit | None,
) -> list[Unit | None]:
    """Each column's unit from its heading, else the table's; a blank heading shares its left
    neighbour's (a heading cell spanning two columns). Fractional 'posts' are FTE."""
    units: list[Unit | None] = []
    for k, heading in enumerate(headings):
        unit = text_to_unit(heading) or default
        if unit is None and not heading and k:
            unit = units[-1]
        if unit is None and any("£" in c.text for c in cells[k]):
            unit = Unit("money")  # '£430.00' over '315.00': the column is of pounds
        if unit is not None and unit.kind == "count" and not all(is_whole(c) for c in cells[k]):
            unit = Unit("fte")
        units.append(unit)
    return units


def unit_name(unit: Unit | None) -> str | None:
    """'GBP', 'GBP 1000' (under '£000'), 'FTE', 'count', 'percent'; None when nothing says."""
    if unit is None:
        return None
    name = {"money": "GBP", "fte": "FTE", "headcount": "headcount"}.get(unit.kind, unit.kind)
    return name if unit.scale == 1 else f"{name} {unit.scale:g}"


def table_unit(units: Sequence[Unit | None]) -> TableUnit:
    """GBP, FTE or count when every column says so; a column with no printed unit makes it mixed."""
    kinds = {u.kind if u else None for u in units} - {"percent"}  # blank columns say nothing
    rules: list[tuple[TableUnit, set[str]]] = [("GBP", {"money"}), ("FTE", {"fte"}), ("count", {"count", "headcount"})]
    for unit, members in rules:
        if kinds and kinds <= members:
            return unit
    return "mixed"
