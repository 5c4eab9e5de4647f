"""Where the tables of a page are and what their cells are, from what the page draws (words and
rulings), the same for born-digital pages and scans: ruled grids from the rulings (`lattice`),
grids from word alignment where the rulings make no columns or there are none (`stream`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from extract.layout.geometry import Box, Segment, Word, inside
from extract.layout.grid import Grid
from extract.layout.lattice import lattice
from extract.layout.rulings import RuledRegion, join, regions
from extract.layout.settings import LayoutSettings
from extract.layout.stream import find_tables, header_above, split_bands, stream_grid

__all__ = ["Grid", "LayoutSettings", "find_grids"]


def find_grids(
    segments: list[Segment],
    words: Callable[[], list[Word]],
    text_of: Callable[[Box], tuple[str, float | None]],
    page: int,
    s: LayoutSettings,
    unruled: bool,
    scanned: bool = False,
) -> list[Grid]:
    """The page's tables, top-down. `words` is called only when alignment is needed; `unruled`
    says whether to look for tables without any rules (a page that names table columns)."""
    grids: list[Grid] = []
    for region in regions(join(segments, s), s):
        g = lattice(region, text_of, s, page)
        if _few_columns(g, region) or (scanned and g is not None and len(region.horizontals) >= 3):
            # horizontal rules and few verticals (or, on a scan, verticals that may be broken into
            # dots): the words say where the columns are; the reading that puts more figures in
            # cells of their own wins
            bands = _bands(region)
            aligned = stream_grid(words(), region.bbox, bands, page, s) if bands else None
            if aligned is not None and (g is None or _aligned_better(aligned, g, scanned)):
                g = aligned
        if g is not None and g.method == "lattice":
            g = header_above(split_bands(g, words, s), words, s)
        elif g is not None and g.method == "hrules":
            # rules over the header and the body's ends only: the body is one band of many rows
            # (`r16_disnak` Tabel 2 p. 14, booktabs)
            g = split_bands(g, words, s)
        if g is not None:
            grids.append(g)
    if unruled:
        taken = [g.bbox for g in grids]
        loose = [w for w in words() if not any(inside(w, b) for b in taken)]
        for box in find_tables(loose, s):
            g = stream_grid(loose, box, None, page, s)
            if g is not None and g.n_cols >= 3:
                grids.append(g)
    return sorted(_without_overlaps(grids), key=lambda g: g.ys[0])


def _area(b: Box) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _without_overlaps(grids: list[Grid]) -> list[Grid]:
    """A grid read from horizontal rules or alignment over most of a ruled grid's area is a
    second reading of the same table (the running header's rule stacked with the table's,
    `r14_bkpd` p. 30): its lines would interleave with the ruled grid's, so the ruled one stays."""
    ruled = [g.bbox for g in grids if g.method == "lattice"]

    def shared(a: Box, b: Box) -> float:
        inter = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
        return _area(inter) / max(1e-9, min(_area(a), _area(b)))

    kept = [g for g in grids if g.method == "lattice" or not any(shared(g.bbox, r) > 0.5 for r in ruled)]
    return [g for g in kept if g.method == "lattice" or not any(_better(h, g) and shared(g.bbox, h.bbox) > 0.5 for h in kept)]


def _better(h: Grid, g: Grid) -> bool:
    """Of two readings of one table without a ruled grid, the one placing more figures in cells:
    the rules of a turned page's frame and shaded bands make a grid of a few tall bands around
    the table's own (`r22_disperkim` Tabel III.2 pp. 40-42), whose lines would interleave with it."""
    return h is not g and h.method != "lattice" and (_figures(h), len(h.ys)) > (_figures(g), len(g.ys))


_FIGURE = re.compile(r"^(?:Rp\.?\s*)?[\d.,]+\s*(?:%|[A-Za-z/]+)?$|^(?:AA|A|BB|B|CC|C|D|WTP|WDP|TW|TMP)$")


def _figures(g: Grid) -> int:
    """Cells holding one figure each."""
    return sum(1 for c in g.cells if c.colspan == 1 and _FIGURE.match(" ".join(c.text.split())))


def _aligned_better(aligned: Grid, g: Grid, scanned: bool) -> bool:
    """The aligned reading of a ruled region wins where it puts more figures in cells of their
    own, or finds columns the rulings missed. A scan's lattice of four columns or more found its
    walls (dashed ones too) and loses only to clearly more figures: two figures stacked in a cell
    whose dotted rule was lost count as two in the aligned reading, whose columns a ragged OCR
    edge splits (`r03_dpsda` p. 27)."""
    if scanned and g.n_cols >= 4:
        return _figures(aligned) > 1.2 * _figures(g)
    return _figures(aligned) > _figures(g) or aligned.n_cols >= g.n_cols + 2


def _few_columns(g: Grid | None, region: RuledRegion) -> bool:
    return len(region.horizontals) >= 3 and (g is None or g.n_cols <= 2)


def _bands(region: RuledRegion) -> list[tuple[float, float]]:
    ys = sorted({round(h.pos, 1) for h in region.horizontals})
    return [(a, b) for a, b in itertools.pairwise(ys) if b - a > 3]
