"""The figure-bearing parts of the Coventry 2017 scrutiny agenda pack, as plain data.

Every string is transcribed exactly as printed in ``samples/coventry-2017-scrutiny-pack.pdf``
(seeds 000 and 001), including the figures that do not add up and the odd forms
("£ 5.98M", "DSG savings £", "Headcount 10– 5.6 FTE", "37.43 FTE Headcount 38").
Text around the figures (cover notes, most of the report) is shortened: those parts are
stand-ins, not transcriptions.

``PACK`` is the whole pack; ``apply_faults`` returns a copy with chosen printed strings
changed, to make test packs whose figures disagree in a known place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

# --------------------------------------------------------------------------- types


@dataclass(frozen=True)
class CardSection:
    """One labelled row group of a service card: the label as printed, then its paragraphs.

    Paragraphs starting with "• " are bullets, with "o " sub-bullets.
    """

    label: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class FigureBlock:
    """A two-column staffing or budget table under a card.

    ``header`` is the (left, right) header row; ``left`` and ``right`` are the printed lines
    of the body cells, top to bottom ("" is an empty line kept for spacing).
    """

    header: tuple[str, str]
    left: tuple[str, ...]
    right: tuple[str, ...]

    def strings(self) -> tuple[str, ...]:
        """Every non-empty printed string: header cells, then left lines, then right lines."""
        return tuple(s for s in (*self.header, *self.left, *self.right) if s)


@dataclass(frozen=True)
class ServiceCardContent:
    title: str
    sections: tuple[CardSection, ...]
    staffing: FigureBlock
    budget: FigureBlock

    def section(self, label: str) -> CardSection:
        return _unique([s for s in self.sections if s.label == label], f"section {label!r}")


@dataclass(frozen=True)
class FinancialColumn:
    header: str  # "" for the staff-impact column, which has no header
    lines: tuple[str, ...]


@dataclass(frozen=True)
class FinancialTableContent:
    """An Appendix B "Financial and staff impacts" table: a title row, then four columns."""

    title: str
    staff_impact: FinancialColumn
    current_budget: FinancialColumn
    pre_consultation: FinancialColumn
    post_consultation: FinancialColumn

    @property
    def columns(self) -> tuple[FinancialColumn, ...]:
        return (self.staff_impact, self.current_budget, self.pre_consultation, self.post_consultation)

    def strings(self) -> tuple[str, ...]:
        return tuple(s for col in self.columns for s in (col.header, *col.lines) if s)


@dataclass(frozen=True)
class ReportHeading:
    number: str  # "1.", "5.1", "6.3.2"
    text: str
    level: int = 1  # 1: section heading flush left; 2: numbered sub-heading


@dataclass(frozen=True)
class ReportParagraph:
    number: str  # "" for an unnumbered paragraph indented under its heading
    text: str
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImpactRow:
    label: str
    values: tuple[str, ...]  # () for a sub-heading row
    bold: bool = False


@dataclass(frozen=True)
class FinancialImpactTable:
    title: str
    periods: tuple[str, ...]
    units: tuple[str, ...]
    rows: tuple[ImpactRow, ...]
    footnotes: tuple[str, ...]

    def row(self, label: str) -> ImpactRow:
        return _unique([r for r in self.rows if r.label == label], f"row {label!r}")


@dataclass(frozen=True)
class StaffSummaryTable:
    intro: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str


ReportItem = ReportHeading | ReportParagraph | FinancialImpactTable


@dataclass(frozen=True)
class AgendaItem:
    number: str
    title: str
    pages: str = ""
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoverContent:
    pack_label: str
    committee: str
    time_and_date_label: str
    time_and_date: str
    place_label: str
    place: str
    public_business_label: str
    items: tuple[AgendaItem, ...]
    private_business_label: str
    private_business: str
    signoff: tuple[str, ...]
    notes: tuple[str, ...]
    membership: tuple[str, ...]


@dataclass(frozen=True)
class ReportContent:
    agenda_item: str
    report_kind: tuple[str, ...]
    meetings: tuple[tuple[str, str], ...]
    front_matter: tuple[tuple[str, str], ...]
    summary_heading: str
    summary: tuple[str, ...]
    title: str
    body: tuple[ReportItem, ...]

    def paragraph(self, number: str) -> ReportParagraph:
        found = [i for i in self.body if isinstance(i, ReportParagraph) and i.number == number]
        return _unique(found, f"report paragraph {number!r}")

    @property
    def impact_table(self) -> FinancialImpactTable:
        return _unique([i for i in self.body if isinstance(i, FinancialImpactTable)], "impact table")


@dataclass(frozen=True)
class ServiceCategory:
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class AppendixAContent:
    heading: str
    intro: str
    categories: tuple[ServiceCategory, ...]
    cards: tuple[ServiceCardContent, ...]
    staff_summary: StaffSummaryTable


@dataclass(frozen=True)
class FeedbackRow:
    number: str
    label: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class FeedbackService:
    number: str
    service: str
    rows: tuple[FeedbackRow, ...]


@dataclass(frozen=True)
class AppendixBContent:
    heading: str
    feedback: tuple[FeedbackService, ...]
    financial_heading: str
    tables: tuple[FinancialTableContent, ...]


@dataclass(frozen=True)
class PackContent:
    cover: CoverContent
    report: ReportContent
    appendix_a: AppendixAContent
    appendix_b: AppendixBContent

    @property
    def cards(self) -> tuple[ServiceCardContent, ...]:
        return self.appendix_a.cards

    @property
    def financial_tables(self) -> tuple[FinancialTableContent, ...]:
        return self.appendix_b.tables

    def card(self, title: str) -> ServiceCardContent:
        """The card with this exact title, or the only card whose title starts with it."""
        return _by_title(self.cards, title, "card")

    def financial_table(self, title: str) -> FinancialTableContent:
        return _by_title(self.financial_tables, title, "Appendix B table")


def _unique(found: list, what: str):
    if len(found) != 1:
        raise LookupError(f"{what}: {len(found)} matches, expected 1")
    return found[0]


def _by_title(items, title: str, what: str):
    exact = [i for i in items if i.title == title]
    if exact:
        return _unique(exact, f"{what} {title!r}")
    return _unique([i for i in items if i.title.startswith(title)], f"{what} {title!r}")


# --------------------------------------------------------------------------- faults


class FaultTargetError(LookupError):
    """A fault's place does not exist, or its old text is not printed there exactly once."""


@dataclass(frozen=True)
class Fault:
    """Replace ``old`` by ``new`` in exactly one printed string of the place ``where``.

    ``where`` is one of:

    - ``"card:<title>:staffing"``, ``"card:<title>:budget"`` (header cells and body lines),
      ``"card:<title>:sections"`` (all section paragraphs); ``<title>`` is the card's title
      or a prefix matching only one card;
    - ``"table:<title>"``: an Appendix B table (column headers and lines);
    - ``"report:<number>"``: a report paragraph ("1.4", "5.7", "6.3.2.1"), text and bullets;
    - ``"impact-table"``: the Estimated Financial Impact table (row labels and values);
    - ``"summary-table"``: the "Summary - all services in review*" staffing table.

    ``old`` may be part of a string ("£0.14M"); it must occur exactly once in the place.
    """

    where: str
    old: str
    new: str


FaultSpec = Fault | tuple[str, str, str]


def apply_faults(
    pack: PackContent, faults: Iterable[FaultSpec] | Mapping[tuple[str, str], str]
) -> PackContent:
    """Return a copy of ``pack`` with each fault applied in order.

    ``faults`` is an iterable of ``Fault`` or ``(where, old, new)`` tuples, or a mapping
    ``{(where, old): new}``. Raises ``FaultTargetError`` when a place is unknown or when
    ``old`` is not found exactly once there.
    """
    if isinstance(faults, Mapping):
        specs = [Fault(where, old, new) for (where, old), new in faults.items()]
    else:
        specs = [f if isinstance(f, Fault) else Fault(*f) for f in faults]
    for fault in specs:
        pack = _apply_one(pack, fault)
    return pack


def _replace_once(strings: list[str], fault: Fault) -> list[str]:
    if not fault.old:
        raise FaultTargetError(f"{fault.where}: empty old text")
    counts = [s.count(fault.old) for s in strings]
    if sum(counts) != 1:
        raise FaultTargetError(
            f"{fault.where}: {fault.old!r} printed {sum(counts)} times there, expected exactly once"
        )
    i = counts.index(1)
    return strings[:i] + [strings[i].replace(fault.old, fault.new)] + strings[i + 1 :]


def _fault_block(block: FigureBlock, fault: Fault) -> FigureBlock:
    flat = _replace_once([*block.header, *block.left, *block.right], fault)
    n = len(block.left)
    return FigureBlock((flat[0], flat[1]), tuple(flat[2 : 2 + n]), tuple(flat[2 + n :]))


def _fault_sections(sections: tuple[CardSection, ...], fault: Fault) -> tuple[CardSection, ...]:
    flat = _replace_once([p for s in sections for p in s.paragraphs], fault)
    out, i = [], 0
    for s in sections:
        out.append(replace(s, paragraphs=tuple(flat[i : i + len(s.paragraphs)])))
        i += len(s.paragraphs)
    return tuple(out)


def _fault_table(table: FinancialTableContent, fault: Fault) -> FinancialTableContent:
    flat = _replace_once([s for c in table.columns for s in (c.header, *c.lines)], fault)
    cols, i = [], 0
    for c in table.columns:
        cols.append(FinancialColumn(flat[i], tuple(flat[i + 1 : i + 1 + len(c.lines)])))
        i += 1 + len(c.lines)
    return replace(
        table, staff_impact=cols[0], current_budget=cols[1],
        pre_consultation=cols[2], post_consultation=cols[3],
    )


