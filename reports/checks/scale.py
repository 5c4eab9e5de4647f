"""scale-ill-formed: a report's own scale for rating capaian that leaves capaian without a
category or gives one capaian two (r02_dinkes p. 33: `> 80 - < 100 %` Baik over `> 55 - < 80 %`
Cukup leaves 80% and 55% out; r09_bplhd p. 16: `80-100` baik over `60-80` cukup puts 80% in
both), a range written so it says nothing exact (`80 > 100`, r06_bpmpd p. 18), or a scale that
stops below capaian the report rates with it (r13_rsjiwa p. 16: `80 s/d 100 %` at the top, 102%
and 120% rated SB).

Bounds printed as whole numbers on both sides of a step of one (`60 s/d 79`, `80 s/d 100`) are
the report counting in whole percents, not a gap; `< 49` then `50 s/d 59` leaves 49 out."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from extract.model import Band, Scale
from reports.codes import finding, num
from reports.context import AuditContext
from reports.model import Finding


def _whole(x: float) -> bool:
    return float(x).is_integer()


def _between(lower: Band, upper: Band) -> str | None:
    """What is wrong where `upper` takes over from `lower` (bands sorted by their lower bound)."""
    assert lower.high is not None and upper.low is not None
    hi, lo = lower.high, upper.low
    if lo < hi or (lo == hi and lower.high_inclusive and upper.low_inclusive):
        at = num(lo) if lo == hi else f"{num(lo)}\u2013{num(hi)}"
        return f"capaian {at}% masuk dua kategori ({lower.label} dan {upper.label})"
    if lo == hi and not lower.high_inclusive and not upper.low_inclusive:
        return f"capaian {num(lo)}% tidak masuk kategori mana pun"
    if lo > hi:
        if lower.high_inclusive and upper.low_inclusive and _whole(hi) and _whole(lo) and lo - hi == 1:
            return None  # counted in whole percents
        return f"capaian antara {num(hi)}% dan {num(lo)}% tidak masuk kategori mana pun"
    return None


def problems(scale: Scale, rated_above: float | None = None) -> list[str]:
    """The scale's problems, bottom up; `rated_above`: the highest capaian the report rates."""
    out = [f"rentang \u201c{b.raw}\u201d ({b.label}) tidak jelas batasnya" for b in scale.bands if b.malformed]
    ordered = sorted(scale.bands, key=lambda b: (b.low is not None, b.low or 0.0, b.high is None, b.high or 0.0))
    for lower, upper in itertools.pairwise(ordered):
        if lower.high is None or upper.low is None:
            continue  # two open-ended bands: a scale read wrong, not one to judge
        if (p := _between(lower, upper)) is not None:
            out.append(p)
    top = ordered[-1]
    if top.high is not None and rated_above is not None and rated_above > top.high:
        out.append(f"capaian di atas {num(top.high)}% (sampai {num(rated_above)}% dalam laporan ini) tidak masuk kategori mana pun")
    return out


def run(ctx: AuditContext) -> Iterator[Finding]:
    rated = [r.capaian.number for r in ctx.rows if r.category and r.capaian is not None and r.capaian.number is not None]
    for scale in ctx.scales:
        found = problems(scale, max(rated, default=None))
        if not found:
            continue
        first = scale.bands[0].source
        bands = "; ".join(f"{b.raw} % {b.label}" for b in scale.bands)
        yield finding(
            "scale-ill-formed", evidence=" / ".join(ctx.quote(b.source.line) for b in scale.bands), line=first.line, page=first.page,
            at=first, bands=bands, problems="; ".join(found),
        )  # fmt: skip
