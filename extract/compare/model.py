"""The output contract of `compare`: pydantic models, the single source of
schemas/compare.schema.json. Figures are the figure objects of `run`'s figures[] (page, bbox,
text as printed), each from the version it was printed in."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from extract.models import Figure, Model

COMPARE_SCHEMA_VERSION: Literal["agenda-extract-compare/1.0"] = "agenda-extract-compare/1.0"

ChangeKind = Literal["changed", "added", "removed"]
ChangeScope = Literal["figure", "row", "column", "table", "card", "financial_table", "post_list"]


class ComparedSource(Model):
    file: str
    sha256: str
    pages: int = Field(ge=0)


class Change(Model):
    kind: ChangeKind = Field(description="changed: a figure's value; added or removed: present in one version only")
    scope: ChangeScope = Field(
        description="figure: one printed figure; row, column, table, card, financial_table, post_list: "
        "the whole structure was added or removed (its figures are in `figures`)"
    )
    table: str | None = Field(default=None, description="the numeric table's title as printed (new version's)")
    card: str | None = Field(default=None, description="the service card's or Appendix B table's service")
    section: str | None = Field(default=None, description="report paragraph number the figure was printed in")
    document: str | None = Field(default=None, description="label or title of the document it was printed in")
    row: str | None = Field(default=None, description="the table row's label as printed")
    column: str | None = Field(default=None, description="the table column's heading as printed")
    role: str | None = Field(
        default=None, description="the figure's place in a card or Appendix B table, e.g. 'budget.saving'"
    )
    old: Figure | None = Field(description="the figure in the old version; null when added")
    new: Figure | None = Field(description="the figure in the new version; null when removed")
    difference: float | None = Field(
        default=None, description="new − old value, in the figure's unit (GBP, FTE, people); null unless changed"
    )
    figures: list[Figure] = Field(
        default_factory=list,
        description="for a row, column, table or card added or removed: its figures, in the version that has them",
    )
    findings: list[int] = Field(
        default_factory=list,
        description="indexes in the new version's findings[] whose evidence holds the new figure "
        "(its totals no longer agree)",
    )


class Comparison(Model):
    schema_version: Literal["agenda-extract-compare/1.0"] = COMPARE_SCHEMA_VERSION
    tool_version: str
    old: ComparedSource
    new: ComparedSource
    changes: list[Change] = Field(description="in the order of the new paper; removals where they stood")
