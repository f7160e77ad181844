"""Every £ amount printed in other councils' minutes is found (../shared/councils).

The counts were taken by reading each paper's text with pdftotext, independently of the
tool: every "£" followed by a number, glued to its neighbours or not ("Credit Balance
of£8,556.62", "£50.00;Carmarthenshire", "Four Oaks£200").
"""
from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import extraction_of, shared_dir

pytestmark = pytest.mark.corpus

# paper -> £ amounts printed in it
PRINTED = {
    "manordeilo-salem-cc/18-12-12.pdf": 9,
    "manordeilo-salem-cc/19-01-09.pdf": 12,
    "manordeilo-salem-cc/19-02-06.pdf": 19,
    "manordeilo-salem-cc/19-03-13.pdf": 12,
    "manordeilo-salem-cc/19-04-10.pdf": 14,
    "manordeilo-salem-cc/19-06-12.pdf": 12,
    "manordeilo-salem-cc/1-19_cy.pdf": 12,
    "manordeilo-salem-cc/3-19_cy.pdf": 12,
    "sutton-coldfield-tc/CommunityGrant_minutes_2018_March_13.pdf": 51,
    "sutton-coldfield-tc/CommunityGrant_notes_2018_March_13.pdf": 52,
    "southwark/pension-fund-advisory-panel-2015-04-21-notes.pdf": 1,
}


def money(paper: str) -> Counter:
    extraction = extraction_of(shared_dir("councils") / paper)
    # Amounts printed with "£", as counted; a payment list's cells printed without it ("315.00"
    # under "£") are money figures too, but not among the amounts counted in the prose.
    return Counter(f.value for f in extraction.figures
                   if f.kind == "money" and f.value is not None and "£" in f.text)


@pytest.mark.parametrize("paper, printed", PRINTED.items(), ids=list(PRINTED))
def test_every_amount_printed_in_the_minutes_is_found(paper, printed):
    assert sum(money(paper).values()) == printed


def test_amounts_glued_to_words_are_found_with_their_values():
    assert money("manordeilo-salem-cc/18-12-12.pdf")[8556.62] == 2  # "Credit Balance of£8,556.62"
    assert money("manordeilo-salem-cc/19-02-06.pdf")[50.0] == 6  # "£50.00;Carmarthenshire", five more
    assert money("manordeilo-salem-cc/19-02-06.pdf")[12462.62] == 2
    assert money("southwark/pension-fund-advisory-panel-2015-04-21-notes.pdf")[1_170_000_000] == 1  # "£1,170m as"
