"""The cell value parser: the issue's examples, and property tests in both number conventions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.values import GRADES, OPINIONS, UNITS, parse_number, parse_value


@pytest.mark.parametrize(
    ("raw", "kind", "number", "unit", "decimals"),
    [
        ("99,67%", "percent", 99.67, "%", 2),
        ("0,17", "number", 0.17, None, 2),
        ("100 %", "percent", 100.0, "%", 0),
        ("93.61%", "percent", 93.61, "%", 2),
        ("Rp 66.964.726.000", "money", 66964726000.0, "Rp", 0),
        ("Rp. 59,900,669,261", "money", 59900669261.0, "Rp", 0),
        ("Rp 31.316.375.000,-", "money", 31316375000.0, "Rp", 0),
        ("528.600.000,-", "money", 528600000.0, "Rp", 0),  # `,-` is written after rupiah only (r04_bpbd p. 66)
        ("1.000.000.-", "money", 1000000.0, "Rp", 0),
        ("59,900,669,261", "number", 59900669261.0, None, 0),
        ("1.234.567,89", "number", 1234567.89, None, 2),
        ("1,234,567.89", "number", 1234567.89, None, 2),
        ("1 Laporan", "count", 1.0, "Laporan", 0),
        ("12 Layanan", "count", 12.0, "Layanan", 0),
        ("2 Orang", "count", 2.0, "Orang", 0),
        ("1 NSPK", "count", 1.0, "NSPK", 0),
        ("1 Unit", "count", 1.0, "unit", 0),
        ("2 daerah", "count", 2.0, "daerah", 0),
        ("l laporan", "count", 1.0, "Laporan", 0),
        ("| laporan", "count", 1.0, "Laporan", 0),  # OCR reads the 1 as a bar too
        ("laporan", "count", None, "Laporan", None),
        ("BB", "grade", None, "grade", None),
        ("\u0412", "grade", None, "grade", None),  # Cyrillic Ve printed for the grade B
        ("WTP", "opinion", None, "opinion", None),
        ("-", "empty", None, None, None),
        ("", "empty", None, None, None),
        ("100 0", "text", None, None, None),
        ("80-95%", "text", None, None, None),
    ],
)
def test_examples(raw: str, kind: str, number: float | None, unit: str | None, decimals: int | None) -> None:
    v = parse_value(raw)
    assert (v.kind, v.number, v.unit, v.decimals) == (kind, number, unit, decimals)
    assert v.raw == raw


@pytest.mark.parametrize("raw", ["1.234", "1,234", "12.500", "999,000"])
def test_ambiguous_is_flagged_not_guessed(raw: str) -> None:
    v = parse_value(raw)
    assert v.ambiguous and v.number is None and v.note


def _group(n: int, sep: str) -> str:
    s = f"{n:,}"
    return s.replace(",", sep)


@given(st.integers(min_value=1000, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_both_conventions_read_the_same_number(whole: int, cents: int) -> None:
    indonesian = f"{_group(whole, '.')},{cents:02d}"
    english = f"{_group(whole, ',')}.{cents:02d}"
    expected = whole + cents / 100
    for text in (indonesian, english):
        n = parse_number(text)
        assert n is not None and n.value == pytest.approx(expected) and n.decimals == 2


@given(st.integers(min_value=1_000_000, max_value=10**12))
def test_grouped_thousands_in_either_convention(whole: int) -> None:
    assert parse_number(_group(whole, ".")).value == whole  # type: ignore[union-attr]
    assert parse_number(_group(whole, ",")).value == whole  # type: ignore[union-attr]
    assert parse_value(f"Rp {_group(whole, '.')}").number == whole


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=99), st.sampled_from([",", "."]), st.booleans())
def test_percentages(whole: int, frac: int, sep: str, space: bool) -> None:
    raw = f"{whole}{sep}{frac:02d}{' ' if space else ''}%"
    v = parse_value(raw)
    assert v.kind == "percent" and v.number == pytest.approx(whole + frac / 100) and v.decimals == 2


@given(st.integers(min_value=1, max_value=999), st.sampled_from(sorted(UNITS)))
def test_counts_with_units(n: int, unit: str) -> None:
    v = parse_value(f"{n} {unit}")
    assert (v.kind, v.number, v.unit) == ("count", float(n), UNITS[unit])


@given(st.text(max_size=40))
def test_never_raises(raw: str) -> None:
    v = parse_value(raw)
    assert v.raw == raw
    if v.number is not None:
        assert v.kind in ("number", "percent", "money", "count")


def test_grade_and_opinion_sets() -> None:
    assert [parse_value(g).kind for g in GRADES] == ["grade"] * 7
    assert [parse_value(o).kind for o in OPINIONS] == ["opinion"] * 4
