"""A report's own scale for rating capaian, as it prints it before the Pengukuran table:

    80 s/d 100 %  = Sangat Baik (SB)        (r13_rsjiwa p. 16)
    > 80 - < 100 %      Baik                (r02_dinkes p. 33)
    80 > 100            Baik                (r04, r06, r11: a malformed `80 - 100`)
    Diatas 80 % s/d 100 %   Baik            (r28_dinkumkm p. 16)

Each line of a scale is one band: a range (two-sided, or one-sided `> 100`, `< 55`, `Lebih dari
100 %`) and a category label, either way round, in one cell or two. Three or more such lines
close together are a scale. The audit checks each row's Kategori against it and the scale
itself for gaps and overlaps (reports/checks/category.py, scale.py)."""

from __future__ import annotations

import re

from extract.model import Band, Line, Scale
from extract.values import clean
from extract.vocabulary import SCALE_LABEL

#: Words for comparisons and ranges, rewritten to symbols before a line is matched.
_WORDS = (
    (re.compile(r"[–—−‐]"), "-"),
    (re.compile(r"≥|=>|>\s*="), ">="),
    (re.compile(r"≤|=<|<\s*="), "<="),
    (re.compile(r"\blebih\s+(?:besar\s+)?dari\s+(?:atau\s+)?sama\s+dengan\b", re.I), ">="),
    (re.compile(r"\b(?:lebih\s+(?:besar\s+)?dari|di\s*atas)\b", re.I), ">"),
    (re.compile(r"\b(?:kurang\s+dari|lebih\s+kecil\s+dari|di\s*bawah)\b", re.I), "<"),
    (re.compile(r"\bs\s*[./]\s*d\b\.?|\bsampai(?:\s+dengan)?\b|\bhingga\b", re.I), " .. "),
    (re.compile(r"%"), " "),
)
_NUM = r"\d{1,3}(?:[.,]\d{1,2})?"
_RANGE = (
    rf"(?P<range>(?:(?P<op1>>=|>)\s*)?(?P<a>{_NUM})\s*(?P<sep>-|\.\.|>)\s*(?:(?P<op2><=|<)\s*)?(?P<b>{_NUM})"
    rf"|(?P<op>>=|>|<=|<)\s*(?P<n>{_NUM}))"
)
# a row number (`1`, `2.`; never `80`, the low end of `80 > 100`), `Persentase :`
_LEAD = r"(?:\d[.)]?\s+|\d{2}[.)]\s+|[a-z][.)]\s+)?(?:[A-Za-z]+\s*:\s*)?"
# a band as a sentence: `Prosentase capaian > 100 %, maka pencapaian akuntabilitas kinerja
# dinyatakan sangat baik.` (r09_bplhd p. 16)
_SUBJECT = r"(?:(?:prosentase|persentase|presentase|nilai|tingkat)\s+capaian(?:\s+kinerja)?\s*)?"
# (`… adalah Baik Sekali (BS);`, r26_inspektorat p. 2; `Diatas 80 % s/d 100 % dengan sebutan baik (B)`, r28_dinkumkm)
_SAID = r"(?:[=:]|,?\s*[^\d=:]{0,60}?\b(?:dinyatakan|kategori|predikat|sebutan|adalah|ialah|yaitu|berarti)\b)?"
_RANGE_FIRST = re.compile(rf"^{_LEAD}{_SUBJECT}(?:{_RANGE})\s*{_SAID}\s*[\"“']?(?P<label>{SCALE_LABEL})[\"”']?\s*[.;,]?$", re.I)
_LABEL_FIRST = re.compile(rf"^{_LEAD}(?P<label>{SCALE_LABEL})\s*[=:]?\s*\(?\s*(?:{_RANGE})\s*\)?\s*$", re.I)

MIN_BANDS = 3  # fewer lines of a range and a label are a sentence or two, not a scale
MAX_GAP = 3  # lines between two bands of one scale (a wrapped label, a blank row)


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def band(line: Line) -> Band | None:
    """The band one line prints, if it prints one."""
    text = clean(" ".join(c for c in line.cells if c.strip()))
    for pattern, to in _WORDS:
        text = pattern.sub(to, text)
    text = " ".join(text.split())
    m = _RANGE_FIRST.match(text) or _LABEL_FIRST.match(text)
    if m is None:
        return None
    label = " ".join(m.group("label").split())
    raw = " ".join(m.group("range").replace("..", " s/d ").split())  # as an inspector reads it: `80 s/d 100`
    if m.group("n") is not None:
        op, n = m.group("op"), _number(m.group("n"))
        if op.startswith(">"):
            return Band(label, n, op == ">=", None, False, raw, line.source)
        return Band(label, None, False, n, op == "<=", raw, line.source)
    a, b = _number(m.group("a")), _number(m.group("b"))
    if a >= b:
        return None  # `100 - 80`: no range a report means
    malformed = m.group("sep") == ">"  # `80 > 100` for `80 - 100`: read as the report means it
    return Band(label, a, m.group("op1") != ">", b, m.group("op2") != "<", raw, line.source, malformed)


def find_scales(lines: tuple[Line, ...]) -> tuple[Scale, ...]:
    """Every run of at least MIN_BANDS band lines, each within MAX_GAP lines of the one before,
    naming at least two labels."""
    runs: list[list[Band]] = []
    last = -MAX_GAP - 1
    for ln in lines:
        b = band(ln)
        if b is None:
            continue
        if runs and ln.source.line - last <= MAX_GAP:
            runs[-1].append(b)
        else:
            runs.append([b])
        last = ln.source.line
    kept = [r for r in runs if len(r) >= MIN_BANDS and len({b.label.lower() for b in r}) >= 2]
    return tuple(Scale(n, tuple(r)) for n, r in enumerate(kept, start=1))
