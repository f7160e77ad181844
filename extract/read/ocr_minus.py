"""Minus signs Tesseract did not read, found in the page image.

Tesseract often drops a hyphen-minus printed before a number: North Hertfordshire's
estimates print '-378' and '-9', and both readings gave '378' and '9', a saving turned into
a cost. Both readings share the mistake, so comparing them cannot catch it; the picture
can. A minus is a short, thin, solid bar at the middle of the digits' height, just left of
the first digit (or of the '£'), with nothing else printed between them. Such a bar left of
a word read without a leading dash is a minus sign the reading lost.

Measured against the word's own height h (the digits' height, as Tesseract boxes it) so it
holds at any type size and resolution. Fonts councils print in (Arial, Calibri, Times,
Liberation) draw a hyphen 0.4-0.6 h long and about 0.1 h thick, centred near half height,
0.1-0.2 h before the next glyph; a spaced dash ('2017 - 18') stands a space (0.4 h) or more
away and is not taken for a minus.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from extract.read.ocr_rules import DARK
from extract.read.ocr_words import DASHES, PixelBox

LOOK_LEFT = 1.0  # of h: how far left of a word a minus is looked for
MAX_GAP = 0.35  # of h: a minus ends this close to the word
MIN_LENGTH, MAX_LENGTH = 0.3, 1.0  # of h: a hyphen to a minus sign (an en dash at most)
MAX_THICKNESS = 0.25  # of h
MIDDLE = (0.3, 0.75)  # of h from the top of the digits: where a minus's centre sits
SOLID = 0.6  # of the bar's box: a printed bar is solid, a cluster of specks is not
SPECK = 0.02  # of h squared: fewer inked pixels than this is dust, not a glyph
MISREAD_MINUS = "_~"  # a minus read as a stroke that is no dash


def lost_minus_signs(ink: np.ndarray, words: Sequence[tuple[PixelBox, str]]) -> list[tuple[PixelBox, PixelBox]]:
    """(word, minus sign) boxes of the numerals read without the minus printed before them,
    in the page's ink (ink_of: the same picture serves every reading of the page)."""
    found = []
    for box, text in words:
        if not _numeral_without_sign(text):
            continue
        bar = _bar_before(ink, box)
        if bar is not None and not any(_inside(other, bar) for other, _ in words if other != box):
            found.append((box, bar))
    return found


def ink_of(grey: np.ndarray) -> np.ndarray:
    """The dark pixels of a page, by the threshold the rules filter uses (read/ocr_rules.py)."""
    return grey < DARK


def with_minus(text: str) -> str:
    """A word's text with its lost minus put back (in place of a stroke read as '_' or '~')."""
    return "-" + text.lstrip(MISREAD_MINUS)


def _numeral_without_sign(text: str) -> bool:
    start = text.lstrip(MISREAD_MINUS).lstrip("£$€(")
    return bool(start) and start[0].isdigit() and text[0] not in DASHES


def _bar_before(ink: np.ndarray, box: PixelBox) -> PixelBox | None:
    """A minus-shaped bar just before the first tall glyph (a digit or '£') of the word, inside
    its box (Tesseract often boxes the minus it did not read) or just left of it."""
    x0, top, x1, bottom = box
    h = bottom - top
    if h < 6:  # too few pixels to tell a bar from a speck
        return None
    left = max(0, x0 - round(LOOK_LEFT * h))
    glyphs = _glyphs(ink[top:bottom, left:x1], h)
    first_tall = next((i for i, g in enumerate(glyphs) if g.rows[1] - g.rows[0] > 0.5 * h), None)
    if first_tall is None:
        return None
    joined = _bar_joined(ink[top:bottom, left:x1], glyphs[first_tall], h)
    if joined is not None:  # the minus touches the digit: one run of ink, a bar then a digit
        before = glyphs[first_tall - 1] if first_tall >= 1 else None
        if before is not None and joined[0] - before.columns[1] <= MAX_GAP * h:
            return None
        return (left + joined[0], top + joined[1], left + joined[2], top + joined[3])
    if not first_tall:  # nothing before the tall glyph
        return None
    bar, tall = glyphs[first_tall - 1], glyphs[first_tall]
    before = glyphs[first_tall - 2] if first_tall >= 2 else None
    length, thickness = bar.columns[1] - bar.columns[0], bar.rows[1] - bar.rows[0]
    if not (MIN_LENGTH * h <= length <= MAX_LENGTH * h and thickness <= MAX_THICKNESS * h
            and MIDDLE[0] * h <= (bar.rows[0] + bar.rows[1]) / 2 <= MIDDLE[1] * h and bar.solid >= SOLID
            and tall.columns[0] - bar.columns[1] <= MAX_GAP * h
            and bar.columns[0] > 0  # not cut off by the strip's edge: a longer line
            and (before is None or bar.columns[0] - before.columns[1] > MAX_GAP * h)):  # not inside a word
        return None
    return (left + bar.columns[0], top + bar.rows[0], left + bar.columns[1], top + bar.rows[1])


def _bar_joined(strip: np.ndarray, glyph: Glyph, h: int) -> PixelBox | None:
    """The bar of a minus printed touching the digit after it (a descreened or coarse scan
    closes the gap): the glyph's first MIN_LENGTH h or more columns hold ink only in one thin
    band at the middle of the height, and the columns after them a tall stroke. No digit or
    '£' starts so: their first columns already span more than a bar's thickness."""
    start, end = glyph.columns
    run = 0
    for column in range(start, end):
        rows = np.flatnonzero(strip[:, column])
        if rows.size and rows[-1] + 1 - rows[0] > MAX_THICKNESS * h:
            break
        if rows.size and not MIDDLE[0] * h <= (rows[0] + rows[-1] + 1) / 2 <= MIDDLE[1] * h:
            return None
        run += 1
    if run < MIN_LENGTH * h or start + run >= end or run > MAX_LENGTH * h:
        return None
    bar = strip[:, start:start + run]
    rows = np.flatnonzero(bar.any(axis=1))
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    if bar[top:bottom].mean() < SOLID or not bar.any(axis=0).all():  # a solid bar, no gap inside
        return None
    return (start, top, start + run, bottom)


class Glyph:
    """A run of inked columns, with the rows its ink spans (end-exclusive) and how solid it is."""

    def __init__(self, strip: np.ndarray, start: int, end: int):
        rows = np.flatnonzero(strip[:, start:end].any(axis=1))
        self.columns = (start, end)
        self.rows = (int(rows[0]), int(rows[-1]) + 1)
        self.solid = float(strip[self.rows[0]:self.rows[1], start:end].mean())
        self.ink = int(strip[:, start:end].sum())


def _glyphs(strip: np.ndarray, h: int) -> list[Glyph]:
    """The strip's runs of inked columns, left to right, without specks of scanner dust."""
    inked = strip.any(axis=0)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], inked.astype(np.int8), [0]))))
    runs = [Glyph(strip, int(a), int(b)) for a, b in zip(edges[::2], edges[1::2], strict=True)]
    return [g for g in runs if g.ink >= SPECK * h * h]


def _inside(word: PixelBox, bar: PixelBox) -> bool:
    """Another word of the reading covers the bar: the reading did read something there."""
    return word[0] <= (bar[0] + bar[2]) / 2 <= word[2] and word[1] <= (bar[1] + bar[3]) / 2 <= word[3]
