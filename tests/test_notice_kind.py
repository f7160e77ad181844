"""A short notice of numbered paragraphs is a paper of words, not a financial statement.

Its lines open with paragraph numbers in order (1., 2., 3.; 2.1, 2.2), and a wrapped line may
open with a date; counted as figures they made a one-page notice with one £ amount look like
a sheet of figures, and its paragraphs would not be read as a report's ('Report 3'). A
payments list whose rows open with dates ('24.4.14') is still a financial statement."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.models import Meeting
from extract.pack.segment import pages_to_documents
from extract.pipeline import Options, extract_pack
from extract.read import pdfium as fastpass

NOTICE = [
    "Anytown Parish Council",
    "Notice of conclusion of audit",
    "Annual Governance and Accountability Return for the year ended 31 March 2019",
    "1. The audit of the accounts of Anytown Parish Council for the year ended",
    "31 March 2019 has been completed and the accounts have been published.",
    "2. The annual return is available for inspection by any local government elector",
    "of the area on application to the Clerk.",
    "3. Copies will be provided to any person on payment of £5.00 for each copy.",
    "4. Inspection is by appointment on weekdays between 10 am and 4 pm.",
    "4.1 Appointments are made with the Clerk at least two days ahead.",
    "4.2 Copies may also be sent by post.",
    "5. Announcement made by the Clerk, 1 July 2019.",
]


def printed(path: Path, lines: list[str]) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFont("Helvetica", 10)
    for k, line in enumerate(lines):
        page.drawString(60, 780 - 18 * k, line)
    page.save()
    return path


def kinds(path: Path) -> list[str]:
    document = fastpass.open_document(path)
    try:
        pages = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
    finally:
        document.close()
    return [d.kind for d in pages_to_documents(pages, Meeting())]


def test_a_one_page_notice_of_numbered_paragraphs_with_one_amount_is_not_a_financial_statement(tmp_path):
    path = printed(tmp_path / "notice.pdf", NOTICE)
    assert kinds(path) == ["report"]
    extraction = extract_pack(path, Options())
    assert [(d.kind, d.title) for d in extraction.documents] == [("report", "Notice of conclusion of audit")]
    assert [f.value for f in extraction.figures] == [5.0]


def test_the_same_numbers_out_of_order_are_figures_and_the_sheet_stays_a_financial_statement(tmp_path):
    rows = [f"{day}.{month}.18 Grass cutting £{400 + day}" if day % 2 else f"{day}.{month}.18 Grass cutting"
            for month, day in zip(range(4, 13), (24, 3, 17, 9, 21, 5, 28, 14, 2), strict=True)]
    path = printed(tmp_path / "payments.pdf", ["Anytown Parish Council", "Expenditure over £100", *rows])
    assert kinds(path) == ["financial_statement"]
