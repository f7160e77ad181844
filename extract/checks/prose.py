"""A bank reconciliation told in a sentence, as parish minutes report the budget each month:

    "The Bank Statement dated 1st February 2019 gave a credit balance of £12,462.62. One
    cheque to the value of £315.00 had not been presented giving an actual total of
    £12,147.62."

The statement's balance, less the cheques not yet presented (plus any receipts not yet
banked), is the actual balance the sentence ends with. The three figures are found in that
order in one paragraph (STATED_RECONCILIATION, as data); a paragraph that says it otherwise
is not read.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extract.checks.relation import Term, relation
from extract.models import Extraction, Figure, Relation, Statement

AMOUNT = r"(?P<{}>£\s?[\d,]+(?:\.\d+)?)"
STATED_RECONCILIATION = re.compile(
    r"balance\s+of\s+" + AMOUNT.format("statement") + r"[^£]{0,120}?"
    r"(?:cheques?|payments?|items?)\s+(?:to\s+the\s+(?:value|total)\s+of|of|totalling|for)\s+"
    + AMOUNT.format("unpresented") + r"[^£]{0,60}?(?:not\s+(?:yet\s+)?(?:been\s+)?presented|unpresented)"
    r"[^£]{0,80}?(?:total|balance)\s+of\s+" + AMOUNT.format("cash_book"),
    re.I | re.S,
)
MEANING = "the bank statement's balance less the cheques not yet presented is not the actual balance stated"


def stated_bank_reconciliations(extraction: Extraction) -> Iterator[Relation | None]:
    for statement in extraction.statements:
        for match in STATED_RECONCILIATION.finditer(statement.text):
            figures = [_figure(statement, match, name) for name in ("statement", "unpresented", "cash_book")]
            balance, unpresented, cash_book = figures
            if balance is None or unpresented is None or cash_book is None:
                continue
            yield relation("report.bank_reconciliation", statement.subject, [Term(balance), Term(unpresented, -1)],
                           cash_book, MEANING, section=statement.section)


def _figure(statement: Statement, match: re.Match[str], name: str) -> Figure | None:
    """The statement's figure printed where the group matched (by its text, in order)."""
    printed = re.sub(r"\s+", "", match[name])
    before = re.sub(r"\s+", "", statement.text[:match.start(name)])
    earlier = before.count(printed)
    same = [f for f in statement.figures if re.sub(r"\s+", "", f.text).startswith(printed)]
    return same[earlier] if earlier < len(same) else None
