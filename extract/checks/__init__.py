"""The consistency pass: every relation between printed figures, evaluated and recorded.

Rules never edit what they read. Each returns `Relation`s (relation.py); the registry below
is the one list of what is checked, in the order findings are published. A relation that
does not agree exactly raises a Finding (see README "Consistency checks" for the rounding
policy); every relation, finding or not, is kept for `relations[]`.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from extract.checks.agenda import AGENDA_CHECKS
from extract.checks.appendix import APPENDIX_B_RULES, CARD_VS_TABLE_RULES, cards_and_tables
from extract.checks.cards import CARD_RULES
from extract.checks.figures import FIGURE_CHECKS
from extract.checks.ocr import weigh_ocr_evidence
from extract.checks.pages import PAGE_CHECKS
from extract.checks.proof import proven
from extract.checks.prose import stated_bank_reconciliations
from extract.checks.report import REPORT_CHECKS
from extract.checks.rules import Pass
from extract.checks.tables import NUMERIC_TABLE_CHECKS, POST_LIST_CHECKS
from extract.checks.years import opening_balances_across_tables
from extract.models import Extraction, Finding, NumericTable, Relation

REGISTRY: list[Pass] = [
    Pass(lambda x: x.service_cards, CARD_RULES),
    Pass(lambda x: x.financial_tables, APPENDIX_B_RULES, by="item"),
    Pass(lambda x: x.tables, NUMERIC_TABLE_CHECKS),
    Pass(lambda x: [x], [opening_balances_across_tables]),
    Pass(lambda x: x.post_lists, POST_LIST_CHECKS),
    Pass(cards_and_tables, CARD_VS_TABLE_RULES, by="item"),
    Pass(lambda x: [x], REPORT_CHECKS),
    Pass(lambda x: [x], [stated_bank_reconciliations]),
]
# Observations that relate no figures (a figure printed ambiguously, a page read in doubt, an
# agenda item whose report is not where the agenda says): findings, no relation.
OBSERVATIONS = [*FIGURE_CHECKS, *PAGE_CHECKS, *AGENDA_CHECKS]


@dataclass(frozen=True)
class Checked:
    findings: list[Finding]
    relations: list[Relation]


def check(extraction: Extraction, registry: Sequence[Pass] = REGISTRY) -> Checked:
    """Every relation the registry evaluates, each linked to the finding it raised."""
    evaluated = [r for stage in registry for r in stage.run(extraction)]
    # A table's disagreement is an alarm only where its other relations prove the reading.
    evaluated = proven(evaluated, extraction.tables)
    findings: list[Finding] = []
    relations: list[Relation] = []
    for checked in evaluated:
        raised = checked.raised
        if raised is not None:
            checked = checked.model_copy(update={"finding": len(findings)})
            findings.append(raised)
        relations.append(checked)
    for observe in OBSERVATIONS:
        findings.extend(observe(extraction))
    # A finding resting on figures read by OCR says so (and an unsure reading is information):
    # same findings, same order, so the relations' links still hold.
    return Checked(weigh_ocr_evidence(findings), relations)


def run_checks(extraction: Extraction) -> list[Finding]:
    return check(extraction).findings


def with_checks(extraction: Extraction) -> Extraction:
    """The extraction with its findings and relations (re)computed, and each table's reading
    with the relations that confirmed it."""
    checked = check(extraction)
    tables = [confirmed(table, checked.relations) for table in extraction.tables]
    return extraction.model_copy(update={"findings": checked.findings, "relations": checked.relations,
                                         "tables": tables})


def confirmed(table: NumericTable, relations: Sequence[Relation]) -> NumericTable:
    """The table, its reading's `confirmed_by` naming each kind of relation that holds on it
    ('table.total_row ×12'). An agreement under a reading in doubt (it has a reason) proves
    nothing and is not counted."""
    kinds = Counter(r.check for r in relations
                    if r.structure == table.id and r.outcome in ("agrees", "within_rounding") and r.reason is None)
    named = [f"{kind} ×{count}" for kind, count in sorted(kinds.items())]
    if named == table.reading.confirmed_by:
        return table
    reading = table.reading.model_copy(update={"confirmed_by": named})
    return table.model_copy(update={"reading": reading})


def tally(relations: Sequence[Relation]) -> tuple[int, int, int, int]:
    """(checked, agree, within rounding, disagree); the rest of those checked are unsure."""
    outcomes = [r.outcome for r in relations]
    return (len(outcomes), outcomes.count("agrees"), outcomes.count("within_rounding"), outcomes.count("disagrees"))


def tally_line(relations: Sequence[Relation]) -> str:
    return say_tally(*tally(relations))


def say_tally(checked: int, agree: int, within: int, disagree: int) -> str:
    line = f"{checked} totals checked: {agree} agree, {within} within rounding, {disagree} disagree"
    unsure = checked - agree - within - disagree
    return f"{line}, {unsure} unsure (reading in doubt)" if unsure else line
