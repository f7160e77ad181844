"""The report's own arithmetic, and its totals against the appendices."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from extract.checks.parts_read import cards_in_doubt, in_doubt, parts_in_doubt
from extract.checks.relation import Term, minus, plus, relation
from extract.checks.tables import ESTABLISHMENT, column_by_heading, is_total_label
from extract.models import Extraction, Figure, Relation, Statement

_SENTENCE_END = re.compile(r"(?<=[.;])\s+(?=[A-Z•(])")

# Phrases that name a figure in a report, as (role, pattern on the words before it).
ROLE_BEFORE = {
    "establishment": re.compile(r"establishment\b[^.]*$", re.I),
    "reduction_of": re.compile(r"reduction\s+of\s*$", re.I),
    "additional": re.compile(r"additional\s*$", re.I),
    "cost": re.compile(r"\b(total\s+)?cost\s+of\s+(these|the)\s+services\s+is\s*$", re.I),
    "gross_savings": re.compile(r"gross\s+savings\s+of\s*$", re.I),
}

# Words between a total and its bracketed parts that say the parts make the total.
COMPOSITION_CUE = re.compile(
    r"\b(funded\s+(by|from)|achieved\s+(through|by)|made\s+up\s+of|compris(ing|es|ed\s+of)|"
    r"consist(ing|s)\s+of|split\s+(between|into|as)|broken\s+down|as\s+follows)\b",
    re.I,
)

# How the parts of the gross savings map to Appendix B breakdown labels.
SAVINGS_CATEGORIES: list[tuple[re.Pattern, re.Pattern]] = [
    (re.compile(r"\bposts?\b|\bstaff", re.I), re.compile(r"^(?!non).*\bstaff", re.I)),
    (re.compile(r"\bincome\b|\btrading\b", re.I), re.compile(r"trading|income", re.I)),
    (re.compile(r"commissioning", re.I), re.compile(r"commissioning", re.I)),
]


@dataclass(frozen=True)
class Placed:
    figure: Figure
    start: int
    end: int
    sentence: int


def place_figures(statement: Statement) -> list[Placed]:
    """Where each of the statement's figures is printed in its text, and in which sentence."""
    text = statement.text
    sentence_starts = _sentence_starts(text)
    placed, cursor = [], 0
    for figure in statement.figures:
        start = text.find(figure.text, cursor)
        if start < 0:
            continue
        cursor = start + len(figure.text)
        sentence = bisect_right(sentence_starts, start) - 1
        placed.append(Placed(figure, start, cursor, sentence))
    return placed


ROLE_REACH = 1000  # characters before a figure searched for its role: a long sentence, and a bound


def role_of(statement: Statement, placed: Placed) -> str | None:
    starts = _sentence_starts(statement.text)
    sentence_start = starts[bisect_right(starts, placed.start) - 1]
    before = statement.text[max(sentence_start, placed.start - ROLE_REACH):placed.start]
    for role, pattern in ROLE_BEFORE.items():
        if pattern.search(before):
            return role
    return None


# The report's relations: what each rule relates and what a difference means. Their inputs
# are found in the prose (a figure's role in its sentence), so each has a small finder below.
REPORT_RELATIONS: dict[str, str] = {
    "report.stated_parts": "the bracketed parts do not sum to the stated total",
    "report.fte_reduction": "the stated reduction is not the establishment minus the model",
    "report.fte_additional": "the stated additional FTE is not the difference between the two models",
    "report.establishment_vs_cards":
        "the stated staffing establishment is not the sum of the service cards' current FTE",
    "report.establishment_vs_summary_table":
        "the stated staffing establishment is not the total establishment of the staffing summary table (page {page})",
    "report.cost_vs_cards": "the stated cost is not the sum of the service cards' current budgets",
    "report.gross_savings_vs_appendix_b":
        "the stated gross savings are not the sum of Appendix B's post-consultation savings",
    "report.savings_split_vs_appendix_b":
        "'{label}' is not the sum of the matching Appendix B post-consultation savings",
}


