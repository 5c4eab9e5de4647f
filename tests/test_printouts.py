"""Printouts as an inspector gets them: HTML checked in a real headless browser, the PDF rendered
to an image, report text escaped. Artefacts land in out/test-artifacts/ for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from conftest import DOCS, MUARO_JAMBI, ROOT
from PIL import Image, ImageStat
from typer.testing import CliRunner

import store
from lakip.cli import app
from lakip.pipeline import ingest_paths
from reports.compare import compare_html, export
from reports.printout import load_printout, to_html, to_text
from reports.render import html_to_pdf, screenshot

ARTIFACTS = ROOT / "out" / "test-artifacts"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("print") / "p.duckdb"
    ingest_paths([DOCS], path)
    return path


def _rid(db: Path, name: str) -> str:
    con = store.connect(db)
    rid = con.execute("SELECT report_id FROM reports WHERE source_path LIKE ?", [f"%{name}"]).fetchone()[0]
    con.close()
    return str(rid)


def _not_blank(png: Path) -> float:
    with Image.open(png) as im:
        return max(ImageStat.Stat(im.convert("L")).stddev)


def test_html_in_headless_browser(db: Path) -> None:
    con = store.connect(db)
    html = to_html(load_printout(con, _rid(db, MUARO_JAMBI.name)))
    con.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page, png = ARTIFACTS / "audit_muaro_jambi.html", ARTIFACTS / "audit_muaro_jambi.png"
    page.write_text(html, encoding="utf-8")
    screenshot(page, png)
    with Image.open(png) as im:
        assert im.size == (900, 1270)
    assert _not_blank(png) > 20  # the page rendered text, not a white or error screen
    assert "Kesalahan: 19" in html and "class='num mark'" in html


def test_pdf_renders_to_an_a4_image(db: Path) -> None:
    con = store.connect(db)
    html = to_html(load_printout(con, _rid(db, "jember_2024.txt")))
    con.close()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = ARTIFACTS / "audit_jember.html"
    page.write_text(html, encoding="utf-8")
    pdf = html_to_pdf(page, ARTIFACTS / "audit_jember.pdf")
    doc = pypdfium2.PdfDocument(str(pdf))
    w, h = doc[0].get_size()
    assert (round(w), round(h)) == (595, 842)  # A4 in points
    image = doc[0].render(scale=1).to_pil()
    image.save(ARTIFACTS / "audit_jember_page1.png")
    assert max(ImageStat.Stat(image.convert("L")).stddev) > 20


def test_report_text_is_escaped(tmp_path) -> None:  # type: ignore[no-untyped-def]
    evil = tmp_path / "jahat.txt"
    text = MUARO_JAMBI.read_text(encoding="utf-8").replace(
        "Persentase kegiatan pengelolaan dan pengembangan RPP yang terlaksana\t90\t80",
        "Persentase <script>alert('x')</script> RPP & <b>lainnya</b>\t90\t80",
    )
    evil.write_text(text, encoding="utf-8")
    ingest_paths([evil], tmp_path / "e.duckdb")
    con = store.connect(tmp_path / "e.duckdb")
    rid = con.execute("SELECT report_id FROM reports").fetchone()[0]
    html = to_html(load_printout(con, rid))
    assert "<script>" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<b>lainnya" not in html


def test_text_printout_and_exit_status(db: Path) -> None:
    con = store.connect(db)
    text = to_text(load_printout(con, _rid(db, MUARO_JAMBI.name)))
    con.close()
    assert text.startswith("AUDIT KONSISTENSI LAPORAN KINERJA — KPU Kabupaten Muaro Jambi TAHUN 2024")
    assert "Kutipan: “2 | Persentase Keputusan KPU Kota Prabumulih" in text
    runner = CliRunner()
    assert runner.invoke(app, ["audit", "muaro", "--db", str(db)]).exit_code == 1  # errors
    assert runner.invoke(app, ["audit", "jember", "--db", str(db)]).exit_code == 0  # warnings only
    missing = runner.invoke(app, ["audit", "tidak-ada", "--db", str(db)])
    assert missing.exit_code == 2 and "no report matches" in missing.output


def test_comparison_exports_and_page(db: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    con = store.connect(db)
    files = export(con, tmp_path)
    html = compare_html(con)
    rows = con.execute("SELECT count(*), count(DISTINCT satker) FROM comparison").fetchone()
    con.close()
    assert sorted(f.name for f in files) == sorted(
        f"{v}.{x}" for v in ("comparison", "findings_summary") for x in ("csv", "parquet", "xlsx")
    )
    assert rows == (22, 2)  # 12 IKU of Muaro Jambi + 10 RO of Jember: one row per satker × indicator
    assert html.count("<section class='indicator'") == 22 and "IKU-04" in html


def test_a_pdfs_findings_cite_the_line_on_their_page(tmp_path: Path) -> None:
    """Issue 15: "halaman 54, baris 514" was the 514th line of the document, the 4th of page 54.
    A PDF's finding cites its page and the line counted from that page's top."""
    import re

    from corpus.tools.render_pdf import render

    pdf = render(MUARO_JAMBI, tmp_path / "mj.pdf", layout="ruled")
    db = tmp_path / "p.duckdb"
    ingest_paths([pdf], db)
    con = store.connect(db)
    rid = con.execute("SELECT report_id FROM reports").fetchone()[0]  # type: ignore[index]
    per_page = dict(con.execute("SELECT page, count(*) FROM lines WHERE report_id = ? GROUP BY page", [rid]).fetchall())
    text = to_text(load_printout(con, rid))
    con.close()
    # `halaman 12, baris 4`, or `halaman III-4 (PDF 54), baris 4` where the page prints its number
    found = re.findall(r"halaman (?:[^,()]{1,12} \(PDF (\d+)\)|(\d+)), baris (\d+)", text)
    cited = [(int(pdf or page), int(b)) for pdf, page, b in found]
    assert len(cited) >= 20
    assert all(1 <= b <= per_page[p] for p, b in cited)
    assert max(b for _, b in cited) < 80  # the document's line numbers run past 800
