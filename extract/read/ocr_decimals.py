"""A number OCR read without the decimal point its column prints ('8712' for '87.12').

Tesseract drops a small, faint point (a coarse or black-and-white scan closes it into the
digits' gap) and both readings of the page may drop it alike, so the readings agree and the
word is settled with a value a hundred times too large. The table shows it: every other
number of the column prints the same decimal places. Such a cell is kept as printed but
without a value (left out of every sum, listed as an ambiguous figure): a missing figure is
better than a wrong one. Only OCR'd pages are looked at; born-digital cells print what they
print.

Works on the extraction as plain data (its model_dump), as mark_ocr_figures does.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

MIN_OTHERS = 2  # other numbers of the column that must all print the same decimals
_NUMERAL = re.compile(r"\d")
_DECIMALS = re.compile(r"\.(\d+)\D*$")

Place = tuple[int, tuple[float, ...]]  # a figure's page and bbox


def decimal_point_lost(tables: Iterable[dict], pages: set[int]) -> set[Place]:
    """The places of OCR'd table cells printed with no decimals in a column whose other
    numbers (MIN_OTHERS or more) all print the same number of them, d >= 1, and holding
    more than d digits (a point lost from a number of d decimals leaves d + 1 or more)."""
    lost: set[Place] = set()
    for table in tables:
        for column in _columns(table):
            numbers = [c for c in column if _NUMERAL.search(c["text"])]
            for cell in numbers:
                if cell["page"] not in pages or cell.get("value") is None or _decimals(cell["text"]):
                    continue
                others = {_decimals(c["text"]) for c in numbers if c is not cell}
                if len(numbers) - 1 < MIN_OTHERS or len(others) != 1 or others == {0}:
                    continue
                if len(_NUMERAL.findall(cell["text"])) > others.pop():  # its digits hold the lost decimals
                    lost.add(place(cell))
    return lost


def place(figure: dict) -> Place:
    return figure["page"], tuple(round(v, 2) for v in figure["bbox"])


def _columns(table: dict) -> Iterator[list[dict]]:
    width = max((len(row["cells"]) for row in table["rows"]), default=0)
    for k in range(width):
        yield [cell for row in table["rows"] if k < len(row["cells"]) and (cell := row["cells"][k]) is not None]


def _decimals(text: str) -> int:
    match = _DECIMALS.search(text.strip())
    return len(match.group(1)) if match else 0
