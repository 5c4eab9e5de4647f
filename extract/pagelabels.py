"""Page numbers as printed: what an inspector looks for in the paper copy.

A report numbers its pages its own way: `49` under a page that is the PDF's 55th, `III-4` in
chapter III, `ii` in the front matter, `- 12 -`, `Hal. 5`, or at the end of a running footer
(`LKIP BAPPEDA Provinsi Jawa Barat Tahun 2016 III- 2`). The label is looked for in the first and
last lines of each page; a running line counts only when the rest of it repeats on other pages.
"""

from __future__ import annotations

import re
from collections import Counter

_ALONE = re.compile(
    r"^(?:hal(?:aman)?\.?\s*|page\s+)?(?P<n>[-–]?\s*\d{1,3}\s*[-–]?|[IVX]{1,4}\s*[-–.]\s*\d{1,3}|[ivxlc]{1,6})$",
    re.I,
)
_TRAILING = re.compile(r"^(?P<text>.*?\S)\s*[|]?\s+(?P<n>[IVX]{1,4}\s*[-–]\s*\d{1,3}|\d{1,3}|[ivx]{1,6})$")
_LEADING = re.compile(r"^(?P<n>\d{1,3})\s*[|]?\s*(?P<text>[A-Za-z].*)$")
_EDGE = 3  # lines at the top and bottom of a page where a number may stand


def _clean(label: str) -> str:
    label = re.sub(r"\s+", " ", label.strip(" -–"))
    return re.sub(r"^hal(?:aman)?\.?\s*|^page\s+", "", label, flags=re.I)


def page_labels(pages: list[list[str]]) -> list[str | None]:
    """The printed page number of each page (lines of its text layer, in order), or None. A bare
    number at a page's edge may be a table's last figure (`90`, `70`): such numbers count only where
    they keep the distance to the PDF page number that most pages keep."""
    edges = [_edge_lines(lines) for lines in pages]
    running = _running_prefixes(edges)
    found = [_candidates(lines, running) for lines in edges]
    counts = Counter(int(c) - i for i, cands in enumerate(found) for c in cands if c.isdigit())
    # a report may shift its numbering once (a page left unnumbered): every distance several pages keep
    offsets = {o for o, n in counts.items() if n >= 3} or set(list(counts)[:1])
    out: list[str | None] = []
    for i, cands in enumerate(found):
        styled = [c for c in cands if not c.isdigit()]
        # of two numbers at a page's edge, the one keeping the distance more pages keep: a side
        # heading `Sasaran Strategis 1` / `3` / `4` on three pages keeps one too (r10_biro-organisasi
        # pp. 16, 18, 19), the page number `16` keeps the report's
        plain = sorted((c for c in cands if c.isdigit() and int(c) - i in offsets), key=lambda c: -counts[int(c) - i])
        out.append(styled[0] if styled else plain[0] if plain else None)
    return out


def _edge_lines(lines: list[str]) -> list[str]:
    text = [" ".join(t.split()) for t in lines if t.strip()]
    bottom = text[-_EDGE:][::-1]  # numbers stand at the foot more often: look there first
    return bottom + [t for t in text[:_EDGE] if t not in bottom]


def _running_prefixes(edges: list[list[str]]) -> set[str]:
    """Texts that stand at a page edge on several pages followed (or preceded) by a number."""
    seen: Counter[str] = Counter()
    for lines in edges:
        found = set()
        for t in lines:
            m = _TRAILING.match(t) or _LEADING.match(t)
            if m:
                found.add(m.group("text").strip().lower())
        seen.update(found)
    return {t for t, n in seen.items() if n >= 3 and len(t) >= 8}


def _candidates(lines: list[str], running: set[str]) -> list[str]:
    out = []
    for t in lines:
        if (m := _ALONE.match(t)) or ((m := _TRAILING.match(t) or _LEADING.match(t)) and m.group("text").strip().lower() in running):
            out.append(_clean(m.group("n")))
    return out
