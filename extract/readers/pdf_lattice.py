"""Ruled tables for the assembler: the geometry shared by born-digital PDFs (rulings from the
page's path objects, cell text from the text layer) and scans (rulings found in the image,
cell text from OCR word boxes).

The rulings give grids (`extract.layout`); each grid row becomes one `Item`: its cells (text of
a merged cell in the first column and row it covers), how many columns each spans, which are
the lower part of a cell merged down, and the grid's region id, so the shared table layer sees
one whole row per item and the table's extent. All coordinates are points from the page's top-left.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any, NamedTuple

from extract.layout.geometry import Box, Segment
from extract.layout.grid import Grid
from extract.layout.lattice import lattice
from extract.layout.rulings import join, regions
from extract.layout.settings import LayoutSettings
from extract.values import is_value

__all__ = ["Box", "Item", "Segment", "grid_items", "join_wrapped", "outside", "pdf_text", "prose", "ruled_grids"]


class Item(NamedTuple):
    """One line of a page for the assembler: its top, cells, box, OCR confidence per cell, and
    for a row of a ruled grid its region id, the columns each cell spans, the cells merged down."""

    top: float
    cells: list[str]
    bbox: Box | None = None
    confidence: tuple[float | None, ...] = ()
    region: int | None = None
    spans: tuple[int, ...] = ()
    covered: tuple[bool, ...] = ()
    whole: bool = False  # one whole table row (a grid row: its cells' lines already joined)
    boxes: tuple[Box | None, ...] = ()  # per cell, the cell's box where it starts on this row


def ruled_grids(segments: list[Segment], text: Callable[[Box], tuple[str, float | None]], page: int, s: LayoutSettings) -> list[Grid]:
    """The page's ruled tables, top-down."""
    out = []
    for region in regions(join(segments, s), s):
        g = lattice(region, text, s, page)
        if g is not None:
            out.append(g)
    return out


_ROW_MARK = re.compile(r"[IVXivx\d]{1,4}[.)]?")
_RIGHT_HALF = 500  # region id offset of the right one of two tables side by side


def grid_items(g: Grid, region: int) -> list[Item]:
    """One item per grid row that holds text (several where one cell stacks several numbered
    indicators, see `unstack`); columns that never start a cell with text (slivers between two
    rulings a producer drew apart) are left out. Cell text arrives with its visual lines; here
    they are joined. Two tables side by side under one ruling (see `side_by_side`) come as two
    regions, the right one's rows after the left one's."""
    halves = side_by_side(g)
    if halves is None:
        return _grid_items(g, region)
    left, right = halves
    # the right table's rows sort after the left one's but above the text under the grid
    below = g.ys[-1] - 0.5
    return _grid_items(left, region) + [
        it._replace(top=below + k * 0.001, region=region + _RIGHT_HALF) for k, it in enumerate(_grid_items(right, region))
    ]


def side_by_side(g: Grid) -> tuple[Grid, Grid] | None:
    """Two tables set side by side in one grid: its header's columns name the same things twice
    over, left half and right half (`No | Uraian | Satuan | Target (ekor) | No | Uraian | Satuan |
    Target (ton)`, `r16_disnak` Tabel 4 p. 17: population beside production). No cell may
    straddle the halves; at least three columns of a half, the first among them, must match."""
    keep = sorted({c.col for c in g.cells if c.text.strip()})
    if len(keep) < 6 or len(keep) % 2:
        return None
    half = len(keep) // 2
    split = keep[half]
    if any(c.col < split < c.col + c.colspan for c in g.cells):
        return None
    rows = g.rows()
    head = 0
    while head < min(len(rows), 6) and not any(is_value(c.text) or _ROW_MARK.fullmatch(c.text.strip()) for c in rows[head]):
        head += 1  # the header: the rows over the first row numbered (`I.`, `1.`) or holding a figure
    names = {k: " ".join(c.text for r in rows[:head] for c in r if c.col == k) for k in keep}
    norm = [re.sub(r"\W+", "", names[k].lower()) for k in keep]
    same = [bool(a) and not a.isdigit() and a == b for a, b in zip(norm[:half], norm[half:], strict=True)]
    if not same[0] or sum(same) < 3:
        return None
    left = [c for c in g.cells if c.col < split]
    right = [replace(c, col=c.col - split) for c in g.cells if c.col >= split]
    return replace(g, xs=g.xs[: split + 1], cells=tuple(left)), replace(g, xs=g.xs[split:], cells=tuple(right))


