"""table-total-mismatch, at its edges: a row of whole numbers after its label whose parts do not
add up to the last Jumlah/Total column."""

from __future__ import annotations

import pytest
from mutkit import context, table

from reports.checks import totals
from reports.model import Finding

HEADER = "No | Jenis | L | P | Jumlah"


def found(*cells: str, kind: str = "other", header: str = HEADER) -> list[Finding]:
    lines = {11 + i: (4, text) for i, text in enumerate(cells)}
    return list(totals.run(context(lines=lines, tables=[table(1, kind, 10, 10 + len(cells), header=header)])))


def test_a_wrong_total() -> None:
    (f,) = found("1\tASN\t3\t2\t6")
    assert (f.check_id, f.line, f.page, f.table_seq, f.evidence) == ("table-total-mismatch", 11, 4, 1, "1 | ASN | 3 | 2 | 6")
    assert f.message == "Baris \u201c1 ASN\u201d: jumlah rincian 3 + 2 = 5, tetapi kolom Jumlah tertulis 6."


@pytest.mark.parametrize(
    "line",
    [
        "1\tASN\t3\t2\t5",
        "1\tASN\t3\t-\t3",  # an empty part is nothing
        "1\tASN\t0,5\t0,5\t1",
        "1\tASN\t3\t2",  # no total cell
        "1\tASN\t3 Orang\t2\t6",  # a count with its unit: not a row of whole numbers
        "ASN\tlain\t3\t2\t-",  # no total printed
        "\t\t\t\t",
    ],
)
def test_rows_that_add_up_or_are_not_sums_are_quiet(line: str) -> None:
    assert not found(line)


@pytest.mark.parametrize(
    ("line", "header"),
    [("1\tASN\t3\t2\t4", HEADER), ("1\tASN\t0,5\t0,5\t1,01", HEADER), ("ASN\t3\t2\t6\t0", "Jenis | L | P | Jumlah | Ket")],
)
def test_near_misses_fire(line: str, header: str) -> None:
    assert len(found(line, header=header)) == 1


def test_each_row_and_only_other_tables() -> None:
    assert [f.line for f in found("1\tASN\t3\t2\t5", "2\tNon ASN\t1\t1\t3")] == [12]
    assert not found("1\tASN\t3\t2\t6", kind="pengukuran")
    assert not found("1\tASN\t3\t2\t6", header="No | Jenis | L | P | Q")


def test_the_last_total_column_counts() -> None:
    (f,) = found("1\tASN\t3\t2\t5\t9", header="No | Jenis | L | P | Jumlah | Total")
    assert "= 10" in f.message and "kolom Total tertulis 9" in f.message


def test_a_budget_tables_ceilings_are_no_total() -> None:
    # `Jumlah Anggaran Sebelum | Setelah Perubahan` are two ceilings (r28_dinkumkm Tabel 9): budget_rows holds them
    header, line = "No | Kegiatan | Jumlah | Jumlah | Realisasi | % | Fisik", "1\tSDM\t5\t4\t4\t96,85\t100"
    assert found(line, header=header)
    ctx = context(lines={11: (4, line)}, tables=[table(1, "other", 10, 11, header=header, budget=(3, 4, 5))])
    assert not list(totals.run(ctx))
