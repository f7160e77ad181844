"""A paper's pages counted as they are read: the pipeline tells each page read, a limited
child passes the count to its parent, and `serve` shows it as a task's `pages_done` while
the paper is still being read (not only once it is done)."""
from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from extract.batch.limited import LimitedCall
from extract.batch.worker import Limits
from extract.pipeline import Options, extract_pack
from extract.read.progress import PagesLeft, tell_pages_read_to

PARAGRAPH = "The council spent £{0},000 on repairs in the year, against a budget of £{1},000."


def paper(path: Path, pages: int) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=A4)
    for number in range(1, pages + 1):
        sheet.setFont("Helvetica", 11)
        sheet.drawString(60, 780, f"{number}. Repairs")
        sheet.drawString(60, 760, PARAGRAPH.format(10 + number, 20 + number))
        sheet.showPage()
    sheet.save()
    return path


def test_reading_a_paper_tells_its_pages_read_one_by_one_up_to_all_of_them(tmp_path):
    heard: list[tuple[int, int]] = []
    tell_pages_read_to(lambda done, pages: heard.append((done, pages)))
    try:
        extract_pack(paper(tmp_path / "repairs.pdf", 4), Options())
    finally:
        tell_pages_read_to(None)
    assert {pages for _, pages in heard} == {4}
    done = [d for d, _ in heard]
    assert done == sorted(done) and done[-1] == 4
    assert len(done) >= 2 and done[0] < 4  # counted page by page, not once at the end


def test_a_page_read_twice_counts_once():
    heard: list[int] = []
    tell_pages_read_to(lambda done, pages: heard.append(done))
    try:
        left = PagesLeft(3, [2, 3])
        for number in (2, 2, 3):
            left.read(number)
    finally:
        tell_pages_read_to(None)
    assert heard == [1, 2, 3]


def read_then_wait(gate: Path) -> str:
    """A child's reading of three pages that stops after the first until `gate` exists."""
    left = PagesLeft(3, [1, 2, 3])
    left.read(1)
    while not gate.exists():
        time.sleep(0.05)
    left.read(2)
    left.read(3)
    return "read"


def test_the_parent_hears_pages_read_while_the_child_is_still_reading(tmp_path):
    from tests.served import wait_until

    gate = tmp_path / "gate"
    call = LimitedCall(read_then_wait, (gate,), Limits(60, 2048), tmp_path / "paper.pdf")
    try:
        assert wait_until(lambda: call.poll() or call.pages_done is not None, 30, 0.05)
        assert not call.done and (call.pages_done.done, call.pages_done.pages) == (1, 3)
        gate.touch()
        assert wait_until(call.poll, 30, 0.05)
        assert call.outcome() == "read" and (call.pages_done.done, call.pages_done.pages) == (3, 3)
    finally:
        call.close()


def test_a_served_task_shows_pages_done_while_its_paper_is_read(tmp_path):
    pytest.importorskip("fastapi")
    from extract.serve.readings import Readings, Tasks

    gate = tmp_path / "gate"
    task = Tasks(60).new(tmp_path, "paper.pdf")
    readings = Readings(jobs=1, queue_limit=1, limits=Limits(60, 2048))

    async def scenario() -> list[tuple]:
        readings.reserve()
        reading = asyncio.ensure_future(readings.run(read_then_wait, (gate,), tmp_path / "paper.pdf",
                                                     on_pages=task.heard))
        seen = []
        while task.pages_done is None:
            await asyncio.sleep(0.05)
        seen.append((task.status()["pages_done"], task.status()["pages"], reading.done()))
        gate.touch()
        await reading
        return seen

    assert asyncio.run(asyncio.wait_for(scenario(), 60)) == [(1, 3, False)]
