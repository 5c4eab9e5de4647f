"""unit-mismatch, at its edges: one catalogue indicator whose target has another unit or figure in
the RKT, PK or activity tables; a bare number is a unit left out, not another unit."""

from __future__ import annotations

import pytest
from mutkit import context, info, row

from reports.checks import units
from reports.model import Finding

NAME = "Persentase dokumen yang tersusun tepat waktu"


def found(*targets: tuple[str, str], ind: str | None = "IKU-01") -> list[Finding]:
    rows = [row(kind, i + 1, 1, NAME, t, None, None, indicator_id=ind) for i, (kind, t) in enumerate(targets)]
    return list(units.run(context(rows, indicators={"IKU-01": info("higher_better", name="Nama katalog")})))


def test_another_unit_is_one_finding_naming_each_variant() -> None:
    (f,) = found(("rencana", "12 Layanan"), ("perjanjian", "1 Laporan"), ("kegiatan", "1 Laporan"))
    assert (f.check_id, f.indicator_id, f.line, f.table_seq, f.cells) == ("unit-mismatch", "IKU-01", 201, 2, ("target",))
    assert f.message == (
        "Indikator \u201cNama katalog\u201d memakai satuan atau target yang berbeda: "
        "RKT: 12 Layanan (halaman 1, baris 101); PK: 1 Laporan (halaman 2, baris 201); tabel kegiatan: 1 Laporan (halaman 3, baris 301)."
    )


@pytest.mark.parametrize(
    "targets",
    [
        (("rencana", "90%"), ("perjanjian", "90%")),
        (("rencana", "90%"), ("perjanjian", "90,00%")),  # the same figure to more decimals
        (("rencana", "1 Laporan"), ("multi_year", "1 laporan")),
        (("rencana", "BB"), ("perjanjian", "BB")),
        (("rencana", "90%"), ("perjanjian", "-")),  # an empty cell states nothing
        (("rencana", "90%"), ("perjanjian", "tersedia")),
        (("rencana", "90%"), ("pengukuran", "80%")),  # the measured table is pk-target-mismatch's
    ],
)
def test_the_same_target_is_quiet(targets: tuple[tuple[str, str], ...]) -> None:
    assert not found(*targets)


@pytest.mark.parametrize(
    "targets",
    [
        (("rencana", "90%"), ("perjanjian", "90,01%")),
        (("rencana", "90%"), ("perjanjian", "90 Dokumen")),
        (("rencana", "BB"), ("perjanjian", "WTP")),
        (("rencana", "1 Laporan"), ("multi_year", "2 Laporan")),
    ],
)
def test_near_misses_fire(targets: tuple[tuple[str, str], ...]) -> None:
    assert len(found(*targets)) == 1


def test_a_bare_number_is_the_unit_left_out() -> None:
    assert not found(("rencana", "90%"), ("perjanjian", "90"))
    (f,) = found(("rencana", "90"), ("perjanjian", "85"))
    assert "RKT: 90 (halaman 1, baris 101); PK: 85 (halaman 2, baris 201)" in f.message


def test_rows_without_an_id_are_not_grouped() -> None:
    assert not found(("rencana", "12 Layanan"), ("perjanjian", "1 Laporan"), ind=None)


def test_an_indicator_the_catalogue_lacks_is_named_by_its_row() -> None:
    rows = [
        row("rencana", 1, 1, NAME, "1 Laporan", None, None, indicator_id="X"),
        row("perjanjian", 2, 1, NAME, "2 Laporan", None, None, indicator_id="X"),
    ]
    (f,) = units.run(context(rows))
    assert f"\u201c{NAME}\u201d" in f.message and "RKT: 1 Laporan (halaman 1, baris 101); PK: 2 Laporan (halaman 2, baris 201)" in f.message
