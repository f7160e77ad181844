"""Numeric tables: synthetic layouts for the rules, sample pages for the real thing."""
from __future__ import annotations

import pytest

from extract.read.flow import FlowRow
from extract.structures.numeric.cells import Cell, Unit, cell_to_figure, row_to_cells
from extract.structures.numeric.tables import flow_to_numeric_tables
from tests.conftest import MINUTE_2017, PACK_2017, PACK_2023, SLIDES_2022
from tests.rowkit import lay_out, right, row, sample_flow, word


def values(table, label):
    (found,) = [r for r in table.rows if r.label == label]
    return [c.value if c else None for c in found.cells]


# --- rows into label and cells --------------------------------------------------------

def test_a_label_and_spaced_numbers_make_a_numeric_row():
    parsed = row_to_cells(row(0, [(60, "Grant Cut"), (200, "0.6"), (260, "(1.1)")]))
    assert parsed.kind == "numeric"
    assert parsed.label_text == "Grant Cut"
    assert [c.text for c in parsed.cells] == ["0.6", "(1.1)"]


@pytest.mark.parametrize("text", [
    "Headcount 18",  # a card's label and value, set with a word space
    "Tel 024 7683 1234",  # a phone number
    "on 18 January 2017",  # a date
    "reduction of 51.77 FTE compared to 246.44",  # prose
])
def test_numbers_set_with_word_spaces_belong_to_the_text(text):
    assert row_to_cells(row(0, [(60, text)])).kind == "label"


def test_a_row_number_stays_in_the_label():
    parsed = row_to_cells(row(0, [(60, "1"), (90, "Adult Social Care"), (300, "7,003"), (360, "549")]))
    assert parsed.label_text == "1 Adult Social Care"
    assert [c.text for c in parsed.cells] == ["7,003", "549"]


def test_a_row_of_years_is_a_heading_not_numbers():
    assert row_to_cells(row(0, [(200, "2023"), (260, "2024"), (320, "2025")])).kind == "other"


def test_an_amount_set_against_the_label_is_peeled_off_when_cells_are_on_that_side():
    parsed = row_to_cells(row(0, [(20, "1,315.6"), (140, "1,315.6 Revised Base"), (400, "1,428.2")]))
    assert parsed.label_text == "Revised Base"
    assert [c.text for c in parsed.cells] == ["1,315.6", "1,315.6", "1,428.2"]


def test_pound_sign_set_apart_joins_its_number():
    parsed = row_to_cells(row(0, [(60, "Budget"), (200, "£ 1,234"), (280, "£ 56")]))
    assert [c.text for c in parsed.cells] == ["£ 1,234", "£ 56"]


# --- cells into figures ---------------------------------------------------------------

@pytest.mark.parametrize("text, unit, kind, value, precision", [
    ("(1.5)", Unit("money", 1e6), "money", -1_500_000, 100_000),
    ("0.6", Unit("money", 1e6), "money", 600_000, 100_000),
    ("-35.33", Unit("fte"), "fte", -35.33, 0.01),
    ("+35.4", None, "count", 35.4, 0.1),
    ("1,234", Unit("money", 1e3), "money", 1_234_000, 1000),
    ("£1.5m", None, "money", 1_500_000, 100_000),
    ("-£0.8m", None, "money", -800_000, 100_000),
    ("£0.05", Unit("money", 1e6), "money", 50_000, 10_000),  # a cramped '£M' cell
    ("£8,632", None, "money", 8632, 1),
    ("1.6m", None, "count", 1_600_000, 100_000),  # a suffix without '£' is not money
    ("2.5m", Unit("money", 1e6), "money", 2_500_000, 100_000),
    ("135.00", Unit("headcount"), "headcount", 135, 0.01),
])
def test_cell_to_figure(text, unit, kind, value, precision):
    figure = cell_to_figure(Cell((word(text, 100, 50, page=3),)), unit, "Row, Column")
    assert (figure.kind, figure.text, figure.page, figure.label) == (kind, text, 3, "Row, Column")
    assert figure.value == pytest.approx(value)
    assert figure.precision == pytest.approx(precision)
    assert figure.bbox == (100, 50, 100 + 5 * len(text), 60)


@pytest.mark.parametrize("text, unit", [("12%", None), ("n/a", None), ("27", Unit("percent"))])
def test_not_applicable_and_percentages_are_blank(text, unit):
    assert cell_to_figure(Cell((word(text, 100, 50),)), unit, None) is None


