"""Rules of `extract.readers.char_grid` (pdftotext -layout tables read by character columns, issue
13): each test is a few lines shaped as the real export that showed the rule, and fails without it."""

from __future__ import annotations

from extract.readers import char_grid as G
from extract.readers.pdf_lattice import grid_items
from extract.textio import RawLine, numbered_running


def _raw(text: str, page: int = 1, first: int = 1) -> list[RawLine]:
    out = []
    for k, line in enumerate(text.split("\n")):
        if line.strip():
            out.append(RawLine(line, first + k, page, False))
    return out


def _rows(text: str, carried: G.Carried | None = None) -> list[list[str]]:
    regions, _ = G.page_regions(_raw(text), carried)
    return [it.cells for k, r in enumerate(regions) for it in grid_items(G.region_grid(r, 0), k)]


# r11_biro-hpu p. 8: two columns one space apart where the left one's text fills its width
TIGHT = """\
     NO       SASARAN STRATEGIS             INDIKATOR KINERJA                TARGET
     1     Meningkatnya jaminan        Persentase Pelayanan
           Kesejahteraan bagi Aparatur kesehatan Pegawai dan
           Pemerintah Daerah           Fasilitasi Olahraga Pegawai              100%
     2     Meningkatnya jaminan        Persentase PNS yang
           Kesejahteraan Bagi Aparatur Mendapat Pendidikan dan                  100%
           Pemerintah Daerah           Pelatihan Teknis"""


def test_one_space_between_columns_is_a_gutter_where_the_column_is_left_aligned() -> None:
    rows = _rows(TIGHT)
    assert rows[1] == ["1", "Meningkatnya jaminan Kesejahteraan bagi Aparatur Pemerintah Daerah",
                       "Persentase Pelayanan kesehatan Pegawai dan Fasilitasi Olahraga Pegawai", "100%"]  # fmt: skip


# r11_biro-hpu p. 9: a vertically centred figure on a line of its own inside its row
CENTRED = """\
  No  Indikator Kinerja              Target
  4   Terselenggaranya Pelayanan
                                      100%
      Informasi Daerah
  5   Terselenggaranya Pesta Rakyat
      Dalam rangka Hari Jadi
                                      100%
      Jawa Barat Tahun 2016"""


def test_a_centred_figure_stays_in_its_row() -> None:
    rows = _rows(CENTRED)
    assert rows[1:] == [["4", "Terselenggaranya Pelayanan Informasi Daerah", "100%"],
                        ["5", "Terselenggaranya Pesta Rakyat Dalam rangka Hari Jadi Jawa Barat Tahun 2016", "100%"]]  # fmt: skip


# r29_dishub p. 2: several indicators under one number, each opening a row with its figures
SHARED_NUMBER = """\
  No        Sasaran              Indikator Kinerja            Target     Realisasi
   1.     Meningkatkan       Prosentase keikutsertaan          55,56        59,26
          kualitas           kabupaten/ kota dalam WTN
                             Prosentase ketersediaan           94,00        94,00
                             AKDP di Jawa Barat"""


def test_figures_again_under_one_number_open_a_row() -> None:
    rows = _rows(SHARED_NUMBER)
    assert [r[2:] for r in rows[1:]] == [["Prosentase keikutsertaan kabupaten/ kota dalam WTN", "55,56", "59,26"],
                                         ["Prosentase ketersediaan AKDP di Jawa Barat", "94,00", "94,00"]]  # fmt: skip


# a_ruled p. 1: group labels across the table, wrapped, do not hide its gutters
GROUPED = """\
  No            Indikator Kinerja                Target     Realisasi Capaian
 Sasaran 2. Terwujudnya Sistem Informasi mengenai Partai Politik yang Andal dan
 Berkualitas
   3   Persentase informasi mengenai Partai          80         80       100
       Politik dan Daerah Pemilihan
   4   Nilai Akuntabilitas Kinerja                   BB         CC      76,25"""


def test_group_labels_and_their_wrapped_rest_are_one_row_across() -> None:
    rows = _rows(GROUPED)
    assert rows[0] == ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"]
    assert rows[1][0] == "Sasaran 2. Terwujudnya Sistem Informasi mengenai Partai Politik yang Andal dan Berkualitas"
    assert rows[2] == ["3", "Persentase informasi mengenai Partai Politik dan Daerah Pemilihan", "80", "80", "100"]
    assert rows[3] == ["4", "Nilai Akuntabilitas Kinerja", "BB", "CC", "76,25"]


def test_header_words_wider_than_their_figures_stay_in_their_column() -> None:
    text = "\n".join(
        [
            "Indikator Kinerja          Target   Realisasi   Capaian",
            "Persentase pemilih         0        0           0",
            "Jumlah pemilih             0        0",
        ]
    )
    assert _rows(text)[0] == ["Indikator Kinerja", "Target", "Realisasi", "Capaian"]


