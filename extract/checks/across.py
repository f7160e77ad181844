"""Across papers: a year's opening balance is the previous year's closing balance, printed in another paper.

A council prints its year-end balance in several papers: the accounts or the annual return
(AGAR box 7 'Balances carried forward'), a bank reconciliation, the next year's accounts
(box 1 'Balances brought forward', 'Balance b/f'). Within one paper years.py pairs them; here
the papers of one council are taken together:

    papers ──paper_balances──▶ dated balances (figure, year end, page, bbox)
           ──pair_balances──▶ BalancePair: carried (the closing balance of year Y in one paper,
               the opening balance of Y + 1 in another) and restated (one year's closing, or
               opening, balance as two papers print it: last year's return's current-year
               column and this year's prior-year column)

A balance is dated by its column's year ('2016/17', 'Year ending 31 March 2017'), else by its
own label ('Balance at 1 April 2016' opens the year ending 2017), else by its table's title
naming one year. A pair whose reading is in doubt is kept, its outcome `unsure` with the
reason, never a disagreement: a figure read by OCR, a balance of one account rather than of
the council, a budget's planned balance, a bare year that may be a calendar year, a table
whose own relations are in doubt or mostly fail, a paper printing two different balances of
the kind for the year, or two papers naming different councils. Only a pair read without
doubt on both sides can raise a finding.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from extract.checks.naming import heading, row_name
from extract.checks.relation import Term, doubted, relation
from extract.checks.years import CLOSING, OPENING
from extract.models import Extraction, Figure, Finding, Model, NumericTable, Relation, Severity, TableRow
from extract.vocabulary import SPAN, year_end

BALANCES_SCHEMA_VERSION: Literal["agenda-extract-balances/1.0"] = "agenda-extract-balances/1.0"
CARRIED, RESTATED = "across.opening_balance", "across.same_balance"
MEANING = {CARRIED: "this year's opening balance is not last year's closing balance printed in another paper",
           RESTATED: "the same year's balance is printed differently in another paper"}
BalanceKind = Literal["opening", "closing"]
PairKind = Literal["carried", "restated"]
DatedBy = Literal["column", "label", "title"]

# A label dating its own balance: the first day of a year opens it, the last day closes it.
# Written out or in figures ('1st April 2023', '01.04.23', '31/03/2024').
OPENS_ON = re.compile(r"\b1(?:st)?\s+april\s+((?:19|20)\d\d)\b|\b0?1[./]0?4[./]((?:19|20)?\d\d)\b", re.I)
CLOSES_ON = re.compile(r"\b3[01](?:st|th)?\s+march\s+((?:19|20)\d\d)\b|\b31[./]0?3[./]((?:19|20)?\d\d)\b", re.I)
# The balance of one account, not the council's: a bank statement's balance differs from the
# cash book's by the unpresented cheques; a deposit account holds part of the reserves.
ONE_ACCOUNT = re.compile(r"\bbank\b|\bstatement\b|\baccount\b|\bdeposit\b|\bcurrent\b|\bsavings?\b|\breserves?\b"
                         r"|\bearmarked\b|\bfund\b", re.I)
# A balance planned, not counted: a budget's estimated balance carried forward is not the
# closing balance the accounts later print, and differs from it without any misprint.
PLANNED = re.compile(r"\bbudget|\bestimat|\bforecast|\bprojected\b|\bplanned\b|\bprovisional\b", re.I)
# A year that names the financial year: a span ('2016/17') or its end ('31 March 2017', 'year
# ending 2017'). A bare '2017' may be a calendar year.
FINANCIAL_YEAR = re.compile(r"\bmarch\b|\bapril\b|\byear\b|\bY/?E\b", re.I)
# A council's name as papers print it ('Souldern Parish Council', 'Royal Sutton Coldfield Town Council').
COUNCIL_NAME = re.compile(r"\b((?:[A-Z][\w'&-]*\s+){1,5}(?:Parish|Town|Community|City|District|Borough|County)"
                          r"\s+Council)\b")


class PaperBalance(Model):
    """One balance opening or closing a year, as one paper prints it."""

    council: str = Field(description="the council the paper belongs to: its input's folder")
    file: str = Field(description="the input file")
    output: str | None = Field(default=None, description="the paper's output JSON in the batch folder")
    kind: BalanceKind
    year_end: int = Field(description="the year of the financial year's end: '2016/17' is 2017")
    dated_by: DatedBy = Field(description="where the year was read: the column heading, the row's label, "
                                          "or the table's title")
    table: str = Field(description="id of the numeric table in the paper's output")
    table_title: str
    row: str = Field(description="the row's label as printed")
    column: str = Field(description="the column's heading as printed")
    figure: Figure
    doubt: str | None = Field(default=None, description="why this reading is in doubt, if it is")


class BalancePair(Model):
    """Two papers' balances that must be equal: a year's closing balance and the next year's
    opening balance (carried), or one year's balance as each prints it (restated)."""

    council: str
    kind: PairKind = Field(description="carried: first is year_end's closing balance, second the next year's "
                                       "opening; restated: both are year_end's balance of one kind")
    year_end: int = Field(description="the year first's balance belongs to")
    first: PaperBalance
    second: PaperBalance
    relation: Relation = Field(description="second = first, with its outcome (unsure, with the reason, "
                                           "when either reading or the council is in doubt)")
    severity: Severity = Field(description="info unless the pair, read without doubt, disagrees")


