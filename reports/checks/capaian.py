"""capaian-mismatch: stated capaian is not realisasi/target×100 under any convention reports use.

A row the catalogue does not know (no indicator id, as in every non-KPU report) has no known
polarity: the lower-is-better conventions are tried as well before the row is flagged."""

from __future__ import annotations

from collections.abc import Iterator

from reports.checks.tolerance import agrees
from reports.codes import num, row_finding
from reports.context import AuditContext
from reports.model import Finding

_NUMERIC = ("number", "percent", "count", "money")


def candidates(target: float, realisasi: float, polarity: str) -> dict[str, float]:
    ratio = realisasi / target * 100
    out = {"realisasi/target × 100": ratio, "dibatasi 100%": min(ratio, 100.0)}
    if polarity in ("lower_better", "unknown"):
        out["(2×target − realisasi)/target × 100 (makin kecil makin baik)"] = (2 * target - realisasi) / target * 100
        if realisasi:
            out["target/realisasi × 100 (makin kecil makin baik)"] = target / realisasi * 100
    return out


def run(ctx: AuditContext) -> Iterator[Finding]:
    for r in ctx.kind("pengukuran", "multi_year", "kegiatan"):
        t, re_, c = r.target, r.realisasi, r.capaian
        if not (t and re_ and c) or c.number is None or t.kind not in _NUMERIC or re_.kind not in _NUMERIC:
            continue
        if t.number is None or re_.number is None or t.number == 0:
            continue
        info = ctx.indicators.get(r.indicator_id or "")
        polarity = info.polarity if info else "unknown"
        cands = candidates(t.number, re_.number, polarity)
        if any(agrees(c.number, v, c.decimals) for v in cands.values()):
            continue
        yield row_finding(
            "capaian-mismatch",
            ctx,
            r,
            cells=("capaian",),
            stated=c.raw.strip(),
            computed=num(cands["realisasi/target × 100"]),
            formula=f"realisasi {re_.raw.strip()} / target {t.raw.strip()} × 100",
            rules="; ".join(cands),
            decimals=c.decimals or 0,
            # the commonest cause in multi-year tables: the realisasi copied into the capaian column
            hint=" Capaian tertulis sama dengan realisasi: tampaknya realisasi disalin ke kolom capaian."
            if agrees(c.number, re_.number, c.decimals)
            else "",
        )
