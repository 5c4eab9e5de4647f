"""What a page draws, reader-independent: words with boxes and ruling segments, in points from
the page's top-left. Born-digital pages get them from PDFium (text layer, path objects); scans
from OCR (word boxes) and the image (rulings found by morphology). Everything in `layout`
works on these, so both kinds of page go through the same table finding."""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class Word:
    x0: float
    top: float
    x1: float
    bottom: float
    text: str
    confidence: float | None = None  # OCR confidence 0-100; None for a text layer
    line: tuple[int, ...] = ()  # OCR engine's own line id, when it gives one

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Segment:
    """A ruling: horizontal (`pos` is its y, start/end its x) or vertical (`pos` its x)."""

    horizontal: bool
    pos: float
    start: float
    end: float

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class PageGeometry:
    index: int  # 0-based page index in the document
    width: float
    height: float
    words: tuple[Word, ...]
    segments: tuple[Segment, ...] = ()
    label: str | None = None  # the page number as printed on it (`III-4`, `49`)
    notes: tuple[str, ...] = field(default=())


def overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


def cluster(values: list[float], tol: float) -> list[float]:
    """Sorted representatives of `values`, one per run of values closer than `tol` (the run's mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(run) / len(run) for run in out]


def inside(w: Word, box: Box) -> bool:
    x0, top, x1, bottom = box
    return x0 <= w.cx <= x1 and top <= w.cy <= bottom


def visual_lines(words: list[Word] | tuple[Word, ...], tol: float = 0.5) -> list[list[Word]]:
    """Words grouped into visual lines, top-down, each left to right. Words whose vertical
    extents overlap by more than `tol` of the smaller one share a line; OCR line ids, where
    given, decide instead (tesseract knows which words it read as one line)."""
    if words and all(w.line for w in words):
        by_id: dict[tuple[int, ...], list[Word]] = {}
        for w in words:
            by_id.setdefault(w.line, []).append(w)
        groups = list(by_id.values())
    else:
        groups = []
        for w in sorted(words, key=lambda w: (w.cy, w.x0)):
            g = groups[-1] if groups else None
            if g is not None:
                top, bottom = min(x.top for x in g), max(x.bottom for x in g)
                if overlap(top, bottom, w.top, w.bottom) > tol * min(bottom - top, w.height):
                    g.append(w)
                    continue
            groups.append([w])
    return [sorted(g, key=lambda w: w.x0) for g in sorted(groups, key=lambda g: min(w.top for w in g))]


def line_text(line: list[Word]) -> str:
    return " ".join(w.text for w in line)
