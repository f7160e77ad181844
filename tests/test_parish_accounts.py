"""How a council's statement of accounts is read where it prints little: last year's figure
left of the label with a note letter after the numbers, a label set tight against its
number, and amounts printed without a '£' in a table of accounts' lines (pounds) beside a
genuine count column (a count). Pages generated with reportlab."""
from __future__ import annotations

from pathlib import Path

from extract.read.flow import pages_to_flow
from extract.read.plumber import read_pages
from extract.structures.numeric.tables import flow_to_numeric_tables

PRIOR, NOW, INCOME, NET = 140, 330, 400, 470  # right edges of the columns; labels start at 160
LABEL = 160


def _tables(path: Path, draw) -> list:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]

    def text(x: float, top: float, words: str, right: bool = False, bold: bool = False) -> None:
        page.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        (page.drawRightString if right else page.drawString)(x, height - top, words)

    draw(text)
    page.save()
    return flow_to_numeric_tables(pages_to_flow(list(read_pages(path, [1]))))


def _accounts_with_notes(text) -> None:
    text(60, 50, "Income and Expenditure Account", bold=True)
    text(PRIOR, 70, "2017", right=True)
    for x, heading in ((NOW, "Gross"), (INCOME, "Income"), (NET, "Net")):
        text(x, 70, heading, right=True)
    for x in (PRIOR, NOW, INCOME, NET):
        text(x, 80, "£", right=True)
    rows = [("Economic Development", "(3,000)", "(4,022)", "-", "(4,022)", ""),
            ("Cultural and Heritage", "-", "(163,521)", "68,635", "(94,886)", ""),
            ("Central Support Costs", "(229,850)", "(299,663)", "2,313", "(297,350)", "A"),
            ("Civic and Democratic Costs", "(107,246)", "(68,644)", "", "(68,644)", "B"),
            ("", "(340,096)", "(535,850)", "70,948", "(464,902)", "")]
    for n, (label, prior, gross, income, net, note) in enumerate(rows):
        top = 96 + 14 * n
        text(PRIOR, top, prior, right=True)
        text(LABEL, top, label)
        for x, cell in ((NOW, gross), (INCOME, income), (NET, net)):
            if cell:
                text(x, top, cell, right=True)
        if note:
            text(NET + 20, top, note)


def test_a_note_letter_after_the_numbers_of_a_row_opened_by_last_years_figure_keeps_the_row(tmp_path):
    (table,) = _tables(tmp_path / "notes.pdf", _accounts_with_notes)
    assert [r.label for r in table.rows][2:4] == ["Central Support Costs", "Civic and Democratic Costs"]
    assert [c.value if c else None for c in table.rows[2].cells] == [-229850, -299663, 2313, -297350]
    assert table.rows[2].notes == ["A"]
    assert [c.value for c in table.rows[-1].cells if c] == [-340096, -535850, 70948, -464902]


def _notes_page(text) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    text(60, 50, "C Earmarked reserves", bold=True)
    text(NOW, 66, "£", right=True)
    rows = [("By-election Contingency", "50,000"), ("Cycles in Town", "175,000"), ("Election Costs", "37,000"),
            ("Members Allowances", "4,962")]
    for n, (label, amount) in enumerate(rows):
        text(60, 80 + 12 * n, label)
        text(NOW, 80 + 12 * n, amount, right=True)
    label = "Contingency Community Planning Projects and Works"
    column_x0 = NOW - stringWidth("175,000", "Helvetica", 9)
    text(column_x0 - 0.8 - stringWidth(label, "Helvetica", 9), 128, label)  # up to the column's edge
    text(NOW, 128, "10,500", right=True)
    text(60, 146, "Transfer to Earmarked Reserves")
    text(NOW, 146, "277,462", right=True)


def test_a_label_running_up_to_its_columns_edge_keeps_its_row_and_the_rows_below(tmp_path):
    def draw(text) -> None:
        _notes_page(text)

    tables = _tables(tmp_path / "tight.pdf", draw)
    (table,) = [t for t in tables if any(r.label.startswith("By-election") for r in t.rows)]
    labels = [r.label for r in table.rows]
    assert labels[-2:] == ["Contingency Community Planning Projects and Works", "Transfer to Earmarked Reserves"]
    assert [r.cells[0].value for r in table.rows[-2:]] == [10500, 277462]


