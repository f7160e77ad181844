"""The consistency pass on tiny hand-made models (no PDFs): every card, Appendix B and
card-against-table rule fires on a planted mismatch and stays silent when the figures add
up, and every relation it evaluates is recorded in relations[] with its outcome."""
from __future__ import annotations

import pytest

from extract.checks import REGISTRY, check, say_tally, tally, with_checks
from extract.checks.appendix import APPENDIX_B_RULES, CARD_VS_TABLE_RULES
from extract.checks.cards import CARD_RULES
from extract.checks.tables import is_total_label, total_rows
from extract.models import (
    Budget,
    Extraction,
    Figure,
    FinancialTable,
    Forecast,
    Meeting,
    NumericTable,
    ServiceCard,
    Source,
    Staffing,
    TableRow,
)


def m(value: float, text: str | None = None, precision: float = 1e4, label: str | None = None) -> Figure:
    """An amount in £m printed to two decimals (£0.82M: exact to ±£5k)."""
    return Figure(kind="money", value=value * 1e6, text=text or f"£{value:.2f}M", precision=precision,
                  page=3, bbox=(10, 10, 40, 20), label=label)


def fte(value: float) -> Figure:
    return Figure(kind="fte", value=value, text=f"{value:.2f}", precision=0.01, page=3, bbox=(50, 10, 80, 20))


def card(*, current=1.20, proposed=0.80, saving=0.40, breakdown=(0.25, 0.15), parts=(0.70, 0.50),
         fte_now=20.0, fte_next=15.0, reductions=(5.0,), notes=()) -> ServiceCard:
    return ServiceCard(
        id="card-1-music-service", service="Music Service", page_start=3, page_end=3, sections={},
        staffing=Staffing(current_fte=fte(fte_now), proposed_fte=fte(fte_next),
                          reductions=[fte(r) for r in reductions], notes=list(notes)),
        budget=Budget(current=m(current), proposed=m(proposed), saving=m(saving),
                      savings_breakdown=[m(b) for b in breakdown], current_parts=[m(p) for p in parts]),
    )


def appendix_b(*, current=1.20, pre=(0.80, 0.40, (0.25, 0.15)), post=(0.90, 0.30, (0.20, 0.10)),
               parts=(0.70, 0.50), service="Music Service") -> FinancialTable:
    def forecast(cost, saving, breakdown):
        return Forecast(cost=m(cost), saving=m(saving), breakdown=[m(b) for b in breakdown])

    return FinancialTable(id="table-1-music-service", service=service, page=9, current=m(current),
                          current_parts=[m(p) for p in parts], pre_consultation=forecast(*pre),
                          post_consultation=forecast(*post), staff_impact="")


def pack(cards=(), tables=(), numeric=()) -> Extraction:
    return Extraction(tool_version="t", source=Source(file="x.pdf", sha256="0" * 64, pages=10), meeting=Meeting(),
                      service_cards=list(cards), financial_tables=list(tables), tables=list(numeric))


def outcomes(extraction: Extraction) -> dict[str, set[str]]:
    by_check: dict[str, set[str]] = {}
    for relation in check(extraction).relations:
        by_check.setdefault(relation.check, set()).add(relation.outcome)
    return by_check


# ---------------------------------------------------------------- silent when it adds up

def test_a_card_and_table_that_add_up_raise_nothing_but_record_every_relation():
    checked = check(pack([card()], [appendix_b()]))
    assert checked.findings == []
    ids = {r.check for r in checked.relations}
    assert ids == {r.id for r in CARD_RULES + APPENDIX_B_RULES + CARD_VS_TABLE_RULES}
    assert {r.outcome for r in checked.relations} == {"agrees"}
    assert tally(checked.relations) == (len(checked.relations), len(checked.relations), 0, 0)


# ---------------------------------------------------------------- each rule fires on its planted fault

CARD_FAULTS = {
    "card.saving": dict(saving=0.50, breakdown=(0.25, 0.25)),
    "card.savings_breakdown": dict(breakdown=(0.25, 0.25)),
    "card.current_parts": dict(parts=(0.70, 0.60)),
    "card.staffing_reduction": dict(reductions=(3.0,)),
}


@pytest.mark.parametrize("rule", sorted(CARD_FAULTS))
def test_each_card_rule_fires_on_its_planted_mismatch(rule):
    checked = check(pack([card(**CARD_FAULTS[rule])]))
    assert [f.check for f in checked.findings] == [rule]
    (finding,) = checked.findings
    assert finding.subject == "Music Service" and finding.severity in ("warning", "error")
    (relation,) = [r for r in checked.relations if r.check == rule]
    assert relation.outcome == "disagrees" and relation.structure == "card-1-music-service"
    assert relation.finding == 0 and relation.difference == finding.difference