def _fault_impact(table: FinancialImpactTable, fault: Fault) -> FinancialImpactTable:
    flat = _replace_once([s for r in table.rows for s in (r.label, *r.values)], fault)
    rows, i = [], 0
    for r in table.rows:
        rows.append(replace(r, label=flat[i], values=tuple(flat[i + 1 : i + 1 + len(r.values)])))
        i += 1 + len(r.values)
    return replace(table, rows=tuple(rows))


def _fault_summary(table: StaffSummaryTable, fault: Fault) -> StaffSummaryTable:
    width = len(table.header)
    flat = _replace_once([*table.header, *(c for r in table.rows for c in r)], fault)
    rows = tuple(tuple(flat[k : k + width]) for k in range(width, len(flat), width))
    return replace(table, header=tuple(flat[:width]), rows=rows)


def _swap(items: tuple, old, new) -> tuple:
    return tuple(new if i is old else i for i in items)


def _apply_one(pack: PackContent, fault: Fault) -> PackContent:
    where = fault.where
    a, b, report = pack.appendix_a, pack.appendix_b, pack.report
    try:
        if where.startswith("card:") and where.count(":") >= 2:
            title, part = where[len("card:"):].rsplit(":", 1)
            card = pack.card(title)
            if part == "staffing":
                new_card = replace(card, staffing=_fault_block(card.staffing, fault))
            elif part == "budget":
                new_card = replace(card, budget=_fault_block(card.budget, fault))
            elif part == "sections":
                new_card = replace(card, sections=_fault_sections(card.sections, fault))
            else:
                raise FaultTargetError(f"{where}: unknown card part {part!r}")
            return replace(pack, appendix_a=replace(a, cards=_swap(a.cards, card, new_card)))
        if where.startswith("table:"):
            table = pack.financial_table(where[len("table:"):])
            new_table = _fault_table(table, fault)
            return replace(pack, appendix_b=replace(b, tables=_swap(b.tables, table, new_table)))
        if where.startswith("report:"):
            para = report.paragraph(where[len("report:"):])
            flat = _replace_once([para.text, *para.bullets], fault)
            new_para = replace(para, text=flat[0], bullets=tuple(flat[1:]))
            return replace(pack, report=replace(report, body=_swap(report.body, para, new_para)))
        if where == "impact-table":
            table = report.impact_table
            new_table = _fault_impact(table, fault)
            return replace(pack, report=replace(report, body=_swap(report.body, table, new_table)))
        if where == "summary-table":
            summary = _fault_summary(a.staff_summary, fault)
            return replace(pack, appendix_a=replace(a, staff_summary=summary))
    except FaultTargetError:
        raise
    except LookupError as exc:
        raise FaultTargetError(f"{where}: {exc}") from None
    raise FaultTargetError(f"unknown place {where!r}")


# --------------------------------------------------------------------------- cover

COVER = CoverContent(
    pack_label="Public Document Pack",
    committee="Scrutiny Co-ordination Committee",
    time_and_date_label="Time and Date",
    time_and_date="11.00 am on Wednesday, 18th January, 2017",
    place_label="Place",
    place="Committee Room 2 - Council House",
    public_business_label="Public Business",
    items=(
        AgendaItem("1.", "Apologies and Substitutions"),
        AgendaItem("2.", "Declarations of Interest"),
        AgendaItem(
            "3.", "Education Service Redesign", pages="(Pages 3 - 50)",
            notes=(
                "Report and Presentation of the Executive Director of People",
                "Councillor Maton, Cabinet Member for Education and Skills has been invited to the "
                "meeting for the consideration of this item",
            ),
        ),
        AgendaItem(
            "4.", "Any Other Items of Public Business",
            notes=(
                "Any other items of public business which the Chair decides to take as a matter of "
                "urgency because of the special circumstances involved.",
            ),
        ),
    ),
    private_business_label="Private Business",
    private_business="Nil",
    signoff=(
        "Chris West, Executive Director, Resources, Council House Coventry",
        "Tuesday, 10 January 2017",
    ),
    notes=(
        "Notes: 1) The person to contact about the agenda and documents for this meeting is Liz "
        "Knight, Democratic Services, Council House, Coventry, telephone 7683 3073, alternatively "
        "E-mail: suzanne.bennett@coventry.gov.uk/liz.knight@coventry.gov.uk",
        "2) Council Members who are not able to attend the meeting should notify Liz Knight no later "
        "than 10.00 a.m. on the day of the meeting, giving their reasons for absence and the name "
        "of the Council Member (if any) who will be attending the meeting as their substitute.",
    ),
    membership=(
        "Membership: Councillors N Akhtar, J Blundell, G Crookes, D Gannon, L Kelly, R Lancaster "
        "(Chair), J McNicholas, M Mutton and R Singh (Deputy Chair)",
        "By invitation: Councillor K Maton, Mrs S Hanson and Mrs K Jones (Co-opted Members)",
        "Please note: a hearing loop is available in the committee rooms",
    ),
)

# --------------------------------------------------------------------------- report

IMPACT_TABLE = FinancialImpactTable(
    title="Education Services Redesign - Estimated Financial Impact",
    periods=("17/18", "18/19", "19/20"),
    units=("£M", "£M", "£M"),
    rows=(
        ImpactRow("Estimated Grant Cut", ("0.6", "1.1", "1.7")),
        ImpactRow("Core Savings Target", ("0.4", "0.5", "0.5")),
        ImpactRow("Indicative Savings Target", ("1.1", "1.6", "2.2"), bold=True),
        ImpactRow("Forecast Savings from Redesign*", (), bold=True),
        ImpactRow("Grant Savings", ("(1.5)", "(2.6)", "(2.6)")),
        ImpactRow("Core Savings", ("(0.3)", "(0.4)", "(0.4)")),
        ImpactRow("Gross Savings", ("(1.8)", "(3.0)", "(3.0)"), bold=True),
        ImpactRow("Adjustments**", ("0.4", "0.6", "0.7")),
        ImpactRow("Net Savings", ("(1.4)", "(2.3)", "(2.3)"), bold=True),
        ImpactRow("Net Position", ("(0.3)", "(0.7)", "(0.1)"), bold=True),
    ),
    footnotes=(
        "* The savings figures do not include any forecast for redundancy costs or salary "
        "protection as this will not be possible until HR processes are complete",
        "** Relate to DSG that cannot be taken towards the savings target as it relates to the "
        "Early Years Block, restricted central expenditure or de-delegation . Review required in "
        "consultation with Schools Forum",
    ),
)

