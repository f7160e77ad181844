"""Where a card's or table's title is, what it says, and where its value column starts."""
from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from extract.read.flow import FlowRow, plain
from extract.read.text import Row, Word
from extract.settings import DEFAULT_SETTINGS, Settings
from extract.vocabulary import BUDGET_HEADER, STAFFING_HEADER


def title_above(flow: Sequence[FlowRow], index: int, limit: int, settings: Settings = DEFAULT_SETTINGS) -> int:
    """Index of the first title row above flow[index] (== index when there is none).

    A title is the short run of rows just above a card's first row: close to it, set
    tight like one paragraph, bold throughout if its last row is bold, holding no £.
    """
    first = index
    size = flow[index].row.size
    while first - 1 > limit and index - (first - 1) <= settings.max_title_rows:
        above, below = flow[first - 1], flow[first]
        allowed = (settings.title_gap_first if first == index else settings.title_gap) * size
        # A title may end the page before its table, but a title does not itself span pages.
        crossing = below.page_break and first == index
        if below.page_break and not crossing:
            break
        if below.gap_above > allowed and not crossing:
            break
        if not _could_be_title(above.row, flow[index - 1].row if first < index else None):
            break
        first -= 1
    return first


def _could_be_title(row: Row, nearest_title_row: Row | None) -> bool:
    text = row.text
    if "£" in text or STAFFING_HEADER.match(text) or BUDGET_HEADER.match(text):
        return False
    if nearest_title_row is not None and nearest_title_row.bold and not row.bold:
        return False
    return True


def value_column_x(row: Row, settings: Settings = DEFAULT_SETTINGS) -> float | None:
    """x where a label/value row's value starts: the first word after a wide gap (Settings.value_gap)."""
    words = row.words
    for previous, word in pairwise(words):
        if word.x0 - previous.x1 >= settings.value_gap * max(previous.size, word.size):
            return word.x0
    return None


# Marks that may open a printed name only with their closing mark in it ('"Think Family" Service');
# dashes never do. A scan's cell border is read as one ('—Coventry Extended Learning Centre').
OPENING_MARKS = {"“": "”", '"': '"', "‘": "’", "'": "'", "—": "", "–": "", "-": "", "_": ""}


def service_name(rows: Sequence[Row], settings: Settings = DEFAULT_SETTINGS) -> str:
    """A card's or table's title as printed, without what a scan adds to it: short words past
    a column-wide gap holding no letter (dust and rule ends along the title's cell: 'Work
    Related Learning Team 7 -'), and a mark opening the name that nothing closes."""
    name = plain(" ".join(" ".join(w.text for w in _title_words(row, settings)) for row in rows))
    while name and name[0] in OPENING_MARKS and not (OPENING_MARKS[name[0]] and OPENING_MARKS[name[0]] in name[1:]):
        name = name[1:].lstrip()
    return name


DEBRIS_CHARS = 2  # dust is read as a character or two: a printed year or number past the gap is kept


def _title_words(row: Row, settings: Settings) -> tuple[Word, ...]:
    words = row.words
    for k in range(1, len(words)):
        gap = words[k].x0 - words[k - 1].x1
        wide = gap >= settings.value_gap * max(words[k].size, words[k - 1].size)
        if wide and all(len(w.text) <= DEBRIS_CHARS and not any(c.isalpha() for c in w.text) for w in words[k:]):
            return words[:k]
    return words
