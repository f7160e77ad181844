"""OCR for scanned pages: OCRmyPDF over Tesseract, into a temporary copy.

A scanned page holds a picture of text and no text at all, so the readers find nothing on
it. OCRmyPDF rasterises the chosen pages, has Tesseract read them and writes a copy of the
PDF whose chosen pages carry an invisible text layer with each word where it is printed;
the other pages are copied as they are. The pipeline then reads that copy as it reads any
PDF. The input file is never modified; the copy and OCRmyPDF's working files live in one
temporary folder that is removed when the pack has been read.

OCRmyPDF's text layer carries no confidences, so each word's confidence (Tesseract's 0-100)
comes from the hOCR files Tesseract wrote for the same pages in the same run, matched to
figures by position. Each page is read a second time, and the words the readings disagree on
are settled by reading them again on their own (read/ocr_settle.py); minus signs Tesseract
lost are found in the page image (read/ocr_minus.py). The text layer's words take what the
readings settle (at_printed_size).

Modes: 'never' reads the PDF as it is; 'auto' OCRs only the pages a detector says have no
usable text (by default: pages holding an image and not one character), never a page that
has text; 'always' OCRs every page, replacing any text layer with what OCR reads.
"""
from __future__ import annotations

import contextlib
import functools
import html
import importlib.util
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from extract.errors import OcrFailed, OcrUnavailable
from extract.read.pdfium import PageLines
from extract.read.pool import die_with_parent
from extract.read.quality import pages_needing_ocr
from extract.read.text import BBox, PageText, Row, Word

if TYPE_CHECKING:
    from PIL.Image import Image as PilImage

    from extract.read.ocr_minus import PixelBox
    from extract.read.ocr_settle import Fix

OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "always", "never")
LANGUAGES = ("eng", "cym")  # English and Welsh: UK councils print both
INSTALL_HINT = ("install the OCR engine: pip install 'agenda-extract[ocr]' and Tesseract "
                "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-cym)")
SHORT_INSTALL_HINT = "pip install 'agenda-extract[ocr]' and apt-get install tesseract-ocr"
# One word box: [x0, top, x1, bottom] in PDF points (as Figure.bbox) and Tesseract's confidence.
WordBox = tuple[tuple[float, float, float, float], float]
ReadWord = tuple[tuple[float, float, float, float], str]  # a word's box in points and its text
# Which pages need OCR, given the open pdfium document and the fast pass's lines of every page.
PageDetector = Callable[[object, Sequence[PageLines]], Sequence[int]]

T = TypeVar("T")
log = logging.getLogger(__name__)
RULES_PLUGIN = Path(__file__).with_name("ocr_rules.py")  # loaded by OCRmyPDF in its own process


@dataclass(frozen=True)
class OcrResult:
    """What to read: the original file (no OCR) or the OCR'd copy, and what OCR read."""

    path: Path
    pages: tuple[int, ...] = ()  # 1-based pages read by OCR
    words: dict[int, list[WordBox]] = field(default_factory=dict)  # page -> word boxes
    second: dict[int, list[ReadWord]] = field(default_factory=dict)  # page -> the second reading's words
    fixes: dict[int, list[Fix]] = field(default_factory=dict)  # page -> text-layer words the readings settled
    failed: tuple[int, ...] = ()  # pages OCR was asked for and could not read (left blank)
    failure: str | None = None  # why OCR failed, when it did

    def read_again(self, page: int, bbox: Sequence[float]) -> str | None:
        """What the second reading printed where a figure was read (None: nothing there, or
        no second reading): its words sharing most of their box or the figure's, left to right
        (a word running past the figure counts: '£1.3m' read again where '£1' was read first)."""
        inside = sorted(words_at(self.second.get(page, []), bbox))
        return " ".join(text for _, text in inside) if inside else None

    def as_printed(self, page: PageText) -> PageText:
        """A page as the pipeline reads it: an OCR'd one at_printed_size, any other as it is."""
        if page.number not in self.pages:
            return page
        return at_printed_size(page, self.fixes.get(page.number, ()))

    def confidence(self, page: int, bbox: Sequence[float]) -> float | None:
        """The lowest confidence of the OCR words inside bbox: a figure is as sure as its least sure part."""
        inside = [conf for _, conf in words_at(self.words.get(page, []), bbox)]
        return min(inside) if inside else None


