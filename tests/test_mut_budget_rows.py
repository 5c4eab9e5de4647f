"""budget-row-mismatch, at its edges: a budget table's share column against its realisation over
its ceiling, at the share's printed decimals (r28_dinkumkm Tabel 9 p. 19: `89.595.500` of
`90.000.000` printed `100`)."""

from __future__ import annotations

import pytest
from mutkit import context, table

from reports.checks import budget_rows
from reports.model import Finding

# No | Program/Kegiatan | Anggaran Sebelum | Anggaran Setelah | Realisasi (Rp.) | (%) | Fisik (%)
BUDGET = (3, 4, 5)


def found(*cells: str, kind: str = "other", budget: tuple[int, int, int] | None = BUDGET) -> list[Finding]:
    lines = {11 + i: (19, text) for i, text in enumerate(cells)}
    return list(budget_rows.run(context(lines=lines, tables=[table(1, kind, 10, 10 + len(cells), budget=budget)])))


ROW = "\tCLTH KKP Pemberdayaan\t90.000.000\t90.000.000\t89.595.500\t{share}\t100"


def test_a_share_its_figures_do_not_give() -> None:
    (f,) = found(ROW.format(share="98"))
    assert (f.check_id, f.line, f.page, f.table_seq) == ("budget-row-mismatch", 11, 19, 1)
    assert f.evidence == "CLTH KKP Pemberdayaan | 90.000.000 | 90.000.000 | 89.595.500 | 98 | 100"
    assert f.message == (
        "Baris \u201cCLTH KKP Pemberdayaan\u201d: realisasi 89.595.500 dari pagu 90.000.000 adalah 99,55%, bukan 98 seperti tertulis."
    )


@pytest.mark.parametrize("share", ["99,55", "99,5", "99,6", "99", "100", "99,55%", "99,550"])  # rounded or cut at its decimals
def test_the_share_at_its_decimals_is_quiet(share: str) -> None:
    assert not found(ROW.format(share=share))


@pytest.mark.parametrize("share", ["99,57", "99,53", "98", "99,4"])
def test_near_misses_fire(share: str) -> None:
    assert len(found(ROW.format(share=share))) == 1


@pytest.mark.parametrize(
    "line",
    [
        "\tProgram Perencanaan\t\t\t\t\t100",  # a program's label row: no figures
        "\tKegiatan\t90.000.000\t90.000.000\t-\t0\t0",  # nothing realised printed
        "\tKegiatan\t90.000.000\t0\t0\t0\t0",  # no ceiling after the revision
        "\tKegiatan\t900\t900\t800\t50\t100",  # no sums of money: a row of counts
        "\tKegiatan\t90.000.000\t90.000.000\t89.595.500\t1.200\t100",  # no percentage
        "\tKegiatan\t90.000.000\t90.000.000\t89.595.500",  # no share printed
    ],
)
def test_rows_that_are_no_budget_row_are_quiet(line: str) -> None:
    assert not found(line)


def test_the_ceiling_is_the_revised_budget() -> None:
    # 4.708.317.500 / 4.861.400.000 = 96,85 (of the budget before revision, 5.000.000.000: 94,17)
    assert not found("\tPeningkatan Kapasitas SDM\t5.000.000.000\t4.861.400.000\t4.708.317.500\t96,85\t100")
    assert len(found("\tPeningkatan Kapasitas SDM\t5.000.000.000\t4.861.400.000\t4.708.317.500\t94,17\t100")) == 1


def test_a_whole_share_in_a_column_of_decimals_is_held_to_them() -> None:
    other = "\tPengembangan Usaha KUMKM\t225.000.000\t225.000.000\t223.300.000\t{share}\t100"
    assert [f.line for f in found(other.format(share="99,24"), ROW.format(share="100"))] == [12]  # 100 of 99,55: 100,00
    assert not found(other.format(share="99"), ROW.format(share="100"))  # whole shares all: 99,55 rounds to 100
    assert not found(other.format(share="99,24"), ROW.format(share="99,55"), "\tTotal\t1\t1\t1\t100\t100")


def test_each_row_and_only_tables_with_budget_columns() -> None:
    rows = (ROW.format(share="99,55"), ROW.format(share="98,00"), ROW.format(share="99,50"))
    assert [f.line for f in found(*rows)] == [12, 13]
    assert not found(ROW.format(share="98"), budget=None)
    assert len(found(ROW.format(share="98"), kind="pengukuran")) == 1  # budget columns beside the indicators (r01 Tabel 3.7)


def test_the_row_is_named_by_the_name_nearest_left_of_its_budget() -> None:
    # r01_bappeda Tabel 3.7 p. 44: the indicator, its unit and figures, then its program and budget
    line = "4\tTingkat kesesuaian perencanaan\tPersen\t85,00\t87,50\tProgram Penataan Ruang\t2,069,307,000\t1,777,476,866\t84,47"
    (f,) = found(line, budget=(6, 7, 8))
    assert f.message.startswith("Baris \u201cProgram Penataan Ruang\u201d: realisasi 1,777,476,866 dari pagu 2,069,307,000 adalah 85,9%")
    (f,) = found("1\tSDM\t5.000.000\t4.000.000\t70", budget=(2, 3, 4))
    assert f.message.startswith("Baris \u201ctanpa nama\u201d")
