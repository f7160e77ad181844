"""Which pages deserve pdfplumber, from the fast pass's text alone.

pdfplumber costs 35-100 ms a page, the fast pass 1-3 ms. Only pages that can hold a
structure (a service card, an Appendix B table, a numeric table, a list of posts) are
read with pdfplumber; pages of running text that print figures are read with pdfium's
positioned characters; the rest (agenda, prose, minutes, equality forms) are not read
again at all. A card's middle pages may hold only prose, so every page from a card's
'Overview' to its budget block counts as a structure page.

The choice depends only on the text, never on the mode: with --no-triage every page is
also searched with pdfplumber for structures, and the output must come out the same.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from extract.read.pdfium import PageLines
from extract.vocabulary import (
    NIL_CELL,
    NUMBER_CELL,
    PAGE_STAMP,
    TABLE_UNIT,
    TRIAGE_CARD_CLOSES,
    TRIAGE_CARD_OPENS,
    TRIAGE_FIGURE,
    TRIAGE_STRUCTURE,
    holds_grid,
    holds_signed_block,
    numbered_return,
    states_unit,
)

# The words triage looks for (TRIAGE_*) are kept with the parsers' in vocabulary.py.

# A page may hold a numeric table when two of its lines end in this many amounts (as
# numgrid.MIN_COLUMNS), or when this many lines are one amount each (cells pdfium gives
# a line apiece), and the page speaks of money or staff (patterns.TABLE_UNIT).
TABLE_ROW_CELLS = 2
LONE_AMOUNT_LINES = 4
# A list of payments: lines ending in an amount in pounds and pence, closed by a total.
LISTED_AMOUNT = re.compile(r"\S\s+£?\d{1,3}(?:,?\d{3})*\.\d\d\s*$")
LISTED_TOTAL = re.compile(r"\b(?:total|cyfanswm)\b\W*£?\d{1,3}(?:,?\d{3})*\.\d\d\s*$", re.I)
# Amounts itemised in a text column ('Four Oaks - £167.00' … 'Total: £1,000', '= £ 4,000',
# 'Total = 868.23'): numeric/itemised.py reads them where a total closes them.
ITEMISED_TOTAL = re.compile(r"(?:\btotal\s*[:=]|^=|\s=)\s*£?\s?\d{1,3}(?:,?\d{3})*(?:\.\d\d)?\s*$", re.I)
POUND_AMOUNT = re.compile(r"£\s?\d{1,3}(?:,?\d{3})*(?:\.\d\d)?\s*$")
# 'Salaries 152,360 312,300 Salary for Staff - 3.4 FTE': amounts with a text column after them.
AMOUNTS_THEN_TEXT = re.compile(
    r"[A-Za-z]\S*\s+\(?£?\d{1,3}(?:,\d{3})+\)?\s+\(?£?\d{1,3}(?:,\d{3})+\)?\s+[A-Za-z]"
    # '1.792 4.599 The real variance …': amounts opening a row whose label wrapped above them
    r"|^\(?[-−–]?\d[\d,]*\.\d+\)?\s+\(?[-−–]?\d[\d,]*\.\d+\)?\s+[A-Za-z]")
# 'Pay and price inflation   38,900': a label and one amount, a one-column table's row.
LABELLED_AMOUNT = re.compile(
    r"\S\s+\(?[-−–+]?(?:£\d[\d,]*(?:\.\d+)?(?:k|m|bn)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\)?\s*$", re.I)
LABELLED_AMOUNT_LINES = 3  # as numgrid.MIN_SINGLE_ROWS
TITLE_ROOM = 3  # a structure opening in a page's first lines may have its title on the page before
# A card runs from 'Overview' to its budget block; the 2017 pack's longest (Specialist
# Special Education) takes 15 pages in 12pt Courier. Past this, an 'Overview' opened no card.
MAX_CARD_PAGES = 30


def structure_pages(pages: Sequence[PageLines]) -> set[int]:
    """Pages to read with pdfplumber: those that can hold cards or tables."""
    wanted: set[int] = set()
    card_pages = 0  # pages since a card opened without its budget block; 0: not in a card
    for page in pages:
        opens = any(TRIAGE_CARD_OPENS.match(line) for line in page.lines)
        if opens or TRIAGE_STRUCTURE.search(page.text) or _holds_numeric_table(page):
            wanted.add(page.number)
            if page.number > 1 and _opens_near_top(page):
                wanted.add(page.number - 1)
        if opens:
            card_pages = 1
        elif card_pages:
            card_pages += 1
        if card_pages:
            wanted.add(page.number)
            closes = TRIAGE_CARD_CLOSES.search(page.text) and not _opens_after_close(page)
            card_pages = 0 if closes or card_pages >= MAX_CARD_PAGES else card_pages
    # a table running on over the page: the next page opening with its rows is read too
    for page in pages:
        if page.number - 1 in wanted and _opens_near_top(page):
            wanted.add(page.number)
    # 'All figures in £m' closing a page states the unit of the table opening the next one
    wanted |= {page.number for page in pages if page.number + 1 in wanted and _ends_stating_a_unit(page)}
    return wanted


def _ends_stating_a_unit(page: PageLines) -> bool:
    lines = [line for line in page.lines if line.strip() and not PAGE_STAMP.match(line.strip())]
    return bool(lines) and states_unit(lines[-1])


def prose_figure_pages(pages: Sequence[PageLines], structure: set[int]) -> set[int]:
    """Pages outside the structures whose running text prints figures."""
    return {p.number for p in pages if p.number not in structure and TRIAGE_FIGURE.search(p.text)}


def _opens_near_top(page: PageLines) -> bool:
    top = page.lines[:TITLE_ROOM]
    return any(TRIAGE_CARD_OPENS.match(line) or TRIAGE_STRUCTURE.search(line) or _is_numeric_row(line)
               or LABELLED_AMOUNT.search(line) for line in top)


def _holds_numeric_table(page: PageLines) -> bool:
    """Rows of amounts on a page that prints a unit, a grid of numbers whatever it prints
    (its '£' may be in a heading on the page before), or a list of payments with a total."""
    rows = _numeric_rows(page) >= 2 or _lone_amounts(page) >= LONE_AMOUNT_LINES \
        or sum(1 for line in page.lines if LABELLED_AMOUNT.search(line)) >= LABELLED_AMOUNT_LINES
    if rows and TABLE_UNIT.search(page.text):
        return True
    return holds_grid(page.lines) or _holds_payment_list(page) or holds_signed_block(page.lines) \
        or numbered_return(page.lines) or _holds_itemised_amounts(page)


def _holds_itemised_amounts(page: PageLines) -> bool:
    """A line closing amounts itemised in a text column ('Total = £8,000') under a line ending in one."""
    totals = [k for k, line in enumerate(page.lines) if ITEMISED_TOTAL.search(line)]
    return any(POUND_AMOUNT.search(line) and not ITEMISED_TOTAL.search(line)
               for line in page.lines[:totals[-1]]) if totals else False


def _holds_payment_list(page: PageLines) -> bool:
    amounts = sum(1 for line in page.lines if LISTED_AMOUNT.search(line))
    return amounts >= 3 and any(LISTED_TOTAL.search(line) for line in page.lines)


def _lone_amounts(page: PageLines) -> int:
    """Lines that are one amount each: a table whose cells pdfium gives a line apiece."""
    return sum(1 for line in page.lines if NUMBER_CELL.match(line) and any(c.isdigit() for c in line))


def _numeric_rows(page: PageLines) -> int:
    return sum(1 for line in page.lines if _is_numeric_row(line) or AMOUNTS_THEN_TEXT.search(line))


def _is_numeric_row(line: str) -> bool:
    """A line ending in amounts as numeric tables read their cells ('£8,632', '(1.5)', '-')."""
    tail = line.split()[-TABLE_ROW_CELLS:]
    return len(tail) == TABLE_ROW_CELLS and all(
        NUMBER_CELL.match(token) or NIL_CELL.match(token) for token in tail
    ) and any(NUMBER_CELL.match(token) for token in tail)


def _opens_after_close(page: PageLines) -> bool:
    """A page that closes one card and opens the next keeps the span open."""
    last_close = max((i for i, line in enumerate(page.lines) if TRIAGE_CARD_CLOSES.search(line)), default=-1)
    return any(TRIAGE_CARD_OPENS.match(line) for line in page.lines[last_close + 1:])
