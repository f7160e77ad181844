"""The output contract: pydantic models that are the single source of the JSON Schema.

Pages are 1-based PDF page indexes; a bbox is [x0, top, x1, bottom] in PDF points with
the origin at the top left of the page, as pdfplumber gives them.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "agenda-extract/1.0"

BBox = tuple[float, float, float, float]
FigureKind = Literal["money", "fte", "headcount", "count"]
Severity = Literal["error", "warning", "info"]
DocumentKind = Literal[
    "agenda", "report", "appendix", "minutes", "briefing_note", "slides", "other"
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(Model):
    """One figure as printed, normalised, with where it came from."""

    kind: FigureKind = Field(description="money (GBP), fte, headcount or count (posts)")
    value: float = Field(description="GBP for money, full-time equivalents for fte, people for headcount")
    text: str = Field(description="the figure exactly as printed, e.g. '£0.82M'")
    precision: float = Field(
        description="the unit of the last printed digit in the value's unit: £0.82M has 10000"
    )
    page: int = Field(ge=1)
    bbox: BBox
    label: str | None = Field(default=None, description="the printed label, e.g. 'DSG savings'")
    unit_inferred: bool = Field(
        default=False,
        description="true when the printed figure had no unit (e.g. '£0.05' in a card of £m) "
        "and the unit was taken from its neighbours",
    )
    section: str | None = Field(
        default=None, description="report paragraph number the figure was printed in, e.g. '1.4'"
    )


class Source(Model):
    file: str
    sha256: str
    pages: int = Field(ge=0)
    unreadable_pages: list[int] = Field(
        default_factory=list, description="pages the PDF holds but that could not be read; treated as blank"
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


class Statement(Model):
    """A report sentence that does arithmetic or states a total, with its figures in order."""

    subject: str = Field(description="e.g. 'Report 1.4' (document label or kind + paragraph)")
    section: str | None = None
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


class NumericTable(Model):
    """A table of numbers with a row label column, e.g. 'Estimated Financial Impact'."""

    id: str
    title: str
    page: int = Field(ge=1)
    unit: Literal["GBP", "FTE", "count", "mixed"] = "mixed"
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


class Extraction(Model):
    schema_version: Literal["agenda-extract/1.0"] = SCHEMA_VERSION
    tool_version: str
    source: Source
    meeting: Meeting
    documents: list[Document] = Field(default_factory=list)
    service_cards: list[ServiceCard] = Field(default_factory=list)
    financial_tables: list[FinancialTable] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    tables: list[NumericTable] = Field(default_factory=list)
    post_lists: list[PostList] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
