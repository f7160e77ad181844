"""Meeting details and the documents inside a pack, from the fast pass's page lines.

Documents start where a page opens with 'Agenda Item N' or 'Appendix X'; their titles
come from the cover agenda's numbered list ('3. Education Service Redesign (Pages 3 - 50)')
or from the heading itself.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from extract.models import Document, DocumentKind, Meeting
from extract.read.pdfium import PageLines

AGENDA_ITEM = re.compile(r"^agenda\s+item\s+(\d+[a-z]?)\b", re.I)
APPENDIX = re.compile(r"^(appendix|annex)\s+([A-Z]|\d{1,2})\b\s*(?:[:\-–—.]\s*(.*))?$", re.I)
AGENDA_LIST_ENTRY = re.compile(r"^(\d{1,2})\.?\s+(.+?)\s*(?:\(Pages?\s+\d+.*\))?\s*$")
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(MONTHS) + r"),?\s+(\d{4})\b", re.I)
TIME = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\.?\b", re.I)
MINUTES_HEADING = re.compile(
    r"minutes of the meeting of (?P<committee>.+?) held (?:at|on) (?P<when>.+)", re.I)

# Document kinds by the words on a document's first page, first match wins.
KIND_RULES: list[tuple[DocumentKind, re.Pattern[str]]] = [
    ("minutes", re.compile(
        r"^minutes of the|\bRESOLVED\b|^the (cabinet|committee|board|council) (considered|received|noted)",
        re.I | re.M)),
    ("briefing_note", re.compile(r"^briefing note", re.I | re.M)),
    ("report", re.compile(r"^(public report|cabinet report|report of|report title)", re.I | re.M)),
]


@dataclass(frozen=True)
class Heading:
    page: int
    kind: DocumentKind
    label: str | None
    title: str | None


def pages_to_meeting(pages: Sequence[PageLines]) -> Meeting:
    if not pages:
        return Meeting()
    lines = list(pages[0].lines)
    cover = _cover_meeting(lines)
    if cover.committee or cover.date:
        return cover
    for page in pages[:3]:
        match = MINUTES_HEADING.search(" ".join(page.lines))
        if match:
            when = match.group("when")
            return Meeting(committee=_clean(match.group("committee")), date=_iso_date(when), time=_time(when))
    return Meeting()


def _cover_meeting(lines: list[str]) -> Meeting:
    lowered = [line.lower() for line in lines]
    if "time and date" not in lowered:
        return Meeting()
    at = lowered.index("time and date")
    start = 1 if lowered and lowered[0] == "public document pack" else 0
    committee = _clean(" ".join(lines[start:at])) or None
    when = lines[at + 1] if at + 1 < len(lines) else ""
    place = None
    if "place" in lowered:
        p = lowered.index("place")
        place = lines[p + 1] if p + 1 < len(lines) else None
    return Meeting(committee=committee, date=_iso_date(when), time=_time(when), place=place)


def _iso_date(text: str) -> str | None:
    match = DATE.search(text)
    if not match:
        return None
    day, month, year = int(match.group(1)), MONTHS[match.group(2).lower()], int(match.group(3))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _time(text: str) -> str | None:
    match = TIME.search(text)
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3).lower()
    hour = hour % 12 + (12 if half == "p" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,.")


# --- documents -----------------------------------------------------------------------

def pages_to_documents(pages: Sequence[PageLines], meeting: Meeting) -> list[Document]:
    if not pages:
        return []
    headings = find_headings(pages)
    agenda_titles = _agenda_titles(pages)
    if not headings or headings[0].page > 1:
        headings.insert(0, _first_heading(pages, meeting, bool(headings)))
    documents = []
    for k, heading in enumerate(headings):
        end = headings[k + 1].page - 1 if k + 1 < len(headings) else len(pages)
        title = heading.title
        if heading.label and heading.label.lower().startswith("agenda item"):
            number = heading.label.split()[-1]
            title = agenda_titles.get(number) or title
        kind = heading.kind if heading.kind != "report" else _kind_of(pages[heading.page - 1])
        documents.append(Document(
            title=title or heading.label or "Untitled", kind=kind, label=heading.label,
            page_start=heading.page, page_end=max(heading.page, end),
        ))
    return documents


def find_headings(pages: Sequence[PageLines]) -> list[Heading]:
    headings = []
    for page in pages:
        top = list(page.lines[:3])
        item = next((AGENDA_ITEM.match(line) for line in top if AGENDA_ITEM.match(line)), None)
        if item:
            headings.append(Heading(page.number, "report", f"Agenda Item {item.group(1)}", None))
            continue
        opening = [line for line in top if not AGENDA_ITEM.match(line)][:1]
        appendix = APPENDIX.match(opening[0]) if opening else None
        if appendix:
            label = f"{appendix.group(1).title()} {appendix.group(2).upper()}"
            title = _clean(appendix.group(3) or "") or (top[1] if len(top) > 1 else label)
            headings.append(Heading(page.number, "appendix", label, title))
    return headings


def _first_heading(pages: Sequence[PageLines], meeting: Meeting, has_more: bool) -> Heading:
    first = pages[0]
    if has_more:
        return Heading(1, "agenda", None, meeting.committee or "Agenda")
    if first.width > first.height * 1.2:
        return Heading(1, "slides", None, first.lines[0] if first.lines else "Slides")
    kind = _kind_of(first)
    title = next((line for line in first.lines if not re.match(r"^agenda\s+item\b", line, re.I)), "Untitled")
    return Heading(1, kind if kind != "report" else "report", None, title)


def _kind_of(page: PageLines) -> DocumentKind:
    text = "\n".join(page.lines[:12])
    for kind, pattern in KIND_RULES:
        if pattern.search(text):
            return kind
    return "report"


def _agenda_titles(pages: Sequence[PageLines]) -> dict[str, str]:
    """Item number → title from the cover agenda's numbered list."""
    titles: dict[str, str] = {}
    for page in pages[:2]:
        lines = list(page.lines)
        for i, line in enumerate(lines):
            # an entry may wrap: "5. Local Area SEND ... and AP" / "Framework (Pages 15 - 48)"
            entry = " ".join(lines[i:i + 3])
            if not re.match(r"^\d{1,2}\.?\s", line) or "(page" not in entry.lower():
                continue
            entry = entry[: entry.lower().index("(page")] + entry[entry.lower().index("(page"):].split(")")[0] + ")"
            match = AGENDA_LIST_ENTRY.match(entry)
            if match:
                titles.setdefault(match.group(1), _clean(match.group(2)))
    return titles
