"""Total rows and total columns, each checked under the reading of the table by which it adds up.

A row is a total when its label says so (TOTAL_ROW), when it closes a year-on-year
reconciliation ('2019/20 Budget' under '2018/19 Budget' and its changes), or when it is
unlabelled or set in bold / under a rule and its cells equal a sum of the rows above.
Which rows a total adds is read from the table: the rows of its group (since the last
total or group heading), the subtotals since the last grand total (with any rows after the
last of them), or every row since the last grand total. The reading under which most
columns agree is the one checked; when no reading agrees in any column of a table of
several columns, the rows were most likely misread (a row missed, a memo line), so
nothing is reported: a misread is not a misprint.

A 'Total' column is likewise the sum of the columns of its group (since the previous
total column), or of every column before it, whichever holds on most rows.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypedDict

from extract.checks.relation import Term, relation
from extract.models import Figure, NumericTable, Relation, TableRow
from extract.vocabulary import NOT_A_TOTAL, TOTAL_WORDS

# A total row: a total word in its label (vocabulary.TOTAL_WORDS), none of NOT_A_TOTAL.
TOTAL_ROW = re.compile(
    rf"^(?!.*(?:{'|'.join(NOT_A_TOTAL)})).*?(?<![a-z])(?:{'|'.join(TOTAL_WORDS)})(?![a-z])", re.I
)
# Columns that do not add down or across: averages, rates, percentages, durations, indices.
NON_ADDITIVE = re.compile(
    r"average|%|\brate\b|\byrs?\b|(?<!later\s)\byears\b|\blife\b|ratio|\bper\b|return|\bindex\b|\bindices\b"
    r"|\bmean\b|\bunit\s+cost",
    re.I,
)
GRAND = re.compile(r"^\s*grand\b", re.I)
GROUP = "the rows of its group"
TOTAL_COLUMN = re.compile(r"\btotal\b|\bcyfanswm\b", re.I)
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
_EPSILON = 1e-6
MIN_AGREEING_LINES = 2  # rows on which a total column's reading must hold before it is trusted


def is_total_label(label: str) -> bool:
    return TOTAL_ROW.match(label.strip()) is not None


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

    def readings(self) -> list[Reading]:
        readings = [Reading(GROUP, tuple(self.group))]
        folded = fold_implied_subtotals(self.group)
        if len(folded) < len(self.group):
            readings.append(Reading(IMPLIED, tuple(folded)))
        if self.subtotals:
            readings.append(Reading("the subtotals", tuple(self.subtotals + self.group)))
        readings.append(Reading("every row since the last grand total", tuple(self.since_grand)))
        return [r for r in readings if len(r.parts) >= 2]


def total_rows(table: NumericTable) -> Iterator[Relation | None]:
    ledger = Ledger([], [], [])
    for row in table.rows:
        if not any(row.cells):  # a group heading: a new group opens below it
            ledger.group = []
            continue
        labelled = is_total_label(row.label)
        closing = ledger.opening is not None and _closes_reconciliation(row, ledger)
        candidate = labelled or closing or not row.label.strip() or may_be_emphasised(row)
        readings = (_reconciliation(ledger) if closing else ledger.readings()) if candidate else []
        chosen = _choose(table, row, readings)
        if labelled or closing:
            yield from _report(table, row, chosen, readings)
        elif chosen is not None and _is_unlabelled_total(table, row, chosen):
            yield from _report(table, row, chosen, readings)
        else:
            if BUDGET_LINE.search(row.label) and ledger.opening is None and not ledger.since_grand:
                ledger.opening = row
            ledger.group.append(row)
            ledger.since_grand.append(row)
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
    else:
        ledger.subtotals.append(row)
    ledger.group = []


def fold_implied_subtotals(rows: Sequence[TableRow]) -> list[TableRow]:
    """The rows with any row that equals the sum of the rows before it (in every column where
    two or more of them print a value, one at least non-zero) standing for them: a subtotal
    printed without a 'total' label ('Central Support Costs' under its items)."""
    kept: list[TableRow] = []
    for row in rows:
        columns = [c for c, f in enumerate(row.cells) if f is not None and len(_column(kept, c)) >= 2]
        if len(kept) >= 2 and columns and any(row.cells[c].value for c in columns) and all(  # type: ignore[union-attr]
                agrees(_column(kept, c), row.cells[c]) for c in columns):  # type: ignore[arg-type]
            kept = [row]
        else:
            kept.append(row)
    return kept


def additive_columns(table: NumericTable, parts: Sequence[TableRow], total: TableRow,
                     averages: bool = False) -> list[int]:
    """Columns in which this total can be re-added: the total printed, at least two parts
    printed, a heading that is not a rate or average, and (unless `averages`) parts that do
    not straddle the total as an average's would."""
    columns = []
    for c, stated in enumerate(total.cells):
        heading = table.columns[c] if c < len(table.columns) else ""
        cells = _column(parts, c)
        if stated is None or len(cells) < 2 or NON_ADDITIVE.search(heading):
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


