"""Generated council tables of each form (samples/tables/generate.py): a planted wrong total
is found, named by its table, row and column; the same table printed right stays silent."""
from __future__ import annotations

import json
import re

import pytest

from tests.conftest import SAMPLES, extraction_of

TABLES = SAMPLES / "tables"
PLANTED = json.loads((TABLES / "planted.json").read_text())
FORMS = sorted(name.removesuffix("-planted.pdf") for name in PLANTED)


def alarms(extraction):
    return [f for f in extraction.findings if f.severity in ("warning", "error")]


@pytest.mark.parametrize("form", FORMS)
def test_a_table_that_adds_up_raises_nothing(form):
    extraction = extraction_of(TABLES / f"{form}.pdf")
    assert extraction.tables, "the table is read"
    assert any(r.cells and any(r.cells) for t in extraction.tables for r in t.rows)
    assert alarms(extraction) == []


@pytest.mark.parametrize("form", FORMS)
def test_a_planted_wrong_total_is_found_by_its_table_row_and_column(form):
    planted = PLANTED[f"{form}-planted.pdf"]
    found = alarms(extraction_of(TABLES / f"{form}-planted.pdf"))
    row = planted["row"] or r"row \d+ \(unlabelled\)"  # an unlabelled total is named by its place
    subject = re.compile(rf"{re.escape(planted['title'])} – {row if not planted['row'] else re.escape(row)}, "
                         rf"{re.escape(planted['column'])}$")
    assert any(subject.match(f.subject) for f in found), [f.subject for f in found]
    # every alarm rests on the planted figure: nothing else in the table is blamed
    assert all(planted["printed"] in [e.text for e in f.evidence] for f in found)


def test_every_cell_of_a_table_keeps_its_page_when_the_table_crosses_pages():
    (table,) = extraction_of(TABLES / "crossing.pdf").tables
    assert table.page_end == table.page + 1
    assert {r.page for r in table.rows} == {table.page, table.page + 1}
    assert all(c.page == r.page for r in table.rows for c in r.cells if c is not None)
    assert not any("2020/21" in r.label for r in table.rows), "the repeated heading row is not a row"


def test_group_headings_text_columns_and_units_are_kept():
    (nested,) = extraction_of(TABLES / "nested.pdf").tables
    assert nested.column_units == ["GBP 1000", "GBP 1000"]  # from 'All amounts £000'
    assert [r.label for r in nested.rows if not any(r.cells)] == ["ADULT SERVICES", "CHILDREN'S SERVICES", "CORPORATE"]
    assert {r.group for r in nested.rows if r.label.startswith("Early")} == {"CHILDREN'S SERVICES"}
    (notes,) = extraction_of(TABLES / "notes-column.pdf").tables
    salaries = next(r for r in notes.rows if r.label == "Salaries")
    assert salaries.notes == ["Salary for Staff - 3.4 FTE"] and [c.value for c in salaries.cells] == [152_360, 312_300]


def test_pounds_in_a_heading_only_make_the_cells_money():
    (sheet,) = extraction_of(TABLES / "budget-sheet.pdf").tables
    assert {c.kind for r in sheet.rows for c in r.cells if c is not None} == {"money"}


def test_bracketed_negatives_are_negative():
    (accounts,) = extraction_of(TABLES / "accounts.pdf").tables
    staff = next(r for r in accounts.rows if r.label == "Staff costs")
    assert staff.cells[0].value == -152_360
