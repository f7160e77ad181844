"""A printed total changed in a real paper is found, and nothing else is blamed for it
(bench/tamper_totals.py on a few papers of ../shared: each total that adds up is printed
10% higher at the word level, and the tables are read and checked again)."""
from __future__ import annotations

import pytest

from bench.tamper_totals import Tally, paper
from tests.conftest import shared_dir

# Papers of four layouts: a spreadsheet with labels centred on their numbers, a town
# council's accounts, a capital summary printed over two pages, a capital strategy's tables.
SUBSET = [
    ("councils", "north-hertfordshire/budget-2018-19-appendix-a-general-fund-estimates.pdf"),
    ("councils", "sutton-coldfield-tc/Sutton-Coldfield-2018-Accounts-1.pdf"),
    ("real/kent", "cabinet-2025-01-30/Appendix A Capital Investment Summary.pdf"),
    ("real/kent", "cabinet-2025-01-30/Appendix N - Capital Strategy.pdf"),
]
# Measured on the subset: 59 of 59 changed totals found; on the whole folders (bench): councils
# 308 of 326 found naming the total (311 caught), Kent 770 of 797 (772 caught; the rest within
# rounding or missed, one alarm raised elsewhere).
MIN_RECALL = 0.9
MIN_CHANGED = 50


@pytest.mark.corpus
def test_a_total_printed_ten_percent_higher_is_found_and_nothing_else_is_blamed():
    tally = Tally()
    for folder, name in SUBSET:
        pdf = shared_dir(folder) / name
        if not pdf.is_file():
            pytest.skip(f"{pdf} is absent")
        tally.add(paper(pdf, ("tenth",)))
    found, missed = tally.outcomes[("tenth", "found")], tally.outcomes[("tenth", "missed")]
    changed = sum(tally.outcomes.values())
    assert changed >= MIN_CHANGED, "the subset's totals that add up were changed"
    assert found / changed >= MIN_RECALL, (found, missed, tally.missed)
    assert tally.elsewhere["tenth"] == 0, "a changed total made the reader blame something else"
    assert tally.seam_differs == 0, "reading the words again at the seam gives the run's tables"
