"""Shapes of table small councils print that were read but not evaluated: headings set apart
from a spaced table's body over a group heading, and amounts itemised in a text column
('Four Oaks - £167.00' … 'Total: £1,000') beside running text."""
from __future__ import annotations

from extract.structures.numeric.tables import flow_to_numeric_tables
from tests.rowkit import lay_out, right
from tests.test_relation_kinds import alarms, checked, of
from tests.test_table_checks import table

BOXES = (230, 280, 330, 380, 430, 480, 530)  # right edges: precept, other, total | staff, loans, other, total


def boxed(top, label, *cells):
    return (top, [(40, label)] + [(right(x, c), c) for x, c in zip(BOXES, cells, strict=True) if c])


def reconciliation_to_the_return(gap_under_banner: float):
    """Income and expenditure by box of the annual return, each side closed by a 'Total'
    column; the headings sit tight over a group heading set well above the spaced rows."""
    heads = [(61, ["Box 2", "Box 3", "", "Box 4", "Box 5", "Box 6", ""]),
             (72, ["Precept", "Other", "Total", "Staff", "Loans", "Other", "Total"])]
    lines = [(top, [(right(x, w), w) for x, w in zip(BOXES, words, strict=True) if w]) for top, words in heads]
    lines.append((83, [(40, "Direct Services")]))
    top = 93 + gap_under_banner
    body = [("Culture", "-", "68,635", "68,635", "-", "-", "163,521", "163,521"),
            ("Parks", "-", "-", "-", "-", "-", "10,598", "10,598"),
            ("Health", "-", "1,500", "1,500", "-", "-", "25,117", "25,117"),
            ("Support", "-", "2,313", "2,313", "152,360", "-", "147,302", "299,662"),
            ("Precept", "1,832,982", "-", "1,832,982", "-", "-", "-", "-")]
    for row in body:
        lines.append(boxed(top, *row))
        top += 24
    return lay_out(lines)


def test_headings_set_apart_from_a_spaced_body_over_a_group_heading_are_read():
    (table,) = flow_to_numeric_tables(reconciliation_to_the_return(gap_under_banner=25))
    assert table.columns == ["Box 2 Precept", "Box 3 Other", "Total", "Box 4 Staff", "Box 5 Loans",
                             "Box 6 Other", "Total"]


def test_each_total_column_of_a_spaced_table_is_checked_against_its_own_side():
    (table,) = flow_to_numeric_tables(reconciliation_to_the_return(gap_under_banner=25))
    rels = of(checked(table), "table.total_column")
    income = [r for r in rels if r.expression.count("+") == 1]
    assert {r.row for r in income} == {"Culture", "Parks", "Health", "Support", "Precept"}
    assert {r.outcome for r in rels} == {"agrees"} and not alarms(rels)


def test_a_header_far_above_the_body_for_its_row_spacing_is_not_taken():
    (table,) = flow_to_numeric_tables(reconciliation_to_the_return(gap_under_banner=60))
    assert "Total" not in table.columns


# --- amounts itemised in a text column, closed by their total ------------------------------

SUMMARY, AMOUNTS = 200, 480  # the running text's column, the amounts' column


def grant_page(lines_right, total="Total: £1,000"):
    """Running text on every line, and the amounts column right of it on some."""
    right_column = dict(lines_right)
    lines = [(60, [(SUMMARY, "Project Summary"), (AMOUNTS, "Amount Requested")])]
    top = 74
    for n in range(12):
        phrases = [(SUMMARY, f"line {n} of the running text of the summary")]
        if n in right_column:
            phrases.append((AMOUNTS, right_column[n]))
        lines.append((top, phrases))
        top += 12
    lines.append((top, [(SUMMARY, "last line of the summary"), (AMOUNTS, total)]))
    return lay_out(lines)


WARDS = [(0, "Four Oaks - £167.00"), (2, "New Hall - £167.00"), (4, "Trinity Ward -"), (5, "£166.00"),
         (8, "Vesey - £500.00")]


def test_amounts_itemised_in_a_text_column_are_read_as_a_list_closed_by_its_total():
    (table,) = flow_to_numeric_tables(grant_page(WARDS))
    assert [r.label for r in table.rows] == ["Four Oaks", "New Hall", "Trinity Ward", "Vesey", "Total"]
    assert [r.cells[0].value for r in table.rows] == [167, 167, 166, 500, 1000]
    assert table.column_units == ["GBP"]


