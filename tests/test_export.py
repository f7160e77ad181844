"""`agenda-extract export`: batch folders to SQLite, CSV and JSONL tables that join."""
from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.batch.export import empty_tables
from extract.batch.manifest import ErrorInfo, Manifest, ManifestRecord
from extract.cli.main import main
from tests.badinputs import GOOD_PACKS, SAMPLES, zero_bytes

TABLES = ["inputs", "packs", "service_cards", "financial_tables", "figures", "agenda_items", "findings"]
SHA = "ab" * 32
TRICKY = 'Children\'s "Early Help", Youth & £ services\nsecond line'
FORMULA = "=HYPERLINK(\"http://evil\")"


def invoke(*args):
    return CliRunner().invoke(main, [*map(str, args)], catch_exceptions=False)


@pytest.fixture(scope="module")
def sample_batch(tmp_path_factory):
    """The four samples, a copy of one, and a zero-byte file, batched into one folder."""
    folder, out = tmp_path_factory.mktemp("export-in"), tmp_path_factory.mktemp("export-out")
    for pack in GOOD_PACKS:
        shutil.copy(pack, folder)
    shutil.copy(SAMPLES / "coventry-2017-cabinet-minute.pdf", folder / "copy-of-minute.pdf")
    zero_bytes(folder)
    invoke("batch", folder, "--out", out, "--jobs", 2, "--quiet")
    return out


