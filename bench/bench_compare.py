#!/usr/bin/env python3
"""Time of `agenda-extract compare OLD NEW` against `agenda-extract run OLD NEW` on two papers
of about 200 pages each (target: compare within 1.2 times the run).

Run from the repository root:  python3 bench/bench_compare.py [--repeat 3] [--copies 8]

OLD is the 2017 sample pack as samples/render.py prints it (25 pages), repeated --copies
times in one file; NEW the same with one card's saving changed in every copy (as a revised
pack would be). Both commands read the two files side by side, each in a limited process of
its own; `compare` then matches them and writes the changes, `run` writes the two outputs.
Each command runs --repeat times, interleaved (a noisy neighbour slows both alike); the
median wall and CPU seconds and the ratio are printed, with the spread of the ratios.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "samples"))

from bench.bench_speed import measure, merge, page_count  # noqa: E402


def papers(folder: Path, copies: int) -> tuple[Path, Path]:
    from content import PACK, Fault, apply_faults
    from render import render_pack

    render_pack(PACK, folder / "pack-old.pdf")
    revised = apply_faults(PACK, [Fault("card:Hospital Education Service:budget",
                                        "£0.68M (saving £0.14M)", "£0.68M (saving £0.16M)")])
    render_pack(revised, folder / "pack-new.pdf")
    merge([folder / "pack-old.pdf"] * copies, folder / "old.pdf")
    merge([folder / "pack-new.pdf"] * copies, folder / "new.pdf")
    return folder / "old.pdf", folder / "new.pdf"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command; the median is shown")
    parser.add_argument("--copies", type=int, default=8, help="copies of the 25-page pack in each paper")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        old, new = papers(folder, args.copies)
        commands = {
            "compare OLD NEW": [sys.executable, "-m", "extract", "compare", str(old), str(new),
                                "--out", str(folder / "changes.json")],
            "run OLD NEW": [sys.executable, "-m", "extract", "run", str(old), str(new), "--out", str(folder / "out")],
        }
        samples: dict[str, list] = {label: [] for label in commands}
        for _ in range(args.repeat):
            for label, command in commands.items():
                samples[label].append(measure(command))
        import json

        changes = json.loads((folder / "changes.json").read_text())["changes"]
        ours, base = samples["compare OLD NEW"], samples["run OLD NEW"]
        ratios = [o.wall / b.wall for o, b in zip(ours, base, strict=True)]
        print(f"two papers of {page_count([old])} and {page_count([new])} pages; {len(changes)} changes found; "
              f"median of {args.repeat} interleaved runs")
        print(f"  {'command':18} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}")
        for label, got in samples.items():
            print(f"  {label:18} {statistics.median(s.wall for s in got):8.2f} "
                  f"{statistics.median(s.cpu for s in got):8.2f} {max(s.peak_mb for s in got):8.0f}")
        print(f"  compare / run (wall): {statistics.median(ratios):.2f}x (target <= 1.2x); "
              f"per repeat {' '.join(f'{r:.2f}' for r in ratios)}")


if __name__ == "__main__":
    main()
