"""capaian-mismatch: stated capaian is not realisasi/target×100 under any convention reports use.

A row the catalogue does not know (no indicator id, as in every non-KPU report) has no known
polarity: the lower-is-better conventions are tried as well before the row is flagged. An
earlier year's target, realisasi and capaian printed beside this year's are checked the same way."""

from __future__ import annotations

from collections.abc import Iterator

from extract.model import Value
from extract.vocabulary import MAGNITUDES
from reports.checks.tolerance import agrees, agrees_over, printed_range
from reports.codes import num, row_finding
from reports.context import AuditContext, Hist, MRow
from reports.model import Finding

_NUMERIC = ("number", "percent", "count", "money")


def candidates(target: float, realisasi: float, polarity: str) -> dict[str, float]:
    ratio = realisasi / target * 100
    out = {"realisasi/target × 100": ratio, "dibatasi 100%": min(ratio, 100.0)}
    if polarity in ("lower_better", "unknown"):
        out["(2×target − realisasi)/target × 100 (makin kecil makin baik)"] = (2 * target - realisasi) / target * 100
        if realisasi:
            out["target/realisasi × 100 (makin kecil makin baik)"] = target / realisasi * 100
    return out


def _mismatch(ctx: AuditContext, r: MRow, t: Value | None, re_: Value | None, c: Value | None, year: int | None = None) -> Finding | None:
    """The finding for one target/realisasi/capaian triple (the report year's, or `year`'s)."""
    if not (t and re_ and c) or c.number is None or t.kind not in _NUMERIC or re_.kind not in _NUMERIC:
        return None
    if t.number is None or re_.number is None or t.number == 0:
        return None
    info = ctx.indicators.get(r.indicator_id or "")
    polarity = info.polarity if info else "unknown"
    cands = candidates(t.number, re_.number, polarity)
    if any(agrees(c.number, v, c.decimals) for v in cands.values()) or _within_inputs(c, t, re_, polarity):
        return None
    if any(agrees(c.number, v, c.decimals) for x, y in _scaled(t, re_) for v in candidates(x, y, polarity).values()):
        return None
    of = f" {year}" if year is not None else ""
    return row_finding(
        "capaian-mismatch",
        ctx,
        r,
        cells=("capaian",) if year is None else (),
        stated=c.raw.strip() + (f" (tahun {year})" if year is not None else ""),
        computed=num(cands["realisasi/target × 100"]),
        formula=f"realisasi{of} {re_.raw.strip()} / target{of} {t.raw.strip()} × 100",
        rules="; ".join(cands),
        decimals=c.decimals or 0,
        # the commonest cause in multi-year tables: the realisasi copied into the capaian column
        hint=" Capaian tertulis sama dengan realisasi: tampaknya realisasi disalin ke kolom capaian."
        if agrees(c.number, re_.number, c.decimals)
        else "",
    )


def _scaled(t: Value, re_: Value) -> list[tuple[float, float]]:
    """Target and realisasi with a word of magnitude in a unit applied (`6 Juta Ekor` against
    `11.805.000`, capaian 196,75: `r27_diskanlaut` p. 41); [] when neither unit has one."""
    assert t.number is not None and re_.number is not None
    ft, fr = _magnitude(t), _magnitude(re_)
    if ft == fr:
        return []
    return [(t.number * a, re_.number * b) for a in {1.0, ft} for b in {1.0, fr} if (a, b) != (1.0, 1.0)]


def _magnitude(v: Value) -> float:
    words = (v.unit or "").lower().split()
    return MAGNITUDES.get(words[0], 1.0) if words else 1.0


def _within_inputs(c: Value, t: Value, re_: Value, polarity: str) -> bool:
    """The capaian agrees with a figure the printed inputs may stand for: reports compute it from
    the unrounded realisasi (`r27_diskanlaut` p. 40: 302,97 / 50 gives 605,94, printed 605,93;
    302,965 gives 605,93). Each convention is monotone in target and realisasi, so the corners
    of the inputs' ranges bound it."""
    assert c.number is not None and t.number is not None and re_.number is not None
    targets = printed_range(t.number, t.decimals)
    results = printed_range(re_.number, re_.decimals)
    if (targets[0], results[0]) == (targets[1], results[1]):
        return False  # whole figures: no range beyond what `agrees` tried
    corners = [candidates(x, y, polarity) for x in targets for y in results if x and y]
    for name in corners[0] if corners else ():
        values = [k[name] for k in corners if name in k]
        if agrees_over(c.number, min(values), max(values), c.decimals):
            return True
    return False


def _years(hist: tuple[Hist, ...]) -> Iterator[tuple[int, dict[str, Value]]]:
    """Each earlier year the row prints target, realisasi and capaian of (`Tahun 2015` beside `Tahun 2016`)."""
    by: dict[int, dict[str, Value]] = {}
    for h in hist:
        if h.year is not None and h.kind in ("target", "realisasi", "capaian"):
            by.setdefault(h.year, {}).setdefault(h.kind, h.value)
    yield from ((y, v) for y, v in sorted(by.items()) if len(v) == 3)


def run(ctx: AuditContext) -> Iterator[Finding]:
    for r in ctx.kind("pengukuran", "multi_year", "kegiatan"):
        if (f := _mismatch(ctx, r, r.target, r.realisasi, r.capaian)) is not None:
            yield f
        # an earlier year's capaian beside this year's: held to the same rules (r02_dinkes p. 60:
        # air minum 2015 61,94 / 58,5 = 105,88%, printed 106,79%)
        for year, v in _years(ctx.history.get((r.table_seq, r.row_seq), ())):
            if (f := _mismatch(ctx, r, v["target"], v["realisasi"], v["capaian"], year)) is not None:
                yield f
