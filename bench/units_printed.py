"""The unit a page prints for each column of a numbers table, read from the page's own words
(pdfplumber), with none of the reader's unit logic: the units audit's reading of the page
(bench/units_audit.py says where it looks, in order).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pdfplumber

from extract.models import NumericTable

# The audit's own reading of unit words, kept apart from the reader's (extract/structures/numeric).
POUND = r"£\s*['’`]?\s*"
UNIT_PATTERNS: list[tuple[re.Pattern, float]] = [
    (re.compile(POUND + r"(?:m|mn|millions?)(?![a-z0-9])", re.I), 1e6),
    (re.compile(POUND + r"(?:bn|billions?)(?![a-z0-9])", re.I), 1e9),
    (re.compile(POUND + r"(?:000s?|k|thousands?|,000)(?![a-z0-9])", re.I), 1e3),
    (re.compile(r"£(?![\d.,]|\s*['’`]?\s*\d)"), 1.0),  # a '£' that is no amount's sign: a column of pounds
]
NOT_MONEY = re.compile(r"%|\bFTE\b|^No\.?$|\bnumber\b|\bposts?\b|\bhead\s*count\b|\bpupils\b|\bratio\b", re.I)
PROSE_WORDS = 12  # a line this long, or ending a sentence, is prose: the search goes no further up
AMOUNT = re.compile(
    r"^(?P<open>\()?(?P<sign>[-−–+])?(?P<pound>£)?(?P<sign2>[-−–])?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)"
    r"(?P<suffix>m|mn|k|bn)?\)?\*?$", re.I)
NIL = re.compile(r"^(?:[-–—−]+|nil)$", re.I)
SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
LINE_TOLERANCE = 2.5  # words whose tops differ by less are on one line (points)
COLUMN_REACH = 20.0  # a heading may stand this far off its column's cells (points), if no nearer column
PHRASE_GAP = 0.6  # words closer than this many type heights are one phrase
UNIT_WORD = re.compile(r"^\(?" + POUND + r"(?:m|mn|bn|000s?|k)\)?$", re.I)  # a line printing one unit only
WRAPPED_NOT_MONEY = re.compile(r"\bhead\s*count\b|\bfull[-\s]time\s+equivalent\b|\bnumber\s+of\b", re.I)
TITLE_UNIT = re.compile(r"\(\s*" + POUND + r"(?:m|mn|bn|000s?|k)\s*\)\s*:?$", re.I)  # '… Expenditure (£m)'
ROW_UNIT = re.compile(r"(?:\(\s*(?:" + POUND + r"(?:m|mn|bn|000s?|k)|£|%)\s*\)|" + POUND
                      + r"(?:m|mn|bn|000s?|k)|%)\s*$", re.I)  # a label ending in its unit: '… investments £m'
WIDE_STATEMENT = re.compile(r"\b(?:figures|amounts|values)\b.*\bin\b|\bin\s+£", re.I)  # 'All figures in £m'

@dataclass(frozen=True)
class Line:
    top: float
    bottom: float
    words: tuple[dict, ...]

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)


@dataclass(frozen=True)
class Found:
    scale: float | None  # None: the column is no money ('FTE', '%')
    how: str  # cell, column, wide, beyond
    line: str


def units_in(text: str) -> list[float]:
    """The scales the unit words in a text name, in order of appearance."""
    hits: list[tuple[int, float]] = []
    taken: list[tuple[int, int]] = []
    for pattern, scale in UNIT_PATTERNS:
        for m in pattern.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                hits.append((m.start(), scale))
                taken.append((m.start(), m.end()))
    return [s for _, s in sorted(hits)]


def page_lines(page: pdfplumber.page.Page) -> list[Line]:
    words = sorted(page.extract_words(x_tolerance=1.5, y_tolerance=2), key=lambda w: (w["top"], w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        if lines and abs(lines[-1][0]["top"] - w["top"]) < LINE_TOLERANCE:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [Line(min(w["top"] for w in ws), max(w["bottom"] for w in ws), tuple(sorted(ws, key=lambda w: w["x0"])))
            for ws in lines]


def printed_number(text: str) -> tuple[float, float | None, bool] | None:
    """(number, the scale its own suffix or '£' names or None, printed with '£'), or None."""
    squashed = text.replace(" ", "")
    if UNIT_WORD.match(squashed):
        return None  # '(£000)', '£000s': a unit, no amount
    if NIL.match(squashed):
        return 0.0, None, False
    m = AMOUNT.match(squashed)
    if m is None:
        return None
    number = float(m["digits"].replace(",", ""))
    if m["open"] or m["sign"] in ("-", "−", "–") or m["sign2"]:
        number = -number
    suffix = SUFFIX.get((m["suffix"] or "").lower())
    return number, suffix if suffix else (1.0 if m["pound"] else None), bool(m["pound"])


def column_spans(table: NumericTable, page: int) -> dict[int, tuple[float, float]]:
    spans: dict[int, tuple[float, float]] = {}
    for row in table.rows:
        for c, cell in enumerate(row.cells):
            if cell is not None and cell.page == page:
                x0, x1 = spans.get(c, (cell.bbox[0], cell.bbox[2]))
                spans[c] = (min(x0, cell.bbox[0]), max(x1, cell.bbox[2]))
    return spans


def table_top(table: NumericTable, page: int) -> float | None:
    tops = [cell.bbox[1] for row in table.rows for cell in row.cells if cell is not None and cell.page == page]
    return min(tops) if tops else None


def table_bottom(table: NumericTable, page: int) -> float | None:
    bottoms = [cell.bbox[3] for row in table.rows for cell in row.cells if cell is not None and cell.page == page]
    return max(bottoms) if bottoms else None


def _distance(word: dict, span: tuple[float, float]) -> float:
    middle = (word["x0"] + word["x1"]) / 2
    return max(span[0] - middle, middle - span[1], 0.0)


def over(word: dict, span: tuple[float, float], spans: Sequence[tuple[float, float]]) -> bool:
    """Set over this column: the nearest of the table's columns to its middle, and near it (a
    heading centred over right-aligned amounts stands a little off them)."""
    return _distance(word, span) <= COLUMN_REACH and _distance(word, span) == min(_distance(word, s) for s in spans)


def over_any(word: dict, spans: Sequence[tuple[float, float]]) -> bool:
    return any(_distance(word, s) <= COLUMN_REACH for s in spans)


def column_unit(lines: Sequence[Line], top: float, fence: float, span: tuple[float, float],
                spans: Sequence[tuple[float, float]], others: Sequence[tuple[float, float]]) -> Found | None:
    """The unit the page prints for one column: over it, else over none of the table's columns,
    nearest first, between the fence (the last table above on the page) and the table's top;
    else beyond the fence when the page names one unit only above the table. A table printing
    headings of its own with no unit takes only a unit beyond that stands over no other
    table's columns (a page heading), not one in another table's headings."""
    above = [ln for ln in lines if ln.bottom <= top + 1 and ln.top >= fence - 1]
    headed = False  # a heading word over the column passed: a row of numbers above it is another table's
    heading = ""  # the column's heading words so far, bottom up: a heading wrapped over lines ('Head / count')
    for n, ln in enumerate(reversed(above)):
        if headed and any(printed_number(w["text"]) is not None and over_any(w, spans) for w in ln.words):
            return None
        if WIDE_STATEMENT.search(ln.text) and (scales := units_in(ln.text)):
            return Found(scales[0], "wide", ln.text)  # 'All figures in £m', wherever it stands
        mine_text = " ".join(w["text"] for w in ln.words if over(w, span, spans) and not in_wide_phrase(ln, w, spans))
        heading = f"{mine_text} {heading}".strip()
        if scales := units_in(mine_text):
            return Found(scales[0], "column", ln.text)
        if NOT_MONEY.search(mine_text) or (mine_text and WRAPPED_NOT_MONEY.search(heading)):
            return Found(None, "column", ln.text)
        headed = headed or any(printed_number(w["text"]) is None and (_distance(w, span) <= 3 or over(w, span, spans))
                               for w in ln.words)  # its own heading, if set flush left over centred amounts
        free = " ".join(w["text"] for w in ln.words if not over_any(w, spans) or in_wide_phrase(ln, w, spans))
        theirs = " ".join(w["text"] for w in ln.words if over_any(w, spans) and not in_wide_phrase(ln, w, spans))
        if (scales := units_in(free)) and not units_in(theirs):  # not a unit line of other columns
            return Found(scales[0], "wide", ln.text)
        if len(scales := units_in(theirs)) == 1 and UNIT_WORD.match(ln.text.strip()):
            return Found(scales[0], "wide", ln.text)  # one unit on a line of its own: over the group of columns
        if _prose(ln, spans):
            titled = titled_above(list(reversed(above))[n:], spans)
            return Found(titled[0], "wide", titled[1]) if titled else None
    beyond = [ln for ln in lines if ln.bottom <= fence + 1]
    if any(_prose(ln, spans) for ln in above):
        return None
    if any(printed_number(w["text"]) is None and any(w["x0"] < s[1] - 1 and w["x1"] > s[0] + 1 for s in spans)
           for ln in above for w in ln.words):  # headings of its own (not a row of numbers, nor a note beside)
        beyond = [Line(ln.top, ln.bottom, tuple(w for w in ln.words if not over_any(w, others))) for ln in beyond]
    scales = {s for ln in beyond for s in units_in(ln.text)}
    if len(scales) == 1:
        text = next(ln.text for ln in reversed(beyond) if units_in(ln.text))
        return Found(scales.pop(), "beyond", text)
    if len(scales) > 1:
        return Found(-1.0, "beyond", "units in conflict above: " + ", ".join(f"{s:g}" for s in sorted(scales)))
    return None


def in_wide_phrase(line: Line, word: dict, spans: Sequence[tuple[float, float]]) -> bool:
    """The word is part of a phrase (words set with word spacing) reaching over more than one
    column or over the labels: a title ('Directorate budgets 2024-25 (£000)'), not a heading."""
    phrase = [word]
    for step in (-1, 1):
        k = line.words.index(word)
        while 0 <= k + step < len(line.words):
            a, b = sorted((line.words[k], line.words[k + step]), key=lambda w: w["x0"])
            if b["x0"] - a["x1"] > PHRASE_GAP * (a["bottom"] - a["top"]):
                break
            k += step
            phrase.append(line.words[k])
    if len(phrase) == 1:
        return False  # a unit mark alone ('£'000' set left of its amounts) heads its column
    x0, x1 = min(w["x0"] for w in phrase), max(w["x1"] for w in phrase)
    reached = sum(1 for s in spans if x0 < s[1] and x1 > s[0])
    return reached > 1 or x0 < min(s[0] for s in spans) - COLUMN_REACH


def titled_above(lines_up: Sequence[Line], spans: Sequence[tuple[float, float]]) -> tuple[float, str] | None:
    """A heading ending in its unit ('Prudential Indicator 2: … (£m)') right above the
    paragraph that explains the table (the lines from the paragraph up): the table's unit."""
    for ln in lines_up:
        if _prose(ln, spans) and not TITLE_UNIT.search(ln.text):
            continue
        found = TITLE_UNIT.search(ln.text)
        return (units_in(found.group(0))[0], ln.text) if found else None
    return None


