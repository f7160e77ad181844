"""Page crops for the review page: which part of which page to show, rendered from the PDF
once per page, with the figures in question outlined and numbered.

A crop is the printed column across the page (so a figure's row label stays in view) and,
down the page, the figures plus a margin for their column heading. Figures far apart on one
page get separate crops rather than one crop of the whole page: that keeps the HTML small.
"""
from __future__ import annotations

import base64
import io
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.errors import PackError
from extract.models import BBox, Figure

log = logging.getLogger(__name__)

RESOLUTION = 110  # dpi: 11 pt text is 17 px high, readable, and a crop of a card row is ~20 KB
MARGIN_Y = 30.0  # points above and below the figures: room for the column heading and the number tag
MARGIN_X = 8.0  # points either side of the printed column
SNAP_REACH = 14.0  # points an edge may move to avoid cutting a printed line in half
BLANK_LEVEL = 200  # pixels darker than this are print; a row with only table rules is a gap
SPLIT_GAP = 120.0  # figures further apart than this down one page get separate crops
PALETTE_COLOURS = 24  # text pages need few colours; a palette PNG keeps them sharp and small
PHOTO_COLOURS = 2048  # a page rendered with more distinct colours than this holds a photograph
JPEG_QUALITY = 72  # for pages with photographs, where a palette PNG would be larger and blotchy
MAX_PAGE_PIXELS = 24_000_000  # a page larger than this at RESOLUTION (A0 is 19 MP) is never rendered whole:
MAX_CROP_PIXELS = 4_000_000  # each of its crops is rendered alone, at most this many pixels

MARK_COLOUR = (200, 0, 110)  # magenta: stands out on black text and on most table shading
TAG_TEXT_COLOUR = (255, 255, 255)
PAPER = (255, 255, 255)


@dataclass(frozen=True)
class Mark:
    """A figure to outline on a crop, with the number its tag shows and what it is."""

    number: int
    figure: Figure
    note: str = ""  # e.g. "current budget, Performing Arts Service card"


@dataclass(frozen=True)
class CropRequest:
    """Show these marks (all on one page); `anchor` prefixes the ids of the crops made."""

    anchor: str
    page: int
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Crop:
    id: str
    page: int
    box: BBox  # the region shown, in PDF points
    marks: tuple[Mark, ...]
    src: str  # data URI
    width: int
    height: int


@dataclass(frozen=True)
class PageGeometry:
    origin: tuple[float, float]  # pdfplumber's page.bbox corner: figure boxes are in its frame
    width: float
    height: float
    content: BBox  # where anything is printed, in points


@dataclass(frozen=True)
class RenderedPage:
    image: Any  # PIL RGB image of the whole page
    geometry: PageGeometry
    palette: object  # PIL "P" image holding the page's colours and the mark colours; None for photographs


def union(a: BBox, b: BBox) -> BBox:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def cluster_marks(marks: Sequence[Mark], gap: float = SPLIT_GAP) -> list[tuple[BBox, tuple[Mark, ...]]]:
    """Group marks down the page: a new group starts where the next figure is more than `gap`
    below the previous group. Returns each group's bounding box and marks."""
    groups: list[tuple[BBox, tuple[Mark, ...]]] = []
    for mark in sorted(marks, key=lambda m: (m.figure.bbox[1], m.figure.bbox[0])):
        box: BBox = mark.figure.bbox
        if groups and box[1] - groups[-1][0][3] <= gap:
            previous_box, previous_marks = groups[-1]
            groups[-1] = (union(previous_box, box), previous_marks + (mark,))
        else:
            groups.append((box, (mark,)))
    return groups


def region_around(cluster: BBox, page: PageGeometry) -> BBox:
    """The printed column across, the cluster plus a margin down; never outside the page."""
    ox, oy = page.origin
    x0 = min(cluster[0], page.content[0]) - MARGIN_X
    x1 = max(cluster[2], page.content[2]) + MARGIN_X
    top, bottom = cluster[1] - MARGIN_Y, cluster[3] + MARGIN_Y
    return (max(x0, ox), max(top, oy), min(x1, ox + page.width), min(bottom, oy + page.height))


def plan_regions(marks: Sequence[Mark], page: PageGeometry) -> list[tuple[BBox, tuple[Mark, ...]]]:
    return [(region_around(box, page), group) for box, group in cluster_marks(marks)]


