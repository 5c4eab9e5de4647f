"""Tables without vertical rules: columns from how the words align down the rows.

Within a table's extent, each visual line splits into *chunks* where a gap between words is
wider than a column gap. The column edges are the *gutters*: x-ranges no chunk of the table's
lines covers (a few lines may cross one: a group row or a header cell spanning columns). A chunk
that crosses gutters is a cell spanning those columns. Rows are the bands between horizontal
rules where the table has them (`hrules`), else its visual lines (`stream`, joined into rows by
the shared assembler as a text export's lines are).

Where the table is comes from outside: a ruled region whose verticals do not make columns, or,
on a page without rules, the lines from a header line (two column names in separate chunks) to
the first line that is no row (`find_tables`).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass

from extract.layout.geometry import Box, Word, overlap, visual_lines
from extract.layout.grid import Grid, GridCell, Method
from extract.layout.settings import LayoutSettings
from extract.vocabulary import GROUP_START, KEY_WORDS, OUTLINE, UNITS

_ROLE = re.compile(r"\b(?:no|indikator|target|realisasi|capaian|satuan|uraian|kinerja|sasaran|program|kegiatan)\b", re.I)
_HEADING = re.compile(r"^(?:BAB\s+[IVX]+|\d+(?:\.\d+)+\.?\s|[A-H]\.\s+[A-Z])")
_NUMBERISH = re.compile(r"\d")
_MAX_WIDTH = 14400  # points: the largest page PDF allows (ISO 32000-1, annex C)


@dataclass(frozen=True)
class Chunk:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    words: tuple[Word, ...] = ()


def chunks(line: list[Word], s: LayoutSettings) -> list[Chunk]:
    """A visual line's runs of words, split where the gap is wider than a column gap."""
    out: list[list[Word]] = []
    height = max((w.height for w in line), default=8.0)
    gap = max(s.column_gap * height, 3.5)
    for w in line:
        if out and w.x0 - out[-1][-1].x1 <= gap and not _next_value(out[-1], w):
            out[-1].append(w)
        else:
            out.append([w])
    return [_chunk(g) for g in out]


_NUMBER = re.compile(r"^(?:Rp\.?)?\d[\d.,]*%?$")


def _next_value(run: list[Word], w: Word) -> bool:
    """Whether `w` starts a value after a run that is one whole value: columns of counted values
    printed a space apart (`12 Layanan 12 Layanan 100%`, dev-pdfs/b_unruled p. 6)."""
    if not _NUMBER.match(w.text) or len(run) > 2 or not _NUMBER.match(run[0].text):
        return False
    return len(run) == 1 or run[1].text.lower() in UNITS or run[1].text == "%"


def _chunk(g: list[Word]) -> Chunk:
    return Chunk(g[0].x0, g[-1].x1, min(w.top for w in g), max(w.bottom for w in g), " ".join(w.text for w in g), tuple(g))


def _split(line: list[Chunk], xs: list[float]) -> list[Chunk]:
    """A chunk running over column edges in a line of several chunks, with figures in it (`12 Layanan
    12 Layanan 100%`: narrow value columns leave gaps no wider than a space): split at the edges."""
    if len(line) < 2:
        return line
    out: list[Chunk] = []
    figures = sum(1 for ch in line if _VALUE.match(ch.text))
    for ch in line:
        c0, c1 = _span(ch, xs)
        named = sum(1 for w in ch.words if w.text.lower().strip(".:") in KEY_WORDS)
        numbers = sum(1 for w in ch.words if _NUMBERISH.search(w.text))
        # a name running into a figure in a row of figures (`Persentase KPU 100%` | `100` | `100`)
        body = numbers >= 1 and figures >= 2 and _VALUE.match(ch.words[-1].text) is not None
        if c0 == c1 or (numbers < 2 and named < 2 and not body):
            out.append(ch)
            continue
        by_col: dict[int, list[Word]] = {}
        for w in ch.words:
            by_col.setdefault(max(0, min(len(xs) - 2, sum(1 for e in xs[1:-1] if e < w.cx))), []).append(w)
        for col, ws in sorted(by_col.items()):
            part = _chunk(ws)  # held inside its column: a word wider than its column stays its own
            out.append(Chunk(max(part.x0, xs[col] + 1.5), min(part.x1, xs[col + 1] - 1.5), part.top, part.bottom, part.text, part.words))
    return out


