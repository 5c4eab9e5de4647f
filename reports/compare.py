"""Comparison across kabupaten: exports of the comparison views and the page an analyst reads —
one chart per indicator (capaian sorted, full satker names, target beside realisasi, capaian the
audit disputes marked with its recomputed figure), filters by province / indicator / year, and a
table view of the same rows. Report text is untrusted: it is escaped in HTML and neutralised in
CSV/XLSX (a cell never becomes a formula); SQL takes no value but as a parameter."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from extract.errors import LakipError
from reports.cells import neutralize
from reports.printout import SEVERITY_ID, stamp
from store.sql import ident

VIEWS = ("comparison", "findings_summary")
FORMATS = ("csv", "parquet", "xlsx")
SCALE_MAX = 200.0  # capaian beyond this are drawn at the edge (the figure is printed)


class ExportError(LakipError):
    """An export that cannot be written."""


def frame(con: duckdb.DuckDBPyConnection, view: str) -> pd.DataFrame:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    return con.execute(f"SELECT * FROM {ident(view)} ORDER BY ALL").df()


def export(con: duckdb.DuckDBPyConnection, out: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Write every comparison view in every format asked for; return the files written."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ExportError(f"--formats {','.join(formats)}", f"unknown format {unknown[0]!r}", f"use {', '.join(FORMATS)}")
    try:
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for view in VIEWS:
            df = frame(con, view)
            for fmt in formats:
                path = out / f"{view}.{fmt}"
                if fmt == "csv":
                    _text_safe(df).to_csv(path, index=False)
                elif fmt == "parquet":
                    con.sql(f"SELECT * FROM {ident(view)} ORDER BY ALL").write_parquet(str(path))
                else:
                    _xlsx(df, path, view)
                written.append(path)
        return written
    except OSError as e:
        raise ExportError(str(e.filename or out), f"cannot write it: {e.strerror or e}", "give --out a folder you may write") from e


def _text_safe(df: pd.DataFrame) -> pd.DataFrame:
    """String cells a spreadsheet would run as a formula get a leading `'`."""
    safe = df.copy()
    for col in safe.columns:
        if safe[col].dtype == object or pd.api.types.is_string_dtype(safe[col]):
            safe[col] = safe[col].map(lambda v: neutralize(v) if isinstance(v, str) else v)
    return safe


def _xlsx(df: pd.DataFrame, path: Path, sheet: str) -> None:
    """Every string is a text cell (never a formula), kept exactly as printed."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet
    ws.append([str(c) for c in df.columns])
    for n, row in enumerate(df.itertuples(index=False), start=2):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(row=n, column=col, value=None if pd.isna(value) else _plain(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"
    wb.save(path)


def _plain(value: Any) -> Any:
    """numpy/pandas scalars as the Python values openpyxl writes."""
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


# ---- the page ----

_CSS = """
body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10pt;margin:16px auto;max-width:1200px;color:#111;padding:0 12px}
h1{font-size:15pt;margin:0 0 4px} h2{font-size:11pt;margin:18px 0 4px} .sub{color:#555;margin:0 0 10px}
.filters{display:flex;flex-wrap:wrap;gap:10px 18px;align-items:center;padding:8px 10px;background:#f3f4f6;border-radius:4px}
.filters label{font-weight:bold} .filters select{font-size:10pt;max-width:28em}
.views button{font-size:10pt;padding:3px 10px;border:1px solid #888;background:#fff;cursor:pointer}
.views button[aria-pressed=true]{background:#1f4e79;color:#fff}
.legend{display:flex;flex-wrap:wrap;gap:6px 16px;margin:8px 0 4px;font-size:9pt;color:#333}
.legend span{display:inline-flex;align-items:center;gap:5px} .sw{display:inline-block;width:22px;height:11px}
.good{background:#2e7d32} .near{background:#f9a825} .low{background:#c62828}
.disputed{background-image:repeating-linear-gradient(45deg,rgba(255,255,255,.75) 0 3px,transparent 3px 7px);outline:1.5px solid #111}
.rule{display:inline-block;width:0;height:13px;border-left:2px dashed #444}
table{border-collapse:collapse} table.chart{width:100%;margin-top:2px}
.chart td{padding:2px 6px;vertical-align:middle;border-bottom:1px solid #eee}
.chart td.label{white-space:nowrap;font-size:9pt} .chart td.track{position:relative;width:45%;min-width:260px;padding:0}
.chart .axis td{border-bottom:1px solid #999;font-size:8pt;color:#555;height:14px}
.chart .tick{position:absolute;bottom:1px;transform:translateX(-50%)}
.bar{display:block;height:13px;margin:2px 0} .x100{position:absolute;top:0;bottom:0;border-left:2px dashed #444;pointer-events:none}
.chart td.vals{white-space:nowrap;font-size:9pt;color:#222} .vals b{font-weight:bold}
.flag{color:#8a1010;font-weight:bold} .none{color:#666;font-size:9pt;margin:2px 0 0}
table.data{width:100%;font-size:9pt} .data th,.data td{border:1px solid #aaa;padding:2px 5px;text-align:left}
.data th{background:#eee;position:sticky;top:0} .data td.num{text-align:right;white-space:nowrap}
.summary td,.summary th{border:1px solid #aaa;padding:2px 6px}
[hidden]{display:none!important}
@media print{.filters,.views{display:none}}
"""

# The data is in the DOM (data-* attributes, escaped); the script only shows and hides rows.
_JS = """
(function () {
  var keys = ['province', 'indicator', 'year'], all = keys.concat(['view']), state = {view: 'charts'};
  function byId(id) { return document.getElementById(id); }
  function read() {
    var q = new URLSearchParams(location.hash.slice(1));
    all.forEach(function (k) { if (q.get(k)) state[k] = q.get(k); });
  }
  function write() {
    var q = new URLSearchParams();
    all.forEach(function (k) { if (state[k]) q.set(k, state[k]); });
    history.replaceState(null, '', '#' + q.toString());
  }
  function apply() {
    var shown = 0, clipped = 0;
    document.querySelectorAll('tr[data-row]').forEach(function (r) {
      var ok = keys.every(function (k) { return !state[k] || r.dataset[k] === state[k]; });
      r.hidden = !ok;
      if (ok && r.closest('#table-view')) shown++;
    });
    document.querySelectorAll('section.indicator').forEach(function (s) {
      s.hidden = !s.querySelector('tr[data-row]:not([hidden])');
    });
    byId('chart-view').hidden = state.view === 'table';
    byId('table-view').hidden = state.view !== 'table';
    document.querySelectorAll('.views button').forEach(function (b) {
      b.setAttribute('aria-pressed', b.dataset.view === state.view);
    });
    keys.forEach(function (k) { byId('f-' + k).value = state[k] || ''; });
    byId('shown').textContent = shown;
    document.querySelectorAll('td.label').forEach(function (e) {
      if (e.offsetParent && e.scrollWidth > e.clientWidth + 1) clipped++;
    });
    document.body.dataset.clipped = clipped;
    document.body.dataset.shown = shown;
  }
  read();
  keys.forEach(function (k) {
    byId('f-' + k).addEventListener('change', function (e) { state[k] = e.target.value; write(); apply(); });
  });
  document.querySelectorAll('.views button').forEach(function (b) {
    b.addEventListener('click', function () { state.view = b.dataset.view; write(); apply(); });
  });
  window.addEventListener('hashchange', function () {
    keys.forEach(function (k) { state[k] = ''; });
    state.view = 'charts';
    read();
    apply();
  });
  apply();
})();
"""


def _a(v: object) -> str:
    """An attribute value."""
    return escape("" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v), quote=True)


def _t(v: object) -> str:
    """Text."""
    return escape("" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v))


