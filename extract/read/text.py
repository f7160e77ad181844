"""Positioned text: characters → words → rows, the same for every PDF engine.

Both readers (pdfplumber in layout.py, pdfium in fastpass.py) hand over plain `Glyph`s;
everything after this module sees only `PageText`, `Row`, `Word` and `TextRun`, so a
figure found anywhere can be pointed to by page and bounding box.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Generic, NamedTuple, TypeVar

from extract.settings import DEFAULT_SETTINGS, Settings

BBox = tuple[float, float, float, float]


# Typographic ligatures: a browser or typesetting font prints "ff" in "staffing" as one glyph
# (U+FB00), which would make "Current staﬀing" a word no label matches. Each reader gives the
# letters the ligature stands for; the glyph's box is shared letter by letter (_word).
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                           "\ufb05": "st", "\ufb06": "st"})


_Value = TypeVar("_Value")


class computed_once(Generic[_Value]):  # noqa: N801 (used as a decorator, like functools.cached_property)
    """functools.cached_property without the lock Python 3.11 takes on each first read: a
    word's and a row's geometry are first read hundreds of thousands of times a pack. As
    there, the value is stored in the instance's __dict__, where later reads find it."""

    def __init__(self, compute: Callable[[Any], _Value]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> _Value:
        if instance is None:  # read on the class (help(), introspection): the descriptor itself
            return self  # type: ignore[return-value]
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


class Glyph(NamedTuple):  # a tuple: tens of thousands are made per page, cheaply
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    boxes: tuple[BBox, ...]  # one per character of text
    size: float
    bold: bool

    @property
    def x0(self) -> float:
        return self.boxes[0][0]

    # Geometry is asked for many times by every later stage: computed once.
    @computed_once
    def x1(self) -> float:
        return max(b[2] for b in self.boxes)

    @computed_once
    def top(self) -> float:
        return min(b[1] for b in self.boxes)

    @computed_once
    def bottom(self) -> float:
        return max(b[3] for b in self.boxes)


@dataclass(frozen=True)
class Row:
    """Words sharing a baseline, left to right, across every column of the page."""

    page: int
    words: tuple[Word, ...]

    @computed_once
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @computed_once
    def top(self) -> float:
        return min(w.top for w in self.words)

    @computed_once
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @computed_once
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @computed_once
    def size(self) -> float:
        sizes = sorted(w.size for w in self.words)
        return sizes[len(sizes) // 2]

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)

    def split(self, boundary: float, slack: float = DEFAULT_SETTINGS.column_slack) -> tuple[list[Word], list[Word]]:
        """Words left of a column boundary, and words at or right of it (Settings.column_slack)."""
        left = [w for w in self.words if w.x0 < boundary - slack]
        right = [w for w in self.words if w.x0 >= boundary - slack]
        return left, right

    def x_of(self, char_index: int) -> float:
        """x0 of the character at char_index in self.text (spaces take the next char's x)."""
        return TextRun.from_words(self.words).box_at(char_index)[1][0]


@dataclass
class PageText:
    number: int  # 1-based
    width: float
    height: float
    rows: list[Row] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.rows)


@dataclass(frozen=True)
class TextRun:
    """A string built from words, with the page and box of every character.

    Spaces between words have no box of their own; a span's bbox is the union of the
    boxes of its printed characters.
    """

    text: str
    places: tuple[tuple[int, BBox] | None, ...]

    @classmethod
    def from_words(cls, words: Iterable[Word], sep: str = " ") -> TextRun:
        text_parts: list[str] = []
        places: list[tuple[int, BBox] | None] = []
        for i, word in enumerate(words):
            if i:
                text_parts.append(sep)
                places.extend([None] * len(sep))
            text_parts.append(word.text)
            places.extend((word.page, box) for box in word.boxes)
        return cls("".join(text_parts), tuple(places))

    @classmethod
    def join(cls, runs: Sequence[TextRun], sep: str = "\n") -> TextRun:
        text_parts: list[str] = []
        places: list[tuple[int, BBox] | None] = []
        for i, run in enumerate(runs):
            if i:
                text_parts.append(sep)
                places.extend([None] * len(sep))
            text_parts.append(run.text)
            places.extend(run.places)
        return cls("".join(text_parts), tuple(places))

    def box_at(self, index: int) -> tuple[int, BBox]:
        for place in self.places[index:]:
            if place is not None:
                return place
        for place in reversed(self.places[:index]):
            if place is not None:
                return place
        raise ValueError("text run has no positioned characters")

    def locate(self, start: int, end: int) -> tuple[int, BBox]:
        """Page and bbox of text[start:end]: the union of its characters on its first page."""
        placed = [p for p in self.places[start:end] if p is not None]
        if not placed:
            return self.box_at(start)
        page = placed[0][0]
        boxes = [b for pg, b in placed if pg == page]
        return page, (
            round(min(b[0] for b in boxes), 2),
            round(min(b[1] for b in boxes), 2),
            round(max(b[2] for b in boxes), 2),
            round(max(b[3] for b in boxes), 2),
        )


# --- characters to rows -------------------------------------------------------------

