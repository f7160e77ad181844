"""The command line: outputs, exit codes, bad input, and --help for every command."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from extract.cli.main import main
from tests.conftest import MINUTE_2017, ROOT

SCHEMA = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text())


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_run_writes_one_validated_json_per_pdf(tmp_path):
    result = invoke("run", str(MINUTE_2017), "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = tmp_path / "coventry-2017-cabinet-minute.json"
    jsonschema.validate(json.loads(written.read_text()), SCHEMA)
    assert [p.name for p in tmp_path.iterdir()] == [written.name]  # no temporary files left


def test_run_out_dash_prints_one_document(tmp_path):
    result = invoke("run", str(MINUTE_2017), "--out", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"]["pages"] == 2


def test_run_out_dash_refuses_two_inputs():
    result = invoke("run", str(MINUTE_2017), str(MINUTE_2017), "--out", "-")
    assert result.exit_code == 2


def make_bad_inputs(folder: Path) -> dict[str, Path]:
    import pikepdf

    good = MINUTE_2017.read_bytes()
    files = {
        "empty": b"",
        "not_a_pdf": b"Agenda\nThis is a text file named .pdf\n",
        "truncated": good[: len(good) // 3],
        "garbage": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    }
    paths = {}
    for name, data in files.items():
        paths[name] = folder / f"{name}.pdf"
        paths[name].write_bytes(data)
    paths["encrypted"] = folder / "encrypted.pdf"
    with pikepdf.open(MINUTE_2017) as pdf:
        pdf.save(paths["encrypted"], encryption=pikepdf.Encryption(owner="o", user="secret", R=6))
    return paths


REASONS = {
    "empty": "empty",
    "not_a_pdf": "not a PDF",
    "truncated": "",  # pdfium repairs some truncated files; either ok or a damaged-PDF message
    "garbage": "damaged",
    "encrypted": "encrypted",
}


@pytest.mark.parametrize("case", sorted(REASONS))
def test_bad_input_gets_one_line_error_exit_3_and_no_output(tmp_path, case):
    (tmp_path / "in").mkdir()
    bad = make_bad_inputs(tmp_path / "in")[case]
    out = tmp_path / "out"
    before = bad.read_bytes()
    result = subprocess.run(
        [sys.executable, "-m", "extract", "run", str(bad), "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )
    assert bad.read_bytes() == before  # the input is never modified
    if result.returncode == 0:
        assert case == "truncated"  # a repairable file may be read
        jsonschema.validate(json.loads((out / f"{bad.stem}.json").read_text()), SCHEMA)
        return
    assert result.returncode == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and "Traceback" not in result.stderr
    assert REASONS[case].lower() in lines[0].lower()
    assert not out.exists() or not any(out.iterdir())


def test_missing_file_and_folder_are_input_errors(tmp_path):
    assert invoke("run", str(tmp_path / "nope.pdf"), "--out", str(tmp_path)).exit_code == 3
    assert invoke("run", str(tmp_path), "--out", str(tmp_path / "o")).exit_code == 3


def test_one_bad_input_does_not_stop_the_others(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    result = invoke("run", str(bad), str(MINUTE_2017), "--out", str(tmp_path / "out"))
    assert result.exit_code == 3
    assert (tmp_path / "out" / "coventry-2017-cabinet-minute.json").exists()


def test_schema_command_prints_the_committed_schema():
    result = invoke("schema")
    assert json.loads(result.stdout) == SCHEMA


def test_check_refuses_a_file_that_is_not_an_output(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{}")
    result = invoke("check", str(bad))
    assert result.exit_code == 3 and "not an agenda-extract output" in result.output


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for name, command in main.commands.items():
        result = invoke(name, "--help")
        assert result.exit_code == 0 and command.help
        assert f"agenda-extract {name}" in readme, f"README does not show `agenda-extract {name}`"


def test_run_html_with_out_dash_is_a_usage_error(tmp_path):
    result = invoke("run", str(MINUTE_2017), "--out", "-", "--html")
    assert result.exit_code == 2 and "--html" in result.output


def test_outputs_get_the_users_umask_not_a_private_temporary_mode(tmp_path):
    import os

    previous = os.umask(0o022)
    try:
        from extract.output import new_file_mode, write_atomic

        new_file_mode.cache_clear()
        write_atomic(tmp_path / "x.json", "{}")
    finally:
        os.umask(previous)
        new_file_mode.cache_clear()
    assert (tmp_path / "x.json").stat().st_mode & 0o777 == 0o644


def test_every_command_module_imports_on_its_own():
    for module in ("extract.cli.check", "extract.cli.batch", "extract.cli.review"):
        done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-500:]
