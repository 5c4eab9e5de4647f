"""Extraction in worker processes, each file under a time limit and a memory cap.

The parent owns DuckDB (one writer); workers only read files and return normalised
reports. A worker that hangs past the timeout is killed, one that crashes or runs out
of memory dies on its own; either way the parent records the file's error, starts a
fresh worker and the batch goes on. Workers ignore Ctrl-C (the parent decides) and die
with the parent, however it ends.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import resource
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from extract.errors import LakipError, NotAReport

#: Address space a worker needs for a scanned seed report (OpenCV, OpenBLAS and tesseract's
#: threads): measured 700 MB; below this every scan fails.
MIN_MEMORY_MB = 768
MAX_WORKERS = 256


class SettingsError(LakipError):
    """An option out of its range."""


@dataclass(frozen=True)
class WorkSettings:
    workers: int = max(1, os.cpu_count() or 1)
    timeout_s: float = 900.0  # per file (a 150-page scan takes minutes of OCR)
    memory_mb: int = 2048  # address-space cap per worker (RLIMIT_AS)

    def __post_init__(self) -> None:
        cores = os.cpu_count() or 1
        if not 1 <= self.workers <= MAX_WORKERS:
            raise SettingsError(
                f"--workers {self.workers}", f"must be 1 to {MAX_WORKERS}", f"give --workers {cores} (this machine's cores)"
            )
        if not self.timeout_s > 0:
            raise SettingsError(f"--timeout {self.timeout_s:g}", "must be more than 0 seconds", "give e.g. --timeout 900 (the default)")
        if self.memory_mb < MIN_MEMORY_MB:
            raise SettingsError(
                f"--memory-mb {self.memory_mb}",
                f"too little for one report: a scanned report needs about 700 MB, so at least {MIN_MEMORY_MB}",
                "give --memory-mb 2048 (the default) or more",
            )  # fmt: skip


@dataclass(frozen=True)
class Outcome:
    path: Path
    report: Any | None  # normalize.NormalizedReport
    stage: str | None = None
    error: str | None = None
    seconds: float = 0.0
    peak_rss_mb: float = 0.0  # of the worker, after this file
    not_report: bool = False  # it read, and is no performance report: listed, not a failure


_MATCHER: Any = None


def extract_one(path: Path, ocr_workers: int = 0) -> Any:
    """Read and normalise one file (in whichever process calls it); `ocr_workers` parallel
    tesseract runs for a scan (0: one per core)."""
    import extract
    import normalize

    global _MATCHER
    if _MATCHER is None:  # built once per worker
        _MATCHER = normalize.Matcher(normalize.load_catalogue())
    return normalize.normalize(extract.read_document(path, extract.ExtractSettings(ocr_workers=ocr_workers)), matcher=_MATCHER)


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> None:
    """End this worker when the parent ends, even by kill -9 (Linux: the kernel sends SIGKILL;
    elsewhere a watcher thread notices the parent is gone)."""
    armed = False
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            armed = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) == 0
    if os.getppid() != parent:  # the parent died before the kernel was told
        os._exit(1)
    if not armed:

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()


_OUT_OF_MEMORY = ("insufficient memory", "failed to allocate", "failed to map segment", "can't start new thread", "cannot allocate memory")


def failed(path: Path, e: BaseException, memory_mb: int) -> Outcome:
    """The Outcome of a file whose extraction raised `e`."""
    return Outcome(path, None, "extract", failure_reason(e, memory_mb), not_report=isinstance(e, NotAReport))


def failure_reason(e: BaseException, memory_mb: int) -> str:
    """One line for a file whose extraction raised `e`."""
    if isinstance(e, LakipError):
        return " ".join(f"{e.reason} ({e.fix})".split())
    text = " ".join(str(e).split())
    if isinstance(e, MemoryError) or any(s in text.lower() for s in _OUT_OF_MEMORY):
        return f"out of memory (over {memory_mb} MB; raise --memory-mb or split the file)"
    if isinstance(e, RecursionError):
        return "structure nested too deeply to read (damaged or hostile file)"
    return f"{type(e).__name__}: {text[:300]} (a lakip bug: report it with the file)"


def _worker(conn: Connection, memory_mb: int, ocr_workers: int, parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides
    _die_with(parent)
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    while True:
        path = conn.recv()
        if path is None:
            return
        start = time.perf_counter()
        if os.environ.get("LAKIP_TEST_HANG") == str(path):  # test hook: a file that never finishes
            time.sleep(3600)
        try:
            report = extract_one(path, ocr_workers)
            result = Outcome(path, report)
        except Exception as e:
            result = failed(path, e, memory_mb)
        conn.send(replace(result, seconds=time.perf_counter() - start, peak_rss_mb=_peak_rss_mb()))


@dataclass
class _Slot:
    proc: Any
    conn: Connection
    path: Path | None = None
    started: float = 0.0


def run(paths: Iterable[Path], settings: WorkSettings, on_start: Callable[[Path], None] | None = None) -> Iterator[Outcome]:
    """Yield one Outcome per path, in completion order."""
    ctx = mp.get_context("spawn")  # no fork: the parent holds an open database
    todo = list(paths)
    slots: list[_Slot] = []

    def spawn() -> _Slot:
        parent, child = ctx.Pipe()
        # the cores are shared: each worker OCRs its scans with its share of them
        ocr_workers = max(1, (os.cpu_count() or 1) // settings.workers)
        proc = ctx.Process(target=_worker, args=(child, settings.memory_mb, ocr_workers, os.getpid()), daemon=True)
        proc.start()
        child.close()
        return _Slot(proc, parent)

    completed = False
    try:
        slots = [spawn() for _ in range(min(settings.workers, len(todo)) or 0)]
        while todo or any(s.path is not None for s in slots):
            for s in slots:
                if s.path is None and todo:
                    s.path, s.started = todo.pop(0), time.monotonic()
                    if on_start:
                        on_start(s.path)
                    s.conn.send(s.path)
            for i, s in enumerate(slots):
                if s.path is None:
                    continue
                failure = None
                try:
                    if s.conn.poll(0.05):
                        out = s.conn.recv()
                        s.path = None
                        yield out
                        continue
                except (EOFError, OSError):
                    s.proc.join(2)
                    failure = f"worker crashed (exit code {s.proc.exitcode}; out of memory or a parser fault)"
                if failure is None and not s.proc.is_alive():
                    failure = f"worker crashed (exit code {s.proc.exitcode}; out of memory or a parser fault)"
                elif failure is None and time.monotonic() - s.started > settings.timeout_s:
                    failure = f"timed out after {settings.timeout_s:g} s (raise --timeout or check the file)"
                if failure:
                    path = s.path
                    assert path is not None
                    s.proc.kill()
                    s.proc.join()
                    slots[i] = spawn()
                    yield Outcome(path, None, "extract", failure, time.monotonic() - s.started)
        completed = True
    finally:
        _stop(slots, graceful=completed)


def _stop(slots: list[_Slot], graceful: bool) -> None:
    """Idle workers are asked to exit; on an interrupt or an error every worker is killed at once."""
    if graceful:
        for s in slots:
            with contextlib.suppress(OSError, BrokenPipeError):
                s.conn.send(None)
        deadline = time.monotonic() + 5
        for s in slots:
            s.proc.join(max(0.0, deadline - time.monotonic()))
    for s in slots:
        if s.proc.is_alive():
            s.proc.kill()
        s.proc.join()
        s.conn.close()


__all__ = ["MIN_MEMORY_MB", "Outcome", "SettingsError", "WorkSettings", "failure_reason", "run"]