def gutters(lines: list[list[Chunk]], x0: float, x1: float, s: LayoutSettings) -> list[float]:
    """Column edges between x0 and x1: the middles of x-ranges the lines' chunks leave empty."""
    multi = [ln for ln in lines if len(ln) >= 2]
    if len(multi) < s.min_table_lines:
        return []
    # one-chunk lines (group rows spanning the table, a name's wrapped tail) cross gutters by
    # nature, and so do header cells spanning columns (`Realisasi Capaian` one space apart): the
    # columns come from the lines with figures where there are two or more
    figured = [ln for ln in multi if sum(1 for ch in ln if _VALUE.match(ch.text) or _NUMBERISH.search(ch.text)) >= 2]
    width = int(x1 - x0) + 2
    if width > _MAX_WIDTH:
        return []  # words placed off any page (a damaged text matrix): no columns to find
    # where in a gutter the edge goes is told by every line, wrapped name tails too (a column
    # of names reaching further on the lines without figures), but not group rows spanning the table
    narrow = [[ch for ch in ln if ch.x1 - ch.x0 < (x1 - x0) / 2] for ln in lines]
    everyone = _coverage(narrow, x0, width)
    if len(figured) >= 2:
        multi = figured
    cover = _coverage(multi, x0, width)
    allowed = int(s.gutter_crossings * len(multi))
    edges: list[float] = []
    x = 0
    seen_text = False
    while x < width:
        if cover[x] > allowed:
            seen_text = True
            x += 1
            continue
        start = x
        while x < width and cover[x] <= allowed:
            x += 1
        if seen_text and x < width and x - start >= 3:
            # where in the gutter: where the fewest of all lines cross it (header cells reach into it)
            edges.append(x0 + emptiest(everyone, start, x))
    return edges


def _coverage(lines: list[list[Chunk]], x0: float, width: int) -> list[int]:
    cover = [0] * width
    for ln in lines:
        for ch in ln:
            for x in range(max(0, int(ch.x0 - x0)), min(width, int(ch.x1 - x0) + 1)):
                cover[x] += 1
    return cover


def emptiest(cover: list[int], start: int, end: int) -> float:
    """The middle of the longest stretch of [start, end) that the fewest lines cross (a header
    cell reaching into a gutter does not pull the edge into the column it belongs to)."""
    low = min(cover[start:end])
    best, best_len, x = start, 0, start
    while x < end:
        if cover[x] != low:
            x += 1
            continue
        a = x
        while x < end and cover[x] == low:
            x += 1
        if x - a > best_len:
            best, best_len = a, x - a
    return best + best_len / 2


def _span(ch: Chunk, xs: list[float]) -> tuple[int, int]:
    cols = [k for k in range(len(xs) - 1) if overlap(ch.x0, ch.x1, xs[k], xs[k + 1]) > 1.0]
    if not cols:
        mid = (ch.x0 + ch.x1) / 2
        cols = [max(0, min(len(xs) - 2, sum(1 for e in xs[1:-1] if e < mid)))]
    return cols[0], cols[-1]


@dataclass
class _Span:
    c0: int
    c1: int
    parts: list[tuple[int, str]]  # (visual line, text)


