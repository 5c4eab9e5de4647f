"""`lakip inspect`'s layer (extract/inspect.py): the tables as the reader saw them, and page images
with the table, its rows and its cells drawn in their column's colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MUARO_JAMBI

import extract
from corpus.tools.render_pdf import render
from extract.inspect import COLOURS, inspect


@pytest.fixture(scope="module")
def ruled(tmp_path_factory: pytest.TempPathFactory) -> extract.Document:
    pdf = render(MUARO_JAMBI, tmp_path_factory.mktemp("inspect") / "mj_ruled.pdf")
    return extract.read_document(pdf)


def test_text_names_each_column_role_and_row(ruled: extract.Document) -> None:
    got = inspect(ruled).text
    pengukuran = next(t for t in ruled.tables if t.kind == "pengukuran")
    block = got.split(f"Table {pengukuran.seq} [pengukuran]")[1].split("\n\nTable ")[0]
    # every column with its role, in order, and every row with its printed values
    for k, role in enumerate(pengukuran.roles, start=1):
        assert f"col {k:2d}  {role}" in block
    assert f"{len(pengukuran.rows)} rows" in block
    first = pengukuran.rows[0]
    assert f"| {first.target.raw if first.target else '-'} | {first.realisasi.raw if first.realisasi else '-'} |" in block


def test_page_filter_keeps_only_tables_on_that_page(ruled: extract.Document) -> None:
    last = max(r.source.page or 0 for t in ruled.tables for r in t.rows)
    got = inspect(ruled, {last}).text
    shown = [t for t in ruled.tables if f"Table {t.seq} [" in got]
    assert shown and len(shown) < len(ruled.tables)
    assert all(any(ln.source.page == last for ln in ruled.lines if t.source.line <= ln.source.line <= t.end_line) for t in shown)
    assert "no table found on page [999]" in inspect(ruled, {999}).text


def test_image_draws_cells_in_their_roles_colour(ruled: extract.Document, tmp_path: Path) -> None:
    import cv2
    import numpy as np

    pengukuran = next(t for t in ruled.tables if t.kind == "pengukuran")
    page = pengukuran.rows[0].source.page
    assert page is not None
    images = inspect(ruled, {page}, tmp_path).images
    assert [p.name for p in images] == [f"mj_ruled-p{page:03d}.png"]
    img = cv2.imread(str(images[0]))
    # the capaian and target columns' cell outlines are on the page in their colours (the
    # rendered PDF itself is black on white)
    for role in ("target", "capaian"):
        colour = np.array(COLOURS[role], dtype=np.int16)
        close = np.abs(img.astype(np.int16) - colour).sum(axis=2) < 40
        assert close.sum() > 200, role


def test_text_export_gets_no_image(tmp_path: Path) -> None:
    doc = extract.read_document(MUARO_JAMBI)
    got = inspect(doc, None, tmp_path)
    assert got.images == ()
    assert "Table 1 [" in got.text


def test_cli_inspect_prints_tables_and_writes_images(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from lakip.cli import app

    pdf = render(MUARO_JAMBI, tmp_path / "mj.pdf")
    done = CliRunner().invoke(app, ["inspect", str(pdf), "--out", str(tmp_path / "img")])
    assert done.exit_code == 0, done.output
    assert "[pengukuran]" in done.output and "col  1" in done.output
    assert sorted(tmp_path.joinpath("img").glob("mj-p*.png"))
    cover = CliRunner().invoke(app, ["inspect", str(pdf), "--page", "1", "--out", str(tmp_path / "cover")])
    assert "no table found on page [1]" in cover.output
    missing = CliRunner().invoke(app, ["inspect", str(tmp_path / "nope.pdf")])
    assert missing.exit_code == 2 and "nope.pdf" in missing.output