def _grid_items(g: Grid, region: int) -> list[Item]:
    keep = sorted({c.col for c in g.cells if c.text.strip()})
    index = {c: k for k, c in enumerate(keep)}
    slots = g.covering()
    items: list[Item] = []
    for r in range(g.n_rows):
        cells, spans, covered = [""] * len(keep), [1] * len(keep), [False] * len(keep)
        conf: list[float | None] = [None] * len(keep)
        boxes: list[Box | None] = [None] * len(keep)
        starts = False
        for c in keep:
            cell = slots[r][c]
            k = index[c]
            if cell is None:
                continue
            if cell.row != r:
                covered[k] = True
            elif cell.col == c:
                cells[k], conf[k], boxes[k] = cell.text, cell.confidence, cell.bbox
                spans[k] = sum(1 for x in keep if cell.col <= x < cell.col + cell.colspan)
                starts = starts or bool(cell.text.strip())
            else:
                spans[k] = 0  # covered by the cell to its left
        if starts:
            box = (g.xs[0], g.ys[r], g.xs[-1], g.ys[r + 1])
            confidence = tuple(conf) if any(x is not None for x in conf) else ()
            for k, part in enumerate(unstack(cells)):
                moved = tuple(c or (k > 0 and not part[i]) for i, c in enumerate(covered))
                items.append(
                    Item(g.ys[r] + k * 0.01, [_joined(t) for t in part], box, confidence, region, tuple(spans), moved, True, tuple(boxes))
                )
    return items


_ENUMERATED = re.compile(r"^(\d{1,2}|[a-zA-Z])[.)]\s+\S")


def unstack(cells: list[str]) -> list[list[str]]:
    """One ruled cell holding several numbered indicators (`1. Persentase …` / `2. Persentase …`)
    beside value cells with one value per indicator, or one value they share: one row per
    indicator, each with its own value or the shared one (`r11_biro-hpu` pp. 8, 12, 14). The
    items may follow a label announcing them (`Jumlah Produksi … :` over `a. Padi` … `k. Tanaman
    Hias`, `r18_distan` PK p. 63): the label is a row of its own above them, without values, and
    the other cells (No, Sasaran) stay with it; else they stay with the first item. Anything
    that does not line up stays one row."""
    parsed = [_items(c) for c in cells]
    k = max(len(items) for _, items in parsed)
    if k < 2:
        return _group_over_item(cells)
    out = [[""] * len(cells) for _ in range(k)]
    head = [""] * len(cells)
    for i, c in enumerate(cells):
        lead, items = parsed[i]
        lines = [ln for ln in c.split("\n") if ln.strip()]
        valued = bool(lines) and all(_figure(ln) for ln in lines)
        if len(items) == k:
            head[i] = lead
            for j in range(k):
                out[j][i] = items[j]
        elif valued and len(lines) == k:
            for j in range(k):
                out[j][i] = lines[j]
        elif valued and len(lines) == 1:
            for j in range(k):
                out[j][i] = lines[0]
        elif valued:
            return [cells]  # values that do not line up with the indicators
        else:
            head[i] = c
    if not any(parsed[i][0] for i in range(len(cells)) if len(parsed[i][1]) == k):
        out[0] = [h or o for h, o in zip(head, out[0], strict=True)]
        return out
    return [head, *out]