REPORT = ReportContent(
    agenda_item="Agenda Item 3",
    report_kind=("Public report", "Cabinet Report"),
    meetings=(
        ("Cabinet", "24 January 2017"),
        ("Scrutiny Co-ordination Committee", "18 January 2017"),
    ),
    front_matter=(
        ("Name of Cabinet Member:", "Cabinet Member for Education and Skills - Councillor Maton"),
        ("Director Approving Submission of the Report:", "Executive Director of People"),
        ("Ward(s) affected:", "All"),
        ("Title:", "Education Service Redesign"),
        ("Is this a key decision?", "Yes"),
    ),
    summary_heading="Executive Summary:",
    summary=(
        "Coventry's overall performance continues to improve and the city now has a higher "
        "percentage of pupils in good or outstanding schools (88%) than the national average. "
        "This local improvement is set in a context of a very challenging financial context for "
        "the local authority and for schools.",
        "The redesign of Coventry's Education Services, in collaboration with Coventry schools, "
        "is aimed at enabling services to be fit for purpose for our Coventry children and young "
        "people, offering services that schools value and dealing with grant cuts in a managed "
        "way.",
    ),
    title="Report title: Education Service Redesign",
    body=(
        ReportHeading("1.", "Background"),
        ReportParagraph(
            "1.2",
            "In this context, it is noted that despite the financial challenges faced by both the "
            "LA and schools, Coventry's overall education performance continues to improve. For "
            "example, the City now has a higher percentage of pupils in good or outstanding schools "
            "(88%) than the national average.",
        ),
        ReportParagraph(
            "1.4",
            "The following teams and services are in the scope of the service redesign: Coventry "
            "Extended Learning Centre; Hospital Education Service; Looked After Children Education "
            "Service; Minority Group Support Service; Performing Arts Service; School Improvement; "
            "Work Related Learning Service; SEN Management Service; Special Education Needs Support "
            "Services: (Communication and Interaction Service, Education Psychology Service, "
            "Integrated Early Years' Service (Pre-school); Learning and Wellbeing Service and Sensory "
            "and Physical Service). The staffing establishment across these services within the "
            "scope of this redesign is 246.44 Full Time Equivalents and the cost of these services is "
            "£19.8m funded by Dedicated Schools Grant (£10.8m), Education Services Grant (£0.9m), "
            "trading income (£4.1m), other grants (£1.7m) and core funding (£2.3m).",
        ),
        ReportParagraph(
            "1.6",
            "The financial strategy for Education Services includes the need to reduce expenditure "
            "to deal with the ending of the Education Services Grant, dealing with estimated funding "
            "fall out in the Dedicated Schools Grant and achieving core budget savings as part of "
            "the medium term financial strategy. The financial strategy has also focused on "
            "ensuring that the service is fit for purpose into the future, particularly in the "
            "context of:",
            bullets=(
                "increased academisation of schools;",
                "a national schools funding formula currently out to consultation that will reduce "
                "funding for schools in Coventry;",
                "significant high needs demand pressure (including the challenges that schools face "
                "in funding high needs provision); and",
                "ensuring we can continue to trade with schools.",
            ),
        ),
        ReportHeading("2", "Options considered and recommended proposal"),
        ReportParagraph("2.3", "In summary the recommended proposals are:"),
        ReportParagraph(
            "2.3.2",
            "Coventry Extended Learning Centre. The proposal is to appoint an overarching Head of "
            "Coventry Extended Learning Centre. Working in partnership with schools they will lead "
            "alternative provision across the city to ensure consistent and well managed pathways "
            "in and out of the provision.",
        ),
        ReportParagraph(
            "2.3.5",
            "School Improvement. The school improvement team will continue to provide the current "
            "service for schools for a further year. The termination of the Education Bill followed "
            "by a funding announcement from the Department for Education resulted in Local "
            "Authorities being required to continue to take responsibility for school improvement "
            "and schools causing concern for 2017/18. However, school to school support "
            "commissioning budget will be removed as originally proposed. Funding will be accessed "
            "through bids from a recently announced Department for Education £140 million fund for "
            "school to school support. Vacant posts within school improvement will be "
            "disestablished.",
        ),
        ReportHeading("3", "Results of consultation undertaken"),
        ReportParagraph(
            "3.3",
            "There was a range of feedback from staff and other stakeholders in response to the "
            "consultation. A total of 45 responses were received to the consultation, including "
            "joint responses from whole teams, groups and individuals.",
        ),
        ReportHeading("4", "Timetable for implementing this decision"),
        ReportParagraph("4.1", "This decision would be implemented from April 2017 to September 2017."),
        ReportHeading("5", "Comments from Executive Director of Resources"),
        ReportHeading("5.1", "Financial implications", level=2),
        ReportParagraph(
            "5.4",
            "Government have also announced £50M of funding for local authorities to continue to "
            "monitor and commission school improvement for low-performing maintained schools from "
            "September 2017. Local allocations are not yet confirmed but could result in "
            "approximately £250k (full year) for Coventry. At this stage the financial impact does "
            "not include this.",
        ),
        ReportParagraph(
            "5.6",
            "The Redesign includes increased income generation for a number of services. The "
            "financial position therefore assumes a level of trading with schools is achieved to "
            "meet the target. If the level of trading with schools is lower than anticipated then "
            "costs relating to those services will need to be reduced.",
        ),
        ReportParagraph(
            "5.7",
            "The following table shows the current financial position for the Education Services "
            "Redesign. The forecast gross savings of £3.0m are achieved through reduction in posts "
            "with the service (£1.9m), increased income generation (£0.4m) and removal of the School "
            "Improvement commissioning pot (£0.7m). Appendix B details how savings have been "
            "achieved within each service area post consultation.",
        ),
        ReportParagraph(
            "5.8",
            "Decisions in relation to Dedicated Schools Grant expenditure that can be held centrally "
            "(either directly or through a pooled funding approach) will be finalised at the Schools "
            "Forum on the 19th January. The financial impact assumes that the Schools Forum agree "
            "our proposed approach.",
        ),
        IMPACT_TABLE,
        ReportHeading("5.8.1", "Legal implications", level=2),
        ReportParagraph(
            "5.8.2",
            "The proposals outline a number of significant changes to the way in which the Council "
            "delivers services in doing so the Council must ensure that it continues to comply with "
            "its statutory responsibilities.",
        ),
        ReportHeading("6", "Other implications"),
        ReportHeading("6.3", "What is the impact on the organisation?", level=2),
        ReportHeading("6.3.1", "Financial impacts", level=2),
        ReportParagraph(
            "",
            "The Education Services Redesign will enable reductions in funding to be managed "
            "without detriment to the council's medium term financial strategy. These are set out "
            "in the financial sections above.",
        ),
        ReportHeading("6.3.2", "Staffing impacts", level=2),
        ReportParagraph(
            "6.3.2.1",
            "The staffing establishment across the Education Services in scope is 246.44 Full Time "
            "Equivalents (FTE). The model for implementation is 194.67 FTE. This is a reduction of "
            "51.77 FTE compared to the current establishment. The model consulted on proposed a "
            "reduction to 171.95 FTE a reduction of 74.49 FTE compared to the current "
            "establishment. The model for implementation proposes to retain an additional 22.72 FTE "
            "posts compared to the consultation proposal.",
        ),
        ReportParagraph(
            "6.3.2.2",
            "The headcount number at risk is 119 people. However, through implementation, the "
            "impact of this will be significantly reduced. Many of these people will be able to "
            "retain existing/similar roles and there will be new job opportunities for others.",
        ),
        ReportHeading("6.4", "Equalities / EIA", level=2),
        ReportParagraph(
            "6.4.1",
            "The strength of the Coventry Education System, of which the local authority is one key "
            "stakeholder, means that the impacts on individual children and young people will be "
            "minimised. Further details are shown at Appendix C.",
        ),
    ),
)

# --------------------------------------------------------------------------- Appendix A

CATEGORIES = (
    ServiceCategory("No significant changes", (
        "Looked after Children (Education) Service",
        "Outdoor Education Service",
        "SEN Information and Advice Service",
    )),
    ServiceCategory("Increased income Generation or highly valued services:", (
        "Education Psychology Service",
        "Sensory Service",
        "Assessment Moderation and NQT Support",
        "Governor Support Services",
        "School Improvement enablement and oversight",
    )),
    ServiceCategory("Re-aligning services to a demand-led model", (
        "Traded SEN Support Services – e.g. Dyslexia and Autism",
        "Complementary Mental Health Services",
        "Elective home education",
        "Minority Group Support Services",
        "Statutory SEN Services",
    )),
    ServiceCategory("New Models of Delivery", (
        "De-delegation of Units in schools – e.g. Enhanced Speech & Language Provision",
        "Demand led model of delivery for schools",
        "Pregnant School Girls’ and Young Mothers’ if/as required",
    )),
    ServiceCategory("Services the LA will not provide", (
        "Primary behaviour support and transition work in its current form",
        "Access & Technology – as a central service",
        "Early Years SENCO in its current form",
        "Dance and Drama",
        "School Improvement Partners Model",
    )),
    ServiceCategory("For future review", (
        "Admissions",
        "School Organisation",
        "Alternative provision",
    )),
)

