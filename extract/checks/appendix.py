"""Appendix B tables: their own arithmetic, and each service against its Appendix A card."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extract.checks.rules import Rule
from extract.models import Extraction, FinancialTable, ServiceCard

_STOP_WORDS = {"service", "services", "team", "the", "and", "of", "for"}


def _forecast_rules(stage: str) -> list[Rule]:
    field, check = stage.replace("-", "_"), "appendix_b." + stage.split("-")[0]
    return [
        Rule(f"{check}_saving", ("current", f"-{field}.cost"), f"{field}.saving",
             f"{stage} saving is not current budget minus forecast cost (Appendix B)"),
        Rule(f"{check}_breakdown", (f"{field}.breakdown",), f"{field}.saving",
             f"the {stage} breakdown does not sum to the saving (Appendix B)"),
    ]


# An Appendix B table's own arithmetic. Findings are listed table by table, in this order.
APPENDIX_B_RULES = [
    *_forecast_rules("pre-consultation"),
    *_forecast_rules("post-consultation"),
    Rule("appendix_b.current_parts", ("current_parts",), "current",
         "the stated parts do not sum to the current budget (Appendix B)", min_parts=2),
]


@dataclass(frozen=True)
class CardAndTable:
    """A service's Appendix A card and its Appendix B table."""

    card: ServiceCard
    table: FinancialTable


def _card_rule(what: str, in_card: str, in_table: str) -> Rule:
    return Rule("appendices.card_vs_table", (f"card.{in_card}",), f"table.{in_table}",
                f"Appendix A {what} differs from Appendix B ('{{table.service}}')",
                subject="card.service", structure="card.id")


# Appendix A's current budget, proposed cost and saving against Appendix B's current budget
# and pre-consultation forecast for the same service. Listed service by service.
CARD_VS_TABLE_RULES = [
    _card_rule("current budget", "budget.current", "current"),
    _card_rule("proposed cost (pre-consultation forecast)", "budget.proposed", "pre_consultation.cost"),
    _card_rule("saving (pre-consultation)", "budget.saving", "pre_consultation.saving"),
]


def cards_and_tables(extraction: Extraction) -> list[CardAndTable]:
    return [CardAndTable(card, table)
            for card, table in match_cards_to_tables(extraction.service_cards, extraction.financial_tables)]


def match_cards_to_tables(
    cards: Sequence[ServiceCard], tables: Sequence[FinancialTable]
) -> list[tuple[ServiceCard, FinancialTable]]:
    """Pair each table with its card: same name, one name inside the other, or failing
    those the one card with the same current budget and some words in common."""
    pairs: list[tuple[ServiceCard, FinancialTable]] = []
    free = list(cards)
    for table in tables:
        card = _by_name(table, free) or _by_budget(table, free)
        if card is not None:
            pairs.append((card, table))
            free.remove(card)
    return pairs


def _words(name: str) -> set[str]:
    name = re.sub(r"\(.*?\)", " ", name.lower())
    return {w for w in re.findall(r"[a-z]+", name) if w not in _STOP_WORDS}


def _by_name(table: FinancialTable, cards: Sequence[ServiceCard]) -> ServiceCard | None:
    words = _words(table.service)
    exact = [c for c in cards if _words(c.service) == words]
    if exact:
        return exact[0]
    nested = [c for c in cards if words and (words <= _words(c.service) or _words(c.service) <= words)]
    return nested[0] if len(nested) == 1 else None


def _by_budget(table: FinancialTable, cards: Sequence[ServiceCard]) -> ServiceCard | None:
    if table.current is None:
        return None
    same = [c for c in cards if c.budget.current and c.budget.current.value is not None
            and table.current.value is not None and abs(c.budget.current.value - table.current.value) < 1.0]
    stems = {w[:6] for w in _words(table.service)}
    related = [c for c in same if stems & {w[:6] for w in _words(c.service)}]
    return related[0] if len(related) == 1 else None


