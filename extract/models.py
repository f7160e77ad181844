"""The output contract: pydantic models that are the single source of the JSON Schema.

Pages are 1-based PDF page indexes; a bbox is [x0, top, x1, bottom] in PDF points with
the origin at the top left of the page, as pdfplumber gives them.
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, PrivateAttr

from extract.figure_model import BBox as BBox
from extract.figure_model import Figure as Figure
from extract.figure_model import FigureKind as FigureKind
from extract.figure_model import FigureSource as FigureSource
from extract.figure_model import Model as Model

SCHEMA_VERSION: Literal["agenda-extract/1.0"] = "agenda-extract/1.0"

Severity = Literal["error", "warning", "info"]
Outcome = Literal["agrees", "within_rounding", "disagrees", "unsure"]
TableUnit = Literal["GBP", "FTE", "count", "mixed"]
DocumentKind = Literal[
    "agenda", "report", "appendix", "minutes", "briefing_note", "slides", "financial_statement", "other"
]


# A structure's figures with their roles: the field path the figure sits at ('budget.current',
# 'pre_consultation.breakdown', 'rows[2].cells[0]'), the one name pipeline, review, export and
# tests use for "which figures belong to this card or table".
RoleFigures = list[tuple[str, "Figure"]]


def _roles(pairs: list[tuple[str, Figure | None]]) -> RoleFigures:
    """Drop missing figures and repeats: a figure printed once belongs to its structure once
    (a card's reduction_fte is also one of its reductions; the first role named wins)."""
    seen: set[tuple[int, BBox]] = set()
    kept: RoleFigures = []
    for role, figure in pairs:
        if figure is not None and (figure.page, figure.bbox) not in seen:
            seen.add((figure.page, figure.bbox))
            kept.append((role, figure))
    return kept


class UntrustedPage(Model):
    """A page whose text cannot be trusted; nothing is read from it."""

    page: int = Field(ge=1)
    problem: Literal["image_only", "not_language"] = Field(
        description="image_only: no text, only an image (a scan?); not_language: the text layer is not what "
        "is printed (control characters, private-use code points, glyph names or letters shifted by a constant)"
    )
    reason: str = Field(description="the problem in words, with what was seen")


class DoubtfulPage(Model):
    """A page read although its characters show faint signs of a broken text encoding, which
    no OCR reading of its image could confirm or dismiss (the OCR engine was not used)."""

    page: int = Field(ge=1)
    reason: str = Field(description="what was seen")


class OcrFailure(Model):
    pages: list[int] = Field(description="scanned pages OCR was asked to read and could not; read as blank")
    reason: str


class Source(Model):
    file: str
    sha256: str
    pages: int = Field(ge=0)
    unreadable_pages: list[int] = Field(
        default_factory=list, description="pages the PDF holds but that could not be read; treated as blank"
    )
    untrusted_pages: list[UntrustedPage] = Field(
        default_factory=list,
        description="pages whose text cannot be trusted (scans, undecodable fonts); treated as blank",
    )
    doubtful_pages: list[DoubtfulPage] = Field(
        default_factory=list, exclude_if=lambda v: not v,
        description="pages read although their text layer may not be what is printed (faint signs of a broken "
                    "encoding, not checked against OCR); absent when none was",
    )
    ocr_pages: list[int] = Field(
        default_factory=list, exclude_if=lambda v: not v,
        description="pages read by OCR (scanned pages); absent when none was",
    )
    ocr_failure: OcrFailure | None = Field(
        default=None, exclude_if=lambda v: v is None,
        description="scanned pages OCR could not read, left blank while the pack's text pages were read; "
                    "absent when OCR did not fail",
    )
    form_fields: int = Field(
        default=0, ge=0, exclude_if=lambda v: not v,
        description="form fields (a fillable PDF's typed values) read as printed text; absent when none was",
    )


class Meeting(Model):
    committee: str | None = None
    date: str | None = Field(default=None, description="ISO 8601 date, e.g. 2017-01-18")
    time: str | None = Field(default=None, description="24-hour HH:MM")
    place: str | None = None


class Document(Model):
    title: str
    kind: DocumentKind
    label: str | None = Field(default=None, description="e.g. 'Agenda Item 3', 'Appendix A'")
    page_start: int = Field(ge=1)
    page_end: int = Field(ge=1)


class PrintedPages(Model):
    text: str = Field(description="as printed beside the item, e.g. 'Pages 3 - 50'")
    first: int = Field(ge=0)
    last: int = Field(ge=0)
    pack_page: int | None = Field(
        default=None, description="the page of this PDF stamped with the first printed page; null when none is"
    )


class AgendaItem(Model):
    number: str = Field(description="as printed, e.g. '3'")
    title: str = Field(description="as printed, its lines joined; without the pages printed beside it")
    pages_printed: PrintedPages | None = Field(default=None, description="the pages printed beside the item")
    document: int | None = Field(
        default=None, description="index in documents[] of the document the item points to, where the pack holds it"
    )


class Staffing(Model):
    current_headcount: Figure | None = None
    current_fte: Figure | None = None
    proposed_fte: Figure | None = None
    reduction_fte: Figure | None = Field(
        default=None,
        description="the definite reduction the card states (its size: '-1 FTE' has value 1)",
    )
    reductions: list[Figure] = Field(
        default_factory=list,
        description="every reduction the card states, labelled 'definite' or 'potential'",
    )
    notes: list[str] = Field(
        default_factory=list,
        description="staffing remarks as printed: 'Casual 110', 'Note: 4 vacancies', 'inc new posts x 2'",
    )


class Budget(Model):
    current: Figure | None = None
    current_parts: list[Figure] = Field(default_factory=list)
    proposed: Figure | None = None
    saving: Figure | None = None
    savings_breakdown: list[Figure] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class ServiceCard(Model):
    id: str = Field(description="stable key within the pack, e.g. 'card-1-hospital-education-service'")
    service: str
    page_start: int = Field(ge=1)
    page_end: int = Field(ge=1)
    sections: dict[str, str] = Field(
        description="text sections keyed overview, duties, current_model, summary_of_feedback, "
        "proposed_model, rationale, impact (others by their printed label)"
    )
    staffing: Staffing
    budget: Budget

    def figures(self) -> RoleFigures:
        s, b = self.staffing, self.budget
        pairs: list[tuple[str, Figure | None]] = [
            ("staffing.current_headcount", s.current_headcount), ("staffing.current_fte", s.current_fte),
            ("staffing.proposed_fte", s.proposed_fte), ("staffing.reduction_fte", s.reduction_fte),
        ]
        pairs += [("staffing.reductions", f) for f in s.reductions]
        pairs += [("budget.current", b.current)] + [("budget.current_parts", f) for f in b.current_parts]
        pairs += [("budget.proposed", b.proposed), ("budget.saving", b.saving)]
        pairs += [("budget.savings_breakdown", f) for f in b.savings_breakdown]
        return _roles(pairs)


class Forecast(Model):
    cost: Figure | None = None
    saving: Figure | None = None
    breakdown: list[Figure] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)


