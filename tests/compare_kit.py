"""Generated versions of a paper for the compare tests: a short report with numbered
paragraphs and one table in £000 (reportlab), drawn from plain data so a test changes one
cell, one row or the text above the table and nothing else."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

Rows = Sequence[tuple[str, Sequence[str]]]

COLUMNS = ("2024-25 £000", "2025-26 £000", "2026-27 £000")
ROWS: Rows = (
    ("Adult social care", ("12,400", "13,150", "13,900")),
    ("Children's services", ("8,250", "8,600", "8,975")),
    ("Highways and transport", ("5,310", "5,120", "4,880")),
    ("Libraries", ("1,040", "990", "965")),
    ("Total", ("27,000", "27,860", "28,720")),
)
PARAGRAPHS = (
    "1.1 The capital programme for the next three years is set out in the table below.",
    "1.2 The council will borrow £4.5m in 2025-26 and £3.2m in 2026-27 to fund it.",
)
FILLER = ("The programme was reviewed by the Scrutiny Committee, whose comments are recorded in "
          "the minutes of its meeting and have been taken into account in this report. ")


def write_paper(path: Path, rows: Rows = ROWS, paragraphs: Sequence[str] = PARAGRAPHS, filler: int = 0,
                title: str = "Table 1: Capital programme by service", columns: Sequence[str] = COLUMNS,
                headings_right: bool = False) -> Path:
    """A one-table paper; `filler` paragraphs before the table push it down (or onto the next page);
    `headings_right` sets the column headings flush right, over their numbers."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    story: list = [Paragraph("Capital Programme 2024-27", styles["Heading1"])]
    story += [Paragraph(f"1.{3 + n} {FILLER * 3}", styles["BodyText"]) for n in range(filler)]
    story += [Paragraph(p, styles["BodyText"]) for p in paragraphs]
    story += [Spacer(1, 12), Paragraph(f"<b>{title}</b>", styles["BodyText"]), Spacer(1, 6)]
    data = [["", *columns]] + [[label, *cells] for label, cells in rows]
    table = Table(data, colWidths=[180, 90, 90, 90])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("ALIGN", (1, 0 if headings_right else 1), (-1, -1), "RIGHT"),
                               ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                               ("FONTNAME", (0, len(data) - 1), (-1, len(data) - 1), "Helvetica-Bold")]))
    story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)
    return path


def with_cell(rows: Rows, label: str, column: int, text: str) -> list[tuple[str, Sequence[str]]]:
    return [(name, tuple(text if name == label and c == column else v for c, v in enumerate(cells)))
            for name, cells in rows]
