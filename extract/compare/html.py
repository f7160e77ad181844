"""The page of a comparison: each change with a crop of the old page and one of the new, side
by side, the figures outlined and numbered as on the review page (its crops, styles and
escaping). Self-contained: images embedded, no script, nothing fetched."""
from __future__ import annotations

from pathlib import Path

from extract.compare.changes import summary_line
from extract.compare.model import Change, Comparison
from extract.models import Extraction, Figure
from extract.review.crops import Crop, CropRequest, Mark, render_crops
from extract.review.html import amount_text, esc
from extract.review.render import CSS

MAX_MARKS = 24  # a row, column or table added: its first figures on its first page show where it is

EXTRA_CSS = """
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.2rem; }
@media (max-width: 48rem) { .sides { grid-template-columns: 1fr; } }
.change { border-top: 1px solid var(--rule); padding-top: 0.3rem; margin-top: 1.2rem; }
.absent { color: #555; font-style: italic; }
"""


def compare_html(comparison: Comparison, old: Extraction, new: Extraction,
                 old_pdf: Path | None, new_pdf: Path | None) -> str:
    requests: dict[str, list[CropRequest]] = {"old": [], "new": []}
    for n, change in enumerate(comparison.changes, start=1):
        for side in ("old", "new"):
            marks = side_marks(change, side)
            if marks:
                requests[side].append(CropRequest(f"c{n}-{side}", marks[0].figure.page, marks))
    crops = {side: (render_crops(pdf, requests[side]).crops if pdf is not None else {})
             for side, pdf in (("old", old_pdf), ("new", new_pdf))}
    body = [f'<section class="change" id="c{n}">{change_html(n, change, crops, new)}</section>'
            for n, change in enumerate(comparison.changes, start=1)]
    title = f"Changes from {comparison.old.file} to {comparison.new.file}"
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" "
        "content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}{EXTRA_CSS}</style>\n</head>\n<body>\n"
        f"<header><h1>{esc(title)}</h1>\n"
        f"<p class=\"lede\">Old: {esc(comparison.old.file)} ({comparison.old.pages} pages, sha256 "
        f"<code>{esc(comparison.old.sha256[:12])}</code>) · New: {esc(comparison.new.file)} "
        f"({comparison.new.pages} pages, sha256 <code>{esc(comparison.new.sha256[:12])}</code>)</p>\n"
        f"<p>{esc(summary_line(comparison))}.</p></header>\n<main>\n<h2>Changes</h2>\n"
        + ("\n".join(body) if body else "<p>No figure changed.</p>")
        + "\n</main>\n</body>\n</html>\n"
    )


def side_marks(change: Change, side: str) -> tuple[Mark, ...]:
    """The figures to outline on one side: the figure itself, or a structure's first figures."""
    figure = change.old if side == "old" else change.new
    if figure is not None:
        return (Mark(1, figure, side),)
    in_side = (change.kind == "added") == (side == "new")
    if not change.figures or not in_side:
        return ()
    first_page = [f for f in change.figures if f.page == change.figures[0].page][:MAX_MARKS]
    return tuple(Mark(n, f) for n, f in enumerate(first_page, start=1))


def headline(change: Change) -> str:
    where = [w for w in (change.document, change.table, change.card,
                         f"paragraph {change.section}" if change.section and not change.table else None,
                         change.row, change.column, change.role) if w]
    what = {"figure": "figure"}.get(change.scope, change.scope.replace("_", " "))
    if change.kind == "changed" and change.old is not None and change.new is not None:
        text = f"{change.old.text} → {change.new.text}"
        if change.difference is not None:
            text += f" ({amount_text(change.difference, change.new.kind, signed=True)})"
    else:
        text = f"{what} {change.kind}"
    return f"{' · '.join(where)}: {text}" if where else text


def change_html(n: int, change: Change, crops: dict[str, dict[str, list[Crop]]], new: Extraction) -> str:
    parts = [f"<h3>{n}. {esc(headline(change))}</h3>"]
    for index in change.findings:
        finding = new.findings[index]
        parts.append(f'<p class="message"><span class="badge {esc(finding.severity)}">'
                     f"{esc(finding.severity.capitalize())}</span> finding {index} in the new version: "
                     f"{esc(finding.message)}</p>")
    sides = []
    for side, label in (("old", "Old"), ("new", "New")):
        shown = crops[side].get(f"c{n}-{side}", [])
        figure = change.old if side == "old" else change.new
        inner = "".join(crop_html(crop, f"{label} version, page {crop.page}") for crop in shown)
        if not inner:
            inner = f'<p class="absent">{absent_reason(change, side, figure)}</p>'
        sides.append(f"<div><h4>{label}</h4>{inner}</div>")
    parts.append(f'<div class="sides">{"".join(sides)}</div>')
    return "\n".join(parts)


def absent_reason(change: Change, side: str, figure: Figure | None) -> str:
    if figure is None and not ((change.kind == "added") == (side == "new") and change.figures):
        return "Not in this version."
    shown = figure or change.figures[0]
    return f"Page {shown.page} (no PDF to show: the version was given as JSON)."


def crop_html(crop: Crop, alt: str) -> str:
    legend = "".join(f'<li value="{m.number}"><span class="printed">{esc(m.figure.text)}</span></li>'
                     for m in crop.marks)
    return (f'<figure class="crop" id="{esc(crop.id)}">\n'
            f'<img src="{crop.src}" width="{crop.width}" height="{crop.height}" alt="{esc(alt)}">\n'
            f"<figcaption><strong>Page {crop.page}</strong>\n<ol class=\"legend\">{legend}</ol></figcaption>\n"
            "</figure>")
