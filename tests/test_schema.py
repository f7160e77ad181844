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


@pytest.mark.filterwarnings("ignore:Pydantic serializer warnings")  # the wrong type is the point
def test_an_output_breaking_the_schema_is_refused_naming_where():
    from extract.errors import OutputError

    extraction = extraction_of(SAMPLES / "coventry-2017-scrutiny-pack.pdf")
    broken = extraction.model_copy(update={"service_cards": [
        extraction.service_cards[0].model_copy(update={"id": 5})]})
    with pytest.raises(OutputError, match=r"output does not validate at service_cards/0/id: "):
        to_document(broken)
