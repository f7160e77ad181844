"""HTML of the review page: plain and accessible (headings, real tables, alt text), readable
without JavaScript and on paper, with nothing fetched from anywhere: a Content-Security-Policy
in the page itself forbids scripts and every source but the embedded images.

Every value from the extraction goes through `esc` (html.escape, quotes included)."""
from __future__ import annotations

from extract.models import Figure, Finding
from extract.review.checked import relations_section, tally_paragraph
from extract.review.crops import RESOLUTION, Crop
from extract.review.html import (
    NOT_FOUND,
    amount_text,
    crop_figure,
    document_name,
    esc,
    long_date,
    mark_list,
    page_range,
    severity_badge,
)
from extract.review.model import SEVERITY_ORDER, FindingView, Review, figure_key, safe_id
from extract.review.render_structures import cards_section, other_tables_section, tables_section, where_section

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
         font-weight: 700; border: 1px solid transparent;
         print-color-adjust: exact; -webkit-print-color-adjust: exact; }
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
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
                   white-space: nowrap; }
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



def render_page(review: Review) -> str:
    title = f"Review of {review.pdf_name}"
    parts = [
        _header(review),
        _nav(review),
        "<main>",
        _summary(review),
        _findings_section(review),
        relations_section(review),
        cards_section(review),
        tables_section(review),
        other_tables_section(review),
        where_section(review),
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
    heading = ", ".join(p for p in (meeting.committee, long_date(meeting.date)) if p) or review.pdf_name
    source = extraction.source
    alert = ""
    if not review.pdf_matches:
        alert = (f'<p class="alert" role="note"><strong>This PDF is not the file the extraction was made from</strong> '
                 f"(SHA-256 differs from {esc(source.sha256[:12])}…): the outlines may not match the pages.</p>")
    alert += _untrusted_alert(review)
    return (
        f"<header>\n<p class=\"lede\">Review page · agenda-extract {esc(extraction.tool_version)}</p>\n"
        f"<h1>{esc(heading)}</h1>\n"
        f"<p class=\"lede\">Each finding below is shown on the page of <code>{esc(review.pdf_name)}</code> "
        f"it came from ({source.pages} pages, SHA-256 <code>{esc(source.sha256[:12])}</code>…), "
        f"with its figures outlined and numbered.</p>\n{alert}</header>"
    )


def _untrusted_alert(review: Review) -> str:
    """Pages whose text could not be trusted were read as blank: say so, or an empty
    section of the page would look like a clean result."""
    untrusted = review.extraction.source.untrusted_pages
    if not untrusted:
        return ""
    items = "".join(f"<li>page {u.page}: {esc(u.reason)}</li>" for u in untrusted)
    return (f'<p class="alert" role="note"><strong>{len(untrusted)} of {review.extraction.source.pages} '
            f"pages have no usable text</strong> and were read as blank: nothing on them is in this "
            f"review.</p>\n<ul class=\"alert\">{items}</ul>")


def _nav(review: Review) -> str:
    links = [("summary", "Meeting and documents"), ("findings", f"Findings ({len(review.findings)})"),
             ("relations", f"Relations checked ({len(review.extraction.relations)})"),
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
        f"<div>\n{_documents(review)}\n{_agenda_items(review)}\n</div>\n</div>\n</section>"
    )


def _meeting(review: Review) -> str:
    meeting = review.extraction.meeting
    rows = [("Committee", meeting.committee), ("Date", long_date(meeting.date)), ("Time", meeting.time),
            ("Place", meeting.place)]
    items = "".join(f"<dt>{label}</dt><dd>{esc(value) if value else NOT_FOUND}</dd>" for label, value in rows)
    return f'<h3>Meeting</h3>\n<dl class="meeting">{items}</dl>'


def _severity_counts(review: Review) -> str:
    rows = []
    for severity in SEVERITY_ORDER:
        views = [v for v in review.findings if v.finding.severity == severity]
        count = f'<a href="#finding-{views[0].number}">{len(views)}</a>' if views else "0"
        rows.append(f'<tr><th scope="row">{severity_badge(severity)}</th><td class="num">{count}</td></tr>')
    rows.append(f'<tr class="total"><th scope="row">All</th><td class="num">{len(review.findings)}</td></tr>')
    extraction = review.extraction
    found = (f"{len(extraction.service_cards)} service cards, {len(extraction.financial_tables)} Appendix B "
             f"tables, {len(extraction.tables)} other tables, {len(extraction.post_lists)} lists of posts "
             f"and {len(extraction.figures)} figures were read.")
    return (
        '<table class="counts">\n<caption>Findings by severity</caption>\n'
        '<thead><tr><th scope="col">Severity</th><th scope="col">Findings</th></tr></thead>\n'
        f"<tbody>{''.join(rows)}</tbody>\n</table>\n{tally_paragraph(review)}\n<p>{esc(found)}</p>"
    )


def _documents(review: Review) -> str:
    documents = review.extraction.documents
    if not documents:
        return "<h3>Documents in the pack</h3>\n<p>No documents were recognised in this pack.</p>"
    rows = "".join(
        f'<tr><td class="num">{page_range(d.page_start, d.page_end)}</td>'
        f'<th scope="row">{esc(document_name(d))}</th><td>{esc(d.kind.replace("_", " "))}</td></tr>'
        for d in documents
    )
    return (
        "<table>\n<caption>Documents in the pack</caption>\n"
        '<thead><tr><th scope="col">Pages</th><th scope="col">Document</th><th scope="col">Kind</th></tr></thead>\n'
        f"<tbody>{rows}</tbody>\n</table>"
    )


def _agenda_items(review: Review) -> str:
    """The agenda's items as printed, each with the pages printed beside it and the document
    of the pack it points to (where the pack holds it)."""
    items = review.extraction.agenda_items
    if not items:
        return ""
    documents = review.extraction.documents
    rows = []
    for item in items:
        printed = item.pages_printed.text if item.pages_printed else ""
        pointed = documents[item.document] if item.document is not None and item.document < len(documents) else None
        where = (f"{esc(document_name(pointed))}, {page_range(pointed.page_start, pointed.page_end)}"
                 if pointed else ("not in the pack" if printed else ""))
        rows.append(f'<tr><td class="num">{esc(item.number)}</td><th scope="row">{esc(item.title)}</th>'
                    f"<td>{esc(printed)}</td><td>{where}</td></tr>")
    return (
        "<table>\n<caption>Agenda items</caption>\n"
        '<thead><tr><th scope="col">No.</th><th scope="col">Item</th><th scope="col">Pages printed</th>'
        '<th scope="col">Document in the pack</th></tr></thead>\n'
        f"<tbody>{''.join(rows)}</tbody>\n</table>"
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
    return (f'<section id="findings" aria-labelledby="findings-h">\n<h2 id="findings-h">Findings</h2>\n'
            f"{body}\n</section>")


def _finding(review: Review, view: FindingView) -> str:
    finding = view.finding
    anchor = f"finding-{view.number}"
    facts = [("Subject", esc(finding.subject)), ("Check", f"<code>{esc(finding.check)}</code>"),
             ("Severity", esc(finding.severity))]
    kind = finding.evidence[0].kind if finding.evidence else None
    for label, value in (("Expected", finding.expected), ("Found", finding.found),
                         ("Difference", finding.difference), ("Tolerance", finding.tolerance)):
        if value is not None:
            facts.append((label, esc(amount_text(value, kind, signed=label == "Difference"))))
    fact_items = "".join(f"<div><dt>{label}</dt><dd>{value}</dd></div>" for label, value in facts)
    return (
        f'<article class="finding" id="{anchor}" aria-labelledby="{anchor}-h">\n'
        f'<h3 id="{anchor}-h">{view.number}. {severity_badge(finding.severity)} {esc(finding.subject)}'
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
    figures = [crop_figure(review, crop, _finding_alt(view, crop)) for crop in view.crops]
    for page, reason in sorted(view.unshown.items()):
        figures.append(f'<p class="alert">The evidence cites page {page}, which cannot be shown: {esc(reason)}.</p>')
    return "\n".join(figures)


def _finding_alt(view: FindingView, crop: Crop) -> str:
    finding = view.finding
    return (f"Finding {view.number}, {finding.subject} ({finding.check}): page {crop.page} of the pack, with "
            f"{mark_list(crop.marks)} outlined and numbered.")


# ---------------------------------------------------------------- cards and Appendix B tables

# ---------------------------------------------------------------- where each figure was printed

def _footer(review: Review) -> str:
    return (f"<footer><p>Made by agenda-extract {esc(review.extraction.tool_version)} from "
            f"<code>{esc(review.pdf_name)}</code>; page crops rendered with pdfplumber at {RESOLUTION} dpi. "
            "Figures are shown as printed; amounts in the findings are in pounds or FTE.</p></footer>")


# ---------------------------------------------------------------- small formatting helpers

def _owned(review: Review, figure: Figure) -> bool:
    return figure_key(figure) in review.owned


def _place(review: Review, figure: Figure) -> str:
    document = review.document_at(figure.page)
    name = (document.label or document.title) if document else "the pack"
    section = f" paragraph {figure.section}" if figure.section else ""
    return f"{name}{section} (page {figure.page})"
