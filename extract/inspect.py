"""What the reader saw (`lakip inspect FILE [--page N]`): the tables found with their column roles
and rows, and for a PDF each table page as an image with the tables, rows and cells drawn over it
(colour by column role), as pdfplumber's `debug_tablefinder` and camelot's `plot` show theirs.

A user whose table came out wrong sees which of the three went wrong: no region drawn (the table
was not found), cells cut across the columns (the grid is wrong), or a cell in the wrong colour
(the header's roles are).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.model import Document, Line, Row, Table

#: BGR colours per column role, for the page images
COLOURS: dict[str, tuple[int, int, int]] = {
    "indicator": (200, 90, 0),
    "activity": (200, 90, 0),
    "target": (0, 140, 255),
    "realisasi": (0, 160, 0),
    "capaian": (0, 0, 220),
    "history": (160, 0, 160),
    "no": (120, 120, 120),
    "group": (0, 120, 120),
}
_OTHER = (150, 150, 150)
_SCALE = 1.5  # page images at 108 dpi: rows legible, files small


@dataclass(frozen=True)
class Inspection:
    text: str
    images: tuple[Path, ...]


def inspect(doc: Document, pages: set[int] | None = None, out: Path | None = None) -> Inspection:
    """The report of `doc`'s tables (on `pages` only, when given) and, for a PDF with `out`, one
    PNG per page holding a table."""
    tables = [t for t in doc.tables if pages is None or _pages(t, doc) & pages]
    text = "\n\n".join(_describe(t, doc) for t in tables) or "no table found" + (f" on page {sorted(pages)}" if pages else "")
    images: list[Path] = []
    if out is not None and doc.input_kind in ("pdf", "scan"):
        on = set().union(*(_pages(t, doc) for t in tables)) if tables else set()
        wanted = sorted(p for p in (pages if pages is not None else on) if 1 <= p <= (doc.pages or 0))
        out.mkdir(parents=True, exist_ok=True)
        images = [_draw(doc, tables, p, out) for p in wanted]
    meta = doc.metadata
    header = f"{Path(doc.path).name}: {doc.input_kind}, {doc.pages or '?'} pages, {len(doc.tables)} tables"
    header += f"; satker {meta.satker or '?'}, year {meta.year or '?'}"
    return Inspection(f"{header}\n\n{text}", tuple(images))


def _lines(t: Table, doc: Document) -> list[Line]:
    return [ln for ln in doc.lines if t.source.line <= ln.source.line <= max(t.end_line, t.source.line)]


def _pages(t: Table, doc: Document) -> set[int]:
    return {ln.source.page for ln in _lines(t, doc) if ln.source.page is not None}


def _role(role: str) -> str:
    return "history" if role.startswith("hist:") else role


def _describe(t: Table, doc: Document) -> str:
    where = sorted(_pages(t, doc))
    pages = f"p. {where[0]}" + (f"-{where[-1]}" if len(where) > 1 else "") if where else "p. ?"
    out = [f"Table {t.seq} [{t.kind}] {pages}: {t.caption or '(no caption)'}"]
    paths = t.paths or t.header
    for k, role in enumerate(t.roles):
        label = paths[k] if k < len(paths) else ""
        out.append(f"  col {k + 1:2d}  {role:14s} {label}")
    out.append(f"  {len(t.rows)} rows")
    out += [f"    {_row(r)}" for r in t.rows]
    return "\n".join(out)


def _row(r: Row) -> str:
    def raw(v: object) -> str:
        return getattr(v, "raw", None) or "-"

    name = r.indicator if len(r.indicator) <= 70 else r.indicator[:67] + "..."
    hist = f"  history {len(r.history)}" if r.history else ""
    where = f"(p. {r.source.page}, line {r.source.page_line})"
    return f"{r.number or '':>4s} {name:70s} | {raw(r.target)} | {raw(r.realisasi)} | {raw(r.capaian)}{hist}  {where}"


def _draw(doc: Document, tables: list[Table], page: int, out: Path) -> Path:
    import cv2
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(doc.path)
    try:
        img = pdf[page - 1].render(scale=_SCALE).to_numpy()[:, :, :3].copy()
    finally:
        pdf.close()
    for t in tables:
        lines = [ln for ln in _lines(t, doc) if ln.source.page == page]
        _draw_table(img, t, lines)
    dest = out / f"{Path(doc.path).stem}-p{page:03d}.png"
    cv2.imwrite(str(dest), img)
    return dest


def _px(v: float) -> int:
    return round(v * _SCALE)


def _draw_table(img: Any, t: Table, lines: list[Line]) -> None:
    import cv2

    boxes = [ln.source.bbox for ln in lines if ln.source.bbox is not None]
    if not boxes:
        return
    x0, y0 = min(b[0] for b in boxes), min(b[1] for b in boxes)
    x1, y1 = max(b[2] for b in boxes), max(b[3] for b in boxes)
    cv2.rectangle(img, (_px(x0) - 3, _px(y0) - 3), (_px(x1) + 3, _px(y1) + 3), (255, 0, 0), 2)
    label = f"T{t.seq} {t.kind}"
    cv2.putText(img, label, (_px(x0), max(12, _px(y0) - 6)), cv2.FONT_HERSHEY_SIMPLEX, 0.5, (255, 0, 0), 1)
    for ln in lines:
        for k, box in enumerate(ln.boxes):
            if box is None:
                continue
            role = _role(t.roles[k]) if k < len(t.roles) else "other"
            colour = COLOURS.get(role, _OTHER)
            cv2.rectangle(img, (_px(box[0]) + 1, _px(box[1]) + 1), (_px(box[2]) - 1, _px(box[3]) - 1), colour, 1)
        if not ln.boxes and ln.source.bbox is not None:
            b = ln.source.bbox
            cv2.rectangle(img, (_px(b[0]), _px(b[1])), (_px(b[2]), _px(b[3])), _OTHER, 1)
    _legend(img, t, lines)


def _legend(img: Any, t: Table, lines: list[Line]) -> None:
    """Each column's role written in its first cell's colour above the cell, once per table."""
    import cv2

    first = next((ln for ln in lines if ln.boxes), None)
    if first is None:
        return
    for k, box in enumerate(first.boxes):
        if box is None or k >= len(t.roles):
            continue
        role = t.roles[k]
        cv2.putText(img, role, (_px(box[0]) + 2, _px(box[1]) + 11), cv2.FONT_HERSHEY_SIMPLEX, 0.35, COLOURS.get(_role(role), _OTHER), 1)
