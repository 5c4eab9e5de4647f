"""budget-mismatch: "realisasi anggaran Rp X atau Y%" where X / the ceiling (pagu) is not Y.

The realisation is the rupiah figure the percentage follows ("Rp X atau Y%", "Rp X (Y%)"; a
spelled-out amount in parentheses between them is skipped). Its ceiling is, in this order: another
rupiah figure of the same sentence ("alokasi Rp A dan realisasi Rp X atau Y%", "Rp X (Y%) dari
total anggaran Rp A"; each is tried, so "sebelum perubahan Rp A, setelah perubahan Rp B ...
realisasi Rp X" fits on B), else the nearest ceiling in the lines just above (a sentence a PDF
broke over lines), else, for a statement of the budget as a whole ("realisasi anggaran"), the
report's own ceiling (the first). A ceiling is a figure an alokasi/pagu word stands just before
(`_is_ceiling`) that is not itself a realisation. A realisation with none of these is left alone:
its ceiling is not known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reports.checks.tolerance import agrees
from reports.codes import finding, num
from reports.context import AuditContext, ClaimRow
from reports.model import Finding

# (`... sebesar Rp A,- dan setelah dilakukan perubahan menjadi sebesar Rp B,-`: B is the ceiling
# the realisation on the next page is held to, r13_rsjiwa pp. 30-31)
_PAGU = re.compile(r"alokasi|pagu|anggaran\s+(?:sebesar|belanja)|dianggarkan|(?:setelah|sesudah)\s+(?:dilakukan\s+)?perubahan", re.I)
_REALISED = re.compile(r"reali[sz]|serap", re.I)
#: what may stand between a realisation and its percentage: "atau", "sebesar", "(", ",-"
_JOINER = re.compile(r"(?:[\s,.;:()\-]|atau|sebesar|setara|yaitu|dengan|persentase|capaian)*", re.I)
_SPELLED = re.compile(r"\([^()\d%]*\)")  # "(lima puluh sembilan milyar ... rupiah)"
MAX_BACK = 4  # lines above a realisation searched for its ceiling
WHOLE_SHARE = 0.2  # a realisation of the budget as a whole is at least this share of the report's ceiling


def _rupiah(x: float) -> str:
    return "Rp " + f"{x:,.0f}".replace(",", ".")


def _positioned(claims: list[ClaimRow]) -> list[tuple[int, ClaimRow]]:
    """A sentence's claims in the order they are printed (the extractor lists them by kind)."""
    out: list[tuple[int, ClaimRow]] = []
    taken: dict[str, int] = {}
    for c in claims:
        at = c.text.find(c.raw, taken.get(c.raw, 0))
        if at < 0:
            at = c.text.find(c.raw)
        taken[c.raw] = at + 1
        out.append((at, c))
    return sorted(out, key=lambda p: p[0])


def _percent_after(money_at: int, money: ClaimRow, ordered: list[tuple[int, ClaimRow]]) -> ClaimRow | None:
    """The percentage printed right after a rupiah figure, or None."""
    end = money_at + len(money.raw)
    for at, c in ordered:
        if at < end:
            continue
        if c.kind != "percent":
            return None  # another figure comes first
        between = _SPELLED.sub("", money.text[end:at])
        return c if _JOINER.fullmatch(between) and len(between) <= 40 else None
    return None


def _is_ceiling(at: int, c: ClaimRow, ordered: list[tuple[int, ClaimRow]]) -> bool:
    """An alokasi/pagu word just before the figure with no other rupiah figure between (spelled-out
    amounts skipped): "alokasi anggaran sebesar Rp A (...) dimana Rp B adalah Belanja Hibah" makes
    A a ceiling, not B (Muaro Jambi 2024, the sentence as a PDF line)."""
    start = max((a + len(o.raw) for a, o in ordered if o.kind == "money" and a + len(o.raw) <= at), default=0)
    return bool(_PAGU.search(_SPELLED.sub("", c.text[start:at])[-60:]))


_REMAINDER = re.compile(r"\bsisa\b|\bselisih\b|tidak\s+terserap|belum\s+terserap", re.I)


