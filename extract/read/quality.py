"""Pages whose text cannot be trusted, judged one by one from the fast pass.

A page may hold no text at all but an image (a scan), or a text layer that is not what is
printed: fonts without a usable text encoding give control characters, private-use code
points, glyph names ("g3", "cid:12") or letters shifted by a constant (read/encoding.py).
Figures read from such a page would be garbage and an empty result from it would look like
success, so the pack says which pages they are and what was seen; OCR reads exactly these
pages (`pages_needing_ocr`). A page with neither text nor image is blank, which is not a
problem: it is not listed.

What words a page holds is no sign: a schedule of figures, a list of addresses and a
three-line closing page are what this tool exists to read. A page whose signs are faint is
in doubt: where the OCR engine is installed a reading of its image decides (read/doubt.py);
without it the page is read, and the pack says it was in doubt (`source.doubtful_pages`).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from extract.read.encoding import signs_of_broken_encoding, strongest
from extract.read.pdfium import PageLines

Problem = Literal["image_only", "not_language"]
IMAGE_ONLY: Problem = "image_only"
NOT_LANGUAGE: Problem = "not_language"
VerdictKind = Literal["trusted", "in_doubt", "image_only", "not_language"]

# A page without one letter or digit of text under an image covering this share of it is
# a scan. (A slide whose background is a photograph still prints its title as text: not
# listed.)
SCAN_IMAGE_COVER = 0.3

# Common words of English and Welsh council papers, lower case (with spaCy's English stop
# words, added in known_words()). Never a judgement of a page by itself (a table or a list
# of addresses has few of them): a text shifted back that turns into them was shifted, and
# one of many words with none of them, in un-English letters, is in doubt (read/encoding.py);
# letters glued to an amount that are one are read past (figures/match.py).
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


@dataclass(frozen=True)
class Verdict:
    """What the text layer of one page is worth, and what was seen on it."""

    kind: VerdictKind
    seen: str = ""

    @property
    def problem(self) -> Problem | None:
        """The problem that blanks the page (None: it is read, trusted or in doubt)."""
        return self.kind if self.kind in (IMAGE_ONLY, NOT_LANGUAGE) else None

    @property
    def reason(self) -> str:
        """The problem and what was seen, in words."""
        said = REASONS[self.problem] if self.problem is not None else "its text layer may not be what is printed"
        return f"{said}: {self.seen}" if self.seen else said


TRUSTED = Verdict("trusted")


# `--ocr auto` judges every page twice, choosing the pages to OCR and then listing them in the
# output: the verdict of a page's text is kept for the second time (a pure function of the text).
JUDGED_TEXTS = 1024


@lru_cache(maxsize=JUDGED_TEXTS)
def judge_text(text: str) -> Verdict:
    """not_language when the characters show a plain sign of a broken encoding, in_doubt
    when only a faint one, else trusted (also for no text)."""
    sign = strongest(signs_of_broken_encoding(text, known_words().__contains__))
    if sign is None:
        return TRUSTED
    return Verdict(NOT_LANGUAGE if sign.strength == "garbage" else "in_doubt", sign.seen)


def judge_page(text: str, image_cover: float) -> Verdict:
    if not any(c.isalnum() for c in text) and image_cover >= SCAN_IMAGE_COVER:
        return Verdict(IMAGE_ONLY)
    return judge_text(text)


REASONS: dict[Problem, str] = {
    IMAGE_ONLY: "no text layer, only an image (a scan?)",
    NOT_LANGUAGE: "its text layer is not what is printed (a font without a usable text encoding?)",
}


def judge_pages(document, pages: Sequence[PageLines]) -> dict[int, Verdict]:
    """Page number -> verdict for each page of the pack that is not simply trusted.
    `document` is the open pypdfium2 document the fast-pass `pages` came from (images are
    looked at only on pages without text, so an ordinary pack costs nothing more)."""
    verdicts: dict[int, Verdict] = {}
    for page in pages:
        if not page.readable:
            continue
        text = page.text
        cover = 0.0 if any(c.isalnum() for c in text) else image_cover(document, page)
        verdict = judge_page(text, cover)
        if verdict.kind != "trusted":
            verdicts[page.number] = verdict
    return verdicts


def pages_without_usable_text(document, pages: Sequence[PageLines]) -> dict[int, Verdict]:
    """The pages whose text cannot be trusted (scans, garbage characters): read as blank."""
    return {n: v for n, v in judge_pages(document, pages).items() if v.problem is not None}


def pages_needing_ocr(document, pages: Sequence[PageLines]) -> list[int]:
    """The pages `--ocr auto` reads with OCR: those whose text cannot be trusted, and those
    in doubt whose text layer a reading of the page image does not bear out."""
    verdicts = judge_pages(document, pages)
    doubtful = [n for n, v in verdicts.items() if v.kind == "in_doubt"]
    chosen = {n for n, v in verdicts.items() if v.problem is not None}
    if doubtful:
        from extract.read.doubt import pages_ocr_disagrees_with

        chosen |= set(pages_ocr_disagrees_with(document, [page for page in pages if page.number in doubtful]))
    return sorted(chosen)


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
