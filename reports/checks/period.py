"""period-mismatch: another year where the report's own belongs ("Tahun Anggaran 2023" in a
2024 report, "Perjanjian Kinerja Tahun 2023"), multi-year headers whose years skip, and a table
titled with other years than the report year its header holds ("Perbandingan Realisasi …
Tahun 2014 – 2015" over 2015 and 2016 columns, r02_dinkes p. 80; "PENGUKURAN KINERJA TAHUN
2015" over `Target 2016`, p. 110)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from reports.codes import finding
from reports.context import AuditContext
from reports.model import Finding

_YEAR = re.compile(r"\b(tahun anggaran|tahun|TA\.?)\s+(20\d\d)\b(?!\s*[-–/]\s*\d)", re.I)
# Phrases that name the report's own period when a year follows them.
_OWN = re.compile(
    r"tahun anggaran|perjanjian kinerja|performance agreement|rencana kinerja|laporan kinerja|pengukuran|"
    r"capaian kinerja|pencapaian kinerja|evaluasi capaian|kinerja organisasi",
    re.I,
)
# Sentences that legitimately speak of another year.
_OTHER = re.compile(
    r"reviu|direviu|sebelumnya|tahun lalu|periode|target\s+(?:akhir\s+)?(?:renstra|rpjmd)|renstra\s+tahun|rpjmd|rpjmn|nomor\s+\d|"
    r"pemilu serentak|pemilihan (?:bupati|gubernur|walikota)",
    re.I,
)


#: what joins two years a sentence compares: "Tahun 2015 dan Tahun 2016", "2013 - 2016", "2015 s.d 2016"
_JOINED = (
    r"(?:\s*(?:,|dan|-|–|s\.?\s?d\.?|sampai(?:\s+dengan)?|hingga|terhadap|dengan|dibandingkan)\s*(?:tahun\s+)?"
    r"|\s*,\s*\d{4}\s*,?\s*(?:dan\s+)?)+"
)


def _compared(sent: str, other: int, year: int) -> bool:
    """Does the sentence set `other` beside the report's year (r29 p. 3: "Realisasi Indikator
    Kinerja Tahun 2015 dan Tahun 2016")? Then it compares periods; "Laporan Kinerja Tahun 2024
    … Tahun anggaran 2023" (Jember) does not."""
    a, b = sorted((other, year))
    return bool(re.search(rf"\b{a}\b{_JOINED}\b{b}\b|\b{b}\b{_JOINED}\b{a}\b", sent, re.I))


# a title's years: `Tahun 2014 – 2015` (both and those between), `Tahun 2015`; not the report's
# own name in a running header over it (`LKIP Tahun 2016`) nor a plan's end (`target renstra tahun 2018`)
_TITLE_YEARS = re.compile(r"\b(20\d\d)(?:\s*(?:-|–|s\.?\s?d\.?|sampai(?:\s+dengan)?)\s*(?:tahun\s+)?(20\d\d))?\b", re.I)
_NOT_TITLE = re.compile(r"(?:laporan\s+kinerja|lkip|lakip|lkj|renstra|rpjmd|rpjmn|anggaran)\W+(?:[a-z]+\W+){0,4}?(?:tahun\s+)?$", re.I)
_TITLED = re.compile(r"\btabel\b|\bpengukuran\b|\bperbandingan\b|\bcapaian\b|\brealisasi\b", re.I)


def title_years(caption: str) -> set[int]:
    out: set[int] = set()
    for m in _TITLE_YEARS.finditer(caption):
        if _NOT_TITLE.search(caption[max(0, m.start() - 80) : m.start()]):
            continue
        a, b = int(m.group(1)), int(m.group(2) or m.group(1))
        out |= set(range(a, b + 1)) | {a, b}  # a range written backwards is its two years
    return out


def _titled(ctx: AuditContext, year: int) -> Iterator[Finding]:
    for t in ctx.tables:
        caption, header = t.get("caption") or "", t.get("header") or ""
        if t["kind"] not in ("pengukuran", "multi_year") or not _TITLED.search(caption):
            continue
        said = title_years(caption)
        held = {int(y) for y in re.findall(r"\b(20\d\d)\b", header)}
        if said and year in held and year not in said:
            years = "\u2013".join(map(str, sorted(said))) if len(said) <= 2 else ", ".join(map(str, sorted(said)))
            yield finding(
                "period-mismatch", evidence=caption, line=t["line"], page=t["page"], table_seq=t["table_seq"], year=year,
                found=f"tahun {years}", where=f"pada judul tabel yang kepalanya memuat tahun {year}",
            )  # fmt: skip


def run(ctx: AuditContext) -> Iterator[Finding]:
    year = ctx.report["year"]
    if not year:
        return
    yield from _titled(ctx, year)
    for s in ctx.sentences:  # of the prose lines, as extract split them
        sent = s.text
        if _OTHER.search(sent):
            continue
        for m in _YEAR.finditer(sent):
            found = int(m.group(2))
            if found == year or _compared(sent, found, year):
                continue
            window = sent[max(0, m.start() - 120) : m.end()]
            if m.group(1).lower() == "tahun anggaran" or _OWN.search(window):
                yield finding(
                    "period-mismatch",
                    evidence=sent.strip(),
                    line=s.source.line,
                    page=s.source.page,
                    at=s.source,
                    year=year,
                    found=f"\u201c{m.group(0)}\u201d",
                    where="untuk periode laporan ini",
                )
    for t in ctx.tables:
        if t["kind"] != "multi_year":
            continue
        hist = [h for r in ctx.rows if r.table_seq == t["table_seq"] for h in ctx.history.get((r.table_seq, r.row_seq), ())]
        earlier = [h.year for h in hist if h.kind == "realisasi" and h.year is not None]
        gaps = [y for a, b in itertools.pairwise(earlier) for y in range(a + 1, b)]
        # a target of a year the table also gives the realisasi of is that year's target
        # (`Tahun 2015: Target | Realisasi`, r29 p. 3), not the next year's
        nxt = [h.year for h in hist if h.kind == "target" and h.year is not None and h.year not in earlier]
        problems = []
        if gaps:
            years = ", ".join(map(str, earlier))
            problems.append((f"kolom realisasi tahun {years}", f"pada kepala tabel (tahun {', '.join(map(str, gaps))} terlewat)"))
        # one target column beside the realisasi is the next year's; targets of several years are a
        # plan's (a Renstra table `Target Kinerja / 2014 … 2018`, r05_disperindag pp. 23-25)
        if len(set(nxt)) == 1 and nxt[0] <= year:
            problems.append((f"target tahun {nxt[0]}", f"pada kolom target tahun berikutnya (semestinya {year + 1})"))
        for what, where in problems:
            yield finding(
                "period-mismatch",
                evidence=t["header"].replace("\n", " / "),
                line=t["line"],
                page=t["page"],
                table_seq=t["table_seq"],
                year=year,
                found=what,
                where=where,
            )