def agrees(parts: Sequence[Figure], stated: Figure, signs: Sequence[int] | None = None) -> bool:
    signs = signs or [1] * len(parts)
    if stated.value is None or any(p.value is None for p in parts):
        return False
    expected = sum(s * (p.value or 0.0) for s, p in zip(signs, parts, strict=True))
    tolerance = sum(f.precision / 2 for f in [*parts, stated])
    return abs(stated.value - expected) <= tolerance + _EPSILON * max(1.0, abs(expected))


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
    if row.label.strip() and not may_be_emphasised(row):
        return False
    reading, columns = chosen
    agreeing = [c for c in columns if agrees(_column(reading.parts, c), row.cells[c])]  # type: ignore[arg-type]
    substantial = any(sum(1 for f in _column(reading.parts, c) if f.value) >= 2 and row.cells[c].value  # type: ignore[union-attr]
                      for c in agreeing)
    return substantial and 2 * len(agreeing) >= len(columns)


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
    if chosen is None:
        # No reading adds up anywhere: only a total of its group's rows with a single
        # column to re-add is reported (it cannot be misread across columns). A row inside
        # the group that adds up the rows above it stands for them (summing both would count
        # them twice), so that reading is the one reported.
        group = next((r for r in readings if r.name == IMPLIED), None) or next(
            (r for r in readings if r.name in (GROUP, RECONCILIATION)), None)
        if group is None or len(additive_columns(table, group.parts, row, averages=True)) != 1:
            return
        columns = additive_columns(table, group.parts, row)
        if not columns:
            return
        chosen = (group, columns)
    elif _mostly_disagrees(chosen, row):
        return  # the best reading fails in more columns than it holds in: a misread, not a misprint
    reading, columns = chosen
    first = next((r for r in table.rows if any(r.cells)), None)
    if table.opens_page and reading.parts and reading.parts[0] is first and not _parts_on_this_page(
            table, row, reading, columns):
        return  # parts of this total may be printed on the page before, in the table this continues
    for c in columns:
        if _has_valueless_part(reading.parts, c):
            continue  # a part printed ambiguously or read differently by OCR: the sum cannot be made
        parts = _column(reading.parts, c)
        meaning = f"the total is not the sum of {reading.name} ({_span(reading.parts)})"
        yield relation("table.total_row", subject(table, row, c), [Term(f) for f in parts], row.cells[c],  # type: ignore[arg-type]
                       meaning, **placed(table, row, c))


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
def _has_valueless_part(rows: Sequence[TableRow], c: int) -> bool:
    """A part printed without a value, or a blank in a row read by OCR: a figure OCR could not
    read leaves its cell empty ('£1.3m' read '£1 Om'), and summing the rest would be a false alarm."""
    for row in rows:
        cell = row.cells[c] if c < len(row.cells) else None
        if cell is not None and cell.value is None:
            return True
        if cell is None and any(other is not None and other.source == "ocr" for other in row.cells):
            return True
    return False


