"""Cell value parser: `99,67%`, `0,17`, `Rp 66.964.726.000`, `59,900,669,261`, `1 Laporan`, `BB`, `WTP`.

Indonesian reports mix two number conventions (`.` or `,` as the thousands
separator). A number is read only when its shape decides the convention; a lone
separator followed by exactly three digits (`1.234`, `1,234`) could be either,
so it is flagged `ambiguous` with no number rather than guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from extract.model import Value
from extract.vocabulary import GRADES, LOOKALIKES, OPINIONS, UNITS

__all__ = ["GRADES", "LOOKALIKES", "OPINIONS", "UNITS", "clean", "is_value", "parse_number", "parse_value"]

_NUM = r"[+-]?\d[\d.,]*\d|[+-]?\d"
_RE_PERCENT = re.compile(rf"^({_NUM})\s*%$")
_RE_PERCENT_WORD = re.compile(rf"^({_NUM})\s*(?:persen|prosen)$", re.I)
_RE_PERCENT_OCR = re.compile(rf"^({_NUM})\s*(?:Yo|%o|o/o)$")  # tesseract's readings of a spaced `%`
# a percent whose digits OCR read as letters too (`lOOo/o`, `lOO%`): l I | are 1, o O are 0
_RE_PERCENT_LETTERS = re.compile(r"^([0-9lIoO|][0-9lIoO|.,]*[0-9lIoO|])\s*(?:%|o/o|Yo|%o)$")
_DIGIT_LETTERS = str.maketrans("lI|oO", "11100")
_RE_COUNT_GLUED = re.compile(r"^([lI|1])([A-Z][a-z]+)$")  # `lLayanan`: OCR lost the space and the digit
_RE_MONEY = re.compile(rf"^Rp\.?\s*({_NUM})(?:\s*,-|\s*,--|\.-)?$", re.I)
# `528.600.000,-`: the `,-` (no sen) is written after rupiah only (a budget table's cells, the `Rp.` in
# the header: r04_bpbd p. 66, r02_dinkes p. 82)
_RE_MONEY_MARK = re.compile(rf"^({_NUM})(?:\s*,-|\s*,--|\.-)$")
# the unit may run to three words (`Orang PNS`, `Triliun Rupiah`, `unit usaha`: r05_disperindag pp. 29-33)
_RE_COUNT = re.compile(rf"^({_NUM}|[lI|])\s+([A-Za-z][A-Za-z/.\-]*(?:\s+[A-Za-z][A-Za-z/.\-]*){{0,2}})\.?$")
_PROSE_WORDS = frozenset(("dan", "atau", "dari", "yang", "di", "ke", "untuk", "dengan", "sekali", "per", "pada", "sebesar"))
_RE_NUMBER = re.compile(rf"^({_NUM})$")
_RE_UNIT_ONLY = re.compile(r"^([A-Za-z]+)$")


@dataclass(frozen=True)
class Number:
    value: float | None
    decimals: int | None
    ambiguous: bool = False


def clean(raw: str) -> str:
    """NFKC, Latin look-alikes, one space; what every comparison of text starts from."""
    text = unicodedata.normalize("NFKC", raw).translate(LOOKALIKES)
    return re.sub(r"\s+", " ", text).strip()


def parse_number(token: str, thousands_hint: bool = False) -> Number | None:
    """Read a number in either convention; None when `token` is not a number.

    `thousands_hint` is set for rupiah amounts, which are whole numbers, so a
    lone separator with three digits after it can only group thousands.
    """
    t = token.strip()
    if not re.fullmatch(r"[+-]?\d[\d.,]*", t) or t[-1] in ".,":
        return None
    sign = -1.0 if t.startswith("-") else 1.0
    t = t.lstrip("+-")
    dots, commas = t.count("."), t.count(",")
    if dots == 0 and commas == 0:
        return Number(sign * float(t), 0)
    if dots and commas:
        dec = "," if t.rfind(",") > t.rfind(".") else "."
        grp = "." if dec == "," else ","
        whole, frac = t.rsplit(dec, 1)
        if frac.count(grp) or not _grouped(whole, grp):
            return None
        if thousands_hint and len(frac) == 3:
            # rupiah have two decimals at most: "Rp. 503,753.650,-" (r02 Dinkes Jabar p. 88) groups
            # thousands with both separators, a typist's mix, not 503.753,65
            return Number(sign * float(whole.replace(grp, "") + frac), 0)
        return Number(sign * float(whole.replace(grp, "") + "." + frac), len(frac))
    sep = "." if dots else ","
    parts = t.split(sep)
    if len(parts) > 2:  # 59,900,669,261 or 66.964.726.000: only thousands groups
        return Number(sign * float("".join(parts)), 0) if _grouped(t, sep) else None
    whole, frac = parts
    if len(frac) == 3 and whole != "0" and len(whole) <= 3:
        if thousands_hint:
            return Number(sign * float(whole + frac), 0)
        return Number(None, None, ambiguous=True)
    return Number(sign * float(whole + "." + frac), len(frac))


def _grouped(text: str, sep: str) -> bool:
    head, *groups = text.split(sep)
    # digits only: a group holding the other separator (`1,2.345,67`) groups nothing, and float() would raise
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in groups) and (head + "".join(groups)).isdigit()


def unit_of(word: str) -> str:
    return UNITS.get(word.lower().rstrip("."), word)


_BRACKETED = re.compile(r"^\(\s*([^()]*\d[^()]*?)\s*\)$")


def parse_change(raw: str) -> Value:
    """A change from last year as a column of changes prints it: a fall in brackets, as
    accountants write it (`(37,13)` is -37,13: `r02_dinkes` p. 80 `PERCEPATAN (PERLAMBATAN)`)."""
    value = parse_value(raw)
    m = _BRACKETED.match(clean(raw))
    if value.kind != "text" or m is None:
        return value
    inner = parse_value(m.group(1))
    if inner.number is None or inner.number < 0:
        return value
    return replace(inner, raw=raw, number=-inner.number, note="angka dalam kurung dibaca negatif (perlambatan)")


def parse_value(raw: str) -> Value:
    """Parse one cell. Never raises: what is not a value comes back as kind `text`."""
    s = clean(raw)
    if s in ("", "-", "–", "—", "--"):
        return Value(raw=raw, kind="empty")
    if s in GRADES:
        return Value(raw=raw, kind="grade", unit="grade")
    if s in OPINIONS:
        return Value(raw=raw, kind="opinion", unit="opinion")
    if m := _RE_MONEY.match(s) or _RE_MONEY_MARK.match(s):
        return _numeric(raw, m.group(1), "money", "Rp", thousands_hint=True)
    if m := _RE_PERCENT.match(s) or _RE_PERCENT_WORD.match(s):
        return _numeric(raw, m.group(1), "percent", "%")
    if m := _RE_PERCENT_OCR.match(s):
        return replace(_numeric(raw, m.group(1), "percent", "%"), note="OCR Yo→%")
    if (m := _RE_PERCENT_LETTERS.match(s)) and re.search(r"[lIoO|]", m.group(1)):
        return replace(_numeric(raw, m.group(1).translate(_DIGIT_LETTERS), "percent", "%"), note="OCR huruf→angka")
    if (m := _RE_COUNT_GLUED.match(s)) and m.group(2).lower() in UNITS:
        note = f"OCR {m.group(1)}→1" if m.group(1) != "1" else "OCR: spasi hilang"
        return Value(raw=raw, kind="count", number=1.0, unit=unit_of(m.group(2)), decimals=0, note=note)
    if m := _RE_COUNT.match(s):
        token, word = m.groups()
        first, *rest = word.split()
        if rest and ((first.lower().rstrip(".") not in UNITS and not first[:1].isupper()) or _PROSE_WORDS & {w.lower() for w in rest}):
            return Value(raw=raw, kind="text")  # `2 dari 3 sasaran`, `100 orang dan …`: words, not a unit
        if not rest and word.lower().rstrip(".") not in UNITS and word.lower().split("/")[0] not in UNITS and not word[:1].isupper():
            return Value(raw=raw, kind="text")
        if token in ("l", "I", "|"):  # OCR reads the digit 1 as a letter or a bar: `l laporan`, `| laporan`
            return Value(raw=raw, kind="count", number=1.0, unit=unit_of(word), decimals=0, note=f"OCR {token}→1")
        return _numeric(raw, token, "count", unit_of(word))
    if m := _RE_NUMBER.match(s):
        return _numeric(raw, m.group(1), "number", None)
    if (m := _RE_UNIT_ONLY.match(s)) and m.group(1).lower() in UNITS:
        return Value(raw=raw, kind="count", unit=unit_of(m.group(1)), note="jumlah tidak tertulis")
    return Value(raw=raw, kind="text")


def _numeric(raw: str, token: str, kind: str, unit: str | None, thousands_hint: bool = False) -> Value:
    n = parse_number(token, thousands_hint)
    if n is None:
        return Value(raw=raw, kind="text")
    note = "pemisah ribuan/desimal ambigu" if n.ambiguous else None
    return Value(
        raw=raw,
        kind=kind,  # type: ignore[arg-type]
        number=n.value,
        unit=unit,
        decimals=n.decimals,
        ambiguous=n.ambiguous,
        note=note,
    )


def is_value(raw: str) -> bool:
    """True for a cell that parses as a value (not text, not empty)."""
    return parse_value(raw).kind not in ("text", "empty")
