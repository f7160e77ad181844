"""`agenda-extract batch` end to end: real worker processes over good packs and bad inputs."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import jsonschema
import pytest
from click.testing import CliRunner

from extract.batch.manifest import Manifest, ManifestRecord
from extract.batch.worker import TEST_FAULTS_ENV
from extract.cli.main import main
from tests.badinputs import (
    BAD_INPUTS,
    GOOD_PACKS,
    ROOT,
    SAMPLES,
    TEST_FAULTS,
    crashing,
    dense_text_page,
    distinct_copy,
    make_corpus,
    memory_hog,
    raising,
    slow_page,
)

MIXED_TIMEOUT = 15  # above the slowest sample pack on a slow machine, and what the slow input hits
MINUTE = SAMPLES / "coventry-2017-cabinet-minute.pdf"
SLIDES = SAMPLES / "somerset-2022-redesign-slides.pdf"


@lru_cache(maxsize=1)
def validator():
    schema = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def batch(*args, env: dict | None = None):
    return CliRunner().invoke(main, ["batch", *map(str, args)], env=env, catch_exceptions=False)


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def by_name(out: Path) -> dict[str, dict]:
    return {Path(r["file"]).name: r for r in records(out)}


def assert_clean_reason(record: dict) -> None:
    message = record["error"]["message"]
    assert message and len(message) < 200 and "\n" not in message
    assert "Traceback" not in message and "\\x" not in message and "b'" not in message, message


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """One batch over the four sample packs and every generated bad input, two workers."""
    folder, out = tmp_path_factory.mktemp("mixed-in"), tmp_path_factory.mktemp("mixed-out")
    good, bad = make_corpus(folder)
    started = time.monotonic()
    result = batch(folder, "--out", out, "--jobs", 2, "--timeout", MIXED_TIMEOUT, env={TEST_FAULTS_ENV: TEST_FAULTS})
    return SimpleNamespace(good=good, bad=bad, out=out, result=result, records=by_name(out),
                           elapsed=time.monotonic() - started)


def test_every_input_of_a_mixed_batch_gets_exactly_one_record(mixed):
    files = Counter(r["file"] for r in records(mixed.out))
    expected = {str(p) for p in mixed.good} | {str(p) for p in mixed.bad}
    assert set(files) == expected and set(files.values()) == {1}


def test_every_good_pack_gets_an_output_that_validates_against_the_schema(mixed):
    for pack in mixed.good:
        entry = mixed.records[pack.name]
        assert entry["status"] == "ok", entry
        document = json.loads((mixed.out / entry["output"]).read_text(encoding="utf-8"))
        assert not list(validator().iter_errors(document)), pack.name
        assert document["source"]["sha256"] == entry["sha256"] and entry["pages"] == document["source"]["pages"] > 0


def test_every_bad_input_fails_with_a_short_clear_reason_of_the_right_type(mixed):
    for path, types in mixed.bad.items():
        entry = mixed.records[path.name]
        assert entry["status"] == "failed" and entry["output"] is None, entry
        assert entry["error"]["type"] in types, (path.name, entry["error"])
        assert_clean_reason(entry)


def test_every_input_finishes_within_its_timeout(mixed):
    for entry in mixed.records.values():
        assert entry["seconds"] <= MIXED_TIMEOUT + 3, entry
    assert mixed.records["slow-to-read.pdf"]["seconds"] >= MIXED_TIMEOUT


def test_exit_code_is_1_when_some_inputs_failed_and_the_summary_counts_them(mixed):
    assert mixed.result.exit_code == 1
    assert f"done: {len(mixed.good)} ok, {len(mixed.bad)} failed, 0 skipped" in mixed.result.stderr


def test_no_output_file_is_written_for_a_failed_input(mixed):
    outputs = sorted(p.name for p in mixed.out.glob("*.json"))
    assert outputs == sorted(mixed.records[p.name]["output"] for p in mixed.good)


def test_a_crash_an_exception_and_memory_exhaustion_fail_one_input_each_and_the_batch_carries_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    crashing(folder), memory_hog(folder), raising(folder), shutil.copy(MINUTE, folder)
    result = batch(folder, "--out", tmp_path / "out", "--jobs", 2, "--max-memory", 700,
                   env={TEST_FAULTS_ENV: TEST_FAULTS})
    found = by_name(tmp_path / "out")
    assert {name: (r["status"], (r["error"] or {}).get("type")) for name, r in found.items()} == {
        "segfaults.pdf": ("failed", "crashed"), "memory-hog.pdf": ("failed", "out_of_memory"),
        "raises-midway.pdf": ("failed", "internal_error"), MINUTE.name: ("ok", None)}
    for name in ("segfaults.pdf", "memory-hog.pdf", "raises-midway.pdf"):
        assert_clean_reason(found[name])
    assert result.exit_code == 1


def test_a_genuinely_slow_pdf_fails_by_timeout_without_any_test_hook(tmp_path):
    slow = dense_text_page(tmp_path)
    started = time.monotonic()
    result = batch(slow, "--out", tmp_path / "out", "--timeout", 2)
    (entry,) = records(tmp_path / "out")
    assert (entry["status"], entry["error"]["type"]) == ("failed", "timeout")
    assert time.monotonic() - started < 15 and result.exit_code == 1


def test_a_pdf_that_needs_more_memory_than_the_cap_fails_as_out_of_memory(tmp_path):
    hungry = dense_text_page(tmp_path)  # ~550 MB to lay out; the cap leaves it ~150
    batch(hungry, "--out", tmp_path / "out", "--max-memory", 450, "--timeout", 120)
    (entry,) = records(tmp_path / "out")
    assert (entry["status"], entry["error"]["type"]) == ("failed", "out_of_memory"), entry
    assert_clean_reason(entry)


@pytest.fixture
def two_packs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    return [Path(shutil.copy(MINUTE, folder)), Path(shutil.copy(SLIDES, folder))]


def test_exit_code_is_0_when_every_input_is_ok(two_packs, tmp_path):
    assert batch(*two_packs, "--out", tmp_path / "out").exit_code == 0


def test_a_rerun_skips_what_is_done_rewrites_nothing_and_exits_0(two_packs, tmp_path):
    out = tmp_path / "out"
    batch(*two_packs, "--out", out)
    manifest_before = (out / "manifest.jsonl").read_text(encoding="utf-8")
    stamps = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    again = batch(*two_packs, "--out", out)
    assert again.exit_code == 0 and "2 skipped (2 already done)" in again.stderr
    assert (out / "manifest.jsonl").read_text(encoding="utf-8") == manifest_before
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")} == stamps


def test_a_rerun_processes_again_an_input_whose_output_was_deleted_or_corrupted(two_packs, tmp_path):
    out = tmp_path / "out"
    batch(*two_packs, "--out", out)
    first, second = (out / r["output"] for r in records(out))
    first.unlink()
    second.write_text('{"truncated": ', encoding="utf-8")
    result = batch(*two_packs, "--out", out)
    assert result.exit_code == 0 and "2 ok" in result.stderr
    assert all(json.loads(p.read_text(encoding="utf-8"))["source"] for p in (first, second))


def test_a_rerun_retries_inputs_that_failed_and_keeps_one_record_each(two_packs, tmp_path):
    out, slow = tmp_path / "out", slow_page(two_packs[0].parent)
    assert batch(slow, "--out", out, "--timeout", 2, env={TEST_FAULTS_ENV: TEST_FAULTS}).exit_code == 1
    assert batch(slow, *two_packs, "--out", out).exit_code == 0
    assert {r["file"]: r["status"] for r in records(out)} == {str(p): "ok" for p in (slow, *two_packs)}


def test_identical_content_under_two_names_is_processed_once(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    first = Path(shutil.copy(MINUTE, tmp_path / "a" / "x.pdf"))
    copy = Path(shutil.copy(MINUTE, tmp_path / "b" / "y.pdf"))
    result = batch(first, copy, "--out", tmp_path / "out")
    found = by_name(tmp_path / "out")
    assert found["x.pdf"]["status"] == "ok" and found["y.pdf"]["status"] == "skipped"
    assert found["y.pdf"]["output"] == found["x.pdf"]["output"] and found["y.pdf"]["duplicate_of"] == str(first)
    assert len(list((tmp_path / "out").glob("*.json"))) == 1 and result.exit_code == 0


def test_two_different_files_with_the_same_name_do_not_overwrite_each_other(tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    one, two = shutil.copy(MINUTE, tmp_path / "a" / "report.pdf"), shutil.copy(SLIDES, tmp_path / "b" / "report.pdf")
    batch(one, two, "--out", tmp_path / "out")
    outputs = {r["output"]: r["sha256"] for r in records(tmp_path / "out")}
    assert len(outputs) == 2
    for name, sha in outputs.items():
        assert json.loads((tmp_path / "out" / name).read_text(encoding="utf-8"))["source"]["sha256"] == sha


def test_outputs_of_hostile_file_names_stay_in_the_output_folder(tmp_path):
    folder = tmp_path / "in" / "deep"
    folder.mkdir(parents=True)
    names = ["..pdf", "...pdf", " .pdf", "-rf.pdf", "a\nb.pdf", "£ report (final).pdf", "..\\..\\x.pdf"]
    for n, name in enumerate(names):
        distinct_copy(MINUTE, folder / name, str(n))
    out = tmp_path / "out"
    batch(folder, "--out", out)
    written = [p for p in tmp_path.rglob("*.json")]
    assert len(written) == len(names) and all(p.parent == out for p in written)


def test_quiet_prints_nothing(two_packs, tmp_path):
    result = batch(*two_packs, "--out", tmp_path / "out", "--quiet")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == ""


def test_plain_log_lines_when_stderr_is_not_a_terminal(two_packs, tmp_path):
    lines = batch(*two_packs, "--out", tmp_path / "out").stderr.splitlines()
    assert lines[0] == "batch: 2 inputs"
    assert lines[1].startswith("[1/2] ok ") and lines[2].startswith("[2/2] ok ")
    assert lines[-1].startswith("done: 2 ok, 0 failed, 0 skipped;") and "pages/s" in lines[-1]


def test_progress_bar_on_a_terminal_shows_counts_and_pages_per_second():
    from extract.batch.progress import BarReporter, make_reporter
    from extract.batch.runner import Summary

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    reporter = make_reporter(quiet=False, stream=screen)
    assert isinstance(reporter, BarReporter)
    reporter.start(2)
    reporter.advance(ManifestRecord("/a.pdf", "0" * 64, "ok", "a.json", 10, 1.0, None, "v"), False)
    reporter.finish(Summary(ok=1, pages=10, elapsed=1.0))
    text = screen.getvalue()
    assert "1/2" in text and "ok 1" in text and "pages/s" in text and "done: 1 ok" in text


@pytest.mark.parametrize("args, message", [
    (["nowhere/missing.pdf"], "no such file or folder"),
    (["nowhere/*.pdf"], "no PDF matches"),
    ([str(MINUTE), "--executor", "dask"], "needs --scheduler"),
    ([str(MINUTE), "--scheduler", "tcp://127.0.0.1:8786"], "only used with --executor dask"),
    ([str(MINUTE), "--jobs", "0"], "--jobs"),
    ([str(MINUTE), "--max-memory", "10"], "--max-memory"),
])
def test_usage_errors_exit_2_with_one_message(tmp_path, args, message):
    result = batch(*args, "--out", tmp_path / "out")
    assert result.exit_code == 2 and message in result.stderr


def test_a_batch_into_a_folder_another_batch_is_writing_exits_2(tmp_path):
    with Manifest(tmp_path / "out"):
        result = batch(MINUTE, "--out", tmp_path / "out")
    assert result.exit_code == 2 and "another batch is writing" in result.stderr


def test_help_loads_none_of_the_batch_machinery():
    code = ("import sys, extract.cli.main; heavy = ('extract.batch.runner.', 'extract.batch.worker', "
            "'extract.batch.export', 'extract.batch.local_executor', 'extract.batch.dask_executor', "
            "'pydantic', 'spacy', 'distributed', 'pdfplumber'); "
            "print([m for m in sys.modules if m.startswith(heavy) or m == 'extract.batch.runner'])")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
    assert "batch" in subprocess.run([sys.executable, "-m", "extract", "--help"], capture_output=True,
                                     text=True, check=True).stdout


def test_the_generated_bad_inputs_cover_every_kind_the_issue_names():
    names = {maker.__name__ for maker in BAD_INPUTS}
    assert names == {"zero_bytes", "truncated", "random_after_header", "encrypted", "text_named_pdf",
                     "many_blank_pages", "slow_page"}
    assert len(GOOD_PACKS) == 4
