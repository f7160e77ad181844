"""OCR for scanned pages: OCRmyPDF over Tesseract, into a temporary copy.

A scanned page holds a picture of text and no text at all, so the readers find nothing on
it. OCRmyPDF rasterises the chosen pages, has Tesseract read them and writes a copy of the
PDF whose chosen pages carry an invisible text layer with each word where it is printed;
the other pages are copied as they are. The pipeline then reads that copy as it reads any
PDF. The input file is never modified; the copy and OCRmyPDF's working files live in one
temporary folder that is removed when the pack has been read.

OCRmyPDF's text layer carries no confidences, so each word's confidence (Tesseract's 0-100)
comes from the hOCR files Tesseract wrote for the same pages in the same run, matched to
figures by position (read/ocr_words.py). Each page is read a second time (read/ocr_pages.py),
and the words the readings disagree on are settled by reading them again on their own
(read/ocr_settle.py); minus signs Tesseract lost are found in the page image
(read/ocr_minus.py). The text layer's words take what the readings settle (at_printed_size).
A process reading under a time limit is told how many pages OCR will read before it starts
(tell_ocr_pages_to), so that the limit grows with them.

Modes: 'never' reads the PDF as it is; 'auto' OCRs only the pages a detector says have no
usable text (by default: pages holding an image and not one character), never a page that
has text; 'always' OCRs every page, replacing any text layer with what OCR reads.
"""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from extract.errors import OcrFailed, OcrUnavailable
from extract.read.ocr_decimals import decimal_point_lost, place
from extract.read.ocr_pages import available_languages, engine_installed, pages_read
from extract.read.ocr_words import readings_agree, words_at
from extract.read.pdfium import PageLines
from extract.read.pool import die_with_parent
from extract.read.quality import pages_needing_ocr
from extract.read.text import BBox, PageText, Row, Word

if TYPE_CHECKING:
    from extract.read.ocr_settle import Fix

OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "always", "never")
INSTALL_HINT = ("install the OCR engine: pip install 'agenda-extract[ocr]' and Tesseract "
                "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-cym)")
SHORT_INSTALL_HINT = "pip install 'agenda-extract[ocr]' and apt-get install tesseract-ocr"
# One word box: [x0, top, x1, bottom] in PDF points (as Figure.bbox) and Tesseract's confidence.
WordBox = tuple[tuple[float, float, float, float], float]
ReadWord = tuple[tuple[float, float, float, float], str]  # a word's box in points and its text
# Which pages need OCR, given the open pdfium document and the fast pass's lines of every page.
PageDetector = Callable[[object, Sequence[PageLines]], Sequence[int]]

log = logging.getLogger(__name__)
RULES_PLUGIN = Path(__file__).with_name("ocr_rules.py")  # loaded by OCRmyPDF in its own process
PagesAhead = Callable[[int], object]  # told how many pages OCR is about to read
_pages_ahead: list[PagesAhead] = []  # this process's listener (a limited child's: its time limit grows)


def tell_ocr_pages_to(listener: PagesAhead | None) -> None:
    """Have `listener` told, before OCR starts, how many pages it will read: a process
    reading one input under a time limit passes that on, so that the limit grows with the
    pages OCR reads (extract/batch/worker.py: Limits.ocr_page_seconds)."""
    _pages_ahead[:] = [listener] if listener is not None else []


def announce_ocr_pages(pages: int) -> None:
    """Tell this process's listener (tell_ocr_pages_to) that OCR is about to read `pages`."""
    for listener in _pages_ahead:
        listener(pages)


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
def ocr_copy(path: Path, pages: Sequence[int], keep_text_on_failure: bool = False,
             jobs: int = 1) -> Iterator[OcrResult]:
    """The PDF to read: `path` itself when no page needs OCR, else an OCR'd copy in a
    temporary folder that is removed when the block ends.

    When OCR fails and `keep_text_on_failure` (the pack has pages of text besides the
    scans), the original is read: its scanned pages stay blank and the result says which
    and why, so the text pages are not lost with them. Otherwise the failure is raised.
    `jobs` pages are read side by side (OCRmyPDF's --jobs, then the readings of ocr_pages)."""
    if not pages:
        yield OcrResult(Path(path))
        return
    if not engine_installed():
        raise OcrUnavailable(str(path), f"{len(pages)} page(s) are scanned images with no text; {INSTALL_HINT}")
    announce_ocr_pages(len(pages))
    with tempfile.TemporaryDirectory(prefix=_scratch_prefix(os.getpid())) as scratch:
        copy = Path(scratch) / "ocr.pdf"
        try:
            work = _run_ocrmypdf(Path(path), copy, pages, Path(scratch), jobs)
        except OcrFailed as exc:
            if not keep_text_on_failure:
                raise
            log.warning("%s: %s; its %d scanned page(s) are left blank", path, exc.reason, len(pages))
            yield OcrResult(Path(path), failed=tuple(pages), failure=exc.reason)
            return
        readings = pages_read(work, pages, copy, jobs)
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


