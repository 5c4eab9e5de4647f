"""all-perfect, at its edges: two or more measured rows, every one exactly 100% with the realisasi
written as the target."""

from __future__ import annotations

import pytest
from mutkit import context, row

from reports.checks import perfect

NAME = "Persentase dokumen yang tersusun tepat waktu"


def found(*cells: tuple[str, str, str], kind: str = "pengukuran") -> list[tuple[str, int | None, int | None]]:
    rows = [row(kind, 1, i + 1, f"{NAME} {i}", t, r, c) for i, (t, r, c) in enumerate(cells)]
    return [(f.check_id, f.line, f.table_seq) for f in perfect.run(context(rows))]


def test_every_row_perfect() -> None:
    (f,) = perfect.run(context([row("pengukuran", 1, i, NAME, "90%", "90%", "100%") for i in (1, 2)]))
    assert (f.check_id, f.severity, f.line, f.table_seq) == ("all-perfect", "info", 101, 1)
    assert "Seluruh 2 indikator" in f.message
    assert found(("1 Laporan", "1  Laporan", "100,00"), ("BB", "BB", "100")) == [("all-perfect", 101, 1)]


@pytest.mark.parametrize(
    "cells",
    [
        (("90%", "90%", "100%"),),  # one row says little
        (("90%", "90%", "100%"), ("90%", "90%", "99,99%")),
        (("90%", "90%", "100%"), ("90%", "90 %", "100%")),  # written otherwise
        (("90%", "90%", "100%"), ("90%", "92%", "100%")),
    ],
)
def test_near_misses_are_quiet(cells: tuple[tuple[str, str, str], ...]) -> None:
    assert not found(*cells)


def test_measured_rows_only() -> None:
    assert not found(("90%", "90%", "100%"), ("90%", "90%", "100%"), kind="perjanjian")
