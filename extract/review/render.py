"""HTML of the review page: plain and accessible (headings, real tables, alt text), readable
without JavaScript and on paper, with nothing fetched from anywhere: a Content-Security-Policy
in the page itself forbids scripts and every source but the embedded images.

Every value from the extraction goes through `esc` (html.escape, quotes included)."""
from __future__ import annotations

import datetime
from collections.abc import Iterable
from html import escape

from extract.models import Figure, Finding
from extract.review.crops import RESOLUTION, Crop, Mark
from extract.review.model import SEVERITY_ORDER, FindingView, OwnerView, Review, figure_key, safe_id

NOT_FOUND = '<span aria-hidden="true">—</span><span class="visually-hidden">not found</span>'

CSS = """
:root { --mark: #c8006e; --ink: #1a1a1a; --rule: #b8b8b8; --soft: #f3f3f3; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif;
       color: var(--ink); background: #fff; margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 62rem; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 0.3rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
a { color: #0b4f9c; }
code { font-size: 0.92em; }
.lede { margin: 0 0 0.6rem; color: #444; }
.alert { border: 2px solid #a00; padding: 0.5rem 0.8rem; background: #fff1f1; }
nav ul { list-style: none; padding: 0; margin: 0.4rem 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; }
.columns { display: grid; grid-template-columns: minmax(14rem, 1fr) 2fr; gap: 0 2rem; }
@media (max-width: 48rem) { .columns { grid-template-columns: 1fr; } }
table { border-collapse: collapse; margin: 0.4rem 0 1rem; font-size: 0.93rem; }
caption { text-align: left; font-weight: 600; padding: 0.2rem 0; }
th, td { border: 1px solid var(--rule); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
td.num { text-align: right; white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; }
dl.meeting { display: grid; grid-template-columns: auto 1fr; gap: 0.1rem 0.8rem; margin: 0.3rem 0 1rem; }
dl.meeting dt { font-weight: 600; }
dl.meeting dd { margin: 0; }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 0.25rem; font-size: 0.85rem;
         font-weight: 700; border: 1px solid transparent; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.badge.error { background: #a40000; color: #fff; }
.badge.warning { background: #ffd257; color: #000; border-color: #a77a00; }
.badge.info { background: #e3ecf7; color: #0b3b6f; border-color: #8aa7c8; }
.finding { border-top: 1px solid var(--rule); padding-top: 0.3rem; margin-top: 1.2rem; }
.finding .message { margin: 0.3rem 0; }
dl.facts { display: flex; flex-wrap: wrap; gap: 0.2rem 1.4rem; margin: 0.4rem 0; font-size: 0.93rem; }
dl.facts div { display: flex; gap: 0.35rem; }
dl.facts dt { font-weight: 600; }
dl.facts dt::after { content: ":"; }
dl.facts dd { margin: 0; }
figure.crop { margin: 0.6rem 0 1rem; }
figure.crop img { display: block; max-width: 100%; height: auto; border: 1px solid var(--rule); }
figcaption { font-size: 0.9rem; margin-top: 0.3rem; }
ol.legend { margin: 0.2rem 0 0; padding-left: 2rem; }
ol.legend li::marker { color: var(--mark); font-weight: 700; }
.printed { font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 2.5rem; font-size: 0.85rem; color: #555; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: auto; break-after: avoid; }
  h3 { break-after: avoid; }
  figure.crop, tr { break-inside: avoid; }
  .finding { break-inside: avoid-page; }  /* a short finding stays with its crops; a long one still breaks */
  figure.crop img { max-width: 100%; }
}
"""


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def render_page(review: Review) -> str:
    title = f"Review of {review.pdf_name}"
    parts = [
        _header(review),
        _nav(review),
        "<main>",
        _summary(review),
        _findings_section(review),
        _cards_section(review),
        _tables_section(review),
        _other_tables_section(review),
        _where_section(review),
        "</main>",
        _footer(review),
    ]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        # Scripts, fonts, frames and any fetch are refused; only the embedded images load.
        "<meta http-equiv=\"Content-Security-Policy\" "
        "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(p for p in parts if p)
        + "\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------- header and summary

