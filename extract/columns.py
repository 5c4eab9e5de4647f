"""What the cells say a column is, where the header words mislead: checks of the roles the
header gave (`extract.header`) against the values under them, made once a table's body is known."""

from __future__ import annotations

import re
from dataclasses import replace

from extract.header import Header
from extract.model import Line
from extract.values import parse_value

_CAPAIAN_WORD = re.compile(r"\bcapai(?:an)?\b", re.I)


def by_content(header: Header, body: list[Line]) -> Header:
    checked = _capaian_holding_realisasi(_realisasi_holding_capaian(_satuan_holding_target(header, body), body), body)
    return _capaian_of_other_pair(_percent_of_reference(_percent_of_units(checked, body), body), body)


def _satuan_holding_target(header: Header, body: list[Line]) -> Header:
    """A column headed `Satuan` that holds the figures while the column taken for the target
    holds words only: under `TARGET`, `SATUAN | PROGRAM/KEGIATAN | ANGGARAN`, the producer put
    the targets (`85`, `≥ 100`, `450`) under Satuan and the programs' names beside them
    (`r14_bkpd` Tabel 4 p. 40). The figures are the target, the names no role of the row."""
    roles = list(header.roles)
    if "satuan" not in roles or "target" not in roles:
        return header
    s, t = roles.index("satuan"), roles.index("target")
    units, names = cells_of(body, s), cells_of(body, t)
    figures = sum(_figure(c) for c in units)
    if len(units) < 2 or figures * 3 < len(units) * 2 or not names or any(re.search(r"\d", c) for c in names):
        return header
    roles[s], roles[t] = "target", "ignore"
    return replace(header, roles=tuple(roles))


_BOUND = re.compile(r"[<>≤≥=]\s*[\d.,]+\s*%?")  # a target as a bound: `≥ 100`


def _figure(cell: str) -> bool:
    return parse_value(cell).number is not None or bool(_BOUND.fullmatch(cell))


def cells_of(body: list[Line], col: int) -> list[str]:
    """A column's non-empty cells, top-down."""
    return [c for ln in body if len(ln.cells) > col and (c := ln.cells[col].strip())]


def _realisasi_holding_capaian(header: Header, body: list[Line]) -> Header:
    """A column headed `Capaian` beside the target, taken for the realisasi because a second
    capaian column follows (`header._capaian_as_realisasi`), holds the capaian itself when its
    figures are percentages where the target is not one: `115%` against a target of `50`,
    `102%` against `≥ 80` (`r13_rsjiwa` Tabel 6 p. 16). It is then the capaian, and the column
    after it, a second ratio the report does not explain, no role of this table."""
    roles = list(header.roles)
    if "realisasi" not in roles or "target" not in roles or "capaian" not in roles:
        return header
    k, t = roles.index("realisasi"), roles.index("target")
    path = header.paths[k] if k < len(header.paths) else ""
    if not _CAPAIAN_WORD.search(path.split(" / ")[-1]):
        return header  # headed Realisasi: the header says what it is
    telling = [
        parse_value(ln.cells[k]).kind == "percent"
        for ln in body
        if len(ln.cells) > max(k, t) and ln.cells[k].strip() and ln.cells[t].strip() and parse_value(ln.cells[t]).kind != "percent"
    ]
    if len(telling) < 2 or sum(telling) * 3 < len(telling) * 2:
        return header
    roles[roles.index("capaian")] = "ignore"
    roles[k] = "capaian"
    return replace(header, roles=tuple(roles))


def _capaian_holding_realisasi(header: Header, body: list[Line]) -> Header:
    """A column headed `Capaian`, with no realisasi column, holds the realisasi when its figures
    are in the target's units and near it where a percentage could not be: `16.542` against a
    target of `16.478` koperasi, `267` against `267` (`r28_dinkumkm` Tabel 6 p. 4)."""
    roles = list(header.roles)
    if "capaian" not in roles or "realisasi" in roles or "target" not in roles:
        return header
    c, t = roles.index("capaian"), roles.index("target")
    near = []
    for ln in body:
        if len(ln.cells) <= max(c, t):
            continue
        target, value = parse_value(ln.cells[t]), parse_value(ln.cells[c])
        if target.number is None or value.number is None or target.kind == "percent" or value.kind == "percent":
            continue
        if target.number >= 300 or 0 < target.number <= 30:  # far from 100: a capaian would not be near it
            near.append(0.5 * target.number <= value.number <= 2 * target.number and abs(value.number - 100) > 30)
    if len(near) < 2 or sum(near) * 3 < len(near) * 2:
        return header
    roles[c] = "realisasi"
    return replace(header, roles=tuple(roles))


_IN_PERCENT = re.compile(r"\(\s*%\s*\)|%\s*$")


