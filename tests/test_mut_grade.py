"""grade-capaian, at its edges: a SAKIP grade stands for a score band (PermenPAN-RB 88/2021), so a
capaian between two grades is a ratio of two scores in their bands; BPK opinions have no numeric
rule; a realisasi below its target reported as achieved is an error either way."""

from __future__ import annotations

import pytest
from mutkit import context, row

from reports.checks import grade
from reports.model import Finding

NAME = "Nilai SAKIP"


def found(t: str, r: str, c: str | None, kind: str = "pengukuran") -> list[Finding]:
    return list(grade.run(context([row(kind, 1, 1, NAME, t, r, c)])))


def reason(t: str, r: str, c: str) -> str:
    (f,) = found(t, r, c)
    return f.message


def test_below_target_reported_as_achieved() -> None:
    (f,) = found("A", "BB", "100")
    assert (f.check_id, f.cells, f.line) == ("grade-capaian", ("realisasi", "capaian"), 101)
    assert f.message == (
        "Target A, realisasi BB, capaian tertulis 100: realisasi di bawah target tetapi dilaporkan tercapai (capaian ≥ 100%)."
    )
    assert "dilaporkan tercapai" in reason("WTP", "WDP", "100")  # an opinion below its target too
    assert "dilaporkan tercapai" in reason("A", "BB", "105")


def test_below_target_short_of_100_is_a_ratio_of_the_bands() -> None:
    # BB (70-80] against A (80-90]: from 70/90 = 77,78% up to 80/80 = 100%
    assert not found("A", "BB", "99,99")
    assert not found("A", "BB", "77,78")
    msg = reason("A", "BB", "77,77")
    assert "tidak ada pasangan nilai dalam rentang BB (70-80) dan A (80-90) yang memberi angka ini (rentang 77,78-100)" in msg


def test_the_same_grade_is_100() -> None:
    assert not found("BB", "BB", "100")
    assert not found("BB", "BB", "100,00")
    assert not found("WTP", "WTP", "100%")
    assert "capaian semestinya 100%" in reason("BB", "BB", "99,99")
    assert "capaian semestinya 100%" in reason("BB", "BB", "100,01")
    assert reason("WTP", "WTP", "90").endswith(": realisasi sama dengan target, sehingga capaian semestinya 100%.")


def test_above_target_within_the_bands() -> None:
    # A (80-90] against BB (70-80]: from 80/80 = 100% up to 90/70 = 128,57%
    assert not found("BB", "A", "100")
    assert not found("BB", "A", "128,57")
    assert not found("BB", "A", "110", kind="multi_year")
    assert "rentang 100-128,57" in reason("BB", "A", "99,99")
    assert "rentang 100-128,57" in reason("BB", "A", "128,58")


def test_the_lowest_band_starts_at_zero() -> None:
    # C (30-50] against D (0-30]: from 30/30 = 100%, up to 50/1 (a score of 0 divides nothing)
    assert not found("D", "C", "4999")
    assert "rentang 100-5.000" in reason("D", "C", "5001")


def test_another_opinion_has_no_numeric_rule() -> None:
    msg = reason("WDP", "WTP", "110")
    assert msg.endswith(": opini berbeda dari target, dan tidak ada aturan yang menurunkan capaian numerik dari opini.")


@pytest.mark.parametrize("kind", ["pengukuran", "multi_year", "kegiatan"])
def test_every_measured_table_kind_is_checked(kind: str) -> None:
    assert len(found("A", "BB", "100", kind=kind)) == 1


@pytest.mark.parametrize(
    ("t", "r", "c", "kind"),
    [
        ("A", "BB", "100", "perjanjian"),  # a PK states targets only
        ("A", "WTP", "100", "pengukuran"),  # a grade against an opinion: no order between them
        ("90", "80", "100", "pengukuran"),  # numbers: capaian-mismatch's business
        ("A", "80", "100", "pengukuran"),
        ("A", "BB", "tercapai", "pengukuran"),
        ("A", "BB", None, "pengukuran"),
    ],
)
def test_rows_it_leaves_alone(t: str, r: str, c: str | None, kind: str) -> None:
    assert not found(t, r, c, kind=kind)


def test_each_row_of_a_table() -> None:
    rows = [row("pengukuran", 1, 1, NAME, "90", "80", "100"), row("pengukuran", 1, 2, NAME, "A", "BB", "100")]
    assert [f.row_seq for f in grade.run(context(rows))] == [2]
