"""Narrative claims that carry figures, kept with their sentence for the audit.

Kinds: `percent` (any `99,67%`), `money` (`Rp 66.964.726.000`), `indicator_count`
(`12 (dua belas) indikator`), `change` (`meningkat 1,93% menjadi 94,83% dari … 92,50%`),
`reached` (`mencapai 98,45% dari 35% target`), `category` (`sebesar 90.68% dengan kategori
“Baik”`, `87,70% (baik)`, `100 % sehingga … dinyatakan sangat baik`). A percentage that is part
of a change or reached claim is not repeated as a plain percent claim; one given a category is
both a percent and a category claim. `spelled`: a number in digits with its words after it
(`24 (dua puluh enam) kegiatan`), the words' number kept beside the digits'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extract.model import Claim, Line
from extract.numwords import words_value
from extract.values import clean, parse_number
from extract.vocabulary import SCALE_LABEL

_N = r"\d[\d.,]*\d|\d"
_PERCENT = re.compile(rf"({_N})\s*%")
_MONEY = re.compile(rf"\bRp\.?\s*({_N})(?:\s*,-)?", re.I)
_COUNT = re.compile(r"\b(\d{1,3})\s*\(([a-z ]{3,30})\)\s*(?:buah\s+)?(?:indikator|iku)\b", re.I)
_CHANGE = re.compile(
    rf"\b(naik|meningkat|peningkatan(?:\s+realisasi)?|turun|menurun|penurunan(?:\s+realisasi)?)\s+"
    rf"(?:sebesar\s+)?({_N})\s*%\s+menjadi\s+({_N})\s*%\s+dari\s+[^%\d]{{0,60}}?({_N})\s*%",
    re.I,
)
_REACHED = re.compile(rf"\bmencapai\s+({_N})\s*%\s+dari\s+({_N})\s*%\s+target", re.I)
# a figure given a category: in brackets right after it, or within a clause after it by
# `kategori` / `predikat` / `dinyatakan` / `tergolong` / `kinerja (yang)` (r05 p. 33, r06 p. 20,
# r09 p. 19, r28 p. 7); not a bound (`> 100 %`), and no other figure between
_CATEGORY = re.compile(
    rf"(?<![<>≥≤\d.,])({_N})\s*%\s*(?:\(\s*(?P<l1>{SCALE_LABEL})\s*\)"
    rf"|[^%\d]{{0,90}}?\b(?:kategori|predikat|dinyatakan|tergolong|kinerja)\s+(?:(?:yang|pada|dalam|sebagai)\s+)?"
    rf"[\"“'‘]?(?P<l2>{SCALE_LABEL})(?![a-z]))",
    re.I,
)
# what the clause before a figure calls it: a capaian (`capaian … sebesar`, a formula's `= 93,81%`),
# not a realisasi or a target (`realisasinya sebesar 10 % sehingga menunjukan kriteria kinerja
# yang BAIK`, r16_disnak p. 25)
_CAPAIAN_BEFORE = re.compile(r"capaian|=\s*$", re.I)
_OTHER_BEFORE = re.compile(r"(?:realisasi\w*|target\w*|[<>≥≤])\s*(?:sebesar\s+|yaitu\s+|adalah\s+)?$", re.I)


_RANGE_BEFORE = re.compile(r"\d\s*%?\s*(?:[-–]|s\s*[./]\s*d\.?|sampai(?:\s+dengan)?)\s*$", re.I)


def _called_capaian(sent: str, at: int) -> bool:
    """The figure at `at` is a capaian, not a realisasi, a target or a range's upper end (a
    scale's own line: `Prosentase capaian 80- 100 %, maka … dinyatakan baik`, r09_bplhd p. 16)."""
    if _RANGE_BEFORE.search(sent[max(0, at - 20) : at]):
        return False
    before = _PERCENT.split(sent[max(0, at - 120) : at])[-1]  # back to the figure before, if any
    return bool(_CAPAIAN_BEFORE.search(before)) and not _OTHER_BEFORE.search(before)


_SPELLED = re.compile(r"(?<![\d.,])(\d{1,4})\s*\(\s*([A-Za-z][A-Za-z ]{1,40}?)\s*\)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")


_CENTS = re.compile(r"[.,]\d{2}$")


def _num(token: str, money: bool = False) -> float | None:
    n = parse_number(token, thousands_hint=money)
    if money and (n is None or n.value is None) and len(re.sub(r"\D", "", _CENTS.sub("", token))) >= 7:
        # rupiah are whole: a grouping the typist broke (`Rp. 1.577250.000,-`, r04_bpbd p. 65) still
        # spells the amount in its digits; cents (`,00`) aside
        return float(re.sub(r"\D", "", _CENTS.sub("", token)))
    return n.value if n else None


def sentences(text: str) -> Iterable[tuple[int, str]]:
    pos = 0
    for part in _SENTENCE_END.split(text):
        yield pos, part
        pos += len(part) + 1


def find_claims(lines: list[Line], max_sentence: int) -> list[Claim]:
    claims: list[Claim] = []
    for ln in lines:
        if len(ln.cells) != 1:
            continue
        text = clean(ln.cells[0])
        if not re.search(r"\d", text):
            continue
        for _, sent in sentences(text):
            claims.extend(_claims_in(sent[:max_sentence], ln))
    return claims


def _claims_in(sent: str, ln: Line) -> list[Claim]:
    out: list[Claim] = []
    covered: list[tuple[int, int]] = []
    src = ln.source
    for m in _CHANGE.finditer(sent):
        sign = -1.0 if m.group(1).lower().startswith(("turun", "menurun", "penurunan")) else 1.0
        delta = _num(m.group(2))
        out.append(
            Claim("change", sent, m.group(0), sign * delta if delta is not None else None, src, "%", _num(m.group(4)), _num(m.group(3)))
        )
        covered.append(m.span())
    for m in _REACHED.finditer(sent):
        out.append(Claim("reached", sent, m.group(0), _num(m.group(1)), src, "%", _num(m.group(2))))
        covered.append(m.span())
    for m in _COUNT.finditer(sent):
        out.append(Claim("indicator_count", sent, m.group(0), float(m.group(1)), src, "indikator"))
    for m in _SPELLED.finditer(sent):
        if (words := words_value(m.group(2))) is not None:
            out.append(Claim("spelled", sent, m.group(0), float(m.group(1)), src, value_to=float(words), label=m.group(2).strip()))
    for m in _MONEY.finditer(sent):
        out.append(Claim("money", sent, m.group(0).strip(), _num(m.group(1), money=True), src, "Rp"))
        covered.append(m.span())
    for m in _CATEGORY.finditer(sent):
        if not _called_capaian(sent, m.start()):
            continue
        n = parse_number(m.group(1))
        label = " ".join((m.group("l1") or m.group("l2")).split())
        out.append(Claim("category", sent, m.group(0), n.value if n else None, src, "%", decimals=n.decimals if n else None, label=label))
    for m in _PERCENT.finditer(sent):
        if any(a <= m.start() < b for a, b in covered):
            continue
        if sent[max(0, m.start() - 1) : m.start()] in ("-", "–"):  # the upper end of a range `80-95%`
            continue
        n = parse_number(m.group(1))
        out.append(Claim("percent", sent, m.group(0), n.value if n else None, src, "%", decimals=n.decimals if n else None))
    return out
