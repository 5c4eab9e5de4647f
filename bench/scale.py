"""Scale benchmark (`make bench-scale`): a synthetic national corpus through the whole pipeline.

Prints wall time, reports/s and pages/s, peak RSS of the workers and of the writer, how the
per-report time changes from 50 to the full corpus, and the query time of the comparison views.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import store
from corpus.tools.synth import generate
from lakip.pipeline import ingest_paths
from lakip.workers import WorkSettings


def run(files: list[Path], db: Path, workers: int) -> dict[str, float]:
    start = time.perf_counter()
    results = ingest_paths(files, db, settings=WorkSettings(workers=workers))
    wall = time.perf_counter() - start
    con = store.connect(db)
    pages = con.execute("SELECT coalesce(sum(pages), 0) FROM reports").fetchone()[0]
    con.close()
    ok = [r for r in results if r.status in ("added", "replaced")]
    return {
        "reports": len(results),
        "failed": sum(r.status == "failed" for r in results),
        "wall_s": wall,
        "per_report_s": wall / max(1, len(results)),
        "reports_per_s": len(results) / wall,
        "pages_per_s": pages / wall,
        "pages": pages,
        "worker_rss_mb": max((r.peak_rss_mb for r in ok), default=0.0),
        "extract_s_median": statistics.median(r.seconds for r in ok) if ok else 0.0,
    }


def query_times(db: Path, repeats: int = 5) -> dict[str, float]:
    con = store.connect(db)
    out = {}
    queries = {
        "comparison (all rows)": "SELECT count(*), avg(capaian_value) FROM comparison",
        "comparison (one IKU, by target)": (
            "SELECT satker, target_value FROM comparison WHERE indicator_id = 'IKU-01' ORDER BY target_value"
        ),
        "findings_summary by province": "SELECT province, sum(errors), sum(warnings) FROM findings_summary GROUP BY 1 ORDER BY 2 DESC",
    }
    for name, sql in queries.items():
        best = float("inf")
        for _ in range(repeats):
            t = time.perf_counter()
            con.execute(sql).fetchall()
            best = min(best, time.perf_counter() - t)
        out[name] = best * 1000
    con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=550)
    ap.add_argument("--pdf", type=int, default=40)
    ap.add_argument("--scans", type=int, default=3)
    ap.add_argument("--small", type=int, default=50)
    ap.add_argument("--workers", type=int, default=WorkSettings().workers)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lakip-bench-") as tmp:
        root = Path(tmp)
        t = time.perf_counter()
        files = generate(root / "corpus", a.reports, a.pdf, scans=a.scans)
        print(f"generated {len(files)} synthetic reports ({a.pdf} PDF, {a.scans} of them scans) in {time.perf_counter() - t:.1f} s")
        # the small run takes PDFs and text in the same proportion as the full one
        step = max(1, len(files) // a.small)
        small = run(files[::step][: a.small], root / "small.duckdb", a.workers)
        full = run(files, root / "full.duckdb", a.workers)
        writer_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\n{'':28s}{'small':>12s}{'full':>12s}")
        for key, fmt in (
            ("reports", "{:.0f}"), ("failed", "{:.0f}"), ("pages", "{:.0f}"), ("wall_s", "{:.1f}"), ("per_report_s", "{:.3f}"),
            ("reports_per_s", "{:.2f}"), ("pages_per_s", "{:.1f}"), ("extract_s_median", "{:.3f}"), ("worker_rss_mb", "{:.0f}"),
        ):  # fmt: skip
            print(f"{key:28s}{fmt.format(small[key]):>12s}{fmt.format(full[key]):>12s}")
        print(f"{'writer peak RSS (MB)':28s}{writer_rss:>24.0f}")
        print(f"per-report time, full / small: {full['per_report_s'] / small['per_report_s']:.2f}x (flat = 1.0)")
        print(f"workers: {a.workers}")
        print("\nquery time on the full database (best of 5):")
        for name, ms in query_times(root / "full.duckdb").items():
            print(f"  {name:36s}{ms:8.1f} ms")


if __name__ == "__main__":
    main()
