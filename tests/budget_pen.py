"""A generated £000 revenue budget page (reportlab), drawn line by line, for the table-reading
tests: a bold title, three heading lines (names, years, units) over three right-aligned columns."""
from __future__ import annotations

COLUMNS = (330, 400, 470)  # the right edges of the three columns of numbers


class BudgetPen:
    """Text at (x, top) in points from the top of an A4 page, and rows of numbers under COLUMNS."""

    def __init__(self, path) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        self.page = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.height = A4[1]

    def text(self, x: float, top: float, words: str, bold: bool = False, right: bool = False) -> None:
        self.page.setFont("Helvetica-Bold" if bold else "Helvetica", 9)
        (self.page.drawRightString if right else self.page.drawString)(x, self.height - top, words)

    def numbers(self, top: float, *cells: str, bold: bool = False) -> None:
        for x, cell in zip(COLUMNS, cells, strict=False):
            if cell:
                self.text(x, top, cell, bold, right=True)

    def headings(self) -> float:
        """The title and the three heading lines; the top of the first row under them."""
        self.text(60, 60, "Education revenue budget 2025/26", bold=True)
        self.numbers(90, "Budget", "Changes", "Budget")
        self.numbers(101, "2024/25", "", "2025/26")
        self.numbers(112, "£000", "£000", "£000")
        return 128

    def save(self) -> None:
        self.page.save()
