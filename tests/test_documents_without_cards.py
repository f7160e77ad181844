"""Documents without service cards give valid, empty structures: never an invented card."""
from __future__ import annotations

import json

import jsonschema
import pytest

from extract.output import schema, to_document
from tests.conftest import MINUTE_2017, PACK_2023, SLIDES_2022, extraction_of


@pytest.mark.parametrize("pdf", [MINUTE_2017, PACK_2023, SLIDES_2022], ids=lambda p: p.stem)
def test_no_cards_no_tables_and_valid_json(pdf):
    extraction = extraction_of(pdf)
    assert extraction.service_cards == []
    assert extraction.financial_tables == []
    jsonschema.validate(to_document(extraction), schema())
    assert extraction.source.pages > 0 and extraction.documents


@pytest.mark.parametrize("pdf", [MINUTE_2017, PACK_2023, SLIDES_2022], ids=lambda p: p.stem)
def test_documents_that_add_up_have_no_findings(pdf):
    assert extraction_of(pdf).findings == []


def test_every_figure_points_at_its_page_and_printed_text():
    extraction = extraction_of(SLIDES_2022)
    import pdfplumber

    with pdfplumber.open(SLIDES_2022) as pdf:
        for figure in extraction.figures:
            page = pdf.pages[figure.page - 1]
            x0, top, x1, bottom = figure.bbox
            inside = [
                c["text"] for c in page.chars
                if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
            ]
            assert "".join(inside).replace(" ", "") == figure.text.replace(" ", "")
