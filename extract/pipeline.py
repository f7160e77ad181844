"""The one visible chain: PDF → pages → documents → cards and tables → figures → checks → Extraction."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from extract import __version__
from extract.models import Extraction, Meeting, Source


@dataclass(frozen=True)
class Options:
    triage: bool = True  # pdfplumber only on pages the fast pass marks as holding figures
    checks: bool = True


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def extract_pack(path: Path, options: Options = Options()) -> Extraction:
    """Read one agenda pack and return its validated-ready Extraction (raises PackError)."""
    from extract import fastpass

    path = Path(path)
    document = fastpass.open_document(path)
    try:
        pages = [fastpass.page_lines(document, n) for n in range(1, len(document) + 1)]
    finally:
        document.close()
    return Extraction(
        tool_version=__version__,
        source=Source(file=path.name, sha256=sha256_of(path), pages=len(pages)),
        meeting=Meeting(),
    )
