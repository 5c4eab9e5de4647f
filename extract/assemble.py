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

from extract.header import Header
from extract.model import HistoryValue, Line, Row, Source, Value
from extract.noise import junk, span_text, stamp, tidy, unknown
from extract.values import parse_value

_NUMBER = re.compile(r"^\d{1,3}\s*\.?$")
_LETTER = re.compile(r"^[A-HА-Х]\s*\.?$")  # A/B enumerators, Cyrillic look-alikes included
_SASARAN = re.compile(r"sasaran|\bran\s*\d", re.I)
_SUBHEADING = re.compile(r"^\s*(?:-\s*)?\d+\)\s+(.+?)\s*$")
_STATEMENT = re.compile(r"^\w+nya\b")
_GROUP_WORD = re.compile(r"^(program|kegiatan|tujuan|sasaran|indikator)\b", re.I)
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
    roles = header.roles
    width = len(roles)
    no_col = roles.index("no") if "no" in roles else None
    ind_col = roles.index("indicator") if "indicator" in roles else None
    act_col = roles.index("activity") if "activity" in roles else None
    group_cols = [i for i, r in enumerate(roles) if r == "group"]
    value_cols = [i for i, r in enumerate(roles) if r in ("target", "realisasi", "capaian") or r.startswith("hist:")]
    text_col = ind_col if ind_col is not None else act_col  # where a row's name is

    stack: list[_Group | None] = [None, None, None]
    drafts: list[_Draft] = []
    prev = ""  # what the previous line was: row, cont, group, label

    def current_stack() -> tuple[_Group, ...]:
        return tuple(g for g in stack if g is not None)

    def open_group(level: int, text: str) -> None:
        stack[level] = _Group(level, [text] if text else [])
        for deeper in range(level + 1, 3):
            stack[deeper] = None

    def noise(text: str) -> bool:
        return junk(text) or unknown(text, vocab)

    tail = False  # the previous line was a wrapped tail after a page break
    for ln in body:
        cells = list(ln.cells) + [""] * (width - len(ln.cells))
        cells = [c.strip() for c in cells]
        first = cells[0]
        shifted = len(ln.cells) < width - 1 and not _NUMBER.match(first)
        # the same tail from a PDF: full-width lines, text in the first column only (beside stamp
        # noise like `J-8-E`), starting the page or following such a tail line
        lone = bool(first) and not any(c and not noise(c) for c in cells[1:]) and not _NUMBER.match(first) and not _LETTER.match(first)
        # (a group row is capitalised: `Sasaran 2`; a wrapped name goes on in lower case: `sasaran, tepat`)
        grouplike = first[:1].isupper() and bool(_SASARAN.search(first) or _GROUP_WORD.match(first))
        shifted = shifted or (lone and (ln.after_break or tail) and not grouplike)
        tail = shifted and bool(drafts) and prev in ("row", "cont")
        if shifted and drafts and prev in ("row", "cont"):
            # A wrapped tail after a page break, pushed into the first column.
            if first and not junk(first):
                drafts[-1].indicator.append(first)
                drafts[-1].lines.append(ln.source.line)
            prev = "cont"
            continue
        parsed = {c: parse_value(cells[c]) for c in value_cols if c < len(cells) and cells[c]}
        has_values = any(v.kind not in ("text", "empty") for v in parsed.values())
        spill = any(v.kind == "text" for v in parsed.values())
        no_text = cells[no_col] if no_col is not None else ""
        numbered = bool(_NUMBER.match(no_text))
        name = cells[text_col] if text_col is not None else ""

        # Group rows: text in the No column only, a letter enumerator, or text spilling
        # over the value columns with no value at all.
        only_first = bool(first) and not any(cells[1:])
        if not has_values and not numbered and (spill or _LETTER.match(no_text) or (only_first and no_col is not None)):
            text = span_text(cells, vocab)
            if prev == "group" and not _LETTER.match(no_text) and stack[0] is not None and not _SASARAN.search(text):
                top = next(g for g in reversed(stack) if g is not None)
                top.parts.append(text)
            elif text:
                open_group(1 if _SASARAN.search(text[:20]) else 0, text)
            prev = "group"
            continue

        for c in (*group_cols, *([act_col] if act_col is not None and act_col != text_col else [])):
            if cells[c] and noise(cells[c]):
                cells[c] = ""

        # Block start: a number in the No column, or new text in the first Tujuan/Sasaran column.
        block_text = " ".join(cells[c] for c in group_cols if cells[c])
        if numbered or (no_col is None and group_cols and cells[group_cols[0]]):
            level = 1 if (not numbered and _SASARAN.search(cells[group_cols[0]] if group_cols else "")) else 2
            if not name and not has_values:
                label = block_text or (cells[act_col] if act_col is not None else "")
                open_group(level, label)
                prev = "label"
                continue
            open_group(level, block_text)
        elif block_text:
            holder = stack[2] or stack[1]
            if holder is None:
                open_group(2, "")
                holder = stack[2]
            assert holder is not None
            holder.parts.append(block_text)

        act = cells[act_col] if act_col is not None and act_col != text_col else ""
        continuing = bool(drafts) and not numbered and prev in ("row", "cont")
        wrapped = not has_values and (ln.after_break or name[:1].islower() or prev == "cont")
        if (name or has_values) and continuing and (ln.continues or (name and wrapped)):
            drafts[-1].indicator.append(name)
            if act and drafts[-1].activity is not None:
                drafts[-1].activity.append(act)
            drafts[-1].lines.append(ln.source.line)
            _fill(drafts[-1], ln, cells, parsed)
            prev = "cont"
            continue
        if not name and not has_values:
            if drafts and act and drafts[-1].activity is not None:
                drafts[-1].activity.append(act)
            prev = "cont" if drafts else prev
            continue
        if not name and has_values and continuing:
            _fill(drafts[-1], ln, cells, parsed)
            drafts[-1].lines.append(ln.source.line)
            continue
        activity = _activity(act, drafts, current_stack())
        d = _Draft(no_text if numbered else None, ln.source, current_stack(), [name] if name else [], activity)
        d.lines.append(ln.source.line)
        _fill(d, ln, cells, parsed)
        drafts.append(d)
        prev = "row"

    # a stamp read as a row of its own (`LD VINITY I VINITY I` | `1000`): its name and figures
    # are the stamp's, not an indicator's
    drafts = [d for d in drafts if d.number is not None or not stamp(" ".join(d.indicator), vocab)]
    return [_finish(header, d, (table_seq, k), headings, caption, low_confidence) for k, d in enumerate(drafts, start=1)]


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


def _fill(d: _Draft, ln: Line, cells: list[str], parsed: dict[int, Value]) -> None:
    for c, v in parsed.items():
        if c not in d.cells and v.kind != "text":
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
            value = _confident(parse_value(raw), d, c, low)
            history.append(HistoryValue(int(year) if year else None, kind, value))  # type: ignore[arg-type]
        elif role not in values:
            values[role] = _confident(parse_value(raw), d, c, low)
    indicator = tidy(" ".join(d.indicator))
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
        number=d.number.rstrip(". ") if d.number else None,
        target=values.get("target"),
        realisasi=values.get("realisasi"),
        capaian=values.get("capaian"),
        history=tuple(history),
        lines=tuple(d.lines),
    )
