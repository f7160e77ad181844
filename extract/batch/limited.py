"""One call under a wall-clock timeout and a memory cap, in a forked child: `run`, `review` and
`check` read each input this way, under the limits batch gives each of its inputs.

The child caps its own address space (RLIMIT_AS) before it starts, as a batch worker does,
and sends back its result or the domain error it raised. The parent waits at most the
timeout (grown by Limits.ocr_page_seconds for each page the child says OCR reads), samples
the child's memory (so a C library dying near the cap is called out of memory), and turns a
child that hangs, crashes or runs out of memory into a TimedOut, WorkerCrashed or OutOfMemory
error about the input. Anything else the child raises is a bug: its traceback comes back as
the text of a RuntimeError.
"""
from __future__ import annotations

import multiprocessing
import signal
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from extract.batch.worker import (
    NEAR_CAP,
    SAMPLE_SECONDS,
    Limits,
    MemoryWatch,
    OcrAhead,
    PagesDone,
    apply_limits,
    describe_exit,
    tell_ocr_pages,
    tell_pages_done,
)
from extract.errors import AgendaExtractError, OutOfMemory, TimedOut, WorkerCrashed
from extract.read.ocr import remove_scratch_of
from extract.read.pool import die_with_parent

GRACE_SECONDS = 5.0  # for a child that answered to exit before it is killed


def call_limited(function: Callable[..., Any], args: tuple, limits: Limits, path: Path | str) -> Any:
    """function(*args) in a forked child under `limits`; its result, or the error about `path`."""
    call = LimitedCall(function, args, limits, path)
    try:
        while not call.poll():
            wait(call.waitables(), timeout=call.next_wait())
        return call.outcome()
    finally:
        call.close()


def calls_in_order(function: Callable[..., Any], arguments: Sequence[tuple[tuple, Path | str]], limits: Limits,
                   at_once: int) -> Iterator[tuple[Path | str, Any, AgendaExtractError | None]]:
    """function(*args) for each (args, path), up to `at_once` children running side by side,
    each under its own limits; yields (path, result, None) or (path, None, error) in the order
    given, as each is done and all before it have been yielded (so messages keep input order)."""
    queued = deque(arguments)
    running: deque[LimitedCall] = deque()
    try:
        while queued or running:
            while queued and len(running) < at_once:
                args, path = queued.popleft()
                running.append(LimitedCall(function, args, limits, path))
            for call in running:
                call.poll()
            while running and running[0].done:
                call = running.popleft()
                try:
                    yield call.path, call.outcome(), None
                except AgendaExtractError as exc:
                    yield call.path, None, exc
                finally:
                    call.close()
            if running and not running[0].done:
                wait([w for call in running for w in call.waitables()],
                     timeout=min(call.next_wait() for call in running))
    finally:
        for call in running:
            call.close()