class PageRenderer:
    """Renders pages of one PDF with pdfplumber, each at most once, and closes each page after."""

    def __init__(self, pdf_path: Path, resolution: int = RESOLUTION):
        import pdfplumber

        self.path = Path(pdf_path)
        self.resolution = resolution
        try:
            self._pdf = pdfplumber.open(self.path)
            self.page_count = len(self._pdf.pages)
        except Exception as exc:  # pdfminer raises many types for a file it cannot read
            raise PackError(str(pdf_path), f"cannot render pages for the review ({type(exc).__name__})") from exc

    def __enter__(self) -> PageRenderer:
        return self

    def __exit__(self, *exc_info) -> None:
        self._pdf.close()

    def oversized(self, number: int) -> bool:
        page = self._pdf.pages[number - 1]
        try:
            pixels = float(page.width) * float(page.height) * (self.resolution / 72) ** 2
        finally:
            page.close()
        return pixels > MAX_PAGE_PIXELS

    def render_region(self, number: int, region: BBox) -> tuple[RenderedPage, float]:
        """Only `region` of the page, at RESOLUTION or lower so that it stays under
        MAX_CROP_PIXELS; the image's frame (origin, resolution) is the region's."""
        import pypdfium2

        page = self._pdf.pages[number - 1]
        try:
            ox, oy, width, height = float(page.bbox[0]), float(page.bbox[1]), float(page.width), float(page.height)
        finally:
            page.close()
        area = max(1.0, (region[2] - region[0]) * (region[3] - region[1]))
        resolution = min(float(self.resolution), 72 * (MAX_CROP_PIXELS / area) ** 0.5)
        document = pypdfium2.PdfDocument(str(self.path))
        try:
            crop = (region[0] - ox, oy + height - region[3], ox + width - region[2], region[1] - oy)
            bitmap = document[number - 1].render(scale=resolution / 72, crop=tuple(max(0.0, c) for c in crop),
                                                 prefer_bgrx=True)
            image = bitmap.to_pil().convert("RGB")
        finally:
            document.close()
        geometry = PageGeometry((region[0], region[1]), region[2] - region[0], region[3] - region[1], region)
        return RenderedPage(image, geometry, page_palette(image)), resolution

    def render(self, number: int) -> RenderedPage:
        """The page as an RGB image, its geometry (content box found from the pixels) and the
        palette its crops are encoded with, chosen once for the whole page."""
        page = self._pdf.pages[number - 1]
        try:
            image = page.to_image(resolution=self.resolution, antialias=True).original.convert("RGB")
            x0, top = float(page.bbox[0]), float(page.bbox[1])
            geometry = PageGeometry((x0, top), float(page.width), float(page.height),
                                    self._content_box(image, (x0, top)))
        finally:
            page.close()  # frees pdfplumber's parsed objects for the page
        return RenderedPage(image, geometry, page_palette(image))

    def _content_box(self, image, origin: tuple[float, float]) -> BBox:
        from PIL import Image, ImageChops

        ink = ImageChops.difference(image, Image.new("RGB", image.size, PAPER)).getbbox()
        scale = self.resolution / 72
        if ink is None:  # a blank page: show it whole
            ink = (0, 0, image.width, image.height)
        return (origin[0] + ink[0] / scale, origin[1] + ink[1] / scale,
                origin[0] + ink[2] / scale, origin[1] + ink[3] / scale)


@dataclass
class CropSet:
    crops: dict[str, list[Crop]]  # by request anchor
    unshown: dict[int, str]  # page number -> why it could not be shown


