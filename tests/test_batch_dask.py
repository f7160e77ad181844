"""`--executor dask`: the same batch on a real distributed.LocalCluster on 127.0.0.1."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.batch.worker import TEST_FAULTS_ENV
from extract.cli.main import main
from tests.badinputs import SAMPLES, slow_page, zero_bytes

distributed = pytest.importorskip("distributed")

TIMEOUT = 40  # per input, including the child's own interpreter start (a second or two)
FIRST_TIMEOUT = 12  # what the hanging input hits; the good ones need a few seconds with start-up


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp://",
                                       host="127.0.0.1", dashboard_address="127.0.0.1:0")
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close(timeout=20)


def batch(*args, env=None):
    return CliRunner().invoke(main, ["batch", *map(str, args)], env=env, catch_exceptions=False)


def records(out: Path) -> dict[str, dict]:
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return {Path(r["file"]).name: r for r in map(json.loads, lines)}


def test_a_dask_batch_gives_the_same_records_and_resumes_like_a_local_one(scheduler, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("coventry-2017-cabinet-minute.pdf", "somerset-2022-redesign-slides.pdf"):
        shutil.copy(SAMPLES / name, folder)
    shutil.copy(SAMPLES / "coventry-2017-cabinet-minute.pdf", folder / "same-as-minute.pdf")
    zero_bytes(folder), slow_page(folder)
    out, dask_args = tmp_path / "out", ["--executor", "dask", "--scheduler", scheduler]

    first = batch(folder, "--out", out, "--timeout", FIRST_TIMEOUT, *dask_args,
                  env={TEST_FAULTS_ENV: "sleep:slow-to-read"})
    found = {name: (r["status"], (r["error"] or {}).get("type")) for name, r in records(out).items()}
    assert found == {
        "coventry-2017-cabinet-minute.pdf": ("ok", None), "somerset-2022-redesign-slides.pdf": ("ok", None),
        "same-as-minute.pdf": ("skipped", None), "zero-bytes.pdf": ("failed", "empty"),
        "slow-to-read.pdf": ("failed", "timeout"),
    }
    assert first.exit_code == 1
    assert FIRST_TIMEOUT <= records(out)["slow-to-read.pdf"]["seconds"] < FIRST_TIMEOUT + 5

    again = batch(folder, "--out", out, "--timeout", TIMEOUT, *dask_args)  # no fault now: the slow one passes
    assert again.exit_code == 1 and "3 skipped (3 already done)" in again.stderr  # only zero-bytes still fails
    assert records(out)["slow-to-read.pdf"]["status"] == "ok"
    for entry in records(out).values():
        if entry["output"]:
            assert json.loads((out / entry["output"]).read_text(encoding="utf-8"))["source"]["sha256"]


def test_an_unreachable_scheduler_is_a_one_line_usage_error(tmp_path, monkeypatch):
    monkeypatch.setattr("extract.batch.dask_executor.CONNECT_TIMEOUT", "1s")
    result = batch(SAMPLES / "coventry-2017-cabinet-minute.pdf", "--out", tmp_path / "out",
                   "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.stderr
    assert "Traceback" not in result.stderr


def test_dask_missing_is_a_one_line_error_naming_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = batch(SAMPLES / "coventry-2017-cabinet-minute.pdf", "--out", tmp_path / "out",
                   "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2 and "pip install 'agenda-extract[dask]'" in result.stderr
