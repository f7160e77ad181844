"""An OCRmyPDF plugin: table rules hidden from Tesseract.

Council papers set figures in ruled tables, and a cell's border printed a few pixels from
a figure is read as part of it: the 2017 pack's 'FTE 13.03' beside a rule came back as
'ETE 13.08', a wrong figure. Before each page goes to Tesseract, every straight run of dark
pixels longer than RULE_INCHES, across or down, is painted white: no letter of body text is
that long, every table rule and underline is. Only the picture Tesseract reads changes;
the page in the output PDF keeps its rules (OCRmyPDF's filter_ocr_image hook).

Loaded by OCRmyPDF in its own process (read/ocr.py passes this file with --plugin); it
imports pluggy's marker, never OCRmyPDF, so importing it elsewhere patches nothing.
"""
from __future__ import annotations

import math

import numpy as np
import pluggy
from PIL import Image

hookimpl = pluggy.HookimplMarker("ocrmypdf")

RULE_INCHES = 0.4  # 29 pt: longer than any stroke of a letter below ~40 pt type
DARK = 128  # grey levels below this are ink


@hookimpl
def filter_ocr_image(page, image: Image.Image) -> Image.Image:
    # The resolution from the page's size in inches: an image's own dpi note may be missing
    # or wrong (72), and a rule length in pixels from it would wipe out the strokes of letters.
    # From areas, so a page turned a quarter (its image wider than the page) gives the same.
    try:
        dpi = math.sqrt(image.width * image.height
                        / (float(page.pageinfo.width_inches) * float(page.pageinfo.height_inches)))
    except (AttributeError, TypeError, ValueError, ZeroDivisionError):
        return image  # no way to tell how long a rule is: the page is read as it is
    return without_rules(image, dpi, dpi)


def without_rules(image: Image.Image, dpi_x: float = 300.0, dpi_y: float = 300.0) -> Image.Image:
    """The image with long straight lines of ink (and the pixel either side) painted white."""
    mode, info = image.mode, dict(image.info)
    grey = np.asarray(image.convert("L"))
    ink = grey < DARK
    across = _long_runs(ink, max(2, round(RULE_INCHES * dpi_x)))
    down = _long_runs(ink.T, max(2, round(RULE_INCHES * dpi_y))).T
    lines = across | down
    if not lines.any():
        return image
    edges = lines.copy()  # a scanned rule's grey edge would read as a stroke
    edges[1:, :] |= lines[:-1, :]
    edges[:-1, :] |= lines[1:, :]
    edges[:, 1:] |= lines[:, :-1]
    edges[:, :-1] |= lines[:, 1:]
    cleaned = grey.copy()
    cleaned[edges] = 255
    out = Image.fromarray(cleaned)
    if mode == "1":
        out = out.convert("1")
    out.info.update(info)
    return out


def _long_runs(ink: np.ndarray, length: int) -> np.ndarray:
    """The pixels of each row that lie in a run of at least `length` ink pixels."""
    height, width = ink.shape
    if width < length:
        return np.zeros_like(ink)
    sums = np.zeros((height, width + 1), dtype=np.int32)
    np.cumsum(ink, axis=1, out=sums[:, 1:])
    starts = (sums[:, length:] - sums[:, :-length]) == length  # a full run begins at column i
    # a pixel lies in a run when one begins within `length` pixels before it (or at it)
    padded = np.pad(starts, ((0, 0), (length - 1, length - 1)))
    begun = np.zeros((height, padded.shape[1] + 1), dtype=np.int32)
    np.cumsum(padded, axis=1, out=begun[:, 1:])
    return (begun[:, length:length + width] - begun[:, :width]) > 0
