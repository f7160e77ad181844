"""The per-file job of a batch, and the child process it runs in.

One input = one child process. The child caps its own address space (RLIMIT_AS) and core
dumps before it touches the PDF, extracts it, and hands back a JobOutcome: the JSON text of
the output, or a short typed error. The parent (the local executor, or a Dask task) owns the
wall-clock timeout and turns a child that hangs, dies on a signal or runs out of memory into
a failed outcome too. Nothing here writes to the output folder: the batch process is the only
writer of outputs and of the manifest.

Also runnable as `python -m extract.batch.worker` (pickled job on stdin, pickled outcome on
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
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extract.batch.manifest import ErrorInfo

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
    # OCR is slower than reading text by a hundredfold: each page OCR reads adds this much to
    # the input's timeout, so a limit sized for text does not fail every long scanned pack
    # (the commands' default: DEFAULT_OCR_PAGE_SECONDS in extract/cli/common.py).
    ocr_page_seconds: float = 0.0

    def allowed(self, ocr_pages: int) -> float:
        """Seconds an input may take when OCR reads ocr_pages of it."""
        return self.timeout + ocr_pages * self.ocr_page_seconds

    def exceeded(self, ocr_pages: int) -> str:
        """Why an input was stopped: the limit it went past, as the options say it."""
        if not ocr_pages:
            return f"took longer than the {self.timeout:g} s timeout (--timeout)"
        return (f"took longer than {self.allowed(ocr_pages):g} s: the {self.timeout:g} s timeout (--timeout) and "
                f"{self.ocr_page_seconds:g} s for each of its {ocr_pages} OCR'd pages (--ocr-page-timeout)")


@dataclass(frozen=True)
class OcrAhead:
    """A child's word to its parent before OCR starts: the pages it will read, each of which
    adds Limits.ocr_page_seconds to its deadline."""

    pages: int


def tell_ocr_pages(send: Callable[[OcrAhead], object]) -> None:
    """In a limited child: pass on the pages OCR is about to read (read/ocr.py) with `send`."""
    from extract.read.ocr import tell_ocr_pages_to

    tell_ocr_pages_to(lambda pages: send(OcrAhead(pages)))


@dataclass(frozen=True)
class PagesDone:
    """A child's word to its parent as it reads one paper: `done` of its `pages` read so far
    (read/progress.py)."""

    done: int
    pages: int


def tell_pages_done(send: Callable[[PagesDone], object]) -> None:
    """In a limited child: pass on each page read of the paper (read/progress.py) with `send`."""
    from extract.read.progress import tell_pages_read_to

    tell_pages_read_to(lambda done, pages: send(PagesDone(done, pages)))


@dataclass(frozen=True)
class WorkerSettings:
    limits: Limits
    triage: bool = True
    checks: bool = True
    log_path: str | None = None  # where children's stdout/stderr go; None: discarded
    faults: tuple[tuple[str, str], ...] = ()  # (fault, file-name substring), tests only
    ocr: str = "never"  # --ocr: auto | always | never (extract/read/ocr.py); runs inside the child, under its limits


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
    relations: tuple[int, int, int, int] | None = None  # checked, agree, within rounding, disagree
    ocr_pages: int = 0  # pages read by OCR
    ocr_failed: str | None = None  # scanned pages OCR could not read (left blank) and why


def faults_from_env(value: str | None = None) -> tuple[tuple[str, str], ...]:
    value = os.environ.get(TEST_FAULTS_ENV, "") if value is None else value
    pairs = (item.split(":", 1) for item in value.split(",") if ":" in item)
    return tuple((fault.strip(), needle.strip()) for fault, needle in pairs if needle.strip())


# --- inside the child -------------------------------------------------------------------


def apply_limits(limits: Limits) -> None:
    """Cap this process's address space (RLIMIT_AS) and turn off core dumps; then die with
    the parent. Never raises the cap above a hard limit already set."""
    cap = limits.max_memory_mb << 20
    for limit, value in ((resource.RLIMIT_AS, cap), (resource.RLIMIT_CORE, 0)):
        try:
            _soft, hard = resource.getrlimit(limit)
            value = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(limit, (value, value))
        except (ValueError, OSError):  # e.g. macOS refuses RLIMIT_AS: the timeout still holds
            pass
    _die_with_parent()


def prepare_child(settings: WorkerSettings) -> None:
    """Limits first, so even the imports count against the cap; then quiet, detached output."""
    apply_limits(settings.limits)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the batch's to handle, not ours
    _redirect_output(settings.log_path)
    from extract.pipeline import tune_garbage_collector

    tune_garbage_collector()


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


def execute(job: BatchJob, settings: WorkerSettings, cores: int = 1) -> JobOutcome:
    """Extract one input; every exception becomes a failed outcome with a short reason.
    `cores`: how many the batch gives it, for its scanned pages (OCR) read side by side."""
    started = time.monotonic()
    pages = None
    try:
        _inject_fault(job, settings)
        from extract.checks import tally
        from extract.output import dumps, to_document
        from extract.pipeline import Options, extract_pack

        options = Options(triage=settings.triage, checks=settings.checks, ocr=settings.ocr,  # type: ignore[arg-type]
                          ocr_jobs=cores)
        extraction = extract_pack(Path(job.file), options)
        pages = extraction.source.pages  # a pack with no page of usable text raised NoText in extract_pack
        text = dumps(to_document(extraction))
        return JobOutcome(job.file, "ok", pages, _since(started), None, text, _peak_rss_mb(),
                          tally(extraction.relations), len(extraction.source.ocr_pages),
                          _ocr_failed(extraction.source.ocr_failure))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - the whole point: nothing escapes a job
        return JobOutcome(job.file, "failed", pages, _since(started), describe_error(exc, settings.limits),
                          None, _peak_rss_mb())


def _ocr_failed(failure) -> str | None:
    return f"{len(failure.pages)} page(s) left blank: {failure.reason}" if failure is not None else None


def _since(started: float) -> float:
    return round(time.monotonic() - started, 3)


def _peak_rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # Linux reports KiB


def describe_error(exc: BaseException, limits: Limits) -> ErrorInfo:
    """One stable type and one short, printable line: no traceback, no raw PDF bytes."""
    from extract.errors import AgendaExtractError

    name, module = type(exc).__name__, type(exc).__module__ or ""
    if isinstance(exc, AgendaExtractError):  # PackError and its kinds, NoText, OutputError, ...
        return ErrorInfo(exc.kind, clean_message(exc.reason))
    if isinstance(exc, MemoryError):
        return ErrorInfo("out_of_memory", f"needed more than the {limits.max_memory_mb} MB memory cap")
    if isinstance(exc, RecursionError):
        return ErrorInfo("damaged", "objects nested too deeply (a reference cycle?)")
    if name == "PdfiumError" and "load page" in str(exc).lower():
        return ErrorInfo("damaged", "damaged PDF: a page cannot be loaded (pdfium)")
    if name == "PdfiumError" or module.startswith(("pdfminer", "pdfplumber")):
        return ErrorInfo("damaged", clean_message(f"damaged PDF ({_reader(module)}: {exc or name})"))
    return ErrorInfo("internal_error", clean_message(f"{name}: {exc}" if str(exc) else name))


def _reader(module: str) -> str:
    return "pdfium" if "pdfium" in module else "pdfminer"


_BYTES_LITERAL = re.compile(r"""(?<![A-Za-z0-9_])b(['"]).*?(\1|$)""")
_ESCAPES = re.compile(r"\\x[0-9a-fA-F]{2}|\\[0-7]{3}")
_UNPRINTABLE = re.compile(r"[^\x20-\x7e\u00a0-\u024f\u2018-\u201d\u2026\u00a3]")


def clean_message(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """One line (a traceback's last, else the first), bytes reprs and escapes replaced,
    unprintables dropped, at most limit chars."""
    lines = [part.strip() for part in str(text).splitlines() if part.strip()]
    if lines and lines[0].startswith("Traceback"):
        lines = lines[-1:]
    line = lines[0] if lines else "unknown error"
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


# --- the parent's view of a child ---------------------------------------------------------

SAMPLE_SECONDS = 0.25  # how often the parent looks at a running child's memory
NEAR_CAP = 0.8  # a child that died of a signal this close to its cap ran out of memory


@dataclass
class MemoryWatch:
    """Peaks of a running child, sampled from /proc (Linux) by its parent: they survive the
    child's death, so a crash near the cap can be called what it is, out of memory."""

    pid: int
    peak_vm_mb: int = 0  # address space: what RLIMIT_AS limits
    peak_rss_mb: int = 0

    def sample(self) -> None:
        try:
            with open(f"/proc/{self.pid}/status", encoding="ascii", errors="replace") as handle:
                fields = dict(line.split(":", 1) for line in handle if ":" in line)
        except OSError:
            return
        self.peak_vm_mb = max(self.peak_vm_mb, _kib_to_mb(fields.get("VmPeak")))
        self.peak_rss_mb = max(self.peak_rss_mb, _kib_to_mb(fields.get("VmHWM")))


def _kib_to_mb(value: str | None) -> int:
    try:
        return int(value.split()[0]) // 1024 if value else 0
    except (ValueError, IndexError):
        return 0


def timeout_outcome(job: BatchJob, limits: Limits, seconds: float, watch: MemoryWatch | None = None,
                    ocr_pages: int = 0) -> JobOutcome:
    return JobOutcome(job.file, "failed", None, round(seconds, 3), ErrorInfo("timeout", limits.exceeded(ocr_pages)),
                      max_rss_mb=watch.peak_rss_mb or None if watch else None, ocr_pages=ocr_pages)


def crash_outcome(job: BatchJob, returncode: int | None, limits: Limits, seconds: float,
                  watch: MemoryWatch | None = None) -> JobOutcome:
    near_cap = watch is not None and watch.peak_vm_mb >= NEAR_CAP * limits.max_memory_mb
    return JobOutcome(job.file, "failed", None, round(seconds, 3), describe_exit(returncode, limits, near_cap),
                      max_rss_mb=watch.peak_rss_mb or None if watch else None)


def describe_exit(returncode: int | None, limits: Limits, near_cap: bool = False) -> ErrorInfo:
    if returncode is None or returncode >= 0:
        return ErrorInfo("crashed", f"the worker exited with code {returncode} without a result")
    try:
        name = signal.Signals(-returncode).name
    except ValueError:
        name = f"signal {-returncode}"
    if near_cap and -returncode in (signal.SIGSEGV, signal.SIGABRT, signal.SIGBUS, signal.SIGKILL):
        # C code (pdfium, zlib) meeting a failed allocation tends to die rather than raise
        return ErrorInfo("out_of_memory", f"ran out of memory under the {limits.max_memory_mb} MB cap "
                         f"(the worker died of {name})")
    if -returncode == signal.SIGKILL:
        # Far from the cap: someone or something else (kill -9, the system's OOM killer) ended it.
        return ErrorInfo("crashed", "the worker was killed (SIGKILL) by another process or the system")
    return ErrorInfo("crashed", f"the worker crashed ({name}) while reading the PDF")


# --- subprocess form (used by the Dask executor) -------------------------------------------


def run_in_subprocess(job: BatchJob, settings: WorkerSettings) -> JobOutcome:
    """Run one job in a fresh `python -m extract.batch.worker` and wait at most the timeout
    (grown by the pages OCR reads, which the child writes to a file of ours)."""
    import tempfile

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="agenda-extract-job-") as folder:
        ahead = Path(folder) / "ocr-pages"  # the child writes the pages OCR will read here
        child = subprocess.Popen([sys.executable, "-m", "extract.batch.worker"], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=child_environment())
        watch = MemoryWatch(child.pid)
        message: bytes | None = pickle.dumps((job, settings, str(ahead)))
        while True:
            watch.sample()
            try:
                answer, _ = child.communicate(message, timeout=SAMPLE_SECONDS)
                break
            except subprocess.TimeoutExpired:
                message = None  # sent already; communicate() keeps reading where it was
                ocr_pages = _pages_written(ahead)
                if time.monotonic() - started >= settings.limits.allowed(ocr_pages):
                    child.kill()
                    child.communicate()
                    return timeout_outcome(job, settings.limits, time.monotonic() - started, watch, ocr_pages)
    if child.returncode != 0 or not answer:
        return crash_outcome(job, child.returncode, settings.limits, time.monotonic() - started, watch)
    outcome: JobOutcome = pickle.loads(answer)
    return _with_seconds(outcome, time.monotonic() - started)


def _pages_written(path: Path) -> int:
    try:
        return int(path.read_text(encoding="ascii") or 0)
    except (OSError, ValueError):
        return 0


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
    job, settings, ahead = pickle.load(sys.stdin.buffer)
    prepare_child(settings)
    tell_ocr_pages(lambda said: Path(ahead).write_text(str(said.pages), encoding="ascii"))
    outcome = execute(job, settings)
    pickle.dump(outcome, result)
    result.close()


if __name__ == "__main__":
    # Run the imported module's copy, so what is pickled names extract.batch.worker, not __main__.
    from extract.batch.worker import _subprocess_main as main

    main()
