"""Total rows, each checked under the reading of the table by which it adds up.

A row is a total when its label says so (TOTAL_ROW), when it closes a year-on-year
reconciliation ('2019/20 Budget' under '2018/19 Budget' and its changes), or when it is
unlabelled, set in bold / under a rule, or a 'Net Amount' line closing a block, and its
cells equal a sum of the rows above. Which rows a total adds is read from the table: the
rows of its group (since the last total or group heading), the total above it and the
movements since it (a roll-forward: opening 'TOTAL BUDGET', changes, closing 'TOTAL
BUDGET'), the subtotals since the last grand total (with any rows after the last of them),
or every row since the last grand total. The reading under which most columns agree is the
one checked; when no reading agrees in any column of a table of several columns, the rows
were most likely misread (a row missed, a memo line), so its sums are kept as unsure: a
misread is not a misprint. A row closing a block whose rows say add / less (marked.py) is
no sum: signed.py checks it. Total columns and cross-foots are columns.py's.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from extract.checks.additive import agrees, is_additive
from extract.checks.additive import column_figures as _column
from extract.checks.columns import misread_across
from extract.checks.marked import closing_row_ids, marked_row_ids, sign_of
from extract.checks.naming import placed, row_name, subject
from extract.checks.relation import Term, doubted, relation
from extract.checks.totals_lone import has_valueless_part, lone_parts
from extract.models import NumericTable, Relation, TableRow
from extract.vocabulary import NOT_A_TOTAL, TOTAL_WORDS

# A total row: a total word in its label (vocabulary.TOTAL_WORDS), none of NOT_A_TOTAL.
TOTAL_ROW = re.compile(
    rf"^(?!.*(?:{'|'.join(NOT_A_TOTAL)})).*?(?<![a-z])(?:{'|'.join(TOTAL_WORDS)})(?![a-z])", re.I
)
NET_LINE = re.compile(r"^\s*net\s+(?:amount|cost|total|position|cash\s*flow|spend)\s*$", re.I)
GRAND = re.compile(r"^\s*grand\b", re.I)
GROUP = "the rows of its group"
# Labels of the budget a year-on-year reconciliation opens and closes with.
BUDGET_LINE = re.compile(
    # ... but not a line of changes to it ("Base Budget Changes", "Budget adjustments")
    r"^(?:(?:original|revised|proposed|approved|base|net|draft)\s+)*(?:base\s+)?budget\b"
    r"(?!\s+(?:changes?|adjustments?|movements?|variations?|pressures?|growth|reductions?|savings?)\b)"
    r"|\bbudget\s+(?:requirement\s+)?(?:for\s+)?(?:20\d\d|\d\d)[-/](?:20)?\d\d\b"
    r"|^(?:20\d\d|\d\d)[-/](?:20)?\d\d\s+(?:original\s+|revised\s+|base\s+|net\s+)*budget\b",
    re.I,
)
IMPLIED = "the rows of its group, a row that adds up the rows above it standing for them"
RECONCILIATION = "the opening budget and the changes below it"
SUBTOTALS = "the subtotals"
OUTSIDE = "the subtotals and the rows outside them"
ROLL_FORWARD = "the total above it and the movements since it"
# The total above and the rows since it, when the two totals do not name one measure at two
# points in time ('Total (excluding schools)', 'Schools' budgets', 'Total (including schools)'):
# a sum of a total and what is added to it, not a roll-forward.
ADDED_TO = "the total above it and the rows since it"
# Words that name the point in time of a measure, not the measure: an opening and a closing
# total that differ only by them (and by years) are one measure rolled forward.
POINT_IN_TIME = re.compile(
    r"\b(?:opening|closing|brought|carried|forward|b/?f|c/?f|original|revised|proposed|approved|"
    r"base|draft|final|start|end|of|at|the|year|as|for)\b", re.I)
MIN_AGREEING_LINES = 2  # columns in which a group's rows must add up before a continued table is trusted


# 'Totals' alone closing a sheet's columns; 'Totals carried to …' heads a summary (vocabulary)
TOTALS_LINE = re.compile(r"^\W*(?:grand\s+)?totals\W*$", re.I)


def is_total_label(label: str) -> bool:
    return TOTAL_ROW.match(label.strip()) is not None or TOTALS_LINE.match(label) is not None


@dataclass(frozen=True)
class Reading:
    name: str  # how the message names the parts: 'the rows of its group', 'the subtotals' …
    parts: tuple[TableRow, ...]


@dataclass
class Ledger:
    """What a total may add, as the table is walked top to bottom."""

    group: list[TableRow]  # rows since the last total or group heading
    subtotals: list[TableRow]  # totals since the last grand total
    since_grand: list[TableRow]  # every non-total row since the last grand total
    opening: TableRow | None = None  # the first budget line of a reconciliation
    last_total: TableRow | None = None  # the total just above the group: a roll-forward opens with it
    # every row and subtotal since the last grand total, in order, and those a subtotal added up:
    # a grand total adds the subtotals and the rows outside them ('Council Tax' above a group
    # 'Grants' closed by 'Total Grants'), which places an error in a subtotal on the subtotal alone
    level: list[TableRow] = field(default_factory=list)
    absorbed: set[int] = field(default_factory=set)

    def readings(self) -> list[Reading]:
        readings = [Reading(GROUP, tuple(self.group))]
        folded = fold_implied_subtotals(self.group)
        if len(folded) < len(self.group):
            readings.append(Reading(IMPLIED, tuple(folded)))
        if self.subtotals:
            readings.append(Reading(SUBTOTALS, tuple(self.subtotals + self.group)))
            outside = tuple(r for r in self.level if id(r) not in self.absorbed)
            if len(outside) > len(self.subtotals) + len(self.group):
                readings.append(Reading(OUTSIDE, outside))
        elif self.last_total is not None and self.group:  # the total above closed its level
            readings.append(Reading(ADDED_TO, (self.last_total, *self.group)))
        readings.append(Reading("every row since the last grand total", tuple(self.since_grand)))
        return [r for r in readings if len(r.parts) >= 2]


def total_rows(table: NumericTable) -> Iterator[Relation | None]:
    ledger = Ledger([], [], [])
    closing = closing_row_ids(table)
    parts = marked_row_ids(table)
    for row in table.rows:
        if not any(row.cells):  # a group heading: a new group opens below it
            ledger.group = []
            continue
        if id(row) in closing:  # a balance or reconciliation's result (signed.py): no sum, and it closes its level
            ledger = Ledger([], [], [])
            continue
        # a row marked to be added ('3. (+) Total other receipts') is a part, whatever its label says
        labelled = is_total_label(row.label) and sign_of(row.label) is None and id(row) not in parts
        closes = ledger.opening is not None and _closes_reconciliation(row, ledger)
        candidate = labelled or closes or not row.label.strip() or may_be_emphasised(row) or is_net_line(row)
        readings = (_reconciliation(ledger) if closes else ledger.readings()) if candidate else []
        chosen = _choose(table, row, readings)
        if labelled or closes:
            yield from _implied_subtotal(table, ledger.group, chosen)
            yield from _report(table, row, chosen, readings)
            if not readings and len(ledger.group) == 1:
                yield from lone_parts(table, row, ledger.group, [], _meaning(Reading(GROUP, tuple(ledger.group))))
        elif chosen is not None and _is_unlabelled_total(table, row, chosen):
            yield from _report(table, row, chosen, readings)
        elif (named := _closes_table_by_sum(table, row, ledger)) is not None:
            yield from _report(table, row, named, [])
        else:
            if BUDGET_LINE.search(row.label) and ledger.opening is None and not ledger.since_grand:
                ledger.opening = row
            ledger.group.append(row)
            ledger.since_grand.append(row)
            ledger.level.append(row)
            continue
        _close(ledger, row, chosen, labelled)


def _closes_reconciliation(row: TableRow, ledger: Ledger) -> bool:
    return BUDGET_LINE.search(row.label) is not None and bool(ledger.since_grand) and ledger.opening is not None


def _reconciliation(ledger: Ledger) -> list[Reading]:
    parts = tuple(r for r in ledger.since_grand if any(r.cells))
    return [Reading(RECONCILIATION, parts)] if len(parts) >= 2 else []


def _close(ledger: Ledger, row: TableRow, chosen: tuple[Reading, list[int]] | None, labelled: bool) -> None:
    # A total read as its group's is a subtotal; any other closes its level, as does one
    # that adds up under no reading (nothing above it is trusted as parts of a later total).
    grand = chosen is None or chosen[0].name not in (GROUP, IMPLIED) or GRAND.match(row.label) is not None
    if grand or ledger.opening is not None:
        ledger.subtotals, ledger.since_grand, ledger.opening = [], [], None
        ledger.level, ledger.absorbed = [], set()
    else:
        ledger.subtotals.append(row)
        if chosen is not None:  # (always: a total under no reading is grand)
            ledger.absorbed.update(id(part) for part in chosen[0].parts)
        ledger.level.append(row)
    ledger.group = []
    # any total may open a roll-forward: the movements below it and the total they come to
    ledger.last_total = row


def fold_implied_subtotals(rows: Sequence[TableRow]) -> list[TableRow]:
    """The rows with any row that equals the sum of the rows before it (in every column where
    two or more of them print a value, one at least non-zero) standing for them: a subtotal
    printed without a 'total' label ('Central Support Costs' under its items)."""
    kept: list[TableRow] = []
    for row in rows:
        columns = [c for c, f in enumerate(row.cells) if f is not None and len(_column(kept, c)) >= 2]
        holding = [c for c in columns if agrees(_column(kept, c), row.cells[c])]  # type: ignore[arg-type]
        proving = [c for c in holding if _amounts(kept, c) >= MIN_PROVING_PARTS]
        every_one = max(1, len(holding))  # each column that adds up must prove it
        if len(kept) >= 2 and columns and any(row.cells[c].value for c in columns) and (  # type: ignore[union-attr]
                len(holding) == len(columns) or _misprinted_in_one(holding, proving, len(columns), every_one)):
            kept = [row]
        else:
            kept.append(row)
    return kept


MIN_PROVING_PARTS = 3  # non-zero amounts a column must add before it proves a subtotal alone


def _amounts(parts: Sequence[TableRow], column: int) -> int:
    """The parts printing a non-zero amount in the column: a column of one amount and nils
    adds up whatever is read, so proves nothing."""
    return sum(1 for f in _column(parts, column) if f.value)


def _misprinted_in_one(holding: Sequence[int], proving: Sequence[int], columns: int, least: int) -> bool:
    """All columns but one add up (`holding`), `least` or more of them over several amounts
    (`proving`, among `holding`): the row is what the arithmetic says it is, and the one column
    the page's misprint."""
    return len(holding) == columns - 1 and len(proving) >= least


