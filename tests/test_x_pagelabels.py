"""Unit tests of `extract.pagelabels.page_labels`: the page number printed on each page, as an
inspector looks it up in the paper copy."""

from __future__ import annotations

from extract.pagelabels import page_labels

BODY = ["Isi halaman ini panjang sekali", "baris kedua dari isi", "baris ketiga", "baris keempat"]


def test_bare_numbers_at_the_foot_with_an_offset_from_the_pdf_page() -> None:
    # the report's page 44 is the PDF's first: the distance is kept, so the numbers are labels
    assert page_labels([[*BODY, str(n)] for n in range(44, 50)]) == ["44", "45", "46", "47", "48", "49"]


def test_a_number_at_the_head_of_the_page() -> None:
    assert page_labels([[str(k), *BODY, "catatan kaki biasa"] for k in range(20, 24)]) == ["20", "21", "22", "23"]


def test_a_tables_last_figure_at_the_foot_is_no_page_number() -> None:
    # `90` ends page 3's table: it does not keep the distance the other pages keep
    pages = [[*BODY, str(n)] for n in range(10, 16)]
    pages[2] = [*BODY, "Persentase", "90"]
    assert page_labels(pages) == ["10", "11", None, "13", "14", "15"]


def test_a_number_in_the_middle_of_the_page_is_not_looked_at() -> None:
    pages = [["judul a", "judul b", "judul c", str(k), "penutup satu", "penutup dua", "penutup tiga"] for k in range(20, 24)]
    assert page_labels(pages) == [None, None, None, None]


def test_styled_labels_need_no_offset() -> None:
    # front matter in roman numerals, chapter pages `III-4`, `- 12 -`
    assert page_labels([[*BODY, "ii"], [*BODY, "III-4"], [*BODY, "- 12 -"]]) == ["ii", "III-4", "12"]
    assert page_labels([["i", *BODY], [*BODY, "ii"], [*BODY, "iii"]]) == ["i", "ii", "iii"]


def test_hal_prefix_is_dropped() -> None:
    assert page_labels([[*BODY, f"Hal. {k}"] for k in range(5, 9)]) == ["5", "6", "7", "8"]
    assert page_labels([[*BODY, f"Halaman {k}"] for k in range(5, 8)]) == ["5", "6", "7"]


def test_number_at_the_end_of_a_running_footer() -> None:
    # `LKIP BAPPEDA Provinsi Jawa Barat Tahun 2016 III- 2`
    foot = "LKIP BAPPEDA Provinsi Jawa Barat Tahun 2016"
    assert page_labels([[*BODY, f"{foot} III- {k}"] for k in range(1, 5)]) == ["III- 1", "III- 2", "III- 3", "III- 4"]
    assert page_labels([[*BODY, f"LKIP Dinas Kesehatan 2016 | {k}"] for k in range(3, 7)]) == ["3", "4", "5", "6"]
    # a leading number before a running header
    assert page_labels([[f"{k} Laporan Kinerja KPU Kabupaten Jember", *BODY] for k in range(3, 8)]) == ["3", "4", "5", "6", "7"]


def test_a_line_ending_in_a_number_that_does_not_repeat_is_no_footer() -> None:
    assert page_labels([[*BODY, t] for t in ["Jumlah pegawai 12", "Anggaran tahun ini 13", "Realisasi fisik 14"]]) == [None, None, None]


def test_numbering_shifted_once_by_an_unnumbered_page() -> None:
    # every distance that several pages keep counts: before and after the page left unnumbered
    pages = [[*BODY, str(n)] for n in (1, 2, 3)] + [BODY] + [[*BODY, str(n)] for n in (4, 5, 6)]
    assert page_labels(pages) == ["1", "2", "3", None, "4", "5", "6"]


def test_no_pages() -> None:
    assert page_labels([]) == []


def test_a_side_heading_numbered_on_three_pages_gives_way_to_the_page_number() -> None:
    # r10_biro-organisasi pp. 16, 18, 19: `Sasaran Strategis 1` / `3` / `4` at the foot, below the
    # page number; by chance they keep one distance to the PDF page too, but fewer pages keep it
    pages = [[*BODY, str(n)] for n in range(10, 20)]
    for k, s in ((5, 1), (7, 3), (8, 4)):
        pages[k] = [*BODY, str(10 + k), "Meningkatnya Kapasitas Organisasi", f"Sasaran Strategis {s}"]
    assert page_labels(pages) == [str(n) for n in range(10, 20)]
