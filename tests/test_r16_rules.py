"""Unit tests of the reader rules `r16_disnak` (Dinas Peternakan Jawa Barat 2016) showed: a
comparison table headed `Realisasi (%)` per year beside `% Pening katan` (Tabel 7 pp. 26-28), its
outline-numbered indicators stacked in one ruled cell and a sasaran sharing a ruled row with its
one indicator (p. 27), and an item's dash set below its words (Tabel 1 p. 13). Each test feeds
the cells or the header straight to the rule."""

from __future__ import annotations

from extract.columns import by_content
from extract.header import classify, header_like, is_header_start, role_of
from extract.model import Line, Source
from extract.readers.pdf_lattice import _joined, unstack

_T7 = [
    ("No", "Sasaran Stratejik", "Indikator Kinerja", "Satuan", "Realisasi (%)", "", "% Pening katan"),
    ("", "", "", "", "2015", "2016", ""),
]


def _line(*cells: str, n: int = 1) -> Line:
    return Line(tuple(cells), Source("t.pdf", n))


# --- header.py -----------------------------------------------------------------------------------


def test_a_percent_sign_over_a_broken_word_is_a_header_cell() -> None:
    assert header_like("% Pening katan", 0.5)
    assert header_like("% Kenaikan")
    assert not header_like("% penduduk miskin di kota besar")  # a name, not a column's
    assert is_header_start(_T7[0])


def test_a_change_column_is_the_change_from_last_year() -> None:
    assert role_of("% Pening katan") == ("change", None)
    assert role_of("% kenaikan 2015-2016")[0] == "change"
    assert role_of("Percepatan / Perlambatan")[0] == "change"  # r29_dishub Tabel 3.3 p. 4
    assert role_of("Percepatan (Perlambata n) %")[0] == "change"  # r01_bappeda Tabel 3.4 p. 31
    assert role_of("% Capaian")[0] == "capaian"  # a percent column of the capaian keeps its role
    assert role_of("Persentase Penurunan")[0] == "capaian"  # a name's word, not a change column


# --- columns.py ----------------------------------------------------------------------------------


def test_realisasi_in_percent_of_tonnes_is_the_capaian() -> None:
    header = classify(list(_T7), 7, "", 2016, [(1, 1, 1, 1, 2, 0, 1), ()])
    assert header.roles[4:] == ("hist:realisasi:2015", "realisasi", "hist:change:2016")
    body = [
        _line("", "", "- Daging", "Ton", "91,80", "129,18", "37,38"),
        _line("", "", "- Sapi Potong", "Ekor", "95,10", "88,13", "-6,97", n=2),
    ]
    assert by_content(header, body).roles[4:] == ("hist:capaian:2015", "capaian", "hist:change:2016")


def test_realisasi_in_percent_of_percent_indicators_stays_realisasi() -> None:
    header = classify(list(_T7), 7, "", 2016, [(1, 1, 1, 1, 2, 0, 1), ()])
    body = [
        _line("", "", "Persentase desa", "%", "45,10", "50,20", "5,10"),
        _line("", "", "Persentase kota", "%", "60,00", "61,00", "1", n=2),
    ]
    assert by_content(header, body).roles[4:] == ("hist:realisasi:2015", "realisasi", "hist:change:2016")


# --- pdf_lattice.py ------------------------------------------------------------------------------


def test_outline_numbered_indicators_stacked_in_one_cell_are_rows() -> None:
    cells = [
        "", "", "3.1 Jumlah unit pelaku usaha yang\nbisa mengakses pasar\n3.2 Jumlah sarana pemasaran\ndan SOP",
        "Unit\nUnit", "100,00\n160,00", "300\n100", "200\n-60",
    ]  # fmt: skip
    rows = unstack(cells)
    assert [r[2].split("\n")[0] for r in rows] == ["3.1 Jumlah unit pelaku usaha yang", "3.2 Jumlah sarana pemasaran"]
    assert [r[5] for r in rows] == ["300", "100"]


def test_outline_numbers_out_of_sequence_stay_one_cell() -> None:
    cells = ["", "1.1 Jumlah produksi\n2.5 juta ton", "10\n20"]
    assert unstack(cells) == [cells]


