"""table-total-mismatch: a row's parts that do not add up to its Jumlah/Total column."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import TableCell
from reports.codes import finding, num
from reports.context import AuditContext
from reports.model import Finding

_TOTAL = re.compile(r"\b(jumlah|total)\b", re.I)


def _body(ctx: AuditContext, table_seq: int) -> list[list[TableCell]]:
    """The table's body lines, each its cells in column order, as the reader typed them."""
    lines: dict[int, list[TableCell]] = {}
    for c in ctx.cells:
        if c.table_seq == table_seq:
            lines.setdefault(c.row, []).append(c)
    return [sorted(cells, key=lambda c: c.col) for _, cells in sorted(lines.items())]


def run(ctx: AuditContext) -> Iterator[Finding]:
    for t in ctx.tables:
        header = t["header"].split("\n")[0].split(" | ")
        total_cols = [i for i, h in enumerate(header) if _TOTAL.search(h)]
        if not total_cols or t["kind"] not in ("other",) or ctx.budget_columns(t) is not None:
            # (a budget table's `Jumlah Anggaran Sebelum / Setelah Perubahan` are two ceilings, not a
            # row's parts and their sum, r28_dinkumkm Tabel 9: `budget_rows` holds its rows)
            continue
        total = total_cols[-1]
        for cells in _body(ctx, t["table_seq"]):
            if len(cells) <= total:
                continue
            values = [c.value for c in cells]
            stated = values[total]
            # only rows made of whole numbers: a label, then counts (the No column is not a part)
            numeric_from = next(
                (i for i, v in enumerate(values[:total]) if v.kind == "number" and i > 0 and values[i - 1].kind == "text"), None
            )
            if numeric_from is None or stated.number is None:
                continue
            parts = values[numeric_from:total]
            if any(v.kind not in ("number", "empty") for v in parts):
                continue
            computed = sum(v.number or 0 for v in parts)
            if abs(computed - stated.number) > 1e-9:
                label = " ".join(v.raw for v in values[:numeric_from] if v.raw.strip())
                src = cells[total].source
                yield finding(
                    "table-total-mismatch",
                    evidence=" | ".join(v.raw for v in values),
                    line=src.line,
                    page=src.page,
                    at=src,
                    table_seq=t["table_seq"],
                    label=label,
                    parts=" + ".join(v.raw for v in parts),
                    computed=num(computed),
                    total_name=header[total].strip(),
                    stated=stated.raw,
                )
