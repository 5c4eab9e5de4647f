"""Rules of the fifth round on real PDFs: indicators stacked in one ruled cell and told apart by
a blank line, a table's rows carried onto a page whose grid lost its empty merged columns, and a
remark going on in its own column beside a name's wrapped lines."""

from __future__ import annotations

import pytest
from test_issue12_round4 import band_words

from extract.layout.geometry import Word
from extract.layout.grid import Grid, GridCell
from extract.layout.settings import LayoutSettings
from extract.layout.stream import split_bands
from extract.model import Line, Source
from extract.realign import columns, realigned
from extract.settings import ExtractSettings
from extract.tables import find_tables

# --- r01_bappeda Tabel 3.3 p. 29: two indicators in one ruled cell ----------------------------

_XS = (0.0, 100.0, 220.0, 270.0, 320.0, 370.0)  # Sasaran | Indikator | Satuan | 2015 | 2016
_PITCH = 14.0  # line pitch; a word is 11 pt high, so a blank line leaves a gap of 17 pt


def _band_words(rows: list[tuple[float, list[str]]]) -> list[Word]:
    return band_words(rows, _XS, 11)


def _grid(rows: list[tuple[float, list[str]]]) -> Grid:
    cols = ["\n".join(c for _, cells in rows if (c := cells[k])) for k in range(5)]
    head = [
        GridCell(0, k, 1, 1, t, (_XS[k], 0.0, _XS[k + 1], 20.0)) for k, t in enumerate(["Sasaran", "Indikator", "Satuan", "2015", "2016"])
    ]
    body = [GridCell(1, k, 1, 1, t, (_XS[k], 20.0, _XS[k + 1], 240.0)) for k, t in enumerate(cols)]
    return Grid(0, _XS, (0.0, 20.0, 240.0), tuple(head + body), "lattice")


def _lines(*rows: list[str], start: float = 24.0, blank_after: int | None = None) -> list[tuple[float, list[str]]]:
    out, top = [], start
    for k, cells in enumerate(rows):
        out.append((top, cells))
        top += _PITCH * (2 if k == blank_after else 1)
    return out


_STACKED = _lines(
    ["Meningkatnya", "Tingkat", "Persen", "85", "87,50"],
    ["kinerja", "kesesuaian", "", "", ""],
    ["", "Pusat dan Kab/Kota", "", "", ""],
    ["", "Persentase", "", "70", "75,40"],
    ["", "usulan dari", "Persen", "", ""],
    ["", "pelaku pembangunan", "", "", ""],
    blank_after=2,
)
# the figures a line over the name they belong to (r01_bappeda p. 40)
_FIGURES_ABOVE = _lines(
    ["Meningkatnya", "Tingkat", "Persen", "85", "87,50"],
    ["kinerja", "kesesuaian", "", "", ""],
    ["", "", "", "70", "75,40"],
    ["", "Persentase", "", "", ""],
    ["", "usulan dari", "", "", ""],
)
_FIGURES_ABOVE = [*_FIGURES_ABOVE[:3], (_FIGURES_ABOVE[3][0] + 6, _FIGURES_ABOVE[3][1]), (_FIGURES_ABOVE[4][0] + 6, _FIGURES_ABOVE[4][1])]
# near misses: two figures stacked beside one name without a paragraph (r26_inspektorat p. 5,
# `22,7%` / `100%`), and a blank line in a name with no figures beside its second part
_ONE_NAME = _lines(
    ["Meningkatnya", "Persentase", "Persen", "75%", "22,7%"],
    ["kinerja", "penyelesaian TLHP", "", "", ""],
    ["", "kasus pengaduan", "", "", ""],
    ["", "masyarakat", "", "", "100%"],
)
_GAP_NO_FIGURES = _lines(
    ["Meningkatnya", "Tingkat", "Persen", "85", "87,50"],
    ["kinerja", "kesesuaian", "", "", ""],
    ["", "perencanaan", "", "", ""],
    ["", "dan penganggaran", "", "", ""],
    blank_after=1,
)


@pytest.mark.parametrize(
    ("rows", "names"),
    [
        (_STACKED, ["Tingkat\nkesesuaian\nPusat dan Kab/Kota", "Persentase\nusulan dari\npelaku pembangunan"]),
        (_FIGURES_ABOVE, ["Tingkat\nkesesuaian", "Persentase\nusulan dari"]),
        (_ONE_NAME, ["Persentase\npenyelesaian TLHP\nkasus pengaduan\nmasyarakat"]),
        (_GAP_NO_FIGURES, ["Tingkat\nkesesuaian\nperencanaan\ndan penganggaran"]),
    ],
)
def test_stacked_indicators_are_cut_where_a_name_opens_a_paragraph_beside_figures(
    rows: list[tuple[float, list[str]]], names: list[str]
) -> None:
    g = split_bands(_grid(rows), lambda: _band_words(rows), LayoutSettings())
    assert [c.text for c in sorted(g.cells, key=lambda c: c.row) if c.col == 1][1:] == names


