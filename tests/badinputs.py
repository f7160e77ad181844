"""A generator of bad inputs, mixed with good packs, for the batch tests.

Each maker writes one file into a folder and returns its path; BAD_INPUTS names each
bad file with the error types the batch may give it. Everything is made on the fly,
deterministically (seeded), in well under a second except the 3000-page PDF (~1 s).

Run `python tests/badinputs.py DIR` to write the whole corpus into DIR for a manual look.
"""
from __future__ import annotations

import random
import shutil
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOOD_PACKS = sorted(SAMPLES.glob("*.pdf"))
SMALL_PACK = SAMPLES / "coventry-2017-cabinet-minute.pdf"

# The test-only fault hook of extract.batch.worker: inputs whose name holds the text after
# the colon sleep forever (so they hit the timeout) or exhaust memory.
SLOW_NAME = "slow-to-read"
HOG_NAME = "memory-hog"
CRASH_NAME = "segfaults"
RAISE_NAME = "raises-midway"
TEST_FAULTS = f"sleep:{SLOW_NAME},memory:{HOG_NAME},crash:{CRASH_NAME},raise:{RAISE_NAME}"


def copy_good_packs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(pack, folder / pack.name)) for pack in GOOD_PACKS]


def zero_bytes(folder: Path) -> Path:
    path = folder / "zero-bytes.pdf"
    path.write_bytes(b"")
    return path


def truncated(folder: Path) -> Path:
    """The first 600 bytes of a real pack: a header and the start of an object, nothing more."""
    path = folder / "truncated.pdf"
    path.write_bytes(SMALL_PACK.read_bytes()[:600])
    return path


def random_after_header(folder: Path) -> Path:
    path = folder / "random-after-header.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(4).randbytes(64_000))
    return path


def text_named_pdf(folder: Path) -> Path:
    path = folder / "minutes-really-text.pdf"
    path.write_text("Minutes of the meeting\nBudget £1.2m, 12 FTE.\n" * 50, encoding="utf-8")
    return path


def encrypted(folder: Path) -> Path:
    import pikepdf

    path = folder / "password-protected.pdf"
    with pikepdf.open(SMALL_PACK) as pdf:
        pdf.save(path, encryption=pikepdf.Encryption(user="secret", owner="owner-secret", R=6))
    return path


def many_blank_pages(folder: Path, pages: int = 3000) -> Path:
    """A very large page count: 3000 blank A4 pages in one ~200 KB file."""
    import pikepdf

    path = folder / "three-thousand-blank-pages.pdf"
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    pdf.save(path)
    return path


def distinct_copy(source: Path, target: Path, tag: str) -> Path:
    """A copy with its own content (a comment after %%EOF, which readers ignore), so the batch,
    which processes identical content once, treats it as an input of its own."""
    target.write_bytes(source.read_bytes() + b"\n% variant " + tag.encode("ascii") + b"\n")
    return target


def slow_page(folder: Path) -> Path:
    """A good pack under a name the test fault hook makes sleep: longer than any timeout."""
    return distinct_copy(SMALL_PACK, folder / f"{SLOW_NAME}.pdf", SLOW_NAME)


def memory_hog(folder: Path) -> Path:
    return distinct_copy(SMALL_PACK, folder / f"{HOG_NAME}.pdf", HOG_NAME)


def crashing(folder: Path) -> Path:
    return distinct_copy(SMALL_PACK, folder / f"{CRASH_NAME}.pdf", CRASH_NAME)


def raising(folder: Path) -> Path:
    """An input on which the worker raises an unexpected exception with a traceback in its text."""
    return distinct_copy(SMALL_PACK, folder / f"{RAISE_NAME}.pdf", RAISE_NAME)


def dense_text_page(folder: Path, repeats: int = 20_000) -> Path:
    """A genuinely slow PDF: one page whose compressed content stream (a few KB) shows
    'Current staffing 12 FTE' `repeats` times in 2 pt type. The words make it a page the
    careful reader (pdfplumber) must lay out, character by character: about half a
    million characters for 20 000 repeats, tens of seconds. No test hook involved."""
    content = b"BT /F1 2 Tf 10 800 Td " + b"(Current staffing 12 FTE) Tj 0 -0.04 Td " * repeats + b"ET"
    stream = zlib.compress(content, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    path = folder / "dense-text-page.pdf"
    path.write_bytes(_pdf_file(objects))
    return path


def _pdf_file(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


# maker -> error types the batch may report for it (a failed record naming the reason)
BAD_INPUTS: dict[Callable[[Path], Path], set[str]] = {
    zero_bytes: {"empty"},
    truncated: {"damaged"},
    random_after_header: {"damaged"},
    text_named_pdf: {"not_a_pdf"},
    encrypted: {"encrypted"},
    many_blank_pages: {"no_text", "timeout"},
    slow_page: {"timeout"},
}


def make_corpus(folder: Path) -> tuple[list[Path], dict[Path, set[str]]]:
    """Good packs and every bad input in one folder: (good paths, {bad path: expected types})."""
    folder.mkdir(parents=True, exist_ok=True)
    good = copy_good_packs(folder)
    bad = {maker(folder): types for maker, types in BAD_INPUTS.items()}
    return good, bad


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "badinputs")
    good_files, bad_files = make_corpus(target)
    dense_text_page(target)
    print(f"{len(good_files)} good and {len(bad_files) + 1} bad inputs in {target}")
