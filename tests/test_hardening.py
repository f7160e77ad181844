"""Hardening (issue 14): no silent overwrite, no unbounded run, no collision, strict inputs.
One group of tests per numbered case of the issue."""
from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract import __version__
from extract.cli.main import main
from tests.conftest import MINUTE_2017, ROOT
from tests.test_export import synthetic_batch  # noqa: F401 - a fixture

SHA = "ab" * 32  # the synthetic batch's content


def invoke(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


def error_lines(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def minute_output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("minute")
    assert invoke("run", MINUTE_2017, "--out", out).exit_code == 0
    return out / f"{MINUTE_2017.stem}.json"


# --- 1. output names cannot collide --------------------------------------------------------


def test_two_contents_whose_names_clash_get_different_outputs(tmp_path, monkeypatch):
    from extract.batch import runner

    monkeypatch.setattr(runner, "output_name", lambda path, sha: f"pack-{sha[:1]}.json")  # a clash, made easy
    a, b = tmp_path / "a" / "pack.pdf", tmp_path / "b" / "pack.pdf"
    for path, data in ((a, b"%PDF-1.4 one\n"), (b, b"%PDF-1.4 two\n")):
        path.parent.mkdir()
        path.write_bytes(data)
    shas = [runner.hash_input(p)[0] for p in (a, b)]
    monkeypatch.setattr(runner, "output_name", lambda path, sha: "pack-0.json")
    plan = runner.plan_batch([a, b], tmp_path / "out", [])
    names = {job.sha256: job.output for job in plan.jobs}
    assert set(names) == set(shas) and len(set(names.values())) == 2


def test_a_clash_with_an_earlier_runs_output_is_resolved(tmp_path, monkeypatch):
    from extract.batch import runner
    from extract.batch.manifest import ManifestRecord

    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(b"%PDF-1.4 new content\n")
    monkeypatch.setattr(runner, "output_name", lambda path, sha: "pack-0.json")
    earlier = ManifestRecord("/elsewhere/pack.pdf", "f" * 64, "ok", "pack-0.json", 1, 1.0, None, "x")
    plan = runner.plan_batch([pdf], tmp_path / "out", [earlier])
    assert [job.output for job in plan.jobs] != ["pack-0.json"]


def test_full_hash_names_differ_where_twelve_digits_agree():
    from extract.batch.manifest import output_name

    one, two = "0" * 12 + "1" * 52, "0" * 12 + "2" * 52
    assert output_name(Path("pack.pdf"), one) != output_name(Path("pack.pdf"), two)


def test_export_leaves_out_an_output_that_is_not_its_records_content(synthetic_batch):  # noqa: F811
    import sqlite3

    from extract.batch.manifest import Manifest, ManifestRecord

    with Manifest(synthetic_batch) as manifest:  # a second content pointing at the same output
        manifest.append(ManifestRecord("/in/other.pdf", "cd" * 32, "ok", "synthetic.json", 10, 1.0, None, "0.1.0"))
    result = invoke("export", synthetic_batch)
    assert result.exit_code == 3
    assert any("synthetic.json" in line and "sha256" in line for line in error_lines(result))
    connection = sqlite3.connect(synthetic_batch / "export.sqlite")
    assert [r[0] for r in connection.execute("SELECT sha256 FROM packs")] == [SHA]


# --- 2. limits on run, review and check -------------------------------------------------------


def _sleep_forever(*_args):
    time.sleep(600)


def _eat_memory(*_args):
    hog = []
    while True:
        hog.append(bytearray(32 << 20))


@pytest.mark.parametrize("command,task", [("run", "run_one"), ("review", "review_one"), ("check", "check_one")])
def test_a_slow_input_stops_at_the_timeout_with_exit_3(tmp_path, monkeypatch, minute_output, command, task):
    from extract.cli import tasks

    monkeypatch.setattr(tasks, task, _sleep_forever)
    target = minute_output if command == "check" else MINUTE_2017
    started = time.monotonic()
    result = invoke(command, target, "--out", tmp_path / "o.out", "--timeout", "2")
    assert result.exit_code == 3
    assert time.monotonic() - started < 30
    assert error_lines(result) == [f"error: {target}: took longer than the 2 s timeout (--timeout)"]


@pytest.mark.parametrize("command,task", [("run", "run_one"), ("review", "review_one"), ("check", "check_one")])
def test_an_input_past_the_memory_cap_fails_with_exit_3(tmp_path, monkeypatch, minute_output, command, task):
    from extract.cli import tasks

    monkeypatch.setattr(tasks, task, _eat_memory)
    target = minute_output if command == "check" else MINUTE_2017
    result = invoke(command, target, "--out", tmp_path / "o.out", "--max-memory", "1024", "--timeout", "60")
    assert result.exit_code == 3
    lines = error_lines(result)
    assert len(lines) == 1 and lines[0].startswith(f"error: {target}: ") and "memory" in lines[0]


def test_run_goes_on_after_an_input_that_times_out(tmp_path, monkeypatch):
    from extract.cli import tasks

    real = tasks.run_one
    monkeypatch.setattr(tasks, "run_one", lambda pdf, *a: _sleep_forever() if "slow" in str(pdf) else real(pdf, *a))
    slow = tmp_path / "slow.pdf"
    slow.write_bytes(MINUTE_2017.read_bytes())
    result = invoke("run", slow, MINUTE_2017, "--out", tmp_path / "out", "--timeout", "2")
    assert result.exit_code == 3
    assert (tmp_path / "out" / f"{MINUTE_2017.stem}.json").exists() and not (tmp_path / "out" / "slow.json").exists()


def test_review_renders_an_oversized_page_crop_by_crop_never_whole(tmp_path, monkeypatch):
    from reportlab.pdfgen import canvas

    from extract.models import Figure
    from extract.review import crops
    from tests.test_review import decoded

    pdf = tmp_path / "huge.pdf"
    page = canvas.Canvas(str(pdf), pagesize=(14400, 14400))
    page.setFont("Helvetica", 12)
    page.drawString(7000, 14400 - 7000 - 10, "Current budget £0.82M")
    page.save()
    figure = Figure(kind="money", value=820_000, text="£0.82M", precision=10_000, page=1,
                    bbox=(7090.0, 7000.0, 7125.0, 7012.0))
    monkeypatch.setattr(crops.PageRenderer, "render", lambda *a: (_ for _ in ()).throw(AssertionError("whole page")))
    result = crops.render_crops(pdf, [crops.CropRequest("f1", 1, (crops.Mark(1, figure),))])
    [crop] = result.crops["f1"]
    assert crop.width * crop.height <= crops.MAX_CROP_PIXELS
    image = decoded(crop.src).convert("L")
    assert image.getextrema()[0] < 100  # the printed text (and the mark) are in it


# --- 3. no command writes over its inputs ----------------------------------------------------


def test_review_refuses_to_write_over_its_pdf(tmp_path):
    pdf = tmp_path / "in.pdf"
    pdf.write_bytes(MINUTE_2017.read_bytes())
    result = invoke("review", pdf, "--out", pdf)
    assert result.exit_code == 2
    assert pdf.read_bytes() == MINUTE_2017.read_bytes()


def test_check_refuses_to_write_over_its_input(tmp_path, minute_output):
    copy = tmp_path / "in.json"
    copy.write_bytes(minute_output.read_bytes())
    assert invoke("check", copy, "--out", copy).exit_code == 2
    assert copy.read_bytes() == minute_output.read_bytes()


@pytest.mark.parametrize("fmt,name", [("sqlite", "manifest.jsonl"), ("sqlite", "synthetic.json"),
                                      ("csv", "synthetic.json"), ("jsonl", "."), ("sqlite", ".")])
def test_export_refuses_to_write_over_the_batch(synthetic_batch, fmt, name):  # noqa: F811
    before = {p.name: p.read_bytes() for p in synthetic_batch.iterdir() if p.is_file()}
    result = invoke("export", synthetic_batch, "--format", fmt, "--to", synthetic_batch / name)
    assert result.exit_code == 2
    assert {p.name: p.read_bytes() for p in synthetic_batch.iterdir() if p.is_file()} == before


def test_export_refuses_a_folder_that_is_not_an_earlier_export(synthetic_batch, tmp_path):  # noqa: F811
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "thesis.docx").write_text("years of work")
    assert invoke("export", synthetic_batch, "--format", "csv", "--to", mine).exit_code == 2
    assert (mine / "thesis.docx").read_text() == "years of work"


def test_run_with_two_inputs_of_one_stem_is_a_usage_error(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.pdf").write_bytes(MINUTE_2017.read_bytes())
    result = invoke("run", tmp_path / "a" / "same.pdf", tmp_path / "b" / "same.pdf", "--out", tmp_path / "o")
    assert result.exit_code == 2
    assert not (tmp_path / "o").exists()


def test_run_refuses_an_output_that_is_its_input(tmp_path):
    pdf = tmp_path / "pack.json"  # a PDF with an unlucky name
    pdf.write_bytes(MINUTE_2017.read_bytes())
    assert invoke("run", pdf, "--out", tmp_path).exit_code == 2
    assert pdf.read_bytes() == MINUTE_2017.read_bytes()


# --- 4. check refuses numbers JSON or the outputs cannot hold -------------------------------------


@pytest.mark.parametrize("bad", ["NaN", "Infinity", "-Infinity", "1e400", "1e300"])
def test_check_refuses_non_finite_and_out_of_range_numbers(tmp_path, minute_output, bad):
    document = json.loads(minute_output.read_text())
    document["figures"] = [{"kind": "money", "value": "__BAD__", "text": "£1", "precision": 1, "page": 1,
                            "bbox": [0, 0, 1, 1]}]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document).replace('"__BAD__"', bad))
    result = invoke("check", path)
    assert result.exit_code == 3
    assert error_lines(result)[0].startswith(f"error: {path}: not an agenda-extract output")
    assert result.stdout == ""


