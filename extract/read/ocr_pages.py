"""Each OCR'd page read again: Tesseract's second reading of the page image OCRmyPDF gave
it, and the words the readings disagree on settled (read/ocr_settle.py), in the page's points.

Pages are read in parallel, one Tesseract at a time for each core the pack is given (--jobs).
"""
from __future__ import annotations

import functools
import importlib.util
import os
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from extract.read.ocr_words import HocrWord, hocr_words
from extract.read.pool import die_with_parent
from extract.read.text import BBox

if TYPE_CHECKING:
    from PIL.Image import Image as PilImage

    from extract.read.ocr_settle import Fix

LANGUAGES = ("eng", "cym")  # English and Welsh: UK councils print both


def engine_installed() -> bool:
    """OCRmyPDF importable and Tesseract on PATH."""
    # Found, not imported: importing OCRmyPDF patches pdfminer for the whole process.
    return importlib.util.find_spec("ocrmypdf") is not None and shutil.which("tesseract") is not None


@functools.lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """English and Welsh where Tesseract has both; English alone otherwise (asked of Tesseract
    once a process: every reading of every page needs it)."""
    try:
        listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return LANGUAGES[:1]
    have = {line.strip() for line in listed.splitlines()}
    return tuple(lang for lang in LANGUAGES if lang in have) or LANGUAGES[:1]


def _one_thread() -> dict[str, str]:
    """Tesseract on one thread: the pages are what is read side by side (--jobs), as OCRmyPDF
    does; its own threads on top would only fight over the cores."""
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


def pages_read(work: Path, pages: Sequence[int], copy: Path,
               jobs: int = 1) -> dict[int, tuple[list[HocrWord], list[HocrWord], list[Fix]]]:
    """page_readings of each page, `jobs` pages at a time (each reading is a Tesseract
    process: threads here only wait for them). The page sizes are read first, here: pdfium
    is not to be called from two threads at once."""
    sizes = _page_sizes(copy, pages)  # one page size for both readings and the fixes
    if jobs <= 1 or len(pages) <= 1:
        return {number: page_readings(work, number, sizes[number]) for number in pages}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(jobs, len(pages))) as pool:
        read = list(pool.map(lambda number: page_readings(work, number, sizes[number]), pages))
    return dict(zip(pages, read, strict=True))


def page_readings(work: Path, number: int,
                  size: tuple[float, float]) -> tuple[list[HocrWord], list[HocrWord], list[Fix]]:
    """The first reading of one OCR'd page (of `size` in points), the other readings' word at
    each place and the fixes to the text layer, as read/ocr_settle.py settles them (boxes in points)."""
    first = hocr_words(work / f"{number:06d}_ocr_hocr.hocr", size)
    second = _second_reading(work, number, size)
    image = _second_image(work, number)  # the greys, where a descreened page kept them
    if not first or image is None:
        return first, second, []
    import numpy as np  # only when a page was OCR'd: numpy and PIL cost start-up time
    from PIL import Image

    from extract.read.ocr_settle import Fix, settle

    grey = np.asarray(Image.open(image).convert("L"))
    first_image = work / f"{number:06d}_ocr.png"
    seen = np.asarray(Image.open(first_image).convert("L")) if image != first_image and first_image.exists() else None
    sx, sy = size[0] / grey.shape[1], size[1] / grey.shape[0]

    def points(box: Sequence[float]) -> BBox:
        return (box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy)

    settled = settle(grey, first, second, lambda crops: _read_lines(crops, work / f"{number:06d}_third"),
                     seen)
    fixes = [Fix(points(f.box), f.read, f.text, points(f.minus) if f.minus else None,
                 points(f.printed) if f.printed else None) for f in settled.fixes]
    return first, settled.others, fixes


def _read_lines(images: Sequence[PilImage], base: Path) -> list[str]:
    """Tesseract's text of each image, read as a single line, in one run for all of them
    ('' for each when it cannot run)."""
    base.mkdir(exist_ok=True)
    names = []
    for n, image in enumerate(images):
        names.append(str(base / f"{n:05d}.png"))
        image.save(names[-1])
    listing = base / "images.txt"
    listing.write_text("\n".join(names) + "\n", encoding="utf-8")
    command = ["tesseract", str(listing), str(base / "read"), "--psm", "7",
               "-l", "+".join(available_languages()), "txt"]
    try:
        subprocess.run(command, capture_output=True, preexec_fn=die_with_parent, check=False, timeout=600,
                       env=_one_thread())
        text = (base / "read.txt").read_text(encoding="utf-8", errors="replace")
    except (OSError, subprocess.SubprocessError):
        return [""] * len(images)
    lines = [page.strip() for page in text.split("\f")]
    return (lines + [""] * len(images))[:len(images)]


# Tesseract reads each OCR'd page a second time with another binarisation (Sauvola's local
# threshold instead of Otsu's global one): a digit misread in one reading is seldom misread
# the same way in the other (the 2017 pack's '9.5 FTE' read '9.9 FEE' once; Kent's '215.8'
# read '219.6' once and right the other time). A word whose digits the two readings do not
# agree on is read again on its own (read/ocr_settle.py); one no two readings agree on is kept
# without a value (mark_ocr_figures): a missing figure beats a wrong one.
SECOND_READING = ("-c", "thresholding_method=2")


def _second_image(work: Path, number: int) -> Path | None:
    """The page image the second and later readings read: the one OCRmyPDF gave Tesseract or,
    for a black-and-white scan made black and white again (descreened), its greys (ocr_rules.py).
    Read from the first reading's black and white, every later reading would see what it saw:
    the 2017 pack's '-63.00', dithered at 200 dpi, was read '9300' by the third and fourth alike."""
    from extract.read.ocr_rules import SECOND_IMAGE  # here: the plugin imports numpy and PIL

    for name in (SECOND_IMAGE, "ocr.png"):
        if (image := work / f"{number:06d}_{name}").exists():
            return image
    return None


def _second_reading(work: Path, number: int, page_size: tuple[float, float]) -> list[HocrWord]:
    """Tesseract's words of one page read again (_second_image)."""
    image = _second_image(work, number)
    if image is None:
        return []
    base = work / f"{number:06d}_second"
    command = ["tesseract", str(image), str(base), "-l", "+".join(available_languages()), *SECOND_READING, "hocr"]
    try:
        subprocess.run(command, capture_output=True, preexec_fn=die_with_parent, check=False, timeout=600,
                       env=_one_thread())
    except (OSError, subprocess.SubprocessError):
        return []
    return hocr_words(base.with_suffix(".hocr"), page_size)


def _page_sizes(path: Path, numbers: Sequence[int]) -> dict[int, tuple[float, float]]:
    import pypdfium2 as pdfium

    sizes = {}
    document = pdfium.PdfDocument(str(path))
    try:
        for number in numbers:
            width, height = document[number - 1].get_size()
            sizes[number] = (float(width), float(height))
    finally:
        document.close()
    return sizes
