"""A page in doubt, decided by what is printed on it: its text layer against an OCR reading
of its image.

A text layer that agrees with what is printed on the page is good, whatever its words are;
one that does not is replaced by OCR (`--ocr auto` reads the page). The reading here is
only a comparison: Tesseract's plain text of the page rendered at COMPARE_DPI, with the
words of both reduced to their letters and digits. The words of a broken encoding are
not the printed ones, so few of them are found in the reading and few of the reading's in
them; of a good layer's, nearly all are found, whatever order the two read the columns in,
or (where Tesseract passed over a column of figures) nearly all the reading's words are in
the layer.
"""
from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from extract.read.ocr_pages import available_languages, engine_installed
from extract.read.pdfium import PageLines
from extract.read.pool import die_with_parent

log = logging.getLogger(__name__)

COMPARE_DPI = 200  # enough for Tesseract to read body text; half the pixels of OCR's own 300
AGREEING_SHARE = 0.6  # of the words of one the other must hold for the two to agree
READ_WORDS_TO_JUDGE = 5  # a reading of fewer words says nothing of the layer
NOT_ALNUM = re.compile(r"[\W_]+")
NOT_DIGIT = re.compile(r"\D+")


def words_of(text: str) -> Counter[str]:
    """The words of a text, lower case, each only its letters and digits ('Fund,' -> 'fund'),
    a number only its digits ('£38,209' -> '38209': OCR reads a '£' as 'f' or 'E' as often as not)."""
    return Counter(word for word in (_key(token) for token in text.split()) if word)


def _key(token: str) -> str:
    return NOT_DIGIT.sub("", token) if any(c.isdigit() for c in token) else NOT_ALNUM.sub("", token.lower())


def agreement(layer: str, reading: str) -> float:
    """The larger of the share of the text layer's words the reading holds too and the share
    of the reading's words the layer holds (0.0 when either has too few words)."""
    ours, read = words_of(layer), words_of(reading)
    total, total_read = sum(ours.values()), sum(read.values())
    if not total or total_read < READ_WORDS_TO_JUDGE:
        return 0.0
    shared = sum((ours & read).values())
    return max(shared / total, shared / total_read)


def layer_agrees(layer: str, reading: str) -> bool:
    return agreement(layer, reading) >= AGREEING_SHARE


def pages_ocr_disagrees_with(document, pages: Sequence[PageLines]) -> list[int]:
    """The pages (of those given: pages in doubt) whose text layer an OCR reading of the page
    image does not bear out. None without the OCR engine: the pages are read as they are."""
    if not engine_installed() or not pages:
        return []
    disagree = []
    with tempfile.TemporaryDirectory(prefix="agenda-extract-doubt-") as scratch:
        for page in pages:
            reading = read_image(document, page.number, Path(scratch))
            if reading is None:  # the engine could not run: read the page as it is
                continue
            share = agreement(page.text, reading)
            log.info("page %d in doubt: its text layer and image agree on %.0f%% of words", page.number, 100 * share)
            if share < AGREEING_SHARE:
                disagree.append(page.number)
    return disagree


def read_image(document, number: int, scratch: Path) -> str | None:
    """Tesseract's plain text of page `number` rendered as an image (None when it cannot run)."""
    page = document[number - 1]
    try:
        image = page.render(scale=COMPARE_DPI / 72, grayscale=True).to_pil()
    finally:
        page.close()
    path = scratch / f"page-{number}.png"
    image.save(path)
    command = ["tesseract", str(path), "stdout", "-l", "+".join(available_languages())]
    try:
        done = subprocess.run(command, capture_output=True, text=True, preexec_fn=die_with_parent, check=False,
                              timeout=300)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None
