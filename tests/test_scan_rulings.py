"""Rulings found in scanned page images (extract/readers/ocr_rulings.py, ocr._uninvert): the
rules drawn from `r03_dpsda` p. 27, a 100 dpi 1-bit copier scan rendered at 300 dpi: dashed row
rules and walls, a black header bar joined to the grid, letters touching a wall, stacked stems."""

from __future__ import annotations

import numpy as np
import pytest

cv2 = pytest.importorskip("cv2")

from extract.readers import ocr, ocr_rulings  # noqa: E402
from extract.settings import ExtractSettings  # noqa: E402

DPI = 300.0
SETTINGS = ExtractSettings()


def _page() -> np.ndarray:
    return np.full((1200, 1600), 255, np.uint8)


def _dashed(img: np.ndarray, y: int, x0: int, x1: int, dash: int = 20, gap: int = 40) -> None:
    for x in range(x0, x1, dash + gap):
        img[y : y + 3, x : min(x1, x + dash)] = 0


def _frame(img: np.ndarray, top: int = 100, bottom: int = 1000, xs: tuple[int, ...] = (100, 500, 900, 1300)) -> None:
    img[top : top + 3, xs[0] : xs[-1] + 3] = 0
    img[bottom : bottom + 3, xs[0] : xs[-1] + 3] = 0
    for x in xs:
        img[top : bottom + 3, x : x + 3] = 0


def _rows(mask: np.ndarray) -> set[int]:
    """The y of each horizontal ruling in a mask, to the nearest 10 px."""
    n, _l, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return {round((int(stats[k, 1]) + int(stats[k, 3]) // 2) / 10) * 10 for k in range(1, n) if stats[k, 2] > 200}


def test_a_dashed_row_rule_between_walls_is_a_ruling() -> None:
    img = _page()
    _frame(img)
    _dashed(img, 550, 103, 1300)
    hl, _vl = ocr_rulings.find(img, DPI, SETTINGS)
    assert 550 in _rows(hl)


def test_dashes_with_gaps_of_a_third_of_an_inch_are_still_one_rule() -> None:
    img = _page()
    _frame(img)
    _dashed(img, 550, 103, 700)
    _dashed(img, 550, 795, 1300)  # one gap of 0.3 inch, as on r03 p. 27
    hl, _vl = ocr_rulings.find(img, DPI, SETTINGS)
    assert 550 in _rows(hl)


def test_a_dashed_run_ending_in_no_wall_is_not_a_ruling() -> None:
    img = _page()
    _frame(img)
    _dashed(img, 550, 600, 800)  # inside one cell, away from both walls
    hl, _vl = ocr_rulings.find(img, DPI, SETTINGS)
    assert 550 not in _rows(hl)


def test_a_text_line_of_flat_letter_tops_is_not_a_ruling() -> None:
    img = _page()
    _frame(img)
    for x in range(110, 1290, 24):  # `o`s set as text: flat tops at one height, bodies below
        img[550:580, x : x + 20] = 0
        img[556:574, x + 5 : x + 15] = 255
    hl, _vl = ocr_rulings.find(img, DPI, SETTINGS)
    assert 550 not in _rows(hl)


def test_a_dashed_wall_continuing_a_solid_column_edge_is_a_ruling() -> None:
    img = _page()
    img[100:103, 100:1303] = 0
    img[1000:1003, 100:1303] = 0
    img[550:553, 100:1303] = 0
    for x in (100, 1300):
        img[100:1003, x : x + 3] = 0
    img[100:553, 700:703] = 0  # the column edge, solid in the upper row
    for y in range(553, 1000, 60):  # and dashed in the lower one
        img[y : y + 20, 700:703] = 0
    _hl, vl = ocr_rulings.find(img, DPI, SETTINGS)
    assert vl[600:990, 698:705].any(axis=1).mean() > 0.9


def test_stacked_stems_of_wrapped_lines_are_not_a_wall() -> None:
    img = _page()
    _frame(img)
    for y in (300, 345, 390):  # `I`, `P`, `K` starting three wrapped lines, touching
        img[y : y + 46, 530:534] = 0
    _hl, vl = ocr_rulings.find(img, DPI, SETTINGS)
    assert not vl[300:436, 526:538].any()


def test_a_letter_touching_a_wall_does_not_take_the_wall_away() -> None:
    img = _page()
    _frame(img)
    img[300:340, 503:510] = 0  # a `P`'s stem against the wall at x=500
    _hl, vl = ocr_rulings.find(img, DPI, SETTINGS)
    assert vl[110:990, 499:504].any(axis=1).mean() > 0.95


def test_a_black_header_bar_joined_to_the_grid_is_inverted() -> None:
    img = _page()
    _frame(img)
    img[100:250, 100:1303] = 0  # the header cells printed white on black
    img[160:190, 300:330] = 255  # a white letter in it
    _, dark = cv2.threshold(img, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    out = ocr._uninvert(img, dark, DPI)
    assert out[200, 700] == 255 and out[170, 315] == 0  # paper white again, the letter dark
    assert out[100:104, 700].min() == 0 and out[246:251, 700].min() == 0  # its outline kept as rules
    _hl, vl = ocr_rulings.find(out, DPI, SETTINGS)
    assert vl[300:990, 899:904].any(axis=1).mean() > 0.95  # the walls below it are walls


def test_a_row_rule_solid_under_the_first_columns_and_dashed_after_is_one_ruling() -> None:
    img = _page()
    _frame(img)
    img[550:553, 100:700] = 0  # solid up to the middle of a cell
    _dashed(img, 550, 720, 1300)  # dashed from there to the right wall
    hl, _vl = ocr_rulings.find(img, DPI, SETTINGS)
    assert hl[547:556, 720:1290].any(axis=0).mean() > 0.9
