"""On real papers (../shared/councils, ../shared/real/kent) the table checks raise exactly the
disagreements a reader of the page confirms, and nothing else: a false alarm is worse than
silence. Each entry below was checked against the printed page (pdftotext -layout)."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from tests.conftest import shared_dir

# (file, page, subject) of every table disagreement at warning or above, per folder.
CONFIRMED: dict[str, set[tuple[str, int, str]]] = {
    "councils": {
        # Southwark capital programme 2015/16 (£'000): 82,174 + 503,456 = 585,630, printed
        # 585,632; 259,099 + 1,864,969 = 2,124,068, printed 2,124,070. The page itself warns
        # "these schedules may contain rounding differences".
        ("budget-book-2015-16-capital-programme.pdf", 8,
         "Description of Programme / Project Housing General Fund – Total General Fund Capital Programme "
         "2014/15 - 2023/24, Total £'000"),
        ("budget-book-2015-16-capital-programme.pdf", 10, "Untitled table, page 10 – General fund, Total £’000"),
        ("budget-book-2015-16-capital-programme.pdf", 10,
         "Untitled table, page 10 – Total Capital Programme, Total £’000"),
        # Souldern's spending sheet 2018/19: Clerk salary prints twelve monthly 98s and a total
        # of 1274 ("March 18 pay late": a thirteenth payment in no month's column), so the row
        # does not add across (1176); the Totals column adds down with 1274.
        # Souldern's accounts 2016/17, page 2: Balance Brought Forward 9120.00 + Add income
        # 9170.34 − Deduct expenditure 7881.25 = 10409.09, printed Balance 10409.00 (page 1's
        # receipts total 9170.7, which would give 10409.45: neither comes to 10409.00).
        ("souldern-pc-accounts-with-budget-2016-17.pdf", 2, "Bank reconciliation – Balance, column 1 (no heading)"),
        ("souldern-pc-spending-v-budget-2018-19.pdf", 1, "Precept figures – Clerk salary, Totals"),
    },
    "real/kent": {
        # Table 3.1 (£m), England 2025-26: the grants printed add to 30,575.2, Total Grants
        # prints 30,453.7, short by exactly the Funding Floor row's 121.5 (the 2024-25 column,
        # 28,828.6, includes its Funding Floor). Core Spending Power adds Council Tax and the
        # printed Total Grants, so it agrees and the error stands on Total Grants alone.
        ("Draft Revenue Budget 2025-26 and 2025-28 MTFP and Draft Capital Programme 2025-35.pdf", 12,
         "Table 3.1 – Total Grants, Provisional England £’m"),
    },
}


def _table_alarms(pdf: Path) -> list[tuple[str, int, str]]:
    from extract.errors import PackError
    from extract.pipeline import extract_pack

    try:
        extraction = extract_pack(pdf)
    except PackError:
        return []
    return [(pdf.name, min(e.page for e in f.evidence), f.subject) for f in extraction.findings
            if f.check.startswith("table.") and f.severity in ("warning", "error")]


@pytest.mark.corpus
@pytest.mark.parametrize("folder", sorted(CONFIRMED))
def test_table_disagreements_on_real_papers_are_only_those_confirmed_on_the_page(folder):
    pdfs = sorted(shared_dir(folder).rglob("*.pdf"))
    with ProcessPoolExecutor(max_workers=2) as pool:
        found = {alarm for alarms in pool.map(_table_alarms, pdfs) for alarm in alarms}
    assert found == CONFIRMED[folder]
