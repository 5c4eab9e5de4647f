"""narrative-arithmetic, at its edges: "meningkat X% menjadi B% dari A%" where B − A is not X to
the two decimals reports print, and the hint when the table's realisasi shows which figure is wrong."""

from __future__ import annotations

import pytest
from mutkit import claim, context, row, table

from reports.checks import arithmetic
from reports.context import ClaimRow
from reports.model import Finding

TEXT = "Capaian meningkat 1,93% menjadi 94,83% dari 92,50%"


def change(value: float | None, start: float | None = 92.50, end: float | None = 94.83, line: int = 120) -> ClaimRow:
    return claim("change", TEXT, value=value, value_from=start, value_to=end, line=line, page=3)


def found(*claims: ClaimRow, realisasi: str = "80") -> list[Finding]:
    rows = [row("pengukuran", 1, 1, "Persentase dokumen yang tersusun", "90", realisasi, None)]
    return list(arithmetic.run(context(rows, list(claims), tables=[table(1, "pengukuran", 100, 110)])))


def test_a_change_that_does_not_add_up() -> None:
    (f,) = found(change(1.93))
    assert (f.check_id, f.line, f.page, f.evidence) == ("narrative-arithmetic", 120, 3, TEXT)
    assert f.message == "Narasi menyatakan perubahan 1,93% dari 92,5% menjadi 94,83%, padahal 94,83% \u2212 92,5% = 2,33%."


@pytest.mark.parametrize("value", [2.33, 2.325, 2.335])  # within half a hundredth
def test_a_change_that_adds_up_is_quiet(value: float) -> None:
    assert not found(change(value))


@pytest.mark.parametrize("value", [2.32, 2.34, 2.336, 2.324, -2.33])
def test_near_misses_fire(value: float) -> None:
    assert len(found(change(value))) == 1


def test_the_realisasi_in_the_table_says_which_figure_is_wrong() -> None:
    (f,) = found(change(1.93), realisasi="94,43")  # 92,50 + 1,93 = 94,43: the 94,83 is the typo
    assert f.message.endswith(
        " Dengan realisasi di tabel (94,43%) selisihnya memang 1,93: angka 94,83% dalam narasi tampaknya salah tulis."
    )
    (g,) = found(change(1.93), realisasi="94,45")
    assert "salah tulis" not in g.message


@pytest.mark.parametrize("missing", ["value", "start", "end"])
def test_an_incomplete_change_is_left_alone(missing: str) -> None:
    figures: dict[str, float | None] = {"value": 1.93, "start": 92.5, "end": 94.83} | {missing: None}
    assert not found(change(**figures))


def test_only_changes_and_each_of_them() -> None:
    reached = claim("reached", TEXT, value=1.93, value_from=92.5, value_to=94.83)
    assert not found(reached)
    assert [f.line for f in found(reached, change(2.33, line=121), change(1.93, line=122))] == [122]
