"""pk-target-mismatch: the Pengukuran table measures against a target other than the PK's."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from extract.model import Value
from extract.values import clean, parse_number
from extract.vocabulary import LEVEL_NAMES
from normalize.text import key
from reports.codes import row_finding
from reports.context import AuditContext, MRow
from reports.model import Finding


def same_target(a: Value | None, b: Value | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.kind in ("grade", "opinion") or b.kind in ("grade", "opinion"):
        return clean(a.raw) == clean(b.raw)
    if a.number is None or b.number is None:
        return _same_words(a.raw, b.raw)
    if a.kind == "count" and b.kind == "count" and a.unit != b.unit:
        return False
    return abs(a.number - b.number) < 1e-9  # `90%` and `90` agree: measured tables often drop the sign


_FIGURE = re.compile(r"\d[\d.,]*\d|\d")


def _same_words(a: str, b: str) -> bool:
    """Targets in words agree when they state the same figures (`61 kampung` and `61`, `5-6 %`
    and `5-6%`, `UTTP : 6.831.222 buah` and `6,831,222`: r09_bplhd p. 17, r05_disperindag p. 35)
    or, without figures, one says the other (`Inflasi Jawa Barat < Inflasi Nasional` and
    `< inflasi nasional`)."""
    fa, fb = _figures(a), _figures(b)
    if fa or fb:
        return fa == fb
    ta, tb = sorted((" ".join(clean(a).lower().split()), " ".join(clean(b).lower().split())), key=len)
    # a comparison with its subject left out says the same (not `tersedia` in `tidak tersedia`)
    return ta == tb or (ta[:1] in "<>≤≥=" and bool(ta) and tb.endswith(ta))


def _figures(text: str) -> list[float | None]:
    return [n.value if (n := parse_number(t, thousands_hint=True)) else None for t in _FIGURE.findall(clean(text))]


#: rows without a catalogue id are the same indicator when their wordings agree this well
SAME_WORDING = 90.0


def same_indicator(a: MRow, b: MRow) -> bool:
    """The same indicator id when both rows have one; otherwise the same wording (a report of an
    instansi the catalogue does not cover has no ids at all)."""
    if a.indicator_id and b.indicator_id:
        return a.indicator_id == b.indicator_id
    ka, kb = key(a.indicator), key(b.indicator)
    return bool(ka) and bool(kb) and fuzz.ratio(ka, kb) >= SAME_WORDING


#: planning levels below the sasaran: their PK promises outputs no IKU table measures
LOWER_LEVELS = LEVEL_NAMES[LEVEL_NAMES.index("program") :]


def comparable_pk(ctx: AuditContext) -> list[MRow]:
    """The PK rows the measured tables answer to: a PK of the program's or kegiatan's indicators
    (`Perjanjian Kinerja Kegiatan (Output)`, r19_disbun Tabel 2.4 pp. 25-36, 130 rows) only where
    a measured table is of that level too."""
    levels = {t["table_seq"]: t.get("level") for t in ctx.tables}
    measured = {levels.get(r.table_seq) for r in ctx.kind("pengukuran")}
    return [p for p in ctx.kind("perjanjian") if levels.get(p.table_seq) not in LOWER_LEVELS or levels.get(p.table_seq) in measured]


def pair_with_pk(ctx: AuditContext) -> list[tuple[MRow, MRow]]:
    """Measured rows with their PK row: the same indicator (`same_indicator`), preferring the same
    block label; each PK row pairs once."""
    pk = comparable_pk(ctx)
    used: set[int] = set()
    pairs = []
    for r in ctx.kind("pengukuran"):
        same = [i for i, p in enumerate(pk) if i not in used and same_indicator(p, r)]
        best = next((i for i in same if pk[i].section.split(" › ")[-1] == r.section.split(" › ")[-1]), same[0] if same else None)
        if best is not None:
            used.add(best)
            pairs.append((r, pk[best]))
    return pairs


def _has_target(r: MRow) -> bool:
    return r.target is not None and r.target.kind != "empty"


def run(ctx: AuditContext) -> Iterator[Finding]:
    for r, p in pair_with_pk(ctx):
        # a capaian-only summary table (or a PK row whose target cell is empty) changes no target
        if not (_has_target(r) and _has_target(p)):
            continue
        if not same_target(p.target, r.target):
            yield row_finding(
                "pk-target-mismatch",
                ctx,
                r,
                cells=("target",),
                pk_target=p.target.raw.strip() if p.target else "(kosong)",
                pk_at=ctx.cite(p.line),
                target=r.target.raw.strip() if r.target else "(kosong)",
            )
