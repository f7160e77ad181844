"""Batch runs: many packs to one output folder, in isolated workers, resumable.

    paths ──paths_to_inputs──▶ input files ──plan_batch──▶ Plan (jobs to run, inputs already
    done, duplicates) ──executor.run──▶ JobOutcome ──outcome_to_record──▶ output JSON + one
    manifest line ──▶ Summary

Identity is content: an input is its sha256. Its output is named `<stem>-<sha256>.json`, an
input whose sha256 and tool version already have a valid output is not run again, and a
second file with the same content is recorded as `skipped` pointing at the first one's
output (no copy: the output describes the content, and the manifest says which files share
it). Failed inputs are retried on the next run: a timeout may pass with a longer one.
"""
from __future__ import annotations

import glob
import hashlib
import os
import stat
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from extract import __version__
from extract.batch.manifest import (
    ErrorInfo,
    Manifest,
    ManifestRecord,
    latest_by_file,
    output_is_valid,
    output_name,
    utc_now,
)
from extract.batch.worker import BatchJob, JobOutcome
from extract.errors import EXIT_FINDINGS, EXIT_OK, UsageProblem
from extract.output import write_atomic

GLOB_CHARACTERS = frozenset("*?[")


class NoSuchInput(UsageProblem):
    """A PATH that is neither a file, a folder nor a glob matching anything."""


class Executor(Protocol):
    def run(self, jobs: Iterable[BatchJob]) -> Iterator[JobOutcome]: ...

    def close(self) -> None: ...


class Reporter(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, record: ManifestRecord, resumed: bool) -> None: ...

    def finish(self, summary: Summary) -> None: ...


# --- inputs -------------------------------------------------------------------------------


def paths_to_inputs(paths: Sequence[str | Path]) -> list[Path]:
    """Absolute input files, each once, in argument order (folders sorted, searched recursively).

    A file named on the command line is taken whatever its extension; folders and globs
    contribute only *.pdf (any case), so `archive/**/*` does not sweep in READMEs."""
    seen: dict[str, Path] = {}
    for raw in paths:
        for path in _expand(str(raw)):
            seen.setdefault(os.path.abspath(path), Path(os.path.abspath(path)))
    return list(seen.values())


def _expand(raw: str) -> list[Path]:
    path = Path(raw)
    if path.is_dir():
        return _pdfs_under(path)
    if path.exists() or path.is_symlink():
        return [path]
    if GLOB_CHARACTERS & set(raw):
        matches = sorted(glob.glob(raw, recursive=True))
        found = [p for m in matches for p in (_pdfs_under(Path(m)) if Path(m).is_dir() else [Path(m)])]
        found = [p for p in found if _is_pdf_name(p)]
        if found:
            return found
        raise NoSuchInput(raw, "no PDF matches this pattern")
    raise NoSuchInput(raw, "no such file or folder")


def _pdfs_under(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):  # symlinked folders are not followed: no cycles
        dirs.sort()
        found += [Path(root) / name for name in sorted(files) if _is_pdf_name(Path(name))]
    return found


