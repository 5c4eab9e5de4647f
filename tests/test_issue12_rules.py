"""Unit tests of the reader rules issue 12 added for the weakest real documents: `r16_disnak`
(Tabels 2-3 pp. 14-15, a header of year columns without role words), `r22_disperkim` (shaded
bands without rules, pages turned 90°: pp. 29-30, 35, 40-43) and `r18_distan` (p. 19 `Uraian IKU`
over the indicators, p. 43 a table of the sasaran's capaian alone). Each test feeds the cells,
the header or the grids straight to its rule."""

from __future__ import annotations

from extract.header import classify, header_like, role_of
from extract.layout import _without_overlaps
from extract.layout.grid import Grid, GridCell, Method
from extract.model import Line, Source
from extract.tables import _title_row, _unfused, _value_like, _years_apart, header_rows

_T2 = [
    ("", "", "", "", "Populasi Ternak (ekor)", "", "", "", "R (%)"),
    ("No", "Jenis Ternak", "", "", "", "", "", "", ""),
    ("No", "Jenis Ternak", "2013", "2014", "2015", "2016", "2017", "2018", "13-18"),
]
_T2_SPANS: list[tuple[int, ...]] = [(1, 1, 1, 1, 2, 0, 1, 1, 1), (1,) * 9, (1,) * 9]


def _line(*cells: str, n: int = 1, spans: tuple[int, ...] = ()) -> Line:
    return Line(tuple(cells), Source("t.pdf", n), region=1, spans=spans)


# --- r16_disnak Tabels 2-3 pp. 14-15 -----------------------------------------------------------


def test_a_run_of_year_columns_names_a_header_without_role_words() -> None:
    body = _line("1.", "Sapi Perah", "103.832", "109.024", "140.555", "143.774", "148.156", "152.709", "8,47", n=4)
    region = [_line(*c, n=k, spans=s) for k, (c, s) in enumerate(zip(_T2, _T2_SPANS, strict=True))] + [body]
    assert header_rows(region) == 3
    # without the year run the title over the years is no header word: no header at all
    assert header_rows([_line("", "Populasi Ternak (ekor)", ""), _line("No", "Jenis Ternak", "Jumlah"), body]) == 0


def test_a_cell_repeated_on_the_line_below_is_no_upper_header() -> None:
    header = classify(list(_T2), 9, "", 2016, _T2_SPANS, "Tabel 2")
    assert header.paths[2] == "2013"  # not `Jenis Ternak / 2013`


def test_a_bare_year_under_what_the_years_count_is_that_years_value() -> None:
    assert role_of("Populasi Ternak (ekor) / 2016") == ("year", 2016)
    assert role_of("Populasi Ternak (ekor)") == ("ignore", None)


def test_jenis_names_the_row() -> None:
    assert role_of("Jenis Ternak") == ("indicator", None)
    assert role_of("Jenis Kegiatan") == ("group", None)
    assert header_like("Jenis Ternak", 0.5)


def test_bare_years_past_the_report_year_are_targets() -> None:
    header = classify(list(_T2), 9, "", 2016, _T2_SPANS, "Tabel 2. Sasaran Populasi Ternak")
    assert header.roles == (
        "no", "indicator", "hist:target:2013", "hist:target:2014", "hist:target:2015", "target",
        "hist:target:2017", "hist:target:2018", "ignore",
    )  # fmt: skip
    assert header.kind == "multi_year"
    past = classify([("No", "Indikator", "2014", "2015", "2016")], 5, "", 2016)
    assert past.roles[2:] == ("hist:realisasi:2014", "hist:realisasi:2015", "realisasi")


# --- r22_disperkim ---------------------------------------------------------------------------


def test_paragraph_rows_across_the_top_of_a_grid_are_no_header() -> None:
    region = [
        _line("bagian dari pelaksanaan tupoksi Dinas, berikut dituangkan Rencana Kinerja", "", "", spans=(3, 0, 0)),
        _line("Tabel II.1 Rencana Kinerja Tahunan Dinas Permukiman dan", "", "", n=2, spans=(3, 0, 0)),
        _line("", "", "Target", n=3),
        _line("Sasaran (1)", "Indikator Kinerja (2)", "2016 (3)", n=4),
        _line("Meningkatnya Ketersediaan Rencana", "Jumlah Ketersediaan Kajian Perda", "1 Dokumen", n=5),
    ]
    assert _title_row(region)
    assert _title_row(region[1:])


