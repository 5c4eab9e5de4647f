"""Reader rules of the fourth round on the real goldens: `r09_bplhd` Tabel 3.1 p. 16 (a Renstra
target of the report year; zebra-shaded rows with no rule between them) and `r18_distan` Tabel 7
p. 31 (a header of descriptive cells closed by its column numbers; a percent column computed
against a reference that the header calls `Capaian`). Each test feeds its rule the header, the
region or the grid and its words, and has a near miss the rule must leave alone."""

from __future__ import annotations

import pytest

from extract.columns import by_content
from extract.header import classify
from extract.layout.geometry import Word
from extract.layout.grid import Grid, GridCell
from extract.layout.settings import LayoutSettings
from extract.layout.stream import split_bands
from extract.model import Line, Source
from extract.tables import _over_column_numbers, header_rows


def _line(*cells: str, n: int = 1) -> Line:
    return Line(tuple(cells), Source("t.pdf", n), region=1)


# --- r09_bplhd Tabel 3.1 p. 16 ---------------------------------------------------------------


def test_a_renstra_target_of_the_report_year_measures_this_year() -> None:
    this_year = classify([("NO", "INDIKATOR KINERJA UTAMA", "TARGET RENSTRA TAHUN 2016", "REALISASI", "PENCAPAIAN")], 5, "", 2016)
    assert this_year.roles[2] == "hist:target:2016"
    assert this_year.kind == "pengukuran"
    plan_end = classify([("NO", "INDIKATOR KINERJA UTAMA", "TARGET RENSTRA TAHUN 2018", "REALISASI", "PENCAPAIAN")], 5, "", 2016)
    assert plan_end.kind == "multi_year"  # r05_disperindag Tabel 3.4: against the plan's end
    unknown = classify([("NO", "INDIKATOR KINERJA UTAMA", "TARGET RENSTRA", "REALISASI", "PENCAPAIAN")], 5, "", 2016)
    assert unknown.kind == "multi_year"


_XS = (0.0, 20.0, 150.0, 210.0, 270.0, 330.0)


def band_words(rows: list[tuple[float, list[str]]], xs: tuple[float, ...] = _XS, height: float = 8) -> list[Word]:
    """Words of one ruled band: per visual line its top and the text of each column."""
    out = []
    for top, cells in rows:
        for k, text in enumerate(cells):
            if text:
                out.append(Word(xs[k] + 2, top, xs[k] + 2 + 4 * len(text), top + height, text))
    return out


def _zebra_grid(lines: list[tuple[float, list[str]]]) -> Grid:
    cols = [
        "\n".join(c for _, cells in lines if (c := cells[k])) for k in range(5)
    ]  # each cell's text, its lines top-down, as the text layer gives it
    words = ["NO", "INDIKATOR", "TARGET", "REALISASI", "CAPAIAN"]
    head = [GridCell(0, k, 1, 1, t, (_XS[k], 0.0, _XS[k + 1], 20.0)) for k, t in enumerate(words)]
    body = [GridCell(1, k, 1, 1, t, (_XS[k], 20.0, _XS[k + 1], 80.0)) for k, t in enumerate(cols)]
    return Grid(0, _XS, (0.0, 20.0, 80.0), tuple(head + body), "lattice")


_ZEBRA = [
    (22.0, ["2", "Indeks Kualitas Udara", "60", "66,24", "110,40 %"]),
    (34.0, ["3", "Jumlah lokasi Program", "61", "61", "100%"]),
    (46.0, ["", "kampung Iklim (PROKLIM)", "", "", ""]),
]
# the near miss: the second line has no number of its own, so the band is one row
_ONE_WRAPPED = [_ZEBRA[0], (34.0, ["", "Jumlah lokasi Program", "", "", ""]), _ZEBRA[2]]


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        (_ZEBRA, [(1, "Indeks Kualitas Udara"), (2, "Jumlah lokasi Program\nkampung Iklim (PROKLIM)")]),
        (_ONE_WRAPPED, [(1, "Indeks Kualitas Udara\nJumlah lokasi Program\nkampung Iklim (PROKLIM)")]),
    ],
)
def test_zebra_band_is_cut_at_each_numbered_row(lines: list[tuple[float, list[str]]], names: list[tuple[int, str]]) -> None:
    g = split_bands(_zebra_grid(lines), lambda: band_words(lines), LayoutSettings())
    assert sorted((c.row, c.text) for c in g.cells if c.col == 1)[1:] == names


