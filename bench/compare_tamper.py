"""compare against copies of real papers with one printed figure changed: is exactly that
change reported, and nothing else?

    python3 bench/compare_tamper.py [--per-paper N] [--limit K] [FOLDER_OR_PDF ...]
        # default: ../shared/councils ../shared/real/kent

For each paper, up to N of its figures (spread through figures[]) are each reprinted in a
copy with their last digit changed (tests/reprint.py edits the page's content stream; a figure
whose digits are printed more than once in its page's content stream, or whose font lacks
the new digit, is passed over; digits drawn in a form XObject are not seen, so the figure
changed may be another printing of the same text on the page: the change expected is the
page, the old text and the new). The copy is read as `run` reads it and compared with the original. Each change is
    exact    one change: that figure, old and new text as printed
    extra    that change and others besides (false alarms)
    missed   that figure not reported as changed
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.compare.changes import compare  # noqa: E402
from extract.errors import PackError  # noqa: E402
from extract.models import Figure  # noqa: E402
from extract.pipeline import extract_pack  # noqa: E402
from tests.reprint import Edit, reprint  # noqa: E402

SHARED = Path(os.environ.get("AGENDA_EXTRACT_SHARED", ROOT.parent / "shared"))
FOLDERS = [SHARED / "councils", SHARED / "real" / "kent"]
DIGITS = re.compile(r"\d(?:[\d,.]*\d)?")


def changed_digits(printed: str, step: int) -> str:
    """The number with its last digit moved by `step` (mod 10), same length."""
    last = max(i for i, ch in enumerate(printed) if ch.isdigit())
    return printed[:last] + str((int(printed[last]) + step) % 10) + printed[last + 1:]


def candidates(figures: list[Figure], per_paper: int) -> list[Figure]:
    usable = [f for f in figures if f.value is not None and DIGITS.search(f.text)]
    if len(usable) <= per_paper * 4:
        return usable
    stride = len(usable) / (per_paper * 4)
    return [usable[int(k * stride)] for k in range(per_paper * 4)]


def try_one(pdf: Path, base, figure: Figure, folder: Path) -> tuple[str, str] | None:
    """(outcome, note), or None when the figure cannot be reprinted."""
    printed = DIGITS.findall(figure.text)[-1]
    copy = folder / "copy.pdf"
    for step in (1, 2, 3):
        new_digits = changed_digits(printed, step)
        try:
            reprint(pdf, copy, [Edit(figure.page, printed, new_digits, occurrence=None)])
        except ValueError:
            continue
        break
    else:
        return None
    try:
        result = compare(base, extract_pack(copy))
    except PackError as exc:
        return "missed", f"copy unreadable: {exc.reason}"
    new_text = figure.text[::-1].replace(printed[::-1], new_digits[::-1], 1)[::-1]
    # The figure's page, its text before and after (not its box: the digits may also be printed in a
    # form XObject the copy leaves alone, and then the one changed is the other printing).
    hits = [c for c in result.changes if c.kind == "changed" and c.old is not None and c.new is not None
            and c.old.page == figure.page and c.old.text == figure.text and c.new.text == new_text]
    others = [c for c in result.changes if c not in hits]
    if not hits:
        return "missed", f"{figure.text} -> {new_text} p{figure.page}: {len(others)} other changes"
    if others:
        listed = "; ".join(f"{c.kind} {c.scope} {c.row or c.section} {c.old and c.old.text} {c.new and c.new.text}"
                           for c in others[:3])
        return "extra", f"{figure.text} -> {new_text} p{figure.page}: {listed}"
    return "exact", ""


def unique_on_page(pdf: Path, figure: Figure) -> bool:
    """The figure's digits printed once on its page (so the copy changes this figure, no other)."""
    import pikepdf

    from tests.reprint import Font, _shown_text

    printed = DIGITS.findall(figure.text)[-1]
    with pikepdf.open(pdf) as document:
        page = document.pages[figure.page - 1]
        fonts = {str(n): Font(f) for n, f in page.Resources.get("/Font", {}).items()}
        ops = [[list(o), op] for o, op in pikepdf.parse_content_stream(page)]
        text, _ = _shown_text(ops, fonts)
    pattern = r"(?<![\d.,])" + "\x00*".join(re.escape(c) for c in printed) + r"(?![\d]|[.,]\d)"
    return len(re.findall(pattern, text)) == 1


def paper(pdf: Path, per_paper: int, tally: Counter, notes: list[str]) -> None:
    try:
        base = extract_pack(pdf)
    except PackError:
        return
    done = 0
    with tempfile.TemporaryDirectory() as scratch:
        for figure in candidates(base.figures, per_paper):
            if done >= per_paper:
                break
            try:
                if not unique_on_page(pdf, figure):
                    continue
            except Exception:  # noqa: BLE001 - a PDF pikepdf cannot parse is passed over
                continue
            outcome = try_one(pdf, base, figure, Path(scratch))
            if outcome is None:
                continue
            done += 1
            tally[outcome[0]] += 1
            if outcome[1]:
                notes.append(f"{outcome[0]}: {pdf.name}: {outcome[1]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--per-paper", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="papers at most (0: all)")
    args = parser.parse_args()
    pdfs = sorted(p for path in (args.paths or FOLDERS) if path.exists()
                  for p in ([path] if path.is_file() else path.rglob("*.pdf")))
    if args.limit:
        pdfs = pdfs[:: max(1, len(pdfs) // args.limit)][: args.limit]
    tally: Counter = Counter()
    notes: list[str] = []
    for pdf in pdfs:
        paper(pdf, args.per_paper, tally, notes)
    for note in notes:
        print(note)
    total = sum(tally.values())
    print(f"{len(pdfs)} papers, {total} figures reprinted: {tally['exact']} exact, "
          f"{tally['extra']} with other changes besides, {tally['missed']} missed")


if __name__ == "__main__":
    main()