def test_a_title_cell_over_most_of_the_table_with_the_rest_of_its_row_empty_is_a_caption() -> None:
    """`r02_dinkes` p. 42: `c) Cakupan Persalinan oleh Tenaga Kesehatan` merged over 6 of the 9
    columns, the 3 right ones empty cells of their own, over a 2-level header."""
    body = [
        _line("INDIKATOR SASARAN", "2015", "", "", "", "2016", "", "", "", n=2, spans=(1, 4, 0, 0, 0, 4, 0, 0, 0)),
        _line("", "TARGET", "REALISASI", "CAPAIAN", "PENILAIAN", "TARGET", "REALISASI", "CAPAIAN", "PENILAIAN", n=3),
        _line("Cakupan Persalinan", "85%", "95,95%", "112,9%", "Sangat Baik", "86 %", "92,46 %", "102,7 %", "Sangat Baik", n=4),
    ]
    title = "c) Cakupan Persalinan oleh Tenaga Kesehatan"
    assert _title_row([_line(title, "", "", "", "", "", "", "", "", spans=(6, 0, 0, 0, 0, 0, 1, 1, 1)), *body])
    # over half the table or less, or beside another filled cell, it is no title
    assert not _title_row([_line(title, "", "", "", "", "", "", "", "", spans=(4, 0, 0, 0, 1, 1, 1, 1, 1)), *body])
    assert not _title_row([_line(title, "", "", "", "", "", "", "", "x", spans=(6, 0, 0, 0, 0, 0, 1, 1, 1)), *body])


def test_a_header_band_fused_with_the_first_row_is_split() -> None:
    fused = _line("Sasaran (1) Mewujudkan SDM aparatur", "Indikator Kinerja (2) Jumlah SDM Aparatur", "Target 2016 (3) 40 Orang")
    head, first = _unfused([fused])
    assert head.cells == ("Sasaran", "Indikator Kinerja", "Target 2016")
    assert first.cells == ("Mewujudkan SDM aparatur", "Jumlah SDM Aparatur", "40 Orang")
    plain = _line("1 Meningkatnya (2) akses", "Cakupan", "70")
    assert _unfused([plain]) == [plain]


def _grid(method: Method, box: tuple[float, float, float, float], figures: int) -> Grid:
    x0, y0, x1, y1 = box
    cells = tuple(GridCell(k, 0, 1, 1, "12,5", (x0, y0, x1, y1)) for k in range(figures))
    return Grid(0, (x0, x1), tuple(y0 + (y1 - y0) * k / figures for k in range(figures + 1)), cells, method)


def test_of_two_unruled_readings_of_one_table_the_one_with_more_figures_stays() -> None:
    frame = _grid("hrules", (75, 74, 780, 492), 11)
    table = _grid("hrules", (218, 162, 683, 473), 18)
    assert _without_overlaps([frame, table]) == [table]
    apart = _grid("hrules", (75, 500, 780, 700), 3)
    assert _without_overlaps([table, apart]) == [table, apart]


def test_a_column_named_by_what_it_is_against_is_the_capaian() -> None:
    assert role_of("Terhadap / Indikator Kinerja / 2016 / Nilai") == ("capaian", 2016)


def test_a_merged_cell_of_years_is_a_title_over_them() -> None:
    first = _line(
        "No (1)", "Sasaran (2)", "Pencapaian Kinerja Tahun - 2014* 2015** 2016*** (4) (5) (6)", "", "", "Kategori (7)",
        spans=(1, 1, 3, 0, 0, 1),
    )  # fmt: skip
    upper, lower = _years_apart([first])
    assert upper.cells[2] == "Pencapaian Kinerja Tahun -"
    assert lower.cells == ("", "", "2014*", "2015**", "2016***", "")
    assert not _value_like("2016***") and header_like("2016***")


def test_column_numbers_and_pencapaian_in_header_cells() -> None:
    assert role_of("No (1)") == ("no", None)
    assert role_of("Indikator Kinerja (3)") == ("indicator", None)
    assert role_of("Pencapaian Kinerja Tahun - / 2015**") == ("capaian", 2015)


# --- r18_distan ------------------------------------------------------------------------------


def test_uraian_left_of_the_indicator_column_is_its_group() -> None:
    header = classify([("Uraian IKU", "Indikator Kinerja", "Satuan", "Target")], 4, "", 2016)
    assert header.roles == ("group", "indicator", "satuan", "target")


def test_a_table_of_the_sasarans_capaian_names_its_rows_by_the_sasaran() -> None:
    header = classify([("NO", "SASARAN STRATEGIS", "CAPAIAN (%)", "KRITERIA PENILAIAN")], 4, "", 2016)
    assert header.roles == ("no", "indicator", "capaian", "kategori")
    assert header.kind == "pengukuran"
    kegiatan = classify([("No", "Program/Kegiatan", "Target", "Realisasi")], 4, "", 2016)
    assert kegiatan.roles[1] == "activity"


def test_a_letter_spaced_word_in_a_table_cell_is_one_word() -> None:
    from extract.readers.pdf import _unmarked
    from extract.readers.pdf_lattice import Item

    row = _unmarked(Item(0.0, ["10.", "I t i k", "Ekor", "10.207.731"]))
    assert row is not None and row.cells[1] == "Itik"
    kept = _unmarked(Item(0.0, ["a. b c", "S 1 s/d S 3", "A B C"]))
    assert kept is not None and kept.cells == ["a. b c", "S 1 s/d S 3", "A B C"]
    prose = _unmarked(Item(0.0, ["I t i k"]))
    assert prose is not None and prose.cells == ["I t i k"]  # prose stays as the text layer has it


def test_a_sasarans_capaian_beside_its_budget_stays_a_budget_table() -> None:
    header = classify([("No", "Sasaran Strategis/ Program", "Capaian Sasaran (%)*", "Anggaran (Rp)")], 4, "", 2016)
    assert header.roles[1] == "activity"
