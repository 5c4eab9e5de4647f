"""Find performance tables in a document's lines and hand them to the row assembler.

Shared by every reader: a reader only turns its input into `Line`s (cells per
line); where the tables are, what their columns mean and how wrapped lines join
into rows is decided here, once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from extract import header as hdr
from extract.assemble import assemble_rows
from extract.model import Line, Table
from extract.settings import ExtractSettings

_FURNITURE_MAX = 4  # short lines (footer, running header, page number) a table may skip over


def find_tables(lines: list[Line], report_year: int | None, settings: ExtractSettings) -> list[Table]:
    lines = list(lines)  # page-break marks are set on a copy, the reader's lines stay as read
    tables: list[Table] = []
    vocab = Counter(w for ln in lines for c in ln.cells for w in re.findall(r"[^\W\d_]{2,}", c.lower()))
    i, n = 0, len(lines)
    while i < n:
        if len(lines[i].cells) < 2 or not hdr.is_header_start(lines[i].cells):
            i += 1
            continue
        start = i
        head = [lines[i].cells]
        i += 1
        while i < n and len(lines[i].cells) > 1 and hdr.is_header_continuation(lines[i].cells):
            if not hdr.is_column_numbers(lines[i].cells):
                head.append(lines[i].cells)
            i += 1
        body: list[Line] = []
        while i < n:
            ln = lines[i]
            if len(ln.cells) > 1:
                if hdr.is_header_start(ln.cells):
                    if _same_header(ln.cells, head[0]) and ln.after_break:
                        i = _skip_header(lines, i)  # header repeated after a page break
                        continue
                    break
                if not hdr.is_column_numbers(ln.cells):
                    body.append(ln)
                i += 1
                continue
            skip = _furniture(lines, i)
            if skip is None:
                break
            # the line after the footer starts a new page: keep that for the assembler
            body_next = lines[skip]
            lines[skip] = replace(body_next, after_break=True)
            i = skip
        width = max([len(c) for c in head] + [len(b.cells) for b in body[:6]] or [0])
        context = _context(lines, start, settings.caption_lookback)
        header = hdr.classify(head, width, context, report_year)
        caption = _caption(lines, start)
        seq = len(tables) + 1
        src = lines[start].source
        rows = assemble_rows(header, body, seq, _headings(lines, start), caption, vocab, settings.ocr_low_confidence)
        end = body[-1].source.line if body else src.line
        tables.append(Table(seq, header.kind, tuple(" | ".join(h) for h in head), header.roles, caption, src, tuple(rows), end))
    return tables


def _same_header(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    def norm(x: tuple[str, ...]) -> str:
        return re.sub(r"\W+", "", "".join(x).lower())

    return norm(a) == norm(b)


def _skip_header(lines: list[Line], i: int) -> int:
    i += 1
    while i < len(lines) and len(lines[i].cells) > 1 and hdr.is_header_continuation(lines[i].cells):
        i += 1
    if i < len(lines):
        lines[i] = replace(lines[i], after_break=True)
    return i


def _furniture(lines: list[Line], i: int) -> int | None:
    """Index of the table line after page furniture starting at i, or None if the table ended."""
    j, crossed = i, False
    while j < len(lines) and j - i < _FURNITURE_MAX and len(lines[j].cells) < 2:
        if len(lines[j].text) > 80:
            return None
        crossed = crossed or lines[j].after_break
        j += 1
    if j >= len(lines) or len(lines[j].cells) < 2 or hdr.is_header_start(lines[j].cells):
        return None
    return j if (crossed or lines[j].after_break) else None


def _context(lines: list[Line], start: int, lookback: int) -> str:
    return " ".join(ln.text for ln in lines[max(0, start - lookback) : start] if len(ln.cells) < 2)


def _caption(lines: list[Line], start: int) -> str | None:
    """The short paragraph right above the header ("Tabel 3.2 Pengukuran Kinerja")."""
    parts: list[str] = []
    j = start - 1
    while j >= 0 and len(lines[j].cells) < 2 and len(parts) < 3:
        text = lines[j].text.strip()
        if len(text) > 250:
            break
        parts.insert(0, text)
        if lines[j].after_break:
            break
        j -= 1
    caption = " ".join(parts).strip()
    return caption or None


_SUB = re.compile(r"^\s*(?:-\s*)?\d+\)\s+\S")
_SECTION = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s+\S")
_PROGRAM = re.compile(r"^\s*(?:\d+\.|[A-Z]\.)\s+Program\b", re.I)
_CHAPTER = re.compile(r"^\s*BAB\s+[IVX]+\b")


def _headings(lines: list[Line], start: int) -> list[str]:
    """Headings that scope a table, nearest first: its `1) …` sub-heading (only above the
    table, back to the previous table), then the nearest `3.2.1 …` section and
    `2. Program …` heading (across earlier tables, not across a chapter)."""
    found: list[str] = []
    sub_open, want = True, {"sub": _SUB, "section": _SECTION, "program": _PROGRAM}
    for j in range(start - 1, max(-1, start - 400), -1):
        ln = lines[j]
        if len(ln.cells) > 1:
            sub_open = False
            continue
        text = ln.text.strip()
        if _CHAPTER.match(text) or not want:
            break
        if len(text) > 200 or text.endswith((";", ":")):
            continue
        for key, pattern in list(want.items()):
            # a sub-heading names an indicator; a sentence ending in a full stop is a list item
            # (`- g) Melakukan evaluasi … hukum.`, OCR'd as `- 9)`)
            if pattern.match(text) and (key != "sub" or (sub_open and not text.endswith("."))):
                found.append(text)
                del want[key]
                break
    return found
