"""Everything the checks read about one report, loaded from the database once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from extract.model import Value
from extract.values import parse_value


@dataclass(frozen=True)
class MRow:
    table_kind: str
    table_seq: int
    row_seq: int
    section: str
    activity: str | None
    indicator: str
    indicator_id: str | None
    target: Value | None
    realisasi: Value | None
    capaian: Value | None
    page: int | None
    line: int
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class Hist:
    year: int | None
    kind: str
    value: Value


@dataclass(frozen=True)
class ClaimRow:
    kind: str
    text: str
    raw: str
    value: float | None
    value_from: float | None
    value_to: float | None
    page: int | None
    line: int


@dataclass(frozen=True)
class IndicatorInfo:
    name: str
    kind: str
    polarity: str
    unit_kind: str


@dataclass(frozen=True)
class AuditContext:
    report_id: str
    report: dict[str, Any]
    rows: tuple[MRow, ...]
    history: dict[tuple[int, int], tuple[Hist, ...]]
    claims: tuple[ClaimRow, ...]
    lines: dict[int, tuple[int | None, str]]
    tables: tuple[dict[str, Any], ...]
    indicators: dict[str, IndicatorInfo]

    def kind(self, *kinds: str) -> list[MRow]:
        return [r for r in self.rows if r.table_kind in kinds]

    def quote(self, line: int | None) -> str:
        return self.lines.get(line or -1, (None, ""))[1].replace("\t", " | ").strip()

    def page_of(self, line: int | None) -> int | None:
        return self.lines.get(line or -1, (None, ""))[0]


def _v(raw: str | None) -> Value | None:
    return parse_value(raw) if raw is not None else None


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, args)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def load_context(con: duckdb.DuckDBPyConnection, report_id: str) -> AuditContext:
    reports = _dicts(con, "SELECT * FROM reports WHERE report_id = ?", [report_id])
    if not reports:
        raise KeyError(report_id)
    rows = tuple(
        MRow(
            r["table_kind"],
            r["table_seq"],
            r["row_seq"],
            r["section"] or "",
            r["activity"],
            r["indicator_raw"],
            r["indicator_id"],
            _v(r["target_raw"]),
            _v(r["realisasi_raw"]),
            _v(r["capaian_raw"]),
            r["page"],
            r["line"],
            r["ocr_confidence"],
        )
        for r in _dicts(con, "SELECT * FROM measurements WHERE report_id = ? ORDER BY table_seq, row_seq", [report_id])
    )
    history: dict[tuple[int, int], list[Hist]] = {}
    for h in _dicts(con, "SELECT * FROM history WHERE report_id = ? ORDER BY table_seq, row_seq", [report_id]):
        history.setdefault((h["table_seq"], h["row_seq"]), []).append(Hist(h["year"], h["kind"], parse_value(h["raw"])))
    claims = tuple(
        ClaimRow(c["kind"], c["text"], c["raw"], c["value"], c["value_from"], c["value_to"], c["page"], c["line"])
        for c in _dicts(con, "SELECT * FROM claims WHERE report_id = ? ORDER BY claim_seq", [report_id])
    )
    lines = {r[0]: (r[1], r[2]) for r in con.execute("SELECT line, page, text FROM lines WHERE report_id = ?", [report_id]).fetchall()}
    tables = tuple(_dicts(con, "SELECT * FROM tables WHERE report_id = ? ORDER BY table_seq", [report_id]))
    indicators = {
        r[0]: IndicatorInfo(r[1], r[2], r[3], r[4])
        for r in con.execute("SELECT indicator_id, name, kind, polarity, unit_kind FROM indicators").fetchall()
    }
    return AuditContext(report_id, reports[0], rows, {k: tuple(v) for k, v in history.items()}, claims, lines, tables, indicators)
