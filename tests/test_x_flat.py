"""The text readers (`extract.readers.flat`, `extract.readers.text`) through
`extract.read_document`, on small exports written into tmp_path: the shapes the flat reader's
docstring lists, and the tab / Markdown readers beside them."""

from __future__ import annotations

from pathlib import Path

import extract
from extract.model import Document

TITLE = "LAPORAN KINERJA KPU KABUPATEN TEBO TAHUN 2024"


def read(tmp_path: Path, text: str, name: str = "laporan.txt") -> Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract.read_document(path)


def flat(*lines: str) -> str:
    """A flat export: the title, a one-line header, then `lines`."""
    return "\n".join([TITLE, "No Indikator Kinerja Target Realisasi Capaian", *lines]) + "\n"


def rows(doc: Document) -> list[tuple[str | None, str, str | None, str | None, str | None]]:
    """Every measured row as (number, indicator, target, realisasi, capaian), values as printed."""
    return [
        (r.number, r.indicator, *(v.raw if v is not None else None for v in (r.target, r.realisasi, r.capaian)))  # type: ignore[misc]
        for r in doc.rows()
    ]


# The flat reader docstring's shapes, in one table: a header over several lines with column
# numbers below, a group row, values at the end of a name's line, a name wrapped with its values
# on a line of their own, values in the middle of a name with its tail (indented) after them.
FLAT = f"""{TITLE}

Tabel 3.1 Pengukuran Kinerja Tahun 2024
No Indikator Kinerja
Target % Realisasi % Capaian %
(1) (2) (3) (4) (5)
Sasaran 1 : Meningkatnya kualitas penyelenggaraan pemilu
1 Persentase laporan keuangan yang disusun tepat waktu 100% 100% 100%
2 Persentase KPU yang
menyelenggarakan pemilu sesuai ketentuan berlaku
100% 95% 95%
3 Persentase pegawai mengikuti pelatihan 90 95 105,56%
  yang terlaksana sesuai jadwal
4 Indeks kepuasan layanan 80 85 106,25%
Demikian laporan ini disusun sebagai bentuk pertanggungjawaban kinerja tahun ini.
5 Persentase yang tidak termasuk tabel 10 10 100%
"""

FLAT_ROWS = [
    ("1", "Persentase laporan keuangan yang disusun tepat waktu", "100%", "100%", "100%"),
    ("2", "Persentase KPU yang menyelenggarakan pemilu sesuai ketentuan berlaku", "100%", "95%", "95%"),
    ("3", "Persentase pegawai mengikuti pelatihan yang terlaksana sesuai jadwal", "90", "95", "105,56%"),
    ("4", "Indeks kepuasan layanan", "80", "85", "106,25%"),
]


def test_flat_table_of_every_shape(tmp_path: Path) -> None:
    doc = read(tmp_path, FLAT)
    assert doc.input_kind == "text-flat"
    (table,) = doc.tables
    assert (table.kind, table.roles) == ("pengukuran", ("no", "indicator", "target", "realisasi", "capaian"))
    assert table.caption == "Tabel 3.1 Pengukuran Kinerja Tahun 2024"
    # the prose line ends the table: the row after it is not the table's
    assert rows(doc) == FLAT_ROWS
    assert {r.section for r in doc.rows()} == {"Sasaran 1 : Meningkatnya kualitas penyelenggaraan pemilu"}
    # provenance: every line a row was assembled from
    assert [r.lines for r in doc.rows()] == [(8,), (9, 10, 11), (12, 13), (14,)]


def test_flat_blank_line_between_every_line(tmp_path: Path) -> None:
    # a viewer's copy-paste: every line followed by a blank one; no page edges to tell
    doc = read(tmp_path, "\n\n".join(FLAT.split("\n")))
    assert rows(doc) == FLAT_ROWS
    assert [r.lines for r in doc.rows()] == [(15,), (17, 19, 21), (23, 25), (27,)]


