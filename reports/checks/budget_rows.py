"""budget-row-mismatch: a budget table's row whose printed share is not its realisation over its
ceiling (`89.595.500` of `90.000.000` printed `100`, r28_dinkumkm Tabel 9 p. 19).

The columns come from the reader (`tables.budget_*`: the ceiling, its realisation in rupiah, the
share printed for it); the cells are the typed cells stored with the table. A row is held to the
check only where all three cells are numbers, the ceiling and realisation are sums of money (a
thousand or more: a row of percentages is no budget row) and the share a percentage (0 to 1,000).
The share agrees when rounding or truncating the computed one at its printed decimals (at least
those most of its column prints) gives it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from extract.model import TableCell, Value
from reports.checks.tolerance import agrees
from reports.codes import finding, num
from reports.context import AuditContext
from reports.model import Finding

MIN_MONEY = 1_000.0  # rupiah: smaller figures in these columns are no budget (a count, a share)
MAX_SHARE = 1_000.0


def _money(v: Value) -> bool:
    return v.number is not None and v.kind in ("number", "money") and v.number >= MIN_MONEY


def _label(cells: dict[int, TableCell], before: int) -> str:
    """The row's name: the nearest name left of the ceiling (`CLTH KKP Pemberdayaan …`; the
    program beside an indicator's figures, r01_bappeda Tabel 3.7), not a unit (`Persen`)."""
    names = [c.value.raw for k, c in sorted(cells.items()) if k < before and c.value.kind == "text" and len(c.value.raw.split()) >= 2]
    return " ".join(names[-1].split()) if names else ""


def _column_decimals(rows: list[dict[int, TableCell]], col: int) -> int:
    """The decimals most of a column's figures print (`99,30`, `96,85`: 2). A share printed with
    fewer is held to them: `100` among them stands for 100,00, not for anything from 99,5
    (r28_dinkumkm Tabel 9 p. 19, `89.595.500` of `90.000.000`)."""
    counts = Counter(c.value.decimals or 0 for cells in rows if (c := cells.get(col)) is not None and c.value.number is not None)
    return counts.most_common(1)[0][0] if counts else 0


def run(ctx: AuditContext) -> Iterator[Finding]:
    for t in ctx.tables:
        cols = ctx.budget_columns(t)
        if cols is None:
            continue
        ceiling_col, realised_col, share_col = cols
        rows = ctx.table_rows(t["table_seq"])
        decimals = _column_decimals(rows, share_col)
        for cells in rows:
            if not {ceiling_col, realised_col, share_col} <= cells.keys():
                continue
            ceiling, realised, share = cells[ceiling_col].value, cells[realised_col].value, cells[share_col].value
            if not (_money(ceiling) and _money(realised)) or share.number is None or not 0 <= share.number <= MAX_SHARE:
                continue
            assert ceiling.number is not None and realised.number is not None  # _money
            computed = realised.number / ceiling.number * 100
            if agrees(share.number, computed, max(share.decimals or 0, decimals)):
                continue
            src = cells[share_col].source
            yield finding(
                "budget-row-mismatch",
                evidence=" | ".join(c.value.raw for _, c in sorted(cells.items()) if c.value.raw.strip()),
                line=src.line,
                page=src.page,
                at=src,
                table_seq=t["table_seq"],
                label=_label(cells, ceiling_col) or "tanpa nama",
                realisasi=realised.raw,
                pagu=ceiling.raw,
                computed=num(computed, max(share.decimals or 0, 2)),
                stated=share.raw,
            )
