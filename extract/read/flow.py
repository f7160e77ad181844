"""The pack as one flow of rows across pages, without page stamps, with the gaps between rows.

Cards and tables break across pages; reading them from one flow means a staffing block
whose header is on page 16 and values on page 17 is still one block.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from extract.read.text import PageText, Row, TextRun, Word
from extract.settings import DEFAULT_SETTINGS
from extract.vocabulary import PAGE_STAMP


@dataclass(frozen=True)
class FlowRow:
    row: Row
    gap_above: float  # points of white space above it; 0.0 at the top of a page
    page_break: bool  # first row of its page

    @property
    def text(self) -> str:
        return self.row.text


def pages_to_flow(pages: Iterable[PageText]) -> list[FlowRow]:
    flow: list[FlowRow] = []
    for page in pages:
        previous = None
        for row in page.rows:
            if PAGE_STAMP.match(row.text.strip()):
                continue
            gap = 0.0 if previous is None else max(0.0, row.top - previous.bottom)
            flow.append(FlowRow(row, gap, previous is None))
            previous = row
    return flow


def match_x(row: Row, pattern: re.Pattern) -> float | None:
    """x0 of the first character of pattern's first match in the row, or None."""
    match = pattern.search(row.text)
    if match is None:
        return None
    return row.x_of(match.start())


def crosses(row: Row, boundaries: Sequence[float], margin: float = DEFAULT_SETTINGS.crossing_margin) -> bool:
    """True when a word straddles a column boundary (Settings.crossing_margin): the row is
    not part of the table."""
    return any(w.x0 < b - margin and w.x1 > b + margin for w in row.words for b in boundaries)


def columns(rows: Sequence[Row], boundaries: Sequence[float],
            slack: float = DEFAULT_SETTINGS.column_slack) -> list[list[list[Word]]]:
    """Split rows at ascending x boundaries: result[column][row] = words (Settings.column_slack)."""
    edges = [float("-inf"), *boundaries, float("inf")]
    table: list[list[list[Word]]] = [[] for _ in range(len(edges) - 1)]
    for row in rows:
        for c in range(len(edges) - 1):
            words = [w for w in row.words if edges[c] - slack <= w.x0 < edges[c + 1] - slack]
            if words:
                table[c].append(words)
    return table


def column_run(lines: Sequence[Sequence[Word]]) -> TextRun:
    """A column's lines as one TextRun, lines joined by newlines."""
    return TextRun.join([TextRun.from_words(line) for line in lines], sep="\n")


def plain(text: str) -> str:
    """Whitespace folded to single spaces, as a person would quote it."""
    return " ".join(text.split())
