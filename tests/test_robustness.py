"""National-scale robustness: bad inputs, kill -9, a locked database, parallel workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from conftest import DOCS, JEMBER, ROOT
from hypothesis import given
from hypothesis import strategies as st

import store
from corpus.tools import bad_inputs, synth
from lakip.pipeline import ingest_paths
from lakip.workers import WorkSettings

LAKIP = [sys.executable, "-m", "lakip"]


def _stored_counts(db: Path) -> dict[str, int]:
    con = store.connect(db)
    try:
        rows = con.execute(
            "SELECT r.source_path, count(m.report_id) FROM reports r LEFT JOIN measurements m USING (report_id) GROUP BY 1"
        ).fetchall()
        return {Path(p).name: n for p, n in rows}
    finally:
        con.close()


def test_bad_input_corpus(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad"
    expected = bad_inputs.generate(bad)
    db = tmp_path / "bad.duckdb"
    results = ingest_paths([bad, DOCS], db, settings=WorkSettings(workers=2, timeout_s=60, memory_mb=1024))
    by_name = {Path(r.path).name: r for r in results}
    assert len(by_name) == len(expected) + 2
    for name, want in expected.items():
        r = by_name[name]
        if want == "stored":
            assert r.status == "added", (name, r.error)
        elif want == "not-report":
            assert r.status == "not-report" and "not a performance report" in (r.error or ""), (name, r.error)
        elif want == "duplicate":
            assert r.status == "added" or by_name["jember_2024.txt"].status == "duplicate", name
        elif want:
            assert r.status == "failed" and want in (r.error or ""), (name, r.error)
        else:
            assert r.status in ("added", "failed", "not-report"), name
    # nothing partial: every stored report holds exactly the rows its ingest reported
    stored = _stored_counts(db)
    for name, r in by_name.items():
        if r.status == "added":
            assert stored[name] == sum(r.counts.values()), name
        elif r.status in ("failed", "not-report"):
            assert name not in stored, name
    con = store.connect(db)
    errors = {Path(p).name for (p,) in con.execute("SELECT source_path FROM ingest_errors").fetchall()}
    con.close()
    assert errors == {n for n, r in by_name.items() if r.status in ("failed", "not-report")}


def _synthetic(tmp_path: Path, n: int) -> Path:
    out = tmp_path / "synth"
    synth.generate(out, n)
    return out


def test_kill_minus_nine_leaves_only_complete_reports(tmp_path) -> None:  # type: ignore[no-untyped-def]
    corpus = _synthetic(tmp_path, 24)
    clean = tmp_path / "clean.duckdb"
    ingest_paths([corpus], clean, in_process=True)
    want = _stored_counts(clean)
    db = tmp_path / "killed.duckdb"
    proc = subprocess.Popen(
        [*LAKIP, "ingest", str(corpus), "--db", str(db), "--workers", "2"],
        stdout=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    seen = 0
    assert proc.stdout is not None
    for line in proc.stdout:
        seen += line.startswith("✓")
        if seen >= 4:
            break
    os.killpg(proc.pid, signal.SIGKILL)  # the writer and its workers, mid-batch
    proc.wait()
    partial = _stored_counts(db)
    assert 0 < len(partial) < len(want)
    for name, n in partial.items():
        assert n == want[name], f"{name}: {n} rows stored, {want[name]} expected"
    rerun = subprocess.run([*LAKIP, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(partial)} unchanged" in rerun.stdout.splitlines()[-1]
    assert _stored_counts(db) == want


def test_second_ingest_on_a_busy_database_fails_fast(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "busy.duckdb"
    holder = duckdb.connect(str(db))  # another process's open writer
    try:
        start = time.monotonic()
        run = subprocess.run([*LAKIP, "ingest", str(JEMBER), "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
        assert time.monotonic() - start < 30
        assert run.returncode == 2
        assert "the database is in use by another process" in run.stderr and "then retry" in run.stderr
    finally:
        holder.close()


def test_hanging_file_times_out_and_the_batch_goes_on(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    slow = tmp_path / "lambat.txt"
    slow.write_text("LAPORAN KINERJA KPU KOTA CONTOH TAHUN 2024 (SINTETIS)\n", encoding="utf-8")
    monkeypatch.setenv("LAKIP_TEST_HANG", str(slow))  # the worker sleeps on this file (test hook)
    results = ingest_paths([slow, JEMBER], tmp_path / "t.duckdb", settings=WorkSettings(workers=1, timeout_s=3, memory_mb=1024))
    by = {Path(r.path).name: r for r in results}
    assert by["lambat.txt"].status == "failed" and "timed out" in (by["lambat.txt"].error or "")
    assert by["jember_2024.txt"].status == "added"


@pytest.mark.parametrize(("target", "runs"), [("value", 3000), ("text", 3000), ("table", 2000), ("pdf", 1000), ("pipeline", 300)])
def test_atheris_fuzz_run(target: str, runs: int) -> None:
    """A bounded atheris run of each target (`make fuzz` runs them longer); no exception but LakipError escapes."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "fuzz_targets.py"), "--target", target, f"-atheris_runs={runs}"],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"Done {runs} " in done.stderr


_CELLS = st.sampled_from(
    ["", "No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "2024", "2", "024", "(1)", "Sasaran 1", "ran 2.", "A", "В",
     "90%", "0,17", "1 Laporan", "l laporan", "BB", "WTP", "Rp 1.234.567", "1.234", "-", "Persentase partisipasi", "secara tepat",
     "Program Dukungan Manajemen", "I D VINITY I", "Laporan Kinerja"]
)  # fmt: skip


@given(st.lists(st.lists(_CELLS, min_size=1, max_size=9), max_size=40), st.lists(st.booleans(), max_size=40))
def test_table_assembler_never_raises(rows: list[list[str]], breaks: list[bool]) -> None:
    from extract.model import Line, Source
    from extract.settings import ExtractSettings
    from extract.tables import find_tables

    lines = [Line(tuple(cells), Source("x", n + 1), breaks[n] if n < len(breaks) else False) for n, cells in enumerate(rows)]
    for table in find_tables(lines, 2024, ExtractSettings()):
        for r in table.rows:
            assert r.table_seq == table.seq and r.row_seq >= 1