def _relation(check: str, statement: Statement, terms: Sequence[Term], stated: Figure,
              **named: object) -> Relation | None:
    meaning = REPORT_RELATIONS[check].format(**named) if named else REPORT_RELATIONS[check]
    return relation(check, statement.subject, terms, stated, meaning, section=statement.section)
@lru_cache(maxsize=32)
def _sentence_starts(text: str) -> tuple[int, ...]:
    """0 and where each sentence after the first starts: found once per text, not per figure."""
    return (0, *(m.end() for m in _SENTENCE_END.finditer(text)))


def _last_char_before(text: str, index: int) -> tuple[str, int]:
    """The last non-space character before index, and its position ('' and -1 when none).
    Walks back over spaces only, so the work is bounded by the gap, not the text."""
    i = index - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return (text[i], i) if i >= 0 else ("", -1)


def _first_char_from(text: str, index: int) -> str:
    i = index
    while i < len(text) and text[i].isspace():
        i += 1
    return text[i] if i < len(text) else ""


# --- the report's own arithmetic -----------------------------------------------------

def stated_parts(extraction: Extraction) -> Iterator[Relation | None]:
    """'£19.8m funded by A (£10.8m), B (£0.9m) ...': a total and its bracketed parts."""
    for statement in extraction.statements:
        placed = place_figures(statement)
        for total, parts in _totals_with_bracketed_parts(statement.text, placed):
            yield _relation("report.stated_parts", statement, plus(*[p.figure for p in parts]), total.figure)


def _totals_with_bracketed_parts(text: str, placed: Sequence[Placed]) -> Iterator[tuple[Placed, list[Placed]]]:
    """A total followed, in its sentence, by words that say it is made of parts
    ('funded by', 'achieved through') and two or more bracketed amounts."""
    for i, total in enumerate(placed):
        if total.figure.kind != "money" or _bracketed(text, total):
            continue
        parts = []
        for j in range(i + 1, len(placed)):  # not placed[i + 1:]: a copy per figure is quadratic
            later = placed[j]
            if later.sentence != total.sentence or not _bracketed(text, later):
                break
            parts.append(later)
        if len(parts) >= 2 and COMPOSITION_CUE.search(text[total.end:parts[0].start]) and not any(
            _percent_before_bracket(text, p) for p in parts
        ):
            yield total, parts


def _percent_before_bracket(text: str, placed: Placed) -> bool:
    """'... 40% (£2m)': the character before the part's opening bracket is a percent sign."""
    _, bracket = _last_char_before(text, placed.start)
    return bracket >= 0 and _last_char_before(text, bracket)[0] == "%"


def _bracketed(text: str, placed: Placed) -> bool:
    return _last_char_before(text, placed.start)[0] == "(" and _first_char_from(text, placed.end) == ")"


def fte_arithmetic(extraction: Extraction) -> Iterator[Relation | None]:
    """'establishment is 246.44 FTE. The model ... is 194.67 FTE. This is a reduction of 51.77 FTE'."""
    for statement in extraction.statements:
        placed = [p for p in place_figures(statement) if p.figure.kind == "fte"]
        roles = [role_of(statement, p) for p in placed]
        establishment = next((p for p, r in zip(placed, roles, strict=True) if r == "establishment"), None)
        models = [p for p, r in zip(placed, roles, strict=True) if r is None]
        model_starts = [m.start for m in models]  # in order: the last model before a figure by bisection
        for p, role in zip(placed, roles, strict=True):
            if role == "reduction_of" and establishment is not None:
                before = bisect_left(model_starts, p.start)
                model = models[before - 1] if before else None
                if model is not None:
                    yield _relation("report.fte_reduction", statement,
                                    [plus(establishment.figure)[0], minus(model.figure)], p.figure)
            if role == "additional" and len(models) >= 2:
                first, second = models[0], models[1]
                yield _relation("report.fte_additional", statement,
                                [plus(first.figure)[0], minus(second.figure)], p.figure)


