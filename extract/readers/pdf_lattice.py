"""Ruled tables from ruling lines: the geometry shared by born-digital PDFs (rulings from the
page's path objects, cell text from the text layer) and scans (rulings found in the image,
cell text from OCR word boxes).

Each horizontal band between two ruling lines that vertical rulings cross is a table row;
its cells are the spans between the rulings that cross *that* band, so merged cells (a
group row spanning the value columns) come out as one wide cell, as in the text exports.
All coordinates here are points from the page's top-left.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, NamedTuple

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


class Item(NamedTuple):
    """One line of a page for the assembler: its top, cells, box, and OCR confidence per cell."""

    top: float
    cells: list[str]
    bbox: Box | None = None
    confidence: tuple[float | None, ...] = ()


Segment = tuple[float, float, float]  # horizontal: (y, x0, x1); vertical: (x, top, bottom)
_TOL = 2.0  # points: rulings closer than this are one ruling (stroke widths, overlapping cell boxes)
_THIN = 3.0  # a path this thin is a line, not a box


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _TOL:
            continue
        out.append(v)
    return out


def pdf_segments(page: Any, path_type: int) -> tuple[list[Segment], list[Segment]]:
    """Horizontal and vertical rulings of a PDF page, from lines and cell boxes."""
    height = page.get_height()
    hs: list[Segment] = []
    vs: list[Segment] = []
    for obj in page.get_objects(filter=[path_type], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        top, bottom = height - top, height - bottom
        w, h = right - left, bottom - top
        if h <= _THIN and w > _THIN:
            hs.append(((bottom + top) / 2, left, right))
        elif w <= _THIN and h > _THIN:
            vs.append(((left + right) / 2, top, bottom))
        elif w > _THIN and h > _THIN:
            hs += [(top, left, right), (bottom, left, right)]
            vs += [(left, top, bottom), (right, top, bottom)]
    return hs, vs


def grid(
    hs: list[Segment], vs: list[Segment], text: Callable[[Box], tuple[str, float | None]]
) -> tuple[list[Item], list[tuple[float, float]]]:
    """Table rows (top-down) with each cell's text and confidence from `text(box)`, and the
    vertical spans (top, bottom) the tables occupy."""
    if not hs or not vs:
        return [], []
    ys = _cluster([h[0] for h in hs])
    rows: list[Item] = []
    spans: list[tuple[float, float]] = []
    for top, bottom in itertools.pairwise(ys):
        if bottom - top < 3:
            continue
        xs = _cluster([x for x, y0, y1 in vs if y0 <= top + _TOL and y1 >= bottom - _TOL])
        if len(xs) < 2:
            continue
        cells = [text((a + 0.5, top + 0.5, b - 0.5, bottom - 0.5)) for a, b in itertools.pairwise(xs)]
        confidence = tuple(c for _, c in cells) if any(c is not None for _, c in cells) else ()
        rows.append(Item(top, [t for t, _ in cells], (xs[0], top, xs[-1], bottom), confidence))
        if spans and abs(spans[-1][1] - top) <= _TOL:
            spans[-1] = (spans[-1][0], bottom)
        else:
            spans.append((top, bottom))
    return rows, spans


def pdf_text(textpage: Any, height: float) -> Callable[[Box], tuple[str, float | None]]:
    """Cell text from the PDF text layer inside a box (top-down points); no confidence."""

    def text(box: Box) -> tuple[str, float | None]:
        x0, top, x1, bottom = box
        raw = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
        out = ""
        for part in (p.strip() for p in raw.replace("\r", "\n").split("\n")):
            if not part:
                continue
            out = join_wrapped(out, part)
        return out, None

    return text


def join_wrapped(text: str, part: str) -> str:
    """Append the next visual line of a cell: a hyphen at a line end joins the word halves."""
    if not text:
        return part
    return text + part if text.endswith("-") and part[:1].islower() else f"{text} {part}"


def lattice(page: Any, textpage: Any, path_type: int) -> tuple[list[Item], list[tuple[float, float]]]:
    """Table rows of a born-digital page (top-down), and the vertical spans they occupy."""
    hs, vs = pdf_segments(page, path_type)
    return grid(hs, vs, pdf_text(textpage, page.get_height()))


def outside(spans: list[tuple[float, float]], height: float) -> list[tuple[float, float]]:
    """The horizontal strips (top, bottom) of a page not covered by table spans."""
    strips, edge = [], 0.0
    for top, bottom in sorted(spans):
        if top - edge > 1:
            strips.append((edge, top))
        edge = max(edge, bottom)
    if height - edge > 1:
        strips.append((edge, height))
    return strips


def prose(textpage: Any, width: float, height: float, spans: list[tuple[float, float]]) -> list[tuple[float, str]]:
    """Text lines outside the table spans, with their strip's top (from the page top)."""
    out: list[tuple[float, str]] = []
    for top, bottom in outside(spans, height):
        raw = textpage.get_text_bounded(left=0, bottom=height - bottom, right=width, top=height - top)
        for n, line in enumerate(p.strip() for p in raw.replace("\r", "\n").split("\n")):
            if line:
                out.append((top + n * 0.01, line))  # keep the strip's order when sorting with table rows
    return out
