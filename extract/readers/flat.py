"""Text without cell delimiters: pdftotext without -layout, copy-paste from a viewer, web
transcripts. What the shapes have in common is the order of things, not their places:

    INDIKATOR KINERJA KINERJA                      a header over several lines,
    Target % Realisasi % Capaian %                 with a group word above and column numbers below
    (1) (2) (3) (4)
    Sasaran 1 : Meningkatnya …                     group rows
    Persentase KPU … yang                          a name wrapped over lines, its values at the
    menyelenggarakan … berlaku                     end of the last line or on a line of their own,
    100% 100% 100%                                 or in the middle with the name's tail after them
    1 Persentase … 90 90 100 Berhasil              (`  yang terlaksana …`, indented or lower case),
      yang terlaksana …                            or one cell per line (HTML tables copied out).

So a table is read as a stream: its header says which values a row has (target, realisasi,
capaian …) and in what order; figures are peeled off the lines' ends and counted, and a row is
complete when it has them all. The lines come out as whole rows (cells per column) for the shared
table layer, one region per table. A table dumped column by column (all values, then `1. 2. 3.`,
then the names in one paragraph) is read too (`_columnwise`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from extract.model import Line, Source
from extract.readers import TextReader, register
from extract.settings import ExtractSettings
from extract.textio import RawLine, is_furniture, is_page_number, is_running, running_lines
from extract.values import UNITS, clean, parse_value
from extract.vocabulary import GROUP_START, INDICATOR_START

_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_NUM = r"\d[\d.,]*\d|\d"
_VALUE = (
    rf"(?:Rp\.?\s*(?:{_NUM})(?:,-)?|(?:{_NUM})\s*%|(?:{_NUM}|l)\s+(?:{_UNIT})\b|(?:{_NUM})"
    r"|AA|BB|CC|WTP|WDP|TMP|TW|[ABCD]|-|(?:lOO|too|1OO)\s*(?:o/o|%)?)"
)
_VALUE_AT_END = re.compile(rf"(?:^|\s)({_VALUE})\s*$", re.I)
_ONLY_VALUES = re.compile(rf"^\s*(?:{_VALUE})(?:\s+(?:{_VALUE}))*\s*$", re.I)
_CATEGORY = re.compile(
    r"\s(Sangat\s+(?:Berhasil|Baik|Tinggi|Memuaskan)|Cukup(?:\s+Berhasil)?|Kurang(?:\s+Berhasil)?|Tidak\s+(?:Berhasil|Tercapai)"
    r"|Berhasil|Tercapai|Baik|Tinggi)\s*$",
    re.I,
)
_NO = re.compile(r"^(\d{1,3})\.?\s+(?=\S)")
_RUNNING = re.compile(r"^(?:Laporan\s+(?:Akuntabilitas\s+)?Kinerja|LKIP|LAKIP|LKj)\b.{0,90}$", re.I)
_COLNUMS = re.compile(r"^\s*(?:\(\d+\)\s*){2,}$")
_HEADING = re.compile(r"^(?:BAB\s+[IVX]+\b|\d+(?:\.\d+)+\.?\s+[A-Z]|[A-H]\.\s+[A-Z][A-Za-z ]+$)")

#: header words -> column role, in the order they may appear
_HEADER_ROLES = (
    ("no", re.compile(r"^(?:no\.?|n0)$", re.I)),
    ("indicator", re.compile(r"^(?:indikator|uraian)$", re.I)),
    ("satuan", re.compile(r"^satuan$", re.I)),
    ("target", re.compile(r"^(?:target|rencana)$", re.I)),
    ("realisasi", re.compile(r"^realisasi$", re.I)),
    ("capaian", re.compile(r"^(?:capaian|pencapaian)$", re.I)),
    ("category", re.compile(r"^(?:keterangan|ket\.?|kategori|predikat)$", re.I)),
)
_HEADER_FILLER = re.compile(
    r"^(?:kinerja|utama|sasaran|strategis|program|kegiatan|tahun|%|\(%\)|20\d\d|\(\d+\)|tw|i{1,3}|iv|per|dan|/)$", re.I
)
_VALUE_ROLES = ("target", "realisasi", "capaian")


@dataclass
class _Header:
    roles: list[str]  # in column order: no?, indicator, [satuan], values…, [category]
    labels: list[str]
    size: int  # lines it takes
    first: RawLine | None = None

    @property
    def values(self) -> list[str]:
        return [r for r in self.roles if r in _VALUE_ROLES]


@dataclass
class _Row:
    number: str = ""
    name: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    category: str = ""
    satuan: str = ""
    start: RawLine | None = None
    lines: list[RawLine] = field(default_factory=list)
    indent: int = 0


def _words(text: str) -> list[str]:
    return re.findall(r"\(?[^\s/]+\)?", clean(text))


_OCR_YEAR = re.compile(r"\b2[0Oo][0-9Oo]{2}\b")


def header_at(lines: list[RawLine], i: int) -> _Header | None:
    """A header starting at line i: up to six short lines of header words naming two value
    columns or more (`Target`, `Realisasi`, `Capaian`), or an indicator and a target."""
    roles: list[str] = []
    labels: list[str] = []
    best_values: list[str] = []
    size = 0
    for k in range(i, min(len(lines), i + 12)):
        # a year OCR read with the letter O (`Target 2O2O`) is a year; a line laid out in columns
        # (`pdftotext -layout`) is as long as its words, not its padding
        text = _OCR_YEAR.sub(lambda m: m.group(0).replace("O", "0").replace("o", "0"), " ".join(lines[k].text.split()))
        words = _words(text)
        if not words or len(text) > 90:
            break
        found = [_role(w) for w in words]
        if words == ["%"] and roles and roles[-1] in ("target", "realisasi"):
            found = ["capaian"]  # `%` alone under its own cell: the capaian column
        if not all(r or _HEADER_FILLER.match(w) for r, w in zip(found, words, strict=True)):
            break
        line_roles = [r for r in found if r]
        values = [r for r in line_roles if r in _VALUE_ROLES]
        if len(values) >= len(best_values):
            best_values = values
        for r in line_roles:
            if r not in roles:
                roles.append(r)
                labels.append(r)
        size = k - i + 1
    if not size or (len(set(best_values)) < 2 and not ("indicator" in roles and "target" in roles)):
        return None
    # the value columns in the order of the line naming most of them (`Target % Realisasi % Capaian %`);
    # one header cell per line (an HTML table copied): in the order the lines give
    values = list(dict.fromkeys(best_values)) if len(set(best_values)) >= 2 else [r for r in roles if r in _VALUE_ROLES]
    ordered = [r for r in ("no", "indicator", "satuan") if r in roles or r == "indicator"] + values
    if "category" in roles:
        ordered.append("category")
    return _Header(ordered, [_LABEL[r] for r in ordered], size, lines[i])


_LABEL = {"no": "No", "indicator": "Indikator Kinerja", "satuan": "Satuan", "target": "Target", "realisasi": "Realisasi",
          "capaian": "Capaian", "category": "Kategori"}  # fmt: skip


def _role(word: str) -> str | None:
    w = word.strip(".:,")
    return next((role for role, p in _HEADER_ROLES if p.match(w)), None)


_NAMED_YEAR = re.compile(r"\b(?:tahun|th\.?|thn\.?|periode|s\.?d\.?)\s+(?:19|20)\d\d\s*$", re.I)


def peel(text: str, n_values: int, category: bool) -> tuple[str, list[str], str]:
    """Split `name v1 v2 … [Kategori]`: the text before, the values at the end (at most
    n_values, maybe fewer), the category after them."""
    rest, cat = text.rstrip(), ""
    if category and (m := _CATEGORY.search(rest)):
        cat, rest = m.group(1), rest[: m.start()]
    values: list[str] = []
    while len(values) < n_values:
        m = _VALUE_AT_END.search(rest)
        if not m or _NAMED_YEAR.search(rest[: m.end()]):
            break  # `… pada Pemilu Tahun 2024`: the year is the name's
        values.insert(0, m.group(1))
        rest = rest[: m.start(1)].rstrip()
    return rest.strip(), values, cat


class _Table:
    """The rows of one table, read line by line."""

    def __init__(self, header: _Header) -> None:
        self.header = header
        self.rows: list[_Row] = []
        self.open: _Row | None = None
        self.groups: list[tuple[int, str, RawLine]] = []  # (before row index, text, line)
        self.misses = 0

    @property
    def n(self) -> int:
        return len(self.header.values)

    def feed(self, r: RawLine) -> bool:
        """Take a body line; False when the line is not the table's (it ended)."""
        text = clean(r.text)
        if not text or _COLNUMS.match(text):
            return True
        if GROUP_START.match(text) and not _VALUE_AT_END.search(text) and len(text) <= 200:
            self._close()
            self.groups.append((len(self.rows), text, r))
            return True
        if _HEADING.match(text) or _prose(text, self.n):
            return False
        if _RUNNING.match(text):
            return True  # the report's running header inside the table: `Laporan Kinerja KPU … Tahun 2024`
        numbered = None if _ONLY_VALUES.match(text) else _NO.match(text)  # `65 %` is a value, not row 65
        if numbered is None and self._row_number(text):
            # one cell per line (pdftotext without -layout): the row's `No` alone, the next number due
            self._close()
            self.open = _Row(text.rstrip("."), start=r, indent=len(r.text) - len(r.text.lstrip()))
            return True
        body = text[numbered.end() :] if numbered else text
        indent = len(r.text) - len(r.text.lstrip())
        if numbered or self.open is None:
            self._close()
            self.open = _Row(numbered.group(1) if numbered else "", start=r, indent=indent)
        row = self.open
        want = self.n - len(row.values) if len(row.values) < self.n else self.n
        name, values, cat = peel(body, want, "category" in self.header.roles)
        if numbered or not row.lines:
            pass
        elif len(row.values) >= self.n:
            if name and not values and self._tail(name, indent):
                row.name.append(name)
                row.lines.append(r)
                return True
            self._close()
            row = self.open = _Row(start=r, indent=indent)
        if name:
            row.name.append(name)
        row.values += values
        row.category = row.category or cat
        row.lines.append(r)
        return True

    def _row_number(self, text: str) -> bool:
        if "no" not in self.header.roles or not re.fullmatch(r"\d{1,3}\.?", text):
            return False
        numbers = [int(r.number) for r in [*self.rows, *([self.open] if self.open else [])] if r.number.isdigit()]
        due = (numbers[-1] + 1) if numbers else 1
        complete = self.open is None or len(self.open.values) >= self.n
        return int(text.rstrip(".")) == due and complete

    def _tail(self, name: str, indent: int) -> bool:
        """A line without values after a complete row: the name's tail (values printed beside the
        name's first line), not the next row's start."""
        assert self.open is not None
        return indent > self.open.indent or name[:1].islower() or not INDICATOR_START.match(name)

    def _close(self) -> None:
        if self.open is not None and (self.open.name or self.open.values):
            self.rows.append(self.open)
        self.open = None

    def finish(self) -> None:
        self._close()


