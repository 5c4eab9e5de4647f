"""PDF reports, born-digital or scanned, read with PDFium (pypdfium2): every page is triaged
by its text layer. Pages with text give ruled tables from their ruling lines (pdf_lattice)
or unruled ones from word positions (pdf_words); pages without (scans) are OCR'd (scan,
ocr) and give the same items. Rows come out as `Line`s with cells, so the shared assembler
handles headers, page-break continuations and group rows exactly as for text exports.
Provenance is page + bbox (points from the page's top-left; for scans, of the deskewed
page); `line` numbers the document's lines in reading order.

pypdfium2 is imported here only, when a PDF is read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from extract.errors import UnreadableInput
from extract.layout import find_grids
from extract.layout.geometry import Box, Segment, Word, inside, line_text
from extract.layout.geometry import visual_lines as layout_lines
from extract.layout.settings import LayoutSettings
from extract.model import Line, Source
from extract.readers.ocr import OcrPage
from extract.readers.pdf_geometry import segments, words
from extract.readers.pdf_glyphs import visual_lines, words_of
from extract.readers.pdf_lattice import Item, grid_items, pdf_text, prose
from extract.readers.pdf_rotation import Rotation, page_rotation, upright_words
from extract.readers.pdf_words import Columns, unruled_tables
from extract.readers.scan import ocr_pages, page_items
from extract.settings import ExtractSettings
from extract.values import is_value
from extract.vocabulary import WATERMARKS

_TABLE_WORDS = re.compile(r"\b(target|realisasi|capaian|indikator)\b", re.I)
_WRAPPED = 70  # a narrative line this long was wrapped by the layout, the sentence goes on
_ABBREVIATION = re.compile(r"\b(?:Rp|No|Kab|Prov|Kec|Jl|Sdr|Bpk|Drs|Ir|dr)\.$")  # a full stop that ends no sentence
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


def read_pdf(path: Path, settings: ExtractSettings) -> tuple[list[Line], list[tuple[str, int]], int]:
    """Lines with cells, the plain text lines with their pages (for metadata: each page's text
    layer as printed, running headers on their own lines), and the page count."""
    import pypdfium2 as pdfium

    try:
        return _read(path, settings)
    except (pdfium.PdfiumError, ValueError, KeyError, TypeError, AssertionError) as e:
        # pdfminer and PDFium raise these on broken object graphs (cycles, bad xref, bad streams)
        raise UnreadableInput(str(path), f"damaged PDF ({type(e).__name__}: {e})", "export the report to PDF again") from e


def _read(path: Path, settings: ExtractSettings) -> tuple[list[Line], list[tuple[str, int]], int]:
    import pypdfium2.raw as pdfium_raw

    path_type = pdfium_raw.FPDF_PAGEOBJ_PATH
    doc = _open(path)
    lines: list[Line] = []
    plain: list[tuple[str, int]] = []
    try:
        n = len(doc)
        if n > settings.max_pdf_pages:
            limit = settings.max_pdf_pages
            raise UnreadableInput(str(path), f"{n} pages, more than the {limit} allowed", "split the file or raise the limit")
        # Triage: the text layer of every page (about a millisecond each); pages without one are
        # scans. Each page is loaded once: loading is a third of a born-digital PDF's time.
        pages = [(page := doc[i], page.get_textpage()) for i in range(n)]
        texts = [textpage.get_text_range() for _, textpage in pages]
        scanned = {i for i, t in enumerate(texts) if len(t.strip()) < settings.min_page_text and _has_image(pages[i][0])}
        ocr = ocr_pages([(i, pages[i][0]) for i in sorted(scanned)], str(path), settings) if scanned else iter(())
        carried = None  # columns of an unruled table still open at the previous page's end
        for i, text in enumerate(texts):
            # a page may hold a table without rules if one of its lines names two table columns
            table_page = _names_columns(text)
            if i in scanned:
                ocr_page = next(ocr)
                items, carried = page_items(ocr_page, carried, table_page or _has_table_words(ocr_page))
            else:
                items, carried = _text_page(pages[i], i, carried, table_page, text, path_type)
            items = _merge(sorted(items, key=lambda it: it.top))
            first = True
            for it in (_unmarked(it) for it in items):
                if it is None:
                    continue
                source = Source(str(path), len(lines) + 1, i + 1, it.bbox)
                region = i * 1000 + it.region if it.region is not None else None
                line = Line(
                    tuple(it.cells),
                    source,
                    first and bool(lines),
                    False,
                    it.confidence,
                    region,
                    it.spans,
                    it.covered,
                    region is not None,
                    boxes=it.boxes,
                )
                lines.append(line)
                first = False
            page_text = [t for t in text.splitlines() if t.strip()] if i not in scanned else [" ".join(it.cells) for it in items]
            plain += [(t, i + 1) for t in page_text]
            # done with the page: PDFium keeps a rendered scan's decoded image with its page
            pages[i][1].close()
            pages[i][0].close()
    finally:
        doc.close()
    return lines, plain, n


def _names_columns(text: str) -> bool:
    """Whether a page may hold a table without rules: a line names two table columns, or the
    page names two and one stands in a short line of its own (a header whose cells the text
    layer gives line by line: `No Indikator Kinerja Realisas` / `i 2021` / … / `2024 Target`,
    dev-pdfs/b_unruled p. 3)."""
    lines = text.splitlines()
    if any(len({m.lower() for m in _TABLE_WORDS.findall(line)}) >= 2 for line in lines):
        return True
    named = {m.lower() for m in _TABLE_WORDS.findall(text)}
    return len(named) >= 2 and any(len(line.strip()) <= 30 and _TABLE_WORDS.search(line) for line in lines)


def _has_image(page: Any) -> bool:
    """A page without text but with an image is a scan; one without either is just empty
    (and needs no OCR, so a born-digital PDF with blank pages never needs tesseract)."""
    import pypdfium2.raw as pdfium_raw

    return next(iter(page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE], max_depth=2)), None) is not None


def _has_table_words(page: OcrPage) -> bool:
    return len({w.text.lower() for w in page.words if _TABLE_WORDS.fullmatch(w.text)}) >= 2


_LAYOUT = LayoutSettings()


def _text_page(
    loaded: tuple[Any, Any], index: int, carried: Columns | None, table_page: bool, text: str, path_type: int
) -> tuple[list[Item], Columns | None]:
    """A born-digital page's items: ruled tables, else unruled ones on pages that name table
    columns (or continue one), else its text as paragraphs."""
    page, textpage = loaded
    height = page.get_height()
    rot = page_rotation(textpage, page.get_width(), height)
    if rot is not None:
        return _turned_page(textpage, rot, index, [rot.segment(g) for g in segments(page, path_type, _LAYOUT)]), None
    cache: list[list[Word]] = []

    def page_words() -> list[Word]:
        if not cache:
            cache.append(words(textpage, height))
        return cache[0]

    rules = segments(page, path_type, _LAYOUT)
    cell_text = pdf_text(textpage, height)
    found = find_grids(rules, page_words, cell_text, index, _LAYOUT, False)
    if not found and (carried is not None or table_page):
        # no rules: two readings, columns anchored on the header words (pdf_words) and columns
        # from the words' alignment (layout.stream); the one that places more figures in value
        # cells wins (measured: the first reads the seeds' renderings whole, the second
        # LibreOffice/reportlab tables whose group rows span the columns, `dev-pdfs/b_unruled`)
        anchored, rest, carried = unruled_tables(visual_lines(words_of(textpage, height)), carried)
        aligned = find_grids(rules, page_words, cell_text, index, _LAYOUT, True) if table_page else []
        aligned_items = [it for k, g in enumerate(aligned) for it in grid_items(g, k)]
        if anchored and _figures(anchored) >= _figures(aligned_items):
            return anchored + [Item(v.top, [v.text]) for v in rest], carried
        found, carried = aligned, None
    if found:
        rows = [it for k, g in enumerate(found) for it in grid_items(g, k)]
        spans = [(g.ys[0], g.ys[-1]) for g in found]
        return rows + [Item(top, [t]) for top, t in _prose_paragraphs(prose(textpage, page.get_width(), height, spans))], None
    return [Item(k * 0.01, [t]) for k, t in enumerate(_paragraphs(text.splitlines()))], None


def _turned_page(textpage: Any, rot: Rotation, index: int, rules: list[Segment]) -> list[Item]:
    """A page whose content is turned (see pdf_rotation): tables and prose from its geometry
    turned upright; a cell's text read from its box turned back."""
    upright = upright_words(textpage, rot)
    page_text = pdf_text(textpage, rot.height)

    def cell_text(box: Box) -> tuple[str, float | None]:
        return page_text(rot.box_back(box))

    found = find_grids(rules, lambda: upright, cell_text, index, _LAYOUT, True)
    rows = [it for k, g in enumerate(found) for it in grid_items(g, k)]
    taken = [g.bbox for g in found]
    loose = [w for w in upright if not any(inside(w, b) for b in taken)]
    return rows + [Item(ln[0].top, [line_text(ln)]) for ln in layout_lines(loose)]