def additive_columns(table: NumericTable, parts: Sequence[TableRow], total: TableRow,
                     averages: bool = False) -> list[int]:
    """Columns in which this total can be re-added: the total printed, at least two parts
    printed, a heading that is not a rate or average, and (unless `averages`) parts that do
    not straddle the total as an average's would."""
    columns = []
    for c, stated in enumerate(total.cells):
        cells = _column(parts, c)
        if stated is None or len(cells) < 2 or not is_additive(table, c):
            continue
        if not averages and _is_an_average([f.value or 0.0 for f in cells], stated.value or 0.0):
            continue
        columns.append(c)
    return columns


def _is_an_average(values: Sequence[float], total: float) -> bool:
    """Parts of one sign whose 'total' lies between the smallest and largest of them: a
    rate or average column left without a heading (a sum of them would exceed them all)."""
    same_sign = all(v > 0 for v in values) or all(v < 0 for v in values)
    magnitudes = [abs(v) for v in values]
    return same_sign and min(magnitudes) <= abs(total) <= max(magnitudes)


def _choose(table: NumericTable, total: TableRow, readings: Sequence[Reading]) -> tuple[Reading, list[int]] | None:
    """The reading under which most columns agree (the first on a tie), with its columns;
    None when none agrees anywhere."""
    best: tuple[int, Reading, list[int]] | None = None
    for reading in readings:
        columns = additive_columns(table, reading.parts, total)
        # a column of zeros adds up whatever rows are read: it confirms no reading
        agreeing = sum(agrees(_column(reading.parts, c), total.cells[c]) and total.cells[c].value != 0  # type: ignore
                       for c in columns)
        if agreeing and (best is None or agreeing > best[0]):
            best = (agreeing, reading, columns)
    return None if best is None else (best[1], best[2])


