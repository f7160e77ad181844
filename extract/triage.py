"""Which pages deserve pdfplumber: those that can hold cards, tables or figures.

Most pages of a pack (agenda, prose, minutes, equality forms) hold none of our figures;
pdfplumber costs 35-100 ms a page, the fast pass 1-3 ms. A card's middle pages may hold
only prose, so every page from a card's 'Overview' to its budget block is taken too.
"""
from __future__ import annotations

import re
from typing import Sequence

from extract.fastpass import PageLines

FIGURE_TRIGGER = re.compile(
    r"£|\d\s*fte\b|\bfte\s*[-–:]?\s*\d|head\s*count|casual\s+\d|"
    r"current\s+staffing|proposed\s+costs|current\s+budget|pre[-\s]?consultation",
    re.I,
)
CARD_OPENS = re.compile(r"^overview\b", re.I)
CARD_CLOSES = re.compile(r"current\s+budget|proposed\s+costs", re.I)
TABLE_OPENS = re.compile(r"pre[-\s]?consultation", re.I)


def pages_to_read(pages: Sequence[PageLines]) -> list[int]:
    """1-based numbers of the pages to read with pdfplumber."""
    wanted: set[int] = set()
    open_card_from = None
    for page in pages:
        text = page.text
        opens = any(CARD_OPENS.match(line) for line in page.lines)
        if FIGURE_TRIGGER.search(text):
            wanted.add(page.number)
        if opens or TABLE_OPENS.search(text):
            # a title may sit at the foot of the page before
            wanted.update({page.number, max(1, page.number - 1)})
        if opens and open_card_from is None:
            open_card_from = page.number
        if open_card_from is not None:
            wanted.add(page.number)
            if CARD_CLOSES.search(text) and not _opens_after_close(page):
                open_card_from = None
    return sorted(wanted)


def _opens_after_close(page: PageLines) -> bool:
    """A page that closes one card and opens the next keeps the span open."""
    last_close = max((i for i, line in enumerate(page.lines) if CARD_CLOSES.search(line)), default=-1)
    return any(CARD_OPENS.match(line) for line in page.lines[last_close + 1:])