CARDS = (
    ServiceCardContent(
        title="Hospital Education Service",
        sections=(
            CardSection("Overview", (
                "Education for pupils in hospital delivered at University Hospitals Coventry "
                "and Warwickshire (UHCW)",
                "Home tuition/group tuition for pupils who cannot attend mainstream education "
                "by reasons of exclusion, illness or otherwise",
                "Provision for pregnant schoolgirls’ and young mothers’ at Whitmore Park Annexe",
            )),
            CardSection("Duties", (
                "Statutory duty to provide suitable, full time education to children who cannot "
                "attend mainstream education by reasons of exclusion, illness or otherwise",
            )),
            CardSection("Current model", (
                "A Lead of Service and Assistant Headteacher are supported by teaching staff "
                "and assistants who deliver across all three areas of the service as described "
                "above.",
                "A small team of home tutors deliver home tuition as required",
                "A small team of staff provide dedicated support for pregnant school girls and "
                "young mothers at Whitmore Park Annexe",
            )),
            CardSection("Summary of feedback from schools", (
                "Communication with schools inconsistent, supportive team, excellent advice, "
                "segregation of [pregnant] female students unacceptable, need to diversify "
                "around mental health",
            )),
            CardSection("Proposed model", (
                "Replace delivery of provision for pregnant schoolgirls and young mothers "
                "through bespoke alternative arrangements for individual pupils as required, "
                "rather than through a dedicated unit",
                "A further review of alternative provision across the city will be included "
                "within the next phase of the Education Services redesign and the use of the "
                "unit will be considered",
            )),
            CardSection("Rationale", (
                "Very few pupils have accessed this provision during 2015-16 and there are "
                "currently no pupils in attendance at the unit as they are choosing to remain "
                "in school.",
                "Feedback from secondary headteachers is that these pupils should remain in "
                "mainstream provision where possible in order to achieve the best possible "
                "outcomes",
            )),
            CardSection("Impact", (
                "Disestablish all posts that directly support pregnant schoolgirls and young "
                "mothers at Whitmore Park Annexe",
            )),
        ),
        staffing=FigureBlock(
            ("Current staffing", "Proposed staffing"),
            ("Headcount 25 – 12.6 FTE",),
            ("9.5 FTE", "Proposed Reduction:- 2.12 FTE; 1.00 FTE potential"),
        ),
        budget=FigureBlock(
            ("Current budget", "Proposed costs"),
            ("£0.82M",),
            (
                "£0.68M (saving £0.14M)",
                "DSG savings £0.11m",
                "ESG savings £0",
                "Other:- £0.03m buy out income target on PSGU",
            ),
        ),
    ),
    ServiceCardContent(
        title="Looked After Children Education Service",
        sections=(
            CardSection("Overview", (
                "To support and enable effective provision of looked after children",
            )),
            CardSection("Current model", (
                "A Head of Looked After Children Education Service (LACES), a Deputy Head and a "
                "small team of teachers and mentors ensure Coventry’s children looked after are "
                "well supported both in Coventry and out-of-city",
                "An operational Data and Assessment Officer supports the service",
            )),
            CardSection("Duties", (
                "Statutory duty to promote the educational achievement of looked after children",
            )),
            CardSection("Summary of feedback from schools", (
                "Inconsistency over the personal education plan (PEP) process, proactive team "
                "and high quality advice, support writing plans valued, bureaucracy "
                "frustrating, strengthen management",
            )),
            CardSection("Proposed model", (
                "A designated virtual school head (VSH) supported by a small team of teachers "
                "and mentors",
            )),
            CardSection("Rationale", (
                "Management delayering",
            )),
            CardSection("Impact", (
                "Disestablish the Deputy Head post",
            )),
        ),
        staffing=FigureBlock(
            ("Current staffing", "Proposed staffing"),
            ("Headcount 9 – 6.04 FTE",),
            ("6.04 FTE", "No reduction proposed"),
        ),
        budget=FigureBlock(
            ("Current budget", "Proposed costs"),
            ("£1.53M", "(£0.61m + £0.92m of Pupil Premium Plus)"),
            ("£1.39M (saving £0.14m)", "DSG savings £0.0m", "Core savings £0.13m"),
        ),
    ),
    ServiceCardContent(
        title="Minority Group Support Services (MGSS)",
        sections=(
            CardSection("Overview", (
                "Provides support for newly arrived pupils; multi-lingual language assistance, "
                "settlement services and Ethnic Minority Achievement support to schools",
                "The work is significantly focussed around the language profile of the city. In "
                "addition, the service provides extensive support for pupils with English as an "
                "additional language (EAL) within nursery provision across the city within both "
                "local authority and Private Voluntary and Independent (PVI) settings",
            )),
            CardSection("Duties", (
                "Statutory duty to make arrangements to establish the identifies of children in "
                "their area who are not registered pupils at a school and are not receiving "
                "suitable education otherwise",
                "Responsible for working in partnership with schools to support ethnic minority "
                "achievement",
            )),
            CardSection("Current model", (
                "A Head of Service supported by a team of teachers, teaching assistants and "
                "settlement officers",
                "The service operates on a traded model",
            )),
            CardSection("Summary of feedback from schools", (
                "Multi-lingual Assistants (MLA) – relevant language demand not always met, "
                "erratic support, impact variable, preference to commission own workers, well "
                "thought of by some, unanimous that review is needed",
            )),
            CardSection("Proposed model", (
                "An Ethnic Minority Achievement Lead supported by a team of teaching assistants "
                "and settlement officers",
                "A service designed to enable:",
                "• Development of a citywide Ethnic Minority Achievement strategy, strategic "
                "and up-to-date guidance on issues of racial equality, a training programme and "
                "an increased online resource",
                "• Focused support for the settlement of newly arrived pupils in the city",
                "• The language needs of the city to be met",
                "Cease delivery of support for teaching, community languages and free Early "
                "Years Foundation Stage provision.",
            )),
            CardSection("Rationale", (
                "The current financial model is unsustainable; income generation does not match "
                "costs",
                "Feedback from headteachers is that the current provision is variable and does "
                "not meet need. Schools have developed their own models of support for ethnic "
                "minority groups",
                "There is a changing linguistic profile within the city.",
            )),
            CardSection("Impact", (
                "Disestablish all teaching posts",
                "Reduce the number of MLA posts",
                "Reduce the number of settlement officers",
            )),
        ),
        staffing=FigureBlock(
            ("Current staffing", "Proposed staffing"),
            ("Headcount 21 – 14.5 FTE", "plus", "Casual 110"),
            ("9 FTE", "Proposed Reduction:- 5.67 FTE", "Review of casual staff"),
        ),
        budget=FigureBlock(
            ("Current budget", "Proposed costs"),
            ("£1.51m",),
            ("£1.14M (saving £0.37m)", "DSG savings £0.37m"),
        ),
    ),
    ServiceCardContent(
        title="Performing Arts Service",
        sections=(
            CardSection("Overview", (
                "Provides music education, music tuition, instrumental hire and dance and drama",
                "Lead organisation for the Coventry Music Education Hub and is the key player "
                "in securing the Music Education Grant devolved to the city and delivering the "
                "National Plan for Music Education (approximately 14,000 young people per week "
                "involved)",
            )),
            CardSection("Duties", (
                "Support for schools to provide a balanced and broadly-based curriculum which "
                "promotes the spiritual, moral, cultural, mental and physical development of "
                "pupils at the school and of society",
            )),
            CardSection("Current model", (
                "A Head of Coventry Performing Arts supported by a Deputy Head of Music and a "
                "team of teachers, tutors and agency staff who provide a range of learning and "
                "performance opportunities through music, dance and drama",
                "An operational business team supports the service",
            )),
            CardSection("Summary of feedback from schools", (
                "Inconsistency in quality, some excellent, others disappointed, business admin "
                "and systems significant issues, value for money, alternative providers being "
                "considered",
                "Inflexible, 50% of schools currently buying in suggest they are looking "
                "elsewhere",
            )),
            CardSection("Proposed model", (
                "A Coventry Music Service, the Lead Organisation for the Coventry Music "
                "Education Hub",
                "A staffing structure consisting of:",
                "• A Coventry Music Service Lead",
                "• Lead Officers Learning and Development (specialism) x 4",
                "• A Senior Business Development and Finance Officer",
                "• Admin Leads x 2",
                "• Self-employed music professionals",
                "Cease delivery of dance and drama provision",
            )),
            CardSection("Rationale", (
                "Need to develop a cost-effective music service that maximises the music "
                "education grant and introduce a flexible model that:",
                "• enables the development of a sustainable Music Service for Coventry",
                "• enables a core staff to facilitate a music programme for Coventry schools",
                "• provides a reduction in costs to schools",
            )),
            CardSection("Impact", (
                "Disestablish Head of Coventry Performing Arts post",
                "Disestablish Business Support Assistant post",
                "Disestablish all posts relating to instrumental tuition and whole class tuition.",
                "Cease agency worker contracts.",
            )),
        ),
        staffing=FigureBlock(
            ("Current staffing", "Proposed staffing"),
            ("Headcount 55 – 22.75 FTE (including 1.0FTE vacancy)",),
            ("9.5 FTE", "Proposed Reduction:- 21.75 FTE", "Note: potential to reduce this number"),
        ),
        budget=FigureBlock(
            ("Current budget - £1.34M", "Proposed costs"),
            ("£0.50m Music grant", "£0.95m Performing Arts"),
            (
                "£1.34m (saving £0.11m)",
                "DSG savings £0",
                "ESG savings £0",
                "Trading savings £0.11m to offset redundancy and reduce charges to schools.",
            ),
        ),
    ),
    ServiceCardContent(
        title="School Improvement",
        sections=(
            CardSection("Overview", (
                "Statutory responsibility for school improvement challenge and support until "
                "September 2017 (White Paper)",
            )),
            CardSection("Duties", (
                "Statutory duty to intervene in maintained schools causing concern",
            )),
            CardSection("Current model", (
                "A Head of Education Entitlement 0-11 and a Head of Education Entitlement 11-19 "
                "(25) supported by Coventry Improvement Partners (internal and commissioned) "
                "and a Primary Assessment and NQT Induction Lead deliver challenge to schools "
                "and support system development",
                "An Education Support and Improvement Co-ordinator supports partnership working "
                "across the system",
                "A Project Support and Operational Finance Officer provides support across "
                "Education, Libraries and Adult Learning",
            )),
            CardSection("Summary of feedback from schools", (
                "Support variable but certain personnel valued, not always challenging enough, "
                "use dependent on school category, provides external focus and refreshes "
                "priorities, highly effective commissioned support",
            )),
            CardSection("Proposed model", (
                "A small central team providing an enabling infrastructure to support a "
                "system-led school improvement model",
                "Maintain primary assessment moderation and NQT induction provision",
            )),
            CardSection("Rationale", (
                "The statutory responsibility for delivering school improvement will be removed "
                "from the Local Authority from September 2017 (White Paper)",
                "The primary and secondary partnerships are established and increasingly more "
                "independent. An enabling infrastructure will continue to provide strategic "
                "direction and a citywide approach to partnership and collaboration",
            )),
            CardSection("Impact", (
                "Disestablish Coventry Improvement Partner posts",
                "Cease to commission Coventry Improvement Partner/Monitoring Officer activity",
            )),
        ),
        staffing=FigureBlock(
            ("Current staffing", "Proposed staffing"),
            ("Headcount 10– 5.6 FTE", "", "Note: 4 vacancies"),
            ("4.0FTE (inc new posts x 2)", "Proposed Reduction: 3.6FTE"),
        ),
        budget=FigureBlock(
            ("Current budget", "Proposed costs"),
            ("£1.55m",),
            ("£0.65m (saving £0.9m)", "DSG savings £0.1m", "ESG savings £0.8m"),
        ),
    ),
    ServiceCardContent(
        title="Work Related Learning Team",
        sections=(
            CardSection("Overview", (
                "Brokers and quality assures work related learning alternative provision for "
                "young people aged 14-16 through a centrally provided service",
            )),
            CardSection("Current model", (
                "A Lead supported by a Work Related Learning Co-ordinator, Quality Assurance "
                "Advisor and two Personalised Learning Mentors",
            )),
            CardSection("Duties", (
                "Education arranged by local authorities for pupils who, because of exclusion, "
                "illness or other reasons, would not otherwise receive suitable education; "
                "education arranged by schools for pupils on a fixed period exclusion; and "
                "pupils being directed by schools to off-site provision to improve their "
                "behaviour",
            )),
            CardSection("Summary of feedback from schools", (
                "Have been used less as equivalent qualifications are no longer ‘counted’ in "
                "published school performance tables, some schools prefer to source own as "
                "expensive",
            )),
            CardSection("Proposed model", (
                "A Lead supported by a Work Related Learning Co-ordinator and Quality "
                "Monitoring Officer and two Personalised Learning Mentors",
                "Develop a fully traded model maximising grant income opportunities (European "
                "Structural and Investment Funds [ESIF])",
                "Work closely with the Coventry Extended Learning Centre (CELC) to develop an "
                "integrated pathway for those at risk of exclusion/NEET",
            )),
            CardSection("Rationale", (
                "Increased focus on holding providers to account for their own quality "
                "assurance and performance outcomes",
            )),
            CardSection("Impact", (
                "Disestablish Quality Assurance Adviser post",
                "Disestablish Work Related Learning Co-ordinator post",
                "Establish a new post – Work Related Learning Co-ordinator and Quality "
                "Monitoring Officer",
            )),
        ),
        staffing=FigureBlock(
            ("Current staffing", "Proposed staffing"),
            ("Headcount 7 – 3.7 FTE",),
            ("3.0FTE", "Proposed Reduction:- 0.8 FTE", "Note: potential to reduce"),
        ),
        budget=FigureBlock(
            ("Current budget", "Proposed costs"),
            ("£0.82M",),
            ("£0.77M (saving £0.05M)", "ESG savings £0.05M"),
        ),
    ),
    ServiceCardContent(
        title="Coventry Extended Learning Centre",
        sections=(
            CardSection("Overview", (
                "Alternative provision for key stage 3 and key stage 4 pupils based at three "
                "sites in the city (Wyken, Swanswell and The Link)",
            )),
            CardSection("Duties", (
                "Definition of alternative provision",
                "Education arranged by local authorities for pupils who, because of exclusion, "
                "illness or other reasons, would not otherwise receive suitable education; "
                "education arranged by schools for pupils on a fixed period exclusion; and "
                "pupils being directed by schools to off-site provision to improve their "
                "behaviour",
            )),
            CardSection("Current model", (
                "Head of KS4 Alternative Provision supported by three deputy heads, one at each "
                "site",
            )),
            CardSection("Summary of feedback from schools", (
                "Students stay too long, more provision needed, no communication about "
                "progress, support not consistent",
            )),
            CardSection("Proposed model", (
                "A Head of Coventry Extended Learning Centre",
                "A further review of alternative provision across the city will be included "
                "within the next phase of the Education Services redesign",
            )),
            CardSection("Rationale", (
                "The Coventry Extended Learning Centre is one provision therefore an "
                "overarching Head of Centre is needed.",
            )),
            CardSection("Impact", (
                "Disestablish Head of KS3 Alternative Provision",
            )),
        ),
        staffing=FigureBlock(
            ("Current staffing", "Proposed staffing 36.43 FTE"),
            ("37.43 FTE Headcount 38",),
            ("Proposed reduction: -1 FTE",),
        ),
        budget=FigureBlock(
            ("Current budget", "Proposed costs"),
            ("£2.76M",),
            (
                "£2.76M",
                "Review of Coventry Extended Learning Centre included within next phase of "
                "redesign. Financial impact to be reported as part of next phase.",
            ),
        ),
    ),
    ServiceCardContent(
        title=(
            "Special Educational Needs (SEN) Support Services: Communication and Interaction "
            "Service; Education Psychology Service; Integrated Early Years Service (Pre-school); "
            "Learning and Well-being Service (LAWS); Sensory and Physical Service."
        ),
        sections=(
            CardSection("Overview", (
                "The LA currently offers families, early years settings and schools a range of "
                "specialist support services for children identified as having ‘high needs’ or "
                "SEN support; as defined in the Children and Families Act 2014, and the "
                "supporting SEN Code of Practice.",
                "Current teaching specialisms include:",
                "Educational Psychology; pre-school teaching and assessment; portage; inclusion "
                "advice and support to independent early years settings; learning difficulties; "
                "behaviour; speech and language (teaching not therapy); autism; hearing and "
                "visual impairment and physical disability.",
                "Current ‘services’ are partially retained (funded centrally) and partially "
                "traded. The services also deliver some centrally retained enhanced resource "
                "provisions (bases) in designated schools, specifically for children with "
                "hearing impairment (primary and secondary) and speech and language "
                "difficulties (three secondary school bases). The Learning and Well-Being "
                "Service deliver full-time provision for children with challenging behaviour in "
                "two learning environments based in mainstream schools, known as the KEYs "
                "provision.",
                "The current delivery model has been in place for many years and appears in "
                "part, to have developed organically to cover perceived gaps in provision.",
                "Feedback from schools, identified an imperative to change the service delivery "
                "model and re-balance specialisms to reflect current need. Schools were clear "
                "that the current model was not fit for purpose and the current service level "
                "agreement imposed a bundle of services upon them that they did not necessarily "
                "want; the current SLA precludes them from accessing a higher level allocation "
                "of services when needed.",
                "Schools have identified the areas of service that they value and want to "
                "increase; areas of service that they would not prioritise and gaps in the "
                "current service. Many schools have confirmed that they cannot commit to fund "
                "the current SLA, but would commit to purchase high quality services that met "
                "their needs and represented value for money. Schools identified access "
                "barriers to support, arguing that children could not benefit from early "
                "intervention, unless all areas of the service operated a flexible access "
                "threshold.",
                "In response, the Local Authority commissioned an Independent Consultant to "
                "conduct a strategic review of SEN support services. The over-arching brief, "
                "was to make recommendations for re-design that would secure an integrated "
                "outcome focused service that could be traded. The consultant conducted a "
                "contextual analysis of the current organisation and working practice, analysed "
                "costs and income generation and considered outcome evidence where this was "
                "available.",
                "Staff and service users participated in the fieldwork through a series of "
                "interviews, focus groups and a service transformation workshop. The current "
                "service model and costs were compared against national benchmarks. The review "
                "also took account of wider Council reviews including early years, behaviour "
                "pathways and CAMHS re-design.",
                "This proposal reflects the findings of that review and embraces schools’ "
                "commitment to co-designing a service that is fit for the future and meets the "
                "needs of children, young people and families. The proposal also takes the "
                "opportunity to widen service reach and to mirror the expectations of the "
                "Children and Families Act 2014, by extending access to support from birth to "
                "age 25. It seeks to address areas of over-management, removes duplication, "
                "addresses gaps within the offer and promotes collaborative solutions.",
                "The review also evidenced that the Local Authority is currently delivering "
                "some services to schools that fall outside of its statutory responsibility "
                "without charge. A decision now has to be taken on whether the Local Authority "
                "ceases to make this provision or it is commissioned by schools and settings, "
                "through a traded model.",
                "Service specific issues, evidence that the current configuration of services "
                "including the distribution of individual service budgets, has led to "
                "inequalities between service areas, specifically in relation to staffing "
                "ratios, workload distribution and access to CPD.",
                "In summary, the Consultant report and supporting evidence concludes that:",
                "• The current service model, lacks strategic direction and is at an early "
                "stage of evidencing its impact on outcomes for children;",
                "• The majority of service provision, is well thought of by schools and "
                "acknowledges the expertise, experience and specialist skills and "
                "qualifications distributed throughout the services",
                "• The current balance of specialism, does not reflect the current needs "
                "analysis of children or schools;",
                "• The current model is service led not customer led and therefore needs to "
                "achieve a cultural shift;",
                "• Overall the scale and cost of the current service, is significantly greater "
                "than Coventry’s statistical neighbours, with the exception of Educational "
                "Psychology and Sensory services which cost less than or the equivalent of "
                "statistical neighbours. This is financially unsustainable.",
                "• It is concluded that the current range of services in current form is "
                "financially unviable going forward and would not be affordable to education "
                "providers under a full-cost recovery traded model.",
                "It is therefore imperative that services are reconfigured, to respond to the "
                "current needs of Coventry’s children, families, settings, schools and post 16 "
                "providers.",
                "The re-design, must ensure that the service is sustainable into the future and "
                "that the needs of children with SEN and the professionals that have the "
                "statutory responsibility to support them, are met.",
            )),
            CardSection("Statutory Duties:", (
                "The Local Authority has the following statutory duties in relation to SEN:",
                "• Implementation of part 3 of the Children and Families Act 2014, which was "
                "enacted 1st September 2014. The provisions are reflected in statutory "
                "guidance: SEND Code of Practice (0 to 25) 2014. In summary the LA has to "
                "identify children with SEN and arrange the statutory assessment of need, "
                "produce Education Health and Care Plans (EHCP) when appropriate, ensure that "
                "provision specified in the EHCP is delivered, monitored and to review need, "
                "progress and provision.",
                "• The Local Authority does not have a duty to make SEN provision for children "
                "who do not have a statutory plan (Statement of SEN or EHCP). Provision of SEN "
                "Support is the responsibility of settings, schools and colleges.",
                "• The LAs duty for pre-school children with SEN is to ensure that there is "
                "sufficient expertise and experience amongst local early years providers on the "
                "development of inclusive learning environments",
            )),
            CardSection("Current model", (
                "The current model operates as a group of separate independent services, with "
                "separate management structures, budget and administrative support "
                "arrangements.",
                "Communication and Interaction Service: consists of three distinct teams.",
                "The Autism (ASD) team works with children with a formal diagnosis of ASD. It "
                "provides a limited ASD specialist pre-school service; advice and support for "
                "school age children and direct training to schools. The service currently "
                "operates a waiting list and is unable to support children who do not have a "
                "formal diagnosis of an autism spectrum condition/disorder.",
                "The speech and language teaching service, primary function is to deliver "
                "provision in three non-delegated, secondary school based enhanced resource "
                "provisions (ERPs). It delivers an accredited training programme, which is "
                "accessible to teaching and non-teaching staff. Direct work with schools and "
                "individual pupils is very limited because of capacity and low demand.",
                "Educational Psychology: provides the LAs statutory assessment function for "
                "Education Health and Care Plans (EHCPs); professional advice in the statutory "
                "decision making processes and represents the LA at Tribunals, It also offers a "
                "comprehensive service directly to schools on a traded full cost recovery "
                "basis.",
                "Integrated Early Years Service (pre-school): provides a portage intervention "
                "for children within the family home, delivers ‘nursery’ sessions to children "
                "with complex needs, provides direct teaching advice and support to families "
                "and settings, delivers an Area SENCO function by working with private and "
                "voluntary early years settings and nurseries, with the aim of building "
                "capacity to support children with SEN.",
                "Learning and Well-Being Service: The Consultant confirmed that LAWS is a "
                "discretionary service of which only primary behaviour support is currently "
                "traded. It offers two within-school ‘units’ known as the KEYS offering short "
                "term (no more than one term) teaching intervention; Team Teach training to "
                "schools requiring it (de-escalation and safe handling training), transition "
                "support to a limited number of students transferring from primary to secondary "
                "schools; a limited direct pupil support service and advice and assessment for "
                "children with learning difficulties, with a strong emphasis on specific "
                "learning difficulties/dyslexia",
                "Sensory and Physical: provides holistic support for children from birth to 19 "
                "with hearing impairment and visual impairment. The physical service provides "
                "advice and support for disability access and technology.",
            )),
            CardSection(
                "Summary of feedback from schools and early years settings and the "
                "Independent Consultant review", (
                "Schools are clear that the current ‘SLA’ offer, does not reflect their current "
                "support needs and are concerned that they are required to purchase services "
                "that they do not require, have limited access to services that they value and "
                "that the LA offer has ‘gaps’ in required provision. The Local Authority and "
                "Service Leaders concur with this view.",
                "Feedback generated through a whole school survey, detailed service review "
                "including fieldwork consultation and an SEN conference specifically identified "
                "that:",
                "Communication and Interaction Service: schools were unable to comment on the "
                "strength of speech and language teaching, as they had little experience of "
                "receiving the service. The minimal level of teaching support remaining in the "
                "service (0.6) has minimum impact.",
                "Schools identified autism as a primary area of need and indicated that this "
                "service was highly valued, but would need to expand, if it is to meet service "
                "demand",
                "Educational Psychology: Schools were clear that this is a highly valued "
                "service, with insufficient capacity to respond to increasing demand. It is "
                "evident that there is requirement for the service to increase capacity",
                "Integrated Early Years Service (pre-school): The Consultant identified that "
                "parents and carers hold Portage in very high regard, it is an example of an "
                "asset-based approach that families find enabling. It is evident that the roles "
                "of pre-school teaching and the area SENCO have become blurred leading to "
                "duplication and lack of clarity of role and purpose. It is therefore "
                "imperative that roles are redefined.",
                "Learning and Well-Being Service: Feedback from education settings was mixed. "
                "In summary schools do not believe that the current service is fit for purpose "
                "and require a new service that focuses on key aspects of Social Emotional and "
                "Well-being (SEMH), which includes:",
                "• An integrated pathway of support for social, emotional and mental health "
                "that enables access to effective multi-agency, multi-disciplinary services and "
                "provision quickly. Schools indicate that if this service was designed with "
                "them to ensure it met need they would commit to purchase it, subject to cost.",
                "• Primary schools want the current KEYS provision to be retained and expanded",
                "• Schools have concluded that transition support for behaviour is not required "
                "and believe that this falls into a schools responsibility.",
                "• Some elements of learning support, were highly valued and might be traded "
                "specifically dyslexia support.",
                "Sensory and Physical: Hearing and visual impairment functions are highly "
                "regarded by families and education providers and are required to continue to "
                "meet low incidence need. Schools confirmed that the Access and Technology "
                "function is no longer required, because disability access is a school based "
                "responsibility and preferred provider under a traded model is likely to be "
                "special schools.",
            )),
            CardSection("Proposed model", (
                "It is proposed that a single integrated (0 to 25) SEND service is created that "
                "is responsive to current need. The service would include all statutory "
                "functions, including the statutory assessment, monitoring and review of "
                "Education, Health and Care Plans, under a single Head of Service and retain "
                "expert SEN support teams, within a simplified management structure. The "
                "structure will have the capacity to provide strategic direction, operational "
                "management and service development. It would be customer focused, evidence "
                "based, accountable, responsive and flexible to ‘customer’ need and statutory "
                "responsibilities.",
                "In order to deliver the statutory and cultural requirements of the Children "
                "and Families Act 2014, the service will be underpinned by clear pathways of "
                "identification, assessment and intervention, with the capacity to extend into "
                "existing and future multi-agency pathways including health and social care.",
                "The service delivery model will be aligned to system demand and fully reflect "
                "the proportionality of current need.",
                "The resource for statutory functions i.e. Educational Psychology; sensory "
                "support, specifically visual and hearing impairment and the requirement to "
                "identify pre-school children with SEN, would continue to be centrally retained "
                "and funded.",
                "The balance of services would be offered as a traded model, co-designed with "
                "schools. This means that functions funded through a traded element would be "
                "staffed to reflect demand. Market testing of a new support offer would inform "
                "the scale of constriction or expansion of service capacity and therefore the "
                "overall staffing model.",
                "SEN Support Proposed Offer:",
                "It is proposed that the new service is co-designed with service users to "
                "deliver:",
                "• A single comprehensive multi-disciplinary training programme, accessible to "
                "settings, schools and colleges",
                "SEMH traded offer:",
                "• A comprehensive referral based SEMH team, that includes outreach and "
                "in-reach support. The service will work in collaboration with other "
                "specialists including Educational Psychology to provide:",
                "o Consultation and advice to leadership teams",
                "o Support the implementation of the CAMHS dimension tool to ensure appropriate "
                "signposting for support and intervention",
                "o Assessment and intervention of need to secure an early intervention plan",
                "o Hands on support and guidance for all education settings",
                "o A rapid and flexible response to child specific cases, leading a team around "
                "the child approach",
                "o Bespoke SEMH training in partnership with the Primary Mental Health Team and "
                "CAMHS",
                "o Continuance of delivery of the KEYs function including its expansion, "
                "pending further consideration of long-term governance",
                "Educational Psychology and SEN (0 to 6) offer:",
                "• It is proposed that the traded Educational Psychology offer is expanded to "
                "include a specialist SEMH assessment and intervention programme, forming part "
                "of the SEMH pathway; and that the team in consultation with schools, continues "
                "to expand to required capacity",
                "• The SEN (0 to 6) team will predominately focus on pre-school children, "
                "working with families and settings, in close partnership with the Educational "
                "Psychology team. The service will expand its responsibilities to include a "
                "potential traded element working with children in reception and supporting "
                "transition.",
                "Complex Communication and Learning traded offer:",
                "• It is proposed that the new traded complex communication and learning team "
                "form part of the identification, assessment, diagnosis and intervention "
                "pathway for children and young people age 2 to 25 experiencing social "
                "communication difficulties, irrespective of a diagnosis. The team would offer "
                "settings, schools and colleges a comprehensive service including training, "
                "advice, intervention strategies and direct support and intervention",
                "• The provision of dyslexia support would continue to be available through "
                "this team",
                "• The teams overall capacity will be determined by demand",
                "Sensory Team offer",
                "• The sensory team will continue to provide the current service for children "
                "and young people with a hearing and/or visual impairment, with the potential "
                "to expand the offer to a traded service for further education providers.",
                "Staff impact:",
                "In order to secure a single integrated service and reduce overall costs, the "
                "principle of management delayering will be applied.",
                "• The current structure is led by two Heads of Service; Head of Student "
                "Services and Head of SEND and Inclusion Service. It is proposed that all SEND "
                "services are integrated under one Head of Service - Head of SEND;",
                "• A new post of SEN Support Manager, would provide operational leadership and "
                "management of the combined SEN support elements of the new Integrated 0 to 25 "
                "Service.",
                "• The budget for the new single service would be centrally held by the Head of "
                "SEN Service and SEN Support Manager. The budget would be deployed according to "
                "the business needs of the service as set out in the business strategy. In "
                "order to secure a robust business function that enables the service to "
                "maximise traded income, demonstrate impact and respond to customer feedback "
                "capacity will be created through a Business Manager function.",
                "• The current SEN support structure consists of separate services, with "
                "separate budgets led by Strand Leads. Under this proposal leadership and "
                "management responsibilities would be integrated into a single structure "
                "professionally led by Team Leaders.",
                "• The four Strand Lead posts for Integrated Early Years (vacant), "
                "Communication and Interaction Service, Sensory Support and Physical Service, "
                "and Learning and Well-Being Service are disestablished.",
                "• In order to secure appropriate professional supervision and development, "
                "four Team Leader posts for ‘Social Emotional Mental Health’, ‘Complex "
                "Communication and Learning’, ‘Sensory’ and SEN (0 to 6) are created, with "
                "responsibility for quality assurance, professional development and supervision "
                "of the team.",
                "• The function of Assistant Head Teacher will be disestablished across the "
                "structure",
                "• The SEN (0 to 6) Team Leader will be employed on a full-year basis, to "
                "reflect the fact that services to pre-school children are required throughout "
                "the year.",
                "• TLR points and SEN allowances will be allocated in accordance to the "
                "Council’s pay policy",
                "SEN (0 to 6) Team",
                "• The Principal Educational Psychologist (vacant) will directly line manage "
                "the SEN (0 to 6) Team Leader, to ensure that the early years pathway leading "
                "to assessment and intervention joins up with partners in other early years "
                "services, including health and early years hubs. It is expected that the Team "
                "Leader will have capacity to directly line manage the teachers within the "
                "service and the Portage Coordinator.",
                "• The current roles of Area SENCO and Early Years Teacher will be "
                "disestablished, in order to secure clarity of team function.",
                "• The structure will incorporate six fte term-time SEN Early Years Inclusion "
                "Support Teacher posts. These posts will be ring-fenced to the current Area "
                "SENCO and Early Years Teachers. An income target will be set against this "
                "function, to reflect the opportunity to offer training to early years "
                "settings, maintained nurseries and primary schools as set out in the proposed "
                "early years funding changes consultation.",
                "• The Portage function will continue to be led by a Portage Coordinator. The "
                "Portage Coordinators post will expand to a full-time all year round post.",
                "• The portage team will be expanded to 6 fte all year round posts, to reflect "
                "the needs of children and families.",
                "• The four posts of Inclusion Support Workers will be re-named Portage "
                "Workers, to reflect the current role. The two new portage worker posts will be "
                "ring-fenced to appropriate disestablished posts",
                "• The two early years Nursery Nurse posts and three Education Assistant posts "
                "will be disestablished. The expansion of the Portage function will be "
                "ring-fenced to these posts",
                "Social Emotional and Well-being (SEMH)",
                "• The Education Key Workers function currently located within LAWS will "
                "transfer to Coventry Education Learning Centre (PRU), two vacant posts will be "
                "disestablished. The on-going function will then be considered under a phase 2 "
                "review of Alternative Provision",
                "• The staffing model of the KEYS provision based at Parkgate Primary and "
                "Frederick Bird, will be retained under the current staffing structure. A "
                "proposal to create another KEYS site is currently under consideration. If this "
                "is realised, new posts will be ring-fenced to teachers within the service who "
                "are at risk.",
                "• The transition support function from primary to secondary schools will be "
                "disestablished.",
                "• In the interests of equity, the outreach support currently commissioned "
                "through Woodfield School will be reviewed, with an assumption that funding a "
                "continuance will be through a traded model.",
                "• With the exception of the KEY bases, all central behaviour teaching and "
                "education assistant posts are at risk. The level of retention in the new "
                "structure is subject to confirmed demand for trading. It is noted that changes "
                "to financial regulations, mean that the LA will not be able to continue to "
                "centrally retain funding for behaviour support. Trading is therefore the only "
                "option to support a continuance of service.",
                "Sensory",
                "• The sensory team function focuses solely on the low-incidence needs of "
                "hearing and visually impairment.",
                "• The post of Deputy Strand Lead is disestablished and the post of Deputy Team "
                "Leader is created, with responsibility to professionally lead on either VI or "
                "HI. The Team Leader post will also have a requirement to lead on either VI or "
                "HI, to ensure that both areas of disability are secured through mandatory "
                "qualification.",
                "• The Access and Technology function will be disestablished.",
                "Complex Communication and Learning",
                "• This will be a fully-traded service that is primarily responsive to demand "
                "for social communication difficulties (autism continuum). The team offer will "
                "also include learning support for any specific areas of learning difficulty, "
                "(specifically dyslexia) that can be traded",
                "• The current secondary ERPs (enhanced resource provision) for speech and "
                "language based at Barrs Hill, President Kennedy and Westwood Academy will be "
                "reviewed alongside all of the City’s ERPs in phase 2.",
                "• As a first step, the current staffing models of the ERPs will be brought "
                "into line with other ERPs and the KEYs, to reflect equality of entitlement and "
                "value for money requirements. Consequently, the combined ERP teaching and "
                "non-teaching establishment will be reduced to 3 fte teachers and 2.54 fte "
                "Teaching Assistants",
                "• The professional lead posts (1.92 fte) will be disestablished",
                "• Two posts: Autism Coordinator and Learning Coordinator will be established "
                "to provide quality assurance, professional supervision and development",
                "• The central teaching post for speech and language is disestablished",
                "• The 12 central teaching posts for autism (9.2 fte) and the 6 central HLTA "
                "posts for autism (4.13 fte) are placed at risk, the retained establishment "
                "will reflect the commitment of schools and other potential customers to "
                "purchase support Consequently, the team may constrict or expand. However, "
                "initial feedback from schools suggests a high level of potential buy-back.",
            )),
            CardSection("Rationale", (
                "The current services are no longer fit for purpose. Providing a single SEND "
                "integrated service, that offers the breadth of expertise and flexibility for "
                "children and young people with severe and complex learning difficulties age 0 "
                "to 25, supports the new legislative requirements of the Children and Families "
                "Act and enables the LA to demonstrate its positive implementation of SEND "
                "reform.",
                "It also provides an opportunity to increase the reach of the service where "
                "appropriate through an extended traded service; reflects changes in grant and "
                "delegation requirements and ensures through an efficient management structure, "
                "that available resources are targeted directly towards and therefore benefit "
                "children.",
                "The new service reflects a requirement for integration across education, "
                "health and social care and creates an opportunity to develop specialist "
                "pathways for all areas of need and transition",
                "• 77 posts will be affected.",
            )),
        ),
        staffing=FigureBlock(
            ("Current staffing:", "Proposed Reduction:-"),
            ("Head count – 167", "FTE – 109.34"),
            (
                "• 22.83 FTE will be made redundant",
                "• 33.32 FTE may possibly be made redundant subject to market testing",
                "Note:-Redeployment opportunities are likely to be available.",
            ),
        ),
        budget=FigureBlock(
            ("Current Budget", "Proposed costs"),
            ("£7.23M",),
            (
                "£ 5.98M (saving £1.25M)",
                "The service is currently 78% DSG and 22% traded. Further detailed work is "
                "required to clarify these savings.",
            ),
        ),
    ),
    ServiceCardContent(
        title="SEN Management Services",
        sections=(
            CardSection("Overview", (
                "The current SEN Management Services incorporates a range of statutory duties, "
                "that are supported under one staffing structure covering: SEN statutory "
                "assessment, provision, review and monitoring; monitoring of elective home "
                "education; school exclusions (permanent); home to school travel assistance for "
                "students with SEN, and education representation within MASH. The school "
                "admissions function sits within the structure but is delivered through the "
                "admissions and benefits team and is not therefore directly affected by the SEN "
                "Management Service review.",
                "This model does not reflect the requirements of Part 3 of the Children and "
                "Families Act and is a barrier to delivering the Council’s statutory duties in "
                "relation to the statutory assessment. Performance evidence identifies that a "
                "distribution of the Elective Home Education responsibility across a team of "
                "officers, presents a risk in terms of capacity, consistency and trend "
                "analysis. The Council no longer has a statutory duty to provide advice and "
                "support to schools in relation to the exclusions process. It is evident that "
                "the decision making process for the provision of home to school travel "
                "assistance requires a dedicated resource.",
            )),
            CardSection("Statutory Duties", (
                "Implementation of Part 3 of The Children and Families Act 2014, associated "
                "regulations and statutory guidance as set out in the SEND Code of Practice (0 "
                "to 25)",
                "Duty to monitor provision for children of statutory school age who are "
                "electively home educated",
                "Duty to provide travel assistance for eligible statutory school age children "
                "with SEN",
                "Duty to assist eligible post 16 students with SEN to access further education",
                "Duty to provide SEN Disability Information and Advice Service to parents, "
                "carers and young people",
                "Duty to commission and SEN Dispute Resolution and Mediation Service",
            )),
            CardSection("Current model", (
                "The original SEN Management Service was designed to discharge the LAs "
                "statutory duties under the Education Act 1996. The functions were delivered "
                "through a traditional LA Education Officer post, The post carried a broad "
                "range of operational responsibilities including: all aspects of the SEN "
                "assessment and review process; the monitoring of elective home education and "
                "the management of exclusions. More recently the requirement to include "
                "education representation within the MASH team was absorbed into the Education "
                "Officer role, resulting in one full-time deployment.",
                "All of these responsibilities are set out in statutory guidance which "
                "specifies the process, timescales and quality expectations and all are subject "
                "to external inspection for compliance by OfSTED and CQC.",
                "The Children and Families Act was enacted in September 2014. The purpose of "
                "this statute was to radically reform the SEN process. Successful "
                "implementation demanded a new way of working, This included the introduction "
                "of an holistic assessment of a child’s education, health and care needs. It "
                "also demands closer working with families and the voluntary sector, The new "
                "responsibilities extended the age range of eligible children and young people "
                "from age 2 to19 attending school, to birth to 25, attending school, FE and "
                "training.",
                "Since September 2014, the case volume has significantly increased due to "
                "demand and the extension of age range. The service is challenged by the "
                "additional burden of transferring circa 1500 Statements of SEN to Education "
                "Health and Care Plans (EHCPs) by 31st March 2018. Consequently, the current "
                "service is not fit for purpose.",
            )),
            CardSection(
                "Summary of feedback from settings, schools, FE providers, families and "
                "partners", (
                "The general consensus from education providers and families, mirror the "
                "national picture. The SEN reforms are welcomed in principle. It is accepted "
                "that LAs are on a journey to achieve full implementation of a range of new and "
                "challenging system requirements. Whilst, there is strong support for the "
                "implementation of the EHCP within the City, levels of dissatisfaction have "
                "been expressed in respect of the speed of assessment and the perceived quality "
                "of Plans, particularly those that have been transferred from a Statement of "
                "SEN to an EHCP.",
                "Stakeholders are seeking a person centred process that enables all involved to "
                "co-produce Plans.",
            )),
            CardSection("Proposed model", (
                "It is proposed that the current SEN Management Service is disaggregated to "
                "secure specialist posts. The generic Education Officers post would therefore "
                "become obsolete. The proposed new structure, secures a focused statutory EHCP "
                "team with the capacity to transfer all SEN Statements of SEN to EHCPs by the "
                "statutory deadline of 31st March 2018; ensure that families that electively "
                "home educate their children are appropriately monitored in accordance with "
                "statutory requirements; scrutinises entitlement to SEN home to school travel "
                "assistance and ensures that students who are permanently excluded from school "
                "are admitted to an alternative provision within 6 days. The proposal also "
                "secures a dedicated educational resource within the MASH team.",
                "Staff Impact:",
                "It is proposed to restructure the current SEN Management Team to secure "
                "specialist posts for each key function, consequently:",
                "The job description for the service Strand Lead is reviewed and renamed SEN "
                "Assessment and Provision Manager, to secure clarity of role. The "
                "responsibilities of the new post is not significantly different to the "
                "existing role",
                "The role of Education Officer is disestablished and functions are delivered "
                "through new professional posts as follows:",
                "• Two, Senior Plan Coordinators; six Plan Coordinators and 6 Plan Assistants",
                "• The role of Senior Plan Coordinator provides professional supervision of the "
                "Plan Co-ordinators",
                "• The Plan Coordinators provide professional supervision of the Plan "
                "Assistants. The Plan Assistants role equates to the current Caseworker role "
                "and is regarded as a minor review of job description hat reflects the views of "
                "current potholders",
                "• The role of Senior Administrative Officer is disestablished. It is accepted "
                "that the breadth of responsibilities cannot be fully delivered by a single "
                "postholder",
                "• The role of Finance and Workflow Coordinator is created and ring-fenced to "
                "the current Senior Administrative Officer",
                "• The role of Access Coordinator is created to absorb the responsibility of "
                "assessing travel assistance applications, administering the monitoring of "
                "permanent exclusions and CME",
                "• The role of an Elective Home Education Officer is created to ensure that the "
                "Council’s statutory responsibility is robustly fulfilled",
            )),
            CardSection("Rationale", (
                "The current structure is not fit for purpose. There is a risk that if this is "
                "not addressed, the LA would not be able to deliver its statutory functions "
                "within timescale; inadequate scrutiny of home to school travel assistance will "
                "incur unnecessary expenditure.",
            )),
        ),
        staffing=FigureBlock(
            ("Current staffing", "Proposed Expansion"),
            ("Headcount 18", "FTE 13.03"),
            (
                "Education Plan Co-ordinators and Assistant for fixed term to ensure transition "
                "plans in place.",
                "Staff at risk – 3.62FTE (grade changes)",
            ),
        ),
        budget=FigureBlock(
            ("Current Budget", "Proposed costs"),
            ("£0.79M",),
            ("£0.71M (saving £0.08M)", "DSG savings £", "ESG savings £0.05", "Trading buy-out £0.03"),
        ),
    ),
)

