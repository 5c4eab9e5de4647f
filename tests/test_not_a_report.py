"""A file that holds no performance report is listed as such, not stored and not a failure (issue 13)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import ROOT
from typer.testing import CliRunner

import extract
from extract.quoted import blank_code
from extract.textio import RawLine
from lakip.cli import app

EXCERPTS = ROOT / "corpus" / "real" / "excerpts"


def _raw(*texts: str) -> list[RawLine]:
    return [RawLine(t, i + 1, None, False) for i, t in enumerate(texts)]


def test_fenced_code_is_blanked_and_lines_keep_their_place() -> None:
    out = blank_code(_raw("# Goldens", "```json", '{"satker": "BPBD Provinsi Jawa Barat"}', "```", "after"))
    assert [r.text for r in out] == ["# Goldens", "", "", "", "after"]
    assert [r.line for r in out] == [1, 2, 3, 4, 5]


def test_a_code_span_wrapping_within_its_paragraph_is_blanked() -> None:
    out = blank_code(_raw("# Notes", 'history `[{"value":', '"41,82%"}]` ends', "", "`a` and `b`"))
    assert out[1].text.rstrip() == "history" and out[2].text.strip() == "ends"
    assert out[4].text.strip() == "and"


def test_backticks_outside_markdown_are_text() -> None:
    # an export without Markdown marks: a backtick is an apostrophe, nothing is blanked
    raw = _raw("Sholat Jum`at dan Sabtu` tercapai 95%", "Tabel 3.1")
    assert blank_code(raw) == raw


def test_a_readme_quoting_a_report_is_not_a_report(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    shutil.copy(ROOT / "corpus" / "real" / "README.md", readme)
    with pytest.raises(extract.NotAReport, match="not a performance report"):
        extract.read_document(readme)


def test_a_one_line_note_is_not_a_report(tmp_path: Path) -> None:
    note = tmp_path / "catatan.txt"
    note.write_text("Laporan menyusul minggu depan.\n", encoding="utf-8")
    with pytest.raises(extract.NotAReport):
        extract.read_document(note)


def test_a_kata_pengantar_naming_its_satker_is_a_report() -> None:
    # excerpt 10: no table, no figure, but its title names KPU Kabupaten Jembrana
    doc = extract.read_document(EXCERPTS / "10.txt")
    assert doc.metadata.satker == "KPU Kabupaten Jembrana" and not doc.claims


def test_ingest_lists_a_readme_in_ingest_errors_and_succeeds(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(ROOT / "corpus" / "real" / "README.md", folder / "README.md")
    shutil.copy(EXCERPTS / "10.txt", folder / "10.txt")
    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "README.md: not a performance report" in result.output and "[skipped]" in result.output
    con = duckdb.connect(str(db), read_only=True)
    assert [r[0] for r in con.execute("SELECT satker FROM reports").fetchall()] == ["KPU Kabupaten Jembrana"]
    errors = con.execute("SELECT source_path, stage, error FROM ingest_errors").fetchall()
    assert len(errors) == 1 and errors[0][0].endswith("README.md") and errors[0][2].startswith("not a performance report")
