"""Text laid out in character columns (`pdftotext -layout`, a fixed-width print): each run of
characters becomes a word at its column, each line a row of the page, so the tables are found by
the same alignment as on a PDF page (`extract.layout.stream`) instead of by counting values.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.layout import LayoutSettings, find_grids
from extract.layout.geometry import Word
from extract.model import Line, Source
from extract.readers import TextReader, register
from extract.readers.char_grid import CHAR, LINE, Carried, page_regions, region_grid
from extract.readers.pdf_lattice import grid_items
from extract.settings import ExtractSettings
from extract.textio import RawLine, is_furniture, is_page_number, is_running, numbered_running, running_lines
from extract.values import is_value

_WIDE_GAP = re.compile(r"\S {3,}\S")
_LAYOUT = LayoutSettings()


def _words(page: list[RawLine]) -> list[Word]:
    out = []
    for k, r in enumerate(page):
        for m in re.finditer(r"\S+", r.text):
            x0 = m.start() * CHAR
            out.append(Word(x0, k * LINE, x0 + len(m.group()) * CHAR, k * LINE + LINE * 0.8, m.group()))
    return out


def _stream_page(rows: list[RawLine], index: int, path: str) -> list[Line]:
    """A page's lines by the point-based stream finder: words at their character columns."""
    words = _words(rows)
    grids = find_grids([], lambda: words, lambda box: ("", None), index, _LAYOUT, True)
    taken: set[int] = set()
    items: list[tuple[int, Line]] = []
    for k, g in enumerate(grids):
        taken |= set(range(int(g.ys[0] // LINE), int(g.ys[-1] // LINE) + 1))
        for it in grid_items(g, k):
            at = min(int(it.top // LINE), len(rows) - 1)
            src = Source(path, rows[at].line, rows[at].page)
            items.append((at, Line(tuple(it.cells), src, False, False, (), index * 1000 + k, it.spans, it.covered, True)))
    items += [(at, Line((r.text.strip(),), Source(path, r.line, r.page), r.after_break)) for at, r in enumerate(rows) if at not in taken]
    return [ln for _, ln in sorted(items, key=lambda x: x[0])]


def _char_page(rows: list[RawLine], index: int, path: str, carried: Carried | None) -> tuple[list[Line], Carried | None]:
    """A page's lines by its character columns (`char_grid`), with the table it leaves open."""
    regions, carried = page_regions(rows, carried)
    items: list[tuple[int, Line]] = []
    taken: set[int] = set()
    for k, region in enumerate(regions):
        taken |= {r.line for r in region.lines}
        for it in grid_items(region_grid(region, index), k):
            at = int(it.top // LINE)
            items.append(
                (at, Line(tuple(it.cells), Source(path, at, rows[0].page), False, False, (), index * 1000 + k, it.spans, it.covered, True))
            )
    items += [(r.line, Line((r.text.strip(),), Source(path, r.line, r.page), r.after_break)) for r in rows if r.line not in taken]
    return [ln for _, ln in sorted(items, key=lambda x: x[0])], carried


def _figures(lines: list[Line]) -> int:
    """Rows of a page's tables with two figures or more and a name of four words or more: how
    much of its tables a reading got whole (a reading that cuts names into their lines gets
    many rows of figures with a name's first line)."""
    return sum(
        1
        for ln in lines
        if ln.region is not None and sum(1 for c in ln.cells[1:] if is_value(c)) >= 2 and max(len(c.split()) for c in ln.cells) >= 4
    )


def _rows(lines: list[Line], settings: ExtractSettings) -> int:
    """How many whole rows the table layer reads from a reading: rows of measured tables with
    two values or more and a name of three words or more (a reading that cuts a name into its
    lines gives rows of a few words)."""
    from extract.model import MEASURED_KINDS
    from extract.tables import find_tables

    rows = [r for t in find_tables(lines, None, settings) if t.kind in MEASURED_KINDS for r in t.rows]
    return sum(1 for r in rows if sum(v is not None for v in (r.target, r.realisasi, r.capaian)) >= 1 and len(r.indicator.split()) >= 1)


def layout_lines(raw: list[RawLine], path: str, settings: ExtractSettings) -> list[Line]:
    """Two readings of the document: by its character columns (`char_grid`: running headers,
    footers and page numbers dropped first, so a table carried over a form feed meets its rest)
    and by the point-based stream finder; the one whose tables hold more rows of figures wins
    (per document, so a table carried over pages is read one way)."""
    running = running_lines(raw, settings.running_line_repeats)
    by_page: dict[int | None, list[RawLine]] = {}
    for r in raw:
        by_page.setdefault(r.page, []).append(r)
    numbered = numbered_running(list(by_page.values()), settings.running_line_repeats)
    chars: list[list[Line]] = []
    stream: list[list[Line]] = []
    carried: Carried | None = None
    for index, rows in enumerate(by_page.values()):
        kept = [
            r for r in rows if not (is_running(r.text, running) or is_page_number(r.text) or is_furniture(r.text) or r.line in numbered)
        ]
        page, carried = _char_page(kept, index, path, carried) if kept else ([], None)
        chars.append(page)
        stream.append(_stream_page(rows, index, path))
    best = []
    char_won = True
    for c, st in zip(chars, stream, strict=True):
        a, b = _rows(c, settings), _rows(st, settings)
        char_won = a > b or (a == b and char_won)
        best.append(c if char_won else st)
    out: list[Line] = []
    for page in best:
        for n, ln in enumerate(page):
            out.append(replace(ln, after_break=n == 0 and bool(out)))
    return out


def _sniff(raw: list[RawLine]) -> float:
    spaced = sum(1 for r in raw if _WIDE_GAP.search(r.text.strip()))
    return 0.8 if raw and spaced >= max(8, 0.05 * len(raw)) else 0.0


register(TextReader("text-layout", _sniff, layout_lines))
