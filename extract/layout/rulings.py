"""Ruling segments: joined where a producer draws one line in pieces (Word draws each cell
border as its own thin rectangle), and grouped into the tables they outline.

Producers draw rulings as stroked lines, as thin filled rectangles, as the edges of cell
boxes and shading, or (scans) as dark runs in the image; by here they are all `Segment`s.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.layout.geometry import Box, Segment
from extract.layout.settings import LayoutSettings


def join(segments: list[Segment], s: LayoutSettings) -> list[Segment]:
    """Collinear segments (same position within `s.snap`) that touch or overlap become one."""
    out: list[Segment] = []
    for horizontal in (True, False):
        group = sorted((g for g in segments if g.horizontal == horizontal), key=lambda g: (g.pos, g.start))
        rows: list[list[Segment]] = []
        for g in group:
            if rows and g.pos - rows[-1][0].pos <= s.snap:
                rows[-1].append(g)
            else:
                rows.append([g])
        for row in rows:
            pos = sum(g.pos for g in row) / len(row)
            cur: Segment | None = None
            for g in sorted(row, key=lambda g: g.start):
                if cur is not None and g.start <= cur.end + s.join_gap:
                    cur = Segment(horizontal, pos, cur.start, max(cur.end, g.end))
                    continue
                if cur is not None:
                    out.append(cur)
                cur = Segment(horizontal, pos, g.start, g.end)
            if cur is not None:
                out.append(cur)
    return [g for g in out if g.length >= s.min_ruling]


def touches(h: Segment, v: Segment, tol: float) -> bool:
    return h.start - tol <= v.pos <= h.end + tol and v.start - tol <= h.pos <= v.end + tol


@dataclass(frozen=True)
class RuledRegion:
    """Segments that touch one another: the outline of one table (or a box, a chart, a frame)."""

    horizontals: tuple[Segment, ...]
    verticals: tuple[Segment, ...]

    @property
    def bbox(self) -> Box:
        hs, vs = self.horizontals, self.verticals
        x0 = min([h.start for h in hs] + [v.pos for v in vs])
        x1 = max([h.end for h in hs] + [v.pos for v in vs])
        top = min([h.pos for h in hs] + [v.start for v in vs])
        bottom = max([h.pos for h in hs] + [v.end for v in vs])
        return x0, top, x1, bottom


def _same_span(a: Segment, b: Segment, s: LayoutSettings) -> bool:
    return abs(a.start - b.start) <= s.rule_span_tol and abs(a.end - b.end) <= s.rule_span_tol


def _stack_lone_rules(rules: list[Segment], s: LayoutSettings, union: Callable[[int, int], None]) -> None:
    """Horizontal rules touching no vertical (sorted top-down), each against the dozen above it:
    a table's rules stack, pieces and all (a row's rule may come in pieces, broken under a cell
    merged down: overlap is enough). But rules of different widths whose homes (see `_homes`)
    lie one wholly above the other outline two tables, however they overlap: `r16_disnak` p. 17,
    Tabel 4 (rules at 120-519 pt) over Tabel 5 (85-574 pt, with a short rule under its `PAGU
    ANGGARAN`), prose between them."""
    home = _homes(rules, s)
    for b in range(1, len(rules)):
        for a in range(max(0, b - 12), b):
            ha, hb = rules[a], rules[b]
            shared = min(ha.end, hb.end) - max(ha.start, hb.start)
            same_span = _same_span(ha, hb, s)
            above, under = home[a], home[b]
            apart = above is not None and under is not None and above[1] < under[0]
            if (same_span or (shared >= 0.5 * min(ha.length, hb.length) and not apart)) and hb.pos - ha.pos <= s.max_rule_gap:
                union(a, b)


def _homes(rules: list[Segment], s: LayoutSettings) -> list[tuple[float, float] | None]:
    """Per rule, the vertical range (first and last rule) of the stack of rules of one width it
    stands in: its own width's when it has a twin, else the stack whose range holds it (a short
    rule under a header cell spanning some columns); None when it stands in none."""
    stacks: list[tuple[float, float]] = []
    for r in rules:
        twins = [g.pos for g in rules if _same_span(r, g, s)]
        if len(twins) >= 2 and (min(twins), max(twins)) not in stacks:
            stacks.append((min(twins), max(twins)))
    out: list[tuple[float, float] | None] = []
    for r in rules:
        twins = [g.pos for g in rules if _same_span(r, g, s)]
        if len(twins) >= 2:
            out.append((min(twins), max(twins)))
        else:
            out.append(next((st for st in stacks if st[0] < r.pos < st[1]), None))
    return out


def regions(segments: list[Segment], s: LayoutSettings) -> list[RuledRegion]:
    """Connected groups of rulings, top-down. Horizontal rules that touch no vertical are grouped
    when they stack over the same x-range (tables ruled with horizontal lines only, booktabs)."""
    hs = [g for g in segments if g.horizontal]
    vs = [g for g in segments if not g.horizontal]
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if touches(h, v, s.snap):
                parent[find(i)] = find(len(hs) + j)
    lone = sorted((i for i in range(len(hs)) if not any(find(i) == find(len(hs) + j) for j in range(len(vs)))), key=lambda i: hs[i].pos)
    _stack_lone_rules([hs[i] for i in lone], s, lambda a, b: parent.__setitem__(find(lone[a]), find(lone[b])))
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    out = [RuledRegion(tuple(h), tuple(v)) for h, v in groups.values() if h]
    return sorted(out, key=lambda r: r.bbox[1])
