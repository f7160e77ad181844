"""How far the reading of one paper has gone: its pages read, told as each one is read.

A paper is read in two passes: the fast pass reads every page's lines (and OCR its scanned
pages) first; then pdfplumber or pdfium read again the pages that may hold figures
(pack/triage.py). A page counts as read once its last pass has read it, so the count starts
at the pages that need no second pass and reaches all of them before the structures are
built and checked. A process reading one paper under a time limit passes the count on to
its parent (extract/batch/limited.py); `serve` shows it as a task's `pages_done`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

PagesRead = Callable[[int, int], object]  # told (pages read, pages of the paper) as each page is read
_listeners: list[PagesRead] = []  # this process's listener (a limited child's: its parent hears)


def tell_pages_read_to(listener: PagesRead | None) -> None:
    """Have `listener` told the pages read so far of the paper this process reads."""
    _listeners[:] = [listener] if listener is not None else []


class PagesLeft:
    """The pages of a paper still to be read by its second pass."""

    def __init__(self, pages: int = 0, to_read: Iterable[int] = ()):
        self.pages = pages
        self.left = set(to_read)
        self._tell()

    def read(self, number: int) -> None:
        """Page `number` has been read (again, it may be: a page read twice counts once)."""
        if number in self.left:
            self.left.discard(number)
            self._tell()

    def _tell(self) -> None:
        if not self.pages:  # no paper: a context made without one (a test, a bench)
            return
        for listener in _listeners:
            listener(self.pages - len(self.left), self.pages)
