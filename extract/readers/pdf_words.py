"""Tables without ruling lines, from the positions of the words (PDFium character boxes).

A performance table's header line names its columns ("No  Indikator Kinerja  Target
Realisasi  Capaian"); each header cell's left edge starts a column. A body line belongs to
the table while every word starts inside a column and ends before the next column's edge;
the first line that runs across an edge (a paragraph), or a larger vertical gap, ends it.
Visual lines are grouped into rows: a row starts where the No column or a value column has
text, or after more space than the lines inside one cell; the lines between are its cells
wrapping. A page that starts with lines fitting the previous page's columns continues that
table (its header was on the earlier page).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from extract.header import is_header_continuation, is_header_start

Item = tuple[float, list[str], tuple[float, float, float, float] | None]
_WORD_GAP = 1.2  # points between two letters of one word, at most
_CELL_GAP = 4.5  # points between two words of one header cell, at most
_VALUE_IN_TEXT = re.compile(r"(?:^|\s)\d+(?:[.,]\d+)?\s*%(?:\s|$)")
_OPENS = re.compile(r"^(?:[\d(]|Rp|-$|[lI] \w|(?:AA|A|BB|B|CC|C|D|WTP|WDP|TW|TMP)$)")
_STARTERS = re.compile(r"^(no\.?|n|target|realisasi|capaian|\d{1,4}|kinerja %)$", re.I)


@dataclass
class Word:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


@dataclass
class VLine:
    top: float
    bottom: float
    words: list[Word] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass
class Columns:
    lefts: list[float]
    starters: set[int]


def words_of(textpage: Any, height: float) -> list[Word]:
    words: list[Word] = []
    cur: Word | None = None
    for i in range(textpage.count_chars()):
        ch = textpage.get_text_range(i, 1)
        left, bottom, right, top = textpage.get_charbox(i, loose=True)
        if ch.isspace() or right <= left:
            cur = None
            continue
        t, b = height - top, height - bottom
        if cur is not None and abs(t - cur.top) < 1.0 and left - cur.x1 <= _WORD_GAP:
            cur.x1, cur.text = right, cur.text + ch
        else:
            cur = Word(left, right, t, b, ch)
            words.append(cur)
    return words


def visual_lines(words: list[Word]) -> list[VLine]:
    lines: list[VLine] = []
    for w in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        if lines and abs(w.top - lines[-1].top) <= 1.5:
            lines[-1].words.append(w)
            lines[-1].bottom = max(lines[-1].bottom, w.bottom)
        else:
            lines.append(VLine(w.top, w.bottom, [w]))
    for ln in lines:
        ln.words.sort(key=lambda w: w.x0)
    return lines


def header_cells(line: VLine) -> list[tuple[float, str]]:
    cells: list[list[Any]] = []
    for w in line.words:
        if cells and w.x0 - cells[-1][1] <= _CELL_GAP:
            cells[-1][1], cells[-1][2] = w.x1, f"{cells[-1][2]} {w.text}"
        else:
            cells.append([w.x0, w.x1, w.text])
    return [(c[0], c[2]) for c in cells]


def fit(line: VLine, cols: Columns) -> list[str] | None:
    """The line's cells under `cols`, or None when a word runs across a column edge."""
    lefts = cols.lefts
    cells = [""] * len(lefts)
    for w in line.words:
        if w.x0 < lefts[0] - 2:
            return None
        col = max(i for i, x in enumerate(lefts) if w.x0 >= x - 2 or i == 0)
        if col + 1 < len(lefts) and w.x1 > lefts[col + 1] - 0.5:
            return None
        cells[col] = f"{cells[col]} {w.text}".strip()
    return cells


