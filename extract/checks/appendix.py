"""Appendix B tables: their own arithmetic, and each service against its Appendix A card."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from extract.checks.relation import minus, plus, relation
from extract.models import Extraction, FinancialTable, Finding, Forecast, ServiceCard

_STOP_WORDS = {"service", "services", "team", "the", "and", "of", "for"}


def table_forecasts(table: FinancialTable) -> Iterator[Finding]:
    for stage, forecast in (("pre-consultation", table.pre_consultation), ("post-consultation", table.post_consultation)):
        yield from _forecast(table, stage, forecast)
    if table.current and len(table.current_parts) >= 2:
        yield relation("appendix_b.current_parts", table.service, plus(*table.current_parts), table.current,
                       "the stated parts do not sum to the current budget (Appendix B)")


def _forecast(table: FinancialTable, stage: str, forecast: Forecast) -> Iterator[Finding]:
    check = "appendix_b." + stage.split("-")[0]
    if table.current and forecast.cost and forecast.saving:
        yield relation(f"{check}_saving", table.service, [plus(table.current)[0], minus(forecast.cost)],
                       forecast.saving, f"{stage} saving is not current budget minus forecast cost (Appendix B)")
    if forecast.saving and forecast.breakdown:
        yield relation(f"{check}_breakdown", table.service, plus(*forecast.breakdown), forecast.saving,
                       f"the {stage} breakdown does not sum to the saving (Appendix B)")


def cards_against_tables(extraction: Extraction) -> Iterator[Finding]:
    """Appendix A's current budget, proposed cost and saving against Appendix B's
    current budget and pre-consultation forecast for the same service."""
    for card, table in match_cards_to_tables(extraction.service_cards, extraction.financial_tables):
        pairs = (
            ("current budget", card.budget.current, table.current),
            ("proposed cost (pre-consultation forecast)", card.budget.proposed, table.pre_consultation.cost),
            ("saving (pre-consultation)", card.budget.saving, table.pre_consultation.saving),
        )
        for what, in_card, in_table in pairs:
            if in_card and in_table:
                yield relation("appendices.card_vs_table", card.service, plus(in_card), in_table,
                               f"Appendix A {what} differs from Appendix B ('{table.service}')")


def match_cards_to_tables(
    cards: Sequence[ServiceCard], tables: Sequence[FinancialTable]
) -> list[tuple[ServiceCard, FinancialTable]]:
    """Pair each table with its card: same name, one name inside the other, or failing
    those the one card with the same current budget and some words in common."""
    pairs, free = [], list(cards)
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


TABLE_CHECKS = [table_forecasts]
EXTRACTION_CHECKS = [cards_against_tables]
