"""The JSON Schema of `compare`'s output (schemas/compare.schema.json), generated from its
models, and its validated text."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from extract.compare.model import Comparison
from extract.errors import OutputError
from extract.output import dumps


def compare_schema() -> dict[str, Any]:
    generated = Comparison.model_json_schema(mode="serialization")
    generated["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    generated["$id"] = "https://agenda-extract.invalid/schemas/compare-1.0.json"
    return generated


def compare_schema_text() -> str:
    return json.dumps(compare_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def _validator():
    try:
        import jsonschema_rs
    except ImportError:
        import jsonschema

        return jsonschema.Draft202012Validator(compare_schema())
    return jsonschema_rs.Draft202012Validator(compare_schema())


def comparison_text(comparison: Comparison) -> str:
    """Serialised and validated against the schema; OutputError naming the first violation."""
    document = comparison.model_dump(mode="json")
    error = next(iter(_validator().iter_errors(document)), None)
    if error is not None:
        path = "/".join(str(p) for p in getattr(error, "instance_path", None) or error.absolute_path) or "(root)"
        raise OutputError(None, f"output does not validate at {path}: {error.message}")
    return dumps(document)
