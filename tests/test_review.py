"""The review page, on an extraction built by hand whose figures point at real places in the
2017 pack (found with pdfplumber's page.search), so these tests do not depend on the pipeline."""
from __future__ import annotations

import base64
import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.models import (
    AgendaItem,
    Budget,
    Document,
    Extraction,
    Figure,
    FinancialTable,
    Finding,
    Forecast,
    Meeting,
    PrintedPages,
    Relation,
    ServiceCard,
    Source,
    Staffing,
)
from extract.pipeline import sha256_of
from extract.review.crops import Mark, PageGeometry, cluster_marks, plan_regions
from extract.review.page import review_html, write_review
from tests.conftest import MINUTE_2017, PACK_2017, ROOT

HOSTILE = "<script>alert('x')</script> & \"quoted\""


# ---------------------------------------------------------------- a hand-made extraction

def located(pdf, page: int, text: str, kind: str, value: float, precision: float,
            occurrence: int = 0, label: str | None = None, section: str | None = None) -> Figure:
    """A figure at the place pdfplumber finds `text` on `page` (1-based)."""
    match = pdf.pages[page - 1].search(text, regex=False)[occurrence]
    bbox = (match["x0"], match["top"], match["x1"], match["bottom"])
    return Figure(kind=kind, value=value, text=text, precision=precision, page=page, bbox=bbox,
                  label=label, section=section)


def constructed_extraction(pdf_path: Path = PACK_2017, sha256: str | None = None) -> Extraction:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        fte_now = located(pdf, 14, "12.6 FTE", "fte", 12.6, 0.1)
        fte_next = located(pdf, 14, "9.5 FTE", "fte", 9.5, 0.1)
        current = located(pdf, 14, "£0.82M", "money", 820_000, 10_000)
        proposed = located(pdf, 14, "£0.68M", "money", 680_000, 10_000)
        saving = located(pdf, 14, "£0.14M", "money", 140_000, 10_000)
        stated_cost = located(pdf, 5, "£19.8m", "money", 19_800_000, 100_000, section="1.4")
        b_current = located(pdf, 36, "£0.82M", "money", 820_000, 10_000)
        b_cost = located(pdf, 36, "£0.68M", "money", 680_000, 10_000)
        b_saving = located(pdf, 36, "£0.14M", "money", 140_000, 10_000)
        post_cost = located(pdf, 36, "£0.72M", "money", 720_000, 10_000)
        post_saving = located(pdf, 36, "£0.10M", "money", 100_000, 10_000)
    card = ServiceCard(
        id="card-1-hospital_education_service", service="Hospital Education Service", page_start=13, page_end=14,
        sections={}, staffing=Staffing(current_fte=fte_now, proposed_fte=fte_next),
        budget=Budget(current=current, proposed=proposed, saving=saving),
    )
    table = FinancialTable(
        id="table-1-hospital-education-service", service="Hospital Education Service", page=36, current=b_current,
        pre_consultation=Forecast(cost=b_cost, saving=b_saving),
        post_consultation=Forecast(cost=post_cost, saving=post_saving), staff_impact="as consulted on",
    )
    findings = [
        Finding(check="card.saving", severity="warning", subject="Hospital Education Service",
                message="Hospital Education Service: saving is not current budget minus proposed cost (made up).",
                expected=140_000, found=130_000, difference=10_000, tolerance=15_000,
                evidence=[current, proposed, saving]),
        Finding(check="report.cost_vs_cards", severity="error", subject="Report 1.4",
                message="Report 1.4: the stated cost is not the sum of the cards (made up).",
                expected=820_000, found=19_800_000, difference=18_980_000, tolerance=55_000,
                evidence=[current, stated_cost]),
        Finding(check="appendices.card_vs_table", severity="info", subject="Hospital Education Service",
                message="Within rounding (made up): card and Appendix B agree.",
                evidence=[current, proposed, saving, b_current, b_cost, b_saving]),
        Finding(check="card.saving", severity="warning", subject="Hospital Education Service",
                message="The same figures as the first finding (made up), to share its crop.",
                evidence=[current, proposed, saving]),
        Finding(check="custom.hostile", severity="info", subject=HOSTILE, message=HOSTILE, evidence=[]),
    ]
    return Extraction(
        tool_version="test",
        source=Source(file=pdf_path.name, sha256=sha256 or sha256_of(pdf_path), pages=42),
        meeting=Meeting(committee="Scrutiny Co-ordination Committee", date="2017-01-18", time="11:00",
                        place="Committee Room 2 - Council House"),
        documents=[
            Document(title="Scrutiny Co-ordination Committee", kind="agenda", page_start=1, page_end=2),
            Document(title="Education Service Redesign", kind="report", label="Agenda Item 3",
                     page_start=3, page_end=12),
            Document(title="Cabinet Report – Original Proposals", kind="appendix", label="Appendix A",
                     page_start=13, page_end=29),
            Document(title="Summary of consultation feedback", kind="appendix", label="Appendix B",
                     page_start=30, page_end=37),
        ],
        agenda_items=[
            AgendaItem(number="1", title="Apologies and Substitutions"),
            AgendaItem(number="3", title="Education Service Redesign", document=1,
                       pages_printed=PrintedPages(text="Pages 3 - 50", first=3, last=50, pack_page=3)),
            AgendaItem(number="4", title="Budget Monitoring",
                       pages_printed=PrintedPages(text="Pages 51 - 60", first=51, last=60)),
        ],
        service_cards=[card], financial_tables=[table],
        figures=[stated_cost, fte_now, fte_next, current, proposed, saving, b_current, b_cost, b_saving],
        findings=findings,
    )