def test_the_cut_keeps_each_indicators_figures_and_its_unit() -> None:
    g = split_bands(_grid(_STACKED), lambda: _band_words(_STACKED), LayoutSettings())
    rows = {r: {c.col: c.text for c in g.cells if c.row == r} for r in range(1, g.n_rows)}
    assert [(r[2], r[3], r[4]) for r in rows.values()] == [("Persen", "85", "87,50"), ("Persen", "70", "75,40")]


# --- r26_inspektorat Tabel 3.3 pp. 7-8: a continuation grid without its empty merged columns ----

_COLS = [(71.0, 100.0), (100.0, 220.0), (220.0, 333.0), (333.0, 396.0), (396.0, 459.0), (459.0, 574.0)]


def _ruled(cells: tuple[str, ...], page: int, n: int, boxes: list[tuple[float, float] | None], region: int) -> Line:
    top = 100.0 + 20 * n
    bxs = tuple(None if b is None else (b[0], top, b[1], top + 18) for b in boxes)
    return Line(
        cells, Source("t.pdf", n, page, (71.0, top, 574.0, top + 18)), region=region, whole=True, boxes=bxs, spans=tuple(1 for _ in cells)
    )


def _table_over_two_pages() -> list[Line]:
    p7 = [
        ("No", "Sasaran", "Indikator Sasaran", "Target Renstra", "Realisasi 2016", "Keterangan"),
        ("6", "Meningkatnya nilai RAD PPK", "Persentase penyelesaian TLHP", "75%", "22,7%", "Asal disertai pendanaan"),
        ("7", "Dipenuhinya aparat pengawasan", "Jumlah Auditor dan P2UPD bersertifikasi", "93 orang", "68 orang", "Meskipun selama"),
    ]
    lines = [_ruled(c, 7, k + 1, list(_COLS), 6000) for k, c in enumerate(p7)]
    right = _COLS[2:]
    p8 = [
        (("", "", "", "auditor dari BPKP"), [right[0], right[1], right[2], right[3]]),
        (("Jumlah auditor yang", "30 orang", "24 orang", "Optimis tercapai, risiko"), right),
        (("telah mengikuti", "", "", "pencapaian target:"), [right[0], None, None, right[3]]),
        (("sertifikasi Auditor Madya", "", "", "rendah"), [right[0], None, None, right[3]]),
        (("Level kapabilitas Inspektorat", "III", "III", "Target akhir sudah"), right),
    ]
    lines += [_ruled(c, 8, 10 + k, list(b), 7000) for k, (c, b) in enumerate(p8)]
    return lines


def test_a_continuation_grid_narrower_than_the_table_goes_under_its_columns() -> None:
    [table] = find_tables(_table_over_two_pages(), 2016, ExtractSettings())
    # (a Renstra target is the plan's last year's: history, not this year's target)
    got = [(r.indicator, r.realisasi and r.realisasi.raw, [h.value.raw for h in r.history]) for r in table.rows]
    assert got == [
        ("Persentase penyelesaian TLHP", "22,7%", ["75%"]),
        ("Jumlah Auditor dan P2UPD bersertifikasi", "68 orang", ["93 orang"]),
        ("Jumlah auditor yang telah mengikuti sertifikasi Auditor Madya", "24 orang", ["30 orang"]),
        ("Level kapabilitas Inspektorat", "III", ["III"]),
    ]
    assert table.roles[2] == "indicator" and [r.number for r in table.rows] == ["6", "7", None, None]