# a_ruled p. 2: a header whose words the cells cut (`Realisas` / `i 2021`)
def test_a_header_word_cut_short_is_a_header_word() -> None:
    assert G.header_line(" No     Indikator Kinerja      Realisas    Realisas   Realisas        2024           Target   Capaian")


# r11_biro-hpu p. 9: the rest of a table at the next page's top, without its header
def test_a_table_carried_over_a_page_break_keeps_reading() -> None:
    first = _raw(TIGHT)
    _, carried = G.page_regions(first, None)
    assert carried is not None
    rest = "\n".join(
        [
            "     3     Meningkatnya Pelayanan      Persentase Berita di                     100%",
            "           Informasi Kepada            Media Massa yang Termonitor",
        ]
    )
    rows = _rows(rest, carried)
    assert rows == [["3", "Meningkatnya Pelayanan Informasi Kepada", "Persentase Berita di Media Massa yang Termonitor", "100%"]]


# r01_bappeda: a running footer printing the page number beside the title differs on every page
def test_running_footers_with_their_page_number_are_furniture() -> None:
    footer = "LKIP BAPPEDA Provinsi Jawa Barat Tahun 2016          III- {}"
    words = ["Ringkasan", "Pendahuluan", "Analisis", "Lampiran"]
    pages = [_raw(f"{words[n - 1]} text\nmore text\n{footer.format(n)}", n, n * 10) for n in range(1, 5)]
    dropped = numbered_running(pages, 3)
    assert {r.line for p in pages for r in p if r.text.startswith(("LKIP", "more"))} == dropped


# r01_bappeda p. 23: rows without numbers set apart by a blank line, each figure printed beside
# the last or the middle line of its indicator
PADDED = """\
      SASARAN STRATEGIS                       INDIKATOR SASARAN                           TARGET

                   1                                         2                                3

 Meningkatnya kesesuaian perencanaan    Tingkat kesesuaian perencanaan dengan                 90
 dengan penganggaran                    penganggaran

                                        Tingkat kesesuaian sasaran pembangunan dari
                                        perencanaan jangka panjang, jangka                    80
                                        menengah dan tahunan
 Meningkatnya kompetensi sumberdaya     Persentase aparatur perencana OPD &
 aparatur                               Kab/Kota yang memiliki sertifikat kompetensi         0,1

                                        Persentase SDM perencana terhadap                     35
                                        kebutuhan ideal"""


def test_a_blank_line_after_a_row_with_its_figures_opens_the_next_row() -> None:
    rows = [r for r in _rows(PADDED) if any(r[1:])][-4:]
    assert [r[1:] for r in rows] == [
        ["Tingkat kesesuaian perencanaan dengan penganggaran", "90"],
        ["Tingkat kesesuaian sasaran pembangunan dari perencanaan jangka panjang, jangka menengah dan tahunan", "80"],
        ["Persentase aparatur perencana OPD & Kab/Kota yang memiliki sertifikat kompetensi", "0,1"],
        ["Persentase SDM perencana terhadap kebutuhan ideal", "35"],
    ]


# r02_dinkes p. 33: `Realisasi`, centred beside the two lines of `Target` / `(%)`, printed over
# the gutter between the target's figures and the realisation's
PACKED_HEADER = """\
          Sasaran                                    Target                 Capaian
  NO                      Indikator Kinerja                Realisasi
          Strategis                                   (%)                    (%)
   1    Meningkatnya      Persentase Desa Siaga       66,7%       94,9%      142,28%
        kemandirian       Aktif"""


def test_a_header_word_over_a_gutter_names_the_column_no_other_line_names() -> None:
    rows = _rows(PACKED_HEADER)
    assert rows[0] == ["NO", "Sasaran Strategis", "Indikator Kinerja", "Target (%)", "Realisasi", "Capaian (%)"]
    assert rows[1] == ["1", "Meningkatnya kemandirian", "Persentase Desa Siaga Aktif", "66,7%", "94,9%", "142,28%"]


# r02_dinkes p. 34: the table carried from p. 33 ends where a paragraph starts left of it
CARRIED_THEN_PROSE = """\
   2    Meningkatnya      Persentase penduduk yang    59%         64,42%     109.19%
        kualitas          menggunakan jamban sehat


2. Misi 2 : Menjamin pelayanan kesehatan yang prima
      Tujuan 2 : Tercapainya pelayanan kesehatan yang berkualitas, dengan"""


def test_a_paragraph_starting_left_of_a_carried_table_ends_it() -> None:
    carried = G.Carried((6, 24, 52, 64, 75), 2)
    rows = _rows(CARRIED_THEN_PROSE, carried)
    assert rows == [["2", "Meningkatnya kualitas", "Persentase penduduk yang menggunakan jamban sehat", "59%", "64,42%", "109.19%"]]
