"""What every command shares: the one place errors become `error: <file>: <reason>` lines and
exit codes, the checked numeric option types, --fail-on, and the limits options.

Imports only click and extract.errors (which imports nothing heavy), so --help stays fast.
"""
from __future__ import annotations

import math
import os
import stat
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NoReturn

import click

from extract.errors import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OUTPUT,
    EXIT_USAGE,
    AgendaExtractError,
    WouldOverwriteInput,
    shown,
)

__all__ = ["EXIT_FINDINGS", "EXIT_INPUT", "EXIT_OUTPUT", "EXIT_USAGE", "SEVERITY_RANK", "Failure", "fail",
           "error_line", "echo_error", "os_reason"]

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}

DEFAULT_TIMEOUT = 300.0  # seconds per input: a Kent pack takes 1-10 s; 300 s is generous
DEFAULT_MAX_MEMORY_MB = 2048  # address space per input's process, imports included (~600 MB)
MAX_TIMEOUT = 7 * 24 * 3600.0  # a week: anything longer is a typo
# Added to --timeout for each page OCR reads: a page takes 30-80 s on a busy 2-core machine
# (README, Scanned papers), against tens of milliseconds for a page of text.
DEFAULT_OCR_PAGE_SECONDS = 120.0
MIN_MEMORY_MB = 256  # below this the imports alone do not fit
MAX_MEMORY_MB = 1 << 24  # 16 TB: the largest cap that setrlimit accepts everywhere (in bytes, < 2**63)


def error_line(path: str | os.PathLike | None, reason: str) -> str:
    return f"error: {shown(path)}: {reason}" if path is not None else f"error: {reason}"


def echo_error(exc: AgendaExtractError, note: str = "") -> None:
    """Print a domain error the one way every command prints them, and carry on."""
    click.echo(error_line(exc.path, f"{note}{exc.reason}"), err=True)


class Failure(click.ClickException):
    """A domain error ending the command: one `error: <file>: <reason>` line, its exit code."""

    def __init__(self, exc: AgendaExtractError, note: str = ""):
        super().__init__(error_line(exc.path, f"{note}{exc.reason}"))
        self.exit_code = exc.exit_code

    def show(self, file=None) -> None:
        click.echo(self.format_message(), err=True)


def fail(exc: AgendaExtractError, note: str = "") -> NoReturn:
    if exc.exit_code == EXIT_USAGE:
        raise click.UsageError(str(exc))
    raise Failure(exc, note) from exc


def os_reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


# --- numeric options --------------------------------------------------------------------------


class FiniteFloat(click.ParamType):
    """A float that is a real number (not nan, not inf) within [minimum, maximum]."""

    name = "float"

    def __init__(self, minimum: float, maximum: float):
        self.minimum, self.maximum = minimum, maximum

    def convert(self, value, param, ctx):
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number", param, ctx)
        if not math.isfinite(number) or not self.minimum <= number <= self.maximum:
            self.fail(f"{value!r} is not a number from {self.minimum:g} to {self.maximum:g}", param, ctx)
        return number


def bounded_int(minimum: int, maximum: int) -> click.IntRange:
    return click.IntRange(min=minimum, max=maximum)


def limits_options(command):
    """--timeout and --max-memory, as batch has them, for the single-input commands."""
    command = click.option(
        "--max-memory", "max_memory", type=bounded_int(MIN_MEMORY_MB, MAX_MEMORY_MB), default=DEFAULT_MAX_MEMORY_MB,
        show_default=True, help="Address-space cap per input, in MB (the input is read in a process of its own).",
    )(command)
    return click.option(
        "--timeout", type=FiniteFloat(1, MAX_TIMEOUT), default=DEFAULT_TIMEOUT, show_default=True,
        help="Wall-clock seconds per input (each page OCR reads adds --ocr-page-timeout); a slower input "
        "fails (exit 3) and the others go on.",
    )(command)


def fail_on_option(command):
    return click.option(
        "--fail-on",
        type=click.Choice(["warning", "error"]),
        default=None,
        help="Exit with code 1 when any finding is at this severity or above.",
    )(command)


def exit_for_findings(worst_severity: int, fail_on: str | None) -> None:
    """Exit 1 when a finding reached the --fail-on level; return otherwise."""
    if fail_on is not None and worst_severity >= SEVERITY_RANK[fail_on]:
        sys.exit(EXIT_FINDINGS)


# --- never write over an input --------------------------------------------------------------


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def refuse_overwriting(targets: Iterable[Path], protected: Sequence[Path], what: str = "an input") -> None:
    """Usage error (exit 2) when a target is, by path or by file identity (links), one of the
    protected files."""
    protected_ids = {i for i in (_identity(p) for p in protected) if i is not None}
    protected_paths = {os.path.realpath(p) for p in protected}
    for target in targets:
        same_id = _identity(target) is not None and _identity(target) in protected_ids
        if same_id or os.path.realpath(target) in protected_paths:
            fail(WouldOverwriteInput(target, f"would write over {what}; choose another output"))


def ocr_option(command):
    """--ocr, and --ocr-page-timeout: the time each page OCR reads adds to --timeout."""
    command = click.option(
        "--ocr-page-timeout", "ocr_page_timeout", type=FiniteFloat(0, MAX_TIMEOUT),
        default=DEFAULT_OCR_PAGE_SECONDS, show_default=True,
        help="Seconds each page read by OCR adds to --timeout: OCR takes 10-80 s a page where text takes "
        "a fraction of a second, so the limit grows with the scanned pages of each input.",
    )(command)
    return click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),
        default=None,
        help="Read scanned pages with OCR (OCRmyPDF and Tesseract): 'auto' only pages without usable text "
        "(scans, fonts without a text encoding, pages in doubt whose text disagrees with their image), "
        "'always' every page, 'never' none. Default: auto when the OCR engine is installed, never otherwise.",
    )(command)


def resolve_ocr(mode: str | None) -> str:
    """--ocr as given, or the default: auto when the engine is installed."""
    if mode is not None:
        return mode
    from extract.read.ocr import default_mode

    return default_mode()


def cpu_count() -> int:
    """The cores this process may run on: the default of --jobs."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
