"""Tables of text laid out in character columns (`pdftotext -layout`), read by characters rather
than by points: a table's columns are the character positions no line of its body writes in
(gutters), its header the lines from a line naming two columns down to the first row, its rows
the body lines grouped around the lines that carry figures. The result is one `Grid` per table,
in character units, so the PDF's own row builder (`pdf_lattice.grid_items`: joined cell lines,
numbered items unstacked) turns it into the same whole rows a ruled PDF page gives.

Why not the point-based stream finder (`extract.layout.stream`): pdftotext prints two columns
one space apart where a cell's text fills its width (`Kesejahteraan bagi Aparatur kesehatan
Pegawai dan`, r11_biro-hpu p. 8), drops the rulings a table's rows had, prints a vertically
centred figure on a line of its own between a name's lines (r11_biro-hpu p. 9), and carries a
table on over a form feed without its header (r11_biro-hpu p. 9, r29_dishub p. 4): none of which
the stream finder, tuned on word boxes, reads.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from extract.layout.grid import Grid, GridCell
from extract.layout.stream import emptiest  # a gutter's emptiest middle, as the point-based finder places it
from extract.textio import RawLine
from extract.values import is_value
from extract.vocabulary import GROUP_START

CHAR, LINE = 5.0, 12.0  # a character column and a line in grid units (any fixed pitch will do)

_PIECE = re.compile(r"\S+(?: \S+)*")  # a run of words one space apart
_ROLE = re.compile(
    r"\b(?:no|indikator|target|realisasi|capaian|satuan|uraian|sasaran|program|kegiatan|rencana|kinerja|anggaran|"
    r"tahun|keterangan|kategori|pagu|alokasi)\b",
    re.I,
)
_HEADER_WORD = re.compile(
    r"^(?:no\.?|n0|indikator|kinerja|target|realisasi|capaian|satuan|uraian|sasaran|strategis|program|kegiatan|rencana|"
    r"tahun|keterangan|ket\.?|kategori|predikat|anggaran|pagu|alokasi|utama|tujuan|renstra|rpjmd|akhir|s/?d|dan|"
    r"persentase|%|\(%\)|\(rp\.?\)|rp\.?|\(?\d{4}\)?|\(\d{1,2}\)|\d{1,2}|tw|i{1,3}|iv|/|-|=|x|"
    r"kondisi|awal|periode|sumber|dana|keuangan|fisik|pencapaian|capai|katagori|ket|tingkat|hasil|jenis|nama|bobot|"
    r"percepatan|perlambatan|/?\s*perlambatan|total|jumlah|nilai|skor|status|"
    # words of the goldens' headers (corpus/real/lkip): `Tingkat Efisiensi`, `Triw IV`, `Populasi Ternak (ekor)`
    r"penilaian|efisiensi|penyerapan|triw|trw|thdp|thadap|perubahan|murni|stratejik|kode|"
    r"lalu|sebelum|sesudah|setelah|kenaikan|peningkatan|rata-rata|iku|spj|aksi|penanggung|jawab|lokasi|indikatif|"
    r"ternak|populasi|produksi|ekor|ton|ribu|juta|unit|kebutuhan|rancangan|prakiraan|thn)$",
    re.I,
)
_ROW_NO = re.compile(r"^(?:\d{1,3}|[a-hA-H])[.)]?$")
_LEADING_NO = re.compile(r"^(\d{1,3}[.)]?)\s+(?=\S)")
_CAPTION = re.compile(r"^(?:tabel|table|grafik|gambar|diagram|sumber|keterangan|catatan|ket\s*:)\b", re.I)
_HEADING = re.compile(r"^(?:BAB\s+[IVX]+\b|\d+(?:\.\d+)+\.?\s+[A-Z]|[A-H]\.\s+[A-Z])")
_YEARISH = re.compile(r"^\(?(?:19|20)\d\d\)?$|^\(\d{1,2}\)$|^\(%\)$")


@dataclass(frozen=True)
class Piece:
    """A run of words one space apart on a line, at its character columns [start, end)."""

    start: int
    end: int
    text: str


def pieces(text: str) -> list[Piece]:
    return [Piece(m.start(), m.end(), m.group()) for m in _PIECE.finditer(text)]


def figure(text: str) -> bool:
    """A value a table's value column holds (`55,56`, `100%`, `BB`, `Rp 1.506.190.000`)."""
    t = text.strip().rstrip("*").strip()
    return bool(t) and (is_value(t) or bool(re.fullmatch(r"(?:Rp\.?\s*)?[\d.,]+\s*(?:%|‰)?|[≤≥<>]\s*[\d.,]+\s*%?|-", t)))


