"""`agenda-extract review PDF`: the review page of one pack.

Imports only click and the standard library at top level, so `agenda-extract --help` stays fast.
"""
from __future__ import annotations

from pathlib import Path

import click

from extract.cli.common import ocr_option


@click.command()
@click.argument("pdf", type=click.Path(path_type=Path))
@click.option("--out", "out", default=None, type=click.Path(path_type=Path),
              help="Where to write the page (default: output/<pdf stem>.html).")
@ocr_option
def review(pdf: Path, out: Path | None, ocr: str | None) -> None:
    """Write one self-contained HTML page that shows each finding on the PDF page it came from.

    \b
    At the top: the meeting, the documents with their page ranges, and the findings
    counted by severity. Then each finding with a crop of each page involved, its
    figures outlined and numbered; a table of the service cards and one of the
    Appendix B tables, each figure linking to where it was printed. Images are
    embedded: the page opens from disk, needs no network and no JavaScript.
    """
    from extract.cli.common import InputFailure, OutputFailure, resolve_ocr
    from extract.errors import PackError
    from extract.pipeline import Options, extract_pack
    from extract.review.page import write_review

    target = out if out is not None else Path("output") / f"{pdf.stem}.html"
    try:
        extraction = extract_pack(pdf, Options(ocr=resolve_ocr(ocr)))  # type: ignore[arg-type]
    except PackError as exc:
        raise InputFailure(f"{exc.path}: {exc.reason}") from exc
    try:
        write_review(pdf, extraction, target)
    except PackError as exc:  # the PDF could be read for text but not rendered
        raise InputFailure(f"{exc.path}: {exc.reason}") from exc
    except OSError as exc:
        raise OutputFailure(f"{target}: cannot write ({exc.strerror or exc})") from exc
    click.echo(f"{pdf} -> {target} ({len(extraction.findings)} findings)", err=True)
