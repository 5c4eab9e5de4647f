"""narrative-value-mismatch: a figure the text gives for an indicator differs from its table value."""

from __future__ import annotations

from collections.abc import Iterator

from reports.checks.nearby import previous_realisasi, row_before
from reports.checks.tolerance import agrees
from reports.codes import finding, num
from reports.context import AuditContext
from reports.model import Finding


def run(ctx: AuditContext) -> Iterator[Finding]:
    for c in ctx.claims:
        if c.kind not in ("change", "reached"):
            continue
        row = row_before(ctx, c)
        if row is None:
            continue
        checks = []
        if c.kind == "change":
            prev = previous_realisasi(ctx, row)
            checks.append(("realisasi tahun ini", c.value_to, row.realisasi.number if row.realisasi else None, "realisasi"))
            if prev is not None:
                checks.append((f"realisasi {prev.year or 'tahun sebelumnya'}", c.value_from, prev.value.number, "history"))
        else:
            checks.append(("realisasi", c.value, row.realisasi.number if row.realisasi else None, "realisasi"))
            checks.append(("target", c.value_from, row.target.number if row.target else None, "target"))
        for what, stated, actual, cell in checks:
            if stated is None or actual is None or agrees(actual, stated, 2):
                continue
            yield finding(
                "narrative-value-mismatch",
                evidence=c.text,
                line=c.line,
                page=c.page,
                indicator_id=row.indicator_id,
                table_seq=row.table_seq,
                row_seq=row.row_seq,
                cells=(cell,) if cell != "history" else (),
                what=what,
                stated=f"{num(stated)}%",
                actual=f"{num(actual)}%",
                table_at=ctx.cite(row.line),
            )
