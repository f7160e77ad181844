"""Settling what OCR read: two page readings, the page image, and a third look at the words
they disagree on.

Tesseract reads each OCR'd page twice (read/ocr_pages.py). Where the two readings agree on a word's
digits (or on an 'FTE'), the word stands. Where they do not, where the second reading saw
nothing where the first read a number, or where the number's ink runs on past the box the first
reading drew, the word is read a third time on its own: cut from the page image, made black
and white, enlarged and read as a single line (Kent's '215.8', read '219.6' by the first
reading and '215.8' by the second, reads '215.8' so; '121.5', read '121.95' by the first and
not at all by the second, reads '121.5'); and when still no two readings agree, a fourth time,
in its greys. A word two of its readings agree on takes that reading; one without two agreeing
readings is doubtful and keeps no value (mark_ocr_figures). Minus signs any reading lost are
put back first, from the image (read/ocr_minus.py).

The result is said in two lists: the fixes to the text layer's words (what the first reading
printed in OCRmyPDF's copy, and what the readings settled on), and the other readings' word at
every place, which mark_ocr_figures compares each figure with.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from PIL import Image

from extract.read.ocr_minus import ink_of, lost_minus_signs, with_minus
from extract.read.ocr_words import DASHES, HocrWord, PixelBox, readings_agree

Reread = Callable[[Sequence[Image.Image]], list[str]]  # images of single lines -> their text

CROP_MARGIN = 0.4  # of the word's height, around it: the whole of every glyph, not the next line
CROP_SCALE = 2  # Tesseract reads small type better enlarged (its LSTM wants ~30 px capitals)
CROP_BORDER = 20  # pixels of white around the crop: a glyph at the edge is read as a fragment
WORD_GAP = 0.3  # of the word's height: ink closer than this is the same printed word (a space is wider)
WIDEST = 4.0  # of the word's height: how far a word is widened at most on either side
SLIVER = 0.25  # of the word's height: another reading's word reaching less far into its box is beside it
CUT_SHORT = 0.25  # of the word's height: ink this far past a reading's box is part of the word it left unread


# Words a figure's meaning hangs on, settled like digits when the readings differ on them:
# the 2017 pack's '9.5 FTE' was read '9.5 FEE' once, and a headcount is no FTE.
UNITS = frozenset({"fte", "ftes"})
PUNCTUATION = ".,;:()[]"
UNSETTLED = "?"  # the other readings' word where none settled it: agrees with no figure, so it keeps no value


@dataclass(frozen=True)
class Fix:
    """A first-reading word the readings settled differently: its box, the text the first
    reading printed in the text layer, the settled text and, when a lost minus was put back,
    the minus sign's box, when the first reading boxed only part of the word, the whole
    word's box (all in the same unit as box)."""

    box: tuple[float, float, float, float]
    read: str
    text: str
    minus: tuple[float, float, float, float] | None = None
    printed: tuple[float, float, float, float] | None = None  # the whole word, when the reading boxed part of it


@dataclass(frozen=True)
class Settled:
    fixes: list[Fix]
    others: list[HocrWord]  # the other readings' word at each place, to compare figures with


@dataclass
class Unsure:
    """A first-reading word with digits the second reading does not confirm, and its other readings."""

    word: HocrWord
    read: str  # the first reading, a lost minus put back
    again: list[HocrWord]  # the second reading's words at its place
    printed: PixelBox  # the ink of the word as printed, which the first reading may have cut short
    looks: list[str] = field(default_factory=list)  # the word read again on its own


