"""budget-mismatch: "Realisasi Anggaran Rp X atau Y%" where X / pagu is not Y."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.values import parse_value
from reports.checks.tolerance import agrees
from reports.codes import finding, num
from reports.context import AuditContext
from reports.model import Finding


def _rupiah(x: float) -> str:
    return "Rp " + f"{x:,.0f}".replace(",", ".")


def run(ctx: AuditContext) -> Iterator[Finding]:
    money = [c for c in ctx.claims if c.kind == "money" and c.value]
    pagu = next((c for c in money if re.search(r"alokasi anggaran|pagu", c.text, re.I)), None)
    if pagu is None or not pagu.value:
        return
    for c in money:
        if c is pagu or "realisasi anggaran" not in c.text.lower():
            continue
        pct = next(
            (
                p
                for p in ctx.claims
                if p.kind == "percent" and p.line == c.line and p.text == c.text and p.text.find(p.raw) > p.text.find(c.raw)
            ),
            None,
        )
        if pct is None or pct.value is None or c.value is None:
            continue
        computed = c.value / pagu.value * 100
        if agrees(pct.value, computed, parse_value(pct.raw).decimals):
            continue
        yield finding(
            "budget-mismatch",
            evidence=c.text,
            line=c.line,
            page=c.page,
            realisasi=_rupiah(c.value),
            pagu=f"{_rupiah(pagu.value)} (baris {pagu.line})",
            computed=f"{num(computed)}%",
            stated=pct.raw,
        )
