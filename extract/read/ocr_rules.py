"""An OCRmyPDF plugin: the page image made ready for Tesseract. Black-and-white scans are
smoothed into greys, and table rules are hidden.

Black and white (1-bit), as office scanners archive, gives Tesseract edges cut to the pixel,
dust specks as solid dots and, when dithered, grey paper as a field of dots: read as it is, a
2017 Appendix A page scanned so lost half its figures and put debris in its headings ('Performing
Arts Service TT _ :'). A page thresholded at the scanner is blurred by EDGE_SMOOTH_INCHES (a pixel
at 300 dpi: its stair-step edges become the greys a scanner's grey setting gives) and enlarged
to READ_DPI when scanned coarser; Tesseract's own threshold reads those greys. A dithered page
(is_dithered: most of its greys printed as lone dots) is descreened: blurred by SMOOTH_INCHES (1.5 pixels at 300 dpi,
wider than the dots of a dithered paper tone and the steps of a thresholded edge, narrower than
a stroke of body text), enlarged to READ_DPI when scanned coarser (Tesseract reads letters best
some 30 pixels high), and made black and white again at INK_SHARE of the way from the paper's
grey to black. Blurred, a field of dots is an even pale grey and a speck a faint smudge, both
above that line; a letter's stroke stays below it. The threshold is set here, from the page's
own paper, not left to Tesseract's: on a blurred dithered page its Otsu threshold let the
paper's texture through as specks and lost figures (bench/bench_ocr.py, dithered at 200 dpi).
A grey or colour page is left as it is.

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
from PIL import Image, ImageFilter

hookimpl = pluggy.HookimplMarker("ocrmypdf")

RULE_INCHES = 0.4  # 29 pt: longer than any stroke of a letter below ~40 pt type
DARK = 128  # grey levels below this are ink
SMOOTH_INCHES = 1.5 / 300  # the blur's radius on a dithered scan: 1.5 pixels at 300 dpi
EDGE_SMOOTH_INCHES = 1 / 300  # on a thresholded scan: a pixel, enough to round its stair-step edges
DITHERED_SHARE = 0.15  # of a 1-bit page's black pixels standing alone, above which its greys are dots
INK_SHARE = 0.35  # of the way from paper to black: a descreened page's pixels darker than this are ink
READ_DPI = 300  # a black-and-white scan scanned coarser is enlarged to this before it is read


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
    if not is_bilevel(image):
        return without_rules(image, dpi, dpi)
    # Smoothed first: a 1-bit rule's stair steps on a turned page leave short runs that the
    # blur would make into strokes; descreened, the rule is one dark band, taken out with its edge.
    if not is_dithered(image):
        # Thresholded at the scanner: no dots to remove, and descreening it cost figures at
        # 200 dpi (bench/bench_ocr.py): its lightly blurred greys go to Tesseract's threshold.
        grey, dpi = smoothed(image, dpi, EDGE_SMOOTH_INCHES)
        return without_rules(grey, dpi, dpi, edge=math.ceil(2 * EDGE_SMOOTH_INCHES * dpi))
    grey, dpi = smoothed(image, dpi, SMOOTH_INCHES)
    edge = math.ceil(2 * SMOOTH_INCHES * dpi)
    _keep_for_second_reading(page, without_rules(grey, dpi, dpi, edge=edge))
    return without_rules(descreened(grey), dpi, dpi, edge=edge)


SECOND_IMAGE = "ocr_second.png"  # beside OCRmyPDF's '000001_ocr.png': what the second reading reads


def _keep_for_second_reading(page, grey: Image.Image) -> None:
    """The blurred greys of a descreened page, for the second reading (read/ocr_pages.py): read
    from the same black and white as the first, it would agree with it on every misread digit;
    its own (Sauvola's) threshold of the greys misreads other digits, so where the two agree
    the figure is confirmed, and where not, read again."""
    get_path = getattr(page, "get_path", None)
    if get_path is not None:
        grey.save(get_path(SECOND_IMAGE))


def is_bilevel(image: Image.Image) -> bool:
    """A black-and-white page: OCRmyPDF hands a page whose scan is 1-bit over as a 1-bit image."""
    return image.mode == "1"


def is_dithered(image: Image.Image) -> bool:
    """A 1-bit page whose greys were printed as dots (dithered), told by its ink: a share above
    DITHERED_SHARE of its black pixels touch no other black pixel (side by side or above and
    below). A page thresholded at the scanner has letters of solid strokes: a speck of dust or a
    stray pixel on an edge is rare (none in the bench's scans; over 0.3 on every dithered one)."""
    black = ~np.asarray(image.convert("1"), dtype=bool)
    count = int(black.sum())
    if count == 0:
        return False
    around = np.pad(black, 1)
    touching = around[:-2, 1:-1] | around[2:, 1:-1] | around[1:-1, :-2] | around[1:-1, 2:]
    return int((black & ~touching).sum()) > DITHERED_SHARE * count


def smoothed(image: Image.Image, dpi: float, radius_inches: float = SMOOTH_INCHES) -> tuple[Image.Image, float]:
    """A black-and-white scan in greys: blurred by radius_inches, enlarged to READ_DPI when
    coarser (an even scale, so the text layer still fits the page: the note of its dpi says
    the new resolution). Returns the image and its resolution; descreened() makes it black
    and white again."""
    info = dict(image.info)
    grey = image.convert("L").filter(ImageFilter.GaussianBlur(max(0.5, radius_inches * dpi)))
    if dpi < READ_DPI * 0.9:
        scale = READ_DPI / dpi
        grey = grey.resize((round(grey.width * scale), round(grey.height * scale)), Image.Resampling.LANCZOS)
        note = info.get("dpi", (dpi, dpi))
        info["dpi"] = (float(note[0]) * scale, float(note[1]) * scale)
        dpi = dpi * scale
    grey.info.update(info)
    return grey, dpi


def descreened(grey: Image.Image) -> Image.Image:
    """A blurred black-and-white page made black and white again, at INK_SHARE of the way from
    its paper (the grey most of the page is: a dithered paper tone blurs to an even grey) to black."""
    pixels = np.asarray(grey)
    paper = float(np.median(pixels))  # most of a page is paper, even a page of tables
    line = paper * (1 - INK_SHARE)
    out = Image.fromarray(np.where(pixels < line, 0, 255).astype(np.uint8))
    out.info.update(grey.info)
    return out


def without_rules(image: Image.Image, dpi_x: float = 300.0, dpi_y: float = 300.0, edge: int = 1) -> Image.Image:
    """The image with long straight lines of ink (and `edge` pixels either side) painted white."""
    mode, info = image.mode, dict(image.info)
    grey = np.asarray(image.convert("L"))
    ink = grey < DARK
    across = _long_runs(ink, max(2, round(RULE_INCHES * dpi_x)))
    down = _long_runs(ink.T, max(2, round(RULE_INCHES * dpi_y))).T
    lines = across | down
    if not lines.any():
        return image
    edges = lines.copy()  # a scanned rule's grey edge would read as a stroke
    for _ in range(edge):
        grown = edges.copy()
        grown[1:, :] |= edges[:-1, :]
        grown[:-1, :] |= edges[1:, :]
        grown[:, 1:] |= edges[:, :-1]
        grown[:, :-1] |= edges[:, 1:]
        edges = grown
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
