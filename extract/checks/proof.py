"""An alarm only where the page proves it.

A table carries its own check: read right, its relations agree; misread (a row missed, two
tables taken for one, a unit line taken for a row), they break in many places at once. So a
relation of a table that disagrees beyond rounding stays an alarm only when

- another relation crossing it (down and across: a column's total and a row's cross-foot;
  a year's box 7 and the next year's opening balance) disagrees by the same amount at a
  figure they share: both point at that cell, which is named; or
- the table's other relations agree under the reading taken: at least one agrees, no fewer
  agree than disagree, and the relation's own kind holds somewhere in the table (or it is
  the only one of its kind), so the disagreeing figure stands alone; or
- it is the table's only relation of its kind and the table has no other relation (a
  one-column list closed by its total: nothing to misread across, judged by its own rule).

A disagreement at a figure read by OCR and printed unlike the rest of its column ('8712' where
every other figure prints two decimals: a decimal point lost in the scan) is a misread until
shown otherwise, however many relations point at it.

Any other disagreement is kept in relations[] with outcome `unsure` and the reason, and
raises no finding: a misread is not a misprint.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from extract.checks.naming import heading, row_name
from extract.checks.relation import doubted, pointed
from extract.models import Figure, NumericTable, Relation, TableRow

_EPSILON = 1e-6


def proven(relations: Sequence[Relation], tables: Sequence[NumericTable]) -> list[Relation]:
    """The relations with each table's unproven disagreements made `unsure` and each
    disagreement that two relations point at placed at its cell."""
    by_id = {t.id: t for t in tables}
    by_table: dict[str, list[int]] = defaultdict(list)
    for k, r in enumerate(relations):
        if r.structure in by_id and r.check.startswith("table."):
            by_table[r.structure].append(k)
    judged = list(relations)
    for table, members in by_table.items():
        for k, verdict in _judge_table([relations[k] for k in members], by_id[table]).items():
            judged[members[k]] = verdict
    return judged


def _judge_table(rels: Sequence[Relation], table: NumericTable) -> dict[int, Relation]:
    disagreeing = [k for k, r in enumerate(rels) if r.outcome == "disagrees"]
    if not disagreeing:
        return {}
    # a kind with several lines in the table holding on none reads rows that mean something else
    # here: its lines prove nothing, and count against nothing else
    failing = {r.check for r in rels if _lines(rels, r.check) > 1 and not any(
        _holds(o) for o in rels if o.check == r.check)}
    counted = sum(rels[k].check not in failing for k in disagreeing)
    agreeing = sum(_holds(r) for r in rels)
    verdicts: dict[int, Relation] = {}
    for k in disagreeing:
        misread = _misread_by_ocr(rels[k], table)
        crossing = _crossing(rels, k, table)
        if misread is not None:
            verdicts[k] = doubted(rels[k], misread)
        elif crossing is not None:
            verdicts[k] = pointed(rels[k], crossing)
        elif rels[k].check in failing:
            verdicts[k] = doubted(rels[k], f"'{rels[k].check}' holds on none of its {_lines(rels, rels[k].check)} "
                                           "lines in this table: the rows it reads may mean something else here")
        elif len(rels) == 1:
            continue  # the table's one relation: its own rule has judged it
        elif agreeing == 0 or agreeing < counted:
            verdicts[k] = doubted(rels[k], _doubt(agreeing, counted, len(rels)))
    return verdicts


def _lines(rels: Sequence[Relation], check: str) -> int:
    return sum(r.check == check for r in rels)


def _holds(relation: Relation) -> bool:
    """It agrees, under a reading not in doubt (one that agrees under a doubted reading proves nothing)."""
    return relation.outcome in ("agrees", "within_rounding") and relation.reason is None


def _doubt(agreeing: int, disagreeing: int, evaluated: int) -> str:
    return (f"the reading of the table is in doubt: of its {evaluated} relations {disagreeing} disagree "
            f"and only {agreeing} agree, so the rows or columns may have been misread")


def _crossing(rels: Sequence[Relation], k: int, table: NumericTable | None) -> str | None:
    """Another disagreeing relation of another kind or direction that differs by the same
    amount at a figure this one holds: the cell both point at (a column's total and a row's
    cross-foot; a year's box 7 and its opening balance)."""
    this = rels[k]
    for other in rels:
        if other is this or other.outcome != "disagrees" or _same_line(this, other):
            continue
        if abs(abs(other.difference) - abs(this.difference)) > _EPSILON * max(1.0, abs(this.difference)):
            continue
        shared = _shared(this.evidence, other.evidence)
        if shared is not None:
            row, column = _cell_of(table, shared)
            return (f"Two relations point at one cell: row '{row}', column '{column}' "
                    f"({shared.text}, page {shared.page}).")
    return None


def _same_line(one: Relation, other: Relation) -> bool:
    """Two relations of one kind along one row or down one column: they do not cross."""
    return one.check == other.check and (one.row == other.row or one.column == other.column)


def _shared(ours: Sequence[Figure], theirs: Sequence[Figure]) -> Figure | None:
    places = {_place(f) for f in theirs}
    return next((f for f in ours if _place(f) in places), None)


def _place(figure: Figure) -> tuple:
    return (figure.page, tuple(figure.bbox), figure.text)


def _position(table: NumericTable | None, figure: Figure) -> tuple[TableRow, int] | None:
    """The row and column index of the table's cell that is this figure."""
    for row in table.rows if table is not None else []:
        for c, cell in enumerate(row.cells):
            if cell is not None and _place(cell) == _place(figure):
                return row, c
    return None


def _cell_of(table: NumericTable | None, figure: Figure) -> tuple[str, str]:
    found = _position(table, figure)
    if table is None or found is None:
        return figure.label or "?", "?"
    row, column = found
    return row_name(table, row), heading(table, column)


def _misread_by_ocr(relation: Relation, table: NumericTable) -> str | None:
    """Why a figure of the relation read by OCR may be misread: its decimals differ from those
    every other figure of its column prints (two or more of them)."""
    for figure in relation.evidence:
        if figure.source != "ocr":
            continue
        found = _position(table, figure)
        others = [c for c in _column_cells(table, found[1]) if _place(c) != _place(figure)] if found else []
        printed = {_decimals(c.text) for c in others}
        if len(others) >= 2 and len(printed) == 1 and _decimals(figure.text) not in printed:
            return (f"'{figure.text}' (page {figure.page}) was read by OCR and printed unlike its column, whose "
                    f"other figures have {printed.pop()} decimal places: a decimal point or digit may be misread")
    return None


def _column_cells(table: NumericTable, column: int) -> list[Figure]:
    return [cell for row in table.rows if 0 <= column < len(row.cells) and (cell := row.cells[column]) is not None]


def _decimals(text: str) -> int:
    digits = text.rstrip(")%mMkK ").split(".")
    return len(digits[-1]) if len(digits) > 1 and digits[-1].isdigit() else 0
