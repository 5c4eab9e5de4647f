"""`extract.values` branches `tests/test_values.py` leaves out: OCR readings of `%` and of a
count's digit (with the notes that say so), percent words, rupiah endings, signs, the
thousands hint, and `clean`."""

from __future__ import annotations

import pytest

from extract.values import clean, is_value, parse_number, parse_value


@pytest.mark.parametrize(
    ("raw", "kind", "number", "unit", "decimals", "note"),
    [
        # tesseract's readings of a spaced `%` (`Kinerja Yo`): read, and said so
        ("100Yo", "percent", 100.0, "%", 0, "OCR Yo→%"),
        ("99,5 %o", "percent", 99.5, "%", 1, "OCR Yo→%"),
        ("100 o/o", "percent", 100.0, "%", 0, "OCR Yo→%"),
        ("95 persen", "percent", 95.0, "%", 0, None),
        ("80 prosen", "percent", 80.0, "%", 0, None),
        ("-5,25%", "percent", -5.25, "%", 2, None),
        # a count whose space and digit OCR lost: `lLayanan` is `1 Layanan`
        ("lLayanan", "count", 1.0, "Layanan", 0, "OCR l→1"),
        ("ILaporan", "count", 1.0, "Laporan", 0, "OCR I→1"),
        ("1Laporan", "count", 1.0, "Laporan", 0, "OCR: spasi hilang"),
        ("12 kelompok", "count", 12.0, "Kelompok", 0, None),  # the unit's canonical spelling
        ("2 Kab/Kota", "count", 2.0, "Kab/Kota", 0, None),
        ("Rp.66.964.726.000", "money", 66964726000.0, "Rp", 0, None),
        ("Rp 10.000,--", "money", 10000.0, "Rp", 0, None),
        ("Rp 10.000.-", "money", 10000.0, "Rp", 0, None),
        ("Rp 1.234", "money", 1234.0, "Rp", 0, None),  # rupiah are whole: the lone separator groups thousands
        ("0,123", "number", 0.123, None, 3, None),  # a zero before the separator: a decimal, not ambiguous
        ("1234.567", "number", 1234.567, None, 3, None),  # four digits before it: no thousands group
        ("+3", "number", 3.0, None, 0, None),
        # a unit of two or three words (r05_disperindag pp. 29-33)
        ("185.80 Triliun Rupiah", "count", 185.8, "Triliun Rupiah", 2, None),
        ("3000 Orang PNS", "count", 3000.0, "Orang PNS", 0, None),
        ("25 unit usaha", "count", 25.0, "unit usaha", 0, None),
    ],
)
def test_parse_value_branches(raw: str, kind: str, number: float, unit: str | None, decimals: int, note: str | None) -> None:
    v = parse_value(raw)
    assert (v.kind, v.number, v.unit, v.decimals, v.note) == (kind, number, unit, decimals, note)
    assert v.raw == raw and not v.ambiguous


# words after a count that make it a phrase, not a unit: `2 dari 3 sasaran`, `100 orang dan …`
@pytest.mark.parametrize(
    "raw", ["12 apel", "1.2.3", "12,", "1 0", "Kab/Kota", "2 dari 3 sasaran", "100 orang dan", "12 apel merah", "2 kali per tahun"]
)
def test_not_values(raw: str) -> None:
    v = parse_value(raw)
    assert (v.kind, v.number) == ("text", None)
    assert not is_value(raw)


def test_empty_dashes_and_look_alike_grades() -> None:
    assert [parse_value(s).kind for s in ("–", "—", "--", "  ")] == ["empty"] * 4
    assert not is_value("-")
    v = parse_value("\u0412\u0412")  # Cyrillic Ve Ve printed for the grade BB
    assert (v.kind, v.unit) == ("grade", "grade")


def test_parse_number_thousands_hint() -> None:
    assert parse_number("1.234") == parse_number("1,234")
    ambiguous = parse_number("1.234")
    assert ambiguous is not None and (ambiguous.value, ambiguous.ambiguous) == (None, True)
    hinted = parse_number("1.234", thousands_hint=True)
    assert hinted is not None and (hinted.value, hinted.decimals) == (1234.0, 0)
    assert parse_number("Persentase") is None
    assert parse_number("12.") is None


def test_clean_normalises_spaces_and_look_alikes() -> None:
    assert clean("  Indikator\u00a0 Kinerja  ") == "Indikator Kinerja"
    assert clean("\u041a\u0420U") == "KPU"  # Cyrillic K and R


def test_rupiah_grouped_with_both_separators() -> None:
    """r02 (Dinkes Jabar) p. 88 prints "Rp. 503,753.650,-": a rupiah amount has at most two
    decimals, so three digits after the last separator group thousands too."""
    mixed = parse_number("503,753.650", thousands_hint=True)
    assert mixed is not None and (mixed.value, mixed.decimals) == (503753650.0, 0)
    cents = parse_number("1.397.870.000,00", thousands_hint=True)
    assert cents is not None and (cents.value, cents.decimals) == (1397870000.0, 2)
    plain = parse_number("503,753.650")  # not money: a decimal point after a thousands comma
    assert plain is not None and (plain.value, plain.decimals) == (503753.65, 3)
