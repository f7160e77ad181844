"""The JSON Schema of `compare`'s output (schemas/compare.schema.json), generated from its
models, and its validated text."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from extract.compare.model import Comparison
from extract.output import dumps, model_schema, validated, validator_of


def compare_schema() -> dict[str, Any]:
    return model_schema(Comparison, "compare-1.0")


def compare_schema_text() -> str:
    return json.dumps(compare_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def _validator():
    return validator_of(compare_schema())


def comparison_text(comparison: Comparison) -> str:
    """Serialised and validated against the schema; OutputError naming the first violation."""
    return dumps(validated(comparison, _validator()))
