"""`POST /v1/compare` over HTTP, the real server: the very JSON `agenda-extract compare --out -`
writes for two generated versions, its summary line in X-Summary, a bad or missing version a
JSON 400 naming its field, the size limit over both files together, no temporary file left."""
from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest

from tests.compare_kit import ROWS, with_cell, write_paper
from tests.conftest import ROOT
from tests.served import start_server
from tests.test_serve import assert_json_error


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    served = start_server(tmp_path_factory.mktemp("serve-compare"), "--jobs", "1", "--timeout", "120",
                          "--max-upload-mb", "1", "--ocr", "never")
    yield served
    served.stop()


@pytest.fixture(scope="module")
def versions(tmp_path_factory) -> tuple[Path, Path]:
    """Two versions of one paper under the same file name (as a revised paper often is): one cell changed."""
    folder = tmp_path_factory.mktemp("versions")
    (folder / "old").mkdir()
    (folder / "new").mkdir()
    old = write_paper(folder / "old" / "capital.pdf")
    new = write_paper(folder / "new" / "capital.pdf", with_cell(ROWS, "Libraries", 1, "1,020"))
    return old, new


def post_versions(client, old: tuple[str, bytes] | None, new: tuple[str, bytes] | None, **fields):
    files = {name: (file[0], file[1], "application/pdf") for name, file in (("old", old), ("new", new)) if file}
    return client.post("/v1/compare", files=files, data=fields)


def as_file(path: Path) -> tuple[str, bytes]:
    return path.name, path.read_bytes()


def test_compare_answers_the_very_json_the_cli_writes_with_its_summary_line(server, versions):
    old, new = versions
    done = subprocess.run([sys.executable, "-m", "extract", "compare", str(old), str(new), "--out", "-",
                           "--ocr", "never"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    with server.client() as client:
        response = post_versions(client, as_file(old), as_file(new))
        health = client.get("/healthz").json()
    assert response.status_code == 200, response.text[:500]
    assert (health["running"], health["queued"]) == (0, 0)
    assert response.headers["content-type"].startswith("application/json")
    assert response.text == done.stdout
    assert response.json()["changes"], "the changed cell is a change"
    assert response.headers["x-summary"] == done.stderr.strip().splitlines()[-1]
    assert response.headers["x-summary"].startswith("1 figure changed")
    assert server.uploads_left() == []


def test_a_version_given_as_an_output_of_run_compares_as_the_pdf_does(server, versions, tmp_path):
    old, new = versions
    output = tmp_path / "capital.json"
    done = subprocess.run([sys.executable, "-m", "extract", "run", str(old), "--out", "-", "--ocr", "never",
                           "--jobs", "1"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    output.write_text(done.stdout, encoding="utf-8")
    with server.client() as client:
        from_pdf = post_versions(client, as_file(old), as_file(new), ocr="never")
        from_output = post_versions(client, as_file(output), as_file(new), ocr="never")
    assert from_pdf.status_code == from_output.status_code == 200, from_output.text[:500]
    assert from_output.json()["changes"] == from_pdf.json()["changes"]
    assert server.uploads_left() == []


def test_a_bad_new_version_is_a_json_400_naming_its_field(server, versions):
    old, _ = versions
    with server.client() as client:
        response = post_versions(client, as_file(old), ("revised.pdf", b"Minutes of the meeting\n" * 40))
        health = client.get("/healthz").json()
    error = assert_json_error(response, 400, "not_a_pdf")
    assert error["message"].startswith("new (revised.pdf): ")
    assert (health["running"], health["queued"]) == (0, 0), "every place the request took in the queue is given back"
    assert server.uploads_left() == []


def test_a_missing_version_or_a_bad_option_is_a_json_400(server, versions):
    old, new = versions
    with server.client() as client:
        missing = assert_json_error(post_versions(client, as_file(old), None), 400, "bad_request")
        assert "'new'" in missing["message"]
        neither = assert_json_error(post_versions(client, None, None, ocr="never"), 400, "bad_request")
        assert "'old' and 'new'" in neither["message"]
        assert_json_error(post_versions(client, as_file(old), as_file(new), ocr="sometimes"), 400, "bad_request")
        health = client.get("/healthz").json()
    assert (health["running"], health["queued"]) == (0, 0)
    assert server.uploads_left() == []


def test_two_files_each_under_the_limit_but_past_it_together_are_413(server):
    part = b"%PDF-1.7\n" + b"0" * (600 << 10)  # 0.6 MB each; the server's limit is 1 MB
    with server.client() as client:
        assert_json_error(post_versions(client, ("a.pdf", part), ("b.pdf", part)), 413, "too_large")
        assert client.get("/healthz").status_code == 200
    assert server.uploads_left() == []


def test_compare_is_in_the_openapi_schema_with_its_two_file_fields(server):
    with server.client() as client:
        operation = client.get("/openapi.json").json()["paths"]["/v1/compare"]["post"]
        docs = client.get("/docs").text
    body = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert body["required"] == ["old", "new"]
    assert "X-Summary" in operation["responses"]["200"]["headers"]
    assert "POST /v1/compare" in docs


def _part(name: str, filename: str, data: bytes) -> bytes:
    head = f'--b\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n\r\n'
    return head.encode() + data + b"\r\n"


def receive_versions(tmp_path, *parts: bytes, limit: int = 1000):
    from extract.serve.uploads import receive_upload
    from tests.test_serve_units import _body

    return asyncio.run(receive_upload("multipart/form-data; boundary=b", None, _body(*parts, b"--b--\r\n"), tmp_path,
                                      limit, file_fields=("old", "new")))


def test_two_file_fields_of_one_name_are_kept_apart_each_in_its_own_folder(tmp_path):
    upload = receive_versions(tmp_path, _part("old", "a.pdf", b"%PDF-old"), _part("new", "a.pdf", b"%PDF-new"))
    assert upload.files["old"].read_bytes() == b"%PDF-old" and upload.files["new"].read_bytes() == b"%PDF-new"
    assert upload.files["old"].name == upload.files["new"].name == "a.pdf" and upload.path == upload.files["old"]
    assert upload.size == 16
    upload.discard()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("parts, kind, words", [
    ((_part("old", "a.pdf", b"x" * 600), _part("new", "b.pdf", b"x" * 600)), "too_large", "together"),
    ((_part("old", "a.pdf", b"%PDF-"),), "bad_request", "'new'"),
    ((_part("file", "a.pdf", b"%PDF-"),), "bad_request", "'old' and 'new'"),
])
def test_two_files_past_the_limit_together_or_one_missing_are_refused_leaving_nothing(tmp_path, parts, kind, words):
    from extract.errors import AgendaExtractError

    with pytest.raises(AgendaExtractError) as refused:
        receive_versions(tmp_path, *parts)
    assert refused.value.kind == kind and words in refused.value.reason
    assert list(tmp_path.iterdir()) == []
