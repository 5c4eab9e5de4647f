"""Cluster column of `make bench-scale`: the synthetic corpus through the local pool and through a
Dask LocalCluster on this machine (same cores), and what that says about 25,000 reports a year.

Prints wall time and reports/s of both, the cluster's per-report time at a small and the full
size (flat = 1.0), the scheduler's overhead per task (no-op tasks on the same cluster), the peak
memory of each Dask worker process and of the lakip process it starts, the time `lakip load`
takes to merge the Parquet results into a fresh database, and the estimate.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import store
from corpus.tools.synth import generate
from lakip import cluster, results
from lakip.pipeline import FileResult, ingest_paths
from lakip.workers import WorkSettings

YEARLY = 25_000


class PeakRss:
    """Samples the RSS of each Dask worker process and of its children (the lakip process) every 0.2 s."""

    def __init__(self, pids: list[int]) -> None:
        import psutil

        self.procs = [psutil.Process(p) for p in pids]
        self.worker_mb = 0.0
        self.child_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        while not self._stop.wait(0.2):
            for p in self.procs:
                try:
                    self.worker_mb = max(self.worker_mb, p.memory_info().rss / 2**20)
                    for c in p.children(recursive=True):
                        self.child_mb = max(self.child_mb, c.memory_info().rss / 2**20)
                except psutil.Error:  # a process ended between listing and reading
                    continue

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def _noop() -> None:
    return None


def overhead_per_task(client: Any, n: int = 400) -> float:
    """Seconds of scheduling per task: submit, run (nothing) and gather `n` no-op tasks."""
    start = time.perf_counter()
    futures = [client.submit(_noop, pure=False) for _ in range(n)]
    client.gather(futures)
    return (time.perf_counter() - start) / n


def _by_kind(rs: list[FileResult], db: Path) -> dict[str, dict[str, float]]:
    """Per input kind (text, pdf, scan): reports, pages and the lakip process's seconds, from the
    stored reports joined to each file's measured time."""
    con = store.connect(db)
    kinds = {path: (kind, pages or 0) for path, kind, pages in con.execute("SELECT source_path, input_kind, pages FROM reports").fetchall()}
    con.close()
    out: dict[str, dict[str, float]] = {}
    for r in rs:
        if r.path not in kinds:
            continue
        kind, pages = kinds[r.path]
        # a scan's input_kind is `pdf`: the generator names its scans *_pindaian.pdf
        kind = "scan" if r.path.endswith("_pindaian.pdf") else "text" if kind.startswith("text") else kind
        k = out.setdefault(kind, {"reports": 0, "pages": 0, "seconds": 0.0})
        k["reports"] += 1
        k["pages"] += pages
        k["seconds"] += r.seconds
    return out


def _summary(label: str, rs: list[FileResult], wall: float, db: Path) -> dict[str, float]:
    con = store.connect(db)
    pages = con.execute("SELECT coalesce(sum(pages), 0) FROM reports").fetchone()
    con.close()
    kinds = _by_kind(rs, db)
    for kind, k in kinds.items():
        per = f"{k['seconds'] / k['reports']:.2f} s/report, {k['seconds'] / max(1, k['pages']):.3f} s/page"
        print(f"    {kind}: {k['reports']:.0f} reports, {k['pages']:.0f} pages, {per} (the lakip process's time)")
    ok = [r for r in rs if r.status in ("added", "replaced")]
    out = {"reports": len(rs), "failed": sum(r.status == "failed" for r in rs), "wall_s": wall, "pages": float(pages[0] if pages else 0)}
    out |= {"per_report_s": wall / max(1, len(rs)), "reports_per_s": len(rs) / wall, "extract_cpu_s": sum(r.seconds for r in ok)}
    out |= {"lakip_rss_mb": max((r.peak_rss_mb for r in ok), default=0.0)}
    out["extract_s_median"] = statistics.median(r.seconds for r in ok) if ok else 0.0  # a text report's, in this mix
    out |= {f"{kind}_s": k["seconds"] / k["reports"] for kind, k in kinds.items()}
    print(f"  {label}: {len(rs)} reports in {wall:.1f} s", flush=True)
    return out


def run_local(files: list[Path], db: Path, workers: int) -> dict[str, float]:
    start = time.perf_counter()
    rs = ingest_paths(files, db, settings=WorkSettings(workers=workers))
    return _summary("local pool", rs, time.perf_counter() - start, db)


def run_cluster(files: list[Path], root: Path, address: str, workers: int, batch: int) -> dict[str, float]:
    root.mkdir(parents=True, exist_ok=True)
    settings = WorkSettings(workers=workers)
    cs = cluster.ClusterSettings(address, str(root / "parquet"), batch=batch)
    start = time.perf_counter()
    rs = ingest_paths(files, root / "cluster.duckdb", settings=settings, runner=cluster.runner(cs, settings, False, lambda s: None))
    out = _summary(f"LocalCluster (batch {batch})", rs, time.perf_counter() - start, root / "cluster.duckdb")
    start = time.perf_counter()
    results.load(str(root / "parquet"), str(root / "loaded.duckdb"))
    out["load_s"] = time.perf_counter() - start
    return out


