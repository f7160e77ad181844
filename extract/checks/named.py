"""Relations a table's labels name: net = gross − income, variance = budget − actual, balance
carried forward = brought forward + receipts − payments, total expenditure = revenue + capital.

Each rule is data: a result pattern, operand patterns, and the sign conventions councils
print it in (income printed as a negative, variance as budget − actual or actual − budget).
A rule applies down the rows (labels) or across the columns (headings). Columns are
matched within one year ('2018 £ Gross' with '2018 £ Income', not '2017 £ Income'). The
convention under which most lines agree is the one checked; a rule whose lines agree
under no convention is applied where the rows mean something else: its lines are kept as
unsure (no alarm).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from extract.checks.additive import NON_ADDITIVE, agrees
from extract.checks.marked import closing_row_ids
from extract.checks.naming import heading, placed, subject
from extract.checks.relation import Term, doubted, relation
from extract.models import Figure, NumericTable, Relation, TableRow


@dataclass(frozen=True)
class NamedRule:
    check: str
    meaning: str
    result: re.Pattern
    operands: tuple[re.Pattern, ...]
    conventions: tuple[tuple[int, ...], ...]  # sign of each operand, first the usual one


def _p(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


NAMED_RULES: list[NamedRule] = [
    NamedRule("table.net", "net is gross less income",
              _p(r"^(?:(?:20\d\d|\d\d)\S*\s+)?(?:£\S*\s+)?net\b(?!\s+(?:change|movement|variance))"),
              (_p(r"\bgross\b"), _p(r"\bincome\b")),
              ((1, -1), (1, 1))),
    NamedRule("table.variance", "the variance is the budget less the actual",
              _p(r"\bvariance\b|\b(?:under|over)\s*/\s*(?:under|over)\s*spend"),
              (_p(r"\bbudget\b(?!.*\bvariance)"),
               _p(r"\bactual\b|\bout-?turn\b|\bforecast\b|\bnet\s+expenditure\b|\bspend\b")),
              ((1, -1), (-1, 1))),
    NamedRule("table.balance", "the balance carried forward is the balance brought forward plus receipts less payments",
              # a balance, not any line carried forward ('2017/18 Budgets Carried Forward' is a movement)
              _p(r"\bc/f\b|balances?\s+carried\s+forward|closing\s+balance|balance\s+at\s+(?:31\s+)?march"
                 r"|balance\s+at\s+(?:the\s+)?end\s+of\s+(?:the\s+)?year"),
              (_p(r"\bb/f\b|brought\s+forward|opening\s+balance|balance\s+at\s+1\s+april|start\s+of\s+(?:the\s+)?year"),
               _p(r"\breceipts?\b|\bincome\b"), _p(r"\bpayments?\b|\bexpenditure\b")),
              ((1, 1, -1), (1, 1, 1))),
    NamedRule("table.total_expenditure", "total expenditure is revenue plus capital",
              _p(r"^total\s+expenditure\b"),
              # revenue and capital spending, not 'Revenue Support Grant' or 'Capital receipts'
              (_p(r"\brevenue\b(?!\s+(?:support|grant|income|receipts?|reserves?|balances?))"),
               _p(r"\bcapital\b(?!\s+(?:receipts?|grants?|income|reserves?|balances?|financing))")),
              ((1, 1),)),
]
YEAR = re.compile(r"\b(?:19|20)\d\d(?:\s*[-/]\s*\d\d(?:\d\d)?)?\b")


@dataclass(frozen=True)
class Line:
    """One instance of a rule: the stated figure and its operands, with where it is."""

    row: TableRow
    column: int
    stated: Figure
    operands: tuple[Figure, ...]
    operand_names: tuple[str, ...]
    name: str | None = None


def named_relations(table: NumericTable) -> Iterator[Relation | None]:
    for rule in NAMED_RULES:
        for lines in (_row_lines(table, rule), _column_lines(table, rule)):
            yield from _judge(table, rule, lines)


def _judge(table: NumericTable, rule: NamedRule, lines: Sequence[Line]) -> Iterator[Relation | None]:
    """The convention under which most lines agree; where none agrees on any line, the rows
    the labels name are not (or not all) what the rule means: every line is kept unsure."""
    if not lines:
        return
    scores = [sum(agrees(list(ln.operands), ln.stated, signs) for ln in lines) for signs in rule.conventions]
    best = max(range(len(scores)), key=lambda k: (scores[k], -k))
    doubt = None
    if scores[best] == 0:
        best = _printed_convention(rule, lines[0])
        doubt = (f"the rows the labels name do not combine as '{rule.meaning}' on any line of the table: "
                 "they may mean something else here")
    signs = rule.conventions[best]
    for ln in lines:
        terms = [Term(f, s) for f, s in zip(ln.operands, signs, strict=True)]
        evaluated = relation(rule.check, subject(table, ln.row, ln.column, ln.name), terms, ln.stated,
                             f"{rule.meaning} ({_expression(rule, signs, ln)})",
                             **placed(table, ln.row, ln.column, ln.name))
        yield evaluated if evaluated is None or doubt is None else doubted(evaluated, doubt)


def _printed_convention(rule: NamedRule, line: Line) -> int:
    """With nothing agreeing, the convention the printed signs suggest: income printed as a
    negative is added."""
    usual = rule.conventions[0]
    negative = [k for k, f in enumerate(line.operands) if (f.value or 0.0) < 0 and usual[k] < 0]
    if negative:
        for k, signs in enumerate(rule.conventions):
            if all(signs[j] > 0 for j in negative):
                return k
    return 0


def _expression(rule: NamedRule, signs: Sequence[int], line: Line) -> str:
    names = [f"'{n}'" for n in line.operand_names]
    return "".join((n if k == 0 and s > 0 else f" {'+' if s > 0 else '−'} {n}") for k, (n, s) in
                   enumerate(zip(names, signs, strict=True))).strip()


# --- down the rows: labels ------------------------------------------------------------

def _row_lines(table: NumericTable, rule: NamedRule) -> list[Line]:
    """Each result row with the nearest row above (else below) matching each operand."""
    lines = []
    marked = closing_row_ids(table)  # a balance whose rows say add / less: signed.py reads it
    for i, row in enumerate(table.rows):
        if not rule.result.search(row.label) or any(p.search(row.label) for p in rule.operands) or id(row) in marked:
            continue
        operands = [_nearest_row(table, i, p, rule) for p in rule.operands]
        if any(o is None for o in operands):
            continue
        for c, stated in enumerate(row.cells):
            cells = [o.cells[c] if c < len(o.cells) else None for o in operands]  # type: ignore[union-attr]
            h = table.columns[c] if c < len(table.columns) else ""
            if stated is not None and all(cells) and not NON_ADDITIVE.search(h):
                names = tuple(o.label for o in operands)  # type: ignore[union-attr]
                lines.append(Line(row, c, stated, tuple(cells), names))  # type: ignore[arg-type]
    return lines


def _nearest_row(table: NumericTable, i: int, pattern: re.Pattern, rule: NamedRule) -> TableRow | None:
    order = list(range(i - 1, -1, -1)) + list(range(i + 1, len(table.rows)))
    for k in order:
        label = table.rows[k].label
        if pattern.search(label) and not rule.result.search(label):
            return table.rows[k]
    return None


# --- across the columns: headings ---------------------------------------------------

def _column_lines(table: NumericTable, rule: NamedRule) -> list[Line]:
    lines = []
    for r, h in enumerate(table.columns):
        if not rule.result.search(h) or NON_ADDITIVE.search(h) or any(p.search(h) for p in rule.operands):
            continue
        found = [_same_year_column(table, r, p, rule) for p in rule.operands]
        operands = [o for o in found if o is not None]
        if len(operands) != len(found):
            continue
        for row in table.rows:
            stated = row.cells[r] if r < len(row.cells) else None
            cells = [row.cells[o] if o < len(row.cells) else None for o in operands]
            if stated is not None and all(cells) and len({f.kind for f in cells} | {stated.kind}) == 1:  # type: ignore[union-attr]
                names = tuple(heading(table, o) for o in operands)
                lines.append(Line(row, r, stated, tuple(cells), names, heading(table, r)))  # type: ignore[arg-type]
    return lines


def _same_year_column(table: NumericTable, result: int, pattern: re.Pattern, rule: NamedRule) -> int | None:
    """The one column matching the operand in the result's year (or, with no years printed,
    the one column matching it at all)."""
    year = set(YEAR.findall(table.columns[result]))
    found = [c for c, h in enumerate(table.columns)
             if c != result and pattern.search(h) and not rule.result.search(h)
             and (set(YEAR.findall(h)) == year or not year and not YEAR.findall(h))]
    return found[0] if len(found) == 1 else None
