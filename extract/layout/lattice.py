"""Ruled tables: cells from the walls the rulings draw, merged cells as spans.

The column edges are every vertical ruling's position in the region, the row edges every
horizontal's; a slot between two edges is a base cell. Two neighbouring base cells are one
cell when no ruling runs along the side they share (a Sasaran cell merged down the rows it
covers, a group row or a 2-level header cell merged across). Where a producer leaves the
table's sides open, the horizontal rules' ends are its outer edges.
"""

from __future__ import annotations

from collections.abc import Callable

from extract.layout.geometry import Box, Segment, cluster, overlap
from extract.layout.grid import Grid, GridCell
from extract.layout.rulings import RuledRegion
from extract.layout.settings import LayoutSettings

TextOf = Callable[[Box], tuple[str, float | None]]


def _walls(segs: tuple[Segment, ...], edges: list[float], spans: list[float], s: LayoutSettings) -> list[list[bool]]:
    """walls[k][i]: a ruling runs along edge k over span i (between spans[i] and spans[i + 1])."""
    out = []
    for k, e in enumerate(edges):
        row = []
        for i in range(len(spans) - 1):
            a, b = spans[i], spans[i + 1]
            if k in (0, len(edges) - 1):
                row.append(True)  # the table's outline
                continue
            need = s.wall_cover * (b - a)
            row.append(any(abs(g.pos - e) <= s.snap and overlap(g.start, g.end, a, b) >= need for g in segs))
        out.append(row)
    return out


def _merge(n_rows: int, n_cols: int, vwall: list[list[bool]], hwall: list[list[bool]]) -> dict[int, list[tuple[int, int]]]:
    """Base cells joined where no wall separates them: root -> [(row, col), …]."""
    parent = list(range(n_rows * n_cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        for c in range(n_cols):
            if c + 1 < n_cols and not vwall[c + 1][r]:
                parent[find(r * n_cols + c)] = find(r * n_cols + c + 1)
            if r + 1 < n_rows and not hwall[r + 1][c]:
                parent[find(r * n_cols + c)] = find((r + 1) * n_cols + c)
    groups: dict[int, list[tuple[int, int]]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            groups.setdefault(find(r * n_cols + c), []).append((r, c))
    return groups


def lattice(region: RuledRegion, text_of: TextOf, s: LayoutSettings, page: int = -1) -> Grid | None:
    """The region's cell grid, or None when it is no table (a box, a frame: one column)."""
    if len(region.verticals) < 1:
        return None
    x0, top, x1, bottom = region.bbox
    xs = cluster([v.pos for v in region.verticals] + [x0, x1], s.snap)
    ys = cluster([h.pos for h in region.horizontals] + [top, bottom], s.snap)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < 1 or n_cols < 2:
        return None
    vwall = _walls(region.verticals, xs, ys, s)
    hwall = _walls(region.horizontals, ys, xs, s)
    cells = []
    for slots in _merge(n_rows, n_cols, vwall, hwall).values():
        r0, r1 = min(r for r, _ in slots), max(r for r, _ in slots)
        c0, c1 = min(c for _, c in slots), max(c for _, c in slots)
        box = (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1])
        text, conf = text_of((box[0] + 0.5, box[1] + 0.5, box[2] - 0.5, box[3] - 0.5))
        cells.append(GridCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1, text, box, conf))
    if sum(1 for c in cells if c.text.strip()) < 2:
        return None
    return Grid(page, tuple(xs), tuple(ys), tuple(sorted(cells, key=lambda c: (c.row, c.col))), "lattice")
