"""`agenda-extract check FILE.json`: re-run the consistency pass on an existing output."""
from __future__ import annotations

from pathlib import Path

import click

from extract.cli.common import exit_for_findings, fail, fail_on_option, limits_options, refuse_overwriting


@click.command()
@click.argument("json_file", type=click.Path(path_type=Path))
@click.option("--out", "out", default=None, type=click.Path(path_type=Path),
              help="Write the whole output with refreshed findings and relations to this file "
              "(default: print only the findings, as JSON, to stdout).")
@click.option("--quiet", is_flag=True, help="Do not print the one-line summary per finding on stderr.")
@fail_on_option
@limits_options
def check(json_file: Path, out: Path | None, quiet: bool, fail_on: str | None, timeout: float,
          max_memory: int) -> None:
    """Re-run the consistency checks on an existing FILE.json (an output of `run`).

    Prints the findings as a JSON array on stdout, one summary line per finding on
    stderr and a last line saying how many relations were checked and how they came out;
    with --out writes the whole output with the new findings and relations. FILE.json
    itself is never changed (--out naming it is a usage error, exit 2). A file that is
    not an output (not JSON, NaN, Infinity or out-of-range numbers, not a regular file,
    over 512 MB) exits 3.
    """
    if out is not None:
        refuse_overwriting([out], [json_file], "the input FILE.json")
    from extract.batch.limited import call_limited
    from extract.batch.worker import Limits
    from extract.cli.main import write_or_fail
    from extract.cli.tasks import check_one
    from extract.errors import AgendaExtractError

    try:
        result = call_limited(check_one, (json_file, out is not None), Limits(timeout, max_memory), json_file)
    except AgendaExtractError as exc:
        fail(exc)
    if not quiet:
        for line in result.lines:
            click.echo(line, err=True)
    if out is not None and result.output_text is not None:
        write_or_fail(out, result.output_text)
    else:
        click.echo(result.findings_text)
    exit_for_findings(result.worst_severity, fail_on)
