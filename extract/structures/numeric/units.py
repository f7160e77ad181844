"""The unit of each column of a numbers table, and where it is printed.

A column's unit is printed in its heading or on a unit line under the headings ('£000'),
else once for the whole table: in the title, in the stub or a unit-only phrase of the
header, on a line above ('All amounts £000'), or, for a part split off at an intermediate
heading, in the headings of the part above. A '£' in a cell makes a column of pounds.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from extract.models import TableUnit, UnitSource
from extract.read.flow import FlowRow, plain
from extract.read.text import phrases
from extract.structures.numeric.cells import CELL_GAP, Cell, RowCells, Unit, is_whole, text_to_unit
from extract.structures.numeric.grid import Column
from extract.vocabulary import FIGURES_IN, NUMBER_CELL, UNIT_LINE_WORDS, UNIT_ONLY


@dataclass(frozen=True)
class TableWide:
    """A unit printed once for the whole table, and where."""

    unit: Unit | None
    source: UnitSource | None


def table_wide_unit(places: Sequence[tuple[UnitSource, str]]) -> TableWide:
    """The unit printed for the whole table in the places (title, header, line above…), the
    most specific wins ('£m' in the header over '£' in the title); a percentage names no
    column's unit ('4.99%' in a title)."""
    unit = text_to_unit(" ".join(text for _, text in places))
    if unit is None or unit.kind == "percent":
        return TableWide(None, None)
    return TableWide(unit, next((source for source, text in places if text_to_unit(text) == unit), None))


UNIT_LOOKBACK = 12  # lines above a table searched for the unit line that states its unit
# A heading that ends by naming the unit of what follows: '… Capital Expenditure (£m)'.
UNIT_AT_END = re.compile(r"\(\s*£\s*['’]?\s*(?:m|k|bn|000s?)\s*\)\s*:?$", re.I)


@dataclass(frozen=True)
class UnitLine:
    unit: Unit
    text: str
    row: int  # its flow index


def unit_line_above(flow: Sequence[FlowRow], parsed: Sequence[RowCells], first: int) -> UnitLine | None:
    """A line stating only a unit ('£m', '£000s  £000s  £000s', 'All amounts £000'), or a
    heading ending in one ('… Capital Expenditure (£m)'), printed above the table on its
    page, past its headings, group headings and notes but no row of numbers (that would be
    another table's): the unit of the whole table, when it names one, with the line."""
    for k in range(first - 1, max(-1, first - 1 - UNIT_LOOKBACK), -1):
        if parsed[k].numbers >= 2:
            return None  # a row of another table
        text = plain(flow[k].text)
        if parsed[k].kind == "units" or UNIT_ONLY.match(text) or UNIT_AT_END.search(text) or (
                FIGURES_IN.search(text) and len(flow[k].row.words) <= UNIT_LINE_WORDS):
            units = {text_to_unit(" ".join(w.text for w in phrase))
                     for phrase in phrases(flow[k].row.words, CELL_GAP * flow[k].row.size)} - {None} \
                if parsed[k].kind == "units" else {text_to_unit(text)}
            unit = units.pop() if len(units) == 1 else None
            return UnitLine(unit, text, k) if unit is not None and unit.kind != "percent" else None
        if flow[k].page_break and not _opens_page(flow, k, first):
            return None
    return None


HEADING_LINE_WORDS = 4  # 'Revenu  Revenu': a line of column headings, not a paragraph


def _opens_page(flow: Sequence[FlowRow], top: int, first: int) -> bool:
    """Only lines of headings stand between the top of the page (flow row `top`) and the
    table: the unit line closing the page before ('All figures in £m') is the table's."""
    return all(len(flow[k].row.words) <= HEADING_LINE_WORDS for k in range(top, first))


def page_heading(line: UnitLine | None, title_row: int | None) -> UnitLine | None:
    """A unit line printed above the title of the page's first table ('£000' heading the
    page, then 'Revenue budget', its headings, its rows): the unit of every table on the page
    that prints none of its own. One printed between a title and its table ('Table 3: Spend'
    / 'All figures in £m' / the headings) is that table's only: the next may count pupils."""
    return line if line is not None and title_row is not None and line.row < title_row else None


def numbers_stand_in(columns: Sequence[Column], fr: FlowRow, parsed: RowCells) -> bool:
    """Every number of the row stands in one of the columns, or right of them all in a note
    that goes on after it ('£2.8m drawdown to fund roll forwards'): the row is of that grid."""
    right = max(c.x1 for c in columns)
    for cell in (c for c in parsed.cells if c.is_number):
        if any(c.overlaps(cell.x0, cell.x1) for c in columns):
            continue
        if not (cell.x0 > right and any(w.x0 >= cell.x1 and not w.text[:1].isdigit() for w in fr.row.words)):
            return False
    return True