def _annual_return(text) -> None:
    text(60, 50, "Annual Return 31 March 2018", bold=True)
    text(NOW, 70, "2017", right=True)
    text(INCOME, 70, "2018", right=True)
    rows = [("1 Balances Brought Forward", "-", "1,309,126"), ("2 Annual Precept", "1,823,850", "1,832,982"),
            ("3 Total Other Receipts", "247", "72,448"), ("4 Staff Costs", "72,828", "152,360"),
            ("5 Loan Interest/Capital Repayments", "-", "-"), ("6 Total Other Payments", "442,142", "1,022,427"),
            ("7 Balances Forward", "1,309,126", "2,039,769")]
    _two_columns(text, rows, pitch=16)


def _two_columns(text, rows, pitch: float) -> None:
    """Rows of a label and two amounts, right-aligned under NOW and INCOME, from y = 90."""
    for n, (label, first, second) in enumerate(rows):
        text(60, 90 + pitch * n, label)
        text(NOW, 90 + pitch * n, first, right=True)
        text(INCOME, 90 + pitch * n, second, right=True)


def test_amounts_without_a_pound_sign_in_a_table_of_accounts_lines_are_pounds_marked_inferred(tmp_path):
    (table,) = _tables(tmp_path / "return.pdf", _annual_return)
    figures = [c for r in table.rows for c in r.cells if c is not None]
    assert {f.kind for f in figures} == {"money"}
    assert all(f.unit_inferred for f in figures)
    assert table.unit == "GBP"


def _staffing(text) -> None:
    text(60, 50, "Staffing by team", bold=True)
    text(NOW, 70, "No. of posts", right=True)
    text(INCOME, 70, "Budget £", right=True)
    rows = [("Grounds staff costs", "4", "98,000"), ("Office staff costs", "3", "81,500"),
            ("Total staff costs", "7", "179,500")]
    _two_columns(text, rows, pitch=14)


def test_a_column_headed_as_a_count_stays_a_count_in_a_table_of_accounts_lines(tmp_path):
    (table,) = _tables(tmp_path / "staff.pdf", _staffing)
    assert [r.cells[0].kind for r in table.rows] == ["count"] * 3
    assert [r.cells[1].kind for r in table.rows] == ["money"] * 3
    assert not any(c.unit_inferred for r in table.rows for c in r.cells if c)


def _sports_table(text) -> None:
    text(60, 50, "Bookings by pitch", bold=True)
    text(60, 140, "Hire charges stay at £40 a session.")
    text(NOW, 70, "2017", right=True)
    text(INCOME, 70, "2018", right=True)
    rows = [("North pitch", "41", "44"), ("South pitch", "38", "35"), ("Total", "79", "79")]
    for n, (label, before, now) in enumerate(rows):
        text(60, 90 + 14 * n, label)
        text(NOW, 90 + 14 * n, before, right=True)
        text(INCOME, 90 + 14 * n, now, right=True)


def test_figures_of_a_table_naming_no_accounts_lines_and_no_unit_stay_counts(tmp_path):
    (table,) = _tables(tmp_path / "pitches.pdf", _sports_table)
    assert {c.kind for r in table.rows for c in r.cells if c} == {"count"}


def _checked(table) -> list:
    from extract.checks.signed import signed_rows
    from extract.checks.totals import total_rows
    from extract.checks.years import opening_balances

    found = [*total_rows(table), *signed_rows(table), *opening_balances(table)]
    return [r for r in found if r is not None]


def test_the_first_row_printing_a_nil_mark_and_one_figure_opens_the_table(tmp_path):
    (table,) = _tables(tmp_path / "return.pdf", _annual_return)
    assert table.rows[0].label == "1 Balances Brought Forward"
    assert [c.value for c in table.rows[0].cells] == [0, 1309126]


def test_the_returns_boxes_numbered_without_marks_are_checked_as_box_7_and_box_1_against_last_years_box_7(tmp_path):
    (table,) = _tables(tmp_path / "return.pdf", _annual_return)
    found = [(r.check, r.found, r.outcome) for r in _checked(table)]
    assert ("table.agar_box7", 1309126, "within_rounding") in found  # 0 + 1,823,850 + 247 − 72,828 − 442,142
    assert ("table.agar_box7", 2039769, "agrees") in found
    assert ("table.opening_balance", 1309126, "agrees") in found
    assert not [f for f in found if f[0] == "table.total_row"]  # 'Total Other Receipts' is box 3, a part


