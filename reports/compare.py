"""Comparison across kabupaten: exports of the comparison views and an HTML page with one
chart per indicator (inline SVG: no scripts, prints as it shows)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import duckdb
import pandas as pd

VIEWS = ("comparison", "findings_summary")
FORMATS = ("csv", "parquet", "xlsx")


def frame(con: duckdb.DuckDBPyConnection, view: str) -> pd.DataFrame:
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r}; one of {', '.join(VIEWS)}")
    return con.execute(f"SELECT * FROM {view} ORDER BY ALL").df()


def export(con: duckdb.DuckDBPyConnection, out: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    """Write every comparison view in every format asked for; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for view in VIEWS:
        df = frame(con, view)
        for fmt in formats:
            path = out / f"{view}.{fmt}"
            if fmt == "csv":
                df.to_csv(path, index=False)
            elif fmt == "parquet":
                con.execute(f"COPY (SELECT * FROM {view} ORDER BY ALL) TO '{path.as_posix()}' (FORMAT parquet)")
            elif fmt == "xlsx":
                df.to_excel(path, index=False, sheet_name=view)
            else:
                raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
            written.append(path)
    return written


def _bars(rows: pd.DataFrame) -> str:
    """Horizontal bars: capaian per satker, with the target/realisasi printed beside them."""
    height = 22 * len(rows) + 10
    top = max(100.0, float(rows["capaian_value"].max()))
    out = [f"<svg width='960' height='{height}' role='img' xmlns='http://www.w3.org/2000/svg'>"]
    for i, r in enumerate(rows.itertuples()):
        y = 5 + 22 * i
        cap = float(r.capaian_value)  # type: ignore[arg-type]
        w = 330 * cap / top
        colour = "#2e7d32" if cap >= 100 else "#f9a825" if cap >= 90 else "#c62828"
        label = escape(f"{r.satker} {r.year}")
        detail = escape(f"{r.capaian_raw}  (target {r.target_raw}, realisasi {r.realisasi_raw})")
        out.append(f"<text x='0' y='{y + 14}' font-size='11'>{label}</text>")
        out.append(f"<rect x='230' y='{y}' width='{w:.1f}' height='16' fill='{colour}'/>")
        out.append(f"<text x='{236 + w:.1f}' y='{y + 13}' font-size='10'>{detail}</text>")
    x100 = 230 + 330 * 100 / top
    out.append(f"<line x1='{x100:.1f}' x2='{x100:.1f}' y1='0' y2='{height}' stroke='#555' stroke-dasharray='3,3'/></svg>")
    return "".join(out)


def compare_html(con: duckdb.DuckDBPyConnection) -> str:
    df = frame(con, "comparison")
    summary = frame(con, "findings_summary")
    parts = [
        "<!doctype html><html lang='id'><head><meta charset='utf-8'><title>Perbandingan capaian IKU antarsatker</title>",
        "<style>body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10pt;max-width:980px;margin:auto}"
        "h2{font-size:11pt;margin-top:18px}table{border-collapse:collapse}td,th{border:1px solid #aaa;padding:2px 6px}"
        "</style></head><body>",
        "<h1>Perbandingan capaian indikator antarsatker</h1>",
        f"<p>{df['satker'].nunique()} satker, {df['indicator_id'].nunique()} indikator.</p>",
        "<h2>Temuan audit per satker</h2><table><tr><th>Satker</th><th>Tahun</th><th>Galat</th><th>Peringatan</th><th>Info</th></tr>",
    ]
    for r in summary.itertuples():
        parts.append(
            f"<tr><td>{escape(str(r.satker))}</td><td>{r.year}</td><td>{r.errors}</td><td>{r.warnings}</td><td>{r.infos}</td></tr>"
        )
    parts.append("</table>")
    for (ind, name), rows in df.groupby(["indicator_id", "indicator_name"], sort=True):
        rows = rows[rows["capaian_value"].notna()].sort_values(["capaian_value", "satker"])
        parts.append(f"<h2>{escape(str(ind))} — {escape(str(name))}</h2>")
        parts.append(_bars(rows) if len(rows) else "<p>Tidak ada capaian numerik.</p>")
    parts.append("</body></html>")
    return "\n".join(parts)