def _is_unlabelled_total(table: NumericTable, row: TableRow, chosen: tuple[Reading, list[int]]) -> bool:
    """A row not labelled a total (blank, or bold / under a rule) is one when its cells equal
    a sum of the rows above in at least as many columns as they do not, one of them a
    sum of non-zero amounts (a column of zeros adds up by itself)."""
    if row.label.strip() and not may_be_emphasised(row) and not is_net_line(row):
        return False
    reading, columns = chosen
    agreeing = [c for c in columns if agrees(_column(reading.parts, c), row.cells[c])]  # type: ignore[arg-type]
    substantial = any(_amounts(reading.parts, c) >= 2 and row.cells[c].value  # type: ignore[union-attr]
                      for c in agreeing)
    return substantial and 2 * len(agreeing) >= len(columns)


def _implied_subtotal(table: NumericTable, group: Sequence[TableRow],
                      chosen: tuple[Reading, list[int]] | None) -> Iterator[Relation | None]:
    """The row inside the group that adds up the rows above it, when the total below is read
    with it standing for them ('Central Support Costs' under its items, then 'Interest',
    then 'Total'): two levels of the table's arithmetic name it a subtotal, so it is checked."""
    if chosen is None or chosen[0].name != IMPLIED or not chosen[0].parts or chosen[0].parts[0] not in group:
        return
    subtotal = chosen[0].parts[0]
    parts = tuple(group[:group.index(subtotal)])
    columns = additive_columns(table, parts, subtotal)
    if len(parts) >= 2 and columns:
        yield from _report(table, subtotal, (Reading(GROUP, parts), columns), [])