def _header(review: Review) -> str:
    extraction = review.extraction
    meeting = extraction.meeting
    heading = ", ".join(p for p in (meeting.committee, _long_date(meeting.date)) if p) or review.pdf_name
    source = extraction.source
    alert = ""
    if not review.pdf_matches:
        alert = (f'<p class="alert" role="note"><strong>This PDF is not the file the extraction was made from</strong> '
                 f"(SHA-256 differs from {esc(source.sha256[:12])}…): the outlines may not match the pages.</p>")
    return (
        f"<header>\n<p class=\"lede\">Review page · agenda-extract {esc(extraction.tool_version)}</p>\n"
        f"<h1>{esc(heading)}</h1>\n"
        f"<p class=\"lede\">Each finding below is shown on the page of <code>{esc(review.pdf_name)}</code> "
        f"it came from ({source.pages} pages, SHA-256 <code>{esc(source.sha256[:12])}</code>…), "
        f"with its figures outlined and numbered.</p>\n{alert}</header>"
    )


def _nav(review: Review) -> str:
    links = [("summary", "Meeting and documents"), ("findings", f"Findings ({len(review.findings)})"),
             ("cards", "Service cards"), ("tables", "Appendix B tables")]
    if review.extraction.tables or review.extraction.post_lists:
        links.append(("other-tables", "Other tables and lists"))
    links.append(("where", "Where each figure was printed"))
    items = "".join(f'<li><a href="#{a}">{esc(text)}</a></li>' for a, text in links)
    return f'<nav aria-label="Contents"><ul>{items}</ul></nav>'


def _summary(review: Review) -> str:
    return (
        '<section id="summary" aria-labelledby="summary-h">\n<h2 id="summary-h">Meeting and documents</h2>\n'
        f'<div class="columns">\n<div>\n{_meeting(review)}\n{_severity_counts(review)}\n</div>\n'
        f"<div>\n{_documents(review)}\n</div>\n</div>\n</section>"
    )


def _meeting(review: Review) -> str:
    meeting = review.extraction.meeting
    rows = [("Committee", meeting.committee), ("Date", _long_date(meeting.date)), ("Time", meeting.time),
            ("Place", meeting.place)]
    items = "".join(f"<dt>{label}</dt><dd>{esc(value) if value else NOT_FOUND}</dd>" for label, value in rows)
    return f'<h3>Meeting</h3>\n<dl class="meeting">{items}</dl>'


def _severity_counts(review: Review) -> str:
    rows = []
    for severity in SEVERITY_ORDER:
        views = [v for v in review.findings if v.finding.severity == severity]
        count = f'<a href="#finding-{views[0].number}">{len(views)}</a>' if views else "0"
        rows.append(f'<tr><th scope="row">{_badge(severity)}</th><td class="num">{count}</td></tr>')
    rows.append(f'<tr class="total"><th scope="row">All</th><td class="num">{len(review.findings)}</td></tr>')
    extraction = review.extraction
    found = (f"{len(extraction.service_cards)} service cards, {len(extraction.financial_tables)} Appendix B "
             f"tables, {len(extraction.tables)} other tables, {len(extraction.post_lists)} lists of posts "
             f"and {len(extraction.figures)} figures were read.")
    return (
        '<table class="counts">\n<caption>Findings by severity</caption>\n'
        '<thead><tr><th scope="col">Severity</th><th scope="col">Findings</th></tr></thead>\n'
        f"<tbody>{''.join(rows)}</tbody>\n</table>\n<p>{esc(found)}</p>"
    )


def _documents(review: Review) -> str:
    documents = review.extraction.documents
    if not documents:
        return "<h3>Documents in the pack</h3>\n<p>No documents were recognised in this pack.</p>"
    rows = "".join(
        f'<tr><td class="num">{_page_range(d.page_start, d.page_end)}</td>'
        f'<th scope="row">{esc(_document_name(d))}</th><td>{esc(d.kind.replace("_", " "))}</td></tr>'
        for d in documents
    )
    return (
        "<table>\n<caption>Documents in the pack</caption>\n"
        '<thead><tr><th scope="col">Pages</th><th scope="col">Document</th><th scope="col">Kind</th></tr></thead>\n'
        f"<tbody>{rows}</tbody>\n</table>"
    )


# ---------------------------------------------------------------- findings

