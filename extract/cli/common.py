"""Exit codes and options shared by every command (imports only click, so --help stays fast)."""
from __future__ import annotations

import sys

import click

EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_OUTPUT = 4

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class InputFailure(click.ClickException):
    exit_code = EXIT_INPUT


class OutputFailure(click.ClickException):
    exit_code = EXIT_OUTPUT


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


def ocr_option(command):
    return click.option(
        "--ocr",
        type=click.Choice(["auto", "always", "never"]),
        default=None,
        help="Read scanned pages with OCR (OCRmyPDF and Tesseract): 'auto' only pages that have no text, "
        "'always' every page, 'never' none. Default: auto when the OCR engine is installed, never otherwise.",
    )(command)


def resolve_ocr(mode: str | None) -> str:
    """--ocr as given, or the default: auto when the engine is installed."""
    if mode is not None:
        return mode
    from extract.read.ocr import default_mode

    return default_mode()
