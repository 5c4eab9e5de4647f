"""Word and OpenDocument files (issue 16: offices keep their LKj and PK as .docx): their tables are
explicit cells, read through the same table layer, so rows come back exact."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import extract
from extract.errors import UnreadableInput

HTML = """<html><body><p>LAPORAN KINERJA KPU KABUPATEN TEBO TAHUN 2024</p><p>Tabel 3.1 Pengukuran Kinerja</p>
<table border="1"><tr><th>No</th><th>Indikator Kinerja</th><th>Target</th><th>Realisasi</th><th>Capaian</th></tr>
<tr><td colspan="5">Sasaran 1: Meningkatnya kualitas penyelenggaraan pemilu</td></tr>
<tr><td>1</td><td>Persentase laporan keuangan tepat waktu</td><td>100%</td><td>100%</td><td>100%</td></tr>
<tr><td>2</td><td>Indeks kepuasan layanan</td><td>80</td><td>85</td><td>106,25%</td></tr>
</table><p>Capaian kinerja tahun 2024 secara umum tercapai.</p></body></html>"""
ROWS = [
    ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
    ("2", "Indeks kepuasan layanan", "80", "85", "106,25%"),
]


def rows(doc: extract.Document) -> list[tuple[str | None, str, str | None, str | None, str | None]]:
    (t,) = [t for t in doc.tables if t.kind == "pengukuran"]
    return [
        (r.number, r.indicator, *(v.raw.strip() if v else None for v in (r.target, r.realisasi, r.capaian)))  # type: ignore[misc]
        for r in t.rows
    ]


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def cell(text: str, extra: str = "") -> str:
    return f"<w:tc><w:tcPr>{extra}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>"


def docx(path: Path, body: str) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
    return path


def test_a_docx_table_with_merged_cells_and_a_page_break(tmp_path: Path) -> None:
    title = "<w:p><w:r><w:t>LAPORAN KINERJA KPU KABUPATEN TEBO TAHUN 2024</w:t></w:r></w:p>"
    head = "<w:tr>" + "".join(cell(h) for h in ("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian")) + "</w:tr>"
    group = "<w:tr>" + cell("Sasaran 1: Meningkatnya kualitas", '<w:gridSpan w:val="5"/>') + "</w:tr>"
    one = "<w:tr>" + "".join(cell(c) for c in ROWS[0]) + "</w:tr>"
    # row 2 on the next page, its No cell merged down from nothing printed (a vMerge continuation)
    two = "<w:tr>" + cell(ROWS[1][0]) + "".join(cell(c) for c in ROWS[1][1:4]) + cell(ROWS[1][4]) + "</w:tr>"
    brk = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
    doc = extract.read_document(docx(tmp_path / "lkj.docx", f"{title}<w:tbl>{head}{group}{one}</w:tbl>{brk}<w:tbl>{head}{two}</w:tbl>"))
    assert doc.input_kind == "docx" and doc.metadata.satker == "KPU Kabupaten Tebo"
    assert rows(doc) == ROWS  # the header repeated after the page break is not a row
    t = next(t for t in doc.tables if t.kind == "pengukuran")
    assert {r.section for r in t.rows} == {"Sasaran 1: Meningkatnya kualitas"}
    assert [r.source.page for r in t.rows] == [1, 2]


def test_a_vertically_merged_cell_is_empty_below_its_first_row(tmp_path: Path) -> None:
    from extract.readers.office import office_text

    restart = cell("Sasaran 1", '<w:vMerge w:val="restart"/>')
    below = cell("Sasaran 1", "<w:vMerge/>")  # Word repeats nothing here; the text stands for a stray copy
    path = docx(tmp_path / "m.docx", f"<w:tbl><w:tr>{restart}{cell('a')}</w:tr><w:tr>{below}{cell('b')}</w:tr></w:tbl>")
    assert office_text(path.read_bytes(), "docx", str(path)).splitlines() == ["Sasaran 1\ta", "\tb"]


def test_a_broken_office_file_names_the_reason(tmp_path: Path) -> None:
    broken = tmp_path / "pk.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UnreadableInput, match=r"not a readable \.docx or \.odt"):
        extract.read_document(broken)
    damaged = docx(tmp_path / "d.docx", "<w:p>")
    with pytest.raises(UnreadableInput, match="damaged"):
        extract.read_document(damaged)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (apt libreoffice-writer-nogui)")
@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_libreoffice_docx_and_odt_read_back_exact(fmt: str, tmp_path: Path) -> None:
    src = tmp_path / "pk.html"
    src.write_text(HTML, encoding="utf-8")
    target = "docx:MS Word 2007 XML" if fmt == "docx" else "odt"
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"  # its own profile: no lock on the user's
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(src)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    doc = extract.read_document(tmp_path / f"pk.{fmt}")
    assert doc.input_kind == fmt and (doc.metadata.satker, doc.metadata.year) == ("KPU Kabupaten Tebo", 2024)
    assert rows(doc) == ROWS
