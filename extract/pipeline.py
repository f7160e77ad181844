"""The one visible chain: PDF → pages → documents → cards and tables → figures → checks → Extraction."""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from extract import __version__
from extract.models import (
    Document,
    DoubtfulPage,
    Extraction,
    Figure,
    FinancialTable,
    NumericTable,
    OcrFailure,
    PostList,
    ServiceCard,
    Source,
    Statement,
    UntrustedPage,
)
from extract.read.progress import PagesLeft
from extract.read.quality import Verdict
from extract.read.text import PageText
from extract.settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:  # pdfplumber and pdfium are imported only when a pack is read
    from pypdfium2 import PdfDocument

    from extract.read.ocr import OcrMode, OcrResult, PageDetector
    from extract.read.plumber import CarefulReader
    from extract.read.pool import PagePool, PooledReader
    from extract.structures.statements import PageRun

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    triage: bool = True  # pdfplumber only on pages the fast pass marks as holding figures
    checks: bool = True
    settings: Settings = DEFAULT_SETTINGS  # the geometric tolerances (settings.py)
    ocr: OcrMode = "never"  # auto | always | never (read/ocr.py); the CLI defaults to auto when installed
    ocr_detector: PageDetector | None = None  # which pages 'auto' OCRs; None: read/quality.pages_needing_ocr
    ocr_jobs: int = 1  # OCR'd pages read side by side: the cores this pack is given (run --jobs)


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
    from extract.pack.agenda import pages_to_agenda_items
    from extract.pack.segment import pages_to_documents, pages_to_meeting
    from extract.pack.triage import prose_figure_pages, structure_pages
    from extract.read.ocr import mark_ocr_figures, open_pack
    from extract.read.plumber import CarefulReader

    path = Path(path)
    with open_pack(path, options.ocr, options.ocr_detector, options.ocr_jobs) as (ocr, document, lines):
        careful: CarefulReader | PooledReader | None = None
        try:
            unreadable = [page.number for page in lines if not page.readable]
            if len(unreadable) == len(lines):
                raise DamagedPdf(str(path), f"none of its {len(lines)} page(s) can be read")
            verdicts = page_verdicts(document, lines)  # of the OCR'd copy where OCR ran
            # an OCR'd page's text is what OCR read: only an empty reading leaves it untrusted
            untrusted = {n: v for n, v in verdicts.items()
                         if v.problem == "image_only" or v.problem is not None and n not in ocr.pages}
            settled = doubt_settled_by_ocr(options)
            doubtful = {n: v for n, v in verdicts.items() if v.kind == "in_doubt" and n not in ocr.pages
                        and (n in ocr.failed or not settled)}
            require_text(path, lines, untrusted, options.ocr, ocr.failure)
            lines = [blank(page) if page.number in untrusted else page for page in lines]
            meeting = pages_to_meeting(lines)
            documents = pages_to_documents(lines, meeting)
            agenda_items = pages_to_agenda_items(lines, documents)
            structure = structure_pages(lines)
            prose = sorted(prose_figure_pages(lines, structure))
            searched = sorted(structure | scanned_pages(lines, ocr.pages)) if options.triage \
                else [p.number for p in lines if p.readable]
            careful = pool.reader(ocr.path, searched) if pool is not None else CarefulReader(ocr.path)
            context = PackContext(careful, document, documents, structure, paragraph_before_page(lines, documents),
                                  options.settings, ocr, PagesLeft(len(lines), {*searched, *prose}))
            # One stretch of consecutive pages at a time, so memory holds one stretch's
            # characters, not the pack's (a card or table never skips a page: triage.py).
            parts: list[PackPart] = []
            for stretch in consecutive_stretches(searched):  # in page order: ids number through the pack
                parts.append(read_stretch(context, stretch, Numbering.after(parts)))
            parts += [read_prose(context, prose[i:i + PROSE_BATCH]) for i in range(0, len(prose), PROSE_BATCH)]
        finally:
            if careful is not None:
                careful.close()
    extraction = Extraction(
        tool_version=__version__,
        source=Source(file=path.name, sha256=sha256_of(path), pages=len(lines), unreadable_pages=unreadable,
                      untrusted_pages=[UntrustedPage(page=n, problem=v.problem, reason=v.reason)
                                       for n, v in sorted(untrusted.items()) if v.problem is not None],
                      doubtful_pages=[DoubtfulPage(page=n, reason=v.reason) for n, v in sorted(doubtful.items())],
                      ocr_pages=list(ocr.pages),
                      ocr_failure=OcrFailure(pages=list(ocr.failed), reason=ocr.failure) if ocr.failure else None,
                      form_fields=sum(page.form_fields for page in lines)),
        meeting=meeting,
        documents=documents,
        agenda_items=agenda_items,
        service_cards=[c for part in parts for c in part.cards],
        financial_tables=[t for part in parts for t in part.financial_tables],
        tables=[t for part in parts for t in part.numeric_tables],
        post_lists=[pl for part in parts for pl in part.post_lists],
        statements=sorted((st for part in parts for st in part.statements), key=lambda st: st.page),
        figures=sorted((f for part in parts for f in part.figures), key=lambda f: f.page),
    )
    extraction = mark_ocr_figures(extraction, ocr)  # before the checks: they weigh OCR figures
    if options.checks:
        from extract.checks import with_checks

        extraction = with_checks(extraction)
    return extraction