_UNIT_WORDS = {"persen", "%", "orang", "dokumen", "laporan", "kegiatan"}
_COUNTED = re.compile(r"^[\d.,]*\d\s+[A-Za-z]+$")  # a count in a unit the vocabulary lacks (`280.179.881 tangkai`)


def _figure(line: str) -> bool:
    return is_value(line) or line.strip().lower() in _UNIT_WORDS or bool(_COUNTED.match(line.strip()))


def _group_over_item(cells: list[str]) -> list[list[str]]:
    """One ruled row holding a group's line (`4 | Meningkatnya kinerja …` with its own figures at
    the top) and, lower down in the next column, its single numbered indicator with its figures
    (`4.1 Jumlah kelompok …`): every multi-line value cell holds two figures, the first the
    group's, the second the indicator's (`r16_disnak` Tabel 7 p. 27, sasaran 4 and 5). Two rows:
    the group's cells left of the indicator with the first figures, the indicator and its
    one-line cells (Satuan) with the second. Anything else stays one row."""
    name = next((i for i, c in enumerate(cells) if _ITEM_MARK.match(c.strip())), None)
    if name is None or "\n" in cells[name].split("\n", 1)[0] or not any(c.strip() and not _figure(c) for c in cells[:name]):
        return [cells]
    head, item = [""] * len(cells), [""] * len(cells)
    head[:name] = cells[:name]
    item[name] = cells[name]
    split = 0
    for i in range(name + 1, len(cells)):
        lines = [ln for ln in cells[i].split("\n") if ln.strip()]
        if len(lines) == 2 and all(_figure(ln) for ln in lines):
            head[i], item[i] = lines
            split += 1
        elif len(lines) <= 1:
            item[i] = cells[i]
        else:
            return [cells]
    return [head, item] if split >= 2 else [cells]


_ITEM_MARK = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)])\s+[^\W\d]")
_OUTLINE_ITEM = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+\S")


def _outline_items(lines: list[str]) -> list[str]:
    """Sibling outline items from the cell's first line on (`3.1 Jumlah unit …` / `3.2 Jumlah
    sarana …`, the last number counting up: `r16_disnak` Tabel 7 p. 27), each with the lines
    wrapping under it; [] when the cell does not open so."""
    items: list[str] = []
    last: list[int] = []
    for ln in lines:
        m = _OUTLINE_ITEM.match(ln)
        mark = [int(x) for x in m.group(1).split(".")] if m else []
        if mark and (not items or (mark[:-1] == last[:-1] and mark[-1] == last[-1] + 1)):
            items.append(ln)
            last = mark
        elif items:
            items[-1] += "\n" + ln
        else:
            return []
    return items if len(items) >= 2 else []


def _items(cell: str) -> tuple[str, list[str]]:
    """A cell's label and numbered items, each its lines joined by newlines; no items when not
    numbered. The label is what stands before the first item, ending in a colon; letters past
    `h.` count only in sequence (`i.` after `h.`: a bare `I.` or `K.` starts no list). Items may
    be numbered by outline (`3.1`, `3.2`: see `_outline_items`)."""
    outline = _outline_items([x.strip() for x in cell.split("\n") if x.strip()])
    if outline:
        return "", outline
    items: list[str] = []
    lead: list[str] = []
    last = ""
    for ln in (x.strip() for x in cell.split("\n")):
        if not ln:
            continue
        m = _ENUMERATED.match(ln)
        mark = m.group(1) if m else ""
        if m and (mark.isdigit() or mark.lower() in "abcdefgh" or (len(last) == 1 and ord(mark.lower()) == ord(last.lower()) + 1)):
            items.append(ln)
            last = mark
        elif items:
            items[-1] += "\n" + ln
        else:
            lead.append(ln)
    if lead and (not items or not lead[-1].endswith(":")):
        return "", []
    return "\n".join(lead), items if len(items) >= 2 else []


_BULLET = ("-", "–", "•")


