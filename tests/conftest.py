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
