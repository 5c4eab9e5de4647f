"""The same table in the three text shapes users have must give the same rows."""

from __future__ import annotations

from conftest import JEMBER, MUARO_JAMBI, SHAPES

import extract


def _rows(path, kind="pengukuran"):  # type: ignore[no-untyped-def]
    doc = extract.read_document(path)
    return doc, [
        (r.indicator, r.target and r.target.raw, r.realisasi and r.realisasi.raw, r.capaian and r.capaian.raw) for r in doc.rows(kind)
    ]


def test_flat_text_matches_tab_separated() -> None:
    flat_doc, flat = _rows(SHAPES / "muaro_jambi_pengukuran_flat.txt")
    _, tsv = _rows(MUARO_JAMBI)
    assert flat_doc.input_kind == "text-flat"
    assert flat == tsv
    assert flat_doc.pages == 2  # a form feed inside the table, footer dropped


def test_markdown_matches_tab_separated() -> None:
    md_doc, md = _rows(SHAPES / "jember_pengukuran.md")
    tsv_doc, tsv = _rows(JEMBER)
    assert md_doc.input_kind == "text-markdown"
    assert md == tsv
    sections = [r.section for r in md_doc.rows()]
    assert sections == [r.section for r in tsv_doc.rows("pengukuran")]


def test_flat_row_whose_values_come_after_its_name(tmp_path) -> None:  # type: ignore[no-untyped-def]
    text = (
        "LAPORAN KINERJA KPU KOTA CONTOH TAHUN 2024 (sintetis)\n\n"
        "No Indikator Kinerja Target Realisasi Capaian\n"
        "1 Persentase Partisipasi Pemilih\n"
        "  dalam Pemilu/Pemilihan 80% 78,5% 98,13%\n"
        "2 Opini BPK atas Laporan Keuangan WTP WTP 100%\n\n"
        "Demikian laporan ini disusun dengan sebenar-benarnya untuk dipergunakan sebagaimana mestinya oleh pihak terkait.\n"
    )
    p = tmp_path / "flat.txt"
    p.write_text(text, encoding="utf-8")
    doc, rows = _rows(p)
    assert rows == [
        ("Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan", "80%", "78,5%", "98,13%"),
        ("Opini BPK atas Laporan Keuangan", "WTP", "WTP", "100%"),
    ]
    assert doc.metadata.satker == "KPU Kota Contoh"


def test_encodings_give_the_same_rows(tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, utf8 = _rows(MUARO_JAMBI)
    text = MUARO_JAMBI.read_text(encoding="utf-8")
    for enc, data in {
        "utf-16": text.encode("utf-16"),
        "cp1252": text.encode("cp1252", errors="replace"),
        "utf-8-sig": text.encode("utf-8-sig"),
    }.items():
        p = tmp_path / f"mj-{enc}.txt"
        p.write_bytes(data)
        doc, rows = _rows(p)
        assert doc.encoding.replace("-le", "") in (enc, "utf-16"), enc
        assert [r[1:] for r in rows] == [r[1:] for r in utf8], enc
