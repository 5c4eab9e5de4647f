"""Run files through extract -> normalize -> store -> audit.

Workers (lakip.workers) extract and normalise; this process is the only writer of the
database. A bad file never stops the batch: its error lands in `ingest_errors` with the
stage and the reason, and nothing of it is stored. Files already stored (same sha256)
are skipped after hashing, before any parsing. A report and its audit findings are stored
in one transaction. What stops a batch: Ctrl-C or SIGTERM (`Interrupted`), and a database
that can take no more writes (`store.StoreError`, e.g. a full disk).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import stat
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

import duckdb

import normalize
import reports
import store
from extract.errors import LakipError
from lakip import workers
from lakip.workers import WorkSettings
from store import printable

SUFFIXES = {".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".odt"}
#: Office files offices keep beside their PDFs: named in the skip reason.
_OFFICE = {".doc", ".rtf", ".xlsx", ".xls", ".ods"}
#: Why a file in a folder is passed over for its name (the CLI counts these on one line).
NOT_A_REPORT = f"not a report file ({', '.join(sorted(SUFFIXES))}; name it directly to try it anyway)"
#: A text file larger than this is refused before it is read: the longest LAKIP text export seen
#: is well under 1 MB, and a worker's report of it travels to (and is held by) the one writer.
MAX_TEXT_MB = 16
#: Extract in this process, without the time and memory limits (tests, debugging).
IN_PROCESS = WorkSettings(workers=1, timeout_s=3600, memory_mb=65536)
#: Extracts the files to read (with their sha256) somewhere else, e.g. on a Dask cluster (lakip.cluster).
Runner = Callable[[list[Path], dict[Path, str]], Iterable[workers.Outcome]]


class StartError(LakipError):
    """The run cannot start: a path named that is not there, nothing to ingest."""


class CatalogueInvalid(LakipError):
    """The indicator catalogue cannot be loaded (normalize.CatalogueError, as the project's own error)."""


def load_catalogue(directory: Path | None = None) -> normalize.Catalogue:
    try:
        return normalize.load_catalogue(directory)
    except normalize.CatalogueError as e:
        raise CatalogueInvalid(e.path, e.reason, e.fix) from e


class Interrupted(BaseException):
    """Ctrl-C or SIGTERM: the batch stops at once; what was committed stays."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


@dataclass(frozen=True)
class FileResult:
    path: str  # printable (see store.printable)
    status: str  # added, unchanged, replaced, duplicate, failed, skipped, not-report
    satker: str | None = None
    year: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    unmapped: int = 0
    error: str | None = None  # failed: the reason and the fix; skipped: why
    findings: dict[str, int] = field(default_factory=dict)  # by severity
    note: str | None = None  # e.g. the same satker-year already stored from another file
    seconds: float = 0.0
    peak_rss_mb: float = 0.0


@dataclass(frozen=True)
class Skipped:
    path: str  # printable
    reason: str
    failed: bool  # True: a report the user named, or a folder, that could not be read; False: not a report file


@dataclass(frozen=True)
class Found:
    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...] = ()
    missing: tuple[str, ...] = ()  # named, but not there
    named: tuple[str, ...] = ()  # the paths as given (printable)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _not_regular(mode: int) -> str:
    return f"{_kind(mode)}, not a regular file (lakip reads only files: copy it into one)"


def _suffix_reason(path: Path) -> str | None:
    """Why a file found in a folder is not taken as a report (None: it is one)."""
    suffix = path.suffix.lower()
    if path.name.startswith("."):
        return "hidden file"
    if suffix in SUFFIXES:
        return None
    if suffix in _OFFICE:
        return f"{suffix} documents are not read (export the report as PDF, or name the file directly to try it)"
    return NOT_A_REPORT


def discover(paths: Iterable[str | Path]) -> Found:
    """Files to ingest: the regular files named, and report files under the folders named.
    Everything else is listed with its reason; nothing is skipped silently."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    missing: list[str] = []
    named = [Path(p) for p in paths]
    for p in named:
        try:
            mode = os.stat(p).st_mode
        except FileNotFoundError:
            if os.path.lexists(p):
                skipped.append(Skipped(printable(str(p)), "broken or looping symbolic link", True))
            else:
                missing.append(printable(str(p)))
            continue
        except OSError as e:
            skipped.append(Skipped(printable(str(p)), f"cannot read it: {e.strerror or e} (check its permissions)", True))
            continue
        if stat.S_ISDIR(mode):
            _walk(p, files, skipped)
        elif stat.S_ISREG(mode):
            files.append(p)
        else:
            skipped.append(Skipped(printable(str(p)), _not_regular(mode), True))
    return Found(tuple(dict.fromkeys(files)), tuple(skipped), tuple(missing), tuple(printable(str(p)) for p in named))


def _walk(top: Path, files: list[Path], skipped: list[Skipped]) -> None:
    def unreadable(e: OSError) -> None:
        where = printable(str(e.filename or top))
        skipped.append(Skipped(where, f"cannot read the folder: {e.strerror or e} (check its permissions)", True))

    for root, dirs, names in os.walk(top, onerror=unreadable):
        base = Path(root)
        for d in sorted(dirs):
            if d.startswith(".") or (base / d).is_symlink():
                why = (
                    "hidden folder, not searched"
                    if d.startswith(".")
                    else "symbolic link to a folder, not followed (name the folder itself)"
                )
                skipped.append(Skipped(printable(str(base / d)), why, False))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(names):
            f = base / name
            not_report = _suffix_reason(f)
            if not_report is not None:
                skipped.append(Skipped(printable(str(f)), not_report, False))
                continue
            try:
                mode = os.stat(f).st_mode
            except OSError as e:
                reason = "broken or looping symbolic link" if f.is_symlink() else f"cannot read it: {e.strerror or e}"
                skipped.append(Skipped(printable(str(f)), reason, True))
                continue
            if stat.S_ISREG(mode):
                files.append(f)
            else:
                skipped.append(Skipped(printable(str(f)), _not_regular(mode), True))


def _sha(path: Path) -> str:
    """sha256 of a regular file; never blocks on a FIFO or a device that replaced it meanwhile.
    A text file over MAX_TEXT_MB is refused (OSError) without being read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, _not_regular(info.st_mode))
        head = f.read(1024)
        if info.st_size > MAX_TEXT_MB << 20 and b"%PDF-" not in head and not head.startswith(b"PK\x03\x04"):  # PDFs, .docx/.odt
            size = info.st_size / (1 << 20)
            raise OSError(0, f"{size:.0f} MB of text is not one report (a LAKIP export is under 1 MB): split it or check the file")
        f.seek(0)
        h = hashlib.sha256()
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


_RECEIVED: list[int] = []  # signals received during the current batch


@contextlib.contextmanager
def _signals_stop_the_batch() -> Iterator[None]:
    """SIGINT and SIGTERM raise `Interrupted` (DuckDB turns an exception inside a query into its own
    error: `_RECEIVED` tells the two apart)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        _RECEIVED.append(signum)
        raise Interrupted(signum)

    _RECEIVED.clear()
    wanted = [s for s in (signal.SIGINT, signal.SIGTERM) if signal.getsignal(s) is not signal.SIG_IGN]
    old = {s: signal.signal(s, handler) for s in wanted}
    try:
        yield
    finally:
        for s, h in old.items():
            signal.signal(s, h)


def _check_interrupted(e: BaseException) -> None:
    if _RECEIVED:
        raise Interrupted(_RECEIVED[0]) from e


def ingest_paths(
    paths: Iterable[str | Path] | Found,
    db: str | Path,
    force: bool = False,
    on_result: Callable[[FileResult], None] | None = None,
    settings: WorkSettings | None = None,
    in_process: bool = False,
    runner: Runner | None = None,
) -> list[FileResult]:
    """Ingest files and folders into `db`; one FileResult per file (`on_result` also gets one per
    path skipped, status `skipped`). `runner` extracts instead of the local worker pool.

    Raises StartError before anything is written (a path not there, nothing to ingest),
    Interrupted on Ctrl-C/SIGTERM, store.StoreError when the database takes no more writes."""
    found = paths if isinstance(paths, Found) else discover(paths)
    if found.missing:
        raise StartError(found.missing[0], "no such file or folder", "check the path (nothing was ingested)")
    if not found.files and not any(s.failed for s in found.skipped):
        raise StartError(
            ", ".join(found.named) or "(no path)",
            "no report files found",
            f"give {', '.join(sorted(SUFFIXES))} files or folders holding them",
        )  # fmt: skip
    results: list[FileResult] = []

    def done(r: FileResult) -> None:
        if r.status != "skipped":  # paths passed over go to on_result only
            results.append(r)
        if on_result:
            on_result(r)

    with _signals_stop_the_batch():
        try:
            return _run(found, db, force, done, results, settings, in_process, runner)
        except Exception as e:  # DuckDB's "Query interrupted" in any query of the batch is the signal
            _check_interrupted(e)
            raise


def _run(
    found: Found,
    db: str | Path,
    force: bool,
    done: Callable[[FileResult], None],
    results: list[FileResult],
    settings: WorkSettings | None,
    in_process: bool,
    runner: Runner | None = None,
) -> list[FileResult]:
    catalogue = load_catalogue()
    con = store.connect(db)
    try:
        store.load_indicators(con, catalogue)
        for s in found.skipped:
            if s.failed:
                _record(con, db, s.path, None, "extract", s.reason)
            done(FileResult(s.path, "failed" if s.failed else "skipped", error=s.reason))
        pending, hashes = _triage(con, db, found.files, force, done)
        if runner is not None:
            outcomes: Iterable[workers.Outcome] = runner(pending, hashes)
        elif in_process:
            outcomes = (_inline(p) for p in pending)
        else:
            outcomes = workers.run(pending, settings or WorkSettings())
        for out in outcomes:
            done(_store(con, db, out, hashes.get(out.path), force))
        store.checkpoint(con, db)
        return results
    finally:
        with contextlib.suppress(duckdb.Error):
            con.close()


def _triage(
    con: duckdb.DuckDBPyConnection, db: str | Path, files: Iterable[Path], force: bool, done: Callable[[FileResult], None]
) -> tuple[list[Path], dict[Path, str]]:
    """Hash every file; report duplicates and files already stored; return those to extract."""
    pending: list[Path] = []
    hashes: dict[Path, str] = {}
    first_seen: dict[str, Path] = {}
    for path in files:
        name = printable(str(path))
        try:
            sha = _sha(path)
        except OSError as e:
            reason = e.strerror if e.errno == 0 and e.strerror else f"{e.strerror or e} (check the path and its permissions)"
            _record(con, db, name, None, "extract", reason)
            done(FileResult(name, "failed", error=reason))
            continue
        if sha in first_seen:
            done(FileResult(name, "duplicate", note=f"same content as {printable(first_seen[sha].name)}"))
            continue
        first_seen[sha] = path
        known = None if force else store.stored(con, sha)
        if known is not None:
            satker, year, counts, unmapped, findings, audited = known
            note: str | None = None
            if not audited:  # stored by a lakip whose audit ran apart (or was cut off): complete it now
                found = _audit_stored(con, db, store.report_id(sha))
                findings, note = dict(Counter(f.severity for f in found)), "audit completed"
            done(FileResult(name, "unchanged", satker, year, counts, unmapped, findings=findings, note=note))
            continue
        hashes[path] = sha
        pending.append(path)
    return pending, hashes


def _stop_on(db: str | Path, e: Exception) -> None:
    """A write that failed: an interrupt or a database that takes no more writes (disk full)
    stops the batch; anything else returns to the caller to handle or re-raise."""
    _check_interrupted(e)
    fatal = store.write_failure(db, e)
    if fatal is not None:
        raise fatal from e


def _audit_stored(con: duckdb.DuckDBPyConnection, db: str | Path, rid: str) -> list[reports.Finding]:
    try:
        return reports.audit(con, rid)
    except Exception as e:
        _stop_on(db, e)
        raise


def _record(con: duckdb.DuckDBPyConnection, db: str | Path, name: str, sha: str | None, stage: str, reason: str) -> None:
    try:
        store.record_error(con, name, sha, stage, reason)
    except Exception as e:
        _stop_on(db, e)
        raise


def _inline(path: Path) -> workers.Outcome:
    try:
        return workers.Outcome(path, workers.extract_one(path))
    except Exception as e:
        return workers.failed(path, e, IN_PROCESS.memory_mb)


def _store(con: duckdb.DuckDBPyConnection, db: str | Path, out: workers.Outcome, sha: str | None, force: bool) -> FileResult:
    name = printable(str(out.path))
    if out.report is None:
        _record(con, db, name, sha, out.stage or "extract", out.error or "unknown error")
        status = "not-report" if out.not_report else "failed"  # a README beside the reports fails nothing
        return FileResult(name, status, error=out.error, seconds=out.seconds, peak_rss_mb=out.peak_rss_mb)
    report = out.report
    doc = report.document
    rid = store.report_id(doc.sha256)
    found: list[reports.Finding] = []

    def audit(c: duckdb.DuckDBPyConnection, report_id: str) -> None:
        found.extend(reports.audit(c, report_id, transaction=False))

    try:
        status = store.ingest(con, report, force=force, then=audit)
    except Exception as e:
        _stop_on(db, e)
        reason = " ".join(f"{type(e).__name__}: {e}".split())
        _record(con, db, name, sha, "store" if not found else "audit", reason)
        return FileResult(name, "failed", error=reason)
    counts: Counter[str] = Counter(m.row.table_kind for m in report.rows)
    severities: Counter[str] = Counter(f.severity for f in found)
    return FileResult(
        name, status, doc.metadata.satker, doc.metadata.year, dict(counts), len(report.unmapped), findings=dict(severities),
        note=_notes(con, report, rid), seconds=out.seconds, peak_rss_mb=out.peak_rss_mb,
    )  # fmt: skip


def _notes(con: duckdb.DuckDBPyConnection, report: normalize.NormalizedReport, rid: str) -> str | None:
    doc = report.document
    notes = []
    if "replaced" in doc.encoding:
        notes.append(f"warning: text {doc.encoding}")
    others = store.same_satker_year(con, rid)
    if not report.rows:
        notes.append("info: no performance table recognised; stored with zero rows")
        with_rows = [o for o in others if o[1]]
        if with_rows:
            notes.append(f"comparisons keep {', '.join(o[0] for o in with_rows)} for {doc.metadata.satker} {doc.metadata.year}")
    if others:
        notes.append(f"{doc.metadata.satker} {doc.metadata.year} also stored from {', '.join(o[0] for o in others)}")
    return "; ".join(notes) or None
