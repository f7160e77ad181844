"""A batch killed with SIGKILL part-way, then run again, ends complete with nothing done twice."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import jsonschema

from tests.badinputs import ROOT, SAMPLES, distinct_copy

INPUTS = 12
SMALL = ["coventry-2017-cabinet-minute.pdf", "coventry-2023-scrutiny-pack.pdf", "somerset-2022-redesign-slides.pdf"]


def batch_command(folder: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "extract", "batch", str(folder), "--out", str(out), "--jobs", "1",
            "--timeout", "60"]


def manifest_lines(out: Path) -> list[str]:
    try:
        return (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []


def make_inputs(folder: Path) -> list[Path]:
    """Twelve distinct small packs (each a sample with its own trailing comment)."""
    folder.mkdir()
    return [distinct_copy(SAMPLES / SMALL[n % 3], folder / f"pack-{n:02d}.pdf", str(n)) for n in range(INPUTS)]


def kill_after_lines(command: list[str], out: Path, lines: int, limit: float = 60) -> None:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + limit
    try:
        while len(manifest_lines(out)) < lines:
            assert process.poll() is None, "the batch finished before it could be killed"
            assert time.monotonic() < deadline, "the batch wrote no manifest lines in time"
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)


def test_a_batch_killed_with_sigkill_finishes_on_rerun_without_processing_any_input_twice(tmp_path):
    inputs = make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    kill_after_lines(batch_command(tmp_path / "in", out), out, lines=3)
    done_before_kill = len(manifest_lines(out))
    assert 3 <= done_before_kill < INPUTS

    rerun = subprocess.run(batch_command(tmp_path / "in", out), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr

    records = [json.loads(line) for line in manifest_lines(out)]
    assert sorted(r["file"] for r in records) == sorted(str(p) for p in inputs)  # complete, one line each
    assert all(r["status"] == "ok" for r in records)
    assert set(Counter(r["sha256"] for r in records if r["status"] == "ok").values()) == {1}
    # The rerun ran only what the killed run had not recorded (the one in flight at most again).
    assert f"({done_before_kill} already done)" in rerun.stderr

    schema = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))
    for record in records:
        document = json.loads((out / record["output"]).read_text(encoding="utf-8"))
        jsonschema.validate(document, schema)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


def test_the_children_of_a_killed_batch_do_not_outlive_it(tmp_path):
    slow = distinct_copy(SAMPLES / SMALL[0], tmp_path / "hangs.pdf", "x")
    out = tmp_path / "out"
    env = {**os.environ, "AGENDA_EXTRACT_TEST_FAULTS": "sleep:hangs"}
    process = subprocess.Popen(batch_command(slow, out), env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        children = _wait_for_children(process.pid)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)]


def _wait_for_children(pid: int, limit: float = 30) -> list[int]:
    """The batch's descendants once a worker runs: the fork server's child, a grandchild."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        family = _descendants(pid)
        if any(parent != pid for _, parent in family):
            time.sleep(0.3)  # let the worker reach its sleep
            return [child for child, _ in _descendants(pid)]
        time.sleep(0.1)
    raise AssertionError("the batch started no worker")


def _descendants(pid: int) -> list[tuple[int, int]]:
    """(pid, parent pid) of every process below pid, from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = [], [pid]
    while frontier:
        current = frontier.pop()
        kids = [child for child, parent in parents.items() if parent == current]
        found += [(child, current) for child in kids]
        frontier += kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"
