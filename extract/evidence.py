"""The typed evidence the audit reads beside the performance rows, computed once from the read
document so the store keeps it whole and the audit never parses stored text again: the typed
cells of the tables that are not performance tables, the `KPU <level> <Name>` each line prints,
the sentences of the prose lines and the report's own scales for rating capaian."""

from __future__ import annotations

from dataclasses import replace

from extract.claims import sentences
from extract.metadata import satker_mentions
from extract.model import Evidence, Line, Mention, Sentence, Source, Table, TableCell
from extract.scales import find_scales
from extract.values import clean, parse_value


def evidence(tables: tuple[Table, ...], lines: tuple[Line, ...]) -> Evidence:
    return Evidence(table_cells(tables, lines), mentions(lines), prose_sentences(lines), find_scales(lines))


def _cell_source(ln: Line, col: int) -> Source:
    """The line's place, with the cell's own box where the reader drew one."""
    box = ln.boxes[col] if col < len(ln.boxes) and ln.boxes[col] is not None else ln.source.bbox
    return replace(ln.source, bbox=box)


def table_cells(tables: tuple[Table, ...], lines: tuple[Line, ...]) -> tuple[TableCell, ...]:
    """Every cell of the body lines (below the first header line, to the table's last) of each
    `other` table and of each table printing a budget (`Table.budget`: the audit holds its
    realisation to its ceiling), typed by the cell parser; OCR confidence per cell where a scan
    gave one."""
    out: list[TableCell] = []
    for t in tables:
        if t.kind != "other" and t.budget is None:
            continue
        body = [ln for ln in lines if t.source.line < ln.source.line <= t.end_line]
        for n, ln in enumerate(body, start=1):
            for col, text in enumerate(ln.cells):
                v = parse_value(text)
                conf = ln.confidence[col] if col < len(ln.confidence) else None
                out.append(TableCell(t.seq, n, col, replace(v, confidence=conf) if conf is not None else v, _cell_source(ln, col)))
    return tuple(out)


def mentions(lines: tuple[Line, ...]) -> tuple[Mention, ...]:
    """Every `KPU <level> <Name>` of every line, its cells read as one text."""
    return tuple(Mention(level, name, ln.source) for ln in lines for level, name, _ in satker_mentions(clean(" ".join(ln.cells))))  # type: ignore[arg-type]


def prose_sentences(lines: tuple[Line, ...]) -> tuple[Sentence, ...]:
    """The sentences of each line of one cell (a table's lines are not prose), as printed."""
    return tuple(
        Sentence(sent, ln.source) for ln in lines if "\t" not in (text := "\t".join(ln.cells)) and text for _, sent in sentences(text)
    )
