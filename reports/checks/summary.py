"""summary-claim-mismatch: narrative aggregates ("12 indikator … capaian 100%", "capaian IKU
99,67%", the number of indicators) against the Pengukuran table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from statistics import mean

from extract.values import parse_value
from reports.checks.tolerance import agrees
from reports.codes import finding, num
from reports.context import AuditContext, ClaimRow
from reports.model import Finding

_IKU = re.compile(r"\b(?:IKU|indikator kinerja utama)\b", re.I)


def _before(c: ClaimRow, width: int) -> str:
    at = c.text.find(c.raw)
    return c.text[max(0, at - width) : max(at, 0)].lower()


def run(ctx: AuditContext) -> Iterator[Finding]:
    measured = ctx.kind("pengukuran")
    caps = [r for r in measured if r.capaian and r.capaian.number is not None]
    if not measured:
        return
    by_sentence: dict[tuple[int, str], list[ClaimRow]] = {}
    for c in ctx.claims:
        by_sentence.setdefault((c.line, c.text), []).append(c)
    for (line, text), claims in by_sentence.items():
        counts = [c for c in claims if c.kind == "indicator_count"]
        for c in counts:
            after = text[text.find(c.raw) + len(c.raw) :].lstrip().lower()
            about_iku = _IKU.search(text) or "ditetapkan" in text.lower()
            if about_iku and not after.startswith("dari") and c.value is not None and int(c.value) != len(measured):
                yield finding(
                    "summary-claim-mismatch",
                    evidence=text,
                    line=line,
                    page=c.page,
                    claim=f"{c.raw} IKU",
                    actual=f"{len(measured)} indikator dalam tabel pengukuran",
                )
        hundred = [c for c in claims if c.kind == "percent" and c.value == 100 and "capaian" in _before(c, 60)]
        if counts and hundred and caps:
            short = [r for r in caps if r.capaian is not None and r.capaian.number != 100]
            if short:
                listed = ", ".join(f"no. {r.row_seq} ({r.capaian.raw.strip() if r.capaian else ''})" for r in short)
                yield finding(
                    "summary-claim-mismatch",
                    evidence=text,
                    line=line,
                    page=hundred[0].page,
                    claim=f"{counts[0].raw} mencapai capaian kinerja 100%",
                    actual=f"{len(short)} dari {len(caps)} indikator tidak 100%: {listed}",
                )
        for c in claims:
            if c.kind != "percent" or c.value is None or not caps:
                continue
            before = _before(c, 160)
            if "capaian" not in before or not _IKU.search(before) or "anggaran" in _before(c, 60):
                continue
            values = [r.capaian.number for r in caps if r.capaian and r.capaian.number is not None]
            plain, capped = mean(values), mean(min(v, 100.0) for v in values)
            decimals = parse_value(c.raw).decimals
            if not (agrees(c.value, plain, decimals) or agrees(c.value, capped, decimals)):
                yield finding(
                    "summary-claim-mismatch",
                    evidence=text,
                    line=line,
                    page=c.page,
                    claim=f"capaian IKU {c.raw}",
                    actual=f"rata-rata capaian {num(plain)}% dari {len(values)} indikator (dibatasi 100%: {num(capped)}%)",
                )
