"""The service against `run`: requests per minute on the 2017 pack at --jobs 2, and what the
service costs more than `run` over the same files (target: at most 10% more). Not a test;
run it by hand (2 free cores give the fairest figures):

    python bench/bench_serve.py              # 8 copies, about two minutes
    python bench/bench_serve.py --copies 16 --jobs 2

`run` reads the copies with `run COPIES... --jobs 2 --ocr never --out DIR`, timed whole
(start-up included; its start-up alone, importing the pipeline, is timed too and shown).
The service is started once (`serve --jobs 2 --ocr never`), warmed with one request not
counted, then sent every copy by 2 clients at once (POST /v1/extract): from the first
request to the last answer. Each document is checked to equal `run`'s.
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT / "samples" / "coventry-2017-scrutiny-pack.pdf"
sys.path.insert(0, str(ROOT))

from tests.served import free_port, wait_until  # noqa: E402


def make_copies(folder: Path, copies: int) -> list[Path]:
    paths = []
    for n in range(copies):
        target = folder / f"coventry-2017-{n}.pdf"
        target.write_bytes(PACK.read_bytes())
        paths.append(target)
    return paths


def time_run(copies: list[Path], out: Path, jobs: int) -> float:
    command = [sys.executable, "-m", "extract", "run", *map(str, copies), "--out", str(out), "--jobs", str(jobs),
               "--ocr", "never"]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, env=_env())
    elapsed = time.monotonic() - started
    if done.returncode not in (0, 1):
        sys.exit(f"run failed: {done.stderr[-2000:]}")
    return elapsed


def time_start_up() -> float:
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", "import extract.batch.preload"], check=True, cwd=ROOT, env=_env())
    return time.monotonic() - started


def time_serve(copies: list[Path], out: Path, jobs: int) -> float:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "extract", "serve", "--port", str(port), "--jobs", str(jobs),
                               "--ocr", "never"], cwd=ROOT, env=_env(), stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_until(lambda: _answers(url), 120, 0.3):
            sys.exit("the server did not start")
        with httpx.Client(base_url=url, timeout=600) as client:
            _post(client, copies[0])  # warm: not counted
            started = time.monotonic()
            with ThreadPoolExecutor(jobs) as pool:
                documents = list(pool.map(lambda path: _post(client, path), copies))
            elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(60)
    for path, document in zip(copies, documents, strict=True):
        if document != (out / f"{path.stem}.json").read_text(encoding="utf-8"):
            sys.exit(f"the service's document for {path.name} differs from run's")
    return elapsed


def _post(client: httpx.Client, path: Path) -> str:
    with path.open("rb") as handle:
        response = client.post("/v1/extract", files={"file": (path.name, handle, "application/pdf")})
    response.raise_for_status()
    return response.text


def _answers(url: str) -> bool:
    try:
        return httpx.get(url + "/healthz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print(f"# {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
          f"{args.copies} copies of {PACK.name}, --jobs {args.jobs}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "in").mkdir()
        copies = make_copies(folder / "in", args.copies)
        run_seconds = time_run(copies, folder / "out", args.jobs)
        start_up = time_start_up()
        serve_seconds = time_serve(copies, folder / "out", args.jobs)
    per_minute = lambda seconds: 60 * args.copies / seconds  # noqa: E731
    print(f"run   : {run_seconds:6.1f} s  {per_minute(run_seconds):5.1f} papers/min  "
          f"(of which start-up {start_up:.1f} s; without it {per_minute(run_seconds - start_up):5.1f} papers/min)")
    print(f"serve : {serve_seconds:6.1f} s  {per_minute(serve_seconds):5.1f} requests/min")
    print(f"serve costs {100 * (serve_seconds / run_seconds - 1):+.1f}% against run whole, "
          f"{100 * (serve_seconds / (run_seconds - start_up) - 1):+.1f}% against run without its start-up "
          "(target: at most +10%)")


if __name__ == "__main__":
    main()
