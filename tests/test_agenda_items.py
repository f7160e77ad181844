"""agenda_items[]: the numbered items of an agenda with their titles and printed pages, the
document of the pack each points to, and the findings when the pack disagrees with its agenda."""
from __future__ import annotations

import re

import pytest

from extract.checks.agenda import items_and_their_documents
from extract.models import AgendaItem, Document, Extraction, Meeting, PrintedPages, Source
from extract.pack.agenda import agenda_list, pages_to_agenda_items
from extract.pack.segment import pages_to_documents, pages_to_meeting
from extract.read.pdfium import PageLines
from tests.conftest import PACK_2017, PACK_2023, shared_dir


def pages(*texts: str) -> list[PageLines]:
    return [PageLines(i + 1, 595, 842, tuple(line for line in t.split("\n") if line)) for i, t in enumerate(texts)]


def pdf_lines(path):
    from extract.read import pdfium as fastpass

    document = fastpass.open_document(path)
    try:
        return [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
    finally:
        document.close()


def items_of(lines: list[PageLines]) -> tuple[list[Document], list[AgendaItem]]:
    documents = pages_to_documents(lines, pages_to_meeting(lines))
    return documents, pages_to_agenda_items(lines, documents)


# --- the list -------------------------------------------------------------------------


def test_a_title_wraps_to_the_pages_printed_beside_it_even_when_they_break_over_a_line():
    listed = agenda_list([
        "1. Apologies", "2. Declarations of Interest",
        "3. 24/00109 - Transfer the 18-25 section of the Strengthening Independence Service",
        "from the Children Young People and Education Directorate (Pages 277 - 326)",
        "4. 24/00096 - Commissioning Plan for Education Provision in Kent 2025-29 (Pages", "461 - 610)",
    ])
    assert [(i.number, i.title) for i in listed] == [
        (1, "Apologies"), (2, "Declarations of Interest"),
        (3, "24/00109 - Transfer the 18-25 section of the Strengthening Independence Service from the Children "
            "Young People and Education Directorate"),
        (4, "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29"),
    ]
    assert [(i.pages.text, i.pages.first, i.pages.last) for i in listed[2:]] == [
        ("Pages 277 - 326", 277, 326), ("Pages 461 - 610", 461, 610)]


def test_an_item_without_pages_is_its_first_line_not_the_note_under_it():
    listed = agenda_list(["1. Any Other Items of Public Business",
                          "Any other items of public business which the Chair decides to take"])
    assert [(i.number, i.title, i.pages) for i in listed] == [(1, "Any Other Items of Public Business", None)]


def test_numbers_that_break_the_run_are_not_items():
    listed = agenda_list([
        "1. To receive apologies for absence", "2. Declarations of interest",
        "182", "2017 budget was agreed", "a. Playground Advisory Group", "4 March 2019", "3. Planning",
        "12 Council Housing Association 4,500", "4 Finance",
    ])
    assert [(i.number, i.title) for i in listed] == [
        (1, "To receive apologies for absence"), (2, "Declarations of interest"), (3, "Planning"), (4, "Finance")]


def test_a_raised_ordinal_printed_on_its_own_line_rejoins_the_title():
    listed = agenda_list(["1. Welcome", "2. Minutes of the Annual Parish Meeting, 14", "th May 2015", "3. Reports"])
    assert listed[1].title == "Minutes of the Annual Parish Meeting, 14th May 2015"


def test_a_paper_that_opens_with_no_agenda_has_no_items():
    lines = pages("Minutes of the meeting of Ashby Parish Council held on 3 March 2024\nPresent: A, B\n"
                  "1. Apologies\n2. Minutes")
    assert items_of(lines)[1] == []


# --- the documents they point to, and the findings -----------------------------------


COVER = ("Public Document Pack\nAmenities Committee\nTime and Date\n7.00 pm on Tuesday, 5 March, 2024\n"
         "1. Apologies\n2. Budget Monitoring (Pages 3 - 6)\n3. Parks Review (Pages 7 - 10)\n"
         "4. Grants (Pages 11 - 12)")


def test_each_item_points_to_the_document_labelled_with_its_number_on_the_page_stamped_with_its_first_page():
    lines = pages(COVER, "contact details", "Agenda Item 2\nBudget Monitoring\nPage 3", "more\nPage 4",
                  "Agenda Item 3\nParks Review\nPage 5", "parks text\nPage 6", "text\nPage 7")
    documents, items = items_of(lines)
    item2, item3 = items[1], items[2]
    assert (item2.document, item2.pages_printed.pack_page) == (1, 3)
    assert documents[item2.document].label == "Agenda Item 2"
    # the agenda puts item 3 on printed page 7 (the PDF's page 7); its document starts on page 5
    assert (item3.document, item3.pages_printed.pack_page, documents[item3.document].page_start) == (2, 7, 5)


def extraction_with(documents: list[Document], items: list[AgendaItem]) -> Extraction:
    return Extraction(tool_version="test", source=Source(file="x.pdf", sha256="0" * 64, pages=20), meeting=Meeting(),
                      documents=documents, agenda_items=items)


AGENDA = Document(title="Amenities Committee", kind="agenda", page_start=1, page_end=2)
REPORT = Document(title="Parks Review", kind="report", label="Agenda Item 3", page_start=9, page_end=14)


def test_an_item_whose_document_starts_elsewhere_than_its_printed_pages_is_a_finding_of_information():
    item = AgendaItem(number="3", title="Parks Review", document=1,
                      pages_printed=PrintedPages(text="Pages 7 - 14", first=7, last=14, pack_page=7))
    findings = list(items_of_check(extraction_with([AGENDA, REPORT], [item])))
    assert [(f.check, f.severity) for f in findings] == [("agenda.item_pages", "info")]
    assert "Pages 7 - 14" in findings[0].message and "starts on page 9" in findings[0].message


def test_an_item_whose_report_the_pack_does_not_hold_is_a_finding_of_information():
    held = AgendaItem(number="3", title="Parks Review", document=1,
                      pages_printed=PrintedPages(text="Pages 9 - 14", first=9, last=14, pack_page=9))
    missing = AgendaItem(number="4", title="Grants",
                         pages_printed=PrintedPages(text="Pages 15 - 20", first=15, last=20))
    findings = list(items_of_check(extraction_with([AGENDA, REPORT], [held, missing])))
    assert [(f.check, f.severity, f.subject) for f in findings] == [
        ("agenda.item_missing", "info", "Agenda item 4: Grants")]


def test_a_front_sheet_on_its_own_raises_nothing_about_the_reports_it_lists():
    items = [AgendaItem(number=str(n), title=f"Report {n}",
                        pages_printed=PrintedPages(text=f"Pages {n} - {n}", first=n, last=n)) for n in (1, 2, 3)]
    assert list(items_of_check(extraction_with([AGENDA], items))) == []


def items_of_check(extraction: Extraction):
    return items_and_their_documents(extraction)


# --- the samples and the corpora -----------------------------------------------------


def test_the_2017_pack_lists_its_items_and_item_3_points_to_its_report_while_its_appendices_stay_documents():
    documents, items = items_of(pdf_lines(PACK_2017))
    assert [(i.number, i.title) for i in items] == [
        ("1", "Apologies and Substitutions"), ("2", "Declarations of Interest"), ("3", "Education Service Redesign"),
        ("4", "Any Other Items of Public Business")]
    assert (items[2].pages_printed.text, items[2].pages_printed.pack_page) == ("Pages 3 - 50", 3)
    assert documents[items[2].document].label == "Agenda Item 3"
    assert [d.label for d in documents if d.kind == "appendix"] == ["Appendix A", "Appendix B", "Appendix C"]


def test_the_2023_pack_points_each_item_with_pages_to_the_document_that_starts_there():
    documents, items = items_of(pdf_lines(PACK_2023))
    with_pages = [i for i in items if i.pages_printed]
    assert [i.number for i in with_pages] == ["3", "4", "5", "6"]
    for item in with_pages:
        assert documents[item.document].page_start == item.pages_printed.pack_page == item.pages_printed.first
    assert list(items_of_check(extraction_with(documents, items))) == []


def test_every_kent_front_sheet_lists_its_items_from_one_with_titles_and_pages():
    sheets = sorted(shared_dir("real/kent").rglob("Agenda frontsheet*.pdf"))
    assert sheets
    for sheet in sheets:
        _, items = items_of(pdf_lines(sheet))
        assert items and items[0].number == "1" and items[0].title.startswith("Apologies"), sheet.name
        assert [int(i.number) for i in items] == list(range(1, len(items) + 1)), sheet.name
        for item in items:
            assert not re.search(r"\(pages?|\bpages?\s+\d", item.title, re.I), item.title
            assert item.document is None  # a front sheet alone holds no reports


def test_the_councils_agendas_list_their_items():
    agendas = [p for p in sorted(shared_dir("councils").rglob("*agenda*.pdf")) if "horsley" not in str(p)
               and p.name != "souldern-pc-agenda-2018-11-22.pdf"]  # unusable fonts; a scan
    assert len(agendas) >= 12
    for agenda in agendas:
        _, items = items_of(pdf_lines(agenda))
        assert len(items) >= 3 and items[0].number == "1", agenda.name
        assert all(len(i.title) > 2 and not i.title[0].isdigit() for i in items[:3]), agenda.name


@pytest.mark.parametrize("name", ["Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf"])
def test_a_kent_front_sheet_item_keeps_its_title_as_printed(name):
    sheet = next(shared_dir("real/kent").rglob(name))
    _, items = items_of(pdf_lines(sheet))
    assert (items[6].title, items[6].pages_printed.text) == (
        "24/00109 - Transfer the 18-25 section of the Strengthening Independence Service from the Children Young "
        "People and Education Directorate to the Adult Social Care and Health Directorate", "Pages 277 - 326")
