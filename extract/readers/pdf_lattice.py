"""Ruled tables straight from PDFium: ruling lines from the page's path objects, cell text
from the text layer inside each cell's box. No second PDF parser: the page was already
loaded for triage, and this costs a few milliseconds per page.

Each horizontal band between two ruling lines that vertical rulings cross is a table row;
its cells are the spans between the rulings that cross *that* band, so merged cells (a
group row spanning the value columns) come out as one wide cell, as in the text exports.
"""

from __future__ import annotations

import itertools
from typing import Any

Item = tuple[float, list[str], tuple[float, float, float, float] | None]  # (top, cells, bbox), top from the page top
_TOL = 2.0  # points: rulings closer than this are one ruling (stroke widths, overlapping cell boxes)
_THIN = 3.0  # a path this thin is a line, not a box


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _TOL:
            continue
        out.append(v)
    return out


def _segments(page: Any, path_type: int) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) rulings, from lines and cell boxes."""
    hs: list[tuple[float, float, float]] = []
    vs: list[tuple[float, float, float]] = []
    for obj in page.get_objects(filter=[path_type], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if h <= _THIN and w > _THIN:
            hs.append(((bottom + top) / 2, left, right))
        elif w <= _THIN and h > _THIN:
            vs.append(((left + right) / 2, bottom, top))
        elif w > _THIN and h > _THIN:
            hs += [(bottom, left, right), (top, left, right)]
            vs += [(left, bottom, top), (right, bottom, top)]
    return hs, vs


def _text(textpage: Any, left: float, bottom: float, right: float, top: float) -> str:
    raw = textpage.get_text_bounded(left=left, bottom=bottom, right=right, top=top)
    out = ""
    for part in (p.strip() for p in raw.replace("\r", "\n").split("\n")):
        if not part:
            continue
        out = (out + part if out.endswith("-") and part[:1].islower() else f"{out} {part}") if out else part
    return out


def lattice(page: Any, textpage: Any, path_type: int) -> tuple[list[Item], list[tuple[float, float]]]:
    """Table rows of the page (top-down), and the vertical spans (top, bottom) they occupy."""
    height = page.get_height()
    hs, vs = _segments(page, path_type)
    if not hs or not vs:
        return [], []
    ys = sorted(_cluster([h[0] for h in hs]), reverse=True)
    rows: list[Item] = []
    spans: list[tuple[float, float]] = []
    for y_hi, y_lo in itertools.pairwise(ys):
        if y_hi - y_lo < 3:
            continue
        xs = _cluster([x for x, y0, y1 in vs if y0 <= y_lo + _TOL and y1 >= y_hi - _TOL])
        if len(xs) < 2:
            continue
        cells = [_text(textpage, a + 0.5, y_lo + 0.5, b - 0.5, y_hi - 0.5) for a, b in itertools.pairwise(xs)]
        top = height - y_hi
        rows.append((top, cells, (xs[0], top, xs[-1], height - y_lo)))
        if spans and abs(spans[-1][1] - top) <= _TOL:
            spans[-1] = (spans[-1][0], height - y_lo)
        else:
            spans.append((top, height - y_lo))
    return rows, spans


def prose(textpage: Any, width: float, height: float, spans: list[tuple[float, float]]) -> list[tuple[float, str]]:
    """Text lines outside the table spans, with their strip's top (from the page top)."""
    strips, edge = [], 0.0
    for top, bottom in sorted(spans):
        if top - edge > 1:
            strips.append((edge, top))
        edge = max(edge, bottom)
    if height - edge > 1:
        strips.append((edge, height))
    out: list[tuple[float, str]] = []
    for top, bottom in strips:
        raw = textpage.get_text_bounded(left=0, bottom=height - bottom, right=width, top=height - top)
        for n, line in enumerate(p.strip() for p in raw.replace("\r", "\n").split("\n")):
            if line:
                out.append((top + n * 0.01, line))  # keep the strip's order when sorting with table rows
    return out
