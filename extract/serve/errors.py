"""Errors over HTTP: every answer that is not a document is `{"error": {"type", "message"}}`,
its type the batch manifest's error type (extract.errors kinds) or one of the service's own
below, its status code from STATUS_OF_KIND. A bad upload is a 4xx, never a 500 and never a
traceback."""
from __future__ import annotations

from extract.errors import AgendaExtractError


class ServiceError(AgendaExtractError):
    """A request the service refuses before or instead of reading a paper."""

    kind = "bad_request"


class BadRequest(ServiceError):
    kind = "bad_request"


class UploadTooLarge(ServiceError):
    kind = "too_large"


class QueueFull(ServiceError):
    kind = "queue_full"


class NotFound(ServiceError):
    kind = "not_found"


class UnknownTask(NotFound):
    """No task of that id: never made, or deleted after --keep-results."""


class NotReady(ServiceError):
    kind = "not_ready"


class Unauthorized(ServiceError):
    kind = "unauthorized"


class ShuttingDown(ServiceError):
    kind = "shutting_down"


# Kinds (extract.errors and the above) and their status codes; a kind not listed is a bug: 500.
STATUS_OF_KIND = {
    "bad_request": 400,
    "not_a_pdf": 400,
    "empty": 400,
    "damaged": 400,
    "unreadable": 400,
    "encrypted": 400,
    "no_pages": 400,
    "crashed": 400,  # the PDF libraries died on it: a damaged file, as far as a caller can tell
    "not_an_output": 400,
    "not_a_batch": 400,
    "unauthorized": 401,
    "not_found": 404,
    "not_ready": 409,
    "too_large": 413,
    "no_text": 422,
    "ocr_unavailable": 422,
    "ocr_failed": 422,
    "out_of_memory": 422,  # the paper needs more than --max-memory: the request was fine
    "queue_full": 503,
    "shutting_down": 503,
    "timeout": 504,
}


def status_of(error: AgendaExtractError) -> int:
    return STATUS_OF_KIND.get(error.kind, 500)


def error_body(kind: str, message: str) -> dict:
    return {"error": {"type": kind, "message": message}}

