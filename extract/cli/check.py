"""`agenda-extract check FILE.json`: re-run the consistency pass on an existing output."""
from __future__ import annotations

from pathlib import Path

import click

from extract.cli.common import SEVERITY_RANK, InputFailure, OutputFailure, exit_for_findings, fail_on_option


@click.command()
@click.argument("json_file", type=click.Path(path_type=Path))
@click.option("--out", "out", default=None, type=click.Path(path_type=Path),
              help="Write the whole output with refreshed findings and relations to this file "
              "(default: print only the findings, as JSON, to stdout).")
@click.option("--quiet", is_flag=True, help="Do not print the one-line summary per finding on stderr.")
@fail_on_option
def check(json_file: Path, out: Path | None, quiet: bool, fail_on: str | None) -> None:
    """Re-run the consistency checks on an existing FILE.json (an output of `run`).

    Prints the findings as a JSON array on stdout, one summary line per finding on
    stderr and a last line saying how many relations were checked and how they came out;
    with --out writes the whole output with the new findings and relations. FILE.json
    itself is never changed.
    """
    import json

    from pydantic import ValidationError

    from extract.checks import check as consistency_pass
    from extract.checks import tally_line
    from extract.models import Extraction
    from extract.output import dumps, to_document, write_atomic

    try:
        extraction = Extraction.model_validate_json(json_file.read_bytes())
    except FileNotFoundError:
        raise InputFailure(f"{json_file}: no such file") from None
    except (ValidationError, ValueError) as exc:
        reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
        raise InputFailure(f"{json_file}: not an agenda-extract output ({reason})") from exc
    checked = consistency_pass(extraction)
    findings = checked.findings
    refreshed = extraction.model_copy(update={"findings": findings, "relations": checked.relations})
    if not quiet:
        for finding in findings:
            click.echo(f"{finding.severity}: {finding.message}", err=True)
        click.echo(f"{json_file}: {tally_line(checked.relations)}", err=True)
    if out is not None:
        try:
            write_atomic(out, dumps(to_document(refreshed)))
        except OSError as exc:
            raise OutputFailure(f"{out}: cannot write ({exc.strerror or exc})") from exc
    else:
        click.echo(json.dumps([f.model_dump(mode="json") for f in findings], indent=2, ensure_ascii=False))
    worst = max((SEVERITY_RANK[f.severity] for f in findings), default=-1)
    exit_for_findings(worst, fail_on)
