"""`agenda-extract review PDF`: the review page of one pack.

Imports only click and the standard library at top level, so `agenda-extract --help` stays fast.
"""
from __future__ import annotations

from pathlib import Path

import click

from extract.cli.common import fail, limits_options, ocr_option, refuse_overwriting, resolve_ocr


@click.command()
@click.argument("pdf", type=click.Path(path_type=Path))
@click.option("--out", "out", default=None, type=click.Path(path_type=Path),
              help="Where to write the page (default: output/<pdf stem>.html).")
@limits_options
@ocr_option
def review(pdf: Path, out: Path | None, timeout: float, max_memory: int, ocr: str | None,
           ocr_page_timeout: float) -> None:
    """Write one self-contained HTML page that shows each finding on the PDF page it came from.

    \b
    At the top: the meeting, the documents with their page ranges, and the findings
    counted by severity. Then each finding with a crop of each page involved, its
    figures outlined and numbered; a table of the service cards and one of the
    Appendix B tables, each figure linking to where it was printed. Images are
    embedded: the page opens from disk, needs no network and no JavaScript.
    --out naming the PDF itself is a usage error (exit 2).
    """
    target = out if out is not None else Path("output") / f"{pdf.stem}.html"
    refuse_overwriting([target], [pdf], "the input PDF")
    from extract.batch.limited import call_limited
    from extract.batch.worker import Limits
    from extract.cli.main import write_or_fail
    from extract.cli.tasks import review_one
    from extract.errors import AgendaExtractError, shown

    try:
        limits = Limits(timeout, max_memory, ocr_page_timeout)
        html_text, findings = call_limited(review_one, (pdf, resolve_ocr(ocr)), limits, pdf)
    except AgendaExtractError as exc:
        fail(exc)
    write_or_fail(target, html_text)
    click.echo(f"{shown(pdf)} -> {shown(target)} ({findings} findings)", err=True)
