"""budget-sum-mismatch, at its edges: a budget table's numbered rows against the rows they number
below them (r07_bp3akb Tabel 3.2b p. 65: Program C's 3,048,811,615 over kegiatan realising
3,330,779,900; Tabel 3.2a p. 64: a TOTAL under three sasaran it does not add up)."""

from __future__ import annotations

import pytest
from mutkit import context, table

from reports.checks import budget_sums
from reports.model import Finding

ROLES = "no | activity | budget | ignore | ignore"


def found(*rows: str, roles: str = ROLES, budget: tuple[int, int, int] | None = (2, 3, 4)) -> list[Finding]:
    lines = {11 + i: (65, text) for i, text in enumerate(rows)}
    t = table(1, "other", 10, 10 + len(rows), budget=budget) | {"roles": roles}
    return list(budget_sums.run(context(lines=lines, tables=[t])))


PROGRAM = "C\tProgram Kesetaraan Gender\t1,710,000,000\t{real}\t90"
KEGIATAN = ("1\tJejaring Kelembagaan\t810,000,000\t729,083,300\t90", "2\tGerakan PUG\t900,000,000\t862,537,600\t95")


def test_a_program_its_kegiatan_do_not_add_up_to() -> None:
    (f,) = found(PROGRAM.format(real="1,500,000,000"), *KEGIATAN)
    assert (f.check_id, f.line, f.page, f.table_seq) == ("budget-sum-mismatch", 11, 65, 1)
    assert f.message == (
        "Baris \u201cProgram Kesetaraan Gender\u201d: realisasi tertulis 1,500,000,000, tetapi 2 baris rinciannya di bawahnya "
        "berjumlah 1.591.620.900."
    )


@pytest.mark.parametrize("real", ["1,591,620,900", "1.591.620.900,00", "1,591,620,901"])  # a rupiah either way: sen
def test_sums_that_add_up_are_quiet(real: str) -> None:
    assert not found(PROGRAM.format(real=real), *KEGIATAN)


@pytest.mark.parametrize("real", ["1,591,620,902", "1,591,620,898", "1,591,630,900"])
def test_near_misses_fire(real: str) -> None:
    assert len(found(PROGRAM.format(real=real), *KEGIATAN)) == 1


def test_each_level_sums_the_next_and_stops_at_its_own() -> None:
    rows = (
        "I.\tBELANJA LANGSUNG\t2,710,000,000\t2,591,620,900\t95",
        PROGRAM.format(real="1,591,620,900"),
        *KEGIATAN,
        "D\tProgram Keluarga\t1,000,000,000\t1,000,000,000\t100",
        "1\tKetahanan Keluarga\t600,000,000\t600,000,000\t100",
        "\tMotekar\t400,000,000\t400,000,000\t100",  # unnumbered: the level of the row above it
        "II.\tBELANJA TIDAK LANGSUNG\t5\t5\t100",
    )
    assert not found(*rows)
    changed = list(rows)
    changed[6] = "\tMotekar\t400,000,000\t300,000,000\t75"
    (f,) = found(*changed)
    assert "Program Keluarga" in f.message and "berjumlah 900.000.000" in f.message  # I. sums C and D as printed
    changed[0] = "I.\tBELANJA LANGSUNG\t2,710,000,000\t2,591,620,901\t95"
    assert len(found(*changed)) == 1


def test_the_ceiling_too_and_both_in_one_finding() -> None:
    (f,) = found("C\tProgram Kesetaraan Gender\t1,700,000,000\t1,591,620,900\t90", *KEGIATAN)
    assert "pagu tertulis 1,700,000,000" in f.message and "berjumlah 1.710.000.000" in f.message
    (f,) = found("C\tProgram Kesetaraan Gender\t1,700,000,000\t1,500,000,000\t90", *KEGIATAN)
    assert "pagu dan realisasi tertulis 1,700,000,000 dan 1,500,000,000" in f.message
    assert f.message.endswith("berjumlah 1.710.000.000 dan 1.591.620.900.")


def test_a_total_stands_over_the_top_level() -> None:
    rows = ("1\tSasaran 1\t100,000,000\t90,000,000\t90", "2\tSasaran 2\t200,000,000\t150,000,000\t75")
    assert not found(*rows, "\tTOTAL\t300,000,000\t240,000,000\t80")
    (f,) = found(*rows, "\tTOTAL\t300,000,000\t250,000,000\t83")
    assert f.message.startswith("Baris \u201cTOTAL\u201d: realisasi tertulis 250,000,000") and f.line == 13
    # an indicator named `Jumlah …` under its sasaran is a part (r10_biro-organisasi p. 34)
    named = ("1\tSasaran 1\t100,000,000\t90,000,000\t90", "\tJumlah Inovasi Pelayanan\t200,000,000\t150,000,000\t75")
    assert not found(*named, "\tJumlah\t300,000,000\t240,000,000\t80")


def test_a_total_of_part_of_the_table_is_no_part_nor_whole() -> None:
    # r19_disbun p. 72: `TOTAL URUSAN PILIHAN` after program g's last kegiatan
    rows = ("g\tProgram Data\t709,815,000\t700,270,200\t98", "20)\tKegiatan Data\t709,815,000\t700,270,200\t98")
    assert not found(*rows, "\tTOTAL URUSAN PILIHAN\t25,433,683,842\t25,102,367,360\t98")
    assert not found("\tSub Total\t1,000,000,000\t900,000,000\t90", *rows)
    assert not found(*rows, "\tJUMLAH BELANJA LANGSUNG\t34.092.251.125\t04.597.911.173\t87")


@pytest.mark.parametrize(
    "rows",
    [
        (PROGRAM.format(real="1"), "1\tJejaring Kelembagaan\t810,000,000\t-\t0", KEGIATAN[1]),  # a part without its figure
        (PROGRAM.format(real="1"), "D\tProgram Keluarga\t1,000,000,000\t1,000,000,000\t100"),  # no parts: a sibling next
        ("1\tKegiatan A\t1,000,000,000\t1,000,000,000\t100", "2\tKegiatan B\t5\t5\t100"),  # one level only
    ],
)
def test_rows_without_parts_to_hold_them_to(rows: tuple[str, ...]) -> None:
    assert not found(*rows)


def test_tables_without_row_numbers_or_budget_columns() -> None:
    rows = (PROGRAM.format(real="1,500,000,000"), *KEGIATAN)
    assert not found(*rows, roles="ignore | activity | budget | ignore | ignore")
    assert not found(*rows, budget=None)


def test_levels() -> None:
    assert [budget_sums.level(n) for n in ("II.", "IX", "C", "b)", "12", "3.", "1.2", "1.2.3", "", "ABC", "1,5")] == [
        0, 0, 1, 1, 2, 2, 3, 3, None, None, None,
    ]  # fmt: skip
