"""pdfplumber: the careful reader, used on the pages that may hold cards, tables or figures.

pdfplumber is imported here to read text, and in review/crops.py to render pages. Each page
is closed after use so memory stays flat however long the pack.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from extract.errors import DamagedPdf, EncryptedPdf, ReaderFailed
from extract.read.text import Glyph, PageText, glyphs_to_rows

log = logging.getLogger(__name__)


class CarefulReader:
    """pdfplumber on one pack, opened at the first page asked for and then kept open, so
    reading the pack in stretches does not parse its cross-reference table again each time."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._pdf = None

    def pages(self, numbers: Iterable[int]) -> Iterator[PageText]:
        """PageText for each 1-based page number; each page closed after use."""
        wanted = sorted(set(numbers))
        if not wanted:
            return
        pdf = self._open()
        count = self._guarded(0, lambda: len(pdf.pages))
        for number in wanted:
            if number > count:
                break
            width, height, glyphs = self._guarded(number, lambda n=number: page_glyphs_closed(pdf.pages[n - 1]))
            yield PageText(number=number, width=width, height=height, rows=glyphs_to_rows(glyphs, number))

    def _guarded(self, number: int, read):
        """pdfplumber's (pdfminer's) work, with what they raise on a damaged page as ReaderFailed.
        Out of memory is the memory cap, not a bad page: it goes on up."""
        try:
            return read()
        except MemoryError:
            raise
        except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on a damaged page
            where = f"page {number}" if number else "its page tree"
            raise ReaderFailed(str(self.path), f"pdfplumber cannot read {where} ({type(exc).__name__})") from exc

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def __enter__(self) -> CarefulReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _open(self):
        if self._pdf is None:
            import pdfplumber
            from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

            try:
                self._pdf = pdfplumber.open(str(self.path))
            except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
                raise EncryptedPdf(str(self.path), "the PDF is encrypted and needs a password") from exc
            except Exception as exc:  # pdfminer raises many types on damaged files
                raise DamagedPdf(str(self.path), f"pdfplumber cannot open it ({type(exc).__name__})") from exc
        return self._pdf


def read_pages(path: Path, numbers: Iterable[int]) -> Iterator[PageText]:
    """PageText for each 1-based page number, read with pdfplumber."""
    with CarefulReader(path) as reader:
        yield from reader.pages(numbers)


def page_glyphs_closed(page) -> tuple[float, float, list[Glyph]]:
    """Size and positioned characters of one page, in pdfplumber's coordinates (top-left
    origin); the page is closed after (its parsed objects freed)."""
    try:
        return float(page.width), float(page.height), list(page_glyphs(page))
    finally:
        page.close()


def page_glyphs(page) -> Iterator[Glyph]:
    """The characters of pdfplumber's parsed layout (`page.layout`), converted exactly as
    `page.chars` converts them. Reading the layout objects directly skips building a
    dictionary of every attribute of every character, which is half the cost of a page."""
    from pdfminer.layout import LTChar, LTContainer

    mb_x0, mb_top = page.mediabox[:2]
    height = page.height
    stack = list(reversed(page.layout._objs))
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTContainer):
            stack.extend(reversed(obj._objs))
        elif isinstance(obj, LTChar) and obj.upright:
            fontname = obj.fontname if isinstance(obj.fontname, str) else str(obj.fontname)
            yield Glyph(
                text=obj.get_text(),
                x0=float(obj.x0 + mb_x0),
                top=float(height - obj.y1 + mb_top),
                x1=float(obj.x1 + mb_x0),
                bottom=float(height - obj.y0 + mb_top),
                size=float(obj.size),
                bold="bold" in fontname.lower(),
            )
