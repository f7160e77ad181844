"""The fast paths read exactly what the slow ones read: the glyph device against pdfplumber's
own `page.chars`, pages read on worker processes against pages read here, and `run --jobs`
against a one-process run."""
from __future__ import annotations

import subprocess
import sys

import pdfplumber
import pytest

from extract.errors import ReaderFailed
from extract.read import plumber
from extract.read.plumber import CarefulReader
from extract.read.pool import PagePool
from tests.conftest import MINUTE_2017, PACK_2017, ROOT, SAMPLES

BORDERLESS = SAMPLES / "variants" / "appendix-only-borderless.pdf"
COURIER = SAMPLES / "variants" / "a4-courier-ruled-split.pdf"


def chars_as_glyphs(page) -> list[tuple]:
    """pdfplumber's public reading of a page's upright characters, in Glyph's fields."""
    return [(c["text"], float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"]), float(c["size"]),
             "bold" in str(c["fontname"]).lower()) for c in page.chars if c["upright"]]


@pytest.mark.parametrize("pdf", [PACK_2017, COURIER, BORDERLESS], ids=lambda p: p.stem)
def test_glyph_device_reads_the_characters_pdfplumber_reads(pdf):
    with pdfplumber.open(pdf) as document:
        for page in document.pages[:12]:
            assert [tuple(g) for g in plumber.page_glyphs(page)] == chars_as_glyphs(page), page.page_number
            page.close()


def test_hex_strings_decode_as_pdfminer_decodes_them():
    from pdfminer.psparser import PSBaseParser

    plumber._lighten_pdfminer_parser()
    for text, expected in ((b"<48656c6C6f> ", b"Hello"), (b"<4 8\n65 7> ", b"He\x07"), (b"<> ", b"")):
        parser = PSBaseParser(__import__("io").BytesIO(text))
        assert parser.nexttoken()[1] == expected


def test_pages_read_on_workers_equal_pages_read_here():
    numbers = [2, 3, 4, 9, 10, 11, 12, 13, 30]
    with CarefulReader(PACK_2017) as here:
        expected = list(here.pages(numbers))
    with PagePool(2) as pool:
        reader = pool.reader(PACK_2017, numbers)
        got = list(reader.pages(numbers[:4])) + list(reader.pages(numbers[4:]))
        reader.close()
    assert got == expected


def test_pages_asked_out_of_plan_are_still_read():
    with CarefulReader(PACK_2017) as here:
        expected = list(here.pages([5, 6]))
    with PagePool(2) as pool:
        reader = pool.reader(PACK_2017, [2, 3])
        assert list(reader.pages([5, 6])) == expected
        reader.close()


def test_a_page_that_fails_on_a_worker_fails_where_it_would_here(monkeypatch):
    real = plumber.page_glyphs_closed

    def failing(page):
        if page.page_number == 3:
            raise ValueError("unparsable content stream")
        return real(page)

    monkeypatch.setattr(plumber, "page_glyphs_closed", failing)  # before the pool forks its workers
    with PagePool(2) as pool:
        reader = pool.reader(PACK_2017, [1, 2, 3, 4])
        read = []
        with pytest.raises(ReaderFailed, match="cannot read page 3"):
            for page in reader.pages([1, 2, 3, 4]):
                read.append(page.number)
        reader.close()
    assert read == [1, 2]


def run_cli(tmp_path, name: str, *args: str) -> dict[str, bytes]:
    out = tmp_path / name
    subprocess.run([sys.executable, "-m", "extract", "run", *args, "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


def test_run_with_jobs_writes_what_one_process_writes(tmp_path):
    files = [str(MINUTE_2017), str(BORDERLESS), str(COURIER)]
    one = run_cli(tmp_path, "one", *files, "--jobs", "1")
    many = run_cli(tmp_path, "many", *files, "--jobs", "2")
    assert len(one) == 3 and one == many


def test_run_with_jobs_on_one_file_writes_what_one_process_writes(tmp_path):
    one = run_cli(tmp_path, "one", str(COURIER), "--jobs", "1")
    pooled = run_cli(tmp_path, "pooled", str(COURIER), "--jobs", "2")
    assert len(one) == 1 and one == pooled