class FinancialTable(Model):
    id: str
    service: str
    page: int = Field(ge=1)
    current: Figure | None = None
    current_parts: list[Figure] = Field(default_factory=list)
    pre_consultation: Forecast
    post_consultation: Forecast
    staff_impact: str

    def figures(self) -> RoleFigures:
        pairs: list[tuple[str, Figure | None]] = [("current", self.current)]
        pairs += [("current_parts", f) for f in self.current_parts]
        for stage, forecast in (("pre_consultation", self.pre_consultation),
                                ("post_consultation", self.post_consultation)):
            pairs += [(f"{stage}.cost", forecast.cost), (f"{stage}.saving", forecast.saving)]
            pairs += [(f"{stage}.breakdown", f) for f in forecast.breakdown]
        return _roles(pairs)


class Statement(Model):
    """A report sentence that does arithmetic or states a total, with its figures in order."""

    subject: str = Field(description="e.g. 'Report 1.4' (document label or kind + paragraph)")
    section: str | None = Field(default=None, description="the paragraph number it was printed under, e.g. '1.4'")
    document: str | None = Field(
        default=None, description="the document it was printed in: its label ('Agenda Item 3', 'Appendix C') or title"
    )
    page: int = Field(ge=1)
    text: str
    figures: list[Figure]


