"""Tables without ruling lines, from the positions of the words (PDFium character boxes).

A performance table's header line names its columns ("No  Indikator Kinerja  Target
Realisasi  Capaian"); each header cell's left edge starts a column. A body line belongs to
the table while every word starts inside a column and ends before the next column's edge;
the first line that runs across an edge (a paragraph), or a larger vertical gap, ends it.
Visual lines are grouped into rows: a row starts where the No column or a value column has
text, or after more space than the lines inside one cell; the lines between are its cells
wrapping. A page that starts with lines fitting the previous page's columns continues that
table (its header was on the earlier page); before them may come the end of the last name,
laid out narrower than the columns (`_wrapped_tail`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Any

from extract.header import is_header_continuation, is_header_start
from extract.readers.pdf_glyphs import VLine, Word
from extract.readers.pdf_lattice import Item

_CELL_GAP = 4.5  # points between two words of one header cell, at most
_FOOTER_LINES, _FOOTER_CHARS = 3, 60  # short lines after a table at the page end: the running footer
_FIGURE = re.compile(r"^\d+(?:[.,]\d+)*\s?%?$")
_SPACE = 2.5  # points: a space between words at table font sizes, at least
_VALUE_IN_TEXT = re.compile(r"(?:^|\s)\d+(?:[.,]\d+)?\s*%(?:\s|$)")
_OPENS = re.compile(r"^(?:[\d(]|Rp|-$|[lI] \w|(?:AA|A|BB|B|CC|C|D|WTP|WDP|TW|TMP)$)")
# not the end of a wrapped name: a row number, a chapter (`BAB III`, `II.`), a group row,
# or a line in capitals (a heading: `BAB III AKUNTABILITAS KINERJA`)
_NOT_A_TAIL = re.compile(
    r"^(?:\d+\.?(?:\s|$)|BAB\b|[IVX]+\.\s|(?:Program|Kegiatan|Sasaran|Tujuan|Indikator)\b"
    r"|[^a-z]*[A-Z]{2,}[^a-z]* [^a-z]*[A-Z]{2,}[^a-z]* [^a-z]*$)"
)
_STARTERS = re.compile(r"^(no\.?|n|target|realisasi|capaian|\d{1,4}|kinerja %)$", re.I)


@dataclass
class Columns:
    lefts: list[float]
    starters: set[int]


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
    # the previous page's last name may wrap onto this one before its table goes on
    items += _wrapped_tail(lines, carried) if carried is not None else []
    i = start = len(items)
    open_cols: Columns | None = None
    while i < len(lines):
        cols, body_start = None, i
        head: list[VLine] = []
        if carried is not None and i == start and _carries_on(lines[i:], carried):
            cols = carried
        else:
            cells = header_cells(lines[i])
            texts = tuple(c[1] for c in cells)
            if len(cells) >= 3 and is_header_start(texts):
                cols = Columns([c[0] for c in cells], {n for n, t in enumerate(texts) if _STARTERS.match(t.strip())})
                head.append(lines[i])
                body_start = i + 1
        if cols is None:
            prose.append(lines[i])
            i += 1
            continue
        i = body_start
        while i < len(lines) and is_header_continuation(tuple(c[1] for c in header_cells(lines[i]))):
            # a second header line may split a column (`Capaian` over `2023 | 2024`)
            for x, _text in header_cells(lines[i]):
                if all(abs(x - left) > 6 for left in cols.lefts):
                    cols.lefts = sorted([*cols.lefts, x])
            if fit(lines[i], cols) is None:
                break
            head.append(lines[i])
            i += 1
        if head:
            # a column whose header says No/Target/Realisasi/a year on any line holds values
            fitted = [f for line in head if (f := fit(line, cols)) is not None]
            cols.starters = {n for f in fitted for n, t in enumerate(f) if _STARTERS.match(t.strip())}
            # right of the first value column, a column headed only by its number `(8)` (or
            # nothing) holds values too: name columns come before value columns
            first_value = min((n for n in cols.starters if n > 0), default=len(cols.lefts))
            cols.starters |= {
                n for n in range(first_value + 1, len(cols.lefts)) if all(re.fullmatch(r"(\(\d+\))?", f[n].strip()) for f in fitted)
            }
            _unlabelled_columns(lines[i : i + 3], cols)
        for line in head:
            # every header line in the final columns, so a cell wrapped over two header
            # lines (`Indikator` / `Realisasi`) lines up with the columns split below it
            items.append(Item(line.top, fit(line, cols) or [t for _, t in header_cells(line)]))
        body: list[tuple[VLine, list[str]]] = []
        # the spacing of the lines from here on; a table near the page end has too few lines
        # below it to tell, and the wide gap before the next heading would pass for the norm
        spacing = _line_spacing(lines[i:] if len(lines) - i > 6 else lines)
        while i < len(lines):
            cells_or_none = fit(lines[i], cols)
            gap = lines[i].top - body[-1][0].bottom if body else 0.0
            if cells_or_none is None or (body and gap > 2.2 * spacing):
                break
            body.append((lines[i], cells_or_none))
            i += 1
        rows = _rows(body, cols, spacing)
        if any(_VALUE_IN_TEXT.search(c) for it in rows for n, c in enumerate(it.cells) if n not in cols.starters):
            # a figure inside a name column: a column the header did not show. Rows read with
            # misplaced values would be wrong data; leave the table out rather than guess.
            prose += [ln for ln, _ in body]
            open_cols = None
            continue
        items += rows
        open_cols = cols if all(len(ln.text) <= _FOOTER_CHARS for ln in lines[i:]) and len(lines) - i <= _FOOTER_LINES else None
    return items, prose, open_cols


def _unlabelled_columns(body: list[VLine], cols: Columns) -> None:
    """A value column whose header cell is empty (`Realisasi 2021` lost by the export) shows
    only in the body: a figure standing apart inside a name column starts a column of its own."""
    for line in body:
        previous: Word | None = None
        for w in line.words:
            col = _column_of(w.x0, cols.lefts)
            apart = previous is not None and w.x0 - previous.x1 > 2.5 * _SPACE  # wider than a space: a column gap
            if _FIGURE.match(w.text) and col not in cols.starters and apart and w.x0 - cols.lefts[col] > 6:
                cols.lefts = sorted([*cols.lefts, w.x0])
                shifted = {n + 1 if n > col else n for n in cols.starters}
                cols.starters = shifted | {col + 1}
            previous = w


def _carries_on(lines: list[VLine], cols: Columns) -> bool:
    """Does the page start with the previous page's table? Its first lines fit the columns:
    more than one of them, or filling more than one column (one short line alone could be
    the running header)."""
    used: set[int] = set()
    run = 0
    for line in lines:
        cells = fit(line, cols)
        if cells is None:
            break
        run += 1
        used |= {n for n, c in enumerate(cells) if c}
    return run > 1 or len(used) > 1


def _wrapped_tail(lines: list[VLine], cols: Columns) -> list[Item]:
    """The last row's name wrapping onto this page in a narrower layout than its columns (the
    rest of the cell, laid out again): lines at the table's left edge whose text ends before
    the first value column, beside stamp noise further right. One item per line, the text in
    the first cell and the noise after it, for the assembler to judge."""
    first_value = min((n for n in cols.starters if n > 0), default=len(cols.lefts))
    if first_value >= len(cols.lefts) or not lines:
        return []
    if cols.lefts[1] - cols.lefts[0] > 60 and _carries_on(lines, cols):
        return []  # the first column holds names: lines fitting it are that table's own rows
    limit, spacing = cols.lefts[first_value], _line_spacing(lines[:12])
    out: list[Item] = []
    bottom = lines[0].top
    for line in lines[:12]:
        if abs(line.words[0].x0 - cols.lefts[0]) > 3 or line.top - bottom > spacing + 2.5:
            break
        run = 1
        while run < len(line.words) and line.words[run].x0 - line.words[run - 1].x1 <= 2.5 * _SPACE:
            run += 1
        text = " ".join(w.text for w in line.words[:run])
        if line.words[run - 1].x1 > limit or _VALUE_IN_TEXT.search(text) or _NOT_A_TAIL.match(text):
            break
        rest = " ".join(w.text for w in line.words[run:])
        cells = [text, rest] + [""] * (len(cols.lefts) - 2)
        out.append(Item(line.top, cells, (cols.lefts[0], line.top, line.words[-1].x1, line.bottom)))
        bottom = line.bottom
    return out


def _line_spacing(lines: list[VLine]) -> float:
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(lines) if b.top > a.bottom)
    return gaps[len(gaps) // 4] if gaps else 2.0


def _column_of(x: float, lefts: list[float]) -> int:
    return max((i for i, left in enumerate(lefts) if x >= left - 2), default=0)


def _extents(line: VLine, lefts: list[float]) -> dict[int, tuple[float, float]]:
    """Per column: the width of the line's first word there and where its last word ends."""
    out: dict[int, tuple[float, float]] = {}
    for w in line.words:
        col = _column_of(w.x0, lefts)
        first = out[col][0] if col in out else w.x1 - w.x0
        out[col] = (first, w.x1)
    return out


