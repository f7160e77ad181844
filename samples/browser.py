"""Render a ``content.PackContent`` as HTML and print it to PDF with a web browser.

A browser-printed pack is a different animal from a Word- or reportlab-printed one:
Chromium shows one glyph per text operator, embeds subset serif fonts and prints borderless
tables as plain positioned text. bench/bench_speed.py times the tool on such a pack.

    python3 samples/browser.py OUT.pdf [--html OUT.html]

The HTML follows samples/render.py's order (cover, report, Appendix A cards with their
staffing and budget blocks, Appendix B tables) with no grid lines. Printing needs Debian's
`chromium` (or $CHROMIUM); the PDF is not committed, only this generator.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from html import escape
from itertools import zip_longest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from content import (  # noqa: E402
    PACK,
    FinancialImpactTable,
    PackContent,
    ReportHeading,
)

STYLE = """
@page { size: A4; margin: 2cm; }
body { font-family: 'DejaVu Serif', 'Liberation Serif', serif; font-size: 10.5pt; line-height: 1.25; }
h1 { font-size: 14pt; } h2 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; }
td, th { vertical-align: top; text-align: left; padding: 2px 6px; border: none; }
td.n, th.n { text-align: right; }
.card { margin-bottom: 1.5em; } .label { font-weight: bold; width: 28%; }
.right { text-align: right; } .break { break-after: page; }
"""


def cell(text: str, tag: str = "td", cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<{tag}{attr}>{escape(text)}</{tag}>"


def rows(table: list[list[str]], numeric_from: int = 99, bold: frozenset[int] = frozenset()) -> str:
    """A borderless table; rows numbered in `bold` set in bold (as the Word pack prints them)."""
    body = "".join(
        ('<tr style="font-weight: bold">' if n in bold else "<tr>")
        + "".join(cell(c, cls="n" if i >= numeric_from else "") for i, c in enumerate(r)) + "</tr>"
        for n, r in enumerate(table)
    )
    return f"<table>{body}</table>"


def cover(pack: PackContent) -> list[str]:
    c = pack.cover
    out = [f'<p class="right">{escape(c.pack_label)}</p>', f"<h1>{escape(c.committee)}</h1>",
           f"<p><b>{escape(c.time_and_date_label)}</b><br>{escape(c.time_and_date)}</p>",
           f"<p><b>{escape(c.place_label)}</b><br>{escape(c.place)}</p>", f"<h2>{escape(c.public_business_label)}</h2>"]
    for item in c.items:
        out.append(f"<p>{escape(item.number)} <b>{escape(item.title)}</b> {escape(item.pages)}</p>")
        out += [f"<p>{escape(n)}</p>" for n in item.notes]
    out += [f"<h2>{escape(c.private_business_label)}</h2>", f"<p>{escape(c.private_business)}</p>"]
    out += [f"<p>{escape(s)}</p>" for s in c.signoff + c.notes + c.membership]
    return out + ['<div class="break"></div>']


def report(pack: PackContent) -> list[str]:
    r = pack.report
    out = [f'<p class="right"><b>{escape(r.agenda_item)}</b></p>']
    out += [f'<p class="right">{escape(k)}</p>' for k in r.report_kind]
    out.append(rows([list(m) for m in r.meetings]))
    for label, value in r.front_matter:
        out.append(f"<p><b>{escape(label)}</b><br>{escape(value)}</p>")
    out.append(f"<p><b>{escape(r.summary_heading)}</b></p>")
    out += [f"<p>{escape(p)}</p>" for p in r.summary]
    out += ['<div class="break"></div>', f"<h1>{escape(r.title)}</h1>"]
    for item in r.body:
        if isinstance(item, FinancialImpactTable):
            table = [[item.title], ["", *item.periods], ["", *item.units]]
            heading_rows = len(table)
            table += [[row.label, *row.values] for row in item.rows]
            bold = frozenset(heading_rows + n for n, row in enumerate(item.rows) if row.bold)
            out.append(rows(table, numeric_from=1, bold=bold))
            out += [f"<p><small>{escape(n)}</small></p>" for n in item.footnotes]
        elif isinstance(item, ReportHeading):
            out.append(f"<p><b>{escape(item.number)} {escape(item.text)}</b></p>")
        else:
            out.append(f"<p>{escape(item.number)} {escape(item.text)}</p>")
            if item.bullets:
                out.append("<ul>" + "".join(f"<li>{escape(b)}</li>" for b in item.bullets) + "</ul>")
    return out + ['<div class="break"></div>']


def appendix_a(pack: PackContent) -> list[str]:
    a = pack.appendix_a
    out = [f"<h1>{escape(a.heading)}</h1>", f"<p>{escape(a.intro)}</p>"]
    for category in a.categories:
        out.append(f"<p><b>{escape(category.heading)}</b></p><ul>"
                   + "".join(f"<li>{escape(i)}</li>" for i in category.items) + "</ul>")
    for card in a.cards:
        out.append(f'<div class="card"><h2>{escape(card.title)}</h2><table>')
        for section in card.sections:
            for i, text in enumerate(section.paragraphs):
                out.append("<tr>" + cell(section.label if i == 0 else "", cls="label") + cell(text) + "</tr>")
        out.append("</table>")
        for block in (card.staffing, card.budget):
            out.append(rows([list(block.header), *map(list, zip_longest(block.left, block.right, fillvalue=""))]))
        out.append("</div>")
    summary = a.staff_summary
    out += [f"<p>{escape(summary.intro)}</p>", rows([list(summary.header), *map(list, summary.rows)], numeric_from=1),
            f"<p>{escape(summary.note)}</p>", '<div class="break"></div>']
    return out


def appendix_b(pack: PackContent) -> list[str]:
    b = pack.appendix_b
    out = [f"<h1>{escape(b.heading)}</h1>"]
    for service in b.feedback:
        table = [[service.number, service.service, ""]]
        for fb in service.rows:
            table += [[fb.number if i == 0 else "", fb.label if i == 0 else "", text]
                      for i, text in enumerate(fb.paragraphs)]
        out.append(rows(table))
    out.append(f"<h1>{escape(b.financial_heading)}</h1>")
    for table in b.tables:
        staff, *money = table.columns
        grid = [[table.title, "", "", ""], [staff.lines[0] if staff.lines else "", *(c.header for c in money)]]
        grid += [list(r) for r in zip_longest(staff.lines[1:], *(c.lines for c in money), fillvalue="")]
        out.append(rows(grid))
    return out


def pack_html(pack: PackContent = PACK, font: str | None = None, justify: bool = False) -> str:
    """The pack as HTML; `font` in place of DejaVu Serif, `justify` its paragraphs (a justified
    line's spaces stretched, as many councils print reports)."""
    body = cover(pack) + report(pack) + appendix_a(pack) + appendix_b(pack)
    style = STYLE if font is None else STYLE.replace("'DejaVu Serif', 'Liberation Serif', serif", f"'{font}', serif")
    style += "p { text-align: justify; }" if justify else ""
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(pack.cover.committee)}</title>"
            f"<style>{style}</style></head><body>{''.join(body)}</body></html>")


def chromium() -> str | None:
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


def print_pdf(html: str, target: Path) -> None:
    """Print HTML to PDF as Debian's chromium does (headless, no header or footer)."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("no chromium on PATH (set $CHROMIUM)")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "pack.html"
        page.write_text(html, encoding="utf-8")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={Path(target).resolve()}", str(page)],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--html", type=Path, help="also keep the HTML here")
    args = parser.parse_args()
    html = pack_html()
    if args.html:
        args.html.write_text(html, encoding="utf-8")
    print_pdf(html, args.pdf)


if __name__ == "__main__":
    main()
