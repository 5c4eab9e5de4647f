"""Born-digital PDFs, read with PDFium (pypdfium2) alone: the text layer of every page, and
the ruled tables from the page's ruling lines (pdf_lattice). Rows come out as `Line`s with
cells, so the shared assembler handles headers, page-break continuations and group rows
exactly as for text exports. Provenance is page + bbox (points from the page's top-left);
`line` numbers the document's lines in reading order.

pypdfium2 is imported here only, when a PDF is read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from extract.errors import UnreadableInput, UnsupportedInput
from extract.model import Line, Source
from extract.readers.pdf_lattice import lattice, prose
from extract.readers.pdf_words import unruled_tables, visual_lines, words_of
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

    path_type = pdfium_raw.FPDF_PAGEOBJ_PATH
    doc = _open(path)
    lines: list[Line] = []
    plain: list[str] = []
    try:
        n = len(doc)
        if n > settings.max_pdf_pages:
            limit = settings.max_pdf_pages
            raise UnreadableInput(str(path), f"{n} pages, more than the {limit} allowed", "split the file or raise the limit")
        pages = []
        for i in range(n):
            page = doc[i]
            textpage = page.get_textpage()
            pages.append((page, textpage, textpage.get_text_range()))
        if n and all(len(t.strip()) < settings.min_page_text for _, _, t in pages):
            raise UnsupportedInput(
                str(path), "the PDF has no text layer (a scan); OCR of scans is not available yet", "give a text export of the report"
            )
        carried = None  # columns of an unruled table still open at the previous page's end
        for i, (page, textpage, text) in enumerate(pages):
            rows, spans = lattice(page, textpage, path_type)
            items: list[tuple[float, list[str], tuple[float, float, float, float] | None]] = []
            if rows:
                prose_lines = prose(textpage, page.get_width(), page.get_height(), spans)
                items = [(top, cells, bbox) for top, cells, bbox in rows]
                items += [(top, [t], None) for top, t in _merge(prose_lines)]
                carried = None
            elif carried is not None or len({m.lower() for m in _TABLE_WORDS.findall(text)}) >= 2:
                vlines = visual_lines(words_of(textpage, page.get_height()))
                found, rest, carried = unruled_tables(vlines, carried)
                if found:
                    items = found + [(top, [t], None) for top, t in _merge([(v.top, v.text) for v in rest])]
            if not items:
                items = [(0.0, [t], None) for t in _paragraphs(text.splitlines())]
            items.sort(key=lambda it: it[0])
            first = True
            for _top, cells, bbox in items:
                source = Source(str(path), len(lines) + 1, i + 1, bbox)
                lines.append(Line(tuple(cells), source, after_break=first and bool(lines)))
                plain.append("\t".join(cells))
                first = False
    finally:
        doc.close()
    return lines, plain, n


def _merge(lines: list[tuple[float, str]]) -> list[tuple[float, str]]:
    merged: list[tuple[float, str]] = []
    for top, text in lines:
        if _continues(merged[-1][1] if merged else None, text):
            merged[-1] = (merged[-1][0], _join(merged[-1][1], text))
        else:
            merged.append((top, text))
    return merged


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
