"""indicator-figures-differ: one indicator with another report-year figure in another table.

A report prints its indicators in several tables (pengukuran, perbandingan, multi-year); the
realisasi of the report year is one figure, wherever it is printed ("realisasi 86% / 92,46% /
92,46%"). Rows are the same indicator by `pk_target.same_indicator` (catalogue id, else wording); a
wording printed twice in one table names two indicators (a sasaran label over its rows) and is
left out, and a wording of one or two words ("Padi", a sub-item) is the same indicator only under
the same parent label. Two figures differ by more than one unit of the coarser decimals printed
(125,02 truncated and 125,03 rounded are one figure). The figure most tables print is taken as
the indicator's; each other figure is one finding. A table of realisations to date (a sum of
years) holds no year's figure and is left out.

Capaian are compared only where a table prints the capaian alone (an efficiency table's `%
Capaian Kinerja` beside the budget: r22_disperkim Tabel III.4 p. 46, r01_bappeda Tabel 3.6 p. 40)
against the one capaian that the tables printing target and realisasi agree on. Beside its own
target and realisasi a wrong capaian is capaian-mismatch's (one finding per problem), and a table
whose header names another yardstick (the Renstra's, the national figure: r29 p. 5, r19 p. 52)
measures something else.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from extract.model import Value
from normalize.text import key
from reports.checks.pk_target import same_indicator
from reports.checks.tolerance import EPS
from reports.codes import num, row_finding
from reports.context import AuditContext, MRow
from reports.model import Finding

KINDS = ("pengukuran", "multi_year")
SHORT = 2  # words: a wording this short is a sub-item's label


#: a bare figure this large is a rupiah amount: budget tables name their rows after programs and
#: print the same names for each source of funds (APBD, APBN: r16_disnak pp. 45-46)
BUDGET_SIZE = 1e8


def _number(v: Value | None) -> float | None:
    if v is None or v.kind not in ("number", "percent", "count") or v.ambiguous or v.number is None:
        return None
    return None if v.kind == "number" and abs(v.number) >= BUDGET_SIZE else v.number


def same_figure(a: Value | None, b: Value | None) -> bool:
    """Two printed figures agree within one unit of the coarser decimals printed (one rounded,
    the other truncated)."""
    x, y = _number(a), _number(b)
    if x is None or y is None or a is None or b is None:
        return True  # nothing to compare
    if a.kind == "count" and b.kind == "count" and (a.unit or "").lower() != (b.unit or "").lower():
        return True  # other units are unit-mismatch's business
    unit = 10.0 ** -min(a.decimals or 0, b.decimals or 0)
    return abs(x - y) <= unit + EPS


def _same(a: MRow, b: MRow) -> bool:
    if not same_indicator(a, b):
        return False
    if (a.indicator_id and b.indicator_id) or len(key(a.indicator).split()) > SHORT:
        return True
    parent_a, parent_b = (key(r.section.split(" › ")[-1]) for r in (a, b))
    return parent_a == parent_b


def _groups(rows: list[MRow]) -> list[list[MRow]]:
    """Rows of one indicator across tables (each row's wording unique within its table)."""
    per_table = Counter((r.table_seq, key(r.indicator)) for r in rows)
    single = [r for r in rows if per_table[(r.table_seq, key(r.indicator))] == 1 and key(r.indicator)]
    groups: list[list[MRow]] = []
    for r in single:
        for g in groups:
            if _same(g[0], r) and all(o.table_seq != r.table_seq for o in g):
                g.append(r)
                break
        else:
            groups.append([r])
    return [g for g in groups if len(g) > 1]


def _odd_ones(rows: list[MRow], cell: str) -> list[tuple[MRow, MRow]]:
    """(row, reference) for each row whose `cell` differs from the figure most rows print."""

    def value(r: MRow) -> Value | None:
        v: Value | None = getattr(r, cell)
        return v

    have = [r for r in rows if _number(value(r)) is not None]
    if len(have) < 2:
        return []
    support = [sum(same_figure(value(r), value(o)) for o in have) for r in have]
    ref = have[support.index(max(support))]
    return [(r, ref) for r in have if not same_figure(value(r), value(ref))]


#: a realisation to date, the sum of several years' (`Realisasi sampai dengan Tahun 2016 (Tahun
#: 2014+2015+2016)`, r18_distan Tabel 6 pp. 28-29; `REALISASI SD TAHUN 2016`, r23_dispenda
#: p. 21): no one year's figure to hold the others to
_CUMULATIVE = re.compile(
    r"\b(?:19|20)\d\d\s*\+\s*(?:19|20)\d\d\b|\bkumulatif\b|\b(?:s\.?\s?d\.?|sampai\s+dengan)\s+(?:tahun\s+)?(?:19|20)\d\d\b", re.I
)


#: a header naming another yardstick than the year's target
_OTHER_YARDSTICK = re.compile(r"\b(?:renstra|rpjmd?|akhir|nasional|standar)\b", re.I)


def run(ctx: AuditContext) -> Iterator[Finding]:
    to_date = {t["table_seq"] for t in ctx.tables if _CUMULATIVE.search(t.get("header") or "")}
    other = {t["table_seq"] for t in ctx.tables if _OTHER_YARDSTICK.search(t.get("header") or "")}
    for group in _groups([r for r in ctx.kind(*KINDS) if r.table_seq not in to_date]):
        # two rows with other targets may measure other scopes (a program's budget on one page,
        # its kegiatan's on the next: r16_disnak pp. 45-46): only the same target, or one
        # unprinted, makes another realisasi a contradiction
        odd = [(r, ref) for r, ref in _odd_ones(group, "realisasi") if same_figure(r.target, ref.target)]
        for r, ref in odd:
            yield _finding(ctx, r, ref, "realisasi")
        yield from _capaian_alone(ctx, [r for r in group if r.table_seq not in other])


def _printed(v: Value | None) -> bool:
    return _number(v) is not None


def _capaian_alone(ctx: AuditContext, group: list[MRow]) -> Iterator[Finding]:
    measured = [r for r in group if _printed(r.target) and _printed(r.realisasi) and _printed(r.capaian)]
    alone = [r for r in group if not _printed(r.target) and not _printed(r.realisasi) and _printed(r.capaian)]
    if not measured or not alone or _odd_ones(measured, "capaian"):
        return  # nothing to hold it to, or the measured tables disagree among themselves
    ref = measured[0]
    for r in alone:
        if not same_figure(r.capaian, ref.capaian):
            yield _finding(ctx, r, ref, "capaian")


def _finding(ctx: AuditContext, r: MRow, ref: MRow, cell: str) -> Finding:
    mine, theirs = getattr(r, cell), getattr(ref, cell)
    assert mine is not None and theirs is not None
    return row_finding(
        "indicator-figures-differ",
        ctx,
        r,
        cells=(cell,),
        indicator=r.indicator,
        what=cell,
        stated=mine.raw.strip(),
        actual=theirs.raw.strip(),
        where=ctx.cite(ref.line),  # as the printout cites: for a PDF the line on its page
        computed=num(theirs.number) if theirs.number is not None else None,
        hint=_copied_capaian(r, ref, cell),
    )


def _copied_capaian(r: MRow, ref: MRow, cell: str) -> str:
    """A realisasi that is the other table's capaian: the column holds capaian, not realisasi
    (`r27_diskanlaut` Tabel 3.5 p. 47: 176,72 under `Realisasi Tahun 2016`, the capaian of 35,34
    against 20 on p. 41). Said so, as the likelier reading of the difference."""
    mine = r.realisasi
    if cell != "realisasi" or mine is None or _number(ref.capaian) is None or not same_figure(mine, ref.capaian):
        return ""
    return f" Angka {mine.raw.strip()} sama dengan capaian di sana: kolom realisasi di sini tampaknya memuat capaian."
