"""Stage 3: store normalised reports in DuckDB, one transaction per report.

    >>> con = store.connect("lakip.duckdb")
    >>> store.ingest(con, report)          # 'added' | 'unchanged' | 'replaced'

Identity is the file's content hash: the same bytes twice store nothing new; a
changed file at the same path replaces its earlier version's rows in the same
transaction, so a reader never sees half a report.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from extract.errors import LakipError
from normalize import Catalogue, NormalizedReport
from store.records import printable, records, report_id
from store.schema import RENAMED, SCHEMA_VERSION, TABLES, table_ddl, view_ddl
from store.sql import ident, placeholders

__all__ = [
    "StaleReport", "StorageFull", "StoreError", "checkpoint", "connect", "ident", "ingest", "load_indicators", "placeholders", "printable",
    "record_error", "report_id", "same_satker_year", "stored", "write_failure",
]  # fmt: skip

Status = Literal["added", "unchanged", "replaced"]
_PER_REPORT = ("measurements", "history", "claims", "tables", "lines", "cells", "mentions", "sentences", "scale_bands", "findings")
_WRITTEN = ("reports", "measurements", "history", "claims", "tables", "lines", "cells", "mentions", "sentences", "scale_bands")


class StoreError(LakipError):
    """The database cannot be opened, read or written."""


class StaleReport(StoreError):
    """A report stored by an older lakip, without the typed evidence the audit reads."""


class StorageFull(StoreError):
    """The disk holding the database is full (or the file hit its size limit): nothing more can be stored."""


_FULL = ("no space left", "file too large", "disk quota", "not enough space")
_LOCKED = "could not set lock"


def _is_full(e: BaseException) -> bool:
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return True
    return any(s in str(e).lower() for s in _FULL)


def _first_line(e: BaseException) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


def write_failure(path: str | Path, e: BaseException) -> StoreError | None:
    """The StoreError that stops a batch, when `e` says the database can take no more writes."""
    if _is_full(e):
        return StorageFull(
            str(path), f"no room to write the database ({_first_line(e)})",
            "free space on its disk (or give --db on another disk) and run the same command again: "
            "reports already stored are complete, the rest are read again",
        )  # fmt: skip
    if "invalidated" in str(e).lower() or isinstance(e, duckdb.FatalException):
        return StoreError(str(path), f"the database stopped taking writes ({_first_line(e)})", "run the same command again")
    return None


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the database. `read_only`: it must exist, nothing is written (other readers may hold it too)."""
    name = str(path)
    memory = name == ":memory:"
    if not memory and read_only and not Path(name).is_file():
        raise StoreError(name, "no database here", "check --db, or create one with `lakip ingest FILES --db FILE`")
    if not memory and not read_only and not Path(name).parent.is_dir():
        raise StoreError(name, f"the folder {Path(name).parent} does not exist", "create it, or give --db a file in an existing folder")
    try:
        con = duckdb.connect(name, read_only=read_only)
    except duckdb.Error as e:
        if _LOCKED in str(e).lower():
            fix = "wait for the lakip run writing it to end, or close the DuckDB session holding it, then retry"
            raise StoreError(name, "the database is in use by another process", fix) from e
        raise StoreError(name, f"cannot open the database ({_first_line(e)})", "check that it is a lakip DuckDB file you may read") from e
    if read_only:
        _check_current(con, name)
        return con
    try:
        con.execute(table_ddl())
        _upgrade(con)
        con.execute(view_ddl())
    except duckdb.Error as e:
        con.close()
        raise write_failure(name, e) or StoreError(name, f"not a lakip database ({_first_line(e)})", "give another --db") from e
    return con


def _check_current(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """A read-only connection cannot add columns: an older database must be upgraded once by a writer."""
    have = set(con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall())
    missing = [f"{t.name}.{c.name}" for t in TABLES for c in t.columns if (t.name, c.name) not in have]
    if missing:
        con.close()
        raise StoreError(
            name, f"written by an older lakip (no column {', '.join(missing[:3])})",
            f"run `lakip renormalize --db {name}` once to bring it up to date; `lakip ingest` of their files reads its older reports again",
        )  # fmt: skip


def _upgrade(con: duckdb.DuckDBPyConnection) -> None:
    """Columns added since a database was created are added to it (nullable, so the reports
    already stored keep their rows)."""
    have = set(con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall())
    for (table_name, old), new in RENAMED.items():
        if (table_name, old) in have and (table_name, new) not in have:
            con.execute(f"ALTER TABLE {ident(table_name)} RENAME COLUMN {ident(old)} TO {ident(new)}")
            have = (have - {(table_name, old)}) | {(table_name, new)}
    for table in TABLES:
        for col in table.columns:
            if (table.name, col.name) not in have:
                con.execute(f"ALTER TABLE {ident(table.name)} ADD COLUMN {ident(col.name)} {ident(col.type.split()[0], quote=False)}")


def _columns(table: str) -> list[str]:
    return [c.name for c in next(t for t in TABLES if t.name == table).columns]


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Mapping[str, object]]) -> None:
    if not rows:
        return
    cols = _columns(table)
    frame = pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)
    con.register("_incoming", frame)
    try:
        con.execute(f"INSERT INTO {ident(table)} ({', '.join(map(ident, cols))}) SELECT {', '.join(map(ident, cols))} FROM _incoming")
    finally:
        con.unregister("_incoming")