def _is_pdf_name(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def hash_input(path: Path) -> tuple[str | None, ErrorInfo | None]:
    """sha256 of a regular file, or why it cannot be read (a FIFO would block the batch)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None, ErrorInfo("not_a_pdf", "not a regular file")
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest(), None
    except OSError as exc:
        return None, ErrorInfo("unreadable", f"cannot read the file ({exc.strerror or type(exc).__name__})")


# --- plan -----------------------------------------------------------------------------------


@dataclass
class Plan:
    jobs: list[BatchJob] = field(default_factory=list)
    done: list[ManifestRecord] = field(default_factory=list)  # valid from an earlier run; nothing to write
    decided: list[ManifestRecord] = field(default_factory=list)  # known without running: unreadable, copies
    waiting: dict[str, list[str]] = field(default_factory=dict)  # job file -> same-content files

    @property
    def total(self) -> int:
        return len(self.jobs) + len(self.done) + len(self.decided) + sum(map(len, self.waiting.values()))


def plan_batch(files: Sequence[Path], out_dir: Path, previous: Sequence[ManifestRecord],
               tool_version: str = __version__) -> Plan:
    plan = Plan()
    latest = latest_by_file(previous)
    reusable = {r.sha256: r for r in previous if r.status in ("ok", "skipped") and r.tool_version == tool_version}
    valid = lru_cache(maxsize=None)(lambda output, sha: output_is_valid(out_dir, output, sha))
    first_with: dict[str, str] = {}
    taken = {r.output: r.sha256 for r in previous if r.output and r.sha256}  # output name -> its content
    for path in files:
        file = str(path)
        sha, error = hash_input(path)
        if sha is None:
            plan.decided.append(ManifestRecord(file, None, "failed", None, None, 0.0, error, tool_version))
            continue
        before = latest.get(file)
        if before is not None and _same_and_current(before, sha, tool_version) and valid(before.output, sha):
            plan.done.append(before)
            continue
        earlier = reusable.get(sha)
        if earlier is not None and valid(earlier.output, sha):
            # Its own older ok record (a later failure recorded over it), or another file's output.
            same_file = earlier.file == file
            plan.decided.append(replace(earlier, finished=utc_now()) if same_file else earlier.as_duplicate_of(file))
        elif sha in first_with:
            plan.waiting[first_with[sha]].append(file)
        else:
            first_with[sha] = file
            plan.waiting[file] = []
            name = unclashed_name(output_name(path, sha), sha, taken, out_dir)
            taken[name] = sha
            plan.jobs.append(BatchJob(file, sha, name))
    plan.jobs.sort(key=_size_descending)  # longest first: the tail of a parallel run stays short
    return plan


def unclashed_name(name: str, sha: str, taken: dict[str, str], out_dir: Path) -> str:
    """`name`, or `name` with a -2, -3 ... before .json when another content already has it:
    in the manifest, earlier in this plan, or as a file in DIR that describes other content."""
    stem, n = name[: -len(".json")] if name.endswith(".json") else name, 1
    candidate = name
    while taken.get(candidate, sha) != sha or _other_content_on_disk(out_dir, candidate, sha, taken):
        n += 1
        candidate = f"{stem}-{n}.json"
    return candidate


def _other_content_on_disk(out_dir: Path, name: str, sha: str, taken: dict[str, str]) -> bool:
    if name in taken or not (Path(out_dir) / name).exists():
        return False
    return not output_is_valid(out_dir, name, sha)


def _same_and_current(record: ManifestRecord, sha: str, tool_version: str) -> bool:
    return record.sha256 == sha and record.tool_version == tool_version and record.status in ("ok", "skipped")


def _size_descending(job: BatchJob) -> int:
    try:
        return -os.path.getsize(job.file)
    except OSError:
        return 0


# --- run ------------------------------------------------------------------------------------


@dataclass
class Summary:
    ok: int = 0
    failed: int = 0
    skipped: int = 0
    resumed: int = 0  # of the skipped: already done by an earlier run
    pages: int = 0  # pages extracted by this run
    elapsed: float = 0.0
    relations: list[int] = field(default_factory=lambda: [0, 0, 0, 0])  # checked, agree, within, disagree
    manifest_lines_skipped: list[int] = field(default_factory=list)  # not records: reported, left out

    def add(self, record: ManifestRecord, resumed: bool = False) -> None:
        if record.relations is not None and (resumed or record.status == "ok"):
            self.relations = [a + b for a, b in zip(self.relations, record.relations, strict=True)]
        if resumed:
            self.skipped += 1
            self.resumed += 1
        elif record.status == "ok":
            self.ok += 1
            self.pages += record.pages or 0
        elif record.status == "failed":
            self.failed += 1
        else:
            self.skipped += 1

    @property
    def exit_code(self) -> int:
        return EXIT_FINDINGS if self.failed else EXIT_OK  # batch: 1 means some inputs failed


def run_batch(files: Sequence[Path], out_dir: Path, executor: Executor, reporter: Reporter,
              tool_version: str = __version__) -> Summary:
    """Process every input once into out_dir; the manifest gets one line per input decided."""
    started = time.monotonic()
    summary = Summary()
    with Manifest(out_dir) as manifest:
        plan = plan_batch(files, out_dir, manifest.read(summary.manifest_lines_skipped), tool_version)
        reporter.start(plan.total)

        def record(entry: ManifestRecord, resumed: bool = False) -> None:
            if not resumed:
                manifest.append(entry)
            summary.add(entry, resumed)
            reporter.advance(entry, resumed)

        for entry in plan.done:
            record(entry, resumed=True)
        for entry in plan.decided:
            record(entry)
        jobs = {job.file: job for job in plan.jobs}
        for outcome in executor.run(plan.jobs):
            entry = outcome_to_record(outcome, jobs[outcome.file], out_dir, tool_version)
            record(entry)
            for twin in plan.waiting.pop(outcome.file, []):
                record(entry.as_duplicate_of(twin))
        manifest.compact()
    summary.elapsed = time.monotonic() - started
    reporter.finish(summary)
    return summary


def outcome_to_record(outcome: JobOutcome, job: BatchJob, out_dir: Path, tool_version: str) -> ManifestRecord:
    """Write the output (whole or not at all) before the manifest line that vouches for it."""
    output = None
    if outcome.status == "ok" and outcome.document_text is not None:
        write_atomic(Path(out_dir) / job.output, outcome.document_text)
        output = job.output
    return ManifestRecord(
        file=job.file, sha256=job.sha256, status=outcome.status, output=output, pages=outcome.pages,
        seconds=outcome.seconds, error=outcome.error, tool_version=tool_version, max_rss_mb=outcome.max_rss_mb,
        relations=outcome.relations,
        ocr_pages=outcome.ocr_pages,
        ocr_failed=outcome.ocr_failed,
    )
