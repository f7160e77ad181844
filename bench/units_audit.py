"""Is every money figure of a numeric table in the unit its page prints for it?

    python3 bench/units_audit.py [FOLDER_OR_PDF ...] [--cache DIR] [--list N]
    # default: ../shared/real/kent ../shared/councils samples

The tool runs on each paper (no checks, no OCR). Then, for every numeric table, the unit
the PAGE prints for each of its columns is found again from the page's own words (read by
pdfplumber here, not by the table reader), without any of the reader's unit logic:

    cell      the cell prints its unit ('£1.5m', '£430.00'): the printed number times it
    column    the nearest unit word above the table set over the column, nearer it than any
              other of its columns ('£000' in a heading or a unit line under the headings;
              'FTE', '%', 'No.' make it no money)
    wide      else the nearest unit above the table set over none of its columns (the
              title's '(£m)', a page heading '£000'), or a statement of the unit wherever it
              stands ('All figures in £m')
              or one unit alone on a line over a group of the columns ('£m' centred over
              three), or in a title set partly over the columns ('Directorate budgets (£000)')
    beyond    else a unit printed further up the page, past another table's rows (a page
              heading over two tables, the part above a split table): taken only when every
              unit word between the page top and the table names that same unit
    cells     else the one scale the column's amounts print ('£430.00' over '315.00', a
              total '£823.00')
    page before  else, for a table opening its page, the last line of the page before
              stating the unit ('All figures in £m' closing it)
    row       a row whose label ends in its unit ('… investments £m', '(%)') has it, over
              any but a unit over its column

The search goes up no further than the top of the page or a line of prose over the
table's columns (a sentence, or more than a dozen words: the table's section ends there; its
own units still count; a text cell beside the amounts is no prose), unless the line above
that paragraph is a heading ending in its unit ('Prudential Indicator 2: … (£m)' over the
note that explains its table). A heading over the column, its lines read together
('Head / count'), that names no money ('FTE', '%', 'Head count', 'No.') makes the
column no money. Each money figure is then counted as
    in unit     its value is the printed number times the unit found
    not         its value is not (wrong scale), or it has no unit where the page prints one
    doubt       the page is ambiguous (units in conflict beyond another table), the printed
                text cannot be parsed, or the figure's words are not where its bbox says
    no unit     the page prints no unit for it (not audited)
and the disagreements are listed by paper and page with the line the unit was read from.
The tables whose own reading says their unit is in doubt (`reading.unit_doubt`) are counted.
Look at a page with `pdftoppm -png -r 80 -f P -l P paper.pdf out`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402

from bench.units_printed import (  # noqa: E402
    Found,
    Line,
    closing_statement,
    column_spans,
    column_unit,
    opens_page,
    page_lines,
    pounds_in_column,
    printed_number,
    row_labels,
    table_bottom,
    table_top,
)
from extract.errors import PackError  # noqa: E402
from extract.models import Extraction, Figure, NumericTable  # noqa: E402
from extract.pipeline import Options, extract_pack  # noqa: E402

SHARED = Path(os.environ.get("AGENDA_EXTRACT_SHARED", ROOT.parent / "shared"))
FOLDERS = [SHARED / "real" / "kent", SHARED / "councils", ROOT / "samples"]

@dataclass
class Verdict:
    paper: str
    page: int
    table: str
    column: str
    text: str
    value: float | None
    expected: float | None
    outcome: str  # in unit, not, doubt, no unit
    why: str


def words_at(lines: Sequence[Line], figure: Figure) -> bool:
    """The figure's printed text is where its bbox says (the audit reads the same page)."""
    x0, top, x1, bottom = figure.bbox
    near = "".join(w["text"] for ln in lines if ln.top < bottom + 2 and ln.bottom > top - 2
                   for w in ln.words if w["x1"] > x0 - 2 and w["x0"] < x1 + 2)
    return figure.text.replace(" ", "") in near.replace(" ", "") or near.replace(" ", "") in figure.text


def audit_figure(paper: str, table: NumericTable, column: int, figure: Figure, found: Found | None,
                 lines: Sequence[Line]) -> Verdict:
    heading = table.columns[column] if column < len(table.columns) else ""
    def verdict(outcome: str, expected: float | None, why: str) -> Verdict:
        return Verdict(paper, figure.page, table.id, heading, figure.text, figure.value, expected, outcome, why)
    printed = printed_number(figure.text)
    if printed is None:
        return verdict("doubt", None, "printed text not a number")
    number, own, _ = printed
    if not words_at(lines, figure):
        return verdict("doubt", None, "figure's words not at its bbox")
    if own is not None:  # the cell prints its unit
        expected = number * own
        return verdict("in unit" if _is(figure, expected) else "not", expected, "cell")
    if found is None:
        return verdict("no unit", None, "")
    if found.scale is None:
        return verdict("no money", None, found.line)
    if found.scale == -1.0:
        return verdict("doubt", None, found.line)
    expected = number * found.scale
    if figure.value is None:
        return verdict("doubt", expected, "value null")
    return verdict("in unit" if _is(figure, expected) else "not", expected, f"{found.how}: {found.line[:80]}")


