"""Checks over numeric tables: total rows, formula rows and columns, on small hand-made tables."""
from __future__ import annotations

from collections.abc import Sequence

from extract.checks.tables import formula_columns, total_rows
from extract.models import Figure, NumericTable, TableRow


def cell(text: str, kind: str = "money", precision: float = 0.1, unit: float = 1.0) -> Figure:
    value = float(text.strip("()")) * (-1 if text.startswith("(") else 1) * unit
    return Figure(kind=kind, value=value, text=text, precision=precision * unit, page=1, bbox=(0, 0, 1, 1))


def reported(check, subject) -> list:
    """The findings a rule raises, as run_checks keeps them (relations that agree raise none)."""
    return [r.raised for r in check(subject) if r.raised is not None]


def table(columns: Sequence[str], rows: Sequence[tuple[str, Sequence[str | None]]], kind="money") -> NumericTable:
    return NumericTable(
        id="numtable-1-t", title="T", page=1, columns=list(columns),
        rows=[TableRow(label=label, cells=[cell(t, kind) if t else None for t in texts]) for label, texts in rows],
    )


def test_a_total_row_that_does_not_add_up_is_flagged_when_another_column_does():
    t = table(["2024", "2025"], [("A", ["1.0", "2.0"]), ("B", ["3.0", "4.0"]), ("Total", ["4.0", "6.5"])])
    (finding,) = reported(total_rows, t)
    assert finding.check == "table.total_row" and finding.subject == "T – Total, 2025"
    assert finding.expected == 6.0 and finding.found == 6.5 and finding.severity == "warning"


def test_when_no_column_adds_up_the_rows_were_misread_and_nothing_is_reported():
    # nested subtotals read as parts: every column is out by the same subtotal
    t = table(["2024", "2025"], [("A", ["1.0", "2.0"]), ("Subtotal A", ["1.0", "2.0"]), ("B", ["3.0", "4.0"]),
                                 ("Total", ["4.0", "6.0"])])
    assert reported(total_rows, t) == []


def test_a_single_column_total_is_checked_on_its_own():
    t = table(["£m"], [("A", ["1.0"]), ("B", ["3.0"]), ("Total", ["4.5"])])
    (finding,) = reported(total_rows, t)
    assert finding.found == 4.5 and finding.expected == 4.0


def test_columns_of_averages_rates_and_percentages_are_not_added_down():
    t = table(["Balance", "Average life yrs", "Rate %"],
              [("A", ["10.0", "15.1", "4.1"]), ("B", ["20.0", "39.4", "3.2"]), ("Total", ["30.0", "24.5", "3.5"])])
    assert reported(total_rows, t) == []


def test_total_across_rows_are_parts_not_totals():
    t = table(["FTE"], [("Total across Education", ["1.0"]), ("Total across SEN", ["2.0"]), ("Total", ["3.0"])],
              kind="fte")
    assert reported(total_rows, t) == []


def test_vacant_posts_are_establishment_minus_staff_in_post_whatever_the_heading_wrap():
    t = table(["Establis hment FTE", "Staff in post FTE", "Vacan t posts"],
              [("SEN", ["128.60", "112.73", "15.47"])], kind="fte")
    (finding,) = reported(formula_columns, t)
    assert finding.subject == "T – SEN, Vacant posts"  # the canonical name, not the wrapped heading
    assert round(finding.expected, 2) == 15.87 and finding.found == 15.47


def test_an_unheaded_column_after_fte_proposed_is_the_change_in_fte():
    t = table(["Establishment FTE", "FTE proposed", ""],
              [("Non-SEN", ["118.06", "82.53", "-35.33"]), ("SEN", ["128.60", "87.12", "-41.48"])], kind="fte")
    (finding,) = reported(formula_columns, t)
    assert finding.subject == "T – Non-SEN, Change in FTE"
    assert round(finding.expected, 2) == -35.53


def test_an_unheaded_column_elsewhere_is_left_alone():
    t = table(["Establishment FTE", "", "FTE proposed"], [("SEN", ["128.60", "-9.99", "87.12"])], kind="fte")
    assert reported(formula_columns, t) == []


def test_the_reports_establishment_is_checked_against_the_summary_tables_total():
    from extract.checks.report import report_against_appendices
    from extract.models import Extraction, Meeting, Source, Statement

    stated = Figure(kind="fte", value=246.44, text="246.44 FTE", precision=0.01, page=5, bbox=(0, 0, 1, 1))
    statement = Statement(subject="Report 1.4", section="1.4", page=5, figures=[stated],
                          text="The current staffing establishment is 246.44 FTE across the services.")
    summary = table(["Establishment FTE", "Staff in post FTE"],
                    [("Non-SEN", ["118.06", "99.52"]), ("SEN", ["128.60", "112.73"]), ("Total", ["246.66", "212.25"])],
                    kind="fte")
    extraction = Extraction(tool_version="t", source=Source(file="x.pdf", sha256="0" * 64, pages=30),
                            meeting=Meeting(), statements=[statement], tables=[summary])
    (finding,) = reported(report_against_appendices, extraction)
    assert (finding.check, finding.subject) == ("report.establishment_vs_summary_table", "Report 1.4")
    assert (finding.expected, finding.found, finding.severity) == (246.66, 246.44, "warning")


def test_an_unheaded_column_of_rates_is_not_added_down():
    # Kent's treasury table: amounts (£m) and their average rates (%), the rate column unheaded
    t = table(["£m", ""], [("Bank Call Accounts", ["6.00", "4.20"]), ("Covered bonds", ["130.90", "4.45"]),
                            ("Total", ["136.90", "4.44"])])
    assert reported(total_rows, t) == []


def test_a_total_of_its_own_section_below_a_base_row_is_not_flagged():
    # Kent's budget: "Revised Base", then a "SPENDING" heading, its rows and "TOTAL SPENDING"
    rows = [("Revised Base", ["100.0", "50.0"]), ("SPENDING", [None, None]), ("Pay", ["1.0", "2.0"]),
            ("Prices", ["3.0", "-4.0"]), ("TOTAL SPENDING", ["4.0", "-2.0"])]
    assert reported(total_rows, table(["Core", "External"], rows)) == []


def test_a_section_total_that_does_not_add_up_is_still_flagged():
    rows = [("Revised Base", ["100.0", "50.0"]), ("SPENDING", [None, None]), ("Pay", ["1.0", "2.0"]),
            ("Prices", ["3.0", "-4.0"]), ("TOTAL SPENDING", ["4.0", "-2.5"])]
    findings = reported(total_rows, table(["Core", "External"], rows))
    assert [(f.subject, f.expected, f.found) for f in findings] == [("T – TOTAL SPENDING, External", -2.0, -2.5)]


def test_a_lone_column_total_over_an_unlabelled_row_is_not_flagged():
    # an unlabelled subtotal among the parts: the rows were not read as the table means them
    rows = [("A", ["3.0", None]), ("B", ["-1.0", None]), ("", ["2.0", None]), ("C", ["0.0", None]),
            ("TOTAL", ["-4.0", None])]
    assert reported(total_rows, table(["2025", "2026"], rows)) == []