def _findings_section(review: Review) -> str:
    if not review.findings:
        body = "<p>No findings: every relation the consistency pass checked held (or the checks were not run).</p>"
    else:
        body = (
            '<p>Errors first, then warnings, then notes within rounding. On each crop the figures the finding '
            'cites are outlined in magenta and numbered in the order its message gives them.</p>\n'
            + "\n".join(_finding(review, view) for view in review.findings)
        )
    return f'<section id="findings" aria-labelledby="findings-h">\n<h2 id="findings-h">Findings</h2>\n{body}\n</section>'


def _finding(review: Review, view: FindingView) -> str:
    finding = view.finding
    anchor = f"finding-{view.number}"
    facts = [("Subject", esc(finding.subject)), ("Check", f"<code>{esc(finding.check)}</code>"),
             ("Severity", esc(finding.severity))]
    kind = finding.evidence[0].kind if finding.evidence else None
    for label, value in (("Expected", finding.expected), ("Found", finding.found),
                         ("Difference", finding.difference), ("Tolerance", finding.tolerance)):
        if value is not None:
            facts.append((label, esc(_amount(value, kind, signed=label == "Difference"))))
    fact_items = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in facts)
    return (
        f'<article class="finding" id="{anchor}" aria-labelledby="{anchor}-h">\n'
        f'<h3 id="{anchor}-h">{view.number}. {_badge(finding.severity)} {esc(finding.subject)}'
        f" <code>{esc(finding.check)}</code></h3>\n"
        f'<p class="message">{esc(finding.message)}</p>\n{_read_by_ocr(finding)}'
        f'<dl class="facts">{fact_items}</dl>\n'
        f"{_belongs_to(review, view)}\n{_finding_crops(review, view)}\n</article>"
    )


def _read_by_ocr(finding: Finding) -> str:
    """A finding that rests on figures read by OCR says so where the reader looks first."""
    read = [f for f in finding.evidence if f.source == "ocr"]
    if not read:
        return ""
    items = ", ".join(f"{esc(f.text)} (page {f.page}, confidence "
                      f"{'unknown' if f.confidence is None else f'{f.confidence:g}'})" for f in read)
    return (f'<p class="alert ocr">Read by OCR from a scanned page: {items}. A misread digit looks like an '
            f"arithmetic error: check the page before acting on this finding.</p>\n")


def _belongs_to(review: Review, view: FindingView) -> str:
    links = [f'<a href="#{safe_id(o.id)}">{esc(o.title)}</a>' for o in view.owners]
    elsewhere = sorted({_place(review, f) for f in view.finding.evidence if not _owned(review, f)})
    parts = links + [esc(p) for p in elsewhere]
    if not parts:
        return ""
    return f"<p>Belongs to: {', '.join(parts)}.</p>"


def _finding_crops(review: Review, view: FindingView) -> str:
    if not view.finding.evidence:
        return "<p>This finding cites no figures, so there is no page to show.</p>"
    figures = [_crop_figure(review, crop, _finding_alt(view, crop)) for crop in view.crops]
    for page, reason in sorted(view.unshown.items()):
        figures.append(f'<p class="alert">The evidence cites page {page}, which cannot be shown: {esc(reason)}.</p>')
    return "\n".join(figures)


def _finding_alt(view: FindingView, crop: Crop) -> str:
    finding = view.finding
    return (f"Finding {view.number}, {finding.subject} ({finding.check}): page {crop.page} of the pack, with "
            f"{_mark_list(crop.marks)} outlined and numbered.")


def _mark_list(marks: Iterable[Mark]) -> str:
    items = [f"{m.number} {m.figure.text}" + (f" ({m.note})" if m.note else "") for m in marks]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _crop_figure(review: Review, crop: Crop, alt: str) -> str:
    document = review.document_at(crop.page)
    where = f" · {esc(_document_name(document))}" if document else ""
    legend = "".join(
        f'<li value="{m.number}"><span class="printed">{esc(m.figure.text)}</span>'
        + (f" — {esc(m.note)}" if m.note else "") + "</li>"
        for m in crop.marks
    )
    return (
        f'<figure class="crop" id="{esc(crop.id)}">\n'
        f'<img src="{crop.src}" width="{crop.width}" height="{crop.height}" alt="{esc(alt)}">\n'
        f"<figcaption><strong>Page {crop.page}</strong>{where}\n<ol class=\"legend\">{legend}</ol></figcaption>\n"
        "</figure>"
    )


