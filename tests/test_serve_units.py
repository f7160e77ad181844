"""The service's parts without a server: file names of uploads, the queue's bound, the
deletion of kept results, and the status code of every error a paper can end in."""
from __future__ import annotations

import asyncio
import time

import pytest

pytest.importorskip("fastapi")

from extract import errors  # noqa: E402
from extract.batch.worker import Limits  # noqa: E402
from extract.serve.errors import STATUS_OF_KIND, QueueFull, status_of  # noqa: E402
from extract.serve.readings import Readings, Tasks  # noqa: E402
from extract.serve.uploads import receive_upload, safe_name  # noqa: E402


def every_subclass(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from every_subclass(sub)


def test_every_error_a_paper_can_end_in_has_a_status_code_and_none_is_500():
    for error in every_subclass(errors.InputError):
        assert error.kind in STATUS_OF_KIND, f"{error.__name__} ({error.kind}) has no status code"
        assert 400 <= status_of(error(None, "x")) < 600 and status_of(error(None, "x")) != 500


def test_the_issue_s_status_codes():
    assert status_of(errors.NotAPdf(None, "x")) == 400
    assert status_of(errors.DamagedPdf(None, "x")) == 400
    assert status_of(errors.NoText(None, "x")) == 422
    assert status_of(errors.TimedOut(None, "x")) == 504
    assert status_of(QueueFull(None, "x")) == 503
    assert status_of(errors.OutputError(None, "x")) == 500  # a document that does not validate is a bug


@pytest.mark.parametrize(("given", "kept"), [
    ("pack.pdf", "pack.pdf"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\clerk\\agenda pack.pdf", "agenda pack.pdf"),
    ("line\nbreak.pdf", "linebreak.pdf"),
    ("..", "upload.pdf"),
    ("", "upload.pdf"),
    (None, "upload.pdf"),
])
def test_an_upload_keeps_only_the_last_part_of_its_name_without_control_characters(given, kept):
    assert safe_name(given) == kept


def test_the_queue_takes_jobs_plus_queue_readings_then_refuses():
    readings = Readings(jobs=2, queue_limit=1, limits=Limits(10, 512))
    for _ in range(3):
        readings.reserve()
    with pytest.raises(QueueFull):
        readings.reserve()
    readings.unreserve()
    readings.reserve()


def test_no_file_name_can_be_that_of_a_kept_result(tmp_path):
    upload = receive(tmp_path, b'--b\r\nContent-Disposition: form-data; name="file"; filename="document.json"\r\n\r\n'
                               b"x\r\n--b--\r\n")
    task = Tasks(60).new(upload.folder, upload.path.name)
    assert upload.path != task.document_path and upload.path != task.review_path
    upload.discard_paper()
    assert task.folder.is_dir() and list(task.folder.iterdir()) == []


def test_finished_tasks_are_deleted_with_their_files_after_keep_seconds(tmp_path):
    tasks = Tasks(keep_seconds=60)
    old, recent, running = (tasks.new(tmp_path / name, "p.pdf") for name in ("old", "recent", "running"))
    for task in (old, recent, running):
        task.folder.mkdir()
        (task.folder / "document.json").write_text("{}")
    now = time.time()
    old.finished, recent.finished = now - 61, now - 10
    assert tasks.sweep(now) == 1
    assert not old.folder.exists() and recent.folder.exists() and running.folder.exists()
    assert len(tasks) == 2


async def _body(*chunks: bytes):
    for chunk in chunks:
        yield chunk


def receive(tmp_path, *chunks: bytes, limit: int = 1000):
    return asyncio.run(receive_upload("multipart/form-data; boundary=b", None, _body(*chunks), tmp_path, limit))


def test_an_upload_is_written_to_a_folder_of_its_own_with_its_fields(tmp_path):
    upload = receive(tmp_path, b'--b\r\nContent-Disposition: form-data; name="ocr"\r\n\r\nnever\r\n',
                     b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-',
                     b"1.7 body\r\n--b--\r\n")
    assert upload.path.read_bytes() == b"%PDF-1.7 body" and upload.path.name == "a.pdf"
    assert upload.fields == {"ocr": "never"} and upload.path.parent.parent.parent == tmp_path
    upload.discard()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("chunks", [
    (b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n' + b"x" * 1001 + b"\r\n--b--\r\n",),
    (b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.7 cut short',),
    (b'--b\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--b--\r\n',),
])
def test_a_refused_upload_leaves_nothing_behind(tmp_path, chunks):
    with pytest.raises(errors.AgendaExtractError) as refused:
        receive(tmp_path, *chunks)
    assert refused.value.kind in ("too_large", "bad_request")
    assert list(tmp_path.iterdir()) == []


def test_serve_listens_on_127_0_0_1_unless_told_otherwise():
    from extract.cli.serve import serve

    host = next(p for p in serve.params if p.name == "host")
    assert host.default == "127.0.0.1"


def test_serve_without_its_extra_says_how_to_install_it(monkeypatch):
    import sys

    from click.testing import CliRunner

    from extract.cli.main import main

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed: importing it fails
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 1
    assert "pip install 'agenda-extract[serve]'" in result.output and "uvicorn" in result.output
