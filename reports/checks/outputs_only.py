"""output-indicators-only: every measured indicator is a budget output (RO), none an outcome IKU."""

from __future__ import annotations

from collections.abc import Iterator

from reports.codes import finding
from reports.context import AuditContext
from reports.model import Finding


def run(ctx: AuditContext) -> Iterator[Finding]:
    rows = ctx.kind("pengukuran")
    kinds = [ctx.indicators[r.indicator_id].kind for r in rows if r.indicator_id in ctx.indicators]
    if rows and kinds and not any(k.startswith("iku") for k in kinds) and kinds.count("ro") >= 0.8 * len(rows):
        first = rows[0]
        yield finding(
            "output-indicators-only",
            evidence=ctx.quote(first.line),
            line=first.line,
            page=first.page,
            table_seq=first.table_seq,
            n=len(rows),
        )
