"""extract.values at its edges: separators and grouping, OCR readings with the notes that say so,
units taken from the word, and every way a cell comes back as text with its raw kept."""

from __future__ import annotations

import pytest

from extract.values import parse_number, parse_value, unit_of


@pytest.mark.parametrize(
    "token",
    [
        "1,2.345,67",  # a group holding the other separator: no grouping (float() used to raise here)
        "1.2,345.67",
        "1,2.3,456.78",
        "12345,678.90",  # a head of five digits groups nothing
        "1234.567.890",  # four digits before the first group
        "1.234.56",
        "1.234,5,6",  # the decimal separator twice
        "1,234,5678",
        "12.",
        "1,",
        "abc",
        "",
    ],
)
def test_not_numbers(token: str) -> None:
    assert parse_number(token) is None
    assert parse_value(token).kind in ("text", "empty")


@pytest.mark.parametrize(
    ("token", "value", "decimals"),
    [
        ("123.456.789", 123456789.0, 0),
        ("1,234.5", 1234.5, 1),
        ("1.234,5", 1234.5, 1),
        ("12,345.67", 12345.67, 2),
        ("123.456,7", 123456.7, 1),
        ("-1.234,5", -1234.5, 1),
        ("+1.234,5", 1234.5, 1),
        ("-12", -12.0, 0),
        ("0,5", 0.5, 1),
    ],
)
def test_numbers(token: str, value: float, decimals: int) -> None:
    n = parse_number(token)
    assert n is not None and (n.value, n.decimals, n.ambiguous) == (value, decimals, False)


def test_ambiguous_note() -> None:
    v = parse_value("1.234")
    assert (v.kind, v.number, v.ambiguous, v.note) == ("number", None, True, "pemisah ribuan/desimal ambigu")


@pytest.mark.parametrize(
    ("raw", "number", "note"),
    [
        ("lOO%", 100.0, "OCR huruf→angka"),  # digits read as letters: l is 1, O is 0
        ("9O,5 %", 90.5, "OCR huruf→angka"),
        ("|00 o/o", 100.0, "OCR huruf→angka"),
        ("l00%", 100.0, "OCR huruf→angka"),  # a lower-case l alone
        ("100%", 100.0, None),  # digits only: nothing read as letters
    ],
)
def test_percent_with_letters_for_digits(raw: str, number: float, note: str | None) -> None:
    v = parse_value(raw)
    assert (v.raw, v.kind, v.number, v.unit, v.note) == (raw, "percent", number, "%", note)


@pytest.mark.parametrize(
    ("raw", "unit", "note"),
    [
        ("l laporan", "Laporan", "OCR l→1"),
        ("I laporan", "Laporan", "OCR I→1"),
        ("| Laporan", "Laporan", "OCR |→1"),
    ],
)
def test_a_count_whose_digit_ocr_read_as_a_letter(raw: str, unit: str, note: str) -> None:
    v = parse_value(raw)
    assert (v.raw, v.kind, v.number, v.unit, v.decimals, v.note) == (raw, "count", 1.0, unit, 0, note)


@pytest.mark.parametrize(
    ("raw", "number", "unit"),
    [
        ("12 Pohon", 12.0, "Pohon"),  # a capitalised word not in the list is taken as the unit
        ("2 Laporan.", 2.0, "Laporan"),  # a full stop after the unit
        ("3 Dokumen.", 3.0, "Dokumen"),
        ("2 laporan.", 2.0, "Laporan"),
        ("4 desa/kelurahan", 4.0, "desa/kelurahan"),  # the first of two units decides
        ("5 Ab", 5.0, "Ab"),
    ],
)
def test_count_units(raw: str, number: float, unit: str) -> None:
    v = parse_value(raw)
    assert (v.raw, v.kind, v.number, v.unit, v.note) == (raw, "count", number, unit, None)


def test_a_unit_alone() -> None:
    v = parse_value("Laporan")
    assert (v.kind, v.number, v.unit, v.note) == ("count", None, "Laporan", "jumlah tidak tertulis")


def test_unit_of() -> None:
    assert unit_of("laporan") == "Laporan" and unit_of("Laporan.") == "Laporan" and unit_of("LAPORAN") == "Laporan"
    assert unit_of("Pohon") == "Pohon" and unit_of(".laporan") == ".laporan"


@pytest.mark.parametrize("raw", ["12 apel", "2 aB", "Rp 1.2.3", "12,5.3%", "1,2.345,67", "Rp 12.34.5", "12 Apel!"])
def test_text_keeps_its_raw(raw: str) -> None:
    v = parse_value(raw)
    assert (v.raw, v.kind, v.number, v.unit) == (raw, "text", None, None)
