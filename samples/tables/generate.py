"""Generate small council-style PDFs of each numeric-table form, each with and without a
planted wrong total.

    python3 samples/tables/generate.py            # writes samples/tables/*.pdf and planted.json

Each form is built from its rows as a spreadsheet would be: totals are computed, then (in
the '-planted' copy) one printed total is changed. `planted.json` records, per PDF, the
table title, row label and column heading of the changed total, so the tests can check that
the tool names exactly it. Fonts, borders, rules and page sizes differ between forms.
Output is deterministic (reportlab invariant mode).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

reportlab.rl_config.invariant = 1
HERE = Path(__file__).resolve().parent


@dataclass
class Line:
    label: str
    values: list[float | None]  # None: blank cell
    kind: str = "item"  # item | heading | total (labelled) | rule (unlabelled total under a rule)
    note: str = ""


@dataclass
class Form:
    name: str
    council: str
    title: str
    headings: list[str]  # one per value column; '\n' breaks a heading over lines
    lines: list[Line]
    fmt: Callable[[float], str]
    font: str = "Helvetica"
    pagesize: tuple[float, float] = A4
    grid: bool = False
    unit_line: str = ""
    group_headings: list[tuple[str, int, int]] = field(default_factory=list)  # (text, first col, last col)
    note_heading: str = ""
    planted: tuple[str, int, float] | None = None  # (row label, column, amount added)
    repeat_rows: int = 1
    intro: str = ""
    centred: bool = False  # long labels wrapped in a narrow column, set vertically centred on their numbers


def money(v: float) -> str:
    return f"({abs(v):,.0f})" if v < 0 else f"{v:,.0f}"


def minus(v: float) -> str:
    return f"-{abs(v):,.0f}" if v < 0 else ("-" if v == 0 else f"{v:,.0f}")


def pence(v: float) -> str:
    return f"£{v:,.2f}"


def plain_pence(v: float) -> str:
    return f"{v:,.2f}"


# --- the forms --------------------------------------------------------------------------

def accounts() -> Form:
    rows = [
        Line("Precept", [412_300, 398_100]), Line("Grants received", [18_250, 21_400]),
        Line("Interest", [1_210, 640]), Line("Other income", [6_455, 3_925]),
        Line("", [], "rule"),
        Line("Staff costs", [-152_360, -147_880]), Line("Premises", [-61_920, -58_404]),
        Line("Grants paid", [-96_500, -88_250]), Line("Administration", [-23_715, -25_112]),
        Line("", [], "rule"),
    ]
    return Form("accounts", "Ashby Town Council", "Income and Expenditure Account for the year ended 31 March 2018",
                ["2018\n£", "2017\n£"], rows, money, font="Times-Roman",
                planted=("", 1, 1_000.0), intro="Statement of accounts. Figures in brackets are expenditure.")


def budget_sheet() -> Form:
    rows = [
        Line("REVENUE", [], "heading"),
        Line("Clerk's salary", [9_800, 10_050]), Line("Hall hire", [420, 450]),
        Line("Insurance", [1_150, 1_210]), Line("Audit fees", [600, 650]),
        Line("Total revenue", [], "total"),
        Line("CAPITAL", [], "heading"),
        Line("Play area equipment", [4_500, 2_000]), Line("Bus shelter", [3_200, 0]),
        Line("Noticeboards", [654, 1_300]),
        Line("Total capital", [], "total"),
        Line("Total expenditure", [], "grand"),
    ]
    return Form("budget-sheet", "Llanfair Community Council", "Budget 2019/20",
                ["Budget\n2018/19\n£", "Budget\n2019/20\n£"], rows, plain_pence, font="Courier",
                planted=("Total capital", 1, 1_000.0))


def crossing() -> Form:
    schemes = ["Highways resurfacing", "Footway renewal", "Street lighting LED", "Bridge strengthening",
               "Drainage schemes", "Traffic signals", "Cycle routes", "Bus priority", "Safer routes to school",
               "Car park renewal", "Library refurbishment", "Leisure centre roof", "Museum store",
               "Depot works", "Fleet replacement", "ICT infrastructure", "Schools condition", "Special schools",
               "Early years places", "Youth centres", "Care home upgrades", "Disabled adaptations",
               "Extra care housing", "Community hubs", "Parks improvements", "Cemetery extension",
               "Allotments", "Flood defences", "Coastal protection", "Public realm", "Market hall",
               "Town centre grants", "Workspace units", "Broadband", "Energy efficiency", "Solar panels",
               "Heat networks", "Electric vehicle charging", "Waste transfer station", "Recycling centre",
               "Depot relocation", "Office accommodation", "Registrars office", "Archive store",
               "Sports pitches", "Swimming pool", "Play areas", "Skate park", "Green corridors", "Tree planting"]
    rows = [Line(s, [float(200 + 37 * k % 900), float(1_000 + 131 * k % 2_500)]) for k, s in enumerate(schemes)]
    rows.append(Line("Total capital programme", [], "total"))
    return Form("crossing", "Borough of Ferrybridge", "Capital Programme 2020/21 to 2021/22",
                ["2020/21\n£'000", "2021/22\n£'000"], rows, money, pagesize=letter, grid=True,
                planted=("Total capital programme", 0, 100.0))


def nested() -> Form:
    rows = [
        Line("ADULT SERVICES", [], "heading"),
        Line("Residential care", [12_400, 12_950]), Line("Home care", [8_310, 8_720]),
        Line("Day services", [2_150, 2_100]), Line("Total adult services", [], "total"),
        Line("CHILDREN'S SERVICES", [], "heading"),
        Line("Looked after children", [9_870, 10_420]), Line("Early help", [3_210, 3_050]),
        Line("Total children's services", [], "total"),
        Line("CORPORATE", [], "heading"),
        Line("Finance", [2_780, 2_810]), Line("Legal and democratic", [1_640, 1_700]),
        Line("Total corporate", [], "total"),
        Line("Grand total", [], "grand"),
    ]
    return Form("nested", "Wexcombe District Council", "Revenue budget by service 2024/25",
                ["2023/24 Budget", "2024/25 Budget"], rows, money, font="Times-Roman", pagesize=landscape(A4),
                unit_line="All amounts £000", planted=("Grand total", 1, 100.0))


def total_columns() -> Form:
    rows = [Line(s, [c, e, None, c2, e2, None]) for s, c, e, c2, e2 in [
        ("Staffing", 4_210, 310, 3_980, 120), ("Commissioned services", 12_640, 2_110, 9_870, 1_450),
        ("Transport", 830, 0, 1_920, 240), ("Premises", 410, 35, 615, 80), ("Supplies", 290, 60, 330, 15)]]
    return Form("total-columns", "Kentmere County Council", "Directorate budgets 2024-25 (£000)",
                ["Core", "External", "Total", "Core", "External", "Total"], rows, money, grid=True,
                group_headings=[("ASCH", 0, 2), ("CYPE", 3, 5)], planted=("Transport", 2, 50.0))


def payments() -> Form:
    rows = [Line("i) Mrs J Evans, Clerk's Salary December, Chq No 1285", [430.00]),
            Line("ii) Mr E Williams, maintenance work on the footpath, Chq No 1286", [315.00]),
            Line("iii) Mr P Davies, maintenance work at the play area, Chq No 1287", [78.00]),
            Line("iv) One Voice Wales, membership, Chq No 1288", [236.00]),
            Line("TOTAL", [], "total")]
    return Form("payments", "Pentre Community Council", "12. ACCOUNTS FOR PAYMENT", [""], rows, pence,
                font="Times-Roman", planted=("TOTAL", 0, 100.0),
                repeat_rows=0)


def welsh() -> Form:
    rows = [Line("Cyflogau / Salaries", [10_050, 10_400]), Line("Yswiriant / Insurance", [1_210, 1_260]),
            Line("Archwiliad / Audit", [650, 700]), Line("Grantiau / Grants", [2_500, 2_750]),
            Line("Cynnal a chadw / Maintenance", [1_800, 1_650]),
            Line("Total / Cyfanswm", [], "total")]
    return Form("welsh", "Cyngor Cymuned Llan / Llan Community Council", "Cyllideb / Budget 2020-21",
                ["2019-20\n£", "2020-21\n£"], rows, money, font="Helvetica", pagesize=letter,
                planted=("Total / Cyfanswm", 0, 20.0))


def notes_column() -> Form:
    rows = [Line("Salaries", [152_360, 312_300], note="Salary for Staff - 3.4 FTE"),
            Line("Office rent", [24_000, 24_000], note="Lease to 2026"),
            Line("Events", [8_500, 9_100], note="Two summer events"),
            Line("Grants", [40_000, 45_000], note="Community grant fund"),
            Line("Total", [], "total")]
    return Form("notes-column", "Royal Hamble Town Council", "Budget 2018/19",
                ["2017/18\n£", "2018/19\n£"], rows, money, grid=True, note_heading="Notes",
                planted=("Total", 1, 2_000.0))


def reconciliation() -> Form:
    rows = [Line("2023/24 Budget", [1_284_600]), Line("Base adjustments", [12_400]),
            Line("Pay and price inflation", [38_900]), Line("Savings", [-41_250]),
            Line("Growth", [22_800]), Line("2024/25 Budget", [], "total")]
    return Form("reconciliation", "Eastwold Borough Council", "Year-on-year budget reconciliation",
                ["£"], rows, minus, font="Courier", pagesize=landscape(A4), planted=("2024/25 Budget", 0, 1_000.0))


def centred_labels() -> Form:
    rows = [
        Line("Net expenditure brought forward", [16_354, 14_633, 14_553]),
        Line("Savings previously identified (excluding waste savings)", [-378, -9, -98]),
        Line("New savings proposals", [-2_301, -430, -61]),
        Line("Adjustments reported after the previous budget was set", [-97, -98, -64]),
        Line("Pay inflation and increments", [464, 375, 250]),
        Line("Contractual inflation", [444, 420, 430]),
        Line("Pension scheme contribution increases arising from the triennial valuation of the fund",
             [134, 0, 0]),
        Line("Investment budget", [147, 150, 150]),
        Line("Total net expenditure (excluding housing benefit subsidy)", [], "total"),
    ]
    return Form("centred-labels", "Northfield District Council", "General Fund estimates 2018/19 to 2020/21",
                ["2018/19", "2019/20", "2020/21"], rows, minus, unit_line="All amounts £000", centred=True,
                planted=("Total net expenditure (excluding housing benefit subsidy)", 1, 10.0))


FORMS = [accounts, budget_sheet, crossing, nested, total_columns, payments, welsh, notes_column, reconciliation,
         centred_labels]


# --- totals, as the spreadsheet computes them -------------------------------------------

def compute(form: Form) -> None:
    """Fill every total from its parts: a 'total'/'rule' line adds the items since the last
    total or heading; a 'grand' line adds the totals of its level; a 'Total' column adds the
    columns of its group; a reconciliation's closing line adds everything above."""
    width = len(form.headings)
    group: list[Line] = []
    subtotals: list[Line] = []
    for line in form.lines:
        if line.kind == "heading":
            group = []
        elif line.kind in ("total", "rule"):
            line.values = [sum(p.values[c] or 0 for p in group) for c in range(width)]
            subtotals.append(line)
            group = []
        elif line.kind == "grand":
            line.values = [sum(s.values[c] or 0 for s in subtotals) for c in range(width)]
        else:
            group.append(line)
    for first, last in ((g[1], g[2]) for g in form.group_headings):
        for line in form.lines:
            if line.values:
                line.values[last] = sum(line.values[c] or 0 for c in range(first, last))


