"""Command line. The only place that turns library errors into messages and exit codes.

Heavy libraries (pdfplumber, spaCy, pydantic) are imported inside the commands so that
`agenda-extract --help` answers at once.

Exit codes:
  0  success
  1  findings at or above --fail-on (run, check); some inputs failed (batch)
  2  usage error (bad option, missing argument)
  3  an input could not be read (not a PDF, empty, encrypted, damaged, bad JSON)
  4  output could not be written or did not validate
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from extract.cli.common import (
    EXIT_INPUT,
    SEVERITY_RANK,
    OutputFailure,
    exit_for_findings,
    fail_on_option,
)


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
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes: several files are extracted side by side, one file's pages are read "
              "side by side (default: the number of cores; the output is the same).")
@fail_on_option
def run(pdfs: tuple[Path, ...], out: str, no_triage: bool, no_checks: bool, html: bool, jobs: int | None,
        fail_on: str | None) -> None:
    """Extract one or more agenda packs to JSON.

    Writes OUT/<pdf stem>.json for each PDF (default OUT is ./output). Each file is
    validated against the JSON Schema and written whole (temporary file, then
    rename) or not at all. A PDF that cannot be read gives a one-line error naming
    the file and the reason; the others are still processed, and the exit code is 3.
    """
    from extract.cli.runjobs import default_jobs, extract_all
    from extract.errors import PackError
    from extract.output import write_atomic
    from extract.pipeline import Options, tune_garbage_collector

    if out == "-" and len(pdfs) != 1:
        raise click.UsageError("--out - prints one JSON document: give exactly one PDF")
    if out == "-" and html:
        raise click.UsageError("--html writes <pdf stem>.html beside the JSON: give --out a folder, not '-'")
    options = Options(triage=not no_triage, checks=not no_checks)
    tune_garbage_collector()
    worst_input: tuple[str, str] | None = None
    worst_severity = -1
    for outcome in extract_all(list(pdfs), options, html, jobs or default_jobs()):
        pdf = outcome.pdf
        if outcome.input_error is not None:
            click.echo(f"error: {outcome.input_error[0]}: {outcome.input_error[1]}", err=True)
            worst_input = outcome.input_error
            continue
        if outcome.output_error is not None:
            raise OutputFailure(f"{pdf}: {outcome.output_error}")
        assert outcome.text is not None
        for severity in outcome.severities:
            worst_severity = max(worst_severity, SEVERITY_RANK[severity])
        if out == "-":
            click.echo(outcome.text, nl=False)
        else:
            target = Path(out) / f"{Path(pdf).stem}.json"
            try:
                write_atomic(target, outcome.text)
                if html and outcome.extraction is not None:
                    from extract.review.page import write_review

                    write_review(pdf, outcome.extraction, target.with_suffix(".html"))
            except OSError as exc:
                raise OutputFailure(f"{target}: cannot write ({exc.strerror or exc})") from exc
            except PackError as exc:  # the JSON is written; the page images could not be rendered
                click.echo(f"error: {exc.path}: review page not written: {exc.reason}", err=True)
                worst_input = (str(exc.path), str(exc.reason))
            click.echo(f"{pdf} -> {target} ({outcome.counts})", err=True)
    if worst_input is not None:
        sys.exit(EXIT_INPUT)
    exit_for_findings(worst_severity, fail_on)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the output (the same as schemas/extraction.schema.json)."""
    from extract.output import schema_text

    click.echo(schema_text(), nl=False)


def _register_optional_commands() -> None:
    """Commands that live in their own modules (each imports only click at top level)."""
    import importlib

    for module_name, attribute in (
        ("extract.cli.check", "check"),
        ("extract.cli.batch", "batch"),
        ("extract.cli.batch", "export"),
        ("extract.cli.review", "review"),
    ):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        main.add_command(getattr(module, attribute))


_register_optional_commands()
