"""Rows of a numbers table as a label and cells; cells and column headings as figures.

A cell is a printed number standing apart from its neighbours by a column gap: '0.6',
'(1.5)', '-35.33', '1,234', '£1.5m', '12%', or a nil mark '-'. Numbers set with word
spacing belong to the sentence or label around them ('Headcount 18', 'x 2'), which is
what keeps prose, dates and phone numbers out of tables.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from extract.models import Figure
from extract.read.text import Row, TextRun, Word, phrases
from extract.structures.numeric.marks import without_marks
from extract.vocabulary import NIL_CELL, NUMBER_CELL

# White space between two cells, in type sizes; word spaces are about a quarter of that.
CELL_GAP = 1.0
# Two numbers in one cell-gap segment are still two cells when this far apart (not a
# phone number or '1 2 3' set with word spaces).
TIGHT_CELL_GAP = 0.45

YEAR = re.compile(r"^(?:19|20)\d\d$")
ROW_REFERENCE = re.compile(r"^\d{1,3}$")  # '1 Adult Social Care': a row number, part of the label
ZERO_CELL = re.compile(r"^(?:[-–—−]|nil)$", re.I)  # a printed zero; 'n/a' is no value
SUFFIX_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9}
# A column's unit printed on a line of its own under its heading ('£000', "£'000s", '(£m)',
# 'FTE'): '£000' reads as a number, but no council prints an amount of nil pounds that way.
UNIT_MARK = re.compile(r"^\(?£\s*['’]?\s*(?:000s?|k|m|mn|bn|millions?|thousands?)\)?$", re.I)
COLUMN_MARK = re.compile(r"^\(?(?:FTE|%)\)?$", re.I)  # a unit line only when every column prints one


@dataclass(frozen=True)
class Unit:
    kind: str  # a FigureKind, or 'percent'
    scale: float = 1.0  # what a printed 1 is worth: 1e6 under '£M'


# Heading words → unit, first match wins (FTE before posts: 'Staff in post FTE'). A
# percentage column has no Figure kind: its cells stay blank.
UNIT_WORDS: list[tuple[re.Pattern, Unit]] = [
    (re.compile(r"£\s*['’]?\s*(?:m|mn|millions?)\b", re.I), Unit("money", 1e6)),
    (re.compile(r"£\s*['’]?\s*(?:bn|billions?)\b", re.I), Unit("money", 1e9)),
    (re.compile(r"£\s*['’]?\s*000s?|£\s*k\b|£\s*thousands?\b", re.I), Unit("money", 1e3)),
    (re.compile(r"£(?![\d.])"), Unit("money")),  # not an amount's sign: 'Includes £4.3m repaid' names no unit
    (re.compile(r"%|\bper\s*cent\b|\bpercentage\b", re.I), Unit("percent")),
    (re.compile(r"\bFTE\b|full[-\s]time\s+equivalent", re.I), Unit("fte")),
    (re.compile(r"\bhead\s*counts?\b", re.I), Unit("headcount")),
    (re.compile(r"\bposts?\b|\bvacanc(?:y|ies)\b", re.I), Unit("count")),
]


@dataclass(frozen=True)
class Cell:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def is_number(self) -> bool:
        return NUMBER_CELL.match(self.text.replace(" ", "")) is not None

    @property
    def is_figure(self) -> bool:
        """A number a Figure can hold: not a percentage."""
        return self.is_number and not self.text.rstrip("*").endswith("%")

    @property
    def is_year(self) -> bool:
        return YEAR.match(self.text) is not None


@dataclass(frozen=True)
class RowCells:
    """kind: 'numeric' (label and cells), 'label' (text only), 'units' (a unit line under the
    column headings: '£000  £000  £000'), 'other' (text between cells, a row of years)."""

    kind: str
    label: tuple[Word, ...]
    cells: tuple[Cell, ...]
    notes: tuple[tuple[Word, ...], ...] = ()  # text after the numbers: a text column, a cell's note

    @property
    def numbers(self) -> int:
        return sum(c.is_number for c in self.cells)

    @property
    def label_text(self) -> str:
        return " ".join(w.text for w in self.label)


def row_to_cells(row: Row) -> RowCells:
    words = [w for w in without_marks(row.words) if not is_symbol_glyph(w.text)]  # marks are neither
    if not words:
        return RowCells("label", (), ())
    segments = phrases(words, CELL_GAP * row.size)
    if any(mark in w.text for w in words for mark in ("£", "FTE", "%")) and is_unit_line(segments):
        return RowCells("units", tuple(segments[0]) if _is_stub(segments[0]) else (), ())
    pieces: list[tuple[bool, tuple[Word, ...]]] = []  # (is cell, words)
    for segment in segments:
        pieces.extend(_split_segment(segment, TIGHT_CELL_GAP * row.size))
    if len(pieces) > 1 and pieces[0][0] and not pieces[1][0] and _is_row_reference(pieces[0][1]):
        pieces = [(False, pieces[0][1] + pieces[1][1]), *pieces[2:]]
    pieces = _peel_glued_numbers(pieces)
    pieces, notes = _trailing_notes(pieces)
    text_at = [k for k, (is_cell, _) in enumerate(pieces) if not is_cell]
    label = tuple(w for k in text_at for w in pieces[k][1])
    cells = tuple(Cell(words) for is_cell, words in pieces if is_cell)
    if text_at and text_at != list(range(text_at[0], text_at[-1] + 1)):
        return RowCells("other", label, cells)  # cells between two texts: not a label/value row
    if notes and (not cells or not label):
        return RowCells("other", label, cells)
    if notes:
        return RowCells("numeric", label, cells, notes)
    if not cells:
        return RowCells("label", label, ())
    if not label and all(c.is_year or not c.is_number for c in cells):
        return RowCells("other", label, cells)  # '2023 2024 2025': a heading row
    return RowCells("numeric", label, cells)


def is_symbol_glyph(text: str) -> bool:
    """A word of private-use code points only: a symbol font's mark (a tick, an arrow set
    beside an overspent budget) that carries no text, so it neither splits a row's cells nor
    joins its label."""
    return (bool(text) and PRIVATE_USE[0] <= ord(text[0]) <= PRIVATE_USE[1]  # the first settles nearly every word
            and all(PRIVATE_USE[0] <= ord(ch) <= PRIVATE_USE[1] for ch in text))


PRIVATE_USE = (0xE000, 0xF8FF)


def is_unit_line(segments: Sequence[Sequence[Word]]) -> bool:
    """Every column's phrase a unit mark ('£000  £000', "£'000"), under a stub heading or
    none ('Service  £000  £000'): the columns' unit, not a row of nil amounts."""
    marks = ["".join(w.text for w in s) for s in segments[1:] if segments and _is_stub(segments[0])] \
        or ["".join(w.text for w in s) for s in segments]
    if not marks or not all(UNIT_MARK.match(m) or COLUMN_MARK.match(m) for m in marks):
        return False
    return any(UNIT_MARK.match(m) for m in marks) or len(marks) >= 2


