"""One figure as printed, the unit of the output contract (`extract.models` re-exports it):
kept apart so the contract's module stays readable.

Pages are 1-based PDF page indexes; a bbox is [x0, top, x1, bottom] in PDF points with
the origin at the top left of the page, as pdfplumber gives them.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

BBox = tuple[float, float, float, float]
FigureKind = Literal["money", "fte", "headcount", "count", "percent"]
FigureSource = Literal["pdf", "ocr"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Figure(Model):
    """One figure as printed, normalised, with where it came from."""

    kind: FigureKind = Field(
        description="money (GBP), fte, headcount or count (posts); percent ('6.0%' is 6.0) only for a "
        "percentage printed in a table's cell (a row's percentages)"
    )
    value: float | None = Field(
        description="GBP for money, full-time equivalents for fte, people for headcount; null when the "
        "printed figure cannot be read unambiguously (e.g. '£339,64'): see the finding figure.ambiguous"
    )
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
    # Written only for figures read by OCR, so born-digital outputs keep their exact bytes.
    source: FigureSource = Field(
        default="pdf", exclude_if=lambda v: v == "pdf",
        description="'ocr' when read by OCR from a scanned page; absent (pdf) when read from the PDF's text",
    )
    confidence: float | None = Field(
        default=None, ge=0, le=100, exclude_if=lambda v: v is None,
        description="OCR only: the OCR engine's confidence (0-100) in the least sure word of the figure",
    )


_EPSILON = 1e-6  # relative: float sums of many pence drift by less


def adds_to(parts: Sequence[Figure], stated: Figure, signs: Sequence[int] | None = None) -> bool:
    """Whether the parts (each with its sign, + by default) make the stated figure to the
    rounding of their printing: each figure may be off by half its last printed digit. The one
    test of "adds up" for the readers (which reading a table allows) and the checks alike."""
    signs = signs or [1] * len(parts)
    if stated.value is None or any(p.value is None for p in parts):
        return False
    expected = sum(s * (p.value or 0.0) for s, p in zip(signs, parts, strict=True))
    tolerance = sum(f.precision / 2 for f in [*parts, stated])
    return abs(stated.value - expected) <= tolerance + _EPSILON * max(1.0, abs(expected))
