"""The real server for the service tests: `agenda-extract serve` in a subprocess on a free
port of 127.0.0.1, with its own TMPDIR (so a test can see every temporary file it leaves)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
KEPT_RESULTS = ("document.json", "review.html")
START_SECONDS = 90.0  # imports (spaCy, pdfplumber) on a busy machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    process: subprocess.Popen
    url: str
    tmp: Path  # the server's TMPDIR
    log: Path

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=kwargs.pop("timeout", 300.0), **kwargs)

    def temporary_files(self) -> list[Path]:
        return [p for p in self.tmp.rglob("*") if p.is_file()]

    def uploads_left(self) -> list[Path]:
        """Temporary files that are not an async task's kept results (its document and review page)."""
        return [p for p in self.temporary_files() if p.name not in KEPT_RESULTS or p.parent.name == "paper"]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def start_server(folder: Path, *options: str, env: dict[str, str] | None = None) -> Served:
    pytest.importorskip("fastapi")
    pytest.importorskip("uvicorn")
    tmp = folder / "server-tmp"
    tmp.mkdir(parents=True)
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k != "AGENDA_EXTRACT_API_KEY"}
    environment.update({"PYTHONPATH": str(ROOT), "TMPDIR": str(tmp), **(env or {})})
    log = folder / "server.log"
    # A session of its own: a test may signal the server's whole process group, readers included.
    process = subprocess.Popen([sys.executable, "-m", "extract", "serve", "--host", "127.0.0.1", "--port", str(port),
                                *options], env=environment, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                               start_new_session=True)
    served = Served(process, f"http://127.0.0.1:{port}", tmp, log)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited ({process.returncode}): {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(served.url + "/healthz", timeout=2).status_code == 200:
                return served
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    served.stop()
    pytest.fail(f"the server did not answer within {START_SECONDS:.0f} s")


def wait_until(condition, seconds: float = 60.0, step: float = 0.1) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False
