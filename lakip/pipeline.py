"""Run files through extract -> normalize -> store, one report at a time.

A bad file never stops the batch: its error lands in `ingest_errors` with the
stage and the reason, and nothing of it is stored.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import extract
import normalize
import reports
import store

SUFFIXES = {".txt", ".text", ".md", ".markdown", ".pdf"}


@dataclass(frozen=True)
class FileResult:
    path: str
    status: str  # added, unchanged, replaced, failed
    satker: str | None = None
    year: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    unmapped: int = 0
    error: str | None = None
    findings: dict[str, int] = field(default_factory=dict)  # by severity


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files to ingest: the files named, and report files under the folders named."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith("."))
        else:
            found.append(p)
    return list(dict.fromkeys(found))


def ingest_paths(
    paths: Iterable[str | Path],
    db: str | Path,
    force: bool = False,
    on_result: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    catalogue = normalize.load_catalogue()
    matcher = normalize.Matcher(catalogue)
    con = store.connect(db)
    try:
        store.load_indicators(con, catalogue)
        results = []
        for path in discover(paths):
            result = _one(con, path, matcher, force)
            results.append(result)
            if on_result:
                on_result(result)
        return results
    finally:
        con.close()


def _one(con: object, path: Path, matcher: normalize.Matcher, force: bool) -> FileResult:
    name = str(path)
    stage, sha = "extract", None
    try:
        sha = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
        if sha and not force and (known := store.stored(con, sha)) is not None:  # type: ignore[arg-type]
            return FileResult(name, "unchanged", known[0], known[1], known[2], known[3], findings=known[4])
        doc = extract.read_document(path)
        stage = "normalize"
        report = normalize.normalize(doc, matcher=matcher)
        stage = "store"
        status = store.ingest(con, report, force=force)  # type: ignore[arg-type]
        stage = "audit"
        findings = reports.audit(con, store.report_id(doc.sha256))  # type: ignore[arg-type]
    except extract.LakipError as e:
        store.record_error(con, name, sha, stage, f"{e.reason} ({e.fix})")  # type: ignore[arg-type]
        return FileResult(name, "failed", error=f"{e.reason} ({e.fix})")
    except Exception as e:
        reason = f"{type(e).__name__}: {e} (a lakip bug: report it with the file)"
        store.record_error(con, name, sha, stage, reason)  # type: ignore[arg-type]
        return FileResult(name, "failed", error=reason)
    counts: Counter[str] = Counter(m.row.table_kind for m in report.rows)
    severities: Counter[str] = Counter(f.severity for f in findings)
    return FileResult(name, status, doc.metadata.satker, doc.metadata.year, dict(counts), len(report.unmapped), findings=dict(severities))
