"""Indicators given as sentences instead of a table: a ringkasan that lists each IKU as

    1. Persentase Partisipasi Pemilih dalam Pemilu dengan target yang telah ditetapkan 77,5%
       dapat terealisasi sebesar 79,9%

(real excerpt `11`, KPU Kabupaten Nganjuk 2020). Such rows are stored with table kind `narasi`, so an
analyst comparing tables sees they come from prose, and their source is the sentence's line.
"""

from __future__ import annotations

import re

from extract.model import Line, Row, Source, Table
from extract.values import clean, parse_value

_V = r"(?:\d[\d.,]*\d|\d)\s*%?|WTP|WDP|TMP|TW|AA|BB|CC|[ABCD]"
_ITEM = re.compile(r"(?:^|\s)(\d{1,2})\.\s+(?=[A-Z])")
_SENTENCE = re.compile(
    rf"^(?P<name>.{{8,240}}?)\s+dengan\s+target\s+(?:yang\s+(?:telah\s+)?ditetapkan\s+)?(?:sebesar\s+)?(?P<t>{_V})"
    rf"\s*,?\s+(?:dan\s+)?(?:dapat\s+|telah\s+)?(?:te?r?e?alisasi|tercapai|realisasi(?:nya)?)\s+(?:sebesar\s+|mencapai\s+)?(?P<r>{_V})"
    rf"(?:\s*(?:,|dengan|atau)\s+(?:capaian\s+(?:kinerja\s+)?)?(?:sebesar\s+)?(?P<c>{_V}))?",
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


def narrative_tables(lines: list[Line], first_seq: int) -> list[Table]:
    """One `narasi` table per paragraph that lists two indicators or more as sentences."""
    tables: list[Table] = []
    for text, parts in _paragraphs(lines):
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


__all__ = ["Source", "narrative_tables"]
