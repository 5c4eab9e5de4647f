"""pk-indicator-missing / indicator-not-in-pk: PK promises never measured, and the reverse."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from normalize.text import key
from reports.codes import finding
from reports.context import AuditContext, MRow
from reports.model import Finding

_SAME_WORDING = 90.0  # unmapped rows count as the same indicator above this ratio


def _covered(row: MRow, others: list[MRow]) -> bool:
    if row.indicator_id:
        return any(o.indicator_id == row.indicator_id for o in others)
    k = key(row.indicator)
    return any(fuzz.ratio(k, key(o.indicator)) >= _SAME_WORDING for o in others)


def run(ctx: AuditContext) -> Iterator[Finding]:
    pk, measured = ctx.kind("perjanjian"), ctx.kind("pengukuran")
    if not pk or not measured:
        return
    for p in pk:
        if not _covered(p, measured):
            yield finding(
                "pk-indicator-missing",
                evidence=ctx.quote(p.line),
                line=p.line,
                page=p.page,
                indicator_id=p.indicator_id,
                table_seq=p.table_seq,
                row_seq=p.row_seq,
                indicator=p.indicator,
                target=p.target.raw.strip() if p.target else "-",
            )
    for m in measured:
        if not _covered(m, pk):
            yield finding(
                "indicator-not-in-pk",
                evidence=ctx.quote(m.line),
                line=m.line,
                page=m.page,
                indicator_id=m.indicator_id,
                table_seq=m.table_seq,
                row_seq=m.row_seq,
                indicator=m.indicator,
            )