class CrossPaperBalances(Model):
    """The batch's cross-paper balances (DIR/balances.json)."""

    schema_version: Literal["agenda-extract-balances/1.0"] = BALANCES_SCHEMA_VERSION
    tool_version: str
    papers: int = Field(ge=0, description="distinct papers read (outputs of the batch)")
    balances: list[PaperBalance] = Field(description="every dated opening or closing balance found")
    pairs: list[BalancePair] = Field(description="every pair evaluated, whatever its outcome")
    findings: list[Finding] = Field(description="the pairs that disagree beyond rounding, read without doubt")


@dataclass(frozen=True)
class Paper:
    """One paper of the batch: its output, the file it came from and its council (folder)."""

    file: str
    council: str
    extraction: Extraction
    output: str | None = None


# --- collect --------------------------------------------------------------------------------


def paper_balances(paper: Paper) -> list[PaperBalance]:
    """Every opening or closing balance of the paper whose year can be read."""
    found = []
    for table in paper.extraction.tables:
        for row in table.rows:
            kind = _kind(row.label)
            if kind is None:
                continue
            for column, cell in enumerate(row.cells):
                if cell is None or cell.value is None:
                    continue
                dated = _dated(table, row, column, kind)
                if dated is not None:
                    balance = _balance(paper, table, row, column, cell, kind, *dated)
                    doubt = balance.doubt or _reading_doubt(paper.extraction.relations, balance)
                    found.append(balance.model_copy(update={"doubt": doubt}))
    return found


def _kind(label: str) -> BalanceKind | None:
    opening, closing = OPENING.search(label), CLOSING.search(label)
    if bool(opening) == bool(closing):  # neither, or a label naming both: not one balance
        return None
    return "opening" if opening else "closing"


def _dated(table: NumericTable, row: TableRow, column: int, kind: BalanceKind) -> tuple[int, DatedBy] | None:
    printed = table.columns[column] if column < len(table.columns) else ""
    year = year_end(printed)
    if year is not None:
        return year, "column"
    on = (OPENS_ON if kind == "opening" else CLOSES_ON).search(row.label)
    if on is not None:
        printed_year = on[1] or on[2]
        year = int(printed_year) if len(printed_year) == 4 else 2000 + int(printed_year)
        return year + (1 if kind == "opening" else 0), "label"
    year = year_end(table.title)
    return (year, "title") if year is not None else None


def _balance(paper: Paper, table: NumericTable, row: TableRow, column: int, cell: Figure, kind: BalanceKind,
             year: int, dated_by: DatedBy) -> PaperBalance:
    return PaperBalance(
        council=paper.council, file=paper.file, output=paper.output, kind=kind, year_end=year, dated_by=dated_by,
        table=table.id, table_title=table.title, row=row_name(table, row), column=heading(table, column),
        figure=cell, doubt=_doubt(row.label, heading(table, column), table.title, cell) or _year_doubt(
            {"column": heading(table, column), "title": table.title}.get(dated_by), year),
    )


def _year_doubt(printed: str | None, year: int) -> str | None:
    if printed is None or SPAN.search(printed) or FINANCIAL_YEAR.search(printed):
        return None
    return f"'{printed.strip()}' names {year} but not a financial year: it may be the calendar year"


def _doubt(label: str, column: str, title: str, figure: Figure) -> str | None:
    if figure.source == "ocr":
        return f"{figure.text} on page {figure.page} was read by OCR"
    for printed in (label, column):
        if ONE_ACCOUNT.search(printed):
            return f"'{printed.strip()}' may name one account's balance, not the council's"
    for printed in (label, column, title):
        if PLANNED.search(printed):
            return f"'{printed.strip()}' may be a budget's planned balance, not the accounts'"
    return None