def plant(form: Form) -> dict:
    label, column, amount = form.planted  # type: ignore[misc]
    line = next(ln for ln in form.lines if ln.label == label and ln.kind != "item") if label == "" \
        else next(ln for ln in form.lines if ln.label == label)
    if label == "":  # an unlabelled total under a rule: the last one
        line = [ln for ln in form.lines if ln.kind == "rule"][-1]
    line.values[column] = (line.values[column] or 0) + amount
    heading = form.headings[column].replace("\n", " ") or f"column {column + 1} (no heading)"
    return {"title": form.title, "row": label, "column": heading,
            "printed": form.fmt(line.values[column])}  # type: ignore[arg-type]


# --- drawing -----------------------------------------------------------------------------

def render(form: Form, path: Path) -> None:
    bold = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}[form.font]
    size = 9 if form.font != "Courier" else 8
    body = ParagraphStyle("body", fontName=form.font, fontSize=size + 1, leading=size + 4)
    head = ParagraphStyle("head", fontName=bold, fontSize=size + 4, leading=size + 8)
    story = [Paragraph(form.council, head), Spacer(1, 6), Paragraph(form.title, head), Spacer(1, 6)]
    if form.intro:
        story += [Paragraph(form.intro, body), Spacer(1, 4)]
    if form.unit_line:
        story += [Paragraph(form.unit_line, body), Spacer(1, 4)]
    data, styles = table_data(form, bold)
    value_width = 80 if len(form.headings) < 5 else 62
    widths = [(210 if form.note_heading == "" else 150)] + [value_width] * len(form.headings) + \
        ([150] if form.note_heading else [])
    if form.centred:  # spreadsheet style: a narrow label column, labels wrapped, numbers centred on them
        widths[0] = 170
        bold_rows = {r for name, (_, r), _, *_ in styles if name == "FONT"}
        cell = {False: ParagraphStyle("cell", fontName=form.font, fontSize=size, leading=size + 2),
                True: ParagraphStyle("bold", fontName=bold, fontSize=size, leading=size + 2)}
        for r, row in enumerate(data[form.repeat_rows:], form.repeat_rows):
            row[0] = Paragraph(row[0], cell[r in bold_rows]) if row[0] else row[0]
    if form.name == "payments":
        widths = [380, 70]
    table = Table(data, colWidths=widths, repeatRows=form.repeat_rows + bool(form.group_headings))
    style = [("FONT", (0, 0), (-1, -1), form.font, size), ("ALIGN", (1, 0), (len(form.headings), -1), "RIGHT"),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE" if form.centred else "BOTTOM"),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 2)]
    if form.grid:
        style.append(("GRID", (0, 0), (-1, -1), 0.4, colors.grey))
    if form.centred:  # rows as close as the lines of a wrapped label, as a spreadsheet prints them
        style += [("LEADING", (0, 0), (-1, -1), size + 2), ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]
    table.setStyle(TableStyle(style + styles))
    story.append(table)
    story += [Spacer(1, 10), Paragraph("Prepared by the Responsible Financial Officer.", body)]
    doc = SimpleDocTemplate(str(path), pagesize=form.pagesize, title=form.title, author=form.council,
                            leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50)
    doc.build(story)


def table_data(form: Form, bold: str) -> tuple[list[list[str]], list]:
    data: list[list[str]] = []
    styles: list = []
    width = len(form.headings)
    if form.group_headings:
        row = [""] * (width + 1)
        for text, first, last in form.group_headings:
            row[first + 1] = text
            styles += [("SPAN", (first + 1, 0), (last + 1, 0)), ("ALIGN", (first + 1, 0), (last + 1, 0), "CENTER")]
        data.append(row)
    if form.repeat_rows:
        data.append([""] + form.headings + ([form.note_heading] if form.note_heading else []))
        styles.append(("FONT", (0, len(data) - 1), (-1, len(data) - 1), bold))
    for line in form.lines:
        r = len(data)
        cells = [form.fmt(v) if v is not None else "" for v in line.values] if line.values else [""] * width
        data.append([line.label, *cells] + ([line.note] if form.note_heading else []))
        if line.kind in ("heading", "total", "grand"):
            styles.append(("FONT", (0, r), (-1, r), bold))
        if line.kind in ("total", "grand", "rule"):
            styles.append(("LINEABOVE", (1, r), (width, r), 0.8, colors.black))
        if line.kind == "grand":
            styles.append(("LINEBELOW", (1, r), (width, r), 1.2, colors.black))
    return data, styles


def main() -> None:
    planted: dict[str, dict] = {}
    for make in FORMS:
        for wrong in (False, True):
            form = make()
            compute(form)
            name = f"{form.name}{'-planted' if wrong else ''}.pdf"
            if wrong:
                planted[name] = plant(form)
            render(form, HERE / name)
    (HERE / "planted.json").write_text(json.dumps(planted, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