def test_flat_one_cell_per_line(tmp_path: Path) -> None:
    # an HTML table copied out: header cells, then each row's No, name and values, a line each
    text = "\n".join(
        [
            "Laporan Kinerja KPU Kabupaten Tebo Tahun 2024",
            "No",
            "Indikator Kinerja",
            "Target",
            "Realisasi",
            "Capaian",
            "1",
            "Persentase laporan keuangan tepat waktu",
            "100%",
            "100%",
            "100%",
            "2",
            "Indeks kepuasan layanan",
            "80",
            "85",
            "106,25%",
            "Tabel di atas menunjukkan seluruh indikator tercapai dengan baik pada tahun ini.",
        ]
    )
    doc = read(tmp_path, text)
    assert rows(doc) == [
        ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
        ("2", "Indeks kepuasan layanan", "80", "85", "106,25%"),
    ]
    assert [r.lines for r in doc.rows()] == [(7, 8, 9, 10, 11), (12, 13, 14, 15, 16)]


def test_flat_running_header_and_page_number_inside_a_table(tmp_path: Path) -> None:
    # a row split by a page break: page number `12`, form feed, the running header, the name's tail
    text = (
        f"{TITLE}\nTabel 3.1 Pengukuran Kinerja\nNo Indikator Kinerja Target Realisasi Capaian\n"
        "1 Persentase laporan keuangan tepat waktu 100% 100% 100%\n2 Persentase KPU yang menyelenggarakan\n12\n"
        "\fLaporan Kinerja KPU Kabupaten Tebo Tahun 2024\npemilu sesuai ketentuan 100% 95% 95%\n"
        "3 Indeks kepuasan layanan 80 85 106,25%\n13\n"
    )
    doc = read(tmp_path, text)
    assert rows(doc) == [
        ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
        ("2", "Persentase KPU yang menyelenggarakan pemilu sesuai ketentuan", "100%", "95%", "95%"),
        ("3", "Indeks kepuasan layanan", "80", "85", "106,25%"),
    ]
    assert [(r.source.page, r.source.printed_page) for r in doc.rows()] == [(1, "12"), (1, "12"), (2, "13")]
    assert doc.rows()[1].lines == (5, 8)


def test_flat_tail_after_a_complete_row_and_an_unnumbered_row(tmp_path: Path) -> None:
    # values beside the name's first line, its tail indented after them (starting like a name,
    # `Nilai …`: only the indent tells it from a new row); an unnumbered line with values of its own
    # is a new row
    text = (
        f"{TITLE}\nNo Indikator Kinerja Target Realisasi Capaian\n1 Persentase peningkatan 100% 95% 95%\n"
        "   Nilai Akuntabilitas Kinerja Instansi\n2 Indeks kepuasan layanan 80 85 106,25%\nPersentase yang tidak bernomor 70 70 100%\n"
    )
    assert rows(read(tmp_path, text)) == [
        ("1", "Persentase peningkatan Nilai Akuntabilitas Kinerja Instansi", "100%", "95%", "95%"),
        ("2", "Indeks kepuasan layanan", "80", "85", "106,25%"),
        (None, "Persentase yang tidak bernomor", "70", "70", "100%"),
    ]


def test_flat_tail_ending_in_a_year_is_no_row(tmp_path: Path) -> None:
    text = (
        f"{TITLE}\nNo Indikator Kinerja Target Realisasi Capaian\n1 Persentase partisipasi pemilih 77,5% 79,9% 103,10%\n"
        "   pada Pemilu Tahun 2024\n2 Indeks kepuasan layanan 80 85 106,25%\n"
    )
    assert rows(read(tmp_path, text)) == [
        ("1", "Persentase partisipasi pemilih pada Pemilu Tahun 2024", "77,5%", "79,9%", "103,10%"),
        ("2", "Indeks kepuasan layanan", "80", "85", "106,25%"),
    ]


def test_flat_wrapped_name_ending_in_a_year_before_its_values(tmp_path: Path) -> None:
    text = (
        f"{TITLE}\nNo Indikator Kinerja Target Realisasi Capaian\n1 Persentase partisipasi pemilih pada Pemilu\n"
        "Tahun 2024\n77,5% 79,9% 103,10%\n2 Indeks kepuasan layanan 80 85 106,25%\n"
    )
    assert rows(read(tmp_path, text))[0] == ("1", "Persentase partisipasi pemilih pada Pemilu Tahun 2024", "77,5%", "79,9%", "103,10%")


