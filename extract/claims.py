"""Narrative claims that carry figures, kept with their sentence for the audit.

Kinds: `percent` (any `99,67%`), `money` (`Rp 66.964.726.000`), `indicator_count`
(`12 (dua belas) indikator`), `change` (`meningkat 1,93% menjadi 94,83% dari … 92,50%`),
`reached` (`mencapai 98,45% dari 35% target`). A percentage that is part of a change
or reached claim is not repeated as a plain percent claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extract.model import Claim, Line
from extract.values import clean, parse_number

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
    for m in _MONEY.finditer(sent):
        out.append(Claim("money", sent, m.group(0).strip(), _num(m.group(1), money=True), src, "Rp"))
        covered.append(m.span())
    for m in _PERCENT.finditer(sent):
        if any(a <= m.start() < b for a, b in covered):
            continue
        if sent[max(0, m.start() - 1) : m.start()] in ("-", "–"):  # the upper end of a range `80-95%`
            continue
        out.append(Claim("percent", sent, m.group(0), _num(m.group(1)), src, "%"))
    return out
