"""Write the tables of a batch export: one SQLite file, or a folder of CSV or JSONL files,
each appearing whole or not at all, never over the batch's own files or anything that is
not an earlier export."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from extract.batch.export import FORMATS, Batch, Table, empty_tables
from extract.batch.manifest import LOCK_NAME, MANIFEST_NAME
from extract.errors import OutputError, WouldOverwriteInput
from extract.output import new_file_mode, temporary_stem


def default_target(out_dir: Path, fmt: str) -> Path:
    return Path(out_dir) / ("export.sqlite" if fmt == "sqlite" else f"export-{fmt}")


def check_target(out_dir: Path, target: Path, fmt: str, batch: Batch) -> None:
    """Refuse (exit 2) a target that would replace the batch's own files (the folder, its
    manifest, lock, log or an output) or anything that is not an earlier export of this format."""
    out_dir, target = Path(out_dir), Path(target)
    protected = [out_dir / MANIFEST_NAME, out_dir / LOCK_NAME, out_dir / "worker.log"]
    protected += [out_dir / Path(r.output).name for r in batch.records if r.output]
    protected += list(out_dir.glob("*.json"))
    if os.path.realpath(target) == os.path.realpath(out_dir) or any(_same_file(target, p) for p in protected):
        raise WouldOverwriteInput(target, "would write over the batch folder or one of its files; choose another --to")
    if not target.exists() and not target.is_symlink() or target == default_target(out_dir, fmt):
        return  # the default name is the export's own, whatever it now holds
    if fmt == "sqlite":
        if not target.is_file() or not _is_sqlite(target):
            raise WouldOverwriteInput(target, "exists and is not an earlier SQLite export; choose another --to")
        return
    expected = {f"{name}.{fmt}" for name in empty_tables()}
    if not target.is_dir() or target.is_symlink() or any(p.name not in expected for p in target.iterdir()):
        raise WouldOverwriteInput(target, f"exists and is not an earlier {fmt} export folder; choose another --to")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.realpath(a) == os.path.realpath(b) or os.path.samefile(a, b)
    except OSError:
        return False


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def write_tables(tables: dict[str, Table], fmt: str, target: Path) -> list[Path]:
    """Write every table; the export appears whole or not at all: the SQLite file, or the whole
    folder of CSV / JSONL files, is made beside the target and renamed into place. A failure
    leaves an earlier export as it was."""
    writers = {"sqlite": write_sqlite, "csv": write_csv, "jsonl": write_jsonl}
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    try:
        return writers[fmt](tables, Path(target))
    except (OSError, sqlite3.Error) as exc:
        raise OutputError(target, f"cannot write ({getattr(exc, 'strerror', None) or exc})") from exc


def write_sqlite(tables: dict[str, Table], target: Path) -> list[Path]:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{temporary_stem(target.name)}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        connection = sqlite3.connect(tmp)
        try:
            with connection:
                for table in tables.values():
                    connection.execute(create_statement(table))
                    for statement in index_statements(table):
                        connection.execute(statement)
                    marks = ", ".join("?" for _ in table.columns)
                    connection.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})',
                                           ([_sqlite_value(row.get(c)) for c in table.names] for row in table.rows))
        finally:
            connection.close()
        os.chmod(tmp, new_file_mode())  # mkstemp makes 0600; users expect their umask
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return [target]


def create_statement(table: Table) -> str:
    columns = [f'"{name}" {kind}' for name, kind in table.columns]
    columns.append(f"PRIMARY KEY ({', '.join(table.key)})")
    if "pack_sha256" in table.names:
        columns.append("FOREIGN KEY (pack_sha256) REFERENCES packs (sha256)")
    return f'CREATE TABLE "{table.name}" ({", ".join(columns)})'


def index_statements(table: Table) -> list[str]:
    indexed = ("sha256", "card_id", "financial_table_id", "numeric_table_id", "page")
    wanted = [c for c in indexed if c in table.names and c not in table.key]
    return [f'CREATE INDEX "{table.name}_{c}" ON "{table.name}" ("{c}")' for c in wanted]


def _sqlite_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def write_csv(tables: dict[str, Table], target: Path) -> list[Path]:
    """UTF-8 with a byte-order mark (so Excel reads £ right), CRLF rows, one header row."""
    return write_folder(target, {f"{table.name}.csv": csv_text(table) for table in tables.values()})


def csv_text(table: Table) -> str:
    """One table as CSV text, as write_csv writes it (the service's figures download too)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.names)
    writer.writerows([_csv_value(row.get(c)) for c in table.names] for row in table.rows)
    return "\ufeff" + buffer.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_value(value: Any) -> Any:
    """Text a spreadsheet would run as a formula (from a hostile PDF, say) gets a leading
    apostrophe; numbers are numbers and are left alone."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _is_number(value):
        return "'" + value
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def write_jsonl(tables: dict[str, Table], target: Path) -> list[Path]:
    files = {}
    for table in tables.values():
        lines = (json.dumps({c: row.get(c) for c in table.names}, ensure_ascii=False) + "\n" for row in table.rows)
        files[f"{table.name}.jsonl"] = "".join(lines)
    return write_folder(target, files)


def write_folder(target: Path, files: dict[str, str]) -> list[Path]:
    """Write the files into a new folder beside target, then put it in target's place: the
    earlier folder is moved aside, the new one renamed in, the earlier one removed. Any
    failure removes the new folder and puts the earlier one back."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{temporary_stem(target.name)}.", suffix=".tmp", dir=target.parent))
    aside: Path | None = None
    try:
        for name, text in files.items():
            with (staging / name).open("w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(staging / name, new_file_mode())
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes 0700; users expect their umask
        if target.exists():
            aside = Path(tempfile.mkdtemp(prefix=f".{temporary_stem(target.name)}.", suffix=".old",
                                          dir=target.parent))
            os.rename(target, aside / "export")
        os.rename(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if aside is not None and (aside / "export").exists() and not target.exists():
            os.rename(aside / "export", target)
        if aside is not None:
            shutil.rmtree(aside, ignore_errors=True)
        raise
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)
    return [target / name for name in files]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
