"""Run batch jobs on this machine: one forked child per input, at most `workers` at a time.

Each child is given cores to read its scanned pages (OCR) side by side: one while more inputs
wait than cores are free, and, when fewer remain (the tail of a batch, or one big scanned
paper alone), a share of the free cores (share_free_cores). A child keeps what it was given.

Why not concurrent.futures.ProcessPoolExecutor: a pool cannot kill one hung worker (only
break the whole pool), and a worker that segfaults breaks every other future with it. Here
each input gets its own process from a fork server (start method "forkserver"): the server
imports the pipeline once (extract.batch.preload), so a child costs a fork, not a second of
imports, and no file's state, leaks or limits carry over to the next file.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from typing import Any

from extract.batch.manifest import ErrorInfo
from extract.batch.worker import (
    SAMPLE_SECONDS,
    BatchJob,
    JobOutcome,
    MemoryWatch,
    OcrAhead,
    WorkerSettings,
    crash_outcome,
    execute,
    prepare_child,
    tell_ocr_pages,
    timeout_outcome,
)
from extract.read.ocr import remove_scratch_of

PRELOAD = ["extract.batch.preload"]
FORKSERVER_TMP_ENV = "AGENDA_EXTRACT_FORKSERVER_TMP"  # read by extract.batch.preload
GRACE_SECONDS = 5.0  # for a child that answered to exit before it is killed


@dataclass
class _Running:
    job: BatchJob
    process: multiprocessing.process.BaseProcess
    conn: Connection
    started: float
    deadline: float
    watch: MemoryWatch
    ocr_pages: int = 0  # pages the child said OCR reads: each moved its deadline on
    cores: int = 1  # the cores it was given for its OCR


def share_free_cores(workers: int, in_use: int, waiting: int) -> int:
    """Cores for the next input to start: the free cores shared among the inputs waiting, at
    least one each (so no input waits for cores while one is free); 0 when none is free."""
    free = workers - in_use
    if free < 1 or waiting < 1:
        return 0
    return max(1, free // min(waiting, free))


def _noop() -> None:
    pass


def _child_main(job: BatchJob, settings: WorkerSettings, conn: Connection, cores: int = 1) -> None:
    prepare_child(settings)
    _exit_with_the_batch()
    tell_ocr_pages(conn.send)
    conn.send(execute(job, settings, cores))
    conn.close()


def _exit_with_the_batch() -> None:
    """A child of the fork server outlives a killed batch unless it watches for that itself:
    its parent is the server, and it holds the server's keep-alive pipe open. So let the
    pipe go (the server then exits when the batch does) and end when the batch's end of
    our sentinel pipe closes."""
    import threading
    from multiprocessing import forkserver, parent_process

    server: Any = forkserver._forkserver  # private: the fd is not part of multiprocessing's API
    alive = getattr(server, "_forkserver_alive_fd", None)
    if alive is not None:
        try:
            os.close(alive)
        except OSError:
            pass
        server._forkserver_alive_fd = None
    batch = parent_process()
    if batch is None:
        return

    def watch() -> None:
        wait([batch.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-batch", daemon=True).start()


class LocalExecutor:
    """Runs jobs in forked children and yields their outcomes as they finish."""

    def __init__(self, workers: int, settings: WorkerSettings):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.settings = settings
        self._context = _forkserver_context()

    def run(self, jobs: Iterable[BatchJob]) -> Iterator[JobOutcome]:
        queue = deque(jobs)
        running: list[_Running] = []
        self._start_fork_server()  # its imports (a second or two) count against no input's timeout
        try:
            while True:
                while queue and (cores := share_free_cores(self.workers, _in_use(running), len(queue))):
                    job = queue.popleft()
                    try:
                        running.append(self._start(job, cores))
                    except OSError as exc:  # no process to be had (EAGAIN, fork server gone): this input fails
                        yield JobOutcome(job.file, "failed", None, 0.0, ErrorInfo(
                            "worker_lost", f"could not start a worker process ({exc.strerror or exc})"))
                if not running:
                    return
                self._wait(running)
                for item in list(running):
                    outcome = self._collect(item)
                    if outcome is not None:
                        running.remove(item)
                        yield outcome
        finally:
            for item in running:  # interrupted: leave no orphan working on
                _stop(item.process)

    def close(self) -> None:
        pass

    def _start_fork_server(self) -> None:
        # The server answers its first fork only after its preload: one no-op child waits for that.
        probe = self._context.Process(target=_noop, daemon=True)
        probe.start()
        probe.join()

    def _start(self, job: BatchJob, cores: int = 1) -> _Running:
        receive, send = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_child_main, args=(job, self.settings, send, cores),
                                        name=f"agenda-extract {os.path.basename(job.file)}", daemon=True)
        started = time.monotonic()
        process.start()
        send.close()  # so that the child's death reads as EOF here
        return _Running(job, process, receive, started, started + self.settings.limits.timeout,
                        MemoryWatch(process.pid), cores=cores)

    @staticmethod
    def _wait(running: list[_Running]) -> None:
        """Until a child answers or dies, its deadline passes, or it is time to sample memory."""
        for item in running:
            item.watch.sample()
        nearest = min(item.deadline for item in running)
        handles = [item.conn for item in running] + [item.process.sentinel for item in running]
        wait(handles, timeout=min(SAMPLE_SECONDS, max(0.0, nearest - time.monotonic())))

    def _collect(self, item: _Running) -> JobOutcome | None:
        """The outcome of a child that answered, died or ran out of time; None while it runs."""
        elapsed = time.monotonic() - item.started
        if item.conn.poll():
            try:
                outcome: JobOutcome | OcrAhead = item.conn.recv()
            except (EOFError, OSError, ValueError, TypeError, AttributeError):  # died mid-answer
                item.conn.close()
                _finish(item.process)
                return crash_outcome(item.job, item.process.exitcode, self.settings.limits, elapsed, item.watch)
            if isinstance(outcome, OcrAhead):  # OCR starts: the deadline grows with its pages
                item.ocr_pages += outcome.pages
                item.deadline = item.started + self.settings.limits.allowed(item.ocr_pages)
                return None
            item.conn.close()
            _finish(item.process)
            return replace(outcome, seconds=round(elapsed, 3))
        if not item.process.is_alive():
            _finish(item.process)
            item.conn.close()
            return crash_outcome(item.job, item.process.exitcode, self.settings.limits, elapsed, item.watch)
        if time.monotonic() >= item.deadline:
            _stop(item.process)
            item.conn.close()
            return timeout_outcome(item.job, self.settings.limits, elapsed, item.watch, item.ocr_pages)
        return None


def _in_use(running: Sequence[_Running]) -> int:
    return sum(item.cores for item in running)


def _forkserver_context():
    # One thread per child; set before the fork server starts, which is when it copies os.environ.
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    # The server's socket lives in this process's pymp-* temporary folder, which only this
    # process removes, at a normal exit. Tell the server where it is, so that when it ends
    # after a batch killed with SIGKILL it removes the folder itself (see preload).
    from multiprocessing.util import get_temp_dir

    os.environ[FORKSERVER_TMP_ENV] = get_temp_dir()
    return context


def _finish(process) -> None:
    """Reap a child that answered or is dying on its own (so its exit code is its own)."""
    process.join(GRACE_SECONDS)
    if process.is_alive():
        _stop(process)
    remove_scratch_of(process.pid)  # a child the kernel killed (memory cap) left its OCR folder


def _stop(process) -> None:
    if process.is_alive():
        process.kill()
    process.join()
    remove_scratch_of(process.pid)