def _is(figure: Figure, expected: float) -> bool:
    return figure.kind == "money" and figure.value is not None and \
        abs(figure.value - expected) <= 1e-6 * max(1.0, abs(expected))


def audit_paper(path: Path, extraction: Extraction) -> Iterator[Verdict]:
    by_page: dict[int, list[NumericTable]] = defaultdict(list)
    for table in extraction.tables:
        by_page[table.page].append(table)
    if not by_page:
        return
    with pdfplumber.open(path) as pdf:
        for page_number, tables in sorted(by_page.items()):
            yield from audit_page(path.name, pdf, page_number, tables, extraction.tables)


def audit_page(paper: str, pdf: pdfplumber.PDF, page_number: int, tables: Sequence[NumericTable],
               everything: Sequence[NumericTable]) -> Iterator[Verdict]:
    lines_of: dict[int, list[Line]] = {}

    def lines(n: int) -> list[Line]:
        if n not in lines_of:
            lines_of[n] = page_lines(pdf.pages[n - 1])
        return lines_of[n]
    for table in tables:
        top = table_top(table, page_number)
        if top is None:
            continue
        fences = [b for t in everything
                  if t is not table and (b := table_bottom(t, page_number)) is not None and b <= top]
        fence = max(fences, default=0.0)
        spans = column_spans(table, page_number)
        others = [s for t in everything if t is not table for s in column_spans(t, page_number).values()]
        page = lines(page_number)
        before = closing_statement(lines(page_number - 1)) if page_number > 1 and opens_page(page, top, spans) else None
        units = {c: column_unit(page, top, fence, span, list(spans.values()), others)
                 or pounds_in_column(page, top, table_bottom(table, page_number) or top, span) or before
                 for c, span in spans.items()}
        labels = row_labels(table, page_number, page, min(s[0] for s in spans.values()))
        for n, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                if cell is not None:
                    found = units.get(c)
                    if n in labels and (found is None or found.how != "column"):
                        found = labels[n]  # the row's label ends in its unit: over the table's
                    yield audit_figure(paper, table, c, cell, found, lines(cell.page))


def code_stamp() -> str:
    digest = hashlib.sha256()
    for source in sorted((ROOT / "extract").rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()[:12]


def extraction_of(path: Path, cache: Path | None, stamp: str) -> Extraction:
    key = None
    if cache is not None:
        key = cache / f"{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}-{stamp}.json"
        if key.exists():
            return Extraction.model_validate_json(key.read_text())
    extraction = extract_pack(path, Options(checks=False, ocr="never"))
    if key is not None:
        key.write_text(extraction.model_dump_json())
    return extraction


def pdfs(paths: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for p in paths:
        found += sorted(q for q in p.rglob("*") if q.suffix.lower() == ".pdf") if p.is_dir() else [p]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=FOLDERS)
    parser.add_argument("--cache", type=Path, help="keep each paper's extraction here (keyed by content and code)")
    parser.add_argument("--list", type=int, default=400, help="list at most this many disagreements")
    parser.add_argument("--json", type=Path, help="write every verdict not 'in unit' here")
    args = parser.parse_args(argv)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    stamp = code_stamp()
    counts: Counter = Counter()
    tables = said = 0
    listed: list[Verdict] = []
    unlisted: list[Verdict] = []  # no unit printed, no money: written with --json, not listed
    for path in pdfs(args.paths):
        try:
            extraction = extraction_of(path, args.cache, stamp)
        except PackError as error:
            print(f"skipped {path.name}: {error}", file=sys.stderr)
            continue
        verdicts = list(audit_paper(path, extraction))
        said += sum(1 for t in extraction.tables if t.reading.unit_doubt)
        tables += len({v.table for v in verdicts if v.outcome in ("in unit", "not", "doubt")})
        counts.update(v.outcome for v in verdicts)
        listed += [v for v in verdicts if v.outcome in ("not", "doubt")]
        unlisted += [v for v in verdicts if v.outcome in ("no unit", "no money")]
        print(f"{path.name}: " + ", ".join(f"{k} {n}" for k, n in sorted(Counter(v.outcome for v in verdicts).items())),
              file=sys.stderr)
    shown = 0
    for (paper, page), group in sorted(_grouped(listed).items()):
        print(f"\n{paper} p{page}")
        for v in group:
            if shown < args.list:
                print(f"  {v.outcome:5} {v.table[:40]:40} [{v.column[:24]}] {v.text!r} value={v.value} "
                      f"expected={v.expected} ({v.why})")
            shown += 1
    if args.json:
        args.json.write_text(json.dumps([v.__dict__ for v in [*listed, *unlisted]], indent=1))
    print(f"\ntables audited {tables}; figures in unit {counts['in unit']}, not in unit {counts['not']}, "
          f"in doubt {counts['doubt']}; no unit printed {counts['no unit']}, no money {counts['no money']}; "
          f"tables whose reading says their unit is in doubt {said}")
    return 0


def _grouped(verdicts: Sequence[Verdict]) -> dict[tuple[str, int], list[Verdict]]:
    groups: dict[tuple[str, int], list[Verdict]] = defaultdict(list)
    for v in verdicts:
        groups[(v.paper, v.page)].append(v)
    return groups


if __name__ == "__main__":
    raise SystemExit(main())