def _reading_doubt(relations: Sequence[Relation], balance: PaperBalance) -> str | None:
    """The paper's own checks doubt the reading of the balance's table: a relation on its cell
    is unsure, or more of the table's relations fail than hold (rows misread, not misprinted)."""
    own = [r for r in relations if r.structure == balance.table]
    if any(r.outcome == "unsure" and r.row == balance.row and r.column == balance.column for r in own):
        return f"the paper's own reading of '{balance.row}', {balance.column} is in doubt"
    failing = sum(r.outcome in ("disagrees", "unsure") for r in own)
    if failing > len(own) - failing:
        return f"{failing} of the {len(own)} relations of '{balance.table_title}' fail: its reading is in doubt"
    return None


# --- pair -----------------------------------------------------------------------------------


def pair_balances(papers: Sequence[Paper], balances: Iterable[PaperBalance]) -> list[BalancePair]:
    """Each closing balance of year Y against each opening balance of Y + 1 in another paper
    of the same council, and each year's balance against the same one in another paper.
    Pairs within one paper are years.py's."""
    names = {paper.file: council_names(paper.extraction) for paper in papers}
    by_key: dict[tuple[str, str, int], list[PaperBalance]] = defaultdict(list)
    for balance in balances:
        by_key[(balance.council, balance.kind, balance.year_end)].append(balance)
    pairs: list[BalancePair] = []
    for (council, kind, year), group in sorted(by_key.items()):
        printed = _one_per_value(group)
        for k, first in enumerate(printed):
            for second in printed[k + 1:]:
                if first.file != second.file:
                    pairs += _pair("restated", first, second, (group, group), names)
        if kind == "closing":
            openings = by_key.get((council, "opening", year + 1), [])
            for closing in printed:
                for opening in _one_per_value(openings):
                    if opening.file != closing.file:
                        pairs += _pair("carried", closing, opening, (group, openings), names)
    return pairs


def _one_per_value(balances: list[PaperBalance]) -> list[PaperBalance]:
    """A paper printing the same balance twice (a summary and its notes) is paired once."""
    seen: set[tuple[str, float | None]] = set()
    kept = []
    for balance in balances:
        if (balance.file, balance.figure.value) not in seen:
            seen.add((balance.file, balance.figure.value))
            kept.append(balance)
    return kept


def _pair(kind: PairKind, first: PaperBalance, second: PaperBalance,
          groups: tuple[list[PaperBalance], list[PaperBalance]], names: dict[str, set[str]]) -> Iterator[BalancePair]:
    check = CARRIED if kind == "carried" else RESTATED
    subject = (f"{second.council} {second.year_end - 1}/{second.year_end % 100:02d} – '{second.row}' "
               f"({second.file.rsplit('/', 1)[-1]}) against '{first.row}' ({first.file.rsplit('/', 1)[-1]})")
    evaluated = relation(check, subject, [Term(first.figure)], second.figure, MEANING[check],
                         structure=second.table, row=second.row, column=second.column)
    if evaluated is None:
        return
    doubt = _pair_doubt(first, second, groups, names)
    if doubt is not None:
        evaluated = doubted(evaluated, doubt)
    yield BalancePair(council=first.council, kind=kind, year_end=first.year_end, first=first, second=second,
                      relation=evaluated, severity=evaluated.severity)


def _pair_doubt(first: PaperBalance, second: PaperBalance, groups: tuple[list[PaperBalance], list[PaperBalance]],
                names: dict[str, set[str]]) -> str | None:
    for side, same in zip((first, second), groups, strict=True):
        if side.doubt is not None:
            return side.doubt
        values = {b.figure.value for b in same if b.file == side.file}
        if len(values) > 1:
            return (f"{side.file.rsplit('/', 1)[-1]} prints {len(values)} different {side.kind} balances "
                    f"for the year ending {side.year_end}: which one is the council's is unknown")
    named, other = names.get(first.file, set()), names.get(second.file, set())
    if named and other and not named & other:
        return f"the papers name different councils ({', '.join(sorted(named))}; {', '.join(sorted(other))})"
    return None


def council_names(extraction: Extraction) -> set[str]:
    """The councils a paper names in its meeting heading and document titles, folded to compare."""
    printed = [extraction.meeting.committee or ""] + [d.title for d in extraction.documents]
    return {" ".join(m.lower().split()) for text in printed for m in COUNCIL_NAME.findall(text)}


def cross_paper_balances(papers: Sequence[Paper], tool_version: str) -> CrossPaperBalances:
    balances = [b for paper in papers for b in paper_balances(paper)]
    pairs = pair_balances(papers, balances)
    findings: list[Finding] = []
    for index, pair in enumerate(pairs):
        raised = pair.relation.raised
        if raised is not None and pair.severity != "info":
            relation_with = pair.relation.model_copy(update={"finding": len(findings)})
            pairs[index] = pair.model_copy(update={"relation": relation_with})
            findings.append(raised)
    return CrossPaperBalances(tool_version=tool_version, papers=len(papers), balances=balances, pairs=pairs,
                              findings=findings)