def test_outputs_never_hold_bare_nan():
    from extract.errors import OutputError
    from extract.output import dumps

    with pytest.raises(OutputError):
        dumps({"value": float("nan")})


# --- 5. numeric options are checked -------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ["--timeout", "nan"], ["--timeout", "inf"], ["--timeout", "0"], ["--timeout", "-5"],
    ["--max-memory", "99999999999999"], ["--max-memory", "10"],
])
@pytest.mark.parametrize("command", ["batch", "run", "review", "check"])
def test_numeric_options_out_of_range_are_usage_errors(tmp_path, command, args):
    extra = ["--out", tmp_path / "out"]
    result = invoke(command, MINUTE_2017, *extra, *args)
    assert result.exit_code == 2, result.output
    assert "No such option" not in result.output and "Invalid value" in result.output


def test_jobs_out_of_range_is_a_usage_error(tmp_path):
    assert invoke("batch", MINUTE_2017, "--out", tmp_path, "--jobs", "1000000000").exit_code == 2


# --- 6. manifest lines with the wrong types are reported and skipped --------------------------------


BAD_LINES = [dict(line, tool_version=__version__) for line in [
    {"file": "/x.pdf", "sha256": {"a": 1}, "status": "ok", "output": "x.json"},
    {"file": "/y.pdf", "sha256": "ab" * 32, "status": "ok", "output": ["x.json"]},
    {"file": ["/z.pdf"], "sha256": "ab" * 32, "status": "ok", "output": "x.json"},
    {"file": "/w.pdf", "sha256": "ab" * 32, "status": "failed", "output": None, "error": "boom"},
    {"file": "/v.pdf", "sha256": "ab" * 32, "status": "ok", "output": "x.json", "pages": "many"},
]]


