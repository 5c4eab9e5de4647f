"""The seeds' rows drawn by Chromium in layouts real producers use (corpus/tools/layouts.py) come
back from the PDF reader: rules full, horizontal only or none; Sasaran merged down or as group
rows; 1- and 2-level headers; Satuan and Kategori columns."""

from __future__ import annotations

import shutil

import pytest

import extract
from corpus.tools.layouts import Layout, document_html, render, seed_rows

LAYOUTS = {
    "full-merged-2level": Layout("full", True, "merged", True, True, True, 40, 9.0, False),
    "horizontal-grouprows": Layout("horizontal", True, "rows", False, False, False, 30, 10.0, False),
    "norules-landscape": Layout("none", True, "none", False, True, False, 50, 9.0, True),
}


@pytest.mark.skipif(shutil.which("chromium") is None and shutil.which("chromium-browser") is None, reason="needs chromium (make browser)")
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_random_layouts_read_back(name, tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = seed_rows()
    pdf = render(document_html(rows, LAYOUTS[name]), tmp_path / f"{name}.pdf", "chromium")
    got = {(r.indicator, r.target.raw if r.target else None, r.realisasi.raw if r.realisasi else None, r.capaian.raw if r.capaian else None)
           for r in extract.read_document(pdf).rows("pengukuran")}  # fmt: skip
    want = [(r.indicator, r.target, r.realisasi, r.capaian) for r in rows]
    assert sum(1 for w in want if w in got) >= len(want) - 1, sorted(set(want) - got)
