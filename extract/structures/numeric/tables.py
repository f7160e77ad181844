"""Tables of numbers ('Estimated Financial Impact', staffing summaries) from the row flow.

A table is a run of rows that each print a label and numbers in columns (grid.py finds
them). Headings come from the rows just above whose words sit over the columns
(headers.py); the title from a group heading between header and body, else the
heading-like row above. Each cell becomes a Figure in the unit its column prints (units.py).
A table that prints no headings right under another, split off from it at an intermediate
heading ('Basic Need Schemes:') or a page break, is read under the headings of the one above.
How each table was read is recorded on it (`reading`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.models import Figure, NumericTable, TableReading, TableRow, UnitSource, WrappedLabel
from extract.read.flow import FlowRow, plain
from extract.structures.numeric.cells import Cell, RowCells, Unit, cell_to_figure, row_to_cells, text_to_unit
from extract.structures.numeric.grid import (
    CONTINUATION_GAP,
    MIN_COLUMNS,
    MIN_NUMERIC_ROWS,
    ROW_GAP,
    Column,
    DraftTable,
    can_start,
    can_start_list,
    can_start_return,
    can_start_signed,
    grow_table,
    is_candidate,
    is_list,
    is_signed_block,
    is_single_column,
    row_pitch,
)
from extract.structures.numeric.headers import MAX_BANNER_ROWS, Header, find_header, header_from_rows
from extract.structures.numeric.heading_line import heading_line_over
from extract.structures.numeric.itemised import itemised_lists
from extract.structures.numeric.marks import without_mark_rows
from extract.structures.numeric.percentages import row_percentages
from extract.structures.numeric.readings import closes_with_its_sum, labels_by_arithmetic
from extract.structures.numeric.rows import fold_rows
from extract.structures.numeric.sums import units_by_their_sums
from extract.structures.numeric.titles import TITLE_GAP, opens_page, title_above
from extract.structures.numeric.units import (
    TableWide,
    UnitLine,
    column_units,
    common_unit,
    counted_in_title_only,
    in_pounds_by_its_lines,
    numbers_stand_in,
    page_heading,
    reads_as_accounts,
    row_units,
    table_unit,
    table_wide_unit,
    unit_line_above,
    unit_marks_over_grid,
    unit_name,
)
from extract.vocabulary import TABLE_UNIT, holds_grid, holds_signed_block, numbered_return


@dataclass(frozen=True)
class Above:
    """The table just read, as the next one may need it: a part split off below it is read
    under its header rows and keeps its unit."""

    id: str
    header_rows: tuple[int, ...]
    last_row: int  # flow index of its last row
    unit: Unit | None  # the one unit all its columns share, if any
    widest: float  # the widest gap between its rows
    columns: tuple[tuple[Column, Unit | None], ...] = ()  # left to right, each with its unit
    page: int = 0  # the page of its last row
    page_heading: UnitLine | None = None  # a unit printed over its page's tables, above their titles
    grouped: bool = False  # it prints group headings between its rows ('SPENDING', 'SAVINGS')


def flow_to_numeric_tables(flow: Sequence[FlowRow], first: int = 1) -> list[NumericTable]:
    flow = without_mark_rows(flow)  # footnote marks raised off their line
    parsed = [row_to_cells(fr.row) for fr in flow]
    money_pages = _pages_speaking_of_money_or_staff(flow)
    tables: list[NumericTable] = []
    above: Above | None = None
    i = 0
    while i < len(flow):
        made = None
        if flow[i].row.page in money_pages and (can_start(parsed[i]) or can_start_list(parsed[i])
                                                 or can_start_signed(flow, parsed, i)
                                                 or can_start_return(flow, parsed, i)):
            draft = grow_table(flow, parsed, i)
            listed, signed, single = is_list(draft), is_signed_block(draft), is_single_column(draft)
            if listed or signed or single or is_candidate(draft):
                made = draft_to_table(flow, parsed, draft, first + len(tables),
                                      1 if listed or signed or single else MIN_COLUMNS,
                                      headed=single and not (listed or signed), above=above)
        if made is None:
            i += 1
            continue
        table, header, columns, heading = made
        tables.append(table)
        i = draft.rows[-1] + 1
        above = Above(table.reading.split_from or table.id, tuple(header.rows), draft.rows[-1],
                      common_unit([u for _, u in columns]), _widest_gap(flow, draft), tuple(columns),
                      flow[draft.rows[-1]].row.page, heading, any(not any(r.cells) for r in table.rows[1:]))
    return tables + itemised_lists(flow, first + len(tables))


def _widest_gap(flow: Sequence[FlowRow], draft: DraftTable) -> float:
    return max((flow[k].gap_above for k in draft.rows[1:] if not flow[k].page_break), default=0.0)


def _pages_speaking_of_money_or_staff(flow: Sequence[FlowRow]) -> set[int]:
    """Pages that print a unit of money or staff, or hold a grid of numbers (a budget sheet
    whose '£' is on the page before, a spreadsheet printout with no unit at all), a
    reconciliation ('Balance as per bank statement' / 'Add …' / 'Deduct …') or the annual
    return's numbered boxes."""
    text: dict[int, list[str]] = {}
    for fr in flow:
        text.setdefault(fr.row.page, []).append(fr.row.text)
    return {page for page, rows in text.items()
            if TABLE_UNIT.search("\n".join(rows)) or holds_grid(rows) or holds_signed_block(rows)
            or numbered_return(rows)}


