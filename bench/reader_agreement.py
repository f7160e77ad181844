"""Do the two readers build the same words? pdfium (running-text pages) and pdfplumber
(structure pages) hand their characters to one word builder (extract/read/text.py); this
reads every page of each PDF with both and counts the pages whose words differ.

    python3 bench/reader_agreement.py PATH...      # files or folders (searched for *.pdf)
    python3 bench/reader_agreement.py PATH... -v   # also print each page's differing words

Prints one line per file with differing pages and a total: pages read, pages whose words
agree, words that differ (each side of a difference counted once).
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.errors import AgendaExtractError  # noqa: E402
from extract.read import pdfium  # noqa: E402
from extract.read.plumber import read_pages  # noqa: E402


def pdfs(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        found += sorted(p for p in path.rglob("*") if p.suffix.lower() == ".pdf") if path.is_dir() else [path]
    return found


def page_words(page) -> list[str]:
    return [w.text for row in page.rows for w in row.words]


def compare(path: Path, verbose: bool) -> tuple[int, int, int]:
    """Pages read, pages agreeing, words differing, for one file (0, 0, 0 when unreadable)."""
    try:
        document = pdfium.open_document(path)
    except AgendaExtractError:
        return 0, 0, 0
    try:
        count = len(document)
        careful = {p.number: p for p in read_pages(path, range(1, count + 1))}
        pages = agree = differ = 0
        for number, plumbed in careful.items():
            fast, slow = page_words(pdfium.page_text(document, number)), page_words(plumbed)
            pages += 1
            if fast == slow:
                agree += 1
                continue
            changed = [d for d in difflib.ndiff(slow, fast) if d[:1] in "+-"]
            differ += len(changed)
            if verbose:
                print(f"  {path.name} p{number}: {' '.join(changed[:12])}")
        return pages, agree, differ
    except Exception as exc:  # noqa: BLE001 - a page pdfminer cannot parse: count what was read
        print(f"  {path.name}: {type(exc).__name__}", file=sys.stderr)
        return 0, 0, 0
    finally:
        document.close()


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    files = pdfs([a for a in argv if a != "-v"])
    if not files:
        print(__doc__, file=sys.stderr)
        return 2
    total = [0, 0, 0]
    for path in files:
        pages, agree, differ = compare(path, verbose)
        if pages != agree:
            print(f"{path}: {pages - agree} of {pages} pages differ ({differ} words)")
        total = [t + n for t, n in zip(total, (pages, agree, differ), strict=True)]
    print(f"{len(files)} files, {total[0]} pages: {total[1]} with the same words from both readers, "
          f"{total[0] - total[1]} differ ({total[2]} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
