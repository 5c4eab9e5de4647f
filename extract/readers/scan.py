"""Scanned pages (no text layer): rendered, OCR'd in parallel (ocr.py), and turned into the
same page items as a born-digital page — ruled tables from the rulings found in the image
with each cell's text from the word boxes inside it, unruled tables from the words'
positions, the rest as prose lines. Each table cell keeps the lowest OCR confidence of its
words."""

from __future__ import annotations

import os
import subprocess
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from extract.errors import UnreadableInput
from extract.layout import find_grids
from extract.layout.geometry import Word as LayoutWord
from extract.layout.settings import LayoutSettings
from extract.readers.ocr import OcrPage, OcrWord, read_cells, read_image, require
from extract.readers.pdf_glyphs import VLine, Word
from extract.readers.pdf_lattice import Box, Item, grid_items, outside
from extract.readers.pdf_words import Columns, unruled_tables
from extract.settings import ExtractSettings
from extract.values import GRADES, OPINIONS


def _dpi(page: Any, settings: ExtractSettings) -> float:
    """The scan's own resolution (its largest image over the page width), so the page is
    not resampled before OCR."""
    if settings.ocr_dpi:
        return float(settings.ocr_dpi)
    import pypdfium2.raw as pdfium_raw

    best = 0.0
    for obj in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, _, right, _ = obj.get_bounds()
        if right - left > page.get_width() / 2:
            best = max(best, obj.get_px_size()[0] / ((right - left) / 72))
    # below 200 dpi (an office copier's 100 dpi, 1 bit) the page is rendered at 300: tesseract at
    # the native 100 dpi reads `88,50%` as `89,504`
    return min(400.0, best) if best >= 200 else 300.0


def _render(page: Any, dpi: float) -> Any:
    import numpy as np

    pixels = page.render(scale=dpi / 72, grayscale=True).to_numpy()
    return np.array(pixels.reshape(pixels.shape[0], pixels.shape[1]), copy=True)  # the bitmap's buffer is freed with it


def ocr_pages(pages: list[tuple[int, Any]], path: str, settings: ExtractSettings) -> Iterator[OcrPage]:
    """OCR results of the (index, PDFium page) `pages`, in order. PDFium is not thread-safe, so pages are
    rendered here, in the calling thread; the OpenCV work and tesseract processes run in a
    pool, a few pages ahead of the reader."""
    binary = require(path, settings.ocr_languages, settings.ocr_engine)
    workers = settings.ocr_workers or max(1, os.cpu_count() or 1)
    with ThreadPoolExecutor(workers, thread_name_prefix="lakip-ocr") as pool:
        pending: deque[tuple[int, Future[OcrPage]]] = deque()
        for index, page in pages:
            dpi = _dpi(page, settings)
            pending.append((index, pool.submit(_ocr_page, _render(page, dpi), dpi, binary, settings)))
            if len(pending) > workers:
                yield _result(*pending.popleft(), path)
        while pending:
            yield _result(*pending.popleft(), path)


def _result(index: int, future: Future[OcrPage], path: str) -> OcrPage:
    try:
        return future.result()
    except subprocess.TimeoutExpired as e:
        raise UnreadableInput(path, f"OCR of page {index + 1} took over {e.timeout:g} s", "raise ExtractSettings.ocr_page_timeout") from e
    except (OSError, ValueError) as e:
        raise UnreadableInput(path, f"OCR of page {index + 1} failed ({e})", "check that `tesseract` runs from a shell") from e


_MARKS = frozenset(GRADES + OPINIONS)


def _ocr_page(gray: Any, dpi: float, binary: str, settings: ExtractSettings) -> OcrPage:
    """One page, in a pool thread: OCR, the ruled tables from the rulings and word boxes, and
    the cells read with low confidence read again on their own (whole-page OCR reads `1
    Layanan` in a narrow cell as `lLayanan`, the cell alone as `1 Layanan`)."""
    page, img = read_image(gray, dpi, binary, settings)
    sure = _sure_words(page.words)
    words = _repaired(list(page.words), sure)
    page = replace(page, words=tuple(words))
    read = _cell_text(words, {})
    doubtful: list[Box] = []

    def probe(box: Box) -> tuple[str, float | None]:
        text, conf = read(box)
        if conf is not None and conf < settings.ocr_reread_below:
            doubtful.append(box)
        return text, conf

    segments = [*page.horizontal, *page.vertical]
    # the same table layer as a born-digital page's: ruled grids, and columns from the words'
    # alignment where the rulings make none (or there are none)
    aligned = [LayoutWord(w.x0, w.top, w.x1, w.bottom, w.text, w.conf, w.line) for w in words]
    grids = find_grids(segments, lambda: aligned, probe, 0, _LAYOUT, True, True)
    if doubtful:
        again = _reread(img, doubtful, dpi, binary, settings, sure)
        grids = find_grids(segments, lambda: aligned, _cell_text(words, again), 0, _LAYOUT, True, True)
    rows = [it for k, g in enumerate(grids) for it in grid_items(g, k)]
    return replace(page, rows=tuple(rows), spans=tuple((g.ys[0], g.ys[-1]) for g in grids))


_LAYOUT = LayoutSettings()