def _row_cells(row: list[list[Chunk]], r: int, xs: list[float], top: float, bottom: float) -> list[GridCell]:
    """One grid row's cells from its visual lines' chunks; chunks whose column spans overlap join."""
    spans: list[_Span] = []
    for li, line in enumerate(row):
        for ch in line:
            c0, c1 = _span(ch, xs)
            hit = [sp for sp in spans if not (c1 < sp.c0 or c0 > sp.c1)]
            if not hit:
                spans.append(_Span(c0, c1, [(li, ch.text)]))
                continue
            keep = hit[0]
            for other in hit[1:]:
                keep.parts += other.parts
                spans.remove(other)
            keep.c0, keep.c1 = min(c0, *(h.c0 for h in hit)), max(c1, *(h.c1 for h in hit))
            keep.parts.append((li, ch.text))
    cells = []
    for sp in sorted(spans, key=lambda sp: sp.c0):
        lines: dict[int, list[str]] = {}
        for li, text in sp.parts:
            lines.setdefault(li, []).append(text)
        text = "\n".join(" ".join(v) for _, v in sorted(lines.items()))
        cells.append(GridCell(r, sp.c0, 1, sp.c1 - sp.c0 + 1, text, (xs[sp.c0], top, xs[sp.c1 + 1], bottom)))
    return cells


def stream_grid(words: list[Word], box: Box, bands: list[tuple[float, float]] | None, page: int, s: LayoutSettings) -> Grid | None:
    """The grid of the words inside `box`: columns from their alignment, rows from `bands` (the
    spaces between horizontal rules) or else from the visual lines."""
    x0, top, x1, bottom = box
    inside = [w for w in words if x0 - 1 <= w.cx <= x1 + 1 and top - 1 <= w.cy <= bottom + 1]
    vlines = visual_lines(inside)
    if not vlines:
        return None
    lines = [chunks(ln, s) for ln in vlines]
    left, right = min(w.x0 for w in inside), max(w.x1 for w in inside)
    edges = gutters(lines, left - 1, right + 1, s)
    if len(edges) < 1:
        return None
    xs = [min(x0, left - 1), *edges, max(x1, right + 1)]
    rows: list[tuple[float, float, list[list[Chunk]]]] = []
    if bands:
        for b0, b1 in bands:
            members = [_split(ln, xs) for ln in lines if ln and b0 - 1 <= (ln[0].top + ln[0].bottom) / 2 <= b1 + 1]
            if members and not any(_VALUE.match(ch.text) for ln in members for ch in ln):
                # a band without figures (the header): a row per line, so a cell over two columns
                # (`Tahun 2024`) stands over the cells below it (`Target | Realisasi`)
                rows += [(min(c.top for c in ln), max(c.bottom for c in ln), [ln]) for ln in members]
            elif members:
                rows.append((b0, b1, members))
        method: Method = "hrules"
    else:
        rows = _logical_rows([_split(ln, xs) for ln in lines], xs)
        method = "stream"
    cells = [c for r, (t, b, row) in enumerate(rows) for c in _row_cells(row, r, xs, t, b)]
    ys = [rows[0][0]] + [(rows[k][1] + rows[k + 1][0]) / 2 for k in range(len(rows) - 1)] + [rows[-1][1]]
    return Grid(page, tuple(xs), tuple(ys), tuple(cells), method)


def _value_columns(lines: list[list[Chunk]], xs: list[float]) -> set[int]:
    """Columns whose cells mostly hold figures (over the lines of two chunks or more)."""
    seen: dict[int, list[bool]] = {}
    for ln in lines:
        if len(ln) < 2:
            continue
        for ch in ln:
            c0, c1 = _span(ch, xs)
            if c0 == c1:
                seen.setdefault(c0, []).append(bool(_VALUE.match(ch.text)))
    return {c for c, v in seen.items() if c > 0 and sum(v) >= max(1, len(v) / 2)}


_VALUE = re.compile(r"^(?:Rp\.?\s*)?[\d.,]+\s*(?:%|[A-Za-z/]+)?(?:\s*\*+\)?)?$|^(?:AA|A|BB|B|CC|C|D|WTP|WDP|TW|TMP|-+)(?:\s*\*+\)?)?$")
_NO = re.compile(r"^\d{1,3}\.?$|^[a-hA-H][.)]$")