@pytest.mark.parametrize("text", ["-", "–", "nil"])
def test_a_lone_dash_or_nil_is_a_printed_zero(text):
    figure = cell_to_figure(Cell((word(text, 100, 50),)), Unit("money", 1e3), None)
    assert figure is not None and figure.value == 0 and figure.kind == "money" and figure.text == text


# --- tables from layouts --------------------------------------------------------------

def impact_table():
    cols = (300, 360)

    def cells(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)]

    return lay_out([
        (100, [(60, "Estimated Financial Impact")]),
        (116, cells("17/18", "18/19")),
        (132, cells("£M", "£M")),
        (148, [(60, "Grant Cut"), *cells("0.6", "1.1")]),
        (164, [(60, "Forecast Savings")]),
        (180, [(60, "Gross Savings"), *cells("(1.8)", "(3.0)")]),
        (196, [(60, "Net Position"), *cells("(0.3)", "-")]),
        (230, [(60, "The table above shows the savings of the redesign in each year.")]),
    ], bold=(0,))


def test_a_money_table_with_title_headings_and_bracketed_negatives():
    (table,) = flow_to_numeric_tables(impact_table())
    assert table.id == "numtable-1-estimated-financial-impact"
    assert table.title == "Estimated Financial Impact"
    assert table.unit == "GBP"
    assert table.columns == ["17/18 £M", "18/19 £M"]
    assert [r.label for r in table.rows] == ["Grant Cut", "Forecast Savings", "Gross Savings", "Net Position"]
    assert values(table, "Forecast Savings") == [None, None]  # a group heading
    assert values(table, "Gross Savings") == [-1_800_000, -3_000_000]
    assert values(table, "Net Position") == [-300_000, 0]  # '-' is a printed zero
    cell = table.rows[2].cells[1]
    assert (cell.text, cell.precision, cell.kind, cell.label) == ("(3.0)", 100_000, "money", "Gross Savings, 18/19 £M")


def staffing_table():
    cols = (240, 300, 360, 420, 480)

    def cells(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)]

    return lay_out([
        (100, [(60, "Summary"), (200, "Establis"), (265, "Vacant"), (330, "Head"), (390, "FTE")]),
        (111, [(200, "hment FTE"), (265, "posts"), (330, "count"), (390, "proposed")]),
        (125, [(60, "Total across Education"), *cells("118.06", "18.54", "135.00", "82.53", "-35.33")]),
        (136, [(60, "(non- SEN)")]),
        (150, [(60, "Total"), *cells("246.66", "34.01", "279.00", "169.65", "-76.81")]),
    ])


def test_multi_line_headings_fold_and_a_wrapped_label_joins_its_row():
    (table,) = flow_to_numeric_tables(staffing_table())
    assert table.title == "Summary"  # nothing above: the label column's heading
    assert table.columns == ["Establis hment FTE", "Vacant posts", "Head count", "FTE proposed", ""]
    assert [r.label for r in table.rows] == ["Total across Education (non- SEN)", "Total"]
    assert values(table, "Total") == [246.66, 34.01, 279.0, 169.65, -76.81]


def narrow_staffing_table():
    """The staffing summary as a browser prints it: a narrow label column wraps the stub
    ('Summary' / '- all' / 'in' / 'review*') and each label over several tight lines."""
    cols = (240, 300, 360)

    def cells(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)]

    return lay_out([
        (100, [(60, "Summary"), (200, "Vacant"), (265, "Head"), (330, "FTE")]),
        (113, [(60, "- all"), (200, "posts"), (265, "count"), (330, "proposed")]),
        (126, [(60, "in")]),
        (139, [(60, "review*")]),
        (157, [(60, "Total"), *cells("18.54", "135.00", "82.53")]),
        (170, [(60, "across")]),
        (183, [(60, "Education")]),
        (196, [(60, "(non-")]),
        (209, [(60, "SEN)")]),
        (227, [(60, "Total"), *cells("15.47", "144.00", "87.12")]),
        (240, [(60, "across")]),
        (253, [(60, "SEN")]),
        (271, [(60, "Total"), *cells("34.01", "279.00", "169.65")]),
    ])


