"""Small audit contexts for the focused rule tests (tests/test_mut_*.py, `make mutation`): the
rows of test_checks_real, plus the tables, catalogue polarities, history and claims a rule reads."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from test_checks_real import claims_of, ctx, row, typed

from reports.context import AuditContext, ClaimRow, Hist, IndicatorInfo, MRow

__all__ = ["claim", "claims_of", "context", "info", "row", "table"]


def context(
    rows: list[MRow] | tuple[MRow, ...] = (),
    claims: list[ClaimRow] | tuple[ClaimRow, ...] = (),
    lines: dict[int, tuple[int | None, str]] | None = None,
    tables: list[dict[str, Any]] | tuple[dict[str, Any], ...] = (),
    indicators: dict[str, IndicatorInfo] | None = None,
    history: dict[tuple[int, int], tuple[Hist, ...]] | None = None,
    report: dict[str, Any] | None = None,
) -> AuditContext:
    base = ctx(list(rows), list(claims), lines)
    return typed(replace(base, tables=tuple(tables), indicators=indicators or {}, history=history or {}, report=report or {}))


def info(polarity: str, kind: str = "iku", name: str = "Indikator") -> IndicatorInfo:
    return IndicatorInfo(name, kind, polarity, "percent")


def claim(kind: str, text: str, *, value: float | None = None, value_from: float | None = None, value_to: float | None = None,
          line: int = 1, raw: str = "", page: int | None = 1, decimals: int | None = None) -> ClaimRow:  # fmt: skip
    return ClaimRow(kind, text, raw or text, value, value_from, value_to, page, line, decimals)


def table(
    seq: int, kind: str, line: int, end_line: int, header: str = "", page: int | None = 1, budget: tuple[int, int, int] | None = None
) -> dict[str, Any]:
    """A stored table's row; `budget`: its (ceiling, realisation, share) columns (`tables.budget_*`)."""
    ceiling, realised, share = budget or (None, None, None)
    return {
        "table_seq": seq, "kind": kind, "line": line, "end_line": end_line, "header": header, "page": page,
        "budget_ceiling_col": ceiling, "budget_realised_col": realised, "budget_share_col": share,
    }  # fmt: skip