def _delete_report(con: duckdb.DuckDBPyConnection, rid: str) -> None:
    for t in (*_PER_REPORT, "reports"):
        con.execute(f"DELETE FROM {ident(t)} WHERE report_id = ?", [rid])


def ingest(
    con: duckdb.DuckDBPyConnection,
    report: NormalizedReport,
    force: bool = False,
    then: Callable[[duckdb.DuckDBPyConnection, str], object] | None = None,
) -> Status:
    """Store one report atomically; return what happened. `then(con, report_id)` runs inside the
    same transaction (the audit: a report is never stored without its findings)."""
    doc = report.document
    rid = report_id(doc.sha256)
    exists = con.execute("SELECT coalesce(schema_version, 0) >= ? FROM reports WHERE report_id = ?", [SCHEMA_VERSION, rid]).fetchone()
    if exists and exists[0] and not force:  # stored with an older layout: read again (same hash, one transaction)
        return "unchanged"
    recs = records(report)
    recs["reports"][0]["ingested_at"] = datetime.now(UTC).replace(tzinfo=None)
    source = recs["reports"][0]["source_path"]
    earlier = [
        r[0] for r in con.execute("SELECT report_id FROM reports WHERE source_path = ? AND report_id <> ?", [source, rid]).fetchall()
    ]
    con.execute("BEGIN TRANSACTION")
    try:
        for old in [*earlier, rid]:
            _delete_report(con, old)
        for table in _WRITTEN:
            _insert(con, table, recs[table])
        con.execute("DELETE FROM ingest_errors WHERE source_path = ?", [source])
        if then is not None:
            then(con, rid)
        con.execute("COMMIT")
    except BaseException:
        # DuckDB may have ended the transaction itself (a failed write): the error that matters is the first one
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    return "replaced" if (earlier or exists) else "added"


def checkpoint(con: duckdb.DuckDBPyConnection, path: str | Path) -> None:
    """Write the log into the database file now, so a full disk is reported here and not lost at close."""
    try:
        con.execute("CHECKPOINT")
    except duckdb.Error as e:
        raise write_failure(path, e) or StoreError(str(path), f"could not write the database ({_first_line(e)})", "run again") from e


Stored = tuple[str | None, int | None, dict[str, int], int, dict[str, int], bool]


def stored(con: duckdb.DuckDBPyConnection, sha256: str) -> Stored | None:
    """What is stored for a file with this hash (satker, year, rows per kind, unmapped, findings by
    severity, whether its audit is stored), or None (also when an older lakip stored it: read it again)."""
    rid = report_id(sha256)
    head = con.execute(
        "SELECT satker, year, audited_at IS NOT NULL, coalesce(schema_version, 0) FROM reports WHERE report_id = ?", [rid]
    ).fetchone()
    if head is None or head[3] < SCHEMA_VERSION:
        return None
    counts = dict(con.execute("SELECT table_kind, count(*) FROM measurements WHERE report_id = ? GROUP BY 1", [rid]).fetchall())
    unmapped = con.execute("SELECT count(*) FROM measurements WHERE report_id = ? AND indicator_id IS NULL", [rid]).fetchone()
    findings = dict(con.execute("SELECT severity, count(*) FROM findings WHERE report_id = ? GROUP BY 1", [rid]).fetchall())
    return head[0], head[1], counts, int(unmapped[0]) if unmapped else 0, findings, bool(head[2])


def same_satker_year(con: duckdb.DuckDBPyConnection, rid: str) -> list[tuple[str, int]]:
    """Other stored files that claim the same satker and year as report `rid` (a duplicate to
    report), each with its number of performance rows."""
    rows = con.execute(
        """SELECT o.source_path, (SELECT count(*) FROM measurements m WHERE m.report_id = o.report_id)
           FROM reports r JOIN reports o
           ON o.satker = r.satker AND o.year = r.year AND o.report_id <> r.report_id
           WHERE r.report_id = ? ORDER BY 1""",
        [rid],
    ).fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]


def record_error(con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, stage: str, error: str) -> None:
    path, error = printable(path), printable(error)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM ingest_errors WHERE source_path = ?", [path])
        con.execute(
            'INSERT INTO ingest_errors (source_path, sha256, stage, error, "at") VALUES (?, ?, ?, ?, ?)',
            [path, sha256, stage, error, datetime.now(UTC).replace(tzinfo=None)],
        )
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise


def load_indicators(con: duckdb.DuckDBPyConnection, catalogue: Catalogue) -> None:
    rows = [
        {
            "indicator_id": i.indicator_id,
            "name": i.name,
            "kind": i.kind,
            "sasaran": i.sasaran,
            "unit_kind": i.unit_kind,
            "polarity": i.polarity,
            "uncertain": i.uncertain,
            "source": i.source,
        }
        for i in catalogue.indicators
    ]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM indicators")
        _insert(con, "indicators", rows)
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