def test_realigned_places_cells_by_their_boxes_and_refuses_what_does_not_fit() -> None:
    lines = _table_over_two_pages()
    ranges = columns(lines[:3], 6)
    assert ranges is not None and ranges[2] == (220.0, 333.0)
    wide = realigned(lines[4], ranges)
    assert wide is not None and wide.cells == ("", "", "Jumlah auditor yang", "30 orang", "24 orang", "Optimis tercapai, risiko")
    assert wide.covered[:2] == (True, True) and not any(wide.covered[2:])
    # a cell merged down inside the line (no box, no text) keeps its place between its neighbours
    inner = realigned(lines[5], ranges)
    assert inner is not None and inner.cells[2] == "telah mengikuti" and inner.cells[5] == "pencapaian target:"
    # a cell across two of the table's columns stays across them (a name column split in two on
    # the next page, r02_dinkes p. 81); an empty cell without a box is dropped
    across = Line(("x", "", "y"), lines[4].source, boxes=((100.0, 0.0, 333.0, 1.0), None, (333.0, 0.0, 396.0, 1.0)))
    wide = realigned(across, ranges)
    assert wide is not None and wide.cells == ("", "x", "", "y", "", "") and wide.spans == (1, 2, 0, 1, 1, 1)
    # ... but not from a narrower grid: a cell across columns there is prose in a frame (r24 p. 5)
    assert realigned(across, ranges, across=False) is None
    # text in a cell without a box, two cells under one column, a cell outside the table
    texted = Line(("x", "y"), lines[4].source, boxes=((220.0, 0.0, 333.0, 1.0), None))
    crowded = Line(("x", "y"), lines[4].source, boxes=((220.0, 0.0, 280.0, 1.0), (280.0, 0.0, 333.0, 1.0)))
    outside = Line(("x",), lines[4].source, boxes=((600.0, 0.0, 650.0, 1.0),))
    assert realigned(texted, ranges) is None
    assert realigned(crowded, ranges) is None
    assert realigned(outside, ranges) is None
    # a column no row of the table starts a cell in: its place is unknown
    assert columns(lines[:3], 7) is None


def test_a_remark_going_on_does_not_make_a_wrapped_name_a_row() -> None:
    # r26_inspektorat p. 8: `telah mengikuti` / `sertifikasi …` beside `pencapaian target:` / `rendah`
    head = ("No", "Sasaran", "Indikator Sasaran", "Target Renstra", "Realisasi 2016", "Keterangan")
    body = [
        ("7", "Dipenuhinya aparat", "Jumlah auditor yang", "30 orang", "24 orang", "Optimis tercapai, risiko"),
        ("", "", "telah mengikuti", "", "", "pencapaian target:"),
        ("", "", "sertifikasi Auditor Madya", "", "", "rendah"),
    ]
    lines = [_ruled(c, 8, k + 1, list(_COLS), 6000) for k, c in enumerate([head, *body])]
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert [r.indicator for r in table.rows] == ["Jumlah auditor yang telah mengikuti sertifikasi Auditor Madya"]
    # the near miss: words in a value column beside the wrapped line make it a row, as before
    lines[2] = _ruled(("", "", "telah mengikuti", "", "Level", "pencapaian target:"), 8, 2, list(_COLS), 6000)
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert table.rows[0].indicator == "Jumlah auditor yang"


# --- r14_bkpd Tabel 4 p. 40: the targets under `Satuan`, the programs under the target's name ----


def _pk(satuan: list[str], program: list[str]) -> list[Line]:
    head = [("NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET", "", ""), ("", "", "", "SATUAN", "PROGRAM/KEGIATAN", "ANGGARAN")]
    names = ["Skor Pola Pangan Harapan", "Jumlah tonase cadangan pangan", "Persentase capaian stabilitas pasokan"]
    body = [
        (str(k + 1), "Peningkatan ketersediaan", n, s, p, "460.000.000,-")
        for k, (n, s, p) in enumerate(zip(names, satuan, program, strict=True))
    ]
    spans = [(1, 1, 1, 3, 0, 0), ()]
    return [
        Line(c, Source("t.pdf", k + 1, 40), region=3, whole=True, spans=spans[k] if k < 2 else ()) for k, c in enumerate([*head, *body])
    ]


def test_figures_under_satuan_beside_names_under_the_target_are_the_target() -> None:
    [table] = find_tables(
        _pk(["85", "450", "≥ 100"], ["RTM OPD Penguatan", "RTM OPD Cadangan", "RTM OPD Pemantauan"]), 2016, ExtractSettings()
    )
    assert [r.target and r.target.raw for r in table.rows] == ["85", "450", "≥ 100"]
    assert table.roles[3:5] == ("target", "ignore")


@pytest.mark.parametrize(
    ("satuan", "program"),
    [
        (["Persen", "Ton", "Persen"], ["85", "450", "100"]),  # as headed: units, then the targets
        (["85", "450", "≥ 100"], ["RTM OPD Penguatan", "2 kegiatan", "RTM OPD Pemantauan"]),  # a figure among the names
        (["85", "Ton", "Persen"], ["RTM OPD Penguatan", "RTM OPD Cadangan", "RTM OPD Pemantauan"]),  # units mostly
    ],
)
def test_a_satuan_column_of_units_keeps_its_role(satuan: list[str], program: list[str]) -> None:
    [table] = find_tables(_pk(satuan, program), 2016, ExtractSettings())
    assert table.roles[3] != "target"


