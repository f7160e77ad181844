"""The meeting of real papers: every Kent agenda front sheet and set of minutes, and the
other councils' papers that print a meeting (expectations as data, read off each
paper's first page by a person). Skipped when ../shared is absent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import shared_dir

pytestmark = pytest.mark.corpus

KENT_FRONT_SHEETS_AND_MINUTES = 13  # 5 agenda front sheets, 8 sets of minutes

# file (under councils/) → (committee, ISO date) as the first page prints them; None: the
# paper states no meeting. Horsley's two papers print one, but their fonts have no usable
# text encoding, so nothing can be read from them: they must come out null, not guessed.
COUNCILS: dict[str, tuple[str, str] | None] = {
    "manordeilo-salem-cc/18-12-12.pdf": ("Manordeilo and Salem Community Council", "2018-12-12"),
    "manordeilo-salem-cc/19-01-09.pdf": ("Manordeilo and Salem Community Council", "2019-01-09"),
    "manordeilo-salem-cc/19-02-06.pdf": ("Manordeilo and Salem Community Council", "2019-02-06"),
    "manordeilo-salem-cc/19-03-13.pdf": ("Manordeilo and Salem Community Council", "2019-03-13"),
    "manordeilo-salem-cc/19-04-10.pdf": ("Manordeilo and Salem Community Council", "2019-04-10"),
    "manordeilo-salem-cc/19-06-12.pdf": ("Manordeilo and Salem Community Council", "2019-06-12"),
    "manordeilo-salem-cc/1-19_cy.pdf": ("Cyngor Cymuned Manordeilo a Salem", "2019-01-09"),
    "manordeilo-salem-cc/3-19_cy.pdf": ("Cyngor Cymuned Manordeilo a Salem", "2019-03-13"),
    "manordeilo-salem-cc/po_en.pdf": None,
    "southwark/executive-2008-05-20-item9-corporate-property-management.pdf": ("Executive", "2008-05-20"),
    "southwark/pension-fund-advisory-panel-2015-04-21-notes.pdf": ("Pensions Advisory Panel", "2015-04-21"),
    "southwark/planning-committee-2008-12-02-item6-1-report.pdf": ("Planning Committee", "2008-12-02"),
    "southwark/cabinet-member-decision-2015-02-aylesbury-northchurch.pdf": None,
    "southwark/budget-book-2015-16-capital-programme.pdf": None,
    "sutton-coldfield-tc/CommunityGrant_minutes_2018_March_13.pdf": (
        "Amenities, Leisure and Community Services",
        "2018-03-13",
    ),
    "sutton-coldfield-tc/CommunityGrant_notes_2018_March_13.pdf": (
        "Amenities, Leisure & Community Services Committee",
        "2018-03-13",
    ),
    "sutton-coldfield-tc/Copy-of-Community-Grant-Fund-Amenities-15-November.pdf": ("Amenities Committee", "2016-11-15"),
    "sutton-coldfield-tc/Item_166__CBSO_Concert.pdf": ("Royal Sutton Coldfield Town Council", "2017-02-21"),
    "sutton-coldfield-tc/Payments-over-250-2017-18-Q2.pdf": None,
    "sutton-coldfield-tc/Sutton-Coldfield-2018-Accounts-1.pdf": None,
    "sutton-coldfield-tc/Contracts-2017-8-open.pdf": None,
    "north-hertfordshire/budget-2018-19-appendix-a-general-fund-estimates.pdf": None,
    "horsley-pc/agenda-2014-04-29.pdf": None,
    "horsley-pc/minutes-2014-03-18.pdf": None,
}


def _meeting_and_documents(path: Path):
    from extract.pack.segment import pages_to_documents, pages_to_meeting
    from extract.read import pdfium as fastpass

    document = fastpass.open_document(path)
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
    finally:
        document.close()
    meeting = pages_to_meeting(lines)
    return meeting, pages_to_documents(lines, meeting)


def test_every_kent_front_sheet_and_set_of_minutes_has_its_committee_and_date():
    kent = shared_dir("real/kent")
    papers = sorted(p for p in kent.rglob("*.pdf") if re.search(r"frontsheet|minutes", p.name, re.I))
    assert len(papers) == KENT_FRONT_SHEETS_AND_MINUTES
    read = {}
    for pdf in papers:
        meeting, documents = _meeting_and_documents(pdf)
        read[pdf.name] = (meeting.committee, meeting.date, documents[0].kind)
    missing = {name: got for name, got in read.items() if not (got[0] and got[1])}
    assert not missing
    assert {
        name: got[0]
        for name, got in read.items()
        if got[0] not in {"Cabinet", "County Council", "Corporate Parenting Panel"}
    } == {}
    # the date in the file name is the meeting's (minutes of a previous meeting aside)
    for name, (_, iso, kind) in read.items():
        assert kind == ("agenda" if "frontsheet" in name.lower() else "minutes"), name
        stamp = re.search(r"(\d{2})th-(\w{3})-(\d{4})", name)
        if stamp:
            assert iso.startswith(stamp.group(3)) and iso.endswith(stamp.group(1)), (name, iso)


@pytest.mark.parametrize("name", sorted(COUNCILS))
def test_other_councils_papers_give_the_meeting_they_print(name):
    path = shared_dir("councils") / name
    meeting, _ = _meeting_and_documents(path)
    expected = COUNCILS[name]
    if expected is None:
        assert (meeting.committee, meeting.date) == (None, None)
    else:
        assert (meeting.committee, meeting.date) == expected


def test_payment_schedules_are_financial_statements_and_minutes_are_minutes():
    folder = shared_dir("councils")
    kinds = {
        name: _meeting_and_documents(folder / name)[1][0].kind
        for name in (
            "sutton-coldfield-tc/Payments-over-250-2017-18-Q2.pdf",
            "sutton-coldfield-tc/Payments-in-excess-of-2016-17.pdf",
            "manordeilo-salem-cc/19-01-09.pdf",
            "manordeilo-salem-cc/1-19_cy.pdf",
            "sutton-coldfield-tc/CommunityGrant_minutes_2018_March_13.pdf",
        )
    }
    assert [kinds[n] for n in sorted(kinds)] == [
        "minutes",
        "minutes",
        "minutes",
        "financial_statement",
        "financial_statement",
    ]