def render_crops(pdf_path: Path, requests: Iterable[CropRequest], resolution: int = RESOLUTION) -> CropSet:
    """Every request's crops, keyed by its anchor. Pages are rendered in page order, once each,
    and dropped when done. A page the PDF lacks, or one pdfium cannot draw, gets no crops and
    a reason instead: one bad page should not cost the reader the rest of the review."""
    by_page: dict[int, list[CropRequest]] = {}
    for request in requests:
        by_page.setdefault(request.page, []).append(request)
    result = CropSet({}, {})
    encoded: dict[tuple, tuple] = {}  # identical (page, region, marks) share one image
    with PageRenderer(pdf_path, resolution) as renderer:
        for number in sorted(by_page):
            rendered = None
            if not 1 <= number <= renderer.page_count:
                result.unshown[number] = f"this PDF has {renderer.page_count} pages"
            else:
                try:
                    if renderer.oversized(number):  # each crop alone, bounded, never the whole page
                        for request in by_page[number]:
                            result.crops[request.anchor] = list(_region_crops(renderer, request, encoded))
                        continue
                    rendered = renderer.render(number)
                except Exception as exc:  # pdfium and pdfminer raise many types for a damaged page
                    log.warning("%s: page %d could not be rendered: %s", pdf_path, number, exc)
                    result.unshown[number] = f"it could not be rendered ({type(exc).__name__})"
            for request in by_page[number]:
                result.crops[request.anchor] = (
                    list(_crops_for(request, rendered, resolution, encoded)) if rendered else [])
    return result


def _crops_for(request: CropRequest, rendered: RenderedPage, resolution: int, encoded: dict) -> Iterator[Crop]:
    page = rendered.geometry
    for index, (region, marks) in enumerate(plan_regions(request.marks, page), start=1):
        region = snap_to_blank_rows(rendered.image, page, region, resolution)
        key = (request.page, tuple(round(v, 1) for v in region),
               tuple((m.number, tuple(m.figure.bbox)) for m in marks))
        if key not in encoded:
            encoded[key] = _annotated_image(rendered, region, marks, resolution)
        src, (width, height) = encoded[key]
        in_order = tuple(sorted(marks, key=lambda m: m.number))  # the legend lists them by number
        yield Crop(f"{request.anchor}-{index}", request.page, region, in_order, src, width, height)


def _region_crops(renderer: PageRenderer, request: CropRequest, encoded: dict) -> Iterator[Crop]:
    """Crops of an oversized page: the figures' own width (not the printed column, which may
    be the whole page) plus the margins, each rendered alone."""
    xs = [m.figure.bbox[0] for m in request.marks], [m.figure.bbox[2] for m in request.marks]
    page = renderer._pdf.pages[request.page - 1]
    try:
        whole = PageGeometry((float(page.bbox[0]), float(page.bbox[1])), float(page.width), float(page.height),
                             (min(xs[0]), float(page.bbox[1]), max(xs[1]), float(page.bbox[3])))
    finally:
        page.close()
    for index, (region, marks) in enumerate(plan_regions(request.marks, whole), start=1):
        key = (request.page, tuple(round(v, 1) for v in region),
               tuple((m.number, tuple(m.figure.bbox)) for m in marks))
        if key not in encoded:
            rendered, resolution = renderer.render_region(request.page, region)
            encoded[key] = _annotated_image(rendered, region, marks, resolution)
        src, (width, height) = encoded[key]
        in_order = tuple(sorted(marks, key=lambda m: m.number))
        yield Crop(f"{request.anchor}-{index}", request.page, region, in_order, src, width, height)


def snap_to_blank_rows(image, page: PageGeometry, region: BBox, resolution: int) -> BBox:
    """Move the top and bottom edges out to the nearest gap between printed lines (up to
    SNAP_REACH) so that no line is cut in half. A gap may be crossed by vertical table rules."""
    left, top, right, bottom = _to_pixels(region, page, resolution)
    reach = round(SNAP_REACH * resolution / 72)
    strip = image.crop((left, 0, right, image.height)).convert("L")

    allowance = max(8, strip.width // 50)  # the pixels of vertical table rules crossing the row

    def blank(y: int) -> bool:
        return sum(strip.crop((0, y, strip.width, y + 1)).histogram()[:BLANK_LEVEL]) <= allowance

    new_top = next((y for y in range(top, max(top - reach, 0) - 1, -1) if blank(y)), top)
    new_bottom = next((y for y in range(bottom, min(bottom + reach, image.height - 1) + 1) if blank(y)), bottom)
    scale = resolution / 72
    return (region[0], page.origin[1] + new_top / scale, region[2], page.origin[1] + (new_bottom + 1) / scale)


def _to_pixels(box: BBox, page: PageGeometry, resolution: float) -> tuple[int, int, int, int]:
    scale = resolution / 72
    ox, oy = page.origin
    return (round((box[0] - ox) * scale), round((box[1] - oy) * scale),
            round((box[2] - ox) * scale), round((box[3] - oy) * scale))


def _annotated_image(rendered: RenderedPage, region: BBox, marks: Sequence[Mark],
                     resolution: float) -> tuple[str, tuple[int, int]]:
    """The crop with its marks drawn, as a data URI, and its size in pixels."""
    page = rendered.geometry
    left, top, right, bottom = _to_pixels(region, page, resolution)
    crop = rendered.image.crop((left, top, right, bottom))
    draw_marks(crop, [(m.number, _to_pixels(m.figure.bbox, page, resolution)) for m in marks], (left, top),
               round(resolution))
    mime, data = encode(crop, rendered.palette)
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}", crop.size