def _reread(
    img: Any, boxes: list[Box], dpi: float, binary: str, settings: ExtractSettings, sure: frozenset[str] = frozenset()
) -> dict[Box, tuple[str, float]]:
    """The doubtful cells read on their own; those still doubtful read once more thresholded on
    their own histogram, that reading kept where it is the surer one. (The grey crop keeps the
    page's speckle around a lone digit: `c_scanned` p. 4 `1` over `Layanan` read as `eh
    Layanan`; thresholding every crop instead costs `%` elsewhere: `98,45%` read as `98,454`.)"""
    again = {box: _join(_repaired(found, sure)) for box, found in read_cells(img, boxes, dpi, binary, settings) if found}
    still = [box for box in boxes if box in again and again[box][1] < settings.ocr_reread_below]
    for box, found in read_cells(img, still, dpi, binary, settings, binarize=True):
        if found and _join(found)[1] > again[box][1]:
            again[box] = _join(_repaired(found, sure))
    return again


#: a word tesseract read this surely is the page's own spelling of it
SURE = 90.0
#: below this, tesseract guessed the word: one letter off a sure word of the page, it is that word
GUESSED = 50.0


def _sure_words(words: tuple[OcrWord, ...]) -> frozenset[str]:
    return frozenset(w.text.lower() for w in words if w.conf >= SURE and len(w.text) >= 6 and w.text.isalpha())


def _repaired(words: list[OcrWord], sure: frozenset[str]) -> list[OcrWord]:
    """Words tesseract guessed (confidence under GUESSED) that are one letter off a word it read
    surely elsewhere on the page, spelled as there (`c_scanned` p. 2: `Iniormasi` at 31 beside
    `Informasi` twice at 95-96). The word keeps its low confidence, so the cell is still flagged
    as read unsurely (`ocr-low-confidence`); names only, six letters or more, same length: a
    figure is never respelled."""
    from rapidfuzz.distance import Hamming

    out = []
    for w in words:
        low = w.text.lower()
        if w.conf < GUESSED and len(low) >= 6 and low.isalpha() and low not in sure:
            near = sorted(s for s in sure if len(s) == len(low) and Hamming.distance(s, low) == 1)
            if len(near) == 1:
                spelled = near[0]
                w = replace(w, text=spelled.upper() if w.text.isupper() else spelled.capitalize() if w.text[:1].isupper() else spelled)
        out.append(w)
    return out


def _join(words: list[OcrWord]) -> tuple[str, float]:
    """A cell's text, its visual lines kept apart (the grid joins them), and its lowest confidence."""
    lines = [" ".join(w.text for w in line) for line in _visual_lines(words)]
    return "\n".join(_case(ln) if len(lines) == 1 else ln for ln in lines), min(w.conf for w in words)


def _case(text: str) -> str:
    """`cc` alone in a cell is the grade CC read in the wrong case."""
    return text.upper() if len(text) >= 2 and text.islower() and text.upper() in _MARKS else text


_B_AS_8 = {"88": "BB", "8B": "BB", "B8": "BB"}


def _grades(item: Item) -> Item:
    """`88` beside a grade in the same row is the grade BB (tesseract reads B as 8)."""
    if not any(c.strip() in _MARKS for c in item.cells):
        return item
    return item._replace(cells=[_B_AS_8.get(c.strip(), c) for c in item.cells])


def _visual_lines(words: list[OcrWord]) -> list[list[OcrWord]]:
    """Words grouped into the visual lines tesseract found, top-down, each left to right.
    (Grouping by position instead mixes lines: `yang` hangs lower than `RPP` beside it.)"""
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for w in words:
        lines.setdefault(w.line, []).append(w)
    return [sorted(ln, key=lambda w: w.x0) for ln in sorted(lines.values(), key=lambda ln: min(w.top for w in ln))]


def _cell_text(words: list[OcrWord], again: dict[Box, tuple[str, float]]) -> Callable[[Box], tuple[str, float | None]]:
    """A cell's text: read again on its own, or the page's words whose centres are inside."""

    def text(box: Box) -> tuple[str, float | None]:
        if box in again:
            return again[box]
        x0, top, x1, bottom = box
        inside = [w for w in words if x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= (w.top + w.bottom) / 2 <= bottom]
        return _join(inside) if inside else ("", None)

    return text


def page_items(page: OcrPage, carried: Columns | None, table_page: bool) -> tuple[list[Item], Columns | None]:
    """A scanned page's items (top-down) and the columns of an unruled table left open."""
    words = list(page.words)
    if page.rows:
        strips = outside(list(page.spans), page.height)
        rest = [w for w in words if any(t <= (w.top + w.bottom) / 2 <= b for t, b in strips)]
        prose_lines = [Item(line[0].top, [" ".join(w.text for w in line)]) for line in _visual_lines(rest)]
        return [_grades(it) for it in page.rows] + prose_lines, None
    vlines = [VLine(min(w.top for w in ln), max(w.bottom for w in ln), [Word(w.x0, w.x1, w.top, w.bottom, w.text) for w in ln])
              for ln in _visual_lines(words)]  # fmt: skip
    if carried is not None or table_page:
        found, rest_lines, carried = unruled_tables(vlines, carried)
        if found:
            return found + [Item(v.top, [v.text]) for v in rest_lines], carried
    return [Item(v.top, [v.text]) for v in vlines], None
