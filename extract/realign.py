"""A table's rows carried onto the next page in a grid narrower than the table's: its cells put
back under the table's columns by where they stand on the page.

A grid's columns that hold no text are left out of its rows (`extract.readers.pdf_lattice`). On a
continuation page the cells merged down from the previous page (No, Sasaran) are empty there, so
the page's grid is narrower than the table and its cells, counted from the left, would fall under
the wrong columns (`r26_inspektorat` Tabel 3.3 p. 8: the indicator under `Sasaran`, targets under
`Indikator`). The table's own rows say where each column stands; a narrower row whose every cell
falls inside one of them, left to right, is widened, the columns it lacks taken as merged down.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from extract.layout.geometry import Box
from extract.model import Line

__all__ = ["realigned"]


def columns(rows: list[Line], width: int) -> list[tuple[float, float]] | None:
    """Each column's x-range from the rows of `width` cells that start one there, one column
    wide; None when a column has no such cell."""
    found: list[list[Box]] = [[] for _ in range(width)]
    for ln in rows:
        if len(ln.cells) != width or len(ln.boxes) != width:
            continue
        for c, box in enumerate(ln.boxes):
            if box is not None and (not ln.spans or ln.spans[c] == 1):
                found[c].append(box)
    if any(not boxes for boxes in found):
        return None
    return [(statistics.median(b[0] for b in boxes), statistics.median(b[2] for b in boxes)) for boxes in found]


def realigned(line: Line, ranges: list[tuple[float, float]], across: bool = True) -> Line | None:
    """The line under the table's columns, or None when its cells' places are unknown: a cell
    with a box over no column or over columns another cell took, or a cell without a box (the
    lower part of a merged cell, or a cell's continuation to the right) that holds text. A cell
    goes under the columns it covers most of (one across several stays across them); columns
    no cell of the line covers are merged down from the row above (or the previous page).
    `across=False` refuses a cell across columns: on a narrower grid that is prose in a frame
    (the analysis paragraph going on in one cell, `r24_disparbud` p. 5), not a table's row."""
    if len(line.boxes) != len(line.cells):
        return None
    width = len(ranges)
    cells: list[str] = [""] * width
    boxes: list[Box | None] = [None] * width
    spans = [1] * width
    covered = [True] * width
    conf: list[float | None] = [None] * width
    edge = -1  # the last column taken
    for k, box in enumerate(line.boxes):
        if box is None:
            if line.cells[k].strip():
                return None
            continue
        under = _under(box, ranges)
        if not under or under[0] <= edge or (len(under) > 1 and not across):
            return None
        c, edge = under[0], under[-1]
        cells[c], boxes[c], spans[c] = line.cells[k], box, len(under)
        for d in under:
            covered[d] = bool(line.covered) and line.covered[k]
        for d in under[1:]:
            spans[d] = 0
        conf[c] = line.confidence[k] if line.confidence else None
    return replace(
        line,
        cells=tuple(cells),
        boxes=tuple(boxes),
        spans=tuple(spans) if any(n != 1 for n in spans) else (),
        covered=tuple(covered),
        confidence=tuple(conf) if line.confidence else (),
    )


def _under(box: Box, ranges: list[tuple[float, float]]) -> list[int]:
    """The columns a cell's box covers: half a column's width or more of it, or, for a cell
    narrower than its column, most of the cell's own width; [] when they are not side by side."""
    out = []
    for k, (x0, x1) in enumerate(ranges):
        shared = min(box[2], x1) - max(box[0], x0)
        if shared >= 0.5 * (x1 - x0) or shared >= 0.8 * (box[2] - box[0]):
            out.append(k)
    return out if out and out == list(range(out[0], out[-1] + 1)) else []
