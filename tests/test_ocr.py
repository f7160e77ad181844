"""Scanned pages are read with OCR (OCRmyPDF over Tesseract), and the figures read that way say so.

The fast tests need no OCR engine. Those marked `ocr` scan a few pages of the 2017 pack on the
fly (samples/scan.py) and OCR them: about a minute on two cores; skipped without the engine.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.checks.ocr import LOW_CONFIDENCE, weigh_ocr_evidence
from extract.cli.main import main
from extract.errors import OcrUnavailable
from extract.models import Figure, Finding
from extract.output import dumps, to_document
from extract.pipeline import Options, extract_pack, sha256_of
from extract.read import ocr
from tests.conftest import PACK_2017, SAMPLES, extraction_of

if str(SAMPLES) not in sys.path:
    sys.path.insert(0, str(SAMPLES))
import scan  # noqa: E402

needs_engine = pytest.mark.skipif(not ocr.engine_installed(), reason="OCRmyPDF or Tesseract is not installed")
PERFORMING_ARTS_PAGES = (16, 17, 36)  # its card (Appendix A) and its Appendix B table


def figure(text="£1.34M", value=1_340_000.0, page=16, source="pdf", confidence=None) -> Figure:
    return Figure(kind="money", value=value, text=text, precision=10_000, page=page, bbox=(10, 10, 50, 20),
                  source=source, confidence=confidence)


def finding(*evidence: Figure, severity="warning") -> Finding:
    return Finding(check="card.saving", severity=severity, subject="Performing Arts Service",
                   message="saving is not current budget minus proposed cost.", evidence=list(evidence))


def image_only_pdf(target: Path, pages: tuple[int, ...], dpi: int = 100) -> Path:
    return scan.scan_pack(PACK_2017, target, dpi, pages)


# --- without the engine -----------------------------------------------------------------------


def test_a_born_digital_paper_gives_identical_output_with_and_without_ocr_auto():
    with_auto = extract_pack(PACK_2017, Options(ocr="auto"))
    assert with_auto.source.ocr_pages == []
    assert dumps(to_document(with_auto)) == dumps(to_document(extraction_of(PACK_2017)))


def test_figures_from_the_pdf_text_serialise_without_source_or_confidence():
    document = figure().model_dump(mode="json")
    assert "source" not in document and "confidence" not in document
    read = figure(source="ocr", confidence=91.0).model_dump(mode="json")
    assert (read["source"], read["confidence"]) == ("ocr", 91.0)


def test_only_pages_without_usable_text_need_ocr_and_a_blank_page_does_not(tmp_path):
    import pypdfium2 as pdfium

    from extract.read import pdfium as fastpass

    scanned = image_only_pdf(tmp_path / "scan.pdf", (3,))
    document = pdfium.PdfDocument(str(scanned))
    blank = document.new_page(595, 842)  # a page blank on purpose: nothing to read
    blank.close()
    document.save(str(tmp_path / "with-blank.pdf"))
    document.close()
    document = fastpass.open_document(tmp_path / "with-blank.pdf")
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
        assert ocr.pages_to_ocr("auto", document, lines) == [3]
        assert ocr.pages_to_ocr("never", document, lines) == []
        assert ocr.pages_to_ocr("always", document, lines) == list(range(1, len(lines) + 1))
        assert ocr.pages_to_ocr("auto", document, lines, detector=lambda d, ls: [5]) == [5]
    finally:
        document.close()


def test_a_scan_without_the_engine_fails_saying_what_to_install(tmp_path, monkeypatch):
    scanned = image_only_pdf(tmp_path / "scan.pdf", (36,))
    monkeypatch.setattr(ocr, "engine_installed", lambda: False)
    with pytest.raises(OcrUnavailable) as caught:
        extract_pack(scanned, Options(ocr="auto"))
    assert "tesseract-ocr" in caught.value.reason and "agenda-extract[ocr]" in caught.value.reason
    assert caught.value.kind == "ocr_unavailable"
    result = CliRunner().invoke(main, ["run", str(scanned), "--out", str(tmp_path / "out"), "--ocr", "auto"])
    assert result.exit_code == 3 and "tesseract-ocr" in result.output
    never = extract_pack(scanned, Options(ocr="never"))  # read as it is: the scanned page holds nothing
    assert never.source.ocr_pages == [] and not any(t.page == 36 for t in never.financial_tables)


def test_the_default_is_auto_only_when_the_engine_is_installed(monkeypatch):
    from extract.cli.common import resolve_ocr

    monkeypatch.setattr(ocr, "engine_installed", lambda: False)
    assert resolve_ocr(None) == "never" and resolve_ocr("always") == "always"
    monkeypatch.setattr(ocr, "engine_installed", lambda: True)
    assert resolve_ocr(None) == "auto"


def test_a_finding_resting_on_an_ocr_figure_says_so_and_keeps_its_severity_when_sure():
    sure = figure(source="ocr", confidence=LOW_CONFIDENCE + 10)
    [weighed] = weigh_ocr_evidence([finding(sure, figure(text="£0.11m", value=110_000))])
    assert weighed.severity == "warning"
    assert "OCR" in weighed.message and "£1.34M on page 16" in weighed.message
    assert "£0.11m on page" not in weighed.message  # only the figures OCR read are named


@pytest.mark.parametrize("confidence", [LOW_CONFIDENCE - 1, None])
def test_a_low_confidence_ocr_figure_does_not_raise_a_warning_or_an_error(confidence):
    unsure = figure(source="ocr", confidence=confidence)
    for severity in ("warning", "error"):
        [weighed] = weigh_ocr_evidence([finding(unsure, severity=severity)])
        assert weighed.severity == "info" and "not as" in weighed.message and "£1.34M" in weighed.message


def test_findings_on_figures_from_the_pdf_text_are_untouched():
    plain = finding(figure(), figure(text="£0.11m", value=110_000))
    assert weigh_ocr_evidence([plain]) == [plain]


def test_an_ocr_figure_takes_the_confidence_of_its_least_sure_word():
    result = ocr.OcrResult(Path("x.pdf"), (16,), {16: [((10, 10, 30, 20), 95.0), ((31, 10, 52, 20), 61.0),
                                                        ((200, 10, 240, 20), 12.0)]})
    assert result.confidence(16, (10, 10, 50, 20)) == 61.0
    assert result.confidence(16, (300, 300, 310, 310)) is None
    assert result.confidence(17, (10, 10, 50, 20)) is None


def test_run_review_and_batch_take_the_ocr_option():
    for command in ("run", "review", "batch"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert "--ocr [auto|always|never]" in result.output, command


# --- with the engine: scanned pages of the 2017 pack -------------------------------------------


@pytest.fixture(scope="module")
def scanned_performing_arts(tmp_path_factory):
    """The Performing Arts card and Appendix B table pages scanned at 300 dpi, then read with OCR."""
    folder = tmp_path_factory.mktemp("scans")
    pdf = scan.scan_pack(PACK_2017, folder / "performing-arts-300dpi.pdf", 300, PERFORMING_ARTS_PAGES)
    before = sha256_of(pdf)
    leftovers = set(Path(tempfile.gettempdir()).glob(f"agenda-extract-ocr-{os.getpid()}-*"))  # this process's own
    extraction = extract_pack(pdf, Options(ocr="auto"))
    return pdf, before, leftovers, extraction


def figures_of(extraction, service):
    card = next(c for c in extraction.service_cards if c.service == service)
    table = next(t for t in extraction.financial_tables if t.service == service)
    every = [card.staffing.current_fte, card.staffing.proposed_fte, card.budget.current, card.budget.proposed,
             card.budget.saving, table.current, table.pre_consultation.cost, table.post_consultation.saving]
    return [f for f in every + card.budget.current_parts + table.current_parts if f]


@pytest.mark.ocr
@needs_engine
@pytest.mark.parametrize("kind, dpi", [("bw", 300), ("dither", 200)])
def test_a_black_and_white_scan_reads_the_performing_arts_figures_and_mismatches_as_printed(tmp_path, pack_2017,
                                                                                            kind, dpi):
    """1-bit, as office scanners archive (thresholded at 300 dpi, dithered at 200: descreened
    before Tesseract): every figure of the card and its table with its printed value, and the
    same findings as the born-digital pack."""
    pdf = scan.scan_pack(PACK_2017, tmp_path / f"performing-arts-{kind}.pdf", dpi, PERFORMING_ARTS_PAGES, kind=kind)
    extraction = extract_pack(pdf, Options(ocr="auto", ocr_jobs=2))
    read = figures_of(extraction, "Performing Arts Service")
    printed = figures_of(pack_2017, "Performing Arts Service")
    assert [(f.text, f.value) for f in read] == [(f.text, f.value) for f in printed]

    def arts(e):
        return Counter(f.check for f in e.findings if f.subject == "Performing Arts Service")

    assert arts(extraction) == arts(pack_2017)


@pytest.mark.ocr
@needs_engine
def test_ocr_auto_reads_only_the_scanned_pages_and_leaves_the_input_and_no_copy_behind(scanned_performing_arts):
    pdf, before, leftovers, extraction = scanned_performing_arts
    assert extraction.source.ocr_pages == list(PERFORMING_ARTS_PAGES)
    assert sha256_of(pdf) == before == extraction.source.sha256
    assert set(Path(tempfile.gettempdir()).glob(f"agenda-extract-ocr-{os.getpid()}-*")) <= leftovers


@pytest.mark.ocr
@needs_engine
def test_the_scanned_performing_arts_card_and_table_read_as_printed(scanned_performing_arts, pack_2017):
    _, _, _, extraction = scanned_performing_arts
    read = figures_of(extraction, "Performing Arts Service")
    printed = figures_of(pack_2017, "Performing Arts Service")
    assert [f.text for f in read] == [f.text for f in printed]
    assert all(f.source == "ocr" and f.confidence is not None for f in read)
    assert all(f.source == "pdf" for f in extraction.figures if f.page not in PERFORMING_ARTS_PAGES)


@pytest.mark.ocr
@needs_engine
def test_the_performing_arts_mismatches_are_still_found_and_say_they_rest_on_ocr(scanned_performing_arts,
                                                                                pack_2017):
    _, _, _, extraction = scanned_performing_arts

    def arts(e):
        return Counter(f.check for f in e.findings if f.subject == "Performing Arts Service")

    assert arts(extraction) == arts(pack_2017)
    for found in (f for f in extraction.findings if f.subject == "Performing Arts Service"):
        assert "Read by OCR" in found.message
    document = to_document(extraction)
    assert json.loads(dumps(document))["source"]["ocr_pages"] == list(PERFORMING_ARTS_PAGES)


@pytest.mark.ocr
@needs_engine
def test_review_page_says_which_findings_rest_on_ocr(scanned_performing_arts, tmp_path):
    from extract.review.page import write_review

    pdf, _, _, extraction = scanned_performing_arts
    target = tmp_path / "review.html"
    write_review(pdf, extraction, target)
    assert "Read by OCR from a scanned page" in target.read_text(encoding="utf-8")


@pytest.mark.ocr
@needs_engine
def test_a_batch_ocrs_a_scan_inside_its_worker_and_the_manifest_counts_the_pages(tmp_path):
    scanned = image_only_pdf(tmp_path / "in" / "appendix-b-scan.pdf", (36,), dpi=200)
    out = tmp_path / "out"
    # a 5 s timeout, sized for a page of text: the OCR'd page brings its own allowance
    result = CliRunner().invoke(main, ["batch", str(scanned.parent), "--out", str(out), "--jobs", "1",
                                       "--ocr", "auto", "--timeout", "5", "--ocr-page-timeout", "600", "--quiet"],
                                catch_exceptions=False)
    [record] = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == 0 and record["status"] == "ok" and record["ocr_pages"] == 1
    document = json.loads((out / record["output"]).read_text(encoding="utf-8"))
    read = [f for f in document["figures"] if f["page"] == 36]
    assert read and all(f["source"] == "ocr" and 0 <= f["confidence"] <= 100 for f in read)
    before = set(Path(tempfile.gettempdir()).glob("agenda-extract-ocr-*"))
    timed_out = CliRunner().invoke(main, ["batch", str(scanned.parent), "--out", str(tmp_path / "slow"),
                                          "--ocr", "always", "--timeout", "1", "--ocr-page-timeout", "0", "--quiet"],
                                   catch_exceptions=False)
    [slow] = [json.loads(line) for line in (tmp_path / "slow" / "manifest.jsonl").read_text().splitlines()]
    assert timed_out.exit_code == 1 and slow["error"]["type"] == "timeout"  # OCR time counts against the limits
    assert "--ocr-page-timeout" in slow["error"]["message"]
    # the killed worker could not remove its OCR folder (page images): the batch did
    assert set(Path(tempfile.gettempdir()).glob("agenda-extract-ocr-*")) <= before


@pytest.mark.ocr
@needs_engine
def test_run_removes_the_ocr_folder_of_a_paper_it_stopped_at_the_timeout(tmp_path):
    scanned = image_only_pdf(tmp_path / "in" / "appendix-b-scan.pdf", (36,), dpi=200)
    before = set(Path(tempfile.gettempdir()).glob("agenda-extract-ocr-*"))
    result = CliRunner().invoke(main, ["run", str(scanned), "--out", str(tmp_path / "out"), "--ocr", "always",
                                       "--timeout", "1", "--ocr-page-timeout", "0"], catch_exceptions=False)
    assert result.exit_code == 3 and "--timeout" in result.output
    assert set(Path(tempfile.gettempdir()).glob("agenda-extract-ocr-*")) <= before


def test_scan_generator_writes_image_only_pages_of_the_original_size(tmp_path):
    import pypdfium2 as pdfium

    pdf = image_only_pdf(tmp_path / "scan.pdf", (13,), dpi=72)
    scanned, original = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument(str(PACK_2017))
    try:
        assert len(scanned) == len(original)
        assert scanned[12].get_textpage().get_text_range() == ""
        assert scanned[11].get_textpage().get_text_range() == original[11].get_textpage().get_text_range()
        assert scanned[12].get_size() == pytest.approx(original[12].get_size())
    finally:
        scanned.close()
        original.close()


@pytest.mark.parametrize("kind", ["bw", "dither"])
def test_scan_generator_writes_black_and_white_scans_as_1_bit_images(tmp_path, kind):
    import pypdfium2 as pdfium

    pdf = scan.scan_pack(PACK_2017, tmp_path / "scan.pdf", 72, (13,), kind=kind)
    scanned = pdfium.PdfDocument(str(pdf))
    try:
        [picture] = list(scanned[12].get_objects())
        assert picture.get_metadata().bits_per_pixel == 1
        assert scanned[12].get_textpage().get_text_range() == ""
        assert scanned[12].get_size() == pytest.approx(scanned[11].get_size(), abs=1.0)
    finally:
        scanned.close()