def _percent_of_units(header: Header, body: list[Line]) -> Header:
    """Realisasi columns headed in percent (`Realisasi (%) / 2015 | 2016`), with no target and
    no capaian beside them, beside a Satuan column naming other units (`Ton`, `Ekor`): a tonnage
    is no percentage, so the figures are the capaian of each year (`r16_disnak` Tabel 7 pp. 26-28,
    `Daging | Ton | 91,80 | 129,18`)."""
    roles = list(header.roles)
    kinds = {r.split(":")[1] if r.startswith("hist:") else r for r in roles}
    if "satuan" not in roles or kinds & {"target", "capaian"} or "realisasi" not in kinds:
        return header
    real = [k for k, r in enumerate(roles) if r == "realisasi" or r.startswith("hist:realisasi:")]
    if not all(k < len(header.paths) and _IN_PERCENT.search(header.paths[k]) for k in real):
        return header
    s = roles.index("satuan")
    units = [ln.cells[s].strip() for ln in body if len(ln.cells) > s and ln.cells[s].strip()]
    if len(units) < 2 or sum("%" in u for u in units) * 2 >= len(units):
        return header
    for k in real:
        roles[k] = roles[k].replace("realisasi", "capaian")
    return replace(header, roles=tuple(roles))


def _percent_of_reference(header: Header, body: list[Line]) -> Header:
    """A column headed `Capaian …` whose figures are no percentages but a reference the row is
    measured against, with an unnamed column beside it holding the realisasi as a percent of
    that reference: `Realisasi 2016 | Capaian Kinerja dan Standar Nasional | Kontribusi …
    Terhadap Nasional (%)`, `12.540.550 | 79.347.116 | 15,80` (`r18_distan` Tabel 7 p. 31). The
    percent column is the capaian (its figures say so: realisasi / reference x 100, to the
    figures printed), the reference no role of the row. Where no target stands beside them only."""
    roles = list(header.roles)
    if "capaian" not in roles or "realisasi" not in roles or "target" in roles:
        return header
    c, r = roles.index("capaian"), roles.index("realisasi")
    for k, role in enumerate(roles):
        if role == "ignore" and ratio_of(body, r, c, k):
            roles[c], roles[k] = "ignore", "capaian"
            return replace(header, roles=tuple(roles))
    return header


_TARGET_WORD = re.compile(r"\b(?:target|rencana)\b", re.I)
_REALISASI_WORD = re.compile(r"\brealisasi\b", re.I)


def _capaian_of_other_pair(header: Header, body: list[Line]) -> Header:
    """Two target/realisasi pairs side by side, the capaian the ratio of the second: `Target
    Kegiatan | Realisasi Kegiatan | Target OPD | Realisasi OPD | Capaian`, `1 | 1 | 54 | 48 |
    88,89` (`r23_dispenda` p. 18). The pair the capaian is computed from (its figures say so, as
    in `ratio_of`) is the row's target and realisasi; the other pair no role of the row."""
    roles = list(header.roles)
    if not {"target", "realisasi", "capaian"} <= set(roles):
        return header
    t, r, c = roles.index("target"), roles.index("realisasi"), roles.index("capaian")
    if ratio_of(body, r, t, c, percent=True):
        return header

    def named(k: int, word: re.Pattern[str]) -> bool:
        return roles[k] == "ignore" and k < len(header.paths) and bool(word.search(header.paths[k]))

    for a in (k for k in range(len(roles)) if named(k, _TARGET_WORD)):
        for b in (k for k in range(len(roles)) if k != a and named(k, _REALISASI_WORD)):
            if ratio_of(body, b, a, c, percent=True):
                roles[t], roles[r], roles[a], roles[b] = "ignore", "ignore", "target", "realisasi"
                return replace(header, roles=tuple(roles))
    return header


def ratio_of(body: list[Line], num: int, den: int, col: int, percent: bool = False) -> bool:
    """Whether column `col` is column `num` as a percent of column `den` (`den` no percentage),
    to the decimals printed, on two rows or more and two in three of the rows holding the three:
    a report's own slips stay slips (`13,22` against `-0,103` printed as `70,07`, r19_disbun
    Tabel 3.4 p. 52, where seven of nine rows are the ratio)."""
    hits = tried = 0
    for ln in body:
        if len(ln.cells) <= max(num, den, col):
            continue
        a, b, v = (parse_value(ln.cells[k]) for k in (num, den, col))
        if a.number is None or b.number is None or v.number is None:
            continue
        if b.kind == "percent" and not percent:
            return False  # a reference is no percentage (a target may be: `percent`)
        tried += 1
        step = 10.0 ** -(v.decimals or 0)
        hits += b.number > 0 and abs(a.number / b.number * 100 - v.number) <= step
    return hits >= 2 and hits * 3 >= tried * 2
