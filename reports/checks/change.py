"""change-mismatch: a printed change from last year (`Percepatan / Perlambatan`, `% Peningkatan`)
that the row's own figures do not give.

A table's change column is the difference of one quantity between the report year and the year
before (capaian: r29_dishub Tabel 3.3 p. 4, r01_bappeda Tabel 3.4 p. 32, r16_disnak Tabel 7 p. 27;
or realisasi), or that difference as a percent of last year's figure (r16_disnak Tabel 8 p. 41).
Which one, the table says by the rows it fits: the formula most rows give is the table's (two
rows at least and half of the rows computed), and each row it does not give is one finding, with
what it gives. A row whose figures fit no formula at all in a table no formula fits says nothing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract.model import Value
from reports.checks.tolerance import agrees
from reports.codes import num, row_finding
from reports.context import AuditContext, MRow
from reports.model import Finding

Pair = tuple[float, float]  # (this year's, last year's)


def _diff(p: Pair) -> float:
    return p[0] - p[1]


def _percent(p: Pair) -> float | None:
    return (p[0] - p[1]) / p[1] * 100 if p[1] else None


#: the formulas a change column may follow: the quantity it compares and how, in Bahasa for the finding
FORMULAS: tuple[tuple[str, str, Callable[[Pair], float | None]], ...] = (
    ("capaian", "capaian {now} − capaian {before}", _diff),
    ("realisasi", "realisasi {now} − realisasi {before}", _diff),
    ("realisasi", "(realisasi {now} − realisasi {before}) / realisasi {before} × 100", _percent),
    ("capaian", "(capaian {now} − capaian {before}) / capaian {before} × 100", _percent),
)


def _number(v: Value | None) -> float | None:
    return v.number if v is not None and v.number is not None and not v.ambiguous else None


@dataclass(frozen=True)
class _Changed:
    """A row with a printed change, and the pair of years of each quantity it could be the change of."""

    row: MRow
    year: int
    stated: Value
    pairs: dict[str, Pair]

    def computed(self, k: int) -> float | None:
        quantity, _, formula = FORMULAS[k]
        pair = self.pairs.get(quantity)
        return formula(pair) if pair is not None else None

    def fits(self, k: int) -> bool | None:
        computed = self.computed(k)
        assert self.stated.number is not None
        return None if computed is None else agrees(self.stated.number, computed, self.stated.decimals)


def _changed(ctx: AuditContext, r: MRow) -> _Changed | None:
    history = ctx.history.get((r.table_seq, r.row_seq), ())
    h = next((h for h in history if h.kind == "change" and h.year is not None and _number(h.value) is not None), None)
    if h is None or h.year is None:
        return None
    pairs = {}
    for quantity in ("capaian", "realisasi"):
        now = _number(getattr(r, quantity))
        before = next((_number(o.value) for o in history if o.kind == quantity and o.year == h.year - 1), None)
        if now is not None and before is not None:
            pairs[quantity] = (now, before)
    return _Changed(r, h.year, h.value, pairs)


def _formula_of(rows: list[_Changed]) -> int | None:
    """The formula most rows of a table give: two rows at least, half of those it computes."""
    best: tuple[int, int] | None = None
    for k in range(len(FORMULAS)):
        fits = [f for c in rows if (f := c.fits(k)) is not None]
        hits = sum(fits)
        if hits >= 2 and hits * 2 >= len(fits) and (best is None or hits > best[0]):
            best = (hits, k)
    return best[1] if best else None


def run(ctx: AuditContext) -> Iterator[Finding]:
    tables: dict[int, list[_Changed]] = defaultdict(list)
    for r in ctx.rows:
        if (c := _changed(ctx, r)) is not None:
            tables[r.table_seq].append(c)
    for rows in tables.values():
        k = _formula_of(rows)
        if k is None:
            continue
        for c in rows:
            computed = c.computed(k)
            if computed is not None and c.fits(k) is False:
                yield row_finding(
                    "change-mismatch",
                    ctx,
                    c.row,
                    indicator=c.row.indicator,
                    stated=c.stated.raw.strip(),
                    computed=num(computed),
                    formula=FORMULAS[k][1].format(now=c.year, before=c.year - 1),
                )