STAFF_SUMMARY = StaffSummaryTable(
    intro=(
        "The proposals will have the following impacts on staff. More detail is shown in "
        "individual team/service pack information."
    ),
    header=(
        "Summary - all services in review*", "Establishment FTE", "Staff in post FTE",
        "Vacant posts", "Head count", "FTE proposed", "", "Head count adverse impact", "New post",
    ),
    rows=(
        ("Total across Education (non- SEN)", "118.06", "99.52", "18.54", "135.00", "82.53",
         "-35.33", "-59.00", "15.00"),
        ("Total across SEN", "128.60", "112.73", "15.47", "144.00", "87.12", "-41.48", "-63.00",
         "19.00"),
        ("Total", "246.66", "212.25", "34.01", "279.00", "169.65", "-76.81", "-122.00", "34.00"),
    ),
    note=(
        "Please note that where schools buy back services, the impact on head count (adverse "
        "impact) will improve. These figures now include Extended Learning Centre. This increases "
        "total figures, but has low impact on change in FTE, Head count adverse impact and new "
        "posts."
    ),
)

APPENDIX_A = AppendixAContent(
    heading="Appendix A: Cabinet Report – Original Proposals",
    intro=(
        "The model that was consulted on from 3rd October 2016 to 23rd November 2016 was a hybrid "
        "approach that categorised services in the following ways:"
    ),
    categories=CATEGORIES,
    cards=CARDS,
    staff_summary=STAFF_SUMMARY,
)

