"""Percentages printed in a table's cells ('6.0%', '(4.8)%', or '4.2' under a heading in %).

They add to nothing, so `cells` leaves them blank and no relation sums them
(checks/additive.py); they are kept beside the cells, in a row's `percentages`, so that a
percentage changed between two versions of a paper is seen (compare/changes.py). The value
is the number printed, in percent: '6.0%' is 6.0, with the precision of its last digit.
"""
from __future__ import annotations

from collections.abc import Sequence

from extract.models import Figure
from extract.read.text import TextRun
from extract.structures.numeric.cells import Cell, Unit
from extract.vocabulary import NUMBER_CELL


def cell_to_percentage(cell: Cell, unit: Unit | None, label: str | None) -> Figure | None:
    """The cell as a percentage: printed with '%', or a bare number in a column in percent; else None."""
    match = NUMBER_CELL.match(cell.text.replace(" ", ""))
    if match is None or match["pound"] or match["suffix"] and match["suffix"] != "%":
        return None
    if match["suffix"] != "%" and (unit is None or unit.kind != "percent"):
        return None
    digits = match["digits"].replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    negative = bool(match["open"]) or match["sign"] not in (None, "+") or bool(match["sign2"])
    run = TextRun.from_words(cell.words)
    page, bbox = run.locate(0, len(run.text))
    return Figure(kind="percent", value=float(f"{(-1 if negative else 1) * float(digits):.10g}"), text=cell.text,
                  precision=float(f"{10.0 ** -decimals:.10g}"), page=page, bbox=bbox, label=label or None)


def row_percentages(cells: Sequence[Cell | None], units: Sequence[Unit | None],
                    labels: Sequence[str | None]) -> list[Figure | None]:
    """One per column when the row prints a percentage; none at all when it prints none."""
    found = [cell_to_percentage(cell, unit, label) if cell is not None else None
             for cell, unit, label in zip(cells, units, labels, strict=True)]
    return found if any(found) else []
