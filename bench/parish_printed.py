"""Hand counts of the totals and identities small councils' papers print (other than Souldern's).

Each entry is one relation printed on a page: its page, the checks that may evaluate it,
the total or result as printed and the printed figures it relates, written out by `_rel`
from the figures themselves so a reader can check them against the page. Used by
bench/parish_coverage.py. Counted: Royal Sutton Coldfield Town Council's 2017/18 statement
of accounts (all pages), its scanned 2016/17 statement (the budget comparison, balance sheet
and annual return pages only), its grant notes and an agenda item's cost table; Manordeilo
and Salem Community Council's minutes (accounts-for-payment TOTAL lines, bank
reconciliations told in a sentence). Ayton Community Council's minutes state account
balances but print no total or identity; Horsley Parish Council's agenda and minutes print
none (one payment).
"""
from __future__ import annotations

from dataclasses import dataclass

# Relation families: the checks that may evaluate each.
SUM_DOWN = ("table.total_row", "table.roll_forward")
ACROSS = ("table.cross_foot", "table.total_column", "table.net")
VARIANCE = ("table.variance",)
BALANCE = ("table.balance", "table.signed_rows")
SIGNED_SUM = ("table.signed_rows", "table.total_row", "table.balance")  # a total some of whose rows are taken away
BANK = ("table.bank_reconciliation", "report.bank_reconciliation", "table.signed_rows")
BOX7 = ("table.agar_box7", "table.signed_rows")
BOX8 = ("table.agar_box8",)
OPENING = ("table.opening_balance",)
DIFFERENCE = ("table.variance", "table.formula_column", "table.signed_rows")
FAMILY = {SUM_DOWN: "sum down", ACROSS: "sum across", VARIANCE: "variance", BALANCE: "balance",
          SIGNED_SUM: "signed sum", BANK: "bank reconciliation", BOX7: "AGAR box 7", BOX8: "AGAR box 8",
          OPENING: "opening balance", DIFFERENCE: "difference"}


@dataclass(frozen=True)
class Printed:
    paper: str  # file name under councils/
    page: int
    kind: tuple[str, ...]
    stated: float  # the total or result as printed
    figures: str  # the printed figures, so a reader can check the count against the page


def _rel(paper: str, page: int, kind: tuple[str, ...], label: str, parts: list[float], stated: float) -> Printed:
    """A printed relation whose parts add (negative parts are taken away) to `stated`."""
    text = " ".join(f"{'−' if v < 0 else '+'} {_money(abs(v))}" for v in parts).lstrip("+ ")
    got = round(sum(parts), 2)
    note = "" if abs(got - stated) < 0.005 else f" (adds to {_money(got)})"
    return Printed(paper, page, kind, stated, f"{label}: {text} = {_money(stated)}{note}")