def settle(grey: np.ndarray, first: Sequence[HocrWord], second: Sequence[HocrWord], reread: Reread,
           seen: np.ndarray | None = None) -> Settled:
    """The words of one OCR'd page as the readings settle them (all boxes in pixels). `grey`
    is the picture the later readings read; `seen`, when not the same, the one the first
    reading read (a descreened black-and-white scan: read/ocr_rules.py), where the ink of its
    words and minus signs is looked for (blurred, a thin minus is too pale to be ink)."""
    seen = grey if seen is None else seen
    dark = ink_of(seen)  # a minus sign's bar is looked for as the rules filter sees ink
    bars = dict(lost_minus_signs(dark, [(w.pixels, w.text) for w in first]))
    lost_second = dict(lost_minus_signs(dark, [(w.pixels, w.text) for w in second]))
    second = [replace(w, text=with_minus(w.text)) if w.pixels in lost_second else w for w in second]
    fixes = {w.pixels: Fix(w.pixels, w.text, with_minus(w.text), bars[w.pixels]) for w in first if w.pixels in bars}
    threshold = _threshold(grey)  # the crops: this page's own parting of ink from paper
    ink = seen < (threshold if seen is grey else _threshold(seen))  # the words' extents
    reads = {w.pixels: fixes[w.pixels].text if w.pixels in fixes else w.text for w in first}
    unsure = []
    as_one: dict[HocrWord, list[HocrWord]] = {}  # a second-reading word -> the first's words it ran together
    for word in first:
        read = reads[word.pixels]
        again = _at(second, word.pixels)
        if not (_has_digits(word.text) or _is_unit(word.text) or any(_is_unit(w.text) for w in again)):
            continue
        printed = _printed_extent(ink, word.pixels, [w.pixels for w in first if w is not word])
        if len(again) == 1 and (under := _read_as_one(word, again[0], first, reads)):
            as_one[again[0]] = under
        agreed = bool(again) and (_same(read, _joined(again)) or again[0] in as_one)
        if _cut_short(word.pixels, printed) or not agreed:
            unsure.append(Unsure(word, read, again, printed))
    if not unsure:
        return Settled(list(fixes.values()), _apart(second, as_one))

    _add_looks(unsure, reread([_crop(grey, u.printed, threshold) for u in unsure]), bars)
    still = [u for u in unsure if _settled(u, first) is None]
    if still:  # a fourth reading, of the grey picture: unlike the others, so unlikely to err alike
        _add_looks(still, reread([_crop(grey, u.printed, None) for u in still]), bars)

    others = _apart([w for w in second if not any(w in u.again for u in unsure)], as_one)
    for u in unsure:
        settled = _settled(u, first)
        if settled is not None and settled != u.word.text:
            widened = u.printed if _cut_short(u.word.pixels, u.printed) else None
            fixes[u.word.pixels] = Fix(u.word.pixels, u.word.text, settled, bars.get(u.word.pixels), widened)
        others.append(replace(u.word, text=settled if settled is not None else UNSETTLED))
    return Settled(list(fixes.values()), others)


def _add_looks(unsure: Sequence[Unsure], looks: Sequence[str], bars: dict[PixelBox, PixelBox]) -> None:
    for u, look in zip(unsure, looks, strict=True):
        lost = u.word.pixels in bars and look and look[0] not in DASHES
        u.looks.append(with_minus(look) if lost else look)


def _settled(u: Unsure, first: Sequence[HocrWord]) -> str | None:
    """The text two of the word's readings agree on, or None. Tried in order: the first
    reading (the text layer's own), the second, the readings of the word alone. When the
    printed word is wider than the first reading's box ('216' read of '7,216', the '7,'
    unread), only readings of the whole printed word count. A word the second reading joined
    with the next one ('£1.3m' where the first read '£1' and '.3m') is left unsettled: a
    reading of the first part alone cannot tell what the whole says."""
    if any(_reaches_another(w.pixels, u.word, first) for w in u.again):
        return None
    looks = [look for look in u.looks if look]
    if _cut_short(u.word.pixels, u.printed):
        readings = looks
    else:
        readings = [u.read] + ([u.again[0].text] if len(u.again) == 1 else []) + looks
    for n, text in enumerate(readings):
        if any(_same(text, other) for other in readings[n + 1:]):
            return text
    return None


def _read_as_one(word: HocrWord, again: HocrWord, first: Sequence[HocrWord],
                 reads: dict[PixelBox, str]) -> list[HocrWord]:
    """The first reading's words the other reading read as one word, when it spelt them alike:
    run together, they are its text ('9' and 'FTE' under '9FTE': the dithered 2017 pack's
    '9 FTE', whose 'FTE' was compared with '9FTE' alone and lost its figure); else none.
    Letters count as much as digits ('9' 'FEE' is no '9FTE'). Only one of the words may hold
    digits (pieces of a number, '£1' '.3m' under '£1.3m', are left to _settled), and none
    may be a lone mark: a dash before a number run into it ('– £1.34M' read '-£1.34M') may
    be its minus or a separator, which only readings of the word alone can tell."""
    under = sorted(_at(first, again.pixels), key=lambda w: w.pixels[0])
    if len(under) < 2 or word not in under or sum(_has_digits(w.text) for w in under) > 1 \
            or not all(any(c.isalnum() for c in w.text) for w in under):
        return []
    return under if _spelt_alike("".join(reads[w.pixels] for w in under), again.text) else []


def _apart(others: Sequence[HocrWord], as_one: dict[HocrWord, list[HocrWord]]) -> list[HocrWord]:
    """The other reading's words, one run together from words of the first reading that it
    spelt alike given back as those words: each confirmed at its own place ('9FTE' as '9'
    and 'FTE'), as figures are compared with the words where they were read."""
    return [part for w in others for part in as_one.get(w, [w])]


def _spelt_alike(one: str, other: str) -> bool:
    """Two readings agree on a number's digits, separators and minus, and on every letter."""
    def letters(text: str) -> str:
        return "".join(c for c in text.casefold() if c.isalpha())

    return readings_agree(one, other) and letters(one) == letters(other)