# ---------------------------------------------------------------- cards and Appendix B tables

def _cards_section(review: Review) -> str:
    cards = review.extraction.service_cards
    heading = '<section id="cards" aria-labelledby="cards-h">\n<h2 id="cards-h">Service cards</h2>\n'
    if not cards:
        return heading + "<p>This pack has no service cards.</p>\n</section>"
    columns = ["Service", "Pages", "Headcount", "FTE now", "FTE proposed", "Budget now", "Budget proposed",
               "Saving", "Findings"]
    rows = []
    for card in cards:
        staffing, budget = card.staffing, card.budget
        cells = [staffing.current_headcount, staffing.current_fte, staffing.proposed_fte,
                 budget.current, budget.proposed, budget.saving]
        rows.append(
            f'<tr id="{safe_id(card.id)}"><th scope="row"><a href="#where-{safe_id(card.id)}">{esc(card.service)}</a></th>'
            f'<td class="num">{_page_range(card.page_start, card.page_end)}</td>'
            + "".join(_figure_cell(review, f) for f in cells)
            + f"<td>{_finding_links(review.owners[card.id])}</td></tr>"
        )
    return heading + _table(
        "Service cards: staffing and budget as printed. Each figure links to where it was printed.",
        columns, rows) + "\n</section>"


def _tables_section(review: Review) -> str:
    tables = review.extraction.financial_tables
    heading = '<section id="tables" aria-labelledby="tables-h">\n<h2 id="tables-h">Appendix B financial tables</h2>\n'
    if not tables:
        return heading + "<p>This pack has no Appendix B financial tables.</p>\n</section>"
    columns = ["Service", "Page", "Budget now", "Forecast cost before consultation", "Saving before consultation",
               "Forecast cost after consultation", "Saving after consultation", "Findings"]
    rows = []
    for table in tables:
        pre, post = table.pre_consultation, table.post_consultation
        cells = [table.current, pre.cost, pre.saving, post.cost, post.saving]
        rows.append(
            f'<tr id="{safe_id(table.id)}"><th scope="row"><a href="#where-{safe_id(table.id)}">{esc(table.service)}</a></th>'
            f'<td class="num">{table.page}</td>'
            + "".join(_figure_cell(review, f) for f in cells)
            + f"<td>{_finding_links(review.owners[table.id])}</td></tr>"
        )
    return heading + _table(
        "Appendix B: current budget and forecasts before and after consultation. Each figure links to where it was printed.",
        columns, rows) + "\n</section>"


def _other_tables_section(review: Review) -> str:
    """Numeric tables and lists of posts, as printed: shown only where the pack has them."""
    tables, lists = review.extraction.tables, review.extraction.post_lists
    if not tables and not lists:
        return ""
    parts = ['<section id="other-tables" aria-labelledby="other-tables-h">\n'
             '<h2 id="other-tables-h">Other tables and lists of posts</h2>']
    for table in tables:
        rows = [f'<tr><th scope="row">{esc(row.label)}</th>' + "".join(_figure_cell(review, c) for c in row.cells)
                + "</tr>" for row in table.rows]
        columns = [""] + [c or "(no heading)" for c in table.columns]
        parts.append(f'<div id="{safe_id(table.id)}">' + _table(
            f"{esc(table.title)}, page {table.page}; findings: {_finding_links(review.owners[table.id])}",
            columns, rows, caption_html=True) + "</div>")
    for posts in lists:
        counted = sum(p.count for p in posts.posts)
        parts.append(
            f'<div id="{safe_id(posts.id)}"><h3>{esc(posts.title)}, page {posts.page}</h3>\n'
            f"<p>{len(posts.posts)} lines listed, counting {counted} posts; stated total: "
            f"{_figure_link(review, posts.stated_total)}"
            f"; findings: {_finding_links(review.owners[posts.id])}.</p></div>")
    return "\n".join(parts) + "\n</section>"