def test_flat_year_inside_a_name_before_its_values(tmp_path: Path) -> None:
    # the year is a value only where the values run out: on the values' own line it is the name's
    text = flat("1 Persentase partisipasi pemilih pada Pemilu Tahun 2024 77,5% 79,9% 103,10%", "2 Indeks kepuasan layanan 80 85 106,25%")
    assert rows(read(tmp_path, text))[0] == ("1", "Persentase partisipasi pemilih pada Pemilu Tahun 2024", "77,5%", "79,9%", "103,10%")


def test_flat_n0_for_no_and_a_category_column(tmp_path: Path) -> None:
    text = (
        f"{TITLE}\nN0 Indikator Kinerja Target Realisasi Capaian Keterangan\n"
        "1 Persentase laporan keuangan tepat waktu 100% 100% 100% Sangat Berhasil\n"
        "2 Persentase partisipasi pemilih 77,5% 79,9% 103,10% Berhasil\n"
    )
    doc = read(tmp_path, text)
    (table,) = doc.tables
    assert table.roles[:5] == ("no", "indicator", "target", "realisasi", "capaian")
    # the category is peeled off before the values: it is not taken for a name's tail or a value
    assert rows(doc) == [
        ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
        ("2", "Persentase partisipasi pemilih", "77,5%", "79,9%", "103,10%"),
    ]


def test_flat_kategori_is_kept_as_in_the_tab_separated_table(tmp_path: Path) -> None:
    body = [
        ("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Kategori"),
        ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%", "Sangat Berhasil"),
        ("2", "Indeks kepuasan layanan", "80", "85", "106,25%", "Berhasil"),
        ("3", "Jumlah dokumen perencanaan", "3", "3", "100%", "Berhasil"),
    ]
    tsv = read(tmp_path, "\n".join([TITLE, *("\t".join(r) for r in body)]) + "\n", "tsv.txt")
    flat = read(tmp_path, "\n".join([TITLE, *(" ".join(r) for r in body)]) + "\n", "flat.txt")
    assert (tsv.input_kind, flat.input_kind) == ("text-tsv", "text-flat")
    assert [r.category for r in tsv.rows()] == ["Sangat Berhasil", "Berhasil", "Berhasil"]
    assert [r.category for r in flat.rows()] == ["Sangat Berhasil", "Berhasil", "Berhasil"]


def test_flat_ocr_damaged_percent_is_peeled_as_a_value(tmp_path: Path) -> None:
    # `lOOo/o`: tesseract's 100% (l and O for 1 and 0, o/o for %) still counts as the row's value
    text = flat("1 Persentase laporan tepat waktu lOOo/o lOOo/o lOOo/o", "2 Indeks kepuasan layanan 80 85 106,25%")
    doc = read(tmp_path, text)
    assert rows(doc) == [
        ("1", "Persentase laporan tepat waktu", "lOOo/o", "lOOo/o", "lOOo/o"),
        ("2", "Indeks kepuasan layanan", "80", "85", "106,25%"),
    ]


def test_flat_ocr_damaged_percent_reads_as_100(tmp_path: Path) -> None:
    text = flat("1 Persentase laporan tepat waktu lOOo/o lOOo/o lOOo/o", "2 Indeks kepuasan layanan 80 85 106,25%")
    target = read(tmp_path, text).rows()[0].target
    assert target is not None and (target.kind, target.number) == ("percent", 100.0)


def test_flat_header_with_an_ocr_damaged_year(tmp_path: Path) -> None:
    text = (
        "LAPORAN KINERJA KPU KABUPATEN NGANJUK TAHUN 2020\nNo Indikator Kinerja Target 2O2O Realisasi 2O2O Capaian\n"
        "1 Persentase laporan keuangan tepat waktu 100% 100% 100%\n2 Persentase partisipasi pemilih 77,5% 79,9% 103,10%\n"
    )
    assert rows(read(tmp_path, text)) == [
        ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
        ("2", "Persentase partisipasi pemilih", "77,5%", "79,9%", "103,10%"),
    ]


