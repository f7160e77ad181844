"""A page in doubt, decided by what is printed on it: its text layer against an OCR reading
of its image.

A text layer that agrees with what is printed on the page is good, whatever its words are;
one that does not is replaced by OCR (`--ocr auto` reads the page). The reading here is
only a comparison: Tesseract's plain text of the page rendered at COMPARE_DPI, with the
words of both reduced to their letters and digits. The words of a broken encoding are
not the printed ones, so few of them are found in the reading; a good layer's are nearly
all found, whatever order the two read the columns in.
"""
from __future__ import annotations

import logging
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from extract.read.pdfium import PageLines
from extract.read.pool import die_with_parent

log = logging.getLogger(__name__)

COMPARE_DPI = 200  # enough for Tesseract to read body text; half the pixels of OCR's own 300
AGREEING_SHARE = 0.6  # of the text layer's words the reading must hold for the two to agree
NOT_ALNUM = re.compile(r"[\W_]+")


def words_of(text: str) -> Counter[str]:
    """The words of a text, lower case, each only its letters and digits ('£38,209' -> '38209')."""
    return Counter(word for word in (NOT_ALNUM.sub("", token.lower()) for token in text.split()) if word)


def agreement(layer: str, reading: str) -> float:
    """Share of the text layer's words that the reading of the image holds too (0.0 for no words)."""
    ours = words_of(layer)
    total = sum(ours.values())
    if not total:
        return 0.0
    return sum((ours & words_of(reading)).values()) / total


def layer_agrees(layer: str, reading: str) -> bool:
    return agreement(layer, reading) >= AGREEING_SHARE


def pages_ocr_disagrees_with(document, pages: Sequence[PageLines]) -> list[int]:
    """The pages (of those given: pages in doubt) whose text layer an OCR reading of the page
    image does not bear out. None without the OCR engine: the pages are read as they are."""
    from extract.read.ocr import engine_installed

    if not engine_installed() or not pages:
        return []
    disagree = []
    with tempfile.TemporaryDirectory(prefix="agenda-extract-doubt-") as scratch:
        for page in pages:
            reading = read_image(document, page.number, Path(scratch))
            if reading is None:  # the engine could not run: read the page as it is
                continue
            share = agreement(page.text, reading)
            log.info("page %d in doubt: %.0f%% of its text layer's words read on its image", page.number, 100 * share)
            if share < AGREEING_SHARE:
                disagree.append(page.number)
    return disagree


def read_image(document, number: int, scratch: Path) -> str | None:
    """Tesseract's plain text of page `number` rendered as an image (None when it cannot run)."""
    from extract.read.ocr import available_languages

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
