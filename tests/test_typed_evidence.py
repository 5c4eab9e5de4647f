"""The audit reads typed, stored evidence only (issue 15): every value as the reader typed it
(table `cells`), the claims' decimals, the satker mentions and the sentences extract found. A
stored figure that differs from what its raw text would parse to is the figure the audit uses;
an older database is read again or refused in one line."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from conftest import MUARO_JAMBI, ROOT
from mutkit import claims_of, context, table
from typer.testing import CliRunner

import reports
import store
from extract.model import Value
from lakip.cli import app
from lakip.pipeline import ingest_paths
from reports.checks import budget, totals
from store.schema import SCHEMA_VERSION

runner = CliRunner()

#: what reports/ may still take from extract beyond extract.model and extract.errors: text
#: normalisation and vocabulary, which parse nothing stored; `parse_number` reads the figures of a
#: target printed in words (`61 kampung`), which the reader keeps as text (pk_target._figures); the
#: planning levels' names and words, which the PK and count checks hold stored levels and narrative to;
#: the words of magnitude a stored unit may open with (`Juta Ekor`), which capaian scales figures by
ALLOWED = {
    "extract.values": {"clean", "GRADES", "OPINIONS", "parse_number"},
    "extract.vocabulary": {"LEVEL_NAMES", "INDICATOR_LEVELS", "MAGNITUDES"},
    "extract.model": None,
    "extract.errors": None,
}


def _imports(path: Path) -> Iterator[tuple[str, str]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extract"):
            yield from ((node.module, a.name) for a in node.names)
        elif isinstance(node, ast.Import):
            yield from ((a.name, "") for a in node.names if a.name.startswith("extract"))


def test_reports_import_no_parser_of_stored_text() -> None:
    bad = [
        f"{p.relative_to(ROOT)}: {module}.{name}"
        for p in sorted((ROOT / "reports").rglob("*.py"))
        for module, name in _imports(p)
        if module not in ALLOWED or (ALLOWED[module] is not None and name not in ALLOWED[module])  # type: ignore[operator]
    ]
    assert not bad, "reports/ parses stored text again: " + "; ".join(bad)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.duckdb"
    ingest_paths([MUARO_JAMBI], path, in_process=True)
    return path


def _audit(con: duckdb.DuckDBPyConnection) -> list[reports.Finding]:
    (rid,) = con.execute("SELECT report_id FROM reports").fetchone()  # type: ignore[misc]
    return reports.audit(con, rid, save=False)


def test_a_stored_capaian_is_the_one_checked_not_its_raw(db: Path) -> None:
    con = store.connect(db)
    try:
        before = {(f.table_seq, f.row_seq) for f in _audit(con) if f.check_id == "capaian-mismatch"}
        quiet = con.execute(
            "SELECT c.table_seq, c.row_seq FROM cells c JOIN measurements m USING (report_id, table_seq, row_seq)"
            " WHERE c.field = 'capaian' AND c.number BETWEEN 50 AND 150 AND m.table_kind = 'pengukuran' ORDER BY 1, 2"
        ).fetchall()
        key = next(k for k in quiet if k not in before)
        # the raw text stays what it was: only a re-parse would still find the row consistent
        con.execute("UPDATE cells SET number = number + 7 WHERE field = 'capaian' AND table_seq = ? AND row_seq = ?", list(key))
        con.execute("UPDATE measurements SET capaian_value = NULL WHERE table_seq = ? AND row_seq = ?", list(key))
        after = {(f.table_seq, f.row_seq) for f in _audit(con) if f.check_id == "capaian-mismatch"}
    finally:
        con.close()
    assert after == before | {key}


def test_stored_mentions_and_sentences_are_what_the_audit_reads(db: Path) -> None:
    con = store.connect(db)
    try:
        flagged = {f.line for f in _audit(con) if f.check_id == "foreign-satker"}
        own = [r[0] for r in con.execute("SELECT line FROM mentions WHERE name = 'Muaro Jambi' ORDER BY seq").fetchall()]
        line = next(n for n in own if n not in flagged)
        con.execute("UPDATE mentions SET level = 'kota', name = 'Prabumulih' WHERE line = ?", [line])
        (seq, sline) = con.execute("SELECT seq, line FROM sentences WHERE text NOT LIKE '%20%' ORDER BY seq LIMIT 1").fetchone()  # type: ignore[misc]
        con.execute("UPDATE sentences SET text = 'Perjanjian Kinerja Tahun 2019 telah ditandatangani.' WHERE seq = ?", [seq])
        found = _audit(con)
    finally:
        con.close()
    assert {f.line for f in found if f.check_id == "foreign-satker"} == flagged | {line}
    assert sline in [f.line for f in found if f.check_id == "period-mismatch" and "2019" in f.message]


def test_other_tables_are_summed_from_their_typed_cells() -> None:
    lines = {11: (4, "1\tASN\t3\t2\t5")}
    ctx = context(lines=lines, tables=[table(1, "other", 10, 11, header="No | Jenis | L | P | Jumlah")])
    assert not list(totals.run(ctx))
    # the stored part says 4 where its text says 3: the audit adds what is stored
    cells = tuple(replace(c, value=Value("3", "number", 4.0, decimals=0)) if c.col == 2 else c for c in ctx.cells)
    (f,) = totals.run(replace(ctx, cells=cells))
    assert "= 6" in f.message


def test_a_claims_stored_decimals_set_its_rounding() -> None:
    text = "alokasi anggaran sebesar Rp 100.000.000 dan realisasi Rp 89.995.000 atau 90%"
    claims = claims_of(5, text)
    assert next(c.decimals for c in claims if c.kind == "percent") == 0
    assert not list(budget.run(context(claims=claims, lines={5: (1, text)})))  # 89,995 is 90 rounded
    # stored as printed to 3 decimals, where the raw `90%` has none: the audit holds it to the stored 3
    finer = [replace(c, decimals=3) if c.kind == "percent" else c for c in claims]
    assert list(budget.run(context(claims=finer, lines={5: (1, text)})))


def test_the_new_columns_are_stored(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        version = con.execute("SELECT schema_version FROM reports").fetchone()
        kinds = dict(con.execute("SELECT field, count(*) FROM cells GROUP BY 1").fetchall())
        hist = con.execute("SELECT count(*) FROM history").fetchone()
        typed = con.execute("SELECT count(*) FROM cells WHERE decimals IS NOT NULL AND page_line IS NOT NULL").fetchone()
        claims = con.execute("SELECT count(*) FILTER (WHERE decimals IS NOT NULL), count(page_line) FROM claims WHERE kind = 'percent'")
        n_decimals, n_placed = claims.fetchone()  # type: ignore[misc]
        n_percent = con.execute("SELECT count(*) FROM claims WHERE kind = 'percent'").fetchone()
        findings = con.execute("SELECT count(*), count(page_line) FROM findings").fetchone()
        mentions = con.execute("SELECT count(*) FROM mentions WHERE name = 'Muaro Jambi'").fetchone()
    finally:
        con.close()
    assert version == (SCHEMA_VERSION,)
    assert {"target", "realisasi", "capaian", "hist:realisasi", "cell"} <= set(kinds)
    assert hist == (sum(n for k, n in kinds.items() if k.startswith("hist:")),)  # the same values as table history
    assert typed and typed[0] > 50
    assert n_percent and n_decimals == n_placed == n_percent[0] > 0
    assert findings and findings[0] > 0 and findings[1] == findings[0]  # every finding placed on its page
    assert mentions and mentions[0] > 0


def test_a_pdfs_findings_keep_their_box_and_printed_page(tmp_path: Path) -> None:
    from corpus.tools.render_pdf import render

    pdf = render(MUARO_JAMBI, tmp_path / "mj.pdf", layout="ruled")
    db = tmp_path / "p.duckdb"
    ingest_paths([pdf], db, in_process=True)
    con = duckdb.connect(str(db), read_only=True)
    try:
        # a finding about a table row (not a sentence quoting one: the PDF reader boxes no prose line)
        boxed = con.execute(
            "SELECT count(*), count(f.bbox), count(f.page_line) FROM findings f JOIN measurements m"
            " ON m.report_id = f.report_id AND m.table_seq = f.table_seq AND m.row_seq = f.row_seq AND m.line = f.line"
        ).fetchone()
        cells = con.execute("SELECT count(*), count(bbox) FROM cells WHERE field = 'target'").fetchone()
    finally:
        con.close()
    assert boxed and boxed[0] > 0 and boxed[0] == boxed[1] == boxed[2]
    assert cells and cells[0] > 0 and cells[0] == cells[1]


def _make_old(db: Path) -> None:
    """The database as a lakip before typed cells wrote it."""
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE cells")
    con.execute("ALTER TABLE reports DROP COLUMN schema_version")
    con.close()


def test_an_older_database_is_refused_in_one_line_then_read_again(db: Path) -> None:
    _make_old(db)
    ro = runner.invoke(app, ["audit", "muaro", "--db", str(db)])
    assert ro.exit_code == 2 and "written by an older lakip" in ro.output and len(ro.output.strip().splitlines()) == 1
    con = store.connect(db)  # a writer adds what is missing; the report stays as it was stored
    try:
        with pytest.raises(store.StaleReport, match="stored by an older lakip") as e:
            _audit(con)
        assert "lakip ingest" in e.value.fix and "\n" not in str(e.value)
        assert store.stored(con, con.execute("SELECT sha256 FROM reports").fetchone()[0]) is None  # type: ignore[index]
    finally:
        con.close()
    (result,) = ingest_paths([MUARO_JAMBI], db, in_process=True)  # same hash: read again, in one transaction
    assert result.status == "replaced"
    con = store.connect(db)
    try:
        assert con.execute("SELECT schema_version, (SELECT count(*) FROM cells) > 0 FROM reports").fetchone() == (SCHEMA_VERSION, True)
        assert _audit(con)
    finally:
        con.close()