def test_mistyped_manifest_lines_are_skipped_and_counted():
    from extract.batch.manifest import parse_manifest

    good = {"file": "/g.pdf", "sha256": "ab" * 32, "status": "ok", "output": "g.json", "tool_version": "1"}
    skipped: list[int] = []
    records = parse_manifest("\n".join(json.dumps(d) for d in [*BAD_LINES, good]), skipped)
    assert [r.file for r in records] == ["/g.pdf"]
    assert skipped == [1, 2, 3, 4, 5]


def test_batch_plans_over_a_manifest_with_mistyped_lines(tmp_path):
    from extract.batch.manifest import MANIFEST_NAME, read_manifest
    from extract.batch.runner import plan_batch

    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).write_text("".join(json.dumps(d) + "\n" for d in BAD_LINES))
    plan = plan_batch([MINUTE_2017], out, read_manifest(out))
    assert [job.file for job in plan.jobs] == [str(MINUTE_2017)]


def test_export_reports_and_skips_mistyped_manifest_lines(synthetic_batch):  # noqa: F811
    with (synthetic_batch / "manifest.jsonl").open("a") as handle:
        handle.write("".join(json.dumps(d) + "\n" for d in BAD_LINES))
    result = invoke("export", synthetic_batch)
    assert result.exit_code == 0
    assert sum("not a manifest record" in line for line in error_lines(result)) == len(BAD_LINES)


# --- 7. only regular files are read ---------------------------------------------------------------


def _cli(*args, timeout=60):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "extract", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT)


@pytest.mark.parametrize("command", ["run", "review", "check"])
def test_a_fifo_is_refused_not_waited_on(tmp_path, command):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    result = _cli(command, fifo, "--out", tmp_path / "out.x")
    assert result.returncode == 3
    assert result.stderr.strip().splitlines() == [f"error: {fifo}: not a regular file"]


def test_check_on_a_folder_or_a_device_is_an_input_error(tmp_path):
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    for target in (tmp_path, link):
        result = invoke("check", target)
        assert result.exit_code == 3
        assert len(error_lines(result)) == 1 and error_lines(result)[0].startswith(f"error: {target}: ")