# --- assembling the model ------------------------------------------------------------

def draft_to_table(
    flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, number: int,
    min_columns: int = MIN_COLUMNS, headed: bool = False, above: Above | None = None,
) -> tuple[NumericTable, Header, list[tuple[Column, Unit | None]], UnitLine | None] | None:
    """The table in the model with the header it was read under, its columns (left to right)
    with their units and the unit heading its page (if any), or None when it is a grid of
    unlabelled numbers or holds nothing a Figure can (percentages only)."""
    header = find_header(flow, parsed, draft)
    headless = not header.says_anything  # a part of the table above, if it follows right under it
    split = _split_from(flow, parsed, draft, header, above)
    if split is not None:
        header = split
    order = sorted(range(len(draft.columns)), key=lambda k: draft.columns[k].x0)
    label_column = _label_column(draft, header, order)
    if label_column is not None:
        order.remove(label_column)
        header.stub = header.headings[label_column]
    elif len(_labelled_numeric_rows(draft)) < MIN_NUMERIC_ROWS:
        return None  # numbers without labels: a grid, not a table
    first = header.rows[0] if header.rows and split is None else draft.rows[0]
    stub = plain(" ".join(w.text for w in header.stub))
    title_text, units_above, title_row = title_above(flow, first, draft)
    if header.banner and any(draft.parsed[k].kind == "label" and not draft.placed[k] for k in draft.rows[1:]):
        # more group headings follow in the body: the first one heads a group, not the table
        for k in reversed(header.banner_rows):
            draft.rows.insert(0, k)
            draft.placed[k], draft.parsed[k] = [], parsed[k]
        header.banner = None
    title = header.banner or title_text or stub or f"Untitled table, page {flow[first].row.page}"
    headings = [plain(" ".join(w.text for w in header.headings[k])) for k in order]
    over = heading_line_over(flow[title_row].row, [draft.columns[k] for k in order]) \
        if title_row is not None and title == title_text and title_row == first - 1 else None
    if over is not None:  # a line of headings taken for the title: its unit is a column's
        headings = [plain(f"{top} {heading}") for top, heading in zip(over, headings, strict=True)]
    default = table_wide_unit([("title", title if over is None else ""), ("column heading", stub),
                               ("unit line", header.unit_text), ("line above", units_above)])
    if counted_in_title_only(default, [draft.cells_in(k) for k in order]):
        default = TableWide(None, None)
    unnamed = default.unit is None and all(text_to_unit(h) is None for h in headings)
    far = unit_line_above(flow, parsed, first) if unnamed else None
    heading = page_heading(far, title_row)
    if far is None and unnamed and above is not None and above.page_heading is not None \
            and above.page == flow[first].row.page:
        far = heading = above.page_heading  # the page's unit heading, printed over the table above too
    if far is not None:
        default, units_above = TableWide(far.unit, "line above"), far.text
    if default.unit is None and headless and above is not None and _follows(flow, parsed, draft, above):
        default = TableWide(above.unit, "table above" if above.unit else None)
    if split is not None:
        default = TableWide(default.unit, "table above" if default.unit else None)
    found = column_units(headings, [draft.cells_in(k) for k in order], default,
                         [header.unit_marks.get(k) for k in order])
    if headless and split is None and all(u is None for u, _ in found):
        found = _units_of_aligned_table_above(flow, parsed, draft, order, above) or found
    unmarked = False
    if headless and split is None and all(u is None for u, _ in found):
        marks = unit_marks_over_grid(flow, parsed, first, [draft.columns[k] for k in order],
                                     above.last_row if above is not None else -1)
        if marks is not None:
            found, units_above = [(u, "unit line" if u else None) for u in marks[0]], marks[1]
            unmarked = None in marks[0]  # marks over some columns: the others are no money
    pounds = in_pounds_by_its_lines(found, [draft.cells_in(k) for k in order], reads_as_accounts(
        title, headings, [plain(" ".join(w.text for w in draft.parsed[k].label)) for k in draft.rows])
        and not unmarked)
    units = [Unit("money") if by_lines else u for (u, _), by_lines in zip(found, pounds, strict=True)]
    if split is not None:
        found = [(u, "table above" if u is not None else None) for u, _ in found]
    folded = labels_by_arithmetic(fold_rows(flow, draft, order, label_column), row_pitch(flow, draft))
    printed = [u for u, _ in found]
    by_sums = units_by_their_sums(units, [f.cells for f in folded])  # a unit a lost heading word took along
    inferred = [by_lines or (u is None and summed is not None)
                for by_lines, u, summed in zip(pounds, units, by_sums, strict=True)]
    units = by_sums
    rows = [
        TableRow(label=f.label, cells=[
            _inferred(cell_to_figure(cell, unit, f"{f.label}, {heading}" if heading else f.label), by_unit)
            if cell else None
            for cell, unit, heading, by_unit in zip(f.cells, its[0], headings, its[1], strict=True)
        ], page=f.page, group=f.group, emphasis=f.bold, notes=f.notes,
            percentages=row_percentages(f.cells, its[0], [f"{f.label}, {h}" if h else f.label for h in headings]))
        for f in folded for its in [row_units(f.label, printed, units, inferred)]
    ]
    if headed and not (headings and headings[0] and units[0] is not None) and not closes_with_its_sum(
            [r.cells[0] for r in rows if r.cells]) and not numbered_return([r.label for r in rows if any(r.cells)]):
        return None  # one column of amounts is a table only under a heading naming its unit, adding up, or boxed
    if sum(any(r.cells[c] for r in rows) or _percent_column(units[c], draft.cells_in(k))
           for c, k in enumerate(order)) < min_columns:
        return None  # a column of percentages beside amounts ('£m', 'Average Rate %') still counts
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-") or "untitled"
    reading = TableReading(
        unit_sources=[source for _, source in found],
        unit_lines=[plain(flow[k].text) for k in header.unit_rows] + [t for t in [units_above.strip()] if t],
        wrapped_labels=[WrappedLabel(row=n, lines=f.lines, chosen_by=f.chosen_by)  # type: ignore[arg-type]
                        for n, f in enumerate(folded) if f.lines > 1],
        split_from=above.id if split is not None and above is not None else None,
        unit_doubt=_unit_in_doubt(flow, first, units, above),
    )
    table = NumericTable(
        id=f"numtable-{number}-{slug}", title=title, page=flow[first].row.page,
        unit=table_unit(units), columns=headings, rows=rows, column_units=[unit_name(u) for u in units],
        page_end=last if (last := max(r.page or 0 for r in rows)) > flow[first].row.page else None,
        opens_page=not header.banner and opens_page(flow, first, title_row), reading=reading,
    )
    return table, header, [(draft.columns[k], u) for k, u in zip(order, units, strict=True)], heading


