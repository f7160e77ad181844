"""The ASGI app: `create_app(config)` gives a FastAPI app with the routes of routes.py, the
optional API key, JSON errors for every failure (never a traceback), and a lifespan that makes
the temporary folder at start and, at shutdown, lets running readings finish and removes it."""
from __future__ import annotations

import asyncio
import hmac
import logging
from contextlib import asynccontextmanager, suppress

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from extract import __version__
from extract.errors import AgendaExtractError
from extract.serve.errors import error_body, status_of
from extract.serve.routes import router
from extract.serve.service import ServeConfig, Service

log = logging.getLogger("agenda_extract.serve")

OPEN_PATHS = ("/healthz",)  # answered without the API key (a load balancer's probe)
RETRY_AFTER_SECONDS = "10"


def create_app(config: ServeConfig) -> FastAPI:
    service = Service(config)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        service.start()
        sweeper = asyncio.get_running_loop().create_task(service.sweep_forever())
        try:
            yield
        finally:
            sweeper.cancel()
            with suppress(asyncio.CancelledError):
                await sweeper
            await service.stop()

    app = FastAPI(title="agenda-extract", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="UK council committee papers (PDF) to schema-validated JSON, over HTTP.")
    app.state.service = service
    app.include_router(router)
    app.add_exception_handler(AgendaExtractError, _domain_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _bug)
    if config.api_key:
        app.add_middleware(ApiKey, key=config.api_key)
    return app


def error_response(kind: str, message: str, status: int) -> JSONResponse:
    headers = {"Retry-After": RETRY_AFTER_SECONDS} if status == 503 else None
    return JSONResponse(error_body(kind, message), status_code=status, headers=headers)


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AgendaExtractError)
    status = status_of(exc)
    if status == 500:
        log.error("bug: %s", exc)
    # The reason only: the error's path is the server's temporary file, not the caller's.
    return error_response(exc.kind, exc.reason, status)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    kind = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "bad_request")
    return error_response(kind, str(exc.detail), exc.status_code)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response("bad_request", "the request is not what this route takes", 400)


async def _bug(request: Request, exc: Exception) -> JSONResponse:
    log.error("bug answering %s %s", request.method, request.url.path, exc_info=exc)
    return error_response("bug", "the server failed on this request; the failure is in its log", 500)


class ApiKey:
    """Every route but OPEN_PATHS needs the header X-Api-Key with the key (compared in constant time)."""

    def __init__(self, app: ASGIApp, key: str):
        self.app, self.key = app, key.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in OPEN_PATHS:
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-api-key", b"")
        if hmac.compare_digest(given, self.key):
            await self.app(scope, receive, send)
            return
        response = error_response("unauthorized", "this server needs the header X-Api-Key with its key", 401)
        await response(scope, receive, send)