GRID_LOOKBACK = 160  # lines above a table searched for unit marks over its columns (a sheet over two pages)
MARK_WORDS = 2  # '£000's', '£ 000': a unit mark over a column is a word or two


def unit_marks_over_grid(flow: Sequence[FlowRow], parsed: Sequence[RowCells], first: int,
                         columns: Sequence[Column], stop: int = -1) -> tuple[list[Unit | None], str] | None:
    """The units printed over each of the table's columns ('£000's  £000's  £000's') further
    up its page, past rows whose every number stands in these columns (more of the same
    grid, rows the reader did not take: a long text in their cells) but no row of another
    grid nor of a table read (`stop`, its last row): the table's totals block under a sheet
    of savings keeps the sheet's units. None unless one line marks every column, each with
    one money unit, or prints unit marks only over some (the others are then no money: a
    register's '(1-5)' likelihood beside its '£m' exposure), or states the unit of all ('All
    figures in £m'); with the line. A sheet printed over two pages states its unit once,
    over the first: one page break is crossed."""
    breaks = 0
    for k in range(first - 1, max(stop, first - 1 - GRID_LOOKBACK), -1):
        breaks += flow[k + 1].page_break
        if breaks > 1:
            return None
        if parsed[k].numbers:
            if not numbers_stand_in(columns, flow[k], parsed[k]):
                return None  # a row of another grid
            continue
        text = plain(flow[k].text)
        wide = text_to_unit(text) if UNIT_ONLY.match(text) or (
            FIGURES_IN.search(text) and len(flow[k].row.words) <= UNIT_LINE_WORDS) else None
        if wide is not None and wide.kind == "money":
            return [wide] * len(columns), text  # 'All figures in £m' over the sheet
        marks: dict[int, Unit] = {}
        only_marks = True  # the line prints unit marks and nothing else ('£m   £m')
        for phrase in phrases(flow[k].row.words, CELL_GAP * flow[k].row.size):
            unit = text_to_unit(" ".join(w.text for w in phrase))
            over = [n for n, c in enumerate(columns) if c.overlaps(phrase[0].x0, max(w.x1 for w in phrase))]
            mark = unit is not None and unit.kind == "money" and len(phrase) <= MARK_WORDS
            only_marks = only_marks and mark
            if mark and len(over) == 1:
                marks[over[0]] = unit  # type: ignore[assignment]
        if marks and (len(marks) == len(columns) or only_marks):
            return [marks.get(n) for n in range(len(columns))], plain(flow[k].text)
        if marks:
            return None
    return None


# Counts printed with fractions, one rule in one place: posts are whole things, so a count
# word over amounts with fractions says FTE only where it heads the column ('Vacant posts'
# over '18.54'); in the title alone ('... holding vacancies', often a note taken for the
# title) it names no unit, and the unit stated above is looked for instead.

def fte_if_fractional(unit: Unit | None, cells: Sequence[Cell]) -> Unit | None:
    """A column headed by a count word whose amounts print fractions is FTE."""
    if unit is not None and unit.kind == "count" and not all(is_whole(c) for c in cells):
        return Unit("fte")
    return unit


def counted_in_title_only(default: TableWide, columns: Sequence[Sequence[Cell]]) -> bool:
    """The table's unit is a count word in its title over amounts printed with fractions:
    no unit (the caller looks above)."""
    return default.source == "title" and default.unit is not None and default.unit.kind == "count" \
        and not all(is_whole(c) for cells in columns for c in cells)


def column_units(
    headings: Sequence[str], cells: Sequence[Sequence[Cell]], default: TableWide,
    marks: Sequence[str | None] = (),
) -> list[tuple[Unit | None, UnitSource | None]]:
    """Each column's unit from its heading, else the table's; a blank heading shares its left
    neighbour's (a heading cell spanning two columns). Fractional 'posts' are FTE. With each,
    where it is printed: `marks` are the units a unit line under the headings prints."""
    units: list[tuple[Unit | None, UnitSource | None]] = []
    for k, heading in enumerate(headings):
        unit, source = text_to_unit(heading), cast("UnitSource | None", "column heading")
        mark = marks[k] if k < len(marks) else None
        if unit is not None and mark and text_to_unit(mark) == unit:
            source = "unit line"
        if unit is None:
            unit, source = default.unit, default.source
        if unit is None and not heading and k:
            unit, source = units[-1]
        if unit is None and any("£" in c.text for c in cells[k]):
            unit, source = Unit("money"), "cell"  # '£430.00' over '315.00': the column is of pounds
        unit = fte_if_fractional(unit, cells[k])
        units.append((unit, source if unit is not None else None))
    return units


