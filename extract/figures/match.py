"""Figures: matched spans → normalised values with precision and provenance."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from extract.figures.patterns import LABEL_KIND, MONEY_UNITS
from extract.models import Figure, FigureKind
from extract.read.text import BBox, TextRun

_NUMBER = re.compile(r"[-−–]?\d[\d,]*(?:\.\d+)?")
_MINUS = "-−–"


@dataclass(frozen=True)
class Found:
    """A figure found in a TextRun: where it is in the run and on the page."""

    kind: FigureKind
    value: float
    text: str
    precision: float
    start: int
    end: int
    page: int
    bbox: BBox
    unit: float = 1.0  # what the printed unit multiplies by (1e6 for 'm')
    has_unit: bool = True

    def to_model(self, label: str | None = None, **changes) -> Figure:
        return Figure(
            kind=self.kind, value=self.value, text=self.text, precision=self.precision,
            page=self.page, bbox=self.bbox, label=label or None, **changes,
        )


def find_in_runs(runs: Sequence[TextRun]) -> list[list[Found]]:
    """Every figure in each run, in reading order (one nlp.pipe call for all runs)."""
    from extract.figures.nlp import SPANS_KEY, pipeline

    results: list[list[Found]] = []
    for run, doc in zip(runs, pipeline().pipe(run.text for run in runs), strict=True):
        spans = _claim(doc.spans[SPANS_KEY])
        found = [_from_span(run, span) for span in spans]
        results.append(sorted((f for f in found if f is not None), key=lambda f: f.start))
    return results


# Which matches win an overlap: a headcount keeps its number ('Headcount 18' before
# 'FTE 13.03' must not become '18 FTE'); then the longest match; then the earliest.
_PRIORITY = {"HEADCOUNT": 0, "MONEY": 1, "FTE": 1}


def _claim(spans) -> list:
    taken: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda s: (_PRIORITY[s.label_], -len(s), s.start)):
        tokens = set(range(span.start, span.end))
        if not tokens & taken:
            kept.append(span)
            taken |= tokens
    return sorted(kept, key=lambda s: s.start)


def find_in_run(run: TextRun) -> list[Found]:
    return find_in_runs([run])[0]


def _from_span(run: TextRun, span) -> Found | None:
    kind = LABEL_KIND[span.label_]
    text = " ".join(span.text.split())  # as printed, a wrapped line folded to one space
    parsed = parse_money(text) if kind == "money" else parse_count(text, kind)
    if parsed is None:
        return None
    value, precision, unit = parsed
    page, bbox = run.locate(span.start_char, span.end_char)
    return Found(kind, value, text, precision, span.start_char, span.end_char, page, bbox,
                 unit or 1.0, unit is not None)


def parse_money(text: str) -> tuple[float, float, float | None] | None:
    """'£0.82M' → (820000.0, 10000.0, 1e6); '£0.05' → (0.05, 0.01, None): value, precision, unit."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    rest = " ".join(text[match.end():].split()).lower()
    multiplier = MONEY_UNITS.get(rest)
    value, precision = _number(match.group())
    if multiplier is None:
        return value, precision, None
    return _round(value * multiplier), _round(precision * multiplier), multiplier


def parse_count(text: str, kind: str) -> tuple[float, float, float | None] | None:
    """'12.6 FTE' → (12.6, 0.1, 1.0); 'Headcount 25' → (25.0, 1.0, 1.0)."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    value, precision = _number(match.group())
    return value, precision, 1.0


def _number(printed: str) -> tuple[float, float]:
    negative = printed[0] in _MINUS
    digits = printed.lstrip(_MINUS).replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = float(digits)
    return (-value if negative else value), _round(10.0 ** -decimals)


def _round(number: float) -> float:
    return float(f"{number:.10g}")


def infer_money_units(found: Iterable[Found]) -> list[tuple[Found, bool]]:
    """Give unitless amounts like '£0.05' the unit their neighbours print ('£0.71M').

    Councils drop the 'm' in a cramped cell; read literally, '£0.05' beside '£0.79M'
    would be five pence and every sum through it a false alarm. Only amounts with a
    decimal point below 100 are scaled, and only when every unit printed nearby is
    the same; each is marked unit_inferred.
    """
    found = list(found)
    units = {f.unit for f in found if f.kind == "money" and f.has_unit}
    result = []
    for f in found:
        if f.kind == "money" and not f.has_unit and len(units) == 1 and "." in f.text:
            (unit,) = units
            if abs(f.value) < 100:
                f = replace(f, value=_round(f.value * unit), precision=_round(f.precision * unit),
                            unit=unit)
                result.append((f, True))
                continue
        result.append((f, False))
    return result
