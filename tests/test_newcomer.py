"""Issue 16, what a newcomer hits: commands that read never create, messages that name the file,
the reason and the fix, one error base class, make with spaces, `make audit` on the shipped data,
a read-only audit, the printout, and queries that return rows."""

from __future__ import annotations

import ast
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pypdfium2
import pytest
from conftest import DOCS, JEMBER, MUARO_JAMBI, ROOT
from typer.testing import CliRunner

from lakip.cli import app
from lakip.pipeline import ingest_paths

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("samples") / "s.duckdb"
    ingest_paths([DOCS], path, in_process=True)
    return path


def _one_line(output: str) -> str:
    lines = [x for x in output.strip().splitlines() if x.strip()]
    assert len(lines) == 1, output  # no traceback
    return lines[0]


# commands that read a database refuse one that is not there, and create nothing


@pytest.mark.parametrize("command", [["compare"], ["review"], ["audit"], ["audit", "--rerun"], ["renormalize"]])
def test_reading_commands_refuse_a_missing_database(tmp_path, command) -> None:  # type: ignore[no-untyped-def]
    typo = tmp_path / "lakpi.duckdb"
    result = runner.invoke(app, [*command, "--db", str(typo)])
    assert result.exit_code == 2
    line = _one_line(result.output)
    assert line == f"lakip: {typo}: no database here (check --db, or create one with `lakip ingest FILES --db FILE`)"
    assert not typo.exists()


def test_ingest_of_a_missing_path_exits_2_and_writes_nothing(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path / "tidak_ada"), "--db", str(db)])
    assert result.exit_code == 2
    assert _one_line(result.output) == f"lakip: {tmp_path / 'tidak_ada'}: no such file or folder (check the path (nothing was ingested))"
    assert not db.exists()


def test_ingest_of_an_empty_folder_creates_no_database(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "kosong").mkdir()
    db = tmp_path / "x.duckdb"
    result = runner.invoke(app, ["ingest", str(tmp_path / "kosong"), "--db", str(db)])
    assert result.exit_code == 2
    assert _one_line(result.output) == (
        f"lakip: {tmp_path / 'kosong'}: no report files found "
        "(give .docx, .markdown, .md, .odt, .pdf, .text, .txt files or folders holding them)"
    )
    assert not db.exists()


# messages: file, reason, fix


def test_db_in_a_missing_folder_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "tidak_ada" / "x.duckdb"
    result = runner.invoke(app, ["ingest", str(JEMBER), "--db", str(db)])
    assert result.exit_code == 2
    assert _one_line(result.output) == (
        f"lakip: {db}: the folder {db.parent} does not exist (create it, or give --db a file in an existing folder)"
    )


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--workers", "0"], "lakip: --workers 0: must be 1 to 256 (give --workers"),
        (["--memory-mb", "100"], "lakip: --memory-mb 100: too little for one report: a scanned report needs about 700 MB, so at least 768"),
        (["--timeout", "0"], "lakip: --timeout 0: must be more than 0 seconds"),
    ],
)
def test_bad_options_name_their_limits(tmp_path, option, message) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["ingest", str(JEMBER), "--db", str(tmp_path / "x.duckdb"), *option])
    assert result.exit_code == 2
    line = _one_line(result.output)
    assert line.startswith(message) and "WorkSettings" not in line
    assert not (tmp_path / "x.duckdb").exists()


def test_review_accept_with_an_unknown_id_or_a_missing_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    catalogue = tmp_path / "katalog"
    shutil.copytree(ROOT / "corpus" / "catalogue", catalogue)
    sheet = tmp_path / "review.csv"
    sheet.write_text("indicator_raw,decision\nSesuatu yang baru,IKU-99\n", encoding="utf-8")
    bad = runner.invoke(app, ["review", "--accept", str(sheet), "--catalogue", str(catalogue)])
    assert bad.exit_code == 2
    assert _one_line(bad.output) == (
        f"lakip: {sheet}:2: decision 'IKU-99' is not an indicator id of the catalogue "
        "(write an id from the `candidates` column (e.g. IKU-08), or leave `decision` empty)"
    )
    missing = runner.invoke(app, ["review", "--accept", str(tmp_path / "tidak.csv"), "--catalogue", str(catalogue)])
    assert missing.exit_code == 2
    fix = "give the sheet written by `lakip review --csv FILE`"
    assert _one_line(missing.output) == f"lakip: {tmp_path / 'tidak.csv'}: no such file ({fix})"
    assert (catalogue / "aliases.csv").read_bytes() == (ROOT / "corpus" / "catalogue" / "aliases.csv").read_bytes()


