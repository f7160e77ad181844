"""pdfplumber on worker processes: the careful reading of a long pack spread over the cores.

pdfminer's content-stream parser is most of a structure page's cost, and every page is read
on its own (a page's `PageText` depends on nothing but that page), so a pack's structure
pages can be read in other processes while this one finds cards, tables and figures in the
pages already read. `PagePool.reader(path, numbers)` stands in for a `CarefulReader`:
pages come back in the order asked, each exactly as `CarefulReader` reads it, and a page
pdfminer fails on raises the same error at the same place, so the output cannot differ.

Workers are forked from this process (after the heavy imports: a worker costs a fork, not
a second of imports). At most `ahead` chunks of pages are read ahead of the one being used,
so memory holds a few pages' characters, not the pack's.
"""
from __future__ import annotations

import logging
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from extract.read.plumber import CarefulReader
from extract.read.text import PageText

log = logging.getLogger(__name__)

CHUNK_PAGES = 4  # pages per task: enough to amortise the hand-over, few enough to balance the workers

_worker_reader: CarefulReader | None = None  # one open pack per worker process


def _read_chunk(path: str, numbers: Sequence[int]) -> list[PageText | BaseException]:
    """PageText for each page; the first failure ends the chunk (as it ends a stretch)."""
    global _worker_reader
    if _worker_reader is None or str(_worker_reader.path) != path:
        if _worker_reader is not None:
            _worker_reader.close()
        _worker_reader = CarefulReader(Path(path))
    out: list[PageText | BaseException] = []
    try:
        for page in _worker_reader.pages(numbers):
            out.append(page)
    except BaseException as exc:  # noqa: BLE001 - handed back and raised in the reading process
        out.append(_picklable(exc))
        _worker_reader.close()
        _worker_reader = None
    return out


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def die_with_parent() -> None:
    """Worker initializer: a worker ends when the process that forked it is killed (Linux's
    PR_SET_PDEATHSIG), instead of reading on for nobody."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: workers end when their queue closes
        pass


class PagePool:
    """A few forked worker processes that read pages with pdfplumber."""

    def __init__(self, jobs: int):
        import multiprocessing

        self.jobs = jobs
        self._executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                             initializer=die_with_parent)

    def reader(self, path: Path, numbers: Iterable[int]) -> PooledReader:
        return PooledReader(self._executor, Path(path), sorted(set(numbers)), ahead=2 * self.jobs)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PagePool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class PooledReader:
    """The pages of one pack, read ahead on the pool in the order they will be asked for."""

    def __init__(self, executor: ProcessPoolExecutor, path: Path, planned: list[int], ahead: int):
        self.path = path
        self._executor = executor
        self._chunks = deque(planned[i:i + CHUNK_PAGES] for i in range(0, len(planned), CHUNK_PAGES))
        self._pending: deque[tuple[list[int], Future]] = deque()
        self._ahead = ahead
        self._ready: dict[int, PageText | BaseException] = {}
        self._fallback: CarefulReader | None = None  # pages asked for out of plan

    def pages(self, numbers: Iterable[int]) -> Iterator[PageText]:
        """PageText for each 1-based page number, in order; raises where pdfminer failed."""
        for number in sorted(set(numbers)):
            got = self._take(number)
            if got is None:  # not planned (or past the end): read it here, as CarefulReader would
                got = next(iter(self._here().pages([number])), None)
                if got is None:
                    return
            if isinstance(got, BaseException):
                raise got
            yield got

    def _take(self, number: int) -> PageText | BaseException | None:
        self._fill()
        while number not in self._ready and self._pending:
            chunk, future = self._pending[0]
            if chunk[0] > number:
                break
            self._pending.popleft()
            results = future.result()
            # A chunk's failure stands for the page it failed on; later pages of the chunk are
            # unread and will be read again if asked for.
            self._ready.update(zip(chunk, results, strict=False))
            self._fill()
        for done in [n for n in self._ready if n < number]:  # passed over: never asked for again
            del self._ready[done]
        return self._ready.pop(number, None)

    def _fill(self) -> None:
        while self._chunks and len(self._pending) < self._ahead:
            chunk = self._chunks.popleft()
            self._pending.append((chunk, self._executor.submit(_read_chunk, str(self.path), chunk)))

    def _here(self) -> CarefulReader:
        if self._fallback is None:
            self._fallback = CarefulReader(self.path)
        return self._fallback

    def close(self) -> None:
        for _, future in self._pending:
            future.cancel()
        self._pending.clear()
        self._ready.clear()
        if self._fallback is not None:
            self._fallback.close()

    def __enter__(self) -> PooledReader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