# --- r18_distan Tabel 7 p. 31 -----------------------------------------------------------------

_T7_HEAD = [
    _line("Sasaran Strategis", "Indikator Kinerja", "Realisasi Tahun 2016", "Capaian Kinerja dan Standar Nasional Tahun 2016",
          "Kontribusi Jawa Barat Terhadap Nasional (%)", "Peringkat Jawa Barat dalam hal Produksi dengan Nasional"),
    _line("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", n=2),
]  # fmt: skip
_T7_BODY = [
    _line("", "- Jumlah produksi padi", "12.540.550", "79.347.116", "15,80", "2", n=3),
    _line("", "- Jumlah Produksi Jagung", "1.630.238", "23.592.367", "6,91", "5", n=4),
    _line("", "- Jumlah Produksi Kedelai", "92.078", "858.305", "10,73", "4", n=5),
]


def test_rows_above_the_column_numbers_are_the_header_whatever_their_words() -> None:
    region = _T7_HEAD + _T7_BODY
    assert header_rows(region) == 0  # the vocabulary alone does not take these cells for a header
    assert _over_column_numbers(region) == 2


def test_column_numbers_under_a_plan_form_or_under_figures_close_no_header() -> None:
    form = _line("No", "Program/Kegiatan", "Lokasi", "Indikator Kinerja", "Target Capaian", "Pagu Indikatif (Rp. 000)")
    assert _over_column_numbers([form, _T7_HEAD[1], *_T7_BODY]) == 0  # names no realisation: measures nothing
    figures = _line("Realisasi", "Capaian", "12.540.550", "79.347.116", "", "")
    assert _over_column_numbers([figures, _T7_HEAD[1], *_T7_BODY]) == 0
    assert _over_column_numbers([_T7_HEAD[0], *_T7_BODY]) == 0  # no column numbers at all


def test_a_percent_of_the_reference_is_the_capaian() -> None:
    header = classify([ln.cells for ln in _T7_HEAD[:1]], 6, "", 2016)
    assert header.roles[3] == "capaian" and header.roles[4] == "ignore"
    fixed = by_content(header, _T7_BODY)
    assert fixed.roles[3] == "ignore" and fixed.roles[4] == "capaian"


def test_a_column_that_is_no_percent_of_the_reference_is_left_alone() -> None:
    header = classify([ln.cells for ln in _T7_HEAD[:1]], 6, "", 2016)
    off = [_line(*ln.cells[:4], "17,80", ln.cells[5], n=ln.source.line) for ln in _T7_BODY]  # 2.00 off on every row
    assert by_content(header, off).roles == header.roles
    rounded = [_line(*ln.cells[:4], "15,8", ln.cells[5], n=ln.source.line) for ln in _T7_BODY[:1]]
    assert by_content(header, rounded).roles == header.roles  # one row proves nothing


def test_a_percent_of_the_reference_despite_the_reports_slips() -> None:
    # r19_disbun Tabel 3.4 p. 52: seven of nine rows are realisasi / national x 100; one reference
    # is negative (`-0,103`, its ratio printed `70,07`): a slip of the report, not of the column
    header = classify([ln.cells for ln in _T7_HEAD[:1]], 6, "", 2016)
    rows = [("2,23", "2,2", "101,36"), ("2,25", "2,35", "95,74"), ("13,22", "-0,103", "70,07"), ("2,20", "3,9", "56,41")]
    body = [_line("", f"Indikator {k}", r, b, v, "", n=3 + k) for k, (r, b, v) in enumerate(rows)]
    assert by_content(header, body).roles[3:5] == ("ignore", "capaian")
    # two slips in four rows: no longer the column's rule
    slips = [*body[:2], *(_line("", "x", "13,22", "-0,103", "70,07", "", n=9 + k) for k in range(2))]
    assert by_content(header, slips).roles == header.roles