def _prose(line: Line, spans: Sequence[tuple[float, float]]) -> bool:
    """A paragraph across the table's columns (not the text of a cell beside them, as in a
    sheet of savings whose descriptions sit left of the amounts)."""
    words = [w for w in line.words if printed_number(w["text"]) is None]
    across = any(w["x0"] < s[1] - 1 and w["x1"] > s[0] + 1 for w in words for s in spans)  # over a column
    if not across:
        return False
    if line.text.rstrip().endswith("."):
        return True
    return len(line.words) > PROSE_WORDS and max(len(p) for p in line_phrases(line)) > PROSE_WORDS // 2  # not headings


def line_phrases(line: Line) -> list[list[dict]]:
    """The line's words in runs set with word spacing: a sentence is one long run, a row of
    column headings many short ones."""
    runs: list[list[dict]] = []
    for w in line.words:
        if runs and w["x0"] - runs[-1][-1]["x1"] <= PHRASE_GAP * (w["bottom"] - w["top"]):
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


FOOTER = re.compile(r"^(?:page\s+)?\d+(?:\s+of\s+\d+)?$", re.I)


def opens_page(lines: Sequence[Line], top: float, spans: dict[int, tuple[float, float]]) -> bool:
    """No paragraph stands between the top of the page and the table: it may go on from the page before."""
    return not any(_prose(ln, list(spans.values())) for ln in lines if ln.bottom <= top + 1)


