"""Ingest: idempotent by content hash, atomic per report, bad input recorded, never half-written."""

from __future__ import annotations

import shutil

import pytest
from conftest import DOCS, JEMBER, MUARO_JAMBI

import store
from lakip.pipeline import ingest_paths


def counts(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    con = store.connect(db)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("reports", "measurements", "history", "claims", "ingest_errors")
        }
    finally:
        con.close()


def test_ingest_is_idempotent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "t.duckdb"
    first = ingest_paths([DOCS], db)
    after_first = counts(db)
    second = ingest_paths([DOCS], db)
    assert [r.status for r in first] == ["added", "added"]
    assert [r.status for r in second] == ["unchanged", "unchanged"]
    assert counts(db) == after_first
    assert after_first["measurements"] == 53 + 73 and after_first["reports"] == 2
    forced = ingest_paths([DOCS], db, force=True)
    assert [r.status for r in forced] == ["replaced", "replaced"] and counts(db) == after_first


def test_changed_file_replaces_its_earlier_version(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db, copy = tmp_path / "t.duckdb", tmp_path / "report.txt"
    shutil.copy(MUARO_JAMBI, copy)
    ingest_paths([copy], db)
    text = copy.read_text(encoding="utf-8").replace("\t90\t85\t94,4", "\t90\t85\t94,44")
    copy.write_text(text, encoding="utf-8")
    (result,) = ingest_paths([copy], db)
    assert result.status == "replaced"
    con = store.connect(db)
    assert con.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM measurements WHERE capaian_raw = '94,44'").fetchone()[0] == 1


def test_failure_mid_report_leaves_nothing(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "t.duckdb"
    ingest_paths([JEMBER], db)
    before = counts(db)
    real_insert = store._insert

    def failing(con, table, rows):  # type: ignore[no-untyped-def]
        if table == "claims":
            raise RuntimeError("disk full (simulated)")
        real_insert(con, table, rows)

    monkeypatch.setattr(store, "_insert", failing)
    (result,) = ingest_paths([MUARO_JAMBI], db)
    assert result.status == "failed" and "disk full" in (result.error or "")
    after = counts(db)
    assert {k: after[k] for k in ("reports", "measurements", "history", "claims")} == {
        k: before[k] for k in ("reports", "measurements", "history", "claims")
    }
    assert after["ingest_errors"] == 1


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("scan.pdf", b"%PDF-1.7\n...", "PDF"),
    ],
)
def test_bad_input_is_recorded_with_a_reason(tmp_path, name, data, reason) -> None:  # type: ignore[no-untyped-def]
    db, bad = tmp_path / "t.duckdb", tmp_path / name
    bad.write_bytes(data)
    ingest_paths([JEMBER], db)
    (result,) = ingest_paths([bad], db)
    assert result.status == "failed" and reason in (result.error or "")
    con = store.connect(db)
    path, stage, error = con.execute("SELECT source_path, stage, error FROM ingest_errors").fetchone()
    assert path == str(bad) and stage == "extract" and reason in error
    assert con.execute("SELECT count(*) FROM reports").fetchone()[0] == 1  # the good report is untouched


def test_report_without_tables_is_stored_with_zero_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    p = tmp_path / "narasi.txt"
    p.write_text("LAPORAN KINERJA KPU KOTA CONTOH TAHUN 2024 (sintetis)\n\nTidak ada tabel di sini.\n", encoding="utf-8")
    (result,) = ingest_paths([p], tmp_path / "t.duckdb")
    assert result.status == "added" and result.counts == {}


def test_indicators_loaded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "t.duckdb"
    ingest_paths([JEMBER], db)
    con = store.connect(db)
    n = con.execute("SELECT count(*) FROM indicators WHERE kind = 'iku'").fetchone()[0]
    unknown = con.execute(
        "SELECT count(*) FROM measurements m LEFT JOIN indicators i USING (indicator_id) "
        "WHERE m.indicator_id IS NOT NULL AND i.indicator_id IS NULL"
    ).fetchone()[0]
    assert n == 17 and unknown == 0


def test_database_from_before_a_new_column_keeps_its_reports(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A column added to the schema later (ocr_confidence) is added to an existing database;
    its stored reports stay, and new ones ingest."""
    db = tmp_path / "old.duckdb"
    ingest_paths([JEMBER], db)
    con = store.connect(db)
    con.execute("ALTER TABLE measurements DROP COLUMN ocr_confidence")
    con.close()
    ingest_paths([MUARO_JAMBI], db)
    con = store.connect(db)
    try:
        assert con.execute("SELECT count(*), count(ocr_confidence) FROM measurements").fetchone() == (126, 0)
    finally:
        con.close()
