"""Ingest on a Dask LocalCluster: the same database as the local pool, results as Parquet that
`load` merges idempotently, failures as ingest_errors rows, a killed Dask worker loses nothing."""

from __future__ import annotations

import os
import shutil
import signal
from pathlib import Path
from typing import Any

import pytest
from conftest import DOCS, JEMBER, MUARO_JAMBI

import store
from lakip import cluster, results
from lakip.pipeline import FileResult, ingest_paths
from lakip.workers import WorkSettings
from store.schema import TABLES, VIEWS

distributed = pytest.importorskip("distributed")

#: when a row was written differs between two runs; everything else must not
_CLOCKS = {"ingested_at", "audited_at", "at"}
SETTINGS = WorkSettings(workers=2, timeout_s=6, memory_mb=2048)


def contents(db: Path, clocks: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every table and view, sorted rows (without the write times unless `clocks`)."""
    con = store.connect(db, read_only=True)
    try:
        out = {}
        for name in [t.name for t in TABLES] + [v.name for v in VIEWS]:
            every = [d[0] for d in con.execute(f"SELECT * FROM {store.ident(name)} LIMIT 0").description]
            cols = [c for c in every if clocks or c not in _CLOCKS]
            quoted = ", ".join('"' + c.replace('"', '""') + '"' for c in cols)  # view columns are not all schema identifiers
            rows = con.execute(f"SELECT {quoted} FROM {store.ident(name)}").fetchall()
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus, an empty file (a reader's error) and a file that never finishes (a timeout)."""
    d = tmp_path_factory.mktemp("batch")
    for f in (JEMBER, MUARO_JAMBI):
        shutil.copy(f, d / f.name)
    (d / "empty.txt").write_bytes(b"")
    (d / "hang.txt").write_text("LAPORAN KINERJA KPU KOTA CONTOH TAHUN 2024\n", encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def runs(batch: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The batch through the local pool, then through a 2-worker LocalCluster (Parquet), then loaded."""
    root = tmp_path_factory.mktemp("runs")
    mp = pytest.MonkeyPatch()
    mp.setenv("LAKIP_TEST_HANG", str(batch / "hang.txt"))  # inherited by the cluster's worker processes
    try:
        local = ingest_paths([batch], root / "local.duckdb", settings=SETTINGS)
        cs = cluster.ClusterSettings("local", str(root / "parquet"), batch=2, local_workers=2)
        said: list[str] = []
        on_cluster = ingest_paths(
            [batch], root / "cluster.duckdb", settings=SETTINGS, runner=cluster.runner(cs, SETTINGS, False, said.append)
        )
    finally:
        mp.undo()
    loaded = results.load(str(root / "parquet"), str(root / "loaded.duckdb"))
    return {"root": root, "local": local, "cluster": on_cluster, "loaded": loaded, "said": said}


def _statuses(rs: list[FileResult]) -> dict[str, str]:
    return {Path(r.path).name: r.status for r in rs}


def test_cluster_and_load_give_the_local_database(runs: dict[str, Any]) -> None:
    root = runs["root"]
    expected = {"jember_2024.txt": "added", "muaro_jambi_2024.txt": "added", "empty.txt": "failed", "hang.txt": "failed"}
    assert _statuses(runs["local"]) == _statuses(runs["cluster"]) == _statuses(runs["loaded"]) == expected
    local = contents(root / "local.duckdb")
    assert len(local["reports"]) == 2 and len(local["measurements"]) == 126 and local["findings"]
    assert contents(root / "cluster.duckdb") == local
    assert contents(root / "loaded.duckdb") == local
    assert any(s.startswith("Dask dashboard: http") for s in runs["said"])


def test_failures_are_ingest_errors_rows(runs: dict[str, Any]) -> None:
    errors = {Path(r[0]).name: (r[2], r[3]) for r in contents(runs["root"] / "loaded.duckdb")["ingest_errors"]}
    assert set(errors) == {"empty.txt", "hang.txt"}
    assert errors["hang.txt"] == ("extract", "timed out after 6 s (raise --timeout or check the file)")
    assert "empty" in errors["empty.txt"][1]


def test_parquet_files_one_per_document_queryable_by_duckdb(runs: dict[str, Any]) -> None:
    folder = runs["root"] / "parquet"
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4 and sum(n.endswith(results.FAILED) for n in names) == 2
    assert not [n for n in names if n.startswith(".")]  # no temporary file left behind
    con = store.connect(":memory:")
    got = con.execute(f"SELECT status, count(*), sum(n_rows) FROM read_parquet('{folder}/*.parquet') GROUP BY 1 ORDER BY 1").fetchall()
    rows = con.execute(
        f"SELECT count(*) FROM (SELECT unnest(CAST(measurements AS JSON[])) FROM read_parquet('{folder}/*.parquet'))"
    ).fetchone()
    assert got == [("failed", 2, None), ("ok", 2, 126)] and rows == (126,)


def test_load_again_changes_nothing(runs: dict[str, Any]) -> None:
    db = runs["root"] / "loaded.duckdb"
    before = contents(db, clocks=True)
    again = results.load(str(runs["root"] / "parquet"), str(db))
    assert _statuses(again) == {
        "jember_2024.txt": "unchanged",
        "muaro_jambi_2024.txt": "unchanged",
        "empty.txt": "failed",
        "hang.txt": "failed",
    }
    assert contents(db, clocks=True) == before


def test_rerun_resumes_from_parquet_without_the_cluster(runs: dict[str, Any], tmp_path: Path) -> None:
    # nothing listens on port 9: a run that went to the scheduler would fail
    cs = cluster.ClusterSettings("tcp://127.0.0.1:9", str(runs["root"] / "parquet"))
    got = ingest_paths(DOCS.glob("*.txt"), tmp_path / "t.duckdb", settings=SETTINGS, runner=cluster.runner(cs, SETTINGS, False, print))
    assert [r.status for r in got] == ["added", "added"]
    assert contents(tmp_path / "t.duckdb")["measurements"] == contents(runs["root"] / "local.duckdb")["measurements"]


def test_a_killed_worker_mid_batch_loses_no_report(tmp_path: Path) -> None:
    import dask

    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(10):  # distinct bytes (a trailing blank line each), so ten reports
        src = (JEMBER, MUARO_JAMBI)[n % 2]
        (docs / f"r{n:02d}.txt").write_bytes(src.read_bytes() + b"\n" * (n + 1))
    dask.config.set({"distributed.worker.daemon": False})
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0") as lc, distributed.Client(lc) as watcher:
        killed: list[str] = []

        def kill_one(r: FileResult) -> None:
            if killed:
                return
            busy = [w for w, tasks in watcher.processing().items() if tasks]
            pids = watcher.run(os.getpid)
            if busy:
                os.kill(pids[busy[0]], signal.SIGKILL)
                killed.append(busy[0])

        cs = cluster.ClusterSettings(lc.scheduler_address, str(tmp_path / "parquet"), batch=1)
        settings = WorkSettings(workers=2, timeout_s=60, memory_mb=2048)
        got = ingest_paths(
            [docs], tmp_path / "t.duckdb", on_result=kill_one, settings=settings, runner=cluster.runner(cs, settings, False, print)
        )
    assert killed, "no worker was busy when the first result came back: nothing was killed mid-batch"
    assert sorted(r.status for r in got) == ["added"] * 10, [(r.path, r.status, r.error) for r in got if r.status != "added"]
    db = contents(tmp_path / "t.duckdb")
    assert len(db["reports"]) == 10 and not db["ingest_errors"]
    assert len(list((tmp_path / "parquet").glob("*.parquet"))) == 10