def test_an_itemised_list_is_checked_against_its_total_and_a_wrong_total_is_found():
    (table,) = flow_to_numeric_tables(grant_page(WARDS))
    assert [r.outcome for r in of(checked(table), "table.total_row")] == ["agrees"]
    (wrong,) = flow_to_numeric_tables(grant_page(WARDS, total="Total: £1,200"))
    (rel,) = of(checked(wrong), "table.total_row")
    assert rel.outcome == "disagrees" and rel.difference == 200


def test_amounts_in_a_text_column_that_no_total_closes_are_no_table():
    assert flow_to_numeric_tables(grant_page(WARDS, total="with thanks")) == []


def test_a_line_of_prose_among_the_amounts_is_no_itemised_list():
    lines = [*WARDS[:2], (3, "the committee agreed a grant of £50 and asked for a report"), *WARDS[2:]]
    assert flow_to_numeric_tables(grant_page(lines)) == []


# --- a difference between two years' columns ------------------------------------------------

def variances(rows):
    return table(["Box no", "2015/16", "2016/17", "difference"], rows)


def test_a_difference_column_beside_two_years_is_the_later_year_less_the_earlier():
    rels = of(checked(variances([("Other receipts", ["3", "1545", "2583", "1038"]),
                                 ("Staff costs", ["4", "825", "825", "0"]),
                                 ("Other payments", ["6", "6722", "6100", "-622"])])), "table.variance")
    assert [(r.row, r.outcome) for r in rels] == [("Other receipts", "agrees"), ("Staff costs", "agrees"),
                                                 ("Other payments", "agrees")]


def test_a_wrong_difference_among_differences_that_hold_is_an_alarm_naming_its_row():
    rels = of(checked(variances([("Other receipts", ["3", "1545", "2583", "1038"]),
                                 ("Staff costs", ["4", "825", "825", "0"]),
                                 ("Other payments", ["6", "6722", "6100", "-522"])])), "table.variance")
    (wrong,) = alarms(rels)
    assert wrong.row == "Other payments" and wrong.difference == 100


def test_a_percentage_change_beside_two_years_is_not_checked_as_a_difference():
    rels = checked(table(["2023/24", "2024/25", "Change"], [("Precept", ["5700", "6000", "5.3"]),
                                                             ("Grants", ["400", "500", "25.0"]),
                                                             ("Interest", ["10", "12", "20.0"])]))
    assert of(rels, "table.variance") == []


# --- a spending sheet: an amount set tight against its label, a month of no spend ----------

BUDGET, MONTHS, TOTALS = 155, (200, 250, 300), 360  # right edges


def sheet_line(top, label, budget, months=("", "", ""), total=None):
    phrases = [(30, label)]
    if budget:
        phrases.append((right(BUDGET, budget), budget))
    phrases += [(right(x, m), m) for x, m in zip(MONTHS, months, strict=True) if m]
    if total is not None:
        phrases.append((right(TOTALS, total), total))
    return (top, phrases)


def spending_sheet(tight=True):
    return lay_out([
        sheet_line(100, "OALC", "200", ("", "121.80", ""), "121.80"),
        sheet_line(112, "Bank charges", "", ("18.00", "18.00", "18.00"), "54.00"),
        sheet_line(124, "Insurance", "500", ("454.55", "", ""), "454.55"),
        sheet_line(136, "Playground", "1000", ("", "", "10.00"), "10.00"),
        sheet_line(148, "Changing Rooms (elec)", "2000") if tight else (148, [(30, "Hall hire from 2019")]),
        sheet_line(160, "Clerk salary", "1250", ("98.00", "98.00", "98.00"), "294.00"),
        sheet_line(172, "Village Hall", "250", total="0"),
        sheet_line(184, "Post Office", "", ("124.80", "", "20.00"), "144.80"),
    ])


def test_a_whole_amount_set_tight_against_its_label_in_a_column_of_amounts_is_a_cell():
    (table,) = flow_to_numeric_tables(spending_sheet())  # one table, not two split at the row
    row = next(r for r in table.rows if r.label == "Changing Rooms (elec)")
    assert row.cells[0] is not None and row.cells[0].value == 2000


