"""Run files through extract -> normalize -> store -> audit.

Workers (lakip.workers) extract and normalise; this process is the only writer of the
database. A bad file never stops the batch: its error lands in `ingest_errors` with the
stage and the reason, and nothing of it is stored. Files already stored (same sha256)
are skipped after hashing, before any parsing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

import extract
import normalize
import reports
import store
from lakip import workers
from lakip.workers import WorkSettings

SUFFIXES = {".txt", ".text", ".md", ".markdown", ".pdf"}
#: Extract in this process, without the time and memory limits (tests, debugging).
IN_PROCESS = WorkSettings(workers=1, timeout_s=3600, memory_mb=65536)


@dataclass(frozen=True)
class FileResult:
    path: str
    status: str  # added, unchanged, replaced, duplicate, failed
    satker: str | None = None
    year: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    unmapped: int = 0
    error: str | None = None
    findings: dict[str, int] = field(default_factory=dict)  # by severity
    note: str | None = None  # e.g. the same satker-year already stored from another file
    seconds: float = 0.0
    peak_rss_mb: float = 0.0


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files to ingest: the files named, and report files under the folders named."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."))
        else:
            found.append(p)
    return list(dict.fromkeys(found))


def _sha(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def ingest_paths(
    paths: Iterable[str | Path],
    db: str | Path,
    force: bool = False,
    on_result: Callable[[FileResult], None] | None = None,
    settings: WorkSettings | None = None,
    in_process: bool = False,
) -> list[FileResult]:
    catalogue = normalize.load_catalogue()
    con = store.connect(db)
    results: list[FileResult] = []

    def done(r: FileResult) -> None:
        results.append(r)
        if on_result:
            on_result(r)

    try:
        store.load_indicators(con, catalogue)
        pending: list[Path] = []
        hashes: dict[Path, str] = {}
        first_seen: dict[str, Path] = {}
        for path in discover(paths):
            try:
                sha = _sha(path)
            except OSError as e:
                reason = f"{e.strerror or e} (check the path and its permissions)"
                store.record_error(con, str(path), None, "extract", reason)
                done(FileResult(str(path), "failed", error=reason))
                continue
            if sha in first_seen:
                done(FileResult(str(path), "duplicate", note=f"same content as {first_seen[sha].name}"))
                continue
            first_seen[sha] = path
            known = None if force else store.stored(con, sha)
            if known is not None:
                done(FileResult(str(path), "unchanged", known[0], known[1], known[2], known[3], findings=known[4]))
                continue
            hashes[path] = sha
            pending.append(path)
        if in_process:
            outcomes: Iterable[workers.Outcome] = (_inline(p) for p in pending)
        else:
            outcomes = workers.run(pending, settings or WorkSettings())
        for out in outcomes:
            done(_store(con, out, hashes.get(out.path), force))
        return results
    finally:
        con.close()


def _inline(path: Path) -> workers.Outcome:
    try:
        return workers.Outcome(path, workers.extract_one(path))
    except extract.LakipError as e:
        return workers.Outcome(path, None, "extract", f"{e.reason} ({e.fix})")
    except Exception as e:
        return workers.Outcome(path, None, "extract", f"{type(e).__name__}: {e} (a lakip bug: report it with the file)")


def _store(con: duckdb.DuckDBPyConnection, out: workers.Outcome, sha: str | None, force: bool) -> FileResult:
    name = str(out.path)
    if out.report is None:
        store.record_error(con, name, sha, out.stage or "extract", out.error or "unknown error")
        return FileResult(name, "failed", error=out.error, seconds=out.seconds, peak_rss_mb=out.peak_rss_mb)
    report = out.report
    doc = report.document
    stage = "store"
    try:
        status = store.ingest(con, report, force=force)
        stage = "audit"
        findings = reports.audit(con, store.report_id(doc.sha256))
    except Exception as e:
        reason = f"{type(e).__name__}: {e}"
        store.record_error(con, name, sha, stage, reason)
        return FileResult(name, "failed", error=reason)
    counts: Counter[str] = Counter(m.row.table_kind for m in report.rows)
    severities: Counter[str] = Counter(f.severity for f in findings)
    others = store.same_satker_year(con, store.report_id(doc.sha256))
    notes = []
    if not report.rows:
        notes.append("info: no performance table recognised; stored with zero rows")
    if others:
        notes.append(f"{doc.metadata.satker} {doc.metadata.year} also stored from {', '.join(others)}")
    note = "; ".join(notes) or None
    return FileResult(
        name, status, doc.metadata.satker, doc.metadata.year, dict(counts), len(report.unmapped), findings=dict(severities),
        note=note, seconds=out.seconds, peak_rss_mb=out.peak_rss_mb,
    )  # fmt: skip
