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


def _pair(ctx: AuditContext, r: MRow, quantity: str, year: int) -> Pair | None:
    now = _number(getattr(r, quantity))
    before = next(
        (_number(h.value) for h in ctx.history.get((r.table_seq, r.row_seq), ()) if h.kind == quantity and h.year == year - 1), None
    )
    return None if now is None or before is None else (now, before)


def _change(ctx: AuditContext, r: MRow) -> tuple[int, Value] | None:
    h = next((h for h in ctx.history.get((r.table_seq, r.row_seq), ()) if h.kind == "change" and h.year is not None), None)
    return (h.year, h.value) if h is not None and h.year is not None and _number(h.value) is not None else None


def _computed(ctx: AuditContext, r: MRow, k: int) -> float | None:
    change = _change(ctx, r)
    if change is None:
        return None
    quantity, _, formula = FORMULAS[k]
    pair = _pair(ctx, r, quantity, change[0])
    return formula(pair) if pair is not None else None


def _fits(ctx: AuditContext, r: MRow, k: int) -> bool | None:
    change, computed = _change(ctx, r), _computed(ctx, r, k)
    if change is None or computed is None:
        return None
    stated = change[1]
    assert stated.number is not None
    return agrees(stated.number, computed, stated.decimals)


def _formula_of(ctx: AuditContext, rows: list[MRow]) -> int | None:
    """The formula most rows of a table give: two rows at least, half of those it computes."""
    best: tuple[int, int] | None = None
    for k in range(len(FORMULAS)):
        fits = [f for r in rows if (f := _fits(ctx, r, k)) is not None]
        hits = sum(fits)
        if hits >= 2 and hits * 2 >= len(fits) and (best is None or hits > best[0]):
            best = (hits, k)
    return best[1] if best else None


def run(ctx: AuditContext) -> Iterator[Finding]:
    tables: dict[int, list[MRow]] = defaultdict(list)
    for r in ctx.rows:
        if _change(ctx, r) is not None:
            tables[r.table_seq].append(r)
    for rows in tables.values():
        k = _formula_of(ctx, rows)
        if k is None:
            continue
        for r in rows:
            if _fits(ctx, r, k) is False:
                change, computed = _change(ctx, r), _computed(ctx, r, k)
                assert change is not None and computed is not None
                year = change[0]
                yield row_finding(
                    "change-mismatch",
                    ctx,
                    r,
                    indicator=r.indicator,
                    stated=change[1].raw.strip(),
                    computed=num(computed),
                    formula=FORMULAS[k][1].format(now=year, before=year - 1),
                )