def _joined(text: str) -> str:
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    if len(parts) == 2 and parts[1] in _BULLET and not re.search(r"\d", parts[0]) and parts[0][:1] not in _BULLET:
        # the item's dash set on the line below its words by the text layer (`Susu` / `-` among
        # `- Daging`, `- Telur`: `r16_disnak` Tabel 1 p. 13): it opens the item
        return f"{parts[1]} {parts[0]}"
    out = ""
    for part in parts:
        if part:
            out = join_wrapped(out, part)
    return out


def pdf_text(textpage: Any, height: float) -> Callable[[Box], tuple[str, float | None]]:
    """Cell text from the PDF text layer inside a box (top-down points); no confidence."""

    def text(box: Box) -> tuple[str, float | None]:
        x0, top, x1, bottom = box
        raw = textpage.get_text_bounded(left=x0, bottom=height - bottom, right=x1, top=height - top)
        # PDFium gives a hyphen that breaks a word at a line end as U+0002
        lines = (p.strip() for p in raw.replace("\x02", "-").replace("\r", "\n").split("\n"))
        return "\n".join(p for p in lines if p), None

    return text


_NUMBER_HEAD = re.compile(r"(?:^|\s)(?:Rp\.?\s*)?\d[\d.,/]*$")
_NUMBER_TAIL = re.compile(r"^[\d.,]*\d[\d.,]*(?:\s*%|,-)?$|^,-$|^%$")
_UNIT_TAIL = re.compile(r"^(?P<digits>\d{1,3})\s+[A-Za-z]{1,4}$")  # `0 KH` after `89/100.00` (r02 p. 89)


def join_wrapped(text: str, part: str) -> str:
    """Append the next visual line of a cell: a hyphen at a line end joins the word halves, and a
    figure too wide for its cell goes on without a space (`97,5` / `0`, `1.506.190.00` / `0`,
    `19.954.920.000,` / `-`: `r01_bappeda` p. 31, `r11_biro-hpu` p. 21; a ratio's, its unit after
    it: `89/100.00` / `0 KH`, `r02_dinkes` p. 89)."""
    if not text:
        return part
    if text.endswith("-") and part[:1].islower():
        return text + part
    last = text.split()[-1]
    # the head is a figure cut short: its last group after a separator lacks digits (`1.506.190.00`)
    # or it ends on the separator; the tail is the few characters left (a year over a year, or two
    # whole figures stacked in one cell, `12.317.066` / `1.190.793`, stay two)
    cut = (bool(re.search(r"[.,]\d{0,2}$", last)) and not re.fullmatch(r"\d{1,3}[.,]\d{1,2}", last)) or last.endswith((",", "."))
    short = (len(part) <= 3 and bool(_NUMBER_TAIL.match(part) or (last.endswith(",") and part == "-"))) or bool(_UNIT_TAIL.match(part))
    if _NUMBER_HEAD.search(text) and cut and short:
        return text + part
    return f"{text} {part}"


def outside(spans: list[tuple[float, float]], height: float) -> list[tuple[float, float]]:
    """The horizontal strips (top, bottom) of a page not covered by table spans."""
    strips, edge = [], 0.0
    for top, bottom in sorted(spans):
        if top - edge > 1:
            strips.append((edge, top))
        edge = max(edge, bottom)
    if height - edge > 1:
        strips.append((edge, height))
    return strips


def prose(textpage: Any, width: float, height: float, spans: list[tuple[float, float]]) -> list[tuple[float, str]]:
    """Text lines outside the table spans, with their strip's top (from the page top)."""
    out: list[tuple[float, str]] = []
    for top, bottom in outside(spans, height):
        raw = textpage.get_text_bounded(left=0, bottom=height - bottom, right=width, top=height - top)
        for n, line in enumerate(p.strip() for p in raw.replace("\r", "\n").split("\n")):
            if line:
                out.append((top + n * 0.01, line))  # keep the strip's order when sorting with table rows
    return out
