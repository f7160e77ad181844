"""Changed-total recall on real papers: is a printed total that no longer adds up found?

    python3 bench/tamper_totals.py [FOLDER_OR_PDF ...]     # default: ../shared/councils ../shared/real/kent
    python3 bench/tamper_totals.py --generated             # generated tables of each relation kind

For each paper, the pipeline runs once as usual. Then, for every printed total of a numeric
table that a relation found to agree, the words pdfplumber read are changed where that total
is printed (before any structure is read, so the whole reader runs again: rows, columns,
labels, units), the tables of that stretch of pages are read again from the changed words
(`pipeline.pages_to_structures`, the seam), and the checks run on the paper with them.
Two changes per total:

    digit   the last printed digit + 1 ('14,633' → '14,634', '(1,234)' → '(1,235)')
    tenth   the amount + 10%, printed the same way ('14,633' → '16,096')

Each change is counted as (overall, and by the kind of relation the total closes: a total row,
a named total — a total row whose label names no total, known by its arithmetic and place —, a
roll-forward, a total column, a cross-foot, a bank reconciliation, a balance, the annual
return's boxes, an opening balance …)
    found      a disagreement (finding at warning or above) names that table, row and column
    over       no finding names it, but a new disagreement rests on it: a relation the changed
               figure is a part of (the column total over a changed row's amount, whose own
               cross-foot the change made unreadable) — the copy is caught, the cell not named
    rounding   only a within-rounding note names it (a difference the rounding policy allows)
    missed     nothing names it, and no new alarm rests on it
The caught rate counts found and over; each line prints both. And separately any new
finding at warning or above that neither names the changed total nor rests on it
('elsewhere': the reader read the table otherwise because of the change).
Untouched, re-reading the stretch must give the same tables as the run (checked: 'seam').
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.checks import with_checks  # noqa: E402
from extract.checks.totals import is_total_label  # noqa: E402
from extract.errors import PackError  # noqa: E402
from extract.models import Extraction, Figure, Finding, NumericTable, Relation  # noqa: E402
from extract.pipeline import Numbering, consecutive_stretches, extract_pack, pages_to_structures  # noqa: E402
from extract.read.text import PageText, Row, Word  # noqa: E402

SHARED = Path(os.environ.get("AGENDA_EXTRACT_SHARED", ROOT.parent / "shared"))
FOLDERS = [SHARED / "councils", SHARED / "real" / "kent"]
VARIANTS = ("digit", "tenth")
OUTCOMES = ("found", "over", "rounding", "missed")
ALARM = ("warning", "error")

# A printed amount: sign or bracket, '£', digits with thousands commas and decimals, a suffix.
AMOUNT = re.compile(r"^(?P<head>[(£\-–−+]*)(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<tail>.*)$")


def changed_text(text: str, variant: str) -> str | None:
    """The printed amount changed as the variant says, in the same form; None when the word
    is not an amount that can be changed so (a nil mark, a zero under +10%)."""
    match = AMOUNT.match(text)
    if match is None:
        return None
    digits = match["digits"]
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = Decimal(digits.replace(",", ""))
    step = Decimal(1).scaleb(-decimals)
    if variant == "digit":
        changed = value + step
    else:
        changed = (value * Decimal("1.1")).quantize(step, rounding=ROUND_HALF_UP)
        if changed == value:
            return None
    grouped = "," in digits or value < 1000 <= changed  # a number grown past 999 takes its comma
    body = f"{changed:,.{decimals}f}" if grouped else f"{changed:.{decimals}f}"
    return f"{match['head']}{body}{match['tail']}"


@dataclass
class Tally:
    totals: int = 0
    outcomes: Counter = field(default_factory=Counter)  # (variant, one of OUTCOMES)
    by_kind: Counter = field(default_factory=Counter)  # (relation kind, variant, one of OUTCOMES)
    elsewhere: Counter = field(default_factory=Counter)  # variant → changes that raised another alarm
    seam_differs: int = 0
    tables: int = 0
    relations: Counter = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.totals += other.totals
        self.outcomes.update(other.outcomes)
        self.by_kind.update(other.by_kind)
        self.elsewhere.update(other.elsewhere)
        self.seam_differs += other.seam_differs
        self.tables += other.tables
        self.relations.update(other.relations)
        self.missed += other.missed


@dataclass(frozen=True)
class Total:
    """A printed total that agreed: its figure and the subjects of the relations it closes."""

    figure: Figure
    table: str
    subjects: frozenset[str]
    kind: str = "table.total_row"  # the relation it closes (the first, where it closes several)


def agreeing_totals(extraction: Extraction) -> list[Total]:
    tables = {t.id for t in extraction.tables}
    by_place: dict[tuple, tuple[Figure, str, set[str], str]] = {}
    for relation in extraction.relations:
        if relation.structure not in tables or relation.outcome != "agrees" or relation.reason:
            continue  # a total that agrees only under a reading in doubt: a change to it cannot be proven
        stated = [f for f in relation.evidence if f.value == relation.found]
        if not stated or not stated[-1].value:
            continue  # a zero total adds up whatever rows are read: no change tells
        figure = stated[-1]
        key = (figure.page, figure.bbox)
        by_place.setdefault(key, (figure, relation.structure, set(), _kind(relation)))[2].add(relation.subject)
    return [Total(f, table, frozenset(s), kind) for f, table, s, kind in by_place.values()]


def _kind(relation: Relation) -> str:
    """The relation's check; a total row whose label names no total ('Net Surplus for the year',
    'Debtors and Prepayments': a total known by its arithmetic and its place) is a named total."""
    if relation.check == "table.total_row" and relation.row is not None and not is_total_label(relation.row):
        return "table.named_total"
    return relation.check


def tamper(pages: Sequence[PageText], figure: Figure, variant: str) -> list[PageText] | None:
    """The pages with the word that prints the figure changed; None when no word is found."""
    edited: list[PageText] = []
    done = False
    for page in pages:
        if page.number != figure.page or done:
            edited.append(page)
            continue
        rows = []
        for row in page.rows:
            words = list(row.words)
            for n, word in enumerate(words):
                if not done and _inside(word, figure.bbox) and any(ch.isdigit() for ch in word.text):
                    text = changed_text(word.text, variant)
                    if text is None:
                        return None
                    words[n] = _reprinted(word, text)
                    done = True
            rows.append(Row(page=row.page, words=tuple(words)) if done and row.words != tuple(words) else row)
        edited.append(replace(page, rows=rows))
    return edited if done else None


def _inside(word: Word, bbox: Sequence[float]) -> bool:
    x0, top, x1, bottom = bbox
    return word.x0 >= x0 - 0.5 and word.x1 <= x1 + 0.5 and word.top >= top - 0.5 and word.bottom <= bottom + 0.5


def _reprinted(word: Word, text: str) -> Word:
    """The word printed with other characters over the same extent, right-aligned as a
    number is in its column: a longer number grows to the left."""
    width = (word.x1 - word.x0) / len(word.text)
    x1, top, bottom = word.x1, word.top, word.bottom
    boxes = tuple((x1 - (len(text) - i) * width, top, x1 - (len(text) - i - 1) * width, bottom)
                  for i in range(len(text)))
    return Word(text=text, page=word.page, boxes=boxes, size=word.size, bold=word.bold)


def careful_stretches(pdf: Path) -> list[list[int]]:
    """The stretches of pages pdfplumber reads for structures, as extract_pack chooses them."""
    from extract.pack.triage import structure_pages
    from extract.pipeline import blank, untrusted_pages
    from extract.read.ocr import open_pack

    with open_pack(pdf) as (_, document, lines):
        untrusted = untrusted_pages(document, lines)
        lines = [blank(page) if page.number in untrusted else page for page in lines]
        return consecutive_stretches(sorted(structure_pages(lines)))


def _alarms(findings: Sequence[Finding]) -> set[tuple[str, str]]:
    return {(f.check, f.subject) for f in findings if f.severity in ALARM}


def paper(pdf: Path, variants: Sequence[str] = VARIANTS) -> Tally:
    from extract.read.plumber import read_pages

    tally = Tally()
    try:
        base = extract_pack(pdf)
    except PackError:
        return tally
    tally.tables = len(base.tables)
    tally.relations.update(r.outcome for r in base.relations if r.structure in {t.id for t in base.tables})
    totals = agreeing_totals(base)
    tally.totals = len(totals)
    if not totals:
        return tally
    before = _alarms(base.findings)
    for stretch in careful_stretches(pdf):
        inside = [t for t in totals if t.figure.page in stretch]
        if not inside:
            continue
        pages = list(read_pages(pdf, stretch))
        numbering = Numbering(numeric_table=1 + sum(t.page < stretch[0] for t in base.tables))
        others = [t for t in base.tables if t.page not in stretch]
        again = pages_to_structures(pages, numbering).numeric_tables
        if [_as_read(t) for t in again] != [_as_read(t) for t in base.tables if t.page in stretch]:
            tally.seam_differs += 1
        for total in inside:
            for variant in variants:
                edited = tamper(pages, total.figure, variant)
                if edited is None:
                    continue
                tables = pages_to_structures(edited, numbering).numeric_tables
                checked = with_checks(base.model_copy(update={"tables": _in_order(others, tables)}))
                outcome, elsewhere = judge(total, checked.findings, before)
                tally.outcomes[(variant, outcome)] += 1
                tally.by_kind[(total.kind, variant, outcome)] += 1
                tally.elsewhere[variant] += elsewhere
                if outcome == "missed" and variant == "tenth":
                    tally.missed.append(f"{pdf.name} p{total.figure.page} {total.figure.text!r}: "
                                        f"{sorted(total.subjects)[0]} [{total.kind}] {why(total, checked)}")
    return tally


def _as_read(table) -> dict:
    """A table as the reader gives it: without what the checks add (the relations that confirmed it)."""
    read = table.model_dump()
    read["reading"]["confirmed_by"] = []
    return read


def _in_order(others: Sequence[NumericTable], tables: Sequence[NumericTable]) -> list[NumericTable]:
    return sorted([*others, *tables], key=lambda t: t.page)


def judge(total: Total, findings: Sequence[Finding], before: set[tuple[str, str]]) -> tuple[str, bool]:
    """One of OUTCOMES for the changed total, and whether a new alarm was raised that does not
    rest on the changed figure (a grand total of a changed subtotal does, and is right to
    disagree: it is not 'elsewhere')."""
    naming = [f for f in findings if f.subject in total.subjects]
    new = [f for f in findings if f.severity in ALARM and f.subject not in total.subjects
           and (f.check, f.subject) not in before]
    others = [f for f in new if not _rests_on(f, total.figure)]
    if any(f.severity in ALARM for f in naming):
        return "found", bool(others)
    if len(new) > len(others):
        return "over", bool(others)
    if naming:
        return "rounding", bool(others)
    return "missed", bool(others)


def why(total: Total, checked: Extraction) -> str:
    """Why a changed total was missed: each relation of its subjects after the change, with its
    outcome and the reason it raised no alarm, or 'not evaluated' where none names it."""
    named = [r for r in checked.relations if r.subject in total.subjects]
    if not named:
        return "— not evaluated after the change"
    return "— " + "; ".join(f"{r.check} {r.outcome}" + (f" ({r.reason})" if r.reason else "") for r in named)


def _rests_on(finding: Finding, figure: Figure) -> bool:
    """The finding's evidence holds the changed figure (same page, same printed place)."""
    return any(e.page == figure.page and abs(e.bbox[1] - figure.bbox[1]) < 1 and abs(e.bbox[2] - figure.bbox[2]) < 1
               for e in finding.evidence)


