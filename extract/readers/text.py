"""Text exports whose table cells are delimited: tab-separated (the seeds) or Markdown pipes."""

from __future__ import annotations

import re

from extract.model import Line, Source
from extract.readers import TextReader, register
from extract.settings import ExtractSettings
from extract.textio import RawLine, is_page_number, is_running, running_lines

_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _drop_furniture(raw: list[RawLine], settings: ExtractSettings) -> list[tuple[RawLine, bool]]:
    """Remove running headers/footers and page numbers; the next line inherits their break."""
    running = running_lines(raw, settings.running_line_repeats)
    out: list[tuple[RawLine, bool]] = []
    pending = False
    for r in raw:
        if "\t" not in r.text and "|" not in r.text and (is_running(r.text, running) or is_page_number(r.text)):
            pending = True
            continue
        out.append((r, r.after_break or pending))
        pending = False
    return out


def tsv_lines(raw: list[RawLine], path: str, settings: ExtractSettings) -> list[Line]:
    out = []
    for r, brk in _drop_furniture(raw, settings):
        cells = tuple(r.text.split("\t")) if "\t" in r.text else (r.text,)
        out.append(Line(cells, Source(path, r.line, r.page), brk))
    return out


def md_lines(raw: list[RawLine], path: str, settings: ExtractSettings) -> list[Line]:
    out = []
    for r, brk in _drop_furniture(raw, settings):
        if _MD_RULE.match(r.text) and "-" in r.text:
            continue
        if _MD_ROW.match(r.text):
            inner = r.text.strip()[1:-1]
            cells = tuple(re.sub(r"<br\s*/?>", " ", c).replace("\\|", "|").strip() for c in re.split(r"(?<!\\)\|", inner))
        else:
            cells = (r.text,)
        out.append(Line(cells, Source(path, r.line, r.page), brk))
    return out


def _count(raw: list[RawLine], pattern: re.Pattern[str]) -> int:
    return sum(1 for r in raw if pattern.search(r.text))


_TABBED = re.compile(r"\t.*\t|\t\S")
register(TextReader("text-tsv", lambda raw: 1.0 if _count(raw, _TABBED) >= 3 else 0.0, tsv_lines))
register(TextReader("text-markdown", lambda raw: 1.5 if _count(raw, _MD_ROW) >= 3 else 0.0, md_lines))
