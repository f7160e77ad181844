"""The per-file job of a batch, and the child process it runs in.

One input = one child process. The child caps its own address space (RLIMIT_AS) and core
dumps before it touches the PDF, extracts it, and hands back a JobOutcome: the JSON text of
the output, or a short typed error. The parent (the local executor, or a Dask task) owns the
wall-clock timeout and turns a child that hangs, dies on a signal or runs out of memory into
a failed outcome too. Nothing here writes to the output folder: the batch process is the only
writer of outputs and of the manifest.

Also runnable as `python -m extract.batch_worker` (pickled job on stdin, pickled outcome on
stdout): the Dask executor uses that form, because Dask's worker processes are daemonic and
may not start multiprocessing children.
"""
from __future__ import annotations

import os
import pickle
import re
import resource
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extract.batch_manifest import ErrorInfo

# Test-only fault injection, read by the batch process and passed to the worker, never
# looked at by the extraction pipeline: "sleep:slowpack,crash:boom" makes inputs whose
# file name contains "slowpack" sleep forever and those containing "boom" segfault.
# Faults: sleep (hang), crash (SIGSEGV), memory (allocate until the cap), raise (exception).
TEST_FAULTS_ENV = "AGENDA_EXTRACT_TEST_FAULTS"
MESSAGE_LIMIT = 160


@dataclass(frozen=True)
class Limits:
    timeout: float  # seconds of wall clock per input, from start of its child to its outcome
    max_memory_mb: int  # address-space cap of the child (RLIMIT_AS), imports included


@dataclass(frozen=True)
class WorkerSettings:
    limits: Limits
    triage: bool = True
    checks: bool = True
    log_path: str | None = None  # where children's stdout/stderr go; None: discarded
    faults: tuple[tuple[str, str], ...] = ()  # (fault, file-name substring), tests only


@dataclass(frozen=True)
class BatchJob:
    file: str  # absolute path of the input
    sha256: str
    output: str  # output file name within DIR


@dataclass(frozen=True)
class JobOutcome:
    file: str
    status: Literal["ok", "failed"]
    pages: int | None
    seconds: float
    error: ErrorInfo | None = None
    document_text: str | None = None  # the validated JSON output, when ok
    max_rss_mb: int | None = None


def faults_from_env(value: str | None = None) -> tuple[tuple[str, str], ...]:
    value = os.environ.get(TEST_FAULTS_ENV, "") if value is None else value
    pairs = (item.split(":", 1) for item in value.split(",") if ":" in item)
    return tuple((fault.strip(), needle.strip()) for fault, needle in pairs if needle.strip())


# --- inside the child -------------------------------------------------------------------


def prepare_child(settings: WorkerSettings) -> None:
    """Limits first, so even the imports count against the cap; then quiet, detached output."""
    cap = settings.limits.max_memory_mb << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle, not ours
    _die_with_parent()
    _redirect_output(settings.log_path)