def _run_ocrmypdf(source: Path, target: Path, pages: Sequence[int], scratch: Path, jobs: int = 1) -> Path:
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
        "--jobs", str(max(1, jobs)),  # the cores this pack is given (a batch gives each pack one)
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


@contextlib.contextmanager
def open_pack(path: Path, mode: OcrMode = "never", detector: PageDetector | None = None,
              jobs: int = 1) -> Iterator[tuple[OcrResult, object, list[PageLines]]]:
    """The pack as it will be read: what OCR did, the open pdfium document and every page's
    fast-pass lines, of the original file or, when pages needed OCR, of the OCR'd copy."""
    from extract.read import pdfium as fastpass

    document = fastpass.open_document(path)
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
        chosen = pages_to_ocr(mode, document, lines, detector or pages_needing_ocr)
        # 'auto' OCRs only what has no text: a pack with text pages besides keeps them if OCR fails
        has_text = mode == "auto" and any(page.lines for page in lines if page.number not in chosen)
        with ocr_copy(path, chosen, keep_text_on_failure=has_text, jobs=jobs) as ocr:
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


# A table's vertical rule, which Tesseract reads as a letter: no text was printed there. Read
# on its own it is dropped; read onto the edge of a word ('FTE|' for '5.6 FTE' beside a cell's
# border) it is cut off, or the word's figure is lost.
RULES_READ = "|¦"
# Marks Tesseract reads dust and rule ends as ('Performing Arts Service TT _ :'): a word of
# nothing else says nothing a paper printed (a dash, '£' or '%' alone may: '-' is a nil cell).
SPECKS = frozenset("|¦'`‘’\"_.,:;~^°")


def at_printed_size(page: PageText, fixes: Sequence[Fix] = ()) -> PageText:
    """An OCR'd page's words at the type size they were printed in, from OCRmyPDF's heights,
    without the ruling lines OCR read as '|', as the readings settled them (read/ocr_settle.py),
    and with the pieces of a word OCR split at a mark joined again."""
    rows = [Row(row.page, _touching_joined(words)) for row in page.rows
            if (words := tuple(_with_fix(replace(w, size=w.size / OCR_HEIGHT_PER_EM), fixes)
                               for w in map(_without_rules, row.words) if w is not None))]
    return replace(page, rows=rows)


# Two OCR words with no white space between them are one printed word that Tesseract split at
# a mark it took for a letter ('“S' and 'EN' for 'SEN' beside a cell's border): a printed space
# is a fifth of an em or more, and Tesseract boxes words by their ink.
TOUCHING_EM = 0.05


def _touching_joined(words: Sequence[Word]) -> tuple[Word, ...]:
    joined: list[Word] = []
    for word in words:
        last = joined[-1] if joined else None
        if last is not None and word.x0 - last.x1 <= TOUCHING_EM * max(last.size, word.size):
            joined[-1] = replace(last, text=last.text + word.text, boxes=last.boxes + word.boxes)
        else:
            joined.append(word)
    return tuple(joined)


def _without_rules(word: Word) -> Word | None:
    """The word without the table rules read at its edges; None when it is nothing but a rule
    or a speck of dust read as a mark (no letter, digit, sign or dash)."""
    text = word.text.strip(RULES_READ)
    if not text or all(c in SPECKS for c in text):
        return None
    if text == word.text or len(word.boxes) != len(word.text):
        return word
    start = len(word.text) - len(word.text.lstrip(RULES_READ))
    return replace(word, text=text, boxes=word.boxes[start:start + len(text)])


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
    tables, statements, findings), says it came from OCR and how sure the engine was; one
    whose digits are in doubt (the readings disagree, or a table cell lost the decimal point
    its column prints: read/ocr_decimals.py) is kept as printed without a value."""
    if not ocr.pages:
        return extraction
    pages = set(ocr.pages)
    no_point = decimal_point_lost([t.model_dump() for t in extraction.tables], pages)

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
            disagree = again is not None and not readings_agree(node["text"], again)
            if node.get("value") is not None and (disagree or place(node) in no_point):
                node["value"] = None  # digits in doubt (read/ocr_decimals.py): no value, left out of every sum
                node["confidence"] = 0.0
        return node

    return type(extraction).model_validate(mark(extraction.model_dump()))