def _column(rows: Sequence[TableRow], c: int) -> list[Figure]:
    """The column's figures that have a value (one printed ambiguously is summed by nobody)."""
    return [cell for r in rows if c < len(r.cells) and (cell := r.cells[c]) is not None and cell.value is not None]


def _span(rows: Sequence[TableRow]) -> str:
    labels = [r.label.strip() or "(unlabelled)" for r in rows]
    return f"'{labels[0]}' to '{labels[-1]}', {len(labels)} rows" if len(labels) > 3 else ", ".join(
        f"'{label}'" for label in labels)


# --- total columns -------------------------------------------------------------------

def total_columns(table: NumericTable) -> Iterator[Relation | None]:
    totals = [c for c, h in enumerate(table.columns) if TOTAL_COLUMN.search(h) and not NON_ADDITIVE.search(h)]
    previous = -1
    for t in totals:
        readings = _column_readings(table, previous, t)
        previous = t
        best = max(readings, key=lambda cs: _column_agreements(table, cs, t), default=None)
        if best is None:
            continue
        agree, disagree = _column_agreements(table, best, t), _column_disagreements(table, best, t)
        if agree < MIN_AGREEING_LINES or disagree >= agree:
            continue  # no reading holds on the table: the columns are not parts of this total
        names = ", ".join(f"'{heading(table, c)}'" for c in best)
        for row in table.rows:
            parts = _row_parts(row, best)
            if parts is not None and row.cells[t] is not None:
                yield relation("table.total_column", subject(table, row, t), [Term(f) for f in parts],
                               row.cells[t], f"the total column is not the sum of {names}",  # type: ignore[arg-type]
                               **placed(table, row, t))


def _column_readings(table: NumericTable, previous: int, t: int) -> list[list[int]]:
    def additive(c: int) -> bool:
        h = table.columns[c]
        return not NON_ADDITIVE.search(h) and not TOTAL_COLUMN.search(h)

    group = [c for c in range(previous + 1, t) if additive(c)]
    every = [c for c in range(t) if additive(c)]
    readings = [group] + ([every] if every != group else [])
    return [r for r in readings if len(r) >= 2]


def _row_parts(row: TableRow, columns: Sequence[int]) -> list[Figure] | None:
    """The row's cells in these columns (a blank one adds nothing), or None when fewer than
    one is printed or they are of different kinds."""
    cells = _column([row], columns[0]) if len(columns) == 1 else [
        f for c in columns for f in _column([row], c)]
    if not cells or len({f.kind for f in cells}) > 1:
        return None
    return cells


def _column_agreements(table: NumericTable, columns: Sequence[int], t: int) -> int:
    return sum(1 for row in table.rows if (parts := _row_parts(row, columns)) is not None
               and (total := row.cells[t]) is not None and len(parts) >= 2 and agrees(parts, total))


def _column_disagreements(table: NumericTable, columns: Sequence[int], t: int) -> int:
    return sum(1 for row in table.rows if (parts := _row_parts(row, columns)) is not None
               and (total := row.cells[t]) is not None and not agrees(parts, total))


# --- naming --------------------------------------------------------------------------

def heading(table: NumericTable, column: int) -> str:
    printed = table.columns[column].strip() if column < len(table.columns) else ""
    return printed or f"column {column + 1} (no heading)"


def row_name(table: NumericTable, row: TableRow) -> str:
    if row.label.strip():
        return row.label
    return f"row {table.rows.index(row) + 1} (unlabelled)"


class Place(TypedDict):
    """Where a relation lies, for relations[]: the table, the row's label, the column's heading."""

    structure: str
    row: str
    column: str


def placed(table: NumericTable, row: TableRow, column: int, name: str | None = None) -> Place:
    return {"structure": table.id, "row": row_name(table, row), "column": name or heading(table, column)}


def subject(table: NumericTable, row: TableRow, column: int, name: str | None = None) -> str:
    return f"{table.title} – {row_name(table, row)}, {name or heading(table, column)}"