def engine_installed() -> bool:
    """OCRmyPDF importable and Tesseract on PATH."""
    # Found, not imported: importing OCRmyPDF patches pdfminer for the whole process.
    return importlib.util.find_spec("ocrmypdf") is not None and shutil.which("tesseract") is not None


def default_mode() -> OcrMode:
    return "auto" if engine_installed() else "never"


def pages_to_ocr(mode: OcrMode, document, lines: Sequence[PageLines],
                 detector: PageDetector = pages_needing_ocr) -> list[int]:
    if mode == "never":
        return []
    if mode == "always":
        return [page.number for page in lines if page.readable]
    return sorted(detector(document, lines))


@contextlib.contextmanager
def ocr_copy(path: Path, pages: Sequence[int], keep_text_on_failure: bool = False) -> Iterator[OcrResult]:
    """The PDF to read: `path` itself when no page needs OCR, else an OCR'd copy in a
    temporary folder that is removed when the block ends.

    When OCR fails and `keep_text_on_failure` (the pack has pages of text besides the
    scans), the original is read: its scanned pages stay blank and the result says which
    and why, so the text pages are not lost with them. Otherwise the failure is raised."""
    if not pages:
        yield OcrResult(Path(path))
        return
    if not engine_installed():
        raise OcrUnavailable(str(path), f"{len(pages)} page(s) are scanned images with no text; {INSTALL_HINT}")
    with tempfile.TemporaryDirectory(prefix=_scratch_prefix(os.getpid())) as scratch:
        copy = Path(scratch) / "ocr.pdf"
        try:
            work = _run_ocrmypdf(Path(path), copy, pages, Path(scratch))
        except OcrFailed as exc:
            if not keep_text_on_failure:
                raise
            log.warning("%s: %s; its %d scanned page(s) are left blank", path, exc.reason, len(pages))
            yield OcrResult(Path(path), failed=tuple(pages), failure=exc.reason)
            return
        readings = {number: _page_readings(work, number, copy) for number in pages}
        yield OcrResult(copy, tuple(pages),
                        words={n: [(w.box, w.confidence) for w in first if w.confidence is not None]
                               for n, (first, _, _) in readings.items()},
                        second={n: [(w.box, w.text) for w in again] for n, (_, again, _) in readings.items()},
                        fixes={n: fixes for n, (_, _, fixes) in readings.items()})


def _scratch_prefix(pid: int) -> str:
    return f"agenda-extract-ocr-{pid}-"


def remove_scratch_of(pid: int | None) -> None:
    """The OCR folder of a process killed before it could remove it (at --timeout or
    --max-memory): its page images would otherwise stay in the temporary folder."""
    if pid is None:
        return
    for folder in Path(tempfile.gettempdir()).glob(_scratch_prefix(pid) + "*"):
        shutil.rmtree(folder, ignore_errors=True)


def _run_ocrmypdf(source: Path, target: Path, pages: Sequence[int], scratch: Path) -> Path:
    """OCR `pages` of source into target; returns OCRmyPDF's working folder (hOCR inside).

    OCRmyPDF runs in a process of its own: importing it patches pdfminer (its PDF analysis
    changes how pdfminer decodes some fonts), which would change what pdfplumber reads for
    every pack after it in this process. Its working folder goes inside ours (TMPDIR), and it
    ends with this process (a limited child killed at --timeout takes it along)."""
    command = [
        sys.executable, "-m", "ocrmypdf", "--quiet",
        "--pages", ",".join(str(n) for n in pages),
        "--force-ocr",  # only the chosen pages; a garbled text layer is replaced, not kept
        "--language", "+".join(available_languages()),
        "--deskew",  # a crooked sheet's rows must come out level, or table rows split
        "--plugin", str(RULES_PLUGIN),  # table rules hidden from Tesseract: read as strokes of figures
        # Tesseract's default (Otsu) threshold: Sauvola's read fewer digits wrong as missing
        # but more as wrong figures ('604 FTE' for 6.04 FTE at 300 dpi, bench/bench_ocr.py)
        "--output-type", "pdf",  # no PDF/A conversion: no Ghostscript, pages copied as they are
        "--optimize", "0",
        "--jobs", "1",  # batch runs one pack per process already
        "--keep-temporary-files",  # the hOCR files carry the word confidences
        "--invalidate-digital-signatures",  # the copy is ours; the input keeps its signature
        str(source), str(target),
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "TMPDIR": str(scratch)},
                              preexec_fn=die_with_parent, check=False)
    except OSError as exc:
        raise OcrFailed(str(source), f"OCR could not start ({exc.strerror or exc})") from exc
    if done.returncode != 0 or not target.is_file():
        raise OcrFailed(str(source), f"OCR failed (OCRmyPDF exit {done.returncode}: {_last_line(done.stderr)})")
    folders = sorted(scratch.glob("ocrmypdf.io.*"))
    return folders[-1] if folders else scratch


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:160] if lines else "no message"


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


