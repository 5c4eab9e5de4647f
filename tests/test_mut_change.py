"""change-mismatch, at its edges: the table's formula is the one most of its rows give (two at
least, half of those computed); a row it does not give is one finding; a fall printed in brackets
is negative."""

from __future__ import annotations

from dataclasses import replace

import pytest
from mutkit import context, row

from extract.values import parse_change, parse_value
from reports.checks import change
from reports.context import Hist, MRow
from reports.model import Finding


def _table(rows: list[tuple[str, str, str]], quantity: str = "capaian") -> tuple[list[MRow], dict[tuple[int, int], tuple[Hist, ...]]]:
    """(last year's, this year's, change as printed) per row of one multi-year table."""
    out, history = [], {}
    for k, (before, now, delta) in enumerate(rows, start=1):
        cap, real = (now, None) if quantity == "capaian" else (None, now)
        out.append(row("multi_year", 4, k, f"Indikator nomor {k}", None, real, cap))
        history[(4, k)] = (Hist(2015, quantity, parse_value(before)), Hist(2016, "change", parse_change(delta)))
    return out, history


def found(rows: list[tuple[str, str, str]], quantity: str = "capaian") -> list[Finding]:
    r, h = _table(rows, quantity)
    return list(change.run(context(r, history=h)))


# r29_dishub Tabel 3.3 p. 4: -0.13 printed where capaian rose from 99,62 to 99,75
R29 = [("93,15", "99,81", "6.66"), ("99,62", "99,75", "-0.13"), ("70,40", "77,62", "7,22")]


def test_a_change_with_its_sign_turned() -> None:
    (f,) = found(R29)
    assert (f.check_id, f.row_seq) == ("change-mismatch", 2)
    assert f.message == (
        "Indikator \u201cIndikator nomor 2\u201d: perubahan dari tahun sebelumnya tertulis -0.13, tetapi capaian 2016 "
        "\u2212 capaian 2015 = 0,13 (rumus yang dipakai baris lain tabel ini)."
    )


def test_a_change_off_by_a_tenth_of_a_unit_and_one_at_the_rounding_edge() -> None:
    # r16_disnak p. 28: -20,75 where 111,36 - 131,80 = -20,44; 0,25 rounds to 0,3 or truncates to 0,2
    rows = [("131,80", "111,36", "-20,75"), ("10,00", "10,25", "0,3"), ("10,00", "10,25", "0,2"), ("50", "60", "10")]
    assert [f.row_seq for f in found(rows)] == [1]
    assert [f.row_seq for f in found([*rows, ("10,00", "10,25", "0,1")])] == [1, 5]  # a tenth below truncation


def test_the_tables_formula_is_what_its_rows_give() -> None:
    # r16_disnak Tabel 8 p. 41: % kenaikan of the realisasi, (now - before) / before x 100
    rows = [("200", "220", "10,00"), ("50", "60", "20,00"), ("80", "100", "20,00")]
    assert [(f.row_seq, "× 100" in f.message) for f in found(rows, "realisasi")] == [(3, True)]


@pytest.mark.parametrize(
    "rows",
    [
        [("10", "12", "5"), ("10", "12", "2")],  # one row fits: no formula of the table
        [("10", "12", "5"), ("10", "13", "7"), ("10", "12", "2"), ("10", "13", "3")],  # two of four fit: half is enough...
    ],
)
def test_no_formula_without_two_rows_and_half_of_them(rows: list[tuple[str, str, str]]) -> None:
    assert len(found(rows)) == (0 if len(rows) == 2 else 2)


def test_a_fall_in_brackets_is_negative() -> None:
    # r02_dinkes p. 80 `PERCEPATAN (PERLAMBATAN)`: (1,42) where 100 -> 98,58
    assert not found([("100", "98,58", "(1,42)"), ("139", "101,87", "(37,13)"), ("115,5", "143,63", "28,13")])
    v = parse_change("(37,13)")
    assert (v.number, v.decimals, v.raw) == (-37.13, 2, "(37,13)") and v.note
    assert parse_change("(3)").number == -3 and parse_change("2,50").number == 2.5
    assert parse_change("(tidak ada)").kind == "text" and parse_change("-").number is None


def test_two_of_five_is_no_formula() -> None:
    rows = [("10", "12", "2"), ("10", "13", "3"), ("10", "12", "5"), ("10", "13", "7"), ("10", "14", "9")]
    assert not found(rows)


def test_rows_without_a_change_or_a_figure_to_compute_say_nothing() -> None:
    rows, history = _table(R29)
    rows.append(row("multi_year", 4, 4, "Indikator tanpa perubahan", None, None, "80"))  # no change column value
    rows.append(row("multi_year", 4, 5, "Indikator kosong", None, None, None))  # no figure this year
    history[(4, 5)] = (Hist(2015, "capaian", parse_value("70")), Hist(2016, "change", parse_change("3")))
    rows.append(row("multi_year", 4, 6, "Indikator tanda", None, None, "80"))
    history[(4, 6)] = (Hist(2015, "capaian", parse_value("70")), Hist(2016, "change", parse_change("-")))
    assert [f.row_seq for f in change.run(context(rows, history=history))] == [2]


def test_a_percent_of_nothing_last_year_is_not_computed() -> None:
    rows = [("200", "220", "10,00"), ("50", "60", "20,00"), ("0", "100", "20,00")]
    assert not found(rows, "realisasi")


def test_each_table_has_its_own_formula() -> None:
    first, h1 = _table([("10", "12", "5"), ("10", "13", "7")])  # no formula: says nothing
    second, h2 = _table(R29)
    second = [replace(r, table_seq=5) for r in second]
    h2 = {(5, k[1]): v for k, v in h2.items()}
    assert [(f.table_seq, f.row_seq) for f in change.run(context(first + second, history=h1 | h2))] == [(5, 2)]


def test_the_formula_most_rows_give_and_on_a_tie_the_first() -> None:
    # a difference fits all four rows, a percent of last year two: the difference is the table's
    assert not found([("100", "110", "10"), ("100", "120", "20"), ("50", "60", "10"), ("80", "90", "10")])
    # three rows each: the difference, listed first, is kept, and the row it does not give is flagged
    tie = [("100", "110", "10"), ("100", "120", "20"), ("50", "60", "10"), ("50", "55", "10")]
    assert [(f.row_seq, "× 100" in f.message) for f in found(tie)] == [(4, False)]


def test_last_years_figure_is_the_year_before_the_change() -> None:
    rows, history = _table(R29)
    history[(4, 2)] = (Hist(2014, "capaian", parse_value("90")), *history[(4, 2)])  # 2014 printed before 2015
    assert [f.row_seq for f in change.run(context(rows, history=history))] == [2]
    assert "= 0,13" in next(iter(change.run(context(rows, history=history)))).message
