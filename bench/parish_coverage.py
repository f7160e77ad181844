"""How many of the totals and identities a parish council's year-end papers print are evaluated.

    python3 bench/parish_coverage.py [--shared DIR] [--only PART-OF-PATH]

Each paper below (Souldern's) and in bench/parish_printed.py (the other councils') was counted
by hand from the page: every total and identity it prints
(sums down, sums across, a payment split into VAT and its analysis, budget − spend =
underspent, a balance brought forward + receipts − payments, a bank reconciliation, the
annual return's Section 2 box 7 and box 8, this year's opening balance = last year's
closing one). A total of one printed figure counts (a 'Totals' column repeating a row's
one payment); a relation a figure of which cannot be read on the page ('######', a
spreadsheet's overflowed cell) does not. Percentages are not counted.

The tool is run on each paper (`extract_pack` with OCR for scans, as `run` does) and a printed relation is
evaluated when `relations[]` holds one of its kinds whose stated figure is the printed
total (same value, evidence on that page), whatever its outcome; each relation is matched
once. Prints evaluated / printed per paper, per kind and overall, and the printed
relations not evaluated.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.parish_printed import (  # noqa: E402  (after the path is set)
    ACROSS,
    BALANCE,
    BANK,
    BOX7,
    BOX8,
    DIFFERENCE,
    FAMILY,
    OPENING,
    SUM_DOWN,
    VARIANCE,
    Printed,
    other_councils,
)

PRECEPT_2018 = "Precept figures: 200+55+500+1250+125+250+1000+2000+3000+360+500+200+200 = 9640"


def _papers() -> list[Printed]:
    accounts = "souldern-pc/souldern-pc-accounts-with-budget-2016-17.pdf"
    spend = [  # EXPENDITURE rows: (label, payment, VAT, expenditure, budget, under, over)
        ("Audit", 0.00, None, 0.00, 0.00, 0.00, None), ("Village Hall", 250.00, None, 250.00, 350.00, 100.00, None),
        ("Insurance", 470.82, None, 470.82, 475.00, 4.18, None),
        ("Grass cutting (village)", 2880.00, None, 2880.00, 3140.00, 260.00, None),
        ("Administration", 856.50, None, 856.50, 1350.00, 493.50, None),
        ("Changing rooms", 484.32, None, 484.32, 500.00, 15.68, None),
        ("Section 137", 0.00, None, 0.00, 200.00, 200.00, None),
        ("OALC & other subs", 165.89, None, 165.89, 200.00, 34.11, None),
        ("Playground", 847.31, None, 847.31, 1000.00, 152.69, None),
        ("St Mary's Church (grass)", 0.00, None, 0.00, 700.00, 700.00, None),
        ("Maintenance", 360.36, None, 360.36, 1000.00, 639.64, None),
        ("Nancy Bowles Wood", 120.87, None, 120.87, 200.00, 79.13, None),
        ("Celebrations (s 145)", 488.64, None, 488.64, 200.00, None, 288.64),
        ("VAT", 956.54, 956.54, None, None, None, None),
    ]
    found = [
        Printed(accounts, 1, SUM_DOWN, 7905.18, "INCOME 2015/6: 5700+659.78+0+98.4+1092+225+0+130+0 = 7905.18"),
        Printed(accounts, 1, SUM_DOWN, 9170.7, "INCOME Receipt: 5700+886.7+0+98.4+1092+150+420+0+400+423.6 = 9170.7"),
        Printed(accounts, 1, SUM_DOWN, 956.54, "INCOME 2016/17 (VAT): 956.54 = 956.54"),
        Printed(accounts, 1, SUM_DOWN, 8284.00, "INCOME Income: 5700.00+0.00+98.40+…+423.60 = 8284.00"),
        Printed(accounts, 1, SUM_DOWN, 8434.01, "EXPENDITURE 2015/16: 0.00+250.00+495.89+…+886.70 = 8434.01"),
        Printed(accounts, 1, SUM_DOWN, 7881.25, "EXPENDITURE Payment: 0.00+250.00+470.82+…+956.54 = 7881.25"),
        Printed(accounts, 1, SUM_DOWN, 956.54, "EXPENDITURE 2016/17 (VAT): 956.54 = 956.54"),
        Printed(accounts, 1, SUM_DOWN, 6924.71, "EXPENDITURE Expenditure: 0.00+250.00+…+488.64 = 6924.71"),
        Printed(accounts, 1, SUM_DOWN, 9315.00, "EXPENDITURE Budget 2016/17: 0.00+350.00+…+200.00 = 9315.00"),
        Printed(accounts, 1, SUM_DOWN, 2678.93, "EXPENDITURE underspent: 0.00+100.00+…+79.13 = 2678.93"),
        Printed(accounts, 1, ACROSS, 7881.25, "EXPENDITURE Totals: Payment 7881.25 = VAT 956.54 + Expenditure 6924.71"),
    ]
    for label, payment, vat, net, budget, under, over in spend:
        parts = " + ".join(f"{v:.2f}" for v in (vat, net) if v is not None)
        found.append(Printed(accounts, 1, ACROSS, payment, f"EXPENDITURE {label}: Payment {payment:.2f} = {parts}"))
        if budget is not None and net is not None:
            result = under if under is not None else over
            found.append(Printed(accounts, 1, VARIANCE, result,  # type: ignore[arg-type]
                                 f"EXPENDITURE {label}: budget {budget:.2f} − spend {net:.2f} = {result:.2f}"))
    found += [
        Printed(accounts, 2, BANK, 10409.00, "bank statement 10409.00 + Add 0.00 − Deduct (blank) = 10409.00"),
        Printed(accounts, 2, SUM_DOWN, 11365.54, "Current Assets: Debtors 956.54 + Cash in hand 10409.00 = 11365.54"),
        Printed(accounts, 2, SUM_DOWN + BALANCE, 11365.54, "Net Assets 11365.54 = 11365.54 − Creditors 0.00"),
        Printed(accounts, 2, BALANCE, 10409.00, "Balance Brought Forward 9120.00 + Add income 9170.34 − Deduct "
                                                "expenditure 7881.25 = Balance 10409.00 (adds to 10409.09)"),
    ]
    bank = "souldern-pc/souldern-pc-bank-reconciliation-2017-03-31.pdf"
    found += [
        Printed(bank, 1, BANK, 10409, "bank statement 11918 + (blank) − unpresented cheques 1509 = Total 10409"),
        Printed(bank, 1, BOX8 + BANK, 11365, "Box 8 10409 + debtors (VAT) 956 − creditors 0 = 11365 (= Box 7 11365)"),
        Printed(bank, 1, DIFFERENCE, 1038, "Box 3: 2016/17 2583 − 2015/16 1545 = difference 1038"),
        Printed(bank, 1, DIFFERENCE, 0, "Box 4: 825 − 825 = difference 0"),
        Printed(bank, 1, DIFFERENCE, -622, "Box 6: 6100 − 6722 = difference -622"),
        Printed(bank, 1, SUM_DOWN, 2202, "Box 3 explained: 1091 + 98 + 420 + 400 + 193 = 2202"),
        Printed(bank, 1, SUM_DOWN, 825, "Box 4 explained: 660 + 165 = 825"),
        Printed(bank, 1, SUM_DOWN, 816, "Box 6 explained: 816 + (blank) = 816"),
    ]
    sheet = "souldern-pc/souldern-pc-spending-v-budget-2018-19.pdf"
    found += [
        Printed(sheet, 1, SUM_DOWN, 9640, PRECEPT_2018),
        Printed(sheet, 1, SUM_DOWN, 11596.66, "Totals: 112.55+230+55+487.96+1274+…+1570+902.72 = 11596.66"),
    ]
    rows_2018 = [("OALC", 112.55), ("External audit", 230), ("Community first", 55), ("Insurance", 487.96),
                 ("Clerk salary (12 × 98, prints 1274)", 1274), ("Clerk expenses", 42.88), ("Bank charges", 54),
                 ("Village Hall", 0), ("Playground", 2395.47), ("Changing Rooms (elec)", 39.7), ("Post Office", 124.8),
                 ("Grass cutting", 1116), ("Tree work", 500), ("Dog bins", 144.14), ("Repairs/maintenance", 2437.5),
                 ("Celebrations", 0), ("S137/sundries", 109.94), ("NBW", 0), ("Defibrillator", 1570), ("VAT", 902.72)]
    found += [Printed(sheet, 1, ACROSS, total, f"{label}: monthly spend adds across to Totals {total}")
              for label, total in rows_2018]
    sheet21 = "souldern-pc/souldern-pc-spending-v-budget-2021-22.pdf"
    found += [
        Printed(sheet21, 1, SUM_DOWN, 9640, PRECEPT_2018),
        Printed(sheet21, 1, ACROSS, 121.80, "OALC: May '1 21.80' = Totals '1 21.80' (digits set apart)"),
        Printed(sheet21, 1, ACROSS, 454.55, "Insurance: '4 54.55' = Totals '4 54.55'"),
        Printed(sheet21, 1, ACROSS, 72.00, "Bank charges: 18.00 + 18.00 + 18.00 + 18.00 = 72.00"),
        Printed(sheet21, 1, ACROSS, 124.80, "Post Office: '1 24.80' = Totals '1 24.80'"),
    ]
    agar24 = "souldern-pc/souldern-pc-agar-sections-1-2-2023-24-scan.pdf"
    found += [
        Printed(agar24, 2, BOX7, 13936, "2023: 13,596 + 6,090 + 3,686 − 1,881 − 0 − 7,555 = 13,936"),
        Printed(agar24, 2, BOX7, 16634, "2024: 13,936 + 6,395 + 141,786 − 1,923 − 0 − 143,560 = 16,634"),
        Printed(agar24, 2, BOX8, 13936, "2023: box 8 13,936 = box 7 13,936"),
        Printed(agar24, 2, BOX8, 16634, "2024: box 8 16,634 = box 7 16,634"),
        Printed(agar24, 2, OPENING, 13936, "box 1 2024 13,936 = box 7 2023 13,936"),
    ]
    agar17 = "souldern-pc/souldern-pc-accounting-statements-2016-17-scan.pdf"  # figures written by hand
    found += [
        Printed(agar17, 1, BOX7, 10007, "2016: 10 308 + 5700 + 1545 − 825 − 0 − 6722 = 10 007 (adds to 10 006)"),
        Printed(agar17, 1, BOX7, 11365, "2017: 10 007 + 5700 + 2583 − 825 − 0 − 6100 = 11 365"),
        Printed(agar17, 1, BOX8, 9120, "2016: box 8 9120 against box 7 10 007 (income and expenditure basis)"),
        Printed(agar17, 1, BOX8, 10409, "2017: box 8 10 409 against box 7 11 365 (VAT debtor 956)"),
        Printed(agar17, 1, OPENING, 10007, "box 1 2017 10 007 = box 7 2016 10 007"),
    ]
    return found + other_councils()


def evaluated(printed: list[Printed], relations: list) -> list[bool]:
    """For each printed relation, whether one of its kinds states its total on its page."""
    used: set[int] = set()
    hits = [False] * len(printed)
    # the narrowest families first: a relation a sum down may evaluate is not taken by a wider
    # family of the same stated figure (net current assets and the reserves both 2,039,769)
    for n in sorted(range(len(printed)), key=lambda n: len(printed[n].kind)):
        p = printed[n]
        match = next((k for k, r in enumerate(relations) if k not in used and r.check in p.kind
                      and r.found is not None and abs(r.found - p.stated) < 0.005
                      and any(f.page == p.page for f in r.evidence)), None)
        if match is not None:
            used.add(match)
        hits[n] = match is not None
    return hits


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("AGENDA_EXTRACT_SHARED", "../shared")))
    parser.add_argument("--only", default="", help="only the papers whose path contains this")
    args = parser.parse_args(argv)
    from extract.pipeline import Options, extract_pack

    printed = [p for p in _papers() if args.only in p.paper]
    by_paper: dict[str, list[Printed]] = {}
    for p in printed:
        by_paper.setdefault(p.paper, []).append(p)
    total = hit = 0
    kinds: Counter[str] = Counter()
    kinds_hit: Counter[str] = Counter()
    councils: Counter[str] = Counter()
    councils_hit: Counter[str] = Counter()
    missed: list[Printed] = []
    for paper, rows in by_paper.items():
        relations = extract_pack(args.shared / "councils" / paper, Options(ocr="auto")).relations  # as run reads
        hits = evaluated(rows, relations)
        print(f"{sum(hits):3d} / {len(rows):3d}  {paper}")
        total, hit = total + len(rows), hit + sum(hits)
        councils[paper.split("/")[0]] += len(rows)
        councils_hit[paper.split("/")[0]] += sum(hits)
        for p, h in zip(rows, hits, strict=True):
            family = FAMILY.get(p.kind) or next((n for k, n in FAMILY.items() if p.kind[:len(k)] == k), "other")
            kinds[family] += 1
            kinds_hit[family] += h
            if not h:
                missed.append(p)
    for council in sorted({p.paper.split("/")[0] for p in printed}):
        print(f"{councils_hit[council]:3d} / {councils[council]:3d}  {council}")
    print(f"{hit:3d} / {total:3d}  overall ({100 * hit / total:.0f}%)")
    for kind, n in kinds.most_common():
        print(f"    {kinds_hit[kind]:3d} / {n:3d}  {kind}")
    print("not evaluated:")
    for p in missed:
        print(f"    {Path(p.paper).name} p{p.page}: {p.figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