def test_a_label_wrapped_over_many_lines_in_a_narrow_column_joins_its_row():
    (table,) = flow_to_numeric_tables(narrow_staffing_table())
    assert [r.label for r in table.rows] == ["Total across Education (non- SEN)", "Total across SEN", "Total"]
    assert values(table, "Total across SEN") == [15.47, 144.0, 87.12]


def test_the_last_line_of_a_wrapped_stub_is_part_of_the_heading_not_a_group():
    (table,) = flow_to_numeric_tables(narrow_staffing_table())
    assert table.title == "Summary - all in review*"
    assert table.columns == ["Vacant posts", "Head count", "FTE proposed"]
    assert all(r.group is None for r in table.rows)


def test_a_group_heading_spaced_as_the_rows_are_stays_a_group_heading():
    """Under a wrapped stub, a line set a row's distance below the header heads the rows
    (here the only group, so it names the table), and does not join the stub."""
    cols = (240, 300, 360)

    def cells(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)]

    (table,) = flow_to_numeric_tables(lay_out([
        (100, [(60, "Summary"), (200, "Vacant"), (265, "Head"), (330, "FTE")]),
        (113, [(60, "- all"), (200, "posts"), (265, "count"), (330, "proposed")]),
        (131, [(60, "Schools")]),
        (149, [(60, "Primary"), *cells("1.00", "2.00", "3.00")]),
        (167, [(60, "Secondary"), *cells("4.00", "5.00", "6.00")]),
    ]))
    assert table.title == "Schools"
    assert table.columns == ["Vacant posts", "Head count", "FTE proposed"]


def test_a_table_under_a_sentence_that_introduces_it_does_not_continue_one():
    cols = (240, 300)

    def amounts(label: str, *texts: str):
        return [(60, label), *[(right(x1, t), t) for x1, t in zip(cols, texts, strict=True)]]

    def tables_under(line: str):
        page_before = lay_out([(600, amounts("Loans", "4.2", "3.9")), (615, amounts("Bonds", "8.1", "7.7"))])
        page = lay_out([(40, [(60, line)]), (60, amounts("Deposits", "13.6", "6.0")),
                        (75, amounts("Funds", "128.9", "133.0"))], page=2)
        return flow_to_numeric_tables(page_before + page)

    words = "the balances held at the end of the quarter by the Council across all of its funds in £m"
    *_, introduced = tables_under(f"{words}.")
    assert introduced.page == 2 and introduced.opens_page is False  # a sentence introduces it
    *_, running_on = tables_under(words)
    assert running_on.page != 2 or running_on.opens_page is True  # a line running on: it may go on from before


def centred_sheet(wrapped_total: bool = True):
    """A spreadsheet printout whose long labels are wrapped and set vertically centred on
    their numbers: the first line above the number row, the rest below it."""
    cols = (300, 360)

    def cells(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)]

    lines = [
        (100, [(60, "All amounts £000"), *cells("2018/19", "2019/20")]),
        (112, [(60, "Net expenditure brought forward"), *cells("16,354", "14,633")]),
        (124, [(60, "Savings previously identified (excluding")]),
        (130, cells("-378", "-9")),
        (136, [(60, "waste savings)")]),
        (148, [(60, "New savings proposals"), *cells("-2,301", "-430")]),
    ]
    if wrapped_total:
        lines += [(160, [(60, "Total net expenditure (excluding")]), (166, cells("13,675", "14,194")),
                  (172, [(60, "housing benefit subsidy)")])]
    else:
        lines += [(160, [(60, "Total net expenditure"), *cells("13,675", "14,194")])]
    return lay_out(lines)


def test_a_label_printed_around_its_numbers_joins_that_row_not_the_row_above():
    (table,) = flow_to_numeric_tables(centred_sheet())
    assert [r.label for r in table.rows] == [
        "Net expenditure brought forward", "Savings previously identified (excluding waste savings)",
        "New savings proposals", "Total net expenditure (excluding housing benefit subsidy)"]
    assert values(table, "Savings previously identified (excluding waste savings)") == [-378_000, -9_000]


def test_a_three_line_label_centred_on_its_numbers_line_is_one_label():
    cols = (300, 360)
    cells = [(right(x1, t), t) for x1, t in zip(cols, ("1,200", "1,300"), strict=False)]
    (table,) = flow_to_numeric_tables(lay_out([
        (100, [(60, "Item (£)"), (right(300, "2018/19"), "2018/19"), (right(360, "2019/20"), "2019/20")]),
        (112, [(60, "Rent"), (right(300, "800"), "800"), (right(360, "900"), "900")]),
        (124, [(60, "Total running costs (excluding")]),
        (136, [(60, "capital charges and"), *cells]),
        (148, [(60, "depreciation)")]),
    ]))
    assert [r.label for r in table.rows] == ["Rent", "Total running costs (excluding capital charges and depreciation)"]


