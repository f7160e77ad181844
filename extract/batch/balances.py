"""The batch's stage after per-paper extraction: balances carried from one paper's year to the next's.

    DIR/manifest.jsonl + DIR/*.json ──load_batch──▶ papers (each distinct content once, its
        council the folder of its input) ──checks.across──▶ CrossPaperBalances
        ──validated against schemas/balances.schema.json──▶ DIR/balances.json (whole or not at all)

It reads only what the batch wrote, so it runs again over a finished or resumed batch in a
moment, without extracting anything.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extract import __version__
from extract.batch.export import Batch, load_batch
from extract.checks.across import CrossPaperBalances, Paper, cross_paper_balances
from extract.models import Extraction
from extract.output import dumps, model_schema, validated, validator_of, write_atomic

BALANCES_NAME = "balances.json"


def balances_schema() -> dict[str, Any]:
    return model_schema(CrossPaperBalances, "balances-1.0")


def balances_schema_text() -> str:
    return json.dumps(balances_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def batch_papers(batch: Batch) -> list[Paper]:
    """Each distinct content once, under the folder of the first input that had it; an output
    that is not an extraction of this schema (an older tool's) is left out."""
    first_file: dict[str, str] = {}
    for record in batch.records:
        if record.sha256 is not None:
            first_file.setdefault(record.sha256, record.file)
    papers = []
    for sha, (output, document) in batch.documents.items():
        try:
            extraction = Extraction.model_validate(document)
        except ValidationError:
            continue
        file = first_file.get(sha, extraction.source.file)
        papers.append(Paper(file=file, council=Path(file).parent.name, extraction=extraction, output=output))
    return sorted(papers, key=lambda paper: paper.file)


def write_balances(out_dir: Path) -> CrossPaperBalances | None:
    """DIR/balances.json from the batch's outputs, and what it holds; None (nothing written)
    when no paper prints a dated balance and no earlier run wrote one. Left as it is when its
    text would not change: a batch run again over the same papers rewrites nothing."""
    path = Path(out_dir) / BALANCES_NAME
    found = cross_paper_balances(batch_papers(load_batch(out_dir)), __version__)
    if not found.balances and not path.exists():
        return None
    text = dumps(validated(found, validator_of(balances_schema())))
    if not path.is_file() or path.read_text(encoding="utf-8", errors="replace") != text:
        write_atomic(path, text)
    return found


def summary_line(found: CrossPaperBalances) -> str:
    outcomes = [pair.relation.outcome for pair in found.pairs]
    counted = ", ".join(f"{outcomes.count(o)} {o.replace('_', ' ')}" for o in
                        ("agrees", "within_rounding", "disagrees", "unsure"))
    return (f"{len(found.balances)} dated balances in {found.papers} papers; {len(found.pairs)} pairs across "
            f"papers: {counted} ({BALANCES_NAME})")
