"""Text laid out in character columns (`pdftotext -layout`, a fixed-width print): each run of
characters becomes a word at its column, each line a row of the page, so the tables are found by
the same alignment as on a PDF page (`extract.layout.stream`) instead of by counting values.
"""

from __future__ import annotations

import re

from extract.layout import LayoutSettings, find_grids
from extract.layout.geometry import Word
from extract.model import Line, Source
from extract.readers import TextReader, register
from extract.readers.pdf_lattice import grid_items
from extract.settings import ExtractSettings
from extract.textio import RawLine

_CHAR, _LINE = 5.0, 12.0  # points per character column and per line: any fixed pitch will do
_RUN = re.compile(r"\S+(?: \S+)*")
_WIDE_GAP = re.compile(r"\S {3,}\S")
_LAYOUT = LayoutSettings()


def _words(page: list[RawLine]) -> list[Word]:
    out = []
    for k, r in enumerate(page):
        for m in re.finditer(r"\S+", r.text):
            x0 = m.start() * _CHAR
            out.append(Word(x0, k * _LINE, x0 + len(m.group()) * _CHAR, k * _LINE + _LINE * 0.8, m.group()))
    return out


def layout_lines(raw: list[RawLine], path: str, settings: ExtractSettings) -> list[Line]:
    """Per page: the tables the columns show as grid rows, the other lines as prose."""
    pages: dict[int | None, list[RawLine]] = {}
    for r in raw:
        pages.setdefault(r.page, []).append(r)
    out: list[Line] = []
    for index, (page, rows) in enumerate(pages.items()):
        words = _words(rows)

        def page_words(w: list[Word] = words) -> list[Word]:
            return w

        grids = find_grids([], page_words, lambda box: ("", None), index, _LAYOUT, True)
        taken: set[int] = set()
        items: list[tuple[int, Line]] = []
        for k, g in enumerate(grids):
            first, last = int(g.ys[0] // _LINE), int(g.ys[-1] // _LINE)
            taken |= set(range(first, last + 1))
            for it in grid_items(g, k):
                at = min(int(it.top // _LINE), len(rows) - 1)
                src = Source(path, rows[at].line, page)
                items.append((at, Line(tuple(it.cells), src, False, False, (), index * 1000 + k, it.spans, it.covered, True)))
        for at, r in enumerate(rows):
            if at not in taken:
                items.append((at, Line((r.text.strip(),), Source(path, r.line, page), r.after_break)))
        items.sort(key=lambda x: x[0])
        first_on_page = True
        for _, ln in items:
            out.append(
                Line(
                    ln.cells, ln.source, first_on_page and bool(out), ln.continues, ln.confidence, ln.region, ln.spans, ln.covered, ln.whole
                )
            )
            first_on_page = False
    return out


def _sniff(raw: list[RawLine]) -> float:
    spaced = sum(1 for r in raw if _WIDE_GAP.search(r.text.strip()))
    return 0.8 if raw and spaced >= max(8, 0.05 * len(raw)) else 0.0


register(TextReader("text-layout", _sniff, layout_lines))