def _prose(text: str, n: int) -> bool:
    """A paragraph, not a row: a long sentence, or one that ends like one without values."""
    if peel(text, n, False)[1]:
        return False
    return len(text) > 160 or (text.endswith((".", ":")) and len(text.split()) > 8)


def _lines_of(table: _Table, path: str, region: int) -> list[Line]:
    """The table as whole-row Lines: the header, group rows spanning the table, the rows."""
    roles = table.header.roles
    width = len(roles)
    head = table.header.first
    assert head is not None
    out = [Line(tuple(table.header.labels), Source(path, head.line, head.page), head.after_break, False, (), region, (), (), True)]
    groups = list(table.groups)
    for k, row in enumerate(table.rows):
        while groups and groups[0][0] <= k:
            _, text, g = groups.pop(0)
            out.append(
                Line(
                    (text,) + ("",) * (width - 1),
                    Source(path, g.line, g.page),
                    g.after_break,
                    False,
                    (),
                    region,
                    (width,) + (0,) * (width - 1),
                    (),
                    True,
                )
            )
        out.append(_row_line(row, roles, path, region))
    return out


def _row_line(row: _Row, roles: list[str], path: str, region: int) -> Line:
    cells = [""] * len(roles)
    values = iter(row.values)
    for k, role in enumerate(roles):
        if role == "no":
            cells[k] = row.number
        elif role == "indicator":
            cells[k] = " ".join(row.name)
        elif role in _VALUE_ROLES:
            cells[k] = next(values, "")
        elif role == "category":
            cells[k] = row.category
    assert row.start is not None
    joined = tuple(r.line for r in row.lines if r is not row.start)
    return Line(tuple(cells), Source(path, row.start.line, row.start.page), row.start.after_break, False, (), region, (), (), True, joined)


