"""How many papers of the shared corpora give the meeting they print: committee and date right,
wrong (a value that is not the page's: the worst outcome), or missing; and the papers that
print one the tool does not give, with the reason. The expectations are the ones
tests/test_meeting_corpus.py holds (read off each page by a person).

    python3 bench/meetings_corpus.py [SHARED_DIR]

Reads each paper with the fast pass only (no OCR). Run it with another checkout's `extract`
first on PYTHONPATH to compare two versions on the same expectations.
"""
from __future__ import annotations

import importlib.util
import os
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent


def expectations() -> tuple[dict[str, tuple[str, str] | None], dict[str, str]]:
    """file under SHARED → (committee, date) or None; and the printed meetings not read, with why."""
    spec = importlib.util.spec_from_file_location("corpus", HERE.parent / "tests" / "test_meeting_corpus.py")
    assert spec and spec.loader
    corpus = importlib.util.module_from_spec(spec)
    sys.path.append(str(HERE.parent))  # for its conftest; `extract` stays the one on PYTHONPATH
    spec.loader.exec_module(corpus)
    expected = {f"councils/{k}": v for k, v in corpus.COUNCILS.items()}
    expected |= {f"real/kent/{k}": v for k, v in corpus.KENT.items()}
    return expected, corpus.PRINTED_BUT_NOT_READ


def meeting_of(path: Path) -> tuple[str | None, str | None]:
    from extract.pack.meeting import pages_to_meeting
    from extract.read import pdfium as fastpass

    document = fastpass.open_document(path)
    try:
        lines = [fastpass.page_lines(document, n) for n in range(1, min(len(document), 4) + 1)]
    finally:
        document.close()
    meeting = pages_to_meeting(lines)
    return meeting.committee, meeting.date


def main(argv: list[str]) -> int:
    shared = Path(argv[0] if argv else os.environ.get("AGENDA_EXTRACT_SHARED", HERE.parent.parent / "shared"))
    expected, not_read = expectations()
    tally: dict[str, Counter] = {}
    misses = []
    for name in sorted(expected):
        group = "kent" if name.startswith("real/kent/") else name.split("/")[1]
        count = tally.setdefault(group, Counter())
        got = meeting_of(shared / name)
        want = expected[name]
        printed = want is not None or name in not_read
        count["papers"] += 1
        count["print a meeting"] += printed
        if want is None:
            count["wrong"] += got != (None, None)
            if name in not_read:
                misses.append((name, not_read[name]))
            continue
        count["committee right"] += got[0] == want[0]
        count["date right"] += got[1] == want[1]
        count["both right"] += got == want
        count["wrong"] += any(g is not None and g != w for g, w in zip(got, want, strict=True))
        if got != want:
            misses.append((name, f"gave {got}, the page prints {want}"))
    columns = ("papers", "print a meeting", "committee right", "date right", "both right", "wrong")
    print(f"{'corpus':22}" + "".join(f"{c:>17}" for c in columns))
    for group, count in [*sorted(tally.items()), ("all", sum(tally.values(), Counter()))]:
        print(f"{group:22}" + "".join(f"{count[c]:>17}" for c in columns))
    print("\nprinted but not given:")
    for name, why in misses:
        print(f"  {name}: {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