def _is_remainder(at: int, c: ClaimRow) -> bool:
    """A figure a `sisa` / `selisih` word stands just before: what was left of the ceiling, no
    ceiling and no realisation (`direalisasikan Rp X (96.95%) dengan sisa anggaran sebesar Rp Y
    (3.05%)`, `r27_diskanlaut` p. 58)."""
    return bool(_REMAINDER.search(c.text[max(0, at - 40) : at]))


def _is_realisation(c: ClaimRow, ordered: list[tuple[int, ClaimRow]]) -> bool:
    at = next(a for a, o in ordered if o is c)
    return _percent_after(at, c, ordered) is not None


def _cited_ceiling(at: int, tried: list[ClaimRow], sent: list[tuple[int, ClaimRow]]) -> ClaimRow:
    """The ceiling a finding names: of the sentence's figures an alokasi/pagu word stands before,
    the nearest before the realisation (`Belanja Tidak Langsung dialokasikan Rp A … direalisasikan
    Rp B atau 97,08%, sedangkan Belanja Langsung dialokasikan Rp C … direalisasikan Rp D atau
    94.32%`: D is held to C, `r27_diskanlaut` p. 55), else the first such, else the first tried."""
    placed = {id(c): a for a, c in sent}
    named = [p for p in tried if id(p) in placed and _is_ceiling(placed[id(p)], p, sent)]
    before = [p for p in named if placed[id(p)] < at]
    if before:
        return max(before, key=lambda p: placed[id(p)])
    return named[0] if named else tried[0]


def run(ctx: AuditContext) -> Iterator[Finding]:
    by_sentence: dict[tuple[int, str], list[ClaimRow]] = {}
    for c in ctx.claims:
        if c.kind in ("money", "percent"):
            by_sentence.setdefault((c.line, c.text), []).append(c)
    ordered = {k: _positioned(v) for k, v in by_sentence.items()}
    ceilings = [  # alokasi/pagu figures that are not realisations themselves, in document order
        c
        for k, o in sorted(ordered.items(), key=lambda kv: kv[0][0])
        for at, c in o
        if c.kind == "money" and c.value and _is_ceiling(at, c, o) and not _is_realisation(c, o)
    ]
    own = ceilings[0] if ceilings else None
    for (line, text), sent in ordered.items():
        above = ctx.lines.get(line - 1, (None, ""))[1]
        if not _REALISED.search(text) and not _REALISED.search(above):
            continue
        for at, c in sent:
            if c.kind != "money" or not c.value:
                continue
            pct = _percent_after(at, c, sent)
            if pct is None or pct.value is None:
                continue
            if _is_remainder(at, c):
                continue  # a remainder's share is the realisation's complement, held to it below
            rest = [o.value for a, o in sent if o.kind == "money" and o.value and o is not c and _is_remainder(a, o)]
            if any(agrees(pct.value, c.value / (c.value + r) * 100, pct.decimals) for r in rest):
                continue  # `Rp X (96.95%) dengan sisa anggaran Rp Y (3.05%)`: the ceiling is X + Y
            others = [o for a, o in sent if o.kind == "money" and o.value and o is not c and not _is_remainder(a, o)]
            if others:
                tried = others
            else:
                near = [p for p in ceilings if line - MAX_BACK <= p.line < line]
                # the report's own ceiling only for a realisation of a like size: a kegiatan's
                # `realisasi anggaran sebesar Rp 1.651.780.050 (94,22 %)` whose own pagu ended the
                # line above without `Rp` is no share of the Rp 345.865.000.000 of the whole (r06_bpmpd p. 39)
                whole = (
                    own is not None
                    and own is not c
                    and "realisasi anggaran" in text.lower()
                    and own.value is not None
                    and c.value >= WHOLE_SHARE * own.value
                )
                tried = [near[-1]] if near else [own] if whole and own is not None else []
            if not tried:
                continue
            if any(agrees(pct.value, c.value / p.value * 100, pct.decimals) for p in tried if p.value):
                continue
            pagu = _cited_ceiling(at, tried, sent)
            assert pagu.value
            yield finding(
                "budget-mismatch",
                evidence=c.text,
                line=c.line,
                page=c.page,
                realisasi=_rupiah(c.value),
                pagu=f"{_rupiah(pagu.value)} ({ctx.cite(pagu.line)})",
                computed=f"{num(c.value / pagu.value * 100)}%",
                stated=pct.raw,
            )
