"""A multipart upload streamed to a temporary folder of its own: the file part written to disk
as it arrives, counted against the size limit while it is read (past it: UploadTooLarge, the
rest of the body drained and dropped, never held), the few small form fields kept as text.
A route may take more than one file field (compare: `old` and `new`); the limit is then that
of each file and of all of them together.

The file keeps the caller's file name (its last path part, control characters removed), so
the document's `source.file` is what `run` would write for a file of that name.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header

from extract.serve.errors import BadRequest, UploadTooLarge

FORM_OVERHEAD = 64 << 10  # bytes of multipart framing and small fields allowed beyond the file's limit
DRAIN_LIMIT = 64 << 20  # past the limit, read at most this much more (so the client hears the 413), then stop
MAX_FIELD_BYTES = 1000
MAX_PARTS = 20
NAME_LENGTH = 200
DEFAULT_NAME = "upload.pdf"
PAPER_FOLDER = "paper"
_UNSAFE = re.compile(r"[\x00-\x1f\x7f]")


@dataclass
class Upload:
    folder: Path  # the upload's own temporary folder; removed with `discard()`
    path: Path  # folder / PAPER_FOLDER / the caller's file name
    fields: dict[str, str] = field(default_factory=dict)
    size: int = 0  # of all its files
    files: dict[str, Path] = field(default_factory=dict)  # by form field name; `path` is the first

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def discard_paper(self) -> None:
        """Remove the file once read, keeping the folder (an async task's results go there)."""
        shutil.rmtree(self.path.parent, ignore_errors=True)


def safe_name(filename: str | None, default: str = DEFAULT_NAME) -> str:
    """The last part of the caller's file name, without control characters; never '', '.', '..'."""
    name = _UNSAFE.sub("", re.split(r"[/\\]", filename or "")[-1]).strip()[:NAME_LENGTH]
    return default if name in ("", ".", "..") else name


def new_folder(root: Path) -> Path:
    return Path(tempfile.mkdtemp(prefix="upload-", dir=root))


async def receive_upload(content_type: str | None, content_length: str | None, body: AsyncIterator[bytes],
                         root: Path, limit: int, default_name: str = DEFAULT_NAME,
                         file_fields: tuple[str, ...] = ("file",)) -> Upload:
    """Stream a multipart/form-data body with a part for each of `file_fields` into a new folder
    under `root`. Raises BadRequest (not multipart, a file part missing, too many or too long
    fields) or UploadTooLarge (declared or found past `limit` bytes, the files together); leaves
    nothing behind when it raises."""
    boundary = _boundary(content_type, file_fields)
    if content_length is not None and content_length.isdigit() and int(content_length) > limit + FORM_OVERHEAD:
        raise UploadTooLarge(None, f"the upload is larger than the {_mb(limit)} limit (--max-upload-mb)")
    folder = new_folder(root)
    form = _Form(folder, limit, default_name, file_fields)
    try:
        parser = MultipartParser(boundary, form.callbacks())
        try:
            async for chunk in body:
                parser.write(chunk)
                if form.problem is not None:
                    break
            else:
                parser.finalize()
        except FormParserError:
            form.problem = BadRequest(None, "the multipart/form-data body is malformed")
        if isinstance(form.problem, UploadTooLarge):
            await _drain(body)
        if form.problem is not None:
            raise form.problem
        return form.upload()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    finally:
        form.close()


async def _drain(body: AsyncIterator[bytes]) -> None:
    """Read and drop what is left of a body past the limit (up to DRAIN_LIMIT), so that the
    client, still sending, reads our 413 rather than a reset connection."""
    dropped = 0
    async for chunk in body:
        dropped += len(chunk)
        if dropped > DRAIN_LIMIT:
            return


def _field_names(file_fields: tuple[str, ...]) -> str:
    return " and ".join(f"'{name}'" for name in file_fields)


def _boundary(content_type: str | None, file_fields: tuple[str, ...]) -> bytes:
    kind, params = parse_options_header(content_type or "")
    if kind != b"multipart/form-data" or not params.get(b"boundary"):
        plural = "s" if len(file_fields) > 1 else ""
        raise BadRequest(None, f"send the file{plural} as multipart/form-data, in field{plural} named "
                               f"{_field_names(file_fields)}")
    return params[b"boundary"]


def _mb(size: int) -> str:
    return f"{size / (1 << 20):g} MB"


class _Form:
    """The parser's callbacks: each part's headers, then its data to the file or a field."""

    def __init__(self, folder: Path, limit: int, default_name: str, file_fields: tuple[str, ...] = ("file",)):
        self.folder, self.limit, self.default_name = folder, limit, default_name
        self.file_fields = file_fields
        self.fields: dict[str, str] = {}
        self.problem: BadRequest | UploadTooLarge | None = None
        self.files: dict[str, Path] = {}
        self.size = 0
        self._file: BinaryIO | None = None
        self._parts = 0
        self._headers: dict[bytes, bytes] = {}
        self._header_name = b""
        self._header_value = b""
        self._field_name: str | None = None
        self._field_value = bytearray()
        self._writing = False
        self.ended = False

    def callbacks(self) -> Any:  # python_multipart's MultipartCallbacks, a TypedDict
        return {"on_part_begin": self._part_begin, "on_header_field": self._header_field,
                "on_header_value": self._header_value_data, "on_header_end": self._header_end,
                "on_headers_finished": self._headers_finished, "on_part_data": self._part_data,
                "on_part_end": self._part_end, "on_end": self._end}

    def upload(self) -> Upload:
        if not self.ended:
            raise BadRequest(None, "the multipart/form-data body ended before its closing boundary")
        missing = [name for name in self.file_fields if name not in self.files]
        if missing == ["file"]:
            raise BadRequest(None, "no file: send the PDF in a form field named 'file'")
        if missing:
            raise BadRequest(None, f"no file in the form field{'s' if len(missing) > 1 else ''} "
                                   f"{_field_names(tuple(missing))}")
        self.close()
        return Upload(self.folder, self.files[self.file_fields[0]], self.fields, self.size, dict(self.files))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def _part_begin(self) -> None:
        self._parts += 1
        if self._parts > MAX_PARTS:
            self.problem = self.problem or BadRequest(None, f"more than {MAX_PARTS} form fields")
        self._headers, self._field_name, self._field_value, self._writing = {}, None, bytearray(), False

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def _header_value_data(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._header_name.strip().lower()] = self._header_value.strip()
        self._header_name, self._header_value = b"", b""

    def _headers_finished(self) -> None:
        _, params = parse_options_header(self._headers.get(b"content-disposition", b""))
        name = params.get(b"name", b"").decode("utf-8", "replace")
        if name in self.file_fields and name not in self.files:
            filename = params.get(b"filename", b"").decode("utf-8", "replace")
            # In a folder of its own: no name the caller gives can be that of a kept result,
            # nor that of another file field's (two versions may share a name).
            place = self.folder / (PAPER_FOLDER if name == "file" else name)
            place.mkdir()
            self.files[name] = place / safe_name(filename, self.default_name)
            self._file = open(self.files[name], "wb")  # noqa: SIM115 - closed by close(), on every path
            self._writing = True
        elif name not in self.file_fields:
            self._field_name = name

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self.problem is not None:
            return
        if self._writing and self._file is not None:
            self.size += end - start
            if self.size > self.limit:
                files = "the file is" if len(self.file_fields) == 1 else "the files together are"
                self.problem = UploadTooLarge(None, f"{files} larger than the {_mb(self.limit)} limit "
                                                    "(--max-upload-mb)")
                return
            self._file.write(data[start:end])
        elif self._field_name is not None:
            self._field_value += data[start:end]
            if len(self._field_value) > MAX_FIELD_BYTES:
                self.problem = BadRequest(None, f"the form field '{self._field_name[:40]}' is longer than "
                                                f"{MAX_FIELD_BYTES} bytes")

    def _part_end(self) -> None:
        if self._writing:
            self.close()
            self._writing = False
        elif self._field_name is not None:
            self.fields[self._field_name] = self._field_value.decode("utf-8", "replace")

    def _end(self) -> None:
        self.ended = True