MIN_NAMED_PARTS = 3  # rows a named closing line must add up before its sum is taken as printed


def _closes_table_by_sum(table: NumericTable, row: TableRow, ledger: Ledger) -> tuple[Reading, list[int]] | None:
    """The last row of the table, named for what it sums, not 'total' ('Debtors and
    Prepayments' under the debtors of a notes page; 'Totals carried to annual return'), equal
    in every column that prints it to the sum of three or more rows above it (its group's, or
    every row's since the last total): a total the arithmetic names, with that reading."""
    if row is not next((r for r in reversed(table.rows) if any(r.cells)), None):
        return None
    for reading in ledger.readings():
        columns = additive_columns(table, reading.parts, row)
        if len(reading.parts) < MIN_NAMED_PARTS or not columns:
            continue
        holding = [c for c in columns if (stated := row.cells[c]) is not None
                   and agrees(_column(reading.parts, c), stated)]
        proving = [c for c in holding if _amounts(reading.parts, c) >= 2]
        # Every column adds up, or all but one where two or more others add several amounts
        if proving and (len(holding) == len(columns) or _misprinted_in_one(holding, proving, len(columns), least=2)):
            return reading, columns
    return None


def is_net_line(row: TableRow) -> bool:
    """'Net Amount', 'Net cost' closing a block of a cash-flow table (a phase's payments and
    receipts): a total when, like an unlabelled one, its cells equal the sum of its block."""
    return NET_LINE.match(row.label) is not None


