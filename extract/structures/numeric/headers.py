"""The column headings of a numbers table: the rows just above its body whose words sit over
its columns, a unit line under them ('£000  £000'), and the group heading between header and
body. A part of a table split off at an intermediate heading prints no headings of its own:
it is read under the headings of the part above (`header_from_rows`).
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from extract.read.flow import FlowRow, plain
from extract.read.text import Word, phrases
from extract.structures.numeric.cells import RowCells
from extract.structures.numeric.grid import (
    ALIGN_TOLERANCE,
    CONTINUATION_GAP,
    CONTINUATION_PITCH,
    PHRASE_GAP,
    ROW_GAP,
    DraftTable,
    row_pitch,
)
from extract.structures.numeric.titles import wider_than_a_heading
from extract.vocabulary import FIGURES_IN, UNIT_ONLY

MAX_HEADER_ROWS = 6
MAX_BANNER_ROWS = 2  # group headings ('Adult Social Care & Health') between header and body
HEADER_PITCH = 2.0  # a header may stand this many times the body's usual row gap above it (a spaced table)


@dataclass
class Header:
    rows: list[int]  # flow indices, top to bottom
    headings: dict[int, list[Word]]  # column → words in reading order
    stub: list[Word] = field(default_factory=list)  # words over the labels
    banner: str | None = None  # the group heading between header and body, if any
    banner_rows: list[int] = field(default_factory=list)
    unit_text: str = ""  # unit-only phrases ('£m') and 'All figures in £m'
    unit_rows: list[int] = field(default_factory=list)  # unit lines under the headings ('£000  £000')
    unit_marks: dict[int, str] = field(default_factory=dict)  # column → the unit its unit line prints

    @property
    def says_anything(self) -> bool:
        """Whether the header prints a heading or a unit for any column."""
        return any(self.headings.values()) or bool(self.unit_text.strip())


def find_header(flow: Sequence[FlowRow], parsed: Sequence[RowCells], draft: DraftTable) -> Header:
    """Rows just above the table whose words sit over its columns, walking up past at most
    two group headings; a row with one phrase over both labels and numbers (a title or a
    sentence) or over two columns ends the header."""
    header = Header([], {k: [] for k in range(len(draft.columns))})
    banners: list[int] = []
    pitch = row_pitch(flow, draft)
    j = draft.rows[0] - 1
    while j >= 0 and len(header.rows) < MAX_HEADER_ROWS:
        below = flow[j + 1]
        if below.page_break or below.gap_above > max(ROW_GAP * below.row.size, HEADER_PITCH * pitch):
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
            _add_header_row(header, placed, j, parsed[j].kind == "units")
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


def header_from_rows(flow: Sequence[FlowRow], draft: DraftTable, rows: Sequence[int],
                     parsed: Sequence[RowCells]) -> Header | None:
    """The header of the table above (its flow rows) placed over this table's columns: a part
    split off at an intermediate heading is read under the headings of the part above. None
    when they do not stand over these columns (a title-like phrase over two of them, or no
    heading over a column that holds numbers)."""
    header = Header([], {k: [] for k in range(len(draft.columns))})
    for j in reversed(rows):
        placed = _place_header_row(draft, flow[j].row.words, flow[j].row.size)
        if placed is None:
            return None
        _add_header_row(header, placed, j, parsed[j].kind == "units")
    header.unit_text += "".join(" " + m.group(1) for k in header.rows for m in FIGURES_IN.finditer(flow[k].text))
    if not all(header.headings[k] for k in range(len(draft.columns)) if draft.cells_in(k)):
        return None
    return header


def _add_header_row(header: Header, placed: Placed, index: int, units: bool = False) -> None:
    header.rows.insert(0, index)
    if units:
        header.unit_rows.insert(0, index)
        for k, words in placed:
            if k is not None:
                header.unit_marks[k] = " ".join(w.text for w in words)
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
    spanning: Placed = []
    found = phrases(words, PHRASE_GAP * size)
    for phrase in found:
        over_label = phrase[0].x0 < draft.label_x1 and phrase[-1].x1 > draft.label_x0
        hits = {k for w in phrase for k, c in enumerate(draft.columns) if c.overlaps(w.x0, w.x1)}
        pair = _paired_heading(draft, phrase, hits)
        if pair is not None and not over_label:
            placed.extend(pair)
            continue
        if len(hits) > 1 and not over_label and _heads_a_group(draft, phrase, found):
            spanning.extend((k, list(phrase)) for k in sorted(hits))
            continue
        if len(hits) > 1 or (over_label and hits):
            return None
        if len(found) == 1 and len(hits) == 1 and wider_than_a_heading(phrase, draft.columns[min(hits)]):
            return None  # a line of its own far wider than the column it stands over: a title
        if not hits and phrase[0].x0 > max(c.x1 for c in draft.columns) + ALIGN_TOLERANCE:
            continue  # the heading of a text column right of the numbers ('Notes')
        placed.append((hits.pop(), phrase) if hits else _nearest(draft, phrase))
    return _one_per_column(draft, placed) + spanning


def _heads_a_group(draft: DraftTable, phrase: Sequence[Word], found: Sequence[Sequence[Word]]) -> bool:
    """A phrase over two or more columns on a row whose other phrases each head one column
    or the labels ('Book Cost   Market Value at   6 months return to', '£  30-September-24
    30-September-24'): the heading of that group of columns, which the header goes on past,
    not a title over the table (a title is a row of its own)."""
    over = [sum(c.overlaps(p[0].x0, max(w.x1 for w in p)) for c in draft.columns) for p in found if p is not phrase]
    return 1 in over and all(n <= 1 for n in over)


def _one_per_column(draft: DraftTable, placed: Placed) -> Placed:
    """Headings set flush left over right-aligned numbers stand nearer the column before
    their own ('Change %' beside the last column's amounts): where as many phrases as columns
    were placed but some column got two and another none, the order on the line decides."""
    over_columns = [(k, words) for k, words in placed if k is not None]
    if len(over_columns) != len(draft.columns) or len({k for k, _ in over_columns}) == len(draft.columns):
        return placed
    columns = sorted(range(len(draft.columns)), key=lambda k: draft.columns[k].x0)
    ordered = sorted(over_columns, key=lambda kw: kw[1][0].x0)
    reassigned = dict(zip((id(words) for _, words in ordered), columns, strict=True))
    return [(k if k is None else reassigned[id(words)], words) for k, words in placed]


PAIRED = re.compile(r"^([A-Za-z][A-Za-z.\-]*)/([A-Za-z][A-Za-z.\-]*)$")


def _paired_heading(draft: DraftTable, phrase: Sequence[Word], hits: set[int]) -> Placed | None:
    """One word naming two neighbouring columns it is set over ('underspent/overspent',
    'Dr/Cr'): each column its half, rather than a title over both."""
    if len(phrase) != 1 or len(hits) != 2 or (match := PAIRED.match(phrase[0].text)) is None:
        return None
    left, right = sorted(hits, key=lambda k: draft.columns[k].x0)
    if any(left < k < right or draft.columns[left].x0 < draft.columns[k].x0 < draft.columns[right].x0
           for k in range(len(draft.columns))):
        return None  # not neighbours
    word, cut = phrase[0], len(match[1])
    first = replace(word, text=match[1], boxes=word.boxes[:cut])
    second = replace(word, text=match[2], boxes=word.boxes[cut + 1:])
    return [(left, [first]), (right, [second])]


def _nearest(draft: DraftTable, words: Sequence[Word]) -> tuple[int | None, list[Word]]:
    x0, x1 = words[0].x0, max(w.x1 for w in words)

    def distance(a: float, b: float) -> float:
        return max(a - x1, x0 - b, 0.0)

    best = min(range(len(draft.columns)), key=lambda k: distance(draft.columns[k].x0, draft.columns[k].x1))
    label_distance = distance(draft.label_x0, draft.label_x1) if draft.label_x0 <= draft.label_x1 else float("inf")
    if label_distance < distance(draft.columns[best].x0, draft.columns[best].x1):
        return None, list(words)
    return best, list(words)
