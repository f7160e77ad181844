"""Rows for tests: words laid out at given x positions, and the flow of sample pages.

    lay_out([
        (100, [(60, "Gross Savings"), (380, "(1.8)"), (440, "(3.0)")]),
        (116, [(60, "Net Position"), (380, "(0.3)"), (440, "(0.7)")]),
    ])

gives one FlowRow per (top, phrases) line. A phrase's words are set with a word space
(a quarter of the type size) and every character is half the type size wide, so a
phrase starting at x ends at x + 0.5 * size * len(text). `right(x1, text)` gives the x
at which a right-aligned phrase starts.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from extract.read.flow import FlowRow, pages_to_flow
from extract.read.plumber import read_pages
from extract.read.text import Row, Word

SIZE = 10.0
CHAR = 0.5  # character width, in type sizes
SPACE = 0.25  # word space, in type sizes

Line = tuple[float, Sequence[tuple[float, str]]]


def word(text: str, x: float, top: float, size: float = SIZE, page: int = 1, bold: bool = False) -> Word:
    w = CHAR * size
    boxes = tuple((x + i * w, top, x + (i + 1) * w, top + size) for i in range(len(text)))
    return Word(text=text, page=page, boxes=boxes, size=size, bold=bold)


def row(top: float, phrases: Sequence[tuple[float, str]], size: float = SIZE, page: int = 1, bold: bool = False) -> Row:
    words = []
    for x, text in phrases:
        for part in text.split():
            words.append(word(part, x, top, size, page, bold))
            x += (len(part) * CHAR + SPACE) * size
    return Row(page=page, words=tuple(sorted(words, key=lambda w: w.x0)))


def lay_out(lines: Sequence[Line], size: float = SIZE, page: int = 1, bold: Sequence[int] = ()) -> list[FlowRow]:
    """A flow of rows, one per line; `bold` lists the indices of bold lines."""
    flow = []
    previous = None
    for n, (top, phrases) in enumerate(lines):
        r = row(top, phrases, size, page, n in bold)
        gap = 0.0 if previous is None else max(0.0, r.top - previous.bottom)
        flow.append(FlowRow(r, gap, previous is None))
        previous = r
    return flow


def right(x1: float, text: str, size: float = SIZE) -> float:
    """x0 of a phrase set to end at x1."""
    parts = text.split()
    return x1 - (sum(len(p) for p in parts) * CHAR + (len(parts) - 1) * SPACE) * size


@cache
def sample_flow(path: Path, pages: tuple[int, ...]) -> tuple[FlowRow, ...]:
    """The flow of the given pages of a PDF, read once per test session."""
    return tuple(pages_to_flow(read_pages(path, pages)))
