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
    glyphs = [
        Glyph(
            text=c["text"],
            x0=float(c["x0"]),
            top=float(c["top"]),
            x1=float(c["x1"]),
            bottom=float(c["bottom"]),
            size=float(c.get("size") or 0.0),
            bold="bold" in str(c.get("fontname", "")).lower(),
        )
        for c in page.chars
        if c.get("upright", True)
    ]
    return PageText(
        number=number,
        width=float(page.width),
        height=float(page.height),
        rows=glyphs_to_rows(glyphs, number),
        engine="pdfplumber",
    )
