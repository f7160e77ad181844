"""`agenda-extract serve` over HTTP, the real server (uvicorn in a subprocess on 127.0.0.1):
the document is the one `run` writes, bad uploads are JSON 4xx, the limits hold, async tasks,
the check route, the pages' headers."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import PACK_2017, ROOT
from tests.served import start_server, wait_until

SCHEMA = json.loads((ROOT / "schemas" / "extraction.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    served = start_server(tmp_path_factory.mktemp("serve"), "--jobs", "2", "--timeout", "120",
                          "--max-upload-mb", "10", "--ocr", "never")
    yield served
    served.stop()


@pytest.fixture(scope="module")
def tight(tmp_path_factory):
    """One paper at a time, no queue, a 1-second timeout, a 1 MB upload limit, results kept 1 s."""
    served = start_server(tmp_path_factory.mktemp("tight"), "--jobs", "1", "--queue", "0", "--timeout", "1",
                          "--max-upload-mb", "1", "--keep-results", "1", "--ocr", "never")
    yield served
    served.stop()


@pytest.fixture(scope="module")
def document_of_run() -> str:
    done = subprocess.run([sys.executable, "-m", "extract", "run", str(PACK_2017), "--out", "-", "--ocr", "never",
                           "--jobs", "1"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def upload(client, path: Path, route: str = "/v1/extract", **fields):
    with path.open("rb") as handle:
        return client.post(route, files={"file": (path.name, handle, "application/pdf")}, data=fields)


def assert_json_error(response, status: int, kind: str | None = None) -> dict:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert error["type"] and error["message"] and "Traceback" not in error["message"]
    if kind is not None:
        assert error["type"] == kind, error
    return error


def test_the_2017_pack_gives_the_very_document_run_writes(server, document_of_run):
    # The upload keeps its file name, so nothing differs, not even source.file: byte for byte.
    with server.client() as client:
        response = upload(client, PACK_2017)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("application/json")
    assert response.text == document_of_run
    assert server.uploads_left() == []


def test_four_requests_at_once_all_answer_with_the_same_document(server, document_of_run):
    with server.client() as client, ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(lambda _: upload(client, PACK_2017), range(4)))
    assert [r.status_code for r in responses] == [200] * 4
    assert {r.text for r in responses} == {document_of_run}


def test_bad_uploads_are_json_errors_with_the_manifest_types(server, tmp_path):
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("Minutes of the meeting\n" * 40)
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(PACK_2017.read_bytes()[:600])
    with server.client() as client:
        assert_json_error(upload(client, not_pdf), 400, "not_a_pdf")
        assert_json_error(upload(client, empty), 400, "empty")
        assert_json_error(upload(client, truncated), 400, "damaged")
        assert_json_error(client.post("/v1/extract", content=b"%PDF-1.7", headers={"content-type": "application/pdf"}),
                          400, "bad_request")
        assert_json_error(client.post("/v1/extract", data={"ocr": "never"}, files={"other": ("a", b"x")}),
                          400, "bad_request")
        assert_json_error(upload(client, PACK_2017, ocr="sometimes"), 400, "bad_request")
        assert_json_error(client.get("/v1/nothing-here"), 404, "not_found")
        assert_json_error(client.get("/v1/extract"), 405, "method_not_allowed")
    assert server.uploads_left() == []


def test_a_paper_without_text_is_422_no_text(server, tmp_path):
    from reportlab.pdfgen import canvas

    blank = tmp_path / "blank.pdf"
    sheet = canvas.Canvas(str(blank))
    sheet.rect(100, 100, 200, 200, fill=1)
    sheet.showPage()
    sheet.save()
    with server.client() as client:
        assert_json_error(upload(client, blank, ocr="never"), 422, "no_text")


def test_checks_false_leaves_the_findings_empty(server):
    with server.client() as client:
        response = upload(client, PACK_2017, checks="false")
    assert response.status_code == 200
    assert response.json()["findings"] == []


def test_the_async_route_queues_reads_and_keeps_document_review_and_figures(server, document_of_run):
    with server.client() as client:
        created = upload(client, PACK_2017, route="/v1/extract/async")
        assert created.status_code == 202
        task_id = created.json()["task_id"]
        seen = set()

        def finished() -> bool:
            status = client.get(f"/v1/status/{task_id}").json()
            seen.add(status["status"])
            return status["status"] in ("success", "failure")

        assert wait_until(finished, 300, 0.2)
        assert seen <= {"pending", "started", "success"} and "success" in seen
        status = client.get(f"/v1/status/{task_id}").json()
        assert status["pages"] == status["pages_done"] == json.loads(document_of_run)["source"]["pages"]
        assert client.get(f"/v1/result/{task_id}").text == document_of_run
        download = client.get(f"/v1/result/{task_id}", params={"download": "1"})
        assert "coventry-2017-scrutiny-pack.json" in download.headers["content-disposition"]
        review = client.get(f"/v1/review/{task_id}")
        assert review.status_code == 200 and review.headers["content-type"].startswith("text/html")
        assert f"/v1/result/{task_id}/figures.csv" in review.text
        assert review.text.count("<article") == len(json.loads(document_of_run)["findings"])
        assert "unsafe-inline" not in review.headers["content-security-policy"]
        figures = client.get(f"/v1/result/{task_id}/figures.csv")
        rows = figures.text.lstrip("\ufeff").splitlines()
        assert rows[0].startswith("pack_sha256,figure_index,kind,value,text")
        assert len(rows) - 1 >= len(json.loads(document_of_run)["figures"])
        assert_json_error(client.get("/v1/status/" + "0" * 32), 404, "not_found")
    assert server.uploads_left() == []  # the PDF is gone; its document and review page are kept
    assert {"document.json", "review.html"} <= {p.name for p in server.temporary_files()}


def test_an_async_task_that_fails_reports_its_error(server, tmp_path):
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("not a pdf at all\n")
    with server.client() as client:
        task_id = upload(client, not_pdf, route="/v1/extract/async").json()["task_id"]
        assert wait_until(lambda: client.get(f"/v1/status/{task_id}").json()["status"] == "failure", 60)
        assert client.get(f"/v1/status/{task_id}").json()["error"]["type"] == "not_a_pdf"
        assert_json_error(client.get(f"/v1/result/{task_id}"), 400, "not_a_pdf")


def test_check_answers_the_findings_and_relations_of_an_output(server, document_of_run, tmp_path):
    output = tmp_path / "pack.json"
    output.write_text(document_of_run, encoding="utf-8")
    document = json.loads(document_of_run)
    with server.client() as client:
        response = upload(client, output, route="/v1/check")
        assert response.status_code == 200, response.text[:300]
        checked = response.json()
        assert checked["findings"] == document["findings"]
        assert checked["relations"] == document["relations"]
        assert_json_error(upload(client, PACK_2017, route="/v1/check"), 400, "not_an_output")


def test_the_routes_are_in_the_openapi_schema_and_the_docs_page(server):
    with server.client() as client:
        paths = client.get("/openapi.json").json()["paths"]
        docs = client.get("/docs")
        version = client.get("/version").json()
    for route in ("/v1/extract", "/v1/extract/async", "/v1/status/{task_id}", "/v1/result/{task_id}",
                  "/v1/review/{task_id}", "/v1/check", "/healthz", "/version"):
        assert route in paths
        assert route in docs.text
    assert "multipart/form-data" in paths["/v1/extract"]["post"]["requestBody"]["content"]
    assert "<script" not in docs.text and "http" not in docs.headers["content-security-policy"]
    assert version["schema_version"] == SCHEMA["properties"]["schema_version"]["const"]


def test_the_drop_page_has_a_labelled_form_without_javascript_and_a_strict_policy(server):
    with server.client() as client:
        page = client.get("/")
        script = client.get("/static/drop.js")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert 'action="/review"' in page.text and 'enctype="multipart/form-data"' in page.text
    assert '<label for="file">' in page.text and 'id="file" name="file"' in page.text
    assert "http://" not in page.text and "https://" not in page.text  # no external asset
    assert script.status_code == 200 and "/v1/extract/async" in script.text


def test_an_upload_declared_past_the_limit_is_refused_before_its_body_is_sent(tight):
    # Expect: 100-continue: the server answers 413 from the headers alone; no byte of the body was sent.
    host, port = tight.url.removeprefix("http://").split(":")
    body_size = 50 << 20
    request = (f"POST /v1/extract HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary=x\r\n"
               f"Content-Length: {body_size}\r\nExpect: 100-continue\r\n\r\n").encode()
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(request)
        received = b""
        while b'"too_large"' not in received and (chunk := connection.recv(65536)):
            received += chunk
        answer = received.decode("latin-1")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert '"too_large"' in answer


def test_a_streamed_upload_past_the_limit_is_413_and_leaves_no_file(tight):
    def chunks():  # no Content-Length: the limit is found while reading
        yield b"--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n%PDF-1.7\n"
        for _ in range(48):
            yield b"0" * (64 << 10)
        yield b"\r\n--x--\r\n"

    with tight.client() as client:
        response = client.post("/v1/extract", content=chunks(),
                               headers={"content-type": "multipart/form-data; boundary=x"})
        assert_json_error(response, 413, "too_large")
        assert client.get("/healthz").status_code == 200
    assert tight.uploads_left() == []


def test_past_the_timeout_is_504_and_a_full_queue_503(tight):
    with tight.client() as client, ThreadPoolExecutor(1) as pool:
        slow = pool.submit(upload, client, PACK_2017)
        assert wait_until(lambda: client.get("/healthz").json()["running"] == 1, 30, 0.02)
        busy = upload(client, PACK_2017)
        timed_out = slow.result()
    assert_json_error(busy, 503, "queue_full")
    assert busy.headers["retry-after"]
    assert_json_error(timed_out, 504, "timeout")


def test_async_results_are_deleted_after_keep_results(tight, tmp_path):
    not_pdf = tmp_path / "notes.pdf"
    not_pdf.write_text("not a pdf\n")
    with tight.client() as client:
        task_id = upload(client, not_pdf, route="/v1/extract/async").json()["task_id"]
        assert wait_until(lambda: client.get(f"/v1/status/{task_id}").status_code == 404, 30, 0.2)


def test_the_api_key_is_needed_on_every_route_but_healthz(tmp_path):
    served = start_server(tmp_path, "--jobs", "1", env={"AGENDA_EXTRACT_API_KEY": "s3cret"})
    try:
        with served.client() as client:
            assert client.get("/healthz").status_code == 200
            for route in ("/", "/version", "/openapi.json", "/docs", "/v1/status/" + "0" * 32):
                assert_json_error(client.get(route), 401, "unauthorized")
            assert_json_error(client.get("/version", headers={"X-Api-Key": "wrong"}), 401, "unauthorized")
            assert_json_error(upload(client, PACK_2017), 401, "unauthorized")
            assert client.get("/version", headers={"X-Api-Key": "s3cret"}).status_code == 200
    finally:
        served.stop()


def test_sigterm_lets_a_running_request_finish_and_leaves_no_temporary_file(tmp_path, document_of_run):
    # One paper at a time: a request being read, an async task queued behind it, then SIGTERM
    # to the whole process group: the reader ignores it, the server waits for its answer.
    served = start_server(tmp_path, "--jobs", "1", "--ocr", "never")
    answers = []
    with served.client() as client:
        request = threading.Thread(target=lambda: answers.append(upload(client, PACK_2017)))
        request.start()
        assert wait_until(lambda: client.get("/healthz").json()["running"] == 1, 60, 0.02)
        queued = upload(client, PACK_2017, route="/v1/extract/async")  # waits behind it: stopped, not read
        assert queued.status_code == 202 and client.get("/healthz").json()["queued"] == 1
        os.killpg(served.process.pid, signal.SIGTERM)  # the server and its reader, as a service manager does
        request.join(300)
    # uvicorn stops gracefully, then raises the signal it caught again: the usual exit of a SIGTERM.
    assert served.process.wait(timeout=120) in (0, -15)
    assert answers and answers[0].status_code == 200 and answers[0].text == document_of_run
    assert served.temporary_files() == [] and list(served.tmp.iterdir()) == []


@pytest.mark.corpus
def test_every_hostile_pdf_gives_a_json_4xx_or_a_document_and_the_server_still_answers(server):
    from tests.conftest import shared_dir

    files = sorted(shared_dir("badpdfs").glob("*.pdf"))
    assert len(files) == 42
    with server.client() as client, ThreadPoolExecutor(4) as pool:
        responses = dict(zip(files, pool.map(lambda f: upload(client, f), files), strict=True))
        for file, response in responses.items():
            if response.status_code == 200:
                jsonschema.validate(response.json(), SCHEMA)
            else:
                assert 400 <= response.status_code < 500 or response.status_code == 504, (file.name, response.text)
                assert_json_error(response, response.status_code)
        assert client.get("/healthz").json()["status"] == "ok"
        assert upload(client, PACK_2017).status_code == 200
    assert server.uploads_left() == []


def test_a_client_gone_mid_upload_leaves_no_file_and_gives_back_its_place(server):
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as connection:
        connection.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                           b"Content-Length: 100000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; "
                           b"filename=\"cut.pdf\"\r\n\r\n%PDF-1.7 the start of it")
        with server.client() as client:
            assert wait_until(lambda: client.get("/healthz").json()["queued"] == 1, 30)
    with server.client() as client:
        assert wait_until(lambda: client.get("/healthz").json()["queued"] == 0, 30)
    assert server.uploads_left() == []
