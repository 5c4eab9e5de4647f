"""Run every check on one stored report and keep its findings (replacing earlier ones)."""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import UTC, datetime

import duckdb

from reports.checks import CHECKS
from reports.context import AuditContext, load_context
from reports.model import SEVERITY_ORDER, Finding
from store.sql import ident, placeholders


def audit_report(con: duckdb.DuckDBPyConnection, report_id: str, save: bool = True, transaction: bool = True) -> list[Finding]:
    """The report's findings; `save` stores them (and the time) in one transaction of their own, or,
    with `transaction=False`, inside the caller's (ingest stores a report and its findings together)."""
    ctx = load_context(con, report_id)
    findings = [placed(ctx, f) for check in CHECKS for f in check(ctx)]
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.line or 0, f.check_id))
    if not save:
        return findings
    if not transaction:
        _save(con, report_id, findings)
        return findings
    con.execute("BEGIN TRANSACTION")
    try:
        _save(con, report_id, findings)
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    return findings


def placed(ctx: AuditContext, f: Finding) -> Finding:
    """A finding whose check did not say where on the page it is, placed at its line's stored place."""
    src = ctx.places.get(f.line) if f.line is not None else None
    if src is None or (f.page_line is not None and f.printed_page is not None and f.bbox is not None):
        return f
    return replace(f, printed_page=f.printed_page or src.printed_page, page_line=f.page_line or src.page_line, bbox=f.bbox or src.bbox)


def _save(con: duckdb.DuckDBPyConnection, report_id: str, findings: list[Finding]) -> None:
    con.execute("DELETE FROM findings WHERE report_id = ?", [report_id])
    if findings:
        cols = list(findings[0].record(report_id))
        con.executemany(
            f"INSERT INTO findings ({', '.join(ident(c) for c in cols)}) VALUES ({placeholders(len(cols))})",
            [list(f.record(report_id).values()) for f in findings],
        )
    con.execute("UPDATE reports SET audited_at = ? WHERE report_id = ?", [datetime.now(UTC).replace(tzinfo=None), report_id])
