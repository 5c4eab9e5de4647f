"""budget-figure-differs: a rupiah figure the narrative gives for a budget row that its table
prints with one digit changed or two neighbouring digits swapped (`Rp.866.800.000` for the
`866.600.000` of the budget table, r04_bpbd p. 54; `Rp. 324.281.000` for `342.281.000`, p. 64).

The narrative's figure must be about that row: another figure within `NEAR` lines of it (the
allocation beside a realisation, or the share) is one the same row prints. It must be no figure
of any budget table itself, and both figures must have `MIN_DIGITS` non-zero digits or more: round
sums (`500.000.000` against `600.000.000`) differ by one digit by chance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reports.checks.tolerance import agrees
from reports.codes import finding
from reports.context import AuditContext, ClaimRow
from reports.model import Finding

NEAR = 3  # lines either side of a narrative figure where its row's other figures may stand
MIN_DIGITS = 4  # non-zero digits a figure needs to be told from a round sum
MIN_MONEY = 1_000_000.0


@dataclass(frozen=True)
class _BudgetRow:
    line: int  # the row's line in the document
    label: str
    ceiling: float
    realised: float
    share: float | None
    share_decimals: int | None
    raw: dict[float, str]


def _budget_rows(ctx: AuditContext) -> list[_BudgetRow]:
    """Each budget table's rows with a ceiling and a realisation (`tables.budget_*`)."""
    out = []
    for t in ctx.tables:
        cols = ctx.budget_columns(t)
        if cols is None:
            continue
        for cells in ctx.table_rows(t["table_seq"]):
            if cols[0] not in cells or cols[1] not in cells:
                continue
            ceiling, realised = cells[cols[0]].value, cells[cols[1]].value
            share = cells[cols[2]].value if cols[2] in cells else None
            if ceiling.number is None or realised.number is None:
                continue
            names = " ".join(c.value.raw for k, c in sorted(cells.items()) if k < cols[0] and c.value.kind == "text")
            out.append(
                _BudgetRow(
                    cells[cols[0]].source.line, " ".join(names.split()), ceiling.number, realised.number,
                    share.number if share is not None else None, share.decimals if share is not None else None,
                    {ceiling.number: ceiling.raw, realised.number: realised.raw},
                )
            )  # fmt: skip
    return out


def _digits(x: float) -> str:
    return str(round(x))


def near_miss(a: float, b: float) -> bool:
    """One digit changed, or two neighbouring digits swapped, in figures of as many digits, each
    with `MIN_DIGITS` non-zero digits or more."""
    da, db = _digits(a), _digits(b)
    if da == db or len(da) != len(db) or min(sum(ch != "0" for ch in d) for d in (da, db)) < MIN_DIGITS:
        return False
    diff = [k for k in range(len(da)) if da[k] != db[k]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]] and da[diff[1]] == db[diff[0]])


def _corroborates(claim: ClaimRow, row: _BudgetRow, figure: float) -> bool:
    """Another figure near the claim that the row prints (not the one it differs from)."""
    if claim.value is None:
        return False
    if claim.kind == "money":
        return claim.value != figure and claim.value in (row.ceiling, row.realised)
    return claim.kind == "percent" and row.share is not None and agrees(claim.value, row.share, row.share_decimals)


def run(ctx: AuditContext) -> Iterator[Finding]:
    rows = _budget_rows(ctx)
    printed = {x for r in rows for x in (r.ceiling, r.realised)}
    claims = [c for c in ctx.claims if c.kind in ("money", "percent") and c.value is not None]
    seen: set[tuple[int, float]] = set()  # a figure a line prints twice is one finding
    for claim in claims:
        if claim.kind != "money" or claim.value is None or claim.value < MIN_MONEY or claim.value in printed:
            continue
        if (claim.line, claim.value) in seen:
            continue
        around = [c for c in claims if c is not claim and abs(c.line - claim.line) <= NEAR]
        for row in rows:
            figure = next((x for x in (row.ceiling, row.realised) if near_miss(claim.value, x)), None)
            if figure is None or not any(_corroborates(c, row, figure) for c in around):
                continue
            seen.add((claim.line, claim.value))
            yield finding(
                "budget-figure-differs",
                evidence=ctx.quote(claim.line) or claim.text,
                line=claim.line,
                page=claim.page,
                stated=claim.raw,
                label=row.label or "tanpa nama",
                actual=row.raw[figure],
                table_at=ctx.cite(row.line),
            )
            break
