"""Figures as printed: one that cannot be read as a single amount is reported, never guessed."""
from __future__ import annotations

import re
from collections.abc import Iterator

from extract.models import Extraction, Finding

_ODD_COMMA = re.compile(r",(\d{1,2}|\d{4,})(?!\d)")


def ambiguous_figures(extraction: Extraction) -> Iterator[Finding]:
    """'£339,64': a comma where a decimal point (or a digit) belongs. Read as £33,964 or
    £339.64 it would be a guess, so it is listed without a value and said once here.
    Severity info: a reader of the page would agree it is misprinted, but nothing was shown
    not to add up, and warning and error are kept for figures that disagree (so
    `--fail-on warning` does not fail a paper over a typo the checks simply skip)."""
    for figure in extraction.figures:
        if figure.value is None and figure.source == "ocr":
            yield Finding(
                check="figure.ambiguous", severity="info", subject=f"Page {figure.page}",
                message=f"'{figure.text}' was read by OCR from a scanned page with its digits in doubt (the two "
                "OCR readings of the page disagree on them, or it lacks the decimal point the rest of its column "
                "prints): kept as first read, without a value, and left out of every sum; check the page",
                evidence=[figure],
            )
        elif figure.value is None:
            glued = re.search(r"\d([^\W\d_]+)$", figure.text)
            if _ODD_COMMA.search(figure.text) or glued is None:
                why = "its commas are not thousands separators (a decimal comma, or a digit missing?)"
            else:
                why = f"the letters '{glued.group(1)}' printed against it are no unit (a misprinted 'bn' or 'm'?)"
            yield Finding(
                check="figure.ambiguous",
                severity="info",
                subject=f"Page {figure.page}",
                message=f"'{figure.text}' cannot be read as one amount: {why}; kept as printed, without a "
                "value, and left out of every sum",
                evidence=[figure],
            )


FIGURE_CHECKS = [ambiguous_figures]