def _money(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


SUTTON18 = "sutton-coldfield-tc/Sutton-Coldfield-2018-Accounts-1.pdf"
# Budget comparison (p4), bracketed = spend: (label, 2017 budget, 2018 net expenditure, 2018 budget, variance)
BUDGET18 = [("Economic Development", -145000, -4022, -132000, 127978),
            ("Cultural and Heritage", -20000, -94886, -190000, 95114),
            ("Environmental Services", -60000, -10598, -129933, 119335),
            ("Play and Recreation", -150000, -109981, -347500, 237519),
            ("Town in Bloom", -20000, -28700, -75000, 46300), ("Christmas Lights", -50000, -66931, -70799, 3869),
            ("Health and Welbeing", -66000, -23617, -142000, 118383),
            ("Community Grants", -103850, -101510, -118172, 16662), ("Community Planning", 0, -9500, -20000, 10500),
            ("Planning and Highways", -270000, -111602, -412500, 300898),
            ("Library Contingency", -150000, -175000, -200000, 25000),
            ("Central Support Costs", -355902, -297350, -514300, 216950),
            ("Civic and Democratic Costs", -202200, -68644, -80446, 11802),
            ("Capital Expenditure", -12500, 0, -1500, 1500), ("Other Costs and Income", -60000, 0, -18500, 18500)]
# Income and expenditure (p5): (label, gross, income, net)
IANDE18 = [("Economic Development", -4022, 0, -4022), ("Cultural and Heritage", -163521, 68635, -94886),
           ("Environmental Services", -10598, 0, -10598), ("Play and Recreation", -109981, 0, -109981),
           ("Town in Bloom", -28700, 0, -28700), ("Christmas Lights", -66931, 0, -66931),
           ("Health and Wellbeing", -25117, 1500, -23617), ("Community Grants", -101510, 0, -101510),
           ("Community Planning", -9500, 0, -9500), ("Planning and Highways", -111602, 0, -111602),
           ("Library Contingency", -175000, 0, -175000), ("Central Support Costs", -299663, 2313, -297350),
           ("Civic and Democratic Costs", -68644, 0, -68644)]
IANDE17 = [-3000, 0, -67, -2500, -20000, -29201, 0, -88677, 0, -500, -30000, -229850, -107246, -3682]
# Reconciliation to the annual return (p6): (label, staff, other costs, total as printed)
OTHER_COSTS18 = [("Economic Development", 0, 4022, 4022), ("Cultural and Heritage", 0, 163521, 163521),
                 ("Environmental Services", 0, 10598, 10598), ("Play and Recreation", 0, 109981, 109981),
                 ("Town in Bloom", 0, 28700, 28700), ("Christmas Lights", 0, 66931, 66931),
                 ("Health and Wellbeing", 0, 25117, 25117), ("Community Grants", 0, 101510, 101510),
                 ("Community Planning", 0, 9500, 9500), ("Planning and Highways", 0, 111602, 111602),
                 ("Library Contingency", 0, 175000, 175000), ("Central Support Costs", 152360, 147302, 299663),
                 ("Civic and Democratic Costs", 0, 68644, 68644)]
NOTE_A = [152360, 482, 943, 22713, 5612, 18356, 2619, 148, 2691, 6553, 82577, 2136, 2420, 53]
NOTE_A_BUDGET = [312300, 7500, 12000, 30000, 5500, 24000, 2500, 500, 10000, 8000, 83000, 10000, 5000, 4000]
NOTE_C = [50000, 175000, 37000, 4962, 42000, 55000, 72978, 5114, 117519, 120000, 24201, 22098, 2025, 10000,
          66358, 13014, 10500]
NOTE_E = [79396, 16461, 15755, 208, 2210, 120, 2740, 25000, 1342, 32775, 9422, 2468, 45, 38569, 4500, 10000,
          53000, 10272, 200]


def _sutton_2018() -> list[Printed]:
    p = SUTTON18
    out = [_rel(p, 4, SUM_DOWN, f"Budget comparison, column {k + 1}", [row[k + 1] for row in BUDGET18], total)
           for k, total in enumerate((-1665452, -1102339, -2452650, 1350311))]
    out += [_rel(p, 4, VARIANCE, f"{label}: net {net:,} − budget {budget:,}", [net, -budget], variance)
            for label, _, net, budget, variance in BUDGET18]
    out += [_rel(p, 4, VARIANCE, "Total: net − budget", [-1102339, 2452650], 1350311),
            _rel(p, 4, VARIANCE, "Annual Precept: net − budget", [1832982, -1832982], 0),
            _rel(p, 4, VARIANCE, "Transfer to Earmarked Reserves: net − budget", [827769, 0], 827769),
            _rel(p, 4, VARIANCE, "Net Surplus: net − budget", [-97126, 619668], 522542),
            _rel(p, 4, SIGNED_SUM, "Net Surplus 2017 budget: total + precept", [-1665452, 1823850], 158398),
            _rel(p, 4, SIGNED_SUM, "Net Surplus 2018 net: total + precept − transfer (printed 827,769)",
                 [-1102339, 1832982, -827769], -97126),
            _rel(p, 4, SIGNED_SUM, "Net Surplus 2018 budget: total + precept", [-2452650, 1832982], -619668),
            _rel(p, 4, SIGNED_SUM, "Net Surplus variance: total − transfer", [1350311, -827769], 522542)]
    out += [_rel(p, 5, ACROSS, f"{label}: gross + income = net", [gross, income], net)
            for label, gross, income, net in IANDE18]
    out += [_rel(p, 5, ACROSS, "Total: gross + income = net", [-1174787, 72448], -1102339),
            _rel(p, 5, SUM_DOWN, "2017 net expenditure", IANDE17, -514724),
            _rel(p, 5, SUM_DOWN, "2018 gross expenditure", [r[1] for r in IANDE18], -1174787),
            _rel(p, 5, SUM_DOWN, "2018 income", [r[2] for r in IANDE18], 72448),
            _rel(p, 5, SUM_DOWN, "2018 net expenditure", [r[3] for r in IANDE18], -1102339),
            _rel(p, 5, SIGNED_SUM, "Net surplus 2017: total + precept", [-514724, 1823850], 1309126),
            _rel(p, 5, SIGNED_SUM, "Net surplus 2018: total + precept − transfer", [-1102339, 1832982, -827769],
                 -97126),
            _rel(p, 5, ACROSS, "General Fund: April 2017 + movement = March 2018", [1309126, -97126], 1212000),
            _rel(p, 5, ACROSS, "Earmarked Reserves: - + movement = March 2018", [0, 827769], 827769),
            _rel(p, 5, ACROSS, "Reserves total: April 2017 + movement = March 2018", [1309126, 730643], 2039769),
            _rel(p, 5, SUM_DOWN, "Reserves 2017", [1309126, 0], 1309126),
            _rel(p, 5, SUM_DOWN, "Reserves balance April 2017", [1309126, 0], 1309126),
            _rel(p, 5, SUM_DOWN, "Reserves movement for year", [-97126, 827769], 730643),
            _rel(p, 5, SUM_DOWN, "Reserves balance March 2018", [1212000, 827769], 2039769)]
    out += [_rel(p, 6, ACROSS, f"{label}: precept + other income = total income", parts, total)
            for label, parts, total in (("Cultural and Heritage", [0, 68635], 68635),
                                        ("Health and Wellbeing", [0, 1500], 1500),
                                        ("Central Support Costs", [0, 2313], 2313),
                                        ("Precept", [1832982, 0], 1832982), ("Totals", [1832982, 72448], 1905430))]
    out += [_rel(p, 6, ACROSS, f"{label}: staff + loans + other = total", [staff, other], total)
            for label, staff, other, total in OTHER_COSTS18]
    out += [_rel(p, 6, ACROSS, "Totals: staff + loans + other = total", [152360, 1022427], 1174787),
            _rel(p, 6, SUM_DOWN, "Box 2 precept", [1832982], 1832982),
            _rel(p, 6, SUM_DOWN, "Box 3 other income", [68635, 1500, 2313], 72448),
            _rel(p, 6, SUM_DOWN, "Total income", [68635, 1500, 2313, 1832982], 1905430),
            _rel(p, 6, SUM_DOWN, "Box 4 staff costs", [152360], 152360),
            _rel(p, 6, SUM_DOWN, "Box 6 other costs", [r[2] for r in OTHER_COSTS18], 1022427),
            _rel(p, 6, SUM_DOWN, "Total expenditure", [r[3] for r in OTHER_COSTS18], 1174787)]
    out += [_rel(p, 7, SUM_DOWN, "Current assets 2017", [60473, 1354007], 1414480),
            _rel(p, 7, SUM_DOWN, "Current assets 2018", [52602, 2291650], 2344252),
            _rel(p, 7, SIGNED_SUM, "Net current assets 2017: assets − creditors", [1414480, -105354], 1309126),
            _rel(p, 7, SIGNED_SUM, "Net current assets 2018: assets − creditors", [2344252, -304483], 2039769),
            _rel(p, 7, SUM_DOWN, "Reserves 2017", [1309126, 0], 1309126),
            _rel(p, 7, SUM_DOWN, "Reserves 2018", [827769, 1212000], 2039769)]
    out += [_rel(p, 8, BOX7, "Box 7 2017: 1 + 2 + 3 − 4 − 5 − 6", [0, 1823850, 247, -72828, 0, -442142], 1309126),
            _rel(p, 8, BOX7, "Box 7 2018: 1 + 2 + 3 − 4 − 5 − 6", [1309126, 1832982, 72448, -152360, 0, -1022427],
                 2039769),
            Printed(p, 8, OPENING, 1309126, "box 1 2018 1,309,126 = box 7 2017 1,309,126")]
    out += [_rel(p, 9, SUM_DOWN, "Note A net expenditure = Central Support Costs", NOTE_A, 299663),
            _rel(p, 9, SUM_DOWN, "Note A budget = Central Support Costs", NOTE_A_BUDGET, 514300),
            _rel(p, 9, SUM_DOWN, "Note A Total: central support costs + interest", [299663, -2313], 297350),
            _rel(p, 10, SUM_DOWN, "Note B net = Civic and Democratic Costs",
                 [12237, 0, 6979, 6325, 9907, 16246, 16950], 68644),
            _rel(p, 10, SUM_DOWN, "Note B budget", [17200, 2000, 8000, 7000, 10000, 16246, 20000], 80446),
            _rel(p, 11, SUM_DOWN, "Note C = Transfer to Earmarked Reserves", NOTE_C, 827769),
            _rel(p, 11, SUM_DOWN, "Note D = Debtors and Prepayments", [1800, 10792, 1309, 37801, 900], 52602),
            _rel(p, 12, SUM_DOWN, "Note E = Creditors and accrued expenses", NOTE_E, 304483),
            _rel(p, 12, SUM_DOWN, "Note F = Total Fixed Assets", [2201, 14455, 2530, 3607], 22793)]
    return out


SUTTON17 = "sutton-coldfield-tc/Statement-of-Accounts-2016-17.pdf"  # a scan, read by OCR
# Budget comparison for the year ended 31 March 2016 [sic] (p4): (label, net expenditure, budget, variance)
BUDGET17 = [("Economic Development", -3000, -145000, 142000), ("Cultural and Heritage", 0, -20000, 20000),
            ("Environmenta Services", -67, -60000, 59933), ("Play and Recreation", -2500, -150000, 147500),
            ("Christmas Lights", -29201, -50000, 20799), ("Health and Welbeing", 0, -66000, 66000),
            ("Community Grants", -88677, -103850, 15173), ("Planning and Highways", -500, -270000, 269500),
            ("Library Contingency", -30000, -150000, 120000), ("Central Support Costs", -229850, -355902, 126052),
            ("Civic and Democratic Costs", -107246, -202200, 94954), ("Capital Expenditure", -3682, -12500, 8818),
            ("Other Costs and Income", 0, -60000, 60000)]


def _sutton_2017() -> list[Printed]:
    p = SUTTON17
    out = [_rel(p, 4, VARIANCE, f"{label}: net {net:,} − budget {budget:,}", [net, -budget], variance)
           for label, net, budget, variance in BUDGET17]
    town_in_bloom = [-20000]  # Town in Bloom: net (20,000), budget (20,000), no variance printed
    out += [_rel(p, 4, VARIANCE, "Total: net − budget", [-514724, 1665452], 1150728),
            _rel(p, 4, SUM_DOWN, "Net expenditure", [r[1] for r in BUDGET17] + town_in_bloom, -514724),
            _rel(p, 4, SUM_DOWN, "Budget", [r[2] for r in BUDGET17] + town_in_bloom, -1665452),
            _rel(p, 4, SUM_DOWN, "Variance", [r[3] for r in BUDGET17], 1150728),
            _rel(p, 4, SIGNED_SUM, "Net Surplus net: total + precept + transfer 0", [-514724, 1823850, 0], 1309126),
            _rel(p, 4, SIGNED_SUM, "Net Surplus budget: total + precept", [-1665452, 1823850], 158398),
            _rel(p, 4, SIGNED_SUM, "Net Surplus variance", [1150728], 1150728),
            _rel(p, 7, SUM_DOWN, "Current assets 2017", [60473, 1354007], 1414480),
            _rel(p, 7, SIGNED_SUM, "Net current assets: assets − creditors", [1414480, -105354], 1309126),
            _rel(p, 7, SUM_DOWN, "Reserves: earmarked + general", [0, 1309126], 1309126),
            _rel(p, 8, BOX7, "Box 7 2016: 1 + 2 + 3 − 4 − 5 − 6", [0, 1823850, 247, -72828, 0, -442142], 1309126)]
    return out


GRANTS = "sutton-coldfield-tc/CommunityGrant_notes_2018_March_13.pdf"
GRANT_TOTALS = [(1, "Parkrun", [167, 167, 166, 500], 1000), (2, "Counselling", [1250] * 4, 5000),
                (3, "Art Trail", [200, 200, 150, 200], 750), (3, "Family support", [1000] * 4, 4000),
                (3, "Swimming club (wards print £2,355 each)", [2355] * 4, 9422),
                (4, "Special Olympics", [2500] * 4, 10000), (5, "Four Oaks Ladies Bowling Club", [2334], 2334),
                (6, "YMCA", [8000], 8000), (6, "Moor Hall Primary School", [868.23], 868.23),
                (7, "Friends of Mossy Bank", [3098.50], 3098.50), (7, "St Peter's Church", [600], 600),
                (8, "Boldmere St Michaels", [22720], 22720)]


def _sutton_other() -> list[Printed]:
    out = [_rel(GRANTS, page, SUM_DOWN, f"{label}: ward amounts = Total", parts, total)
           for page, label, parts, total in GRANT_TOTALS]
    out.append(Printed("sutton-coldfield-tc/Item_166__CBSO_Concert.pdf", 4, SUM_DOWN, 125000,
                       "event costs (from p3) … + 21,000 + 5,000 + 3,800 = Total £125,000"))
    return out


# Manordeilo and Salem: (paper, page of the TOTAL, payments, TOTAL, page of the reconciliation, statement,
# unpresented, actual total); the Welsh minutes (`_cy`) print the same in Welsh.
MANORDEILO = [
    ("18-12-12.pdf", 3, [430, 315, 78], 823, 2, 8556.62, 100, 8456.62),
    ("19-01-09.pdf", 2, [56, 430], 486, 2, 12948.62, 315, 12633.62),
    ("1-19_cy.pdf", 2, [56, 430], 486, 2, 12948.62, 315, 12633.62),
    ("19-02-06.pdf", 2, [557.95, 50, 200, 100, 100, 100, 100, 50, 50, 50, 50, 50], 1457.95, 2, 12462.62, 315,
     12147.62),
    ("19-03-13.pdf", 3, [4237.48, 161.25, 283.25, 236, 430, 400, 50, 50, 315], 6162.98, 2, 12254.67, 315,
     11939.67),
    ("3-19_cy.pdf", 3, [4237.48, 161.25, 283.25, 236, 430, 400, 50, 50, 315], 6162.98, 2, 12254.67, 315,
     11939.67),
    ("19-04-10.pdf", 3, [42, 40, 430, 50, 150], 712, 2, 5541.69, 300, 5241.69),
    ("19-06-12.pdf", 3, [150, 630.23, 150, 50, 38.40], 1018.63, 2, 9904.03, 896.01, 9008.02),
]


def _manordeilo() -> list[Printed]:
    out = []
    for name, page, payments, total, bank_page, statement, unpresented, actual in MANORDEILO:
        paper = f"manordeilo-salem-cc/{name}"
        out.append(_rel(paper, page, SUM_DOWN, "accounts for payment = TOTAL", payments, total))
        out.append(_rel(paper, bank_page, BANK, "statement balance − unpresented cheques = actual total",
                        [statement, -unpresented], actual))
    return out


def other_councils() -> list[Printed]:
    """Every relation counted on the papers of the councils other than Souldern."""
    return _sutton_2018() + _sutton_2017() + _sutton_other() + _manordeilo()