def glyphs_to_rows(glyphs: Sequence[Glyph], page: int, settings: Settings = DEFAULT_SETTINGS) -> list[Row]:
    """Group glyphs into rows by baseline, then into words: a space printed in the PDF
    ends a word, and without one a horizontal gap does.

    Space glyphs are kept only as word breaks (they get no box and no text of their own):
    tight typesetting prints "Performing Arts" with less white space than the gap rule
    needs, but the space is still in the PDF.
    """
    lines: list[list[Glyph]] = []
    anchor: Glyph | None = None  # the last printed (non-space) glyph of the current line
    tolerance = settings.line_tolerance
    for glyph in sorted(glyphs, key=_reading_order):
        if not glyph.text:
            continue
        printed = not glyph.text.isspace()
        # One line: baselines within `tolerance` type sizes (Settings.line_tolerance).
        if anchor is not None and abs(anchor.bottom - glyph.bottom) <= max(anchor.size, glyph.size) * tolerance:
            lines[-1].append(glyph)  # a space only ever breaks the line it is printed on
        elif printed:
            lines.append([glyph])
        else:
            continue
        if printed:
            anchor = glyph
    rows = []
    for line in lines:
        line.sort(key=_left)
        words = _line_to_words(line, page, settings.word_gap)
        if words:
            rows.append(Row(page=page, words=tuple(words)))
    rows.sort(key=lambda r: (round(r.bottom, 1), r.x0))
    return rows


def _reading_order(glyph: Glyph) -> tuple[float, float]:
    return round(glyph.bottom, 1), glyph.x0


_left = itemgetter(1)  # a glyph's x0, without a Python call per glyph


def _line_to_words(line: Sequence[Glyph], page: int, word_gap: float) -> list[Word]:
    """One line's glyphs (left to right) as words: the one rule both readers' words follow."""
    words: list[list[Glyph]] = []
    broken = False  # a printed space since the last character
    for glyph in line:
        if not glyph.text.strip():
            broken = broken or (bool(words) and _stands_after(words[-1][-1], glyph))
            continue
        if words and not broken:
            last = words[-1][-1]
            gap = glyph.x0 - last.x1
            if (gap <= max(last.size, glyph.size) * word_gap and glyph.x0 >= last.x0
                    and not ((last.text[-1:].isdigit() or last.text == ".")  # the test's first half, inline
                             and _number_before_its_text(words[-1], glyph, gap))):
                words[-1].append(glyph)
                continue
        words.append([glyph])
        broken = False
    return [_word(chars, page) for chars in _join_number_pieces(words)]


# Word sets a paragraph number's tab as a space the next letter is kerned into ('1.2 The',
# '10. Regarding'); pdfium drops that space without making one of its own. Both readers' boxes
# span each character's advance, so the letters of one word abut (kerning leaves at most 0.06
# of the type size between them over Kent's papers) while the dropped space leaves 0.09-0.11:
# a gap after a number's digit or full stop, before a letter, wider by PARAGRAPH_NUMBER_GAP
# type sizes or more than the gap inside the number, is a printed space. Measured against the
# number's own spacing, letter-spaced type ('£ 0 . 8 2 M', even gaps) stays one word.
PARAGRAPH_NUMBER_GAP = 0.08


def _number_before_its_text(number: Sequence[Glyph], glyph: Glyph, gap: float) -> bool:
    last = number[-1]
    if not (last.text[-1:].isdigit() or last.text == ".") or not glyph.text[:1].isalpha():
        return False
    spacing = max(0.0, last.x0 - number[-2].x1) if len(number) > 1 else 0.0
    return gap - spacing >= max(last.size, glyph.size) * PARAGRAPH_NUMBER_GAP


def _stands_after(last: Glyph, space: Glyph) -> bool:
    """A space ends the word only where it is printed after the word's last character. A
    space that starts inside that character's box is no gap on the page: spreadsheets print
    padding spaces over a number's first digit ('1' and ',212,000' under one space)."""
    return space.x0 >= (last.x0 + last.x1) / 2


# A number printed in two pieces, as spreadsheet exports do with a wide gap after its first
# digit ('1' then ',174.00'): a group of three digits after a comma never starts a number, so
# the pieces are one word when the first is a number that can take it ('1', '£12', '(1',
# '1,234') and they stand within NUMBER_PIECE_GAP type sizes on one line.
NUMBER_HEAD = re.compile(r"[(\[£$€+\-−–]*\d{1,3}(?:,\d{3})*")
NUMBER_TAIL = re.compile(r",\d{3}(?!\d)")
NUMBER_PIECE_GAP = 1.5


def _join_number_pieces(words: list[list[Glyph]]) -> list[list[Glyph]]:
    joined: list[list[Glyph]] = []
    for chars in words:
        if joined and _continues_number(joined[-1], chars):
            joined[-1] = joined[-1] + chars
        else:
            joined.append(chars)
    return joined


def _continues_number(head: Sequence[Glyph], tail: Sequence[Glyph]) -> bool:
    last, first = head[-1], tail[0]
    if first.x0 - last.x1 > max(last.size, first.size) * NUMBER_PIECE_GAP:
        return False
    return bool(NUMBER_TAIL.match("".join(g.text for g in tail))
                and NUMBER_HEAD.fullmatch("".join(g.text for g in head)))


def _word(chars: Sequence[Glyph], page: int) -> Word:
    sizes = sorted([c.size for c in chars])
    text = "".join([c.text for c in chars])
    if len(text) == len(chars):  # a letter a glyph: nearly every word (this runs once per word of every page)
        boxes = tuple([(c.x0, c.top, c.x1, c.bottom) for c in chars])
    else:  # a ligature glyph ("ﬁ" as "fi") boxes each letter it stands for
        boxes = tuple([(c.x0, c.top, c.x1, c.bottom) for c in chars for _ in c.text])
    return Word(text=text, page=page, boxes=boxes, size=sizes[len(sizes) // 2],
                bold=sum([c.bold for c in chars]) * 2 > len(chars))


def phrases(words: Sequence[Word], gap: float) -> list[list[Word]]:
    """Words in reading order grouped into phrases: a gap of `gap` points or more between two
    words starts a new phrase (a cell, a label, a column heading)."""
    grouped: list[list[Word]] = []
    for word in words:
        if grouped and word.x0 - grouped[-1][-1].x1 < gap:
            grouped[-1].append(word)
        else:
            grouped.append([word])
    return grouped