def test_a_sasaran_sharing_its_row_with_its_one_indicator_is_two_rows() -> None:
    cells = [
        "4",
        "Meningkatnya kinerja\nkelembagan",
        "4.1 Jumlah kelompok yang\nmeningkatkan usahanya",
        "Kelompok",
        "100,00\n100,00",
        "100,00\n100",
        "0\n0",
    ]
    head, item = unstack(cells)
    assert head == ["4", "Meningkatnya kinerja\nkelembagan", "", "", "100,00", "100,00", "0"]
    assert item == ["", "", "4.1 Jumlah kelompok yang\nmeningkatkan usahanya", "Kelompok", "100,00", "100", "0"]


def test_an_indicator_alone_with_two_figures_stays_one_row() -> None:
    cells = ["", "", "4.1 Jumlah kelompok", "Kelompok", "100,00\n100,00", "100"]
    assert unstack(cells) == [cells]


def test_a_dash_below_its_item_opens_it() -> None:
    assert _joined("Susu\n-") == "- Susu"
    assert _joined("19.954.920.000,\n-") != "- 19.954.920.000,"  # a figure's tail, not a bullet
    assert _joined("Jumlah produksi\nyang dihasilkan") == "Jumlah produksi yang dihasilkan"


# --- layout/rulings.py ---------------------------------------------------------------------------


def test_two_booktabs_tables_of_different_widths_are_two_regions() -> None:
    from extract.layout.geometry import Segment
    from extract.layout.rulings import regions
    from extract.layout.settings import LayoutSettings

    narrow = [Segment(True, y, 120.5, 519.0) for y in (116.8, 141.9, 308.7)]  # Tabel 4, p. 17
    wide = [Segment(True, y, 85.1, 574.2) for y in (439.4, 463.9, 474.9, 728.7, 739.8)]  # Tabel 5
    under_merged = [Segment(True, 450.4, 382.9, 574.2)]  # under `PAGU ANGGARAN`, over two columns
    found = regions(narrow + wide + under_merged, LayoutSettings())
    assert [len(r.horizontals) for r in found] == [3, 6]


def test_a_short_rule_under_a_spanning_header_cell_stays_with_its_table() -> None:
    from extract.layout.geometry import Segment
    from extract.layout.rulings import regions
    from extract.layout.settings import LayoutSettings

    rules = [Segment(True, y, 120.5, 544.2) for y in (568.8, 588.7, 683.5)] + [Segment(True, 578.7, 208.7, 514.8)]  # Tabel 2, p. 14
    assert [len(r.horizontals) for r in regions(rules, LayoutSettings())] == [4]


# --- pdf_lattice.side_by_side --------------------------------------------------------------------


def _grid(rows: list[list[str]]) -> object:
    from extract.layout.grid import Grid, GridCell

    n = len(rows[0])
    cells = tuple(
        GridCell(r, c, 1, 1, t, (10.0 * c, 10.0 * r, 10.0 * c + 10, 10.0 * r + 10)) for r, row in enumerate(rows) for c, t in enumerate(row)
    )
    return Grid(0, tuple(10.0 * c for c in range(n + 1)), tuple(10.0 * r for r in range(len(rows) + 1)), cells, "hrules")


def test_two_tables_side_by_side_are_two_regions() -> None:
    from extract.layout.grid import Grid
    from extract.readers.pdf_lattice import grid_items

    g = _grid(
        [
            ["No", "Uraian", "Satuan", "Target (ekor)", "No", "Uraian", "Satuan", "Target (ton)"],
            ["1.", "Sapi Potong", "Ekor", "466.272", "1.", "- Sapi Lokal", "Ton", "84.491"],
            ["2.", "Sapi Perah", "Ekor", "143.774", "2.", "- Sapi Impor", "Ton", "3.349"],
        ]
    )
    assert isinstance(g, Grid)
    items = grid_items(g, 3)
    assert [(it.region, it.cells[1]) for it in items] == [
        (3, "Uraian"), (3, "Sapi Potong"), (3, "Sapi Perah"), (503, "Uraian"), (503, "- Sapi Lokal"), (503, "- Sapi Impor"),
    ]  # fmt: skip
    assert [it.top for it in items] == sorted(it.top for it in items)


def test_a_table_of_two_years_side_by_side_is_one_table() -> None:
    from extract.layout.grid import Grid
    from extract.readers.pdf_lattice import grid_items

    g = _grid([["No", "Indikator", "Target", "Realisasi", "Target", "Realisasi"], ["1.", "Persentase", "90", "91", "92", "93"]])
    assert isinstance(g, Grid)
    assert {it.region for it in grid_items(g, 0)} == {0}  # the No and the name are not repeated