def draw_marks(crop, marks: Sequence[tuple[int, tuple[int, int, int, int]]], offset: tuple[int, int],
               resolution: int) -> None:
    """Outline each figure and flag it with its number, where the flag hides least print."""
    from PIL import ImageDraw, ImageFont

    plain = crop.convert("L")  # read before drawing: where the page is blank
    draw = ImageDraw.Draw(crop)
    pad = line = max(2, resolution // 50)
    font = ImageFont.load_default(size=max(10, round(resolution / 8)))
    boxes = [(x0 - offset[0] - pad, top - offset[1] - pad, x1 - offset[0] + pad, bottom - offset[1] + pad)
             for _, (x0, top, x1, bottom) in marks]
    taken: list[tuple[int, int, int, int]] = list(boxes)
    for (number, _), box in zip(marks, boxes, strict=True):
        draw.rectangle(box, outline=MARK_COLOUR, width=line)
        label = str(number)
        text_box = draw.textbbox((0, 0), label, font=font)
        size = (round(text_box[2] - text_box[0] + 6), round(text_box[3] - text_box[1] + 4))
        tag = quietest_tag_place(plain, box, size, taken)
        taken.append(tag)
        draw.rectangle(tag, fill=MARK_COLOUR)
        draw.text((tag[0] + 3 - text_box[0], tag[1] + 2 - text_box[1]), label, fill=TAG_TEXT_COLOUR, font=font)


def quietest_tag_place(plain, box, size: tuple[int, int], taken) -> tuple[int, int, int, int]:
    """Of the places beside the outline (above left first), the one over the least ink and
    clear of other outlines and tags, so the tag hides no printed character it can avoid."""
    from PIL import ImageStat

    x0, top, x1, bottom = box
    w, h = size
    candidates = [(x0, top - h), (x1 - w, top - h), (x0 - w, top), (x1, top), (x0, bottom), (x1 - w, bottom)]

    def cost(place):
        rect = (place[0], place[1], place[0] + w, place[1] + h)
        if rect[0] < 0 or rect[1] < 0 or rect[2] > plain.width or rect[3] > plain.height:
            return float("inf")
        ink = 255 - ImageStat.Stat(plain.crop(rect)).mean[0]
        clash = sum(1 for other in taken if _overlaps(rect, other))
        return ink + 1000 * clash

    best = min(candidates, key=cost)  # min keeps the earliest of equals: above left
    if cost(best) == float("inf"):
        best = (max(0, min(x0, plain.width - w)), max(0, min(top, plain.height - h)))
    return (best[0], best[1], best[0] + w, best[1] + h)


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def page_palette(image):
    """The page's colours (few, for a page of text) plus the mark colours, or None when the
    page holds a photograph and its crops are better as JPEG."""
    from PIL import Image

    if image.getcolors(maxcolors=PHOTO_COLOURS) is None:
        return None
    source = image.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    colours = source.getpalette()[: PALETTE_COLOURS * 3] + list(MARK_COLOUR) + list(TAG_TEXT_COLOUR)
    palette = Image.new("P", (1, 1))
    palette.putpalette(colours + colours[:3] * (256 - len(colours) // 3))  # pad with the first colour
    return palette


def encode(annotated, palette) -> tuple[str, bytes]:
    """A palette PNG for a page of text (sharp and small), a JPEG for a photograph."""
    from PIL import Image

    data = io.BytesIO()
    if palette is None:
        annotated.save(data, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        return "image/jpeg", data.getvalue()
    indexed = annotated.quantize(palette=palette, dither=Image.Dither.NONE)
    indexed.save(data, format="PNG", compress_level=7)
    return "image/png", data.getvalue()
