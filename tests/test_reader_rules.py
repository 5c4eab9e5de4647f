"""Rules the real PDFs taught the table layer, each pinned on the smallest input that shows it
(the document and page each came from are named in the code they test)."""

from __future__ import annotations

import time
from dataclasses import replace

from extract.header import header_like
from extract.layout.geometry import Word
from extract.layout.settings import LayoutSettings
from extract.layout.stream import chunks, gutters
from extract.model import Line, Source
from extract.readers.pdf import _names_columns
from extract.readers.pdf_lattice import join_wrapped
from extract.settings import ExtractSettings
from extract.tables import find_tables


def _region(rows: list[tuple[str, ...]], spans: tuple[int, ...] | None = None) -> list[Line]:
    """Lines of one ruled grid (region 7), the first the header; `spans` for the header only."""
    out = []
    for k, cells in enumerate(rows):
        sp = spans if k == 0 and spans else ()
        out.append(Line(cells, Source("t.pdf", k + 1, 3, (50.0, 100.0 + 20 * k, 500.0, 118.0 + 20 * k)), region=7, spans=sp, whole=True))
    return out


def test_indicator_header_over_a_number_column_takes_the_names() -> None:
    # r02 pp. 33-35: `Indikator Kinerja` spans the sub-number column and the name column
    lines = _region(
        [
            ("NO", "Sasaran Strategis", "Indikator Kinerja", "", "Target", "Realisasi", "Capaian (%)"),
            ("1", "Meningkatnya kemandirian masyarakat", "1", "Persentase Rumah Tangga ber-PHBS", "55%", "56,03%", "101,87%"),
            ("", "", "2", "Persentase Desa Siaga Aktif", "66,7%", "94,9%", "142,28%"),
        ],
        spans=(1, 1, 2, 0, 1, 1, 1),
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert [(r.indicator, r.target and r.target.raw) for r in table.rows] == [
        ("Persentase Rumah Tangga ber-PHBS", "55%"),
        ("Persentase Desa Siaga Aktif", "66,7%"),
    ]


def test_indicators_of_two_levels_the_finer_is_the_row() -> None:
    # r19_disbun Tabel 2.3 p. 19: the target is the program outcome's; the sasaran's indicator
    # stands over its rows, and the outcome's outline number (`1,1.4` as printed) is a sub-number
    lines = _region(
        [
            ("No", "Sasaran Strategis", "Indikator Sasaran Strategis", "Indikator Kinerja Program (Outcome)", "", "Target 2016"),
            ("1.", "Meningkatnya Produksi", "1.1. Prosentase Peningkatan Produksi", "1.1.1", "Jumlah Produksi Komoditas (Ton)", "379.860"),
            ("", "", "", "1,1.4", "Jumlah Juknis/pedoman (dok)", "3"),
            ("", "", "1.2. Prosentase Peningkatan Produktivitas", "1.2.1.", "Tingkat Capaian Target Produktivitas (%)", "100"),
        ],
        spans=(1, 1, 1, 2, 0, 1),
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert table.roles[2:5] == ("group", "ignore", "indicator") and table.level == "program"
    assert [(r.indicator, r.target and r.target.raw) for r in table.rows] == [
        ("Jumlah Produksi Komoditas (Ton)", "379.860"),
        ("Jumlah Juknis/pedoman (dok)", "3"),
        ("Tingkat Capaian Target Produktivitas (%)", "100"),
    ]


def test_a_long_header_cell_of_header_words_alone() -> None:
    # r19_disbun Tabel 2.2 p. 18: 65 characters, every word a header word; a long name is no header
    assert header_like("Indikator Kinerja Sasaran Strategis dan Indikator Kinerja Program")
    assert not header_like("Prosentase Peningkatan Produksi Rata-Rata Komoditas Strategis Perkebunan")
    assert not header_like("Indikator Kinerja Sasaran Strategis dan Indikator Kinerja Program dan Kegiatan Tahun 2016 s/d 2018")


def test_a_pk_of_the_iku_names_two_levels_and_is_of_none() -> None:
    lines = _region(
        [
            ("No", "Sasaran Strategis", "Indikator Kinerja Sasaran Strategis dan Indikator Kinerja Program", "Target"),
            ("1", "2", "3", "4"),
            ("1.", "Meningkatnya Produksi", "1) Prosentase Peningkatan Produksi (%)", "2,3"),
        ]
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert (table.kind, table.level) == ("perjanjian", None)
    assert [(r.indicator, r.target and r.target.raw) for r in table.rows] == [("1) Prosentase Peningkatan Produksi (%)", "2,3")]


def test_an_indicator_column_after_the_values_is_another_levels() -> None:
    # r09_bplhd Tabel 4.1 p. 39: the sasaran's target stands before the kegiatan and its indicator
    lines = _region(
        [
            ("No", "Indikator Kinerja Sasaran", "Target Kinerja sasaran", "Program/Kegiatan", "Indikator Kegiatan", "Target Kegiatan"),
            ("1", "Indeks Kualitas Udara", "60", "Pengendalian Pencemaran", "Jumlah lokasi terpantau", "63"),
        ]
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert table.roles[1] == "indicator" and table.roles[4] != "indicator"
    assert [(r.indicator, r.target and r.target.raw) for r in table.rows] == [("Indeks Kualitas Udara", "60")]


def test_indicator_header_over_two_name_columns_keeps_the_first() -> None:
    # both columns hold words: no number column to skip, the first stays the indicator
    lines = _region(
        [
            ("No", "Indikator Kinerja", "", "Target", "Realisasi", "Capaian"),
            ("1", "Persentase desa siaga", "aktif di kabupaten", "50%", "60%", "120%"),
        ],
        spans=(1, 2, 0, 1, 1, 1),
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert [r.indicator for r in table.rows] == ["Persentase desa siaga"]


def test_row_number_printed_in_the_name_cell_without_a_stop() -> None:
    # r02 pp. 107, 110: `2 Persentase Desa Siaga Aktif` in the Indikator cell; `1.` stays the cell's
    lines = _region(
        [
            ("Sasaran", "Indikator Kinerja", "Target 2016", "Realisasi", "Capaian"),
            ("Meningkatnya kemandirian", "2 Persentase Desa Siaga Aktif", "66,7%", "94,9%", "142,28%"),
            ("", "1. Jumlah Puskesmas terakreditasi", "64", "82", "128,13%"),
            ("", "12 Layanan perkantoran", "12", "12", "100%"),
            ("Menurunnya ratio Kematian Ibu dan Bayi", "1 Ratio kematian ibu", "89/ 100,000KH", "86,97/ 100,000KH", "102,33%"),
            ("", "3 Prevalensi gizi buruk", "0,58", "0,6", "96,67%"),
        ]
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert [(r.number, r.indicator) for r in table.rows] == [
        ("2", "Persentase Desa Siaga Aktif"),
        (None, "1. Jumlah Puskesmas terakreditasi"),
        (None, "12 Layanan perkantoran"),  # `Layanan` opens no indicator: the 12 is the name's
        ("1", "Ratio kematian ibu"),  # r02 p. 110: `Ratio` and `Prevalensi` open indicators too
        ("3", "Prevalensi gizi buruk"),
    ]


def test_header_word_broken_by_a_narrow_cell() -> None:
    # r02 p. 36: `PENILAI AN`, `REALISA SI` under a year spanning four columns
    assert header_like("PENILAI AN", 0.5)
    assert header_like("PENILAIAN", 0.5)
    assert not header_like("Persentase Desa Siaga Aktif Kabupaten", 0.5)


def test_renstra_cascade_header_is_a_header() -> None:
    # r02 pp. 107, 110: Visi | Misi | Strategi | Kebijakan | … | Indikator Kinerja | Target 2016 | …
    lines = _region(
        [
            ("Visi", "Misi", "Strategi", "Kebijakan", "Indikator Kinerja", "Target 2016", "Realisasi", "Capaian"),
            ("Masyarakat sehat", "1 Membangun", "Menguatkan", "Penguatan", "2 Persentase Desa Siaga Aktif", "66,7%", "94,9%", "142,28%"),
        ]
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert table.kind == "pengukuran"
    assert [(r.indicator, r.capaian and r.capaian.raw) for r in table.rows] == [("Persentase Desa Siaga Aktif", "142,28%")]


def test_ratio_cut_in_a_narrow_cell_joins_with_its_unit() -> None:
    # r02 p. 89: `89/100.00` / `0 KH` and `86,97/100.` / `000 KH`
    assert join_wrapped("89/100.00", "0 KH") == "89/100.000 KH"
    assert join_wrapped("86,97/100.", "000 KH") == "86,97/100.000 KH"
    # two whole figures stacked in one cell stay two; so does a name before a count
    assert join_wrapped("12.317.066", "1.190.793") == "12.317.066 1.190.793"
    assert join_wrapped("Persentase 100", "2 Orang") == "Persentase 100 2 Orang"


def test_page_naming_columns_only_across_lines() -> None:
    # dev-pdfs/b_unruled p. 3: the text layer gives the header's cells a line each
    assert _names_columns("No Indikator Kinerja Realisas\ni 2021\n2024 Target\n2025\nCapaian\n")
    assert _names_columns("No Indikator Kinerja Target Realisasi Capaian\n")
    # prose naming both words in long sentences is not a table page
    prose = (
        "Realisasi anggaran tahun ini lebih tinggi dibanding tahun lalu menurut laporan keuangan dinas.\n"
        "Hal ini menunjukkan bahwa target yang ditetapkan pada awal tahun dapat dicapai dengan baik.\n"
    )
    assert not _names_columns(prose)


def test_counted_values_a_space_apart_are_cells_of_their_own() -> None:
    # dev-pdfs/b_unruled p. 6: `12 Layanan 12 Layanan 100%` printed with one space between
    s = LayoutSettings()
    line, x = [], 100.0
    for t in ["Layanan", "Perkantoran", "|", "12", "Layanan", "12", "Layanan", "100%"]:
        if t == "|":
            x += 120.0  # the gutter before the values
            continue
        line.append(Word(x, 10.0, x + 5.0 * len(t), 20.0, t))
        x += 5.0 * len(t) + 2.5  # one space between words, names and values alike
    assert [c.text for c in chunks(line, s)] == ["Layanan Perkantoran", "12 Layanan", "12 Layanan", "100%"]


def test_words_off_any_page_give_no_columns_quickly() -> None:
    # a fuzzed PDF's text matrix put a word 10 million points right: the coverage array must
    # not span that (it took 2.3 GB and 16 s)
    s = LayoutSettings()
    row = [(50.0, 90.0, "90"), (1e7, 1e7 + 30, "80")]
    lines = [chunks([Word(x0, 10.0 + k * 12, x1, 20.0 + k * 12, t) for x0, x1, t in row], s) for k in range(4)]
    start = time.perf_counter()
    assert gutters(lines, 50.0, 1e7 + 30, s) == []
    assert time.perf_counter() - start < 1.0


def test_words_in_a_ruled_value_cell_beside_a_name_are_that_rows_target() -> None:
    # r05_disperindag Tabel 2.2 p. 30: `Inflasi Jawa Barat < Inflasi Nasional` is the PK's target,
    # not a group row spilling over the value columns
    lines = _region(
        [
            ("Sasaran Strategis", "Indikator Kinerja", "Target"),
            ("Meningkatnya koordinasi pengendalian harga", "1. Terkendalinya inflasi Jawa Barat", "Inflasi Jawa Barat < Inflasi Nasional"),
            ("", "2. Jumlah UTTP dan BDKT", "UTTP : 6.831.222 buah"),
            ("", "Level kapabilitas Inspektorat", "III"),  # r26_inspektorat p. 5
            ("", "Terakreditasi RS Pendidikan", "Lulus Akreditasi"),  # r13_rsjiwa p. 8
            ("", "3. Peningkatan cakupan pengawasan barang beredar", "1,5%"),
        ]
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert [(r.indicator, r.target and r.target.raw) for r in table.rows] == [
        ("1. Terkendalinya inflasi Jawa Barat", "Inflasi Jawa Barat < Inflasi Nasional"),
        ("2. Jumlah UTTP dan BDKT", "UTTP : 6.831.222 buah"),
        ("Level kapabilitas Inspektorat", "III"),
        ("Terakreditasi RS Pendidikan", "Lulus Akreditasi"),
        ("3. Peningkatan cakupan pengawasan barang beredar", "1,5%"),
    ]
    # a group's words cut mid-word into the value cell are no value (a seed drawn by LibreOffice)
    cut = [*lines[:2], replace(lines[2], cells=("", "n Yang Mandiri, Profesional dan Berinte", "gritas")), *lines[3:]]
    [table] = find_tables(cut, 2016, ExtractSettings())
    assert not any("Berinte" in r.indicator for r in table.rows)
    # the same words in a row without a name still head a group
    lines[1] = replace(lines[1], cells=("Sasaran 2 : Meningkatnya koordinasi", "", "pengendalian harga"))
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert table.rows[0].section and "Meningkatnya koordinasi" in table.rows[0].section
    # a header repeated after a page break, a wrapped row's words in its cells, is still no row (r29_dishub p. 31)
    lines.insert(2, replace(lines[2], cells=("Sasaran transportasi umum", "Indikator Kinerja", "Target")))
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert not any("Indikator Kinerja" in r.indicator for r in table.rows)


def test_a_name_ending_in_a_colon_without_values_labels_the_rows_below() -> None:
    # r16_disnak Tabel 1 p. 13: `1.1.1 Jumlah produksi yang dihasilkan (ton) :` over `- Daging`, `- Telur`
    lines = _region(
        [
            ("Sasaran", "Indikator Kinerja", "Target"),
            ("1.1 Meningkatnya Produksi dan", "1.1.1 Jumlah produksi yang dihasilkan (ton) :", ""),
            ("populasi ternak", "- Daging", "768.495"),
            ("", "- Susu", "268.797"),
            ("", "1.1.2 Jumlah Populasi ternak (ekor) :", ""),
            ("", "- Sapi Potong", "466.272"),
        ]
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert [(r.indicator, r.target and r.target.raw) for r in table.rows] == [
        ("Daging", "768.495"),
        ("Susu", "268.797"),
        ("Sapi Potong", "466.272"),
    ]
    assert "Jumlah Populasi ternak" in table.rows[2].section


def test_a_capaian_column_taken_for_the_realisasi_is_the_capaian_when_it_holds_percentages() -> None:
    # r13_rsjiwa Tabel 6 p. 16: `Capaian tahun 2016 / Target | Capaian` then `% Capaian kinerja`
    head = ("INDIKATOR SASARAN", "Capaian tahun 2016", "", "% Capaian kinerja")
    sub = ("", "Target", "Capaian", "")
    body = [
        ("Indek Kepuasan Masyarakat", "≥ 80", "102%", "109,4%"),
        ("Jumlah MOU dengan institusi pendidikan", "50", "115%", "102%"),
        ("Persentase Pasien Relaps", "60%", "100%", "100%"),
    ]
    [table] = find_tables(_region([head, sub, *body], spans=(1, 2, 0, 1)), 2016, ExtractSettings())
    assert [(r.target and r.target.raw, r.realisasi, r.capaian and r.capaian.raw) for r in table.rows] == [
        ("≥ 80", None, "102%"),
        ("50", None, "115%"),
        ("60%", None, "100%"),
    ]
    # realisasi figures in the target's units: the header's reading stands
    body = [("Indek Kepuasan Masyarakat", "80", "87", "109,4%"), ("Jumlah MOU dengan institusi", "50", "58", "116%")]
    [table] = find_tables(_region([head, sub, *body], spans=(1, 2, 0, 1)), 2016, ExtractSettings())
    assert [(r.realisasi and r.realisasi.raw, r.capaian and r.capaian.raw) for r in table.rows] == [("87", "109,4%"), ("58", "116%")]


def test_a_capaian_column_in_the_targets_units_is_the_realisasi_and_the_years_indicator_names_the_row() -> None:
    # r28_dinkumkm Tabel 6 p. 4: `Tahun 2015 / Indikator | Target | Capaian`, the same for 2016
    head = ("No", "Tahun 2015", "", "", "Tahun 2016", "", "")
    sub = ("", "Indikator", "Target", "Capaian", "Indikator", "Target", "Capaian")
    body = [
        ("1", "Jumlah Koperasi Aktif", "16.200", "16.300", "Jumlah Koperasi Aktif (kop)", "16.478", "16.542"),
        ("2", "Fasilitasi Akses Pembiayaan", "7", "6", "Persentase Kredit yang Diserap", "8", "6,4"),
        ("3", "Jumlah Wirausaha Baru", "3.000", "3.000", "Jumlah Wirausaha Baru (Orang)", "3.300", "3.300"),
        ("4", "Peningkatan Omzet UMKM", "5", "5", "Persentase Peningkatan Omzet UMKM (%)", "5", "5"),
    ]
    [table] = find_tables(_region([head, sub, *body], spans=(1, 3, 0, 0, 3, 0, 0)), 2016, ExtractSettings())
    assert [(r.indicator, r.target and r.target.raw, r.realisasi and r.realisasi.raw, r.capaian) for r in table.rows] == [
        ("Jumlah Koperasi Aktif (kop)", "16.478", "16.542", None),
        ("Persentase Kredit yang Diserap", "8", "6,4", None),
        ("Jumlah Wirausaha Baru (Orang)", "3.300", "3.300", None),
        ("Persentase Peningkatan Omzet UMKM (%)", "5", "5", None),
    ]
    # percentages near 100 under Capaian stay the capaian
    body = [
        ("1", "A", "16.200", "100,6", "Jumlah Koperasi Aktif", "16.478", "100,39"),
        ("2", "B", "3.000", "100", "Jumlah Wirausaha", "3.300", "100"),
    ]
    [table] = find_tables(_region([head, sub, *body], spans=(1, 3, 0, 0, 3, 0, 0)), 2016, ExtractSettings())
    assert [(r.realisasi, r.capaian and r.capaian.raw) for r in table.rows] == [(None, "100,39"), (None, "100")]


def test_an_outline_number_opening_the_name_is_the_rows_number() -> None:
    # r16_disnak Tabel 1 p. 13: `1.4.1 Jumlah kelompok yang meningkatkan usahanya (kelompok)`
    lines = _region(
        [
            ("Sasaran", "Indikator Kinerja", "Target"),
            ("1.4 Meningkatnya usaha", "1.4.1 Jumlah kelompok yang meningkatkan usahanya (kelompok)", "30"),
            ("", "2.10 Persentase pelaku usaha", "10"),
        ]
    )
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert [(r.number, r.indicator) for r in table.rows] == [
        ("1.4.1", "Jumlah kelompok yang meningkatkan usahanya (kelompok)"),
        ("2.10", "Persentase pelaku usaha"),
    ]


def test_a_line_ending_in_rp_goes_on_however_short_and_prose_beside_tables_is_joined() -> None:
    # r05_disperindag p. 74: `… dengan alokasi anggaran sebesar Rp.` (68 characters) / `390,000,000.00 realisasi …`
    from extract.readers.pdf import _paragraphs, _prose_paragraphs

    short = "Perdagangan Provinsi Jawa Barat dengan alokasi anggaran sebesar Rp."
    nxt = "390,000,000.00 realisasi anggaran sebesar Rp. 373,136,420.00 atau 95.68%."
    assert _paragraphs([short, nxt]) == [f"{short} {nxt}"]
    assert _paragraphs(["Tujuan ini tercapai.", nxt]) == ["Tujuan ini tercapai.", nxt]  # a short line that ends a sentence
    # beside a table: lines of one strip join, strips on either side of a table stay apart
    assert _prose_paragraphs([(10.0, short), (10.01, nxt), (300.0, "1. Berikutnya")]) == [
        (10.01, f"{short} {nxt}"),
        (300.0, "1. Berikutnya"),
    ]
    assert _prose_paragraphs([(10.0, short), (300.0, nxt)]) == [(10.0, short), (300.0, nxt)]


def test_a_rupiah_amount_with_a_broken_grouping_keeps_its_digits() -> None:
    # r04_bpbd p. 65: `alokasi anggaran sebesar Rp. 1.577250.000,- realisasi … Rp1.485.972.400,- atau 94,21 %`
    from extract.claims import find_claims
    from extract.model import Source as Src

    text = "dengan alokasi anggaran sebesar Rp. 1.577250.000,- realisasi anggaran sebesar Rp1.485.972.400,- atau 94,21 %."
    claims = find_claims([Line((text,), Src("r.pdf", 1, 65))], 400)
    assert [c.value for c in claims if c.kind == "money"] == [1577250000.0, 1485972400.0]
    # a short figure with a broken grouping is no amount
    claims = find_claims([Line(("biaya Rp 12.5.0 saja",), Src("r.pdf", 1, 65))], 400)
    assert [c.value for c in claims if c.kind == "money"] in ([], [None])
