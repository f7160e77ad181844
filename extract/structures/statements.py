"""Report paragraphs that state totals or do arithmetic, with their figures, for the checks.

A statement is one paragraph of running text on one page (so the result does not depend
on which neighbouring pages were read) holding two or more figures.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from extract.figures.match import Found
from extract.models import Document, Statement
from extract.read.flow import plain
from extract.read.text import PageText, Row, TextRun
from extract.vocabulary import PARAGRAPH_NUMBER

PARAGRAPH_GAP = 0.8  # a blank line (in type sizes) ends a paragraph


@dataclass(frozen=True)
class PageRun:
    """One carefully read page as a single TextRun (rows joined by newlines)."""

    page: PageText
    run: TextRun
    row_starts: tuple[int, ...]  # offset of each row in run.text
    sections: tuple[str | None, ...]  # report paragraph number open at each row


def page_to_run(page: PageText, carried: str | None) -> PageRun:
    starts, sections, offset, current = [], [], 0, carried
    for row in page.rows:
        match = PARAGRAPH_NUMBER.match(row.text)
        current = match.group(1) if match else current
        starts.append(offset)
        sections.append(current)
        offset += len(row.text) + 1
    run = TextRun.join([TextRun.from_words(row.words) for row in page.rows])
    return PageRun(page, run, tuple(starts), tuple(sections))


def section_at(page_run: PageRun, offset: int) -> str | None:
    index = max((i for i, start in enumerate(page_run.row_starts) if start <= offset), default=None)
    return None if index is None else page_run.sections[index]


def section_of_box(page_run: PageRun, bbox: tuple[float, float, float, float]) -> str | None:
    """The paragraph open at the row a box was printed on (a table cell, say)."""
    middle = (bbox[1] + bbox[3]) / 2
    index = max((i for i, row in enumerate(page_run.page.rows) if row.top <= middle), default=None)
    return None if index is None else page_run.sections[index]


def runs_to_statements(
    page_runs: Sequence[PageRun],
    found: Sequence[Sequence[Found]],
    documents: Sequence[Document],
    skip_pages: set[int],
) -> list[Statement]:
    statements = []
    for page_run, figures in zip(page_runs, found, strict=True):
        if page_run.page.number in skip_pages or len(figures) < 2:
            continue
        document = _document_of(documents, page_run.page.number)
        for start, end in _paragraphs(page_run):
            inside = [f for f in figures if start <= f.start < end]
            if len(inside) < 2:
                continue
            section = section_at(page_run, start)
            statements.append(Statement(
                subject=_subject(document, section, page_run.page.number),
                section=section,
                document=(document.label or document.title) if document else None,
                page=page_run.page.number,
                text=plain(page_run.run.text[start:end]),
                figures=[f.to_model(section=section) for f in inside],
            ))
    return statements


def _paragraphs(page_run: PageRun) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraphs of a page: a new one at each numbered
    paragraph or after a blank line."""
    rows: list[Row] = page_run.page.rows
    bounds: list[int] = []
    for i, row in enumerate(rows):
        gap = row.top - rows[i - 1].bottom if i else None
        if i == 0 or PARAGRAPH_NUMBER.match(row.text) or (gap is not None and gap > PARAGRAPH_GAP * row.size):
            bounds.append(page_run.row_starts[i])
    bounds.append(len(page_run.run.text) + 1)
    return list(pairwise(bounds))


def _document_of(documents: Sequence[Document], page: int) -> Document | None:
    return next((d for d in documents if d.page_start <= page <= d.page_end), None)


def _subject(document: Document | None, section: str | None, page: int) -> str:
    if document is not None and document.kind == "report" and section:
        return f"Report {section}"
    name = (document.label or document.kind.replace("_", " ").title()) if document else "Page"
    return f"{name} {section}" if section else f"{name}, page {page}"