def test_a_misprinted_box_7_of_an_unmarked_return_disagrees_at_box_7(tmp_path):
    def misprinted(text) -> None:
        text(60, 50, "Annual Return 31 March 2018", bold=True)
        text(NOW, 70, "2018", right=True)
        text(INCOME, 70, "2017", right=True)
        rows = [("1 Balances Brought Forward", "1,309,126", "-"), ("2 Annual Precept", "1,832,982", "1,823,850"),
                ("3 Total Other Receipts", "72,448", "247"), ("4 Staff Costs", "152,360", "72,828"),
                ("5 Loan Interest/Capital Repayments", "-", "-"),
                ("6 Total Other Payments", "1,022,427", "442,142"), ("7 Balances Forward", "2,093,769", "1,309,127")]
        for n, (label, now, before) in enumerate(rows):
            text(60, 90 + 16 * n, label)
            text(NOW, 90 + 16 * n, now, right=True)
            text(INCOME, 90 + 16 * n, before, right=True)

    (table,) = _tables(tmp_path / "misprint.pdf", misprinted)
    box7 = [r for r in _checked(table) if r.check == "table.agar_box7"]
    assert [(r.found, r.outcome) for r in box7] == [(2093769, "disagrees"), (1309127, "agrees")]


def _two_groups(closed: bool):
    def draw(text) -> None:
        text(60, 50, "Income and Expenditure Account", bold=True)
        text(NOW, 66, "£", right=True)
        text(INCOME, 66, "£", right=True)
        text(NOW, 76, "2017", right=True)
        text(INCOME, 76, "2018", right=True)
        top = 92
        text(60, top, "DIRECT SERVICES", bold=True)
        for label, before, now in (("Parks", "(3,000)", "(4,022)"), ("Play areas", "(2,500)", "(1,981)"),
                                   ("Christmas lights", "(9,201)", "(6,931)")):
            top += 12
            text(60, top, label)
            text(NOW, top, before, right=True)
            text(INCOME, top, now, right=True)
        if closed:
            top += 12
            text(60, top, "Total direct services", bold=True)
            text(NOW, top, "(14,701)", right=True, bold=True)
            text(INCOME, top, "(12,934)", right=True, bold=True)
        top += 34  # the next heading stands well below
        text(60, top, "CENTRAL COSTS", bold=True)
        for label, before, now in (("Office", "(5,000)", "(6,000)"), ("Audit", "(1,000)", "(1,200)")):
            top += 12
            text(60, top, label)
            text(NOW, top, before, right=True)
            text(INCOME, top, now, right=True)
        top += 14
        total = ("(6,000)", "(7,200)") if closed else ("(20,701)", "(20,134)")
        text(NOW, top, total[0], right=True, bold=True)
        text(INCOME, top, total[1], right=True, bold=True)
    return draw


def test_a_group_heading_set_well_below_rows_no_total_has_closed_continues_the_table(tmp_path):
    (table,) = _tables(tmp_path / "groups.pdf", _two_groups(closed=False))
    assert [r.group for r in table.rows if any(r.cells)][-3:] == ["CENTRAL COSTS"] * 3
    sums = [(r.found, r.outcome) for r in _checked(table) if r.check == "table.total_row"]
    assert sums == [(-20701, "agrees"), (-20134, "agrees")]


def test_a_heading_below_a_table_its_total_closed_starts_a_table_of_its_own(tmp_path):
    tables = _tables(tmp_path / "closed.pdf", _two_groups(closed=True))
    assert len(tables) == 2


def _reconciliation_with_a_speck(text) -> None:
    text(60, 50, "Reconciliation to the annual return", bold=True)
    text(300, 66, "Staff £", right=True)
    text(380, 66, "Other £", right=True)
    text(470, 66, "Total £", right=True)
    top = 84
    text(60, top, "Direct Services", bold=True)
    for label in ("Parks", "Play areas", "Christmas lights"):
        top += 14
        text(60, top, label)
        text(290, top, "-")  # a nil set in the middle of the column, not flush right
        text(380, top, "4,022", right=True)
        text(470, top, "4,022", right=True)
    text(400, top + 5, ".")  # a speck on the page, on a line of its own
    top += 14
    text(60, top, "Central costs", bold=True)  # a bold heading set close under a plain row
    for label, staff, total in (("Salaries", "152,360", "152,360"), ("Office", "-", "8,000")):
        text(380, top + 14, "-" if label == "Salaries" else "8,000", right=True)
        top += 14
        text(60, top, label)
        if staff == "-":
            text(290, top, "-")
        else:
            text(300, top, staff, right=True)
        text(470, top, total, right=True)


def test_a_speck_on_its_own_line_and_a_bold_heading_close_under_a_row_neither_split_the_table_nor_join_a_label(
        tmp_path):
    (table,) = _tables(tmp_path / "speck.pdf", _reconciliation_with_a_speck)
    assert [r.label for r in table.rows] == ["Direct Services", "Parks", "Play areas", "Christmas lights",
                                             "Central costs", "Salaries", "Office"]
    assert [r.group for r in table.rows if r.label == "Salaries"] == ["Central costs"]