def may_be_emphasised(row: TableRow) -> bool:
    """Set in bold, or of unknown weight: OCR reads no type weight, so a row read from a scan
    may be a bold total ('Central Support Costs  230,097' under its items) and is tested as one."""
    return row.emphasis or any(cell is not None and cell.source == "ocr" for cell in row.cells)


def _mostly_disagrees(chosen: tuple[Reading, list[int]], row: TableRow) -> bool:
    """A misprinted total shows in the column it was misprinted in, the others adding up; a
    reading that holds in fewer columns than it fails in is the reader's, not the page's."""
    reading, columns = chosen
    holding = sum(agrees(_column(reading.parts, c), row.cells[c]) for c in columns)  # type: ignore[arg-type]
    return len(columns) - holding > holding


def _report(table: NumericTable, row: TableRow, chosen: tuple[Reading, list[int]] | None,
            readings: Sequence[Reading]) -> Iterator[Relation | None]:
    doubt: str | None = None
    if chosen is None:
        # No reading adds up anywhere: only a total of its group's rows with a single
        # column to re-add is judged (it cannot be misread across columns); with several,
        # its group's sum is kept as unsure. A row inside the group that adds up the rows
        # above it stands for them (summing both would count them twice), so that reading
        # is the one taken.
        group = next((r for r in readings if r.name == IMPLIED), None) or next(
            (r for r in readings if r.name in (GROUP, RECONCILIATION)), None) or _subtotals_alone(table, row, readings)
        if group is None:
            return
        columns = additive_columns(table, group.parts, row)
        if not columns:
            return
        if len(additive_columns(table, group.parts, row, averages=True)) != 1:
            doubt = "the total adds up under no reading of the rows above it in any column: the rows were misread"
        chosen = (group, columns)
    elif _mostly_disagrees(chosen, row):
        doubt = "under the reading that holds best, more columns disagree than agree: the rows were misread"
    reading, columns = chosen
    first = next((r for r in table.rows if any(r.cells)), None)
    if table.opens_page and reading.parts and reading.parts[0] is first and not _parts_on_this_page(
            table, row, reading, columns):
        doubt = doubt or "the table opens its page: parts of this total may be printed on the page before"
    if doubt is None:
        yield from lone_parts(table, row, reading.parts, columns, _meaning(reading))
    for c in columns:
        if has_valueless_part(reading.parts, c):
            continue  # a part printed ambiguously or read differently by OCR: the sum cannot be made
        lost = misread_across(table, reading.parts, c)
        column_doubt = doubt or (None if lost is None else (
            f"row '{row_name(table, lost)}' prints figures that add across to this column but none in it: "
            "its total was lost in reading")) or _blank_in_ocr_row(table, reading.parts, c)
        parts = _column(reading.parts, c)
        rolls = _rolls_forward(reading, row)
        meaning = f"the total is not the sum of {ROLL_FORWARD if rolls else reading.name} ({_span(reading.parts)})"
        check = "table.roll_forward" if rolls else "table.total_row"
        evaluated = relation(check, subject(table, row, c), [Term(f) for f in parts], row.cells[c],  # type: ignore[arg-type]
                             meaning, **placed(table, row, c))
        yield evaluated if evaluated is None or column_doubt is None else doubted(evaluated, column_doubt)


def _subtotals_alone(table: NumericTable, row: TableRow, readings: Sequence[Reading]) -> Reading | None:
    """A single column whose total has fewer than two rows of its own below the last subtotal
    ('Total General Fund', 'Housing Investment Programme', 'Total Expenditure'): the subtotals
    and that row are its parts, the level it closes. Only subtotals labelled as totals: one known
    by its arithmetic alone (an unlabelled row) may be read otherwise than the table means it."""
    reading = next((r for r in readings if r.name == SUBTOTALS), None)
    if reading is None or len(additive_columns(table, reading.parts, row, averages=True)) != 1:
        return None
    labelled = all(r.label.strip() for r in reading.parts) and any(is_total_label(r.label) for r in reading.parts)
    return reading if labelled else None


