"""budget-sum-mismatch: a budget table's program (or sasaran, or total) row whose ceiling or
realisation is not the sum of the rows it numbers below it (`C | Program Peningkatan Peran Serta
… | 3,571,250,000 | 3,048,811,615`, its kegiatan `1`-`4` realising 3,330,779,900: r07_bp3akb
Tabel 3.2b p. 65).

The outline comes from the table's `No` column as printed: roman numerals over letters over
numbers over outline numbers (`I.` > `A` > `1` > `1.1`); an unnumbered row goes on the level of
the numbered row above it (the kegiatan listed on after `12`, r07 p. 65), an unnumbered row
named `Total` / `Jumlah` and nothing else stands over the table's top level, and one naming what
it totals (`TOTAL URUSAN WAJIB`) is left out. A row's parts are the rows of the next
level below it down to the next row of its own level or above; it is held to them only where
every part prints the figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from extract.model import TableCell
from reports.codes import finding, num
from reports.context import AuditContext
from reports.model import Finding

_ROMAN = re.compile(r"^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII)\.?$")
_LETTER = re.compile(r"^[A-Za-z][.)]?$")
_NUMBER = re.compile(r"^\d{1,3}[.)]?$")
_OUTLINE = re.compile(r"^\d{1,3}(?:\.\d{1,3})+\.?$")
_TOTAL = re.compile(r"^(?:total|jumlah|jumlah total|total keseluruhan|grand total)$", re.I)
# a total of part of the table (`TOTAL URUSAN WAJIB`, `Sub Total`, `JUMLAH BELANJA LANGSUNG`, r19_disbun
# pp. 70-72): no part of the rows above it, and the outline does not say which rows it sums. `Jumlah`
# in sentence case opens an indicator's name (`Jumlah Inovasi Pelayanan Publik …`, r10 p. 34)
_PART_TOTAL = re.compile(r"^(?:(?i:sub\s*total|total)\b|JUMLAH\b)")
TOTAL_LEVEL = -1
TOLERANCE = 1.0  # rupiah: sen printed (`,00`) or not


def level(number: str) -> int | None:
    """A row number's depth in the outline, or None (not a row number)."""
    n = number.strip()
    for depth, pattern in enumerate((_ROMAN, _LETTER, _NUMBER, _OUTLINE)):
        if pattern.match(n):
            return depth
    return None


@dataclass(frozen=True)
class _Row:
    level: int
    label: str
    figures: tuple[TableCell | None, TableCell | None]  # ceiling, realisation


def _outline(cells_by_row: list[dict[int, TableCell]], no_col: int, cols: tuple[int, int]) -> list[_Row]:
    out: list[_Row] = []
    current: int | None = None
    for cells in cells_by_row:
        number = cells[no_col].value.raw if no_col in cells else ""
        texts = [c.value.raw for k, c in sorted(cells.items()) if k != no_col and c.value.kind == "text" and c.value.raw.strip()]
        label = " ".join(texts[0].split()) if texts else ""
        depth = level(number) if number.strip() else None
        if depth is None and not number.strip() and _TOTAL.match(label):
            depth = TOTAL_LEVEL
        elif depth is None and not number.strip() and not _PART_TOTAL.match(label):
            depth = current
        if depth is None:
            continue  # a row of the header repeated, a column-number row
        if depth != TOTAL_LEVEL:
            current = depth
        figures = tuple(c if (c := cells.get(k)) is not None and c.value.number is not None else None for k in cols)
        out.append(_Row(depth, label, (figures[0], figures[1])))
    return out


def _parts(rows: list[_Row], at: int) -> list[_Row]:
    """The rows a row sums: the next level below it, down to the next row of its level or above."""
    parent = rows[at].level
    below: list[_Row] = []
    for r in rows[at + 1 :] if parent != TOTAL_LEVEL else rows:
        if r is rows[at]:
            continue
        if r.level <= parent and r.level != TOTAL_LEVEL:
            break
        if r.level != TOTAL_LEVEL:
            below.append(r)
    if not below:
        return []
    top = min(r.level for r in below)
    return [r for r in below if r.level == top]


def _mismatch(row: _Row, parts: list[_Row], which: int) -> tuple[TableCell, float] | None:
    """The row's figure and its parts' sum, where every part prints one and they differ."""
    stated = row.figures[which]
    if stated is None or stated.value.number is None or not parts:
        return None
    figures = [p.figures[which] for p in parts]
    if any(f is None or f.value.number is None for f in figures):
        return None
    total = sum(f.value.number for f in figures if f is not None and f.value.number is not None)
    return None if abs(total - stated.value.number) <= TOLERANCE else (stated, total)


def run(ctx: AuditContext) -> Iterator[Finding]:
    for t in ctx.tables:
        cols = ctx.budget_columns(t)
        roles = (t.get("roles") or "").split(" | ")
        if cols is None or "no" not in roles:
            continue
        rows = _outline(ctx.table_rows(t["table_seq"]), roles.index("no"), (cols[0], cols[1]))
        for k, row in enumerate(rows):
            parts = _parts(rows, k)
            wrong = [(name, *m) for which, name in ((0, "pagu"), (1, "realisasi")) if (m := _mismatch(row, parts, which))]
            if not wrong:
                continue
            at = wrong[0][1].source  # the first figure that does not add up
            yield finding(
                "budget-sum-mismatch",
                evidence=ctx.quote(at.line) or row.label,
                line=at.line,
                page=at.page,
                at=at,
                table_seq=t["table_seq"],
                label=row.label or "tanpa nama",
                what=" dan ".join(w[0] for w in wrong),
                stated=" dan ".join(w[1].value.raw for w in wrong),
                parts=len(parts),
                computed=" dan ".join(num(w[2], 0) for w in wrong),
            )
