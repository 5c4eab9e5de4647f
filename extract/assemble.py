"""Assemble table lines into indicator rows.

What real LAKIP tables do to a line-based reader, and how each is handled:
- group rows (`Sasaran 1 …`, `Program Dukungan Manajemen`, OCR'd `ran 1. Mewujudkan …`)
  span the value columns with text → a section label, not a row;
- Tujuan/Program/Sasaran cells wrap over the lines of several indicator rows →
  their text accumulates into the block label of those rows;
- indicator names wrap, and after a page break the tail comes as its own line,
  sometimes shifted into the first column with stamp/OCR noise beside it →
  continuation of the previous row;
- merged Sasaran-Kinerja/activity cells → carried down to the rows they cover.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from extract.header import Header, header_like
from extract.model import HistoryValue, Line, Row, Source, Value
from extract.noise import junk, span_text, stamp, tidy, unknown
from extract.values import parse_change, parse_value
from extract.vocabulary import GROUP_START, INDICATOR_START, OUTLINE

_NUMBER = re.compile(r"^\d{1,3}\s*\.?$")
_LETTER = re.compile(r"^[A-HА-Х]\s*\.?$")  # A/B enumerators, Cyrillic look-alikes included
_SASARAN = re.compile(r"sasaran|\bran\s*\d", re.I)
_SUBHEADING = re.compile(r"^\s*(?:-\s*)?\d+\)\s+(.+?)\s*$")
_STATEMENT = re.compile(r"^\w+nya\b")
_GROUP_WORD = re.compile(r"^(program|kegiatan|tujuan|sasaran|indikator)\b", re.I)
# a list bullet before a name is no part of it: `- Jumlah produksi padi`, `• …`, `➢ …` (`r18_distan` pp. 21-42)
_BULLET = re.compile(r"^(?:[-–•➢▪●◦*»]|\uf0b7|\uf0d8)\s+")
_BARE_NUMBER = re.compile(r"^(\d{1,2})\s+(\S.*)$")
# an aggregate row's label is the aggregate word and words about it only (`Jumlah`, `Total`,
# `Rata-rata Capaian Kinerja`); `Jumlah dokumen …`, `Jumlah Puskesmas yang …` are indicators (r02, r09, r18)
_TOTAL = re.compile(
    r"^\s*(?:jumlah|total|sub\s*total|grand\s+total|rata\s*[-–]?\s*rata|rerata)"
    r"(?:\s*[-/]?\s*(?:total|jumlah|keseluruhan|seluruhnya|capaian|nilai|kinerja|anggaran|rata\s*[-–]?\s*rata|"
    r"sasaran|iku|indikator|akhir|umum|\(%\)|%))*\s*[:.]?\s*$",
    re.I,
)
_SECTION_HEADING = re.compile(r"^\s*(?:\d+(?:\.\d+)+\.?|\d+\.)\s+\S")


@dataclass
class _Group:
    level: int  # 0 program/tujuan, 1 sasaran, 2 numbered block
    parts: list[str] = field(default_factory=list)

    def text(self) -> str:
        return tidy(" ".join(self.parts))


@dataclass
class _Draft:
    number: str | None
    source: Source
    stack: tuple[_Group, ...]
    indicator: list[str]
    activity: list[str] | None
    cells: dict[int, str] = field(default_factory=dict)
    lines: list[int] = field(default_factory=list)
    confidence: dict[int, float] = field(default_factory=dict)  # OCR confidence of the value cells taken
    labels: dict[str, list[str]] = field(default_factory=dict)  # satuan / kategori text, line by line


def assemble_rows(
    header: Header,
    body: list[Line],
    table_seq: int,
    headings: list[str],
    caption: str | None,
    vocab: Counter[str],
    low_confidence: float = 0.0,
) -> list[Row]:
    """Rows of one table. `vocab` counts the document's words: a label cell made only of
    words seen nowhere else (`Tro Britain`, `MIST`) is OCR noise from a stamp. Values read
    by OCR with a confidence below `low_confidence` say so in their notes."""
    if header.kind == "other":
        return []
    asm = _Assembler(header.roles, vocab)
    for ln in body:
        asm.feed(ln)
    # a stamp read as a row of its own (`LD VINITY I VINITY I` | `1000`): its name and figures
    # are the stamp's, not an indicator's
    drafts = [d for d in asm.drafts if d.number is not None or not stamp(" ".join(d.indicator), vocab)]
    # a row without a name is no indicator's: a Sasaran's aggregate printed on its first line (`r18_distan` p. 21)
    # and a name made only of figures is the value line's overflow, not a name (`102,75 101,8`
    # before the columns of a flattened 2-level header, real excerpt 08)
    drafts = [d for d in drafts if _named(tidy(" ".join(d.indicator))) or header.kind == "kegiatan"]
    return [_finish(header, d, (table_seq, k), headings, caption, low_confidence) for k, d in enumerate(drafts, start=1)]


_QUANTITY = re.compile(r"\d|[<>≤≥]|^[IVX]{1,4}$")  # a level is a quantity too (`II` -> `III`, r26_inspektorat p. 5)


class _Assembler:
    """Lines in, row drafts out; `prev` says what the previous line was: row, cont, group, label,
    colon (a name ending in `:` that labels the rows below)."""

    def __init__(self, roles: tuple[str, ...], vocab: Counter[str]) -> None:
        self.roles, self.vocab, self.width = roles, vocab, len(roles)
        self.no_col = roles.index("no") if "no" in roles else None
        ind_col = roles.index("indicator") if "indicator" in roles else None
        self.act_col = roles.index("activity") if "activity" in roles else None
        self.group_cols = [i for i, r in enumerate(roles) if r == "group"]
        self.value_cols = [i for i, r in enumerate(roles) if r in ("target", "realisasi", "capaian") or r.startswith("hist:")]
        self.label_cols = {i: r for i, r in enumerate(roles) if r in ("satuan", "kategori")}
        self.remark_cols = {i for i, r in enumerate(roles) if r == "keterangan"}
        self.text_col = ind_col if ind_col is not None else self.act_col  # where a row's name is
        self.stack: list[_Group | None] = [None, None, None]
        self.drafts: list[_Draft] = []
        self.prev = ""
        self.tail = False  # the previous line was a wrapped tail after a page break

    def current_stack(self) -> tuple[_Group, ...]:
        return tuple(g for g in self.stack if g is not None)

    def open_group(self, level: int, text: str) -> None:
        self.stack[level] = _Group(level, [text] if text else [])
        for deeper in range(level + 1, 3):
            self.stack[deeper] = None

    def noise(self, text: str) -> bool:
        return junk(text) or unknown(text, self.vocab)

    def feed(self, ln: Line) -> None:
        cells = [c.strip() for c in list(ln.cells) + [""] * (self.width - len(ln.cells))]
        if self._tail(ln, cells):
            return
        parsed = {c: parse_value(cells[c]) for c in self.value_cols if c < len(cells) and cells[c]}
        has_values = any(v.kind not in ("text", "empty") for v in parsed.values())
        no_text = cells[self.no_col] if self.no_col is not None else ""
        numbered = bool(_NUMBER.match(no_text))
        if not has_values and not numbered and self._group_row(ln, cells, parsed, no_text):
            return
        if _TOTAL.match(next((c for c in cells if c), "")):
            self.prev = "total"  # a Jumlah / Rata-rata row sums the rows above: no indicator of its own
            return
        for c in (*self.group_cols, *([self.act_col] if self.act_col is not None and self.act_col != self.text_col else [])):
            if cells[c] and self.noise(cells[c]):
                cells[c] = ""
        name = cells[self.text_col] if self.text_col is not None else ""
        if self._block(cells, numbered, name, has_values):
            return
        self._row(ln, cells, parsed, numbered, no_text, name, has_values)

    def _tail(self, ln: Line, cells: list[str]) -> bool:
        """A wrapped tail after a page break, pushed into the first column (a text export's short
        line; from a PDF, a full-width line with text in the first column only, beside stamp
        noise like `J-8-E`, starting the page or following such a tail line)."""
        first = cells[0]
        shifted = len(ln.cells) < self.width - 1 and not _NUMBER.match(first) and not ln.whole
        lone = bool(first) and not any(c and not self.noise(c) for c in cells[1:]) and not _NUMBER.match(first) and not _LETTER.match(first)
        # (a group row is capitalised: `Sasaran 2`; a wrapped name goes on in lower case: `sasaran, tepat`)
        grouplike = first[:1].isupper() and bool(_SASARAN.search(first) or _GROUP_WORD.match(first))
        shifted = shifted or (lone and (ln.after_break or self.tail) and not grouplike and not ln.whole)
        self.tail = shifted and bool(self.drafts) and self.prev in ("row", "cont")
        if not self.tail:
            return False
        if first and not junk(first):
            self.drafts[-1].indicator.append(first)
            self.drafts[-1].lines.append(ln.source.line)
        self.prev = "cont"
        return True

    def _group_row(self, ln: Line, cells: list[str], parsed: dict[int, Value], no_text: str) -> bool:
        """Group rows: text in the No column only, a letter enumerator, a cell merged across most
        of the table, or text spilling over the value columns with no value at all."""
        # (in a ruled row beside a name, words in a value cell are that value: `Inflasi Jawa Barat <
        # Inflasi Nasional`, r05_disperindag p. 30; in a text export they may be a group's spill)
        # (a header repeated on the next page, its cells mixed with a wrapped row's words, is no row:
        # `No | Sasaran transportasi umum | Indikator Kinerja | …`, r29_dishub p. 31)
        name = cells[self.text_col] if self.text_col is not None else ""
        named = ln.whole and bool(name) and not header_like(name)
        texts = [v.raw for v in parsed.values() if v.kind == "text"]
        # (a value in words has a figure, a comparison or a level, or starts a phrase of its own:
        # `Lulus Akreditasi sebagai RS Pendidikan`, r13_rsjiwa p. 8; a group's words cut into cells go
        # on mid-word: `… Profesional dan Berinte` | `gritas`, a seed drawn by LibreOffice)
        spill = bool(texts) and not (named and all(_QUANTITY.search(t) or t.strip()[:1].isupper() for t in texts))
        only_first = bool(cells[0]) and not any(cells[1:])
        filled = [k for k, c in enumerate(cells) if c]
        spanning = bool(ln.spans) and len(filled) == 1 and ln.spans[filled[0]] >= max(2, self.width // 2)
        # a group word alone in the first column, the rest empty: a `Sasaran 1. …` row of a table
        # without a No column (tab-separated exports give merged cells as empty ones)
        labelled = only_first and bool(GROUP_START.match(cells[0]))
        if not (spill or _LETTER.match(no_text) or (only_first and self.no_col is not None) or spanning or labelled):
            return False
        text = span_text(cells, self.vocab)
        if self.prev == "group" and not _LETTER.match(no_text) and self.stack[0] is not None and not _SASARAN.search(text):
            top = next(g for g in reversed(self.stack) if g is not None)
            top.parts.append(text)
        elif text:
            self.open_group(1 if _SASARAN.search(text[:20]) else 0, text)
        self.prev = "group"
        return True

    def _block(self, cells: list[str], numbered: bool, name: str, has_values: bool) -> bool:
        """Block start: a number in the No column, or new text in the first Tujuan/Sasaran
        column. True when the line is only the block's label."""
        group_cols = self.group_cols
        block_text = " ".join(cells[c] for c in group_cols if cells[c])
        if numbered or (self.no_col is None and group_cols and cells[group_cols[0]]):
            level = 1 if (not numbered and _SASARAN.search(cells[group_cols[0]] if group_cols else "")) else 2
            if not name and not has_values:
                label = block_text or (cells[self.act_col] if self.act_col is not None else "")
                self.open_group(level, label)
                self.prev = "label"
                return True
            self.open_group(level, block_text)
        elif block_text:
            holder = self.stack[2] or self.stack[1]
            if holder is None:
                self.open_group(2, "")
                holder = self.stack[2]
            assert holder is not None
            holder.parts.append(block_text)
        return False

    def _row(self, ln: Line, cells: list[str], parsed: dict[int, Value], numbered: bool, no_text: str, name: str, has_values: bool) -> None:
        drafts = self.drafts
        act = cells[self.act_col] if self.act_col is not None and self.act_col != self.text_col else ""
        continuing = bool(drafts) and not numbered and self.prev in ("row", "cont")
        if ln.whole:
            # a ruled row is a whole row; it goes on the row above only where a page break split
            # that row, or where it holds nothing but a name that does not start like one (a
            # producer gives each visual line of a long name a ruled row of its own)
            # (a remark going on in its own column does not make a row: `pencapaian target:` /
            # `rendah` beside `telah mengikuti` / `sertifikasi …`, r26_inspektorat p. 8)
            alone = not has_values and not any(c for i, c in enumerate(cells) if c and i != self.text_col and i not in self.remark_cols)
            # (a name ending in a colon labels the rows below: `Outcome :` under a row with its
            # target, `r18_distan` RKT p. 65)
            label = name.endswith(":")
            tail = (
                alone
                and bool(drafts)
                and bool(drafts[-1].cells)
                and not INDICATOR_START.match(name)
                and not OUTLINE.match(name)
                and not label
            )
            split = ln.after_break and bool(drafts) and not _covered(ln, self.text_col) and (not has_values or not drafts[-1].cells)
            continuing = continuing and (split or tail)
        wrapped = not has_values and (ln.after_break or name[:1].islower() or self.prev == "cont")
        if (name or has_values) and continuing and (ln.continues or (name and (wrapped or ln.whole))):
            d = drafts[-1]
            d.indicator.append(name)
            if act and d.activity is not None:
                d.activity.append(act)
            d.lines.append(ln.source.line)
            _fill(d, ln, cells, parsed, self.label_cols)
            self.prev = "cont"
            return
        if not name and not has_values:
            if drafts and act and drafts[-1].activity is not None:
                drafts[-1].activity.append(act)
            self.prev = "cont" if drafts else self.prev
            return
        # (a ruled row of figures under a row that has all of them already, its name cell left
        # empty: a second measure of the same indicator, `UTTP` over `BDKT` beside `Jumlah UTTP dan
        # BDKT`, r05_disperindag pp. 33-39)
        # (not a numbered row nor one opening a group: a sasaran's own figures, r16_disnak p. 27)
        again = (
            ln.whole
            and not numbered
            and not any(cells[c] for c in self.group_cols)
            and bool(drafts)
            and len(parsed) >= 2
            and all(c in drafts[-1].cells for c in parsed)
        )
        if not name and has_values and drafts and (_covered(ln, self.text_col) or again):
            # the indicator cell is merged down over this row's values: the same indicator again
            last = drafts[-1]
            name, no_text, numbered = tidy(" ".join(last.indicator)), last.number or "", last.number is not None
        elif not name and has_values and continuing:
            _fill(drafts[-1], ln, cells, parsed, self.label_cols)
            drafts[-1].lines.append(ln.source.line)
            return
        if not parsed and name and self.prev == "colon" and self.stack[2] is not None and not OUTLINE.match(name):
            self.stack[2].parts.append(name)  # the label's wrapped line
            return
        if not has_values and name.endswith(":") and self.value_cols:
            # a name that announces the rows below it (`1.1.1 Jumlah produksi yang dihasilkan (ton) :`
            # over `- Daging`, `- Telur`, r16_disnak p. 13) is their label, no row of its own
            self.open_group(2, name)
            self.prev = "colon"
            return
        activity = _activity(act, drafts, self.current_stack())
        d = _Draft(no_text if numbered else None, ln.source, self.current_stack(), [name] if name else [], activity)
        d.lines += [ln.source.line, *ln.joined]
        _fill(d, ln, cells, parsed, self.label_cols)
        drafts.append(d)
        self.prev = "row"