def _rolls_forward(reading: Reading, row: TableRow) -> bool:
    """A roll-forward: an opening total, the movements since it, and a closing total that names
    the same measure at a later point ('TOTAL BUDGET 2023/24' … 'TOTAL BUDGET 2024/25', 'Balance
    brought forward' … 'Balance carried forward'), read as the total above and the rows since it,
    or as the subtotals when the first of them is that opening total. A total that adds another
    total and rows of a different measure ('Total (excluding schools)' + 'Schools' budgets' =
    'Total (including schools)') is a sum, named as one."""
    opening = reading.parts[0] if reading.parts else None
    if opening is None or not is_total_label(opening.label) and not BUDGET_LINE.search(opening.label):
        return False
    if reading.name == SUBTOTALS and any(is_total_label(r.label) for r in reading.parts[1:]):
        return False
    return reading.name in (ADDED_TO, SUBTOTALS) and _same_measure(opening.label, row.label)


def _same_measure(opening: str, closing: str) -> bool:
    """Two labels that name one measure, whatever years or points in time they name it at; two
    budget lines ('2023/24 Budget' … 'Proposed Budget 2024/25') name one budget."""
    if BUDGET_LINE.search(opening) and BUDGET_LINE.search(closing):
        return True
    return _bare(POINT_IN_TIME.sub(" ", opening)) == _bare(POINT_IN_TIME.sub(" ", closing)) != ""


def _bare(label: str) -> str:
    return re.sub(r"[\W\d_]+", " ", label).strip().lower()


def _parts_on_this_page(table: NumericTable, row: TableRow, reading: Reading, columns: Sequence[int]) -> bool:
    """Whether a group total in a table that opens its page has all its parts on this page:
    the total adds up in every column, or a group heading opens the table (its group starts
    here), or the group's rows add up to it in two columns or more (rows on the page before
    would be missing from those too). A total of more than its group stays unsure."""
    if all(agrees(_column(reading.parts, c), row.cells[c]) for c in columns):  # type: ignore[arg-type]
        return True
    if reading.name not in (GROUP, IMPLIED):
        return False
    holding = [c for c in columns if row.cells[c].value  # type: ignore[union-attr]
               and agrees(_column(reading.parts, c), row.cells[c])]  # type: ignore[arg-type]
    return not any(table.rows[0].cells) or len(holding) >= MIN_AGREEING_LINES


def _blank_in_ocr_row(table: NumericTable, rows: Sequence[TableRow], c: int) -> str | None:
    """Why a sum over a blank cell of a row read by OCR is in doubt: a figure OCR could not read
    leaves its cell empty ('£1.3m' read '£1 Om'). The sum is still made, the blank as nil (a
    statement of accounts leaves a nil cell blank: 'Health and Wellbeing' with a budget and no
    spend); if it holds, the blank was nil; if not, it is `unsure`, never an alarm."""
    for row in rows:
        cell = row.cells[c] if c < len(row.cells) else None
        if cell is None and any(other is not None and other.source == "ocr" for other in row.cells):
            return (f"row '{row_name(table, row)}' prints no figure in this column on a page read by OCR, taken "
                    "as nil: a figure OCR could not read would leave its cell blank")
    return None


def _meaning(reading: Reading) -> str:
    return f"the total is not the sum of {reading.name} ({_span(reading.parts)})"


def _span(rows: Sequence[TableRow]) -> str:
    labels = [r.label.strip() or "(unlabelled)" for r in rows]
    return f"'{labels[0]}' to '{labels[-1]}', {len(labels)} rows" if len(labels) > 3 else ", ".join(
        f"'{label}'" for label in labels)


