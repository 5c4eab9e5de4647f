"""Per-document results as Parquet files, and `lakip load`: merging them into DuckDB.

One file per document under an output location (a folder, or an fsspec URL such as
s3://bucket/lakip), named by the document's sha256: `<sha>.parquet` for a report read,
`<sha>.failed.parquet` for a file that failed (timeout, crash, out of memory, unreadable).
Each file holds one row. The columns DuckDB can query directly are the header (path, status,
satker, year, counts, timings) and `measurements`, the report's rows as JSON text, exactly the
records `store` writes. The authoritative payload is `outcome`: the pickled `workers.Outcome`,
the same result type the local pool returns; `load` stores it with the same code as the local
ingest (`pipeline._store`: report, rows and findings in one transaction). Pickles run code when
read: load only folders your own lakip runs wrote.

A file is written under a hidden temporary name and then renamed, so a reader (or a resumed run)
never sees half of one. pyarrow and fsspec are imported here only, when a result is written or read.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

import store
from extract.errors import LakipError
from lakip import __version__
from lakip.pipeline import FileResult, _check_interrupted, _signals_stop_the_batch, _store, load_catalogue
from lakip.workers import Outcome
from store import printable
from store.records import records

SUFFIX = ".parquet"
FAILED = ".failed" + SUFFIX
_COLUMNS = (
    ("sha256", "string"), ("source_path", "string"), ("status", "string"), ("stage", "string"), ("error", "string"),
    ("satker", "string"), ("year", "int32"), ("input_kind", "string"), ("pages", "int32"), ("n_rows", "int32"),
    ("n_unmapped", "int32"), ("seconds", "float64"), ("peak_rss_mb", "float64"), ("finished_at", "timestamp"),
    ("lakip_version", "string"), ("measurements", "string"), ("outcome", "binary"),
)  # fmt: skip


class ResultsError(LakipError):
    """The Parquet output location cannot be read or written, or holds a file lakip cannot read."""


def _schema() -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int32": pa.int32(), "float64": pa.float64(), "timestamp": pa.timestamp("us"), "binary": pa.binary()}
    return pa.schema([(name, types[kind]) for name, kind in _COLUMNS])


def _fs(location: str) -> tuple[Any, str]:
    from fsspec.core import url_to_fs

    try:
        fs, root = url_to_fs(location)
    except (ImportError, ValueError) as e:  # an unknown protocol, or its package (s3fs, gcsfs) missing
        raise ResultsError(location, f"cannot use this location ({e})", "give a folder, or install the fsspec package for the URL") from e
    return fs, str(root).rstrip("/")


def key(sha: str | None, name: str) -> str:
    """A document's file name stem: its sha256; a file that could not even be hashed, by its path's."""
    return sha or "path-" + hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()


def row(out: Outcome, sha: str | None) -> dict[str, Any]:
    """The Parquet row for one Outcome."""
    name = printable(str(out.path))
    r: dict[str, Any] = {c: None for c, _ in _COLUMNS}
    r |= {"sha256": sha, "source_path": name, "status": "ok" if out.report is not None else "failed", "stage": out.stage}
    r |= {"error": out.error, "seconds": out.seconds, "peak_rss_mb": out.peak_rss_mb, "lakip_version": __version__}
    r |= {"finished_at": datetime.now(UTC).replace(tzinfo=None), "outcome": pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL)}
    if out.report is not None:
        doc, meas = out.report.document, records(out.report)["measurements"]
        r |= {"satker": doc.metadata.satker, "year": doc.metadata.year, "input_kind": doc.input_kind, "pages": doc.pages}
        r |= {"n_rows": len(meas), "n_unmapped": len(out.report.unmapped), "measurements": json.dumps(meas, default=str)}
    return r


def write(location: str, out: Outcome, sha: str | None) -> str:
    """Write one document's result atomically; return its path. A report read replaces the
    document's earlier failure, so a folder holds the latest of the two."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, root = _fs(location)
    stem = key(sha, printable(str(out.path)))
    final = f"{root}/{stem}{SUFFIX if out.report is not None else FAILED}"
    tmp = f"{root}/.{stem}.{uuid.uuid4().hex}.tmp"
    try:
        fs.makedirs(root, exist_ok=True)
        with fs.open(tmp, "wb") as f:
            pq.write_table(pa.Table.from_pylist([row(out, sha)], schema=_schema()), f)
        fs.mv(tmp, final)
        if out.report is not None and fs.exists(f"{root}/{stem}{FAILED}"):
            fs.rm(f"{root}/{stem}{FAILED}")
    except OSError as e:
        raise ResultsError(location, f"cannot write results ({e})", "check the output location (free space, permissions)") from e
    return final


