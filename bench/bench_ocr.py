"""What OCR costs and how well it reads.

    python bench/bench_ocr.py samples [--dpi 200 300] [--kind grey bw dither] [--pages 13-37] [--keep DIR]
        Scan the 2017 pack's Appendix A and B pages (samples/scan.py: grey, 1-bit black and
        white, 1-bit dithered), read the scans with
        --ocr auto, and count the card and Appendix B figures that come out exactly as
        printed (against samples/content.py, the independent transcription), with the printed
        value, with a wrong value or missing; every figure of the scanned pages against the
        born-digital run (exact, wrong value or kind, missing); the findings kept, and the
        seconds per OCR'd page. --keep DIR keeps the scans and each output (.json) there.
    python bench/bench_ocr.py limits [--pages 40] [--jobs 2] [--dpi 300] [--kind grey] [--keep DIR]
        A scanned pack of that many pages (the Appendix A and B scans, repeated), read by
        `agenda-extract run --ocr auto` under the default limits (--timeout and
        --ocr-page-timeout): whether it completes, in how long, the seconds per OCR'd page and
        the limit it was given.
    python bench/bench_ocr.py cost PDF [PDF ...] [--ocr auto|always]
        Seconds per page with and without OCR for each PDF, and the pages OCR read.
    python bench/bench_ocr.py unseen [PDF:PAGES ...] [--dpi 300] [--max-angle 1.5] [--keep DIR]
        Scan pages of born-digital papers other than the 2017 pack (by default one of each
        kind from ../shared: a Kent budget paper, a council budget sheet, a payments list,
        minutes), read the scans with --ocr auto and compare with the born-digital run of the
        same paper: each figure on a scanned page is exact (an OCR figure at its place with
        its value and kind), wrong (one there with another value) or missing; OCR figures
        where the page has none are counted as extra; findings the scan raises at warning or
        error that the born-digital paper does not are listed (none is the target).

Run from the repository root with PYTHONPATH=. (it uses the tests' helpers to read the
transcription as tests/test_extraction_cards.py does).
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "samples"))


def timed(pdf: Path, mode: str):
    from extract.pipeline import Options, extract_pack

    started = time.monotonic()
    extraction = extract_pack(pdf, Options(ocr=mode))  # type: ignore[arg-type]
    return extraction, time.monotonic() - started


def loose(text: str) -> str:
    """A figure's text without its spaces and with one dash: what OCR cannot tell apart
    ('9FTE' for '9 FTE', '—' for '–'), the value read the same."""
    return re.sub(r"\s+", "", re.sub(r"[–—−-]", "-", text))


def respelled(read: Counter, printed: Counter) -> int:
    """Figures read with their printed value but spaced or dashed differently."""
    return sum((Counter(loose(t) for t in read.elements()) & Counter(loose(t) for t in printed.elements())).values())


def valued(figures) -> tuple[Counter, int]:
    """The texts of the figures read with a value, and how many were read without one (OCR
    readings no two agreed on: kept as printed text, left out of every sum)."""
    figures = [f for f in figures if f]
    return Counter(f.text for f in figures if f.value is not None), sum(1 for f in figures if f.value is None)


def named(items, attribute: str, title: str, misses: list[str]):
    """The one card or table printed under `title`: as printed, else with other letter case
    (OCR cannot always tell 'I' from 'i' at 200 dpi: said in `misses`, its figures counted)."""
    from extract.read.flow import plain

    for same in (lambda a, b: a == b, lambda a, b: a.casefold() == b.casefold()):
        found = [i for i in items if same(plain(getattr(i, attribute)), plain(title))]
        if len(found) == 1:
            if plain(getattr(found[0], attribute)) != plain(title):
                misses.append(f"{title[:40]!r} found with its title read {getattr(found[0], attribute)[:40]!r}")
            return found[0]
    misses.append(f"{title[:40]!r} not found")
    return None


def exact_card_figures(extraction, pack) -> tuple[int, int, list[str], int, int]:
    """exact, printed, notes, read with the printed value but spaced or dashed differently,
    and wrong (read with a value that is not printed)."""
    from tests.test_extraction_cards import printed_figures

    exact = total = same_value = wrong_count = 0
    misses = []
    for expected in pack.cards:
        printed = printed_figures(expected.staffing.strings() + expected.budget.strings())
        total += sum(printed.values())
        card = named(extraction.service_cards, "service", expected.title, misses)
        if card is None:
            continue
        roles, unvalued = valued(f for _, f in card.figures())
        notes = " ".join(card.staffing.notes + card.budget.notes)
        good = roles & printed
        unplaced = printed - roles
        in_notes = sum(n for text, n in unplaced.items() if text in notes)
        exact += sum(good.values()) + in_notes
        wrong = roles - printed
        missing = printed - roles - Counter({t: n for t, n in unplaced.items() if t in notes})
        respelt = respelled(wrong, missing)
        same_value += respelt
        wrong_count += sum(wrong.values()) - respelt
        if wrong or sum(good.values()) + in_notes < sum(printed.values()):
            misses.append(f"card {expected.title[:30]!r}: read {dict(wrong)}; missing {dict(missing)}"
                          + (f"; {unvalued} read without a value" if unvalued else ""))
    return exact, total, misses, same_value, wrong_count


def exact_table_figures(extraction, pack) -> tuple[int, int, list[str], int]:
    """exact, printed, notes and wrong (read with a value that is not printed)."""
    from tests.test_extraction_cards import printed_figures

    exact = total = wrong_count = 0
    misses = []
    for expected in pack.financial_tables:
        columns = {
            "current": (expected.current_budget.header,) + expected.current_budget.lines,
            "pre": (expected.pre_consultation.header,) + expected.pre_consultation.lines,
            "post": (expected.post_consultation.header,) + expected.post_consultation.lines,
        }
        printed = {name: printed_figures(lines) for name, lines in columns.items()}
        total += sum(sum(c.values()) for c in printed.values())
        table = named(extraction.financial_tables, "service", expected.title, misses)
        if table is None:
            continue
        got = {
            "current": [table.current] + table.current_parts,
            "pre": [table.pre_consultation.cost, table.pre_consultation.saving] + table.pre_consultation.breakdown,
            "post": [table.post_consultation.cost, table.post_consultation.saving] + table.post_consultation.breakdown,
        }
        for name, figures in got.items():
            read, _ = valued(figures)
            exact += sum((read & printed[name]).values())
            wrong_count += sum((read - printed[name]).values()) - respelled(read - printed[name], printed[name] - read)
            if read != printed[name]:
                misses.append(f"table {expected.title[:30]!r} {name}: read {dict(read - printed[name])}; "
                              f"missing {dict(printed[name] - read)}")
    return exact, total, misses, wrong_count


def findings_of(extraction) -> Counter:
    return Counter((f.check, f.severity, f.subject) for f in extraction.findings)


def samples(args) -> None:
    import scan

    from tests.samples_content import PACK

    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-ocr-"))
    born, _ = timed(scan.PACK_2017, "never")
    for kind, dpi in [(kind, dpi) for kind in args.kind for dpi in args.dpi]:
        pdf = folder / f"coventry-2017-scanned-{dpi}dpi-{kind}.pdf"
        if not pdf.exists():  # a scan kept from an earlier run (--keep) is read again, not made again
            scan.scan_pack(scan.PACK_2017, pdf, dpi, args.pages, kind=kind)
        extraction, seconds = timed(pdf, "auto")
        if args.keep:  # the output beside its scan, to look into a miss without reading the scan again
            pdf.with_suffix(".json").write_text(extraction.model_dump_json(indent=1))
        ocr_pages = len(extraction.source.ocr_pages)
        cards = exact_card_figures(extraction, PACK)
        tables = exact_table_figures(extraction, PACK)
        before, after = findings_of(born), findings_of(extraction)
        arts = sorted(k[0] for k in after if "Performing Arts" in k[2])
        arts_born = sorted(k[0] for k in before if "Performing Arts" in k[2])
        confidences = [f.confidence for f in extraction.figures if f.source == "ocr" and f.confidence is not None]
        print(f"{kind} {dpi} dpi: {ocr_pages} pages OCR'd in {seconds:.0f} s ({seconds / max(ocr_pages, 1):.1f} s/page "
              f"including the rest of the pack)")
        right = cards[0] + cards[3]
        print(f"  cards: {len(extraction.service_cards)} found; figures exact {cards[0]}/{cards[1]} "
              f"(and {cards[3]} more with the value as printed, read with another space or dash); "
              f"wrong {cards[4]}, missing {max(cards[1] - right - cards[4], 0)}")
        print(f"  Appendix B: {len(extraction.financial_tables)} tables; figures exact {tables[0]}/{tables[1]}; "
              f"wrong {tables[3]}, missing {max(tables[1] - tables[0] - tables[3], 0)}")
        print(f"  Performing Arts findings: {arts} (born-digital: {arts_born})")
        print(f"  findings lost: {dict(before - after)}; new: {dict(after - before)}")
        if confidences:
            low = sum(1 for c in confidences if c < 80)
            print(f"  OCR figure confidence: min {min(confidences):.0f}, below 80: {low}/{len(confidences)}")
        counts, notes = compare_figures(born, extraction, set(args.pages))
        print(f"  every figure on the scanned pages against the born-digital run: exact {counts['exact']}, "
              f"wrong {counts['wrong']}, missing {counts['missing']}, extra {counts['extra']}")
        for miss in cards[2] + tables[2] + [n for n in notes if n.startswith("wrong")]:
            print(f"  - {miss}")
    print(f"scans in {folder}")


def cost(args) -> None:
    import scan

    from extract.errors import AgendaExtractError

    timed(scan.PACK_2017.parent / "coventry-2017-cabinet-minute.pdf", "never")  # load spaCy and friends first
    for pdf in args.pdfs:
        with_ocr, ocr_seconds = timed(Path(pdf), args.ocr)
        pages = max(with_ocr.source.pages, 1)
        ocr_pages = len(with_ocr.source.ocr_pages)
        try:
            _, plain_seconds = timed(Path(pdf), "never")
        except AgendaExtractError as exc:  # a scan: nothing to read without OCR
            print(f"{pdf}: {pages} pages; without OCR it fails ({exc.kind}); --ocr {args.ocr} {ocr_seconds:.2f} s; "
                  f"{ocr_pages} page(s) OCR'd" + (f", {ocr_seconds / ocr_pages:.1f} s per OCR'd page" if ocr_pages
                                                 else ""))
            continue
        extra = (ocr_seconds - plain_seconds) / ocr_pages if ocr_pages else 0.0
        print(f"{pdf}: {pages} pages; without OCR {plain_seconds:.2f} s; --ocr {args.ocr} {ocr_seconds:.2f} s; "
              f"{ocr_pages} page(s) OCR'd" + (f", {extra:.1f} s per OCR'd page" if ocr_pages else ""))


def scanned_pack(folder: Path, pages: int, dpi: int, kind: str) -> Path:
    """A pack of `pages` scanned pages only: the Appendix A and B scans, over and over."""
    import pypdfium2 as pdfium
    import scan

    target = folder / f"scanned-pack-{pages}p-{dpi}dpi-{kind}.pdf"
    if target.exists():
        return target
    scans = scan.scan_pack(scan.PACK_2017, folder / f"appendices-{dpi}dpi-{kind}.pdf", dpi, kind=kind)
    source = pdfium.PdfDocument(str(scans))
    pack = pdfium.PdfDocument.new()
    chosen = [n - 1 for n in scan.APPENDIX_PAGES]
    pack.import_pages(source, [chosen[i % len(chosen)] for i in range(pages)])
    pack.save(str(target))
    pack.close()
    source.close()
    return target


def limits(args) -> None:
    import subprocess

    from extract.batch.worker import Limits
    from extract.cli.common import DEFAULT_MAX_MEMORY_MB, DEFAULT_OCR_PAGE_SECONDS, DEFAULT_TIMEOUT

    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-ocr-limits-"))
    pdf = scanned_pack(folder, args.pages, args.dpi, args.kind)
    allowed = Limits(DEFAULT_TIMEOUT, DEFAULT_MAX_MEMORY_MB, DEFAULT_OCR_PAGE_SECONDS).allowed(args.pages)
    command = [sys.executable, "-m", "extract", "run", str(pdf), "--out", str(folder / "out"), "--ocr", "auto",
               "--jobs", str(args.jobs)]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    seconds = time.monotonic() - started
    print(f"{args.pages} scanned pages ({args.kind}, {args.dpi} dpi), --jobs {args.jobs}: exit {done.returncode} "
          f"in {seconds:.0f} s ({seconds / args.pages:.1f} s per page); the default limits allow {allowed:g} s")
    print("  " + (done.stderr.strip().splitlines() or ["(no message)"])[-1][:300])


SHARED = ROOT.parent / "shared"
UNSEEN = (  # papers whose scans the OCR work was not tuned on: one of each kind of page
    "real/kent/cabinet-2025-01-30/Draft Revenue Budget 2025-26 and 2025-28 MTFP and Draft Capital Programme "
    "2025-35.pdf:12,16",
    "real/kent/full_council-2025-03-13/Council Report Mid Year 24-25.pdf:7",
    "councils/north-hertfordshire/budget-2018-19-appendix-a-general-fund-estimates.pdf:1",
    "councils/sutton-coldfield-tc/Payments-over-250-2017-18-Q1.pdf:1",
    "councils/manordeilo-salem-cc/19-03-13.pdf:1",
)
PLACE_SLACK = 3.0  # points: an OCR figure at a printed figure's place has its centre within its box, widened


def at_place(figure, printed) -> bool:
    cx, cy = (figure.bbox[0] + figure.bbox[2]) / 2, (figure.bbox[1] + figure.bbox[3]) / 2
    x0, top, x1, bottom = printed.bbox
    return x0 - PLACE_SLACK <= cx <= x1 + PLACE_SLACK and top - PLACE_SLACK <= cy <= bottom + PLACE_SLACK


def compare_figures(born, scanned, pages) -> tuple[Counter, list[str]]:
    """exact / wrong / missing for each born-digital figure with a value on the scanned pages,
    and extra for OCR figures at no printed figure's place."""
    counts: Counter = Counter()
    notes = []
    printed = [f for f in born.figures if f.page in pages and f.value is not None]
    read = [f for f in scanned.figures if f.page in pages and f.source == "ocr" and f.value is not None]
    for figure in printed:
        there = [f for f in read if f.page == figure.page and at_place(f, figure)]
        if any(f.value == figure.value and f.kind == figure.kind for f in there):
            counts["exact"] += 1
        elif there:
            counts["wrong"] += 1
            notes.append(f"wrong p{figure.page}: {figure.text!r} ({figure.value:g} {figure.kind}) read as "
                         + ", ".join(f"{f.text!r} ({f.value:g} {f.kind})" for f in there))
        else:
            counts["missing"] += 1
            notes.append(f"missing p{figure.page}: {figure.text!r}")
    for figure in read:
        if not any(f.page == figure.page and at_place(figure, f) for f in printed):
            counts["extra"] += 1
            notes.append(f"extra p{figure.page}: {figure.text!r} ({figure.value:g} {figure.kind})")
    return counts, notes


