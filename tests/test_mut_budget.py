"""budget-mismatch, at its edges: "realisasi Rp X atau Y%" against X / its ceiling at the printed
decimals; which figure is the ceiling (same sentence, the lines just above, the report's own for the
budget as a whole) and which percentages belong to a rupiah figure."""

from __future__ import annotations

import pytest
from mutkit import claims_of, context

from reports.checks import budget
from reports.model import Finding


def found(*lines: tuple[int, str]) -> list[Finding]:
    claims = [c for n, text in lines for c in claims_of(n, text)]
    return list(budget.run(context(claims=claims, lines={n: (1, text) for n, text in lines})))


def test_a_wrong_percentage() -> None:
    text = "alokasi anggaran sebesar Rp 100.000.000 dan realisasi Rp 89.995.000 atau 85%"
    (f,) = found((5, text))
    assert (f.check_id, f.line, f.page, f.evidence) == ("budget-mismatch", 5, 1, text)
    assert f.message == (
        "Realisasi anggaran Rp 89.995.000 dari pagu Rp 100.000.000 (halaman 1, baris 5) adalah 90%, bukan 85% seperti tertulis."
    )


@pytest.mark.parametrize("pct", ["90%", "89%", "89,99%", "90,00%", "89,995%", "90,0%"])  # 89,995%: rounded or cut
def test_the_right_percentage_at_its_decimals(pct: str) -> None:
    assert not found((5, f"alokasi anggaran sebesar Rp 100.000.000 dan realisasi Rp 89.995.000 atau {pct}"))


@pytest.mark.parametrize("pct", ["89,98%", "90,01%", "88%", "91%"])
def test_near_misses_fire(pct: str) -> None:
    assert len(found((5, f"alokasi anggaran sebesar Rp 100.000.000 dan realisasi Rp 89.995.000 atau {pct}"))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "pagu Rp 1.000.000, realisasi Rp 900.000 (90%)",
        "dianggarkan Rp 1.000.000 terealisasi Rp 900.000 sebesar 90%",
        "Rp 900.000 (90%) dari total anggaran belanja Rp 1.000.000 telah terserap",
    ],
)
def test_ways_of_writing_it(text: str) -> None:
    assert not found((5, text))
    assert len(found((5, text.replace("90%", "80%")))) == 1


def test_the_nearest_ceiling_above_within_four_lines() -> None:
    pagu = "pagu anggaran sebesar Rp 2.000.000"
    assert len(found((1, pagu), (5, "realisasi Rp 1.500.000 atau 70%"))) == 1  # four lines up: 75%
    assert not found((1, pagu), (6, "realisasi Rp 1.500.000 atau 70%"))  # five: too far, no ceiling known
    (f,) = found((1, "pagu anggaran sebesar Rp 1.000.000"), (3, pagu), (5, "realisasi Rp 1.500.000 atau 70%"))
    assert "(halaman 1, baris 3)" in f.message  # the nearest


def test_the_reports_own_ceiling_for_the_budget_as_a_whole() -> None:
    pagu = "Pagu anggaran sebesar Rp 2.000.000 untuk satu tahun."
    (f,) = found((1, pagu), (50, "Realisasi anggaran Rp 1.500.000 atau 70%"))
    assert "pagu Rp 2.000.000 (halaman 1, baris 1)" in f.message
    assert not found((1, pagu), (50, "Realisasi kegiatan Rp 1.500.000 atau 70%"))  # one kegiatan: its own ceiling
    # a kegiatan's realisation far below the whole is no share of it (r06_bpmpd p. 39): its ceiling is unknown
    assert not found((1, pagu), (50, "Realisasi anggaran sebesar Rp 300.000 (94,22 %)"))
    (f,) = found((1, pagu), (50, "Realisasi anggaran sebesar Rp 400.000 (94,22 %)"))  # at a fifth of it: the whole's
    assert "adalah 20%" in f.message


def test_a_realisation_is_no_ceiling() -> None:
    first = "Alokasi anggaran realisasi Rp 1.000.000 atau 50%"  # a realisation, though after "alokasi"
    assert not found((1, first), (3, "realisasi Rp 1.500.000 atau 70%"))


@pytest.mark.parametrize(
    "text",
    [
        "alokasi Rp 1.000.000 dan realisasi Rp 900.000, kinerja 50%",  # not the figure's percentage
        "alokasi Rp 1.000.000 dan realisasi Rp 900.000 atau naik dari tahun lalu yang hanya 50%",  # too far
        "alokasi Rp 1.000.000 dan belanja Rp 900.000 atau 50%",  # nothing said to be realised
        "alokasi Rp 0 dan realisasi Rp 900.000 atau 50%",
    ],
)
def test_percentages_that_are_not_the_realisation(text: str) -> None:
    assert not found((5, text))


def test_the_realised_word_on_the_line_above() -> None:
    assert len(found((4, "Adapun realisasinya:"), (5, "alokasi Rp 1.000.000 dan Rp 900.000 atau 50%"))) == 1


def test_the_budget_after_its_change_is_the_ceiling_of_a_realisation_below() -> None:
    # r13_rsjiwa pp. 30-31: the sentence breaks over the page; 86,10% is of the changed budget
    above = (
        "mendapatkan alokasi anggaran Belanja Langsung sebesar Rp.54.804.453.700,- dan setelah dilakukan perubahan "
        "menjadi sebesar Rp.57.908.396.500,- anggaran tersebut"
    )
    assert not found((10, above), (11, "terealisasi sebesar Rp.49.860.375.928,-, atau 86,10%."))
    (f,) = found((10, above), (11, "terealisasi sebesar Rp.49.860.375.928,-, atau 90,98%."))
    assert "Rp 57.908.396.500" in f.message and "86,1%" in f.message


def test_two_clauses_each_realisation_held_to_its_own_ceiling() -> None:
    # r27_diskanlaut p. 55: the second realisation cites the second clause's ceiling
    text = (
        "Belanja Tidak Langsung dialokasikan Rp 29.958.823.906,00 dan dapat direalisasikan sebesar Rp 29.084.854.694,00 atau 97,08%, "
        "sedangkan Belanja Langsung dialokasikan sebesar Rp 86.414.023.700,00 "
        "dan dapat direalisasikan sebesar Rp 81.051.814.214 atau 94,32%"
    )
    (f,) = found((5, text))
    assert "dari pagu Rp 86.414.023.700 (halaman 1, baris 5) adalah 93,79%, bukan 94,32%" in f.message


def test_a_remainder_is_no_ceiling_and_completes_it() -> None:
    # r27_diskanlaut p. 58: the ceiling is the realisation plus what is left (3.693.500.000)
    text = "dapat direalisasikan sebesar Rp 3.580.760.500,00 (96,95%) dengan sisa anggaran sebesar Rp 112.739.500,00 (3,05%)."
    assert not found((5, text))
    assert len(found((5, text.replace("96,95%", "95,95%")))) == 0  # no ceiling known but the sum: left alone
    pagu = "pagu Rp 3.693.500.000, "
    assert not found((5, pagu + text))
    (f,) = found((5, pagu + text.replace("96,95%", "95,95%")))
    assert "Rp 3.580.760.500 dari pagu Rp 3.693.500.000" in f.message