def test_check_refuses_a_file_over_the_size_limit(tmp_path, monkeypatch):
    from extract.cli import tasks

    monkeypatch.setattr(tasks, "MAX_JSON_BYTES", 1000)
    big = tmp_path / "big.json"
    big.write_text(" " * 2000 + "{}")
    result = invoke("check", big)
    assert result.exit_code == 3 and "larger than" in result.stderr


# --- 8. export writes the whole set or leaves the earlier one -------------------------------------


def test_a_failed_csv_export_leaves_the_earlier_export_untouched(synthetic_batch, monkeypatch):  # noqa: F811
    assert invoke("export", synthetic_batch, "--format", "csv").exit_code == 0
    folder = synthetic_batch / "export-csv"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    (synthetic_batch / "synthetic.json").write_text(
        (synthetic_batch / "synthetic.json").read_text().replace("Scrutiny", "Cabinet"))
    real_fsync, calls = os.fsync, []

    def full_disk(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_disk)
    result = invoke("export", synthetic_batch, "--format", "csv")
    assert result.exit_code == 4
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in synthetic_batch.iterdir() if p.name.startswith(".export")) == []


# --- 9. the smaller ones ---------------------------------------------------------------------------


def test_run_html_that_cannot_be_written_names_the_html_file(tmp_path):
    out = tmp_path / "out"
    (out / f"{MINUTE_2017.stem}.html").mkdir(parents=True)  # no room for the page: a folder in its place
    result = invoke("run", MINUTE_2017, "--out", out, "--html")
    assert result.exit_code == 4
    [line] = error_lines(result)
    assert line.startswith(f"error: {out / MINUTE_2017.stem}.html: cannot write")
    assert (out / f"{MINUTE_2017.stem}.json").exists()


def test_a_file_name_of_254_bytes_can_be_written(tmp_path):
    from extract.output import write_atomic

    target = tmp_path / ("x" * 249 + ".json")
    write_atomic(target, "{}\n")
    assert target.read_text() == "{}\n" and len(list(tmp_path.iterdir())) == 1


def test_a_worker_killed_far_from_its_memory_cap_is_not_called_out_of_memory():
    from extract.batch.worker import Limits, describe_exit

    info = describe_exit(-signal.SIGKILL, Limits(300, 2048), near_cap=False)
    assert info.type == "crashed" and "memory" not in info.message


def test_a_newline_in_a_file_name_stays_on_one_log_line():
    from extract.batch.manifest import ErrorInfo, ManifestRecord
    from extract.batch.progress import describe

    record = ManifestRecord("/in/evil\nok /in/fake.pdf", None, "failed", None, None, 0.0,
                            ErrorInfo("not_a_pdf", "not a PDF"), "1")
    assert "\n" not in describe(record)


def test_a_newline_in_a_file_name_stays_on_one_error_line(tmp_path):
    bad = tmp_path / "evil\nname.pdf"
    bad.write_bytes(b"not a pdf")
    result = invoke("run", bad, "--out", tmp_path / "out")
    assert result.exit_code == 3 and len(error_lines(result)) == 1


def test_a_killed_batch_leaves_no_fork_server_folder(tmp_path):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp), AGENDA_EXTRACT_TEST_FAULTS="sleep:minute")
    batch = subprocess.Popen([sys.executable, "-m", "extract", "batch", MINUTE_2017, "--out", tmp_path / "out",
                              "--quiet"], env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while not list(tmp.glob("pymp-*")) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert list(tmp.glob("pymp-*")), "the fork server never started"
        time.sleep(3)
    finally:
        batch.send_signal(signal.SIGKILL)
        batch.wait()
    deadline = time.monotonic() + 30
    while list(tmp.glob("pymp-*")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(tmp.glob("pymp-*")) == []


@pytest.mark.parametrize("command", ["run", "review"])
def test_every_command_prints_a_bad_pdf_the_same_way(tmp_path, command):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"just text")
    result = invoke(command, bad, "--out", tmp_path / "out.x")
    assert result.exit_code == 3
    assert error_lines(result) == [f"error: {bad}: not a PDF (no %PDF- header in its first 1024 bytes)"]


def test_every_domain_error_has_one_base_with_kind_and_exit_code():
    import extract.batch.dask_executor as dask_executor
    import extract.batch.manifest as manifest
    import extract.batch.runner as runner
    import extract.errors as errors

    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, Exception)]
    classes += [runner.NoSuchInput, manifest.ManifestBusy, dask_executor.DaskUnavailable]
    for cls in classes:
        assert issubclass(cls, errors.AgendaExtractError), cls
        assert cls.exit_code in (errors.EXIT_USAGE, errors.EXIT_INPUT, errors.EXIT_OUTPUT) and cls.kind