def _covered(ln: Line, col: int | None) -> bool:
    return col is not None and col < len(ln.covered) and ln.covered[col]


def _activity(act: str, drafts: list[_Draft], stack: tuple[_Group, ...]) -> list[str] | None:
    same_block = bool(drafts) and len(drafts[-1].stack) == len(stack) and all(a is b for a, b in zip(drafts[-1].stack, stack, strict=True))
    if act:
        prev = drafts[-1].activity if same_block else None
        # Sasaran-kinerja statements open with a -nya nominalisation ("Terwujudnya …",
        # "Meningkatnya …"); in such a column a cell that does not is the previous one wrapping.
        wraps = prev is not None and bool(_STATEMENT.match(prev[0])) and not _STATEMENT.match(act)
        if prev is not None and (act[:1].islower() or wraps):
            prev.append(act)  # the merged cell wrapped: both rows share it
            return prev
        return [act]
    if same_block and drafts[-1].activity is not None:
        return drafts[-1].activity  # merged cell carried down
    return None


_FIGURES_ONLY = re.compile(r"[\d.,%\s]*\d[\d.,%\s]*")


def _named(name: str) -> bool:
    return bool(name) and not _FIGURES_ONLY.fullmatch(name)


def _fill(d: _Draft, ln: Line, cells: list[str], parsed: dict[int, Value], labels: dict[int, str]) -> None:
    for c, role in labels.items():
        if c < len(cells) and cells[c]:
            d.labels.setdefault(role, []).append(cells[c])
    for c, v in parsed.items():
        # a ruled cell is the column's value even as text (`1% dr jumlah pddk Jabar`); in a text
        # export, text under a value column is a name that ran over it
        if c not in d.cells and (v.kind != "text" or ln.whole):
            d.cells[c] = cells[c]
            if c < len(ln.confidence) and (conf := ln.confidence[c]) is not None:
                d.confidence[c] = conf


