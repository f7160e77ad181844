"""The one visible chain: PDF → pages → documents → cards and tables → figures → checks → Extraction."""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from extract import __version__
from extract.models import Document, Extraction, Figure, Source
from extract.text import PageText

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    triage: bool = True  # pdfplumber only on pages the fast pass marks as holding figures
    checks: bool = True


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_pack(path: Path, options: Options = Options()) -> Extraction:
    """Read one agenda pack and return its Extraction (raises PackError when unreadable)."""
    from extract import fastpass
    from extract.cards import flow_to_cards
    from extract.errors import DamagedPdf
    from extract.fintables import flow_to_financial_tables
    from extract.flow import pages_to_flow
    from extract.numtables import flow_to_numeric_tables
    from extract.postlists import flow_to_post_lists
    from extract.segment import pages_to_documents, pages_to_meeting
    from extract.statements import runs_to_statements
    from extract.triage import prose_figure_pages, structure_pages

    path = Path(path)
    document = fastpass.open_document(path)
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
        unreadable = [page.number for page in lines if not page.readable]
        if len(unreadable) == len(lines):
            raise DamagedPdf(str(path), f"none of its {len(lines)} page(s) can be read")
        meeting = pages_to_meeting(lines)
        documents = pages_to_documents(lines, meeting)
        structure = structure_pages(lines)
        prose = prose_figure_pages(lines, structure)
        searched = sorted(structure) if options.triage else [p.number for p in lines if p.readable]
        careful = {page.number: page for page in read_careful_pages(path, document, searched)}
        prose_pages = {n: fastpass.page_text(document, n) for n in sorted(prose)}
    finally:
        document.close()
    flow = pages_to_flow(careful.values())
    cards = flow_to_cards(flow)
    tables = flow_to_financial_tables(flow)
    numeric_tables = flow_to_numeric_tables(flow)
    post_lists = flow_to_post_lists(flow)
    # Running text: structure pages as pdfplumber read them, prose pages as pdfium did;
    # the same pages from the same reader whatever the mode.
    running = sorted([careful[n] for n in structure if n in careful] + list(prose_pages.values()),
                     key=lambda page: page.number)
    labelled = [f for card in cards for f in _card_figures(card)] + [
        f for table in tables for f in _table_figures(table)
    ]
    page_runs, found = read_running_text(running, lines, documents)
    figures = merge_figures(runs_to_figures(page_runs, found), labelled)
    structured_pages = {p for card in cards for p in range(card.page_start, card.page_end + 1)} | {
        t.page for t in tables
    }
    statements = runs_to_statements(page_runs, found, documents, structured_pages)
    extraction = Extraction(
        tool_version=__version__,
        source=Source(file=path.name, sha256=sha256_of(path), pages=len(lines), unreadable_pages=unreadable),
        meeting=meeting,
        documents=documents,
        service_cards=cards,
        financial_tables=tables,
        tables=numeric_tables,
        post_lists=post_lists,
        statements=statements,
        figures=figures,
    )
    if options.checks:
        from extract.checks import run_checks

        extraction = extraction.model_copy(update={"findings": run_checks(extraction)})
    return extraction


def read_careful_pages(path: Path, document, numbers: Sequence[int]) -> Iterator[PageText]:
    """pdfplumber on the chosen pages; pdfium's positioned text where pdfplumber fails."""
    from extract import fastpass, layout
    from extract.errors import PackError

    remaining = list(numbers)
    try:
        for page in layout.read_pages(path, remaining):
            remaining.remove(page.number)
            yield page
    except (PackError, MemoryError):  # out of memory is the batch's memory cap, not a bad page
        raise
    except Exception as exc:  # a page pdfminer cannot parse: read the rest with pdfium
        log.warning("%s: pdfplumber failed (%s); using pdfium for pages %s", path, type(exc).__name__, remaining)
        for number in remaining:
            yield fastpass.page_text(document, number)


def read_running_text(pages: Sequence[PageText], lines, documents: Sequence[Document]):
    """Each carefully read page as one run, and the figures found in it."""
    from extract.figures import find_in_runs
    from extract.statements import page_to_run

    carried = paragraph_before_page(lines, documents)
    page_runs = [page_to_run(page, carried.get(page.number)) for page in pages]
    return page_runs, find_in_runs([pr.run for pr in page_runs])


def runs_to_figures(page_runs, found) -> list[Figure]:
    from extract.statements import section_at

    return [f.to_model(section=section_at(pr, f.start)) for pr, fs in zip(page_runs, found) for f in fs]


def paragraph_before_page(lines, documents: Sequence[Document]) -> dict[int, str | None]:
    """For each page, the report paragraph number still open at its top (from the fast pass,
    so the answer does not depend on which pages pdfplumber read)."""
    from extract.patterns import PARAGRAPH_NUMBER

    starts = {d.page_start for d in documents}
    carried: dict[int, str | None] = {}
    current = None
    for page in lines:
        if page.number in starts:
            current = None
        carried[page.number] = current
        for line in page.lines:
            match = PARAGRAPH_NUMBER.match(line)
            current = match.group(1) if match else current
    return carried


def merge_figures(found: Sequence[Figure], labelled: Sequence[Figure]) -> list[Figure]:
    """Page figures, each replaced by its labelled twin from a card or table where there is one."""
    by_place = {(f.page, f.bbox): f for f in labelled}
    merged = []
    for figure in found:
        twin = by_place.get((figure.page, figure.bbox))
        merged.append(twin.model_copy(update={"section": figure.section}) if twin else figure)
    return merged


def _card_figures(card) -> list[Figure]:
    s, b = card.staffing, card.budget
    single = [s.current_headcount, s.current_fte, s.proposed_fte, b.current, b.proposed, b.saving]
    return [f for f in single if f] + list(s.reductions) + list(b.current_parts) + list(b.savings_breakdown)


def _table_figures(table) -> list[Figure]:
    figures = [table.current] + list(table.current_parts)
    for forecast in (table.pre_consultation, table.post_consultation):
        figures += [forecast.cost, forecast.saving] + list(forecast.breakdown)
    return [f for f in figures if f]