_BULLETED = re.compile(r"^(?:[-–•➢▪●◦*»]|\uf0b7|\uf0d8)\s+\S")


def _logical_rows(lines: list[list[Chunk]], xs: list[float], body: bool = False) -> list[tuple[float, float, list[list[Chunk]]]]:
    """Visual lines grouped into table rows. A row opens with a number in the first column, a
    bulleted name (`- Jumlah produksi padi`) or a group row (one chunk over several columns); a
    line with figures in the value columns opens one too unless the open row has none in those
    columns yet (figures printed beside a name's second line; one column's figure printed a line
    lower than the others', r18_distan p. 25). Other lines are cells wrapping. Lines before the
    first figure (the header) stand as rows of their own, unless the lines are known to be the
    body (`body`: a ruled band under the header)."""
    values = _value_columns(lines, xs)
    rows: list[tuple[float, float, list[list[Chunk]]]] = []
    filled: set[int] = set()  # value columns the open row has figures in
    announced = False
    for ln in lines:
        spans = [(_span(ch, xs), ch) for ch in ln]
        figures = {c0 for (c0, c1), ch in spans if c0 == c1 and c0 in values and _VALUE.match(ch.text)}
        numbered = any((c0 == 0 and _NO.match(ch.text)) or (c0 not in values and OUTLINE.match(ch.text)) for (c0, _), ch in spans)
        bullet = any(_BULLETED.match(ch.text) for _, ch in spans)
        group = len(ln) == 1 and spans[0][0][1] > spans[0][0][0]
        top, bottom = min(c.top for c in ln), max(c.bottom for c in ln)
        label = any(_LABEL.match(ch.text) for (c0, _), ch in spans if c0 not in values)
        opens = numbered or bullet or group or label or announced or not body or not rows or bool(figures & filled)
        if opens:
            rows.append((top, bottom, [ln]))
            filled = set(figures)
            body = body or bool(figures) or numbered
        else:
            t, _, members = rows[-1]
            rows[-1] = (t, bottom, [*members, ln])
            filled |= figures
        # a name ending in a colon, no figures beside it, announces the rows below (`Jumlah jaringan
        # irigasi yang diperbaiki :` over `Jitut (ha)`, `r18_distan` RKT p. 65): the next line opens one
        announced = body and not filled and any(ch.text.endswith(":") for (c0, _), ch in spans if c0 not in values)
    return rows


# a short label of its own line (`Output :`, `Outcome :`, `Program :`): what follows is another
# part of the cell, not the previous line's name going on (`r18_distan` RKT pp. 64-66)
_LABEL = re.compile(r"^\w+(?:\s+\w+)?\s*:$")


# --- where unruled tables are ------------------------------------------------------------------


def _header_line(line: list[Chunk]) -> bool:
    """Two chunks or more, two of them naming a column (`No`, `Indikator Kinerja`, `Target`, …)."""
    if len(line) < 2:
        return False
    named = sum(1 for ch in line if _ROLE.search(ch.text) and len(ch.text) <= 45)
    keys = {w.lower().strip(".:()") for ch in line for w in ch.text.split()} & KEY_WORDS
    return named >= 2 and len(keys) >= 2 and not any(len(ch.text) > 60 for ch in line)