# --- r23_dispenda p. 18: two target/realisasi pairs, the capaian the second's ratio ------------


def _two_pairs(rows: list[tuple[str, str, str, str, str]]) -> list[Line]:
    head = ("No", "Kegiatan", "Target Kegiatan", "Realisasi Kegiatan", "Target OPD", "Realisasi OPD", "Capaian")
    body = [(f"{k + 1}.", f"Rapat koordinasi {k + 1}", *r) for k, r in enumerate(rows)]
    return [Line(c, Source("t.pdf", k + 1, 18), region=4, whole=True) for k, c in enumerate([head, *body])]


def test_the_capaian_names_the_pair_it_is_computed_from() -> None:
    rows = [("1", "1", "54", "48", "88,89"), ("3", "3", "27", "24", "88,89"), ("4", "4", "27", "27", "100,00")]
    [table] = find_tables(_two_pairs(rows), 2016, ExtractSettings())
    assert table.roles[2:] == ("ignore", "ignore", "target", "realisasi", "capaian")
    assert [(r.target and r.target.raw, r.realisasi and r.realisasi.raw) for r in table.rows] == [("54", "48"), ("27", "24"), ("27", "27")]


def test_a_capaian_of_the_first_pair_keeps_it() -> None:
    rows = [("50", "45", "54", "48", "90,00"), ("10", "9", "27", "24", "90,00"), ("4", "4", "27", "27", "100,00")]
    [table] = find_tables(_two_pairs(rows), 2016, ExtractSettings())
    assert table.roles[2:4] == ("target", "realisasi")


def test_a_continuation_grid_wider_than_the_table_goes_on_under_its_columns() -> None:
    # r02_dinkes pp. 80-81: p. 81's rulings split the name column in two (at x = 175)
    cols = [(80.0, 108.0), (108.0, 288.0), (288.0, 369.0), (369.0, 423.0), (423.0, 481.0), (481.0, 580.0)]
    head = ("NO", "INDIKATOR KINERJA", "SATUAN", "CAPAIAN 2015", "CAPAIAN 2016", "PERCEPATAN")
    row = ("", "a) Persentase Desa Siaga Aktif", "Persen", "115,5", "143,63", "28,13")
    lines = [_ruled(c, 80, k + 1, list(cols), 79000) for k, c in enumerate([head, row])]
    split = [(80.0, 108.0), (108.0, 288.0), None, (288.0, 369.0), (369.0, 423.0), (423.0, 481.0), (481.0, 580.0)]
    carried = ("", "b) Jumlah Puskesmas Terakreditasi", "", "Puskesmas", "0", "128,13", "128,13")
    lines.append(_ruled(carried, 81, 10, split, 80000))
    [table] = find_tables(lines, 2016, ExtractSettings())
    assert [(r.indicator, r.capaian and r.capaian.raw) for r in table.rows] == [
        ("a) Persentase Desa Siaga Aktif", "143,63"),
        ("b) Jumlah Puskesmas Terakreditasi", "128,13"),
    ]
    # the near miss: a wider grid whose cells do not stand under the table's columns is a table of its own
    lines[2] = _ruled(
        carried, 81, 10, [(80.0, 100.0), (100.0, 200.0), None, (200.0, 300.0), (300.0, 400.0), (400.0, 500.0), (500.0, 600.0)], 80000
    )
    assert len(find_tables(lines, 2016, ExtractSettings())[0].rows) == 1


# --- r03_dpsda Tabel 3.1 p. 27: a header printed white on black, lost in the 1-bit scan ----------

_BLACK_HEADED = [
    ("", "", "", "", "", ""),  # the black band: no word survives
    ("1", "Meningkatnya penyelenggaraan", "Prosentase rekomendasi teknis", "100%", "100%", "100"),
    ("", "", "Prosentase intensitas tanam", "220%", "220%", "100"),
    ("2", "Meningkatnya partisipasi", "Prosentase pengelola yang mengikuti diklat", "2%", "1,77%", "88,50"),
    ("3", "Meningkatnya kapasitas tampung", "Bertambahnya kapasitas tampung", "150.000 m3", "520.000 m3", "354,93"),
]


def _headless(rows: list[tuple[str, ...]], caption: str = "Tabel 3.1 Pencapaian Kinerja Tahun 2016") -> list[Line]:
    out = [Line((caption,), Source("t.pdf", 1, 27))]
    return out + [Line(c, Source("t.pdf", k + 2, 27), region=9, whole=True) for k, c in enumerate(rows)]


