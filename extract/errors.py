"""Typed errors and exit codes. The library raises these; only the CLI (extract.cli) turns them
into `error: <file>: <reason>` lines and exit codes.

Every domain error derives from AgendaExtractError and carries its `kind` (a stable word for
the batch manifest's error.type and for filtering) and its `exit_code` (one of the EXIT_*
codes below, the table in README's "Exit codes"). A failure that is not one of these is a bug
and is left to show its traceback.
"""
from __future__ import annotations

import re
from os import PathLike

EXIT_OK = 0
EXIT_FINDINGS = 1  # findings at or above --fail-on (run, check); some inputs failed (batch)
EXIT_USAGE = 2  # bad option or argument, or a command that would write over one of its inputs
EXIT_INPUT = 3  # an input could not be read, or went past --timeout / --max-memory
EXIT_OUTPUT = 4  # an output could not be written or did not validate
EXIT_INTERRUPTED = 130  # Ctrl-C (batch: run the same command again to finish)


class AgendaExtractError(Exception):
    """Base of every error the project raises on purpose. `reason` is one short line for people;
    `path` the file it is about (None when it is about no one file)."""

    kind = "error"
    exit_code = EXIT_INPUT

    def __init__(self, path: str | PathLike | None, reason: str):
        self.path = None if path is None else str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}" if self.path is not None else reason)

    def __reduce__(self):  # pickled across the process boundary of --timeout / --max-memory
        return type(self), (self.path, self.reason)


# --- exit 3: an input that cannot be used -------------------------------------------------


class InputError(AgendaExtractError):
    kind = "unreadable"
    exit_code = EXIT_INPUT


class PackError(InputError):
    """A pack (PDF) that cannot be read."""

    kind = "unreadable"


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


class NoText(PackError):
    """No page holds text to be trusted: scans (image only), blank pages, or a text layer
    whose characters are not what is printed (read/quality.py)."""

    kind = "no_text"


class ReaderFailed(PackError):
    """A PDF library (pdfminer, pdfplumber, pdfium) raised on a page: the page is damaged."""

    kind = "damaged"


class NotAnOutput(InputError):
    """`check` was given something that is not an agenda-extract output."""

    kind = "not_an_output"


class NotABatch(InputError):
    """`export` was given a folder that is not a batch's --out folder."""

    kind = "not_a_batch"


class TimedOut(InputError):
    kind = "timeout"


class OutOfMemory(InputError):
    kind = "out_of_memory"


class WorkerCrashed(InputError):
    kind = "crashed"


# --- exit 4: an output that cannot be written ----------------------------------------------


class OutputError(AgendaExtractError):
    """Output could not be written or did not validate."""

    kind = "invalid_output"
    exit_code = EXIT_OUTPUT


# --- exit 2: the command as given cannot run -----------------------------------------------


class UsageProblem(AgendaExtractError):
    kind = "usage"
    exit_code = EXIT_USAGE


class WouldOverwriteInput(UsageProblem):
    """A command asked to write over one of its own inputs, a manifest, or another output of the run."""

    kind = "would_overwrite"


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown(path: str | PathLike | None) -> str:
    """A path as printed in one-line messages: control characters (a newline in a file name
    would split the line) shown as escapes, never raw."""
    text = "" if path is None else str(path)
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


class OcrUnavailable(PackError):
    """Scanned pages need OCR and the engine (OCRmyPDF, Tesseract) is not installed."""

    kind = "ocr_unavailable"


class OcrFailed(PackError):
    """OCR was needed and OCRmyPDF or Tesseract could not read the pages."""

    kind = "ocr_failed"