def scanned_pages(lines, ocr_pages: Sequence[int]) -> set[int]:
    """The pages OCR read, searched for structures whatever the fast pass makes of them:
    OCRmyPDF's text layer gives a table column by column (a column of labels, then one of
    amounts: no line of the fast pass ends in amounts) and OCR may lose a heading's '£', so
    triage would pass over a scanned statement of accounts. pdfplumber's tenth of a second
    a page is nothing beside the seconds OCR took to read it."""
    read = set(ocr_pages)
    return {page.number for page in lines if page.number in read and page.readable}


def page_verdicts(document, lines) -> dict[int, Verdict]:
    """The pages whose text is not simply trusted: untrusted (read as blank) or in doubt."""
    from extract.read.quality import judge_pages

    return judge_pages(document, lines)


def untrusted_pages(document, lines) -> dict[int, Verdict]:
    """The pages read as blank: scans, and text layers whose characters are garbage."""
    from extract.read.quality import pages_without_usable_text

    return pages_without_usable_text(document, lines)


def doubt_settled_by_ocr(options: Options) -> bool:
    """Whether `--ocr auto` compared each page in doubt with an OCR reading of its image
    (read/doubt.py): one left unread by OCR agreed with it, and is trusted."""
    from extract.read.ocr import engine_installed

    return options.ocr == "auto" and options.ocr_detector is None and engine_installed()


def require_text(path: Path, lines, untrusted: dict[int, Verdict], ocr: str = "never",
                 ocr_failure: str | None = None) -> None:
    """A pack with no page of text to be trusted fails (NoText), as it does in a batch:
    an empty output would look like a clean success. With --ocr never, the message says how
    scans are read; when OCR was tried and failed, the failure is the reason (OcrFailed)."""
    from extract.errors import NoText, OcrFailed
    from extract.read.ocr import SHORT_INSTALL_HINT, engine_installed

    if any(page.lines and page.number not in untrusted for page in lines):
        return
    if ocr_failure:
        raise OcrFailed(str(path), f"{ocr_failure}; no other page has usable text")
    problems = {v.problem for v in untrusted.values()}
    if problems == {"image_only"}:
        reason = f"none of its {len(lines)} page(s) has text, only images (a scan? it needs OCR)"
    elif problems == {"not_language"}:
        first = min(untrusted)
        reason = (f"the text of its {len(lines)} page(s) is not what is printed (fonts without a usable text "
                  f"encoding): page {first}: {untrusted[first].seen}")
    elif problems:
        reason = f"none of its {len(lines)} page(s) has usable text (scanned, or fonts without a text encoding)"
    else:
        reason = f"none of its {len(lines)} page(s) has any text (scanned or blank pages?)"
    if ocr == "never" and "image_only" in problems:
        reason += "; scans are read with --ocr auto" if engine_installed() else f"; to read scans, {SHORT_INSTALL_HINT}"
    raise NoText(str(path), reason)


