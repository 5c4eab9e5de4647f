"""The inspector's printout of one report's audit: text, JSON or HTML (A4, Bahasa Indonesia).

Report text is untrusted (it comes from the PDF/text of a satker): every piece of it is
escaped before it reaches HTML.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from html import escape
from importlib.resources import files
from typing import Any

import duckdb

from reports.codes import CODES, PAGED, cite
from reports.model import SEVERITY_ORDER, Finding

SEVERITY_ID = {"error": "Kesalahan", "warning": "Peringatan", "info": "Info"}
WIB = timezone(timedelta(hours=7), "WIB")  # the inspectors' time (no daylight saving)
QUOTE_TEXT, QUOTE_HTML = 400, 600  # characters of a quote shown
KIND_ID = {"pengukuran": "Pengukuran Kinerja", "multi_year": "Tabel kegiatan (multi-tahun)", "kegiatan": "Tabel kegiatan"}


@dataclass(frozen=True)
class Printout:
    report: dict[str, Any]
    findings: list[dict[str, Any]]
    rows: list[dict[str, Any]]  # measured rows shown in the printout

    @property
    def counts(self) -> Counter[str]:
        return Counter(f["severity"] for f in self.findings)


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, args)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def load_printout(con: duckdb.DuckDBPyConnection, report_id: str, findings_now: Sequence[Finding] | None = None) -> Printout:
    """The printout of a stored report: its stored findings, or `findings_now` (an audit run
    without storing it)."""
    report = _dicts(con, "SELECT * FROM reports WHERE report_id = ?", [report_id])[0]
    if findings_now is None:
        findings = _dicts(con, "SELECT * FROM findings WHERE report_id = ?", [report_id])
    else:
        findings = [f.record(report_id) for f in findings_now]
    findings.sort(key=lambda f: (SEVERITY_ORDER[f["severity"]], f["line"] or 0))
    paged = report.get("input_kind") in PAGED
    findings = [f | {"where": cite(f["page"], f.get("printed_page"), f.get("page_line"), f["line"], paged)} for f in findings]
    flagged = {(f["table_seq"], f["row_seq"]) for f in findings if f["table_seq"] is not None}
    rows = [
        r
        for r in _dicts(con, "SELECT * FROM measurements WHERE report_id = ? ORDER BY table_seq, row_seq", [report_id])
        if r["table_kind"] == "pengukuran" or (r["table_seq"], r["row_seq"]) in flagged
    ]
    return Printout(report, findings, rows)


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with "…" when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:") + "…"


def stamp(now: datetime | None = None) -> str:
    """When a printout was made, in WIB."""
    return (now or datetime.now(WIB)).astimezone(WIB).strftime("%d-%m-%Y %H:%M WIB")


def _where(f: dict[str, Any]) -> str:
    return str(f["where"])


def to_json(p: Printout) -> str:
    return json.dumps({"report": p.report, "counts": dict(p.counts), "findings": p.findings}, ensure_ascii=False, indent=1, default=str)


def to_text(p: Printout) -> str:
    r = p.report
    out = [
        f"AUDIT KONSISTENSI LAPORAN KINERJA — {r['satker'] or '(satker tidak terbaca)'} TAHUN {r['year'] or '?'}",
        f"Berkas: {r['source_path']} (sha256 {r['sha256'][:16]}…)",
        "Ringkasan: " + ", ".join(f"{SEVERITY_ID[s]} {p.counts.get(s, 0)}" for s in SEVERITY_ID),
        "",
    ]
    for n, f in enumerate(p.findings, start=1):
        code = CODES[f["check_id"]]
        out.append(f"{n}. [{SEVERITY_ID[f['severity']]}] {code.title} ({f['check_id']}) — {_where(f)}")
        out.append(f"   {f['message']}")
        out.append(f"   Kutipan: “{clip(f['evidence'], QUOTE_TEXT)}”")
    if not p.findings:
        out.append("Tidak ada temuan.")
    return "\n".join(out) + "\n"


_CSS = (files("reports") / "printout.css").read_text(encoding="utf-8")


def to_html(p: Printout) -> str:
    r = p.report
    e = escape
    parts = [
        "<!doctype html><html lang='id'><head><meta charset='utf-8'>",
        f"<title>Audit {e(r['satker'] or '')} {e(str(r['year'] or ''))}</title><style>{_CSS}</style></head><body>",
        f"<h1>Audit Konsistensi Laporan Kinerja<br>{e(r['satker'] or '(satker tidak terbaca)')} Tahun {e(str(r['year'] or '?'))}</h1>",
        f"<div class='meta'>Berkas: <code>{e(r['source_path'])}</code><br>sha256 <code>{e(r['sha256'])}</code></div>",
        "<div class='counts'>"
        + "".join(f"<span class='{s}'>{SEVERITY_ID[s]}: {p.counts.get(s, 0)}</span>" for s in SEVERITY_ID)
        + "</div>",
        "<h2>Temuan</h2>",
    ]
    if p.findings:
        parts.append("<ol class='findings'>")
        for f in p.findings:
            code = CODES[f["check_id"]]
            parts.append(
                f"<li><span class='sev {f['severity']}'>{SEVERITY_ID[f['severity']]}</span> <b>{e(code.title)}</b>"
                f" <span class='loc'>({e(f['check_id'])}; {e(_where(f))})</span><br>{e(f['message'])}"
                f"<blockquote>{e(clip(f['evidence'], QUOTE_HTML))}</blockquote></li>"
            )
        parts.append("</ol>")
    else:
        parts.append("<p>Tidak ada temuan.</p>")
    parts.append(_rows_html(p))
    parts.append(
        f"<div class='foot'>Dibuat oleh lakip pada {stamp()}. Sel bertanda merah adalah sel yang dipersoalkan temuan.</div></body></html>"
    )
    return "\n".join(parts)


def _rows_html(p: Printout) -> str:
    marks: dict[tuple[int, int], set[str]] = {}
    for f in p.findings:
        if f["table_seq"] is not None and f["cells"]:
            marks.setdefault((f["table_seq"], f["row_seq"]), set()).update(f["cells"].split(","))
    out = []
    for kind in ("pengukuran", "multi_year", "kegiatan"):
        rows = [r for r in p.rows if r["table_kind"] == kind]
        if not rows:
            continue
        # the header repeats on every printed page (thead); No counts the rows shown, the report's
        # own numbering (one No per Sasaran, or none) being neither unique nor always there
        out.append(
            f"<h2>{KIND_ID[kind]}</h2><table><thead><tr><th>No</th><th>Indikator</th><th>Target</th><th>Realisasi</th>"
            "<th>Capaian</th><th>Baris</th></tr></thead><tbody>"
        )
        for n, r in enumerate(rows, start=1):
            m = marks.get((r["table_seq"], r["row_seq"]), set())
            cells = "".join(
                f"<td class='num{' mark' if c in m else ''}'>{escape(r[c + '_raw'] or '')}</td>" for c in ("target", "realisasi", "capaian")
            )
            out.append(f"<tr><td>{n}</td><td>{escape(r['indicator_raw'])}</td>{cells}<td>{r['line']}</td></tr>")
        out.append("</tbody></table>")
    return "\n".join(out)
