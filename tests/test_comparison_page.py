"""The comparison page an analyst uses, checked in headless Chromium on 30 synthetic reports and
the two seeds: values sorted, labels whole, a legend, target beside realisasi, disputed capaian
marked with the audit's figure, filters by province / indicator / year, and a table of the same
rows. The screenshots land in out/test-artifacts/."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import duckdb
import pytest
from conftest import DOCS, ROOT
from PIL import Image, ImageStat

from corpus.tools import synth
from lakip.pipeline import ingest_paths
from lakip.workers import WorkSettings
from reports.compare import compare_html
from reports.render import dump_dom, screenshot

ARTIFACTS = ROOT / "out" / "test-artifacts"
ROW = re.compile(r"<tr ([^>]*data-row[^>]*)>(.*?)</tr>", re.S)


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[Path, duckdb.DuckDBPyConnection]:  # type: ignore[no-untyped-def]
    base = tmp_path_factory.mktemp("national")
    synth.generate(base / "synth", 30)
    db = base / "n.duckdb"
    ingest_paths([base / "synth", DOCS], db, settings=WorkSettings(workers=2, timeout_s=120, memory_mb=1024))
    con = duckdb.connect(str(db), read_only=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    html = ARTIFACTS / "comparison.html"
    html.write_text(compare_html(con), encoding="utf-8")
    return html, con


def _rows(dom: str, where: str) -> list[tuple[dict[str, str], str]]:
    part = dom.split(f'id="{where}"', 1)[1]
    part = part.split('id="table-view"', 1)[0] if where == "chart-view" else part
    out = []
    for attrs, body in ROW.findall(part):
        d = dict(re.findall(r'([\w-]+)="([^"]*)"', attrs))
        d["hidden"] = "hidden" if re.search(r"(^|\s)hidden(=|\s|$)", attrs) else ""
        out.append(({k: unescape(v) for k, v in d.items()}, body))
    return out


def test_corpus_is_national(page) -> None:  # type: ignore[no-untyped-def]
    _, con = page
    assert con.execute("SELECT count(DISTINCT report_id), count(DISTINCT province) FROM comparison").fetchone() >= (30, 10)  # type: ignore[operator]


def test_page_in_the_browser_sorted_whole_labels_legend(page) -> None:  # type: ignore[no-untyped-def]
    html, con = page
    dom = dump_dom(html)
    assert 'data-clipped="0"' in dom  # the browser laid out every satker name without cutting it
    assert 'class="legend"' in dom and "capaian dipersoalkan audit" in dom
    rows = _rows(dom, "chart-view")
    by_indicator: dict[str, list[float]] = {}
    for attrs, body in rows:
        if "data-capaian" in attrs:
            by_indicator.setdefault(attrs["data-indicator"], []).append(float(attrs["data-capaian"]))
        assert " / " in body  # realisasi / target beside the bar
    assert max(len(v) for v in by_indicator.values()) >= 15  # half the reports are each seed's shape
    for ind, values in by_indicator.items():
        assert values == sorted(values, reverse=True), ind
    longest = con.execute("SELECT satker FROM comparison ORDER BY length(satker) DESC LIMIT 1").fetchone()[0]  # type: ignore[index]
    assert f"{longest} " in dom
    png = screenshot(html, ARTIFACTS / "comparison.png", width=1280, height=1600)
    with Image.open(png) as im:
        assert max(ImageStat.Stat(im.convert("L")).stddev) > 20


def test_disputed_capaian_is_marked_with_the_recomputed_figure(page) -> None:  # type: ignore[no-untyped-def]
    html, con = page
    disputed = con.execute(
        "SELECT satker, indicator_id, capaian_recomputed FROM comparison WHERE capaian_disputed LIKE '%capaian-mismatch%'"
    ).fetchall()
    assert disputed
    dom = dump_dom(html)
    rows = _rows(dom, "chart-view")
    for satker, ind, recomputed in disputed:
        (body,) = [b for a, b in rows if a["data-indicator"] == ind and f">{satker} " in b]
        assert "disputed" in body and f"hitung ulang {recomputed}%" in body


def test_filters_and_table_view(page) -> None:  # type: ignore[no-untyped-def]
    html, con = page
    total = con.execute("SELECT count(*) FROM comparison").fetchone()[0]  # type: ignore[index]
    table = _rows(dump_dom(html, "view=table"), "table-view")
    assert len(table) == total and not any(a["hidden"] for a, _ in table)
    province, n = con.execute(
        "SELECT province, count(*) FROM comparison WHERE year = 2024 AND indicator_id = 'IKU-01' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1"
    ).fetchone()  # type: ignore[misc]
    dom = dump_dom(html, f"province={province}&indicator=IKU-01&year=2024&view=table")
    assert f'data-shown="{n}"' in dom
    shown = [a for a, _ in _rows(dom, "table-view") if not a["hidden"]]
    assert len(shown) == n and all(a["data-province"] == province and a["data-indicator"] == "IKU-01" for a in shown)
    charts = dump_dom(html, f"province={province}")
    visible = [a for a, _ in _rows(charts, "chart-view") if not a["hidden"]]
    assert visible and all(a["data-province"] == province for a in visible)
    screenshot(html, ARTIFACTS / "comparison_filtered.png", width=1280, height=1000, fragment=f"province={province}&view=table")