@pytest.fixture(scope="module")
def extraction() -> Extraction:
    return constructed_extraction()


@pytest.fixture(scope="module")
def page(extraction) -> str:
    return review_html(PACK_2017, extraction)


# ---------------------------------------------------------------- reading the HTML back

class Outline(HTMLParser):
    """The parts of the page the tests look at: ids, links, images, and each finding's article."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: dict[str, str] = {}  # id -> tag
        self.links: list[str] = []
        self.images: list[dict[str, str]] = []
        self.articles: list[dict] = []  # {"id", "text", "images"}
        self.figures: dict[str, list[dict[str, str]]] = {}  # <figure> id -> its images
        self.tags: set[str] = set()
        self._article = None
        self._figure = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        if "id" in attrs:
            assert attrs["id"] not in self.ids, f"duplicate id {attrs['id']}"
            self.ids[attrs["id"]] = tag
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "article":
            self._article = {"id": attrs.get("id"), "text": "", "images": []}
            self.articles.append(self._article)
        if tag == "figure":
            self._figure = self.figures.setdefault(attrs.get("id", ""), [])
        if tag == "img":
            self.images.append(attrs)
            if self._article is not None:
                self._article["images"].append(attrs)
            if self._figure is not None:
                self._figure.append(attrs)

    def handle_endtag(self, tag):
        if tag == "article":
            self._article = None
        if tag == "figure":
            self._figure = None

    def handle_data(self, data):
        if self._article is not None:
            self._article["text"] += data


def decoded(src: str):
    from PIL import Image

    header, _, payload = src.partition(",")
    assert re.fullmatch(r"data:image/(png|jpeg);base64", header), header[:40]
    image = Image.open(io.BytesIO(base64.b64decode(payload)))
    image.load()
    return image


def article_of(outline: Outline, message: str) -> dict:
    matches = [a for a in outline.articles if message in a["text"]]
    assert len(matches) == 1, f"{len(matches)} articles hold {message!r}"
    return matches[0]


# ---------------------------------------------------------------- the page

def test_every_finding_appears_with_an_image_whose_alt_names_it(extraction, page):
    outline = Outline(page)
    for finding in extraction.findings:
        article = article_of(outline, finding.message)
        assert finding.check in article["text"] and finding.severity in article["text"].lower()
        if not finding.evidence:
            assert article["images"] == []
            continue
        pages = {f.page for f in finding.evidence}
        assert len(article["images"]) >= len(pages)
        for image in article["images"]:
            assert f"{finding.subject} ({finding.check})" in image["alt"]
            assert decoded(image["src"]).size == (int(image["width"]), int(image["height"]))


def test_every_evidence_figure_is_named_in_the_alt_text_of_its_page(extraction, page):
    outline = Outline(page)
    for finding in extraction.findings:
        alts = " ".join(i["alt"] for i in article_of(outline, finding.message)["images"])
        for number, figure in enumerate(finding.evidence, start=1):
            assert f"{number} {figure.text}" in alts
            assert f"page {figure.page}" in alts


def test_findings_are_ordered_by_severity_and_counted(extraction, page):
    outline = Outline(page)
    severities = [a["text"].split()[1].lower() for a in outline.articles]  # "1. Error …"
    assert severities == ["error", "warning", "warning", "info", "info"]
    counts = re.search(r"Findings by severity.*?</table>", page, re.S).group(0)
    assert [int(n) for n in re.findall(r'class="num">(?:<a [^>]*>)?(\d+)', counts)] == [1, 2, 2, 5]


def test_every_internal_link_has_a_target(page):
    outline = Outline(page)
    assert outline.links
    for href in outline.links:
        assert href.startswith("#"), href
        assert href[1:] in outline.ids, f"no element with id {href[1:]}"


def test_card_and_table_figures_link_to_a_crop_that_shows_them(extraction, page):
    outline = Outline(page)
    card, table = extraction.service_cards[0], extraction.financial_tables[0]
    for figure in (card.budget.current, card.budget.proposed, card.budget.saving, card.staffing.current_fte,
                   table.current, table.post_consultation.saving):
        cell = re.search(r'<td class="num"><a href="#([^"]+)" title="printed as ' + re.escape(figure.text)
                         + f' on page {figure.page}"', page)
        assert cell, f"no link for {figure.text} on page {figure.page}"
        target = cell.group(1)
        assert outline.ids[target] == "figure" and outline.figures[target], target
        assert f"{figure.text}" in outline.figures[target][0]["alt"]


def test_findings_link_to_the_card_or_table_they_belong_to(extraction, page):
    outline = Outline(page)
    report = article_of(outline, extraction.findings[1].message)
    assert "Hospital Education Service (service card)" in report["text"]
    assert "Agenda Item 3 paragraph 1.4 (page 5)" in report["text"]
    both = article_of(outline, extraction.findings[2].message)
    assert "(service card)" in both["text"] and "(Appendix B table)" in both["text"]
    assert re.search(r'<p>Belongs to: <a href="#card-1-hospital_education_service">', page)
    assert 'id="card-1-hospital_education_service"' in page and 'id="table-1-hospital-education-service"' in page


def test_the_top_shows_meeting_documents_and_counts(page):
    head = page[: page.index('id="findings"')]
    for text in ("Scrutiny Co-ordination Committee", "18 January 2017", "11:00", "Committee Room 2",
                 "Appendix A: Cabinet Report – Original Proposals", "13–29", "Findings by severity"):
        assert text in head


def test_the_top_lists_the_agenda_items_with_their_printed_pages_and_documents(page):
    head = page[: page.index('id="findings"')]
    table = head[head.index("<caption>Agenda items</caption>"):]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", table)[1:]
    assert len(rows) == 3
    assert "Education Service Redesign" in rows[1] and "Pages 3 - 50" in rows[1]
    assert "Agenda Item 3: Education Service Redesign, 3–12" in rows[1]
    assert "Budget Monitoring" in rows[2] and "not in the pack" in rows[2]
    assert "not in the pack" not in rows[0]  # an item with no pages printed points to nothing


def test_page_is_self_contained_without_scripts(page):
    assert "<script" not in page.lower()
    assert not re.search(r"https?://", page, re.I)
    assert "<link" not in page.lower() and "@import" not in page and "url(" not in page
    for src in re.findall(r'\ssrc="([^"]*)"', page):
        assert src.startswith("data:image/"), src[:40]
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_text_from_the_pdf_is_escaped(page):
    assert HOSTILE not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;" in page


def test_it_is_plain_accessible_html(page):
    outline = Outline(page)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert {"h1", "h2", "h3", "table", "th", "caption", "figure", "figcaption", "nav", "main"} <= outline.tags
    assert all(i.get("alt") for i in outline.images)
    assert re.findall(r"<th(?: [^>]*)?>", page) == re.findall(r'<th scope="(?:col|row)">', page)
    assert "@media print" in page


def test_crops_show_a_region_not_the_whole_page(page):
    outline = Outline(page)
    page_height = round(841.89 * 110 / 72)
    for image in outline.images:
        assert int(image["height"]) < page_height / 2, image["alt"][:60]


def test_findings_with_the_same_evidence_share_one_image(extraction, page):
    outline = Outline(page)
    first = article_of(outline, extraction.findings[0].message)["images"]
    same = article_of(outline, extraction.findings[3].message)["images"]
    assert [i["src"] for i in first] == [i["src"] for i in same]


def test_each_page_is_rendered_once_and_closed(extraction, monkeypatch):
    import pdfplumber.page

    from extract.review.crops import PageRenderer

    rendered, closed = [], []
    original_render, original_close = PageRenderer.render, pdfplumber.page.Page.close

    def render(self, number):
        rendered.append(number)
        return original_render(self, number)

    def close(self):
        closed.append(self.page_number)
        return original_close(self)

    monkeypatch.setattr(PageRenderer, "render", render)
    monkeypatch.setattr(pdfplumber.page.Page, "close", close)
    review_html(PACK_2017, extraction)
    assert sorted(rendered) == [5, 14, 36]
    assert set(rendered) <= set(closed)


def test_evidence_on_a_page_the_pdf_lacks_is_reported_not_fatal(extraction):
    ghost = extraction.findings[0].evidence[0].model_copy(update={"page": 99})
    finding = extraction.findings[0].model_copy(update={"evidence": [ghost], "message": "Ghost page (made up)."})
    page = review_html(PACK_2017, extraction.model_copy(update={"findings": [finding]}))
    article = article_of(Outline(page), "Ghost page (made up).")
    assert "page 99, which cannot be shown: this PDF has 42 pages" in article["text"]


def test_a_page_that_cannot_be_rendered_is_reported_not_fatal(extraction, monkeypatch):
    from extract.review.crops import PageRenderer

    original = PageRenderer.render

    def render(self, number):
        if number == 5:
            raise RuntimeError("damaged page")
        return original(self, number)

    monkeypatch.setattr(PageRenderer, "render", render)
    outline = Outline(review_html(PACK_2017, extraction))
    article = article_of(outline, extraction.findings[1].message)
    assert "page 5, which cannot be shown: it could not be rendered (RuntimeError)" in article["text"]
    assert len(article["images"]) == 1  # page 14 is still shown


def test_a_different_pdf_is_flagged(extraction):
    page = review_html(PACK_2017, extraction.model_copy(update={"source": extraction.source.model_copy(
        update={"sha256": "0" * 64})}))
    assert "This PDF is not the file the extraction was made from" in page


def test_an_extraction_without_findings_or_cards(extraction):
    empty = extraction.model_copy(update={"findings": [], "service_cards": [], "financial_tables": [], "documents": []})
    page = review_html(PACK_2017, empty)
    assert "No findings" in page and "no service cards" in page and "<img" not in page


def test_write_review_writes_whole_file_and_no_temporaries(extraction, tmp_path):
    target = tmp_path / "nested" / "review.html"
    write_review(PACK_2017, extraction, target)
    assert [p.name for p in target.parent.iterdir()] == ["review.html"]
    assert target.read_text(encoding="utf-8").rstrip().endswith("</html>")
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(OSError):
        write_review(PACK_2017, extraction, blocker / "review.html")


# ---------------------------------------------------------------- choosing crops

def mark_at(number: int, top: float, x0: float = 300.0) -> Mark:
    figure = Figure(kind="money", value=1, text="£1", precision=1, page=1, bbox=(x0, top, x0 + 30, top + 11))
    return Mark(number, figure)


PAGE = PageGeometry(origin=(0.0, 0.0), width=595.0, height=842.0, content=(60.0, 40.0, 535.0, 800.0))


def test_figures_close_together_share_a_crop_and_far_apart_do_not():
    groups = cluster_marks([mark_at(1, 100), mark_at(2, 130), mark_at(3, 600)])
    assert [[m.number for m in marks] for _, marks in groups] == [[1, 2], [3]]


def test_a_region_spans_the_printed_column_and_stays_on_the_page():
    (region, _), = plan_regions([mark_at(1, 5, x0=560)], PAGE)
    x0, top, x1, bottom = region
    assert x0 <= 60 and x1 >= 590 and top == 0 and 16 < bottom < 60
    assert x1 <= PAGE.width


# ---------------------------------------------------------------- command line

def test_review_command_writes_the_page(tmp_path):
    from extract.cli.main import main

    target = tmp_path / "minute.html"
    result = CliRunner().invoke(main, ["review", str(MINUTE_2017), "--out", str(target)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "<h1>" in target.read_text(encoding="utf-8")


def test_review_command_exit_codes(tmp_path):
    from extract.cli.main import main

    missing = CliRunner().invoke(main, ["review", str(tmp_path / "absent.pdf")])
    assert missing.exit_code == 3 and "absent.pdf" in missing.output
    blocker = tmp_path / "file"
    blocker.write_text("")
    unwritable = CliRunner().invoke(main, ["review", str(MINUTE_2017), "--out", str(blocker / "x.html")])
    assert unwritable.exit_code == 4 and "cannot write" in unwritable.output


def test_run_html_writes_json_and_review_page(tmp_path):
    from extract.cli.main import main

    result = CliRunner().invoke(main, ["run", str(MINUTE_2017), "--out", str(tmp_path), "--html"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    stem = MINUTE_2017.stem
    assert json.loads((tmp_path / f"{stem}.json").read_text())["source"]["file"] == MINUTE_2017.name
    assert "</html>" in (tmp_path / f"{stem}.html").read_text(encoding="utf-8")


def test_review_cli_imports_only_click_at_top_level():
    code = ("import sys, extract.cli.review; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & "
            "{'pdfplumber', 'pydantic', 'PIL', 'spacy', 'pypdfium2'}))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_numeric_tables_and_their_findings_are_shown_and_linked():
    from tests.conftest import extraction_of

    real = extraction_of(PACK_2017)
    page = review_html(PACK_2017, real)
    assert 'id="other-tables"' in page
    for table in real.tables:
        assert f'id="{table.id}"' in page and table.title in page
    table_findings = [f for f in real.findings if f.check.startswith("table.")]
    assert table_findings, "the 2017 pack's summary table has findings"
    outline = Outline(page)
    for finding in table_findings:
        article = article_of(outline, finding.message)
        assert "(table)" in article["text"], finding.message


def test_each_numeric_table_shows_the_reading_taken():
    from tests.conftest import extraction_of

    real = extraction_of(PACK_2017)
    page = review_html(PACK_2017, real)
    assert real.tables
    for table in real.tables:
        shown = page.split(f'id="{table.id}"', 1)[1].split('class="reading"', 1)[1].split("</div>", 1)[0]
        assert "Reading taken:" in shown and "Units:" in shown
        assert all(unit in shown for unit in table.column_units if unit)


def test_the_reading_names_unit_lines_the_table_split_from_and_relation_outcomes():
    from extract.review.render_structures import reading_note
    from extract.structures.numeric.tables import flow_to_numeric_tables
    from tests.test_table_reading import split_table

    first, second = flow_to_numeric_tables(split_table())
    relation = Relation(check="table.total_row", subject="s", structure=second.id, expression="1 = 1",
                        expected=1.0, found=1.0, difference=0.0, tolerance=0.0, outcome="agrees")
    first_note, second_note = reading_note(first, []), reading_note(second, [relation])
    assert "“£000s £000s £000s”" in first_note and "from the unit line" in first_note
    assert f'href="#{second.id}"' not in second_note and f'href="#{first.id}"' in second_note
    assert "from the table above" in second_note
    assert "1 agree, 0 within rounding, 0 disagree" in second_note