def _die_with_parent() -> None:
    """Linux: if the batch is killed, its children go too instead of working for nobody."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _redirect_output(log_path: str | None) -> None:
    # C libraries and warnings write to fds 1 and 2 directly; keep them off the progress bar.
    target = os.open(log_path or os.devnull, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(target, 1)
    os.dup2(target, 2)
    os.close(target)


def execute(job: BatchJob, settings: WorkerSettings) -> JobOutcome:
    """Extract one input; every exception becomes a failed outcome with a short reason."""
    started = time.monotonic()
    pages = None
    try:
        _inject_fault(job, settings)
        from extract.output import dumps, to_document
        from extract.pipeline import Options, extract_pack

        extraction = extract_pack(Path(job.file), Options(triage=settings.triage, checks=settings.checks))
        pages = extraction.source.pages
        _require_text(Path(job.file), pages)
        text = dumps(to_document(extraction))
        return JobOutcome(job.file, "ok", pages, _since(started), None, text, _peak_rss_mb())
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - the whole point: nothing escapes a job
        return JobOutcome(job.file, "failed", pages, _since(started), describe_error(exc, settings.limits),
                          None, _peak_rss_mb())


class NoText(Exception):
    kind = "no_text"


def _require_text(path: Path, pages: int) -> None:
    """A file that holds pages but not one character of text is not a clean success (a scan,
    or content no reader could decode). Stops at the first page with text, so an ordinary
    pack pays one page read."""
    from extract import fastpass

    document = fastpass.open_document(path)
    try:
        if any(fastpass.page_lines(document, n).lines for n in range(1, len(document) + 1)):
            return
    finally:
        document.close()
    raise NoText(f"none of the {pages} pages has any text (scanned or blank pages?)")


def _since(started: float) -> float:
    return round(time.monotonic() - started, 3)


def _peak_rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # Linux reports KiB


def describe_error(exc: BaseException, limits: Limits) -> ErrorInfo:
    """One stable type and one short, printable line: no traceback, no raw PDF bytes."""
    from extract.errors import OutputError, PackError

    name, module = type(exc).__name__, type(exc).__module__ or ""
    if isinstance(exc, PackError):
        return ErrorInfo(exc.kind, clean_message(exc.reason))
    if isinstance(exc, NoText):
        return ErrorInfo("no_text", clean_message(str(exc)))
    if isinstance(exc, MemoryError):
        return ErrorInfo("out_of_memory", f"needed more than the {limits.max_memory_mb} MB memory cap")
    if isinstance(exc, RecursionError):
        return ErrorInfo("damaged", "objects nested too deeply (a reference cycle?)")
    if isinstance(exc, OutputError):
        return ErrorInfo("invalid_output", clean_message(str(exc)))
    if name == "PdfiumError" or module.startswith(("pdfminer", "pdfplumber")):
        return ErrorInfo("damaged", clean_message(f"damaged PDF ({_reader(module)}: {exc or name})"))
    return ErrorInfo("internal_error", clean_message(f"{name}: {exc}" if str(exc) else name))


def _reader(module: str) -> str:
    return "pdfium" if "pdfium" in module else "pdfminer"


_BYTES_LITERAL = re.compile(r"""b(['"]).*?(\1|$)""")
_ESCAPES = re.compile(r"\\x[0-9a-fA-F]{2}|\\[0-7]{3}")
_UNPRINTABLE = re.compile(r"[^\x20-\x7e\u00a0-\u024f\u2018-\u201d\u2026\u00a3]")


def clean_message(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """First line only, bytes reprs and escapes replaced, unprintables dropped, at most limit chars."""
    line = next((part.strip() for part in str(text).splitlines() if part.strip()), "") or "unknown error"
    line = _ESCAPES.sub("", _BYTES_LITERAL.sub("<bytes>", line))
    line = _UNPRINTABLE.sub("", line)
    line = re.sub(r"\s+", " ", line).strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _inject_fault(job: BatchJob, settings: WorkerSettings) -> None:
    name = Path(job.file).name
    for fault, needle in settings.faults:
        if needle not in name:
            continue
        if fault == "sleep":
            time.sleep(10_000)
        elif fault == "crash":
            import ctypes

            ctypes.string_at(0)  # SIGSEGV, as a crashing C library would
        elif fault == "memory":
            hog = []
            while True:
                hog.append(bytearray(64 << 20))
        elif fault == "raise":
            raise RuntimeError(f"test fault in {name}\nTraceback (most recent call last): b'\\x00\\x01'")


# --- the parent's view of a child that did not answer --------------------------------------


def timeout_outcome(job: BatchJob, limits: Limits, seconds: float) -> JobOutcome:
    return JobOutcome(job.file, "failed", None, round(seconds, 3),
                      ErrorInfo("timeout", f"took longer than the {limits.timeout:g} s timeout"))


def crash_outcome(job: BatchJob, returncode: int | None, limits: Limits, seconds: float) -> JobOutcome:
    return JobOutcome(job.file, "failed", None, round(seconds, 3), describe_exit(returncode, limits))


def describe_exit(returncode: int | None, limits: Limits) -> ErrorInfo:
    if returncode is not None and returncode < 0:
        signum = -returncode
        if signum == signal.SIGKILL:
            return ErrorInfo("crashed", "the worker was killed (SIGKILL), probably out of memory")
        if signum in (signal.SIGABRT, signal.SIGBUS):
            return ErrorInfo("crashed", f"the worker aborted ({signal.Signals(signum).name}), "
                             f"often a C library out of memory under the {limits.max_memory_mb} MB cap")
        try:
            name = signal.Signals(signum).name
        except ValueError:
            name = f"signal {signum}"
        return ErrorInfo("crashed", f"the worker crashed ({name}) while reading the PDF")
    return ErrorInfo("crashed", f"the worker exited with code {returncode} without a result")


# --- subprocess form (used by the Dask executor) -------------------------------------------


def run_in_subprocess(job: BatchJob, settings: WorkerSettings) -> JobOutcome:
    """Run one job in a fresh `python -m extract.batch_worker` and wait at most the timeout."""
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "extract.batch_worker"],
            input=pickle.dumps((job, settings)),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=settings.limits.timeout,
            env=child_environment(),
        )
    except subprocess.TimeoutExpired:  # run() has killed and reaped the child
        return timeout_outcome(job, settings.limits, time.monotonic() - started)
    if done.returncode != 0 or not done.stdout:
        return crash_outcome(job, done.returncode, settings.limits, time.monotonic() - started)
    outcome: JobOutcome = pickle.loads(done.stdout)
    return _with_seconds(outcome, time.monotonic() - started)


def _with_seconds(outcome: JobOutcome, seconds: float) -> JobOutcome:
    from dataclasses import replace

    return replace(outcome, seconds=round(seconds, 3))


def child_environment() -> dict[str, str]:
    """One thread per child: parallelism comes from processes, and BLAS thread pools would
    multiply under --jobs and eat into the address-space cap."""
    env = dict(os.environ)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(name, "1")
    return env


def _subprocess_main() -> None:
    result = os.fdopen(os.dup(1), "wb")  # our answer goes here; fd 1 itself is redirected
    job, settings = pickle.load(sys.stdin.buffer)
    prepare_child(settings)
    outcome = execute(job, settings)
    pickle.dump(outcome, result)
    result.close()


if __name__ == "__main__":
    _subprocess_main()
