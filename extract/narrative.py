"""Indicators given as sentences instead of a table: a ringkasan that lists each IKU as

    1. Persentase Partisipasi Pemilih dalam Pemilu dengan target yang telah ditetapkan 77,5%
       dapat terealisasi sebesar 79,9%

(real excerpt `11`, KPU Kabupaten Nganjuk 2020), or, in a report that prints no table of them, as
comparisons in running prose:

    Angka Kematian Bayi … tahun 2015 sebesar 4,88 per 1000 kelahiran hidup. Angka ini bila
    dibandingkan dengan target … sebesar 32 … dengan capaian kinerja sebesar 184,75 …

(real excerpt `13`, LKj Provinsi Lampung 2015). Such rows are stored with table kind `narasi`, so an
analyst comparing tables sees they come from prose, and their source is the sentence's line. Where
the report has its tables, such sentences restate them: they are claims for the audit, not rows.
"""

from __future__ import annotations

import re

from extract.model import Line, Row, Source, Table
from extract.values import clean, parse_value
from extract.vocabulary import INDICATOR_START

# a figure (its `%` kept, never a space after it) or a grade in capitals (`, dengan` is no grade D)
_V = r"(?:\d[\d.,]*\d|\d)(?:\s*%)?|(?-i:\b(?:WTP|WDP|TMP|TW|AA|BB|CC|[ABCD])\b)"
_ITEM = re.compile(r"(?:^|\s)(\d{1,2})\.\s+(?=[A-Z])")
_SENTENCE = re.compile(
    rf"^(?P<name>.{{8,240}}?)\s+dengan\s+target\s+(?:yang\s+(?:telah\s+)?ditetapkan\s+)?(?:sebesar\s+)?(?P<t>{_V})"
    rf"\s*,?\s+(?:dan\s+)?(?:dapat\s+|telah\s+)?(?:te?r?e?alisasi|tercapai|realisasi(?:nya)?)\s+(?:sebesar\s+|mencapai\s+)?(?P<r>{_V})"
    rf"(?:(?:\s*,\s*(?:dengan\s+)?|\s+(?:dengan|atau)\s+)(?:capaian\s+(?:kinerja\s+)?)?(?:sebesar\s+)?(?P<c>{_V}))?",
    re.I,
)


def _paragraphs(lines: list[Line]) -> list[tuple[str, list[tuple[int, Line]]]]:
    """Prose lines joined into paragraphs (a sentence may go on after a blank line), with the
    offset in the paragraph where each line starts."""
    out: list[tuple[str, list[tuple[int, Line]]]] = []
    text, parts = "", list[tuple[int, Line]]()
    for ln in lines:
        if len(ln.cells) != 1 or ln.region is not None:
            if text:
                out.append((text, parts))
            text, parts = "", list[tuple[int, Line]]()
            continue
        t = clean(ln.cells[0])
        if text and text.endswith((".", ":")) and not _ITEM.match(" " + t):
            out.append((text, parts))
            text, parts = "", list[tuple[int, Line]]()
        parts.append((len(text) + (1 if text else 0), ln))
        text = f"{text} {t}" if text else t
    if text:
        out.append((text, parts))
    return out


def _line_at(parts: list[tuple[int, Line]], offset: int) -> Line:
    return next(ln for start, ln in reversed(parts) if start <= offset)


def narrative_tables(lines: list[Line], first_seq: int, tabled: bool = False) -> list[Table]:
    """One `narasi` table per paragraph that lists two indicators or more as sentences; and, when
    the report has no performance table (`tabled` False), one for the comparisons its prose makes."""
    tables: list[Table] = []
    paragraphs = _paragraphs(lines)
    if not tabled:
        compared = _compared(paragraphs, first_seq)
        if compared is not None:
            tables.append(compared)
    for text, parts in paragraphs:
        starts = [m.start(1) for m in _ITEM.finditer(text)]
        rows: list[Row] = []
        seq = first_seq + len(tables)
        for k, at in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else len(text)
            item = text[at:end]
            number = item.split(".", 1)[0]
            m = _SENTENCE.match(item.split(".", 1)[1].strip())
            if not m:
                continue
            src = _line_at(parts, at).source
            rows.append(
                Row(
                    "narasi", seq, len(rows) + 1, "", m.group("name").strip(" ,"), src, number=number,
                    target=parse_value(m.group("t")), realisasi=parse_value(m.group("r")),
                    capaian=parse_value(m.group("c")) if m.group("c") else None,
                    lines=(src.line,),
                )
            )  # fmt: skip
        if len(rows) >= 2:
            head = _line_at(parts, starts[0]).source
            tables.append(Table(seq, "narasi", (), (), text[: starts[0]].strip() or None, head, tuple(rows), rows[-1].source.line))
    return tables


_NUM = r"\d[\d.,]*\d(?:\s*%)?|\d(?:\s*%)?"
_CAPAIAN = re.compile(rf"\bcapaian\s+(?:kinerja(?:nya)?\s+)?(?:sebesar|mencapai|adalah)\s+(?P<v>{_NUM})", re.I)
_TARGET = re.compile(rf"\btarget\b[^.]{{0,80}}?\b(?:sebesar|yaitu|adalah)\s+(?P<v>{_NUM})", re.I)
_REALISASI = re.compile(rf"\bsebesar\s+(?P<v>{_NUM})", re.I)
_NAME_END = re.compile(r"\s+(?:berdasarkan|pada\s+tahun|tahun\s+\d{4}|sebesar|di\s+(?:provinsi|kabupaten|kota))\b|[,;]", re.I)
_WINDOW = 700  # characters a comparison's figures stand within, back from its capaian


def _compared(paragraphs: list[tuple[str, list[tuple[int, Line]]]], seq: int) -> Table | None:
    """Rows from sentences that give an indicator's realisasi, compare it with a target and state
    the capaian; a comparison that names no indicator (`Bila dibandingkan realisasi … dengan target
    tahun 2019 …`) is the indicator named before it."""
    rows: list[Row] = []
    for text, parts in paragraphs:
        name, done = None, 0
        for cap in _CAPAIAN.finditer(text):
            start = max(done, cap.start() - _WINDOW)
            window = text[start : cap.start()]
            done = cap.end()
            target = _last(_TARGET, window)
            real = _last(_REALISASI, window[: target.start()]) if target else None
            if target is None or real is None:
                continue
            name = _name(window[: real.start()]) or name
            if name is None:
                continue
            src = _line_at(parts, start + real.start()).source
            rows.append(
                Row(
                    "narasi", seq, len(rows) + 1, "", name, src, target=parse_value(target.group("v")),
                    realisasi=parse_value(real.group("v")), capaian=parse_value(cap.group("v")), lines=(src.line,),
                )
            )  # fmt: skip
    if not rows:
        return None
    return Table(seq, "narasi", (), (), None, rows[0].source, tuple(rows), rows[-1].source.line)


def _last(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def _name(before: str) -> str | None:
    """The indicator a sentence opens with (`Angka Kematian Bayi per 1000 kelahiran hidup
    berdasarkan …`), from the last sentence before the realisasi that opens with one."""
    for sentence in reversed(re.split(r"(?<=[.!?])\s+(?=[A-Z])", before)):
        if INDICATOR_START.match(sentence.strip()):
            name = _NAME_END.split(sentence.strip(), maxsplit=1)[0].strip()
            return name if 8 <= len(name) <= 160 else None
    return None


__all__ = ["Source", "narrative_tables"]
