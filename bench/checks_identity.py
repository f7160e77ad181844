"""Do the checks alone still give the saved findings? Fast: no PDF is read.

    python3 bench/checks_identity.py BASELINE_DIR

Re-runs the consistency pass on every saved output (as `agenda-extract check` does) and
compares the whole JSON, byte for byte, with `relations` left out: findings and every
other key must be unchanged. The full comparison (PDFs extracted again) is
`bench/identity.py check BASELINE_DIR --ignore relations`.
"""
from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from extract.checks import with_checks
    from extract.models import Extraction
    from extract.output import dumps, to_document

    folder = Path(argv[0])
    differ = 0
    paths = sorted(folder.glob("*.json"))
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        document = to_document(with_checks(Extraction.model_validate_json(raw)))
        document.pop("relations", None)
        if dumps(document) != raw:
            differ += 1
            print(f"differs: {path.name}")
    print(f"{len(paths) - differ} identical, {differ} differ (of {len(paths)} saved outputs)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
