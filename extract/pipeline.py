"""The one visible chain: PDF → pages → documents → cards and tables → figures → checks → Extraction."""
from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extract import __version__
from extract.models import (
    Document,
    Extraction,
    Figure,
    FinancialTable,
    NumericTable,
    PostList,
    ServiceCard,
    Source,
    Statement,
)
from extract.read.text import PageText

if TYPE_CHECKING:  # pdfplumber and pdfium are imported only when a pack is read
    from pypdfium2 import PdfDocument

    from extract.read.plumber import CarefulReader
    from extract.read.pool import PagePool, PooledReader

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    triage: bool = True  # pdfplumber only on pages the fast pass marks as holding figures
    checks: bool = True


def tune_garbage_collector() -> None:
    """pdfminer makes hundreds of thousands of short-lived objects a pack, and CPython's
    default collector would walk the long-lived ones (spaCy's tables, the models) again
    and again: about a seventh of a run's time. Freeze what is loaded and collect young
    objects less often. Cycles are still collected (bench/bench_speed.py shows the memory)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_pack(path: Path, options: Options = Options(), pool: PagePool | None = None) -> Extraction:
    """Read one agenda pack and return its Extraction (raises PackError when unreadable).
    With a pool, pdfplumber reads the structure pages on its worker processes (read/pool.py)
    while this process works on the pages already read; the output is the same."""
    from extract.errors import DamagedPdf
    from extract.pack.segment import pages_to_documents, pages_to_meeting
    from extract.pack.triage import prose_figure_pages, structure_pages
    from extract.read import pdfium as fastpass
    from extract.read.plumber import CarefulReader

    path = Path(path)
    document = fastpass.open_document(path)
    careful: CarefulReader | PooledReader | None = None
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
        unreadable = [page.number for page in lines if not page.readable]
        if len(unreadable) == len(lines):
            raise DamagedPdf(str(path), f"none of its {len(lines)} page(s) can be read")
        meeting = pages_to_meeting(lines)
        documents = pages_to_documents(lines, meeting)
        structure = structure_pages(lines)
        prose = sorted(prose_figure_pages(lines, structure))
        searched = sorted(structure) if options.triage else [p.number for p in lines if p.readable]
        careful = pool.reader(path, searched) if pool is not None else CarefulReader(path)
        context = PackContext(careful, document, documents, structure, paragraph_before_page(lines, documents))
        # One stretch of consecutive pages at a time, so memory holds one stretch's
        # characters, not the pack's (a card or table never skips a page: triage.py).
        parts = [read_stretch(context, stretch) for stretch in consecutive_stretches(searched)]
        parts += [read_prose(context, prose[i:i + PROSE_BATCH]) for i in range(0, len(prose), PROSE_BATCH)]
    finally:
        if careful is not None:
            careful.close()
        document.close()
    extraction = Extraction(
        tool_version=__version__,
        source=Source(file=path.name, sha256=sha256_of(path), pages=len(lines), unreadable_pages=unreadable),
        meeting=meeting,
        documents=documents,
        service_cards=renumbered([c for part in parts for c in part.cards]),
        financial_tables=renumbered([t for part in parts for t in part.financial_tables]),
        tables=renumbered([t for part in parts for t in part.numeric_tables]),
        post_lists=renumbered([pl for part in parts for pl in part.post_lists]),
        statements=sorted((st for part in parts for st in part.statements), key=lambda st: st.page),
        figures=sorted((f for part in parts for f in part.figures), key=lambda f: f.page),
    )
    if options.checks:
        from extract.checks import run_checks

        extraction = extraction.model_copy(update={"findings": run_checks(extraction)})
    return extraction


PROSE_BATCH = 16  # prose pages read and matched together (one nlp.pipe call)
ID_NUMBER = re.compile(r"^([a-z]+-)\d+-")


@dataclass(frozen=True)
class PackContext:
    """What every stretch of pages needs to know about the pack as a whole."""

    careful: CarefulReader | PooledReader  # pdfplumber, opened once for the pack
    document: PdfDocument  # pdfium, open for the fast pass and running text
    documents: Sequence[Document]
    structure: set[int]  # pages that may hold structures (triage.py)
    carried: dict[int, str | None]  # report paragraph open at the top of each page


@dataclass
class PackPart:
    """The structures, figures and statements of one stretch of pages."""

    cards: list[ServiceCard] = field(default_factory=list)
    financial_tables: list[FinancialTable] = field(default_factory=list)
    numeric_tables: list[NumericTable] = field(default_factory=list)
    post_lists: list[PostList] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


def consecutive_stretches(numbers: Sequence[int]) -> list[list[int]]:
    stretches: list[list[int]] = []
    for number in numbers:
        if stretches and number == stretches[-1][-1] + 1:
            stretches[-1].append(number)
        else:
            stretches.append([number])
    return stretches


def read_stretch(context: PackContext, numbers: Sequence[int]) -> PackPart:
    """Cards, tables and lists from pdfplumber's reading of consecutive pages; and the
    running text of those of them that triage chose (the same pages in every mode)."""
    from extract.read.flow import pages_to_flow
    from extract.structures.cards import flow_to_cards
    from extract.structures.fintables import flow_to_financial_tables
    from extract.structures.numeric.tables import flow_to_numeric_tables
    from extract.structures.postlists import flow_to_post_lists
    from extract.structures.statements import runs_to_statements

    pages = list(read_careful_pages(context.careful, context.document, numbers))
    flow = pages_to_flow(pages)
    part = PackPart(flow_to_cards(flow), flow_to_financial_tables(flow), flow_to_numeric_tables(flow),
                    flow_to_post_lists(flow))
    running = [page for page in pages if page.number in context.structure]
    labelled = [f for card in part.cards for f in _card_figures(card)] + [
        f for table in part.financial_tables for f in _table_figures(table)
    ]
    page_runs, found = read_running_text(running, context.carried)
    part.figures = merge_figures(runs_to_figures(page_runs, found), labelled)
    structured_pages = {p for card in part.cards for p in range(card.page_start, card.page_end + 1)} | {
        t.page for t in part.financial_tables
    }
    part.statements = runs_to_statements(page_runs, found, context.documents, structured_pages)
    return part


def read_prose(context: PackContext, numbers: Sequence[int]) -> PackPart:
    """Figures and statements of pages of running text, from pdfium's positioned text."""
    from extract.read import pdfium as fastpass
    from extract.structures.statements import runs_to_statements

    pages = [fastpass.page_text(context.document, n) for n in numbers]
    page_runs, found = read_running_text(pages, context.carried)
    return PackPart(figures=runs_to_figures(page_runs, found),
                    statements=runs_to_statements(page_runs, found, context.documents, set()))


