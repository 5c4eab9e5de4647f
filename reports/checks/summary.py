"""summary-claim-mismatch: narrative aggregates ("12 indikator … capaian 100%", "capaian IKU
99,67%", the number of indicators) against the Pengukuran table.

The number of indicators measured is read each way a report may count them: all rows, distinct
wordings (a report prints the same ones in several tables), or the rows of its largest table; a
count that is none of these is flagged. A count of someone else's IKU ("3 (tiga) IKU Gubernur") is not the
report's own. "N indikator … capaian 100%" speaks of all indicators only when N is their number and
the 100% is the first figure after the count ("5 indikator yang ≥100%" counts some of them). An
aggregate "capaian IKU X%" names the IKU after its last "capaian": in "X, yang merupakan IKU, …
realisasi … capaian 100%" the figure is one indicator's."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from statistics import mean

from extract.vocabulary import INDICATOR_LEVELS, LEVEL_NAMES
from normalize.text import key
from reports.checks.tolerance import agrees
from reports.codes import finding, num
from reports.context import AuditContext, ClaimRow, MRow
from reports.model import Finding

_IKU = re.compile(r"\b(?:IKU|indikator kinerja utama)\b", re.I)
#: a count of indicators that belong to another owner than the report's satker
_OTHER_OWNER = re.compile(r"\s*(?:gubernur|bupati|wali\s*kota|kementerian|pemerintah|pemda|rpjmd|nasional)\b", re.I)
#: a count of a lower planning level's indicators ("45 (empat puluh lima) Indikator Sasaran Program
#: (Outcome), serta 105 … Indikator Sasaran Kegiatan (Output)", r19_disbun p. 9): not the IKU measured
_LOWER_LEVELS = [p for level, p in INDICATOR_LEVELS if level >= LEVEL_NAMES.index("program")]
_PHRASE_END = re.compile(r"[,;.]|\b(?:dan|serta|yang)\b|\d")


def _before(c: ClaimRow, width: int) -> str:
    at = c.text.find(c.raw)
    return c.text[max(0, at - width) : max(at, 0)].lower()


def _first_percent_after(c: ClaimRow, claims: list[ClaimRow]) -> ClaimRow | None:
    at = c.text.find(c.raw) + len(c.raw)
    after = [(p.text.find(p.raw, at), p) for p in claims if p.kind == "percent" and p.text.find(p.raw, at) >= 0]
    return min(after, key=lambda a: a[0])[1] if after else None


def _counts_lower_level(after: str) -> bool:
    """The words that name what a count counts (up to the next comma, `dan`, `serta` or figure)
    name the program or kegiatan level."""
    phrase = _PHRASE_END.split(after.lower(), maxsplit=1)[0]
    return any(p.search(phrase) for p in _LOWER_LEVELS)


def indicator_counts(rows: list[MRow]) -> list[int]:
    """How many indicators the rows measure, each way a report counts them: every row, each wording
    once (the same indicators in several tables), the rows of the largest table."""
    per_table = Counter(r.table_seq for r in rows)
    return sorted({len(rows), len({key(r.indicator) for r in rows}), max(per_table.values(), default=0)})


def run(ctx: AuditContext) -> Iterator[Finding]:
    measured = ctx.kind("pengukuran")
    caps = [r for r in measured if r.capaian and r.capaian.number is not None]
    if not measured:
        return
    n_measured = indicator_counts(measured)
    shown = " atau ".join(map(str, n_measured))
    by_sentence: dict[tuple[int, str], list[ClaimRow]] = {}
    for c in ctx.claims:
        by_sentence.setdefault((c.line, c.text), []).append(c)
    for (line, text), claims in by_sentence.items():
        counts = [c for c in claims if c.kind == "indicator_count"]
        for c in counts:
            after = text[text.find(c.raw) + len(c.raw) :].lstrip().lower()
            about_iku = _IKU.search(text) or "ditetapkan" in text.lower()
            if _OTHER_OWNER.match(text[text.find(c.raw) + len(c.raw) :]) or _counts_lower_level(after):
                continue
            if about_iku and not after.startswith("dari") and c.value is not None and int(c.value) not in n_measured:
                yield finding(
                    "summary-claim-mismatch",
                    evidence=text,
                    line=line,
                    page=c.page,
                    claim=f"{c.raw} IKU",
                    actual=f"{shown} indikator dalam tabel pengukuran",
                )
        whole = [c for c in counts if c.value in n_measured]  # a count of all the indicators measured
        firsts = [p for c in whole if (p := _first_percent_after(c, claims)) is not None]
        hundred = [p for p in firsts if p.value == 100 and "capaian" in _before(p, 60) and not _before(p, 2).rstrip().endswith(("≥", ">"))]
        if whole and hundred and caps:
            short = [r for r in caps if r.capaian is not None and r.capaian.number != 100]
            if short:
                listed = ", ".join(f"no. {r.row_seq} ({r.capaian.raw.strip() if r.capaian else ''})" for r in short)
                yield finding(
                    "summary-claim-mismatch",
                    evidence=text,
                    line=line,
                    page=hundred[0].page,
                    claim=f"{whole[0].raw} mencapai capaian kinerja 100%",
                    actual=f"{len(short)} dari {len(caps)} indikator tidak 100%: {listed}",
                )
        for c in claims:
            if c.kind != "percent" or c.value is None or not caps:
                continue
            before = _before(c, 160)
            last = before.rfind("capaian")
            if last < 0 or not _IKU.search(before[last:]) or "anggaran" in _before(c, 60):
                continue
            values = [r.capaian.number for r in caps if r.capaian and r.capaian.number is not None]
            plain, capped = mean(values), mean(min(v, 100.0) for v in values)
            if not (agrees(c.value, plain, c.decimals) or agrees(c.value, capped, c.decimals)):
                yield finding(
                    "summary-claim-mismatch",
                    evidence=text,
                    line=line,
                    page=c.page,
                    claim=f"capaian IKU {c.raw}",
                    actual=f"rata-rata capaian {num(plain)}% dari {len(values)} indikator (dibatasi 100%: {num(capped)}%)",
                )
