"""Unit tests of `extract.narrative`: indicators given as sentences (`narasi` rows), as numbered
IKU sentences (real excerpt `11`, KPU Kabupaten Nganjuk 2020) and as comparisons in prose (real
excerpt `13`, LKj Provinsi Lampung 2015)."""

from __future__ import annotations

from pathlib import Path

import extract
from extract.model import Line, Source, Table
from extract.narrative import narrative_tables


def prose(*texts: str) -> list[Line]:
    return [Line((t,), Source("laporan.txt", k)) for k, t in enumerate(texts, start=1)]


def values(t: Table) -> list[tuple[str | None, str, str | None, str | None, str | None]]:
    return [
        (r.number, r.indicator, *(v.raw if v is not None else None for v in (r.target, r.realisasi, r.capaian)))  # type: ignore[misc]
        for r in t.rows
    ]


IKU = (
    "Capaian indikator kinerja utama tahun 2020 adalah sebagai berikut:",
    "1. Persentase Partisipasi Pemilih dalam Pemilu dengan target yang telah ditetapkan 77,5%",
    "dapat terealisasi sebesar 79,9%",
    "2. Persentase Laporan Keuangan yang disusun tepat waktu dengan target 100% dapat terealisasi sebesar 100% atau 100%",
    "3. Indeks Kepuasan Layanan dengan target sebesar 80 telah tercapai 85",
)


def test_numbered_iku_sentences_give_narasi_rows() -> None:
    (t,) = narrative_tables(prose(*IKU), 4)
    assert (t.seq, t.kind, t.caption) == (4, "narasi", "Capaian indikator kinerja utama tahun 2020 adalah sebagai berikut:")
    assert values(t) == [
        ("1", "Persentase Partisipasi Pemilih dalam Pemilu", "77,5%", "79,9%", None),
        ("2", "Persentase Laporan Keuangan yang disusun tepat waktu", "100%", "100%", "100%"),
        ("3", "Indeks Kepuasan Layanan", "80", "85", None),
    ]
    # each row's source is the line its item starts on (item 1 wraps onto line 3)
    assert [(r.row_seq, r.source.line, r.lines) for r in t.rows] == [(1, 2, (2,)), (2, 4, (4,)), (3, 5, (5,))]
    assert (t.source.line, t.end_line) == (2, 5)
    assert t.rows[0].target is not None and t.rows[0].target.number == 77.5


def test_numbered_sentences_are_rows_even_beside_tables() -> None:
    # `tabled` only stops the prose comparisons
    (t,) = narrative_tables(prose(*IKU), 1, tabled=True)
    assert len(t.rows) == 3


def test_one_numbered_sentence_is_no_table() -> None:
    assert narrative_tables(prose(*IKU[:3]), 1) == []


def test_numbered_items_without_the_sentence_shape_give_nothing() -> None:
    lines = prose(
        "Langkah yang dilakukan:", "1. Melaksanakan rapat koordinasi dengan pemangku kepentingan", "2. Menyusun laporan tepat waktu"
    )
    assert narrative_tables(lines, 1) == []


def test_comma_dengan_capaian_is_read() -> None:
    # `, dengan capaian`: the d of `dengan` is no grade D (grades are matched in capitals only)
    lines = prose(
        "1. Persentase A yang tinggi dengan target 90% dapat terealisasi sebesar 95%, dengan capaian kinerja sebesar 105,56%",
        "2. Persentase B yang tinggi dengan target 80% dapat terealisasi 80% dengan capaian 100%",
    )
    (t,) = narrative_tables(lines, 1)
    assert [r.capaian.raw if r.capaian else None for r in t.rows] == ["105,56%", "100%"]


