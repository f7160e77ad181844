"""The consistency pass: every rule is a small pure function returning Findings.

Rules never edit what they read. The registry below is the list of what is checked;
see README "Consistency checks" for the rounding policy.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Optional

from extract.models import Extraction, Finding


def run_checks(extraction: Extraction) -> list[Finding]:
    from extract.checks.appendix import EXTRACTION_CHECKS as APPENDIX_EXTRACTION_CHECKS
    from extract.checks.appendix import TABLE_CHECKS
    from extract.checks.cards import CARD_CHECKS
    from extract.checks.ocr import weigh_ocr_evidence
    from extract.checks.report import REPORT_CHECKS
    from extract.checks.tables import NUMERIC_TABLE_CHECKS, POST_LIST_CHECKS

    findings: list[Finding | None] = []
    for check in CARD_CHECKS:
        findings += _each(check, extraction.service_cards)
    for check in TABLE_CHECKS:
        findings += _each(check, extraction.financial_tables)
    for check in NUMERIC_TABLE_CHECKS:
        findings += _each(check, extraction.tables)
    for check in POST_LIST_CHECKS:
        findings += _each(check, extraction.post_lists)
    for check in APPENDIX_EXTRACTION_CHECKS + REPORT_CHECKS:
        findings += list(check(extraction))
    return weigh_ocr_evidence([f for f in findings if f is not None])


def _each(check: Callable, items: Iterable) -> list[Finding | None]:
    return [finding for item in items for finding in check(item)]
