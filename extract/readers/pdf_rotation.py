"""Pages whose content is turned without the page saying so: a landscape table pasted into a
portrait page, text running down the page, no /Rotate flag (`r22_disperkim` pp. 40-42, 48-49).

The text layer tells: most characters share one angle. Geometry (words, rulings) is then turned
upright before tables are looked for, and a cell's box is turned back to read its text.
Coordinates are points from the page's top-left; "upright" is the page as one reads it.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from extract.layout.geometry import Box, Segment, Word

_SAMPLE = 7  # every 7th character is enough to tell a page's angle
_SHARE = 0.6


@dataclass(frozen=True)
class Rotation:
    """How the page's content is turned: 90, 180 or 270 degrees (counter-clockwise, as PDFium
    measures a character's angle), on a page of `width` × `height` points."""

    angle: int
    width: float
    height: float

    # (PDFium measures the angle with y up: characters at 270° run down a top-down page)
    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.angle == 270:
            return self.height - y, x
        if self.angle == 90:
            return y, self.width - x
        return self.width - x, self.height - y

    def back(self, x: float, y: float) -> tuple[float, float]:
        if self.angle == 270:
            return y, self.height - x
        if self.angle == 90:
            return self.width - y, x
        return self.width - x, self.height - y

    def box(self, b: Box) -> Box:
        (ax, ay), (bx, by) = self.point(b[0], b[1]), self.point(b[2], b[3])
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def box_back(self, b: Box) -> Box:
        (ax, ay), (bx, by) = self.back(b[0], b[1]), self.back(b[2], b[3])
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def segment(self, s: Segment) -> Segment:
        box = (s.start, s.pos, s.end, s.pos) if s.horizontal else (s.pos, s.start, s.pos, s.end)
        x0, top, x1, bottom = self.box(box)
        if abs(bottom - top) < abs(x1 - x0):
            return Segment(True, (top + bottom) / 2, x0, x1)
        return Segment(False, (x0 + x1) / 2, top, bottom)

    @property
    def upright_height(self) -> float:
        return self.height if self.angle == 180 else self.width


def page_rotation(textpage: Any, width: float, height: float) -> Rotation | None:
    """The page's content angle when most of its characters share one other than 0, else None."""
    import pypdfium2.raw as pdfium_raw

    raw = textpage.raw
    n = pdfium_raw.FPDFText_CountChars(raw)
    seen: Counter[int] = Counter()
    for k in range(0, n, _SAMPLE):
        a = pdfium_raw.FPDFText_GetCharAngle(raw, k)
        if a >= 0:
            seen[round(math.degrees(a) / 90) % 4 * 90] += 1
    if not seen:
        return None
    angle, count = seen.most_common(1)[0]
    if angle == 0 or count < _SHARE * sum(seen.values()):
        return None
    return Rotation(angle, width, height)


def upright_words(textpage: Any, rot: Rotation, gap: float = 1.2) -> list[Word]:
    """The page's words, their characters' boxes turned upright and joined where they touch."""
    import pypdfium2.raw as pdfium_raw

    raw = textpage.raw
    rect = pdfium_raw.FS_RECTF()
    out: list[Word] = []
    cur: list[Any] | None = None
    for i in range(pdfium_raw.FPDFText_CountChars(raw)):
        ch = chr(pdfium_raw.FPDFText_GetUnicode(raw, i))
        pdfium_raw.FPDFText_GetLooseCharBox(raw, i, rect)
        if ch.isspace() or rect.right <= rect.left:
            cur = None
            continue
        x0, top, x1, bottom = rot.box((rect.left, rot.height - rect.top, rect.right, rot.height - rect.bottom))
        if cur is not None and abs(top - cur[1]) < 1.5 and -0.5 <= x0 - cur[2] <= gap:
            cur[2], cur[3], cur[4] = x1, max(cur[3], bottom), cur[4] + ch
            continue
        cur = [x0, top, x1, bottom, ch]
        out.append(cur)  # type: ignore[arg-type]
    return [Word(w[0], w[1], w[2], w[3], w[4]) for w in out]  # type: ignore[index]