# --------------------------------------------------------------------------- Appendix B

_PRE = "Pre-consultation Forecast Costs"
_POST = "Post Consultation Forecast Costs"


def _fin(title, staff, current_header, current, pre, post) -> FinancialTableContent:
    return FinancialTableContent(
        title=title,
        staff_impact=FinancialColumn("", tuple(staff)),
        current_budget=FinancialColumn(current_header, tuple(current)),
        pre_consultation=FinancialColumn(_PRE, tuple(pre)),
        post_consultation=FinancialColumn(_POST, tuple(post)),
    )


FINANCIAL_TABLES = (
    _fin(
        "Hospital Education Service",
        ["Staffing impact as proposal consulted on"],
        "Current budget", ["£0.82M"],
        ["£0.68M (saving £0.14M)", "DSG savings £0.11m", "ESG savings £0",
         "Other:- £0.03m buy out income target on PSGU"],
        ["£0.72M (saving £0.10M)", "Staff savings £0.09M", "Non staffing £0.01M"],
    ),
    _fin(
        "Performing Arts Service",
        ["Staff impacts as consulted on"],
        "Current budget - £1.34M", ["£0.50m Music grant", "£0.95m Performing Arts"],
        ["£1.34m (saving £0.11m)", "DSG savings £0", "ESG savings £0",
         "Trading savings £0.11m to offset redundancy and reduce charges to schools."],
        ["£1.34M (saving £0.11M)", "Staff savings £0.11M"],
    ),
    _fin(
        "Work Related Learning Team",
        ["Staff impacts as consulted on"],
        "Current budget", ["£0.82M"],
        ["£0.77M (saving £0.05M)", "ESG savings £0.05M"],
        ["£0.77M (saving £0.05M)", "Staff savings £0.05M"],
    ),
    _fin(
        "Looked After Children",
        ["Staffing impacts as consulted on"],
        "Current budget", ["£1.53M", "(£0.61m + £0.92m of Pupil Premium Plus)"],
        ["£1.39M (saving £0.14m)", "DSG savings £0.0m", "Core savings £0.13m"],
        ["£1.39M (saving £0.14M)", "Staff savings £0.14M"],
    ),
    _fin(
        "Minority Group Support Services (MGSS)",
        ["Staff impacts as proposed with additional 0.6 FTE Advisory Teacher"],
        "Current budget", ["£1.51m"],
        ["£1.14M (saving £0.37m)", "DSG savings £0.37m"],
        ["£1.18M (saving £0.33M)", "Staff savings £0.33M"],
    ),
    _fin(
        "School Improvement",
        ["Staff impact – as proposed except retain 1.6 FTE Coventry Improvement Partners"],
        "Current budget", ["£1.55m"],
        ["£0.65m (saving £0.9m)", "DSG savings £0.1m", "ESG savings £0.8m"],
        ["£0.77M (saving £0.78M)", "Staff savings £0.08M",
         "Removal of School Improvement Commissioning Pot £0.7M"],
    ),
    _fin(
        "SEN Management Services",
        ["Staff impact – as consulted on"],
        "Current Budget", ["£0.79M"],
        ["£0.71M (saving £0.08M)", "DSG savings £", "ESG savings £0.05", "Trading buy-out £0.03"],
        ["£0.75M (saving £0.04M)", "Staff savings £0.04M"],
    ),
    _fin(
        "Specialist Special Education",
        ["Staff impacts – as proposed except: net increase of 21.55 FTE posts"],
        "Current Budget", ["£7.23M"],
        ["£ 5.98M (saving £1.25M)",
         "The service is currently 78% DSG and 22% traded. Further detailed work is required to "
         "clarify these savings."],
        ["£5.92M (saving £1.31M)", "Staff savings £0.94M",
         "Increase in Trading £0.37M (Impact on staffing also)"],
    ),
)

