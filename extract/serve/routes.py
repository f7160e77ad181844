"""The routes. API routes answer JSON (or the document itself); the drop page, the form route
and the review page answer HTML. Each paper is read by the Service (service.py)."""
from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel

from extract import __version__
from extract.errors import AgendaExtractError
from extract.models import SCHEMA_VERSION
from extract.serve.errors import NotFound, UnknownTask, status_of
from extract.serve.pages import (
    PAGE_POLICY,
    SECURITY_HEADERS,
    STATIC_TYPES,
    docs_page,
    drop_page,
    error_page,
    review_with_links,
    static_text,
)
from extract.serve.service import OCR_MODES, Service

router = APIRouter()


class ErrorDetail(BaseModel):
    type: str
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


class TaskCreated(BaseModel):
    task_id: str
    status: str


class TaskStatus(BaseModel):
    task_id: str
    status: str  # pending, started, success, failure
    file: str
    pages: int | None
    pages_done: int | None
    error: ErrorDetail | None = None


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": ErrorBody} for code in codes}


UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary", "description": "the PDF"},
                   "ocr": {"type": "string", "enum": list(OCR_MODES),
                           "description": "as run --ocr (default: auto when the OCR engine is installed)"},
                   "checks": {"type": "boolean", "default": True, "description": "false: as run --no-checks"}}}}}}}
CHECK_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary", "description": "an output of run (JSON)"}}}}}}}
COMPARE_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["old", "new"],
    "properties": {"old": {"type": "string", "format": "binary",
                           "description": "the old version: a PDF or an output of run (JSON)"},
                   "new": {"type": "string", "format": "binary",
                           "description": "the new version: a PDF or an output of run (JSON)"},
                   "ocr": {"type": "string", "enum": list(OCR_MODES),
                           "description": "as compare --ocr, for a version that is a PDF"}}}}}}}
COMPARISON: dict[int | str, dict[str, Any]] = {
    200: {"description": "the JSON `agenda-extract compare OLD NEW --out -` writes (its JSON Schema: "
                         "`agenda-extract schema --compare`); its summary line in the header X-Summary",
          "headers": {"X-Summary": {"description": "'N figures changed, R rows added, S removed', as "
                                                   "compare prints on stderr", "schema": {"type": "string"}}},
          "content": {"application/json": {"schema": {"type": "object"}}}}}
DOCUMENT: dict[int | str, dict[str, Any]] = {
    200: {"description": "the document `agenda-extract run` writes (its JSON Schema: GET /v1/schema)",
          "content": {"application/json": {"schema": {"type": "object"}}}}}
READ_ERRORS = _errors(400, 401, 413, 422, 503, 504)
TASK_ID = re.compile(r"[0-9a-f]{32}")


def service_of(request: Request) -> Service:
    return request.app.state.service


def json_text(text: str, status: int = 200, headers: dict | None = None) -> Response:
    return Response(text, status_code=status, media_type="application/json", headers=headers)


@router.post("/v1/extract", summary="Read one paper; answer with its document", responses={**DOCUMENT, **READ_ERRORS},
             openapi_extra=UPLOAD_BODY)
async def extract(request: Request) -> Response:
    """The document `agenda-extract run` writes for the uploaded PDF (field `file`)."""
    return json_text(await service_of(request).extract(request))


@router.post("/v1/extract/async", status_code=202, response_model=TaskCreated, openapi_extra=UPLOAD_BODY,
             summary="Queue one paper; answer with its task id", responses=_errors(400, 401, 413, 503))
async def extract_async(request: Request) -> JSONResponse:
    """Then ask /v1/status/{task_id}; its document, review page and figures are kept for
    --keep-results seconds after it finished."""
    task = await service_of(request).submit(request)
    return JSONResponse({"task_id": task.id, "status": task.state}, status_code=202,
                        headers={"Location": f"/v1/status/{task.id}"})


@router.get("/v1/status/{task_id}", response_model=TaskStatus, summary="A task's state", responses=_errors(401, 404))
async def status(task_id: str, request: Request) -> dict:
    """pending (waiting for a free reader), started, success or failure (with its error);
    `pages` once the paper is read."""
    return _task(request, task_id).status()


@router.get("/v1/result/{task_id}", summary="A finished task's document",
            responses={**DOCUMENT, **_errors(400, 401, 404, 409, 413, 422, 504)})
async def result(task_id: str, request: Request, download: bool = False) -> Response:
    """The document, once the task is `success` (409 before; the task's error after a failure).
    `?download=1` sends it as a file, <pdf stem>.json."""
    task = _task(request, task_id)
    text = task.finished_document().read_text(encoding="utf-8")
    return json_text(text, headers=_attachment(task.file_name, ".json") if download else None)


@router.get("/v1/result/{task_id}/figures.csv", summary="A finished task's figures as CSV",
            responses={200: {"content": {"text/csv": {}}}, **_errors(401, 404, 409)})
