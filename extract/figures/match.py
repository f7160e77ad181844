"""Figures: matched spans → normalised values with precision and provenance."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from extract.figures.patterns import LABEL_KIND, MONEY_UNITS
from extract.models import Figure, FigureKind
from extract.read.text import BBox, TextRun

_NUMBER = re.compile(r"[-−–]?\d[\d,]*(?:\.\d+)?")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$")
_MINUS = "-−–"


@dataclass(frozen=True)
class Found:
    """A figure found in a TextRun: where it is in the run and on the page."""

    kind: FigureKind
    value: float | None  # None: printed ambiguously ("£339,64"), kept as printed
    text: str
    precision: float
    start: int
    end: int
    page: int
    bbox: BBox
    unit: float = 1.0  # what the printed unit multiplies by (1e6 for 'm')
    has_unit: bool = True
    unit_from_range: bool = False  # "£2" of "£2-3m": the unit printed after the range

    def to_model(self, label: str | None = None, **changes) -> Figure:
        if self.unit_from_range:
            changes.setdefault("unit_inferred", True)
        return Figure(
            kind=self.kind, value=self.value, text=self.text, precision=self.precision,
            page=self.page, bbox=self.bbox, label=label or None, **changes,
        )


def find_in_runs(runs: Sequence[TextRun], ambiguous: bool = False) -> list[list[Found]]:
    """Every figure in each run, in reading order (one nlp.pipe call for all runs).

    `ambiguous`: also figures whose value cannot be read ("£339,64"), with value None. Only
    the pack's list of figures takes them; cards, tables and statements compute with
    values, so by default they are left out."""
    from extract.figures.nlp import SPANS_KEY, pipeline

    results: list[list[Found]] = []
    for run, doc in zip(runs, pipeline().pipe(run.text for run in runs), strict=True):
        spans = _claim(doc.spans[SPANS_KEY])
        found = [f for span in spans for f in _from_span(run, span) if ambiguous or f.value is not None]
        results.append(sorted(found, key=lambda f: f.start))
    return results


# Which matches win an overlap: a headcount keeps its number ('Headcount 18' before
# 'FTE 13.03' must not become '18 FTE'); then a figure printed on one line over one whose
# number wrapped away from its unit ('167' / 'FTE – 109.34': the FTE is 109.34, not 167);
# then the longest match; then the earliest.
_PRIORITY = {"HEADCOUNT": 0, "MONEY_RANGE": 1, "MONEY": 1, "FTE": 1}


def _wrapped_from_unit(span) -> bool:
    """A number and the unit after it on different lines ('167' / 'FTE')."""
    return span.label_ == "FTE" and any(t.is_space and "\n" in t.text for t in span)


def _claim(spans) -> list:
    taken: set[int] = set()
    kept = []
    for span in sorted(spans, key=lambda s: (_PRIORITY[s.label_], _wrapped_from_unit(s), -len(s), s.start)):
        tokens = set(range(span.start, span.end))
        if not tokens & taken:
            kept.append(span)
            taken |= tokens
    return sorted(kept, key=lambda s: s.start)


def find_in_run(run: TextRun) -> list[Found]:
    return find_in_runs([run])[0]


def _from_span(run: TextRun, span) -> list[Found]:
    kind = LABEL_KIND[span.label_]
    if span.label_ == "MONEY_RANGE":
        return _range(run, span)
    start, end = span.start_char, span.end_char
    if kind == "money":
        end -= _trailing_stop(span)
        start -= _minus_before(run.text, start)
        glued = _GLUED.match(run.text, end)
        if glued and not _is_a_word(glued.group()):
            # "£314.3bin": letters touching the amount that are neither a unit nor a word
            # (a misprinted "bn"?). Read as pounds it could be a billion times too small.
            found = _found(run, kind, start, glued.end())
            return [replace(found, value=None)] if found is not None else []
    found = _found(run, kind, start, end)
    return [found] if found is not None else []


_GLUED = re.compile(r"[^\W\d_]+")


def _is_a_word(letters: str) -> bool:
    """Letters glued after an amount that may be read past: a word ('£100,000budget'),
    or 'p' ('£6,079.51p')."""
    from extract.read.quality import known_words

    lower = letters.lower()
    return lower == "p" or lower in known_words()


def _found(run: TextRun, kind: FigureKind, start: int, end: int, unit_from: str | None = None) -> Found | None:
    text = " ".join(run.text[start:end].split())  # as printed, a wrapped line folded to one space
    parsed = parse_money(text + (unit_from or "")) if kind == "money" else parse_count(text, kind)
    if parsed is None:
        return None
    value, precision, unit = parsed
    page, bbox = run.locate(start, end)
    return Found(kind, value, text, precision, start, end, page, bbox, unit or 1.0, unit is not None,
                 unit_from is not None)


def _range(run: TextRun, span) -> list[Found]:
    """'£2-3m' → £2m and £3m: the first number takes the unit printed after the second."""
    numbers = [t for t in span if t.text[:1].isdigit()]
    first, second = numbers[0], numbers[-1]
    unit = span[-1].text.rstrip(".")
    end = span.end_char - _trailing_stop(span)
    low = _found(run, "money", span.start_char - _minus_before(run.text, span.start_char),
                 first.idx + len(first.text), unit_from=" " + unit)
    high_start = second.idx - 1 if run.text[second.idx - 1:second.idx] == "£" else second.idx
    high = _found(run, "money", high_start, end)
    return [f for f in (low, high) if f is not None]


def _trailing_stop(span) -> int:
    """1 when the span ends in a unit with its sentence's full stop ('m.'), else 0."""
    last = span[-1].text
    return 1 if len(last) > 1 and last.endswith(".") and last[:-1].lower() in MONEY_UNITS else 0


