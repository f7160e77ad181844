#!/usr/bin/env python3
"""Speed and memory of `agenda-extract run` against a bare pdfplumber pass and pdftotext.

Run from the repository root:  python3 bench/bench_speed.py [--copies 10] [--shared ../shared]

In one run, on the same files, it times three commands as separate processes:
  - `agenda-extract run FILES --out TMP` (extraction, figures, checks, validation, writing),
  - a bare pdfplumber pass: `page.extract_text()` on every page of every file (pages closed),
  - `pdftotext` on each file, when poppler-utils is installed,
on four workloads: the 2017 pack, ten copies of it in one invocation, the pack five
times over in one 210-page file (memory must not grow with pages), and the largest real
pack in ../shared/real (when that folder is there). Each command runs --repeat times
(default 3), interleaved; it prints the median seconds, pages per second, the ratio of
our time to the bare pdfplumber pass, and each process's peak memory.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
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


def workload(name: str, files: list[Path], out: Path, repeat: int) -> None:
    pages = page_count(files)
    commands = [
        ("agenda-extract run", [sys.executable, "-m", "extract", "run", *map(str, files), "--out", str(out)]),
        ("bare pdfplumber extract_text", [sys.executable, "-c", BARE_PDFPLUMBER, *map(str, files)]),
    ]
    if shutil.which("pdftotext"):
        script = "for f in \"$@\"; do pdftotext \"$f\" /dev/null; done"
        commands.append(("pdftotext", ["bash", "-c", script, "pdftotext", *map(str, files)]))
    # Interleaved repeats, median time: a noisy neighbour slows every command alike.
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in commands}
    for _ in range(repeat):
        for label, command in commands:
            runs[label].append(measure(command))
    rows = [(label, (statistics.median(s for s, _ in got), max(p for _, p in got))) for label, got in runs.items()]
    bare = rows[1][1]
    print(f"\n{name}: {len(files)} file(s), {pages} pages; median of {repeat} runs")
    print(f"  {'command':32} {'seconds':>8} {'pages/s':>8} {'peak MB':>8} {'vs pdfplumber':>14}")
    for label, (seconds, peak) in rows:
        print(f"  {label:32} {seconds:8.2f} {pages / seconds:8.1f} {peak:8.0f} {seconds / bare[0]:13.2f}x")


def merge(parts: list[Path], target: Path) -> None:
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    for part in parts:
        source = pdfium.PdfDocument(str(part))
        merged.import_pages(source)
        source.close()
    merged.save(str(target))
    merged.close()


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
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command; the median is shown")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        copies = []
        for i in range(args.copies):
            copy = tmp / f"copy-{i:02d}.pdf"
            shutil.copyfile(PACK, copy)
            copies.append(copy)
        workload("2017 pack", [PACK], tmp / "out1", args.repeat)
        workload(f"{args.copies} copies of the 2017 pack, one invocation", copies, tmp / "out10", args.repeat)
        # Memory must not grow with page count: the same pack five times over, in one file.
        long_pack = tmp / "2017-pack-x5.pdf"
        merge([PACK] * 5, long_pack)
        workload("the 2017 pack five times over in one file", [long_pack], tmp / "out5x", args.repeat)
        largest = largest_real_pack(args.shared)
        if largest is None:
            print(f"\n(no {args.shared / 'real'}: largest real pack skipped)")
        else:
            workload(f"largest real pack ({largest.name})", [largest], tmp / "outbig", args.repeat)


if __name__ == "__main__":
    main()
