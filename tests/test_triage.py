"""The fast pass decides which pages pdfplumber reads; the output must not change."""
from __future__ import annotations

import pytest

from extract.pipeline import Options, extract_pack
from tests.conftest import PACK_2023, SAMPLES, extraction_of

SAMPLE_PDFS = sorted(SAMPLES.glob("*.pdf")) + sorted((SAMPLES / "variants").glob("*.pdf"))


@pytest.mark.parametrize("pdf", SAMPLE_PDFS, ids=lambda p: p.stem)
def test_output_with_triage_is_identical_to_pdfplumber_on_every_page(pdf):
    fast = extraction_of(pdf)
    full = extract_pack(pdf, Options(triage=False))
    assert fast.model_dump() == full.model_dump()


def test_triage_skips_pages_without_figures():
    from extract.pack.triage import structure_pages
    from extract.read import pdfium as fastpass

    document = fastpass.open_document(PACK_2023)
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
    finally:
        document.close()
    assert len(structure_pages(lines)) < len(lines) / 2


def _both_modes_agree(pdf: str) -> tuple[str, list[str]]:
    from pathlib import Path

    fast = extract_pack(Path(pdf), Options(triage=True)).model_dump()
    full = extract_pack(Path(pdf), Options(triage=False)).model_dump()
    return pdf, [key for key in fast if fast[key] != full[key]]


@pytest.mark.corpus
def test_output_with_triage_is_identical_on_every_real_council_pdf():
    """The 95 Kent papers: tables whose cells pdfium gives a line apiece, '£' amounts,
    headings that only look like cards. A few minutes on two cores."""
    from concurrent.futures import ProcessPoolExecutor

    from tests.conftest import shared_dir

    pdfs = sorted(str(p) for p in shared_dir("real").rglob("*.pdf"))
    with ProcessPoolExecutor(max_workers=2) as pool:
        differing = [(pdf, keys) for pdf, keys in pool.map(_both_modes_agree, pdfs) if keys]
    assert differing == []


def test_a_page_opening_with_the_rows_of_a_table_run_on_from_a_read_page_is_read_too():
    from extract.pack.triage import structure_pages
    from extract.read.pdfium import PageLines

    def page(number: int, text: str) -> PageLines:
        return PageLines(number, 595, 842, tuple(line for line in text.split("\n") if line))

    pages = [
        page(1, "Grants to groups £\nParks 1,200 1,300\nPlay 400 450\nAGE Number of % of\n0-15 21 2%"),
        page(2, "16-24 57 6%\n25-34 275 27%\n35-49 256 25%\nPrefer not to answer 227 22%"),
        page(3, "16-24 57 6%\n25-34 275 27%"),  # and on again
        page(4, "The consultation ran for twelve weeks and the responses are summarised below."),
        page(5, "16-24 57 6%\n25-34 275 27%"),  # after a page of prose: no run-on from a read page
    ]
    wanted = structure_pages(pages)
    assert {1, 2, 3} <= wanted and 5 not in wanted
