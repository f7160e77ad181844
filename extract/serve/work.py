"""What a limited child does for the service: the same work as `run` (cli.tasks.run_one, so the
document is the one `run` writes) and as `check` and `compare`. The child ignores SIGTERM: a stop of the
server (or of its whole process group) lets the readings in flight finish; the parent kills
its children when it must, and the kernel when it dies (die_with_parent)."""
from __future__ import annotations

import json
import signal
from pathlib import Path

from extract.cli.tasks import RunResult, read_output, run_one


def read_paper(pdf: Path, options, html: bool) -> RunResult:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    return run_one(pdf, options, html)


def check_output(json_file: Path) -> str:
    """`agenda-extract check` on an output: its findings and relations, as one JSON object."""
    from extract.checks import check, tally_line

    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    checked = check(read_output(json_file))
    return json.dumps({"findings": [f.model_dump(mode="json") for f in checked.findings],
                       "relations": [r.model_dump(mode="json") for r in checked.relations],
                       "tally": tally_line(checked.relations)}, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def read_version_quietly(path: Path, options):
    """One version for compare, as `agenda-extract compare` reads it (cli.compare.read_version)."""
    from extract.cli.compare import read_version

    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    return read_version(path, options)


def compared_text(old, new) -> tuple[str, str]:
    """The JSON `agenda-extract compare OLD NEW --out -` writes, and its summary line."""
    from extract.compare.changes import compare, summary_line
    from extract.compare.output import comparison_text

    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    comparison = compare(old, new)
    return comparison_text(comparison), summary_line(comparison)
