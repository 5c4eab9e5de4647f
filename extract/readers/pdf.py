"""Born-digital PDFs: pypdfium2 triages every page (fast text), pdfplumber reads the ruled
tables of the pages that look like performance tables. Rows come out as `Line`s with cells,
so the shared assembler handles headers, page-break continuations and group rows exactly
as for text exports. Provenance is page + bbox; `line` numbers the document's lines in
reading order.

pypdfium2 and pdfplumber are imported here only, when a PDF is read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from extract.errors import UnreadableInput, UnsupportedInput
from extract.model import Line, Source
from extract.settings import ExtractSettings

_TABLE_WORDS = re.compile(r"\b(target|realisasi|capaian|indikator)\b", re.I)
_WRAPPED = 70  # a narrative line this long was wrapped by the layout, the sentence goes on
_STARTS_ITEM = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|[a-zA-Z][.)]|[-•*]|BAB\b|Tabel\b|Gambar\b)\s")


def _open(path: Path) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        text = str(e).lower()
        if "password" in text:
            raise UnreadableInput(str(path), "the PDF is encrypted (password-protected)", "ask the satker for an unprotected copy") from e
        raise UnreadableInput(str(path), f"damaged or not a PDF ({e})", "export the report to PDF again") from e


def read_pdf(path: Path, settings: ExtractSettings) -> tuple[list[Line], list[str], int]:
    """Lines with cells, the plain text lines (for metadata), and the page count."""
    import pypdfium2 as pdfium

    try:
        return _read(path, settings)
    except (pdfium.PdfiumError, ValueError, KeyError, TypeError, AssertionError) as e:
        # pdfminer and PDFium raise these on broken object graphs (cycles, bad xref, bad streams)
        raise UnreadableInput(str(path), f"damaged PDF ({type(e).__name__}: {e})", "export the report to PDF again") from e


def _read(path: Path, settings: ExtractSettings) -> tuple[list[Line], list[str], int]:
    import pypdfium2.raw as pdfium_raw

    doc = _open(path)
    try:
        n = len(doc)
        if n > settings.max_pdf_pages:
            raise UnreadableInput(
                str(path), f"{n} pages, more than the {settings.max_pdf_pages} allowed", "split the file or raise the limit"
            )
        texts, ruled = [], []
        for i in range(n):
            page = doc[i]
            texts.append(page.get_textpage().get_text_range())
            ruled.append(sum(1 for _ in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH], max_depth=1)) >= 8)
        if n and all(len(t.strip()) < settings.min_page_text for t in texts):
            raise UnsupportedInput(
                str(path), "the PDF has no text layer (a scan); OCR of scans is not available yet", "give a text export of the report"
            )
        # pdfplumber (slow) only where a table can be: pages with ruling lines (a table, or the
        # rest of one whose header is on an earlier page), or with performance-table header words
        words = [{m.lower() for m in _TABLE_WORDS.findall(t)} for t in texts]
        candidates = {i for i, w in enumerate(words) if len(w) >= 2 or ruled[i]}
    finally:
        doc.close()
    lines: list[Line] = []
    plain: list[str] = []
    plumber = None
    if candidates:
        import pdfplumber

        plumber = pdfplumber.open(str(path))
    try:
        for i, text in enumerate(texts):
            page_no = i + 1
            if plumber is not None and i in candidates:
                items = _table_page(plumber.pages[i])
            else:
                items = [(None, [t], None) for t in _paragraphs(text.splitlines())]
            first = True
            for _top, cells, bbox in items:
                source = Source(str(path), len(lines) + 1, page_no, bbox)
                lines.append(Line(tuple(cells), source, after_break=first and bool(lines)))
                plain.append("\t".join(cells))
                first = False
    finally:
        if plumber is not None:
            plumber.close()
    return lines, plain, n


def _paragraphs(raw: list[str]) -> list[str]:
    """Join the visual lines of a wrapped paragraph, so sentences (and claims) stay whole."""
    out: list[str] = []
    for line in (r.strip() for r in raw):
        if not line:
            continue
        if _continues(out[-1] if out else None, line):
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
    return out


def _continues(previous: str | None, line: str) -> bool:
    """Is `line` the next visual line of the paragraph `previous` (not a heading or list item)?"""
    return previous is not None and len(previous) >= _WRAPPED and not previous.endswith((".", ":", ";")) and not _STARTS_ITEM.match(line)


def _join(a: str, b: str) -> str:
    return a + b if a.endswith("-") and b[:1].islower() else f"{a} {b}"


def _cell(text: str | None) -> str:
    if not text:
        return ""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    out = ""
    for p in parts:
        out = _join(out, p) if out else p
    return out


def _table_page(page: Any) -> list[tuple[float | None, list[str], tuple[float, float, float, float] | None]]:
    items: list[tuple[float | None, list[str], tuple[float, float, float, float] | None]] = []
    tables = page.find_tables()
    outside = page
    for t in tables:
        for row, cells in zip(t.rows, t.extract(), strict=False):
            x0, top, x1, bottom = row.bbox
            items.append((top, [_cell(c) for c in cells], (x0, top, x1, bottom)))
        outside = outside.outside_bbox(t.bbox)
    prose = [(ln["top"], ln["text"]) for ln in outside.extract_text_lines()]
    merged: list[tuple[float, str]] = []
    for top, text in prose:
        if _continues(merged[-1][1] if merged else None, text):
            merged[-1] = (merged[-1][0], _join(merged[-1][1], text))
        else:
            merged.append((top, text))
    items += [(top, [text], None) for top, text in merged]
    items.sort(key=lambda it: it[0] or 0.0)
    return items
