#!/usr/bin/env python3
"""Speed and memory of `agenda-extract run` against a bare pdfplumber pass and pdftotext.

Run from the repository root:  python3 bench/bench_speed.py [--copies 10] [--shared ../shared]

In one run, on the same files, it times three commands as separate processes:
  - `agenda-extract run FILES --out TMP` (extraction, figures, checks, validation, writing),
  - a bare pdfplumber pass: `page.extract_text()` on every page of every file (pages closed),
  - `pdftotext` on each file, when poppler-utils is installed,
on three workloads: the 2017 pack, ten copies of it in one invocation, and the largest
real pack in ../shared/real (when that folder is there). It prints pages per second,
the ratio of our time to the bare pdfplumber pass, and each process's peak memory.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "samples" / "coventry-2017-scrutiny-pack.pdf"

BARE_PDFPLUMBER = """
import sys, pdfplumber
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one child process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"command failed ({status}): {' '.join(command[:4])} ...")
    return elapsed, usage.ru_maxrss / 1024


def page_count(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for name in files:
        document = pdfium.PdfDocument(str(name))
        total += len(document)
        document.close()
    return total


def workload(name: str, files: list[Path], out: Path) -> None:
    pages = page_count(files)
    ours = measure([sys.executable, "-m", "extract", "run", *map(str, files), "--out", str(out)])
    bare = measure([sys.executable, "-c", BARE_PDFPLUMBER, *map(str, files)])
    rows = [("agenda-extract run", ours), ("bare pdfplumber extract_text", bare)]
    if shutil.which("pdftotext"):
        script = "for f in \"$@\"; do pdftotext \"$f\" /dev/null; done"
        rows.append(("pdftotext", measure(["bash", "-c", script, "pdftotext", *map(str, files)])))
    print(f"\n{name}: {len(files)} file(s), {pages} pages")
    print(f"  {'command':32} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'vs pdfplumber':>14}")
    for label, (seconds, peak) in rows:
        print(f"  {label:32} {seconds:8.2f} {pages / seconds:8.1f} {peak:8.0f} {seconds / bare[0]:13.2f}x")


def largest_real_pack(shared: Path) -> Path | None:
    real = shared / "real"
    if not real.is_dir():
        return None
    import pypdfium2 as pdfium

    def pages(path: Path) -> int:
        try:
            document = pdfium.PdfDocument(str(path))
        except Exception:
            return 0
        count = len(document)
        document.close()
        return count

    return max(real.rglob("*.pdf"), key=pages, default=None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        copies = []
        for i in range(args.copies):
            copy = tmp / f"copy-{i:02d}.pdf"
            shutil.copyfile(PACK, copy)
            copies.append(copy)
        workload("2017 pack", [PACK], tmp / "out1")
        workload(f"{args.copies} copies of the 2017 pack, one invocation", copies, tmp / "out10")
        largest = largest_real_pack(args.shared)
        if largest is None:
            print(f"\n(no {args.shared / 'real'}: largest real pack skipped)")
        else:
            workload(f"largest real pack ({largest.name})", [largest], tmp / "outbig")


if __name__ == "__main__":
    main()