class LimitedCall:
    """One forked child running function(*args) under `limits`, watched by `poll()` (which
    samples its memory and enforces the timeout) until it is `done`; then `outcome()` is its
    result or raises the error about `path`. `close()` ends a child that is still running."""

    def __init__(self, function: Callable[..., Any], args: tuple, limits: Limits, path: Path | str):
        context = multiprocessing.get_context("fork")  # the parent's imports come along: no start-up cost
        self.path, self._limits = path, limits
        self._receive, send = context.Pipe(duplex=False)
        # Not a daemon, so that the child may fork workers of its own (run --jobs reads one file's
        # pages in a pool); it still ends with this process: killed by close(), or by the kernel
        # when this process dies (die_with_parent).
        self._process = context.Process(target=_child, args=(function, args, limits, path, send), daemon=False)
        self._started = time.monotonic()
        self._process.start()
        send.close()  # so that the child's death reads as EOF here
        assert self._process.pid is not None  # started
        self._watch = MemoryWatch(self._process.pid)
        self._answer: tuple[str, Any] | None = None
        self._error: AgendaExtractError | None = None
        self._ocr_pages = 0  # pages the child said OCR reads: each moves the deadline on
        self.pages_done: PagesDone | None = None  # the child's last word on the pages it has read
        self.done = False

    def waitables(self) -> list:
        return [] if self.done else [self._receive, self._process.sentinel]

    def next_wait(self) -> float:
        """Seconds until this call must be looked at again (memory sample or timeout)."""
        return max(0.0, min(SAMPLE_SECONDS, self._deadline() - time.monotonic()))

    def _deadline(self) -> float:
        return self._started + self._limits.allowed(self._ocr_pages)

    def poll(self) -> bool:
        """Look at the child once: its answer, its death, its memory, its time. True when done."""
        if self.done:
            return True
        self._watch.sample()
        said = self._news()
        if said is not None or self._error is not None:  # an answer, or died while answering
            self._answer = said
            self._finish(answered=self._answer is not None)
        elif not self._process.is_alive():
            self._error = self._death()
            self._finish(answered=True)
        elif time.monotonic() >= self._deadline():
            self._error = TimedOut(self.path, self._limits.exceeded(self._ocr_pages))
            self._finish(answered=False)
        return self.done

    def _news(self) -> Any:
        """The child's answer when it has sent it, after the words it sent before (OCR about to
        read pages moves the deadline on; a page read is kept in pages_done); else None."""
        while self._receive.poll():
            try:
                said = self._receive.recv()
            except (EOFError, OSError):  # died while answering
                self._error = self._death()
                return None
            if isinstance(said, OcrAhead):
                self._ocr_pages += said.pages
            elif isinstance(said, PagesDone):
                self.pages_done = said
            else:
                return said
        return None

    def outcome(self) -> Any:
        assert self.done, "outcome() of a call still running"
        if self._error is not None:
            raise self._error
        assert self._answer is not None
        return _answer(*self._answer)

    def close(self) -> None:
        """End the child if it is still running (Ctrl-C, an earlier failure); idempotent."""
        if not self.done:
            self._finish(answered=False)

    def _finish(self, answered: bool) -> None:
        """The child answered or died: give it a moment to exit; otherwise (timeout, Ctrl-C) kill it at once."""
        self.done = True
        self._receive.close()
        self._process.join(GRACE_SECONDS if answered else 0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
            remove_scratch_of(self._process.pid)

    def _death(self) -> AgendaExtractError:
        self._process.join(GRACE_SECONDS)
        remove_scratch_of(self._process.pid)
        near_cap = self._watch.peak_vm_mb >= NEAR_CAP * self._limits.max_memory_mb
        info = describe_exit(self._process.exitcode, self._limits, near_cap)
        error = OutOfMemory if info.type == "out_of_memory" else WorkerCrashed
        return error(self.path, info.message.replace("the worker", "reading it"))


def _answer(status: str, payload: Any) -> Any:
    if status == "ok":
        return payload
    if status == "error":
        raise payload
    raise RuntimeError(f"the extraction failed in its child process:\n{payload}")


def _child(function: Callable[..., Any], args: tuple, limits: Limits, path: Path | str, send: Connection) -> None:
    die_with_parent()
    apply_limits(limits)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends us
    tell_ocr_pages(send.send)
    tell_pages_done(send.send)
    try:
        answer: tuple[str, Any] = ("ok", function(*args))
    except MemoryError:
        answer = ("error", _out_of_memory(path, limits))
    except AgendaExtractError as exc:
        answer = ("error", exc)
    except BaseException:  # noqa: BLE001 - a bug: its traceback goes to the parent, which shows it
        answer = ("bug", traceback.format_exc())
    try:
        send.send(answer)
    except MemoryError:
        send.send(("error", _out_of_memory(path, limits)))
    send.close()


def _out_of_memory(path: Path | str, limits: Limits) -> OutOfMemory:
    return OutOfMemory(path, f"needed more than the {limits.max_memory_mb} MB memory cap (--max-memory)")
