"""Arithmetic inside one service card (Appendix A)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from extract.checks.relation import minus, plus, relation
from extract.models import Finding, ServiceCard

NEW_POSTS = re.compile(r"new\s+posts?\s*x\s*(\d+)", re.I)

# Card notes that may explain a staffing difference, and how to say so.
STAFFING_EXPLANATIONS: list[tuple[re.Pattern, str]] = [
    (re.compile(r"new posts?\s*x\s*\d+|new posts?", re.I), "new posts"),
    (re.compile(r"vacanc", re.I), "vacancies"),
    (re.compile(r"casual", re.I), "casual staff"),
]


def card_saving(card: ServiceCard) -> Iterator[Finding]:
    b = card.budget
    if b.current and b.proposed and b.saving:
        yield relation("card.saving", card.service, [plus(b.current)[0], minus(b.proposed)], b.saving,
                       "saving is not current budget minus proposed cost")


def card_savings_breakdown(card: ServiceCard) -> Iterator[Finding]:
    b = card.budget
    if b.saving and b.savings_breakdown:
        yield relation("card.savings_breakdown", card.service, plus(*b.savings_breakdown), b.saving,
                       "the savings breakdown does not sum to the saving")


def card_current_parts(card: ServiceCard) -> Iterator[Finding]:
    b = card.budget
    if b.current and len(b.current_parts) >= 2:
        yield relation("card.current_parts", card.service, plus(*b.current_parts), b.current,
                       "the stated parts do not sum to the current budget")


def card_staffing_reduction(card: ServiceCard) -> Iterator[Finding]:
    s = card.staffing
    if not (s.current_fte and s.proposed_fte and s.reductions):
        return
    yield relation(
        "card.staffing_reduction", card.service, [plus(s.current_fte)[0], minus(s.proposed_fte)],
        s.reductions,
        "current FTE minus proposed FTE is not the stated reduction"
        + (" (definite plus potential)" if len(s.reductions) > 1 else ""),
        explanation=staffing_explanation(s.notes),
        explains=lambda difference, tolerance: _new_posts_account_for(s.notes, difference, tolerance),
    )


def _new_posts_account_for(notes: list[str], difference: float, tolerance: float) -> bool:
    """'4.0FTE (inc new posts x 2)': the proposed FTE includes N new full-time posts, so the
    reduction of existing posts is larger by N; a difference of exactly N is explained."""
    for note in notes:
        match = NEW_POSTS.search(note)
        if match and abs(abs(difference) - int(match.group(1))) <= tolerance:
            return True
    return False


def staffing_explanation(notes: list[str]) -> str | None:
    cited = [note for note in notes if any(p.search(note) for p, _ in STAFFING_EXPLANATIONS)]
    if not cited:
        return None
    quoted = "; ".join(f"'{n}'" for n in cited)
    return f"The card itself notes {quoted}, which may explain the difference."


CARD_CHECKS = [card_saving, card_savings_breakdown, card_current_parts, card_staffing_reduction]