def find_tables(words: list[Word], s: LayoutSettings) -> list[Box]:
    """Boxes of the unruled tables among `words`: from a header line down to the first line that
    is no row (a heading, a paragraph wider than the table, a gap wider than the rows')."""
    vlines = visual_lines(words)
    lines = [chunks(ln, s) for ln in vlines]
    boxes: list[Box] = []
    i = 0
    while i < len(lines):
        if not _header_line(lines[i]):
            i += 1
            continue
        start = i
        # header cells printed higher than the line naming the columns (`Tahun 2024` over the
        # Target | Realisasi it spans, a vertically centred `Capaian`)
        while (
            start > 0
            and start > i - 3
            and _header_words(lines[start - 1])
            and lines[start][0].top - max(c.bottom for c in lines[start - 1]) < 6
        ):
            start -= 1
        left = min(c.x0 for ln in lines[start : i + 1] for c in ln)
        right = max(c.x1 for ln in lines[start : i + 1] for c in ln)
        gaps: list[float] = []
        group_lines = 0
        j = i + 1
        while j < len(lines):
            line, prev = lines[j], lines[j - 1]
            gap = line[0].top - max(c.bottom for c in prev)
            norm = statistics.median(gaps) if len(gaps) >= 2 else max(c.bottom - c.top for c in prev)
            if j > i + 1 and gap > max(2.5 * norm, norm + 8):
                break
            # a group row's wrapped lines (`Sasaran 5. … Standar` / `Pelayanan Publik, …`) are as
            # wide as a paragraph's, and follow it closely
            wrapped = group_lines and group_lines < 3 and gap <= norm + 2
            if (_ends(line, left, right) and not wrapped) or (j > i + 1 and _header_line(line) and gap > norm + 2):
                break
            group_lines = group_lines + 1 if len(line) == 1 and (group_lines or GROUP_START.match(line[0].text)) else 0
            gaps.append(max(gap, 0.0))
            right = max(right, max(c.x1 for c in line))
            left = min(left, min(c.x0 for c in line))
            j += 1
        if j - start >= s.min_table_lines + 1:
            top = min(c.top for c in lines[start])
            bottom = max(c.bottom for c in lines[j - 1])
            boxes.append((left - 1, top - 1, right + 1, bottom + 1))
        i = max(j, i + 1)
    return boxes


_HEADERISH = re.compile(r"^(?:tahun|target|realisasi|capaian|kinerja|\(%\)|%|(?:19|20)\d\d|satuan|kategori|indikator|no\.?)$", re.I)


def _header_words(line: list[Chunk]) -> bool:
    words = [w for ch in line for w in ch.text.split()]
    return bool(words) and all(_HEADERISH.match(w) for w in words)


def _ends(line: list[Chunk], left: float, right: float) -> bool:
    """A line that is no table row: a heading, or one paragraph line as wide as the table that is
    no group row (`Sasaran 5. …`) and holds no figure."""
    if len(line) != 1:
        return False
    text = line[0].text
    if _HEADING.match(text):
        return True
    wide = line[0].x1 - line[0].x0 >= 0.75 * (right - left)
    return wide and not GROUP_START.match(text) and not _NUMBERISH.match(text[:3])


# --- ruled columns, unruled rows -----------------------------------------------------------------


def split_bands(g: Grid, page_words: Callable[[], list[Word]], s: LayoutSettings) -> Grid:
    """A ruled table whose producer ruled the columns but not the rows (`r18_distan` pp. 19-33,
    `r16_disnak` p. 26): a band between two horizontal rules holds many rows, one per line with
    figures. Such bands are cut into those rows; a cell merged down over several bands (a Sasaran)
    keeps covering them all. Bands whose cells number their items (`1. …` / `2. …`) are left to
    `unstack`, which pairs items and values in order."""
    if not any(c.rowspan == 1 and c.text.count("\n") >= 2 for c in g.cells):
        return g  # no cell holds three lines: nothing to cut (and no words to read)
    xs = list(g.xs)
    slots = g.covering()
    new_rows: list[list[tuple[float, float, list[list[Chunk]]]]] = []
    for r in range(g.n_rows):
        top, bottom = g.ys[r], g.ys[r + 1]
        local = {k for k in range(g.n_cols) if (c := slots[r][k]) is not None and c.rowspan == 1}
        band = [w for w in page_words() if xs[0] <= w.cx <= xs[-1] and top <= w.cy <= bottom and _column(w.cx, xs) in local]
        lines = [_by_column(ln, xs) for ln in visual_lines(band)]
        rows = _logical_rows(lines, xs, r > 0) if len(lines) >= 3 else []
        figures = sum(1 for _, _, members in rows if any(_VALUE.match(ch.text) for ch in members[0]))
        numbered = any(_NUMBERED.match(ln.strip()) for k in local if (c := slots[r][k]) for ln in c.text.split("\n")[1:])
        if numbered:
            blocks = _blocks(lines, xs)
            new_rows.append(blocks if len(blocks) >= 2 else [(top, bottom, [])])
        else:
            # (a band of one figure is cut too where a label of its own line (`Outcome :`) starts
            # another part of the cell: the outcomes below an output and its target, r18_distan p. 65)
            parts = any(_LABEL.match(ch.text) for ln in lines[1:] for ch in ln)
            counted = any(_span(ch, xs)[0] > 0 and _NUMBERISH.match(ch.text) for ln in lines for ch in ln)
            cut = figures >= 3 or (counted and parts) or _numbered_rows(rows, xs) or _paragraph_rows(rows, lines, xs)
            new_rows.append(rows if rows and cut else [(top, bottom, [])])
    if all(len(x) == 1 and not x[0][2] for x in new_rows):
        return g
    return _rebuild(g, new_rows, slots)


