"""narrative-value-mismatch, at its edges: a figure the text gives for the indicator of the one-row
table just above it (reports.checks.nearby) against that row, to two decimals."""

from __future__ import annotations

import pytest
from mutkit import claim, context, row, table

from extract.values import parse_value
from reports.checks import narrative
from reports.checks.nearby import MAX_GAP, previous_realisasi, row_before
from reports.context import ClaimRow, Hist
from reports.model import Finding

NAME = "Persentase dokumen yang tersusun tepat waktu"


def found(*claims: ClaimRow, kind: str = "pengukuran", rows: int = 1, history: tuple[Hist, ...] = ()) -> list[Finding]:
    table_rows = [row(kind, 1, i + 1, NAME, "90", "94,43", None) for i in range(rows)]
    ctx = context(table_rows, list(claims), tables=[table(1, kind, 100, 110)], history={(1, 1): history} if history else None)
    return list(narrative.run(ctx))


def reached(value: float, target: float | None = 90.0, line: int = 112) -> ClaimRow:
    return claim("reached", f"realisasi mencapai {value}%", value=value, value_from=target, line=line)


def test_another_realisasi_in_the_text() -> None:
    (f,) = found(reached(94.83))
    assert (f.check_id, f.cells, f.table_seq, f.row_seq, f.line) == ("narrative-value-mismatch", ("realisasi",), 1, 1, 112)
    assert f.message == "Narasi menyebut realisasi 94,83%, sedangkan tabel (halaman 1, baris 101) mencatat 94,43%."


@pytest.mark.parametrize("value", [94.43, 94.435, 94.425])  # the table's figure to two decimals
def test_the_same_figure_is_quiet(value: float) -> None:
    assert not found(reached(value))


@pytest.mark.parametrize("value", [94.44, 94.42, 94.4])
def test_near_misses_fire(value: float) -> None:
    assert len(found(reached(value))) == 1


def test_the_target_too() -> None:
    (f,) = found(reached(94.43, target=85.0))
    assert f.cells == ("target",) and "target 85%" in f.message and "mencatat 90%" in f.message


def test_a_change_against_this_and_last_year() -> None:
    text = "meningkat menjadi 94,83% dari 92,5%"
    change = claim("change", text, value=2.33, value_from=92.5, value_to=94.83, line=112)
    hist = (
        Hist(2022, "realisasi", parse_value("91")),
        Hist(2023, "realisasi", parse_value("92,5")),
        Hist(2023, "target", parse_value("1")),
    )
    (f,) = found(change, history=hist)
    assert f.cells == ("realisasi",) and "94,83%" in f.message
    (g, h) = found(claim("change", text, value=2.33, value_from=92.0, value_to=94.83, line=112), history=hist)
    assert g.cells == ("realisasi",)
    assert (h.cells, "realisasi 2023 92%" in h.message) == ((), True)  # last year's figure: no cell of this row


def test_a_previous_realisasi_without_a_year() -> None:
    hist = (Hist(None, "realisasi", parse_value("92,5")), Hist(2021, "realisasi", parse_value("-")))
    r = row("pengukuran", 1, 1, NAME, "90", "94,43", None)
    prev = previous_realisasi(context([r], history={(1, 1): hist}), r)
    assert prev is not None and prev.value.number == 92.5
    change = claim("change", "x", value=2.0, value_from=92.0, value_to=94.43, line=112)
    (f,) = found(change, history=hist)
    assert "realisasi tahun sebelumnya 92%" in f.message


@pytest.mark.parametrize(("line", "near"), [(110, False), (111, True), (110 + MAX_GAP, True), (111 + MAX_GAP, False)])
def test_the_table_just_above(line: int, near: bool) -> None:
    assert bool(found(reached(94.83, line=line))) is near
    r = row_before(
        context([row("pengukuran", 1, 1, NAME, "90", "94,43", None)], tables=[table(1, "pengukuran", 100, 110)]), reached(1, line=line)
    )
    assert (r is not None) is near


@pytest.mark.parametrize("kind", ["pengukuran", "multi_year", "kegiatan"])
def test_measured_tables_only_and_one_row_only(kind: str) -> None:
    assert len(found(reached(94.83), kind=kind)) == 1
    assert not found(reached(94.83), kind=kind, rows=2)
    assert not found(reached(94.83), kind="other")


def test_other_claims_and_missing_figures() -> None:
    assert not found(claim("percent", "94,83%", value=94.83, line=112))
    assert not found(claim("reached", "x", value=None, value_from=None, line=112))
