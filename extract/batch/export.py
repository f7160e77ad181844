"""Flatten a batch output folder into tables that analysts' tools load: SQLite, CSV, JSONL.

    DIR/manifest.jsonl + DIR/*.json ──load_batch──▶ Batch ──batch_to_tables──▶ Table rows
        ──export_write.write_tables──▶ one database, or one folder of files, one per table

Tables and keys (the same in every format):
  inputs            one row per input file (status, error): file; sha256 joins packs
  packs             one row per distinct content: sha256
  service_cards     pack_sha256 + card_id
  financial_tables  pack_sha256 + table_id
  figures           pack_sha256 + figure_index; card_id / financial_table_id / numeric_table_id
                    + role where the figure belongs to a card or table (the role is its field
                    path there, as models.RoleFigures names it: 'budget.saving',
                    'pre_consultation.cost'); a numeric table's cell also has table_row and
                    table_column (0-based) and the label naming its row and column
  agenda_items      pack_sha256 + item_index: the agenda's numbered items, with the pages
                    printed beside them and the document of the pack each points to
  findings          pack_sha256 + finding_index; card_id where the subject is a card's service;
                    the finding's `check` is the column check_id (CHECK is an SQL keyword)
Nested figures become columns: budget_current_value, budget_current_text, ..._precision, ..._page.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from extract.batch.manifest import (
    MANIFEST_NAME,
    ManifestRecord,
    latest_by_file,
    read_manifest,
    read_output_document,
)
from extract.errors import NotABatch
from extract.models import CELL_ROLE, FinancialTable, NumericTable, ServiceCard

FORMATS = ("sqlite", "csv", "jsonl")
Row = dict[str, Any]


@dataclass
class Table:
    name: str
    columns: list[tuple[str, str]]  # (name, SQLite type)
    key: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]


def figure_columns(prefix: str) -> list[tuple[str, str]]:
    return [(f"{prefix}_value", "REAL"), (f"{prefix}_text", "TEXT"), (f"{prefix}_precision", "REAL"),
            (f"{prefix}_page", "INTEGER")]


def flatten_figure(prefix: str, figure: dict | None) -> Row:
    figure = figure or {}
    return {f"{prefix}_value": figure.get("value"), f"{prefix}_text": figure.get("text"),
            f"{prefix}_precision": figure.get("precision"), f"{prefix}_page": figure.get("page")}


CARD_FIGURES = {  # column prefix -> (block, field) in a service card
    "staffing_current_headcount": ("staffing", "current_headcount"),
    "staffing_current_fte": ("staffing", "current_fte"),
    "staffing_proposed_fte": ("staffing", "proposed_fte"),
    "staffing_reduction_fte": ("staffing", "reduction_fte"),
    "budget_current": ("budget", "current"),
    "budget_proposed": ("budget", "proposed"),
    "budget_saving": ("budget", "saving"),
}
TABLE_FIGURES = {  # column prefix -> path in a financial table
    "current": ("current",),
    "pre_consultation_cost": ("pre_consultation", "cost"),
    "pre_consultation_saving": ("pre_consultation", "saving"),
    "post_consultation_cost": ("post_consultation", "cost"),
    "post_consultation_saving": ("post_consultation", "saving"),
}


def empty_tables() -> dict[str, Table]:
    figure_of = lambda mapping: [c for prefix in mapping for c in figure_columns(prefix)]  # noqa: E731
    tables = [
        Table("inputs", [("file", "TEXT"), ("sha256", "TEXT"), ("status", "TEXT"), ("output", "TEXT"),
                         ("pages", "INTEGER"), ("seconds", "REAL"), ("error_type", "TEXT"), ("error_message", "TEXT"),
                         ("duplicate_of", "TEXT"), ("tool_version", "TEXT"), ("finished", "TEXT")], ("file",)),
        Table("packs", [("sha256", "TEXT"), ("source_file", "TEXT"), ("output", "TEXT"), ("pages", "INTEGER"),
                        ("schema_version", "TEXT"), ("tool_version", "TEXT"), ("meeting_committee", "TEXT"),
                        ("meeting_date", "TEXT"), ("meeting_time", "TEXT"), ("meeting_place", "TEXT"),
                        ("documents", "INTEGER"), ("service_cards", "INTEGER"), ("financial_tables", "INTEGER"),
                        ("figures", "INTEGER"), ("findings", "INTEGER")], ("sha256",)),
        Table("service_cards", [("pack_sha256", "TEXT"), ("card_id", "TEXT"), ("service", "TEXT"),
                                ("page_start", "INTEGER"), ("page_end", "INTEGER")] + figure_of(CARD_FIGURES)
              + [("staffing_notes", "TEXT"), ("budget_notes", "TEXT"), ("sections_json", "TEXT")],
              ("pack_sha256", "card_id")),
        Table("financial_tables", [("pack_sha256", "TEXT"), ("table_id", "TEXT"), ("service", "TEXT"),
                                   ("page", "INTEGER")] + figure_of(TABLE_FIGURES)
              + [("staff_impact", "TEXT"), ("notes", "TEXT")], ("pack_sha256", "table_id")),
        Table("figures", [("pack_sha256", "TEXT"), ("figure_index", "INTEGER"), ("kind", "TEXT"), ("value", "REAL"),
                          ("text", "TEXT"), ("precision", "REAL"), ("page", "INTEGER"), ("x0", "REAL"),
                          ("top", "REAL"), ("x1", "REAL"), ("bottom", "REAL"), ("label", "TEXT"),
                          ("unit_inferred", "INTEGER"), ("section", "TEXT"), ("card_id", "TEXT"),
                          ("financial_table_id", "TEXT"), ("numeric_table_id", "TEXT"), ("role", "TEXT"),
                          ("table_row", "INTEGER"), ("table_column", "INTEGER")], ("pack_sha256", "figure_index")),
        Table("agenda_items", [("pack_sha256", "TEXT"), ("item_index", "INTEGER"), ("number", "TEXT"),
                               ("title", "TEXT"), ("pages_printed", "TEXT"), ("pages_first", "INTEGER"),
                               ("pages_last", "INTEGER"), ("pack_page", "INTEGER"), ("document_index", "INTEGER"),
                               ("document_label", "TEXT"), ("document_title", "TEXT"),
                               ("document_page_start", "INTEGER")], ("pack_sha256", "item_index")),
        Table("findings", [("pack_sha256", "TEXT"), ("finding_index", "INTEGER"), ("check_id", "TEXT"),
                           ("severity", "TEXT"), ("subject", "TEXT"), ("card_id", "TEXT"), ("message", "TEXT"),
                           ("expected", "REAL"), ("found", "REAL"), ("difference", "REAL"), ("tolerance", "REAL"),
                           ("evidence_figures", "TEXT"), ("evidence_texts", "TEXT")], ("pack_sha256", "finding_index")),
    ]
    return {table.name: table for table in tables}


# --- load -----------------------------------------------------------------------------------


@dataclass
class Batch:
    records: list[ManifestRecord]
    documents: dict[str, tuple[str, dict]]  # sha256 -> (output name, parsed output)
    unreadable: list[tuple[str, str]]  # (output, why) for outputs the manifest names that cannot be used
    skipped_lines: list[int] = field(default_factory=list)  # manifest lines that are not records


def load_batch(out_dir: Path) -> Batch:
    """The manifest's latest record per input and the output of each distinct content. An
    output that is missing, does not parse, or describes other content than its record's
    sha256 (a file replaced, or a name shared by two contents) is left out and listed."""
    out_dir = Path(out_dir)
    if not (out_dir / MANIFEST_NAME).is_file():
        raise NotABatch(out_dir, f"no {MANIFEST_NAME} here (not the --out folder of a batch)")
    skipped: list[int] = []
    records = list(latest_by_file(read_manifest(out_dir, skipped)).values())
    documents: dict[str, tuple[str, dict]] = {}
    unreadable: dict[str, str] = {}
    for record in records:
        if record.status == "failed" or not record.output or not record.sha256 or record.sha256 in documents:
            continue
        document, why = read_output_document(out_dir, record.output)
        if document is not None and (document.get("source") or {}).get("sha256") != record.sha256:
            document, why = None, "its source.sha256 is not its manifest record's; left out"
        if document is None:
            unreadable.setdefault(record.output, why)
        else:
            documents[record.sha256] = (record.output, document)
    return Batch(records, documents, sorted(unreadable.items()), skipped)


# --- flatten --------------------------------------------------------------------------------


def batch_to_tables(batch: Batch) -> dict[str, Table]:
    tables = empty_tables()
    tables["inputs"].rows = [record_to_row(r) for r in batch.records]
    for sha, (output, document) in batch.documents.items():
        tables["packs"].rows.append(pack_to_row(sha, output, document))
        tables["service_cards"].rows += [card_to_row(sha, card) for card in document.get("service_cards", [])]
        tables["financial_tables"].rows += [fintable_to_row(sha, t) for t in document.get("financial_tables", [])]
        tables["agenda_items"].rows += agenda_items_to_rows(sha, document)
        figure_rows = figures_to_rows(sha, document)
        tables["figures"].rows += figure_rows
        tables["findings"].rows += findings_to_rows(sha, document, figure_rows)
    return tables


def record_to_row(record: ManifestRecord) -> Row:
    return {"file": record.file, "sha256": record.sha256, "status": record.status, "output": record.output,
            "pages": record.pages, "seconds": record.seconds,
            "error_type": record.error.type if record.error else None,
            "error_message": record.error.message if record.error else None,
            "duplicate_of": record.duplicate_of, "tool_version": record.tool_version, "finished": record.finished}


def pack_to_row(sha: str, output: str, document: dict) -> Row:
    source, meeting = document.get("source", {}), document.get("meeting") or {}
    counts = {name: len(document.get(name) or []) for name in
              ("documents", "service_cards", "financial_tables", "figures", "findings")}
    return {"sha256": sha, "source_file": source.get("file"), "output": output, "pages": source.get("pages"),
            "schema_version": document.get("schema_version"), "tool_version": document.get("tool_version"),
            **{f"meeting_{key}": meeting.get(key) for key in ("committee", "date", "time", "place")}, **counts}


def card_to_row(sha: str, card: dict) -> Row:
    row: Row = {"pack_sha256": sha, "card_id": card.get("id"), "service": card.get("service"),
                "page_start": card.get("page_start"), "page_end": card.get("page_end")}
    for prefix, (block, name) in CARD_FIGURES.items():
        row.update(flatten_figure(prefix, (card.get(block) or {}).get(name)))
    row["staffing_notes"] = _joined((card.get("staffing") or {}).get("notes"))
    row["budget_notes"] = _joined((card.get("budget") or {}).get("notes"))
    row["sections_json"] = json.dumps(card.get("sections") or {}, ensure_ascii=False)
    return row


def fintable_to_row(sha: str, table: dict) -> Row:
    row: Row = {"pack_sha256": sha, "table_id": table.get("id"), "service": table.get("service"),
                "page": table.get("page")}
    for prefix, path in TABLE_FIGURES.items():
        row.update(flatten_figure(prefix, _dig(table, path)))
    notes = [n for part in ("pre_consultation", "post_consultation") for n in (table.get(part) or {}).get("notes", [])]
    row.update(staff_impact=table.get("staff_impact"), notes=_joined(notes))
    return row


def agenda_items_to_rows(sha: str, document: dict) -> list[Row]:
    """One row per agenda item, with the document it points to (its label, title, first page)."""
    documents = document.get("documents") or []
    rows = []
    for n, item in enumerate(document.get("agenda_items") or []):
        pages = item.get("pages_printed") or {}
        index = item.get("document")
        pointed = documents[index] if isinstance(index, int) and 0 <= index < len(documents) else {}
        rows.append({"pack_sha256": sha, "item_index": n, "number": item.get("number"), "title": item.get("title"),
                     "pages_printed": pages.get("text"), "pages_first": pages.get("first"),
                     "pages_last": pages.get("last"), "pack_page": pages.get("pack_page"),
                     "document_index": index if pointed else None, "document_label": pointed.get("label"),
                     "document_title": pointed.get("title"), "document_page_start": pointed.get("page_start")})
    return rows


def figures_to_rows(sha: str, document: dict) -> list[Row]:
    """Every page figure once; the labelled figures of cards and tables are matched to it by
    page, box and text (the pipeline merges them), and added as rows of their own if not."""
    rows = [figure_to_row(sha, n, f) for n, f in enumerate(document.get("figures") or [])]
    by_place = {_place(f): row for f, row in zip(document.get("figures") or [], rows, strict=True)}
    for owner_column, owner_id, role, figure in _owned_figures(document):
        row = by_place.get(_place(figure))
        if row is None:
            row = figure_to_row(sha, len(rows), figure)
            rows.append(row)
            by_place[_place(figure)] = row
        if row[owner_column] is None:
            row.update({owner_column: owner_id, "role": role})
            cell = CELL_ROLE.match(role)
            if cell:
                row.update(table_row=int(cell.group(1)), table_column=int(cell.group(2)))
    return rows


def figure_to_row(sha: str, index: int, figure: dict) -> Row:
    x0, top, x1, bottom = (list(figure.get("bbox") or []) + [None] * 4)[:4]
    return {"pack_sha256": sha, "figure_index": index, "kind": figure.get("kind"), "value": figure.get("value"),
            "text": figure.get("text"), "precision": figure.get("precision"), "page": figure.get("page"),
            "x0": x0, "top": top, "x1": x1, "bottom": bottom, "label": figure.get("label"),
            "unit_inferred": figure.get("unit_inferred"), "section": figure.get("section"),
            "card_id": None, "financial_table_id": None, "numeric_table_id": None, "role": None,
            "table_row": None, "table_column": None}


OWNERS = (("service_cards", ServiceCard, "card_id"), ("financial_tables", FinancialTable, "financial_table_id"),
          ("tables", NumericTable, "numeric_table_id"))


def _owned_figures(document: dict) -> Iterable[tuple[str, str, str, dict]]:
    """Each structure's figures as the structure itself names them (its `figures()`); an
    output whose structure no longer reads as the models say links none of its figures."""
    for key, model, column in OWNERS:
        for item in document.get(key) or []:
            try:
                owner = model.model_validate(item)
            except ValidationError:
                continue
            for role, figure in owner.figures():
                yield column, owner.id, role, figure.model_dump(mode="json")


def findings_to_rows(sha: str, document: dict, figure_rows: list[Row]) -> list[Row]:
    card_of_service: dict[str | None, str | None] = {}
    for card in document.get("service_cards") or []:
        card_of_service.setdefault(card.get("service"), card.get("id"))
    index_of = {(r["page"], (r["x0"], r["top"], r["x1"], r["bottom"]), r["text"]): r["figure_index"]
                for r in figure_rows}
    rows = []
    for n, finding in enumerate(document.get("findings") or []):
        evidence = finding.get("evidence") or []
        rows.append({
            "pack_sha256": sha, "finding_index": n, "check_id": finding.get("check"),
            "severity": finding.get("severity"), "subject": finding.get("subject"),
            "card_id": card_of_service.get(finding.get("subject")), "message": finding.get("message"),
            **{key: finding.get(key) for key in ("expected", "found", "difference", "tolerance")},
            "evidence_figures": _joined([str(index_of[_place(f)]) for f in evidence if _place(f) in index_of], ","),
            "evidence_texts": _joined([f.get("text") for f in evidence]),
        })
    return rows


def _place(figure: dict) -> tuple:
    return figure.get("page"), tuple(figure.get("bbox") or ()), figure.get("text")


def _dig(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = (data or {}).get(key)
    return data


def _joined(items: Iterable[Any] | None, separator: str = " | ") -> str | None:
    items = [str(item) for item in items or [] if item is not None]
    return separator.join(items) if items else None