def _fresh_cell(prev: VLine | None, line: VLine, cols: Columns, limits: dict[int, float]) -> bool:
    """Does a name column's text on `line` start a new cell? Word wrap moves a word to the
    next line only when it does not fit: if it would have fitted after the previous line's
    text in that column, the previous cell had ended."""
    if prev is None:
        return False
    before, now = _extents(prev, cols.lefts), _extents(line, cols.lefts)
    for col, (first_width, _) in now.items():
        if col in cols.starters or col not in before or col not in limits:
            continue
        if before[col][1] + _SPACE + first_width < limits[col] - 1.0:
            return True
    return False


def _rows(body: list[tuple[VLine, list[str]]], cols: Columns, spacing: float) -> list[Item]:
    out: list[Item] = []
    current: list[str] | None = None
    top = bottom = 0.0
    # how far each column's text reaches: the column's right margin, as near as the body shows it
    limits: dict[int, float] = {}
    for vline, _ in body:
        for col, (_, end) in _extents(vline, cols.lefts).items():
            limits[col] = max(limits.get(col, 0.0), end)
    prev: VLine | None = None
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
        new = current is None or starts or foreign or gap > spacing + 2.5 or _fresh_cell(prev, vline, cols, limits)
        prev = vline
        if new:
            if current is not None:
                out.append(Item(top, current, (cols.lefts[0], top, 0.0, bottom)))
            current, top = list(cells), vline.top
        else:
            assert current is not None
            current = [f"{a} {b}".strip() if b else a for a, b in zip(current, cells, strict=True)]
        bottom = vline.bottom
    if current is not None:
        out.append(Item(top, current, (cols.lefts[0], top, 0.0, bottom)))
    return out
