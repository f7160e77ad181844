"""The unit of a column that prints none, from the arithmetic of its rows: a column whose
cells are the sum or the difference of the cells of two other columns of one unit counts in
that unit.

A scan loses words: OCR read the 2017 pack's staffing summary heading 'Establis hment FTE' as
'Establis hment', and its column (118.06, 128.60, 246.66) came out as counts, though its
first row's establishment is that row's staff in post FTE plus its vacant posts FTE (99.52 +
18.54; the other two rows are misprinted on the page, and the table checks say so). A heading
naming no unit left a column a plain count; its sums say what it counts. The relation must
hold on two rows, or on one whose total prints four significant digits or more (a chance
equality of such numbers is rare), in one way (a + b, or a - b); a column agreeing so with
pairs of two different units is left as it was.
"""
from __future__ import annotations

from collections.abc import Sequence
from itertools import permutations

from extract.structures.numeric.cells import Cell, Unit, cell_to_figure

MIN_ROWS = 2  # rows on which the relation holds with a total other than nil
SURE_DIGITS = 1000  # or one row whose total is this many times its last printed digit: '118.06'
# How a column is made of two others: c = a + b, or c = a - b (b - a is the pair reversed)
RELATIONS = ((1, 1), (1, -1))

Value = tuple[float, float]  # a cell's value and the unit of its last printed digit


def units_by_their_sums(units: Sequence[Unit | None], rows: Sequence[Sequence[Cell | None]]) -> list[Unit | None]:
    """Each column's unit, a column without one given the unit of two columns it is the sum or
    the difference of (_made_of); the others as they were."""
    values = [[_value(cell) for cell in row] for row in rows]
    found = list(units)
    for k, unit in enumerate(units):
        if unit is not None:
            continue
        sharing = {units[a] for a, b in permutations(range(len(units)), 2)
                   if k not in (a, b) and _one_unit(units[a], units[b]) and _made_of(values, k, a, b)}
        if len(sharing) == 1:
            found[k] = sharing.pop()
    return found


def _one_unit(one: Unit | None, other: Unit | None) -> bool:
    return one is not None and one == other and one.kind != "percent"


def _made_of(values: Sequence[Sequence[Value | None]], k: int, a: int, b: int) -> bool:
    """Column k is a + b, or a - b, on two rows, or on one whose total has four digits or more."""
    lines = [(total, one, two) for row in values if max(k, a, b) < len(row)
             and (total := row[k]) is not None and total[0] and (one := row[a]) and (two := row[b])]
    for signs in RELATIONS:
        held = [total for total, one, two in lines if _exactly(total, signs[0] * one[0] + signs[1] * two[0],
                                                                 min(total[1], one[1], two[1]))]
        if len(held) >= MIN_ROWS or any(abs(total[0]) >= SURE_DIGITS * total[1] for total in held):
            return True
    return False


def _exactly(total: Value, made: float, digit: float) -> bool:
    """Equal to the finest printed digit: a sum within rounding (5 against 3 + 1.5) says too
    little to name a unit by."""
    return abs(total[0] - made) < digit / 2


def _value(cell: Cell | None) -> Value | None:
    figure = cell_to_figure(cell, None, None) if cell is not None else None
    return (figure.value, figure.precision) if figure is not None and figure.value is not None else None