def _money(text: str):
    from extract.models import Figure

    return Figure(kind="money", value=float(text.replace(",", "")), text=text, precision=1, page=1, bbox=(0, 0, 1, 1))


def _grouped(last: tuple[str, str]):
    from extract.models import NumericTable, TableRow

    rows = [TableRow(label="Direct services", cells=[None, None]),
            *(TableRow(label=label, cells=[_money(a), _money(b)])
              for label, a, b in (("Parks", "4,022", "100"), ("Play", "10,598", "0"), ("Lights", "66,931", "0"))),
            TableRow(label="Central costs", cells=[None, None]),
            *(TableRow(label=label, cells=[_money(a), _money(b)])
              for label, a, b in (("Office", "147,302", "2,313"), ("Civic", "68,644", "0"))),
            TableRow(label="Totals carried to annual return", cells=[_money(last[0]), _money(last[1])])]
    return NumericTable(id="numtable-1-t", title="T", page=1, columns=["Other costs", "Income"], rows=rows)


def test_a_last_row_adding_up_every_row_of_both_groups_in_every_column_is_checked_as_their_total():
    from extract.checks.totals import total_rows

    found = [(r.found, r.outcome) for r in total_rows(_grouped(("297,497", "2,413"))) if r is not None]
    assert found == [(297497, "agrees"), (2413, "agrees")]


def test_a_last_row_adding_up_in_one_column_only_is_no_total_and_raises_nothing():
    from extract.checks.totals import total_rows

    assert [r for r in total_rows(_grouped(("297,497", "2,913"))) if r is not None] == []


def test_a_row_adding_up_the_items_above_it_is_checked_where_the_total_below_reads_it_as_their_subtotal():
    from extract.checks.totals import total_rows
    from extract.models import NumericTable, TableRow

    rows = [TableRow(label=label, cells=[_money(a)]) for label, a in (
        ("Salaries", "152,360"), ("Office Costs", "22,713"), ("Audit Fees", "2,420"),
        ("Central Support Costs", "177,493"), ("Interest Received", "-2,313"), ("Total", "175,180"))]
    table = NumericTable(id="numtable-1-a", title="A", page=1, columns=["Net Expenditure"], rows=rows)
    found = [(r.row, r.found, r.outcome) for r in total_rows(table) if r is not None]
    assert found == [("Central Support Costs", 177493, "agrees"), ("Total", 175180, "agrees")]


def _three_columns(last: tuple[str, str, str]):
    from extract.models import NumericTable, TableRow

    rows = [*(TableRow(label=label, cells=[_money(a), _money(b), _money(c)])
              for label, a, b, c in (("Parks", "4,022", "100", "3,922"), ("Play", "10,598", "40", "10,558"),
                                     ("Lights", "66,931", "10", "66,921"))),
            TableRow(label="Net cost of services", cells=[_money(x) for x in last])]
    return NumericTable(id="numtable-1-t", title="T", page=1, columns=["Costs", "Income", "Net"], rows=rows)


def test_a_named_last_row_misprinted_in_one_of_three_columns_disagrees_there_the_others_agreeing():
    from extract.checks.totals import total_rows

    found = [(r.found, r.outcome) for r in total_rows(_three_columns(("81,551", "150", "81,411")))
             if r is not None]
    assert found == [(81551, "agrees"), (150, "agrees"), (81411, "disagrees")]


def test_a_named_last_row_adding_up_in_one_of_three_columns_is_no_total():
    from extract.checks.totals import total_rows

    assert [r for r in total_rows(_three_columns(("81,551", "999", "5,000"))) if r is not None] == []


def test_a_subtotal_misprinted_in_one_column_is_blamed_there_and_the_total_below_still_reads_it_as_a_subtotal():
    from extract.checks.totals import total_rows
    from extract.models import NumericTable, TableRow

    rows = [TableRow(label=label, cells=[_money(a), _money(b)] if b else [_money(a), None]) for label, a, b in (
        ("Salaries", "152,360", "160,000"), ("Office Costs", "22,713", "30,000"), ("Audit Fees", "2,420", "5,000"),
        ("Central Support Costs", "177,493", "205,000"), ("Interest Received", "-2,313", ""),
        ("Total", "175,180", ""))]
    table = NumericTable(id="numtable-1-a", title="A", page=1, columns=["Net Expenditure", "Budget"], rows=rows)
    found = [(r.row, r.found, r.outcome) for r in total_rows(table) if r is not None]
    assert found == [("Central Support Costs", 177493, "agrees"), ("Central Support Costs", 205000, "disagrees"),
                     ("Total", 175180, "agrees")]