_NUMBERED = re.compile(r"^(?:\d{1,2}|[a-hA-H])[.)]\s+\S")


def _numbered_rows(rows: list[tuple[float, float, list[list[Chunk]]]], xs: list[float]) -> bool:
    """Two rows or more, each opening with its row number in the first column and figures on
    that line: rows the producer told apart by shading alone, no rule between them (`2` / `3` in
    one ruled band of zebra-shaded rows, `r09_bplhd` Tabel 3.1 p. 16)."""
    opened = 0
    for _, _, members in rows:
        first = members[0]
        numbered = _span(first[0], xs)[0] == 0 and bool(_ROW_NUMBER.match(first[0].text))
        if not (numbered and any(_VALUE.match(ch.text) for ch in first[1:])):
            return False
        opened += 1
    return opened >= 2


_ROW_NUMBER = re.compile(r"^\d{1,3}\.?$")


def _paragraph_rows(rows: list[tuple[float, float, list[list[Chunk]]]], lines: list[list[Chunk]], xs: list[float]) -> bool:
    """Two rows or more, each opening with figures beside a name that starts a paragraph of its
    cell: a blank line's height or more between it and the cell's line above. Indicators the
    producer stacked in one ruled cell, set apart by an empty line and not by a rule, their
    figures level with each name's first line (`r01_bappeda` Tabel 3.3 p. 29, `r09_bplhd` Tabel
    4.1 p. 45), or a line above it (`r01_bappeda` p. 40). A figure under another with no name starting beside it (`22,7%` / `Atau` /
    `100%` beside one name, `r26_inspektorat` p. 5) cuts nothing."""
    if len(rows) < 2:
        return False
    for k, (_, _, members) in enumerate(rows):
        first = members[0]
        if not any(_VALUE.match(ch.text) for ch in first):
            return False
        # (the name may start a line under its figures: `100,53` over `Persentase usulan`, p. 40)
        if k and not any(not _VALUE.match(ch.text) and _opens_paragraph(ch, lines, xs) for ln in members[:2] for ch in ln):
            return False
    return True


def _opens_paragraph(ch: Chunk, lines: list[list[Chunk]], xs: list[float]) -> bool:
    col = _span(ch, xs)
    above = [c.bottom for ln in lines for c in ln if c.bottom <= ch.top and _span(c, xs) == col]
    return bool(above) and ch.top - max(above) >= ch.bottom - ch.top


def _blocks(lines: list[list[Chunk]], xs: list[float]) -> list[tuple[float, float, list[list[Chunk]]]]:
    """A numbered band's lines cut where the first column numbers a row (`1.` … `7.`): the whole
    body of a table ruled only around its columns (`r18_distan` PK p. 63). Inside a block, items
    and values are paired in order by `unstack`, not by line: values drift from their labels."""
    out: list[tuple[float, float, list[list[Chunk]]]] = []
    for ln in lines:
        top, bottom = min(c.top for c in ln), max(c.bottom for c in ln)
        opens = _span(ln[0], xs)[0] == 0 and bool(_ROW_NUMBER.match(ln[0].text))
        if opens or not out:
            out.append((top, bottom, [ln]))
        else:
            t, _, members = out[-1]
            out[-1] = (t, bottom, [*members, ln])
    return out


