"""The review page as a file: build the review (model), render it (render), write it whole."""
from __future__ import annotations

from pathlib import Path

from extract.models import Extraction
from extract.output import write_atomic
from extract.review.model import build_review
from extract.review.render import render_page


def write_review(pdf_path: Path, extraction: Extraction, html_path: Path) -> None:
    """Write the review page for this PDF and its extraction, whole or not at all."""
    write_atomic(Path(html_path), review_html(pdf_path, extraction))


def review_html(pdf_path: Path, extraction: Extraction) -> str:
    return render_page(build_review(pdf_path, extraction))
