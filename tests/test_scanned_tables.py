"""Tables as OCR gives them back (a scanned statement of accounts): side notes that wrap,
totals whose weight OCR cannot see, ruling lines read as '|' and type sizes measured as
OCRmyPDF sets them. Hand-made layouts and tables, no OCR engine needed; and one page of a real
scanned statement of accounts read with OCR (marked `ocr`)."""
from __future__ import annotations

import pytest

from extract.checks.tables import total_rows
from extract.models import Figure, NumericTable, TableRow
from extract.read.ocr import OCR_HEIGHT_PER_EM, at_printed_size
from extract.read.text import PageText
from extract.structures.numeric.tables import flow_to_numeric_tables
from tests.rowkit import lay_out, right, row

COLUMNS = (290, 360)


def cells(*texts):
    return [(right(x1, t), t) for x1, t in zip(COLUMNS, texts, strict=False) if t]


def accounts_with_a_wrapped_side_note():
    return lay_out([
        (100, [(240, "£"), (320, "£")]),
        (114, [(60, "Salaries"), *cells("72,828", "140,000")]),
        (128, [(60, "Audit Fees"), *cells("2,420", "5,000")]),
        (142, [(60, "Recruitment Expenses"), *cells("9,188", "9,000"), (380, "Additional Recruitment - Assistant")]),
        (153, [(380, "Town Clerk")]),
        (167, [(60, "Central Support Costs"), *cells("84,436")]),
        (181, [(60, "Interest Received"), *cells("(247)", "-")]),
        (195, [(60, "Total"), *cells("84,189")]),
    ])


def test_a_side_note_wrapped_below_its_row_stays_a_note_and_the_table_runs_on():
    (table,) = flow_to_numeric_tables(accounts_with_a_wrapped_side_note())
    labels = [r.label for r in table.rows]
    assert labels == ["Salaries", "Audit Fees", "Recruitment Expenses", "Central Support Costs", "Interest Received",
                      "Total"]
    assert table.rows[2].notes == ["Additional Recruitment - Assistant Town Clerk"]
    assert [c.text if c else None for c in table.rows[4].cells] == ["(247)", "-"]


def money(text: str, source: str = "pdf") -> Figure:
    value = float(text.strip("()").replace(",", "")) * (-1 if text.startswith("(") else 1)
    return Figure(kind="money", value=value, text=text, precision=1, page=1, bbox=(0, 0, 1, 1), source=source,
                  confidence=95.0 if source == "ocr" else None)


def items_and_a_named_total(source: str, total: str = "11,000") -> NumericTable:
    rows = [("Salaries", ["7,000", "8,000"]), ("Office Costs", ["3,000", "2,000"]), ("Insurance", ["1,000", "500"]),
            ("Central Support Costs", [total, "10,500"])]
    return NumericTable(id="numtable-1-t", title="T", page=1, columns=["Actual", "Budget"],
                        rows=[TableRow(label=label, cells=[money(t, source) for t in texts]) for label, texts in rows])


def test_a_row_read_by_ocr_that_adds_up_the_rows_above_is_checked_as_a_total():
    relations = list(total_rows(items_and_a_named_total("ocr")))
    assert len(relations) == 2 and all(r.outcome == "agrees" for r in relations)
    assert {r.row for r in relations} == {"Central Support Costs"}


def test_the_same_row_from_the_pdf_text_in_regular_type_is_a_total_only_where_it_adds_up_in_every_column():
    # the last row of the table, named for what it sums: the arithmetic names it a total …
    relations = list(total_rows(items_and_a_named_total("pdf")))
    assert [r.outcome for r in relations] == ["agrees", "agrees"]
    # … but a regular-type row that adds up in one column only is an item: no sum, no alarm
    assert list(total_rows(items_and_a_named_total("pdf", total="11,800"))) == []


def test_a_misread_ocr_total_that_adds_up_in_no_column_raises_nothing():
    table = items_and_a_named_total("ocr", total="11,800")
    table.rows[-1].cells[1] = money("10,900", "ocr")
    assert [r.raised for r in total_rows(table) if r.raised is not None] == []


def test_ocr_pages_are_read_at_the_printed_type_size_without_rules_read_as_letters():
    scanned = row(100, [(60, "Precept"), (200, "|"), (240, "1,823,850"), (300, "|"), (320, "-")], size=7.3)
    page = at_printed_size(PageText(1, 595, 842, [scanned]))
    assert [w.text for w in page.rows[0].words] == ["Precept", "1,823,850", "-"]
    assert page.rows[0].size == 7.3 / OCR_HEIGHT_PER_EM
    assert 9.9 < page.rows[0].size < 10.1  # OCRmyPDF's 7.3 pt line height: 10 pt type


