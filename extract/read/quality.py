"""Pages whose text cannot be trusted, judged one by one from the fast pass.

A page may hold no text at all but an image (a scan), or a text layer that is not
language: fonts without a usable text encoding give control characters, private-use code
points, glyph names ("g3", "cid:12") or letters that spell no word. Figures read from such
a page would be garbage and an empty result from it would look like success, so the pack
says which pages they are and why; OCR can later be pointed at exactly these pages
(`pages_without_usable_text`). A page with neither text nor image is blank, which is
not a problem: it is not listed.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from extract.read.pdfium import PageLines

Problem = Literal["image_only", "not_language"]
IMAGE_ONLY: Problem = "image_only"
NOT_LANGUAGE: Problem = "not_language"

# A page without one letter or digit of text under an image covering this share of it is
# a scan. (A slide whose background is a photograph still prints its title as text: not
# listed.)
SCAN_IMAGE_COVER = 0.3

# What marks a text layer as not language (shares of the non-space characters).
CONTROL_SHARE = 0.02  # control characters (a tab or line break aside) and private-use points
GLYPH_NAME_SHARE = 0.3  # tokens that are glyph names: "g3", "cid:12", "glyph12", "uni00A3"
# Word-like tokens (two or more letters) needed before the dictionary is asked, and the
# share of them that must be known words. Council prose runs at 30 to 60 per cent and a
# list of labels at 10 or more ("Racial or ethnic origin"); a page of numbers has too few
# words to be judged and is left alone. Undecodable fonts give none at all.
WORDS_TO_JUDGE = 40
KNOWN_SHARE = 0.03

GLYPH_NAME = re.compile(r"^(?:\(?cid:\d+\)?|g\d+|glyph\d+|uni[0-9A-Fa-f]{4,6}|index\d+)$")
WORD = re.compile(r"[^\W\d_]{2,}")

# Common words of English and Welsh council papers, lower case (with spaCy's English stop
# words, added in known_words()).
COUNCIL_WORDS = frozenset("""
the and for that with this from are was were has have had not but which will would
been being their there they them these those its our your you his her she him who
whom what when where why how all any can may must shall should could than then
into onto upon over under out off about after before between during each every some
such only other also more most very same new one two three four five six seven eight
nine ten first second third year years month months week day date time total budget
cost costs council councils county parish town city district borough committee meeting
minutes agenda item items report reports member members chair chairman clerk officer
officers resolved agreed noted received approved proposed seconded apologies present
declarations interest interests matters arising action actions public questions
payment payments accounts account income expenditure grant grants fund funds funding
balance bank amount amounts service services staff school schools children education
community plan planning application applications decision decisions policy
appendix annex section page pages table note notes review consultation proposal
proposals impact savings saving current previous next following above below within
without against per including include includes included other further general
financial finance capital revenue reserve reserves spend spending year-end annual
local national government support provision management team work works road roads
hall village parish street lane house land area areas open close closed held
information contact details please thank thanks regard regards dear yours sincerely
notice given date place members' clerk's
ac yr y gan gyda bod mae oedd cyngor cymuned cymunedol cofnodion cyfarfod cadeirydd
clerc aelodau aelod eitem eitemau cytunwyd penderfynwyd nodwyd derbyniwyd ymddiheuriadau
presennol datganiadau buddiant materion yn codi taliadau taliad cyfrifon arian grant
ysgol ysgolion plant gwasanaeth gwasanaethau cynllunio cais ceisiadau ffordd ffyrdd
neuadd pentref sir gyfer hefyd wedi hyn hwn hon rhaid dylid gellir fydd bydd sydd
oes nad nid neu ond fel dros drwy rhwng wrth heb dan hyd ein eich eu ei
""".split())


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return COUNCIL_WORDS | frozenset(STOP_WORDS)


def judge_text(text: str) -> Problem | None:
    """NOT_LANGUAGE when a page's text layer is not language, else None (also for no text)."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return None
    odd = sum(1 for c in chars if unicodedata.category(c) in ("Cc", "Co", "Cs", "Cn"))
    if odd / len(chars) > CONTROL_SHARE:
        return NOT_LANGUAGE
    tokens = text.split()
    if len(tokens) >= 10 and sum(1 for t in tokens if GLYPH_NAME.match(t)) / len(tokens) > GLYPH_NAME_SHARE:
        return NOT_LANGUAGE
    words = [w.lower() for w in WORD.findall(text)]
    known = known_words()
    if len(words) >= WORDS_TO_JUDGE and sum(1 for w in words if w in known) / len(words) < KNOWN_SHARE:
        return NOT_LANGUAGE
    return None


def judge_page(text: str, image_cover: float) -> Problem | None:
    """IMAGE_ONLY, NOT_LANGUAGE or None (text to be trusted, or a blank page)."""
    if not any(c.isalnum() for c in text) and image_cover >= SCAN_IMAGE_COVER:
        return IMAGE_ONLY
    return judge_text(text)


REASONS: dict[Problem, str] = {
    IMAGE_ONLY: "no text layer, only an image (a scan?)",
    NOT_LANGUAGE: "its text layer is not language (fonts without a usable text encoding?)",
}


def pages_without_usable_text(document, pages: Sequence[PageLines]) -> dict[int, Problem]:
    """Page number -> problem (IMAGE_ONLY or NOT_LANGUAGE) for each page of the pack whose
    text cannot be trusted; the pages OCR should read. `document` is the open pypdfium2
    document the fast-pass `pages` came from (images are looked at only on pages without
    text, so an ordinary pack costs nothing more)."""
    problems: dict[int, Problem] = {}
    for page in pages:
        if not page.readable:
            continue
        text = page.text
        cover = 0.0 if any(c.isalnum() for c in text) else image_cover(document, page)
        problem = judge_page(text, cover)
        if problem is not None:
            problems[page.number] = problem
    return problems


def pages_needing_ocr(document, pages: Sequence[PageLines]) -> list[int]:
    """The pages `--ocr auto` reads with OCR: those whose text cannot be trusted."""
    return sorted(pages_without_usable_text(document, pages))


def image_cover(document, page: PageLines) -> float:
    """Share of the page's area under its largest image (0.0 when it has none)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    area = page.width * page.height
    if area <= 0:
        return 0.0
    try:
        handle = document[page.number - 1]
    except pdfium.PdfiumError:
        return 0.0
    try:
        best = 0.0
        for obj in handle.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
            left, bottom, right, top = obj.get_bounds()
            best = max(best, max(0.0, right - left) * max(0.0, top - bottom))
        return min(1.0, best / area)
    finally:
        handle.close()
