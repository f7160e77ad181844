"""pdfplumber: the careful reader, used on the pages that may hold cards, tables or figures.

The only module that imports pdfplumber. Each page is closed after use so memory stays
flat however long the pack.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator

from extract.errors import DamagedPdf, EncryptedPdf
from extract.text import Glyph, PageText, glyphs_to_rows

log = logging.getLogger(__name__)


def read_pages(path: Path, numbers: Iterable[int]) -> Iterator[PageText]:
    """PageText for each 1-based page number, read with pdfplumber."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    wanted = sorted(set(numbers))
    if not wanted:
        return
    try:
        pdf = pdfplumber.open(str(path))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPdf(str(path), "the PDF is encrypted and needs a password") from exc
    except Exception as exc:  # pdfminer raises many types on damaged files
        raise DamagedPdf(str(path), f"pdfplumber cannot open it ({type(exc).__name__})") from exc
    with pdf:
        for number in wanted:
            if number > len(pdf.pages):
                break
            page = pdf.pages[number - 1]
            try:
                yield page_text(page, number)
            finally:
                page.close()


def page_text(page, number: int) -> PageText:
    """Positioned characters of one page, in pdfplumber's coordinates (top-left origin)."""
    return PageText(
        number=number,
        width=float(page.width),
        height=float(page.height),
        rows=glyphs_to_rows(list(page_glyphs(page)), number),
        engine="pdfplumber",
    )


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
