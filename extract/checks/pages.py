"""Pages read although their text layer may not be what is printed."""
from __future__ import annotations

from collections.abc import Iterator

from extract.models import Extraction, Finding


def pages_in_doubt(extraction: Extraction) -> Iterator[Finding]:
    """A page whose characters show a faint sign of a broken text encoding, which no OCR
    reading of its image settled, is read rather than blanked (a false refusal is worse);
    said once, as information, so its figures are checked against the page before use."""
    for page in extraction.source.doubtful_pages:
        yield Finding(
            check="page.text_in_doubt", severity="info", subject=f"Page {page.page}",
            message=f"page {page.page} was read, but its text layer may not be what is printed ({page.reason}); "
            "check its figures against the page, or read it with the OCR engine installed (--ocr auto)",
        )


PAGE_CHECKS = [pages_in_doubt]