def _minus_before(text: str, start: int) -> int:
    """How many characters before the £ belong to the figure as its minus sign: 1 when a
    minus touches the £ and stands at the start of a word ('-£25.00'), not the dash of a
    range ('£1.3m–£1.5m'); more when the sign stands apart from the amount (_standing_minus)."""
    if start < 1:
        return 0
    if text[start - 1] not in _MINUS:
        return _standing_minus(text, start)
    return 1 if start == 1 or text[start - 2].isspace() or text[start - 2] in "([" else 0


# A dash standing as a word of its own just before an amount, a space or a line break between
# them ('a credit of - £40.00', 'The refund of -' / '£25.00'). One rule whichever way the line
# broke, so both readers and every line width give one value. Such a dash is usually a
# separator: it closes a label ('Trinity - £2,500', 'Grant - £450 was available'), joins a
# range ('2019 - £40', '£250k - £450k') or opens a list item ('- £25 for ...'); then the amount
# stays as printed, positive. It is the amount's sign only where it cannot be a separator: the
# word before it cannot end a phrase, it needs what follows (a preposition, a form of 'be', a
# conjunction, a verb taking an amount), so the dash cannot close a label or a range. Only a
# hyphen-minus or a minus sign: Word turns a spaced hyphen into an en dash, the separator
# ('The refund of –' / '£25.00' stays positive).
STANDING_SIGNS = "-−"
LEADS_INTO_AMOUNT = frozenset({
    "of", "by", "to", "from", "at", "is", "was", "were", "be", "been", "are", "and", "or", "with",
    "than", "as", "totalling", "totaling", "totalled", "totaled", "stood", "showing", "shows", "showed",
})
_STANDING_SIGN = re.compile(r"(?:^|(?<=\s))(\S+)[ \t]+([" + STANDING_SIGNS + r"])\s+$")


def _standing_minus(text: str, start: int) -> int:
    match = _STANDING_SIGN.search(text, max(0, start - 60), start)
    if match is None or match.group(1).lower() not in LEADS_INTO_AMOUNT:
        return 0
    return start - match.start(2)


def parse_money(text: str) -> tuple[float | None, float, float | None] | None:
    """'£0.82M' → (820000.0, 10000.0, 1e6); '£0.05' → (0.05, 0.01, None): value, precision,
    unit. '-£25.00' → -25.0. '£339,64' → (None, 1.0, None): the commas are not thousands
    separators, so the value cannot be known."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    rest = " ".join(text[match.end():].split()).lower().rstrip(".")
    multiplier = MONEY_UNITS.get(rest)
    printed = match.group()
    if not _THOUSANDS.match(printed.lstrip(_MINUS)):
        return None, 1.0, multiplier
    value, precision = _number(printed)
    if text[:1] in _MINUS and value > 0:
        value = -value
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
        if f.kind == "money" and not f.has_unit and len(units) == 1 and "." in f.text and f.value is not None:
            (unit,) = units
            if abs(f.value) < 100:
                f = replace(f, value=_round(f.value * unit), precision=_round(f.precision * unit),
                            unit=unit)
                result.append((f, True))
                continue
        result.append((f, False))
    return result
