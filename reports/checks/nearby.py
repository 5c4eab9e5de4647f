"""The table row a narrative sentence talks about: the one-row table right above it."""

from __future__ import annotations

from reports.context import AuditContext, ClaimRow, Hist, MRow

MAX_GAP = 12  # lines between a table's end and the sentence discussing it


def row_before(ctx: AuditContext, claim: ClaimRow) -> MRow | None:
    best = None
    for t in ctx.tables:
        if t["kind"] in ("multi_year", "kegiatan", "pengukuran") and t["end_line"] < claim.line <= t["end_line"] + MAX_GAP:
            best = t
    if best is None:
        return None
    rows = [r for r in ctx.rows if r.table_seq == best["table_seq"]]
    return rows[-1] if len(rows) == 1 else None


def previous_realisasi(ctx: AuditContext, row: MRow) -> Hist | None:
    hist = [h for h in ctx.history.get((row.table_seq, row.row_seq), ()) if h.kind == "realisasi" and h.value.number is not None]
    return hist[-1] if hist else None
