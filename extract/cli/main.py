"""Command line. The only place that turns library errors into messages and exit codes.

Heavy libraries (pdfplumber, spaCy, pydantic) are imported inside the commands so that
`agenda-extract --help` answers at once.

Exit codes (defined once, in extract.errors):
  0  success
  1  findings at or above --fail-on (run, check); some inputs failed (batch)
  2  usage error (bad option, missing argument, an output that would replace an input)
  3  an input could not be read (not a PDF, empty, encrypted, damaged, bad JSON), or went
     past --timeout or --max-memory
  4  output could not be written or did not validate
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from extract.cli.common import (
    EXIT_INPUT,
    cpu_count,
    echo_error,
    exit_for_findings,
    fail,
    fail_on_option,
    limits_options,
    ocr_option,
    os_reason,
    refuse_overwriting,
    resolve_ocr,
)
from extract.errors import shown


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="agenda-extract", prog_name="agenda-extract")
def main() -> None:
    """Turn UK council committee agenda packs (PDF) into validated JSON.

    \b
    Each pack gives: meeting details, the documents inside it with page ranges,
    service cards (staffing and budget blocks), Appendix B financial tables, every
    £ / FTE / headcount figure with its page and bounding box, and findings where
    the figures do not add up.

    \b
    Exit codes: 0 success; 1 findings at or above --fail-on, or (batch) some inputs
    failed; 2 usage error; 3 an input could not be read; 4 output not written.
    """


@main.command()
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out",
    default="output",
    show_default=True,
    help="Folder for <pdf stem>.json, or '-' to print one JSON document to stdout.",
)
@click.option(
    "--no-triage",
    is_flag=True,
    help="Read every page with pdfplumber instead of only the pages the fast pass marks "
    "as holding figures (slower; the output is the same).",
)
@click.option("--no-checks", is_flag=True, help="Skip the consistency pass (findings stay empty).")
@click.option("--html", "html", is_flag=True, help="Also write a review page <pdf stem>.html beside the JSON.")
@click.option("--jobs", type=click.IntRange(min=1, max=256), default=None,
              help="Processes to use (default: the number of cores; the output is the same): "
              "several files are read side by side, one file per process, and the cores left over "
              "read a file's structure pages, and its scanned pages (OCR), side by side.")
@ocr_option
@fail_on_option
@limits_options
def run(pdfs: tuple[Path, ...], out: str, no_triage: bool, no_checks: bool, html: bool, jobs: int | None,
        fail_on: str | None, ocr: str | None, ocr_page_timeout: float, timeout: float, max_memory: int) -> None:
    """Extract one or more agenda packs to JSON.

    Writes OUT/<pdf stem>.json for each PDF (default OUT is ./output). Each file is
    validated against the JSON Schema and written whole (temporary file, then
    rename) or not at all. A PDF that cannot be read, or that goes past --timeout or
    --max-memory, gives a one-line error naming the file and the reason; the others
    are still processed, and the exit code is 3. Two PDFs with the same stem, or an
    output that would replace an input, are a usage error (exit 2).
    """
    if out == "-" and len(pdfs) != 1:
        raise click.UsageError("--out - prints one JSON document: give exactly one PDF")
    if out == "-" and html:
        raise click.UsageError("--html writes <pdf stem>.html beside the JSON: give --out a folder, not '-'")
    pdfs = tuple(dict.fromkeys(pdfs))  # the same path twice is one input
    targets = {} if out == "-" else run_targets(pdfs, Path(out))
    refuse_overwriting([t for pair in targets.values() for t in pair], pdfs, "one of the input PDFs")

    from extract.batch.limited import calls_in_order
    from extract.batch.worker import Limits
    from extract.cli.tasks import run_one
    from extract.errors import OutputError
    from extract.pipeline import Options, tune_garbage_collector

    _warm_imports()
    files_at_once, page_jobs = share_cores(jobs or cpu_count(), len(pdfs))
    options = Options(triage=not no_triage, checks=not no_checks, ocr=resolve_ocr(ocr),  # type: ignore[arg-type]
                      ocr_jobs=page_jobs)
    arguments = [((pdf, options, html and out != "-", page_jobs), pdf) for pdf in pdfs]
    tune_garbage_collector()
    input_failed = False
    worst_severity = -1
    for pdf, result, error in calls_in_order(run_one, arguments, Limits(timeout, max_memory, ocr_page_timeout),
                                                files_at_once):
        if isinstance(error, OutputError):  # the extraction does not validate: a bug, exit 4
            fail(OutputError(pdf, error.reason))
        if error is not None:
            echo_error(error)
            input_failed = True
            continue
        worst_severity = max(worst_severity, result.worst_severity)
        if out == "-":
            click.echo(result.json_text, nl=False)
            continue
        json_target, html_target = targets[Path(pdf)]
        write_or_fail(json_target, result.json_text)
        if result.html_text is not None:
            write_or_fail(html_target, result.html_text)
        elif result.html_error is not None:  # the JSON is written; the page images could not be rendered
            echo_error(result.html_error, "review page not written: ")
            input_failed = True
        click.echo(f"{shown(pdf)} -> {shown(json_target)} ({result.summary})", err=True)
    if input_failed:
        sys.exit(EXIT_INPUT)
    exit_for_findings(worst_severity, fail_on)


def share_cores(jobs: int, files: int) -> tuple[int, int]:
    """How many files to read side by side, and how many page workers each gets: files first
    (each file's reading is independent from start to end, where a page pool leaves cores idle
    while its file is opened, checked and written), the rest of the cores to the pages."""
    at_once = max(1, min(jobs, files))
    return at_once, max(1, jobs // at_once)


def run_targets(pdfs: tuple[Path, ...], out: Path) -> dict[Path, tuple[Path, Path]]:
    """OUT/<stem>.json and .html for each PDF; two PDFs with one stem would write one file: usage error."""
    targets: dict[Path, tuple[Path, Path]] = {}
    first_with: dict[str, Path] = {}
    for pdf in pdfs:
        stem = Path(pdf).stem
        if stem in first_with:
            raise click.UsageError(f"{shown(first_with[stem])} and {shown(pdf)} would both write "
                                   f"{shown(out / (stem + '.json'))}: run them with different --out folders")
        first_with[stem] = pdf
        targets[pdf] = (out / f"{stem}.json", out / f"{stem}.html")
    return targets


def write_or_fail(target: Path, text: str) -> None:
    """Write one output whole; a failure names the file that could not be written (exit 4)."""
    from extract.errors import OutputError
    from extract.output import write_atomic

    try:
        write_atomic(target, text)
    except OSError as exc:
        fail(OutputError(target, f"cannot write ({os_reason(exc)})"))


def _warm_imports() -> None:
    """Import the pipeline (and spaCy's pipeline) once, here: each input's limited child is a
    fork of this process and starts warm, as a batch's workers do."""
    import extract.batch.preload  # noqa: F401



@main.command()
@click.option("--compare", "of_compare", is_flag=True,
              help="The schema of `compare`'s output instead (schemas/compare.schema.json).")
@click.option("--balances", "of_balances", is_flag=True,
              help="The schema of a batch's balances.json instead (schemas/balances.schema.json).")
def schema(of_compare: bool, of_balances: bool) -> None:
    """Print the JSON Schema of the output (the same as schemas/extraction.schema.json)."""
    if of_compare and of_balances:
        raise click.UsageError("--compare and --balances name two schemas: give one")
    if of_balances:
        from extract.batch.balances import balances_schema_text

        click.echo(balances_schema_text(), nl=False)
        return
    if of_compare:
        from extract.compare.output import compare_schema_text

        click.echo(compare_schema_text(), nl=False)
        return
    from extract.output import schema_text

    click.echo(schema_text(), nl=False)


# Commands that live in their own modules (each imports only click at top level, so loading
# them costs little); a missing or renamed one fails here, loudly, and in tests/test_module_lists.py.
COMMAND_MODULES = (
    ("extract.cli.check", "check"),
    ("extract.cli.batch", "batch"),
    ("extract.cli.batch", "export"),
    ("extract.cli.review", "review"),
    ("extract.cli.compare", "compare"),
    ("extract.cli.serve", "serve"),
)


def _register_commands() -> None:
    import importlib

    for module_name, attribute in COMMAND_MODULES:
        main.add_command(getattr(importlib.import_module(module_name), attribute))


_register_commands()
