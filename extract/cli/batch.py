"""`agenda-extract batch` and `agenda-extract export`.

Only click and the standard library are imported here at module level: extract.cli.main loads
this module for every `agenda-extract --help`. The batch machinery is imported inside the
commands.

Exit codes (as in extract.cli.main): 0 every input ok (or skipped as done / same content as an ok
one); 1 some inputs failed; 2 usage error (bad option, PATH that matches nothing, another
batch already writing to DIR, Dask unavailable); 3 (export) DIR is not a batch folder or an
output in it does not parse; 4 an output or the manifest could not be written.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from extract.cli.common import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_TIMEOUT,
    EXIT_INPUT,
    MAX_MEMORY_MB,
    MAX_TIMEOUT,
    MIN_MEMORY_MB,
    FiniteFloat,
    bounded_int,
    cpu_count,
    error_line,
    fail,
    ocr_option,
    os_reason,
    resolve_ocr,
)
from extract.errors import EXIT_INTERRUPTED, OutputError

MAX_JOBS = 1024


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Output folder: one <stem>-<sha256>.json per distinct input, and manifest.jsonl.")
@click.option("--jobs", type=bounded_int(1, MAX_JOBS), default=None,
              help="Cores to use: inputs processed at once, each in its own process; when fewer inputs "
              "remain than cores are free, an input starting then reads its scanned pages (OCR) with a share "
              "of the free cores (with --executor dask, the cluster's worker threads decide).  [default: CPU count]")
@click.option("--timeout", type=FiniteFloat(1, MAX_TIMEOUT), default=DEFAULT_TIMEOUT, show_default=True,
              help="Wall-clock seconds per input (each page OCR reads adds --ocr-page-timeout); a slower "
              "input fails with error type 'timeout'.")
@click.option("--max-memory", "max_memory", type=bounded_int(MIN_MEMORY_MB, MAX_MEMORY_MB),
              default=DEFAULT_MAX_MEMORY_MB,
              show_default=True, help="Address-space cap per input's process, in MB (RLIMIT_AS).")
@click.option("--quiet", is_flag=True, help="No progress bar, log lines or summary; the exit code tells.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where the per-input processes run: this machine, or a Dask cluster (needs --scheduler).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (with --executor dask).")
@ocr_option
def batch(paths: tuple[str, ...], out_dir: Path, jobs: int | None, timeout: float, max_memory: int, quiet: bool,
          executor: str, scheduler: str | None, ocr: str | None, ocr_page_timeout: float) -> None:
    """Extract many agenda packs into one folder, each in an isolated process; resumable.

    \b
    PATH is a PDF file, a folder (searched recursively for *.pdf, any case) or a glob
    (quote it: 'archive/**/*.pdf'). Each input runs in its own process with a wall-clock
    timeout and a memory cap; one that fails, hangs, crashes or runs out of memory gets
    a failed record and the batch carries on. OUT/manifest.jsonl has one JSON line per
    input: file, sha256, status (ok, failed, skipped), output, pages, seconds, error
    {type, message}, tool_version, duplicate_of, max_rss_mb, ocr_pages, ocr_failed, finished. OCR runs
    inside each input's process: its memory counts against --max-memory, its time against --timeout
    and --ocr-page-timeout for each page OCR reads (the limit grows with the scanned pages).
    When OCR fails on a paper that also has pages of text, those pages are read, the scanned
    ones are left blank and ocr_failed says why; a paper with nothing else readable fails.

    \b
    Then OUT/balances.json (when some paper prints a dated balance) pairs each year's
    closing balance printed in one paper (balances carried forward, AGAR box 7) with the
    next year's opening balance, and with the same year's balance, printed in another paper
    of the same council (the input's folder): agrees, within rounding, disagrees, or unsure
    with the reason (see `agenda-extract schema --balances`).

    \b
    Run it again with the same OUT to finish an interrupted batch: inputs whose content
    (sha256) and tool version already have a valid output are not processed again, and
    failed ones are retried. Files with the same content are processed once; the others
    are recorded as skipped, pointing at the same output.

    \b
    Exit codes: 0 every input ok or skipped; 1 some inputs failed; 2 usage error;
    4 an output could not be written; 130 interrupted (run it again to finish).
    """
    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler ADDRESS")
    if executor == "local" and scheduler:
        raise click.UsageError("--scheduler is only used with --executor dask")
    from extract.batch.runner import NoSuchInput, paths_to_inputs

    try:
        files = paths_to_inputs(paths)
    except NoSuchInput as exc:
        fail(exc)
    from extract.batch.worker import Limits

    summary = _run(files, out_dir, jobs or cpu_count(), Limits(timeout, max_memory, ocr_page_timeout), quiet,
                   executor, scheduler, resolve_ocr(ocr))
    if not quiet:
        warn_skipped_lines(out_dir, summary.manifest_lines_skipped)
    _balances(out_dir, quiet)
    sys.exit(summary.exit_code)


def _run(files, out_dir: Path, jobs: int, limits, quiet: bool, executor_name: str, scheduler: str | None,
         ocr: str = "never"):
    from extract.batch.progress import make_reporter
    from extract.batch.runner import run_batch
    from extract.errors import AgendaExtractError

    executor = _make_executor(executor_name, scheduler, jobs, _settings(out_dir, limits, ocr))
    try:
        return run_batch(files, out_dir, executor, make_reporter(quiet))
    except AgendaExtractError as exc:  # ManifestBusy, a manifest that is not a file
        fail(exc)
    except OSError as exc:
        fail(OutputError(getattr(exc, "filename", None) or out_dir, f"cannot write ({os_reason(exc)})"))
    except KeyboardInterrupt:
        click.echo("interrupted: run the same command again to finish", err=True)
        sys.exit(EXIT_INTERRUPTED)
    finally:
        executor.close()


def _balances(out_dir: Path, quiet: bool) -> None:
    """The stage after the papers: balances carried from one paper's year to the next's (DIR/balances.json)."""
    from extract.batch.balances import summary_line, write_balances
    from extract.errors import AgendaExtractError

    try:
        found = write_balances(out_dir)
    except AgendaExtractError as exc:
        fail(exc)
    except OSError as exc:
        fail(OutputError(getattr(exc, "filename", None) or out_dir, f"cannot write ({os_reason(exc)})"))
    if found is not None and not quiet:
        click.echo(summary_line(found), err=True)


def _settings(out_dir: Path, limits, ocr: str = "never"):
    from extract.batch.worker import WorkerSettings, faults_from_env

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(OutputError(out_dir, f"cannot create the output folder ({os_reason(exc)})"))
    log_path = str((out_dir / "worker.log").resolve())
    return WorkerSettings(limits, ocr=ocr, log_path=log_path, faults=faults_from_env())


def _make_executor(name: str, scheduler: str | None, jobs: int, settings):
    if name == "dask":
        from extract.batch.dask_executor import DaskExecutor, DaskUnavailable

        assert scheduler is not None  # checked with the options
        try:
            return DaskExecutor(scheduler, settings)
        except DaskUnavailable as exc:
            fail(exc)
    from extract.batch.local_executor import LocalExecutor

    return LocalExecutor(jobs, settings)


@click.command()
@click.argument("out_dir", metavar="DIR", type=click.Path(path_type=Path, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["sqlite", "csv", "jsonl"]), default="sqlite",
              show_default=True, help="sqlite: one database file; csv, jsonl: one file per table in a folder.")
@click.option("--to", "target", type=click.Path(path_type=Path), default=None,
              help="Where to write. [default: DIR/export.sqlite, DIR/export-csv/ or DIR/export-jsonl/]")
@click.option("--quiet", is_flag=True, help="Do not print what was written.")
def export(out_dir: Path, fmt: str, target: Path | None, quiet: bool) -> None:
    """Turn a batch output folder DIR into tables: SQLite (default), CSV or JSONL.

    \b
    Tables: inputs (one row per input file, with status and error), packs (one per
    distinct content, key sha256), service_cards (pack_sha256, card_id),
    financial_tables (pack_sha256, table_id), figures (pack_sha256, figure_index; with
    card_id / financial_table_id and role for a card's or table's figures) and findings
    (pack_sha256, finding_index; card_id where the subject is a card). Nested figures
    become columns such as budget_current_value, budget_current_text. CSVs are UTF-8
    with a byte-order mark and open directly in a spreadsheet.

    \b
    The whole export is written beside --to and moved into place: a failure leaves an
    earlier export as it was. --to may not name DIR, its manifest or an output, nor
    anything but an earlier export of the same format (exit 2).

    \b
    Exit codes: 0 written; 2 usage error; 3 DIR has no manifest.jsonl, or an output it
    names is missing, does not parse or is not the content its record names (the rest
    is still exported); 4 cannot write.
    """
    from extract.batch.export import batch_to_tables, load_batch
    from extract.batch.export_write import check_target, default_target, write_tables
    from extract.errors import AgendaExtractError

    try:
        loaded = load_batch(out_dir)
        target = target or default_target(out_dir, fmt)
        check_target(out_dir, target, fmt, loaded)
        tables = batch_to_tables(loaded)
        written = write_tables(tables, fmt, target)
    except AgendaExtractError as exc:
        fail(exc)
    warn_skipped_lines(out_dir, loaded.skipped_lines)
    if not quiet:
        counts = ", ".join(f"{len(t.rows)} {name}" for name, t in tables.items())
        click.echo(f"exported {counts} to {target}" + (f" ({len(written)} files)" if len(written) > 1 else ""),
                   err=True)
    for output, why in loaded.unreadable:
        click.echo(error_line(out_dir / output, why), err=True)
    if loaded.unreadable:
        sys.exit(EXIT_INPUT)


def warn_skipped_lines(out_dir: Path, lines: list[int], shown_at_most: int = 5) -> None:
    """Manifest lines that are not records (torn by a kill, edited by hand) were left out: say so."""
    from extract.errors import shown

    for number in lines[:shown_at_most]:
        click.echo(f"warning: {shown(out_dir / 'manifest.jsonl')}: line {number} is not a manifest record; skipped",
                   err=True)
    if len(lines) > shown_at_most:
        click.echo(f"warning: ... and {len(lines) - shown_at_most} more such lines", err=True)
