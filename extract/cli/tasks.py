"""The work of `run`, `review` and `check` on one input, as it runs in the limited child
(extract.batch.limited): everything that reads the input or may grow with it happens here,
and what comes back is text to write and a few numbers to report. Writing, messages and exit
codes stay with the commands.
"""
from __future__ import annotations

import json
import math
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from extract.errors import AgendaExtractError, NotAnOutput, PackError
from extract.models import Extraction

MAX_JSON_BYTES = 512 << 20  # check's input: the largest real output is a few MB; JSON has no limit of its own
MAX_MAGNITUDE = 1e15  # no figure, page or coordinate in an output comes near this (£1,000 trillion)


@dataclass(frozen=True)
class RunResult:
    json_text: str
    html_text: str | None
    html_error: AgendaExtractError | None  # the JSON is fine; the review page could not be made
    summary: str  # "3 cards, 2 Appendix B tables, ..."
    worst_severity: int  # -1: no findings


def run_one(pdf: Path, options, html: bool, jobs: int = 1) -> RunResult:
    """One file, in the limited child: with jobs > 1 its structure pages are read by pdfplumber
    in that many forked workers (extract.read.pool) while this process builds the structures;
    the output is the same."""
    from extract.checks import tally_line
    from extract.cli.common import SEVERITY_RANK
    from extract.output import dumps, to_document
    from extract.pipeline import extract_pack

    if jobs > 1:
        from extract.read.pool import PagePool

        with PagePool(jobs) as pool:
            extraction = extract_pack(pdf, options, pool)
    else:
        extraction = extract_pack(pdf, options)
    json_text = dumps(to_document(extraction))
    html_text, html_error = None, None
    if html:
        from extract.review.page import review_html

        try:
            html_text = review_html(pdf, extraction)
        except PackError as exc:  # the PDF could be read for text but not rendered
            html_error = exc
    summary = (f"{len(extraction.service_cards)} cards, {len(extraction.financial_tables)} Appendix B tables, "
               f"{len(extraction.tables)} other tables, {len(extraction.post_lists)} lists of posts, "
               f"{len(extraction.findings)} findings; {tally_line(extraction.relations)}{untrusted_note(extraction)}")
    worst = max((SEVERITY_RANK[f.severity] for f in extraction.findings), default=-1)
    return RunResult(json_text, html_text, html_error, summary, worst)


def untrusted_note(extraction: Extraction) -> str:
    """'; 2 pages without usable text (4, 7)' for the summary line, or ''."""
    pages = [u.page for u in extraction.source.untrusted_pages]
    if not pages:
        return ""
    listed = ", ".join(map(str, pages[:10])) + (", …" if len(pages) > 10 else "")
    note = f"; {len(pages)} page{'s' if len(pages) != 1 else ''} without usable text ({listed}), read as blank"
    failure = extraction.source.ocr_failure
    return note + (f" ({failure.reason})" if failure is not None else "")


def review_one(pdf: Path, ocr: str = "never") -> tuple[str, int]:
    from extract.pipeline import Options, extract_pack
    from extract.review.page import review_html

    extraction = extract_pack(pdf, Options(ocr=ocr))  # type: ignore[arg-type]
    return review_html(pdf, extraction), len(extraction.findings)


@dataclass(frozen=True)
class CheckResult:
    findings_text: str  # the findings as a JSON array
    output_text: str | None  # the whole output with the new findings, when asked for
    lines: list[str]  # "severity: message" per finding, then the tally of relations checked
    worst_severity: int


def check_one(json_file: Path, whole_output: bool) -> CheckResult:
    from extract.checks import check, tally_line
    from extract.cli.common import SEVERITY_RANK
    from extract.output import dumps, to_document

    extraction = read_output(json_file)
    checked = check(extraction)
    findings = checked.findings
    refreshed = extraction.model_copy(update={"findings": findings, "relations": checked.relations})
    findings_text = json.dumps([f.model_dump(mode="json") for f in findings], indent=2, ensure_ascii=False,
                               allow_nan=False)
    return CheckResult(findings_text, dumps(to_document(refreshed)) if whole_output else None,
                       [f"{f.severity}: {f.message}" for f in findings]
                       + [f"{json_file}: {tally_line(checked.relations)}"],
                       max((SEVERITY_RANK[f.severity] for f in findings), default=-1))


def read_output(json_file: Path):
    """An output of `run`, strictly: a regular file of at most MAX_JSON_BYTES holding JSON
    (no NaN, no Infinity, no number beyond MAX_MAGNITUDE) that the models accept."""
    from pydantic import ValidationError

    from extract.models import Extraction

    data = read_regular_file(json_file, MAX_JSON_BYTES)
    try:
        json.loads(data, parse_constant=_refuse_constant, parse_float=_finite_float, parse_int=_bounded_int)
        return Extraction.model_validate_json(data)
    except ValidationError as exc:
        reason = exc.errors()[0]["msg"]
    except (ValueError, RecursionError) as exc:
        reason = str(exc) if not isinstance(exc, RecursionError) else "nested too deeply"
    raise NotAnOutput(json_file, f"not an agenda-extract output ({reason})")


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of a regular file no larger than `limit`; opened without blocking, so a FIFO
    is refused rather than waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise NotAnOutput(path, "no such file") from None
    except OSError as exc:
        raise NotAnOutput(path, f"cannot read the file ({exc.strerror or type(exc).__name__})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAnOutput(path, "is a folder, not a file" if stat.S_ISDIR(info.st_mode) else "not a regular file")
        if info.st_size > limit:
            raise NotAnOutput(path, f"larger than {limit >> 20} MB: not an agenda-extract output")
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:  # grew while we read it
        raise NotAnOutput(path, f"larger than {limit >> 20} MB: not an agenda-extract output")
    return data


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
        raise ValueError(f"the number {text[:40]} is out of range")
    return value


def _bounded_int(text: str) -> int:
    value = int(text)
    if abs(value) > MAX_MAGNITUDE:
        raise ValueError(f"the number {text[:40]} is out of range")
    return value