def blank(page):
    """A page whose text cannot be trusted, read as blank: nothing from it reaches a structure."""
    from dataclasses import replace

    return replace(page, lines=())


PROSE_BATCH = 16  # prose pages read and matched together (one nlp.pipe call)


@dataclass(frozen=True)
class PackContext:
    """What every stretch of pages needs to know about the pack as a whole."""

    careful: CarefulReader | PooledReader  # pdfplumber, opened once for the pack
    document: PdfDocument  # pdfium, open for the fast pass and running text
    documents: Sequence[Document]
    structure: set[int]  # pages that may hold structures (triage.py)
    carried: dict[int, str | None]  # report paragraph open at the top of each page
    settings: Settings = DEFAULT_SETTINGS
    ocr: OcrResult | None = None  # what OCR read, when pages needed it (read/ocr.py)
    pages_left: PagesLeft = field(default_factory=PagesLeft)  # told each page read (read/progress.py)

    def as_printed(self, page: PageText) -> PageText:
        """A page just read, as printed (OCR's reading where OCR read it); counted as read."""
        self.pages_left.read(page.number)
        return self.ocr.as_printed(page) if self.ocr is not None else page


@dataclass
class PackPart:
    """The structures, figures and statements of one stretch of pages."""

    cards: list[ServiceCard] = field(default_factory=list)
    financial_tables: list[FinancialTable] = field(default_factory=list)
    numeric_tables: list[NumericTable] = field(default_factory=list)
    post_lists: list[PostList] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


@dataclass(frozen=True)
class Numbering:
    """The number each kind of structure found next takes: ids run through the whole pack
    ('card-3-…'), and are built once, by the parser, from these."""

    card: int = 1
    financial_table: int = 1
    numeric_table: int = 1
    post_list: int = 1

    @classmethod
    def after(cls, parts: Sequence[PackPart]) -> Numbering:
        return cls(1 + sum(len(p.cards) for p in parts), 1 + sum(len(p.financial_tables) for p in parts),
                   1 + sum(len(p.numeric_tables) for p in parts), 1 + sum(len(p.post_lists) for p in parts))


def consecutive_stretches(numbers: Sequence[int]) -> list[list[int]]:
    stretches: list[list[int]] = []
    for number in numbers:
        if stretches and number == stretches[-1][-1] + 1:
            stretches[-1].append(number)
        else:
            stretches.append([number])
    return stretches


def read_stretch(context: PackContext, numbers: Sequence[int], numbering: Numbering = Numbering()) -> PackPart:
    """Cards, tables and lists from pdfplumber's reading of consecutive pages; and the
    running text of those of them that triage chose (the same pages in every mode)."""
    from extract.structures.statements import runs_to_statements

    pages = [context.as_printed(page) for page in read_careful_pages(context.careful, context.document, numbers)]
    part = pages_to_structures(pages, numbering, context.settings)
    running = [page for page in pages if page.number in context.structure]
    page_runs, found = read_running_text(running, context.carried)
    part.figures = merge_figures(page_runs, runs_to_figures(page_runs, found), structure_figures(part))
    structured_pages = {p for card in part.cards for p in range(card.page_start, card.page_end + 1)} | {
        t.page for t in part.financial_tables
    }
    part.statements = runs_to_statements(page_runs, valued(found), context.documents, structured_pages)
    return part


def pages_to_structures(pages: Sequence[PageText], numbering: Numbering = Numbering(),
                        settings: Settings = DEFAULT_SETTINGS) -> PackPart:
    """Cards, Appendix B tables, numeric tables and lists of posts from the words pdfplumber
    read on one stretch of consecutive pages (figures and statements are left to the caller).
    The seam where the words are turned into structures: bench/tamper_totals.py changes a
    printed word here and reads the structures again."""
    from extract.read.flow import pages_to_flow
    from extract.structures.cards import flow_to_cards
    from extract.structures.fintables import flow_to_financial_tables
    from extract.structures.numeric.tables import flow_to_numeric_tables
    from extract.structures.postlists import flow_to_post_lists

    flow = pages_to_flow(pages)
    return PackPart(flow_to_cards(flow, numbering.card, settings),
                    flow_to_financial_tables(flow, numbering.financial_table, settings),
                    flow_to_numeric_tables(flow, numbering.numeric_table),
                    flow_to_post_lists(flow, numbering.post_list))