FEEDBACK = (  # a stand-in: three of the twelve feedback tables, shortened
    FeedbackService("3", "Coventry Extended Learning Centre", (
        FeedbackRow("3.1", "Summary of consultation feedback", (
            "One headteacher stated they agreed with the proposal", "No staff responses")),
        FeedbackRow("3.2", "Management response", (
            "Schools support the proposal as discussed with the Primary Steering and Secondary "
            "Executive",
            "No changes/modifications need to be made to the proposed model")),
        FeedbackRow("3.3", "Recommendation for implementation", (
            "Implement proposal as consulted on",)),
    )),
    FeedbackService("6", "Ethnic Minority Achievement (Minority Group Support Service)", (
        FeedbackRow("6.3", "Recommendation for implementation", (
            "• The inclusion of a traded arm for the delivery of community languages.",
            "• Provide an element of teaching support to develop the enabling infrastructure to "
            "ensure that ethnic minority achievement is a key priority for schools.",
            "Staffing impact: an additional 0.6 FTE Advisory Teacher to support the extended "
            "traded service")),
    )),
    FeedbackService("7", "School Improvement", (
        FeedbackRow("7.1", "Summary of consultation feedback", ("None received",)),
    )),
)

APPENDIX_B = AppendixBContent(
    heading=(
        "Appendix B: Cabinet Report: Summary of consultation feedback and management response "
        "for each service"
    ),
    feedback=FEEDBACK,
    financial_heading="Financial and staff impacts",
    tables=FINANCIAL_TABLES,
)