def unruled_tables(lines: list[VLine], carried: Columns | None) -> tuple[list[Item], list[VLine], Columns | None]:
    """Table rows, the lines outside tables, and the columns a table open at the page end uses."""
    items: list[Item] = []
    prose: list[VLine] = []
    i = 0
    open_cols: Columns | None = None
    while i < len(lines):
        cols, body_start = None, i
        if carried is not None and i == 0 and fit(lines[0], carried) is not None and len(lines[0].words) > 1:
            cols = carried
        else:
            cells = header_cells(lines[i])
            texts = tuple(c[1] for c in cells)
            if len(cells) >= 3 and is_header_start(texts):
                cols = Columns([c[0] for c in cells], {n for n, t in enumerate(texts) if _STARTERS.match(t.strip())})
                items.append((lines[i].top, list(texts), None))
                body_start = i + 1
        if cols is None:
            prose.append(lines[i])
            i += 1
            continue
        i = body_start
        while i < len(lines) and is_header_continuation(tuple(c[1] for c in header_cells(lines[i]))):
            # a second header line may split a column (`Capaian` over `2023 | 2024`)
            for x, text in header_cells(lines[i]):
                if all(abs(x - left) > 6 for left in cols.lefts):
                    cols.lefts = sorted([*cols.lefts, x])
                    cols.starters = {n for n, left in enumerate(cols.lefts) if left >= x - 1 and _STARTERS.match(text.strip())} | {
                        n + (1 if cols.lefts[n] > x else 0) for n in cols.starters
                    }
            cont = fit(lines[i], cols)
            if cont is None:
                break
            items.append((lines[i].top, cont, None))
            i += 1
        body: list[tuple[VLine, list[str]]] = []
        spacing = _line_spacing(lines[i:])
        while i < len(lines):
            cells_or_none = fit(lines[i], cols)
            gap = lines[i].top - body[-1][0].bottom if body else 0.0
            if cells_or_none is None or (body and gap > 2.2 * spacing):
                break
            body.append((lines[i], cells_or_none))
            i += 1
        rows = _rows(body, cols, spacing)
        if any(_VALUE_IN_TEXT.search(c) for _, cells, _ in rows for n, c in enumerate(cells) if n not in cols.starters):
            # a figure inside a name column: a column the header did not show. Rows read with
            # misplaced values would be wrong data; leave the table out rather than guess.
            prose += [ln for ln, _ in body]
            open_cols = None
            continue
        items += rows
        open_cols = cols if i >= len(lines) else None
    return items, prose, open_cols


def _line_spacing(lines: list[VLine]) -> float:
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(lines) if b.top > a.bottom)
    return gaps[len(gaps) // 4] if gaps else 2.0


def _rows(body: list[tuple[VLine, list[str]]], cols: Columns, spacing: float) -> list[Item]:
    out: list[Item] = []
    current: list[str] | None = None
    top = bottom = 0.0
    for vline, cells in body:
        gap = vline.top - bottom if current is not None else 0.0
        # a value that starts a row starts with a figure or a grade; a unit alone ("Layanan") is a value wrapping
        opening = any(_OPENS.match(cells[n]) for n in cols.starters if n < len(cells) and n != 0)
        starts = bool(cells[0] and 0 in cols.starters) or opening
        # text under a value column continues the row only as the unit of a bare number ("12" / "Layanan")
        foreign = current is not None and any(
            cells[n] and not (re.fullmatch(r"\d+", current[n]) and re.fullmatch(r"[A-Za-z]+", cells[n]))
            for n in cols.starters
            if n != 0 and n < len(cells) and current[n]
        )
        new = current is None or starts or foreign or gap > spacing + 2.5
        if new:
            if current is not None:
                out.append((top, current, (cols.lefts[0], top, 0.0, bottom)))
            current, top = list(cells), vline.top
        else:
            assert current is not None
            current = [f"{a} {b}".strip() if b else a for a, b in zip(current, cells, strict=True)]
        bottom = vline.bottom
    if current is not None:
        out.append((top, current, (cols.lefts[0], top, 0.0, bottom)))
    return out