def _hocr_words(hocr: Path, page_size: tuple[float, float]) -> list[HocrWord]:
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


def _page_readings(work: Path, number: int, copy: Path) -> tuple[list[HocrWord], list[HocrWord], list[Fix]]:
    """The first reading of one OCR'd page, the other readings' word at each place and the
    fixes to the text layer, as read/ocr_settle.py settles them (boxes in points)."""
    size = _page_size(copy, number)  # one page size for both readings and the fixes
    first = _hocr_words(work / f"{number:06d}_ocr_hocr.hocr", size)
    second = _second_reading(work, number, size)
    image = work / f"{number:06d}_ocr.png"
    if not first or not image.exists():
        return first, second, []
    import numpy as np  # only when a page was OCR'd: numpy and PIL cost start-up time
    from PIL import Image

    from extract.read.ocr_settle import Fix, settle

    grey = np.asarray(Image.open(image).convert("L"))
    sx, sy = size[0] / grey.shape[1], size[1] / grey.shape[0]

    def points(box: Sequence[float]) -> BBox:
        return (box[0] * sx, box[1] * sy, box[2] * sx, box[3] * sy)

    settled = settle(grey, first, second, lambda crops: _read_lines(crops, work / f"{number:06d}_third"))
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
        subprocess.run(command, capture_output=True, preexec_fn=die_with_parent, check=False, timeout=600)
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


def _second_reading(work: Path, number: int, page_size: tuple[float, float]) -> list[HocrWord]:
    """Tesseract's words of one page read again from the image OCRmyPDF gave it."""
    image = work / f"{number:06d}_ocr.png"
    if not image.exists():
        return []
    base = work / f"{number:06d}_second"
    command = ["tesseract", str(image), str(base), "-l", "+".join(available_languages()), *SECOND_READING, "hocr"]
    try:
        subprocess.run(command, capture_output=True, preexec_fn=die_with_parent, check=False, timeout=600)
    except (OSError, subprocess.SubprocessError):
        return []
    return _hocr_words(base.with_suffix(".hocr"), page_size)


# The characters of a figure two readings must agree on: digits, their separators and a minus
# (one lost in a reading turns a saving into a cost; any dash is one minus). Brackets are left
# out: a sentence's bracket is often read into the word of a figure inside it.
NUMERAL = re.compile(r"[^\d.,-]")
DASHES = re.compile(r"[‐‑‒–—−]")


def readings_agree(first: str, second: str) -> bool:
    def numeral(text: str) -> str:
        # a full stop or comma after the last digit ends the sentence, not the number: a figure's
        # text leaves it out ('£1200' of 'amount of £1200.') where a reading's word keeps it
        return NUMERAL.sub("", DASHES.sub("-", text)).rstrip(".,")

    return numeral(first) == numeral(second)


def _page_size(path: Path, number: int) -> tuple[float, float]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        width, height = document[number - 1].get_size()
    finally:
        document.close()
    return float(width), float(height)


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


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:120] if text else "no message"


