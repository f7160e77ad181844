"""The batch manifest: `DIR/manifest.jsonl`, one JSON record per input.

The manifest is the batch's memory. It is appended one line at a time, each line flushed
and fsynced before the next input is reported, so a run killed at any moment loses at
most the line it was writing; the next run reads it tolerantly (a torn last line is
ignored and cut off before appending) and compacts it to one line per input when it ends.
Only this module reads or writes the manifest.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal, TextIO

from extract.errors import UsageProblem
from extract.output import write_atomic

MANIFEST_NAME = "manifest.jsonl"
LOCK_NAME = ".batch.lock"
Status = Literal["ok", "failed", "skipped"]


@dataclass(frozen=True)
class ErrorInfo:
    """Why an input failed: a stable `type` to filter on and one short line for people."""

    type: str
    message: str


@dataclass(frozen=True)
class ManifestRecord:
    file: str  # absolute path of the input
    sha256: str | None  # None only when the input could not be read at all
    status: Status
    output: str | None  # JSON file name relative to DIR, None when failed
    pages: int | None
    seconds: float | None
    error: ErrorInfo | None
    tool_version: str
    duplicate_of: str | None = None  # the input whose output this one shares
    max_rss_mb: int | None = None  # peak resident memory of the worker, when it finished
    relations: tuple[int, int, int, int] | None = None  # totals checked, agree, within rounding, disagree
    ocr_pages: int = 0  # pages read by OCR (scanned pages); 0: OCR not used
    ocr_failed: str | None = None  # "N page(s): reason" when OCR failed and the text pages were read alone
    finished: str = field(default_factory=lambda: utc_now())

    def to_line(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":")) + "\n"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ManifestRecord:
        """Tolerant of missing and unknown keys, so manifests from other versions still read;
        strict about the types of the keys it uses (NotARecord otherwise)."""
        error = data.get("error")
        if error is not None and not (isinstance(error, dict) and all(
                isinstance(error.get(k), str) for k in ("type", "message"))):
            raise NotARecord("error is not {type, message}")
        return cls(
            file=_typed(data, "file", str, required=True),
            sha256=_typed(data, "sha256", str),
            status=data["status"],
            output=_typed(data, "output", str),
            pages=_typed(data, "pages", int),
            seconds=_typed(data, "seconds", (int, float)),
            error=ErrorInfo(error["type"], error["message"]) if error is not None else None,
            tool_version=_typed(data, "tool_version", str) or "",
            duplicate_of=_typed(data, "duplicate_of", str),
            max_rss_mb=_typed(data, "max_rss_mb", int),
            relations=_tally(data.get("relations")),
            ocr_pages=_typed(data, "ocr_pages", int) or 0,
            ocr_failed=_typed(data, "ocr_failed", str),
            finished=_typed(data, "finished", str) or "",
        )

    def as_duplicate_of(self, file: str) -> ManifestRecord:
        """The record for another input with the same content: shares this one's output."""
        status: Status = "skipped" if self.status in ("ok", "skipped") else "failed"
        return replace(self, file=file, status=status, seconds=0.0, duplicate_of=self.duplicate_of or self.file,
                       max_rss_mb=None, relations=None)


def _tally(value: Any) -> tuple[int, int, int, int] | None:
    if isinstance(value, list) and len(value) == 4 and all(isinstance(v, int) for v in value):
        return (value[0], value[1], value[2], value[3])
    return None


class NotARecord(ValueError):
    """A valid JSON line that is not a manifest record (a key of the wrong type)."""


def _typed(data: dict[str, Any], key: str, kind, required: bool = False) -> Any:
    value = data.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise NotARecord(f"{key} is not a {getattr(kind, '__name__', 'number')}")
    return value


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def parse_manifest(text: str, skipped: list[int] | None = None) -> list[ManifestRecord]:
    """Every well-formed record, in order. Torn, foreign or mistyped lines are skipped, not
    fatal; their line numbers are added to `skipped` when it is given."""
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            data = json.loads(line)
            if not (isinstance(data, dict) and data.get("status") in ("ok", "failed", "skipped")):
                raise NotARecord("no status")
            record = ManifestRecord.from_dict(data)
            if record.output is not None and Path(record.output).name != record.output:
                raise NotARecord("output is not a file name")
            records.append(record)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            if skipped is not None and line.strip():
                skipped.append(number)
    return records


def latest_by_file(records: Iterable[ManifestRecord]) -> dict[str, ManifestRecord]:
    """The last record of each input, in order of first appearance (dicts keep insertion order)."""
    latest: dict[str, ManifestRecord] = {}
    for record in records:
        latest[record.file] = record
    return latest


