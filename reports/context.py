"""Everything the checks read about one report, loaded from the database once: the values as
the reader typed them (table `cells`), never parsed again from their stored text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from extract.model import Band, Mention, Scale, Sentence, Source, TableCell, Value
from store import StaleReport
from store.schema import SCHEMA_VERSION

Box = tuple[float, float, float, float]


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
    printed_page: str | None = None
    page_line: int | None = None
    bbox: Box | None = None
    category: str | None = None  # the row's Kategori / Predikat as printed


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
    decimals: int | None = None
    printed_page: str | None = None
    page_line: int | None = None
    bbox: Box | None = None
    label: str | None = None  # category: the category the sentence gives the figure; spelled: the words


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
    cells: tuple[TableCell, ...] = ()  # of the tables that are not performance tables
    mentions: tuple[Mention, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    places: dict[int, Source] = field(default_factory=dict)  # each line's place on its page
    scales: tuple[Scale, ...] = ()  # the report's own scales for rating capaian

    def kind(self, *kinds: str) -> list[MRow]:
        return [r for r in self.rows if r.table_kind in kinds]

    @staticmethod
    def budget_columns(table: dict[str, Any]) -> tuple[int, int, int] | None:
        """A stored table's (ceiling, realisation, share) columns (`tables.budget_*`), or None."""
        cols = (table.get("budget_ceiling_col"), table.get("budget_realised_col"), table.get("budget_share_col"))
        return None if cols[0] is None or cols[1] is None or cols[2] is None else (cols[0], cols[1], cols[2])

    def table_rows(self, table_seq: int) -> list[dict[int, TableCell]]:
        """A table's stored cells, body line by body line, each by its column."""
        lines: dict[int, dict[int, TableCell]] = {}
        for c in self.cells:
            if c.table_seq == table_seq:
                lines.setdefault(c.row, {})[c.col] = c
        return [cells for _, cells in sorted(lines.items())]

    def quote(self, line: int | None) -> str:
        return self.lines.get(line or -1, (None, ""))[1].replace("\t", " | ").strip()

    def page_of(self, line: int | None) -> int | None:
        return self.lines.get(line or -1, (None, ""))[0]

    def cite(self, line: int | None) -> str:
        """The place of a line the way the printout cites a finding (reports.codes.cite)."""
        from reports.codes import PAGED, cite

        src = self.places.get(line or -1)
        paged = self.report.get("input_kind") in PAGED
        if src is None:
            return cite(self.page_of(line), None, None, line, paged)
        return cite(src.page, src.printed_page, src.page_line, src.line, paged)


def _box(text: str | None) -> Box | None:
    """The store's own `x0,top,x1,bottom` (store.records.bbox_text) back as numbers."""
    if not text:
        return None
    x0, top, x1, bottom = (float(p) for p in text.split(","))
    return (x0, top, x1, bottom)


def _value(c: dict[str, Any]) -> Value:
    return Value(c["raw"], c["kind"], c["number"], c["unit"], c["decimals"], bool(c["ambiguous"]), c["note"], c["confidence"])


def _source(path: str, r: dict[str, Any]) -> Source:
    return Source(path, r["line"], r["page"], _box(r["bbox"]), r["printed_page"], r["page_line"])


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, args)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def _stale(report: dict[str, Any]) -> None:
    version = report.get("schema_version") or 0
    if version < SCHEMA_VERSION:
        raise StaleReport(
            str(report["source_path"]),
            f"stored by an older lakip (layout {version or 'unversioned'}, the audit reads {SCHEMA_VERSION}): no typed cells stored",
            "ingest the file again into the same --db (`lakip ingest FILE --db DB`): a report stored so is read again",
        )  # fmt: skip


