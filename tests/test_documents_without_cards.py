"""Documents without service cards give valid, empty structures: never an invented card."""
from __future__ import annotations

import jsonschema
import pytest

from extract.output import schema, to_document
from tests.conftest import MINUTE_2017, PACK_2017, PACK_2023, SLIDES_2022, extraction_of


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


@pytest.mark.parametrize("pdf", [PACK_2017, SLIDES_2022], ids=lambda p: p.stem)
def test_every_figure_points_at_its_page_and_printed_text(pdf):
    """The characters pdfplumber places inside each figure's bbox spell its printed text."""
    import pdfplumber

    extraction = extraction_of(pdf)
    assert extraction.figures
    with pdfplumber.open(pdf) as document:
        for figure in extraction.figures:
            page = document.pages[figure.page - 1]
            x0, top, x1, bottom = figure.bbox
            inside = [
                c for c in page.chars
                if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
            ]
            printed = "".join(c["text"] for c in inside).replace(" ", "")
            line_height = max((c["bottom"] - c["top"] for c in inside), default=0)
            if bottom - top > 1.5 * line_height:
                # a figure wrapped over two lines ('£140' / 'million'): its bbox spans both
                assert all(part in printed for part in figure.text.split()), (figure.page, figure.text)
            else:
                assert printed == figure.text.replace(" ", ""), (figure.page, figure.text, printed)
