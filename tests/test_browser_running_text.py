"""Running text of a browser-printed pack: pdfium reads its report pages, pdfplumber its
structure pages, and both must build the same words from Chromium's output (type set in CSS
pixels under a 0.75 scale, spaces kerned into, justified lines), so a report paragraph
gives the figures and findings the Word-printed pack gives."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract.pipeline import Options, extract_pack
from extract.read import pdfium as fastpass
from extract.read.plumber import read_pages
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "samples"))
import browser  # noqa: E402

pytestmark = pytest.mark.browser

PARAGRAPH = "4.1 This decision would be implemented from April 2017 to September 2017."
REFUND = " The refund of -£25.00 was processed."


def printed(tmp_path_factory, font: str) -> Path:
    if browser.chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    html = browser.pack_html(font=font, justify=True)
    assert PARAGRAPH in html
    target = tmp_path_factory.mktemp("justified") / f"pack-{font.replace(' ', '-')}.pdf"
    browser.print_pdf(html.replace(PARAGRAPH, PARAGRAPH + REFUND), target)
    return target


@pytest.fixture(scope="module")
def justified(tmp_path_factory) -> Path:
    return printed(tmp_path_factory, "DejaVu Serif")


@pytest.fixture(scope="module")
def justified_liberation(tmp_path_factory) -> Path:
    return printed(tmp_path_factory, "Liberation Serif")


def report_statements(extraction):
    return [(s.subject, [(f.text, f.value) for f in s.figures]) for s in extraction.statements
            if s.subject.startswith("Report")]


def report_findings(extraction):
    return sorted((f.check, f.subject, f.found) for f in extraction.findings if f.check.startswith("report."))


@pytest.mark.parametrize("rendering", ["justified", "justified_liberation"])
def test_both_readers_build_the_same_words_on_every_page_of_a_browser_printed_pack(rendering, request):
    path = request.getfixturevalue(rendering)
    document = fastpass.open_document(path)
    try:
        fast = [fastpass.page_text(document, n) for n in range(1, len(document) + 1)]
    finally:
        document.close()
    careful = list(read_pages(path, range(1, len(fast) + 1)))
    for one, other in zip(fast, careful, strict=True):
        assert [w.text for r in one.rows for w in r.words] == [w.text for r in other.rows for w in r.words], one.number


def test_running_text_of_a_justified_browser_pack_gives_the_word_packs_report_paragraphs(justified, pack_2017):
    extraction = extract_pack(justified, Options())
    assert report_statements(extraction) == report_statements(pack_2017)
    assert ("report.cost_vs_cards", "Report 1.4", 19800000.0) in report_findings(extraction)
    assert report_findings(extraction) == report_findings(pack_2017)


@pytest.mark.parametrize("triage", [True, False], ids=["pdfium", "pdfplumber"])
def test_a_minus_before_a_pound_sign_in_running_text_is_negative_from_either_reader(justified, triage):
    extraction = extract_pack(justified, Options(triage=triage))
    (refund,) = [f for f in extraction.figures if f.text.endswith("£25.00")]
    assert (refund.text, refund.value) == ("-£25.00", -25.0)