class TableRow(Model):
    label: str
    cells: list[Figure | None] = Field(description="one per column; null where the cell is blank")
    page: int | None = Field(default=None, ge=1, description="the page the row is printed on")
    group: str | None = Field(default=None, description="the heading row above that groups this row, e.g. 'SPENDING'")
    emphasis: bool = Field(default=False, description="set in bold type: totals often are")
    notes: list[str] = Field(
        default_factory=list,
        description="text printed in the row besides its label and numbers: a text column "
        "('Salary for Staff - 3.4 FTE') or a word beside a number ('500 Trip')",
    )
    percentages: list[Figure | None] = Field(
        default_factory=list, exclude_if=lambda v: not v,
        description="one per column: the percentage printed in the cell ('6.0%', or a number under a heading "
        "in %), which `cells` leaves blank since it adds to nothing; absent when the row prints none",
    )


UnitSource = Literal["cell", "column heading", "unit line", "title", "line above", "table above"]


class WrappedLabel(Model):
    row: int = Field(ge=0, description="index in rows[] of the row whose label was joined")
    lines: int = Field(ge=2, description="printed lines joined into the label")
    chosen_by: Literal["spacing", "arithmetic"] = Field(
        default="spacing",
        description="what joined them: their spacing, or (lines set at the row pitch, which could as well be "
        "rows of their own) the table's arithmetic: the row they label adds up the rows above them",
    )


class TableReading(Model):
    """How the table was read, so a reader can see why the tool believes it: where each
    column's unit is printed, the unit lines taken as units (not as rows), the labels joined
    from wrapped lines, and the table above whose headings a part split off at an
    intermediate heading is read under."""

    unit_sources: list[UnitSource | None] = Field(
        default_factory=list,
        description="per column: where its unit is printed (a cell, its heading, a unit line under the "
        "headings, the title, a line above the table, the headings of the table above); null where nowhere",
    )
    unit_lines: list[str] = Field(
        default_factory=list,
        description="lines that print only units ('£000 £000 £000', 'All amounts £000'), as printed",
    )
    wrapped_labels: list[WrappedLabel] = Field(default_factory=list)
    split_from: str | None = Field(
        default=None,
        description="id of the table above, whose headings and units this part (split off at an "
        "intermediate heading or a page break) is read under",
    )
    confirmed_by: list[str] = Field(
        default_factory=list,
        description="each kind of relation that holds on the table under this reading, with how many "
        "('table.total_row ×12'; filled by the consistency checks)",
    )
    unit_doubt: str | None = Field(
        default=None, exclude_if=lambda v: v is None,
        description="why the unit of a table printing none of its own is in doubt (a table above it on "
        "its page prints one, which may or may not hold for it): its amounts are left as printed; "
        "absent when nothing puts it in doubt",
    )


class NumericTable(Model):
    """A table of numbers with a row label column, e.g. 'Estimated Financial Impact'."""

    id: str
    title: str
    page: int = Field(ge=1)
    unit: TableUnit = "mixed"
    columns: list[str] = Field(description="column headings as printed, folded to one line")
    rows: list[TableRow]
    column_units: list[str | None] = Field(
        default_factory=list,
        description="per column: GBP, FTE, count or percent, with its scale ('GBP 1000' under '£000'); "
        "null where nothing printed names it",
    )
    page_end: int | None = Field(default=None, ge=1, description="the last page of a table that crosses pages")
    opens_page: bool = Field(
        default=False,
        description="the table opens at the top of a page under no title of its own: its first rows "
        "may continue a table on the page before",
    )
    reading: TableReading = Field(default_factory=TableReading, description="how the table was read")

    def figures(self) -> RoleFigures:
        """Each cell at its row and column ('rows[2].cells[0]'); its label names both."""
        return _roles([(cell_role(r, c), cell) for r, row in enumerate(self.rows) for c, cell in enumerate(row.cells)])


