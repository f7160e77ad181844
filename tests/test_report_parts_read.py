"""A report total checked against parts that were not all read from print (a card lost on a
scanned page, figures read by OCR, a card read without the figure) is a reading in doubt:
outcome unsure and at most an information finding that says why, never a disagreement."""
from __future__ import annotations

import sys

from extract.checks.report import report_against_appendices
from extract.models import (
    Budget,
    Document,
    Extraction,
    Figure,
    Meeting,
    ServiceCard,
    Source,
    Staffing,
    Statement,
    UntrustedPage,
)
from extract.pipeline import Options, extract_pack
from tests.conftest import PACK_2017, ROOT

COST = Figure(kind="money", value=3_000_000.0, text="£3.0m", precision=100_000.0, page=5, bbox=(0, 0, 1, 1))
REPORT = Statement(subject="Report 1.4", section="1.4", page=5, figures=[COST],
                   text="1.4 The cost of these services is £3.0m in total.")


def money(value: float, page: int, **extra) -> Figure:
    return Figure(kind="money", value=value, text=f"£{value / 1e6:.1f}m", precision=100_000.0, page=page,
                  bbox=(0, 0, 1, 1), **extra)


def card(number: int, budget: Figure | None) -> ServiceCard:
    return ServiceCard(id=f"card-{number}", service=f"Service {number}", page_start=10 + number,
                       page_end=10 + number, sections={}, staffing=Staffing(), budget=Budget(current=budget))


def extraction(cards: list[ServiceCard], **source) -> Extraction:
    return Extraction(tool_version="t", source=Source(file="x.pdf", sha256="0" * 64, pages=20, **source),
                      meeting=Meeting(), statements=[REPORT], service_cards=cards,
                      documents=[Document(title="Report", kind="report", page_start=1, page_end=10),
                                 Document(title="Appendix A", kind="appendix", label="Appendix A",
                                          page_start=11, page_end=15)])


def cost_relation(pack: Extraction):
    (relation,) = [r for r in report_against_appendices(pack) if r is not None and r.check == "report.cost_vs_cards"]
    return relation


def test_cards_read_from_print_that_fall_short_of_the_report_disagree():
    relation = cost_relation(extraction([card(1, money(1e6, 11)), card(2, money(1e6, 12))]))
    assert relation.outcome == "disagrees" and relation.reason is None
    assert relation.raised is not None and relation.raised.severity == "error"


def test_a_card_on_an_appendix_page_read_by_ocr_puts_the_cards_sum_in_doubt():
    # the third card was on page 13, scanned: OCR read nothing of it that became a card
    relation = cost_relation(extraction([card(1, money(1e6, 11)), card(2, money(1e6, 12))], ocr_pages=[13]))
    assert relation.outcome == "unsure"
    assert "page 13" in (relation.reason or "") and "OCR" in (relation.reason or "")
    assert relation.raised is not None and relation.raised.severity == "info"
    assert "not a disagreement" in relation.raised.message


def test_a_card_figure_read_by_ocr_puts_the_cards_sum_in_doubt():
    cards = [card(1, money(1e6, 11)), card(2, money(1e6, 12, source="ocr", confidence=95.0))]
    relation = cost_relation(extraction(cards))
    assert relation.outcome == "unsure" and "page 12" in (relation.reason or "")


def test_a_card_read_without_its_budget_puts_the_cards_sum_in_doubt():
    relation = cost_relation(extraction([card(1, money(1e6, 11)), card(2, money(1e6, 12)), card(3, None)]))
    assert relation.outcome == "unsure" and "Service 3" in (relation.reason or "")


def test_an_unreadable_page_outside_the_cards_appendix_leaves_the_check_alone():
    cards = [card(1, money(1e6, 11)), card(2, money(1e6, 12))]
    unread = UntrustedPage(page=18, problem="image_only", reason="no text")
    relation = cost_relation(extraction(cards, untrusted_pages=[unread]))
    assert relation.outcome == "disagrees"


def test_cards_that_agree_under_a_reading_in_doubt_keep_their_outcome_with_the_reason():
    cards = [card(1, money(1e6, 11)), card(2, money(2e6, 12))]
    relation = cost_relation(extraction(cards, ocr_pages=[13]))
    assert relation.outcome == "agrees" and relation.reason and relation.raised is None


def test_a_pack_with_a_card_page_scanned_and_left_unread_reports_no_disagreement_with_the_cards(tmp_path):
    sys.path.insert(0, str(ROOT / "samples"))
    import scan

    scanned = tmp_path / "card-scanned.pdf"
    scan.scan_pack(PACK_2017, scanned, dpi=200, pages=(16,))  # Performing Arts Service's card, as an image
    pack = extract_pack(scanned, Options(ocr="never"))
    assert len(pack.service_cards) == 8  # the scanned card is lost
    against_cards = [r for r in pack.relations if r.check in ("report.cost_vs_cards", "report.establishment_vs_cards")]
    assert against_cards and all(r.outcome == "unsure" and "page 16" in (r.reason or "") for r in against_cards)
    findings = [f for f in pack.findings if f.check in ("report.cost_vs_cards", "report.establishment_vs_cards")]
    assert findings and all(f.severity == "info" for f in findings)
