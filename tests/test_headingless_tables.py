"""A block of one column of amounts with no heading over it is a table when its arithmetic
proves it (its last amount the sum of those above), and an amount set between the two lines
of a label wrapped round it keeps a one-column table whole; generated with reportlab."""
from __future__ import annotations

import pytest

COLUMN = 300


def one_column_page(path, items, closing, wrapped=False) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]

    def text(x, top, words, right=False):
        page.setFont("Helvetica", 10)
        (page.drawRightString if right else page.drawString)(x, height - top, words)

    text(40, 60, "D Balance Sheet")
    text(40, 76, "To date, the general fund sits at £1,212,000.")
    top = 100
    for label, amount in [*items, closing]:
        if wrapped and label == items[1][0]:
            text(60, top - 4, "Sports Engagement")
            text(COLUMN, top + 1, amount, right=True)
            text(60, top + 6, "Commonwealth Games")
            top += 17
            continue
        text(60, top, label)
        text(COLUMN, top, amount, right=True)
        text(COLUMN + 12, top, "Q4 note on this line")
        top += 13
    page.save()


ITEMS = [("Refundable Deposit", "1,800"), ("VAT", "10,792"), ("Accrued Income", "1,309"),
         ("Something for Everyone Events", "37,801"), ("Social Inclusion", "900")]


def tables_of(tmp_path, items, closing, wrapped=False):
    pytest.importorskip("reportlab")
    from extract.pipeline import Options, extract_pack

    path = tmp_path / "page.pdf"
    one_column_page(path, items, closing, wrapped)
    return extract_pack(path, Options(triage=False)).tables  # the table's reading, whichever pages triage reads


def test_a_headingless_column_whose_last_amount_is_the_sum_of_the_others_is_a_table(tmp_path):
    (table,) = tables_of(tmp_path, ITEMS, ("Debtors and Prepayments", "52,602"))
    assert [r.label for r in table.rows][-1] == "Debtors and Prepayments"
    assert [r.cells[0].text for r in table.rows] == ["1,800", "10,792", "1,309", "37,801", "900", "52,602"]  # type: ignore[union-attr]


def test_a_headingless_column_that_does_not_add_up_is_no_table(tmp_path):
    assert tables_of(tmp_path, ITEMS, ("Debtors and Prepayments", "52,000")) == []


def test_an_amount_between_the_lines_of_a_label_wrapped_round_it_stays_in_its_table(tmp_path):
    items = [("Floral Displays", "24,201"), ("Sports", "10,000"), ("Social Inclusion", "66,358")]
    (table,) = tables_of(tmp_path, items, ("Total", "100,559"), wrapped=True)
    assert [r.label for r in table.rows] == ["Floral Displays", "Sports Engagement Commonwealth Games",
                                             "Social Inclusion", "Total"]