# --- report totals against the appendices --------------------------------------------

def report_against_appendices(extraction: Extraction) -> Iterator[Relation | None]:
    cards = extraction.service_cards
    card_fte = [c.staffing.current_fte for c in cards if c.staffing.current_fte]
    card_budget = [c.budget.current for c in cards if c.budget.current]
    summary_establishment = staffing_summary_establishment(extraction)
    # A card lost or misread makes the cards' sum short: the relation is then in doubt (parts_read.py)
    fte_doubt = cards_in_doubt(extraction, lambda c: c.staffing.current_fte, "current FTE")
    budget_doubt = cards_in_doubt(extraction, lambda c: c.budget.current, "current budget")
    for statement in extraction.statements:
        if not statement.subject.startswith("Report"):
            continue
        placed = place_figures(statement)
        groups: dict[int, list] | None = None  # bracketed totals by sentence, found once per statement
        for p in placed:
            role = role_of(statement, p)
            if role == "establishment" and len(card_fte) >= 2:
                yield in_doubt(_relation("report.establishment_vs_cards", statement, plus(*card_fte), p.figure),
                               fte_doubt)
            if role == "establishment" and summary_establishment is not None:
                yield _relation("report.establishment_vs_summary_table", statement, plus(summary_establishment),
                                p.figure, page=summary_establishment.page)
            elif role == "cost" and len(card_budget) >= 2:
                yield in_doubt(_relation("report.cost_vs_cards", statement, plus(*card_budget), p.figure),
                               budget_doubt)
            elif role == "gross_savings":
                if groups is None:
                    groups = {}
                    for total, parts in _totals_with_bracketed_parts(statement.text, placed):
                        groups.setdefault(parts[0].sentence, []).append((total, parts))
                yield from _gross_savings(extraction, statement, p, groups.get(p.sentence, []))


def staffing_summary_establishment(extraction: Extraction) -> Figure | None:
    """The 'Total' row's establishment (FTE) in a staffing summary table, if the pack has one."""
    for table in extraction.tables:
        column = column_by_heading(table, ESTABLISHMENT)
        total = next((r for r in table.rows if is_total_label(r.label)), None)
        cell = total.cells[column] if column is not None and total and column < len(total.cells) else None
        if cell is not None and cell.kind == "fte":
            return cell
    return None


def _gross_savings(extraction: Extraction, statement: Statement, total: Placed,
                   in_its_sentence: Sequence[tuple[Placed, list[Placed]]]) -> Iterator[Relation | None]:
    post = [t.post_consultation for t in extraction.financial_tables]
    savings = [f.saving for f in post if f.saving]
    doubt = parts_in_doubt(extraction, savings, [t.page for t in extraction.financial_tables], "savings tables")
    if len(savings) >= 2:
        yield in_doubt(_relation("report.gross_savings_vs_appendix_b", statement, plus(*savings), total.figure),
                       doubt)
    breakdown = [item for f in post for item in f.breakdown]
    for _, parts in in_its_sentence:  # bracketed parts whose first part is in the total's sentence
        previous_end = total.end
        for part in parts:
            label = statement.text[previous_end:part.start]
            previous_end = part.end
            matching = _category_items(label, breakdown)
            if matching:
                yield in_doubt(_relation("report.savings_split_vs_appendix_b", statement, plus(*matching),
                                         part.figure, label=_words(label)), doubt)


def _category_items(label: str, breakdown: Sequence[Figure]) -> list[Figure]:
    for in_report, in_appendix in SAVINGS_CATEGORIES:
        if in_report.search(label):
            return [f for f in breakdown if f.label and in_appendix.search(f.label)]
    return []


def _words(text: str) -> str:
    return " ".join(text.replace("(", " ").replace(")", " ").split()).strip(" ,.") or "part"


REPORT_CHECKS = [stated_parts, fte_arithmetic, report_against_appendices]