def _unmarked(it: Item) -> Item | None:
    """The item without a demo watermark's text; None when nothing else was in it. A table cell's
    word printed letter-spaced comes back whole."""
    cells = [" ".join(WATERMARKS.sub(" ", c).split()) if WATERMARKS.search(c) else c for c in it.cells]
    if len(cells) == 1 and not cells[0]:
        return None
    if len(cells) > 1:
        cells = [_LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), c) for c in cells]
    return it._replace(cells=cells)


#: A word printed with its letters spaced out, which the text layer gives letter by letter:
#: `I t i k` (r16_disnak Tabel 4 p. 17), `J U M L A H` (p. 41); four letters or more.
_LETTER_SPACED = re.compile(r"(?<![\w.])(?:[^\W\d_] ){3,}[^\W\d_](?![\w.])")


def _figures(items: list[Item]) -> int:
    """How many cells of the table rows read as values."""
    return sum(1 for it in items if len(it.cells) > 1 for c in it.cells[1:] if is_value(c))


def _merge(items: list[Item]) -> list[Item]:
    """Prose lines (one cell, no box) joined into paragraphs, so sentences and claims stay
    whole; never across a table (a heading above it is not the sentence below it)."""
    merged: list[Item] = []
    after_prose = False
    for it in items:
        prose_line = len(it.cells) == 1 and it.bbox is None
        if prose_line and after_prose and _continues(merged[-1].cells[0], it.cells[0]):
            merged[-1] = Item(merged[-1].top, [_join(merged[-1].cells[0], it.cells[0])])
        else:
            merged.append(it)
        after_prose = prose_line
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


def _prose_paragraphs(lines: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """The prose beside a page's tables, its wrapped lines joined as on a page without tables,
    within one strip between tables (a sentence cut after `sebesar Rp.` kept its amount apart from
    its pagu, r05_disperindag p. 74)."""
    out: list[tuple[float, str]] = []
    for top, line in lines:
        if out and top - out[-1][0] < 0.5 and _continues(out[-1][1], line):
            out[-1] = (top, _join(out[-1][1], line))
        else:
            out.append((top, line))
    return out


def _continues(previous: str | None, line: str) -> bool:
    """Is `line` the next visual line of the paragraph `previous` (not a heading or list item)?"""
    if previous is None or _STARTS_ITEM.match(line):
        return False
    if _ABBREVIATION.search(previous):
        return True  # `… sebesar Rp.` ends no line of its own, however short (r05_disperindag p. 74)
    return len(previous) >= _WRAPPED and not previous.endswith((".", ":", ";"))


def _join(a: str, b: str) -> str:
    return a + b if a.endswith("-") and b[:1].islower() else f"{a} {b}"
