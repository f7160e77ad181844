"""Shared fixtures: the bundled samples, the large corpora in ../shared (skipped when absent),
and one cached extraction per sample so the suite reads each PDF once."""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("AGENDA_EXTRACT_SHARED", ROOT.parent / "shared"))

PACK_2017 = SAMPLES / "coventry-2017-scrutiny-pack.pdf"
PACK_2023 = SAMPLES / "coventry-2023-scrutiny-pack.pdf"
MINUTE_2017 = SAMPLES / "coventry-2017-cabinet-minute.pdf"
SLIDES_2022 = SAMPLES / "somerset-2022-redesign-slides.pdf"


@cache
def extraction_of(path: Path, triage: bool = True):
    from extract.pipeline import Options, extract_pack

    return extract_pack(path, Options(triage=triage))


def shared_dir(name: str) -> Path:
    folder = SHARED / name
    if not folder.is_dir():
        pytest.skip(f"corpus folder {folder} is absent (set AGENDA_EXTRACT_SHARED to the shared/ folder)")
    return folder


@pytest.fixture(scope="session")
def pack_2017():
    return extraction_of(PACK_2017)


@pytest.fixture(scope="session")
def browser_pack(tmp_path_factory) -> Path:
    """The 2017 pack's content printed by headless Chromium (samples/browser.py: DejaVu Serif,
    borderless tables, narrow label columns), once per session; never committed. Tests that
    take it are marked `browser` and skip when chromium is absent."""
    import sys

    if str(SAMPLES) not in sys.path:
        sys.path.insert(0, str(SAMPLES))
    import browser

    if browser.chromium() is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it): "
                    "the Chromium-printed 2017 pack cannot be made")
    target = tmp_path_factory.mktemp("browser") / "coventry-2017-browser-pack.pdf"
    browser.print_pdf(browser.pack_html(), target)
    return target


def only_page(source: Path, number: int, target: Path) -> Path:
    """A one-page PDF of `source`'s page `number`."""
    import pypdfium2 as pdfium

    original, out = pdfium.PdfDocument(str(source)), pdfium.PdfDocument.new()
    try:
        out.import_pages(original, [number - 1])
        out.save(str(target))
    finally:
        out.close()
        original.close()
    return target