def _unit_in_doubt(flow: Sequence[FlowRow], first: int, units: Sequence[Unit | None],
                   above: Above | None) -> str | None:
    """A table printing no unit under one on its page that prints a unit of money: its amounts
    may be in that unit or not (pupils under spend): left as printed, and said so."""
    if any(u is not None for u in units) or above is None or above.page != flow[first].row.page:
        return None
    money = {unit_name(u) for _, u in above.columns if u is not None and u.kind == "money"}
    if not money:
        return None
    return (f"no unit printed for this table; the table above it on page {above.page} is in "
            f"{' and '.join(sorted(n for n in money if n))}: amounts left as printed")


def _units_of_aligned_table_above(
    flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, order: Sequence[int], above: Above | None,
) -> list[tuple[Unit | None, UnitSource | None]] | None:
    """A part printing no headings of its own, set further below a table on its page than a
    split part stands (past a blank line or a note): when each of its columns stands under
    one of that table's, a different one, with no row of numbers in other columns between (rows in
    these columns the reader did not take may stand there), it is more of that table and its
    columns are in that table's units ('£000s' over the whole sheet)."""
    if above is None or not above.columns or above.page != flow[draft.rows[0]].row.page:
        return None
    between = range(above.last_row + 1, draft.rows[0])
    mine = [draft.columns[k] for k in order]
    if not all(numbers_stand_in(mine, flow[k], parsed[k]) for k in between):
        return None  # a row of another grid between them
    if not above.grouped and any(_heading_line(flow[k], flow[k + 1], min(c.x0 for c in mine)) for k in between):
        return None  # a heading of a table of its own ('Staffing'), not one more group of the table above
    under = [[n for n, (a, _) in enumerate(above.columns) if c.overlaps(a.x0, a.x1)] for c in mine]
    if any(len(hits) != 1 for hits in under) or len({hits[0] for hits in under}) != len(mine):
        return None  # each of its columns under one of that table's (it may leave some empty)
    units = [above.columns[hits[0]][1] for hits in under]
    if all(u is None for u in units):
        return None
    return [(u, "table above" if u is not None else None) for u in units]


