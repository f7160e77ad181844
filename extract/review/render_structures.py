"""The review page's sections about structures: the service cards, Appendix B tables and
other tables with their figures linked to the crops that show them ("where printed")."""
from __future__ import annotations

from extract.models import Figure, NumericTable, Relation
from extract.review.html import NOT_FOUND, crop_figure, esc, html_table, mark_list, page_range, shown_text
from extract.review.model import OwnerView, Review, safe_id


def cards_section(review: Review) -> str:
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
        rows.append(_structure_row(review, card.id, card.service, page_range(card.page_start, card.page_end), cells))
    return heading + html_table(
        "Service cards: staffing and budget as printed. Each figure links to where it was printed.",
        columns, rows) + "\n</section>"


def tables_section(review: Review) -> str:
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
        rows.append(_structure_row(review, table.id, table.service, str(table.page), cells))
    return heading + html_table(
        "Appendix B: current budget and forecasts before and after consultation. "
        "Each figure links to where it was printed.",
        columns, rows) + "\n</section>"


def _structure_row(review: Review, owner_id: str, service: str, pages: str, figures) -> str:
    """A card's or an Appendix B table's row: its service (linked to where it is printed),
    its pages, its figures (each linked to its crop) and the findings about it."""
    return (f'<tr id="{safe_id(owner_id)}">'
            f'<th scope="row"><a href="#where-{safe_id(owner_id)}">{esc(service)}</a></th>'
            f'<td class="num">{pages}</td>'
            + "".join(_figure_cell(review, f) for f in figures)
            + f"<td>{finding_links(review.owners[owner_id])}</td></tr>")


def other_tables_section(review: Review) -> str:
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
        parts.append(f'<div id="{safe_id(table.id)}">' + html_table(
            f"{esc(table.title)}, page {table.page}; findings: {finding_links(review.owners[table.id])}",
            columns, rows, caption_html=True) + reading_note(table, review.extraction.relations) + "</div>")
    for posts in lists:
        counted = sum(p.count for p in posts.posts)
        parts.append(
            f'<div id="{safe_id(posts.id)}"><h3>{esc(posts.title)}, page {posts.page}</h3>\n'
            f"<p>{len(posts.posts)} lines listed, counting {counted} posts; stated total: "
            f"{_figure_link(review, posts.stated_total)}"
            f"; findings: {finding_links(review.owners[posts.id])}.</p></div>")
    return "\n".join(parts) + "\n</section>"


def reading_note(table: NumericTable, relations: list[Relation]) -> str:
    """The reading the tool took of a table, so a reader can see at a glance why it believes
    it: each column's unit and where that is printed, the unit lines taken as units, the
    labels joined from wrapped lines, the table above it was split from, and how its
    relations came out under this reading."""
    reading = table.reading
    units = "; ".join(
        f"{esc(heading or f'column {k + 1}')}: {esc(unit or 'no unit printed')}"
        + (f" (from the {esc(source)})" if source else "")
        for k, (heading, unit, source) in enumerate(
            zip(table.columns, table.column_units, reading.unit_sources or [None] * len(table.columns), strict=False)))
    items = [f"<li>Units: {units}.</li>"]
    if reading.unit_lines:
        items.append("<li>Unit lines read as units, not rows: "
                     + ", ".join(f"“{esc(t)}”" for t in reading.unit_lines) + ".</li>")
    if reading.wrapped_labels:
        items.append("<li>Labels joined from wrapped lines: " + ", ".join(
            f"“{esc(table.rows[w.row].label)}” ({w.lines} lines"
            + (", by the arithmetic: the row adds up the rows above its label" if w.chosen_by == "arithmetic" else "")
            + ")"
            for w in reading.wrapped_labels if w.row < len(table.rows)) + ".</li>")
    if reading.split_from:
        items.append(f'<li>Read under the headings of the table above it, <a href="#{safe_id(reading.split_from)}">'
                     f"{esc(reading.split_from)}</a>: split from it at an intermediate heading or a page break.</li>")
    if reading.unit_doubt:
        items.append(f"<li>Unit in doubt: {esc(reading.unit_doubt)}.</li>")
    outcomes = [r.outcome for r in relations if r.structure == table.id]
    if outcomes:
        counts = {o: outcomes.count(o) for o in ("agrees", "within_rounding", "disagrees")}
        items.append(f"<li>Relations under this reading: {counts['agrees']} agree, {counts['within_rounding']} "
                     f"within rounding, {counts['disagrees']} disagree.</li>")
    if reading.confirmed_by:
        items.append("<li>Confirmed by: " + ", ".join(esc(c) for c in reading.confirmed_by) + ".</li>")
    return f'<div class="reading"><p>Reading taken:</p><ul>{"".join(items)}</ul></div>'


def _figure_cell(review: Review, figure: Figure | None) -> str:
    return f'<td class="num">{_figure_link(review, figure)}</td>'


def _figure_link(review: Review, figure: Figure | None) -> str:
    """The figure as shown, linked to the crop where it was printed (when there is one)."""
    if figure is None:
        return NOT_FOUND
    shown = esc(shown_text(figure))
    target = review.crop_of(figure)
    title = f' title="printed as {esc(figure.text)} on page {figure.page}"'
    if target is None:
        return f"<span{title}>{shown}</span>"
    return f'<a href="#{esc(target)}"{title}>{shown}</a>'


def finding_links(owner: OwnerView) -> str:
    if not owner.findings:
        return '<span class="visually-hidden">none</span>'
    return ", ".join(f'<a href="#finding-{n}">{n}</a>' for n in sorted(set(owner.findings)))


def where_section(review: Review) -> str:
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
    findings = f"; findings {finding_links(view)}" if view.findings else ""
    figures = "\n".join(
        crop_figure(review, crop, f"{owner.title}, page {crop.page}: {mark_list(crop.marks)} outlined and numbered.")
        for crop in view.crops
    ) or "<p>The pages of these figures could not be shown from this PDF.</p>"
    return (
        f'<section class="where" id="{anchor}" aria-labelledby="{anchor}-h">\n'
        f'<h3 id="{anchor}-h">{esc(owner.title)}, {page_word} {esc(view.pages)}</h3>\n'
        f'<p><a href="#{safe_id(owner.id)}">Back to the table</a>{findings}.</p>\n{figures}\n</section>'
    )

