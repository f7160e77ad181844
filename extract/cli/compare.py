"""`agenda-extract compare OLD NEW`: what changed between two versions of a paper.

Imports only click and the standard library at top level, so `agenda-extract --help` stays fast.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from extract.cli.common import (
    EXIT_INPUT,
    cpu_count,
    echo_error,
    fail,
    limits_options,
    ocr_option,
    refuse_overwriting,
    resolve_ocr,
)


@click.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("--out", "out", default="-", show_default=True,
              help="Write the changes (JSON) to this file, or '-' for stdout.")
@click.option("--html", "html", default=None, type=click.Path(path_type=Path),
              help="Also write a review page of the changes: crops of the old and the new page side by side.")
@click.option("--no-triage", is_flag=True, help="Read every page with pdfplumber (as `run --no-triage`).")
@ocr_option
@limits_options
def compare(old: Path, new: Path, out: str, html: Path | None, no_triage: bool, ocr: str | None,
            ocr_page_timeout: float, timeout: float, max_memory: int) -> None:
    """Compare two versions of a paper, figure by figure (OLD and NEW: PDFs or outputs of `run`).

    \b
    Tables are matched by title and position, rows by label, columns by heading; service
    cards and Appendix B tables by service; other figures by the report paragraph they
    are printed in. Reports every figure whose value changed, and every row, column,
    table or card added or removed; a figure that only moved (the layout reflowed) is no
    change. A changed figure whose totals no longer agree in NEW lists those findings.
    JSON (see `agenda-extract schema --compare`) in the order of the new paper; on stderr
    "N figures changed, R rows added, S removed". Each PDF is read as `run` reads it, in
    a process of its own under --timeout and --max-memory; a bad input is one line naming
    the file (exit 3). An output naming OLD or NEW is a usage error (exit 2).
    """
    targets = ([] if out == "-" else [Path(out)]) + ([html] if html is not None else [])
    refuse_overwriting(targets, [old, new], "one of the inputs")
    if html is not None and out != "-" and Path(out) == html:
        raise click.UsageError("--out and --html name the same file")

    from extract.batch.limited import call_limited, calls_in_order
    from extract.batch.worker import Limits
    from extract.cli.main import _warm_imports, write_or_fail
    from extract.compare.changes import compare as compare_versions
    from extract.compare.changes import summary_line
    from extract.compare.output import comparison_text
    from extract.errors import AgendaExtractError, OutputError
    from extract.pipeline import Options, tune_garbage_collector

    _warm_imports()
    tune_garbage_collector()
    options = Options(triage=not no_triage, ocr=resolve_ocr(ocr))  # type: ignore[arg-type]
    limits = Limits(timeout, max_memory, ocr_page_timeout)
    versions = []  # in the order given: OLD, NEW (which may be one file)
    for _, extraction, error in calls_in_order(read_version, [((old, options), old), ((new, options), new)],
                                               limits, min(2, cpu_count())):
        if error is not None:
            echo_error(error)
        versions.append(extraction)
    if None in versions:
        sys.exit(EXIT_INPUT)
    comparison = compare_versions(*versions)
    try:
        text = comparison_text(comparison)
    except OutputError as exc:
        fail(exc)
    if out == "-":
        click.echo(text, nl=False)
    else:
        write_or_fail(Path(out), text)
    if html is not None:
        pdfs = (pdf_or_none(old), pdf_or_none(new))
        try:
            page = call_limited(compare_page, (comparison, *versions, *pdfs), limits, new)
        except AgendaExtractError as exc:
            fail(exc, "review page not written: ")
        write_or_fail(html, page)
    click.echo(summary_line(comparison), err=True)


def is_output(path: Path) -> bool:
    """An output of `run` (JSON) rather than a PDF: by its name, else by its first byte."""
    if path.suffix.lower() == ".json":
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read(64).lstrip()[:1] == b"{"
    except OSError:
        return False  # read as a PDF, whose reader names the problem


def pdf_or_none(path: Path) -> Path | None:
    return None if is_output(path) else path


def read_version(path: Path, options):
    """One version, in its limited child: the extraction `run` would write, or the one written."""
    if is_output(path):
        from extract.cli.tasks import read_output

        return read_output(path)
    from extract.pipeline import extract_pack

    return extract_pack(path, options)


def compare_page(comparison, old, new, old_pdf: Path | None, new_pdf: Path | None) -> str:
    from extract.compare.html import compare_html

    return compare_html(comparison, old, new, old_pdf, new_pdf)