def closing_statement(lines: Sequence[Line]) -> Found | None:
    """The last line of the page before (past its page number) stating the unit of what
    follows: 'All figures in £m' closing the page over a table that opens the next."""
    content = [ln for ln in lines if not FOOTER.match(ln.text.strip())]
    if content and WIDE_STATEMENT.search(content[-1].text) and (scales := units_in(content[-1].text)):
        return Found(scales[0], "page before", content[-1].text)
    return None


def pounds_in_column(lines: Sequence[Line], top: float, bottom: float, span: tuple[float, float]) -> Found | None:
    """The column's unit where its heading prints none but some of its amounts print theirs
    ('£430.00' over '315.00', a total '£823.00'): the one scale they all print."""
    scales = {printed[1] for ln in lines if top - 1 <= ln.top and ln.bottom <= bottom + 1
              for w in ln.words if _distance(w, span) <= 3 and "£" in w["text"]
              and (printed := printed_number(w["text"])) is not None and printed[1] is not None}
    return Found(scales.pop(), "cells", "a '£' in the column's amounts") if len(scales) == 1 else None


def row_labels(table: NumericTable, page_number: int, lines: Sequence[Line], left: float) -> dict[int, Found]:
    """Rows whose label, the words left of the table's columns in the row's band (midway to
    the rows above and below: a label wrapped round its amounts), ends in a unit
    ('… investments £m', 'Proportion of net revenue stream (%)')."""
    bands = [(n, min(c.bbox[1] for c in cells), max(c.bbox[3] for c in cells)) for n, row in enumerate(table.rows)
             if (cells := [c for c in [*row.cells, *row.percentages] if c is not None and c.page == page_number])]
    found: dict[int, Found] = {}
    for k, (n, top, bottom) in enumerate(bands):
        reach = 2.5 * (bottom - top)  # a label wrapped over two lines either side of its amounts
        upper = (bands[k - 1][2] + top) / 2 if k else top - reach
        lower = (bottom + bands[k + 1][1]) / 2 if k + 1 < len(bands) else bottom + reach
        text = " ".join(w["text"] for ln in lines if upper <= ln.top < lower
                        for w in ln.words if w["x1"] < left - 2)
        if (unit := ROW_UNIT.search(text)) is not None and not text[:unit.start()].rstrip()[-1:].isdigit():
            scales = units_in(unit.group(0))
            found[n] = Found(scales[0] if scales else None, "row", text)
    return found
