"""Amounts itemised in a text column and closed by their total: a grant application's
'Amount Requested' cell listing 'Four Oaks - £167.00', 'New Hall - £167.00', … then
'Total: £1,000' (or '= £ 4,000'), each line the last phrase of its printed line, all set
flush left at one x, between lines of the other columns' running text.

Such a cell is no grid (one amount a line, words on every line), so grid.py never sees it;
here it becomes a one-column table whose last row is the total, and the totals check adds
it up like any other. Only a run that ends in a total is read: the total is what says the
lines above are its parts.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.models import NumericTable, TableReading, TableRow
from extract.read.flow import FlowRow
from extract.read.text import Word, phrases
from extract.structures.numeric.cells import Cell, Unit, cell_to_figure
from extract.structures.numeric.grid import ALIGN_TOLERANCE, PHRASE_GAP

AMOUNT = r"£\s?\d{1,3}(?:,?\d{3})*(?:\.\d\d)?"
# 'Four Oaks - £167.00', 'Vesey Ward £200': a short label, a dash or colon, a sum of money
ITEM = re.compile(rf"^(?P<label>[A-Za-z][\w'’&.]*(?:\s+[\w'’&.]+){{0,4}})\s*[-–:]?\s*(?P<amount>{AMOUNT})$")
LABEL = re.compile(r"^(?P<label>[A-Za-z][\w'’&.]*(?:\s+[\w'’&.]+){0,4})\s*[-–:]?$")  # 'Trinity Ward -', its £ below
ALONE = re.compile(rf"^(?P<amount>{AMOUNT})$")
# 'Total: £1,000', 'Total = £8,000', 'Total = 868.23', '= £ 4,000'
TOTAL = re.compile(r"^(?P<label>total)?\s*[:=]?\s*(?P<amount>£?\s?\d{1,3}(?:,?\d{3})*(?:\.\d\d)?)$", re.I)
MAX_LIST_LINES = 24  # printed lines a list may run over above its total
MONEY = Unit("money")


@dataclass(frozen=True)
class _Entry:
    row: int  # flow index
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def itemised_lists(flow: Sequence[FlowRow], first: int) -> list[NumericTable]:
    """Each list of amounts in a text column closed by its total, as a one-column table."""
    last_phrases = [_last_phrase(fr) for fr in flow]
    tables: list[NumericTable] = []
    used: set[int] = set()
    for t, entry in enumerate(last_phrases):
        if entry is None or not _is_total(entry.text) or t in used:
            continue
        column = [e for e in _column_above(flow, last_phrases, t) if e.row not in used]
        items = _items(column)
        if not items:
            continue
        used.update(e.row for e in column)
        used.add(t)
        tables.append(_table(flow, items, entry, first + len(tables)))
    return tables


def _is_total(text: str) -> bool:
    match = TOTAL.match(text)
    return match is not None and (bool(match["label"]) or text.startswith("="))


def _last_phrase(fr: FlowRow) -> _Entry | None:
    found = phrases(list(fr.row.words), PHRASE_GAP * fr.row.size)
    return _Entry(-1, tuple(found[-1])) if found else None


def _column_above(flow: Sequence[FlowRow], last: Sequence[_Entry | None], t: int) -> list[_Entry]:
    """The last phrases of the lines above the total set flush with it, up to the page's top,
    another total in that column, or MAX_LIST_LINES lines."""
    x0, page = last[t].words[0].x0, flow[t].row.page  # type: ignore[union-attr]
    found: list[_Entry] = []
    for k in range(t - 1, max(-1, t - 1 - MAX_LIST_LINES), -1):
        entry = last[k]
        if flow[k].row.page != page:
            break
        if entry is None or abs(entry.words[0].x0 - x0) > ALIGN_TOLERANCE:
            continue
        if _is_total(entry.text):
            break
        found.insert(0, _Entry(k, entry.words))
    return found


def _items(column: Sequence[_Entry]) -> list[tuple[str, _Entry, tuple[Word, ...]]]:
    """(label, first line, the amount's words) for each item, in order: a label and its amount
    on one line, or a label whose amount is the next line of the column. Words before the
    first item ('Amount Requested', the column's heading) are no item."""
    items: list[tuple[str, _Entry, tuple[Word, ...]]] = []
    pending: _Entry | None = None
    for entry in column:
        if (match := ITEM.match(entry.text)) is not None:
            items.append((match["label"], entry, _amount_words(entry.words, match["amount"])))
            pending = None
        elif ALONE.match(entry.text) and pending is not None and (label := LABEL.match(pending.text)):
            items.append((label["label"], pending, entry.words))
            pending = None
        elif items and pending is None and LABEL.match(entry.text):
            pending = entry  # a label whose amount is on the next line
        elif not items:
            pending = entry if LABEL.match(entry.text) else None
        else:
            return []  # a line that is no item inside the list: not a list of amounts
    return items if pending is None or not items else []


def _amount_words(words: Sequence[Word], amount: str) -> tuple[Word, ...]:
    """The words of a line that print its amount ('£167.00'; '£' and '4,000' set apart)."""
    taken: list[Word] = []
    for word in reversed(words):
        taken.insert(0, word)
        if "".join(w.text for w in taken) == amount.replace(" ", ""):
            return tuple(taken)
    return tuple(words[-1:])


def _table(flow: Sequence[FlowRow], items: Sequence[tuple[str, _Entry, tuple[Word, ...]]],
           total: _Entry, number: int) -> NumericTable:
    rows = []
    for label, entry, amount in items:
        figure = cell_to_figure(Cell(amount), MONEY, label)
        rows.append(TableRow(label=label, cells=[figure], page=flow[entry.row].row.page))
    match = TOTAL.match(total.text)
    label = (match["label"] or "") if match else ""
    amount = _amount_words(total.words, match["amount"] if match else total.text)
    rows.append(TableRow(label=label, cells=[cell_to_figure(Cell(amount), MONEY, label or "Total")],
                         page=total.words[0].page))
    page = rows[0].page or total.words[0].page
    title = f"Itemised amounts, page {page}"
    return NumericTable(id=f"numtable-{number}-itemised-amounts-page-{page}", title=title, page=page,
                        unit="GBP", columns=[""], rows=rows, column_units=["GBP"],
                        reading=TableReading(unit_sources=["cell"]))