def documents(out: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.json"))]


def figure(value, text, page=2, x=100.0, **extra):
    from extract.models import Figure

    return Figure(kind="money", value=value, text=text, precision=10_000, page=page, bbox=(x, 50.0, x + 40, 60.0),
                  **extra)


@pytest.fixture
def synthetic_batch(tmp_path):
    """One output made from the models, with text that tests quoting, and its manifest line."""
    from extract.models import (
        Budget,
        Extraction,
        FinancialTable,
        Finding,
        Forecast,
        Meeting,
        ServiceCard,
        Source,
        Staffing,
    )
    from extract.output import dumps, to_document

    current, saving = figure(820_000, "£0.82M", label="Current budget"), figure(50_000, "£0.05M", x=200.0)
    card = ServiceCard(id="card-1-early-help", service=TRICKY, page_start=2, page_end=3,
                       sections={"overview": "Overview, with commas"}, staffing=Staffing(notes=[FORMULA]),
                       budget=Budget(current=current, saving=saving, savings_breakdown=[saving]))
    table = FinancialTable(id="table-1", service=TRICKY, page=9, current=figure(1_000, "£1,000", page=9),
                           pre_consultation=Forecast(), post_consultation=Forecast(), staff_impact="-1 FTE")
    finding = Finding(check="card.saving", severity="warning", subject=TRICKY, message="does not add up",
                      expected=1.0, found=2.0, difference=1.0, tolerance=0.1, evidence=[current, saving])
    extraction = Extraction(tool_version="0.1.0", source=Source(file="synthetic.pdf", sha256=SHA, pages=10),
                            meeting=Meeting(committee="Scrutiny", date="2017-01-18"), service_cards=[card],
                            financial_tables=[table], figures=[current, saving, figure(7, "£7", page=5)],
                            findings=[finding])
    out = tmp_path / "out"
    out.mkdir()
    (out / "synthetic.json").write_text(dumps(to_document(extraction)), encoding="utf-8")
    with Manifest(out) as manifest:
        manifest.append(ManifestRecord("/in/synthetic.pdf", SHA, "ok", "synthetic.json", 10, 1.0, None, "0.1.0"))
        manifest.append(ManifestRecord("/in/broken.pdf", "cd" * 32, "failed", None, None, 0.1,
                                       ErrorInfo("damaged", "damaged PDF: its pages cannot be loaded"), "0.1.0"))
    return out


def rows(database: Path, query: str) -> list[tuple]:
    connection = sqlite3.connect(database)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_sqlite_is_the_default_and_holds_one_row_per_pack_card_table_figure_and_finding(sample_batch):
    result = invoke("export", sample_batch)
    database = sample_batch / "export.sqlite"
    assert result.exit_code == 0 and database.is_file()
    docs = documents(sample_batch)
    expected = {"packs": len(docs), "service_cards": sum(len(d["service_cards"]) for d in docs),
                "financial_tables": sum(len(d["financial_tables"]) for d in docs),
                "findings": sum(len(d["findings"]) for d in docs), "inputs": len(GOOD_PACKS) + 2,
                "agenda_items": sum(len(d["agenda_items"]) for d in docs)}
    for table, count in expected.items():
        assert rows(database, f"SELECT count(*) FROM {table}") == [(count,)], table
    figures_in_docs = sum(len(d["figures"]) for d in docs)
    assert rows(database, "SELECT count(*) FROM figures")[0][0] >= figures_in_docs


def test_agenda_items_name_the_document_each_points_to(sample_batch):
    invoke("export", sample_batch, "--to", sample_batch / "items.sqlite")
    listed = rows(sample_batch / "items.sqlite",
                  "SELECT a.number, a.title, a.pages_printed, a.pack_page, a.document_label, a.document_page_start "
                  "FROM agenda_items a JOIN packs p ON p.sha256 = a.pack_sha256 "
                  "WHERE p.source_file = 'coventry-2017-scrutiny-pack.pdf' ORDER BY a.item_index")
    assert [row[0] for row in listed] == ["1", "2", "3", "4"]
    assert listed[2] == ("3", "Education Service Redesign", "Pages 3 - 50", 3, "Agenda Item 3", 3)
    assert all(row[2] is None and row[4] is None for row in listed if row[0] != "3")


def test_every_row_joins_to_its_pack_and_every_card_reference_to_a_card(sample_batch, synthetic_batch):
    for out in (sample_batch, synthetic_batch):
        invoke("export", out, "--to", out / "db.sqlite")
        database = out / "db.sqlite"
        for table in ("service_cards", "financial_tables", "figures", "agenda_items", "findings"):
            orphans = rows(database, f"SELECT count(*) FROM {table} t LEFT JOIN packs p ON p.sha256 = t.pack_sha256 "
                                     "WHERE p.sha256 IS NULL")
            assert orphans == [(0,)], table
        for table in ("figures", "findings"):
            dangling = rows(database, f"SELECT count(*) FROM {table} t LEFT JOIN service_cards c ON "
                                      "c.pack_sha256 = t.pack_sha256 AND c.card_id = t.card_id "
                                      "WHERE t.card_id IS NOT NULL AND c.card_id IS NULL")
            assert dangling == [(0,)], table


def test_figures_of_a_card_are_linked_to_it_with_their_role(synthetic_batch):
    invoke("export", synthetic_batch)
    linked = rows(synthetic_batch / "export.sqlite",
                  "SELECT text, card_id, role FROM figures WHERE card_id IS NOT NULL ORDER BY figure_index")
    assert linked == [("£0.82M", "card-1-early-help", "budget.current"),
                      ("£0.05M", "card-1-early-help", "budget.saving")]
    table_figure = "SELECT financial_table_id, role FROM figures WHERE text='£1,000'"
    assert rows(synthetic_batch / "export.sqlite", table_figure) == [("table-1", "current")]
    assert rows(synthetic_batch / "export.sqlite", "SELECT card_id, evidence_figures FROM findings") \
        == [("card-1-early-help", "0,1")]


def test_nested_figures_are_flattened_into_columns(synthetic_batch):
    invoke("export", synthetic_batch)
    (card,) = rows(synthetic_batch / "export.sqlite",
                   "SELECT budget_current_value, budget_current_text, budget_current_precision, budget_current_page, "
                   "budget_proposed_value, budget_saving_text FROM service_cards")
    assert card == (820_000.0, "£0.82M", 10_000.0, 2, None, "£0.05M")


def test_csv_files_open_cleanly_in_a_spreadsheet(synthetic_batch):
    result = invoke("export", synthetic_batch, "--format", "csv")
    folder = synthetic_batch / "export-csv"
    assert result.exit_code == 0 and sorted(p.stem for p in folder.glob("*.csv")) == sorted(TABLES)
    raw = (folder / "service_cards.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with (folder / "service_cards.csv").open(encoding="utf-8-sig", newline="") as handle:
        header, *body = list(csv.reader(handle))
    assert header == empty_tables()["service_cards"].names  # one header row, then data
    (card,) = [dict(zip(header, row, strict=True)) for row in body]
    assert card["service"] == TRICKY  # commas, quotes, £ and a newline survive
    assert card["staffing_notes"] == "'" + FORMULA  # a spreadsheet shows it, never runs it
    assert card["budget_current_value"] == "820000.0" and card["budget_proposed_value"] == ""


def test_jsonl_has_one_file_per_table_and_the_same_rows_as_sqlite(synthetic_batch):
    invoke("export", synthetic_batch, "--format", "jsonl")
    invoke("export", synthetic_batch)
    for table in TABLES:
        lines = (synthetic_batch / "export-jsonl" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == rows(synthetic_batch / "export.sqlite", f"SELECT count(*) FROM {table}")[0][0], table
    cards = (synthetic_batch / "export-jsonl" / "service_cards.jsonl").read_text("utf-8").splitlines()
    (card,) = map(json.loads, cards)
    assert card["pack_sha256"] == SHA and card["budget_current_value"] == 820_000


def test_the_inputs_table_lists_failed_and_skipped_inputs_with_their_reasons(sample_batch):
    invoke("export", sample_batch)
    found = dict(rows(sample_batch / "export.sqlite", "SELECT file, status || ':' || coalesce(error_type, '') "
                                                      "FROM inputs"))
    statuses = {Path(file).name: status for file, status in found.items()}
    assert statuses["zero-bytes.pdf"] == "failed:empty"
    twins = sorted(statuses[name] for name in ("copy-of-minute.pdf", "coventry-2017-cabinet-minute.pdf"))
    assert twins == ["ok:", "skipped:"]
    assert statuses["coventry-2017-scrutiny-pack.pdf"] == "ok:"


def test_an_export_replaces_the_previous_one_whole_and_leaves_no_temporary_files(synthetic_batch):
    target = synthetic_batch / "export.sqlite"
    target.write_bytes(b"not a database")
    assert invoke("export", synthetic_batch).exit_code == 0
    assert rows(target, "SELECT count(*) FROM packs") == [(1,)]
    assert not list(synthetic_batch.glob(".*.tmp"))


def test_exporting_a_folder_that_is_not_a_batch_exits_3(tmp_path):
    result = invoke("export", tmp_path)
    assert result.exit_code == 3 and "no manifest.jsonl" in result.stderr


def test_a_missing_output_is_reported_and_the_rest_still_exported(synthetic_batch):
    with Manifest(synthetic_batch) as manifest:
        manifest.append(ManifestRecord("/in/gone.pdf", "ef" * 32, "ok", "gone.json", 1, 1.0, None, "0.1.0"))
    result = invoke("export", synthetic_batch)
    assert result.exit_code == 3 and "gone.json: missing or not valid JSON" in result.stderr
    assert rows(synthetic_batch / "export.sqlite", "SELECT count(*) FROM packs") == [(1,)]


def test_every_cell_of_a_numeric_table_is_one_figure_row_at_its_row_and_column(sample_batch):
    invoke("export", sample_batch)
    database = sample_batch / "export.sqlite"
    docs = documents(sample_batch)
    assert rows(database, "SELECT count(*) FROM figures")[0][0] == sum(len(d["figures"]) for d in docs)
    cells = {(d["source"]["sha256"], t["id"], r, c, cell["text"])
             for d in docs for t in d["tables"] for r, row in enumerate(t["rows"])
             for c, cell in enumerate(row["cells"]) if cell}
    assert cells, "the samples hold numeric tables"
    exported = rows(database, "SELECT pack_sha256, numeric_table_id, table_row, table_column, text, role, label "
                              "FROM figures WHERE numeric_table_id IS NOT NULL")
    assert len(exported) == len(cells) and {row[:5] for row in exported} == cells
    assert all(role == f"rows[{r}].cells[{c}]" for _, _, r, c, _, role, _ in exported)
