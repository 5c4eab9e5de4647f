"""Numbers spelled in words after their digits (extract/numwords.py, the `spelled` claim) and the
audit's number-words-mismatch check on them."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_checks_real import ClaimRow, ctx

from extract.claims import find_claims
from extract.model import Line, Source
from extract.numwords import words_value
from reports.checks import spelled

_ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def _spell(n: int) -> str:
    """Indonesian words for 1..9999, spelled the way reports spell them."""
    thousands, rest = divmod(n, 1000)
    hundreds, rest = divmod(rest, 100)
    out = [] if not thousands else ["seribu"] if thousands == 1 else [_ONES[thousands], "ribu"]
    out += [] if not hundreds else ["seratus"] if hundreds == 1 else [_ONES[hundreds], "ratus"]
    if rest == 10:
        out.append("sepuluh")
    elif rest == 11:
        out.append("sebelas")
    elif 12 <= rest <= 19:
        out += [_ONES[rest - 10], "belas"]
    else:
        tens, ones = divmod(rest, 10)
        out += [_ONES[tens], "puluh"] if tens else []
        out += [_ONES[ones]] if ones else []
    return " ".join(out)


@given(st.integers(1, 9999))
def test_any_number_spelled_reads_back(n: int) -> None:
    assert words_value(_spell(n)) == n
    assert words_value(_spell(n).upper()) == n


@pytest.mark.parametrize("text", ["setelah perubahan anggaran", "dua tiga", "puluh", "belas", "dua puluh satu belas", "lima sebelas", ""])
def test_words_that_are_no_number_read_as_none(text: str) -> None:
    assert words_value(text) is None


def _claims(text: str) -> list[tuple[float | None, float | None, str | None]]:
    return [(c.value, c.value_to, c.label) for c in find_claims([Line((text,), Source("t", 1, 1))], 600) if c.kind == "spelled"]


def test_digits_with_their_words_are_a_spelled_claim() -> None:
    assert _claims("Yang terdiri dari 24 (dua puluh enam) kegiatan, yaitu :") == [(24.0, 26.0, "dua puluh enam")]  # r22 p. 30
    assert _claims("diukur melalui 2 (setelah perubahan anggaran) indikator") == []
    assert _claims("sebanyak 1(satu) dokumen dan 14 (Empat Belas) kegiatan") == [(1.0, 1.0, "satu"), (14.0, 14.0, "Empat Belas")]


def _said(digits: float, words: float, label: str, text: str = "Golongan III = 36 (tiga puluh empat) orang") -> ClaimRow:
    return ClaimRow("spelled", text, f"{digits:g} ({label})", digits, None, words, 39, 500, label=label)


def test_digits_and_words_that_differ_are_a_warning_once_per_sentence() -> None:
    said = _said(36, 34, "tiga puluh empat")
    other = _said(36, 34, "tiga puluh empat", text="Golongan IV = 36 (tiga puluh empat) orang")
    money = ClaimRow("money", said.text, "Rp 5", 5.0, None, None, 39, 500)
    f, g = spelled.run(ctx([], [money, said, said, other]))  # r04_bpbd p. 39, a repeated claim once
    assert (f.severity, f.line, f.page, f.evidence) == ("warning", 500, 39, said.text) and g.evidence == other.text
    assert "36" in f.message and "\u201ctiga puluh empat\u201d" in f.message and "yang berarti 34" in f.message


def test_digits_and_words_that_agree_give_nothing() -> None:
    assert list(spelled.run(ctx([], [_said(34, 34, "tiga puluh empat")]))) == []
    unread = ClaimRow("spelled", "x", "3 (tiga)", None, None, 3.0, 1, 1, label="tiga")
    assert list(spelled.run(ctx([], [unread, replace(unread, value=3.0, value_to=None)]))) == []
