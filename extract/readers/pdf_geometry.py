"""A born-digital page's geometry from PDFium: its words (text layer) and its rulings.

Rulings are what the page draws as lines: stroked paths, thin filled rectangles (Word draws
every cell border as one), the edges of dark filled boxes (black header cells). Light filled
boxes are shading: Word shades a cell as a frame of padding rectangles around an inner box
(`r07_bp3akb` p. 55, `r29_dishub` p. 2), whose edges are no borders, so they are left out. A
path drawing many lines at once (a whole grid in one object) is walked segment by segment.
"""

from __future__ import annotations

import ctypes
import itertools
from typing import Any

from extract.layout.geometry import Segment, Word
from extract.layout.settings import LayoutSettings
from extract.readers.pdf_glyphs import words_of

_LIGHT, _DARK = 0.85, 0.15  # luminance: lighter than this is invisible on paper; darker, a black cell (red shading is 0.3)


def _luminance(getter: Any, obj: Any) -> float | None:
    """The object's fill or stroke luminance (0 black … 1 white), None when fully transparent."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj.raw, r, g, b, a) or a.value == 0:
        return None
    return (0.299 * r.value + 0.587 * g.value + 0.114 * b.value) / 255


def _edges(left: float, top: float, right: float, bottom: float, s: LayoutSettings, box_ok: bool) -> list[Segment]:
    w, h = right - left, bottom - top
    # a short piece still counts: Word's double borders join the rows' verticals with 3 pt pieces
    # (`r11_biro-hpu` p. 8); pieces too short to be a ruling are dropped once joined (`join`)
    if h <= s.thin and w >= h:
        return [Segment(True, (top + bottom) / 2, left, right)]
    if w <= s.thin and h > w:
        return [Segment(False, (left + right) / 2, top, bottom)]
    if w > s.thin and h > s.thin and box_ok:
        return [
            Segment(True, top, left, right),
            Segment(True, bottom, left, right),
            Segment(False, left, top, bottom),
            Segment(False, right, top, bottom),
        ]
    return []


def _subpaths(obj: Any, height: float) -> list[list[tuple[float, float]]]:
    """The object's subpaths as point lists in top-down page coordinates."""
    import pypdfium2.raw as pdfium_raw

    m = obj.get_matrix()
    out: list[list[tuple[float, float]]] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_raw.FPDFPath_CountSegments(obj.raw)):
        seg = pdfium_raw.FPDFPath_GetPathSegment(obj.raw, i)
        pdfium_raw.FPDFPathSegment_GetPoint(seg, x, y)
        px, py = m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f
        if pdfium_raw.FPDFPathSegment_GetType(seg) == pdfium_raw.FPDF_SEGMENT_MOVETO or not out:
            out.append([])
        out[-1].append((px, height - py))
    return out


def _walk(obj: Any, height: float, stroked: bool, s: LayoutSettings, box_ok: bool) -> list[Segment]:
    out: list[Segment] = []
    for pts in _subpaths(obj, height):
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        rect = len(pts) in (4, 5) and len({round(v, 1) for v in xs}) <= 2 and len({round(v, 1) for v in ys}) <= 2
        if rect or not stroked:
            out += _edges(min(xs), min(ys), max(xs), max(ys), s, box_ok or stroked)
            continue
        for (x0, y0), (x1, y1) in itertools.pairwise(pts):
            if abs(y1 - y0) <= 0.5 and abs(x1 - x0) > s.thin:
                out.append(Segment(True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
            elif abs(x1 - x0) <= 0.5 and abs(y1 - y0) > s.thin:
                out.append(Segment(False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return out


def segments(page: Any, path_type: int, s: LayoutSettings) -> list[Segment]:
    import pypdfium2.raw as pdfium_raw

    height, width = page.get_height(), page.get_width()
    out: list[Segment] = []
    fill_mode, stroke_mode = ctypes.c_int(), ctypes.c_int()
    for obj in page.get_objects(filter=[path_type], max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        if (right - left) * (bottom - top) >= s.max_box_share * width * height:
            continue  # a page frame
        pdfium_raw.FPDFPath_GetDrawMode(obj.raw, fill_mode, stroke_mode)
        stroke = _luminance(pdfium_raw.FPDFPageObj_GetStrokeColor, obj) if stroke_mode.value else None
        fill = _luminance(pdfium_raw.FPDFPageObj_GetFillColor, obj) if fill_mode.value else None
        stroked = stroke is not None and stroke < _LIGHT
        filled = fill is not None and fill < _LIGHT
        if not stroked and not filled:
            continue  # white or transparent: nothing on paper
        box_ok = stroked or (fill is not None and fill < _DARK)
        if pdfium_raw.FPDFPath_CountSegments(obj.raw) <= 5:
            out += _edges(left, height - top, right, height - bottom, s, box_ok)
        else:
            out += _walk(obj, height, stroked, s, box_ok)
    return out


def words(textpage: Any, height: float) -> list[Word]:
    return [Word(w.x0, w.top, w.x1, w.bottom, w.text) for w in words_of(textpage, height)]