def test_labels_wrapped_below_their_numbers_stay_with_their_own_rows():
    cols = (300, 360)

    def cells(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)]

    (table,) = flow_to_numeric_tables(lay_out([
        (100, [(60, "Service (£000)"), *cells("2018/19", "2019/20")]),
        (112, [(60, "Savings previously identified"), *cells("1,200", "1,300")]),
        (124, [(60, "(excluding waste savings)")]),
        (136, [(60, "New savings proposals"), *cells("400", "500")]),
        (148, [(60, "and growth")]),
        (160, [(60, "Total"), *cells("1,600", "1,800")]),
    ]))
    assert [r.label for r in table.rows] == [
        "Savings previously identified (excluding waste savings)", "New savings proposals and growth", "Total"]


def test_column_kinds_come_from_headings():
    (table,) = flow_to_numeric_tables(staffing_table())
    # fractional 'posts' are FTE; the blank column shares the heading to its left
    assert [c.kind for c in table.rows[1].cells] == ["fte", "fte", "headcount", "fte", "fte"]
    assert table.unit == "mixed"


def test_prose_dates_and_phone_numbers_are_not_tables():
    flow = lay_out([
        (100, [(60, "The forecast gross savings of 3.0 are achieved through 12 posts and 4 more")]),
        (113, [(60, "from 18 January 2017 and 12 February 2017 as set out in 5.7 and 5.8")]),
        (126, [(60, "Contact: Jane Smith"), (300, "Tel 024 7683 1234")]),
        (139, [(60, "Contact: John Smith"), (300, "Tel 024 7683 1235")]),
    ])
    assert flow_to_numeric_tables(flow) == []


def test_a_table_needs_two_rows_and_two_columns():
    one_row = lay_out([(100, [(60, "Total"), (200, "1.0"), (260, "2.0")])])
    one_column = lay_out([(100, [(60, "Budget"), (200, "1.0")]), (116, [(60, "Forecast"), (200, "2.0")])])
    assert flow_to_numeric_tables(one_row) == []
    assert flow_to_numeric_tables(one_column) == []


def test_percentages_alone_are_not_a_table():
    flow = lay_out([(100, [(60, "Agree"), (200, "12%"), (260, "40%")]),
                    (116, [(60, "Disagree"), (200, "88%"), (260, "60%")])])
    assert flow_to_numeric_tables(flow) == []


def test_a_table_runs_past_a_page_of_stamp():
    flow = lay_out([
        (84, [(60, "Grant (£m)")]),
        (100, [(60, "Schools"), (right(240, "1.0"), "1.0"), (right(300, "2.0"), "2.0")]),
        (116, [(60, "Page 27 of 54")]),
        (132, [(60, "Libraries"), (right(240, "3.0"), "3.0"), (right(300, "4.0"), "4.0")]),
    ])
    (table,) = flow_to_numeric_tables(flow)
    assert [r.label for r in table.rows] == ["Schools", "Libraries"]


def test_a_sentence_below_ends_the_table():
    tables = flow_to_numeric_tables(impact_table())
    assert all("savings of the redesign" not in r.label for t in tables for r in t.rows)


def test_without_text_labels_the_first_column_labels_the_rows_when_every_column_is_headed():
    cols = (120, 220, 320)
    flow = lay_out([
        (100, [(60, "Attendance"), (180, "FTE absent"), (280, "Posts covered")]),
        *[(116 + 16 * n, [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)])
          for n, texts in enumerate([("100%", "0", "0"), ("95%", "10", "50"), ("90%", "20", "100")])],
    ])
    (table,) = flow_to_numeric_tables(flow)
    assert table.title == "Attendance"
    assert table.columns == ["FTE absent", "Posts covered"]
    assert [r.label for r in table.rows] == ["100%", "95%", "90%"]
    assert values(table, "90%") == [20, 100]


# --- the samples ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def pack_tables():
    # the two table pages and their neighbours, which are prose: exactly two tables
    return flow_to_numeric_tables(sample_flow(PACK_2017, (9, 10, 11, 28, 29, 30)))


