"""pk-indicator-missing / indicator-not-in-pk: PK promises never measured, and the reverse."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from normalize.text import key
from reports.checks.pk_target import comparable_pk
from reports.codes import row_finding
from reports.context import AuditContext, MRow
from reports.model import Finding

_SAME_WORDING = 90.0  # unmapped rows count as the same indicator above this ratio


def _covered(row: MRow, others: list[MRow]) -> bool:
    if row.indicator_id:
        return any(o.indicator_id == row.indicator_id for o in others)
    k = key(row.indicator)
    return any(fuzz.ratio(k, key(o.indicator)) >= _SAME_WORDING for o in others)


def run(ctx: AuditContext) -> Iterator[Finding]:
    pk, measured = comparable_pk(ctx), ctx.kind("pengukuran")
    if not pk or not measured:
        return
    for p in pk:
        if not _covered(p, measured):
            yield row_finding(
                "pk-indicator-missing",
                ctx,
                p,
                indicator=p.indicator,
                target=p.target.raw.strip() if p.target else "-",
            )
    for m in measured:
        if not _covered(m, pk):
            yield row_finding(
                "indicator-not-in-pk",
                ctx,
                m,
                indicator=m.indicator,
            )
