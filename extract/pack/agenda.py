"""The numbered items of an agenda (or a summons), with their titles and the pages printed
beside them, and the document of the pack each points to.

    3. Education Service Redesign (Pages 3 - 50)
    7. 24/00109 - Transfer the 18-25 section of the Strengthening Independence Service
       from the Children Young People and Education Directorate … (Pages 277 - 326)

The list checks itself: its items are numbered 1, 2, 3 … in order (one number may be left
out, an item withdrawn), so a number that breaks the run (a table row, a year) is not an
item. A title wraps onto the lines up to the pages printed beside it; an item with no pages
is its first line. The printed
pages are the pack's page stamps ('Page 3'); an item's document is the one labelled with
its number ('Agenda Item 3'), else the one that starts on the page stamped with its first page.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.models import AgendaItem, Document, PrintedPages
from extract.pack import forms
from extract.pack.printed import opens_with_date
from extract.read.pdfium import PageLines

# "3. Education …", "3 Planning", "5. 24/00108 - Revenue …" (a title may open with a figure after a space)
ITEM_LINE = re.compile(r"^(?P<number>\d{1,2})(?:[.)]?\s+|[.)](?=[^\d\s]))(?P<title>[^\s.].*)$")
PRINTED_PAGES = re.compile(r"\(\s*(?P<text>pages?\s+(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?)\s*\)", re.I)
PAGE_STAMP = re.compile(r"^page\s*\|?\s*(?P<number>\d+)(?:\s*(?:of|/)\s*\d+)?$", re.I)
WRAP_LINES = 3  # a title with its pages wraps over at most this many lines
FRONT_PAGES = 2  # an agenda's list of items is on its first two pages that hold text


@dataclass(frozen=True)
class ListedItem:
    number: int
    title: str
    pages: PrintedPages | None


def agenda_list(lines: Sequence[str]) -> list[ListedItem]:
    """The numbered run of items in these lines (1, 2, 3 … in order)."""
    numbered = [(i, int(m.group("number"))) for i, line in enumerate(lines)
                if (m := ITEM_LINE.match(line)) and not opens_with_date(line)]  # '4 March 2019' is a date
    run = _numbered_run(numbered, lines)
    items = []
    for k, (i, number) in enumerate(run):
        end = run[k + 1][0] if k + 1 < len(run) else len(lines)
        items.append(_item(number, lines[i:min(end, i + WRAP_LINES)]))
    return items


def _numbered_run(numbered: list[tuple[int, int]], lines: Sequence[str]) -> list[tuple[int, int]]:
    """From the first item 1 (or, on a supplement's covering letter, the first item with its
    pages printed), each next number in order."""  # sub-items ('a.', '(i)') are not numbered
    start = next((k for k, (_, n) in enumerate(numbered) if n == 1), None)
    if start is None:
        start = next((k for k, (i, _) in enumerate(numbered)
                      if PRINTED_PAGES.search(" ".join(lines[i:i + WRAP_LINES]))), None)
    if start is None:
        return []
    run = [numbered[start]]
    for i, number in numbered[start + 1:]:
        if run[-1][1] < number <= run[-1][1] + 2:  # an item withdrawn may leave its number out
            run.append((i, number))
    return run


def _item(number: int, entry: Sequence[str]) -> ListedItem:
    first = ITEM_LINE.match(entry[0])
    assert first is not None
    title = first.group("title")
    if len(entry) > 1 and re.match(r"^(?:st|nd|rd|th)\b", entry[1]):  # a raised ordinal: '14' / 'th May 2015'
        title, entry = title + entry[1], entry[1:]
    text = " ".join([title, *entry[1:]])
    pages = PRINTED_PAGES.search(text)
    if pages is None:
        return ListedItem(number, _clean(title), None)
    printed = PrintedPages(text=" ".join(pages.group("text").split()), first=int(pages.group("first")),
                           last=int(pages.group("last") or pages.group("first")))
    return ListedItem(number, _clean(text[:pages.start()]), printed)


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,.;:")


def page_stamps(pages: Sequence[PageLines]) -> dict[int, int]:
    """Printed page number → the page of the PDF that carries it ('Page 12' at its foot)."""
    stamps: dict[int, int] = {}
    for page in pages:
        for line in (*page.lines[:3], *page.lines[-3:]):
            stamp = PAGE_STAMP.match(line)
            if stamp:
                stamps.setdefault(int(stamp.group("number")), page.number)
                break
    return stamps


def pages_to_agenda_items(pages: Sequence[PageLines], documents: Sequence[Document]) -> list[AgendaItem]:
    """The items of the agenda the paper opens with; none when it opens with no agenda."""
    if not documents or documents[0].kind != "agenda":
        return []
    front = documents[0]
    written = [page for page in pages[front.page_start - 1:front.page_end] if page.lines][:FRONT_PAGES]
    lines = [line for page in written for line in page.lines if not forms.PAGE_FURNITURE.match(line)]
    stamps = page_stamps(pages)
    items = []
    for listed in agenda_list(lines):
        printed = listed.pages
        if printed is not None:
            printed = printed.model_copy(update={"pack_page": stamps.get(printed.first)})
        items.append(AgendaItem(number=str(listed.number), title=listed.title, pages_printed=printed,
                                document=_document_of(listed.number, printed, documents)))
    return items


def _document_of(number: int, printed: PrintedPages | None, documents: Sequence[Document]) -> int | None:
    label = f"Agenda Item {number}"
    labelled = next((k for k, doc in enumerate(documents) if doc.label == label), None)
    if labelled is not None or printed is None or printed.pack_page is None:
        return labelled
    return next((k for k, doc in enumerate(documents) if k and doc.page_start == printed.pack_page), None)
