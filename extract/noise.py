"""Telling text from stamp and signature noise in table cells, and tidying cell text.

Signed reports are stamped over their tables; the export or OCR reads the stamp as letters
(`I D VINITY I`, `J-8-E`, `11 11 4 11 11`). The tests here work on the cell's own words and
on `vocab`, the document's word counts: a stamp's words occur nowhere else in the report.
"""

from __future__ import annotations

import re
from collections import Counter

from extract.values import clean

_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]{2,}")


def junk(text: str) -> bool:
    """OCR noise from stamps and signatures: `I D VINITY I`, `11 11 4 11 11`, `J-8-E`."""
    words = _LETTERS.findall(clean(text))
    if not words:
        return True
    single = sum(1 for w in words if len(w) == 1)
    return (all(w.isupper() for w in words) and single * 2 >= len(words)) or (len(words) == 1 and len(words[0]) == 1)


def unknown(text: str, vocab: Counter[str]) -> bool:
    """None of the cell's words occurs anywhere else in the document (a stamp repeats its own
    words, `VINITY I VINITY`: those are counted out)."""
    own = Counter(_WORD.findall(text.lower()))
    return bool(own) and all(vocab[w] <= n for w, n in own.items())


def stamp(text: str, vocab: Counter[str]) -> bool:
    """A stamp read as a name: in capitals, and junk or words found nowhere else in the report."""
    words = _LETTERS.findall(clean(text))
    return bool(words) and all(w.isupper() for w in words) and (junk(text) or unknown(text, vocab))


def span_text(cells: list[str], vocab: Counter[str]) -> str:
    """Join one line's cells that a spanning label was cut into (`Berinte` | `gritas`)."""
    out = ""
    for c in cells:
        if not c or junk(c) or not re.search(r"[A-Za-zÀ-ɏ]", c):
            continue
        if out and not c[0].islower() and unknown(c, vocab):  # a fragment glued to the left is not noise
            continue
        if out and out[-1].isalpha() and c[0].islower():
            out += c
        else:
            out = f"{out} {c}" if out else c
    return tidy(out)


def tidy(text: str) -> str:
    text = re.sub(r"(?<=\w)- (?=[a-z])", "-", text)  # perundang- undangan
    text = re.sub(r"(?:^|\s)[*•](?=\s|$)", " ", text)
    return re.sub(r"\s+", " ", text).strip(" ,;")