def _reaches_another(box: PixelBox, word: HocrWord, first: Sequence[HocrWord]) -> bool:
    """A box running past the word into another word of the first reading on its line (a
    table rule read as '|' is no word)."""
    reach = CUT_SHORT * (word.pixels[3] - word.pixels[1])
    if box[0] >= word.pixels[0] - reach and box[2] <= word.pixels[2] + reach:
        return False
    return any(w is not word and any(c.isalnum() for c in w.text) and _shares_ink(w.pixels, box) for w in first)


def _cut_short(box: PixelBox, printed: PixelBox) -> bool:
    """The printed word reaches past the reading's box by more than a stray speck could."""
    reach = CUT_SHORT * (box[3] - box[1])
    return printed[0] < box[0] - reach or printed[2] > box[2] + reach


def _same(one: str, other: str) -> bool:
    """Two readings of a word agree: a number's digits, separators and minus; a unit's letters."""
    if _has_digits(one) or _has_digits(other):
        return readings_agree(one, other)
    return one.strip(PUNCTUATION).casefold() == other.strip(PUNCTUATION).casefold()


def _has_digits(text: str) -> bool:
    return any(c.isdigit() for c in text)


def _is_unit(text: str) -> bool:
    return text.strip(PUNCTUATION).casefold() in UNITS


def _joined(words: Sequence[HocrWord]) -> str:
    return " ".join(w.text for w in words)


def _at(words: Sequence[HocrWord], box: PixelBox) -> list[HocrWord]:
    """The words of another reading of the same image on the word's line that reach into its
    box by more than a sliver ('a7' over the '7' of '7,216' read '216' counts)."""
    sliver = SLIVER * (box[3] - box[1])
    return [w for w in words if box[1] <= (w.pixels[1] + w.pixels[3]) / 2 <= box[3]
            and min(w.pixels[2], box[2]) - max(w.pixels[0], box[0]) > sliver]


def _crop(grey: np.ndarray, box: PixelBox, threshold: int | None) -> Image.Image:
    """One word cut from the page and enlarged: black on white at the page's own threshold,
    or (threshold None) in its greys."""
    x0, top, x1, bottom = box
    margin = round(CROP_MARGIN * (bottom - top))
    cut = grey[max(0, top - margin):bottom + margin, max(0, x0 - margin):x1 + margin]
    if threshold is not None:
        cut = np.where(cut < threshold, 0, 255).astype(np.uint8)
    size = (cut.shape[1] * CROP_SCALE, cut.shape[0] * CROP_SCALE)
    image = Image.fromarray(cut).resize(size, Image.Resampling.LANCZOS)
    return Image.fromarray(np.pad(np.asarray(image), CROP_BORDER, constant_values=255))


def _printed_extent(ink: np.ndarray, box: PixelBox, others: Sequence[PixelBox]) -> PixelBox:
    """The word's box widened to ink printed with it that no other word of the reading
    covers: glyphs closer than a space to either side, within WIDEST words' heights (a
    reading may box '216' of '7,216' and leave the '7,' unread)."""
    x0, top, x1, bottom = box
    h = bottom - top
    band = np.asarray(ink[top + h // 4:bottom].sum(axis=0) >= 2).ravel()  # a lone dark pixel is dust
    taken = np.zeros(len(band), dtype=bool)
    for other in others:  # another word's ink is its own: the widening stops there
        if top <= (other[1] + other[3]) / 2 <= bottom:
            taken[max(0, other[0]):max(0, other[2])] = True
    gap, reach = max(1, round(WORD_GAP * h)), round(WIDEST * h)
    right = x1
    for x in range(x1, min(len(band), x1 + reach)):
        if x - right > gap or taken[x]:
            break
        if band[x]:
            right = x + 1
    left = x0
    for x in range(x0 - 1, max(-1, x0 - reach), -1):
        if left - x > gap or taken[x]:
            break
        if band[x]:
            left = x
    return (left, top, right, bottom)


def _shares_ink(word: PixelBox, printed: PixelBox) -> bool:
    """Another word of the reading lies in a printed word's ink, on its line."""
    middle = (word[1] + word[3]) / 2
    return printed[1] <= middle <= printed[3] and word[0] < printed[2] and word[2] > printed[0]


def _threshold(grey: np.ndarray) -> int:
    """Otsu's threshold of the page: grey levels below it are ink, the rest paper."""
    counts = np.bincount(grey.ravel(), minlength=256).astype(float)
    share = counts / counts.sum()
    below = np.cumsum(share)
    mean_below = np.cumsum(share * np.arange(256))
    spread = (mean_below[-1] * below - mean_below) ** 2 / (below * (1 - below) + 1e-12)
    return int(np.argmax(spread)) + 1  # the argmax is the last grey level of the ink
