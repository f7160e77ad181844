"""The units audit (bench/units_audit.py) finds a column's unit from the page's own words where
pages print it: a unit alone over a group of columns, a title ending in its unit set over the
columns, a '£' in the column's other amounts, a row's label, a heading wrapped over lines.
Generated pages (reportlab)."""
from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.budget_pen import COLUMNS, BudgetPen
from tests.test_table_units import rows

BENCH = Path(__file__).resolve().parent.parent / "bench" / "units_audit.py"


def audit(tmp_path, draw) -> Counter:
    pytest.importorskip("reportlab")
    from extract.pipeline import Options, extract_pack

    spec = importlib.util.spec_from_file_location("units_audit", BENCH)
    assert spec is not None and spec.loader is not None
    units_audit = importlib.util.module_from_spec(spec)
    sys.modules["units_audit"] = units_audit  # its dataclasses look their module up
    spec.loader.exec_module(units_audit)
    path = tmp_path / "audit.pdf"
    pen = BudgetPen(path)
    draw(pen)
    pen.save()
    extraction = extract_pack(path, Options(checks=False))
    assert extraction.tables
    return Counter(v.outcome for v in units_audit.audit_paper(path, extraction))


def test_a_unit_centred_over_the_middle_column_alone_is_every_columns(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Key service statement", bold=True)
        pen.text(COLUMNS[1] - 12, 80, "£m")
        pen.numbers(92, "Budget", "Forecast", "Variance")
        rows(pen, 108)
    assert audit(tmp_path, draw) == Counter({"in unit": 9})


def test_a_title_ending_in_its_unit_set_over_the_columns_is_the_tables(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Directorate budgets for the year 2024-25 in total (£000)", bold=True)
        pen.numbers(90, "Core", "External", "Total")
        rows(pen, 106)
    assert audit(tmp_path, draw) == Counter({"in unit": 9})


def test_a_pound_sign_in_a_columns_other_amounts_is_its_unit(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Accounts for payment", bold=True)
        rows(pen, 80, [("Clerk's salary", "£430.00"), ("Footpath maintenance", "315.00"),
                       ("Play area", "78.00"), ("Total", "£823.00")])
    assert audit(tmp_path, draw) == Counter({"in unit": 4})


def test_a_rows_label_ending_in_its_unit_is_the_unit_of_its_amounts(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Table 9: Net income from investments", bold=True)
        pen.numbers(90, "2024/25", "2025/26", "2026/27")
        rows(pen, 106, [("Net income from investments £m", "4.9", "5.2", "4.7"),
                        ("Net revenue budget £000", "1,400", "1,500", "1,600")])
    assert audit(tmp_path, draw) == Counter({"in unit": 6})


def test_a_head_count_heading_wrapped_over_two_lines_names_no_money(tmp_path):
    def draw(pen):
        pen.text(60, 60, "Staffing summary", bold=True)
        pen.numbers(80, "Head", "Head", "Head")
        pen.numbers(91, "count", "count", "count")
        rows(pen, 107, [("Education", "12", "14", "15"), ("Social care", "30", "31", "29")])
        pen.text(60, 160, "Costs are shown in £ elsewhere.")
    assert audit(tmp_path, draw) == Counter({"no money": 6})
