"""JSON Schema from the models, validation, and whole-or-nothing writes."""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from extract.errors import OutputError
from extract.models import Extraction


def model_schema(model: type[BaseModel], name: str) -> dict[str, Any]:
    """The JSON Schema a document model generates, with its draft and its id ('extraction-1.0')."""
    generated = model.model_json_schema(mode="serialization")
    generated["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    generated["$id"] = f"https://agenda-extract.invalid/schemas/{name}.json"
    return generated


def schema() -> dict[str, Any]:
    """The JSON Schema generated from the pydantic models (what schemas/ must hold)."""
    return model_schema(Extraction, "extraction-1.0")


def schema_text() -> str:
    return json.dumps(schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def _validator():
    """jsonschema-rs (compiled; validating a 40-page pack's output takes a millisecond where the
    pure-Python jsonschema took most of a second, a fifth of the whole run); jsonschema where no
    wheel of it exists for the platform. Both implement draft 2020-12; the tests validate every
    output again with jsonschema."""
    return validator_of(schema())


def validator_of(document_schema: dict[str, Any]):
    try:
        import jsonschema_rs
    except ImportError:
        import jsonschema

        return jsonschema.Draft202012Validator(document_schema)
    return jsonschema_rs.Draft202012Validator(document_schema)


def _where(error) -> str:
    path = getattr(error, "instance_path", None)
    if path is None:  # jsonschema's error
        path = error.absolute_path
    return "/".join(str(p) for p in path) or "(root)"


def to_document(extraction: Extraction) -> dict[str, Any]:
    """Serialise and validate; raises OutputError naming the first schema violation."""
    return validated(extraction, _validator())


def validated(model: BaseModel, validator) -> dict[str, Any]:
    """The model as JSON data, checked by the validator; OutputError naming the first violation."""
    document = model.model_dump(mode="json")
    error = next(iter(validator.iter_errors(document)), None)
    if error is not None:
        raise OutputError(None, f"output does not validate at {_where(error)}: {error.message}")
    return document


def dumps(document: dict[str, Any]) -> str:
    """JSON text; NaN or Infinity (never valid JSON) is refused, not printed bare."""
    try:
        return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    except ValueError as exc:
        raise OutputError(None, f"output holds a number JSON cannot represent ({exc})") from None


@lru_cache(maxsize=1)
def new_file_mode() -> int:
    """The mode an ordinary new file gets under this process's umask (0644 under 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


TEMPORARY_NAME_BYTES = 200  # NAME_MAX is 255 bytes; mkstemp adds a dot, 8 random characters and ".tmp"


def temporary_stem(name: str, limit: int = TEMPORARY_NAME_BYTES) -> str:
    """The name a temporary file beside `name` starts with: the name itself, or for a name near
    the file system's limit its start cut to fit, keeping its suffix (stale-file sweeps match on it)."""
    if len(name.encode("utf-8")) <= limit:
        return name
    suffix = Path(name).suffix if len(Path(name).suffix) < 16 else ""
    stem = name[: len(name) - len(suffix)] if suffix else name
    room = limit - len(suffix.encode("utf-8"))
    cut = stem.encode("utf-8")[:room].decode("utf-8", "ignore")
    return cut + suffix


def write_atomic(path: Path, text: str) -> None:
    """Write text to path whole or not at all: a temporary file in the same folder, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{temporary_stem(path.name)}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), new_file_mode())  # mkstemp makes 0600; users expect their umask
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise

