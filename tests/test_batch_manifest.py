"""Batch bookkeeping without running any PDF: output names, the manifest, the plan, messages."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extract.batch.manifest import (
    ErrorInfo,
    Manifest,
    ManifestBusy,
    ManifestRecord,
    output_name,
    parse_manifest,
    read_manifest,
    safe_stem,
)
from extract.batch.runner import NoSuchInput, paths_to_inputs, plan_batch
from extract.batch.worker import clean_message

VERSION = "9.9.9"


def record(file: str, sha: str | None = "a" * 64, status: str = "ok", output: str | None = "x.json",
           version: str = VERSION) -> ManifestRecord:
    error = ErrorInfo("damaged", "bad") if status == "failed" else None
    return ManifestRecord(file, sha, status, output if status != "failed" else None, 1, 0.1, error, version)


def fake_output(out_dir: Path, name: str, sha: str) -> str:
    (out_dir / name).write_text(json.dumps({"source": {"sha256": sha}}), encoding="utf-8")
    return name


@pytest.mark.parametrize("hostile", [
    "../../etc/passwd", "..", ".", "...", "/abs/olute", "a/../../b", "con", "nul\x00byte",
    "name with spaces and £", "Ünïcödé", "-leading-dash", "x" * 300, "..\\..\\windows", "",
])
def test_output_names_cannot_escape_the_output_folder(tmp_path, hostile):
    name = output_name(Path(f"{hostile}.pdf"), "f" * 64)
    target = (tmp_path / name).resolve()
    assert target.parent == tmp_path.resolve()
    assert "/" not in name and "\\" not in name and not name.startswith((".", "-"))
    assert name.endswith("-" + "f" * 64 + ".json") and len(name) <= 140


def test_same_stem_with_different_content_gets_different_output_names():
    assert output_name(Path("a/report.pdf"), "1" * 64) != output_name(Path("b/report.pdf"), "2" * 64)


def test_safe_stem_keeps_a_readable_name():
    assert safe_stem("Appendix B - Devolution Framework 2024") == "Appendix-B-Devolution-Framework-2024"


def test_manifest_reader_skips_a_torn_last_line_and_foreign_lines():
    good = record("/in/a.pdf").to_line()
    text = good + "not json\n" + '{"no": "status"}\n' + good.replace("a.pdf", "b.pdf") + good[:40]
    files = [r.file for r in parse_manifest(text)]
    assert files == ["/in/a.pdf", "/in/b.pdf"]


def test_appending_after_a_torn_line_starts_on_a_line_of_its_own(tmp_path):
    (tmp_path / "manifest.jsonl").write_text(record("/in/a.pdf").to_line() + '{"file": "/in/b.pd', encoding="utf-8")
    with Manifest(tmp_path) as manifest:
        manifest.append(record("/in/c.pdf"))
    lines = (tmp_path / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["file"] for line in lines] == ["/in/a.pdf", "/in/c.pdf"]


def test_compacting_keeps_the_latest_record_of_each_input_in_first_seen_order(tmp_path):
    with Manifest(tmp_path) as manifest:
        manifest.append(record("/in/a.pdf", status="failed"))
        manifest.append(record("/in/b.pdf"))
        manifest.append(record("/in/a.pdf"))
        manifest.compact()
    latest = read_manifest(tmp_path)
    assert [(r.file, r.status) for r in latest] == [("/in/a.pdf", "ok"), ("/in/b.pdf", "ok")]


def test_a_second_batch_on_the_same_folder_is_refused_while_one_runs(tmp_path):
    with Manifest(tmp_path):
        with pytest.raises(ManifestBusy):
            with Manifest(tmp_path):
                pass
    with Manifest(tmp_path):  # released with the first one
        pass


def test_stale_temporary_outputs_of_a_killed_run_are_removed(tmp_path):
    stale = tmp_path / ".pack-abc.json.x1y2.tmp"
    stale.write_text("{ half", encoding="utf-8")
    with Manifest(tmp_path):
        pass
    assert not stale.exists()


def test_folders_are_searched_recursively_for_pdfs_of_any_case(tmp_path):
    for name in ("a.pdf", "sub/b.PDF", "sub/deeper/c.Pdf", "notes.txt", "sub/d.pdf.bak"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = [p.relative_to(tmp_path).as_posix() for p in paths_to_inputs([tmp_path])]
    assert found == ["a.pdf", "sub/b.PDF", "sub/deeper/c.Pdf"]


def test_globs_files_and_folders_combine_without_repeats(tmp_path):
    for name in ("x/a.pdf", "y/b.pdf", "y/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    found = paths_to_inputs([tmp_path / "x" / "a.pdf", f"{tmp_path}/**/*", tmp_path / "x"])
    assert [p.name for p in found] == ["a.pdf", "b.pdf"]


def test_a_path_that_matches_nothing_is_reported(tmp_path):
    with pytest.raises(NoSuchInput, match="no such file"):
        paths_to_inputs([tmp_path / "missing.pdf"])
    with pytest.raises(NoSuchInput, match="no PDF matches"):
        paths_to_inputs([f"{tmp_path}/*.pdf"])


def test_plan_skips_an_input_done_with_the_same_content_and_tool_version(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 a")
    sha = __import__("hashlib").sha256(pdf.read_bytes()).hexdigest()
    output = fake_output(tmp_path, "a.json", sha)
    plan = plan_batch([pdf], tmp_path, [record(str(pdf), sha, output=output)], VERSION)
    assert (len(plan.done), plan.jobs) == (1, [])


@pytest.mark.parametrize("change", ["output deleted", "output corrupt", "new tool version", "content changed",
                                    "last run failed"])
def test_plan_runs_an_input_again_when_its_earlier_result_cannot_be_trusted(tmp_path, change):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 a")
    sha = __import__("hashlib").sha256(pdf.read_bytes()).hexdigest()
    output = fake_output(tmp_path, "a.json", sha)
    earlier = record(str(pdf), sha, output=output, status="failed" if change == "last run failed" else "ok")
    if change == "output deleted":
        (tmp_path / output).unlink()
    elif change == "output corrupt":
        (tmp_path / output).write_text('{"source": {"sha', encoding="utf-8")
    elif change == "content changed":
        pdf.write_bytes(b"%PDF-1.4 b")
    version = "10.0.0" if change == "new tool version" else VERSION
    plan = plan_batch([pdf], tmp_path, [earlier], version)
    assert [job.file for job in plan.jobs] == [str(pdf)] and not plan.done


def test_plan_runs_identical_content_once_and_holds_the_copies(tmp_path):
    files = []
    for name in ("one.pdf", "sub/two.pdf", "three.pdf"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"%PDF-1.4 same" if name != "three.pdf" else b"%PDF-1.4 other")
        files.append(path)
    plan = plan_batch(files, tmp_path / "out", [], VERSION)
    assert sorted(Path(job.file).name for job in plan.jobs) == ["one.pdf", "three.pdf"]
    assert plan.waiting[str(files[0])] == [str(files[1])]
    assert plan.total == 3


def test_plan_points_a_new_copy_at_the_output_of_an_earlier_run(tmp_path):
    first, copy = tmp_path / "first.pdf", tmp_path / "copy.pdf"
    first.write_bytes(b"%PDF-1.4 same")
    copy.write_bytes(b"%PDF-1.4 same")
    sha = __import__("hashlib").sha256(first.read_bytes()).hexdigest()
    output = fake_output(tmp_path, "first.json", sha)
    plan = plan_batch([copy], tmp_path, [record(str(first), sha, output=output)], VERSION)
    (decided,) = plan.decided
    assert (decided.file, decided.status, decided.output, decided.duplicate_of) == (
        str(copy), "skipped", output, str(first))


def test_an_unreadable_input_is_decided_failed_without_running(tmp_path):
    fifo = tmp_path / "pipe.pdf"
    __import__("os").mkfifo(fifo)
    plan = plan_batch([fifo], tmp_path, [], VERSION)
    (decided,) = plan.decided
    assert decided.status == "failed" and decided.error.message == "not a regular file" and not plan.jobs


@pytest.mark.parametrize("raw", [
    "Traceback (most recent call last):\n  File 'x.py', line 1\nValueError",
    "PSSyntaxError: Invalid dictionary construct: [/'Type', b'\\x8f\\x01\\xff\\x00stream bytes']",
    "bad \x00\x01\x02 control \x1b[31m chars",
    "x" * 1000,
])
def test_error_messages_are_one_short_printable_line_without_raw_bytes(raw):
    message = clean_message(raw)
    assert "\n" not in message and len(message) <= 160 and "Traceback" not in message
    assert "\\x" not in message and "b'" not in message and "\x00" not in message and "\x1b" not in message
    assert message.isprintable()