def _typed(
    con: duckdb.DuckDBPyConnection, report_id: str, path: str
) -> tuple[dict[tuple[int, int, str], Value], dict[tuple[int, int], tuple[Hist, ...]], tuple[TableCell, ...]]:
    """The stored cells: each performance row's own values, its other years', the other tables' cells."""
    own: dict[tuple[int, int, str], Value] = {}
    history: dict[tuple[int, int], list[Hist]] = {}
    cells: list[TableCell] = []
    for c in _dicts(con, "SELECT * FROM cells WHERE report_id = ? ORDER BY table_seq, row_seq, seq, field", [report_id]):
        key, v = (c["table_seq"], c["row_seq"]), _value(c)
        if c["field"] == "cell":
            cells.append(TableCell(c["table_seq"], c["row_seq"], c["seq"], v, _source(path, c)))
        elif c["field"].startswith("hist:"):
            history.setdefault(key, []).append(Hist(c["year"], c["field"].removeprefix("hist:"), v))
        else:
            own[(*key, c["field"])] = v
    return own, {k: tuple(h) for k, h in history.items()}, tuple(cells)


def _row(r: dict[str, Any], own: dict[tuple[int, int, str], Value]) -> MRow:
    key = (r["table_seq"], r["row_seq"])
    return MRow(
        r["table_kind"], r["table_seq"], r["row_seq"], r["section"] or "", r["activity"], r["indicator_raw"], r["indicator_id"],
        own.get((*key, "target")), own.get((*key, "realisasi")), own.get((*key, "capaian")), r["page"], r["line"],
        r["ocr_confidence"], r["printed_page"], r["page_line"], _box(r["bbox"]), r["category"],
    )  # fmt: skip


def _claim(c: dict[str, Any]) -> ClaimRow:
    return ClaimRow(
        c["kind"], c["text"], c["raw"], c["value"], c["value_from"], c["value_to"], c["page"], c["line"], c["decimals"],
        c["printed_page"], c["page_line"], _box(c["bbox"]), c["label"],
    )  # fmt: skip


def load_context(con: duckdb.DuckDBPyConnection, report_id: str) -> AuditContext:
    reports = _dicts(con, "SELECT * FROM reports WHERE report_id = ?", [report_id])
    if not reports:
        raise KeyError(report_id)
    _stale(reports[0])
    path = str(reports[0]["source_path"])
    own, history, cells = _typed(con, report_id, path)
    measured = _dicts(con, "SELECT * FROM measurements WHERE report_id = ? ORDER BY table_seq, row_seq", [report_id])
    rows = tuple(_row(r, own) for r in measured)
    claims = tuple(_claim(c) for c in _dicts(con, "SELECT * FROM claims WHERE report_id = ? ORDER BY claim_seq", [report_id]))
    stored_lines = _dicts(con, "SELECT * FROM lines WHERE report_id = ? ORDER BY line", [report_id])
    lines = {r["line"]: (r["page"], r["text"]) for r in stored_lines}
    places = {r["line"]: _source(path, r) for r in stored_lines}
    tables = tuple(_dicts(con, "SELECT * FROM tables WHERE report_id = ? ORDER BY table_seq", [report_id]))
    indicators = {
        r[0]: IndicatorInfo(r[1], r[2], r[3], r[4])
        for r in con.execute("SELECT indicator_id, name, kind, polarity, unit_kind FROM indicators").fetchall()
    }
    mentions = tuple(
        Mention(m["level"], m["name"], _source(path, m))
        for m in _dicts(con, "SELECT * FROM mentions WHERE report_id = ? ORDER BY seq", [report_id])
    )
    sentences = tuple(
        Sentence(t["text"], _source(path, t)) for t in _dicts(con, "SELECT * FROM sentences WHERE report_id = ? ORDER BY seq", [report_id])
    )
    scales = _scales(con, report_id, path)
    return AuditContext(report_id, reports[0], rows, history, claims, lines, tables, indicators, cells, mentions, sentences, places, scales)


def _scales(con: duckdb.DuckDBPyConnection, report_id: str, path: str) -> tuple[Scale, ...]:
    bands: dict[int, list[Band]] = {}
    for b in _dicts(con, "SELECT * FROM scale_bands WHERE report_id = ? ORDER BY scale_seq, band_seq", [report_id]):
        bands.setdefault(b["scale_seq"], []).append(
            Band(b["label"], b["low"], b["low_inclusive"], b["high"], b["high_inclusive"], b["raw"], _source(path, b), b["malformed"])
        )
    return tuple(Scale(seq, tuple(bs)) for seq, bs in bands.items())
