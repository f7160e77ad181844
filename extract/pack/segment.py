"""The meeting and the documents inside a pack, from the fast pass's page lines.

Documents start where a page opens (after its page furniture and running headers) with
'Agenda Item N' or an appendix or annex heading ('Appendix A', 'APPENDIX 1 –', 'Annex 2',
'Appendix C – Equality Consultation Analysis'); their titles come from the cover agenda's
numbered list ('3. Education Service Redesign (Pages 3 - 50)') or from the heading itself.
A document's kind comes from the words of its first page (forms.KIND_RULES), its shape
(a slide deck) or its title and figures (a plain financial statement).
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from extract.models import Document, DocumentKind, Meeting
from extract.pack import forms
from extract.pack.agenda import agenda_list
from extract.pack.meeting import opens_with_date, pages_to_meeting, parse_date
from extract.read.pdfium import PageLines

__all__ = ["Heading", "find_headings", "pages_to_documents", "pages_to_meeting"]

AGENDA_ITEM = re.compile(r"^agenda\s+item\s+(\d+[a-z]?)\b", re.I)
FINANCIAL_PAGES = 15  # a statement of accounts may open with a title page and notes
RUNNING_SHARE = 0.3  # a line at the top or foot of this share of pages (and of 3 or more) is a running header
NUMERIC_LINE = re.compile(r"£|\d[\d,]*\.\d{2}\b|\b\d{1,3}(?:,\d{3})+\b|^\(?[-–−]?\d[\d,.]*\)?(?:\s|$)")
# A paragraph or list number opening a line of words ('1. The audit …', '2.1 Copies …', '3) …').
# It numbers the text and is no figure when the numbers run in order (1, 2, 3; 2, 2.1, 2.2, 3),
# so a notice of numbered paragraphs is not a sheet of figures; dates opening the rows of a
# payments list ('24.4.14 Grass cutting') do not run so, and stay figures.
RUN_LOOKBACK = 3  # numbers opening lines between two paragraph numbers of a run (wrapped dates, counts)
PARAGRAPH_NUMBER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)[.)]?\s+(?=[^\W\d_])")


@dataclass(frozen=True)
class Heading:
    page: int
    kind: str
    label: str | None
    title: str | None


def pages_to_documents(pages: Sequence[PageLines], meeting: Meeting) -> list[Document]:
    if not pages:
        return []
    headings = find_headings(pages)
    agenda_titles = _agenda_titles(pages)
    if not headings or headings[0].page > 1:
        headings.insert(0, _first_heading(pages, meeting, headings))
    documents = []
    for k, heading in enumerate(headings):
        end = headings[k + 1].page - 1 if k + 1 < len(headings) else len(pages)
        title = heading.title
        if heading.label and heading.label.lower().startswith("agenda item"):
            number = heading.label.split()[-1]
            own = content_lines(pages[heading.page - 1:heading.page])[heading.page]
            title = agenda_titles.get(number) or title or _title_of(own, "report")
        kind = heading.kind
        if kind == "report" and heading.label:
            kind = _kind_of(pages[heading.page - 1:end])
        documents.append(Document(
            title=title or heading.label or "Untitled", kind=cast(DocumentKind, kind), label=heading.label,
            page_start=heading.page, page_end=max(heading.page, end),
        ))
    return documents


def content_lines(pages: Sequence[PageLines]) -> dict[int, list[str]]:
    """Each page's lines without page stamps ('Page 12', 'Page | 1', a bare '3') and
    running headers or footers (the same line at the top or foot of many pages)."""
    edges: Counter[str] = Counter()
    for page in pages:
        edges.update({_shape(line) for line in page.lines[:2] + page.lines[-2:]})
    threshold = max(3, RUNNING_SHARE * len(pages))
    # A heading printed on every page of an appendix stays: find_headings reads a repeat
    # of the same label as the same document going on.
    running = {line for line, n in edges.items() if n >= threshold}
    return {page.number: [line for line in page.lines if not forms.PAGE_FURNITURE.match(line) and (
                _shape(line) not in running or forms.APPENDIX.match(line) or AGENDA_ITEM.match(line))]
            for page in pages}


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def find_headings(pages: Sequence[PageLines]) -> list[Heading]:
    headings: list[Heading] = []
    lines = content_lines(pages)
    for page in pages:
        top = lines[page.number][:3]
        item = next((AGENDA_ITEM.match(line) for line in top if AGENDA_ITEM.match(line)), None)
        if item and headings and headings[-1].label == f"Agenda Item {item.group(1)}":
            continue
        if item:
            headings.append(Heading(page.number, "report", f"Agenda Item {item.group(1)}", None))
            continue
        opening = [line for line in top if not AGENDA_ITEM.match(line)]
        heading = _appendix_heading(page.number, opening, _labels_of_item(headings))
        if heading:
            headings.append(heading)
    return headings


def _labels_of_item(headings: list[Heading]) -> set[str]:
    """The labels of the appendices since the last agenda item (labels repeat between items)."""
    labels: set[str] = set()
    for heading in reversed(headings):
        if heading.kind != "appendix":
            break
        labels.add(heading.label or "")
    return labels


def _appendix_heading(number: int, opening: list[str], seen: set[str]) -> Heading | None:
    """The appendix or annex a page opens; None when it opens none, or repeats a heading
    of this item's appendices (printed again on their next pages), unless the line under
    that repeat opens another ('Appendix L' over 'Annex A – Existing Investment')."""
    for k in range(min(2, len(opening))):
        appendix = forms.APPENDIX.match(opening[k])
        if not appendix:
            return None
        word = "Annex" if appendix.group("word").lower().startswith("annex") else appendix.group("word").title()
        label = f"{word} {appendix.group('id').upper()}"
        if label in seen:
            continue
        title = _clean(appendix.group("title") or appendix.group("bare") or "")
        if not title and k + 1 < len(opening) and not forms.APPENDIX.match(opening[k + 1]):
            title = opening[k + 1]
        return Heading(number, "appendix", label, title or label)
    return None


def _first_heading(pages: Sequence[PageLines], meeting: Meeting, later: list[Heading]) -> Heading:
    end = later[0].page - 1 if later else len(pages)
    kind = _kind_of(pages[:end], first=True)
    if kind == "report" and later and _is_cover(pages[0]):
        kind = "agenda"
    lines = content_lines(pages[:end])[1]
    if kind == "agenda":
        return Heading(1, kind, None, meeting.committee or _title_of(lines, kind) or "Agenda")
    title = _title_of(lines, kind, pages[0].lines)
    if title is None and kind == "report":  # no readable words: no text layer, or unusable fonts
        return Heading(1, "other", None, "Untitled")
    return Heading(1, kind, None, title or kind.replace("_", " ").title())


def _is_cover(page: PageLines) -> bool:
    """A front sheet: it lists agenda entries with their pages, or states the meeting."""
    text = "\n".join(page.lines)
    return bool(re.search(r"\(pages?\s+\d", text, re.I) or forms.KIND_RULES[1][1].search(text))


def _kind_of(pages: Sequence[PageLines], first: bool = False) -> str:
    text = "\n".join(pages[0].lines[:12])
    for kind, pattern in forms.KIND_RULES:
        if pattern.search(text) and (first or kind != "agenda"):
            return kind
    if first and _is_slide_deck(pages):
        return "slides"
    if _is_financial(pages):
        return "financial_statement"
    return "report"


def _is_slide_deck(pages: Sequence[PageLines]) -> bool:
    readable = [p for p in pages if p.readable and p.width]
    if not readable:
        return False
    landscape = sum(p.width > p.height * 1.2 for p in readable) / len(readable)
    sparse = statistics.median(len(p.lines) for p in readable) <= forms.SLIDE_MEDIAN_LINES
    return landscape >= forms.SLIDE_LANDSCAPE_SHARE and sparse


def _is_financial(pages: Sequence[PageLines]) -> bool:
    lines = [line for page in pages[:FINANCIAL_PAGES] for line in page.lines]
    if not lines:
        return False
    numbered = _numbered_paragraphs(lines)
    share = sum(_prints_a_figure(line, i in numbered) for i, line in enumerate(lines)) / len(lines)
    titled = any(forms.FINANCIAL_TITLE.search(line) for line in pages[0].lines[:5])
    return share >= (forms.FINANCIAL_NUMERIC_SHARE if titled else forms.FINANCIAL_UNTITLED_SHARE)


def _prints_a_figure(line: str, numbered: bool) -> bool:
    return bool(NUMERIC_LINE.search(PARAGRAPH_NUMBER.sub("", line, count=1) if numbered else line))


def _numbered_paragraphs(lines: Sequence[str]) -> set[int]:
    """The lines opened by a paragraph number that follows one of the few opened just before
    (a wrapped line may open with a number of its own: '31 March 2019 has been …'), and
    those it follows."""
    opened = [(i, tuple(map(int, match.group(1).split("."))))
              for i, line in enumerate(lines) if (match := PARAGRAPH_NUMBER.match(line))]
    numbered: set[int] = set()
    for k, (j, after) in enumerate(opened):
        for i, before in opened[max(0, k - RUN_LOOKBACK):k]:
            if _follows(before, after):
                numbered.update((i, j))
    return numbered


def _follows(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    """'2' → '3', '2' → '2.1', '2.1' → '2.2', '2.3' → '3': the next paragraph number."""
    return after == (*before, 1) or any(after == (*before[:k], before[k] + 1) for k in range(len(before)))


def _title_of(lines: list[str], kind: str, raw: Sequence[str] = ()) -> str | None:
    """The document's title as printed: a labelled title ('Report title: …'), the minutes'
    own heading, a statement's title line, or its first line that is not metadata, a
    stamp, a field label or the council's name over the title."""
    for i, line in enumerate(lines[:20]):
        labelled = forms.TITLE_LABEL.match(line)
        if labelled:
            title, after = labelled.group("title"), i + 1
            if not title and i + 1 < len(lines):
                title, after = lines[i + 1], i + 2
            if after < len(lines) and (re.match(r"^[-–—]\s|^[a-z]", lines[after]) or re.search(r"[-–—]$", title)):
                # the title wraps
                title += " " + lines[after]
            if title.strip():
                return _clean(title)
    if kind == "minutes":
        heading = next((line for line in lines[:6] if re.match(r"^(minutes|cofnodion)\b", line, re.I)), None)
        if heading:
            return _clean(re.split(r"\s+(?:held|a gynhaliwyd)\b", heading, maxsplit=1, flags=re.I)[0])
    if kind == "financial_statement":  # its title may run at the top of every page
        heading = next((line for line in raw[:5] if forms.FINANCIAL_TITLE.search(line)), None)
        if heading:
            return _clean(heading)
    candidates = [line for line in lines[:12] if not (
        forms.METADATA_LINE.match(line) or forms.LABEL_LINE.match(line)
        or re.match(r"^agenda\s+item\b", line, re.I) or len(line) < 3 or not re.search(r"[A-Za-z]{2}", line)
        or _mostly_numbers(line) or (opens_with_date(line) and len(line) <= 40)
        # the meeting's own line ('… Town Council Meeting 21 February 2017')
        or (parse_date(line) and re.search(r"\b(meeting|cyfarfod)\b", line, re.I) and kind != "minutes"))]
    council_over_title = len(candidates) > 1 and forms.COUNCIL_NAME.match(candidates[0])
    if council_over_title and not forms.MEETING_DATE_LINE.match(candidates[1]):
        candidates = candidates[1:]
    return _clean(candidates[0]) if candidates else None


def _mostly_numbers(line: str) -> bool:
    """A table row of figures ('Original base budget 1,429,506.8 0.0 …') is not a title."""
    tokens = line.split()
    numbers = sum(bool(re.match(r"^[-(£]*\d", t)) for t in tokens)
    return numbers >= 3 and numbers * 2 > len(tokens)


def _agenda_titles(pages: Sequence[PageLines]) -> dict[str, str]:
    """Item number → title from the cover agenda's numbered list, for the items printed with
    their pages ('3. Education Service Redesign (Pages 3 - 50)')."""
    lines = [line for page in pages[:2] for line in page.lines]
    return {str(item.number): item.title for item in agenda_list(lines) if item.pages is not None}


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,.")