def test_a_rule_read_onto_the_edge_of_a_word_is_cut_off_with_its_box():
    scanned = row(100, [(60, "Headcount 10– 5.6 FTE|"), (300, "|4.0FTE")], size=7.3)
    words = at_printed_size(PageText(1, 595, 842, [scanned])).rows[0].words
    assert [w.text for w in words] == ["Headcount", "10–", "5.6", "FTE", "4.0FTE"]
    fte, after = words[3], words[4]
    assert len(fte.boxes) == 3 and fte.x1 == scanned.words[3].boxes[2][2]  # the '|' box gone with it
    assert after.x0 == scanned.words[4].boxes[1][0]


def test_specks_read_as_marks_are_dropped_and_a_dash_alone_is_kept():
    scanned = row(100, [(60, "' Performing Arts Service _ :"), (300, "-"), (340, "£"), (380, "%")], size=7.3)
    words = at_printed_size(PageText(1, 595, 842, [scanned])).rows[0].words
    assert [w.text for w in words] == ["Performing", "Arts", "Service", "-", "£", "%"]


def test_table_rules_are_hidden_from_ocr_and_letters_are_not():
    from PIL import Image, ImageDraw, ImageFont

    from extract.read.ocr_rules import without_rules

    page = Image.new("L", (900, 300), 255)
    draw = ImageDraw.Draw(page)
    draw.line((20, 40, 880, 40), fill=0, width=4)  # a table's rule across the page
    draw.line((300, 20, 300, 280), fill=0, width=3)  # a column's rule down it
    draw.text((320, 120), "FTE 13.03", fill=0, font=ImageFont.load_default(size=60))
    cleaned = without_rules(page, 300, 300)
    pixels = cleaned.load()
    assert all(pixels[x, 40] == 255 for x in range(20, 880)) and all(pixels[300, y] == 255 for y in range(20, 280))
    text_box = (320, 100, 700, 200)
    assert cleaned.crop(text_box).tobytes() == page.crop(text_box).tobytes()  # the letters untouched
    assert cleaned.size == page.size


def test_the_rules_plugin_is_handed_to_ocrmypdf_without_importing_it():
    import subprocess
    import sys

    from extract.read import ocr

    assert ocr.RULES_PLUGIN.is_file()
    probe = "import sys, extract.read.ocr_rules; print('ocrmypdf' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


# --- a real scan: Sutton Coldfield Town Council's statement of accounts 2016-17 ------------------

SUTTON_NOTES_PAGE = 9  # notes A and B: items, a named subtotal, interest, 'Total'


@pytest.fixture(scope="module")
def sutton_notes(tmp_path_factory):
    from extract.pipeline import Options, extract_pack
    from extract.read import ocr
    from tests.conftest import only_page, shared_dir

    if not ocr.engine_installed():
        pytest.skip("OCRmyPDF or Tesseract is not installed")
    source = shared_dir("councils") / "sutton-coldfield-tc" / "Statement-of-Accounts-2016-17.pdf"
    page = only_page(source, SUTTON_NOTES_PAGE, tmp_path_factory.mktemp("sutton") / "sutton-notes.pdf")
    return extract_pack(page, Options(ocr="auto"))


@pytest.mark.ocr
def test_the_scanned_notes_to_the_accounts_have_their_totals_checked_as_printed(sutton_notes):
    checked = {(r.row, r.outcome) for r in sutton_notes.relations if r.check == "table.total_row"}
    # 'Central Support Costs' 230,097 is printed for items adding to 230,098: within rounding, as on the page
    assert ("Central Support Costs", "within_rounding") in checked
    assert ("Total", "agrees") in checked  # 230,097 - 247 = 229,850
    assert ("Civic and Democratic Costs", "agrees") in checked
    assert not [f for f in sutton_notes.findings if f.severity != "info"]
    recruitment = next(r for t in sutton_notes.tables for r in t.rows if r.label.startswith("Recruitment"))
    assert recruitment.label == "Recruitment Expenses"  # its wrapped side note stays a note


def test_the_rules_filter_takes_the_resolution_from_the_page_size_not_the_images_note():
    from types import SimpleNamespace

    from PIL import Image, ImageDraw

    from extract.read.ocr_rules import filter_ocr_image

    page = Image.new("L", (1200, 600), 255)  # a 2 x 1 inch page at 600 dpi
    ImageDraw.Draw(page).line((100, 100, 100, 190), fill=0, width=8)  # a 0.15 inch stroke: a bracket, not a rule
    page.info["dpi"] = (72, 72)  # a wrong note: at 72 dpi the stroke would be 1.25 inch long
    filtered = filter_ocr_image(SimpleNamespace(pageinfo=SimpleNamespace(width_inches=2, height_inches=1)), page)
    assert filtered.tobytes() == page.tobytes()
    assert filter_ocr_image(SimpleNamespace(), page) is page  # no page size: read as it is


