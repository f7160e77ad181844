#!/usr/bin/env python3
"""Time of the report checks (extract/checks/report.py) on one statement of N characters.

    python3 bench/bench_report.py [--sizes 25000,50000,100000,200000]

The statement is a page of prose that is mostly figures ('... 12.50 FTE ...', bracketed parts,
a sentence end now and then), as a hostile or a giant table-as-text page gives. The checks used
to redo per figure work proportional to the whole text (quadratic: 25k/50k/100k/200k characters
took 1.3/4.4/16/78 s); they should now grow in proportion to the text. Prints seconds per size
and the ratio to the first size. Run it against another tree with PYTHONPATH=that/tree.
"""
from __future__ import annotations

import argparse
import time

from extract.checks.report import REPORT_CHECKS
from extract.models import Extraction, Figure, Meeting, Source, Statement

PIECES = [
    ("The staffing establishment is ", "246.44 FTE", "fte", 246.44),
    (" and a reduction of ", "51.77 FTE", "fte", 51.77),
    (" with gross savings of ", "£19.8m", "money", 19.8e6),
    (" funded by posts (", "£10.8m", "money", 10.8e6),
    ("), income (", "£0.9m", "money", 0.9e6),
    (") and ", "12.50 FTE", "fte", 12.5),
    (" additional ", "3.00 FTE", "fte", 3.0),
    (". Next ", "£1,000", "money", 1000.0),
]


def statement_of(size: int) -> Statement:
    text, figures, n = "", [], 0
    while len(text) < size:
        before, printed, kind, value = PIECES[n % len(PIECES)]
        text += before
        figures.append(Figure(kind=kind, value=value, text=printed, precision=0.01, page=1,
                              bbox=(0.0, float(n), 10.0, float(n) + 1)))
        text += printed
        n += 1
    return Statement(subject="Report 1.1", page=1, text=text, figures=figures)


def seconds_for(size: int) -> float:
    extraction = Extraction(tool_version="bench", source=Source(file="bench.pdf", sha256="0" * 64, pages=1),
                            meeting=Meeting(), statements=[statement_of(size)])
    started = time.perf_counter()
    for check in REPORT_CHECKS:
        for _ in check(extraction):
            pass
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="25000,50000,100000,200000")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    first = None
    for size in sizes:
        seconds = seconds_for(size)
        first = first or seconds
        print(f"{size:>8} characters  {seconds:8.2f} s  x{seconds / first:5.1f}", flush=True)


if __name__ == "__main__":
    main()