def header_line(text: str) -> bool:
    """A line naming two columns or more in separate pieces (`No  Indikator Kinerja  Target`)."""
    ps = pieces(text)
    if len(ps) < 2 or any(len(p.text) > 50 for p in ps):
        return False
    named = [p for p in ps if _ROLE.search(p.text)]
    return len(named) >= 2 and all(_headerish(p.text) for p in ps)


def _headerish(text: str) -> bool:
    words = [w.strip(".:,") for w in text.split()]
    return bool(words) and sum(1 for w in words if _header_word(w)) >= max(1, len(words) - 1)


def _header_word(w: str) -> bool:
    """A header word, or one cut short where its cell wrapped it (`Realisas` / `i 2021`, a_ruled p. 2)."""
    return not w or bool(_HEADER_WORD.match(w)) or (len(w) >= 5 and any(h.startswith(w.lower()) for h in _LONG_HEADER_WORDS))


_LONG_HEADER_WORDS = ("realisasi", "capaian", "indikator", "keterangan", "kategori", "anggaran", "pencapaian", "sasaran", "strategis")


def header_words_only(text: str) -> bool:
    """A line above or below a header line that is part of it: header words, years, `(%)`."""
    ps = pieces(text)
    return bool(ps) and all(_headerish(p.text) or _YEARISH.match(p.text) for p in ps) and len(text.strip()) <= 160


@dataclass
class Region:
    """A table's lines on one page: `head` header lines (maybe none: a table carried on), then its body."""

    lines: list[RawLine]
    head: int
    edges: list[int] = field(default_factory=list)  # gutters: the character column between two columns
    named: int = 0  # the header line naming the columns (lines above it are its cells' higher words)


def occupancy(lines: list[RawLine], width: int) -> list[int]:
    cover = [0] * width
    for r in lines:
        for p in pieces(r.text):
            for x in range(p.start, min(p.end, width)):
                cover[x] += 1
    return cover


def gutters(body: list[RawLine], head: list[RawLine] | None = None) -> list[int]:
    """The column edges of a table body: runs of character columns its lines leave empty (a few
    lines may cross one: a group row across the table). A run two wide or more is a gutter; a
    single character column that no line writes in is one where words of most lines start right
    after it (columns whose text fills them print one space apart, r11_biro-hpu p. 8)."""
    width = max((len(r.text) for r in body), default=0)
    left = min((len(r.text) - len(r.text.lstrip()) for r in body), default=0)
    # group rows (`Sasaran 1. …` and its wrapped rest) run across the table: they say nothing of its columns
    grouped = labels(body)
    body = [r for k, r in enumerate(body) if k not in grouped and not _across(r, left, width)]
    cover = occupancy(body, width)
    allowed = len(body) // 10
    # where in a gutter the edge goes: where the body is emptiest, and there where the header
    # writes least (a header word wider than the figures under it stays in its column)
    above = occupancy(head or [], width)
    place = [c * 1000 + h for c, h in zip(cover, above, strict=True)]
    edges: list[int] = []
    x, seen = 0, False
    while x < width:
        if cover[x] > allowed:
            seen, x = True, x + 1
            continue
        a = x
        while x < width and cover[x] <= allowed:
            x += 1
        if seen and x < width and x - a >= 2:
            edges.append(int(emptiest(place, a, x)))
    return sorted(edges + _tight(body, width, allowed, edges))


def labels(body: list[RawLine]) -> set[int]:
    """Indices of a body's group labels (`Sasaran 2. … Andal dan`) and their wrapped rest
    (`Berkualitas`: one piece under the label's start, a_ruled p. 1)."""
    out: set[int] = set()
    for k, r in enumerate(body):
        ps = pieces(r.text)
        if len(ps) != 1 or not GROUP_START.match(ps[0].text):
            continue
        out.add(k)
        for j in range(k + 1, min(k + 3, len(body))):
            nxt = pieces(body[j].text)
            if len(nxt) != 1 or abs(nxt[0].start - ps[0].start) > 1 or _blanks(body[j - 1], body[j]) or figure(nxt[0].text):
                break
            out.add(j)
    return out


