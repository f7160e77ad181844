"""A year's closing balance in one paper against the next year's opening balance in another
paper of the same council: on small generated extractions, and end to end through `batch` on
two years' statements generated with reportlab."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from extract.batch.balances import balances_schema
from extract.checks.across import Paper, cross_paper_balances, paper_balances
from extract.models import Document, Extraction, Figure, Meeting, NumericTable, Source, TableRow

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "schemas" / "balances.schema.json"


def figure(text: str, source: str = "pdf") -> Figure:
    return Figure(kind="money", value=float(text.replace(",", "")), text=text, precision=1.0, page=2,
                  bbox=(300, 100, 340, 110), source=source)


def statement(columns: list[str], rows: list[tuple[str, list[str]]], title: str = "Summary of accounts",
              source: str = "pdf") -> NumericTable:
    return NumericTable(id="numtable-2-summary", title=title, page=2, columns=columns,
                        rows=[TableRow(label=label, cells=[figure(t, source) for t in texts]) for label, texts in rows])


def paper(file: str, *tables: NumericTable, council_name: str | None = None) -> Paper:
    documents = [Document(title=f"{council_name} accounts", kind="financial_statement", page_start=1, page_end=2)] \
        if council_name else []
    extraction = Extraction(tool_version="t", source=Source(file=file, sha256="0" * 64, pages=2), meeting=Meeting(),
                            documents=documents, tables=list(tables))
    return Paper(file=file, council=Path(file).parent.name, extraction=extraction, output=Path(file).stem + ".json")


def year(span: str, opening: str, closing: str, **kw) -> NumericTable:
    return statement([span], [("Balance brought forward", [opening]), ("Add receipts", ["100"]),
                              ("Less payments", ["50"]), ("Balance carried forward", [closing])], **kw)


def pairs_of(*papers: Paper):
    return cross_paper_balances(papers, "t")


def test_last_years_closing_balance_equal_to_this_years_opening_in_another_paper_agrees():
    found = pairs_of(paper("/a/parish/accounts-2016.pdf", year("2015/16", "950", "1,000")),
                     paper("/a/parish/accounts-2017.pdf", year("2016/17", "1,000", "1,050")))
    (pair,) = found.pairs
    assert (pair.year_end, pair.relation.outcome, pair.severity) == (2016, "agrees", "info")
    assert pair.first.file.endswith("accounts-2016.pdf") and pair.second.file.endswith("accounts-2017.pdf")
    assert (pair.second.figure.page, pair.second.figure.bbox) == (2, (300, 100, 340, 110))
    assert not found.findings


def test_an_opening_balance_that_is_not_last_years_closing_is_a_finding_naming_both_papers():
    found = pairs_of(paper("/a/parish/accounts-2016.pdf", year("2015/16", "950", "1,000")),
                     paper("/a/parish/accounts-2017.pdf", year("2016/17", "1,200", "1,250")))
    (pair,) = found.pairs
    assert (pair.relation.outcome, pair.relation.expected, pair.relation.found) == ("disagrees", 1000.0, 1200.0)
    (finding,) = found.findings
    assert finding.severity == "error" and pair.relation.finding == 0
    assert "accounts-2016.pdf" in finding.subject and "accounts-2017.pdf" in finding.subject


def test_papers_of_two_councils_are_never_paired():
    found = pairs_of(paper("/a/parish-one/accounts-2016.pdf", year("2015/16", "950", "1,000")),
                     paper("/a/parish-two/accounts-2017.pdf", year("2016/17", "1,200", "1,250")))
    assert found.pairs == [] and len(found.balances) == 4


def test_balances_of_one_paper_are_left_to_the_papers_own_check():
    both = year("2015/16", "950", "1,000").model_copy(update={"columns": ["2015/16"]})
    later = year("2016/17", "1,000", "1,050").model_copy(update={"id": "numtable-3-summary"})
    assert pairs_of(paper("/a/parish/accounts.pdf", both, later)).pairs == []


def test_a_figure_read_by_ocr_makes_a_disagreement_unsure_with_its_reason():
    found = pairs_of(paper("/a/parish/scan-2016.pdf", year("2015/16", "950", "1,000", source="ocr")),
                     paper("/a/parish/accounts-2017.pdf", year("2016/17", "1,200", "1,250")))
    (pair,) = found.pairs
    assert pair.relation.outcome == "unsure" and "OCR" in (pair.relation.reason or "")
    assert not found.findings and pair.severity == "info"


def test_a_paper_printing_two_different_closing_balances_for_the_year_is_unsure():
    funds = statement(["2015/16"], [("Balance carried forward", ["1,000"]), ("Balance carried forward", ["300"])])
    found = pairs_of(paper("/a/parish/accounts-2016.pdf", funds),
                     paper("/a/parish/accounts-2017.pdf", year("2016/17", "1,000", "1,050")))
    assert {p.relation.outcome for p in found.pairs} == {"agrees", "unsure"}
    assert not found.findings
    assert all("2 different closing balances" in (p.relation.reason or "") for p in found.pairs)


def test_papers_naming_different_councils_in_one_folder_are_unsure():
    found = pairs_of(paper("/a/mixed/a.pdf", year("2015/16", "950", "1,000"), council_name="Ashby Parish Council"),
                     paper("/a/mixed/b.pdf", year("2016/17", "1,200", "1,250"), council_name="Bexley Town Council"))
    (pair,) = found.pairs
    assert pair.relation.outcome == "unsure" and "different councils" in (pair.relation.reason or "")


def test_one_bank_accounts_balance_is_not_taken_for_the_councils():
    account = statement(["2015/16"], [("Deposit account balance carried forward", ["700"])])
    found = pairs_of(paper("/a/parish/bank-2016.pdf", account),
                     paper("/a/parish/accounts-2017.pdf", year("2016/17", "1,000", "1,050")))
    (pair,) = found.pairs
    assert pair.relation.outcome == "unsure" and not found.findings


def test_a_balance_is_dated_by_its_column_else_its_label_else_its_tables_title():
    by_label = statement(["£"], [("Balance at 1 April 2016", ["1,000"]), ("Balance at 31 March 2017", ["1,050"])],
                         title="Cash book")
    by_title = statement(["£"], [("Balance b/f", ["1,050"])], title="Accounts for the year 2017/18")
    dated = {(b.kind, b.year_end, b.dated_by) for b in paper_balances(paper("/a/p/x.pdf", by_label, by_title))}
    assert dated == {("opening", 2017, "label"), ("closing", 2017, "label"), ("opening", 2018, "title")}


def test_a_balance_whose_year_cannot_be_read_is_not_collected():
    undated = statement(["£"], [("Balance brought forward", ["1,000"])], title="Cash book")
    assert paper_balances(paper("/a/p/x.pdf", undated)) == []


def test_the_committed_balances_schema_is_what_the_models_generate():
    assert json.loads(COMMITTED.read_text()) == balances_schema(), (
        "schemas/balances.schema.json is stale: run `agenda-extract schema --balances > schemas/balances.schema.json`")


# --- end to end: two years' statements through batch -------------------------------------

def statement_pdf(path: Path, span: str, opening: str, receipts: str, payments: str, closing: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    page.setFont("Helvetica-Bold", 11)
    page.drawString(60, height - 60, f"Souldham Parish Council: summary of accounts {span}")
    page.setFont("Helvetica", 10)
    page.drawRightString(420, height - 100, span)
    page.drawRightString(420, height - 112, "£")
    for top, label, amount in ((128, "Balance brought forward", opening), (144, "Add receipts", receipts),
                               (160, "Less payments", payments), (176, "Balance carried forward", closing)):
        page.drawString(60, height - top, label)
        page.drawRightString(420, height - top, amount)
    page.save()


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    pytest.importorskip("reportlab")
    from click.testing import CliRunner

    from extract.cli.main import main

    folder = tmp_path_factory.mktemp("archive") / "souldham-pc"
    folder.mkdir()
    statement_pdf(folder / "accounts-2016-17.pdf", "2016/17", "12,000.00", "5,000.00", "4,000.00", "13,000.00")
    statement_pdf(folder / "accounts-2017-18.pdf", "2017/18", "13,500.00", "5,000.00", "4,000.00", "14,500.00")
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--jobs", "1"],
                                catch_exceptions=False)
    return result, out


def test_batch_writes_balances_json_pairing_the_two_years_and_it_validates(two_years):
    result, out = two_years
    assert result.exit_code == 0, result.output
    document = json.loads((out / "balances.json").read_text())
    jsonschema.validate(document, json.loads(COMMITTED.read_text()))
    (pair,) = document["pairs"]
    assert (pair["council"], pair["year_end"]) == ("souldham-pc", 2017)
    assert (pair["first"]["figure"]["text"], pair["second"]["figure"]["text"]) == ("13,000.00", "13,500.00")
    assert pair["relation"]["outcome"] == "disagrees" and len(document["findings"]) == 1
    assert "1 disagrees" in result.stderr


def test_a_batch_run_again_over_the_same_papers_leaves_balances_json_untouched(two_years):
    from click.testing import CliRunner

    from extract.cli.main import main

    _, out = two_years
    before = (out / "balances.json").stat().st_mtime_ns
    folder = Path(json.loads((out / "balances.json").read_text())["pairs"][0]["second"]["file"]).parent
    again = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--jobs", "1", "--quiet"])
    assert again.exit_code == 0 and (out / "balances.json").stat().st_mtime_ns == before


def test_a_batch_whose_papers_print_no_dated_balance_writes_no_balances_json(tmp_path):
    from extract.batch.balances import write_balances
    from extract.batch.manifest import Manifest

    with Manifest(tmp_path):
        pass
    (tmp_path / "manifest.jsonl").write_text("")
    assert write_balances(tmp_path) is None and not (tmp_path / "balances.json").exists()


def test_a_balance_in_one_accounts_column_or_dated_in_figures_is_read_with_its_doubt():
    accounts = statement(["MAIN ACCOUNT"], [("BALANCE B/F 01.04.23", ["8,645.50"]),
                                            ("BALANCE C/F 31/03/2024", ["7,515.87"])], title="Financial Report")
    found = paper_balances(paper("/a/p/x.pdf", accounts))
    assert [(b.kind, b.year_end, b.dated_by) for b in found] == [("opening", 2024, "label"), ("closing", 2024, "label")]
    assert all("MAIN ACCOUNT" in (b.doubt or "") for b in found)


def test_a_budgets_estimated_balance_carried_forward_is_never_an_alarm():
    budget = statement(["Budget 2015/16"], [("Estimated balance carried forward", ["900"])], title="Budget")
    found = pairs_of(paper("/a/parish/budget-2016.pdf", budget),
                     paper("/a/parish/accounts-2017.pdf", year("2016/17", "1,000", "1,050")))
    (pair,) = found.pairs
    assert pair.relation.outcome == "unsure" and "planned" in (pair.relation.reason or "") and not found.findings


def test_a_bare_year_over_a_column_may_be_a_calendar_year_and_is_in_doubt():
    found = pairs_of(paper("/a/parish/accounts-2016.pdf", year("2016", "950", "1,000")),
                     paper("/a/parish/accounts-2017.pdf", year("2016/17", "1,200", "1,250")))
    (pair,) = found.pairs
    assert pair.relation.outcome == "unsure" and "calendar year" in (pair.relation.reason or "")


def agar(years: list[str], box1: list[str], box7: list[str]) -> NumericTable:
    return statement(years, [("1. Balances brought forward", box1), ("7. (=) Balances carried forward", box7)],
                     title="Section 2 - Accounting Statements")


def test_a_prior_year_column_that_is_not_last_years_return_is_a_finding_and_one_that_is_agrees():
    last = paper("/a/parish/agar-2017.pdf", agar(["Year ending 31 March 2016", "Year ending 31 March 2017"],
                                                  ["900", "950"], ["950", "1,000"]))
    this = paper("/a/parish/agar-2018.pdf", agar(["Year ending 31 March 2017", "Year ending 31 March 2018"],
                                                  ["950", "1,000"], ["1,010", "1,100"]))
    found = pairs_of(last, this)
    outcomes = {(p.kind, p.first.kind, p.year_end, p.relation.outcome) for p in found.pairs}
    assert outcomes == {("restated", "opening", 2017, "agrees"), ("restated", "closing", 2017, "disagrees"),
                        ("carried", "closing", 2017, "agrees"), ("carried", "closing", 2016, "agrees")}
    (finding,) = found.findings
    assert finding.check == "across.same_balance" and (finding.expected, finding.found) == (1000.0, 1010.0)
