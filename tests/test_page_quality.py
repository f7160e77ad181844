"""Pages whose text cannot be trusted: scans and text layers that are not what is printed.

Each is listed in `source.untrusted_pages` and read as blank; a pack with no page of text
to be trusted fails as no_text, from `run` and `review` as from `batch`.
"""
from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path

import pytest

from extract.errors import NoText
from extract.read.quality import IMAGE_ONLY, NOT_LANGUAGE, judge_page, judge_text
from tests.conftest import MINUTE_2017, ROOT, extraction_of, shared_dir

PROSE = ("The Committee received the report of the Clerk on the accounts for the year and "
         "agreed that the payments listed below be approved. The Chair thanked the members "
         "for their work on the budget, which was noted. Apologies were received from two "
         "members of the council, and there were no declarations of interest at this meeting. ") * 2
WELSH = ("Cofnodion cyfarfod y Cyngor Cymuned a gynhaliwyd yn Neuadd y Pentref. Yn bresennol "
         "roedd y Cadeirydd a chwech aelod. Derbyniwyd ymddiheuriadau gan ddau aelod. Nid oedd "
         "datganiadau buddiant. Cytunwyd i dalu'r taliadau canlynol gan fod y cyfrifon yn gywir "
         "a bod y clerc wedi eu gwirio cyn y cyfarfod hwn yn y neuadd gyda'r aelodau i gyd.")
LABELS = ("Racial or ethnic origin Religious or philosophical beliefs Physical or mental health "
          "Sexual orientation or sex life Genetic or biometric data Special Category Data ") * 3


def substituted(text: str, alphabet: str) -> str:
    """Characters a font maps to the wrong ones: each of string.ascii_letters by the one at its place in `alphabet`."""
    return text.translate(str.maketrans(string.ascii_letters, alphabet))


# Letters mapped to printable marks and digits, as a font numbering its glyphs its own way prints them.
MARKS = string.punctuation + string.digits + "QXZJKVWYBP"
LETTERS = "qwertyuiopasdfghjklzxcvbnmQWERTYUIOPASDFGHJKLZXCVBNM"


def caesar(text: str, shift: int = 3) -> str:
    """Letters shifted as a font with a private encoding prints them: letters, but no words."""
    def move(c: str) -> str:
        if c.isascii() and c.isalpha():
            base = ord("a") if c.islower() else ord("A")
            return chr(base + (ord(c) - base + shift) % 26)
        return c
    return "".join(move(c) for c in text)


@pytest.mark.parametrize("text", [PROSE, WELSH, LABELS, "Total 1,234 5,678 (12) 9.5 " * 40, "", "Page 3"],
                         ids=["english", "welsh", "labels", "numbers", "empty", "stamp"])
def test_language_and_numbers_are_trusted(text):
    assert judge_text(text).kind == "trusted"


@pytest.mark.parametrize("text", [
    "".join(chr(1 + (ord(c) % 30)) if c.isalpha() else c for c in PROSE),  # control characters
    "".join(chr(0xE000 + ord(c)) if c.isalpha() else c for c in PROSE),  # private-use code points
    caesar(PROSE),
    caesar(PROSE, 13),
    caesar(PROSE).replace(" ", "").upper(),  # "IROORZLQJWKHHQG": no spaces, no words to look up
    "".join(chr(ord(c) - 30) if c.isalpha() else c for c in PROSE),  # code points moved past the alphabet
    " ".join(f"g{n}" for n in range(60)),
    " ".join(f"/g{n}" for n in range(60)),
    " ".join(f"(cid:{n})" for n in range(60)),
    " ".join(f"uni{0x41 + n:04X}" for n in range(40)),
    "\ufffd" * 40 + " " + PROSE[:200],
    substituted(PROSE, MARKS),
], ids=["control", "private-use", "shifted-letters", "rot13", "shifted-without-spaces", "shifted-code-points",
        "glyph-names", "slashed-glyph-names", "cid", "uni-names", "replacement-characters",
        "letters-as-marks"])
def test_text_whose_characters_are_not_what_is_printed_is_not_trusted(text):
    verdict = judge_text(text)
    assert verdict.kind == NOT_LANGUAGE
    assert verdict.seen  # says what was seen


@pytest.mark.parametrize("text, seen", [
    (caesar(PROSE), "shifted by a constant (+3): 'Wkh Frpplwwhh"),
    ("".join(chr(0xE000 + ord(c)) if c.isalpha() else c for c in PROSE), "private-use code points (U+E065"),
    (" ".join(f"g{n}" for n in range(60)), "60 glyph names instead of letters ('g0', 'g1', 'g2')"),
], ids=["shift", "private-use", "glyph-names"])
def test_the_reason_says_what_was_seen(text, seen):
    assert seen in judge_text(text).reason