def _column(x: float, xs: list[float]) -> int:
    return max(0, min(len(xs) - 2, sum(1 for e in xs[1:-1] if e < x)))


def _by_column(line: list[Word], xs: list[float]) -> list[Chunk]:
    groups: dict[int, list[Word]] = {}
    for w in line:
        groups.setdefault(_column(w.cx, xs), []).append(w)
    return [_chunk(ws) for _, ws in sorted(groups.items())]


def _rebuild(g: Grid, new_rows: list[list[tuple[float, float, list[list[Chunk]]]]], slots: list[list[GridCell | None]]) -> Grid:
    xs = list(g.xs)
    first: list[int] = []
    ys: list[float] = []
    for parts in new_rows:
        first.append(len(ys))
        ys += [t for t, _, _ in parts]
    ys.append(g.ys[-1])
    cells: list[GridCell] = []
    for c in g.cells:
        split = any(new_rows[r][0][2] for r in range(c.row, c.row + c.rowspan))
        if split and c.rowspan == 1:
            continue  # re-made from the band's lines below
        end = first[c.row + c.rowspan] if c.row + c.rowspan < len(first) else len(ys) - 1
        cells.append(GridCell(first[c.row], c.col, end - first[c.row], c.colspan, c.text, c.bbox, c.confidence))
    for r, parts in enumerate(new_rows):
        if not parts[0][2]:
            continue
        for k, (t, b, members) in enumerate(parts):
            cells += _row_cells(members, first[r] + k, xs, t, b)
    return Grid(g.page, g.xs, tuple(ys), tuple(sorted(cells, key=lambda c: (c.row, c.col))), g.method)


# --- a header drawn without rules ---------------------------------------------------------------


def header_above(g: Grid, page_words: Callable[[], list[Word]], s: LayoutSettings) -> Grid:
    """A ruled grid whose first row already holds figures has its header outside the rulings: a
    header printed on a filled band (white on magenta, `r26_inspektorat` pp. 2-15), which the
    rulings do not outline. The lines just above the grid whose words sit in its columns are
    taken as header rows."""
    first = [c for c in g.cells if c.row == 0]
    if not any(_VALUE.match(" ".join(c.text.split())) for c in first):
        return g
    xs = list(g.xs)
    above = [w for w in page_words() if xs[0] - 2 <= w.cx <= xs[-1] + 2 and g.ys[0] - 80 <= w.cy < g.ys[0]]
    lines = visual_lines(above)
    block: list[list[Word]] = []
    bottom = g.ys[0]
    for ln in reversed(lines):
        if bottom - max(w.bottom for w in ln) > 14 or len(block) >= 4:
            break
        block.insert(0, ln)
        bottom = min(w.top for w in ln)
    rows = [_split(chunks(ln, s), xs) for ln in block]
    if not rows or not any(len({_span(ch, xs) for ch in r}) >= 2 for r in rows):
        return g
    if any(_span(ch, xs)[0] != _span(ch, xs)[1] and len(r) == 1 for r in rows for ch in r):
        return g  # one line running across the columns: a caption or a paragraph, not a header
    cells: list[GridCell] = []
    tops = [min(ch.top for ch in r) for r in rows]
    for k, r in enumerate(rows):
        bottom_k = tops[k + 1] if k + 1 < len(rows) else g.ys[0]
        cells += _row_cells([r], k, xs, tops[k], bottom_k)
    moved = [GridCell(c.row + len(rows), c.col, c.rowspan, c.colspan, c.text, c.bbox, c.confidence) for c in g.cells]
    return Grid(g.page, g.xs, (*tops, *g.ys), tuple(cells + moved), g.method)