def test_a_table_without_a_readable_header_is_named_by_its_arithmetic() -> None:
    [table] = find_tables(_headless(_BLACK_HEADED), 2016, ExtractSettings())
    assert table.kind == "pengukuran" and table.roles == ("no", "group", "indicator", "target", "realisasi", "capaian")
    got = [(r.number, r.indicator, r.target and r.target.raw, r.capaian and r.capaian.raw) for r in table.rows]
    assert got[1] == (None, "Prosentase intensitas tanam", "220%", "100") and got[3][3] == "354,93"
    assert len(got) == 4


@pytest.mark.parametrize(
    ("rows", "caption"),
    [
        (_BLACK_HEADED, "Tabel 3.8 Realisasi Anggaran Tahun 2016"),  # a budget's caption
        (_BLACK_HEADED, "Tabel 3.1"),  # a caption naming nothing
        (_BLACK_HEADED, "Laporan Kinerja Instansi Pemerintah (LKIP) Tahun 2016"),  # a running header (r02 p. 48)
        ([(*r[:5], "97") if k > 1 else r for k, r in enumerate(_BLACK_HEADED)], None),  # no caption
        ([(*r[:5], "97") if k > 1 else r for k, r in enumerate(_BLACK_HEADED)], "Tabel 3.1 Pencapaian Kinerja"),  # no ratio
        ([(*r[:3], "Rp 3.000.000.000", "Rp 2.700.000.000", "90") for r in _BLACK_HEADED[1:]], "Capaian Kinerja dan Anggaran"),
    ],
)
def test_without_the_arithmetic_and_a_performance_caption_no_table(rows: list[tuple[str, ...]], caption: str | None) -> None:
    lines = _headless(rows, caption or "")
    if caption is None:
        lines = lines[1:]
    assert find_tables(lines, 2016, ExtractSettings()) == []


def test_a_sliver_between_the_figure_columns_is_passed_over_but_not_a_column_of_words() -> None:
    # r03 p. 27: a ruling drawn twice leaves an empty sliver between Realisasi and Capaian
    sliver = [(*r[:5], "", r[5]) for r in _BLACK_HEADED]
    [table] = find_tables(_headless(sliver), 2016, ExtractSettings())
    assert table.roles[3:] == ("target", "realisasi", "ignore", "capaian")
    worded = [(*r[:5], "catatan" if k else "", r[5]) for k, r in enumerate(_BLACK_HEADED)]
    assert find_tables(_headless(worded), 2016, ExtractSettings()) == []


def test_a_header_of_words_the_vocabulary_does_not_know_is_not_replaced() -> None:
    # r02_dinkes Tabel 3.3 p. 47: `NO | KAB / KOTA | JUMLAH DESA/KELURAHAN | … UCI | %` over the rows
    worded = [("NO", "KAB / KOTA", "WILAYAH", "JUMLAH DESA", "JUMLAH DESA UCI", "%"), *_BLACK_HEADED[1:]]
    assert find_tables(_headless(worded), 2016, ExtractSettings()) == []


# --- r05_disperindag Tabel 3.x pp. 33-39: two measures of one indicator, its name cell left empty --


def test_a_row_of_figures_under_a_row_that_has_them_is_the_same_indicator_again() -> None:
    head = ("No", "Sasaran", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian")
    rows = [
        ("2", "Meningkatnya perlindungan konsumen", "Jumlah UTTP dan BDKT", "Buah", "6,831,222", "4,341,614", "63.46"),
        ("", "", "", "Buah", "3,900", "928", "23.79"),
        ("3", "", "Peningkatan cakupan pengawasan", "%", "1.5", "10.90", "726.66"),
        ("4", "Meningkatnya daya saing", "", "", "120,47", "122,44", "101,63"),  # a sasaran's own figures
    ]
    lines = [Line(c, Source("t.pdf", k + 1, 35), region=2, whole=True) for k, c in enumerate([head, *rows])]
    [table] = find_tables(lines, 2016, ExtractSettings())
    got = [(r.indicator, r.target and r.target.raw, r.realisasi and r.realisasi.raw) for r in table.rows]
    assert got[:3] == [
        ("Jumlah UTTP dan BDKT", "6,831,222", "4,341,614"),
        ("Jumlah UTTP dan BDKT", "3,900", "928"),
        ("Peningkatan cakupan pengawasan", "1.5", "10.90"),
    ]
    assert ("Peningkatan cakupan pengawasan", "120,47", "122,44") not in got and len(got) == 3
