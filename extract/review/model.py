"""The review page: one self-contained HTML file that shows each finding on the page it came from.

    write_review(pdf_path, extraction, html_path)

For each finding, its evidence figures are outlined and numbered on crops of their pages;
each service card and Appendix B table gets crops of its own figures, which the summary
tables link to. Crops are rendered from the PDF by pdfplumber (extract.review.crops) and
embedded as data URIs; the HTML is built in extract.review.render.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from extract.models import (
    CELL_ROLE,
    Document,
    Extraction,
    Figure,
    Finding,
    RoleFigures,
)
from extract.pipeline import sha256_of
from extract.review.crops import Crop, CropRequest, Mark, render_crops

SEVERITY_ORDER = ("error", "warning", "info")

FigureKey = tuple[int, tuple[float, ...]]


def safe_id(text: str) -> str:
    """An HTML id that needs no escaping in a URL fragment."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text)


def figure_key(figure: Figure) -> FigureKey:
    """Where a figure was printed: the same figure in a card and in a finding's evidence may
    differ in label or section, never in page and box."""
    return (figure.page, tuple(round(v, 1) for v in figure.bbox))


@dataclass(frozen=True)
class Owner:
    """The card or Appendix B table a figure belongs to, and its role there."""

    kind: str  # a key of OWNER_KINDS
    id: str
    service: str  # the service, or the title of a numeric table or list of posts
    role: str

    @property
    def title(self) -> str:
        return f"{self.service} ({OWNER_KINDS[self.kind]})"


OWNER_KINDS = {"card": "service card", "table": "Appendix B table", "numtable": "table", "postlist": "list of posts"}


@dataclass
class FindingView:
    number: int  # position on the page: errors first
    finding: Finding
    marks: tuple[Mark, ...]
    crops: list[Crop]
    owners: list[Owner]  # one per card or table, in evidence order
    unshown: dict[int, str]  # pages of its evidence that could not be shown, and why


@dataclass
class OwnerView:
    owner: Owner  # role is empty: the card or table as a whole
    pages: str
    marks: tuple[Mark, ...]
    crops: list[Crop]
    findings: list[int] = field(default_factory=list)  # numbers of findings citing its figures


@dataclass
class Review:
    extraction: Extraction
    pdf_name: str
    pdf_matches: bool  # the PDF is the one the extraction was made from
    findings: list[FindingView]
    owners: dict[str, OwnerView]  # by card or table id, cards first
    figure_crop: dict[FigureKey, str]  # the crop id in "where printed" that outlines the figure
    owned: dict[FigureKey, list[Owner]]  # the cards and tables each figure belongs to
    finding_number: dict[int, int] = field(default_factory=dict)  # index in findings[] -> number on the page

    def document_at(self, page: int) -> Document | None:
        return next((d for d in self.extraction.documents if d.page_start <= page <= d.page_end), None)

    def crop_of(self, figure: Figure | None) -> str | None:
        return None if figure is None else self.figure_crop.get(figure_key(figure))


def build_review(pdf_path: Path, extraction: Extraction) -> Review:
    """Everything the page shows, with every crop rendered (each PDF page at most once)."""
    pdf_path = Path(pdf_path)
    owned = owners_by_figure(extraction)
    ordered = sorted(enumerate(extraction.findings), key=lambda pair: (SEVERITY_ORDER.index(pair[1].severity), pair[0]))
    findings = [_finding_view(number, finding, owned) for number, (_, finding) in enumerate(ordered, start=1)]
    owners = _owner_views(extraction)
    requests = [r for view in findings for r in _requests(f"finding-{view.number}", view.marks)]
    requests += [r for oid, view in owners.items() for r in _requests(f"where-{safe_id(oid)}", view.marks)]
    rendered = render_crops(pdf_path, requests)
    crops = rendered.crops
    for view in findings:
        view.crops = [c for page in _pages(view.marks) for c in crops[f"finding-{view.number}-p{page}"]]
        view.unshown = {p: rendered.unshown[p] for p in _pages(view.marks) if p in rendered.unshown}
        for owner in view.owners:
            owners[owner.id].findings.append(view.number)
    figure_crop: dict[FigureKey, str] = {}
    for oid, owner_view in owners.items():
        owner_view.crops = [c for page in _pages(owner_view.marks) for c in crops[f"where-{safe_id(oid)}-p{page}"]]
        for crop in owner_view.crops:
            for mark in crop.marks:
                figure_crop.setdefault(figure_key(mark.figure), crop.id)
    return Review(extraction, pdf_path.name, sha256_of(pdf_path) == extraction.source.sha256,
                  findings, owners, figure_crop, owned,
                  {index: number for number, (index, _) in enumerate(ordered, start=1)})


