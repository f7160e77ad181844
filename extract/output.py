"""JSON Schema from the models, validation, and whole-or-nothing writes."""
from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.errors import OutputError
from extract.models import Extraction


def schema() -> dict[str, Any]:
    """The JSON Schema generated from the pydantic models (what schemas/ must hold)."""
    generated = Extraction.model_json_schema(mode="serialization")
    generated["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    generated["$id"] = "https://agenda-extract.invalid/schemas/extraction-1.0.json"
    return generated


def schema_text() -> str:
    return json.dumps(schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(schema())


def to_document(extraction: Extraction) -> dict[str, Any]:
    """Serialise and validate; raises OutputError naming the first schema violation."""
    document = extraction.model_dump(mode="json")
    error = next(iter(_validator().iter_errors(document)), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise OutputError(f"output does not validate at {where}: {error.message}")
    return document


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def new_file_mode() -> int:
    """The mode an ordinary new file gets under this process's umask (0644 under 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, text: str) -> None:
    """Write text to path whole or not at all: a temporary file in the same folder, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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