@contextlib.contextmanager
def open_pack(path: Path, mode: OcrMode = "never",
              detector: PageDetector | None = None) -> Iterator[tuple[OcrResult, object, list[PageLines]]]:
    """The pack as it will be read: what OCR did, the open pdfium document and every page's
    fast-pass lines, of the original file or, when pages needed OCR, of the OCR'd copy."""
    from extract.read import pdfium as fastpass

    document = fastpass.open_document(path)
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
        chosen = pages_to_ocr(mode, document, lines, detector or pages_needing_ocr)
        # 'auto' OCRs only what has no text: a pack with text pages besides keeps them if OCR fails
        has_text = mode == "auto" and any(page.lines for page in lines if page.number not in chosen)
        with ocr_copy(path, chosen, keep_text_on_failure=has_text) as ocr:
            if ocr.pages:
                document.close()
                document = fastpass.open_document(ocr.path)
                lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
            yield ocr, document, lines
    finally:
        document.close()


# OCRmyPDF sets each OCR'd line's type size to its height from baseline to the top of its
# tallest letters, about 0.73 of the printed size (the 2017 pack's 11 pt Liberation Sans reads
# as 7.9-8.2 pt; Arial, Calibri and Times have capitals 0.66-0.72 em high). Structure rules
# measure white space in type sizes, so OCR'd pages are given the size the words were printed in.
OCR_HEIGHT_PER_EM = 0.73


# A table's vertical rule, which Tesseract reads as a letter: no text was printed there.
RULE_READ_AS_TEXT = re.compile(r"^[|¦]+$")


def at_printed_size(page: PageText, fixes: Sequence[Fix] = ()) -> PageText:
    """An OCR'd page's words at the type size they were printed in, from OCRmyPDF's heights,
    without the ruling lines OCR read as '|', and as the readings settled them (read/ocr_settle.py)."""
    rows = [Row(row.page, words) for row in page.rows
            if (words := tuple(_with_fix(replace(w, size=w.size / OCR_HEIGHT_PER_EM), fixes)
                               for w in row.words if not RULE_READ_AS_TEXT.match(w.text)))]
    return replace(page, rows=rows)


def _with_fix(word: Word, fixes: Sequence[Fix]) -> Word:
    """A text-layer word as the readings settled it: its text, and a box for each character
    (a minus sign put back gets the box it was printed in)."""
    found = words_at([(fix.box, fix) for fix in fixes], (word.x0, word.top, word.x1, word.bottom)) if fixes else []
    if len(found) != 1 or found[0][1].read != word.text:  # not the word the first reading printed
        return word
    fix = found[0][1]
    head: tuple[BBox, ...] = ()
    text = fix.text
    if fix.minus is not None and text.startswith("-"):
        head, text = ((fix.minus[0], word.top, fix.minus[2], word.bottom),), text[1:]
    if fix.printed is None and len(text) == len(word.text):
        body = word.boxes
    elif fix.printed is None and word.text.endswith(text):  # a stroke read before the number ('_98') is the minus
        body = word.boxes[len(word.text) - len(text):]
    else:  # another number of characters, or the whole of a word the reading boxed part of: shared evenly
        start, end = (fix.printed[0], fix.printed[2]) if fix.printed else (head[0][2] if head else word.x0, word.x1)
        step = (end - start) / max(len(text), 1)
        body = tuple((start + i * step, word.top, start + (i + 1) * step, word.bottom) for i in range(len(text)))
    return replace(word, text=fix.text, boxes=head + body)


def mark_ocr_figures(extraction, ocr: OcrResult):
    """Every figure printed on an OCR'd page, wherever it sits in the extraction (cards,
    tables, statements, findings), says it came from OCR and how sure the engine was."""
    if not ocr.pages:
        return extraction
    pages = set(ocr.pages)

    def mark(node):
        if isinstance(node, list):
            return [mark(item) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: mark(value) for key, value in node.items()}
        if "kind" in node and "bbox" in node and node.get("page") in pages:
            node["source"] = "ocr"
            node["confidence"] = ocr.confidence(node["page"], node["bbox"])
            again = ocr.read_again(node["page"], node["bbox"])
            if again is not None and node.get("value") is not None and not readings_agree(node["text"], again):
                node["value"] = None  # the readings disagree on its digits: no value, left out of every sum
                node["confidence"] = 0.0
        return node

    return type(extraction).model_validate(mark(extraction.model_dump()))