def _level(cap: float) -> str:
    return "good" if cap >= 100 else "near" if cap >= 90 else "low"


def _row_attrs(r: Any) -> str:
    return f"data-row data-province='{_a(r.province or '(tanpa provinsi)')}' data-indicator='{_a(r.indicator_id)}' data-year='{_a(r.year)}'"


def _pct(x: float, top: float) -> float:
    return max(0.0, min(x, top)) / top * 100


def _chart(rows: pd.DataFrame) -> str:
    """One indicator: a bar per satker-year, highest capaian first; the target and realisasi as
    printed beside it; a disputed capaian hatched, with the audit's recomputed figure."""
    numeric = rows[rows["capaian_value"].notna()].sort_values(["capaian_value", "satker"], ascending=[False, True])
    others = rows[rows["capaian_value"].isna()]
    highest = float(numeric["capaian_value"].max()) if len(numeric) else 100.0
    top = min(SCALE_MAX, max(110.0, highest * 1.05))  # room past 100% for the line and its label
    ticks = [t for t in (0.0, 25.0, 50.0, 75.0, 100.0, 150.0, 200.0) if t <= top]
    axis = "".join(f"<span class='tick' style='left:{_pct(t, top):.2f}%'>{t:g}%</span>" for t in ticks)
    out = [
        "<table class='chart'><thead><tr class='axis'><td class='label'>Satker · tahun</td>",
        f"<td class='track'>{axis}</td><td class='vals'>capaian · realisasi / target</td></tr></thead><tbody>",
    ]
    for r in numeric.itertuples():
        cap = float(r.capaian_value)  # type: ignore[arg-type]
        disputed = isinstance(r.capaian_disputed, str) and bool(r.capaian_disputed)
        cls = _level(cap) + (" disputed" if disputed else "")
        flag = ""
        if disputed:
            again = f"hitung ulang {_t(r.capaian_recomputed)}%" if isinstance(r.capaian_recomputed, str) else "dipersoalkan audit"
            flag = f" <span class='flag' title='{_a(r.capaian_disputed)}'>⚠ {again}</span>"
        out.append(
            f"<tr {_row_attrs(r)} data-capaian='{cap:g}'><td class='label'>{_t(r.satker)} {_t(r.year)}</td>"
            f"<td class='track'><span class='bar {cls}' style='width:{_pct(cap, top):.2f}%'></span>"
            f"<span class='x100' style='left:{_pct(100, top):.2f}%'></span></td>"
            f"<td class='vals'><b>{_t(r.capaian_raw)}</b>{flag} · {_t(r.realisasi_raw)} / {_t(r.target_raw)}</td></tr>"
        )
    for r in others.itertuples():
        out.append(
            f"<tr {_row_attrs(r)}><td class='label'>{_t(r.satker)} {_t(r.year)}</td><td class='track'></td>"
            f"<td class='vals'>capaian {_t(r.capaian_raw) or '—'} (bukan angka) · {_t(r.realisasi_raw)} / {_t(r.target_raw)}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _options(name: str, label: str, values: list[tuple[str, str]]) -> str:
    opts = "".join(f"<option value='{_a(v)}'>{_t(text)}</option>" for v, text in values)
    return f"<span><label for='f-{name}'>{label}</label> <select id='f-{name}'><option value=''>(semua)</option>{opts}</select></span>"


def _filters(df: pd.DataFrame) -> str:
    provinces = sorted({str(p) if isinstance(p, str) else "(tanpa provinsi)" for p in df["province"]})
    indicators = sorted({(str(i), f"{i} — {n}") for i, n in zip(df["indicator_id"], df["indicator_name"], strict=True)})
    years = sorted({str(y) for y in df["year"] if not pd.isna(y)})
    return (
        "<div class='filters'>"
        + _options("province", "Provinsi", [(p, p) for p in provinces])
        + _options("indicator", "Indikator", indicators)
        + _options("year", "Tahun", [(y, y) for y in years])
        + "<span class='views'><button type='button' data-view='charts' aria-pressed='true'>Grafik</button>"
        "<button type='button' data-view='table' aria-pressed='false'>Tabel</button></span>"
        "<span><b id='shown'></b> baris tampil</span></div>"
    )


_LEGEND = (
    "<div class='legend'><span><i class='sw good'></i>capaian ≥ 100%</span><span><i class='sw near'></i>90% – &lt; 100%</span>"
    "<span><i class='sw low'></i>&lt; 90%</span><span><i class='sw good disputed'></i>capaian dipersoalkan audit "
    "(⚠ dengan angka hitung ulangnya)</span><span><i class='rule'></i>100%</span>"
    "<span>angka di kanan: capaian tertulis · realisasi / target, seperti tertulis di laporan</span></div>"
)


def _table(df: pd.DataFrame) -> str:
    heads = ("Satker", "Provinsi", "Tahun", "Indikator", "Target", "Realisasi", "Capaian", "Hitung ulang audit", "Halaman / baris")
    out = ["<table class='data'><thead><tr>", *(f"<th>{h}</th>" for h in heads), "</tr></thead><tbody>"]
    ordered = df.sort_values(["indicator_id", "capaian_value", "satker"], ascending=[True, False, True], na_position="last")
    for r in ordered.itertuples():
        again = ""
        if isinstance(r.capaian_disputed, str) and r.capaian_disputed:
            again = f"⚠ {_t(r.capaian_recomputed)}" if isinstance(r.capaian_recomputed, str) else f"⚠ {_t(r.capaian_disputed)}"
        where = f"{_t(r.page) or '-'} / {_t(r.line)}"
        out.append(
            f"<tr {_row_attrs(r)}><td>{_t(r.satker)}</td><td>{_t(r.province)}</td><td>{_t(r.year)}</td>"
            f"<td>{_t(r.indicator_id)} {_t(r.indicator_name)}</td><td class='num'>{_t(r.target_raw)}</td>"
            f"<td class='num'>{_t(r.realisasi_raw)}</td><td class='num'>{_t(r.capaian_raw)}</td>"
            f"<td class='num flag'>{again}</td><td class='num'>{where}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def _summary(summary: pd.DataFrame) -> str:
    heads = "".join(f"<th>{h}</th>" for h in ("Satker", "Tahun", *SEVERITY_ID.values()))
    rows = "".join(
        f"<tr><td>{_t(r.satker)}</td><td>{_t(r.year)}</td><td>{r.errors}</td><td>{r.warnings}</td><td>{r.infos}</td></tr>"
        for r in summary.itertuples()
    )
    return f"<h2>Temuan audit per satker</h2><table class='summary'><tr>{heads}</tr>{rows}</table>"


def compare_html(con: duckdb.DuckDBPyConnection) -> str:
    df = frame(con, "comparison")
    summary = frame(con, "findings_summary")
    parts = [
        "<!doctype html><html lang='id'><head><meta charset='utf-8'><title>Perbandingan capaian indikator antarsatker</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Perbandingan capaian indikator antarsatker</h1>",
        f"<p class='sub'>{df['satker'].nunique()} satker, {df['report_id'].nunique()} laporan, {df['indicator_id'].nunique()} indikator"
        f" · dibuat oleh lakip pada {stamp()}</p>",
        _filters(df),
        _LEGEND,
        "<div id='chart-view'>",
    ]
    for (ind, name), rows in df.groupby(["indicator_id", "indicator_name"], sort=True):
        numeric = int(rows["capaian_value"].notna().sum())
        parts.append(f"<section class='indicator' data-indicator='{_a(ind)}'><h2>{_t(ind)} — {_t(name)}</h2>")
        if not numeric:
            parts.append("<p class='none'>Tidak ada capaian numerik.</p>")
        parts.append(_chart(rows) + "</section>")
    parts += ["</div><div id='table-view' hidden>", _table(df), "</div>", _summary(summary), f"<script>{_JS}</script></body></html>"]
    return "\n".join(parts)