def _is_stub(words: Sequence[Word]) -> bool:
    """A phrase of words with no digit ('Service'): a heading over the labels."""
    text = "".join(w.text for w in words)
    return not any(ch.isdigit() for ch in text) and not UNIT_MARK.match(text) and not COLUMN_MARK.match(text)


def _trailing_notes(pieces: list[tuple[bool, tuple[Word, ...]]],
                    ) -> tuple[list[tuple[bool, tuple[Word, ...]]], tuple[tuple[Word, ...], ...]]:
    """Text printed after the row's numbers, once a label opens the row: a text column
    ('Salary for Staff - 3.4 FTE') or a note set beside a number ('500 Trip', '817.00
    (panelling)'), whose number stays a cell. Last year's figure may be printed left of the
    label ('(229,850)  Central Support Costs  (299,663) … A'): the label opens the row after it."""
    label = next((k for k, (is_cell, _) in enumerate(pieces) if not is_cell), len(pieces))
    if len(pieces) < label + 3 or not pieces[label + 1][0]:
        return pieces, ()
    kept = list(pieces[:label + 2])
    notes: list[tuple[Word, ...]] = []
    for is_cell, words in pieces[label + 2:]:
        if is_cell and not notes:
            kept.append((True, words))
        elif is_cell:
            notes[-1] = notes[-1] + words
        elif len(words) > 1 and is_amount(words[0].text) and not notes:
            kept.append((True, words[:1]))
            notes.append(words[1:])
        else:
            notes.append(words)
    return kept, tuple(notes)


def _peel_glued_numbers(pieces: list[tuple[bool, tuple[Word, ...]]]) -> list[tuple[bool, tuple[Word, ...]]]:
    """'1,315,610.6 RevisedBase' between two runs of cells: the number is a cell set too close.

    Only formatted amounts (a comma or decimal point) on a side where cells are, so a
    row number or a number inside the label stays put.
    """
    texts = [k for k, (is_cell, _) in enumerate(pieces) if not is_cell]
    if not texts:
        return pieces
    result = list(pieces)
    first, last = texts[0], texts[-1]
    if first > 0 and len(pieces[first][1]) > 1 and is_amount(pieces[first][1][0].text):
        words = pieces[first][1]
        result[first:first + 1] = [(True, words[:1]), (False, words[1:])]
        last += 1
    words = result[last][1]
    if last + 1 < len(result) and len(words) > 1 and is_amount(words[-1].text):
        result[last:last + 1] = [(False, words[:-1]), (True, words[-1:])]
    return result