def test_a_year_ending_a_label_left_of_every_column_stays_in_the_label():
    (table,) = flow_to_numeric_tables(spending_sheet(tight=False))
    assert "Hall hire from 2019" in [r.label for r in table.rows]


def test_a_nil_row_total_over_no_monthly_spend_adds_up():
    (table,) = flow_to_numeric_tables(spending_sheet())
    rels = of(checked(table), "table.cross_foot")
    village = [r for r in rels if r.row == "Village Hall"]
    assert [(r.outcome, r.found) for r in village] == [("agrees", 0)]
    assert not alarms(rels)


# --- a total over one printed amount in its column ------------------------------------------

def payments(vat_total):
    return table(["Payment", "VAT", "Expenditure"], [
        ("Insurance", ["470.82", "", "470.82"]), ("Grass cutting", ["2880.00", "", "2880.00"]),
        ("Playground", ["1803.85", "956.54", "847.31"]), ("Totals", ["5154.67", vat_total, "4198.13"])])


def test_a_column_of_one_amount_is_checked_against_its_total_as_a_reading_in_doubt():
    rels = [r for r in of(checked(payments("956.54")), "table.total_row") if r.column == "VAT"]
    assert [(r.outcome, r.found) for r in rels] == [("agrees", 956.54)]
    assert rels[0].reason is not None and "one amount" in rels[0].reason


def test_a_total_differing_from_its_one_amount_is_unsure_the_only_alarm_its_row_not_adding_across():
    # Down, a total over one amount proves nothing (unsure); across, the Totals row no longer
    # adds up while every payment above it does: that the page proves, and it alone is raised.
    rels = checked(payments("965.54"))
    (vat,) = [r for r in of(rels, "table.total_row") if r.column == "VAT"]
    assert vat.outcome == "unsure"
    assert [(r.check, r.row, r.expected, r.found) for r in alarms(rels)] == [
        ("table.cross_foot", "Totals", 5163.67, 5154.67)]


def test_a_one_item_list_closed_by_its_total_is_checked():
    (table_,) = flow_to_numeric_tables(grant_page([(3, "Trinity Ward"), (4, "£8,000")], total="Total = £8,000"))
    assert [(r.outcome, r.found) for r in of(checked(table_), "table.total_row")] == [("agrees", 8000)]


# --- the fast pass sends a page of itemised amounts to pdfplumber --------------------------

def _page(*lines):
    from extract.read.pdfium import PageLines

    return PageLines(number=1, width=595, height=842, lines=tuple(lines))


def test_a_page_closing_amounts_itemised_in_a_text_column_is_read_for_structures():
    from extract.pack.triage import structure_pages

    grant = _page("Organisation Status Project Summary Amount Requested",
                  "Friends of the Park Registered are seeking funding to purchase Trinity Ward",
                  "Charity litter pickers, gloves and jackets £3,098.50", "Total = £3,098.50")
    prose = _page("The clerk reported that the grant of £3,098.50 had been paid.", "The meeting closed at 9pm.")
    assert structure_pages([grant]) == {1}
    assert structure_pages([prose]) == set()


def test_the_grant_notes_read_the_same_with_and_without_the_fast_pass(tmp_path):
    from extract.pipeline import Options, extract_pack

    pen = _grant_pdf(tmp_path / "grants.pdf")
    fast, full = extract_pack(pen, Options()), extract_pack(pen, Options(triage=False))
    assert fast.model_dump()["tables"] == full.model_dump()["tables"]
    assert [r.outcome for r in of(fast.relations, "table.total_row")] == ["agrees"]


def _grant_pdf(path):
    """A page of running text with a one-ward grant in its amounts column (reportlab)."""
    from tests.budget_pen import BudgetPen

    pen = BudgetPen(path)
    pen.text(60, 60, "Community Grant Applications")
    pen.text(60, 90, "Organisation")
    pen.text(200, 90, "Project Summary")
    pen.text(420, 90, "Amount Requested")
    summary = ["are seeking funding to purchase a suitable", "locking cabinet, litter pickers, gloves",
               "and jackets for the volunteers who keep", "the park clear of litter each month"]
    for n, line in enumerate(summary):
        pen.text(200, 104 + 12 * n, line)
    pen.text(60, 104, "Friends of the Park")
    pen.text(420, 104, "Trinity Ward")
    pen.text(420, 116, "£3,098.50")
    pen.text(420, 140, "Total = £3,098.50")
    pen.save()
    return path