def _percent_column(unit: Unit | None, cells: Sequence[Cell]) -> bool:
    """A column printing percentages under a '%' heading: no figures, but a column of the table."""
    return unit is not None and unit.kind == "percent" and any(c.is_number for c in cells)


def _inferred(figure: Figure | None, by_lines: bool) -> Figure | None:
    """A figure whose column prints no unit, taken from the table's lines or sums: marked so."""
    return figure.model_copy(update={"unit_inferred": True}) if figure is not None and by_lines else figure


SPLIT_ROWS = MAX_BANNER_ROWS + 1  # intermediate heading lines between the parts of a split table
SPLIT_SLACK = 1.2  # the parts of a split table stand no further apart than this times its widest row gap


def _follows(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, above: Above) -> bool:
    """The table starts right under the one above: on its page with at most a few heading
    lines (text only) between them, or at the top of the next page."""
    between = range(above.last_row + 1, draft.rows[0])
    if len(between) > SPLIT_ROWS or any(parsed[k].kind != "label" for k in between):
        return False
    if any(flow[k].gap_above > _split_gap(flow[k], above) for k in [*between, draft.rows[0]] if not flow[k].page_break):
        return False  # set further apart than any two of its rows: a table of its own
    breaks = [k for k in [*between, draft.rows[0]] if flow[k].page_break]
    return len(breaks) <= 1 and (not breaks or flow[draft.rows[0]].row.page == flow[above.last_row].row.page + 1)


def _split_gap(fr: FlowRow, above: Above) -> float:
    """The widest gap a line of a split part may stand below the line above: a row's gap, or
    the widest in the part above; a heading in bold may stand off as a title does."""
    return max(ROW_GAP * fr.row.size, SPLIT_SLACK * above.widest, TITLE_GAP * fr.row.size if fr.row.bold else 0.0)


def _split_from(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable, header: Header,
                above: Above | None) -> Header | None:
    """The header of the table above, placed over this table's columns, when this one prints
    no headings of its own and follows right under it."""
    if above is None or header.says_anything or not above.header_rows or not _follows(flow, parsed, draft, above):
        return None
    inherited = header_from_rows(flow, draft, above.header_rows, parsed)
    if inherited is not None:
        inherited.banner, inherited.banner_rows = header.banner, header.banner_rows
        inherited.stub = header.stub  # the heading over the labels above is no title of this part
    return inherited


GROUP_HEADING_WORDS = 6


def _heading_line(fr: FlowRow, below: FlowRow, numbers_x0: float) -> bool:
    """A short line that is no sentence, starting left of the numbers and set apart from the
    lines above and below: a heading ('RESERVES', 'Staffing'), not a note, a line of a text
    column right of the amounts, nor a line of a label wrapped round its amounts."""
    text = plain(fr.text)
    apart = min(fr.gap_above, below.gap_above) > CONTINUATION_GAP * fr.row.size
    return 0 < len(text.split()) <= GROUP_HEADING_WORDS and not text.endswith((".", ",", ";")) \
        and fr.row.x0 < numbers_x0 and apart


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