def names(location: str) -> set[str]:
    """The result files there (names only); an empty set when the location does not exist yet."""
    fs, root = _fs(location)
    try:
        return {str(p).rsplit("/", 1)[-1] for p in fs.ls(root, detail=False)}
    except FileNotFoundError:
        return set()


def read(location: str, name: str) -> tuple[Outcome, str | None]:
    """The Outcome stored in one result file (`name` as `names` gives it), and the document's sha256."""
    import pyarrow.parquet as pq

    fs, root = _fs(location)
    path = f"{root}/{name}"
    try:
        with fs.open(path, "rb") as f:
            got = pq.read_table(f, columns=["sha256", "outcome"]).to_pylist()[0]
        out = pickle.loads(got["outcome"])
    except Exception as e:  # a damaged file, or one pickled by a lakip whose classes have changed
        raise ResultsError(path, f"not a lakip result file ({type(e).__name__}: {e})", "delete it and ingest its document again") from e
    if not isinstance(out, Outcome):
        raise ResultsError(path, "not a lakip result file (no Outcome in it)", "delete it and ingest its document again")
    return out, got["sha256"]


@dataclass(frozen=True)
class _Entry:
    name: str
    finished_at: datetime


def entries(location: str) -> list[_Entry]:
    """The result files, oldest first: a later result for the same source path wins, as in reruns."""
    import pyarrow.parquet as pq

    fs, root = _fs(location)
    found = []
    for name in sorted(names(location)):
        if not name.endswith(SUFFIX) or name.startswith("."):
            continue
        path = f"{root}/{name}"
        try:
            with fs.open(path, "rb") as f:
                at = pq.read_table(f, columns=["finished_at"]).column(0)[0].as_py()
        except Exception as e:
            raise ResultsError(path, f"not a lakip result file ({type(e).__name__}: {e})", "delete it and ingest its document again") from e
        found.append(_Entry(name, at))
    return sorted(found, key=lambda e: (e.finished_at, e.name))


def _recorded(con: duckdb.DuckDBPyConnection, out: Outcome, sha: str | None) -> bool:
    """The same failure is already in ingest_errors (a reload changes nothing, not even its time)."""
    hit = con.execute(
        "SELECT 1 FROM ingest_errors WHERE source_path = ? AND sha256 IS NOT DISTINCT FROM ? AND stage = ? AND error = ?",
        [printable(str(out.path)), sha, out.stage or "extract", printable(out.error or "unknown error")],
    ).fetchone()
    return hit is not None


def load(location: str, db: str, on_result: Callable[[FileResult], None] | None = None) -> list[FileResult]:
    """Merge a results folder into `db`: each report (with its findings) in one transaction, each
    failure as an ingest_errors row; a report already stored is `unchanged`, a changed file
    replaces its earlier report. Raises Interrupted on Ctrl-C/SIGTERM, like ingest."""
    found = entries(location)
    if not found:
        raise ResultsError(location, "no result files here", "give the folder `lakip ingest --scheduler ... --parquet DIR` wrote")
    results: list[FileResult] = []
    with _signals_stop_the_batch():
        try:
            for r in _merge(found, location, db):
                results.append(r)
                if on_result:
                    on_result(r)
        except Exception as e:  # DuckDB's "Query interrupted" is the signal
            _check_interrupted(e)
            raise
    return results


def _merge(found: list[_Entry], location: str, db: str) -> Iterator[FileResult]:
    con = store.connect(db)
    try:
        store.load_indicators(con, load_catalogue())
        for entry in found:
            out, sha = read(location, entry.name)
            name = printable(str(out.path))
            if out.report is None and _recorded(con, out, sha):
                yield FileResult(name, "failed", error=out.error, note="already recorded")
                continue
            known = store.stored(con, sha) if sha and out.report is not None else None
            if known is not None and known[5]:  # stored and audited: what is stored is what this result holds
                satker, year, counts, unmapped, findings, _ = known
                yield FileResult(name, "unchanged", satker, year, counts, unmapped, findings=findings)
                continue
            yield _store(con, db, out, sha, False)
        store.checkpoint(con, db)
    finally:
        con.close()


__all__ = ["FAILED", "SUFFIX", "ResultsError", "entries", "key", "load", "names", "read", "row", "write"]