_COLUMN_NAMES = {"indikator", "target", "realisasi", "capaian", "satuan"}


def flat_lines(raw: list[RawLine], path: str, settings: ExtractSettings) -> list[Line]:
    # (a table's header words and its values repeat too: they are no running header)
    # (and so does the header of a table continued over page breaks, at the top of each page)
    running = frozenset(
        k
        for k in running_lines(raw, settings.running_line_repeats)
        if len(k.split()) >= 3 and not _ONLY_VALUES.match(k) and len(set(k.split()) & _COLUMN_NAMES) < 2
    )
    # a bare number is a page number only at a page's edge: inside a table dumped one cell per line it is a value
    edge = {k for k, r in enumerate(raw) if r.after_break or k + 1 == len(raw) or raw[k + 1].after_break}
    spaced = sum(1 for r in raw if r.after_break) > 0.6 * len(raw)  # a blank line after every line: no edges to tell
    kept = [
        r
        for k, r in enumerate(raw)
        if not (is_running(r.text, running) or (is_page_number(r.text) and k in edge and not spaced) or is_furniture(r.text))
    ]
    out: list[Line] = []
    i = 0
    region = 0
    while i < len(kept):
        header = header_at(kept, i)
        if header is None:
            r = kept[i]
            out.append(Line((r.text,), Source(path, r.line, r.page), r.after_break))
            i += 1
            continue
        table = _Table(header)
        j = i + header.size
        columnwise = _columnwise(kept, j, header)
        if columnwise is not None:
            rows, j = columnwise
            table.rows = rows
        else:
            while j < len(kept) and header_at(kept, j) is None and table.feed(kept[j]):
                j += 1
            table.finish()
        if table.rows:
            region += 1
            out += _lines_of(table, path, -region)
        else:
            out += [Line((r.text,), Source(path, r.line, r.page), r.after_break) for r in kept[i:j]]
        i = j
    return out


