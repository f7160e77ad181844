"""Whether the parts a report total is checked against were all read, and read from print.

The report states a total ('The cost of these services is £19.8m'); the check adds the service
cards' figures. A card lost on a scanned page, or read without the figure, makes that sum
short by a whole card: a difference that looks like a material error in the report but is
a gap in the reading. So when the parts come from pages read by OCR, or from an appendix with
pages left unread, or some cards were read without the figure, the relation is a reading in
doubt: outcome unsure and, where the figures differ, a finding of information that says why.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from extract.checks.relation import doubted
from extract.models import Extraction, Figure, Relation, ServiceCard


def cards_in_doubt(extraction: Extraction, figure_of: Callable[[ServiceCard], Figure | None],
                   what: str) -> str | None:
    """Why the sum of the cards' `what` may not be the cards' whole sum; None when nothing says so."""
    cards = extraction.service_cards
    without = [c.service for c in cards if figure_of(c) is None]
    if without:
        named = "; ".join(without[:3]) + (" …" if len(without) > 3 else "")
        return (f"{len(without)} of the {len(cards)} service cards were read without their {what} ({named}), "
                f"so the sum is of the cards read")
    pages = sorted({p for c in cards for p in range(c.page_start, c.page_end + 1)})
    return parts_in_doubt(extraction, [f for c in cards if (f := figure_of(c)) is not None], pages, "service cards")


def parts_in_doubt(extraction: Extraction, parts: Sequence[Figure], part_pages: Sequence[int],
                   what: str) -> str | None:
    """Why the parts may be misread or incomplete: some were read by OCR, or a page of the
    document they are printed in was scanned, or could not be read (a part may be lost there)."""
    read_by_ocr = sorted({f.page for f in parts if f.source == "ocr"})
    if read_by_ocr:
        return f"figures of the {what} on {_pages(read_by_ocr)} were read by OCR from the scan"
    scanned, unread = _pages_not_read_from_print(extraction, _document_pages(extraction, part_pages))
    if scanned:
        return (f"{_pages(scanned)} of the appendix holding the {what} {_were(scanned)} read by OCR: "
                f"a part there may be misread or lost")
    if unread:
        return f"{_pages(unread)} of the appendix holding the {what} could not be read: a part there may be lost"
    return None


def in_doubt(evaluated: Relation | None, reason: str | None) -> Relation | None:
    """The relation as a reading in doubt: unsure, and where its figures differ an information
    finding that gives the reason (never a disagreement)."""
    if evaluated is None or reason is None:
        return evaluated
    kept = doubted(evaluated, reason)
    original = evaluated.raised
    if original is not None and kept.outcome == "unsure":
        kept._finding = original.model_copy(update={
            "severity": "info",
            "message": f"{original.message} A reading in doubt, not a disagreement: {reason}.",
        })
    return kept


def _document_pages(extraction: Extraction, part_pages: Sequence[int]) -> list[int]:
    """Every page of the documents (appendices) the parts are printed in; the parts' own pages
    when the pack was not split into documents."""
    pages = set(part_pages)
    for document in extraction.documents:
        if any(document.page_start <= p <= document.page_end for p in part_pages):
            pages.update(range(document.page_start, document.page_end + 1))
    return sorted(pages)


def _pages_not_read_from_print(extraction: Extraction, pages: Sequence[int]) -> tuple[list[int], list[int]]:
    source = extraction.source
    within = set(pages)
    scanned = set(source.ocr_pages)
    unread = (set(source.unreadable_pages) | {u.page for u in source.untrusted_pages}
              | set(source.ocr_failure.pages if source.ocr_failure else []))
    return sorted(scanned & within), sorted((unread - scanned) & within)


def _pages(pages: Sequence[int]) -> str:
    return f"page{'s' if len(pages) > 1 else ''} {', '.join(map(str, pages))}"


def _were(pages: Sequence[int]) -> str:
    return "were" if len(pages) > 1 else "was"