def read_prose(context: PackContext, numbers: Sequence[int]) -> PackPart:
    """Figures and statements of pages of running text, from pdfium's positioned text."""
    from extract.read import pdfium as fastpass
    from extract.structures.statements import runs_to_statements

    pages = [context.as_printed(fastpass.page_text(context.document, n)) for n in numbers]
    page_runs, found = read_running_text(pages, context.carried)
    return PackPart(figures=runs_to_figures(page_runs, found),
                    statements=runs_to_statements(page_runs, valued(found), context.documents, set()))


def read_careful_pages(careful: CarefulReader | PooledReader, document: PdfDocument,
                       numbers: Sequence[int]) -> Iterator[PageText]:
    """pdfplumber on the chosen pages; pdfium's positioned text where pdfplumber fails."""
    from extract.errors import ReaderFailed
    from extract.read import pdfium as fastpass

    remaining = list(numbers)
    try:
        for page in careful.pages(remaining):
            remaining.remove(page.number)
            yield page
    except ReaderFailed as exc:  # a page pdfminer cannot parse: read the rest with pdfium
        log.warning("%s; using pdfium for pages %s", exc, remaining)
        for number in remaining:
            yield fastpass.page_text(document, number)


def read_running_text(pages: Sequence[PageText], carried: dict[int, str | None]):
    """Each page as one run, and the figures found in it."""
    from extract.figures.match import find_in_runs
    from extract.structures.statements import page_to_run

    page_runs = [page_to_run(page, carried.get(page.number)) for page in pages]
    return page_runs, find_in_runs([pr.run for pr in page_runs], ambiguous=True)


def valued(found):
    """Figures with a value, for statements (an ambiguous figure is listed, never summed)."""
    return [[f for f in fs if f.value is not None] for fs in found]


def runs_to_figures(page_runs, found) -> list[Figure]:
    from extract.structures.statements import section_at

    return [f.to_model(section=section_at(pr, f.start)) for pr, fs in zip(page_runs, found, strict=True) for f in fs]


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


def structure_figures(part: PackPart) -> list[Figure]:
    """The figures the stretch's cards, Appendix B tables and numeric tables own, each once.
    Lists of posts are left out: their totals count posts, and figures[] holds money,
    FTE and headcount."""
    owners: list = [*part.cards, *part.financial_tables, *part.numeric_tables]
    return [figure for owner in owners for _, figure in owner.figures()]


def merge_figures(page_runs: Sequence[PageRun], found: Sequence[Figure], owned: Sequence[Figure]) -> list[Figure]:
    """Page figures in reading order, each replaced by its labelled twin from a structure
    where there is one; a structure's figure the running text did not match (a bare number
    in a table's £ column) joins at its place on the page, with the paragraph it sits in.
    Only pages whose running text was read take part, so the figures do not depend on the
    mode (--no-triage searches every page for structures)."""
    from extract.structures.statements import section_of_box

    by_place = {(f.page, f.bbox): f for f in owned}
    merged = []
    for figure in found:
        twin = by_place.pop((figure.page, figure.bbox), None)
        merged.append(twin.model_copy(update={"section": figure.section}) if twin else figure)
    run_of_page = {pr.page.number: pr for pr in page_runs}
    unmatched = [f.model_copy(update={"section": section_of_box(run_of_page[f.page], f.bbox)})
                 for f in by_place.values() if f.page in run_of_page]
    return _interleaved(merged, sorted(unmatched, key=_place_on_page))


def _place_on_page(figure: Figure) -> tuple[int, float, float]:
    return figure.page, figure.bbox[1], figure.bbox[0]


def _interleaved(ordered: Sequence[Figure], extra: Sequence[Figure]) -> list[Figure]:
    """`ordered` kept in its order, each of `extra` placed before the first figure printed after it."""
    result: list[Figure] = []
    pending = list(extra)
    for figure in ordered:
        while pending and _place_on_page(pending[0]) < _place_on_page(figure):
            result.append(pending.pop(0))
        result.append(figure)
    return result + pending
