"""grade-capaian: SAKIP grades and BPK opinions whose numeric capaian no rule derives,
or a realisasi below its target reported as achieved."""

from __future__ import annotations

from collections.abc import Iterator

from extract.values import GRADES, OPINIONS, clean
from reports.codes import num, row_finding
from reports.context import AuditContext
from reports.model import Finding

#: SAKIP score bands (PermenPAN-RB 88/2021): a grade stands for a score in (low, high].
BANDS = {"AA": (90, 100), "A": (80, 90), "BB": (70, 80), "B": (60, 70), "CC": (50, 60), "C": (30, 50), "D": (0, 30)}


def run(ctx: AuditContext) -> Iterator[Finding]:
    for r in ctx.kind("pengukuran", "multi_year", "kegiatan"):
        t, re_, c = r.target, r.realisasi, r.capaian
        if not (t and re_ and c) or t.kind not in ("grade", "opinion") or re_.kind != t.kind or c.number is None:
            continue
        tg, rg = clean(t.raw), clean(re_.raw)
        order = GRADES if t.kind == "grade" else OPINIONS
        below = order.index(rg) > order.index(tg)
        reason = None
        if below and c.number >= 100:
            reason = "realisasi di bawah target tetapi dilaporkan tercapai (capaian ≥ 100%)"
        elif rg == tg and abs(c.number - 100) > 1e-9:
            reason = "realisasi sama dengan target, sehingga capaian semestinya 100%"
        elif rg != tg and t.kind == "grade":
            (rl, rh), (tl, th) = BANDS[rg], BANDS[tg]
            lo, hi = rl / th * 100, rh / max(tl, 1) * 100
            if not lo - 1e-9 <= c.number <= hi + 1e-9:
                reason = (
                    f"tidak ada pasangan nilai dalam rentang {rg} ({rl}-{rh}) dan {tg} ({tl}-{th})"
                    f" yang memberi angka ini (rentang {num(lo)}-{num(hi)})"
                )
        elif rg != tg and t.kind == "opinion":
            reason = "opini berbeda dari target, dan tidak ada aturan yang menurunkan capaian numerik dari opini"
        if reason:
            yield row_finding(
                "grade-capaian",
                ctx,
                r,
                cells=("realisasi", "capaian"),
                target=t.raw.strip(),
                realisasi=re_.raw.strip(),
                stated=c.raw.strip(),
                reason=reason,
            )
