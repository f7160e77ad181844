"""`agenda-extract compare`: its output and schema, its page, its errors and exit codes."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from extract.cli.main import main
from extract.compare.output import compare_schema
from tests.compare_kit import ROWS, with_cell, write_paper
from tests.conftest import ROOT

COMMITTED = ROOT / "schemas" / "compare.schema.json"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("versions")
    old = write_paper(folder / "old.pdf")
    new = write_paper(folder / "new.pdf", rows=with_cell(ROWS, "Libraries", 1, "995"))
    return old, new


def test_committed_compare_schema_is_what_the_models_generate():
    assert json.loads(COMMITTED.read_text()) == compare_schema(), (
        "schemas/compare.schema.json is stale: run `agenda-extract schema --compare > schemas/compare.schema.json`")


def test_schema_compare_prints_the_committed_schema():
    result = invoke("schema", "--compare")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(COMMITTED.read_text())


def test_compare_prints_validated_changes_and_the_summary_line(versions):
    old, new = versions
    result = invoke("compare", str(old), str(new))
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    jsonschema.validate(document, json.loads(COMMITTED.read_text()))
    assert (document["old"]["file"], document["new"]["file"]) == ("old.pdf", "new.pdf")
    assert document["old"]["sha256"] != document["new"]["sha256"]
    assert [(c["kind"], c["row"], c["old"]["text"], c["new"]["text"]) for c in document["changes"]] == [
        ("changed", "Libraries", "990", "995")]
    assert result.stderr.strip().splitlines()[-1] == "1 figure changed, 0 rows added, 0 removed"


def test_a_paper_compared_with_itself_has_no_change(versions):
    old, _ = versions
    result = invoke("compare", str(old), str(old))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["changes"] == []
    assert result.stderr.strip() == "0 figures changed, 0 rows added, 0 removed"


def test_an_output_of_run_compares_as_its_pdf_does(versions, tmp_path):
    old, new = versions
    assert invoke("run", str(old), "--out", str(tmp_path)).exit_code == 0
    from_json = invoke("compare", str(tmp_path / "old.json"), str(new))
    from_pdf = invoke("compare", str(old), str(new))
    assert json.loads(from_json.stdout)["changes"] == json.loads(from_pdf.stdout)["changes"]


def test_out_and_html_write_whole_files(versions, tmp_path):
    old, new = versions
    out, html = tmp_path / "changes.json", tmp_path / "changes.html"
    result = invoke("compare", str(old), str(new), "--out", str(out), "--html", str(html))
    assert result.exit_code == 0, result.output
    assert len(json.loads(out.read_text())["changes"]) == 1
    page = html.read_text()
    assert page.count('<figure class="crop"') == 2  # the old page and the new, side by side
    assert "990 → 995" in page and "<script" not in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changes.html", "changes.json"]


def test_the_page_of_a_version_given_as_json_says_so_in_place_of_its_crop(versions, tmp_path):
    old, new = versions
    assert invoke("run", str(old), "--out", str(tmp_path)).exit_code == 0
    html = tmp_path / "changes.html"
    assert invoke("compare", str(tmp_path / "old.json"), str(new), "--html", str(html)).exit_code == 0
    page = html.read_text()
    assert page.count('<figure class="crop"') == 1  # the new page only
    assert "given as JSON" in page


def test_a_bad_input_is_one_line_naming_it_and_exit_3(versions, tmp_path):
    old, _ = versions
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"not a pdf at all")
    out = tmp_path / "changes.json"
    result = invoke("compare", str(old), str(bad), "--out", str(out))
    assert result.exit_code == 3
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        line for line in result.stderr.splitlines() if "bad.pdf" in line]
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_json_that_is_not_an_output_is_exit_3(versions, tmp_path):
    old, _ = versions
    bad = tmp_path / "other.json"
    bad.write_text('{"hello": 1}')
    result = invoke("compare", str(bad), str(old))
    assert result.exit_code == 3
    assert "other.json" in result.stderr and "not an agenda-extract output" in result.stderr


def test_an_output_naming_an_input_is_a_usage_error_and_the_input_is_kept(versions):
    old, new = versions
    before = new.read_bytes()
    for option in ("--out", "--html"):
        result = invoke("compare", str(old), str(new), option, str(new))
        assert result.exit_code == 2
        assert new.read_bytes() == before


def test_compare_has_help_naming_its_options():
    result = invoke("compare", "--help")
    assert result.exit_code == 0
    for option in ("--out", "--html", "--timeout", "--max-memory", "--ocr"):
        assert option in result.output