def generated(variants: Sequence[str] = VARIANTS) -> Tally:
    """The same changes made to the cells of generated tables of each kind (bench/generated_tables.py):
    every agreeing total changed in the table's figures, and the checks run again."""
    from bench.generated_tables import TABLES
    from extract.models import Meeting, Source

    tally = Tally()
    for table in TABLES:
        base = with_checks(Extraction(tool_version="bench", source=Source(file="g.pdf", sha256="0" * 64, pages=1),
                                      meeting=Meeting(), tables=[table]))
        tally.tables += 1
        tally.relations.update(r.outcome for r in base.relations)
        totals = agreeing_totals(base)
        tally.totals += len(totals)
        before = _alarms(base.findings)
        for total in totals:
            for variant in variants:
                text = changed_text(total.figure.text, variant)
                if text is None:
                    continue
                changed = _with_cell(table, total.figure, text)
                checked = with_checks(base.model_copy(update={"tables": [changed]}))
                outcome, elsewhere = judge(total, checked.findings, before)
                tally.outcomes[(variant, outcome)] += 1
                tally.by_kind[(total.kind, variant, outcome)] += 1
                tally.elsewhere[variant] += elsewhere
                if outcome == "missed" and variant == "tenth":
                    tally.missed.append(f"{table.id} {total.figure.text!r}: {sorted(total.subjects)[0]} "
                                        f"[{total.kind}] {why(total, checked)}")
    return tally


