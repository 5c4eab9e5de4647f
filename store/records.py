"""A normalised report as plain records, one list per table — what `ingest` writes and
what the golden files hold, so the two can never drift apart."""

from __future__ import annotations

import unicodedata
from typing import Any

from extract.model import Source, Value
from normalize import NormalizedReport
from store.schema import SCHEMA_VERSION

Record = dict[str, Any]


def report_id(sha256: str) -> str:
    return sha256[:16]


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """A file name (or any text from outside) safe to store and to print: bytes that were not
    UTF-8 (surrogate-escaped by the OS layer) as `\\xNN`, control characters (newline, ESC) and
    direction overrides as escapes."""
    out = []
    for ch in text:
        n = ord(ch)
        if 0xDC80 <= n <= 0xDCFF:
            out.append(f"\\x{n - 0xDC00:02x}")
        elif 0xD800 <= n <= 0xDFFF or ch in _BIDI or (unicodedata.category(ch) == "Cc" and ch != "\t"):
            out.append(repr(ch)[1:-1] if n < 0x100 else f"\\u{n:04x}")
        else:
            out.append(ch)
    return "".join(out)


def _value(prefix: str, v: Value | None, kind: bool = True) -> Record:
    out: Record = {
        f"{prefix}_raw": v.raw if v else None,
        f"{prefix}_value": v.number if v else None,
        f"{prefix}_unit": v.unit if v else None,
    }
    if kind:
        out[f"{prefix}_kind"] = v.kind if v else None
    return out


def bbox_text(box: tuple[float, float, float, float] | None) -> str | None:
    return ",".join(f"{v:.1f}" for v in box) if box else None


def place(src: Source) -> Record:
    """The `_place` columns of store.schema."""
    return {"page": src.page, "printed_page": src.printed_page, "page_line": src.page_line, "line": src.line, "bbox": bbox_text(src.bbox)}


def typed(v: Value) -> Record:
    """A value whole, as the cell parser typed it."""
    return {
        "raw": v.raw, "kind": v.kind, "number": v.number, "unit": v.unit, "decimals": v.decimals, "ambiguous": v.ambiguous,
        "note": v.note, "confidence": v.confidence,
    }  # fmt: skip


def _cells(report: NormalizedReport, rid: str) -> list[Record]:
    """One record per typed value: the rows' own (at the row's place), their other years', the other tables' cells."""
    out: list[Record] = []
    for m in report.rows:
        r = m.row
        key = {"report_id": rid, "table_seq": r.table_seq, "row_seq": r.row_seq}
        for name, v in (("target", r.target), ("realisasi", r.realisasi), ("capaian", r.capaian)):
            if v is not None:
                out.append(key | {"field": name, "seq": 0, "year": None} | typed(v) | place(r.source))
        for n, h in enumerate(r.history):
            out.append(key | {"field": f"hist:{h.kind}", "seq": n, "year": h.year} | typed(h.value) | place(r.source))
    for c in report.evidence.cells:
        key = {"report_id": rid, "table_seq": c.table_seq, "row_seq": c.row, "field": "cell", "seq": c.col, "year": None}
        out.append(key | typed(c.value) | place(c.source))
    return out