def test_the_2017_pack_has_the_financial_impact_and_staffing_tables(pack_tables):
    assert [t.title for t in pack_tables] == [
        "Education Services Redesign - Estimated Financial Impact",
        "Summary - all services in review*",
    ]
    assert [t.page for t in pack_tables] == [10, 29]


def test_financial_impact_table(pack_tables):
    table = pack_tables[0]
    assert table.unit == "GBP"
    assert table.columns == ["17/18 £M", "18/19 £M", "19/20 £M"]
    assert [r.label for r in table.rows] == [
        "Estimated Grant Cut", "Core Savings Target", "Indicative Savings Target",
        "Forecast Savings from Redesign*", "Grant Savings", "Core Savings", "Gross Savings",
        "Adjustments**", "Net Savings", "Net Position",
    ]
    assert values(table, "Estimated Grant Cut") == [600_000, 1_100_000, 1_700_000]
    assert values(table, "Gross Savings") == [-1_800_000, -3_000_000, -3_000_000]
    assert values(table, "Net Position") == [-300_000, -700_000, -100_000]
    gross_18_19 = table.rows[6].cells[1]
    assert (gross_18_19.text, gross_18_19.precision, gross_18_19.page) == ("(3.0)", 100_000, 10)
    x0, top, x1, bottom = gross_18_19.bbox
    assert 430 < x0 < x1 < 465 and top < bottom


def test_staffing_summary_table(pack_tables):
    table = pack_tables[1]
    assert table.columns == [
        "Establis hment FTE", "Staff in post FTE", "Vacant posts", "Head count", "FTE propose d", "",
        "Head count adverse impact", "New post",
    ]
    assert [r.label for r in table.rows] == [
        "Total across Education (non- SEN)", "Total across SEN", "Total",
    ]
    assert values(table, "Total") == [246.66, 212.25, 34.01, 279.0, 169.65, -76.81, -122.0, 34.0]
    kinds = [c.kind for c in table.rows[2].cells]
    assert kinds == ["fte", "fte", "fte", "headcount", "fte", "fte", "headcount", "count"]
    assert table.rows[0].cells[5].text == "-35.33"


def test_a_page_that_speaks_of_neither_money_nor_staff_gives_no_table():
    # the 2023 pack's attendance bands (days and hours missed): numbers, but not figures we check
    assert flow_to_numeric_tables(sample_flow(PACK_2023, (10,))) == []
    cols = (120, 220, 320)
    flow = lay_out([
        (100, [(60, "Attendance"), (180, "Days missed"), (280, "Hours missed")]),
        *[(116 + 16 * n, [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)])
          for n, texts in enumerate([("100%", "0", "0"), ("95%", "10", "50"), ("90%", "20", "100")])],
    ])
    assert flow_to_numeric_tables(flow) == []


def test_slides_with_grades_and_the_cabinet_minute_hold_no_tables():
    assert flow_to_numeric_tables(sample_flow(SLIDES_2022, (15, 16))) == []
    assert flow_to_numeric_tables(sample_flow(MINUTE_2017, (1, 2))) == []


def test_a_title_wrapped_over_two_lines_is_read_whole_and_stops_at_the_prose_above():
    cols = (300, 360)

    def cells(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)]

    flow = lay_out([
        (70, [(60, "The redesign is summarised below.")]),
        (88, [(60, "Education Services Redesign - Estimated Financial")]),
        (100, [(60, "Impact")]),
        (116, cells("17/18", "18/19")),
        (132, cells("£M", "£M")),
        (148, [(60, "Grant Cut"), *cells("0.6", "1.1")]),
        (164, [(60, "Gross Savings"), *cells("(1.8)", "(3.0)")]),
    ], bold=(1, 2))
    (table,) = flow_to_numeric_tables(flow)
    assert table.title == "Education Services Redesign - Estimated Financial Impact"


# --- titles: the printed heading line above the table ----------------------------------

def mixed_flow(lines):
    """lay_out with a type size and weight per line: (top, phrases, size, bold)."""
    flow, previous = [], None
    for top, phrases, size, bold in lines:
        r = row(top, phrases, size, 1, bold)
        flow.append(FlowRow(r, 0.0 if previous is None else max(0.0, r.top - previous.bottom), previous is None))
        previous = r
    return flow