APPENDIX_B_FAULTS = {
    "appendix_b.pre_saving": dict(pre=(0.70, 0.40, (0.25, 0.15))),
    "appendix_b.pre_breakdown": dict(pre=(0.80, 0.40, (0.25, 0.25))),
    "appendix_b.post_saving": dict(post=(0.80, 0.30, (0.20, 0.10))),
    "appendix_b.post_breakdown": dict(post=(0.90, 0.30, (0.20, 0.20))),
    "appendix_b.current_parts": dict(parts=(0.70, 0.60)),
}


@pytest.mark.parametrize("rule", sorted(APPENDIX_B_FAULTS))
def test_each_appendix_b_rule_fires_on_its_planted_mismatch(rule):
    checked = check(pack(tables=[appendix_b(**APPENDIX_B_FAULTS[rule])]))
    assert [f.check for f in checked.findings] == [rule]
    assert outcomes(pack(tables=[appendix_b(**APPENDIX_B_FAULTS[rule])]))[rule] == {"disagrees"}


@pytest.mark.parametrize("what, card_changes, table_changes", [
    ("current budget", dict(current=1.30, parts=(0.80, 0.50), proposed=0.90), {}),
    ("proposed cost", dict(proposed=0.90, saving=0.30, breakdown=(0.20, 0.10)), {}),
    ("saving", {}, dict(pre=(0.80, 0.50, (0.25, 0.25)), current=1.30, parts=(0.80, 0.50))),
])
def test_card_against_table_fires_on_each_planted_difference(what, card_changes, table_changes):
    checked = check(pack([card(**card_changes)], [appendix_b(**table_changes)]))
    differences = [f for f in checked.findings if f.check == "appendices.card_vs_table"]
    assert differences and all(f.subject == "Music Service" for f in differences)
    assert any(what in f.message for f in differences)
    assert "('Music Service')" in differences[0].message  # names the Appendix B table it compared


def test_a_difference_within_rounding_is_recorded_as_such_and_raised_as_info():
    # £0.82M − £0.68M = £0.14M, but £0.15M printed: tolerance 3 × £5k = £15k covers £10k
    checked = check(pack([card(current=0.82, proposed=0.68, saving=0.15, breakdown=(), parts=())]))
    (relation,) = [r for r in checked.relations if r.check == "card.saving"]
    assert relation.outcome == "within_rounding" and relation.tolerance == pytest.approx(15e3)
    assert checked.findings[relation.finding].severity == "info"


def test_new_posts_the_card_notes_explain_the_staffing_difference():
    checked = check(pack([card(fte_now=20.0, fte_next=17.0, reductions=(5.0,), notes=("inc new posts x 2",))]))
    (relation,) = [r for r in checked.relations if r.check == "card.staffing_reduction"]
    assert relation.outcome == "disagrees"  # the figures themselves do not add up ...
    finding = checked.findings[relation.finding]
    assert finding.severity == "info" and "accounts for the whole difference" in finding.message  # ... explained


def test_a_rule_whose_inputs_are_not_printed_is_not_evaluated():
    bare = card(breakdown=(), parts=(0.70,))  # one part is no breakdown of the budget
    checked = check(pack([bare]))
    assert {r.check for r in checked.relations} == {"card.saving", "card.staffing_reduction"}


# ---------------------------------------------------------------- the registry and the record

def test_findings_are_exactly_the_relations_that_do_not_agree_in_order():
    extraction = pack([card(saving=0.50), card(parts=(0.1, 0.2))], [appendix_b(post=(0.90, 0.20, (0.1, 0.1)))])
    checked = check(extraction)
    raised = [r for r in checked.relations if r.outcome != "agrees"]
    assert [checked.findings[r.finding] for r in raised] == checked.findings
    assert [r.finding for r in raised] == list(range(len(checked.findings)))
    assert all(r.finding is None for r in checked.relations if r.outcome == "agrees")


def test_card_rules_are_listed_rule_by_rule_and_table_rules_table_by_table():
    two_cards = check(pack([card(), card()])).relations
    assert [r.check for r in two_cards[:2]] == ["card.saving", "card.saving"]
    two_tables = check(pack(tables=[appendix_b(), appendix_b()])).relations
    per_table = [r.id for r in APPENDIX_B_RULES]
    assert [r.check for r in two_tables] == per_table + per_table


def test_every_registered_pass_runs_on_an_empty_pack():
    assert len(REGISTRY) >= 5
    assert check(pack()).relations == [] and check(pack()).findings == []


