"""batch --jobs N: each paper's scanned pages are read with the cores it is given, one while
more papers wait than cores are free, a share of the free cores when fewer remain."""
from __future__ import annotations

import extract.pipeline
from extract.batch.local_executor import share_free_cores
from extract.batch.worker import BatchJob, Limits, WorkerSettings, execute
from tests.conftest import PACK_2017


def schedule(workers: int, papers: int, finishes_first: int = 0) -> list[int]:
    """Cores given to each paper as a batch starts them all: running papers keep their cores;
    `finishes_first` of them finish before the rest are started."""
    given, in_use = [], 0
    for started in range(papers):
        if started == workers and finishes_first:
            in_use -= sum(given[:finishes_first])
        cores = share_free_cores(workers, in_use, papers - started)
        if cores == 0:
            break
        given.append(cores)
        in_use += cores
    return given


def test_one_paper_alone_is_given_every_core():
    assert share_free_cores(4, 0, 1) == 4
    assert schedule(2, 1) == [2]


def test_more_papers_than_cores_are_given_one_core_each():
    assert schedule(4, 10) == [1, 1, 1, 1]  # the other six wait for a core
    assert share_free_cores(4, 4, 6) == 0


def test_the_free_cores_are_shared_among_the_papers_left():
    assert schedule(4, 2) == [2, 2]
    assert schedule(4, 3) == [1, 1, 2]  # none left idle
    assert share_free_cores(4, 1, 1) == 3  # the tail of a batch: the last paper takes what is free


def test_the_cores_given_reach_the_reading_of_the_scanned_pages(monkeypatch):
    seen = []

    def extract_pack(path, options, pool=None):
        seen.append(options.ocr_jobs)
        raise RuntimeError("stop here")

    monkeypatch.setattr(extract.pipeline, "extract_pack", extract_pack)
    settings = WorkerSettings(Limits(60.0, 2048), ocr="auto")
    outcome = execute(BatchJob(str(PACK_2017), "0" * 64, "pack.json"), settings, cores=3)
    assert outcome.status == "failed" and seen == [3]
