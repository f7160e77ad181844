"""The service's state, held by the app: its settings, the readings queue, the async tasks and
the temporary folder every upload and kept result lives in (removed whole at shutdown)."""
from __future__ import annotations

import asyncio
import json
import logging
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from extract.batch.worker import Limits
from extract.errors import AgendaExtractError
from extract.serve.errors import BadRequest
from extract.serve.readings import FAILURE, STARTED, SUCCESS, Readings, Task, Tasks
from extract.serve.uploads import Upload, receive_upload
from extract.serve.work import check_output, compared_text, read_paper, read_version_quietly

log = logging.getLogger("agenda_extract.serve")

OCR_MODES = ("auto", "always", "never")
VERSION_FIELDS = ("old", "new")  # compare's two file fields, in its order
TRUE_WORDS, FALSE_WORDS = ("true", "1", "yes", "on"), ("false", "0", "no", "off")


@dataclass(frozen=True)
class ServeConfig:
    jobs: int = 2
    queue: int = 16  # readings waiting for a child beyond the running ones; then 503
    max_upload_bytes: int = 200 << 20
    limits: Limits = field(default_factory=lambda: Limits(300.0, 2048))
    keep_seconds: float = 3600.0  # async results are deleted this long after they finished
    api_key: str | None = None
    ocr_default: str = "never"  # the CLI passes run's default: auto when the OCR engine is installed


