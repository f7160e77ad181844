"""One arithmetic relation between printed figures, judged with their rounding.

Each figure is exact only to half a unit of its last printed digit (£0.82M: ±£5,000).
A relation between k figures tolerates the sum of their rounding errors. A difference
beyond that is a warning (an error when it is also more than 10% of what was expected:
material, not a slip of rounding); a difference within it but not zero is info.

`relation()` returns every relation it evaluates as a `Relation` (for relations[]); the
Finding it raises, when the figures do not agree exactly, rides along as `Relation.raised`.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extract.models import Figure, Finding, Relation, Severity

MATERIAL_SHARE = 0.10
_EPSILON = 1e-9


@dataclass(frozen=True)
class Term:
    figure: Figure
    sign: int = 1  # +1 adds, -1 subtracts


def plus(*figures: Figure) -> list[Term]:
    return [Term(f, 1) for f in figures]


def minus(figure: Figure) -> Term:
    return Term(figure, -1)


def relation(
    check: str,
    subject: str,
    terms: Sequence[Term],
    stated: Figure | Sequence[Figure],
    meaning: str,
    explanation: str | None = None,
    explains: Callable[[float, float], bool] | None = None,
    exact: bool = False,
    *,
    structure: str | None = None,
    section: str | None = None,
    row: str | None = None,
    column: str | None = None,
) -> Relation | None:
    """Σ terms against the stated figure (or the sum of several stated figures, e.g. definite
    plus potential reductions), as a Relation; it carries a Finding (`raised`) unless they agree
    exactly. `exact`: the figures are counts of whole things, so any difference is beyond rounding.
    `structure`, `section`, `row`, `column` say where the relation lies, for relations[]."""
    stated_figures = [stated] if isinstance(stated, Figure) else list(stated)
    figures = [t.figure for t in terms] + stated_figures
    if any(f.value is None for f in figures):  # printed ambiguously: nothing to compute with
        return None
    expected = sum(t.sign * (t.figure.value or 0.0) for t in terms)
    found = sum(f.value or 0.0 for f in stated_figures)
    difference = found - expected
    # Counted things (posts in a list) are not rounded: no tolerance.
    tolerance = 0.0 if exact else sum(f.precision / 2 for f in figures)
    printed = " + ".join(f.text for f in stated_figures)
    agrees = abs(difference) <= _EPSILON * max(1.0, abs(expected))
    severity = severity_of(difference, tolerance, expected)
    within = severity == "info"
    checked = Relation(
        check=check, subject=subject, structure=structure, section=section, row=row, column=column,
        expression=f"{_expression(terms)} = {printed}",
        expected=_r(expected), found=_r(found), difference=_r(difference), tolerance=_r(tolerance),
        outcome="agrees" if agrees else "within_rounding" if within else "disagrees",
        evidence=_unique(figures),
    )
    if agrees:
        return checked
    if explains is not None and not within and explains(difference, tolerance):
        severity = "info"  # the document itself accounts for the whole difference
    unit = unit_of(stated_figures[0])
    pages = sorted({f.page for f in figures})
    message = (
        f"{subject}: {meaning}: {_expression(terms)} = {fmt(expected, unit)}, but {printed} "
        f"{'is' if len(stated_figures) == 1 else 'are'} printed "
        f"(page{'s' if len(pages) > 1 else ''} {', '.join(map(str, pages))}); "
        f"difference {fmt(difference, unit, signed=True)}, rounding tolerance {fmt(tolerance, unit)}."
    )
    if within:
        message += " Within rounding."
    if explanation:
        message += f" {explanation}"
    if severity == "info" and not within:
        message += " It accounts for the whole difference."
    checked._finding = Finding(
        check=check, severity=severity, subject=subject, message=message,
        expected=checked.expected, found=checked.found, difference=checked.difference,
        tolerance=checked.tolerance, evidence=checked.evidence,
    )
    return checked


def doubted(evaluated: Relation, reason: str) -> Relation:
    """The relation kept with outcome `unsure`: its figures differ, but the reading of the table
    they rest on is in doubt, so it raises no finding (a misread is not a misprint). One that
    agrees keeps its outcome, with the doubt as its reason."""
    if evaluated.outcome == "unsure":
        return evaluated
    if evaluated.outcome in ("agrees", "within_rounding"):  # it holds, under a reading in doubt: said so
        return evaluated.model_copy(update={"reason": reason})
    copy = evaluated.model_copy(update={"outcome": "unsure", "reason": reason, "finding": None})
    copy._finding = None
    return copy


def pointed(evaluated: Relation, reason: str) -> Relation:
    """The disagreeing relation with the cell it points at named, in its finding too."""
    copy = evaluated.model_copy(update={"reason": reason})
    if evaluated.raised is not None:
        finding = evaluated.raised
        copy._finding = finding.model_copy(update={"message": f"{finding.message} {reason}"})
    return copy


def _unique(figures: Sequence[Figure]) -> list[Figure]:
    seen: set[tuple] = set()
    unique: list[Figure] = []
    for figure in figures:
        key = (figure.page, figure.bbox, figure.text)
        if key not in seen:
            seen.add(key)
            unique.append(figure)
    return unique


def severity_of(difference: float, tolerance: float, expected: float) -> Severity:
    if abs(difference) <= tolerance + _EPSILON * max(1.0, abs(expected)):
        return "info"
    if abs(difference) > MATERIAL_SHARE * abs(expected) and abs(expected) > 0:
        return "error"
    return "warning"


def unit_of(figure: Figure) -> str:
    return "GBP" if figure.kind == "money" else figure.kind


def fmt(value: float, unit: str, signed: bool = False) -> str:
    sign = ("+" if value > 0 else "−" if value < 0 else "") if signed else ("−" if value < 0 else "")
    magnitude = abs(value)
    if unit == "GBP":
        if magnitude >= 1e5 or magnitude == 0:
            body = f"£{magnitude / 1e6:.3f}".rstrip("0").rstrip(".") + "m"
        elif magnitude >= 1e3:
            body = f"£{magnitude / 1e3:.1f}".rstrip("0").rstrip(".") + "k"
        else:
            body = f"£{magnitude:.2f}"
    else:
        body = f"{magnitude:.2f}".rstrip("0").rstrip(".") + (" FTE" if unit == "fte" else "")
    return sign + body


def _expression(terms: Sequence[Term]) -> str:
    parts = []
    for i, term in enumerate(terms):
        op = ("" if i == 0 else " + ") if term.sign > 0 else (" − " if i else "−")
        parts.append(f"{op}{term.figure.text}")
    return "".join(parts) if parts else "0"


def _r(value: float) -> float:
    return float(f"{value:.10g}")
