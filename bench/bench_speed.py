#!/usr/bin/env python3
"""Speed and memory of `agenda-extract run` against a bare pdfplumber pass, on four kinds of pack.

Run from the repository root:  python3 bench/bench_speed.py [--repeat 3] [--only word,browser] [--jobs N]

Workloads, side by side in one run (each skipped with a message when its input is absent):
  word         ten copies of the Word-printed 2017 pack (samples/coventry-2017-scrutiny-pack.pdf)
  browser      ten copies of the same pack printed by Chromium from HTML (samples/browser.py;
               needs `chromium`): one text operator per glyph, serif fonts, borderless tables
  spreadsheet  a spreadsheet-printed budget paper from ../shared repeated to about 200 pages in
               one file (Kent's Appendix F, or Southwark's capital programme budget book)
  kent         every PDF of ../shared/real/kent in one invocation

For each it times, as separate processes on the same files:
  - `agenda-extract run FILES --out TMP` (extraction, figures, checks, validation, writing),
  - a bare pdfplumber pass: `page.extract_text()` on every page of every file (pages closed).
Each command runs --repeat times, interleaved with the other (a noisy neighbour slows both
alike); it prints the median wall seconds, the median CPU seconds (user + system, of the
process and the workers it waited for), pages per wall second, the largest peak resident
memory of any one process, and the ratios of our wall and CPU time to the bare pass's. The
spread (min-max of the per-repeat wall ratio) is printed so the noise can be judged.

--warm times the extraction itself instead, in this one warm process (spaCy built, files
read once before): CPU seconds of `extract_pack` and validation on one file of each of the
word, browser and spreadsheet workloads (the paper itself, once), best of --repeat. CPU time
of one process is the figure to compare on a busy machine; the `extract` timed is the one
Python imports, so an older commit is timed side by side with PYTHONPATH set to its tree:
  PYTHONPATH=../old python3 bench/bench_speed.py --warm; PYTHONPATH=. python3 bench/bench_speed.py --warm
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "samples" / "coventry-2017-scrutiny-pack.pdf"
SPREADSHEET_PAPERS = (  # (path under ../shared, how many copies make about 200 pages)
    ("real/kent/cabinet-2025-01-30/Appendix F List of Budget Templates.pdf", 8),
    ("councils/southwark/budget-book-2015-16-capital-programme.pdf", 20),
)
WORKLOADS = ("word", "browser", "spreadsheet", "kent")

BARE_PDFPLUMBER = """
import sys, pdfplumber
for name in sys.argv[1:]:
    with pdfplumber.open(name) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