PACK = PackContent(cover=COVER, report=REPORT, appendix_a=APPENDIX_A, appendix_b=APPENDIX_B)


# --------------------------------------------------------------------------- appendix C

@dataclass(frozen=True)
class AppendixCContent:
    """The equality consultation analysis: numbered questions and answers (not in PACK;
    render.RenderStyle(appendix_c=True) prints it after Appendix B)."""

    heading: str
    intro: str
    paragraphs: tuple[tuple[str, str], ...]  # (number, text); a text without a full stop is a heading


APPENDIX_C = AppendixCContent(
    heading="Appendix C: Equality Consultation Analysis",
    intro=(
        "In line with the principles of decision making outlined in the City Council Constitution, "
        "the Council will ensure that its decision making is open and transparent."
    ),
    paragraphs=(
        ("1", "Who has been consulted"),
        ("1.1", "Staff, schools and trade unions were consulted between 3rd October 2016 and "
                "23rd November 2016."),
        ("12", "What are the impacts on staff"),
        ("12.3", "The proposals affect 77 posts across the services, of which 48.6 FTE are at risk; "
                 "the posts at risk hold £1.5M of the £2.6M of savings."),
        ("12.4", "Staff with protected characteristics are represented across the services in "
                 "similar proportions to the workforce as a whole."),
    ),
)