def test_one_error_base_class_and_the_cli_catches_only_it() -> None:
    from extract.errors import LakipError
    from lakip.pipeline import StartError
    from lakip.review import ReviewError
    from lakip.workers import SettingsError
    from reports.compare import ExportError
    from reports.render import BrowserFailed, BrowserMissing
    from store import StorageFull, StoreError

    for cls in (StartError, ReviewError, SettingsError, ExportError, BrowserFailed, BrowserMissing, StoreError, StorageFull):
        assert issubclass(cls, LakipError), cls
    tree = ast.parse((ROOT / "lakip" / "cli.py").read_text(encoding="utf-8"))
    caught = {ast.unparse(h.type) for h in ast.walk(tree) if isinstance(h, ast.ExceptHandler) and h.type is not None}
    assert caught == {"LakipError", "Interrupted"}, caught
    for package in ("lakip", "store", "reports"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                bases = {ast.unparse(b) for b in node.bases} if isinstance(node, ast.ClassDef) else set()
                if bases & {"Exception", "RuntimeError", "ValueError"}:
                    pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno}: not a LakipError")


def test_a_bug_still_shows_as_a_bug(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import lakip.pipeline

    def broken(*a, **kw):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(lakip.pipeline.normalize, "load_catalogue", broken)
    result = runner.invoke(app, ["ingest", str(JEMBER), "--db", str(tmp_path / "x.duckdb")])
    assert isinstance(result.exception, ZeroDivisionError)  # not turned into a one-line "lakip: ..." and status 2


# make


def _make_line(target: str, *assignments: str) -> list[str]:
    done = subprocess.run(["make", "-n", "--no-print-directory", target, *assignments], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    line = next(x for x in done.stdout.splitlines() if f"lakip {target}" in x)
    return shlex.split(line.split(";")[0].lstrip("@"))


def test_make_quotes_dir_and_db(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder, db = tmp_path / "folder with spaces", tmp_path / "basis data.duckdb"
    assert _make_line("ingest", f"DIR={folder}", f"DB={db}")[2:] == [str(folder), "--db", str(db)]
    assert _make_line("compare", f"DB={db}")[2:4] == ["--db", str(db)]
    assert _make_line("audit", f"DB={db}")[2:4] == ["--db", str(db)]


def test_make_audit_succeeds_on_the_shipped_data(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "cetak an"
    done = subprocess.run(
        ["make", "--no-print-directory", "audit", f"DB={db}", f"AUDIT_OUT={out}"], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Error" not in done.stderr
    assert done.stdout.strip().splitlines()[-1] == f"2 printouts in {out}; 1 of the reports have errors (Kesalahan)"
    assert sorted(p.name for p in out.iterdir()) == [
        "jember_2024.audit.html", "jember_2024.audit.pdf", "muaro_jambi_2024.audit.html", "muaro_jambi_2024.audit.pdf",
    ]  # fmt: skip


# files that are not read are named


def test_office_files_in_a_folder_are_named_not_ignored(tmp_path) -> None:  # type: ignore[no-untyped-def]
    shutil.copy(JEMBER, tmp_path / "lkj.txt")
    (tmp_path / "pk_2024.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # Word 97: not read, named
    (tmp_path / "lkj.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "rusak.odt").write_bytes(b"PK\x03\x04")  # read, and fails with its reason
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert f"- {tmp_path / 'pk_2024.doc'}: .doc documents are not read" in result.output
    assert f"- {tmp_path / 'lkj.xlsx'}: .xlsx documents are not read" in result.output
    assert "✗ rusak.odt: a zip archive that is not a readable .docx or .odt document" in result.output
    assert "- 1 files in the folders are not reports (.jpg 1)" in result.output


# the audit of a stored report only reads


def test_audit_reads_while_an_analyst_has_the_database_open(db) -> None:  # type: ignore[no-untyped-def]
    hold = f"import duckdb, time; c = duckdb.connect({str(db)!r}, read_only=True); print('open', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", hold], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        run = subprocess.run([sys.executable, "-m", "lakip", "audit", "jember", "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
        assert run.returncode == 0, run.stderr
        assert run.stdout.startswith("AUDIT KONSISTENSI LAPORAN KINERJA — KPU Kabupaten Jember TAHUN 2024")
        args = [sys.executable, "-m", "lakip", "audit", "jember", "--rerun", "--db", str(db)]
        rerun = subprocess.run(args, capture_output=True, text=True, cwd=ROOT)
        assert rerun.returncode == 2 and "in use by another process" in rerun.stderr  # re-auditing writes
    finally:
        holder.kill()
        holder.wait()


# the printout


def _printout(db: Path, name: str) -> str:
    from reports.printout import load_printout, to_html

    con = duckdb.connect(str(db), read_only=True)
    try:
        rid = con.execute("SELECT report_id FROM reports WHERE source_path LIKE ?", [f"%{name}"]).fetchone()[0]  # type: ignore[index]
        return to_html(load_printout(con, rid))
    finally:
        con.close()


def _numbers(html: str, heading: str) -> list[str]:
    section = html.split(f"<h2>{heading}</h2>", 1)[1].split("</table>", 1)[0]
    return re.findall(r"<tr><td>([^<]*)</td>", section)


def test_printout_numbers_rows_in_order(db) -> None:  # type: ignore[no-untyped-def]
    jember = _numbers(_printout(db, JEMBER.name), "Pengukuran Kinerja")
    assert jember == [str(n) for n in range(1, len(jember) + 1)] and len(jember) == 18
    multi = _numbers(_printout(db, MUARO_JAMBI.name), "Tabel kegiatan (multi-tahun)")
    assert len(multi) > 1 and multi == [str(n) for n in range(1, len(multi) + 1)]


def test_printout_words_time_and_quotes() -> None:
    from datetime import UTC, datetime

    from reports.printout import SEVERITY_ID, clip, stamp

    assert SEVERITY_ID["error"] == "Kesalahan"
    assert stamp(datetime(2025, 1, 31, 20, 5, tzinfo=UTC)) == "01-02-2025 03:05 WIB"
    quote = "Persentase pelaksanaan kegiatan " * 20
    cut = clip(quote, 400)
    assert len(cut) <= 400 and cut.endswith("…") and quote.startswith(cut[:-1]) and quote[len(cut) - 1] == " "  # at a word's end
    assert clip("pendek", 400) == "pendek"


def test_printout_repeats_the_table_header_on_every_page(db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reports.printout import Printout, load_printout, to_html
    from reports.render import html_to_pdf

    con = duckdb.connect(str(db), read_only=True)
    rid = con.execute("SELECT report_id FROM reports WHERE source_path LIKE '%jember_2024.txt'").fetchone()[0]  # type: ignore[index]
    p = load_printout(con, rid)
    con.close()
    long = Printout(p.report, [], [dict(r, row_seq=n) for n, r in enumerate(p.rows * 6)])  # ~108 rows: three pages
    page = tmp_path / "panjang.html"
    page.write_text(to_html(long), encoding="utf-8")
    pdf = pypdfium2.PdfDocument(str(html_to_pdf(page, tmp_path / "panjang.pdf")))
    assert len(pdf) >= 3
    for n in range(1, len(pdf)):
        text = pdf[n].get_textpage().get_text_range()
        assert "Indikator" in text and "Realisasi" in text and "Capaian" in text, f"page {n + 1} has no table header"


# the data an analyst queries


def test_readme_queries_return_rows_on_the_shipped_data(db) -> None:  # type: ignore[no-untyped-def]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Query it", 1)[1].split("```sql", 1)[1].split("```", 1)[0]
    queries = [q for q in (re.sub(r"--[^\n]*", "", part).strip() for part in block.split(";")) if q]
    assert len(queries) >= 4
    con = duckdb.connect(str(db), read_only=True)
    try:
        for q in queries:
            assert con.execute(q).fetchall(), f"no rows on the sample reports:\n{q}"
    finally:
        con.close()


def test_changed_pk_targets_query_agrees_with_the_audit(db) -> None:  # type: ignore[no-untyped-def]
    from reports.queries import QUERIES

    sql = next(q for question, q in QUERIES if question.startswith("Targets changed between the Perjanjian Kinerja"))
    con = duckdb.connect(str(db), read_only=True)
    try:
        audit = con.execute("SELECT count(*) FROM findings WHERE check_id = 'pk-target-mismatch'").fetchone()
        assert (len(con.execute(sql).fetchall()),) == audit == (7,)
    finally:
        con.close()


def test_column_names_say_what_they_hold() -> None:
    from store.schema import TABLES

    measurements = {c.name for c in next(t for t in TABLES if t.name == "measurements").columns}
    assert "row_number" not in measurements and "lines" not in measurements  # a window function; a table
    assert {"printed_number", "source_lines", "row_seq"} <= measurements


def test_a_database_with_the_old_column_names_is_upgraded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import store

    db = tmp_path / "lama.duckdb"
    ingest_paths([JEMBER], db, in_process=True)
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE measurements RENAME COLUMN printed_number TO row_number")
    con.execute("ALTER TABLE measurements RENAME COLUMN source_lines TO lines")
    con.close()
    ro = runner.invoke(app, ["audit", "jember", "--db", str(db)])
    assert ro.exit_code == 2 and "written by an older lakip" in ro.output and "lakip renormalize" in ro.output
    con = store.connect(db)
    try:
        assert con.execute("SELECT count(printed_number), count(source_lines) FROM measurements").fetchone() == (14, 73)
    finally:
        con.close()


def test_a_broken_catalogue_is_one_line_naming_its_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    catalogue = tmp_path / "katalog"
    shutil.copytree(ROOT / "corpus" / "catalogue", catalogue)
    with (catalogue / "aliases.csv").open("a", encoding="utf-8") as f:
        f.write("IKU-99,sesuatu,uji\n")
    sheet = tmp_path / "review.csv"
    sheet.write_text("indicator_raw,decision\nSesuatu,IKU-01\n", encoding="utf-8")
    result = runner.invoke(app, ["review", "--accept", str(sheet), "--catalogue", str(catalogue)])
    assert result.exit_code == 2
    line = _one_line(result.output)
    assert line.startswith(f"lakip: {catalogue / 'aliases.csv'}: line ") and "unknown indicator_id 'IKU-99'" in line