async def figures_csv(task_id: str, request: Request) -> Response:
    """Every figure of the document, one row each: the columns of `agenda-extract export`'s figures table."""
    from extract.batch.export import empty_tables, figures_to_rows
    from extract.batch.export_write import csv_text

    task = _task(request, task_id)
    document = json.loads(task.finished_document().read_text(encoding="utf-8"))
    table = empty_tables()["figures"]
    table.rows = figures_to_rows(document["source"]["sha256"], document)
    return Response(csv_text(table), media_type="text/csv; charset=utf-8",
                    headers=_attachment(task.file_name, "-figures.csv"))


@router.get("/v1/review/{task_id}", summary="A finished task's review page", response_class=HTMLResponse,
            responses=_errors(401, 404, 409, 422))
async def review(task_id: str, request: Request) -> Response:
    """The page `agenda-extract review` writes, with links to download the JSON and the figures' CSV."""
    try:
        task = _task(request, task_id)
        task.finished_document()
        if task.review_error is not None:
            raise task.review_error
        if not task.review_path.is_file():
            raise UnknownTask(None, f"task {task_id} has no review page")
    except AgendaExtractError as exc:
        if "text/html" in request.headers.get("accept", ""):
            return _error_html(exc)
        raise
    page, policy = review_with_links(task.review_path.read_text(encoding="utf-8"), task.id, task.file_name)
    return HTMLResponse(page, headers={"Content-Security-Policy": policy, **SECURITY_HEADERS})


@router.post("/review", summary="The drop page's form: read one paper, then show its review page",
             response_class=HTMLResponse, openapi_extra=UPLOAD_BODY, status_code=303)
async def review_form(request: Request) -> Response:
    """For browsers without JavaScript: reads the paper as a task, waits for it, and sends the
    browser (303) to its review page; an error is an HTML page with the status of the error."""
    service = service_of(request)
    try:
        task = await service.submit(request)
        await service.wait(task)
        task.finished_document()
    except AgendaExtractError as exc:
        return _error_html(exc)
    return RedirectResponse(f"/v1/review/{task.id}", status_code=303)


@router.post("/v1/check", summary="Check an output again: its findings and relations",
             openapi_extra=CHECK_BODY, responses=_errors(400, 401, 413, 422, 503, 504))
async def check(request: Request) -> Response:
    """As `agenda-extract check`: {"findings": [...], "relations": [...], "tally": "..."}."""
    return json_text(await service_of(request).check(request))


@router.post("/v1/compare", summary="Compare two versions of a paper; answer with what changed",
             openapi_extra=COMPARE_BODY, responses={**COMPARISON, **READ_ERRORS})
async def compare(request: Request) -> Response:
    """As `agenda-extract compare OLD NEW --out -` on the files of the fields `old` and `new`:
    the same JSON, byte for byte. Each version is read in a limited child of its own; an error
    names the field whose file was bad."""
    text, summary = await service_of(request).compare(request)
    return json_text(text, headers={"X-Summary": summary})


@router.get("/healthz", summary="Is the server answering (no API key needed)")
async def healthz(request: Request) -> dict:
    return service_of(request).health()


@router.get("/version", summary="The tool's version and its output's schema version")
async def version() -> dict:
    return {"version": __version__, "schema_version": SCHEMA_VERSION}


@router.get("/v1/schema", summary="The JSON Schema of the document")
async def schema() -> Response:
    from extract.output import schema_text

    return json_text(schema_text())


@router.get("/", response_class=HTMLResponse, summary="The drop page", include_in_schema=False)
async def drop(request: Request) -> HTMLResponse:
    return HTMLResponse(drop_page(service_of(request).config.ocr_default),
                        headers={"Content-Security-Policy": PAGE_POLICY, **SECURITY_HEADERS})


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
async def docs(request: Request) -> HTMLResponse:
    return HTMLResponse(docs_page(request.app.openapi()),
                        headers={"Content-Security-Policy": PAGE_POLICY, **SECURITY_HEADERS})


@router.get("/static/{name}", include_in_schema=False)
async def static(name: str) -> Response:
    if name not in STATIC_TYPES:
        raise NotFound(None, f"no file {name[:64]!r}")
    return Response(static_text(name), media_type=STATIC_TYPES[name], headers=SECURITY_HEADERS)


def _task(request: Request, task_id: str):
    if not TASK_ID.fullmatch(task_id):
        raise UnknownTask(None, f"no task {task_id[:64]!r}")
    return service_of(request).tasks.get(task_id)


def _attachment(file_name: str, suffix: str) -> dict:
    """Content-Disposition for <pdf stem><suffix>: an ASCII fallback and the UTF-8 name."""
    name = PurePath(file_name).stem + suffix
    fallback = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return {"Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"}


def _error_html(exc: AgendaExtractError) -> HTMLResponse:
    status = status_of(exc)
    return HTMLResponse(error_page(status, exc.reason), status_code=status,
                        headers={"Content-Security-Policy": PAGE_POLICY, **SECURITY_HEADERS})
