"""The pipeline's own choices: pages read in stretches, ids through the pack, pages pdfium
cannot load."""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest

from extract.errors import DamagedPdf
from extract.pipeline import consecutive_stretches, extract_pack
from extract.read import pdfium as fastpass
from tests.conftest import PACK_2017, extraction_of


def test_pages_are_read_in_stretches_of_consecutive_pages():
    assert consecutive_stretches([10, 13, 14, 15, 29, 30, 36]) == [[10], [13, 14, 15], [29, 30], [36]]
    assert consecutive_stretches([]) == []


def test_ids_are_numbered_through_the_whole_pack_not_per_stretch():
    extraction = extraction_of(PACK_2017)
    for items, prefix in ((extraction.service_cards, "card"), (extraction.financial_tables, "table"),
                          (extraction.tables, "numtable")):
        assert [item.id.split("-")[:2] for item in items] == [[prefix, str(n)] for n in range(1, len(items) + 1)]


class _DamagedDocument(list):
    """A pdfium document whose pages all fail to load."""

    def __getitem__(self, index):
        raise pdfium.PdfiumError("Failed to load page.")


def test_a_page_pdfium_cannot_load_comes_back_blank_and_unreadable():
    page = fastpass.page_lines(_DamagedDocument([None]), 1)
    assert page.lines == () and not page.readable


def test_a_pack_none_of_whose_pages_load_is_a_damaged_pdf(monkeypatch):
    monkeypatch.setattr(fastpass, "page_lines", lambda document, n: fastpass.PageLines(n, 0, 0, (), readable=False))
    with pytest.raises(DamagedPdf, match="none of its 42 page"):
        extract_pack(PACK_2017)


def test_unreadable_pages_are_listed_and_the_rest_is_read(monkeypatch):
    real = fastpass.page_lines
    monkeypatch.setattr(fastpass, "page_lines", lambda document, n: (
        fastpass.PageLines(n, 0, 0, (), readable=False) if n == 1 else real(document, n)))
    extraction = extract_pack(PACK_2017)
    assert extraction.source.unreadable_pages == [1]
    assert len(extraction.service_cards) == 9
