"""When OCR fails: a paper's text pages are kept and the failure recorded; a paper with
nothing else readable fails with the reason.

The engine is made to fail with a fake `tesseract` first on PATH that exits non-zero, so
OCRmyPDF runs for real and fails as it would with a broken install; no page is OCR'd, so
these tests are quick.
"""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.cli.main import main
from extract.errors import OcrFailed
from extract.pipeline import Options, extract_pack
from tests.conftest import PACK_2017, SAMPLES, only_page

ROOT = Path(__file__).resolve().parents[1]

if str(SAMPLES) not in sys.path:
    sys.path.insert(0, str(SAMPLES))
import scan  # noqa: E402

needs_ocrmypdf = pytest.mark.skipif(importlib.util.find_spec("ocrmypdf") is None, reason="OCRmyPDF is not installed")
SCANNED_PAGE = 36  # an Appendix B table page of the 2017 pack


@pytest.fixture
def broken_engine(tmp_path, monkeypatch):
    """A `tesseract` that exits 1 whatever it is asked, ahead of the real one on PATH."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "tesseract"
    fake.write_text("#!/bin/sh\necho 'tesseract: broken install' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{Path('/usr/bin')}:{Path('/bin')}")
    return fake


@needs_ocrmypdf
def test_when_ocr_fails_the_text_pages_are_read_and_the_scanned_pages_left_blank_with_the_reason(
        tmp_path, broken_engine):
    scanned = scan.scan_pack(PACK_2017, tmp_path / "part-scanned.pdf", 72, (SCANNED_PAGE,))
    extraction = extract_pack(scanned, Options(ocr="auto"))
    failure = extraction.source.ocr_failure
    assert failure is not None and failure.pages == [SCANNED_PAGE] and "OCR failed" in failure.reason
    assert extraction.source.ocr_pages == []
    assert [u.page for u in extraction.source.untrusted_pages] == [SCANNED_PAGE]
    assert len(extraction.service_cards) == 9  # Appendix A is born-digital and still read
    assert not any(t.page == SCANNED_PAGE for t in extraction.financial_tables)
    assert not any(f.page == SCANNED_PAGE for f in extraction.figures)


@needs_ocrmypdf
def test_run_says_ocr_failed_on_the_summary_line_and_batch_records_it_in_the_manifest(tmp_path, broken_engine):
    scanned = scan.scan_pack(PACK_2017, tmp_path / "in" / "part-scanned.pdf", 72, (SCANNED_PAGE,))
    ran = CliRunner().invoke(main, ["run", str(scanned), "--out", str(tmp_path / "run"), "--ocr", "auto"])
    assert ran.exit_code in (0, 1) and "OCR failed" in ran.output and f"({SCANNED_PAGE})" in ran.output
    out = tmp_path / "batch"
    # a process of its own: batch workers forked from a server started earlier in the session
    # would keep the PATH they started with, and find the real engine
    subprocess.run([sys.executable, "-m", "extract", "batch", str(scanned.parent), "--out", str(out), "--jobs", "1",
                    "--ocr", "auto", "--quiet"], env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
                   check=False, timeout=600)
    [record] = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    assert record["status"] == "ok" and record["ocr_pages"] == 0
    assert record["ocr_failed"].startswith("1 page(s) left blank: OCR failed")


@needs_ocrmypdf
def test_a_scan_with_nothing_else_readable_fails_with_the_ocr_reason(tmp_path, broken_engine):
    scanned = scan.scan_pack(PACK_2017, tmp_path / "part-scanned.pdf", 72, (SCANNED_PAGE,))
    alone = only_page(scanned, SCANNED_PAGE, tmp_path / "scan-only.pdf")
    with pytest.raises(OcrFailed) as caught:
        extract_pack(alone, Options(ocr="auto"))
    assert caught.value.kind == "ocr_failed" and "OCR failed" in caught.value.reason
    result = CliRunner().invoke(main, ["run", str(alone), "--out", str(tmp_path / "out"), "--ocr", "auto"])
    assert result.exit_code == 3 and result.output.count("error: ") == 1 and "OCR failed" in result.output
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@needs_ocrmypdf
def test_ocr_always_still_fails_the_paper_when_ocr_fails(tmp_path, broken_engine):
    scanned = scan.scan_pack(PACK_2017, tmp_path / "part-scanned.pdf", 72, (SCANNED_PAGE,))
    with pytest.raises(OcrFailed):  # 'always' asked for every page by OCR: no silent fallback to the text layer
        extract_pack(scanned, Options(ocr="always"))
