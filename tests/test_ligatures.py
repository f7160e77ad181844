"""A font that prints "ff" or "fi" as one ligature glyph (Chromium does, in DejaVu Serif) still
gives the letters: "Current staffing" must read as the words printed, or the card's staffing
block is never found."""
from __future__ import annotations

import sys
from pathlib import Path

import pdfplumber
import pytest

from extract.read import pdfium as fastpass
from extract.read.plumber import read_pages
from extract.read.text import LIGATURES
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
import browser  # noqa: E402

pytestmark = pytest.mark.browser

WORDS = "Current staffing, office, affluent, effective, flow"


@pytest.fixture(scope="module")
def ligature_pdf(tmp_path_factory) -> Path:
    if browser.chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    target = tmp_path_factory.mktemp("ligatures") / "ligatures.pdf"
    browser.print_pdf(f"<html><body style=\"font-family: 'DejaVu Serif'; font-size: 14pt\"><p>{WORDS}</p>"
                      "</body></html>", target)
    return target


def test_the_printed_pdf_does_hold_a_ligature_glyph(ligature_pdf):
    with pdfplumber.open(ligature_pdf) as pdf:
        printed = {c["text"] for c in pdf.pages[0].chars}
    assert printed & set("\ufb00\ufb01\ufb02\ufb03\ufb04"), "no ligature printed: the test shows nothing"


def test_pdfplumber_reading_gives_the_letters(ligature_pdf):
    (page,) = read_pages(ligature_pdf, [1])
    assert page.text == WORDS
    word = next(w for w in page.rows[0].words if w.text.startswith("staff"))
    assert len(word.boxes) == len(word.text)  # one box per letter, the ligature's shared


def test_fast_pass_gives_the_letters(ligature_pdf):
    document = fastpass.open_document(ligature_pdf)
    assert fastpass.page_lines(document, 1).lines == (WORDS,)
    assert fastpass.page_text(document, 1).text == WORDS


def test_every_ligature_maps_to_plain_letters():
    assert "\ufb00\ufb01\ufb02\ufb03\ufb04".translate(LIGATURES) == "fffiflffiffl"
