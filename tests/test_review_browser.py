"""The review page in Debian's headless Chromium: each sample's page loads, renders to a
non-blank screenshot, and shows every finding of its JSON with its images; the 2017 pack's
page is under 5 MB and renders in under 5 seconds."""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from extract.output import to_document
from extract.review.page import write_review
from tests.conftest import MINUTE_2017, PACK_2017, PACK_2023, SLIDES_2022, extraction_of
from tests.test_review import Outline, article_of, constructed_extraction, decoded

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
TIME_LIMIT = 60.0  # seconds before a hung browser fails the test
RENDER_BUDGET = 5.0  # seconds for the 2017 page (issue 6)
SIZE_BUDGET = 5 * 1024 * 1024  # bytes for the 2017 page (issue 6)

# No network, no background services, no profile left behind: the page must stand alone.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(autouse=True)
def needs_chromium():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")


def chromium(tmp_path: Path, html: Path, *mode: str) -> tuple[subprocess.CompletedProcess, float]:
    """Run the browser once on the page; returns the finished process and its wall time."""
    profile = tmp_path / f"profile-{time.monotonic_ns()}"
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *mode, html.resolve().as_uri()]
    started = time.monotonic()
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"chromium did not finish within {TIME_LIMIT:.0f} s on {html.name}")
    elapsed = time.monotonic() - started
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done, elapsed


def dumped_dom(tmp_path: Path, html: Path) -> str:
    done, _ = chromium(tmp_path, html, "--dump-dom")
    return done.stdout.decode("utf-8")


def screenshot(tmp_path: Path, html: Path, height: int = 4000) -> tuple[Path, float]:
    png = tmp_path / f"{html.stem}.png"
    _, elapsed = chromium(tmp_path, html, f"--screenshot={png}", f"--window-size=1280,{height}")
    assert png.is_file() and png.stat().st_size > 0, "no screenshot written"
    return png, elapsed


def assert_not_blank(png: Path) -> None:
    from PIL import Image

    with Image.open(png) as image:
        extrema = image.convert("RGB").getextrema()
    assert any(low != high for low, high in extrema), "the screenshot is a single colour"


def assert_every_finding_shown(document: dict, dom: str) -> None:
    """Each finding of the JSON is in the rendered DOM with its message, and with an image
    (that decodes) for each page its evidence cites."""
    outline = Outline(dom)
    for finding in document["findings"]:
        article = article_of(outline, finding["message"])
        pages = {f["page"] for f in finding["evidence"]}
        assert len(article["images"]) >= len(pages), finding["message"]
        for image in article["images"]:
            assert image.get("alt"), "an image without alt text"
            assert min(decoded(image["src"]).size) > 0


@pytest.mark.parametrize("sample", [PACK_2017, PACK_2023, MINUTE_2017, SLIDES_2022], ids=lambda p: p.stem)
def test_each_sample_renders_with_every_finding_and_its_images(sample, tmp_path):
    extraction = extraction_of(sample)
    html = tmp_path / f"{sample.stem}.html"
    write_review(sample, extraction, html)
    assert_every_finding_shown(to_document(extraction), dumped_dom(tmp_path, html))
    png, _ = screenshot(tmp_path, html)
    assert_not_blank(png)


def test_constructed_findings_render_with_their_images(tmp_path):
    # The pipeline may find few findings in some samples; this page has one of each shape.
    extraction = constructed_extraction()
    html = tmp_path / "constructed.html"
    write_review(PACK_2017, extraction, html)
    assert_every_finding_shown(extraction.model_dump(mode="json"), dumped_dom(tmp_path, html))
    png, _ = screenshot(tmp_path, html, height=1400)
    assert_not_blank(png)


def test_2017_page_is_small_and_renders_quickly(tmp_path):
    extraction = extraction_of(PACK_2017)
    html = tmp_path / "2017.html"
    write_review(PACK_2017, extraction, html)
    size = html.stat().st_size
    assert size < SIZE_BUDGET, f"review page is {size / 1e6:.2f} MB"
    dumped_dom(tmp_path, html)  # first start: the browser's own files into the OS cache
    png, elapsed = screenshot(tmp_path, html)
    assert_not_blank(png)
    assert elapsed < RENDER_BUDGET, f"chromium took {elapsed:.2f} s to render the 2017 review page"
