"""The command line: one line per report, a total, and the exit status carrying the verdict."""

from __future__ import annotations

from conftest import DOCS, ROOT
from typer.testing import CliRunner

from lakip.cli import app
from store.schema import markdown

runner = CliRunner()


def test_ingest_prints_a_line_per_report_and_a_total(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["ingest", str(DOCS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    per_report = sorted(lines[:2])  # workers finish in any order
    assert per_report[0].startswith("✓ jember_2024.txt: KPU Kabupaten Jember 2024")
    assert "pengukuran 12 · perjanjian 16 · rencana 18 · multi_year 7 · kegiatan 0 — unmapped 2 — temuan 19/19/0 [added]" in per_report[1]
    assert lines[-1] == f"2 reports: 2 added, 0 replaced, 0 unchanged, 0 duplicate, 0 failed; 126 rows, 2 unmapped -> {db}"


def test_failed_file_sets_exit_status(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "kosong.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert "✗ kosong.txt: the file is empty (export the report again)" in result.output
    assert "1 failed" in result.output


def test_nothing_to_ingest(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 2 and "no report files found" in result.output


def test_schema_doc_is_generated() -> None:
    assert (ROOT / "docs" / "schema.md").read_text(encoding="utf-8") == markdown(), "run `make docs`"


def test_query_doc_is_generated_and_every_query_runs() -> None:
    from lakip.docs import queries_markdown
    from reports.queries import QUERIES

    assert len(QUERIES) >= 8
    assert (ROOT / "docs" / "queries.md").read_text(encoding="utf-8") == queries_markdown(), "run `make docs`"
