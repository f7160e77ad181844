"""The table reading causes end to end, on a budget page generated with reportlab and read
as any paper is (pdfplumber words → rows → tables → checks)."""
from __future__ import annotations

import pytest

from tests.budget_pen import COLUMNS, BudgetPen


def budget_page(path) -> None:
    """A revenue budget in £000: a unit line under the headings, a total whose label is
    wrapped over three lines above its numbers, rows with blank cells, and under it a small
    block (last year's budget, the changes, this year's)."""
    pen = BudgetPen(path)
    top = pen.headings()
    rows = [("Schools", "1,200", "100", "1,300"), ("Libraries", "300", "10", "310"),
            ("INFLATION", "", "", ""), ("Transport", "500", "-20", "480")]
    for label, *cells in rows:
        pen.text(60, top, label)
        pen.numbers(top, *cells)
        top += 14
    for line in ("SPECIALIST", "EDUCATION"):
        pen.text(60, top, line, bold=True)
        top += 9
    pen.text(60, top, "SERVICES", bold=True)
    pen.numbers(top, "2,000", "90", "2,090", bold=True)
    top += 28
    for label, cell in (("Budget 2024/25", "2,000"), ("Changes", "90"), ("Budget 2025/26", "2,090")):
        pen.text(60, top, label)
        pen.text(COLUMNS[0] + 12, top, cell, right=True)
        top += 14
    pen.save()


@pytest.fixture(scope="module")
def extraction(tmp_path_factory):
    pytest.importorskip("reportlab")
    from extract.pipeline import extract_pack

    path = tmp_path_factory.mktemp("budget") / "budget.pdf"
    budget_page(path)
    return extract_pack(path)


def test_the_budget_reads_in_its_unit_with_its_rows_and_labels(extraction):
    (table,) = extraction.tables
    labels = [r.label for r in table.rows]
    assert labels == ["Schools", "Libraries", "INFLATION", "Transport", "SPECIALIST EDUCATION SERVICES"]
    total = table.rows[-1]
    assert [c.value for c in total.cells] == [2_000_000, 90_000, 2_090_000]
    assert table.column_units == ["GBP 1000"] * 3
    assert table.reading.unit_sources == ["unit line"] * 3
    assert [(w.row, w.lines) for w in table.reading.wrapped_labels] == [(4, 3)]


def test_no_figure_of_the_block_below_and_no_nil_row_is_in_the_table(extraction):
    (table,) = extraction.tables
    texts = [c.text for r in table.rows for c in r.cells if c]
    assert "£000" not in texts
    assert all(r.label not in ("Budget 2024/25", "Changes", "Budget 2025/26") for r in table.rows)


def test_the_reading_names_the_relations_that_confirm_it(extraction):
    (table,) = extraction.tables
    held = {r.check for r in extraction.relations if r.structure == table.id and r.outcome == "agrees"}
    assert held, "the budget's totals add up down and across"
    assert sorted(c.split(" ×")[0] for c in table.reading.confirmed_by) == sorted(held)
    totals = sum(1 for r in extraction.relations if r.structure == table.id and r.check == "table.total_row")
    assert f"table.total_row ×{totals}" in table.reading.confirmed_by


def test_an_agreement_under_a_reading_in_doubt_confirms_nothing(extraction):
    from extract.checks import confirmed

    (table,) = extraction.tables
    doubted = [r.model_copy(update={"reason": "the rows above may belong to another table"})
               for r in extraction.relations if r.structure == table.id]
    assert confirmed(table, doubted).reading.confirmed_by == []
