"""category-scale-mismatch: a row's Kategori that the report's own scale does not give its
capaian (r13_rsjiwa Tabel 7 p. 17: BOR 88,61% rated `B` where the p. 16 scale says `80 s/d 100 %
= Sangat Baik (SB)`).

A row's label names a band when it is the band's words, the abbreviation the scale prints in
brackets, or (failing both) the words' initials (`SB` for `Sangat Baik`). A capaian that no band
holds (a gap, or above a scale that stops at 100) is the scale's problem (scale.py), not the
row's; a label that names no band (`Berhasil` against a Baik/Cukup scale) is not judged. The
narrative's own ratings (`sebesar 93,81% … termasuk pada kategori “cukup”`, r28_dinkumkm p. 7)
are held to the scale the same way."""

from __future__ import annotations

import re
from collections.abc import Iterator

from extract.model import Band, Scale
from reports.codes import finding, num, row_finding
from reports.context import AuditContext
from reports.model import Finding

#: Labels one scale prints for the same band under two names (r02_dinkes p. 32 `Baik sekali`, p. 33 `Sangat Baik`).
SYNONYMS = {"baik sekali": "sangat baik"}


def words(label: str) -> str:
    """A label's words, lower case, without its bracketed abbreviation or quotes."""
    text = re.sub(r"\(.*?\)", " ", label.lower())
    text = " ".join(re.sub(r"[^a-z ]", " ", text).split())
    return SYNONYMS.get(text, text)


def _abbreviation(label: str) -> str | None:
    m = re.search(r"\(\s*([A-Za-z]{1,3})\s*\)", label)
    return m.group(1).lower() if m else None


def named(scale: Scale, category: str) -> list[Band]:
    """The bands of `scale` a row's category names."""
    key = words(category)
    exact = [b for b in scale.bands if key in (words(b.label), _abbreviation(b.label))]
    if exact or len(key) > 3:
        return exact
    return [b for b in scale.bands if "".join(w[0] for w in words(b.label).split()) == key]


def _band(scales: tuple[Scale, ...], x: float, label: str) -> Band | None:
    """The band capaian `x` falls in, when every scale that can judge `label` at `x` puts it in
    another band than the ones `label` names; None when some scale gives it or none can judge."""
    wrong: list[Band] = []
    for scale in scales:
        holding, said = [b for b in scale.bands if b.holds(x)], named(scale, label)
        if not holding or not said:
            continue  # a gap, above the scale, or a label this scale does not print
        if any(b in said for b in holding):
            return None
        wrong.append(holding[0])
    return wrong[0] if wrong else None


def _range(b: Band) -> str:
    return f"\u201c{b.label}\u201d ({b.raw} %)"


def run(ctx: AuditContext) -> Iterator[Finding]:
    if not ctx.scales:
        return
    for r in ctx.rows:
        c = r.capaian
        if not r.category or c is None or c.number is None or c.kind not in ("percent", "number"):
            continue
        if (band := _band(ctx.scales, c.number, r.category)) is not None:
            yield row_finding(
                "category-scale-mismatch", ctx, r, cells=("capaian",), stated=c.raw.strip(), category=r.category.strip(),
                scale_at=ctx.cite(band.source.line), expected=_range(band),
            )  # fmt: skip
    for cl in ctx.claims:
        if cl.kind != "category" or cl.value is None or not cl.label:
            continue
        if (band := _band(ctx.scales, cl.value, cl.label)) is not None:
            yield finding(
                "category-scale-mismatch", evidence=cl.text, line=cl.line, page=cl.page, stated=f"{num(cl.value, cl.decimals or 0)}%",
                category=cl.label, scale_at=ctx.cite(band.source.line), expected=_range(band),
            )  # fmt: skip