def records(report: NormalizedReport) -> dict[str, list[Record]]:
    doc = report.document
    rid = report_id(doc.sha256)
    meta = doc.metadata
    reports = [
        {
            "report_id": rid,
            "source_path": printable(doc.path),
            "sha256": doc.sha256,
            "satker": meta.satker,
            "satker_confidence": meta.satker_confidence,
            "level": meta.level,
            "region_name": meta.name,
            "province": meta.province or (report.region.region.province if report.region.region else None),
            "region_code": report.region.region.code if report.region.region else None,
            "region_match": report.region.method,
            "year": meta.year,
            "input_kind": doc.input_kind,
            "encoding": doc.encoding,
            "pages": doc.pages,
            "n_tables": sum(1 for t in doc.tables if t.kind != "other"),
            "schema_version": SCHEMA_VERSION,
        }
    ]
    measurements: list[Record] = []
    history: list[Record] = []
    for m in report.rows:
        r, match = m.row, m.match
        notes = [
            f"{name}: {v.note}" for name, v in (("target", r.target), ("realisasi", r.realisasi), ("capaian", r.capaian)) if v and v.note
        ]
        rec: Record = {
            "report_id": rid,
            "table_kind": r.table_kind,
            "table_seq": r.table_seq,
            "row_seq": r.row_seq,
            "section": r.section,
            "activity": r.activity,
            "printed_number": r.number,
            "indicator_raw": r.indicator,
            "indicator_id": match.indicator_id,
            "match_score": match.score,
            "match_margin": match.margin,
            "match_method": match.method,
            "match_candidates": "; ".join(f"{i}:{s:g}" for i, s in match.candidates),
        }
        rec |= _value("target", r.target)
        rec |= _value("realisasi", r.realisasi)
        rec |= {"capaian_raw": r.capaian.raw if r.capaian else None, "capaian_value": r.capaian.number if r.capaian else None}
        confidences = [v.confidence for v in (r.target, r.realisasi, r.capaian) if v is not None and v.confidence is not None]
        rec |= {"value_notes": "; ".join(notes) or None, "ocr_confidence": min(confidences) if confidences else None}
        rec |= {"page": r.source.page, "line": r.source.line, "source_lines": ",".join(map(str, r.lines))}
        rec |= {"unit_label": r.unit_label, "category": r.category, "printed_page": r.source.printed_page, "page_line": r.source.page_line}
        rec["bbox"] = bbox_text(r.source.bbox)
        measurements.append(rec)
        for h in r.history:
            history.append(
                {
                    "report_id": rid,
                    "table_seq": r.table_seq,
                    "row_seq": r.row_seq,
                    "year": h.year,
                    "kind": h.kind,
                    "raw": h.value.raw,
                    "value": h.value.number,
                    "unit": h.value.unit,
                }
            )
    claims = [
        {
            "report_id": rid,
            "claim_seq": n,
            "kind": c.kind,
            "text": c.text,
            "raw": c.raw,
            "value": c.value,
            "unit": c.unit,
            "value_from": c.value_from,
            "value_to": c.value_to,
            "decimals": c.decimals,
            "label": c.label,
        }
        | place(c.source)
        for n, c in enumerate(doc.claims, start=1)
    ]
    tables = [
        {
            "report_id": rid,
            "table_seq": t.seq,
            "kind": t.kind,
            "caption": t.caption,
            "header": "\n".join(t.header),
            "roles": " | ".join(t.roles),
            "level": t.level,
            "budget_ceiling_col": t.budget[0] if t.budget else None,
            "budget_realised_col": t.budget[1] if t.budget else None,
            "budget_share_col": t.budget[2] if t.budget else None,
            "line": t.source.line,
            "end_line": t.end_line,
            "page": t.source.page,
        }
        for t in doc.tables
    ]
    lines = [{"report_id": rid, "text": "\t".join(ln.cells)} | place(ln.source) for ln in doc.lines]
    ev = report.evidence
    mentions = [
        {"report_id": rid, "seq": n, "level": m.level, "name": m.name} | place(m.source) for n, m in enumerate(ev.mentions, start=1)
    ]
    sentences = [{"report_id": rid, "seq": n, "text": s.text} | place(s.source) for n, s in enumerate(ev.sentences, start=1)]
    bands = [
        {
            "report_id": rid, "scale_seq": sc.seq, "band_seq": n, "label": b.label, "low": b.low, "low_inclusive": b.low_inclusive,
            "high": b.high, "high_inclusive": b.high_inclusive, "raw": b.raw, "malformed": b.malformed,
        } | place(b.source)
        for sc in ev.scales
        for n, b in enumerate(sc.bands, start=1)
    ]  # fmt: skip
    return {
        "reports": reports, "measurements": measurements, "history": history, "claims": claims, "tables": tables, "lines": lines,
        "cells": _cells(report, rid), "mentions": mentions, "sentences": sentences, "scale_bands": bands,
    }  # fmt: skip
