"""A filled-in PDF form (an annual return, a pro forma) holds its typed figures as form-field
values, not page text: both readers read them as printed words in the field's box."""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from extract.pipeline import Options, extract_pack
from extract.read import pdfium as fastpass
from extract.read.plumber import read_pages
from tests.test_reader_words import page_of_both

# An annual return's Section 2 as a fillable form: label, then last year's and this year's box.
SECTION_2 = [
    ("1. Balances brought forward", "£21,013", "£23,480"),
    ("2. (+) Precept or Rates and Levies", "£18,500", "£19,250"),
    ("3. (+) Total other receipts", "£1,174", "£2,405"),
    ("4. (-) Staff costs", "£6,210", "£6,480"),
    ("5. (-) Loan interest/capital repayments", "£0", "£0"),
    ("6. (-) All other payments", "£10,997", "£12,265"),
    ("7. (=) Balances carried forward", "£23,480", "£26,390"),
]
BOX_X = (340, 450)
BOX_W, BOX_H = 95, 18


def row_y(n: int) -> int:
    return 700 - 30 * n


def field_rect(n: int, column: int) -> tuple[float, float, float, float]:
    """A field's box in pdfplumber's coordinates (top-left origin)."""
    height = A4[1]
    x, y = BOX_X[column], row_y(n) - 5
    return x, height - (y + BOX_H), x + BOX_W, height - y


def fillable_form(target: Path, printed_too: bool = False) -> Path:
    """Section 2 with every figure typed into a text field; `printed_too`: each value also
    drawn on the page where its field shows it (a form flattened over a copy of its fields)."""
    c = canvas.Canvas(str(target), pagesize=A4)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 760, "Section 2 - Accounting Statements 2023/24 for Souldern Parish Council")
    c.setFont("Helvetica", 10)
    c.drawString(BOX_X[0], 730, "31 March 2023 £")
    c.drawString(BOX_X[1], 730, "31 March 2024 £")
    for n, (label, last, this) in enumerate(SECTION_2):
        c.setFont("Helvetica", 10)
        c.drawString(60, row_y(n), label)
        for column, value in enumerate((last, this)):
            c.acroForm.textfield(name=f"box{n}_{column}", value=value, x=BOX_X[column], y=row_y(n) - 5,
                                 width=BOX_W, height=BOX_H, fontSize=10, borderWidth=0)
            if printed_too:
                c.drawString(BOX_X[column] + 2, row_y(n), value)
    c.save()
    return target


@pytest.fixture(scope="module")
def form(tmp_path_factory) -> Path:
    return fillable_form(tmp_path_factory.mktemp("forms") / "agar-section-2.pdf")


def test_the_generated_form_prints_no_figure_as_page_text(form):
    with pikepdf.open(form) as pdf:
        assert b"21,013" not in pdf.pages[0].Contents.read_bytes()
        assert len(pdf.Root.AcroForm.Fields) == 2 * len(SECTION_2)


def test_a_fillable_form_gives_the_figures_typed_into_its_fields_with_page_and_box(form):
    extraction = extract_pack(form, Options())
    assert extraction.source.form_fields == 2 * len(SECTION_2)
    found = {(f.page, f.text, f.value) for f in extraction.figures}
    for n, (_, last, this) in enumerate(SECTION_2):
        for column, value in enumerate((last, this)):
            assert (1, value, float(value[1:].replace(",", ""))) in found
            (figure,) = [f for f in extraction.figures if f.text == value and _inside(f.bbox, field_rect(n, column))]
            assert figure.bbox[2] - figure.bbox[0] > 10  # laid out as printed, not a point


def test_both_readers_read_a_form_as_the_same_words(form):
    document = fastpass.open_document(form)
    try:
        fast = fastpass.page_text(document, 1)
        lines = fastpass.page_lines(document, 1)
    finally:
        document.close()
    (careful,) = read_pages(form, [1])
    assert [w.text for r in fast.rows for w in r.words] == [w.text for r in careful.rows for w in r.words]
    assert "3. (+) Total other receipts £1,174 £2,405" in careful.text.splitlines()
    assert lines.form_fields == 2 * len(SECTION_2)
    assert "3. (+) Total other receipts £1,174 £2,405" in lines.lines  # the fast pass sees them too


def test_a_form_whose_values_are_also_printed_gives_each_figure_once(tmp_path):
    extraction = extract_pack(fillable_form(tmp_path / "flattened.pdf", printed_too=True), Options())
    texts = [f.text for f in extraction.figures]
    assert texts.count("£1,174") == 1
    assert texts.count("£23,480") == 2  # printed twice on the form: carried forward, then brought forward
    assert extraction.source.form_fields == 2 * len(SECTION_2)


def test_a_paper_without_forms_says_nothing_of_form_fields(pack_2017):
    assert pack_2017.source.form_fields == 0
    assert "form_fields" not in pack_2017.source.model_dump(exclude_defaults=True)


def test_hidden_fields_buttons_and_inherited_values_follow_the_form_rules(tmp_path):
    """A kid widget takes its value from its parent field; a hidden field and a checked box
    print no figure."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]

    def widget(rect, **keys):
        return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget,
                                                    Rect=rect, P=page.obj, **keys))

    kid = widget([100, 700, 200, 718])
    parent = pdf.make_indirect(pikepdf.Dictionary(FT=pikepdf.Name.Tx, T="total", V="£4,321.00",
                                                  DA="/Helv 10 Tf 0 g", Kids=[kid]))
    kid.Parent = parent
    hidden = widget([100, 650, 200, 668], FT=pikepdf.Name.Tx, T="hidden", V="£999", F=2, DA="/Helv 10 Tf 0 g")
    box = widget([100, 600, 118, 618], FT=pikepdf.Name.Btn, T="agreed", V=pikepdf.Name.Yes)
    page.Annots = pdf.make_indirect(pikepdf.Array([kid, hidden, box]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[parent, hidden, box])
    path = tmp_path / "kids.pdf"
    pdf.save(path)
    fast, careful = page_of_both(path)
    assert careful.text == fast.text == "£4,321.00"


def _inside(bbox, rect, slack: float = 0.5) -> bool:
    return (rect[0] - slack <= bbox[0] and bbox[2] <= rect[2] + slack
            and rect[1] - slack <= bbox[1] and bbox[3] <= rect[3] + slack)
