"""Words and visual lines of a born-digital page, from PDFium's character boxes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_WORD_GAP = 1.2  # points between two letters of one word, at most
_RUN = re.compile(r"\S+")


@dataclass
class Word:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


@dataclass
class VLine:
    top: float
    bottom: float
    words: list[Word] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def words_of(textpage: Any, height: float) -> list[Word]:
    """Words with their boxes: runs of non-space characters in the page text (PDFium puts
    a space where glyphs stand apart), split again where the run changes line; only the
    characters at a run's ends are measured, a fraction of the per-character calls. PDFium gives a
    hyphen that breaks a word at a line end as U+0002: it is a hyphen (`buah\x02` / `buahan`, r18 p. 25)."""
    import pypdfium2.raw as pdfium_raw

    raw = textpage.raw
    count = pdfium_raw.FPDFText_CountChars(raw)
    text = textpage.get_text_range(0, count)
    if len(text) != count:  # characters outside the BMP shift the indices: measure every one
        return _words_by_char(raw, count, height)
    rect = pdfium_raw.FS_RECTF()
    box_of = pdfium_raw.FPDFText_GetLooseCharBox

    def box(i: int) -> tuple[float, float, float, float]:
        box_of(raw, i, rect)
        return rect.left, height - rect.top, rect.right, height - rect.bottom

    words: list[Word] = []
    for m in _RUN.finditer(text):
        start, end = m.span()
        x0, top, _, bottom = box(start)
        last = box(end - 1)
        if abs(last[1] - top) < 1.0 and last[2] >= x0:
            words.append(Word(x0, last[2], top, bottom, m.group().replace("\x02", "-")))
        else:  # the run wraps to another line without a space: measure it char by char
            words += _words_by_char(raw, count, height, start, end)
    return words


def _words_by_char(raw: Any, count: int, height: float, start: int = 0, end: int | None = None) -> list[Word]:
    import pypdfium2.raw as pdfium_raw

    rect = pdfium_raw.FS_RECTF()
    unicode_of, box_of = pdfium_raw.FPDFText_GetUnicode, pdfium_raw.FPDFText_GetLooseCharBox
    words: list[Word] = []
    cur: Word | None = None
    for i in range(start, count if end is None else end):
        ch = chr(unicode_of(raw, i))
        ch = "-" if ch == "\x02" else ch  # PDFium's mark for a hyphen breaking a word at a line end
        box_of(raw, i, rect)
        left, bottom, right, top = rect.left, rect.bottom, rect.right, rect.top
        if ch.isspace() or right <= left:
            cur = None
            continue
        t, b = height - top, height - bottom
        if cur is not None and abs(t - cur.top) < 1.0 and left - cur.x1 <= _WORD_GAP:
            cur.x1, cur.text = right, cur.text + ch
        else:
            cur = Word(left, right, t, b, ch)
            words.append(cur)
    return words


def visual_lines(words: list[Word]) -> list[VLine]:
    lines: list[VLine] = []
    for w in sorted(words, key=lambda w: (round(w.top, 1), w.x0)):
        if lines and abs(w.top - lines[-1].top) <= 1.5:
            lines[-1].words.append(w)
            lines[-1].bottom = max(lines[-1].bottom, w.bottom)
        else:
            lines.append(VLine(w.top, w.bottom, [w]))
    for ln in lines:
        ln.words.sort(key=lambda w: w.x0)
    return lines
