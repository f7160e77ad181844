"""How relations of a table name where they lie: its row's label and its column's heading."""
from __future__ import annotations

from typing import TypedDict

from extract.models import NumericTable, TableRow


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
