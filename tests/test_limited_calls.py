"""`run` reads several files side by side, each in its own limited child: results come back in
the order the files were given, a failure stays with its own file, and no more children run
at once than asked."""
from __future__ import annotations

import os
import time

import pytest

from extract.batch.limited import LimitedCall, call_limited, calls_in_order
from extract.batch.worker import Limits
from extract.cli.main import share_cores
from extract.errors import TimedOut, WorkerCrashed

LIMITS = Limits(timeout=20, max_memory_mb=1024)


def sleep_then_answer(seconds: float, answer: str) -> tuple[str, int]:
    time.sleep(seconds)
    return answer, os.getpid()


def ocr_then_sleep(pages: int, seconds: float) -> str:
    from extract.read.ocr import announce_ocr_pages

    announce_ocr_pages(pages)  # as ocr_copy does before OCRmyPDF starts
    time.sleep(seconds)
    return "read"


def crash() -> None:
    os._exit(9)


def test_results_come_back_in_input_order_when_later_files_finish_first():
    arguments = [((0.8, "slow"), "a.pdf"), ((0.0, "quick"), "b.pdf"), ((0.3, "middle"), "c.pdf")]
    started = time.monotonic()
    got = list(calls_in_order(sleep_then_answer, arguments, LIMITS, at_once=3))
    assert [(path, result[0], error) for path, result, error in got] == [
        ("a.pdf", "slow", None), ("b.pdf", "quick", None), ("c.pdf", "middle", None)]
    assert len({result[1] for _, result, _ in got}) == 3  # three children
    assert time.monotonic() - started < 0.8 + 0.3 + 0.5  # side by side, not one after another


def test_a_failing_file_is_reported_in_its_place_and_the_others_go_on():
    arguments = [((0.0, "first"), "a.pdf"), ((30.0, "never"), "b.pdf"), ((0.0, "third"), "c.pdf")]
    got = list(calls_in_order(sleep_then_answer, arguments, Limits(timeout=1, max_memory_mb=1024), at_once=2))
    assert [path for path, _, _ in got] == ["a.pdf", "b.pdf", "c.pdf"]
    assert got[0][1][0] == "first" and got[2][1][0] == "third"
    assert got[1][1] is None and isinstance(got[1][2], TimedOut) and "b.pdf" in str(got[1][2].path)


def test_no_more_children_run_at_once_than_asked():
    arguments = [((0.4, str(i)), f"{i}.pdf") for i in range(4)]
    started = time.monotonic()
    list(calls_in_order(sleep_then_answer, arguments, LIMITS, at_once=2))
    assert time.monotonic() - started >= 0.8  # two rounds of two


def test_a_child_that_dies_is_an_error_about_its_file():
    with pytest.raises(WorkerCrashed) as caught:
        call_limited(crash, (), LIMITS, "dead.pdf")
    assert caught.value.path == "dead.pdf"


def test_closing_a_running_call_ends_its_child():
    call = LimitedCall(sleep_then_answer, (30.0, "never"), LIMITS, "slow.pdf")
    call.close()
    assert call.done and not call._process.is_alive()


@pytest.mark.parametrize("jobs, files, expected", [
    (2, 10, (2, 1)),  # files side by side, one process each
    (4, 1, (1, 4)),  # one long pack: its pages over all cores
    (8, 3, (3, 2)),  # three files, two page workers each
    (1, 5, (1, 1)),
])
def test_cores_go_to_files_first_then_to_their_pages(jobs, files, expected):
    assert share_cores(jobs, files) == expected


def test_each_page_ocr_reads_adds_its_allowance_to_the_timeout():
    limits = Limits(timeout=1, max_memory_mb=1024, ocr_page_seconds=2)
    assert call_limited(ocr_then_sleep, (1, 1.8), limits, "scan.pdf") == "read"  # 1 s + 1 page x 2 s


def test_a_child_past_its_grown_limit_times_out_naming_both_options():
    limits = Limits(timeout=1, max_memory_mb=1024, ocr_page_seconds=0.5)
    with pytest.raises(TimedOut) as caught:
        call_limited(ocr_then_sleep, (2, 30.0), limits, "scan.pdf")
    assert "--timeout" in caught.value.reason and "--ocr-page-timeout" in caught.value.reason
    assert "2 OCR'd pages" in caught.value.reason


def test_a_limit_grows_only_with_pages_announced():
    assert Limits(timeout=300, max_memory_mb=1024, ocr_page_seconds=60).allowed(40) == 300 + 40 * 60
    assert Limits(timeout=300, max_memory_mb=1024, ocr_page_seconds=60).allowed(0) == 300