def cell_role(row: int, column: int) -> str:
    return f"rows[{row}].cells[{column}]"


CELL_ROLE = re.compile(r"^rows\[(\d+)\]\.cells\[(\d+)\]$")


class Post(Model):
    text: str
    count: int = Field(ge=0, description="posts this line stands for: 'x 2' counts two")
    page: int = Field(ge=1)
    bbox: BBox


class PostList(Model):
    """A list of posts with a stated total ('Total: 24 posts'), as in slide decks."""

    id: str
    title: str
    page: int = Field(ge=1)
    posts: list[Post]
    stated_total: Figure | None = None

    def figures(self) -> RoleFigures:
        return _roles([("stated_total", self.stated_total)])


class Finding(Model):
    check: str = Field(description="stable id of the rule, e.g. 'card.saving'")
    severity: Severity
    subject: str = Field(description="service name, or report section such as 'Report 1.4'")
    message: str
    expected: float | None = None
    found: float | None = None
    difference: float | None = None
    tolerance: float | None = None
    evidence: list[Figure] = Field(default_factory=list)


class Relation(Model):
    """One relation the consistency pass evaluated between printed figures, whatever its outcome.

    `findings[]` lists only the relations that do not agree exactly; `relations[]` lists them all,
    so that 'no findings' can be told apart from 'nothing was checked'."""

    check: str = Field(description="stable id of the rule, e.g. 'card.saving', 'table.total_row'")
    subject: str = Field(description="as a finding would name it: service, report section or table, row, column")
    structure: str | None = Field(
        default=None, description="id of the card, Appendix B table, numeric table or post list checked"
    )
    section: str | None = Field(default=None, description="report paragraph, e.g. '1.4'")
    row: str | None = Field(default=None, description="the table row checked, as printed")
    column: str | None = Field(default=None, description="the table column checked, as printed")
    expression: str = Field(
        description="the figures as printed and how they were combined, e.g. '£1.2M − £0.8M = £0.4M'"
    )
    expected: float = Field(description="what the terms come to, in GBP, FTE or count")
    found: float = Field(description="what is printed as their result")
    difference: float = Field(description="found − expected")
    tolerance: float = Field(description="the summed rounding of every figure involved (0 for counted things)")
    outcome: Outcome = Field(
        description="agrees (exactly), within_rounding (a difference no larger than the tolerance), disagrees, "
        "or unsure (the figures differ but the reading of the table they rest on is in doubt: no alarm)"
    )
    reason: str | None = Field(
        default=None,
        description="why the outcome is unsure, or which cell a disagreement down and across points at",
    )
    finding: int | None = Field(default=None, description="index in findings[] of the finding it raised, if any")
    evidence: list[Figure] = Field(default_factory=list)

    # The finding this relation raises (None when it agrees exactly); not part of the JSON.
    _finding: Finding | None = PrivateAttr(default=None)

    @property
    def raised(self) -> Finding | None:
        return self._finding

    @property
    def severity(self) -> Severity:
        """How serious the difference is: 'info' when it agrees or is within rounding."""
        return self._finding.severity if self._finding is not None else "info"


class Extraction(Model):
    schema_version: Literal["agenda-extract/1.0"] = SCHEMA_VERSION
    tool_version: str
    source: Source
    meeting: Meeting
    documents: list[Document] = Field(default_factory=list)
    agenda_items: list[AgendaItem] = Field(
        default_factory=list, description="the numbered items of the agenda (or summons) the paper opens with"
    )
    service_cards: list[ServiceCard] = Field(default_factory=list)
    financial_tables: list[FinancialTable] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    tables: list[NumericTable] = Field(default_factory=list)
    post_lists: list[PostList] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    relations: list[Relation] = Field(
        default_factory=list, description="every relation the consistency pass evaluated, findings or not"
    )