@pytest.mark.parametrize("text", [
    "\n".join(f"{n} Metro Central Heights {100 + n} Newington Causeway SE1 {n % 9}BX" for n in range(200, 240)),
    "\n".join(f"{n} Brandon House 12/04/2024 £38,{n:03d} £39,515 1 Bed Flat" for n in range(1, 40)),
    "There being no further business, the meeting closed at 9.10 pm\nDate of next meeting 14 May 2024\nChairman",
    "\n".join(f"\uf0b7 {line}" for line in ("Apologies", "Minutes", "Finance", "AOB")),  # Wingdings bullets
    "XQJ ZZV KWQ PBX " * 20,  # codes: letters unlike English, but no sign of a shift
], ids=["addresses", "schedule", "closing-page", "symbol-bullets", "codes"])
def test_pages_with_few_common_words_are_trusted(text):
    assert judge_text(text).kind == "trusted"


def test_letters_substituted_for_one_another_leave_a_page_in_doubt_not_blank():
    verdict = judge_text(substituted(PROSE, LETTERS))  # "Zit Egddozzt..." : letters, but no word
    assert verdict.kind == "in_doubt" and verdict.problem is None
    assert "0 of 112 words are common words" in verdict.seen


def test_a_few_odd_characters_inside_words_leave_a_page_in_doubt_not_blank():
    text = PROSE.replace("y", "\ue079")  # "year", "by": 4 of 540 characters
    verdict = judge_text(text)
    assert verdict.kind == "in_doubt" and verdict.problem is None
    assert "private-use" in verdict.seen


def test_a_page_with_only_an_image_is_a_scan_and_a_blank_page_is_not():
    assert judge_page("", image_cover=1.0).kind == IMAGE_ONLY
    assert judge_page("", image_cover=0.0).kind == "trusted"
    assert judge_page("Context and aims", image_cover=1.0).kind == "trusted"  # a slide over a photograph


def image_page(path: Path) -> Path:
    """One A4 page holding only a picture: a scan without a text layer."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (120, 170), 255)
    for x in range(10, 110):
        for y in (20, 40, 60, 80):
            picture.putpixel((x, y), 0)
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(picture), 20, 20, A4[0] - 40, A4[1] - 40)
    pdf.showPage()
    pdf.save()
    return path


def joined(path: Path, *parts: Path) -> Path:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for part in parts:
        src = pdfium.PdfDocument(str(part))
        out.import_pages(src)
        src.close()
    out.save(str(path))
    out.close()
    return path


def test_a_scanned_page_inside_a_paper_is_listed_and_the_rest_is_read(tmp_path):
    pack = joined(tmp_path / "minute-with-scan.pdf", MINUTE_2017, image_page(tmp_path / "scan.pdf"))
    extraction = extraction_of(pack)
    listed = [(u.page, u.problem) for u in extraction.source.untrusted_pages]
    assert listed == [(3, IMAGE_ONLY)]
    assert extraction.figures == extraction_of(MINUTE_2017).figures
    page = tmp_path / "review.html"
    done = subprocess.run([sys.executable, "-m", "extract", "review", str(pack), "--out", str(page), "--ocr", "never"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    html = page.read_text()
    assert "1 of 3 pages have no usable text" in html
    assert "page 3: no text layer, only an image" in html


def test_a_paper_of_scans_fails_as_no_text_from_run_and_review(tmp_path):
    scan = joined(tmp_path / "scan-only.pdf", image_page(tmp_path / "a.pdf"), image_page(tmp_path / "b.pdf"))
    with pytest.raises(NoText) as failure:
        extraction_of(scan)
    assert failure.value.kind == "no_text"
    for command in (["run", str(scan), "--out", str(tmp_path / "out")],
                    ["review", str(scan), "--out", str(tmp_path / "out" / "r.html")]):
        done = subprocess.run([sys.executable, "-m", "extract", *command, "--ocr", "never"], capture_output=True,
                              text=True, cwd=ROOT)
        assert done.returncode == 3
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1  # one line: the reason, and (with --ocr never) how scans are read
        assert lines[0].startswith(f"error: {scan}: none of its 2 page(s) has text, only images (a scan? it needs OCR)")
        assert "--ocr auto" in lines[0] or "ocr" in lines[0].split("; ")[-1]
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


@pytest.mark.corpus
def test_parish_papers_without_a_text_encoding_and_a_scanned_statement_fail_as_no_text():
    councils = shared_dir("councils")
    for name in ("horsley-pc/agenda-2014-04-29.pdf", "horsley-pc/minutes-2014-03-18.pdf",
                 "sutton-coldfield-tc/Statement-of-Accounts-2016-17.pdf"):
        with pytest.raises(NoText):
            extraction_of(councils / name)


@pytest.mark.corpus
def test_a_garbled_page_inside_a_paper_is_listed_with_its_reason(tmp_path):
    garbled = shared_dir("councils") / "horsley-pc" / "agenda-2014-04-29.pdf"
    pack = joined(tmp_path / "minute-with-garbage.pdf", MINUTE_2017, garbled)
    extraction = extraction_of(pack)
    assert [(u.page, u.problem) for u in extraction.source.untrusted_pages] == [(3, NOT_LANGUAGE)]
    assert "not what is printed" in extraction.source.untrusted_pages[0].reason
    assert "control characters (U+" in extraction.source.untrusted_pages[0].reason  # what was seen
    assert extraction.figures == extraction_of(MINUTE_2017).figures
    done = subprocess.run([sys.executable, "-m", "extract", "run", str(pack), "--out", str(tmp_path), "--ocr", "never"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0
    assert "1 page without usable text (3)" in done.stderr
