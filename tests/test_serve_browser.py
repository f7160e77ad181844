"""The drop page in Debian's headless Chromium, driven by Playwright against the real server:
a PDF dropped on the page ends on its review page with its findings, whose JSON downloads;
with JavaScript off, the plain form gets there too. No page breaks its Content-Security-Policy."""
from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import PACK_2017
from tests.served import start_server

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
# No network, no background services: the pages must stand alone (as tests/test_review_browser.py).
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
READ_MS = 300_000  # the 2017 pack is read in a few seconds; a busy machine may take far longer

DROP = """([data, name]) => {
  const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], name, {type: "application/pdf"}));
  return transfer;
}"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    served = start_server(tmp_path_factory.mktemp("serve-browser"), "--jobs", "2", "--ocr", "never")
    yield served
    served.stop()


@pytest.fixture(scope="module")
def browser(server):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def watched_page(context):
    """A page that records Content-Security-Policy violations and script errors."""
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    return page


def assert_review_of_the_2017_pack(page, document: dict) -> None:
    assert page.locator("h1").first.is_visible()
    assert page.locator("article").count() == len(document["findings"]) > 0
    for finding in document["findings"][:3]:
        assert page.get_by_text(finding["message"], exact=False).first.is_visible()
    assert page.problems == []


def test_a_pdf_dropped_on_the_page_ends_on_its_review_page_whose_json_downloads(server, browser, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = watched_page(context)
    page.goto(server.url + "/")
    page.keyboard.press("Tab")  # the first stop of the keyboard is the file chooser, with its label
    assert page.evaluate("document.activeElement.id") == "file"
    assert page.get_by_label("Choose a PDF").count() == 1
    transfer = page.evaluate_handle(DROP, [base64.b64encode(PACK_2017.read_bytes()).decode(), PACK_2017.name])
    page.dispatch_event("#drop-zone", "drop", {"dataTransfer": transfer})
    # The progress line says where it is (the reading takes seconds: it is seen before the page moves on).
    page.locator("#progress").filter(has_text=re.compile(r"^(Waiting|Reading)")).wait_for(timeout=READ_MS)
    page.wait_for_url("**/v1/review/*", timeout=READ_MS)
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download the JSON").click()
    download = waiting.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert download.suggested_filename == "coventry-2017-scrutiny-pack.json"
    assert document["source"]["file"] == PACK_2017.name
    assert_review_of_the_2017_pack(page, document)
    context.close()


def test_with_javascript_off_the_form_answers_with_the_review_page(server, browser, tmp_path):
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = watched_page(context)
    page.goto(server.url + "/")
    page.set_input_files("#file", str(PACK_2017))
    page.get_by_role("button", name="Read it").click()
    page.wait_for_url("**/v1/review/*", timeout=READ_MS)
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download its figures (CSV)").click()
    csv_file = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(csv_file)
    assert csv_file.read_text(encoding="utf-8-sig").startswith("pack_sha256,figure_index,kind")
    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download the JSON").click()
    json_file = tmp_path / waiting.value.suggested_filename
    waiting.value.save_as(json_file)
    assert_review_of_the_2017_pack(page, json.loads(json_file.read_text(encoding="utf-8")))
    context.close()