def _with_cell(table: NumericTable, figure: Figure, text: str) -> NumericTable:
    """The table with the cell printing the figure printed as `text` (its value read the same way)."""
    digits = text.strip("()£").replace(",", "")
    value = float(digits) * (-1 if text.startswith("(") else 1)
    rows = [row.model_copy(update={"cells": [
        c.model_copy(update={"text": text, "value": value}) if c is not None and c.bbox == figure.bbox else c
        for c in row.cells]}) for row in table.rows]
    return table.model_copy(update={"rows": rows})


def papers(targets: Sequence[Path]) -> Iterator[tuple[str, Path]]:
    for target in targets:
        if target.is_dir():
            for pdf in sorted(target.rglob("*.pdf")):
                yield target.name, pdf
        else:
            yield target.parent.name, target


def report(folder: str, tally: Tally) -> str:
    relations = tally.relations
    lines = [f"{folder}: {tally.tables} tables, {sum(relations.values())} relations "
             f"({relations['agrees']} agree, {relations['within_rounding']} within rounding, "
             f"{relations['disagrees']} disagree); {tally.totals} agreeing totals changed"]
    for variant in VARIANTS:
        counts = {o: tally.outcomes[(variant, o)] for o in OUTCOMES}
        lines.append(f"  {variant:5s}: {_counted(counts)}; {tally.elsewhere[variant]} raised an alarm elsewhere")
    lines.append("  +10% by the kind of relation the total closes:")
    for kind in sorted({k for k, _, _ in tally.by_kind}):
        counts = {o: tally.by_kind[(kind, "tenth", o)] for o in OUTCOMES}
        if sum(counts.values()):
            lines.append(f"    {kind}: {_counted(counts)}")
    if tally.seam_differs:
        lines.append(f"  seam: {tally.seam_differs} stretch(es) read again differ from the run")
    return "\n".join(lines)


