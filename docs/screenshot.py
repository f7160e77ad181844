#!/usr/bin/env python3
"""Remake docs/review-screenshot.png: the review page of the bundled 2017 pack, top of the
page, as Debian's headless Chromium draws it. Run from the repository root:

    python3 docs/screenshot.py
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "samples" / "coventry-2017-scrutiny-pack.pdf"
TARGET = ROOT / "docs" / "review-screenshot.png"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--hide-scrollbars", "--window-size=1280,1400", "--virtual-time-budget=5000"]


def main() -> None:
    from extract.pipeline import extract_pack
    from extract.review.page import write_review

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "review.html"
        write_review(PACK, extract_pack(PACK), page)
        subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp}/profile", f"--screenshot={TARGET}",
                        page.as_uri()], check=True, capture_output=True, timeout=120)
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