# How the review names a figure's role (a field path in the output: models.RoleFigures).
ROLE_WORDS = {
    "staffing.current_headcount": "current headcount", "staffing.current_fte": "current FTE",
    "staffing.proposed_fte": "proposed FTE", "staffing.reduction_fte": "reduction", "staffing.reductions": "reduction",
    "budget.current": "current budget", "budget.current_parts": "part of current budget",
    "budget.proposed": "proposed budget", "budget.saving": "saving", "budget.savings_breakdown": "saving breakdown",
    "current": "current budget", "current_parts": "part of current budget",
    "pre_consultation.cost": "pre-consultation forecast cost", "pre_consultation.saving": "pre-consultation saving",
    "pre_consultation.breakdown": "pre-consultation saving breakdown",
    "post_consultation.cost": "post-consultation forecast cost", "post_consultation.saving": "post-consultation saving",
    "post_consultation.breakdown": "post-consultation saving breakdown",
    "stated_total": "stated total",
}
LISTED_ROLES = {"staffing.reductions", "budget.current_parts", "budget.savings_breakdown", "current_parts",
                "pre_consultation.breakdown", "post_consultation.breakdown"}


def role_words(role: str, figure: Figure) -> str:
    """'saving breakdown: DSG savings'; a table cell by the row and column its label names."""
    match = CELL_ROLE.match(role)
    if match:
        return figure.label or f"row {int(match.group(1)) + 1}, column {int(match.group(2)) + 1}"
    words = ROLE_WORDS.get(role, role)
    return f"{words}: {figure.label}" if role in LISTED_ROLES and figure.label else words


def worded(pairs: RoleFigures) -> list[tuple[str, Figure]]:
    return [(role_words(role, figure), figure) for role, figure in pairs]


def structures(extraction: Extraction) -> Iterator[tuple[Owner, str, list[tuple[str, Figure]]]]:
    """Every card, Appendix B table, numeric table and list of posts, cards first: who it
    is, the pages it is printed on, and its figures with their roles."""
    for card in extraction.service_cards:
        pages = f"{card.page_start}" if card.page_start == card.page_end else f"{card.page_start}–{card.page_end}"
        yield Owner("card", card.id, card.service, ""), pages, worded(card.figures())
    for table in extraction.financial_tables:
        yield Owner("table", table.id, table.service, ""), str(table.page), worded(table.figures())
    for numeric in extraction.tables:
        yield Owner("numtable", numeric.id, numeric.title, ""), str(numeric.page), worded(numeric.figures())
    for posts in extraction.post_lists:
        yield Owner("postlist", posts.id, posts.title, ""), str(posts.page), worded(posts.figures())


def owners_by_figure(extraction: Extraction) -> dict[FigureKey, list[Owner]]:
    owned: dict[FigureKey, list[Owner]] = {}
    for owner, _, pairs in structures(extraction):
        for role, figure in pairs:
            owned.setdefault(figure_key(figure), []).append(replace(owner, role=role))
    return owned


def describe(figure: Figure, owners: Sequence[Owner]) -> str:
    """What a figure is, for legends and alt text: its role and card, or where in the report."""
    if owners:
        return "; ".join(f"{o.role}, {o.title}" for o in owners)
    parts = [f"labelled '{figure.label}'" if figure.label else None,
             f"paragraph {figure.section}" if figure.section else None]
    return ", ".join(p for p in parts if p)


def _finding_view(number: int, finding: Finding, owned: dict[FigureKey, list[Owner]]) -> FindingView:
    marks = tuple(Mark(i, f, describe(f, owned.get(figure_key(f), [])))
                  for i, f in enumerate(finding.evidence, start=1))
    owners: dict[str, Owner] = {}
    for figure in finding.evidence:
        for owner in owned.get(figure_key(figure), []):
            owners.setdefault(owner.id, replace(owner, role=""))
    return FindingView(number, finding, marks, [], list(owners.values()), {})


def _owner_views(extraction: Extraction) -> dict[str, OwnerView]:
    return {owner.id: OwnerView(owner, pages, _numbered(pairs), []) for owner, pages, pairs in structures(extraction)}


def _numbered(pairs: Sequence[tuple[str, Figure]]) -> tuple[Mark, ...]:
    """Number a card's figures in reading order, so the numbers run down the crop."""
    ordered = sorted(pairs, key=lambda pair: (pair[1].page, pair[1].bbox[1], pair[1].bbox[0]))
    return tuple(Mark(i, figure, role) for i, (role, figure) in enumerate(ordered, start=1))


def _pages(marks: Sequence[Mark]) -> list[int]:
    return sorted({m.figure.page for m in marks})


def _requests(anchor: str, marks: Sequence[Mark]) -> list[CropRequest]:
    return [CropRequest(f"{anchor}-p{page}", page, tuple(m for m in marks if m.figure.page == page))
            for page in _pages(marks)]