def _across(r: RawLine, left: int, width: int) -> bool:
    """A line of one piece over half the table's width, or a group row's label."""
    ps = pieces(r.text)
    return len(ps) == 1 and (ps[0].end - ps[0].start > (width - left) / 2 or bool(GROUP_START.match(ps[0].text)))


def _tight(body: list[RawLine], width: int, allowed: int, edges: list[int]) -> list[int]:
    """Single character columns no line writes a character in, with words of most of the lines
    that reach past them starting right after them: the edge of a left-aligned column."""
    ink = [0] * width
    starts = [0] * (width + 1)
    for r in body:
        for m in re.finditer(r"\S+", r.text):
            starts[m.start()] += 1
            for x in range(m.start(), m.end()):
                ink[x] += 1
    out = []
    for g in range(1, width - 1):
        if ink[g] > allowed or ink[g - 1] == 0 or any(abs(g - e) <= 2 for e in edges):
            continue
        reach = sum(1 for r in body if len(r.text.rstrip()) > g + 1)
        if starts[g + 1] >= max(3, reach // 2):
            out.append(g)
    return out


def cells_of(text: str, edges: list[int]) -> list[Piece]:
    """A line's pieces, cut where a column edge falls on a space inside one (two columns printed
    one space apart, r11_biro-hpu p. 8); in a line of several pieces, at the space nearest an
    edge a piece crosses (`Realisasi Capaian` over two columns, `… tetapi tidak 0,17%`, a_ruled
    pp. 1-2). One piece alone across the table (a group row) stays whole."""
    ps = pieces(text)
    if len(ps) == 1 and sum(1 for e in edges if ps[0].start < e < ps[0].end - 1) >= 2:
        return ps  # one piece over three columns or more: a group row, whole
    out: list[Piece] = []
    for p in ps:
        start = p.start
        for e in edges:
            if not start < e < p.end - 1:
                continue
            cut = e if text[e] == " " else (_nearest_space(text, start, p.end, e) if len(ps) >= 2 else None)
            if cut is not None:
                out.append(Piece(start, cut, text[start:cut].strip()))
                start = cut + 1
        out.append(Piece(start, p.end, text[start : p.end].strip()))
    return [p for p in out if p.text]


def _nearest_space(text: str, start: int, end: int, e: int) -> int | None:
    spaces = [x for x in range(start + 1, end - 1) if text[x] == " " and abs(x - e) <= 3]
    return min(spaces, key=lambda x: abs(x - e)) if spaces else None


def span(p: Piece, edges: list[int]) -> tuple[int, int]:
    """The columns a piece covers (0-based), by the edges it crosses; a piece reaching over an
    edge by a character or two stays in the column it mostly stands in."""
    c0 = sum(1 for e in edges if e < p.start)
    c1 = sum(1 for e in edges if e < p.end - 1)
    while c1 > c0 and edges[c1 - 1] >= p.end - 2:
        c1 -= 1
    while c0 < c1 and edges[c0] <= p.start + 1:
        c0 += 1
    return c0, c1


def _blanks(a: RawLine, b: RawLine) -> int:
    """Blank lines between two lines of a page (the text export's vertical gaps)."""
    return b.line - a.line - 1


def _ends_table(r: RawLine, left: int) -> bool:
    """A line no table row is: a caption or source note, a heading, or a paragraph line starting
    at the table's left edge and running on one space apart (prose, not cells)."""
    text = r.text.strip()
    ps = pieces(r.text)
    if _CAPTION.match(text) or (len(ps) == 1 and _HEADING.match(text) and not figure(text.split()[-1])):
        return True
    if len(ps) == 1 and ps[0].start < left - 1 and len(text) >= 20 and not GROUP_START.match(text):
        return True  # a paragraph starting left of the table (`2. Misi 2 : Menjamin …`, r02_dinkes p. 34)
    return len(ps) == 1 and len(text) >= 75 and ps[0].start <= left + 2 and not GROUP_START.match(text)


def head_at(lines: list[RawLine], i: int) -> tuple[int, int] | None:
    """The header around a header line at i: (first, end) line indices, the header words printed
    above it (`Target` over `2016` over `(%)`, r29_dishub p. 2) and below it included."""
    if not header_line(lines[i].text):
        return None
    first = i
    while first > 0 and i - first < 3 and _above_header(lines[first - 1].text) and _blanks(lines[first - 1], lines[first]) <= 1:
        first -= 1
    end = i + 1
    while end < len(lines) and end - first < 8 and _blanks(lines[end - 1], lines[end]) <= 2:
        text = lines[end].text
        numbers = column_numbers(text)
        if not numbers and (not header_words_only(text) or any(figure(p.text) and not _YEARISH.match(p.text) for p in pieces(text))):
            break
        end += 1
    return first, end


def _above_header(text: str) -> bool:
    """Header words over a header line (`Target` over `2016`, `Capaian Kinerja %`), not the
    table's title: one piece with a word no header has (`Sasaran Strategis, Perjanjian Kinerja
    dan Target Tahun 2016`, r01_bappeda p. 22)."""
    ps = pieces(text)
    if len(ps) == 1 and not all(_header_word(w.strip(".:,")) or _YEARISH.match(w) for w in ps[0].text.split()):
        return False
    return header_words_only(text)


def column_numbers(text: str) -> bool:
    """The line under a header numbering its columns: `(1) (2) (3)` or `1  2  3  4` in order."""
    ps = pieces(text)
    nums = [re.fullmatch(r"\(?(\d{1,2})\)?", p.text) for p in ps]
    if len(ps) < 3 or not all(nums):
        return False
    values = [int(m.group(1)) for m in nums if m]
    return values == list(range(values[0], values[0] + len(values)))


def body_end(lines: list[RawLine], start: int, left: int) -> int:
    """Where a table's body that starts at `start` ends: the first line no row is, a new header,
    or a gap of four blank lines or more."""
    j = start
    label = 0  # lines since a group row's label: its wrapped rest is as wide as a paragraph (a_ruled p. 2)
    while j < len(lines):
        if j > start and (_blanks(lines[j - 1], lines[j]) >= 4 or header_line(lines[j].text)):
            break
        text = lines[j].text.strip()
        if GROUP_START.match(text) and len(pieces(lines[j].text)) == 1:
            label = 1
        elif label and label < 3 and len(pieces(lines[j].text)) == 1 and _blanks(lines[j - 1], lines[j]) == 0:
            label += 1
        elif _ends_table(lines[j], left):
            break
        else:
            label = 0
        j += 1
    return j


@dataclass
class _Row:
    lines: list[int] = field(default_factory=list)  # indices into the body
    filled: set[int] = field(default_factory=set)  # value columns with a figure
    group: bool = False


def value_columns(body: list[list[tuple[tuple[int, int], Piece]]]) -> set[int]:
    """Columns whose cells mostly hold figures; not the first, which numbers the rows."""
    seen: dict[int, list[bool]] = {}
    for line in body:
        for (c0, c1), p in line:
            if c0 == c1:
                seen.setdefault(c0, []).append(figure(p.text))
    return {c for c, v in seen.items() if c > 0 and sum(v) >= max(1, len(v) / 2)}


def group_rows(located: list[list[tuple[tuple[int, int], Piece]]], values: set[int], gaps: list[int] | None = None) -> list[_Row]:
    """The body's lines grouped into rows. A row opens with a row number in the first column, a
    group row (one piece over several columns, or `Sasaran …` / `Program …` alone), or a line with
    figures in value columns the open row has filled already (several indicators under one
    number, r29_dishub p. 2; one column's figure printed a line lower, r13_rsjiwa p. 17). A line
    of figures alone belongs to the row it stands in (a vertically centred cell, r11_biro-hpu
    p. 9). A blank line after a row with its figures opens a row too (rows set apart by their
    padding, the figure printed beside a name's middle line, r01_bappeda p. 23), and so does a
    first-column cell starting under a row that has its figures and an empty first column. Other
    lines are the open row's cells wrapping."""
    rows: list[_Row] = []
    gaps = gaps or [0] * len(located)
    for k, line in enumerate(located):
        figs = {c0 for (c0, c1), p in line if c0 == c1 and c0 in values and figure(p.text)}
        first = [p for (c0, _), p in line if c0 == 0]
        numbered = bool(first) and bool(_ROW_NO.match(first[0].text) or _LEADING_NO.match(first[0].text)) and 0 not in values
        group = len(line) == 1 and not figs and (line[0][0][1] > line[0][0][0] or bool(GROUP_START.match(line[0][1].text)))
        open_row = rows[-1] if rows else None
        label = located[open_row.lines[0]][0][1] if open_row is not None and open_row.group else None
        if (
            label is not None
            and open_row
            and len(line) == 1
            and not figs
            and not numbered
            and len(open_row.lines) < 3
            and abs(line[0][1].start - label.start) <= 1
        ):
            open_row.lines.append(k)  # the group label's wrapped rest (`Sasaran 2. … Andal dan` / `Berkualitas`)
            continue
        apart = gaps[k] > 0 and bool(open_row and open_row.filled)
        # the first column starting a cell under a row that has its figures and left that column
        # empty: the next merged Sasaran cell begins (r01_bappeda p. 23)
        below_empty = (
            bool(first)
            and _SASARAN_START.match(first[0].text) is not None
            and open_row is not None
            and bool(open_row.filled)
            and not _starts_at(located[open_row.lines[0]], 0)
        )
        if (
            open_row is None
            or group
            or open_row.group
            or apart
            or below_empty
            or (numbered and _complete(open_row, values))
            or bool(figs & open_row.filled)
        ):
            rows.append(_Row([k], set(figs), group))
            continue
        open_row.lines.append(k)
        open_row.filled |= figs
    return rows


_SASARAN_START = re.compile(r"^[A-Z][a-z]+\s+[a-z]")  # a sentence starting: `Meningkatnya kompetensi …`


def _starts_at(line: list[tuple[tuple[int, int], Piece]], col: int) -> bool:
    return any(c0 == col for (c0, _), _p in line)


def _complete(row: _Row, values: set[int]) -> bool:
    """The open row has its figures (or the table has no value columns to wait for)."""
    return bool(row.filled) or not values


Located = list[tuple[tuple[int, int], Piece]]


def locate(r: RawLine, edges: list[int]) -> Located:
    return [(span(p, edges), p) for p in cells_of(r.text, edges)]


def _cells(row: int, lines: list[Located], top: float, bottom: float, n: int, edges: list[int]) -> list[GridCell]:
    """One grid row's cells: per column the lines' text top-down; a piece over several columns
    is a cell spanning them (its columns' other text joins it)."""
    spans: list[list[int]] = []  # [first column, last column] of each cell
    texts: list[list[str]] = []
    for line in lines:
        for (c0, c1), p in line:
            hit = [k for k, (a, b) in enumerate(spans) if not (c1 < a or c0 > b)]
            if not hit:
                spans.append([c0, c1])
                texts.append([p.text])
                continue
            keep = hit[0]
            for other in reversed(hit[1:]):
                texts[keep] += texts.pop(other)
                spans[keep] = [min(spans[keep][0], spans[other][0]), max(spans[keep][1], spans.pop(other)[1])]
            spans[keep] = [min(spans[keep][0], c0), max(spans[keep][1], c1)]
            texts[keep].append(p.text)
    xs = _xs(edges)
    out = []
    for (a, b), t in sorted(zip(spans, texts, strict=True)):
        out.append(GridCell(row, a, 1, b - a + 1, "\n".join(t), (xs[a], top, xs[b + 1], bottom)))
    return out


def _xs(edges: list[int]) -> list[float]:
    return [0.0, *(e * CHAR for e in edges), 10_000.0]


def region_grid(region: Region, page: int) -> Grid:
    """The grid of a region: its header lines as rows, then its body rows. The lines down to the
    one naming the columns are one row while no piece of them spans columns (short cells'
    words centred higher, `Target` over `No  Sasaran … 2016`, r29_dishub p. 2); each line
    below it naming a column under a column's name is a row of its own, as the PDF's header bands
    are (`2024` over `Target` must not read `2024 Target`, a_ruled p. 2); one that does not (`(%)`,
    a name centred lower, `Indikator Kinerja` beside `Target 2016`, r29_dishub p. 7) joins it."""
    edges = region.edges
    n = len(edges) + 1
    body = [locate(r, edges) for r in region.lines[region.head :]]
    values = value_columns(body)
    head = _unclaimed([locate(r, edges) for r in region.lines[: region.head]], values)
    groups: list[tuple[list[Located], float, float]] = []
    for k, line in enumerate(head):
        top = region.lines[k].line * LINE
        if groups and (k <= region.named or not _under(line, groups[-1][0])) and not _spans([line]) and not _spans(groups[-1][0]):
            groups[-1] = ([*groups[-1][0], line], groups[-1][1], top + LINE)
        else:
            groups.append(([line], top, top + LINE))
    lines = region.lines[region.head :]
    gaps = [0] + [_blanks(a, b) for a, b in itertools.pairwise(lines)]
    for row in group_rows(body, values, gaps):
        first, last = region.lines[region.head + row.lines[0]], region.lines[region.head + row.lines[-1]]
        groups.append(([body[k] for k in row.lines], first.line * LINE, (last.line + 1) * LINE))
    cells = [c for r, (lines, top, bottom) in enumerate(groups) for c in _cells(r, lines, top, bottom, n, edges)]
    ys = [g[1] for g in groups] + [groups[-1][2]]
    return Grid(page, tuple(_xs(edges)), tuple(ys), tuple(cells), "stream")


def _unclaimed(head: list[Located], values: set[int]) -> list[Located]:
    """Header pieces over a gutter moved into the one value column they cover that no other
    header line names. pdftotext packs a line of few words to the left: `Realisasi`, centred
    beside the two lines of `Target` / `(%)`, prints over the gutter between the target's figures
    and the realisation's, and would name both columns (r02_dinkes p. 33)."""
    claimed = {c0 for line in head for (c0, c1), p in line if c0 == c1 and _ROLE.search(p.text)}
    out = []
    for line in head:
        moved = []
        for (c0, c1), p in line:
            free = [c for c in range(c0, c1 + 1) if c not in claimed]
            if c1 > c0 and len(free) == 1 and free[0] in values and _ROLE.search(p.text):
                c0 = c1 = free[0]
            moved.append(((c0, c1), p))
        out.append(moved)
    return out


def _under(line: Located, above: list[Located]) -> bool:
    """The line names a column (`Target`) under a column the lines above write in (`2024`)."""
    filled = {c for ln in above for (c0, c1), _ in ln for c in range(c0, c1 + 1)}
    return any(_ROLE.search(p.text) and c0 in filled for (c0, _), p in line)


def _spans(lines: list[Located]) -> bool:
    return any(c1 > c0 for line in lines for (c0, c1), _ in line) or any(
        len(line) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?", p.text) for _, p in line) for line in lines
    )


@dataclass(frozen=True)
class Carried:
    """A table that ran to its page's end: its columns, for the lines at the next page's top."""

    edges: tuple[int, ...]
    left: int


def page_regions(lines: list[RawLine], carried: Carried | None) -> tuple[list[Region], Carried | None]:
    """The tables of one page (its furniture already dropped), top-down, and the table left open
    at its end. Lines at the page's top carry the previous page's table on (no header: pdftotext
    prints the rest of a table without one, r11_biro-hpu p. 9)."""
    regions: list[Region] = []
    i = 0
    if carried is not None and lines and not header_line(lines[0].text) and not _ends_table(lines[0], carried.left):
        end = body_end(lines, 0, carried.left)
        regions.append(_fit(Region(lines[:end], 0), list(carried.edges)))
        i = end
    open_end = bool(regions) and i >= len(lines)
    left = carried.left if carried else 0
    while i < len(lines):
        head = head_at(lines, i)
        if head is None:
            i += 1
            continue
        first, end = head
        # (the first row counted in: a header centred over its columns starts right of the names, r29_dishub p. 7)
        left = min(p.start for r in lines[first : end + 1] for p in pieces(r.text))
        stop = body_end(lines, end, left)
        if stop - end >= 1:
            regions.append(_fit(Region(lines[first:stop], end - first, named=_naming(lines[first:end])), []))
            open_end = stop >= len(lines)
        i = max(stop, i + 1)
    if regions and open_end and len(regions[-1].edges) >= 2:
        return regions, Carried(tuple(regions[-1].edges), left)
    return regions, None


def _naming(head: list[RawLine]) -> int:
    """The header line naming the columns: the header line of most pieces (`No  Sasaran
    Indikator Kinerja  2016` under `Target` and `Realisasi  Capaian`, r29_dishub p. 2)."""
    named = [k for k, r in enumerate(head) if header_line(r.text)] or [0]
    return max(named, key=lambda k: (len(pieces(head[k].text)), -k))


def _fit(region: Region, carried: list[int]) -> Region:
    """The region's column edges: from its body's gutters; a carried table's where its body
    leaves them empty too (the same columns as on the page before) or finds none of its own."""
    body = region.lines[region.head :]
    found = gutters(body, region.lines[: region.head])
    if carried and len(found) < len(carried) and _fits(body, carried):
        region.edges = carried
    else:
        region.edges = found
    return region


def _fits(body: list[RawLine], edges: list[int]) -> bool:
    """No line writes over an edge but for a space there."""
    return all(len(r.text) <= e or r.text[e] == " " for r in body for e in edges)
