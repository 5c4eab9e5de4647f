"""pk-target-mismatch: the Pengukuran table measures against a target other than the PK's."""

from __future__ import annotations

from collections.abc import Iterator

from extract.model import Value
from extract.values import clean
from reports.codes import row_finding
from reports.context import AuditContext, MRow
from reports.model import Finding


def same_target(a: Value | None, b: Value | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.kind in ("grade", "opinion") or b.kind in ("grade", "opinion"):
        return clean(a.raw) == clean(b.raw)
    if a.number is None or b.number is None:
        return clean(a.raw).lower() == clean(b.raw).lower()
    if a.kind == "count" and b.kind == "count" and a.unit != b.unit:
        return False
    return abs(a.number - b.number) < 1e-9  # `90%` and `90` agree: measured tables often drop the sign


def pair_with_pk(ctx: AuditContext) -> list[tuple[MRow, MRow]]:
    """Measured rows with their PK row: same indicator id, preferring the same block label."""
    pk = [r for r in ctx.kind("perjanjian") if r.indicator_id]
    used: set[int] = set()
    pairs = []
    for r in ctx.kind("pengukuran"):
        if not r.indicator_id:
            continue
        same = [i for i, p in enumerate(pk) if p.indicator_id == r.indicator_id and i not in used]
        best = next((i for i in same if pk[i].section.split(" › ")[-1] == r.section.split(" › ")[-1]), same[0] if same else None)
        if best is not None:
            used.add(best)
            pairs.append((r, pk[best]))
    return pairs


def run(ctx: AuditContext) -> Iterator[Finding]:
    for r, p in pair_with_pk(ctx):
        if not same_target(p.target, r.target):
            yield row_finding(
                "pk-target-mismatch",
                ctx,
                r,
                cells=("target",),
                pk_target=p.target.raw.strip() if p.target else "(kosong)",
                pk_line=p.line,
                target=r.target.raw.strip() if r.target else "(kosong)",
            )