def _table(caption: str, columns: list[str], rows: list[str], caption_html: bool = False) -> str:
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    caption = caption if caption_html else esc(caption)
    return (f"<table>\n<caption>{caption}</caption>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


def _figure_cell(review: Review, figure: Figure | None) -> str:
    return f'<td class="num">{_figure_link(review, figure)}</td>'


def _figure_link(review: Review, figure: Figure | None) -> str:
    """The figure as shown, linked to the crop where it was printed (when there is one)."""
    if figure is None:
        return NOT_FOUND
    shown = esc(_shown(figure))
    target = review.crop_of(figure)
    title = f' title="printed as {esc(figure.text)} on page {figure.page}"'
    if target is None:
        return f"<span{title}>{shown}</span>"
    return f'<a href="#{esc(target)}"{title}>{shown}</a>'


def _finding_links(owner: OwnerView) -> str:
    if not owner.findings:
        return '<span class="visually-hidden">none</span>'
    return ", ".join(f'<a href="#finding-{n}">{n}</a>' for n in sorted(set(owner.findings)))


# ---------------------------------------------------------------- where each figure was printed

def _where_section(review: Review) -> str:
    views = [v for v in review.owners.values() if v.marks]
    body = "\n".join(_where(review, view) for view in views) if views else "<p>No card or table figures to show.</p>"
    return (
        '<section id="where" aria-labelledby="where-h">\n<h2 id="where-h">Where each figure was printed</h2>\n'
        "<p>Every figure of each service card and Appendix B table, outlined and numbered on its page.</p>\n"
        f"{body}\n</section>"
    )


def _where(review: Review, view: OwnerView) -> str:
    owner = view.owner
    anchor = f"where-{safe_id(owner.id)}"
    page_word = "pages" if "–" in view.pages else "page"
    findings = f"; findings {_finding_links(view)}" if view.findings else ""
    figures = "\n".join(
        _crop_figure(review, crop, f"{owner.title}, page {crop.page}: {_mark_list(crop.marks)} outlined and numbered.")
        for crop in view.crops
    ) or "<p>The pages of these figures could not be shown from this PDF.</p>"
    return (
        f'<section class="where" id="{anchor}" aria-labelledby="{anchor}-h">\n'
        f'<h3 id="{anchor}-h">{esc(owner.title)}, {page_word} {esc(view.pages)}</h3>\n'
        f'<p><a href="#{safe_id(owner.id)}">Back to the table</a>{findings}.</p>\n{figures}\n</section>'
    )


def _footer(review: Review) -> str:
    return (f"<footer><p>Made by agenda-extract {esc(review.extraction.tool_version)} from "
            f"<code>{esc(review.pdf_name)}</code>; page crops rendered with pdfplumber at {RESOLUTION} dpi. "
            "Figures are shown as printed; amounts in the findings are in pounds or FTE.</p></footer>")


# ---------------------------------------------------------------- small formatting helpers

def _badge(severity: str) -> str:
    return f'<span class="badge {esc(severity)}">{esc(severity.capitalize())}</span>'


def _long_date(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def _page_range(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def _document_name(document) -> str:
    return f"{document.label}: {document.title}" if document.label else document.title


def _amount(value: float, kind: str | None, signed: bool = False) -> str:
    """Finding amounts: pounds to the pound, FTE and counts to two decimals."""
    sign = ("+" if value > 0 else "−" if value < 0 else "") if signed else ("−" if value < 0 else "")
    size = abs(value)
    if kind == "money":
        return f"{sign}£{size:,.0f}"
    number = f"{round(size, 2):g}"
    return f"{sign}{number} FTE" if kind == "fte" else f"{sign}{number}"


def _shown(figure: Figure) -> str:
    """Money as printed (the reader matches it with the page); FTE and headcount as numbers,
    since their printed text may carry its label ('Headcount 25', 'FTE – 109.34')."""
    if figure.kind == "money":
        return figure.text
    number = f"{round(figure.value, 2):g}"
    return f"{number} FTE" if figure.kind == "fte" else number


def _owned(review: Review, figure: Figure) -> bool:
    return figure_key(figure) in review.owned


def _place(review: Review, figure: Figure) -> str:
    document = review.document_at(figure.page)
    name = (document.label or document.title) if document else "the pack"
    section = f" paragraph {figure.section}" if figure.section else ""
    return f"{name}{section} (page {figure.page})"
