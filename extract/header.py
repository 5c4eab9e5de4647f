"""Table headers: recognise them, merge multi-line headers, give each column a role.

Roles: `no`, `group` (Tujuan/Program/Sasaran: labels that wrap over many rows),
`activity` (per-row Sasaran Kinerja / Kegiatan), `indicator`, `target`, `realisasi`,
`capaian`, `hist:<kind>:<year>` (multi-year values for other years, years as
printed, None when the header lost them), `ignore`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import TableKind

YEAR = re.compile(r"\b(20\d\d)\b")
_COLNUM = re.compile(r"^\(\d+\)$")
_COLNUM_OCR = re.compile(r"^[(\[{]?[0-9a-zA-Z]{1,2}[)\]}]$")  # tesseract reads `(1)` as `q)`, `qa)`, `qQ)`
_KEY_WORDS = (
    "no",
    "indikator",
    "target",
    "realisasi",
    "capaian",
    "kegiatan",
    "program",
    "sasaran",
    "tujuan",
    "jumlah",
    "kategori",
    "rentang",
)
_VOCAB = set(_KEY_WORDS) | {
    "no.", "n", "0", "kinerja", "strategis", "tahun", "keterangan", "kategori", "satuan", "uraian",
    "%", "iku", "ikk", "utama", "output", "outcome", "status", "pegawai", "pendidikan", "jumlah",
    "sdm", "rentang", "nilai", "halaman", "program/kegiatan", "program/sasaran", "anggaran", "pagu",
    "kinerja%", "(%)", "persentase", "capaian(%)", "ket", "ket.", "smp", "sltp", "slta", "sma", "diploma", "sarjana",
    "magister", "doktor", "d3", "s1", "s2", "s3", "total",
    "yo",  # `%` as tesseract reads it (`Kinerja Yo`)
}  # fmt: skip


@dataclass(frozen=True)
class Header:
    lines: tuple[tuple[str, ...], ...]
    roles: tuple[str, ...]
    kind: TableKind
    years: tuple[int, ...]  # every year printed in the header, in reading order


def _words(cell: str) -> list[str]:
    return [w for w in re.split(r"[\s/]+", cell.lower().strip()) if w]


def is_header_start(cells: tuple[str, ...]) -> bool:
    """A first header line: several cells, header vocabulary only, two key words or more."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or not all(_header_like(c) for c in filled):
        return False
    keys = {w.rstrip(".") for c in filled for w in _words(c)} & set(_KEY_WORDS)
    return len(keys) >= 2