def renumbered(items: list) -> list:
    """Ids numbered through the whole pack ('card-3-…'), not within each stretch."""
    return [item.model_copy(update={"id": ID_NUMBER.sub(rf"\g<1>{i}-", item.id, count=1)})
            for i, item in enumerate(items, start=1)]


def read_careful_pages(careful: CarefulReader | PooledReader, document: PdfDocument,
                       numbers: Sequence[int]) -> Iterator[PageText]:
    """pdfplumber on the chosen pages; pdfium's positioned text where pdfplumber fails."""
    from extract.errors import PackError
    from extract.read import pdfium as fastpass

    remaining = list(numbers)
    try:
        for page in careful.pages(remaining):
            remaining.remove(page.number)
            yield page
    except (PackError, MemoryError):  # out of memory is the batch's memory cap, not a bad page
        raise
    except Exception as exc:  # a page pdfminer cannot parse: read the rest with pdfium
        log.warning("%s: pdfplumber failed (%s); using pdfium for pages %s", careful.path, type(exc).__name__,
                    remaining)
        for number in remaining:
            yield fastpass.page_text(document, number)


def read_running_text(pages: Sequence[PageText], carried: dict[int, str | None]):
    """Each page as one run, and the figures found in it."""
    from extract.figures.match import find_in_runs
    from extract.structures.statements import page_to_run

    page_runs = [page_to_run(page, carried.get(page.number)) for page in pages]
    return page_runs, find_in_runs([pr.run for pr in page_runs])


def runs_to_figures(page_runs, found) -> list[Figure]:
    from extract.structures.statements import section_at

    return [f.to_model(section=section_at(pr, f.start)) for pr, fs in zip(page_runs, found) for f in fs]


def paragraph_before_page(lines, documents: Sequence[Document]) -> dict[int, str | None]:
    """For each page, the report paragraph number still open at its top (from the fast pass,
    so the answer does not depend on which pages pdfplumber read)."""
    from extract.vocabulary import PARAGRAPH_NUMBER

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