# Lines of a council's accounts: what a row of a statement of accounts, an annual return, a
# budget comparison or a bank reconciliation names. A table two or more of whose lines (its
# title and headings among them) name one is a table of money even where it prints no '£' (a parish's
# annual return, a notes page): its columns that print no unit of their own are pounds.
ACCOUNT_LINE = re.compile(
    r"\b(?:precept|income|expenditure|receipts?|payments?|balances?|brought\s+forward|carried\s+forward|"
    r"reserves?|debtors|creditors|costs?|surplus|deficit|salar(?:y|ies)|vat|grants?|cash|bank|budget|"
    r"fees|rent|insurance|prepayments|accruals?|assets|liabilities|allowances?|expenses)\b", re.I)
ACCOUNT_LINES = 2


def reads_as_accounts(title: str, headings: Sequence[str], labels: Sequence[str]) -> bool:
    """The table's title, column headings and row labels name lines of accounts, two or more."""
    return sum(ACCOUNT_LINE.search(text) is not None for text in [title, *headings, *labels]) >= ACCOUNT_LINES


def prints_pence(cells: Sequence[Cell]) -> bool | None:
    """What a column's own amounts say of pounds: True where every amount printed with a
    fraction prints two decimals ('12.50', pence) and one does; False where one prints three
    or more ('-0.615': thousands of a larger unit, never pounds and pence); None where they
    cannot tell (whole amounts, '98.4')."""
    places = [len(m["digits"].split(".")[1]) for c in cells if c.is_figure
              and (m := NUMBER_CELL.match(c.text.replace(" ", ""))) is not None and "." in m["digits"]]
    if any(n >= 3 for n in places):
        return False
    return True if places and all(n == 2 for n in places) else None


def in_pounds_by_its_lines(found: Sequence[tuple[Unit | None, UnitSource | None]], cells: Sequence[Sequence[Cell]],
                           accounts: bool) -> list[bool]:
    """Per column: no unit printed for it, and it is taken as pounds because the table's
    lines are accounts' lines, unless its amounts prove otherwise (`prints_pence` False:
    they are left as printed). A column whose heading or cells name a unit keeps it (a
    count column headed 'No. of posts' stays a count). The words are the fallback: pence in
    the column confirm them; whole amounts cannot tell pounds from thousands."""
    return [accounts and unit is None and bool(column) and prints_pence(column) is not False
            for (unit, _), column in zip(found, cells, strict=True)]


# A row's label that ends by naming the unit of its amounts, as a sheet of indicators prints
# one per row: 'Total net income from investments £m', 'Proportion of net revenue stream (%)'.
ROW_UNIT_AT_END = re.compile(
    r"(?:\(\s*(?:£\s*['’]?\s*(?:m|k|bn|000s?)|£|%|FTE)\s*\)|£\s*['’]?\s*(?:m|k|bn|000s?)|%|\bFTE)\s*$", re.I)


def row_units(label: str, printed: Sequence[Unit | None], units: Sequence[Unit | None],
              pounds: Sequence[bool]) -> tuple[list[Unit | None], list[bool]]:
    """The units of one row's cells and which are taken as pounds from the table's lines: a
    label ending in its unit gives it to the cells of every column that prints none of its
    own (`printed`), rather than the pounds the table's lines would make them."""
    found = ROW_UNIT_AT_END.search(label.strip())
    unit = text_to_unit(found.group(0)) if found and not _after_a_number(label.strip()[:found.start()]) else None
    if unit is None:
        return list(units), list(pounds)
    return [unit if own is None else u for own, u in zip(printed, units, strict=True)], [False] * len(pounds)


def _after_a_number(text: str) -> bool:
    """'Council tax increase at 2.99%', 'Reduction of 3.5 FTE': the unit of a figure in the label."""
    return text.rstrip()[-1:].isdigit()


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


def common_unit(units: Sequence[Unit | None]) -> Unit | None:
    """The one unit every column with a unit shares (a part split off below keeps it), or None."""
    found = {u for u in units if u is not None and u.kind != "percent"}
    return found.pop() if len(found) == 1 else None
