"""budget-figure-differs, at its edges: a narrative rupiah figure one digit off (or two
neighbouring digits swapped) from a budget table row it is about (r04_bpbd pp. 54, 62: the
`866.600.000` / `860.924.000` of the budget table p. 67 told as `866.800.000` and `860.942.000`)."""

from __future__ import annotations

import pytest
from mutkit import claims_of, context, table

from reports.checks import budget_refs
from reports.model import Finding

ROW = "\tPenguatan Kapasitas Kesiapsiagaan\t866.600.000,-\t860.924.000,-\t99,35\t100"


def found(*prose: tuple[int, str], row: str = ROW) -> list[Finding]:
    claims = [c for n, text in prose for c in claims_of(n, text)]
    lines = {n: (54, text) for n, text in prose} | {101: (67, row)}
    return list(budget_refs.run(context(claims=claims, lines=lines, tables=[table(1, "other", 100, 101, budget=(2, 3, 4))])))


def test_an_allocation_one_digit_off() -> None:
    (f,) = found((5, "Penguatan Kapasitas Kesiapsiagaan dengan alokasi anggaran Rp.866.800.000,"), (6, "dengan realisasi Rp.860.924.000,-"))
    assert (f.check_id, f.line) == ("budget-figure-differs", 5)
    assert f.message == (
        "Narasi menyebut Rp.866.800.000 untuk \u201cPenguatan Kapasitas Kesiapsiagaan\u201d, sedangkan tabel anggaran "
        "(halaman 67, baris 101) mencatat 866.600.000,-: satu angka berbeda atau dua angka bertukar tempat."
    )


@pytest.mark.parametrize(
    ("stated", "fires"),
    [
        ("860.942.000", True),  # two neighbouring digits swapped
        ("860.924.000", False),  # as the table prints it
        ("860.429.000", False),  # two digits swapped that are not neighbours
        ("860.925.001", False),  # two digits changed
        ("8.609.240.000", False),  # another magnitude
    ],
)
def test_what_differs_by_a_slip(stated: str, fires: bool) -> None:
    got = found((5, "alokasi anggaran Rp. 866.600.000,-"), (6, f"dengan realisasi sebesar Rp. {stated},- atau 99,35%"))
    assert len(got) == int(fires)


def test_a_share_near_it_ties_it_to_the_row() -> None:
    assert len(found((6, "dengan realisasi sebesar Rp. 860.942.000,- atau sebesar 99,35%"))) == 1
    assert not found((6, "dengan realisasi sebesar Rp. 860.942.000,- atau sebesar 98,35%"))
    assert not found((6, "dengan realisasi sebesar Rp. 860.942.000,-"))  # nothing says it is that row's


def test_its_row_figures_must_stand_near() -> None:
    assert not found((1, "alokasi anggaran Rp. 866.600.000,-"), (5, "realisasi sebesar Rp. 860.942.000,-"))  # four lines apart
    assert len(found((2, "alokasi anggaran Rp. 866.600.000,-"), (5, "realisasi sebesar Rp. 860.942.000,-"))) == 1


def test_round_sums_and_small_ones_are_not_slips() -> None:
    row = "\tPengadaan\t600.000.000,-\t590.000.000,-\t98,33\t100"
    assert not found((5, "alokasi anggaran Rp. 500.000.000,- dengan realisasi Rp. 590.000.000,-"), row=row)
    row = "\tPengadaan\t600.000,-\t512.340,-\t85,39\t100"
    assert not found((5, "alokasi anggaran Rp. 600.000,- dengan realisasi Rp. 512.430,-"), row=row)


def test_a_figure_another_budget_row_prints_is_no_slip() -> None:
    other = "\tPengembangan Forum\t290.945.000,-\t860.942.000,-\t98,16\t100"
    claims = claims_of(5, "alokasi anggaran Rp. 866.600.000,-") + claims_of(6, "realisasi sebesar Rp. 860.942.000,-")
    prose = {5: (54, "alokasi anggaran Rp. 866.600.000,-"), 6: (54, "realisasi sebesar Rp. 860.942.000,-")}
    lines = prose | {101: (67, ROW), 102: (67, other)}
    ctx = context(claims=claims, lines=lines, tables=[table(1, "other", 100, 102, budget=(2, 3, 4))])
    assert not list(budget_refs.run(ctx))


def test_near_miss() -> None:
    assert budget_refs.near_miss(866_800_000, 866_600_000)
    assert budget_refs.near_miss(324_281_000, 342_281_000)
    assert not budget_refs.near_miss(324_281_000, 324_281_000)
    assert not budget_refs.near_miss(300_000_000, 200_000_000)  # three non-zero digits between them
    assert not budget_refs.near_miss(1_088_765_000, 938_765_000)