class Manifest:
    """The manifest of one output folder, held under an exclusive lock while a batch runs."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / MANIFEST_NAME
        self._lock_handle: TextIO | None = None
        self._append_handle: TextIO | None = None

    def __enter__(self) -> Manifest:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        handle = (self.out_dir / LOCK_NAME).open("a")
        try:
            # Two batches appending to one manifest would interleave; the lock dies with its process.
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise ManifestBusy(None, f"another batch is writing to {self.out_dir}") from None
        self._lock_handle = handle
        self._remove_stale_temporaries()
        return self

    def _remove_stale_temporaries(self) -> None:
        """Half-written files of a killed run (write_atomic's `.<name>.<random>.tmp`): under
        the lock no other batch can be writing them."""
        for pattern in (".*.json.*.tmp", f".{MANIFEST_NAME}.*.tmp"):
            for stale in self.out_dir.glob(pattern):
                stale.unlink(missing_ok=True)

    def __exit__(self, *_exc) -> None:
        if self._append_handle is not None:
            self._append_handle.close()
            self._append_handle = None
        if self._lock_handle is not None:
            self._lock_handle.close()
            self._lock_handle = None

    def read(self, skipped: list[int] | None = None) -> list[ManifestRecord]:
        return read_manifest(self.out_dir, skipped)

    def append(self, record: ManifestRecord) -> None:
        if self._append_handle is None:
            _cut_torn_tail(self.path)
            self._append_handle = self.path.open("a", encoding="utf-8")
        self._append_handle.write(record.to_line())
        self._append_handle.flush()
        os.fsync(self._append_handle.fileno())

    def compact(self) -> list[ManifestRecord]:
        """Rewrite the manifest as one line per input (its latest record), whole or not at all."""
        if self._append_handle is not None:
            self._append_handle.close()
            self._append_handle = None
        latest = list(latest_by_file(self.read()).values())
        write_atomic(self.path, "".join(record.to_line() for record in latest))
        return latest


class ManifestBusy(UsageProblem):
    """Another batch holds the folder's lock."""


def read_manifest(out_dir: Path, skipped: list[int] | None = None) -> list[ManifestRecord]:
    path = Path(out_dir) / MANIFEST_NAME
    if path.exists() and not path.is_file():  # a FIFO here would block the batch forever
        raise UsageProblem(path, "is not a regular file: not a batch manifest")
    try:
        return parse_manifest(path.read_text(encoding="utf-8", errors="replace"), skipped)
    except FileNotFoundError:
        return []


def _cut_torn_tail(path: Path) -> None:
    """Drop a last line without its newline (a write cut short by a kill) so the next append
    starts on a line of its own instead of gluing itself onto the torn one."""
    try:
        with path.open("rb+") as handle:
            data = handle.read()
            if data and not data.endswith(b"\n"):
                handle.truncate(data.rfind(b"\n") + 1)
    except FileNotFoundError:
        pass


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RUNS = re.compile(r"([-._])[-._]+")


def safe_stem(name: str, limit: int = 60) -> str:
    """A file-name stem that is plain ASCII, has no separators and cannot be '.' or '..'."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = _RUNS.sub(r"\1", _UNSAFE.sub("-", folded)).strip("-._")[:limit].strip("-._")
    return stem or "pack"


def output_name(input_path: Path, sha256: str) -> str:
    """`<stem>-<sha256>.json`: readable, never outside DIR (no separators survive), and two
    different contents never share a name (the whole hash; a batch also checks, see
    runner.unclashed_name). Outputs of earlier versions (12 hex digits) are still found
    through their manifest records."""
    return f"{safe_stem(Path(input_path).stem)}-{sha256}.json"


MAX_OUTPUT_BYTES = 1 << 30  # an output is a few MB; a bigger "output" is not one of ours


def read_output_document(out_dir: Path, output: str) -> tuple[dict | None, str]:
    """The parsed output DIR/output and "", or None and why not (missing, not a regular file,
    too big, not JSON)."""
    path = Path(out_dir) / Path(output).name
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file; left out"
        if info.st_size > MAX_OUTPUT_BYTES:
            return None, "too large to be an output; left out"
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None, "missing or not valid JSON; left out"
    return (document, "") if isinstance(document, dict) else (None, "not an output; left out")


def output_is_valid(out_dir: Path, output: str | None, sha256: str | None) -> bool:
    """The output a record points at exists, parses, and is the extraction of that content."""
    if not output or not sha256 or Path(output).name != output:
        return False
    document, _ = read_output_document(out_dir, output)
    source = document.get("source") if document is not None else None
    return isinstance(source, dict) and source.get("sha256") == sha256