def _black_and_white_page(dither: bool):
    """A 300 dpi strip of grey paper with a figure printed on it, scanned 1-bit."""
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (900, 300), 232)  # a grey sheet: dithered, a field of dots
    ImageDraw.Draw(page).text((100, 100), "FTE 13.03", fill=0, font=ImageFont.load_default(size=60))
    for x, y in ((700, 50), (760, 250), (50, 260)):  # dust specks
        page.putpixel((x, y), 0)
    return page.convert("1", dither=Image.Dither.FLOYDSTEINBERG if dither else Image.Dither.NONE)


def _as_tesseract_sees(scan):
    from types import SimpleNamespace

    import numpy as np

    from extract.read.ocr_rules import filter_ocr_image

    inches = SimpleNamespace(pageinfo=SimpleNamespace(width_inches=3, height_inches=1))
    return np.asarray(filter_ocr_image(inches, scan))


def test_a_dithered_scan_reaches_tesseract_descreened_without_its_dots():
    import numpy as np

    from extract.read.ocr_rules import DARK

    scan = _black_and_white_page(dither=True)
    seen = _as_tesseract_sees(scan)
    assert seen.shape == (300, 900)  # read at the resolution scanned: 300 dpi
    assert (seen[:, 600:] == 255).all()  # no letter there: the dots of the paper and the specks are gone
    assert (seen[100:170, 100:400] < DARK).sum() > 0.5 * (np.asarray(scan.convert("L"))[100:170, 100:400] < DARK).sum()


def test_a_thresholded_scan_reaches_tesseract_in_greys_its_specks_too_pale_to_be_ink():
    import numpy as np

    from extract.read.ocr_rules import DARK

    scan = _black_and_white_page(dither=False)
    seen = _as_tesseract_sees(scan)
    assert seen.shape == (300, 900)
    assert len(np.unique(seen)) > 2  # greys at the letters' edges, for Tesseract's own threshold
    assert (seen[:, 600:] >= DARK).all()
    assert (seen[100:170, 100:400] < DARK).sum() > 0.5 * (np.asarray(scan.convert("L"))[100:170, 100:400] < DARK).sum()


@pytest.mark.parametrize("dither", [False, True])
def test_a_page_is_known_dithered_by_its_lone_dots_not_by_its_specks(dither):
    from extract.read.ocr_rules import is_dithered

    assert is_dithered(_black_and_white_page(dither)) is dither


def test_a_darker_dithered_paper_is_descreened_to_white_and_its_letters_kept():
    """The threshold follows the paper: a sheet dithered from a darker grey is white too."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from extract.read.ocr_rules import descreened, smoothed

    page = Image.new("L", (900, 300), 200)
    ImageDraw.Draw(page).text((100, 100), "13.03", fill=0, font=ImageFont.load_default(size=60))
    scan = page.convert("1", dither=Image.Dither.FLOYDSTEINBERG)
    seen = np.asarray(descreened(smoothed(scan, 300)[0]))
    assert (seen[:, 600:] == 255).all()
    letters = np.asarray(page)[90:180, 90:400] < 128
    assert (seen[90:180, 90:400][letters] == 0).mean() > 0.8
    flat = np.asarray(descreened(Image.new("L", (50, 50), 255)))
    assert (flat == 255).all()


def test_a_coarse_black_and_white_scan_is_enlarged_to_be_read_and_says_its_new_resolution():
    from PIL import Image

    from extract.read.ocr_rules import READ_DPI, smoothed

    scan = Image.new("1", (400, 200), 1)
    scan.info["dpi"] = (200, 200)
    seen, dpi = smoothed(scan, 200)
    assert dpi == READ_DPI and seen.size == (600, 300) and seen.info["dpi"] == (300.0, 300.0)
    assert seen.mode == "L"


def test_a_grey_scan_reaches_tesseract_unsmoothed():
    from types import SimpleNamespace

    from PIL import Image, ImageDraw, ImageFont

    from extract.read.ocr_rules import filter_ocr_image

    page = Image.new("L", (900, 300), 240)
    ImageDraw.Draw(page).text((100, 100), "FTE 13.03", fill=20, font=ImageFont.load_default(size=60))
    inches = SimpleNamespace(pageinfo=SimpleNamespace(width_inches=3, height_inches=1))
    assert filter_ocr_image(inches, page).tobytes() == page.tobytes()