def is_amount(text: str) -> bool:
    return is_cell_text(text) and any(ch in text for ch in ",.")


def _split_segment(segment: Sequence[Word], tight_gap: float) -> list[tuple[bool, tuple[Word, ...]]]:
    """A segment is one cell, several cells set a little apart, or text."""
    cells = _words_to_cells(segment)
    if cells is None:
        return [(False, tuple(segment))]
    if len(cells) == 1:
        return [(True, cells[0])]
    spaced = all(b[0].x0 - a[-1].x1 >= tight_gap for a, b in pairwise(cells))
    return [(True, c) for c in cells] if spaced else [(False, tuple(segment))]


def _words_to_cells(words: Sequence[Word]) -> list[tuple[Word, ...]] | None:
    """Group words into cells ('£' joins the number after it), or None if any is not a cell."""
    cells: list[tuple[Word, ...]] = []
    k = 0
    while k < len(words):
        if words[k].text == "£" and k + 1 < len(words) and is_cell_text(words[k + 1].text):
            cells.append((words[k], words[k + 1]))
            k += 2
        elif is_cell_text(words[k].text):
            cells.append((words[k],))
            k += 1
        else:
            return None
    return cells


def is_cell_text(text: str) -> bool:
    match = NUMBER_CELL.match(text)
    if match is not None:
        return bool(match["open"]) == bool(match["close"])
    return NIL_CELL.match(text) is not None


def _is_row_reference(words: Sequence[Word]) -> bool:
    return len(words) == 1 and ROW_REFERENCE.match(words[0].text) is not None


# --- units and figures ---------------------------------------------------------------

def text_to_unit(text: str) -> Unit | None:
    for pattern, unit in UNIT_WORDS:
        if pattern.search(text):
            return unit
    return None


def cell_to_figure(cell: Cell, unit: Unit | None, label: str | None) -> Figure | None:
    """The cell as a Figure; a nil mark ('-', '–', 'nil') a printed zero; None for 'n/a' or a
    percentage (no kind fits one)."""
    if ZERO_CELL.match(cell.text) and (unit is None or unit.kind != "percent"):
        return _zero(cell, unit, label)
    match = NUMBER_CELL.match(cell.text.replace(" ", ""))
    if match is None or (match["suffix"] or "").lower() == "%":
        return None
    if unit is not None and unit.kind == "percent" and not match["pound"]:
        return None
    digits = match["digits"].replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    negative = bool(match["open"]) or match["sign"] not in (None, "+") or bool(match["sign2"])
    kind, scale = _cell_unit(match, unit)
    run = TextRun.from_words(cell.words)
    page, bbox = run.locate(0, len(run.text))
    return Figure(
        kind=kind,  # type: ignore[arg-type]
        value=_round((-1 if negative else 1) * float(digits) * scale),
        text=cell.text,
        precision=_round(10.0 ** -decimals * scale),
        page=page,
        bbox=bbox,
        label=label or None,
    )


def _zero(cell: Cell, unit: Unit | None, label: str | None) -> Figure:
    run = TextRun.from_words(cell.words)
    page, bbox = run.locate(0, len(run.text))
    kind, scale = ("count", 1.0) if unit is None else (unit.kind, unit.scale)
    return Figure(kind=kind, value=0.0, text=cell.text, precision=scale,  # type: ignore[arg-type]
                  page=page, bbox=bbox, label=label or None)


def _cell_unit(match: re.Match, unit: Unit | None) -> tuple[str, float]:
    """Kind and scale: a printed suffix ('£1.5m', '1.6m') scales the number itself; a '£' or
    a money column makes it money; otherwise the column's unit, else a plain count."""
    suffix = SUFFIX_SCALE.get((match["suffix"] or "").lower())
    money = bool(match["pound"]) or (unit is not None and unit.kind == "money")
    if money:
        return "money", suffix or (unit.scale if unit and unit.kind == "money" else 1.0)
    if unit is None:
        return "count", suffix or 1.0  # nothing printed says what it counts
    return unit.kind, suffix or unit.scale


def is_whole(cell: Cell) -> bool:
    match = NUMBER_CELL.match(cell.text.replace(" ", ""))
    return match is None or float(match["digits"].replace(",", "")).is_integer()


def _round(number: float) -> float:
    return float(f"{number:.10g}")
