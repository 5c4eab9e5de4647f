"""unit-mismatch: one indicator with different units or targets across RKT, PK and activity tables."""

from __future__ import annotations

from collections.abc import Iterator

from extract.model import Value
from reports.codes import finding, num
from reports.context import AuditContext, MRow
from reports.model import Finding

_LABEL = {"rencana": "RKT", "perjanjian": "PK", "kegiatan": "tabel kegiatan", "multi_year": "tabel kegiatan"}


def _unit(v: Value) -> str | None:
    if v.kind == "percent":
        return "%"
    if v.kind == "count":
        return (v.unit or "").lower()
    if v.kind in ("grade", "opinion"):
        return v.kind
    return None  # a bare number: the table left the unit out


def run(ctx: AuditContext) -> Iterator[Finding]:
    groups: dict[str, list[MRow]] = {}
    for r in ctx.kind("rencana", "perjanjian", "kegiatan", "multi_year"):
        if r.indicator_id and r.target is not None and r.target.kind not in ("empty", "text"):
            groups.setdefault(r.indicator_id, []).append(r)
    for ind, rows in groups.items():
        units = {u for r in rows if r.target and (u := _unit(r.target))}
        numbers = {r.target.number for r in rows if r.target and r.target.number is not None}
        if len(units) <= 1 and len(numbers) <= 1:
            continue
        seen: dict[tuple[str, str], list[int]] = {}
        for r in rows:
            assert r.target is not None
            v = r.target
            unit = "%" if v.kind == "percent" else f" {v.unit}" if v.unit else ""
            shown = v.raw.strip() if v.number is None else f"{num(v.number)}{unit}"
            seen.setdefault((_LABEL[r.table_kind], shown), []).append(r.line)
        variants = "; ".join(f"{where}: {shown} ({'; '.join(map(ctx.cite, lines))})" for (where, shown), lines in seen.items())
        first = rows[0].target
        assert first is not None
        odd = next(r for r in rows if r.target and (_unit(r.target), r.target.number) != (_unit(first), first.number))
        yield finding(
            "unit-mismatch",
            evidence=ctx.quote(odd.line),
            line=odd.line,
            page=odd.page,
            indicator_id=ind,
            table_seq=odd.table_seq,
            row_seq=odd.row_seq,
            cells=("target",),
            indicator=ctx.indicators[ind].name if ind in ctx.indicators else odd.indicator,
            variants=variants,
        )