def alarms(extraction) -> Counter:
    return Counter((f.check, f.severity, f.subject) for f in extraction.findings if f.severity != "info")


def unseen(args) -> None:
    import scan

    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-ocr-unseen-"))
    total: Counter = Counter()
    for spec in args.papers or UNSEEN:
        name, _, pages_text = spec.rpartition(":")
        source = Path(name) if Path(name).is_absolute() else SHARED / name
        pages = scan.page_range(pages_text)
        born, _ = timed(source, "never")
        pdf = scan.scan_pack(source, folder / f"{source.stem[:40]}-{args.dpi}dpi.pdf", args.dpi, pages, args.max_angle)
        scanned, seconds = timed(pdf, "auto")
        counts, notes = compare_figures(born, scanned, set(pages))
        total += counts
        raised = alarms(scanned) - alarms(born)
        printed = counts["exact"] + counts["wrong"] + counts["missing"]
        print(f"{source.name[:60]} pages {pages_text}: {printed} figures; exact {counts['exact']}, wrong "
              f"{counts['wrong']}, missing {counts['missing']}, extra {counts['extra']}; "
              f"new alarms {sum(raised.values())}; {seconds:.0f} s")
        for note in notes + [f"alarm: {k}" for k in raised]:
            print(f"  - {note}")
    printed = total["exact"] + total["wrong"] + total["missing"]
    print(f"all: {printed} figures; exact {total['exact']} ({total['exact'] / max(printed, 1):.0%}), wrong "
          f"{total['wrong']}, missing {total['missing']}, extra {total['extra']}; scans in {folder}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    one = commands.add_parser("samples")
    one.add_argument("--dpi", type=int, nargs="+", default=[200, 300])
    one.add_argument("--kind", nargs="+", choices=["grey", "bw", "dither"], default=["grey"])
    one.add_argument("--pages", default="13-37")
    one.add_argument("--keep", default=None, help="folder for the scans and their outputs (default: a new temp folder)")
    two = commands.add_parser("cost")
    two.add_argument("pdfs", nargs="+")
    two.add_argument("--ocr", choices=["auto", "always"], default="auto")
    four = commands.add_parser("limits")
    four.add_argument("--pages", type=int, default=40)
    four.add_argument("--jobs", type=int, default=2)
    four.add_argument("--dpi", type=int, default=300)
    four.add_argument("--kind", choices=["grey", "bw", "dither"], default="grey")
    four.add_argument("--keep", default=None)
    three = commands.add_parser("unseen")
    three.add_argument("papers", nargs="*", help="PDF:PAGES, a path absolute or under ../shared (default: UNSEEN)")
    three.add_argument("--dpi", type=int, default=300)
    three.add_argument("--max-angle", type=float, default=1.5)
    three.add_argument("--keep", default=None)
    args = parser.parse_args()
    if args.command == "samples":
        import scan

        args.pages = scan.page_range(args.pages)
        samples(args)
    elif args.command == "unseen":
        unseen(args)
    elif args.command == "limits":
        limits(args)
    else:
        cost(args)


if __name__ == "__main__":
    main()