"""


@dataclass(frozen=True)
class Sample:
    wall: float
    cpu: float
    peak_mb: float


def measure(command: list[str]) -> Sample:
    """Wall and CPU seconds and peak resident memory (MB) of one child process (and the
    children it waited for: run's worker processes)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1, 3):
        raise SystemExit(f"command failed ({status}): {' '.join(command[:4])} ...")
    return Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def distinct_stems(files: list[Path], folder: Path) -> list[Path]:
    """Links to the files named '<meeting folder>--<name>': Kent prints 'Report.pdf' for more
    than one meeting, and `run` refuses two inputs that would write one output."""
    folder.mkdir()
    links = []
    for name in files:
        link = folder / f"{name.parent.name}--{name.name}"
        link.symlink_to(name.resolve())
        links.append(link)
    return links


def page_count(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for name in files:
        document = pdfium.PdfDocument(str(name))
        total += len(document)
        document.close()
    return total


def workload(name: str, files: list[Path], out: Path, repeat: int, jobs: int | None) -> None:
    pages = page_count(files)
    run = [sys.executable, "-m", "extract", "run", *map(str, files), "--out", str(out)]
    if jobs is not None:
        run += ["--jobs", str(jobs)]
    commands = {"agenda-extract run": run, "bare pdfplumber": [sys.executable, "-c", BARE_PDFPLUMBER, *map(str, files)]}
    runs: dict[str, list[Sample]] = {label: [] for label in commands}
    for _ in range(repeat):
        for label, command in commands.items():
            runs[label].append(measure(command))
    ours, bare = runs["agenda-extract run"], runs["bare pdfplumber"]
    ratios = [o.wall / b.wall for o, b in zip(ours, bare, strict=True)]
    bare_wall = statistics.median(s.wall for s in bare)
    bare_cpu = statistics.median(s.cpu for s in bare)
    print(f"\n{name}: {len(files)} file(s), {pages} pages; median of {repeat} interleaved runs")
    print(f"  {'command':20} {'wall s':>8} {'cpu s':>8} {'pages/s':>8} {'peak MB':>8} "
          f"{'wall ratio':>11} {'cpu ratio':>10}")
    for label, got in runs.items():
        wall = statistics.median(s.wall for s in got)
        cpu = statistics.median(s.cpu for s in got)
        peak = max(s.peak_mb for s in got)
        print(f"  {label:20} {wall:8.2f} {cpu:8.2f} {pages / wall:8.1f} {peak:8.0f} "
              f"{wall / bare_wall:10.2f}x {cpu / bare_cpu:9.2f}x")
    print(f"  per-repeat wall ratio: {' '.join(f'{r:.2f}' for r in ratios)} (spread {max(ratios) - min(ratios):.2f})")
    sys.stdout.flush()


def merge(parts: list[Path], target: Path) -> None:
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    for part in parts:
        source = pdfium.PdfDocument(str(part))
        merged.import_pages(source)
        source.close()
    merged.save(str(target))
    merged.close()


def copies(source: Path, count: int, folder: Path) -> list[Path]:
    out = []
    for i in range(count):
        copy = folder / f"{source.stem}-{i:02d}.pdf"
        shutil.copyfile(source, copy)
        out.append(copy)
    return out


def browser_pack(folder: Path) -> Path | None:
    """The 2017 pack printed by Chromium (samples/browser.py), or None without chromium."""
    sys.path.insert(0, str(ROOT / "samples"))
    import browser

    if browser.chromium() is None:
        return None
    target = folder / "coventry-2017-browser.pdf"
    browser.print_pdf(browser.pack_html(), target)
    return target


def warm(name: str, path: Path, repeat: int) -> None:
    """Best CPU seconds of extract_pack and validation of one file in this warm process."""
    from extract.output import to_document
    from extract.pipeline import Options, extract_pack
    from extract.read import quality
    from extract.read.ocr import default_mode

    options = Options(ocr=default_mode())  # as `run` reads it
    forget = getattr(quality.judge_text, "cache_clear", lambda: None)  # a page's verdict is kept
    to_document(extract_pack(path, options))
    times = []
    for _ in range(repeat):
        forget()
        start = time.process_time()
        to_document(extract_pack(path, options))
        times.append(time.process_time() - start)
    print(f"  {name:12} {page_count([path]):4d} pages  best {min(times):6.3f} s CPU  "
          f"(all: {' '.join(f'{t:.2f}' for t in times)})")
    sys.stdout.flush()


def warm_workloads(chosen: list[str], shared: Path, repeat: int, tmp: Path) -> None:
    import extract
    from extract.pipeline import tune_garbage_collector

    print(f"warm process, extract from {Path(extract.__file__).parent}, best of {repeat}")
    tune_garbage_collector()  # as every command does
    if "word" in chosen:
        warm("word", PACK, repeat)
    printed = browser_pack(tmp) if "browser" in chosen else None
    if printed is not None:
        warm("browser", printed, repeat)
    found = [shared / rel for rel, _ in SPREADSHEET_PAPERS if (shared / rel).is_file()]
    if "spreadsheet" in chosen and found:
        warm("spreadsheet", found[0], repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command; the median is shown")
    parser.add_argument("--only", default=",".join(WORKLOADS), help=f"comma-separated subset of {','.join(WORKLOADS)}")
    parser.add_argument("--jobs", type=int, default=None, help="pass --jobs to run (default: run's own default)")
    parser.add_argument("--warm", action="store_true", help="CPU of the extraction in one warm process (see above)")
    args = parser.parse_args()
    chosen = [w.strip() for w in args.only.split(",") if w.strip()]
    load = os.getloadavg()[0]
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load:.1f} at start")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if args.warm:
            warm_workloads(chosen, args.shared, args.repeat, tmp)
            chosen = []
        if "word" in chosen:
            files = copies(PACK, args.copies, tmp)
            workload(f"word: {args.copies} copies of the Word-printed 2017 pack", files, tmp / "out-word",
                     args.repeat, args.jobs)
        if "browser" in chosen:
            printed = browser_pack(tmp)
            if printed is None:
                print("\nbrowser: skipped (no chromium on PATH; set $CHROMIUM)")
            else:
                files = copies(printed, args.copies, tmp)
                workload(f"browser: {args.copies} copies of the Chromium-printed 2017 pack", files,
                         tmp / "out-browser", args.repeat, args.jobs)
        if "spreadsheet" in chosen:
            found = [(args.shared / rel, n) for rel, n in SPREADSHEET_PAPERS if (args.shared / rel).is_file()]
            if not found:
                print(f"\nspreadsheet: skipped (none of {[r for r, _ in SPREADSHEET_PAPERS]} under {args.shared})")
            else:
                paper, count = found[0]
                long_book = tmp / "budget-book-x.pdf"
                merge([paper] * count, long_book)
                workload(f"spreadsheet: {paper.name} x{count} in one file", [long_book], tmp / "out-sheet",
                         args.repeat, args.jobs)
        if "kent" in chosen:
            kent = sorted((args.shared / "real" / "kent").rglob("*.pdf"))
            if not kent:
                print(f"\nkent: skipped (no PDFs under {args.shared / 'real' / 'kent'})")
            else:
                workload("kent: the whole Kent corpus, one invocation", distinct_stems(kent, tmp / "kent"),
                         tmp / "out-kent", args.repeat, args.jobs)
    print(f"\nload average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