def _columnwise(lines: list[RawLine], j: int, header: _Header) -> tuple[list[_Row], int] | None:
    """A table dumped column by column (`22`: every value one per line, then `1. 2. 3. 4. 5.`, then
    all the names run together in one paragraph): rows from the counts, names split where an
    indicator's first word starts one."""
    n = len(header.values)
    values: list[str] = []
    k = j
    while k < len(lines) and _ONLY_VALUES.match(lines[k].text) and len(lines[k].text.split()) <= 3:
        values.append(lines[k].text.strip())
        k += 1
    if k >= len(lines) or not values or len(values) % n or len(values) < 2 * n:
        return None
    numbers = re.findall(r"(\d{1,3})\.", lines[k].text)
    if len(numbers) * n != len(values) or not re.fullmatch(r"\s*(?:\d{1,3}\.\s*)+", lines[k].text):
        return None
    names = _split_names(lines[k + 1].text, len(numbers)) if k + 1 < len(lines) else None
    if names is None:
        return None
    rows = [
        _Row(num, [name], values[m * n : (m + 1) * n], start=lines[j + m * n])
        for m, (num, name) in enumerate(zip(numbers, names, strict=True))
    ]
    return rows, k + 2


def _split_names(paragraph: str, count: int) -> list[str] | None:
    anywhere = re.compile(INDICATOR_START.pattern.lstrip("^"), re.I)
    starts = [m.start() for m in anywhere.finditer(paragraph)]
    starts = [s for s in starts if s == 0 or paragraph[s - 1] == " "]
    if len(starts) != count:
        return None
    bounds = [*starts, len(paragraph)]
    return [paragraph[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _sniff(raw: list[RawLine]) -> float:
    plain = [r for r in raw if "\t" not in r.text and "|" not in r.text]
    return 0.5 if any(header_at(plain, i) for i in range(len(plain))) else 0.01


register(TextReader("text-flat", _sniff, flat_lines))

__all__ = ["flat_lines", "header_at", "parse_value", "peel"]
