"""Write the meeting samples into samples/meetings/: front sheets, agendas and minutes in
the forms councils print a meeting in, and the 2017 pack with its appendices headed in
other forms. Each PDF has its expected reading beside it (<name>.json: the meeting, and
the kind of the paper or the documents of the pack), written from the data below.

    python samples/meetings.py [OUT_DIR]

Output is deterministic (reportlab invariant=1): rerunning rewrites identical bytes.
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from content import PACK  # noqa: E402
from render import RenderStyle, render_pack  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table  # noqa: E402

# One line of a paper: plain text, or ("big" | "bold" | "centre", text), or ("table" | "fields", rows).
Line = object


@dataclass(frozen=True)
class Paper:
    name: str
    note: str
    pages: tuple[tuple[Line, ...], ...]
    meeting: dict = field(default_factory=dict)  # the expected Meeting (missing keys: null)
    kind: str = "report"  # the expected kind of the paper's first document


AGENDA_ITEMS = ("1. Apologies for absence", "2. Declarations of interest",
                "3. Minutes of the previous meeting (Pages 3 - 8)", "4. Budget monitoring report (Pages 9 - 20)")
PRESENT = ("Present:", "Councillors A Jones (Chair), B Smith, C Evans and D Hughes.",
           "1. Apologies", "Apologies were received from Councillor E Price.",
           "2. Budget", "RESOLVED that the budget monitoring report be noted.")

PAPERS = (
    Paper("moderngov-front-sheet.pdf", "ModernGov front sheet: 'Label: value' lines",
          (("Public Document Pack", ("big", "Cabinet"), "Meeting: Cabinet", "Date: Wednesday, 11 March 2026",
            "Time: 6.00 pm", "Venue: Civic Suite, North Warehouse", ("bold", "Agenda")) + AGENDA_ITEMS,),
          {"committee": "Cabinet", "date": "2026-03-11", "time": "18:00", "place": "Civic Suite, North Warehouse"},
          "agenda"),
    Paper("moderngov-front-sheet-table.pdf", "the same fields as a two-column table, 24-hour time, two-digit year",
          ((("big", "Notice of Meeting"),
            ("table", (("Meeting:", "Scrutiny Board (2)"), ("Date:", "Thursday 5 Oct 23"), ("Time:", "19:00"),
                       ("Place:", "Diamond Rooms 1 and 2 - Council House"))),
            ("bold", "Agenda")) + AGENDA_ITEMS,),
          {"committee": "Scrutiny Board (2)", "date": "2023-10-05", "time": "19:00",
           "place": "Diamond Rooms 1 and 2 - Council House"}, "agenda"),
    Paper("notice-of-meeting.pdf", "an agenda's notice sentence",
          (("Ashby Town Council",
            "Notice of meeting of the Amenities Committee to be held on Tuesday 13th March 2018 at 7.00pm at the "
            "Town Hall.", ("bold", "Agenda")) + AGENDA_ITEMS,),
          {"committee": "Amenities Committee", "date": "2018-03-13", "time": "19:00", "place": "Town Hall"},
          "agenda"),
    Paper("agenda-dash-heading.pdf", "'AGENDA — PLANNING COMMITTEE — 2 DECEMBER 2008'",
          ((("bold", "AGENDA — PLANNING COMMITTEE — 2 DECEMBER 2008"),) + AGENDA_ITEMS,),
          {"committee": "Planning Committee", "date": "2008-12-02"}, "agenda"),
    Paper("minutes-sentence.pdf", "minutes opening with the meeting sentence",
          (("Minutes of a meeting of Tintern Community Council held on Monday 26th February 2018 at 7pm in "
            "Tintern Village Hall",) + PRESENT,),
          {"committee": "Tintern Community Council", "date": "2018-02-26", "time": "19:00",
           "place": "Tintern Village Hall"}, "minutes"),
    Paper("minutes-held-on.pdf", "the body's name over 'MINUTES OF THE MEETING HELD ON …'",
          ((("big", "FOREST PARISH COUNCIL"), ("bold", "MINUTES OF THE MEETING HELD ON 9TH JANUARY 2019")) + PRESENT,),
          {"committee": "Forest Parish Council", "date": "2019-01-09"}, "minutes"),
    Paper("minutes-bilingual.pdf", "a Welsh and English minute: Welsh first, Welsh month and ordinal",
          ((("bold", "CYNGOR CYMUNED LLANDDEWI / LLANDDEWI COMMUNITY COUNCIL"),
            "Cofnodion cyfarfod Cyngor Cymuned Llanddewi a gynhaliwyd ar 9fed Ionawr 2019 am 7.30pm yn Neuadd y "
            "Pentref, Llanddewi.",
            "Minutes of the meeting of Llanddewi Community Council held on 9th January 2019 at 7.30pm in the "
            "Village Hall, Llanddewi.",
            "PRESENNOL / PRESENT", "Y Cynghorwyr / Councillors A Jones (Cadeirydd / Chair), B Evans, C Hughes.",
            "1. Ymddiheuriadau / Apologies", "Dim / None."),),
          {"committee": "Cyngor Cymuned Llanddewi", "date": "2019-01-09", "time": "19:30",
           "place": "Neuadd y Pentref, Llanddewi"}, "minutes"),
    Paper("minutes-date-alone-under-held-on.pdf", "the council's name, then 'MINUTES OF THE PARISH COUNCIL "
          "MEETING HELD ON' and the date alone on the next line",
          ((("big", "LITTLE HAMPDEN PARISH COUNCIL"), ("bold", "MINUTES OF THE PARISH COUNCIL MEETING HELD ON"),
            ("bold", "Tuesday 14th May 2024")) + PRESENT,),
          {"committee": "Little Hampden Parish Council", "date": "2024-05-14"}, "minutes"),
    Paper("notice-centred-block.pdf", "a centred block of short lines: the announcement, the body, the date, a "
          "time range, the place over two lines",
          ((("centre", "NOTICE OF MEETING"), ("centre", "Kingsbury Town Council"), ("centre", "Monday 3rd June 2024"),
            ("centre", "7.00pm – 9.00pm"), ("centre", "Kingsbury Town Hall"), ("centre", "High Street, Kingsbury"),
            ("bold", "Agenda")) + AGENDA_ITEMS,),
          {"committee": "Kingsbury Town Council", "date": "2024-06-03", "time": "19:00",
           "place": "Kingsbury Town Hall, High Street, Kingsbury"}, "agenda"),
    Paper("fields-side-by-side.pdf", "two labelled fields side by side on each line",
          ((("big", "Ashby Parish Council"),
            ("fields", (("Meeting: Parish Council", "Date: Monday 11 March 2026"),
                        ("Time: 7.30pm", "Venue: Ashby Village Hall"))),
            ("bold", "Agenda")) + AGENDA_ITEMS,),
          {"committee": "Ashby Parish Council", "date": "2026-03-11", "time": "19:30", "place": "Ashby Village Hall"},
          "agenda"),
    Paper("summons-above-council.pdf", "the council's name as the heading, then a summons to 'the above Council'",
          ((("big", "SHERBOURNE PARISH COUNCIL"),
            "Councillors are hereby summoned to attend a meeting of the above Council to be held in the Village "
            "Hall, Sherbourne on Thursday 20th June 2024 at 7.30pm, for the purpose of transacting the business "
            "below.", ("bold", "AGENDA")) + AGENDA_ITEMS,),
          {"committee": "Sherbourne Parish Council", "date": "2024-06-20", "time": "19:30",
           "place": "Village Hall, Sherbourne"}, "agenda"),
    Paper("minutes-above-council.pdf", "minutes 'of the above Council held on …' under the council's name",
          ((("big", "Sherbourne Parish Council"),
            "Minutes of the meeting of the above Council held on Thursday 20th June 2024 at 7.30pm in the "
            "Reading Room.") + PRESENT,),
          {"committee": "Sherbourne Parish Council", "date": "2024-06-20", "time": "19:30", "place": "Reading Room"},
          "minutes"),
    Paper("annual-parish-meeting.pdf", "the electors' Annual Parish Meeting under the council's name",
          ((("big", "SHERBOURNE PARISH COUNCIL"), ("bold", "ANNUAL PARISH MEETING"),
            "Wednesday 15th May 2024 at 7.00pm", "Sherbourne Village Hall", ("bold", "AGENDA"),
            "1. Welcome and apologies", "2. Minutes of the Annual Parish Meeting held on 17th May 2023",
            "3. Chairman's report"),),
          {"committee": "Annual Parish Meeting of Sherbourne", "date": "2024-05-15", "time": "19:00",
           "place": "Sherbourne Village Hall"}, "agenda"),
    Paper("agenda-dates-only-in-items.pdf", "nothing invented: the only date is in a numbered item, about "
          "another meeting",
          ((("big", "SHERBOURNE PARISH COUNCIL"), ("bold", "AGENDA"), "1. Apologies for absence",
            "2. To approve the minutes of the meeting held on 4th June 2024", "3. Planning applications"),),
          {}, "agenda"),
    Paper("accounts-under-council-name.pdf", "nothing invented: a council's name over its accounts, a year-end date",
          ((("big", "SHERBOURNE PARISH COUNCIL"), ("bold", "Accounts for the year ended 31st March 2024"),
            "Receipts 2023/24", "Precept 12,000.00", "Grants 1,500.00", "Interest 25.10", "Total 13,525.10",
            "Payments 2023/24", "Clerk 4,200.00", "Insurance 450.00", "Total 4,650.00"),),
          {}, "financial_statement"),
    Paper("notice-of-public-rights.pdf", "nothing invented: a notice dated on its announcement",
          ((("big", "SHERBOURNE PARISH COUNCIL"), ("bold", "NOTICE OF PUBLIC RIGHTS"),
            "1. Date of announcement Sunday 2 June 2024",
            "2. Any person interested may inspect the accounting records for the year ended 31 March 2024.",
            "The accounting records may be inspected at the Village Hall by appointment with the Clerk, who",
            "will make them available on reasonable notice during the period for the exercise of public rights.",
            "Local electors may also ask the auditor questions about the accounts and may make objections."),),
          {}, "report"),
    Paper("report-no-meeting.pdf", "a report that states no meeting: nulls, never a guess",
          ((("big", "Review of Parks Maintenance"), "Report of the Head of Environment",
            "1. Purpose of report", "1.1 This report sets out the results of the review carried out in "
            "March 2018.", "1.2 The review found the budget of £120,000 was sufficient."),),
          {}, "report"),
)

# The 2017 pack with its appendices headed in other forms (render.HEADING_FORMS), and
# Appendix C added; a running header and a 'Page | n' stamp on some.
PACK_RENDERINGS = (
    ("pack-2017-headings-colon-dash.pdf", RenderStyle(appendix_headings="colon-dash", appendix_c=True),
     ("Appendix A", "Appendix B", "Appendix C")),
    ("pack-2017-headings-numbered-annex.pdf",
     RenderStyle(font="Times-Roman", appendix_headings="numbered-annex", appendix_c=True, stamp="Page | {n}",
                 running_header="Coventry City Council"),
     ("Appendix 1", "Annex 2", "Annex 3")),
    ("pack-2017-headings-upper-alone.pdf",
     RenderStyle(page_size="letter", appendix_headings="upper-alone", appendix_c=True, ruled=False, stamp="{n}"),
     ("Appendix A", "Appendix B", "Annex C")),
)


def render_paper(paper: Paper, path: Path) -> None:
    size = 11
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=size, leading=size * 1.25, spaceAfter=size * 0.5)
    bold = ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold")
    centre = ParagraphStyle("centre", parent=body, alignment=1, spaceAfter=0)
    big = ParagraphStyle("big", parent=body, fontName="Helvetica-Bold", fontSize=size + 5, leading=(size + 5) * 1.25)
    story: list = []
    for k, page in enumerate(paper.pages):
        if k:
            story.append(PageBreak())
        for line in page:
            if isinstance(line, str):
                story.append(Paragraph(_escape(line), body))
            elif line[0] == "fields":  # two fields side by side, each row one line
                story += [Table([[Paragraph(_escape(a), body), Paragraph(_escape(b), body)] for a, b in line[1]],
                                colWidths=[220, 220], hAlign="LEFT"), Spacer(1, size)]
            elif line[0] == "centre":
                story.append(Paragraph(_escape(line[1]), centre))
            elif line[0] == "table":
                story += [Table([[Paragraph(_escape(a), bold), Paragraph(_escape(b), body)] for a, b in line[1]],
                                colWidths=[90, 300], hAlign="LEFT"), Spacer(1, size)]
            else:
                story.append(Paragraph(_escape(line[1]), big if line[0] == "big" else bold))
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1, title=paper.name, author="agenda-extract samples",
                            creator="samples/meetings.py")
    doc.build(story)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def expected_documents(labels: tuple[str, str, str]) -> list[dict]:
    """The 2017 pack's five documents, with the appendix labels as this rendering prints them."""
    titles = ("Cabinet Report – Original Proposals", "Cabinet Report: Summary of consultation feedback",
              "Equality Consultation Analysis")
    return [{"kind": "agenda", "label": None, "title": PACK.cover.committee},
            {"kind": "report", "label": "Agenda Item 3", "title": "Education Service Redesign"}] + [
        {"kind": "appendix", "label": label, "title": title} for label, title in zip(labels, titles, strict=True)]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else HERE / "meetings"
    out.mkdir(parents=True, exist_ok=True)
    for paper in PAPERS:
        render_paper(paper, out / paper.name)
        _write_json(out / paper.name.replace(".pdf", ".json"), {
            "note": paper.note, "kind": paper.kind,
            "meeting": {k: paper.meeting.get(k) for k in ("committee", "date", "time", "place")}})
    for name, style, labels in PACK_RENDERINGS:
        render_pack(PACK, out / name, style)
        _write_json(out / name.replace(".pdf", ".json"), {
            "note": f"the 2017 pack, appendix headings '{style.appendix_headings}'",
            "meeting": {"committee": PACK.cover.committee, "date": "2017-01-18", "time": "11:00",
                        "place": PACK.cover.place},
            "documents": expected_documents(labels)})
    for path in sorted(out.glob("*.pdf")):
        print(f"{path.name}: {path.stat().st_size // 1024} KB")
    return 0


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
