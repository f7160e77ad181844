"""How `run` spreads its work over the cores (`--jobs`), with the output of a one-process run.

Several files: each file is extracted whole in a worker process, forked from this one after
the pipeline is imported and warmed (spaCy, the schema validator), so start-up is paid once;
results come back in the order the files were given, and this process writes them and prints
their messages in that order. One file: its structure pages are read by pdfplumber in the
worker processes (extract.read.pool) while this process finds the structures in the pages
already read. `--jobs 1` reads everything in this process.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from extract.models import Extraction
    from extract.pipeline import Options


def default_jobs() -> int:
    """As batch: the cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Extracted:
    """One file's outcome: the JSON text (or the input error), and what run reports of it."""

    pdf: Path
    text: str | None = None
    counts: str = ""
    severities: tuple[str, ...] = ()
    extraction: Extraction | None = None  # kept only when the review page is wanted
    input_error: tuple[str, str] | None = None  # (path, reason) of a PackError
    output_error: str | None = None  # an OutputError's message


def extract_one(pdf: Path, options: Options, keep: bool, pool=None) -> Extracted:
    from extract.errors import OutputError, PackError
    from extract.output import dumps, to_document
    from extract.pipeline import extract_pack

    try:
        extraction = extract_pack(pdf, options, pool)
        text = dumps(to_document(extraction))
    except PackError as exc:
        return Extracted(pdf, input_error=(str(exc.path), str(exc.reason)))
    except OutputError as exc:
        return Extracted(pdf, output_error=str(exc))
    counts = (f"{len(extraction.service_cards)} cards, {len(extraction.financial_tables)} Appendix B tables, "
              f"{len(extraction.tables)} other tables, {len(extraction.post_lists)} lists of posts, "
              f"{len(extraction.findings)} findings")
    return Extracted(pdf, text, counts, tuple(f.severity for f in extraction.findings), extraction if keep else None)


def extract_all(pdfs: Sequence[Path], options: Options, keep: bool, jobs: int) -> Iterator[Extracted]:
    """Each file's outcome, in the order given."""
    if jobs <= 1:
        for pdf in pdfs:
            yield extract_one(pdf, options, keep)
        return
    _warm()
    if len(pdfs) == 1:
        from extract.read.pool import PagePool

        with PagePool(jobs) as pool:
            yield extract_one(pdfs[0], options, keep, pool)
        return
    context = multiprocessing.get_context("fork")
    from extract.read.pool import die_with_parent

    with ProcessPoolExecutor(min(jobs, len(pdfs)), mp_context=context, initializer=die_with_parent) as executor:
        # Submitted a few at a time so finished outcomes do not pile up unwritten.
        pending: list[Future[Extracted]] = []
        queue = list(pdfs)
        while queue or pending:
            while queue and len(pending) < 2 * jobs:
                pending.append(executor.submit(extract_one, queue.pop(0), options, keep))
            yield pending.pop(0).result()


def _warm() -> None:
    """Import and build what every file needs before forking, so workers start warm."""
    import extract.batch.preload  # noqa: F401 - imports the pipeline, builds spaCy and the validator
    from extract.pipeline import tune_garbage_collector

    tune_garbage_collector()  # frozen objects are shared with the forked workers, not copied
