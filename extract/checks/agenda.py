"""The agenda against the pack: an item whose report the agenda puts on printed pages that
the pack's document does not start on, or whose report the pack does not hold.

Both are information (severity info): a pack assembled from a stale agenda or missing a
report is worth a look, but no figure disagrees. Over the models only: each item's printed
pages, the pack page stamped with the first of them, and the document it points to.
"""
from __future__ import annotations

from collections.abc import Iterator

from extract.models import AgendaItem, Extraction, Finding


def items_and_their_documents(extraction: Extraction) -> Iterator[Finding]:
    documents = extraction.documents
    holds_reports = any(item.document is not None for item in extraction.agenda_items)
    for item in extraction.agenda_items:
        printed = item.pages_printed
        if printed is None:
            continue
        if item.document is not None and printed.pack_page is not None:
            start = documents[item.document].page_start
            if start != printed.pack_page:
                yield _finding(item, "agenda.item_pages", (
                    f"the agenda puts item {item.number}'s report on {printed.text} (page {printed.pack_page} of "
                    f"this PDF), but its document, '{documents[item.document].title}', starts on page {start}"))
        elif item.document is None and printed.pack_page is None and holds_reports:
            # only in a pack that holds reports: a front sheet on its own holds none by design
            yield _finding(item, "agenda.item_missing", (
                f"the agenda lists item {item.number} with its report on {printed.text}, "
                "but the pack holds no such pages"))


def _finding(item: AgendaItem, check: str, message: str) -> Finding:
    return Finding(check=check, severity="info", subject=f"Agenda item {item.number}: {item.title}", message=message)


AGENDA_CHECKS = [items_and_their_documents]
