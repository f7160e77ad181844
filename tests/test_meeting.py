"""The meeting (committee, date, time, place) from the forms councils print it in, and the
documents, kinds and titles of a paper; over page lines and over the generated samples
in samples/meetings/ (samples/meetings.py), each with its expected reading beside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.models import Meeting
from extract.pack.meeting import committee_name, pages_to_meeting, parse_date, parse_time
from extract.pack.segment import pages_to_documents
from extract.read.pdfium import PageLines

MEETINGS = Path(__file__).resolve().parents[1] / "samples" / "meetings"


def pages(*texts: str, landscape: bool = False) -> list[PageLines]:
    w, h = (960, 540) if landscape else (595, 842)
    return [PageLines(i + 1, w, h, tuple(line for line in t.split("\n") if line)) for i, t in enumerate(texts)]


def meeting_of(*texts: str) -> tuple:
    m = pages_to_meeting(pages(*texts))
    return (m.committee, m.date, m.time, m.place)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Wednesday, 11 March 2026", "2026-03-11"),
        ("Tuesday 13th March 2018", "2018-03-13"),
        ("on the 12 th December 2018", "2018-12-12"),  # a raised ordinal printed apart
        ("28 Mar 18", "2018-03-28"),
        ("May 20 2008", "2008-05-20"),
        ("December 2, 2008", "2008-12-02"),
        ("9fed Ionawr 2019", "2019-01-09"),
        ("13eg Mawrth 2019", "2019-03-13"),
        ("ar y 6ed o Fehefin 2019", "2019-06-06"),  # Welsh soft mutation of Mehefin
        ("21ain Rhagfyr 2018", "2018-12-21"),
    ],
)
def test_dates_with_weekdays_ordinals_short_years_and_welsh_months(text, iso):
    assert parse_date(text) == iso


def test_an_impossible_or_partial_date_is_not_a_date():
    assert parse_date("31 February 2019") is None
    assert parse_date("February 2015") is None


@pytest.mark.parametrize(
    "text, expected, hhmm",
    [
        ("7pm", False, "19:00"),
        ("7.00 pm", False, "19:00"),
        ("10.30 a.m.", False, "10:30"),
        ("13:30pm", False, "13:30"),
        ("19:00", True, "19:00"),
        ("12 noon", False, "12:00"),
    ],
)
def test_times_in_twelve_and_twenty_four_hour_forms(text, expected, hhmm):
    assert parse_time(text, expected=expected) == hhmm


def test_a_bare_twenty_four_hour_number_is_a_time_only_where_one_is_expected():
    assert parse_time("rose by 12.30 per cent") is None


def test_moderngov_label_lines():
    assert meeting_of(
        "Meeting: Cabinet\nDate: Wednesday, 11 March 2026\nTime: 6.00 pm\nVenue: Civic Suite, North Warehouse"
    ) == ("Cabinet", "2026-03-11", "18:00", "Civic Suite, North Warehouse")


def test_labels_over_their_values_as_a_two_column_table_reads():
    assert meeting_of("Item No.\n9\nDate:\nMay 20 2008\nMeeting Name:\nExecutive\nReport title: Property") == (
        "Executive",
        "2008-05-20",
        None,
        None,
    )


def test_labels_without_a_meeting_label_take_the_body_named_above_them():
    text = (
        "LONDON BOROUGH OF SOUTHWARK PENSION FUND\nPENSIONS ADVISORY PANEL\nDate: 21st April 2015 Chair: F Colley\n"
        "Time: 13:30pm\nVenue: Southwark Council\n160 Tooley St, London, SE1 2TZ"
    )
    assert meeting_of(text) == (
        "Pensions Advisory Panel",
        "2015-04-21",
        "13:30",
        "Southwark Council 160 Tooley St, London, SE1 2TZ",
    )


def test_coventry_cover_time_and_date():
    cover = (
        "Public Document Pack\nChildren's Services Scrutiny\nBoard (4)\nTime and Date\n"
        "2.00 pm on Tuesday, 3rd March, 2020\nPlace\nDiamond Room 2 - Council House\nPublic Business"
    )
    assert meeting_of(cover) == (
        "Children's Services Scrutiny Board (4)",
        "2020-03-03",
        "14:00",
        "Diamond Room 2 - Council House",
    )


def test_notice_sentence():
    assert meeting_of(
        "Notice of meeting of the Amenities Committee to be held on Tuesday 13th March 2018 at 7.00pm at the Town Hall"
    ) == ("Amenities Committee", "2018-03-13", "19:00", "Town Hall")


def test_will_be_held_sentence_on_the_page_after_a_blank_one():
    summons = (
        "To: All Members of the County Council\nA meeting of the County Council will be held in the Council "
        "Chamber, County Hall, Maidstone on Thursday, 13th March, 2025 at 10.00 am to deal with the following "
        "business.\nAGENDA\n1. Apologies"
    )
    m = pages_to_meeting(pages("Summons to and\nAgenda for a\nMeeting on", "", summons))
    assert (m.committee, m.date, m.time, m.place) == (
        "County Council",
        "2025-03-13",
        "10:00",
        "Council Chamber, County Hall, Maidstone",
    )


def test_minutes_sentence_with_place_after_the_date():
    assert meeting_of(
        "KENT COUNTY COUNCIL\nCABINET\nMINUTES of a meeting of the Cabinet held in the Council "
        "Chamber, Sessions\nHouse, County Hall, Maidstone on Thursday, 9 January 2025.\nPRESENT: Mr A"
    ) == ("Cabinet", "2025-01-09", None, "Council Chamber, Sessions House, County Hall, Maidstone")


def test_body_held_their_meeting_with_a_raised_ordinal_split_over_lines():
    text = (
        "1\nMANORDEILO & SALEM COMMUNITY COUNCIL\nMEETING 12th DECEMBER 2018\nManordeilo and Salem Community "
        "Council held their meeting at 7.30pm on the 12\nth December 2018 at the Reading\nRoom, Cwmifor.\nPRESENT"
    )
    assert meeting_of(text) == (
        "Manordeilo and Salem Community Council",
        "2018-12-12",
        "19:30",
        "Reading Room, Cwmifor",
    )


def test_welsh_minutes_sentence():
    text = (
        "CYNGOR CYMUNED MANORDEILO A SALEM\nCYFARFOD 9FED IONAWR 2019\nCynhaliwyd cyfarfod Cyngor Cymuned "
        "Manordeilo a Salem am 7.30pm ar y 9fed Ionawr 2019 yn yr Ystafell Ddarllen,\nCwmifor.\nPRESENNOL"
    )
    assert meeting_of(text) == (
        "Cyngor Cymuned Manordeilo a Salem",
        "2019-01-09",
        "19:30",
        "Ystafell Ddarllen, Cwmifor",
    )


@pytest.mark.parametrize(
    "heading, committee, iso",
    [
        ("AGENDA — PLANNING COMMITTEE — 2 DECEMBER 2008", "Planning Committee", "2008-12-02"),
        ("CORPORATE PARENTING PANEL – 10th December 2024", "Corporate Parenting Panel", "2024-12-10"),
        (
            "Royal Sutton Coldfield Town Council Meeting 21 February 2017",
            "Royal Sutton Coldfield Town Council",
            "2017-02-21",
        ),
        ("CABINET - THURSDAY, 30 JANUARY 2025", "Cabinet", "2025-01-30"),
        ("To: Cabinet – 30 January 2025", "Cabinet", "2025-01-30"),
    ],
)
def test_headings_that_name_the_body_and_the_day(heading, committee, iso):
    assert meeting_of(f"{heading}\nSome text follows here.")[:2] == (committee, iso)


def test_the_body_over_a_line_that_opens_with_the_date():
    text = (
        "AGENDA\nCABINET\nThursday, 30th January, 2025, at 10.00 am Ask for: A Person\nCouncil Chamber, Sessions House,"
        "\nCounty Hall, Maidstone\nTelephone: 03000 414043"
    )
    assert meeting_of(text) == (
        "Cabinet",
        "2025-01-30",
        "10:00",
        "Council Chamber, Sessions House, County Hall, Maidstone",
    )


def test_minutes_held_on_under_the_council_name():
    assert meeting_of("FOREST PARISH COUNCIL\nMINUTES OF THE MEETING HELD ON 9TH JANUARY 2019\nPresent: Cllr A")[
        :2
    ] == ("Forest Parish Council", "2019-01-09")


def test_an_agenda_entry_about_earlier_minutes_is_not_the_meeting():
    assert meeting_of(
        "Public reports\n3. Minutes of the Meeting of Cabinet held on 9th January 2025 (Pages 1 - 10)"
    ) == (None, None, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "Post Office Limited\nFinsbury Dials\nEC2Y 9AQ\n1 April 2020\nDear Local Authority CEO,",
        "Royal Sutton Coldfield Town Council\nPayments Made 2016/17 exceeding £250\n04/07/2016 1 Moor Hall 1,800",
        "Item No. Classification:\nOpen\nDate:\nFebruary 2015\nDecision maker:\nCabinet Member for Regeneration",
        "Review of Parks\nThe review in March 2018 found the budget sufficient.",
    ],
)
def test_a_paper_that_states_no_meeting_gets_nulls(text):
    assert pages_to_meeting(pages(text)) == Meeting()


# --- documents, kinds, titles ---------------------------------------------------------


@pytest.mark.parametrize(
    "heading, label, title",
    [
        ("Appendix A", "Appendix A", "Next line title"),
        ("Appendix A:", "Appendix A", "Next line title"),
        ("APPENDIX 1 –", "Appendix 1", "Next line title"),
        ("Appendix C – Equality Consultation Analysis", "Appendix C", "Equality Consultation Analysis"),
        ("Annex 2", "Annex 2", "Next line title"),
        ("Annex A – Cash flow", "Annex A", "Cash flow"),
        ("Appendix B Financial Summary", "Appendix B", "Financial Summary"),
    ],
)
def test_appendix_and_annex_headings_in_their_usual_forms_start_a_document(heading, label, title):
    docs = pages_to_documents(
        pages("Report title\nReport of the Director", f"Page 2\n{heading}\nNext line title\nText"), Meeting()
    )
    assert [(d.kind, d.label, d.title, d.page_start) for d in docs[1:]] == [("appendix", label, title, 2)]


@pytest.mark.parametrize("line", ["Appendix 1 sets out the detail of the proposals.", "Appendix 1). Works to start"])
def test_prose_that_opens_with_appendix_does_not_start_a_document(line):
    docs = pages_to_documents(pages("Report title\nReport of the Director", f"{line}\nmore text"), Meeting())
    assert len(docs) == 1


def test_a_running_header_above_the_appendix_heading_is_skipped():
    header = "Coventry City Council"
    docs = pages_to_documents(
        pages(
            *(f"{header}\n{text}" for text in ("Background", "Options", "Risks")),
            f"{header}\nAppendix A: Service cards\nOverview",
        ),
        Meeting(),
    )
    assert [(d.label, d.page_start) for d in docs] == [(None, 1), ("Appendix A", 4)]
    assert docs[0].title == "Background"


def test_titles_are_never_page_stamps_or_metadata_lines():
    docs = pages_to_documents(
        pages(
            "Page | 1\nItem No.\n9\nClassification:\nOpen\nDate:\nMay 20 2008\n"
            "Report title: Corporate Property Management\n– Integration and Implementation"
        ),
        Meeting(),
    )
    assert docs[0].title == "Corporate Property Management – Integration and Implementation"


def test_minutes_and_agendas_are_typed_so():
    minutes = pages_to_documents(
        pages("MINUTES of a meeting of the Cabinet held on 9 January 2025\nPRESENT: A"), Meeting()
    )
    agenda = pages_to_documents(pages("AGENDA\nCABINET\nThursday, 30th January, 2025\n1. Apologies"), Meeting())
    assert (minutes[0].kind, agenda[0].kind) == ("minutes", "agenda")
    assert minutes[0].title == "MINUTES of a meeting of the Cabinet"


def test_a_dense_landscape_list_of_payments_is_a_financial_statement_not_slides():
    rows = "\n".join(f"0{i}/07/2017 23{i} Supplier {i} Services 1,89{i}.50 Marketing" for i in range(1, 9))
    page = f"Royal Sutton Coldfield Town Council\nPayments Made 2017/18 exceeding £250\nDate Ref Payee £\n{rows}\n" * 3
    docs = pages_to_documents(pages(page, page, landscape=True), Meeting())
    assert [(d.kind, d.title) for d in docs] == [("financial_statement", "Payments Made 2017/18 exceeding £250")]


def test_a_sparse_landscape_deck_is_slides():
    docs = pages_to_documents(pages("Education Redesign\nJune 2022", "Context\nWhy change", landscape=True), Meeting())
    assert docs[0].kind == "slides"


def test_a_paper_without_readable_words_is_other_and_untitled():
    docs = pages_to_documents(pages("\x15\x1a\x1d\n\x10\x18"), Meeting())
    assert (docs[0].kind, docs[0].title) == ("other", "Untitled")


# --- the generated samples --------------------------------------------------------------


def _sample_lines(pdf: Path) -> list[PageLines]:
    from extract.read import pdfium as fastpass

    document = fastpass.open_document(pdf)
    try:
        return [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
    finally:
        document.close()


SAMPLE_FILES = sorted(MEETINGS.glob("*.json"))


@pytest.mark.parametrize("expected_file", SAMPLE_FILES, ids=[p.stem for p in SAMPLE_FILES])
def test_each_generated_sample_gives_its_printed_meeting(expected_file):
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    lines = _sample_lines(expected_file.with_suffix(".pdf"))
    meeting = pages_to_meeting(lines)
    assert meeting.model_dump() == expected["meeting"]
    documents = pages_to_documents(lines, meeting)
    if "kind" in expected:
        assert documents[0].kind == expected["kind"]
    for doc, want in zip(documents, expected.get("documents", documents), strict=True):
        if want is doc:
            continue
        assert (doc.kind, doc.label) == (want["kind"], want["label"])
        assert doc.title.startswith(want["title"]), doc.title


def test_every_form_of_the_issue_has_a_generated_sample():
    names = {p.stem for p in SAMPLE_FILES}
    assert {
        "moderngov-front-sheet",
        "moderngov-front-sheet-table",
        "notice-of-meeting",
        "agenda-dash-heading",
        "minutes-sentence",
        "minutes-held-on",
        "minutes-bilingual",
        # the heading block's shapes, and papers whose only dates are no meeting's
        "minutes-date-alone-under-held-on",
        "notice-centred-block",
        "fields-side-by-side",
        "summons-above-council",
        "minutes-above-council",
        "annual-parish-meeting",
        "agenda-dates-only-in-items",
        "accounts-under-council-name",
        "notice-of-public-rights",
    } <= names
    assert len([n for n in names if n.startswith("pack-2017-headings")]) >= 3


def test_each_appendix_of_a_heading_rendering_starts_on_the_page_its_heading_is_printed():
    from extract.read import pdfium as fastpass

    for pdf in sorted(MEETINGS.glob("pack-2017-headings-*.pdf")):
        lines = _sample_lines(pdf)
        for doc in pages_to_documents(lines, pages_to_meeting(lines)):
            if doc.kind == "appendix":
                text = "\n".join(lines[doc.page_start - 1].lines)
                assert doc.label.split()[-1] in text and doc.page_start > 2, (pdf.name, doc)
        assert fastpass  # read with the fast pass only


def test_appendix_paragraphs_are_never_filed_as_report_paragraphs():
    from tests.conftest import extraction_of

    pack = extraction_of(MEETINGS / "pack-2017-headings-colon-dash.pdf")
    appendix_c = next(d for d in pack.documents if d.label == "Appendix C")
    on_c = [s for s in pack.statements if appendix_c.page_start <= s.page <= appendix_c.page_end]
    assert on_c, "Appendix C prints a paragraph with two figures"
    assert all(s.subject.startswith("Appendix C") and s.document == "Appendix C" for s in on_c), on_c
    assert not any(s.subject == "Report 12.3" for s in pack.statements)
    report = next(d for d in pack.documents if d.kind == "report")
    assert all(
        s.subject.startswith("Report ")
        for s in pack.statements
        if report.page_start <= s.page <= report.page_end and s.section
    )


def test_a_number_in_a_table_cell_is_not_a_paragraph_number():
    from extract.vocabulary import PARAGRAPH_NUMBER

    assert PARAGRAPH_NUMBER.match("1.4 The savings are set out below").group(1) == "1.4"
    assert PARAGRAPH_NUMBER.match("6.3.2.1 Financial impacts").group(1) == "6.3.2.1"
    for cells in ("0.6 1.1 1.7", "1.5 (2.6) (2.6)", "0.4 £0.5M", "1.25 -0.3"):
        assert PARAGRAPH_NUMBER.match(cells) is None, cells


def test_an_appendix_heading_printed_on_every_page_is_one_document_and_an_annex_under_it_another():
    sheet = "APPENDIX F: 2025-28 BUDGET - SPENDING\nDirectorate Cabinet Member\n1,200 3,400 5,600"
    docs = pages_to_documents(
        pages(sheet, sheet, sheet, "Appendix F: 2025-28 BUDGET - SPENDING\nAnnex A – Cash flow\n1,200", sheet),
        Meeting(),
    )
    assert [(d.label, d.page_start, d.page_end) for d in docs] == [("Appendix F", 1, 3), ("Annex A", 4, 5)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Meeting: Planning Committee\nDate: 11/03/2026\nTime: 18:30",
            ("Planning Committee", "2026-03-11", "18:30", None),
        ),
        ("Meeting of the Cabinet, Wednesday 11 March 2026 at 2pm", ("Cabinet", "2026-03-11", "14:00", None)),
        ("Minutes of the Cabinet meeting held on 24 January 2017", ("Cabinet", "2017-01-24", None, None)),
        (
            "Notice is hereby given that a meeting of the Planning Committee will be held at the Town Hall on "
            "Monday 5 March 2018 at 7.30 pm.",
            ("Planning Committee", "2018-03-05", "19:30", "Town Hall"),
        ),
    ],
)
def test_more_forms_a_council_may_print(text, expected):
    assert meeting_of(text) == expected


@pytest.mark.parametrize(
    "heading", ["Kent County Council Annual Report 31 March 2024", "Ashby Town Council – 1 April 2020"]
)
def test_a_council_name_beside_a_date_is_not_a_meeting(heading):
    assert meeting_of(f"{heading}\nThe accounts for the year.") == (None, None, None, None)


def test_the_2017_variants_give_the_documents_of_the_2017_pack_they_print():
    root = MEETINGS.parent
    reference = [
        (d.kind, d.label) for d in pages_to_documents(*_lines_and_meeting(root / "coventry-2017-scrutiny-pack.pdf"))
    ]
    printed = [doc for doc in reference if doc[1] != "Appendix C"]  # the variants print no Appendix C
    for pdf in sorted((root / "variants").glob("*.pdf")):
        lines, meeting = _lines_and_meeting(pdf)
        kinds = [(d.kind, d.label) for d in pages_to_documents(lines, meeting)]
        if "appendix-only" in pdf.name:
            assert kinds == [doc for doc in printed if doc[0] == "appendix"], pdf.name
        else:
            assert kinds == printed, pdf.name
            assert (meeting.committee, meeting.date) == ("Scrutiny Co-ordination Committee", "2017-01-18"), pdf.name


def _lines_and_meeting(pdf: Path):
    lines = _sample_lines(pdf)
    return lines, pages_to_meeting(lines)


@pytest.mark.parametrize("text", ["1 Minutes of the Last", "Draft Minutes of the meeting held on"])
def test_an_agenda_item_or_a_headings_own_words_is_no_committee(text):
    # OCR'd parish papers gave these as the committee: a wrong meeting is worse than none.
    assert committee_name(text) is None


def test_a_numbered_body_keeps_its_number():
    assert committee_name("Scrutiny Board (2)") == "Scrutiny Board (2)"


# --- the heading block -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, hhmm",
    [("7.00pm – 9.00pm", "19:00"), ("10 - 12pm", "10:00"), ("7pm to 9pm", "19:00"), ("10.30am - 1pm", "10:30")],
)
def test_a_range_of_times_gives_its_start(text, hhmm):
    assert parse_time(text) == hhmm


def test_a_letters_date_loses_to_the_heading_that_names_the_body_and_the_day():
    text = ("Ask for: A Person\nDate: 27 January 2025\nDear Member\nCABINET - THURSDAY, 30 JANUARY 2025\n"
            "I am now able to enclose the following document that was unavailable when the agenda was published.")
    assert meeting_of(text)[:2] == ("Cabinet", "2025-01-30")


def test_a_twenty_four_hour_time_in_a_heading_is_read_only_past_noon():
    held = "Minutes of the Souldern Annual Parish Meeting held in the\nVillage Hall on Wednesday 9th May 2012 at {}"
    assert meeting_of(held.format("19.45")) == ("Annual Parish Meeting of Souldern", "2012-05-09", "19:45",
                                                "Village Hall")
    assert meeting_of(held.format("7.30"))[2] is None  # morning or evening: not said


def test_the_date_alone_under_a_heading_that_ends_with_on_is_the_meetings_not_the_clerks_address():
    text = ("Parish Clerk : A Clerk\nWestfield Farm Cottage, Fenway, Steeple Aston, Oxon OX25 4SS\nTel: 01869 000000\n"
            "MINUTES OF THE SOULDERN PARISH COUNCIL PLANNING MEETING\nHELD IN THE VILLAGE HALL\nON\n22nd March 2018\n"
            "Present: Members of the Public:\n03.18.02 Declarations of interest\n"
            "minutes of the last meeting 1 March 2018")
    assert meeting_of(text) == ("Souldern Parish Council Planning Meeting", "2018-03-22", None, "VILLAGE HALL")


@pytest.mark.parametrize(
    "text",
    [
        "Minutes of Meeting held on Tuesday 1 December at 7.00pm\nin Ayton Community Hall\nPresent: A, B",  # no year
        "SOULDERN PARISH COUNCIL\nNOTICE OF PUBLIC RIGHTS\n1. Date of announcement Sunday 2 June 2024",
        "Ashby Town Council – 1 April 2020\nThe accounts for the year.",
        "AYTON\nAYTON AYTON COMMUNITY COUNCIL\nMinutes Minutes of a Meeting held on Tuesday 5 April 2016",
    ],
)
def test_nothing_is_invented_from_a_heading_that_does_not_state_a_meeting_in_full(text):
    assert meeting_of(text) == (None, None, None, None)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("NOTICE OF MEETING\nYou are hereby summoned to attend the Meeting of Weston Parish Council which will be "
         "held in the Village Hall on Thursday 7th March 2019 at 7.30pm\nAGENDA\n1. Apologies",
         ("Weston Parish Council", "2019-03-07", "19:30", "Village Hall")),
        ("Extraordinary Meeting of the Parish Council\nto be held on Wednesday 6th March 2019\nat 7.30pm in the "
         "Pavilion\nUPTON PARISH COUNCIL", ("Upton Parish Council", "2019-03-06", "19:30", "Pavilion")),
        ("WESTON PARISH COUNCIL\nMinutes of the Meeting of the Parish Council held on Monday 4th March 2019 at "
         "7.30pm in the Village Hall\nPresent: Cllrs",
         ("Weston Parish Council", "2019-03-04", "19:30", "Village Hall")),
    ],
)
def test_the_parish_council_a_sentence_names_is_the_council_the_heading_names(text, expected):
    assert meeting_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("CABINET\n4 March 2019\nReport of the Leader\nSubject: Budget", ("Cabinet", "2019-03-04", None, None)),
        ("Report to Cabinet\n4 March 2019\nBudget monitoring", ("Cabinet", "2019-03-04", None, None)),
        ("Minutes of the Meeting of Anytown Town Council\nHeld at the Guildhall on Tuesday 12th March 2019 at 7.00pm\n"
         "Present:", ("Anytown Town Council", "2019-03-12", "19:00", "Guildhall")),
    ],
)
def test_a_date_line_that_opens_with_its_day_is_not_an_agenda_item_and_held_at_names_the_place(text, expected):
    assert meeting_of(text) == expected


def test_an_agenda_announcing_the_next_meeting_to_be_held_is_that_meeting_and_an_at_sign_is_no_email():
    assert meeting_of(
        "Clerk : A Clerk Telephone : 01234 567890\nE-mail : clerk@example-parish.org.uk\nHIGHFIELD PARISH COUNCIL\n"
        "NEXT MEETING TO BE HELD ON TUESDAY,\n10TH JANUARY 2017 @ 7.30pm\nHIGHFIELD VILLAGE HALL\nAGENDA\n"
        "1. To receive apologies for meeting\n2. To approve the minutes of the last meeting held on 1st November 2016"
    ) == ("Highfield Parish Council", "2017-01-10", "19:30", "HIGHFIELD VILLAGE HALL")


@pytest.mark.parametrize("heading", ["Highfield Parish Council - 3rd November 2015",
                                     "Highfield Parish Council A.G.M. - 3rd November 2015",
                                     "Highfield Parish Council\n3rd November 2015"])
def test_a_council_and_a_date_over_an_attendance_list_are_its_meeting(heading):
    assert meeting_of(f"{heading}\nPresent\nCouncillors A Smith (Chair), B Jones\n15.11.1 Apologies") == (
        "Highfield Parish Council", "2015-11-03", None, None)


def test_a_council_and_a_date_over_a_letter_are_no_meeting():
    assert meeting_of("Highfield Parish Council\n3rd November 2015\nDear Resident\nThank you for your letter.") == (
        None, None, None, None)


def test_the_parish_council_after_a_clause_set_off_by_dashes_is_the_headings_council():
    assert meeting_of(
        "Highfield Parish Council - 14th July 2020\n"
        "Due to Coronavirus – Covid-19 – The Parish Council held the meeting\n"
        "outside the Village School at 7pm, enabling the Councillors to keep apart.\nPresent\nCouncillors A Smith"
    )[:2] == ("Highfield Parish Council", "2020-07-14")


def test_a_heading_date_wrapped_after_its_day_is_one_date():
    assert meeting_of("Highfield Parish Council - 3rd\nSeptember 2019\nPresent\nCouncillors A Smith (Chair)")[:2] == (
        "Highfield Parish Council", "2019-09-03")