def test_flat_the_same_header_with_digits_is_read(tmp_path: Path) -> None:
    # the control of the case above: `Target 2020` is header filler
    text = (
        "LAPORAN KINERJA KPU KABUPATEN NGANJUK TAHUN 2020\nNo Indikator Kinerja Target 2020 Realisasi 2020 Capaian\n"
        "1 Persentase laporan keuangan tepat waktu 100% 100% 100%\n2 Persentase partisipasi pemilih 77,5% 79,9% 103,10%\n"
    )
    doc = read(tmp_path, text)
    assert doc.metadata.year == 2020
    assert rows(doc) == [
        ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
        ("2", "Persentase partisipasi pemilih", "77,5%", "79,9%", "103,10%"),
    ]


def test_flat_table_dumped_column_by_column(tmp_path: Path) -> None:
    # every value a line, then `1. 2.`, then the names run together (`_columnwise`)
    text = (
        f"{TITLE}\nNo Indikator Kinerja Target Realisasi Capaian\n100%\n100%\n100%\n80\n85\n106,25%\n1. 2.\n"
        "Persentase laporan keuangan tepat waktu Indeks kepuasan layanan publik\nUraian selanjutnya disampaikan pada bagian berikut.\n"
    )
    assert rows(read(tmp_path, text)) == [
        ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
        ("2", "Indeks kepuasan layanan publik", "80", "85", "106,25%"),
    ]


def test_flat_counted_values(tmp_path: Path) -> None:
    # `3 Dokumen`: a count with its unit is one value, not a number and a name
    text = flat("1 Jumlah dokumen perencanaan 3 Dokumen 3 Dokumen 100%", "2 Jumlah laporan 12 Laporan 12 Laporan 100%")
    assert rows(read(tmp_path, text)) == [
        ("1", "Jumlah dokumen perencanaan", "3 Dokumen", "3 Dokumen", "100%"),
        ("2", "Jumlah laporan", "12 Laporan", "12 Laporan", "100%"),
    ]


# --- tab-separated and Markdown ------------------------------------------------------------


def test_tsv_reader(tmp_path: Path) -> None:
    text = (
        f"{TITLE}\nNo\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\tKategori\n"
        "1\tPersentase laporan keuangan tepat waktu\t100%\t100%\t100%\tSangat Berhasil\n"
        "2\tIndeks kepuasan layanan\t80\t85\t106,25%\tBerhasil\n3\tJumlah dokumen\t3\t3\t100%\tBerhasil\n"
    )
    doc = read(tmp_path, text)
    assert doc.input_kind == "text-tsv"
    assert rows(doc) == [
        ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
        ("2", "Indeks kepuasan layanan", "80", "85", "106,25%"),
        ("3", "Jumlah dokumen", "3", "3", "100%"),
    ]
    assert [r.category for r in doc.rows()] == ["Sangat Berhasil", "Berhasil", "Berhasil"]


def test_markdown_reader(tmp_path: Path) -> None:
    # the rule line is no row; `<br>` joins a cell's lines; an escaped pipe is text
    text = (
        "# Laporan Kinerja KPU Kabupaten Tebo Tahun 2024\n\n| No | Indikator Kinerja | Target | Realisasi | Capaian |\n"
        "|---|:---|---:|---|---|\n| 1 | Persentase laporan<br>keuangan tepat waktu | 100% | 100% | 100% |\n"
        "| 2 | Indeks kepuasan \\| layanan | 80 | 85 | 106,25% |\n"
    )
    doc = read(tmp_path, text, "laporan.md")
    assert doc.input_kind == "text-markdown"
    assert doc.metadata.satker == "KPU Kabupaten Tebo"
    assert rows(doc) == [
        ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
        ("2", "Indeks kepuasan | layanan", "80", "85", "106,25%"),
    ]
    assert [ln.source.line for ln in doc.lines] == [1, 3, 5, 6]