def test_relations_are_written_to_the_output_and_validate():
    from extract.output import to_document

    document = to_document(with_checks(pack([card(saving=0.50)])))
    relation = next(r for r in document["relations"] if r["check"] == "card.saving")
    assert relation["outcome"] == "disagrees" and relation["finding"] == 0
    assert relation["expression"] == "£1.20M − £0.80M = £0.50M"
    assert [f["text"] for f in relation["evidence"]] == ["£1.20M", "£0.80M", "£0.50M"]


def test_the_tally_says_how_many_totals_were_checked_and_how_they_came_out():
    checked = check(pack([card(saving=0.50), card(current=0.82, proposed=0.68, saving=0.15, breakdown=(),
                                                   parts=())]))
    counts = tally(checked.relations)
    assert counts[0] == counts[1] + counts[2] + counts[3] and counts[2] == 1 and counts[3] >= 1
    assert say_tally(*counts).startswith(f"{counts[0]} totals checked: {counts[1]} agree, 1 within rounding")


# ---------------------------------------------------------------- total rows named anywhere

@pytest.mark.parametrize("label", ["Total", "CAPITAL TOTAL", "TOTAL SPENDING", "Sub-total", "Subtotal", "Net total",
                                   "Grand total", "Cyfanswm", "Is-gyfanswm", "Highways Total"])
# "Totals carried to the annual return" heads a summary of sums, it is no sum itself: below.
def test_a_label_that_says_total_anywhere_makes_a_total_row(label):
    assert is_total_label(label)


@pytest.mark.parametrize("label", ["Totally new", "% of total", "Total across all services", "Revenue",
                                   "Pyrford Global Total Return Fund", "Share of total budget",
                                   "Totals carried to annual return"])
def test_a_label_that_only_mentions_a_total_does_not(label):
    assert not is_total_label(label)


def cell(text: str) -> Figure:
    return Figure(kind="money", value=float(text.replace(",", "")), text=text, precision=1, page=2,
                  bbox=(0, 0, 1, 1))


@pytest.mark.parametrize("label", ["CAPITAL TOTAL", "Cyfanswm"])
def test_a_capital_total_that_does_not_add_up_is_found_and_recorded(label):
    table = NumericTable(id="numtable-1-capital", title="Capital", page=2, columns=["2024", "2025"], rows=[
        TableRow(label="Roads", cells=[cell("1,000"), cell("2,000")]),
        TableRow(label="Bridges", cells=[cell("500"), cell("700")]),
        TableRow(label=label, cells=[cell("1,500"), cell("3,354")]),
    ])
    relations = list(total_rows(table))
    assert [(r.row, r.column, r.outcome) for r in relations] == [
        (label, "2024", "agrees"), (label, "2025", "disagrees")]
    assert relations[1].structure == "numtable-1-capital" and relations[1].difference == 654
    checked = check(pack(numeric=[table]))
    assert [f.check for f in checked.findings] == ["table.total_row"]


# ---------------------------------------------------------------- where the tally is said

def test_the_batch_summary_adds_up_the_relations_of_every_output():
    from extract.batch.manifest import ManifestRecord
    from extract.batch.progress import summary_line
    from extract.batch.runner import Summary

    summary = Summary()
    for counts in ((10, 7, 2, 1), (5, 5, 0, 0)):
        summary.add(ManifestRecord(file="a.pdf", sha256="0", status="ok", output="a.json", pages=1, seconds=1.0,
                                   error=None, tool_version="t", relations=counts))
    summary.add(ManifestRecord(file="b.pdf", sha256=None, status="failed", output=None, pages=None, seconds=1.0,
                               error=None, tool_version="t"))
    assert summary_line(summary).endswith("15 totals checked: 12 agree, 2 within rounding, 1 disagree")


def test_a_manifest_line_keeps_its_relation_counts():
    from extract.batch.manifest import ManifestRecord, parse_manifest

    record = ManifestRecord(file="a.pdf", sha256="0", status="ok", output="a.json", pages=1, seconds=1.0,
                            error=None, tool_version="t", relations=(3, 1, 1, 1))
    (read,) = parse_manifest(record.to_line())
    assert read.relations == (3, 1, 1, 1)
    assert read.as_duplicate_of("b.pdf").relations is None  # its twin's output is counted once


def test_the_review_page_states_the_tally_and_lists_every_relation_linked_to_its_finding():
    from extract.review.checked import relations_section, tally_paragraph
    from extract.review.model import Review

    extraction = with_checks(pack([card(saving=0.50)]))
    review = Review(extraction, "x.pdf", True, [], {}, {}, {}, finding_number={0: 1})
    counts = tally(extraction.relations)
    assert say_tally(*counts) in tally_paragraph(review)
    section = relations_section(review)
    assert section.count("<tr><td><code>") == len(extraction.relations)
    assert '<a href="#finding-1">disagrees (finding 1)</a>' in section
    assert "£1.20M − £0.80M = £0.50M" in section