def _confident(value: Value, d: _Draft, c: int, low: float) -> Value:
    """The value with the OCR confidence of its cell; a low one is said in its notes."""
    conf = d.confidence.get(c)
    if conf is None:
        return value
    note = value.note
    if conf < low:
        note = "; ".join(n for n in (note, f"keyakinan OCR rendah ({conf:.0f})") if n)
    return replace(value, confidence=conf, note=note)


def _finish(header: Header, d: _Draft, seqs: tuple[int, int], headings: list[str], caption: str | None, low: float) -> Row:
    table_seq, row_seq = seqs
    roles = header.roles
    values: dict[str, Value] = {}
    history: list[HistoryValue] = []
    for c, raw in sorted(d.cells.items()):
        role = roles[c]
        if role.startswith("hist:"):
            _, kind, year = role.split(":")
            value = _confident((parse_change if kind == "change" else parse_value)(raw), d, c, low)
            history.append(HistoryValue(int(year) if year else None, kind, value))  # type: ignore[arg-type]
        elif role not in values:
            values[role] = _confident(parse_value(raw), d, c, low)
    indicator = _BULLET.sub("", tidy(" ".join(d.indicator)))
    number = d.number.rstrip(". ") if d.number else None
    bare = _BARE_NUMBER.match(indicator)
    outline = OUTLINE.match(indicator)
    if number is None and outline and outline.group(2):
        # an outline number opening the name (`1.4.1 Jumlah kelompok …`, r16_disnak p. 13): the row's number
        number, indicator = outline.group(1), outline.group(2)
    elif number is None and bare and INDICATOR_START.match(bare.group(2)):
        # a row number printed in the name's cell without a stop (`2 Persentase Desa Siaga Aktif`,
        # r02 pp. 107, 110); enumerators with one (`1.`, `a)`) are the cell's own text
        number, indicator = bare.group(1), bare.group(2)
    activity = tidy(" ".join(d.activity)) if d.activity else None
    section = " › ".join(t for g in d.stack if (t := g.text()))
    if header.kind == "kegiatan":
        sub = next((m.group(1) for h in headings if (m := _SUBHEADING.match(h))), None)
        sect = next((h for h in headings if _SECTION_HEADING.match(h)), None)
        activity, indicator = indicator, tidy(sub) if sub else indicator
        section = tidy(sect) if sect else section
    elif header.kind == "multi_year":
        program = next((h for h in headings if re.search(r"\bprogram\b", h, re.I) and re.match(r"\s*\d+\.", h)), None)
        activity = tidy(re.sub(r"^\s*(?:\d+\)|-)\s*", "", caption)) if caption else None
        section = " › ".join(t for t in (tidy(program) if program else None, activity) if t)
    return Row(
        table_kind=header.kind,
        table_seq=table_seq,
        row_seq=row_seq,
        section=section,
        indicator=indicator,
        source=d.source,
        activity=activity or None,
        number=number,
        target=values.get("target"),
        realisasi=values.get("realisasi"),
        capaian=values.get("capaian"),
        history=tuple(history),
        lines=tuple(d.lines),
        unit_label=tidy(" ".join(d.labels["satuan"])) if "satuan" in d.labels else None,
        category=tidy(" ".join(d.labels["kategori"])) if "kategori" in d.labels else None,
    )
