"""Small pieces of the review page's HTML shared by its sections: escaping (every value from
the extraction goes through `esc`), tables, amounts, dates, badges and cropped page images."""
from __future__ import annotations

import datetime
from collections.abc import Iterable
from html import escape

from extract.models import Figure
from extract.review.crops import Crop, Mark
from extract.review.model import Review

NOT_FOUND = '<span aria-hidden="true">—</span><span class="visually-hidden">not found</span>'


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def severity_badge(severity: str) -> str:
    return f'<span class="badge {esc(severity)}">{esc(severity.capitalize())}</span>'


def long_date(iso: str | None) -> str | None:
    if not iso:
        return None
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def page_range(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


def document_name(document) -> str:
    return f"{document.label}: {document.title}" if document.label else document.title


def amount_text(value: float, kind: str | None, signed: bool = False) -> str:
    """Finding amounts: pounds to the pound, FTE and counts to two decimals."""
    sign = ("+" if value > 0 else "−" if value < 0 else "") if signed else ("−" if value < 0 else "")
    size = abs(value)
    if kind == "money":
        return f"{sign}£{size:,.0f}"
    number = f"{round(size, 2):g}"
    if kind == "percent":  # a difference of percentages
        return f"{sign}{number} percentage points" if signed else f"{sign}{number}%"
    return f"{sign}{number} FTE" if kind == "fte" else f"{sign}{number}"


def shown_text(figure: Figure) -> str:
    """Money as printed (the reader matches it with the page); FTE and headcount as numbers,
    since their printed text may carry its label ('Headcount 25', 'FTE – 109.34')."""
    if figure.kind == "money" or figure.value is None:
        return figure.text
    number = f"{round(figure.value, 2):g}"
    return f"{number} FTE" if figure.kind == "fte" else number


def html_table(caption: str, columns: list[str], rows: list[str], caption_html: bool = False) -> str:
    head = "".join(f'<th scope="col">{esc(c)}</th>' for c in columns)
    caption = caption if caption_html else esc(caption)
    return (f"<table>\n<caption>{caption}</caption>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")


def mark_list(marks: Iterable[Mark]) -> str:
    items = [f"{m.number} {m.figure.text}" + (f" ({m.note})" if m.note else "") for m in marks]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def crop_figure(review: Review, crop: Crop, alt: str) -> str:
    document = review.document_at(crop.page)
    where = f" · {esc(document_name(document))}" if document else ""
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

