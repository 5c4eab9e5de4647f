"""Run every check on one stored report and keep its findings (replacing earlier ones)."""

from __future__ import annotations

import duckdb

from reports.checks import CHECKS
from reports.context import load_context
from reports.model import SEVERITY_ORDER, Finding


def audit_report(con: duckdb.DuckDBPyConnection, report_id: str, save: bool = True) -> list[Finding]:
    ctx = load_context(con, report_id)
    findings = [f for check in CHECKS for f in check(ctx)]
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.line or 0, f.check_id))
    if save:
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM findings WHERE report_id = ?", [report_id])
            if findings:
                cols = list(findings[0].record(report_id))
                con.executemany(
                    f"INSERT INTO findings ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [list(f.record(report_id).values()) for f in findings],
                )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return findings
