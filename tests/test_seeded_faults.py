"""Seeded faults: change exactly one printed figure and the consistency pass must say where.

Each case renders the 2017 pack's content with one figure changed (samples/render.py),
extracts it, and compares the findings with those of the same rendering unchanged: a
new finding must name the right service or report section. Unchanged renderings give
exactly the findings of the reference pack, whatever their fonts and borders.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from extract.pipeline import extract_pack
from tests.conftest import PACK_2017, SAMPLES, extraction_of
from tests.samples_content import PACK, VARIANTS, Fault, apply_faults, render

STYLE = render.RenderStyle(font="Helvetica", font_size=10, ruled=False)

# (fault, expected subject of a new finding, expected check ids: any of them)
CASES = [
    (Fault("card:Hospital Education Service:budget", "£0.68M (saving £0.14M)", "£0.68M (saving £0.16M)"),
     "Hospital Education Service", {"card.saving"}),
    (Fault("card:School Improvement:budget", "DSG savings £0.1m", "DSG savings £0.2m"),
     "School Improvement", {"card.savings_breakdown"}),  # within the rounding of £0.xm: info
    (Fault("card:Hospital Education Service:budget", "DSG savings £0.11m", "DSG savings £0.21m"),
     "Hospital Education Service", {"card.savings_breakdown"}),
    (Fault("card:Looked After Children Education Service:budget", "£0.61m", "£0.71m"),
     "Looked After Children Education Service", {"card.current_parts"}),
    (Fault("card:Coventry Extended Learning Centre:staffing", "36.43 FTE", "35.43 FTE"),
     "Coventry Extended Learning Centre", {"card.staffing_reduction"}),
    (Fault("card:Work Related Learning Team:budget", "£0.77M (saving £0.05M)", "£0.75M (saving £0.05M)"),
     "Work Related Learning Team", {"card.saving", "appendices.card_vs_table"}),
    (Fault("table:Minority Group Support Services (MGSS)", "£1.18M (saving £0.33M)", "£1.18M (saving £0.35M)"),
     "Minority Group Support Services (MGSS)", {"appendix_b.post_saving"}),
    (Fault("table:School Improvement", "Commissioning Pot £0.7M", "Commissioning Pot £0.6M"),
     "School Improvement", {"appendix_b.post_breakdown"}),
    (Fault("table:SEN Management Services", "£0.79M", "£0.89M"),
     "SEN Management Services", {"appendices.card_vs_table"}),
    (Fault("table:Looked After Children", "£0.92m", "£0.82m"),
     "Looked After Children", {"appendix_b.current_parts"}),
    (Fault("report:6.3.2.1", "reduction of 51.77 FTE", "reduction of 52.77 FTE"),
     "Report 6.3.2.1", {"report.fte_reduction"}),
    (Fault("report:1.4", "(£4.1m)", "(£4.6m)"),
     "Report 1.4", {"report.stated_parts"}),
    (Fault("report:5.7", "gross savings of £3.0m", "gross savings of £3.4m"),
     "Report 5.7", {"report.gross_savings_vs_appendix_b", "report.stated_parts"}),
    (Fault("report:6.3.2.1", "reduction of 74.49 FTE", "reduction of 75.49 FTE"),
     "Report 6.3.2.1", {"report.fte_reduction"}),
    (Fault("report:6.3.2.1", "additional 22.72 FTE", "additional 23.72 FTE"),
     "Report 6.3.2.1", {"report.fte_additional"}),
    (Fault("card:Hospital Education Service:staffing", "9.5 FTE", "8.5 FTE"),
     "Hospital Education Service", {"card.staffing_reduction"}),
    (Fault("table:Looked After Children", "Staff savings £0.14M", "Staff savings £0.24M"),
     "Looked After Children", {"appendix_b.post_breakdown"}),
    (Fault("impact-table", "(1.8)", "(2.8)"),
     "Education Services Redesign - Estimated Financial Impact – Gross Savings, 17/18 £M", {"table.formula_row"}),
    (Fault("summary-table", "15.00", "16.00"),
     "Summary - all services in review* – Total, New post", {"table.total_row"}),
]


def finding_keys(extraction) -> set[tuple[str, str, str]]:
    # The renderings re-paginate the pack but keep its cover's "(Pages 3 - 50)": the agenda
    # check rightly says item 3 starts elsewhere. These tests are about the figures' findings.
    return {(f.check, f.subject, f.severity) for f in extraction.findings if not f.check.startswith("agenda.")}


@cache
def rendered(faults: tuple[Fault, ...], folder: str):
    path = Path(folder) / f"pack-{abs(hash(faults))}.pdf"
    render.render_pack(apply_faults(PACK, faults), path, STYLE)
    return extract_pack(path)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return str(tmp_path_factory.mktemp("seeded"))


@pytest.mark.parametrize("fault, subject, checks", CASES, ids=lambda c: getattr(c, "where", None))
def test_one_changed_figure_gives_a_new_finding_naming_its_place(workdir, fault, subject, checks):
    baseline = finding_keys(rendered((), workdir))
    faulted = rendered((fault,), workdir)
    new = finding_keys(faulted) - baseline
    assert any(s == subject and c in checks for c, s, _ in new), new
    finding = next(f for f in faulted.findings if f.subject == subject and f.check in checks
                   and (f.check, f.subject, f.severity) in new)
    # the finding cites the changed figure, and its severity follows the rounding policy
    assert any(e.text in fault.new for e in finding.evidence), finding.evidence
    beyond = abs(finding.difference) > finding.tolerance
    assert (finding.severity != "info") == beyond


def test_unchanged_renderings_give_exactly_the_reference_findings():
    pack = extraction_of(PACK_2017)
    reference = finding_keys(pack)
    report_pages = {n for d in pack.documents if d.kind == "report" for n in range(d.page_start, d.page_end + 1)}
    appendix_only = {(f.check, f.subject, f.severity) for f in pack.findings
                     if not {e.page for e in f.evidence} & report_pages}
    for pdf in sorted((SAMPLES / "variants").glob("*.pdf")):
        variant = VARIANTS[pdf.name]
        if variant.faults:
            continue
        # no report printed: only the findings whose figures all lie in the appendices
        expected = appendix_only if variant.style.standalone_appendix else reference
        assert finding_keys(extraction_of(pdf)) == expected, pdf.name


@pytest.mark.browser
def test_a_browser_printed_pack_gives_exactly_the_reference_findings(browser_pack, pack_2017):
    """Chromium's rendering (serif, borderless, wrapped labels and headers) prints the same
    figures, so it must give the same findings, with the same subjects and severities: a
    missing card budget would raise a false report.cost_vs_cards error, a misread staff
    summary would lose its table.formula_column warnings."""
    assert finding_keys(extraction_of(browser_pack)) == finding_keys(pack_2017)


def test_the_committed_faults_variant_shows_its_three_planted_faults():
    reference = finding_keys(extraction_of(PACK_2017))
    faulted = finding_keys(extraction_of(SAMPLES / "variants" / "a4-times-faults.pdf"))
    subjects = {subject for _, subject, _ in faulted - reference}
    assert {"Hospital Education Service", "Work Related Learning Team"} <= subjects
