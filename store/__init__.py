"""Stage 3: store normalised reports in DuckDB, one transaction per report.

    >>> con = store.connect("lakip.duckdb")
    >>> store.ingest(con, report)          # 'added' | 'unchanged' | 'replaced'

Identity is the file's content hash: the same bytes twice store nothing new; a
changed file at the same path replaces its earlier version's rows in the same
transaction, so a reader never sees half a report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import duckdb
import pandas as pd

from normalize import Catalogue, NormalizedReport
from store.records import records, report_id
from store.schema import TABLES, ddl

__all__ = ["StoreError", "connect", "ingest", "load_indicators", "record_error", "report_id", "same_satker_year", "stored"]

Status = Literal["added", "unchanged", "replaced"]
_PER_REPORT = ("measurements", "history", "claims", "tables", "lines", "findings")


class StoreError(Exception):
    def __init__(self, path: str, reason: str, fix: str) -> None:
        super().__init__(f"{path}: {reason} ({fix})")
        self.path, self.reason, self.fix = path, reason, fix


def connect(path: str | Path) -> duckdb.DuckDBPyConnection:
    try:
        con = duckdb.connect(str(path))
    except duckdb.IOException as e:
        raise StoreError(
            str(path), f"cannot open the database: {str(e).splitlines()[0]}", "close the other lakip/duckdb process using it"
        ) from e
    con.execute(ddl())
    _upgrade(con)
    return con


def _upgrade(con: duckdb.DuckDBPyConnection) -> None:
    """Columns added since a database was created are added to it (nullable, so the reports
    already stored keep their rows)."""
    have = set(con.execute("SELECT table_name, column_name FROM information_schema.columns").fetchall())
    for table in TABLES:
        for col in table.columns:
            if (table.name, col.name) not in have:
                con.execute(f'ALTER TABLE "{table.name}" ADD COLUMN "{col.name}" {col.type.split()[0]}')


def _columns(table: str) -> list[str]:
    return [c.name for c in next(t for t in TABLES if t.name == table).columns]


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[Mapping[str, object]]) -> None:
    if not rows:
        return
    cols = _columns(table)
    frame = pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)
    con.register("_incoming", frame)
    try:
        quoted = ", ".join(f'"{c}"' for c in cols)
        con.execute(f'INSERT INTO "{table}" ({quoted}) SELECT {quoted} FROM _incoming')
    finally:
        con.unregister("_incoming")


def _delete_report(con: duckdb.DuckDBPyConnection, rid: str) -> None:
    for t in (*_PER_REPORT, "reports"):
        con.execute(f'DELETE FROM "{t}" WHERE report_id = ?', [rid])


def ingest(con: duckdb.DuckDBPyConnection, report: NormalizedReport, force: bool = False) -> Status:
    """Store one report atomically; return what happened."""
    doc = report.document
    rid = report_id(doc.sha256)
    exists = con.execute("SELECT 1 FROM reports WHERE report_id = ?", [rid]).fetchone()
    if exists and not force:
        return "unchanged"
    recs = records(report)
    recs["reports"][0]["ingested_at"] = datetime.now(UTC).replace(tzinfo=None)
    earlier = [
        r[0] for r in con.execute("SELECT report_id FROM reports WHERE source_path = ? AND report_id <> ?", [doc.path, rid]).fetchall()
    ]
    con.execute("BEGIN TRANSACTION")
    try:
        for old in [*earlier, rid]:
            _delete_report(con, old)
        for table in ("reports", "measurements", "history", "claims", "tables", "lines"):
            _insert(con, table, recs[table])
        con.execute("DELETE FROM ingest_errors WHERE source_path = ?", [doc.path])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return "replaced" if (earlier or exists) else "added"


def stored(con: duckdb.DuckDBPyConnection, sha256: str) -> tuple[str | None, int | None, dict[str, int], int, dict[str, int]] | None:
    """What is stored for a file with this hash (satker, year, rows per kind, unmapped, findings by severity), or None."""
    rid = report_id(sha256)
    head = con.execute("SELECT satker, year FROM reports WHERE report_id = ?", [rid]).fetchone()
    if head is None:
        return None
    counts = dict(con.execute("SELECT table_kind, count(*) FROM measurements WHERE report_id = ? GROUP BY 1", [rid]).fetchall())
    unmapped = con.execute("SELECT count(*) FROM measurements WHERE report_id = ? AND indicator_id IS NULL", [rid]).fetchone()
    findings = dict(con.execute("SELECT severity, count(*) FROM findings WHERE report_id = ? GROUP BY 1", [rid]).fetchall())
    return head[0], head[1], counts, int(unmapped[0]) if unmapped else 0, findings


def same_satker_year(con: duckdb.DuckDBPyConnection, rid: str) -> list[str]:
    """Other stored files that claim the same satker and year as report `rid` (a duplicate to report)."""
    rows = con.execute(
        """SELECT o.source_path FROM reports r JOIN reports o
           ON o.satker = r.satker AND o.year = r.year AND o.report_id <> r.report_id
           WHERE r.report_id = ? ORDER BY 1""",
        [rid],
    ).fetchall()
    return [str(r[0]) for r in rows]


def record_error(con: duckdb.DuckDBPyConnection, path: str, sha256: str | None, stage: str, error: str) -> None:
    con.execute("DELETE FROM ingest_errors WHERE source_path = ?", [path])
    con.execute(
        'INSERT INTO ingest_errors (source_path, sha256, stage, error, "at") VALUES (?, ?, ?, ?, ?)',
        [path, sha256, stage, error, datetime.now(UTC).replace(tzinfo=None)],
    )


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
    except Exception:
        con.execute("ROLLBACK")
        raise