# Real excerpt `13`, wrapped as a text export wraps it.
LAMPUNG = (
    "Manfaat dari IMR ini adalah untuk mengetahui gambaran kesehatan masyarakat. Angka Kematian Bayi",
    "per 1000 kelahiran hidup berdasarkan laporan fasilitas kesehatan tahun 2015 sebesar 4,88 per 1000",
    "kelahiran hidup. Angka ini bila dibandingkan dengan target Provinsi Lampung sebesar 32 per 1000",
    "kelahiran hidup maka angkanya sudah mencapai target yang ditetapkan dengan capaian kinerja sebesar",
    "184,75 dengan kriteria Sangat Tinggi. Bila dibandingkan realisasi tahun 2015 sebesar 4,88 per 1000",
    "lahir hidup dengan target tahun 2019 sebesar 24 per 100.000 lahir hidup, maka capaian kinerja mencapai",
    "179,67 dengan kriteria Sangat Tinggi.",
)


def test_prose_comparisons_give_narasi_rows_without_tables() -> None:
    (t,) = narrative_tables(prose(*LAMPUNG), 7)
    assert (t.seq, t.kind) == (7, "narasi")
    # the second comparison names no indicator: it is the one named before it
    got = [(r.indicator, r.target, r.realisasi, r.capaian) for r in t.rows]
    assert [(name, v[0].number, v[1].number, v[2].number) for name, *v in got] == [  # type: ignore[union-attr]
        ("Angka Kematian Bayi per 1000 kelahiran hidup", 32.0, 4.88, 184.75),
        ("Angka Kematian Bayi per 1000 kelahiran hidup", 24.0, 4.88, 179.67),
    ]
    # the source is the line the realisasi stands on
    assert [r.source.line for r in t.rows] == [2, 5]


def test_prose_comparisons_give_no_rows_where_the_report_has_tables() -> None:
    # where the report prints its tables, the prose restates them: claims, not rows
    assert narrative_tables(prose(*LAMPUNG), 7, tabled=True) == []


def test_a_comparison_without_an_indicator_named_gives_nothing() -> None:
    lines = prose(
        "Bila dibandingkan realisasi tahun 2015 sebesar 4,88 dengan target tahun 2019 sebesar 24 maka capaian kinerja mencapai 179,67."
    )
    assert narrative_tables(lines, 1) == []


def test_prose_values_are_as_printed() -> None:
    (t,) = narrative_tables(prose(*LAMPUNG), 1)
    r = t.rows[0]
    assert (r.target and r.target.raw, r.realisasi and r.realisasi.raw, r.capaian and r.capaian.raw) == ("32", "4,88", "184,75")


def test_table_lines_split_paragraphs() -> None:
    # a line of cells (or of a found region) is no prose: a comparison does not run across it
    lines = prose(*LAMPUNG[:3])
    cut = Line(("No", "Indikator", "Target"), Source("laporan.txt", 90))
    assert narrative_tables([*lines, cut, *prose(*LAMPUNG[3:])], 1) == []


# --- through read_document: `tabled` decided by the document --------------------------------


def test_read_document_prose_only_report_has_narasi_rows(tmp_path: Path) -> None:
    path = tmp_path / "lampung.txt"
    path.write_text("LKj Provinsi Lampung Tahun 2015\n\n" + "\n".join(LAMPUNG) + "\n", encoding="utf-8")
    doc = extract.read_document(path)
    assert [t.kind for t in doc.tables] == ["narasi"]
    assert [(r.table_kind, r.indicator) for r in doc.rows()] == [("narasi", "Angka Kematian Bayi per 1000 kelahiran hidup")] * 2
    assert doc.rows()[0].source.line == 4


def test_read_document_report_with_a_table_keeps_its_prose_as_claims(tmp_path: Path) -> None:
    path = tmp_path / "lampung.txt"
    table = "No Indikator Kinerja Target Realisasi Capaian\n1 Angka Kematian Bayi 32 4,88 184,75%\n2 Angka Kematian Ibu 100 90 110%\n"
    path.write_text("LKj Provinsi Lampung Tahun 2015\n\n" + "\n".join(LAMPUNG) + "\n" + table, encoding="utf-8")
    doc = extract.read_document(path)
    assert [t.kind for t in doc.tables] == ["pengukuran"]
    assert [r.indicator for r in doc.rows()] == ["Angka Kematian Bayi", "Angka Kematian Ibu"]
