"""Arithmetic inside one service card (Appendix A)."""
from __future__ import annotations

import re

from extract.checks.rules import Notes, Rule
from extract.models import ServiceCard

NEW_POSTS = re.compile(r"new\s+posts?\s*x\s*(\d+)", re.I)

# Card notes that may explain a staffing difference, and how to say so.
STAFFING_EXPLANATIONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"new posts?\s*x\s*\d+|new posts?", re.I), "new posts"),
    (re.compile(r"vacanc", re.I), "vacancies"),
    (re.compile(r"casual", re.I), "casual staff"),
]


def staffing_notes(card: ServiceCard) -> Notes:
    """A card's staffing notes may explain a difference ('inc new posts x 2': exactly)."""
    s = card.staffing
    return Notes(
        qualifier=" (definite plus potential)" if len(s.reductions) > 1 else "",
        explanation=staffing_explanation(s.notes),
        explains=lambda difference, tolerance: _new_posts_account_for(s.notes, difference, tolerance),
    )


# The arithmetic a service card states. Findings are listed rule by rule, in this order.
CARD_RULES = [
    Rule("card.saving", ("budget.current", "-budget.proposed"), "budget.saving",
         "saving is not current budget minus proposed cost"),
    Rule("card.savings_breakdown", ("budget.savings_breakdown",), "budget.saving",
         "the savings breakdown does not sum to the saving"),
    Rule("card.current_parts", ("budget.current_parts",), "budget.current",
         "the stated parts do not sum to the current budget", min_parts=2),
    Rule("card.staffing_reduction", ("staffing.current_fte", "-staffing.proposed_fte"), "staffing.reductions",
         "current FTE minus proposed FTE is not the stated reduction", notes=staffing_notes),
]


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


