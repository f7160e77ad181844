"""Typed errors. The library raises these; only the CLI turns them into messages and exit codes."""
from __future__ import annotations


class PackError(Exception):
    """A pack that cannot be read. `reason` is one short line for the user."""

    kind = "unreadable"

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


class NotAPdf(PackError):
    kind = "not_a_pdf"


class EmptyFile(PackError):
    kind = "empty"


class EncryptedPdf(PackError):
    kind = "encrypted"


class DamagedPdf(PackError):
    kind = "damaged"


class NoPages(PackError):
    kind = "no_pages"


class OutputError(Exception):
    """Output could not be written or did not validate."""


class OcrUnavailable(PackError):
    """Scanned pages need OCR and the engine (OCRmyPDF, Tesseract) is not installed."""

    kind = "ocr_unavailable"


class OcrFailed(PackError):
    """OCR was needed and OCRmyPDF or Tesseract could not read the pages."""

    kind = "ocr_failed"