def is_header_continuation(cells: tuple[str, ...]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    small_numbers = sum(1 for c in filled if re.fullmatch(r"\d{1,3}", c))
    return bool(filled) and small_numbers < 2 and all(_header_like(c) or _COLNUM.match(c) or _COLNUM_OCR.match(c) for c in filled)


def is_column_numbers(cells: tuple[str, ...]) -> bool:
    """`(1) (2) (3) …` under a header; one or two of them OCR-damaged (`qQ) (2) (3)`)."""
    filled = [c.strip() for c in cells if c.strip()]
    exact = sum(1 for c in filled if _COLNUM.match(c))
    return len(filled) >= 2 and exact >= max(2, len(filled) - 2) and all(_COLNUM.match(c) or _COLNUM_OCR.match(c) for c in filled)


def _header_like(cell: str) -> bool:
    c = cell.strip()
    if len(c) > 45:
        return False
    for w in _words(c):
        if w in _VOCAB or w.rstrip(".") in _VOCAB or YEAR.fullmatch(w) or re.fullmatch(r"\d{1,3}", w):
            continue
        if _COLNUM.match(w) or len(w) == 1:  # OCR leaves single letters in headers (`R`, `Á`)
            continue
        return False
    return True


def _column_texts(lines: list[tuple[str, ...]], width: int) -> list[str]:
    cols = []
    for c in range(width):
        parts = [ln[c].strip() for ln in lines if c < len(ln) and ln[c].strip() and not _COLNUM.match(ln[c].strip())]
        cols.append(" ".join(parts).lower())
    return cols


def header_years(lines: list[tuple[str, ...]]) -> list[int]:
    """Years in reading order; a year split over two cells (`2` | `024`) is joined."""
    years: list[int] = []
    for ln in lines:
        cells = [c.strip() for c in ln]
        i = 0
        while i < len(cells):
            c = cells[i]
            nxt = cells[i + 1] if i + 1 < len(cells) else ""
            if re.fullmatch(r"\d{1,3}", c) and re.fullmatch(r"\d{1,3}", nxt) and YEAR.fullmatch(c + nxt):
                years.append(int(c + nxt))
                i += 2
                continue
            years.extend(int(y) for y in YEAR.findall(c))
            i += 1
    return years


def classify(lines: list[tuple[str, ...]], width: int, context: str, report_year: int | None) -> Header:
    cols = _column_texts(lines, width)
    text = " ".join(cols)
    years = header_years(lines)
    n_real = len(re.findall(r"realisasi", text))
    has = {w: w in text for w in ("indikator", "target", "realisasi", "capaian", "kegiatan")}
    if has["target"] and has["capaian"] and n_real >= 2 and years and has["indikator"]:
        return Header(tuple(lines), _multi_year_roles(lines, width, years, report_year), "multi_year", tuple(years))
    roles = [_role(c, i) for i, c in enumerate(cols)]
    if "indicator" not in roles and roles and roles[0] == "activity" and has["target"] and has["capaian"]:
        kind: TableKind = "kegiatan"
    elif "indicator" in roles and has["target"] and has["realisasi"] and has["capaian"]:
        kind = "pengukuran"
    elif "indicator" in roles and has["target"] and not has["realisasi"]:
        kind = _plan_kind(context, text)
    else:
        kind = "other"
    roles = _one_indicator(_capaian_years(roles, lines, report_year))
    return Header(tuple(lines), tuple(roles), kind, tuple(years))


def _role(col: str, index: int) -> str:
    w = _words(col)
    if not w:
        return "ignore"
    if index == 0 and w[0].rstrip(".") in ("no", "n", "0"):
        return "no"
    if col.startswith(("sasaran program", "sasaran kinerja", "kegiatan")) and "indikator" not in col:
        return "activity"
    if "indikator" in col:
        return "indicator"
    for role in ("target", "realisasi", "capaian"):
        if col.startswith(role) or (role in w and len(w) <= 3):
            return role
    if any(k in col for k in ("program", "tujuan", "sasaran")):
        return "group"
    return "ignore"


def _capaian_years(roles: list[str], lines: list[tuple[str, ...]], report_year: int | None) -> list[str]:
    """`Capaian` spanning sub-columns `2023 | 2024`: the report year is capaian, others history."""
    out = list(roles)
    if "capaian" not in out or len(lines) < 2:
        return out
    first = out.index("capaian")
    year_cols = [(i, int(m.group(1))) for i, c in enumerate(lines[-1]) if i >= first and (m := YEAR.fullmatch(c.strip()))]
    if len(year_cols) >= 2:
        latest = max(y for _, y in year_cols)
        for i, y in year_cols:
            out += ["ignore"] * (i + 1 - len(out))
            out[i] = "capaian" if y == (report_year or latest) else f"hist:capaian:{y}"
    return out


def _one_indicator(roles: list[str]) -> list[str]:
    """A second "Indikator" heading (OCR duplicates it) is not a second indicator column."""
    first = roles.index("indicator") if "indicator" in roles else -1
    return [r if r != "indicator" or i == first else "ignore" for i, r in enumerate(roles)]


def _plan_kind(context: str, header_text: str) -> TableKind:
    ctx = context.lower()
    pk, rkt = ctx.rfind("perjanjian kinerja"), ctx.rfind("rencana kinerja")
    if pk >= 0 or rkt >= 0:
        return "perjanjian" if pk > rkt else "rencana"
    return "perjanjian" if "sasaran strategis" in header_text else "rencana"


def _multi_year_roles(lines: list[tuple[str, ...]], width: int, years: list[int], report_year: int | None) -> tuple[str, ...]:
    """Multi-year headers are too damaged to align by column; their layout is fixed:
    No | Indikator | realisasi of earlier years… | target | realisasi | next target | capaian."""
    n_values = width - 2
    n_hist = max(n_values - 4, 0)
    year = report_year or (max(years) if years else None)
    earlier = [y for y in years if year is None or y < year]
    # Years per history column from that column's own header cells when they line up;
    # else right-aligned (the newest earlier year stands next to the report year).
    by_col: list[int | None] = []
    for c in range(2, 2 + n_hist):
        ys = [int(y) for ln in lines if c < len(ln) for y in YEAR.findall(ln[c]) if year is None or int(y) < year]
        by_col.append(ys[-1] if ys else None)
    known = [y for y in by_col if y is not None]
    if len(known) < len(by_col) or known != sorted(known):
        seen = list(dict.fromkeys(earlier))[-n_hist:] if n_hist else []
        by_col = [None] * (n_hist - len(seen)) + list(seen)
    next_col = 2 + n_hist + 2
    next_years = [int(y) for ln in lines if next_col < len(ln) for y in YEAR.findall(ln[next_col])]
    later = [y for y in years if year is not None and y > year]
    next_year = next_years[-1] if next_years else (later[-1] if later else None)
    roles = ["no", "indicator"]
    roles += [f"hist:realisasi:{y if y is not None else ''}" for y in by_col]
    roles += ["target", "realisasi", f"hist:target:{next_year if next_year is not None else ''}", "capaian"]
    return tuple(roles[:width]) + ("ignore",) * max(0, width - len(roles))
