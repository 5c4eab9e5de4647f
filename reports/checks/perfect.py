"""all-perfect: every measured row exactly 100% with realisasi written exactly as the target (info)."""

from __future__ import annotations

from collections.abc import Iterator

from extract.values import clean
from reports.codes import finding
from reports.context import AuditContext
from reports.model import Finding


def run(ctx: AuditContext) -> Iterator[Finding]:
    rows = ctx.kind("pengukuran")
    if len(rows) < 2:
        return
    perfect = all(
        r.capaian and r.capaian.number == 100 and r.target and r.realisasi and clean(r.target.raw) == clean(r.realisasi.raw) for r in rows
    )
    if perfect:
        yield finding(
            "all-perfect", evidence=ctx.quote(rows[0].line), line=rows[0].line, page=rows[0].page, table_seq=rows[0].table_seq, n=len(rows)
        )
