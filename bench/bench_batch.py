"""Batch throughput on the bundled samples: files per minute and pages per second at
--jobs 1 and --jobs 2. Not a test; run it by hand:

    python bench/bench_batch.py            # 10 copies of each sample (40 files), about a minute
    python bench/bench_batch.py --copies 5 --jobs 1 2 4

Each copy gets a distinct trailing comment so the batch, which processes identical content
once, really extracts every file. Each run starts from an empty output folder and counts
the whole command, fork-server start-up (a second or two) included.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))


def make_inputs(folder: Path, copies: int) -> list[Path]:
    inputs = []
    for n in range(copies):
        for sample in SAMPLES:
            target = folder / f"{sample.stem}-{n}.pdf"
            target.write_bytes(sample.read_bytes() + f"\n% bench copy {n}\n".encode("ascii"))
            inputs.append(target)
    return inputs


def run(inputs_dir: Path, out: Path, jobs: int) -> dict:
    command = [sys.executable, "-m", "extract", "batch", str(inputs_dir), "--out", str(out), "--jobs", str(jobs),
               "--quiet"]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.monotonic() - started
    records = [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    ok = [r for r in records if r["status"] == "ok"]
    pages = sum(r["pages"] or 0 for r in ok)
    return {"jobs": jobs, "files": len(records), "ok": len(ok), "pages": pages, "seconds": seconds,
            "files_per_minute": len(records) / seconds * 60, "pages_per_second": pages / seconds,
            "exit": done.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of each of the 4 samples (default 10)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to run (default 1 2)")
    args = parser.parse_args()
    print(f"# {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs; "
          f"{args.copies} x {len(SAMPLES)} sample packs")
    print(f"{'jobs':>4} {'files':>5} {'pages':>5} {'seconds':>8} {'files/min':>9} {'pages/s':>8}")
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        inputs_dir = Path(tmp) / "in"
        inputs_dir.mkdir()
        make_inputs(inputs_dir, args.copies)
        for jobs in args.jobs:
            result = run(inputs_dir, Path(tmp) / f"out-{jobs}", jobs)
            if result["exit"] != 0 or result["ok"] != result["files"]:
                print(f"warning: {result['files'] - result['ok']} inputs failed at --jobs {jobs}", file=sys.stderr)
            print(f"{jobs:>4} {result['files']:>5} {result['pages']:>5} {result['seconds']:>8.1f} "
                  f"{result['files_per_minute']:>9.1f} {result['pages_per_second']:>8.1f}")


if __name__ == "__main__":
    main()
