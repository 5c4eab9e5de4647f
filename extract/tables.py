"""Find performance tables in a document's lines and hand them to the row assembler.

Shared by every reader. Tables come two ways:
- found by their geometry (ruled or aligned cells: `Line.region`): the region is the table; its
  header is the run of rows at its top made of header words, and a region at the top of the
  next page without a header of its own (or repeating the same one) continues it;
- in text exports, by their header line: a line of header words starts a table, its body runs
  to the first line that is neither a row nor page furniture.
Either way what the columns mean (`header.classify`) and how lines become rows
(`assemble.assemble_rows`) is decided once, here.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from extract import header as hdr
from extract.assemble import assemble_rows
from extract.columns import by_content
from extract.headless import inferred_header
from extract.model import Line, Row, Table
from extract.realign import columns, realigned
from extract.settings import ExtractSettings
from extract.values import parse_value

_FURNITURE_MAX = 4  # short lines (footer, running header, page number) a table may skip over
_MAX_HEADER_ROWS = 6
_LABELS_MAX = 40  # lines of a chart's labels a table's title may stand over
_CAPTION = re.compile(r"^\s*(?:tabel|table|lampiran)\b", re.I)


@dataclass
class _Draft:
    start: int  # index of its first line
    head: list[Line]
    body: list[Line] = field(default_factory=list)
    region: int | None = None
    last_page: int | None = None


def find_tables(lines: list[Line], report_year: int | None, settings: ExtractSettings) -> list[Table]:
    lines = list(lines)  # page-break marks are set on a copy, the reader's lines stay as read
    vocab = Counter(w for ln in lines for c in ln.cells for w in re.findall(r"[^\W\d_]{2,}", c.lower()))
    drafts: list[_Draft] = []
    running = _running_boxes(lines)
    i, n = 0, len(lines)
    while i < n:
        if lines[i].region in running:
            i += 1  # a running header or footer drawn in a box: page furniture, no table (nor its end)
        elif lines[i].region is not None:
            i = _region(lines, i, drafts)
        elif len(lines[i].cells) >= 2 and hdr.is_header_start(lines[i].cells):
            i = _text_table(lines, i, drafts)
        else:
            i += 1
    tables: list[Table] = []
    for d in drafts:
        table = _finish(d, lines, len(tables) + 1, report_year, vocab, settings)
        if table is not None:
            tables.append(table)
    return tables


_PAGE_MARK = re.compile(r"\d+|\b[ivxlc]+\b|[^\w\s]", re.I)


def _running_boxes(lines: list[Line]) -> set[int]:
    """Regions of one or two rows whose words (page numbers aside) are drawn on three pages or
    more: a running header or footer in a box (`LKIP BPLHD Provinsi Jawa Barat | 2016` ruled at
    the top of every page, `r09_bplhd`), which would otherwise carry a table on to the next page."""
    rows: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.region is not None:
            rows.setdefault(ln.region, []).append(ln)
    keys = {rid: " ".join(_PAGE_MARK.sub(" ", " ".join(ln.text for ln in rs).lower()).split()) for rid, rs in rows.items() if len(rs) <= 2}
    pages: dict[str, set[int | None]] = {}
    for rid, key in keys.items():
        if len(key) >= 8:
            pages.setdefault(key, set()).add(rows[rid][0].source.page)
    return {rid for rid, key in keys.items() if len(pages.get(key, ())) >= 3}


def _finish(d: _Draft, lines: list[Line], seq: int, year: int | None, vocab: Counter[str], settings: ExtractSettings) -> Table | None:
    head = [ln.cells for ln in d.head if not hdr.is_column_numbers(ln.cells)]
    spans = [ln.spans for ln in d.head if not hdr.is_column_numbers(ln.cells)]
    width = max([len(c) for c in head] + [len(b.cells) for b in d.body[:6]] or [0])
    caption = _caption(lines, d.start)
    context = _context(lines, d.start, settings.caption_lookback)
    header = _name_column(hdr.classify(head, width, context, year, spans if d.region is not None else None, caption), d.body)
    header = by_content(header, d.body)
    budget = hdr.budget_columns(header)
    if d.region is not None and header.kind == "other" and budget is None:
        return None  # a drawn grid of no table we read (a chart's boxes, a form); a budget table stays for the audit
    src = lines[d.start].source
    rows = assemble_rows(header, d.body, seq, _headings(lines, d.start), caption, vocab, settings.ocr_low_confidence)
    if rows and d.body and d.body[-1] is lines[-1] and _bare(rows[-1]) and not all(_bare(r) for r in rows):
        # the text stops inside the table: its last name has lost its values to the cut
        # (real-excerpts/02: `… tanpa konflik` ends the excerpt), no row of the report's
        rows = rows[:-1]
    end = d.body[-1].source.line if d.body else src.line
    head_text = tuple(" | ".join(h) for h in head)
    level = hdr.indicator_level(header)
    return Table(seq, header.kind, head_text, header.roles, caption, src, tuple(rows), end, header.paths, level, budget)


#: a sub-number cell: `1`, `a.`, or an outline number (`1.1.1`, `1,1.4`, `2,4,3` as r19_disbun p. 19 prints them)
_SUB_NUMBER = re.compile(r"^(?:\d{1,2}(?:[.,]\d{1,2}){0,3}|[a-zA-Z])?[.)]?$")


def _name_column(header: hdr.Header, body: list[Line]) -> hdr.Header:
    """Where the indicator's header spans two columns, the names are in the one holding words:
    the other numbers them (`Indikator Kinerja` over `1` | `Persentase …`, r02 pp. 33-35)."""
    roles = list(header.roles)
    for k in range(len(roles) - 1):
        if roles[k] != "indicator" or roles[k + 1] != "ignore" or header.paths[k : k + 1] != header.paths[k + 1 : k + 2]:
            continue
        here = [ln.cells[k].strip() for ln in body if len(ln.cells) > k + 1 and ln.cells[k].strip()]
        beside = [ln.cells[k + 1] for ln in body if len(ln.cells) > k + 1 and ln.cells[k + 1].strip()]
        if here and all(_SUB_NUMBER.match(c) for c in here) and len(beside) >= len(here):
            roles[k], roles[k + 1] = "ignore", "indicator"
            return replace(header, roles=tuple(roles))
    return header


def _bare(r: Row) -> bool:
    return r.target is None and r.realisasi is None and r.capaian is None and not r.history


def _value_like(cell: str) -> bool:
    text = cell.strip()
    if hdr.is_year_cell(text) or re.fullmatch(r"\(\d+\)", text):
        return False  # a header's year, not a figure
    v = parse_value(text)
    return v.kind in ("grade", "opinion") or v.number is not None or v.ambiguous  # `Indikator` alone is a header word, not a count


def header_rows(region: list[Line]) -> int:
    """How many rows at the top of a region are its header: header words only, no values,
    naming two columns or more between them (`No`, `Indikator`, `Target` …; a vertically centred
    cell may print its words a line above the others: `Tahun | Tahun` over `No. | Sasaran …`)."""
    k = 0
    named: set[str] = set()
    years_at = next((r for r, ln in enumerate(region[:_MAX_HEADER_ROWS]) if _year_run(ln.cells)), None)
    while k < len(region) and k < _MAX_HEADER_ROWS:
        cells = [c for c in region[k].cells if c.strip()]
        if hdr.is_column_numbers(region[k].cells):
            k += 1
            continue
        if not cells and k:
            k += 1
            continue
        values = [c for c in cells if _value_like(c)]
        # a year split over two cells (`2` | `024`, a scan's export) is no value
        fragments = len(values) <= 2 and all(re.fullmatch(r"\d{1,3}", c.strip()) for c in values) and len(_role_words(cells)) >= 2
        titled = years_at is not None and k <= years_at
        if not cells or (values and not fragments) or not all(hdr.header_like(c, 0.5) or (titled and _title_cell(c)) for c in cells):
            break
        named |= _role_words(cells) | ({"start"} if hdr.is_header_start(tuple(cells)) else set()) | ({"years"} if k == years_at else set())
        k += 1
    if len(named) < 2:
        return 0
    while k and not any(c.strip() for c in region[k - 1].cells):
        k -= 1  # trailing empty rows belong to the body
    return k


def _over_column_numbers(region: list[Line]) -> int:
    """A header closed by its row of column numbers (`(1) | (2) | … | (6)`) is every row above
    it, whatever its words, when those rows hold no figure and name two columns: a header of
    descriptive cells (`Kontribusi Jawa Barat Terhadap Nasional (%)`, `Peringkat Jawa Barat
    dalam hal Produksi dengan Nasional`, `r18_distan` Tabel 7 p. 31) that the header vocabulary
    alone does not cover. 0 where no such row closes the top of the region, and where the rows
    above name no realisation (a measurement table's header always does)."""
    at = next((r for r, ln in enumerate(region[1:_MAX_HEADER_ROWS], 1) if hdr.is_column_numbers(ln.cells)), None)
    if at is None:
        return 0
    above = [c for ln in region[:at] for c in ln.cells if c.strip()]
    named = _role_words(above)
    if any(_value_like(c) for c in above) or len(named) < 2 or "realisasi" not in named:
        return 0  # (a plan's form, `Program/Kegiatan | Lokasi | … | Pagu Indikatif`, measures nothing: r18 p. 67)
    return at + 1


def _year_run(cells: tuple[str, ...]) -> bool:
    """Three years or more side by side, each the next (`2013 | 2014 | … | 2018`): a header row
    naming a column per year (r16_disnak Tabels 2-3 pp. 14-15, whose header has no role word)."""
    run, prev = 0, -1
    for c in cells:
        year = int(c.strip()) if hdr.YEAR.fullmatch(c.strip()) else None
        run = run + 1 if year is not None and year == prev + 1 else (1 if year is not None else 0)
        prev = year if year is not None else -1
        if run >= 3:
            return True
    return False


_YEAR_SPAN = re.compile(r"(?:19|20)?\d\d\s*[-–]\s*(?:19|20)?\d\d")


def _title_cell(cell: str) -> bool:
    """A cell over or beside a run of year columns saying what the years count or span
    (`Populasi Ternak (ekor)`, `R (%)` over `13-18`, r16_disnak Tabel 2 p. 14): short words."""
    text = cell.strip()
    return len(text) <= 40 and len(text.split()) <= 5 and (bool(re.search(r"[^\W\d_]", text)) or bool(_YEAR_SPAN.fullmatch(text)))


def _role_words(cells: list[str]) -> set[str]:
    return {w.strip(".:") for c in cells for w in hdr.words(c)} & _ROLE_WORDS


_ROLE_WORDS = {"indikator", "target", "realisasi", "capaian", "satuan", "uraian", "sasaran", "rencana", "kegiatan", "program", "%", "jenis"}


def _region(lines: list[Line], i: int, drafts: list[_Draft]) -> int:
    rid = lines[i].region
    j = i
    while j < len(lines) and lines[j].region == rid:
        j += 1
    region = _years_apart(_unfused(lines[i:j]))
    k = header_rows(region)
    if _title_row(region):
        # the table's title printed in a cell across its top ("CAPAIAN KINERJA TAHUN 2016 DINAS
        # … ", r24_disparbud pp. 3-9): a caption above the header, not a header row (its year would
        # make every column a year's) nor a row; r24's page 3 was taken for page 2's table going on
        lines[i] = replace(region[0], region=None, cells=(region[0].text.strip(),), spans=(), covered=(), whole=False)
        return i + 1
    prev = drafts[-1] if drafts else None
    page = region[0].source.page
    skip = _continues(prev, region, k, lines, i) if prev is not None and prev.region is not None else None
    if prev is not None and skip is not None:
        width = max(len(ln.cells) for ln in prev.head)
        body = region[skip:]
        if max(len(ln.cells) for ln in region) != width:
            body = _carried(prev, body, width)
        if body:
            body[0] = replace(body[0], after_break=True)
        prev.body += body
        prev.region, prev.last_page = rid, page
        return j
    k = k or _over_column_numbers(region)  # not where it carries a table on: its header is the table's
    if k:
        drafts.append(_Draft(i, region[:k], list(region[k:]), rid, page))
    elif (head := inferred_header(region, _caption(lines, i))) is not None:
        drafts.append(_Draft(i, [head], [ln for ln in region if any(c.strip() for c in ln.cells)], rid, page))
    return j


def _carried(prev: _Draft, body: list[Line], width: int) -> list[Line]:
    """A continuation grid of another width: its rows under the table's columns where every
    cell stands inside one of them (see `extract.realign`); else the rest of the last row laid
    out in a grid of its own (narrower, beside stamp noise), whose lines go as loose lines."""
    ranges = columns(prev.head + prev.body, width)
    wider = max(len(ln.cells) for ln in body) > width if body else False
    moved = [realigned(ln, ranges, across=wider) for ln in body] if ranges is not None else []
    if moved and all(ln is not None for ln in moved):
        return [ln for ln in moved if ln is not None]
    return [replace(ln, whole=False, spans=(), covered=()) for ln in body]


_NUMBERED_HEAD = re.compile(r"^(.+?)\s*\((\d{1,2})\)(?:\s+(.*))?$", re.S)


def _unfused(region: list[Line]) -> list[Line]:
    """A first row whose every cell holds header words, the column's number and a value (`Sasaran
    (1) Mewujudkan SDM …`, `Target 2016 (3) 40 Orang`) is the header band and the first row drawn
    as one, their shading told apart by no rule (`r22_disperkim` Tabel II.1 p. 30, Tabel II.2
    p. 35): two lines, the header and the row."""
    if not region:
        return region
    first = region[0]
    filled = [c for c in first.cells if c.strip()]
    parts = [_NUMBERED_HEAD.match(c.strip()) for c in filled]
    numbers = [int(m.group(2)) for m in parts if m]
    if len(filled) < 2 or None in parts or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
        return region
    if not all(m and m.group(3) and hdr.header_like(m.group(1), 0.5) for m in parts):
        return region
    split = {c: _NUMBERED_HEAD.match(c.strip()) for c in filled}
    head = tuple(m.group(1) if (m := split.get(c)) else "" for c in first.cells)
    body = tuple(m.group(3) if (m := split.get(c)) else "" for c in first.cells)
    return [replace(first, cells=head), replace(first, cells=body), *region[1:]]


_COLUMN_NUMBERS = re.compile(r"(?:\s*\(\d{1,2}\))+\s*$")


def _years_apart(region: list[Line]) -> list[Line]:
    """A header cell merged across n columns that holds n years, one per column, under a title
    (`Pencapaian Kinerja Tahun - 2014* 2015** 2016*** (4) (5) (6)` over three columns, the
    sub-header's cells read into the merged one, `r22_disperkim` Tabel III.3 p. 43): the title
    over a line of the years, each over its column."""
    if not region or not region[0].spans:
        return region
    first = region[0]
    upper, lower, split = list(first.cells), [""] * len(first.cells), False
    for c, (text, n) in enumerate(zip(first.cells, first.spans, strict=False)):
        years = list(re.finditer(r"\b(?:19|20)\d\d\b\**", text))
        if n < 2 or len(years) != n or c + n > len(first.cells) or any(first.cells[c + 1 : c + n]):
            continue
        rest = _COLUMN_NUMBERS.sub("", text[years[-1].end() :])
        if rest.strip() or not text[: years[0].start()].strip():
            continue
        upper[c] = text[: years[0].start()].strip()
        lower[c : c + n] = [y.group(0) for y in years]
        split = True
    if not split:
        return region
    spans = tuple(1 for _ in first.cells)
    return [replace(first, cells=tuple(upper)), replace(first, cells=tuple(lower), spans=spans, covered=()), *region[1:]]


def _title_row(region: list[Line]) -> bool:
    """Is the region's first row one cell across the table, words only, over a header? Several
    such rows may stand over it: the paragraph and the caption before a table drawn as shaded
    bands without rules, taken into its grid (`r22_disperkim` Tabel II.1 p. 29)."""
    width = max(len(ln.cells) for ln in region)
    k = 0
    while k < min(len(region) - 2, _MAX_HEADER_ROWS) and _across(region[k], width):
        k += 1
    return k > 0 and header_rows(region[k:]) > 0


def _across(ln: Line, width: int) -> bool:
    """One cell of words across the table, or across most of it with the rest of the row left
    empty (`c) Cakupan Persalinan …` over 6 of 9 columns, `r02_dinkes` p. 42)."""
    filled = [c for c in ln.cells if c.strip()]
    across = width >= 3 and (len(ln.cells) == 1 or (bool(ln.spans) and 2 * max(ln.spans) > width))
    return len(filled) == 1 and across and not _value_like(filled[0])


def _continues(prev: _Draft, region: list[Line], k: int, lines: list[Line], i: int) -> int | None:
    """Does a region carry the previous region's table on? It stands at the top of the next page
    (only page furniture between) and either has no header of its own and the same columns (or
    a few loose lines: the last row's end), or repeats the table's header. Returns how many of
    its rows to skip (the repeated header), None when it starts a table of its own."""
    page = region[0].source.page
    if prev.last_page is None or page is None or page != prev.last_page + 1:
        return None
    between = lines[_last_index(prev, lines) + 1 : i]
    if len(between) > 2 * _FURNITURE_MAX or any(len(ln.text) > 80 or _SUB.match(ln.text) or _SECTION.match(ln.text) for ln in between):
        return None  # text between the two: the table ended (only running headers and footers may stand there)
    if any(_CHAPTER_CELL.match(c) for ln in region[:3] for c in ln.cells):
        return None  # a chapter's title box (`BAB. III` beside the running header, r05_disperindag p. 31)
    width = max(len(ln.cells) for ln in prev.head)
    same_width = max(len(ln.cells) for ln in region) == width
    if not k:
        # a few loose lines are the last row's end, in a grid of their own; a wider grid is
        # another table whose header was not read (the Renja form after the RKT, `r18_distan` p. 67)
        narrower = max(len(ln.cells) for ln in region) < width
        return 0 if same_width or (len(region) <= 12 and narrower) or _fits(prev, region, width) else None
    repeated = _repeated_header(prev.head, region)
    return repeated if same_width and repeated else None


def _fits(prev: _Draft, region: list[Line], width: int) -> bool:
    """Every row of a grid of another width stands under the table's columns (`extract.realign`):
    the table going on, its rulings drawn apart on this page (a name column split in two,
    `r02_dinkes` p. 81 under p. 80's header)."""
    ranges = columns(prev.head + prev.body, width)
    return ranges is not None and all(realigned(ln, ranges) is not None for ln in region)


def _repeated_header(head: list[Line], region: list[Line]) -> int:
    """How many rows at the region's top repeat the header `head` (0: none). Rows are compared as
    text, so a continued row's fragment that looks like a header word is not taken for one."""
    j = 0
    for h in head:
        if j >= len(region):
            break
        if fuzz.ratio(_norm(region[j].text), _norm(h.text)) < 90:
            break
        j += 1
    return j if j and j >= min(len(head), 1) else 0


def _last_index(d: _Draft, lines: list[Line]) -> int:
    last = d.body[-1] if d.body else d.head[-1]
    return next(x for x in range(len(lines) - 1, -1, -1) if lines[x].source.line == last.source.line)


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _text_table(lines: list[Line], i: int, drafts: list[_Draft]) -> int:
    """A table of a text export, from its header line to the first line that is not its own."""
    n = len(lines)
    start = i
    head = [lines[i]]
    i += 1
    while i < n and len(lines[i].cells) > 1 and lines[i].region is None and hdr.is_header_continuation(lines[i].cells):
        head.append(lines[i])
        i += 1
    body: list[Line] = []
    while i < n and lines[i].region is None:
        ln = lines[i]
        if len(ln.cells) > 1:
            if hdr.is_header_start(ln.cells):
                if _same_header(ln.cells, head[0].cells) and ln.after_break:
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
        lines[skip] = replace(lines[skip], after_break=True)
        i = skip
    drafts.append(_Draft(start, head, body))
    return i


def _same_header(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return _norm("".join(a)) == _norm("".join(b))


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
    if j >= len(lines) or len(lines[j].cells) < 2 or lines[j].region is not None or hdr.is_header_start(lines[j].cells):
        return None
    return j if (crossed or lines[j].after_break) else None


def _context(lines: list[Line], start: int, lookback: int) -> str:
    return " ".join(ln.text for ln in lines[max(0, start - lookback) : start] if len(ln.cells) < 2)


def _caption(lines: list[Line], start: int) -> str | None:
    """The short paragraph right above the header ("Tabel 3.2 Pengukuran Kinerja"); a
    `Tabel …` line a few lines further up wins (a producer puts the title over a subtitle)."""
    parts: list[str] = []
    j = start - 1
    while j >= 0 and len(lines[j].cells) < 2 and lines[j].region is None and len(parts) < 3:
        text = lines[j].text.strip()
        if len(text) > 250:
            break
        parts.insert(0, text)
        if lines[j].after_break:
            break
        j -= 1
    for k, p in enumerate(parts):
        if _CAPTION.match(p):
            parts = parts[k:]
            break
    else:
        parts = _caption_over_labels(lines, start) or parts
    caption = " ".join(parts).strip()
    return caption or None


def _caption_over_labels(lines: list[Line], start: int) -> list[str]:
    """A `Tabel …` title further up the page, over a chart's labels between it and the table
    (`Tabel 2.3b. Indikator Kinerja Utama (IKU) Tahun 2016` over a bar chart's words and figures,
    `r07_bp3akb` p. 29): only short lines may stand between, prose ends the search."""
    page = lines[start].source.page
    j = start - 1
    while j >= 0 and start - j <= _LABELS_MAX and lines[j].source.page == page and lines[j].region is None and len(lines[j].cells) < 2:
        text = lines[j].text.strip()
        if _CAPTION.match(text):
            title = [text]
            nxt = lines[j + 1].text.strip() if j + 1 < start else ""
            if nxt and not _CAPTION.match(nxt) and len(nxt) > 12 and not nxt.replace(",", "").replace(".", "").isdigit():
                title.append(nxt)
            return title
        if len(text) > 60:
            return []
        j -= 1
    return []


_SUB = re.compile(r"^\s*(?:-\s*)?\d+\)\s+\S")
_SECTION = re.compile(r"^\s*\d+(?:\.\d+)+\.?\s+\S")
_PROGRAM = re.compile(r"^\s*(?:\d+\.|[A-Z]\.)\s+Program\b", re.I)
_CHAPTER = re.compile(r"^\s*BAB\s+[IVX]+\b")
_CHAPTER_CELL = re.compile(r"^\s*BAB\.?\s*[IVX]+\s*$")


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