class Service:
    def __init__(self, config: ServeConfig):
        self.config = config
        self.readings = Readings(config.jobs, config.queue, config.limits)
        self.tasks = Tasks(config.keep_seconds)
        self.root: Path | None = None
        self._background: set[asyncio.Task] = set()

    # --- life ---------------------------------------------------------------------------------

    def start(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="agenda-extract-serve-"))

    async def stop(self) -> None:
        """After uvicorn has answered the requests in flight: refuse new readings, stop the async
        tasks still reading or queued (their results would go with the temporary folder: no one
        could fetch them), then remove every temporary file."""
        self.readings.closing = True
        for background in self._background:
            background.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)

    async def sweep_forever(self) -> None:
        while True:
            await asyncio.sleep(min(60.0, max(1.0, self.config.keep_seconds / 4)))
            self.tasks.sweep()

    # --- requests -----------------------------------------------------------------------------

    async def receive(self, request, default_name: str = "upload.pdf",
                      file_fields: tuple[str, ...] = ("file",)) -> Upload:
        from starlette.requests import ClientDisconnect

        assert self.root is not None, "the service has not started"
        try:
            return await receive_upload(request.headers.get("content-type"), request.headers.get("content-length"),
                                        request.stream(), self.root, self.config.max_upload_bytes, default_name,
                                        file_fields)
        except ClientDisconnect:  # no one to answer; not a failure of the server
            raise BadRequest(None, "the client went away before the upload was whole") from None

    def options_of(self, fields: dict[str, str]):
        from extract.pipeline import Options

        return Options(checks=_flag(fields, "checks", True), ocr=self._ocr_of(fields))  # type: ignore[arg-type]

    def _ocr_of(self, fields: dict[str, str]) -> str:
        ocr = fields.get("ocr", "").strip().lower() or self.config.ocr_default
        if ocr not in OCR_MODES:
            raise BadRequest(None, f"ocr must be one of {', '.join(OCR_MODES)}, not {ocr[:40]!r}")
        return ocr

    async def extract(self, request) -> str:
        """The document `run` writes for the uploaded paper; the upload is removed after. The
        place in the queue is taken before the upload is read, so a full queue costs no upload."""
        upload = await self._reserved_upload(request)
        try:
            options = self._options_or_release(upload)
            result = await self.readings.run(read_paper, (upload.path, options, False), upload.path)
            return result.json_text
        finally:
            upload.discard()

    async def submit(self, request) -> Task:
        """A task reading the uploaded paper in the background (document and review page)."""
        upload = await self._reserved_upload(request)
        try:
            options = self._options_or_release(upload)
        except BaseException:
            upload.discard()
            raise
        task = self.tasks.new(upload.folder, upload.path.name)
        task.handle = asyncio.get_running_loop().create_task(self._read_task(task, upload, options))
        self._background.add(task.handle)
        task.handle.add_done_callback(self._background.discard)
        return task

    async def check(self, request) -> str:
        """`check` on an uploaded output: its findings and relations as JSON."""
        upload = await self._reserved_upload(request, "output.json")
        try:
            return await self.readings.run(check_output, (upload.path,), upload.path)
        finally:
            upload.discard()

    async def compare(self, request) -> tuple[str, str]:
        """`compare` on two uploaded versions (fields `old`, `new`): the JSON it writes and its
        summary line. One place in the queue is taken before the upload is read (a full queue
        costs no upload); then a child reads each version as `compare` reads it, and one more
        compares them, each waiting for a free child (at most --jobs at once)."""
        upload = await self._reserved_upload(request, "upload.pdf", VERSION_FIELDS)
        try:
            try:
                from extract.pipeline import Options

                options = Options(ocr=self._ocr_of(upload.fields))  # type: ignore[arg-type]
            except BaseException:
                self.readings.unreserve()
                raise
            self.readings.reserve_more()
            versions = await asyncio.gather(*(self.readings.run(read_version_quietly, (upload.files[name], options),
                                                                upload.files[name]) for name in VERSION_FIELDS),
                                            return_exceptions=True)
            for name, version in zip(VERSION_FIELDS, versions, strict=True):
                if isinstance(version, BaseException):
                    raise _naming_field(version, name, upload.files[name].name)
            self.readings.reserve_more()
            return await self.readings.run(compared_text, tuple(versions), upload.files[VERSION_FIELDS[-1]])
        finally:
            upload.discard()

    async def _reserved_upload(self, request, default_name: str = "upload.pdf",
                               file_fields: tuple[str, ...] = ("file",)) -> Upload:
        self.readings.reserve()
        try:
            return await self.receive(request, default_name, file_fields)
        except BaseException:
            self.readings.unreserve()
            raise

    def _options_or_release(self, upload: Upload):
        try:
            return self.options_of(upload.fields)
        except BaseException:
            self.readings.unreserve()
            raise

    async def _read_task(self, task: Task, upload: Upload, options) -> None:
        def started() -> None:
            task.state = STARTED

        try:
            result = await self.readings.run(read_paper, (upload.path, options, True), upload.path, started,
                                             task.heard)
            task.document_path.write_text(result.json_text, encoding="utf-8")
            if result.html_text is not None:
                task.review_path.write_text(result.html_text, encoding="utf-8")
            task.review_error = result.html_error
            task.pages = task.pages_done = json.loads(result.json_text)["source"]["pages"]
            task.state = SUCCESS
        except AgendaExtractError as exc:
            task.error, task.state = exc, FAILURE
        except Exception as exc:  # noqa: BLE001 - a bug: logged here, the caller sees a failure
            log.exception("reading %s failed", task.file_name)
            task.error, task.state = AgendaExtractError(None, f"the extraction failed ({type(exc).__name__})"), FAILURE
        finally:
            upload.discard_paper()
            task.finished = time.time()

    async def wait(self, task: Task) -> None:
        if task.handle is not None:
            await asyncio.shield(task.handle)

    def health(self) -> dict:
        return {"status": "ok", "running": self.readings.running, "queued": self.readings.waiting,
                "jobs": self.config.jobs, "tasks_kept": len(self.tasks)}


def _flag(fields: dict[str, str], name: str, default: bool) -> bool:
    value = fields.get(name, "").strip().lower()
    if not value:
        return default
    if value in TRUE_WORDS or value in FALSE_WORDS:
        return value in TRUE_WORDS
    raise BadRequest(None, f"{name} must be true or false, not {value[:40]!r}")


def _naming_field(error: BaseException, field_name: str, file_name: str) -> BaseException:
    """A version's error, its message naming the form field (and file) it came from."""
    if not isinstance(error, AgendaExtractError):
        return error
    return type(error)(None, f"{field_name} ({file_name}): {error.reason}")
