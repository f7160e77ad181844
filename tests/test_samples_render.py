"""The sample-PDF generator in samples/ (content.py, render.py, generate.py) works.

Every variant renders, carries every card title and every staffing, budget and
Appendix B figure string as printed, faults land exactly where asked, and rendering is
deterministic.
"""

import dataclasses
import re
import sys
from itertools import pairwise
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
sys.path.insert(0, str(SAMPLES))

pdfplumber = pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

import generate  # noqa: E402
import render  # noqa: E402
from content import PACK, Fault, FaultTargetError, apply_faults  # noqa: E402
from pdfplumber.utils import extract_text  # noqa: E402

FONTS = render.available_fonts()
VARIANTS = [v for v in generate.VARIANTS if v.style.font in FONTS]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _strings(obj):
    """Every string in a content object, depth first."""
    if isinstance(obj, str):
        yield obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _strings(getattr(obj, f.name))
    elif isinstance(obj, tuple):
        for item in obj:
            yield from _strings(item)


def _strip(chars, x0, x1) -> str:
    """The text of the characters centred between x0 and x1."""
    return extract_text([c for c in chars if x0 <= (c["x0"] + c["x1"]) / 2 < x1])


class Rendered:
    def __init__(self, variant, path, pages):
        self.variant, self.path, self.pages = variant, path, pages
        self.content = apply_faults(PACK, variant.faults)
        edges = render.column_edges(variant.style)
        self.page_texts, self.texts, self.label_texts = [], [], []
        self.ruling = 0
        with pdfplumber.open(path) as pdf:
            self.page_count = len(pdf.pages)
            for page in pdf.pages:
                chars = page.chars
                self.ruling += len(page.lines) + len(page.rects)
                full = extract_text(chars)
                self.page_texts.append(full)
                self.texts.append(_norm(full))
                # one text per table column, so a wrapped cell reads as one run of text
                for kind in ("block", "financial"):
                    e = edges[kind]
                    for x0, x1 in pairwise(e):
                        self.texts.append(_norm(_strip(chars, x0, x1)))
                if variant.style.narrow_labels:
                    self.label_texts.append(_strip(chars, *edges["card"][:2]))

    def has(self, text: str) -> bool:
        text = _norm(text)
        return any(text in t for t in self.texts)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("variants")
    result = {}
    for v in VARIANTS:
        path = out / v.name
        pages = render.render_pack(apply_faults(PACK, v.faults), path, v.style)
        result[v.name] = Rendered(v, path, pages)
    return result


def test_content_has_the_nine_cards_and_eight_tables():
    assert len(PACK.cards) == 9
    assert len(PACK.financial_tables) == 8
    assert PACK.card("Special Educational Needs").title.startswith(
        "Special Educational Needs (SEN) Support Services: ")
    for odd in ("£ 5.98M (saving £1.25M)", "DSG savings £", "ESG savings £0.05",
                "Headcount 10– 5.6 FTE", "4.0FTE (inc new posts x 2)",
                "Proposed reduction: -1 FTE", "37.43 FTE Headcount 38"):
        assert odd in set(_strings(PACK))


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_variant_renders_with_stamped_pages(rendered, variant):
    r = rendered[variant.name]
    assert r.pages == r.page_count > 0
    offset = variant.style.page_offset
    for n, text in enumerate(r.page_texts, start=1):
        assert text.rstrip().endswith(f"Page {n + offset}")
    if variant.style.standalone_appendix:
        assert "Agenda Item 3" not in " ".join(r.texts)
        assert r.texts[0].startswith("Appendix A: Cabinet Report")
    else:
        assert "11.00 am on Wednesday, 18th January, 2017" in r.texts[0]


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_variant_prints_every_title_and_figure(rendered, variant):
    r = rendered[variant.name]
    missing = []
    for card in r.content.cards:
        for s in (card.title, *card.staffing.strings(), *card.budget.strings()):
            if not r.has(s):
                missing.append(s)
    for table in r.content.financial_tables:
        for s in (table.title, *table.strings()):
            if not r.has(s):
                missing.append(s)
    assert not missing
    for s in ("£", "–", "•", "’"):
        assert any(s in t for t in r.texts)
    assert not any("(cid:" in t for t in r.texts)


@pytest.mark.parametrize("variant", [v for v in VARIANTS if not v.style.standalone_appendix],
                         ids=lambda v: v.name)
def test_report_totals_are_printed(rendered, variant):
    r = rendered[variant.name]
    body = _norm(" ".join(re.sub(r"Page \d+\s*$", "", t) for t in r.page_texts))
    for number in ("1.4", "5.7", "6.3.2.1", "6.3.2.2"):
        para = r.content.report.paragraph(number)
        assert _norm(f"{number} {para.text}") in body
    for row in r.content.report.impact_table.rows:
        assert _norm(" ".join((row.label, *row.values))) in body


