"""A ruled table whose header cannot be read: its columns named from what they hold.

A scan at 1 bit loses a header printed white on a black band (`r03_dpsda` Tabel 3.1 p. 27: the
header row is solid black, no pixel of its words survives). Its rows are whole: a row number, the
sasaran, the indicator, then figures. Three figure columns where the third is the second as a
percent of the first, to the decimals printed, on most rows, are a target, its realisasi and the
capaian; that arithmetic names them, not a guess at the layout. The text columns before them are
the sasaran (groups) and the indicator (the last one), a first column of row numbers the `No`.
Only where no header stands: the region's first row with words already holds figures.
A budget table (`Alokasi | Realisasi | %` under its own black header, Tabel 3.8 p. 38) holds the
same arithmetic: the caption above must be a table's title (`Tabel …`) naming a performance
table, and rupiah-sized targets make none.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.columns import cells_of, ratio_of
from extract.model import Line
from extract.values import parse_value

__all__ = ["inferred_header"]

#: a caption naming a performance table, not a budget's
_PERFORMANCE = re.compile(r"\b(?:kinerja|capaian|pencapaian|pengukuran)\b", re.I)
_TITLE = re.compile(r"\btabel\b", re.I)  # a table's own title, not a running header (`Laporan Kinerja … 2016`)
_BUDGET = re.compile(r"\b(?:anggaran|belanja|pagu|keuangan)\b", re.I)
_ROW_NUMBER = re.compile(r"^\d{1,2}\.?$")
MIN_ROWS = 3  # rows with figures the arithmetic is checked on
BUDGET_SIZE = 1e8  # a target this large is a rupiah amount


def inferred_header(region: list[Line], caption: str | None) -> Line | None:
    """A header line naming the region's columns by their content, or None when the content
    does not say (no capaian computed from two columns before it, a budget, a caption that names
    no performance table)."""
    if not caption or not _TITLE.search(caption) or not _PERFORMANCE.search(caption) or _BUDGET.search(caption):
        return None
    body = [ln for ln in region if any(c.strip() for c in ln.cells)]
    if not body or _figures(body[0]) < 2:
        return None  # a header of words stands at the top: one the vocabulary does not know (`KAB / KOTA`, r02 p. 47)
    width = max((len(ln.cells) for ln in body), default=0)
    figures = [k for k in range(width) if _figure_column(body, k)]
    if len(figures) < 3 or len([ln for ln in body if _figures(ln) >= 3]) < MIN_ROWS:
        return None
    t, r, c = figures[-3:]
    # (a sliver between two of them, a scan's ruling drawn twice, holds little: Tabel 3.1 p. 27)
    between = [k for k in range(t, c) if k not in figures]
    if any(len(cells_of(body, k)) * 2 >= len(body) for k in between):
        return None
    if not ratio_of(body, r, t, c, percent=True) or _budget(body, t):
        return None
    texts = [k for k in range(t) if k not in figures]
    if not texts:
        return None
    names = [""] * width
    names[t], names[r], names[c] = "Target", "Realisasi", "Capaian"
    names[texts[-1]] = "Indikator Kinerja"
    for k in texts[:-1]:
        names[k] = "No" if k == 0 and _numbers(body, k) else "Sasaran"
    first = region[0]
    return replace(first, cells=tuple(names), spans=(), covered=(), boxes=(), confidence=(), joined=())


def _figure_column(body: list[Line], k: int) -> bool:
    cells = cells_of(body, k)
    figures = sum(parse_value(c).number is not None for c in cells)
    return len(cells) >= MIN_ROWS and figures * 3 >= len(cells) * 2 and not _numbers(body, k)


def _numbers(body: list[Line], k: int) -> bool:
    cells = cells_of(body, k)
    return bool(cells) and all(_ROW_NUMBER.match(c) for c in cells)


def _figures(ln: Line) -> int:
    return sum(parse_value(c).number is not None for c in ln.cells if c.strip())


def _budget(body: list[Line], k: int) -> bool:
    values = [parse_value(c) for c in cells_of(body, k)]
    return any(v.kind == "money" or (v.number is not None and abs(v.number) >= BUDGET_SIZE) for v in values)
