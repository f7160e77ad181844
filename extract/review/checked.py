"""The review page's account of what the consistency pass checked: one line of counts
for the summary, and every relation it evaluated, whatever the outcome, in a table.

Every value from the extraction goes through `escape` (quotes included), as in render.py."""
from __future__ import annotations

from html import escape

from extract.checks import tally_line
from extract.checks.relation import fmt, unit_of
from extract.models import Relation
from extract.review.model import Review

OUTCOME_WORDS = {"agrees": "agrees", "within_rounding": "within rounding", "disagrees": "disagrees",
                 "unsure": "unsure"}


def tally_paragraph(review: Review) -> str:
    relations = review.extraction.relations
    if not relations:
        return "<p>No totals or other relations were checked in this pack.</p>"
    return f'<p><a href="#relations">{escape(tally_line(relations))}</a>.</p>'


def relations_section(review: Review) -> str:
    relations = review.extraction.relations
    heading = '<section id="relations" aria-labelledby="relations-h">\n<h2 id="relations-h">Relations checked</h2>\n'
    if not relations:
        return heading + "<p>The consistency pass evaluated no relation in this pack.</p>\n</section>"
    rows = "\n".join(_row(review, r) for r in relations)
    return (
        heading
        + f"<p>{escape(tally_line(relations))}. Every relation the consistency pass evaluated, in the order it "
        "checked them; those that do not agree exactly link to their finding.</p>\n"
        "<table>\n<caption>Relations between printed figures</caption>\n<thead><tr>"
        '<th scope="col">Check</th><th scope="col">Subject</th><th scope="col">Printed figures</th>'
        '<th scope="col">Expected</th><th scope="col">Found</th><th scope="col">Difference</th>'
        '<th scope="col">Tolerance</th><th scope="col">Outcome</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</section>"
    )


def _row(review: Review, relation: Relation) -> str:
    unit = unit_of(relation.evidence[-1]) if relation.evidence else "GBP"
    outcome = escape(OUTCOME_WORDS[relation.outcome])
    number = review.finding_number.get(relation.finding) if relation.finding is not None else None
    if number is not None:
        outcome = f'<a href="#finding-{number}">{outcome} (finding {number})</a>'
    if relation.reason:  # why the reading is in doubt, or the cell two relations point at
        outcome += f"<br><small>{escape(relation.reason)}</small>"
    cells = [
        f"<td><code>{escape(relation.check)}</code></td>",
        f'<th scope="row">{escape(relation.subject)}</th>',
        f"<td>{escape(relation.expression)}</td>",
        f'<td class="num">{escape(fmt(relation.expected, unit))}</td>',
        f'<td class="num">{escape(fmt(relation.found, unit))}</td>',
        f'<td class="num">{escape(fmt(relation.difference, unit, signed=True))}</td>',
        f'<td class="num">{escape(fmt(relation.tolerance, unit))}</td>',
        f"<td>{outcome}</td>",
    ]
    return f"<tr>{''.join(cells)}</tr>"