def test_borderless_variants_have_no_lines_and_ruled_ones_do(rendered):
    for r in rendered.values():
        if r.variant.style.ruled:
            assert r.ruling > 0, r.variant.name
        else:
            assert r.ruling == 0, r.variant.name


def test_narrow_labels_wrap_summary_of_feedback_over_three_lines(rendered):
    wrapped = [r for r in rendered.values() if r.variant.style.narrow_labels]
    assert wrapped
    for r in wrapped:
        assert any("Summary of\nfeedback from\nschools" in t for t in r.label_texts)


def test_split_cards_break_between_staffing_header_and_values(rendered):
    split = [r for r in rendered.values() if r.variant.style.split_cards]
    assert split
    for r in split:
        pages = [t.rstrip().splitlines() for t in r.page_texts]
        breaks = [(a[-2], b[0]) for a, b in pairwise(pages)]  # [-1] is the stamp
        assert ("Current staffing Proposed staffing", "Headcount 9 – 6.04 FTE 6.04 FTE") in breaks
        assert ("Current budget - £1.34M Proposed costs",
                "£0.50m Music grant £1.34m (saving £0.11m)") in breaks


def test_committed_variants_match_a_fresh_render(rendered):
    committed = SAMPLES / "variants"
    for name, r in rendered.items():
        path = committed / name
        if not path.exists():
            pytest.skip(f"{path} not generated; run python samples/generate.py")
        assert path.stat().st_size < 150 * 1024
        with pdfplumber.open(path) as pdf:
            assert len(pdf.pages) == r.page_count, name


def test_rendering_is_deterministic(tmp_path):
    style = render.RenderStyle(font="Times-Roman", ruled=False, split_cards=True)
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    render.render_pack(PACK, a, style)
    render.render_pack(PACK, b, style)
    assert a.read_bytes() == b.read_bytes()


def test_apply_faults_changes_exactly_one_string():
    where = "card:Hospital Education Service:budget"
    faulty = apply_faults(PACK, [(where, "£0.14M", "£0.15M")])
    before, after = list(_strings(PACK)), list(_strings(faulty))
    changed = [(x, y) for x, y in zip(before, after, strict=True) if x != y]
    assert len(before) == len(after)
    assert changed == [("£0.68M (saving £0.14M)", "£0.68M (saving £0.15M)")]
    assert faulty.card("Hospital Education Service").budget.right[0] == "£0.68M (saving £0.15M)"
    assert PACK.card("Hospital Education Service").budget.right[0] == "£0.68M (saving £0.14M)"
    # the Appendix B table printing the same figure is a different place
    assert faulty.financial_table("Hospital Education Service") == \
        PACK.financial_table("Hospital Education Service")


@pytest.mark.parametrize("fault", [
    Fault("table:School Improvement", "£0.77M (saving £0.78M)", "£0.77M (saving £0.88M)"),
    Fault("report:1.4", "246.44", "264.44"),
    Fault("impact-table", "(1.8)", "(1.9)"),
    Fault("summary-table", "246.66", "246.44"),
    Fault("card:SEN Management:staffing", "FTE 13.03", "FTE 13.30"),
    Fault("card:Coventry Extended Learning Centre:sections", "three sites", "four sites"),
])
def test_apply_faults_reaches_every_place(fault):
    before, after = list(_strings(PACK)), list(_strings(apply_faults(PACK, [fault])))
    changed = [(x, y) for x, y in zip(before, after, strict=True) if x != y]
    assert len(changed) == 1
    assert changed[0][1] == changed[0][0].replace(fault.old, fault.new)


def test_apply_faults_accepts_a_mapping():
    where = "table:Looked After Children"
    faulty = apply_faults(PACK, {(where, "Staff savings £0.14M"): "Staff savings £0.41M"})
    post = faulty.financial_table("Looked After Children").post_consultation
    assert "Staff savings £0.41M" in post.lines


@pytest.mark.parametrize("where, old", [
    ("card:Hospital Education Service:budget", "£9.99M"),  # not printed there
    ("card:Hospital Education Service:budget", "savings"),  # printed three times
    ("card:Hospital Education Service:budget", "£0.82M (saving"),  # not exactly as printed
    ("card:S:budget", "£7.23M"),  # prefix matches three cards
    ("card:Nowhere:budget", "£0.82M"),
    ("card:Hospital Education Service:salaries", "£0.82M"),
    ("table:Hospital", "£0.82M (saving £0.14M)"),  # £0.82M is current, the saving is on £0.68M
    ("report:9.9", "246.44"),
    ("appendix-c", "148"),
    ("impact-table", ""),
])
def test_apply_faults_raises_on_missing_or_ambiguous_target(where, old):
    with pytest.raises(FaultTargetError):
        apply_faults(PACK, [Fault(where, old, "x")])


def test_faulty_render_prints_the_new_text(rendered):
    faulty = [r for r in rendered.values() if r.variant.faults]
    assert faulty
    for r in faulty:
        for fault in r.variant.faults:
            assert not any(fault.new in s for s in _strings(PACK))
            assert any(fault.new in t for t in r.texts)
