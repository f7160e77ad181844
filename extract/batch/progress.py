"""How a batch tells a person how it is going, on stderr: a bar on a terminal, one plain
line per input otherwise (logs, CI, cron mail), nothing with --quiet."""
from __future__ import annotations

import sys
import time
from typing import Any, TextIO

import click

from extract.batch.manifest import ManifestRecord
from extract.batch.runner import Summary
from extract.checks import say_tally
from extract.errors import shown

FAILURES_LISTED = 20


def make_reporter(quiet: bool, stream: TextIO | None = None):
    stream = stream or sys.stderr
    if quiet:
        return QuietReporter()
    return BarReporter(stream) if stream.isatty() else LogReporter(stream)


class QuietReporter:
    def start(self, total: int) -> None:
        pass

    def advance(self, record: ManifestRecord, resumed: bool) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass


class _Counting:
    """Counts shared by the bar and the log: what is done and how fast pages go."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.total = 0
        self.seen = 0
        self.counts = Summary()
        self.started = time.monotonic()

    def count(self, record: ManifestRecord, resumed: bool) -> None:
        self.seen += 1
        self.counts.add(record, resumed)

    def pages_per_second(self) -> float:
        return self.counts.pages / max(time.monotonic() - self.started, 1e-6)

    def status(self) -> str:
        c = self.counts
        return f"ok {c.ok}  failed {c.failed}  skipped {c.skipped}  {self.pages_per_second():.1f} pages/s"


class LogReporter(_Counting):
    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()
        click.echo(f"batch: {total} inputs", file=self.stream)

    def advance(self, record: ManifestRecord, resumed: bool) -> None:
        self.count(record, resumed)
        if not resumed:  # thousands of "already done" lines would bury the news
            click.echo(f"[{self.seen}/{self.total}] {describe(record)}", file=self.stream)

    def finish(self, summary: Summary) -> None:
        click.echo(summary_line(summary), file=self.stream)


class BarReporter(_Counting):
    def __init__(self, stream: TextIO):
        super().__init__(stream)
        self.bar: Any = None  # click's progress bar while the batch runs
        self.failures: list[ManifestRecord] = []

    def start(self, total: int) -> None:
        self.total = total
        self.started = time.monotonic()
        self.bar = click.progressbar(length=total, label="batch", file=self.stream, show_eta=True, show_pos=True,
                                     item_show_func=lambda status: status)
        self.bar.__enter__()

    def advance(self, record: ManifestRecord, resumed: bool) -> None:
        self.count(record, resumed)
        if record.status == "failed" and not resumed:
            self.failures.append(record)
        if self.bar is not None:
            self.bar.update(1, self.status())

    def finish(self, summary: Summary) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
        for record in self.failures[:FAILURES_LISTED]:
            click.echo(describe(record), file=self.stream)
        if len(self.failures) > FAILURES_LISTED:
            click.echo(f"... and {len(self.failures) - FAILURES_LISTED} more failed (see manifest.jsonl)",
                       file=self.stream)
        click.echo(summary_line(summary), file=self.stream)


def describe(record: ManifestRecord) -> str:
    if record.status == "failed" and record.error is not None:
        return f"failed {shown(record.file)}: {record.error.type}: {record.error.message}"
    if record.status == "skipped":
        return f"skipped {shown(record.file)}: same content as {shown(record.duplicate_of)} -> {record.output}"
    return f"ok {shown(record.file)} -> {record.output} ({record.pages} pages, {record.seconds or 0:.1f} s)"


def summary_line(summary: Summary) -> str:
    rate = summary.pages / summary.elapsed if summary.elapsed > 0 else 0.0
    resumed = f" ({summary.resumed} already done)" if summary.resumed else ""
    return (f"done: {summary.ok} ok, {summary.failed} failed, {summary.skipped} skipped{resumed}; "
            f"{summary.pages} pages in {format_duration(summary.elapsed)} ({rate:.1f} pages/s); "
            f"{say_tally(*summary.relations)}")


def format_duration(seconds: float) -> str:
    minutes, rest = divmod(int(round(seconds)), 60)
    return f"{minutes}m{rest:02d}s" if minutes else f"{seconds:.1f}s"
