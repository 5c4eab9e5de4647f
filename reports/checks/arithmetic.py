"""narrative-arithmetic: "meningkat 1,93% menjadi 94,83% dari 92,50%" that does not add up."""

from __future__ import annotations

from collections.abc import Iterator

from reports.checks.nearby import row_before
from reports.codes import finding, num
from reports.context import AuditContext
from reports.model import Finding

_TOL = 0.005 + 1e-9  # the reports print two decimals


def run(ctx: AuditContext) -> Iterator[Finding]:
    for c in ctx.claims:
        if c.kind != "change" or None in (c.value, c.value_from, c.value_to):
            continue
        assert c.value is not None and c.value_from is not None and c.value_to is not None
        computed = c.value_to - c.value_from
        if abs(computed - c.value) <= _TOL:
            continue
        hint = ""
        row = row_before(ctx, c)
        if row and row.realisasi and row.realisasi.number is not None and abs(row.realisasi.number - c.value_from - c.value) <= _TOL:
            hint = (
                f" Dengan realisasi di tabel ({num(row.realisasi.number)}%) selisihnya memang {num(c.value)}:"
                f" angka {num(c.value_to)}% dalam narasi tampaknya salah tulis."
            )
        yield finding(
            "narrative-arithmetic",
            evidence=c.text,
            line=c.line,
            page=c.page,
            delta=f"{num(c.value)}%",
            start=f"{num(c.value_from)}%",
            end=f"{num(c.value_to)}%",
            computed=f"{num(computed)}%",
            hint=hint,
        )
