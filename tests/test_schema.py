"""The committed JSON Schema is what the models generate, and every output validates."""
from __future__ import annotations

import json

import jsonschema
import pytest

from extract.output import schema, to_document
from tests.conftest import ROOT, SAMPLES, extraction_of

COMMITTED = ROOT / "schemas" / "extraction.schema.json"


def test_committed_schema_is_what_the_models_generate():
    assert json.loads(COMMITTED.read_text()) == schema(), (
        "schemas/extraction.schema.json is stale: run `agenda-extract schema > schemas/extraction.schema.json`"
    )


@pytest.mark.parametrize("pdf", sorted(SAMPLES.glob("*.pdf")) + sorted((SAMPLES / "variants").glob("*.pdf")),
                         ids=lambda p: p.stem)
def test_every_sample_output_validates_against_the_committed_schema(pdf):
    jsonschema.validate(to_document(extraction_of(pdf)), json.loads(COMMITTED.read_text()))
