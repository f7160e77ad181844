"""Meeting details and document boundaries from page lines."""
from __future__ import annotations

from extract.models import Meeting
from extract.pack.segment import pages_to_documents, pages_to_meeting
from extract.read.pdfium import PageLines


def pages(*texts: str, landscape: bool = False) -> list[PageLines]:
    w, h = (960, 540) if landscape else (595, 842)
    return [PageLines(i + 1, w, h, tuple(t.split("\n"))) for i, t in enumerate(texts)]


COVER = "\n".join([
    "Public Document Pack", "Children's Services Scrutiny", "Board (4)", "Time and Date",
    "2.00 pm on Tuesday, 3rd March, 2020", "Place", "Diamond Room 2 - Council House",
    "Public Business", "1. Apologies", "3. Minutes (Pages 3 - 4)",
    "4. Youth Service Review and Savings Proposals for the", "Next Year (Pages 5 - 8)",
])


def test_cover_gives_committee_date_time_and_place():
    meeting = pages_to_meeting(pages(COVER))
    assert meeting == Meeting(
        committee="Children's Services Scrutiny Board (4)", date="2020-03-03", time="14:00",
        place="Diamond Room 2 - Council House",
    )


def test_minutes_heading_gives_meeting_when_there_is_no_cover():
    meeting = pages_to_meeting(pages("Minutes of the Meeting of Cabinet held at 10.30 am on Tuesday, 24 January 2017"))
    assert (meeting.committee, meeting.date, meeting.time) == ("Cabinet", "2017-01-24", "10:30")


def test_documents_start_at_agenda_items_and_appendices_with_titles_from_the_agenda():
    pack = pages(
        COVER, "contact details",
        "Agenda Item 3\nMinutes of the Meeting of Board held at 10.00 am on 1 May 2020", "more minutes",
        "Agenda Item 4\nPublic report\nCabinet Report", "report text", "Appendix A – Service cards\nOverview",
        "card text",
    )
    docs = pages_to_documents(pack, pages_to_meeting(pack))
    summary = [(d.kind, d.label, d.title, d.page_start, d.page_end) for d in docs]
    assert summary == [
        ("agenda", None, "Children's Services Scrutiny Board (4)", 1, 2),
        ("minutes", "Agenda Item 3", "Minutes", 3, 4),
        ("report", "Agenda Item 4", "Youth Service Review and Savings Proposals for the Next Year", 5, 6),
        ("appendix", "Appendix A", "Service cards", 7, 8),
    ]


def test_landscape_pack_without_headings_is_one_slide_deck():
    docs = pages_to_documents(pages("Education Redesign\nJune 2022", "Context", landscape=True), Meeting())
    assert [(d.kind, d.page_start, d.page_end) for d in docs] == [("slides", 1, 2)]


def test_appendix_mentioned_mid_page_does_not_start_a_document():
    docs = pages_to_documents(pages("Report title\nReport of the Director", "Key Questions\nAppendix 1"), Meeting())
    assert len(docs) == 1