_ROWS = (
    ("reports", "{:.0f}"), ("failed", "{:.0f}"), ("pages", "{:.0f}"), ("wall_s", "{:.1f}"), ("per_report_s", "{:.3f}"),
    ("reports_per_s", "{:.2f}"), ("extract_cpu_s", "{:.1f}"), ("extract_s_median", "{:.3f}"), ("lakip_rss_mb", "{:.0f}"),
    ("load_s", "{:.1f}"), ("text_s", "{:.3f}"), ("pdf_s", "{:.2f}"), ("scan_s", "{:.1f}"),
)  # fmt: skip


def table(columns: dict[str, dict[str, float]]) -> None:
    print(f"\n{'':24s}" + "".join(f"{k:>18s}" for k in columns))
    for key, fmt in _ROWS:
        print(f"{key:24s}" + "".join(f"{fmt.format(c[key]) if key in c else '-':>18s}" for c in columns.values()))


def estimate(full: dict[str, float], workers: int, overhead_s: float, scan_s: float | None) -> None:
    """Cluster size for 25,000 reports a year, from the measured cost per report: this corpus's
    mix as measured, and (when a scan was measured) with a third of the reports scans like it."""
    cpu_per_report = full["wall_s"] * workers / full["reports"]  # worker-seconds per report: start, scheduling, Parquet included
    merge_per_report = full["load_s"] / full["reports"]
    print(f"\nestimate for {YEARLY:,} reports/year ({full['pages']:.0f} pages in {full['reports']:.0f} reports measured):")
    mixes = {"this mix": cpu_per_report}
    if scan_s is not None:
        mixes["a third scanned"] = (2 * cpu_per_report + scan_s) / 3
    for mix, per in mixes.items():
        need_h = YEARLY * per / 3600
        fit = ", ".join(f"in {h} h: {max(1, -(-need_h // h)):.0f} worker(s)" for h in (1, 8, 24))
        print(f"  {mix}: {per:.2f} worker-s per report -> {need_h:.1f} worker-hours a year; {fit} (one core each)")
    print(f"  merge into DuckDB (one writer): {merge_per_report * 1000:.0f} ms per report -> {YEARLY * merge_per_report / 3600:.2f} h")
    print(f"  scheduler overhead: {overhead_s * 1000:.1f} ms per task -> {YEARLY * overhead_s:.0f} s a year at batch 1")


def main() -> None:
    import dask
    import distributed

    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--pdf", type=int, default=20)
    ap.add_argument("--scans", type=int, default=2)
    ap.add_argument("--small", type=int, default=200)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--batch", type=int, default=cluster.BATCH)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lakip-bench-cluster-") as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        files = generate(root / "corpus", a.reports, a.pdf, scans=a.scans)
        took = time.perf_counter() - t
        print(f"generated {len(files)} synthetic reports ({a.pdf} PDF, {a.scans} of them scans) in {took:.1f} s", flush=True)
        small = files[:: max(1, len(files) // a.small)][: a.small]  # PDFs, scans and text in the full run's proportion
        dask.config.set({"distributed.worker.daemon": False})
        lc = distributed.LocalCluster(n_workers=a.workers, threads_per_worker=1, dashboard_address=":0")
        with lc, distributed.Client(lc) as client:
            overhead = overhead_per_task(client)
            rss = PeakRss(list(client.run(os.getpid).values()))
            c_small = run_cluster(small, root / "small", lc.scheduler_address, a.workers, a.batch)
            c_full = run_cluster(files, root / "full", lc.scheduler_address, a.workers, a.batch)
            rss.stop()
        local = run_local(files, root / "local.duckdb", a.workers)
        table({"local pool": local, f"cluster {len(small)}": c_small, f"cluster {len(files)}": c_full})
        flat = c_full["per_report_s"] / c_small["per_report_s"]
        print(f"per-report time on the cluster, {len(files)} / {len(small)}: {flat:.2f}x (flat = 1.0)")
        print(f"cluster / local throughput: {c_full['reports_per_s'] / local['reports_per_s']:.2f}x on {a.workers} workers (one core each)")
        print(f"scheduler overhead per task (no-op): {overhead * 1000:.2f} ms")
        print(f"peak RSS per Dask worker process: {rss.worker_mb:.0f} MB; of the lakip process it starts: {rss.child_mb:.0f} MB")
        estimate(c_full, a.workers, overhead, c_full.get("scan_s"))


if __name__ == "__main__":
    main()
