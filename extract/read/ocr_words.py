"""The words Tesseract read, as OCR hands them on: hOCR parsed into words with their boxes,
two readings of a figure compared, and the words of a reading found where a figure was read.

The lowest of the OCR modules (read/ocr.py runs OCR, read/ocr_pages.py reads each page
again, read/ocr_settle.py settles the readings): it imports none of them.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from extract.read.text import BBox

PixelBox = tuple[int, int, int, int]  # x0, top, x1, bottom in the page image's pixels
# Every dash a minus sign is printed or read as: a word read starting with one has its minus.
DASHES = "-‐‑‒–—−"

T = TypeVar("T")


@dataclass(frozen=True)
class HocrWord:
    """One word Tesseract read: its box in the image's pixels and in the page's points."""

    pixels: PixelBox
    box: BBox
    text: str
    confidence: float | None


HOCR_PAGE = re.compile(r"class=.ocr_page.[^>]*?bbox (\d+) (\d+) (\d+) (\d+)")
HOCR_WORD = re.compile(r"class=.ocrx_word.[^>]*?bbox (\d+) (\d+) (\d+) (\d+)(?:; x_wconf (\d+))?[^>]*>"
                       r"((?:(?!</span>).)*)</span>", re.S)
TAG = re.compile(r"<[^>]+>")


def hocr_words(hocr: Path, page_size: tuple[float, float]) -> list[HocrWord]:
    """Tesseract's words of one page, their pixel boxes also scaled to the page's size in points."""
    if not hocr.exists():  # another renderer, or a page OCRmyPDF found nothing on
        return []
    text = hocr.read_text(encoding="utf-8", errors="replace")
    page = HOCR_PAGE.search(text)
    if page is None:
        return []
    sx, sy = page_size[0] / float(page.group(3)), page_size[1] / float(page.group(4))
    words = []
    for x0, y0, x1, y1, conf, word in HOCR_WORD.findall(text):
        pixels = (int(x0), int(y0), int(x1), int(y1))
        words.append(HocrWord(pixels, (pixels[0] * sx, pixels[1] * sy, pixels[2] * sx, pixels[3] * sy),
                              html.unescape(TAG.sub("", word)).strip(), float(conf) if conf else None))
    return words


# The characters of a figure two readings must agree on: digits, their separators and a minus
# (one lost in a reading turns a saving into a cost; any dash is one minus). Brackets are left
# out: a sentence's bracket is often read into the word of a figure inside it.
NUMERAL = re.compile(r"[^\d.,-]")
DASH = re.compile(f"[{re.escape(DASHES)}]")


def readings_agree(first: str, second: str) -> bool:
    def numeral(text: str) -> str:
        # a full stop or comma after the last digit ends the sentence, not the number, and a dash
        # there joins the next word ('Headcount 10– 5.6 FTE'): a figure's text leaves them out
        # ('£1200' of 'amount of £1200.') where a reading's word may keep them
        return NUMERAL.sub("", DASH.sub("-", text)).rstrip(".,-")

    return numeral(first) == numeral(second)


# Where OCRmyPDF's text layer puts a word and where Tesseract's hOCR boxed it differ by up to
# half a line on a turned scan (North Hertfordshire's '-378' is 113-120 pt in the layer,
# 117-124 pt in the hOCR): a word of a reading is matched to a figure across (sharing most of
# the narrower's width) and on the nearest line, never by the overlap of the two boxes.
SAME_LINE = 0.3  # of the figure's height: words of one line whose centres differ this little


def words_at(words: Sequence[tuple[Sequence[float], T]], figure: Sequence[float]) -> list[tuple[Sequence[float], T]]:
    """The words of one reading where a figure of the text layer was read: those sharing
    more than half the narrower one's width with it (a word inside a figure, '£0.5m' of
    '£0.5m + £1m', or a figure inside a word, '£0.10M' of '£0.10M)'), on the line nearest
    to it, when that line is less than a line's height away."""
    across = [(box, item) for box, item in words if _shares_width(box, figure)]
    if not across:
        return []
    middle = (figure[1] + figure[3]) / 2
    height = figure[3] - figure[1]
    distance = [abs((box[1] + box[3]) / 2 - middle) for box, _ in across]
    nearest = min(distance)
    if nearest > max(height, max(box[3] - box[1] for box, _ in across)):
        return []
    return [word for word, d in zip(across, distance, strict=True) if d <= nearest + SAME_LINE * height]


def _shares_width(word: Sequence[float], figure: Sequence[float]) -> bool:
    shared = min(word[2], figure[2]) - max(word[0], figure[0])
    narrower = min(word[2] - word[0], figure[2] - figure[0])
    return narrower > 0 and shared > 0.5 * narrower