def money_rows(top, cols=(300, 360)):
    rows = []
    printed = [("Rent", "800", "900"), ("Rates", "1,200", "1,300"), ("Total", "2,000", "2,200")]
    for n, (label, a, b) in enumerate(printed):
        rows.append((top + 12 * n, [(60, label), (right(cols[0], a), a), (right(cols[1], b), b)], 10.0, False))
    return rows


def test_a_heading_in_larger_type_further_above_than_a_row_gap_is_the_title():
    (table,) = flow_to_numeric_tables(mixed_flow([
        (60, [(60, "Adult Social Care & Health")], 16.0, True),
        (106, [(right(300, "£000s"), "£000s"), (right(360, "£000s"), "£000s")], 10.0, True),
        *money_rows(120),
    ]))
    assert table.title == "Adult Social Care & Health"


def test_a_column_heading_line_the_header_did_not_take_is_not_the_title():
    (table,) = flow_to_numeric_tables(mixed_flow([
        (60, [(60, "Savings monitoring")], 12.0, True),
        (80, [(275, "Forecast outturn")], 10.0, True),
        (92, [(60, "Saving"), (right(300, "£000s"), "£000s"), (right(360, "£000s"), "£000s")], 10.0, True),
        *money_rows(106),
    ]))
    assert table.title == "Savings monitoring"


def test_a_line_far_wider_than_the_column_it_stands_over_is_a_title_not_a_heading():
    (table,) = flow_to_numeric_tables(mixed_flow([
        (60, [(250, "INDICATIVE FOR PLANNING PURPOSES")], 10.0, True),
        (74, [(right(300, "2024-25"), "2024-25"), (right(360, "2025-26"), "2025-26")], 10.0, True),
        (86, [(right(300, "£000s"), "£000s"), (right(360, "£000s"), "£000s")], 10.0, True),
        *money_rows(100),
    ]))
    assert table.title == "INDICATIVE FOR PLANNING PURPOSES"
    assert table.columns == ["2024-25 £000s", "2025-26 £000s"]


def test_the_last_line_of_a_label_of_the_table_above_is_not_the_next_tables_title():
    tables = flow_to_numeric_tables(lay_out([
        (100, [(60, "All amounts £000"), (right(300, "2018/19"), "2018/19"), (right(360, "2019/20"), "2019/20")]),
        (112, [(60, "Net expenditure"), (right(300, "16,354"), "16,354"), (right(360, "14,633"), "14,633")]),
        (124, [(60, "Savings"), (right(300, "-378"), "-378"), (right(360, "-9"), "-9")]),
        (136, [(60, "Total net expenditure (excluding")]),
        (142, [(right(300, "15,976"), "15,976"), (right(360, "14,624"), "14,624")]),
        (148, [(60, "housing benefit subsidy)")]),
        (185, [(60, "Council Tax"), (right(300, "-10,976"), "-10,976"), (right(360, "-11,417"), "-11,417")]),
        (197, [(60, "Other"), (right(300, "39"), "39"), (right(360, "24"), "24")]),
    ], bold=(3, 4, 5)))
    assert len(tables) == 2
    assert tables[1].title == "Untitled table, page 1"


def note_titled_table(title: str, heading: str):
    cols = (300, 360)

    def cells(*texts):
        return [(right(x1, t), t) for x1, t in zip(cols, texts, strict=False)]

    return lay_out([
        (84, [(300, "All figures in £m")]),
        (100, [(60, title)]),
        (116, cells(heading, "Forecast")),
        (132, [(60, "Strategic Management"), *cells("1.4", "1.2")]),
        (148, [(60, "Human Resources"), *cells("5.4", "5.1")]),
        (164, [(60, "Total"), *cells("6.8", "6.3")]),
    ], bold=(0,))


def test_a_count_word_in_a_title_over_fractional_amounts_gives_way_to_the_unit_stated_above():
    (table,) = flow_to_numeric_tables(note_titled_table("Majority of underspend due to holding vacancies", "Budget"))
    assert all(c is None or c.kind != "fte" for r in table.rows for c in r.cells)
    assert table.column_units == ["GBP 1e+06", "GBP 1e+06"]
    assert values(table, "Human Resources") == [5_400_000, 5_100_000]


def test_fractional_posts_under_a_column_heading_are_fte():
    (table,) = flow_to_numeric_tables(note_titled_table("Staffing", "Posts"))
    assert table.column_units[0] == "FTE"
    assert values(table, "Human Resources")[0] == 5.4
