"""Papers read in forked, limited children, at most `jobs` at once, the rest waiting in a
bounded queue; and the tasks of the async routes, kept for `keep_seconds`, then deleted.

Each reading is a LimitedCall (extract.batch.limited), the child `run` uses: forked from
this process (so warm), under --timeout and --max-memory. It is watched from the event loop
(the child's pipe and sentinel are awaited, its memory sampled as `run` samples it), so the
server needs no thread and a hostile PDF costs one request its answer, never the server.
"""
from __future__ import annotations

import asyncio
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.batch.limited import LimitedCall
from extract.batch.worker import Limits
from extract.errors import AgendaExtractError
from extract.serve.errors import NotReady, QueueFull, ShuttingDown, UnknownTask

PagesHeard = Callable[[int, int], None]  # (pages read, pages of the paper), as a child reads it


class Readings:
    """At most `jobs` children at once; at most `queue_limit` readings waiting for one."""

    def __init__(self, jobs: int, queue_limit: int, limits: Limits):
        self.jobs, self.queue_limit, self.limits = jobs, queue_limit, limits
        self.running = 0
        self.waiting = 0
        self.closing = False
        self._slots: asyncio.Semaphore | None = None  # made in the event loop, on first use

    def reserve(self) -> None:
        """Take a place in the queue now, or refuse (QueueFull, ShuttingDown) before any upload
        is read further; `run` then waits for a free child. Synchronous, so two requests cannot
        both take the last place."""
        if self.closing:
            raise ShuttingDown(None, "the server is shutting down")
        if self.running + self.waiting >= self.jobs + self.queue_limit:
            raise QueueFull(None, f"{self.running} papers are being read and {self.waiting} are waiting "
                                  f"(--jobs {self.jobs}, --queue {self.queue_limit}): try again later")
        self.waiting += 1

    def reserve_more(self) -> None:
        """A further place for a request `reserve()` admitted (compare's second version, then its
        comparison): taken without the queue's check, so an admitted request is never refused
        halfway; its readings still wait for a free child like any other."""
        self.waiting += 1

    def unreserve(self) -> None:
        """Give back a place taken by `reserve()` that will not `run` (the upload was refused)."""
        self.waiting -= 1

    async def run(self, function: Callable[..., Any], args: tuple, path: Path,
                  on_start: Callable[[], None] | None = None, on_pages: PagesHeard | None = None) -> Any:
        """function(*args) in a limited child, once a child is free; after `reserve()`.
        `on_pages(done, pages)` hears each page the child reads of a paper."""
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.jobs)
        try:
            await self._slots.acquire()
        finally:
            self.waiting -= 1
        self.running += 1
        try:
            if on_start is not None:
                on_start()
            return await call_limited_async(function, args, self.limits, path, on_pages)
        finally:
            self.running -= 1
            self._slots.release()


async def call_limited_async(function: Callable[..., Any], args: tuple, limits: Limits, path: Path,
                             on_pages: PagesHeard | None = None) -> Any:
    """call_limited (extract.batch.limited), awaited: the same child, the same limits and errors."""
    call = LimitedCall(function, args, limits, path)
    try:
        while not call.poll():
            if on_pages is not None and call.pages_done is not None:
                on_pages(call.pages_done.done, call.pages_done.pages)
            await _any_ready(call.waitables(), call.next_wait())
        return call.outcome()
    finally:
        call.close()  # cancelled (shutdown, a client gone): the child is killed, its scratch removed


async def _any_ready(waitables: list, timeout: float) -> None:
    """Until one of the pipe or sentinel is readable, or `timeout` seconds."""
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    fds = [w if isinstance(w, int) else w.fileno() for w in waitables]

    def wake() -> None:
        if not ready.done():
            ready.set_result(None)

    for fd in fds:
        loop.add_reader(fd, wake)
    try:
        await asyncio.wait([ready], timeout=timeout)
    finally:
        for fd in fds:
            loop.remove_reader(fd)


# --- tasks of the async routes ------------------------------------------------------------------

PENDING, STARTED, SUCCESS, FAILURE = "pending", "started", "success", "failure"


@dataclass
class Task:
    id: str
    folder: Path  # holds the upload while it is read, then document.json and review.html
    file_name: str
    created: float
    state: str = PENDING
    finished: float | None = None
    pages: int | None = None  # known once its fast pass has read every page's lines
    pages_done: int | None = None  # pages read so far (extract/read/progress.py)
    error: AgendaExtractError | None = None
    review_error: AgendaExtractError | None = None  # the document is fine; its review page could not be made
    handle: asyncio.Task | None = None  # the reading in the background

    @property
    def document_path(self) -> Path:
        return self.folder / "document.json"

    @property
    def review_path(self) -> Path:
        return self.folder / "review.html"

    def status(self) -> dict:
        status: dict[str, Any] = {"task_id": self.id, "status": self.state, "file": self.file_name,
                                  "pages": self.pages, "pages_done": self.pages_done}
        if self.error is not None:
            status["error"] = {"type": self.error.kind, "message": self.error.reason}
        return status

    def heard(self, done: int, pages: int) -> None:
        self.pages_done, self.pages = done, pages

    def finished_document(self) -> Path:
        """The document's file once read; the task's error, or NotReady, before."""
        if self.state == FAILURE and self.error is not None:
            raise self.error
        if self.state != SUCCESS:
            raise NotReady(None, f"task {self.id} is {self.state}: ask /v1/status/{self.id} until it is success")
        return self.document_path


class Tasks:
    """The async tasks by id; a finished one is deleted `keep_seconds` after it finished."""

    def __init__(self, keep_seconds: float):
        self.keep_seconds = keep_seconds
        self._tasks: dict[str, Task] = {}

    def new(self, folder: Path, file_name: str) -> Task:
        task = Task(uuid.uuid4().hex, folder, file_name, time.time())
        self._tasks[task.id] = task
        return task

    def get(self, task_id: str) -> Task:
        task = self._tasks.get(task_id)
        if task is None:
            raise UnknownTask(None, f"no task {task_id[:64]!r}: never made, or deleted "
                                    f"{self.keep_seconds:g} s after it finished (--keep-results)")
        return task

    def sweep(self, now: float | None = None) -> int:
        """Delete the tasks finished more than keep_seconds ago, with their files; how many."""
        now = time.time() if now is None else now
        old = [t for t in self._tasks.values() if t.finished is not None and now - t.finished > self.keep_seconds]
        for task in old:
            del self._tasks[task.id]
            shutil.rmtree(task.folder, ignore_errors=True)
        return len(old)

    def __len__(self) -> int:
        return len(self._tasks)