def _counted(counts: dict[str, int]) -> str:
    """'N changed: C caught (P%: F found naming it, O by a relation over it), R within rounding only, M missed'."""
    tried = sum(counts.values())
    caught = counts["found"] + counts["over"]
    share = f"{caught / tried:.0%}" if tried else "-"
    return (f"{tried} changed: {caught} caught ({share}: {counts['found']} found naming it, {counts['over']} by a "
            f"relation over it), {counts['rounding']} within rounding only, {counts['missed']} missed")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("targets", nargs="*", type=Path, default=FOLDERS)
    parser.add_argument("--missed", action="store_true",
                        help="list the +10%% changes that were missed, each with the relations of its line "
                             "after the change (outcome and reason) or 'not evaluated after the change'")
    parser.add_argument("--generated", action="store_true",
                        help="change the totals of generated tables of each relation kind instead of papers")
    args = parser.parse_args(argv)
    if args.generated:
        tally = generated()
        print(report("generated tables", tally))
        if args.missed:
            print("\n".join(f"    missed: {m}" for m in tally.missed))
        return 0
    folders: dict[str, Tally] = {}
    for folder, pdf in papers(args.targets):
        folders.setdefault(folder, Tally()).add(paper(pdf))
    for folder, tally in folders.items():
        print(report(folder, tally))
        if args.missed:
            print("\n".join(f"    missed: {m}" for m in tally.missed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
