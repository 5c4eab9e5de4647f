"""Bytes -> text -> pages of lines, for the text readers.

Text exports of LAKIP lose their page structure in two ways we meet: a form feed
per page (pdftotext), or a run of blank lines (the seeds: three). Page numbers are
reported only when the breaks are frequent enough to be pages; otherwise `page`
stays None rather than being wrong.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass

from extract.errors import UnreadableInput
from extract.settings import ExtractSettings


@dataclass(frozen=True)
class RawLine:
    text: str
    line: int  # 1-based line number in the file
    page: int | None
    after_break: bool  # a page break or blank line separates it from the previous text


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode a text export; UTF-8/UTF-16 by BOM or validity, else cp1252/latin-1."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise UnreadableInput(path, f"broken {enc} text at byte {e.start}", "re-export the file as UTF-8") from e
    if _looks_utf16(data):
        enc = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(enc, errors="replace"), enc
    if b"\x00" in data[:4096]:
        raise UnreadableInput(path, "binary content, not a text export", "give a .txt/.md export or a PDF")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        first_bad = e.start
    damaged = _damaged_utf8(data, first_bad)
    if damaged is not None:
        return damaged
    # cp1252 leaves five bytes undefined; latin-1 maps them, so decoding never fails.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _damaged_utf8(data: bytes, first_bad: int) -> tuple[str, str] | None:
    """UTF-8 with a few invalid bytes (a damaged export): decoded with them replaced, the encoding
    naming how many and where the first is. None when the file as a whole is not UTF-8: it has
    no more valid multi-byte characters than invalid bytes (cp1252 text has none)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 0x7F) - text.count("\ufffd")
    if valid < bad:
        return None
    line = data[:first_bad].count(b"\n") + 1
    return text, f"utf-8, {bad} invalid byte{'s' if bad != 1 else ''} replaced (first on line {line})"


def _looks_utf16(data: bytes) -> bool:
    head = data[:2000]
    if len(head) < 4:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return max(even, odd) > len(head) // 4 and min(even, odd) < len(head) // 50


def split_lines(text: str, settings: ExtractSettings) -> tuple[list[RawLine], int | None]:
    """Split into lines with page numbers; return the lines and the page count (or None)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    physical = text.split("\n")
    has_ff = "\f" in text
    blank_run = settings.page_break_blank_lines
    # Count candidate breaks to decide whether blank runs really are pages.
    runs = _blank_runs(physical)
    nonblank = sum(1 for p in physical if p.strip())
    breaks = sum(1 for r in runs if r >= blank_run)
    pages_known = has_ff or (breaks > 0 and nonblank / (breaks + 1) <= settings.max_lines_per_page)
    out: list[RawLine] = []
    page = 1
    blank = 0
    for i, raw in enumerate(physical, start=1):
        ff = raw.count("\f")
        if ff:
            page += ff
            raw = raw.replace("\f", "")
            blank = max(blank, 1)
        if not raw.strip():
            blank += 1
            continue
        if not has_ff and blank >= blank_run and out:
            page += 1
        out.append(RawLine(raw.rstrip("\n"), i, page if pages_known else None, blank > 0 and bool(out)))
        blank = 0
    return out, (page if pages_known else None)


def _blank_runs(physical: list[str]) -> list[int]:
    runs, n = [], 0
    for p in physical:
        if p.strip():
            if n:
                runs.append(n)
            n = 0
        else:
            n += 1
    return runs


def running_lines(lines: list[RawLine], min_repeats: int) -> frozenset[str]:
    """Short lines repeated on many pages: running headers and page footers. Where the text
    keeps its page breaks, only lines at a page's edge (its first or last three) count, on
    different pages: a report that prints a table twice, or a table whose header repeats after
    each break, repeats body lines too (`dev-pdfs/r50_report`'s text: its Pengukuran table's
    header and rows were dropped as running lines)."""
    pages = {r.page for r in lines if r.page is not None}
    if len(pages) >= min_repeats:
        edge: dict[int | None, list[int]] = {}
        for k, r in enumerate(lines):
            edge.setdefault(r.page, []).append(k)
        near = {k for ks in edge.values() for k in ks[:3] + ks[-3:]}
        seen: dict[str, set[int | None]] = {}
        for k in near:
            r = lines[k]
            if "\t" not in r.text and len(r.text) <= 80:
                seen.setdefault(_key(r.text), set()).add(r.page)
        counts = Counter({key: len(on) for key, on in seen.items()})
    else:
        counts = Counter(_key(r.text) for r in lines if "\t" not in r.text and len(r.text) <= 80)
    return frozenset(k for k, n in counts.items() if n >= min_repeats and k and not re.fullmatch(r"[\d\W]*", k))


def is_page_number(text: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:-\s*)?(?:\d{1,3}|[ivxlc]{1,6})(?:\s*-)?\s*", text, re.I))


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def is_running(text: str, running: frozenset[str]) -> bool:
    return _key(text) in running


_FURNITURE = re.compile(
    r"^(?:Page\s+\d+\s*:.*|Halaman\s+\d+.*|Hal\.?\s*\d+.*|-\s*\d+\s*-"
    # a running header or footer ending in its page number: `Laporan Kinerja KPU … Tahun 2019 iii`
    r"|(?:Laporan\s+(?:Akuntabilitas\s+)?Kinerja|LKIP|LAKIP|LKj)\b.{0,90}\s(?:[ivxlc]{1,6}|\d{1,3}))$",
    re.I,
)


def is_furniture(text: str) -> bool:
    """A page header or footer by its shape: `Page 4:`, `Halaman 3`, `- 12 -`, a report's
    running title ending in its page number."""
    return bool(_FURNITURE.match(" ".join(text.split())))


_NUMBERED_END = re.compile(r"\s+(?:[ivxlc]{1,6}|\d{1,3}|[ivxlc]{1,6}\s*-\s*\d{1,3}|\d{1,3}\s*[|/]?)$|^\d{1,3}\s*[|/]\s+", re.I)


def numbered_running(pages: list[list[RawLine]], min_repeats: int) -> frozenset[int]:
    """Lines (by line number) at a page's top or bottom (its first or last two) that repeat on
    `min_repeats` pages or more once their page number is taken off: running headers and footers
    that print the page number beside the title (`LKIP BAPPEDA Provinsi Jawa Barat Tahun 2016
    III- 3`, r01_bappeda; `17 | L K I P R S J …`, r13_rsjiwa), which differ on every page."""
    seen: dict[str, set[int]] = {}
    for k, page in enumerate(pages):
        # (one piece or two, title and number: a table's header repeated at each page's top is many)
        for r in (r for r in page[:2] + page[-2:] if len(re.split(r"\s{2,}", r.text.strip())) <= 2):
            seen.setdefault(_key(_NUMBERED_END.sub("", r.text.strip())), set()).add(k)
    common = {key for key, on in seen.items() if len(on) >= min_repeats and key and not re.fullmatch(r"[\d\W]*", key)}
    return frozenset(r.line for page in pages for r in page[:2] + page[-2:] if _key(_NUMBERED_END.sub("", r.text.strip())) in common)
