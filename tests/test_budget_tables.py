"""Budget tables (issue 15): the reader names a budget's ceiling, realisation and share columns
(`header.budget_columns`), keeps a drawn budget table it reads no indicator from, and stores its
cells, so the audit holds each realisation to its ceiling (`reports/checks/budget_rows.py`)."""

from __future__ import annotations

import pytest

from extract import header as hdr
from extract.evidence import table_cells
from extract.model import Line, Source, Table

# r28_dinkumkm Tabel 9 pp. 16-20 (`Realisasi Keuangan` over `(Rp.)` and `(%)`)
R28 = [
    ("No", "Program/Kegiatan", "Jumlah Anggaran Sebelum Perubahan (Rp.)", "Jumlah Anggaran Setelah Perubahan (Rp.)",
     "Realisasi Keuangan", "", "Realisasi Fisik (%)"),
    ("", "", "", "", "(Rp.)", "(%)", ""),
]  # fmt: skip
# r01_bappeda Tabel 3.7 p. 43: the budget beside the indicators, under `Keuangan`
R01 = [
    ("No", "Sasaran", "Indikator", "Tahun 2016", "", "", "Capaian %", "Nama Progam", "Keuangan", "", ""),
    ("", "", "", "Satuan", "Target", "Realisasi", "", "", "Pagu", "Realisasi", "Capaian %"),
]


def test_a_budget_tables_columns() -> None:
    h = hdr.classify(R28, 7, "", 2016, [(1, 1, 1, 1, 2, 1), (1,) * 7])
    assert (h.kind, hdr.budget_columns(h)) == ("other", (3, 4, 5))  # the ceiling after revision; not `Fisik`


def test_budget_columns_beside_the_indicators() -> None:
    h = hdr.classify(R01, 11, "", 2016)
    assert (h.kind, hdr.budget_columns(h)) == ("pengukuran", (8, 9, 10))  # the indicator's Realisasi (5) is no budget's


@pytest.mark.parametrize(
    "lines",
    [
        [("No", "Indikator", "Target", "Realisasi", "Capaian (%)")],  # no ceiling
        [("No", "Kegiatan", "Anggaran (Rp)", "Realisasi Fisik (%)", "%")],  # the realisation is physical
        [("No", "Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Keterangan", "Sumber", "%")],  # no share beside it
        [("No", "Kegiatan", "Realisasi (Rp)", "Pagu (Rp)", "%")],  # the ceiling right of the realisation
        [("No", "Sumber", "Anggaran (Rp)", "Realisasi (Rp)", "SILPA", ""), ("", "", "", "", "Rp", "%")],  # r19 p. 57: the remainder's
    ],
)
def test_no_budget_columns(lines: list[tuple[str, ...]]) -> None:
    assert hdr.budget_columns(hdr.classify(lines, len(lines[0]), "", 2016)) is None


def test_a_budget_tables_cells_are_stored_beside_a_performance_tables() -> None:
    lines = tuple(Line(tuple(t.split("\t")), Source("t", n, 19)) for n, t in enumerate(["h", "1\tA\t90.000.000\t89.595.500\t99,55"], 10))
    budget = Table(1, "pengukuran", (), (), None, Source("t", 10, 19), end_line=11, budget=(2, 3, 4))
    plain = Table(1, "pengukuran", (), (), None, Source("t", 10, 19), end_line=11)
    assert [(c.row, c.col, c.value.number) for c in table_cells((budget,), lines)][2:] == [(1, 2, 90e6), (1, 3, 89595500.0), (1, 4, 99.55)]
    assert table_cells((plain,), lines) == ()
