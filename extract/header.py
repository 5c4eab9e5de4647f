"""Table headers: which lines are a header, what each column means, what kind of table it is.

Every column gets a *path*: the header cells above it, top-down (`Tahun 2016 / Target`,
`Capaian Kinerja / 2015`, `Realisasi / 2021`). Cells merged across come with their spans from
the geometry (`Line.spans`); in text exports, which have no spans, an upper cell reaches right
over the empty cells whose lower line has text (`Capaian` over `2023 | 2024`). A path's words
give the role (`extract.vocabulary.ROLE_PATTERNS`) and its year, if any; a value column of
another year than the report's is history (`hist:<kind>:<year>`).

Roles: `no`, `group` (Tujuan/Program/Sasaran labels over many rows), `activity` (per-row
Kegiatan / Sasaran Kinerja), `indicator`, `satuan`, `target`, `realisasi`, `capaian`,
`kategori`, `keterangan`, `budget`, `hist:<kind>:<year>`, `ignore`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from extract.model import TableKind
from extract.vocabulary import (
    BUDGET_CEILING,
    BUDGET_MONEY,
    BUDGET_PHYSICAL,
    BUDGET_REALISED,
    BUDGET_REMAINDER,
    BUDGET_SHARE,
    HEADER_WORDS,
    INDICATOR_LEVELS,
    KEY_WORDS,
    KIND_TITLES,
    LEVEL_NAMES,
    ROLE_PATTERNS,
)

YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_COLNUM = re.compile(r"^\(\d+\)$")
_COLNUM_OCR = re.compile(r"^[(\[{]?[0-9a-zA-Z]{1,2}[)\]}]$")  # tesseract reads `(1)` as `q)`, `qa)`, `qQ)`
VALUE_ROLES = ("target", "realisasi", "capaian")


@dataclass(frozen=True)
class Header:
    lines: tuple[tuple[str, ...], ...]
    roles: tuple[str, ...]
    kind: TableKind
    years: tuple[int, ...]  # every year printed in the header, in reading order
    paths: tuple[str, ...] = ()  # per column, its header cells top-down, joined by " / "


def words(cell: str) -> list[str]:
    return [w for w in re.split(r"[\s/]+", cell.lower().strip()) if w]


_PREFIXES = tuple(w for w in HEADER_WORDS if len(w) >= 6)
_ROLE_WORDS = ("indikator", "realisasi", "capaian", "target", "satuan", "sasaran", "kategori", "keterangan", "strategis", "tingkat")


#: a year after the `i` of a word broken over two lines (`Realisas` / `i 2021`), the `i` and the
#: space OCR'd as a `1`
_OCR_YEAR = re.compile(r"[1il]((?:19|20)\d\d)")


def is_year_cell(text: str) -> bool:
    """A header cell that is a year: marked for a footnote (`2014*`, `2016***`, r22_disperkim
    p. 43) or OCR'd with the `i` of the word above it (`12021`)."""
    return bool(YEAR.fullmatch(text.rstrip("*")) or _OCR_YEAR.fullmatch(text))


def _header_word(w: str) -> bool:
    return (
        w in HEADER_WORDS
        or (len(w) >= 5 and any(h.startswith(w) for h in _PREFIXES))  # a word a narrow cell broke (`Realisas` / `i`)
        or (len(w) >= 6 and any(Levenshtein.distance(w, h, score_cutoff=2) <= 2 for h in _ROLE_WORDS))  # `REALALISASI`
        or w.strip(".,:()") in HEADER_WORDS
        or bool(YEAR.fullmatch(w.strip("()*")))  # `2016***`: a year marked for a footnote (r22_disperkim p. 43)
        or bool(_OCR_YEAR.fullmatch(w))  # `Realisas` / `i 2021` OCR'd `12021` (c_scanned p. 3)
        or bool(re.fullmatch(r"\(?\d{1,3}\)?", w))
        or len(w) == 1  # OCR leaves single letters in headers (`R`, `Á`)
    )


def header_like(cell: str, share: float = 1.0) -> bool:
    """A header cell: short, made of header words (all of them, or `share` of them)."""
    c = cell.strip()
    ws = words(c)
    if not ws:
        return True
    known = sum(1 for w in ws if _header_word(w))
    if len(c) > 60:
        # a long cell is a header's only where every word is a header word (`Indikator Kinerja
        # Sasaran Strategis dan Indikator Kinerja Program`, r19_disbun Tabel 2.2 p. 18)
        return len(c) <= 90 and known == len(ws)
    # a word the producer broke to fit a narrow cell (`PENILAI AN`, `REALISA SI`, r02 p. 36)
    return known >= share * len(ws) or (len(ws) <= 3 and _header_word("".join(ws))) or _percent_column(ws)


def _percent_column(ws: list[str]) -> bool:
    """`% Pening katan`, `% Kenaikan`: a percent sign naming a column of what follows it, one
    word or one broken in two (`r16_disnak` Tabel 7 pp. 26-28, whose header went unread)."""
    return len(ws) in (2, 3) and ws[0] in ("%", "(%)") and all(w.isalpha() for w in ws[1:])


def is_header_start(cells: tuple[str, ...]) -> bool:
    """A first header line: several cells, header vocabulary only, two key words or more."""
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2 or not all(header_like(c) and len(c.strip()) <= 45 for c in filled):
        return False
    keys = {w.strip(".:") for c in filled for w in words(c)} & KEY_WORDS
    return len(keys) >= 2


def is_header_continuation(cells: tuple[str, ...]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    small_numbers = sum(1 for c in filled if re.fullmatch(r"\d{1,3}", c))
    return bool(filled) and small_numbers < 2 and all(header_like(c) or _COLNUM.match(c) or _COLNUM_OCR.match(c) for c in filled)


def is_column_numbers(cells: tuple[str, ...]) -> bool:
    """`(1) (2) (3) …` under a header, one or two of them OCR-damaged (`qQ) (2) (3)`), or the
    plain `1 2 3 4 5` some producers print instead."""
    filled = [c.strip() for c in cells if c.strip()]
    if len(filled) >= 3 and all(re.fullmatch(r"\d{1,2}", c) for c in filled):
        # rising from 1 or 2, gaps allowed: a merged header cell numbers its span once (`1 2 3 4 6 7`)
        numbers = [int(c) for c in filled]
        return numbers[0] <= 2 and all(b > a for a, b in itertools.pairwise(numbers)) and numbers[-1] <= 2 * len(numbers) + 2
    exact = sum(1 for c in filled if _COLNUM.match(c))
    return len(filled) >= 2 and exact >= max(2, len(filled) - 2) and all(_COLNUM.match(c) or _COLNUM_OCR.match(c) for c in filled)


def _is_colnum(text: str) -> bool:
    return bool(_COLNUM.match(text.strip()))


def column_slots(lines: list[tuple[str, ...]], width: int, spans: list[tuple[int, ...]] | None = None) -> list[list[str]]:
    """slots[line][column]: the header text standing over each column on each header line."""
    slots: list[list[str]] = []
    for li, ln in enumerate(lines):
        row = [""] * width
        sp = spans[li] if spans and li < len(spans) and spans[li] else None
        for c, text in enumerate(ln[:width]):
            n = sp[c] if sp and c < len(sp) else 1
            for k in range(c, min(width, c + max(n, 1))):
                if n or not sp:
                    row[k] = text.strip()
        slots.append(row)
    # also under geometry: a producer may leave the cell beside `Capaian` empty instead of merging it
    # over `2023 | 2024` (the seeds drawn ruled); a merged cell already filled its slots
    _infer_spans(slots)
    return slots


def _infer_spans(slots: list[list[str]]) -> None:
    """Merged cells lost (text exports) or never made: an upper header cell covers the empty cells
    to its right under which the next line has text (`2024` over `Target | Realisasi`)."""
    for li in range(len(slots) - 1):
        row, below = slots[li], slots[li + 1]
        owner = ""
        for c in range(len(row)):
            if row[c]:
                # a cell whose text the line below repeats is one cell merged down (`No | Jenis
                # Ternak` on both lines over `2013 … 2018`, r16_disnak Tabel 2 p. 14), no upper header
                owner = row[c] if c + 1 < len(row) and not row[c + 1] and below[c] and below[c] != row[c] else ""
                continue
            if owner and below[c] and not _is_colnum(below[c]):
                row[c] = owner
            else:
                owner = ""


def column_paths(slots: list[list[str]], width: int) -> list[str]:
    out = []
    for c in range(width):
        parts: list[str] = []
        for row in slots:
            t = row[c] if c < len(row) else ""
            if t and not _is_colnum(t) and (not parts or parts[-1] != t):
                parts.append(t)
        out.append(" / ".join(parts))
    return out


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


def role_of(path: str) -> tuple[str, int | None]:
    """A column's role and year from its header path. Target, realisasi and capaian are read
    from the lowest header level that names one, and there the first named wins (`Capaian
    Target terhadap Realisasi` is a capaian, `Rencana Tingkat Capaian` a target)."""
    path = re.sub(rf"\b{_OCR_YEAR.pattern}\b", r"\1", path)  # `Realisas i 2021` OCR'd as `Realisas 12021`
    # a column's number printed in its header cell (`No (1)`, `Indikator Kinerja (3)`, r22_disperkim
    # pp. 40-49): no word of its name
    path = re.sub(r"(?:\s*\(\d{1,2}\))+\s*(?=/|$)", "", path)
    years = YEAR.findall(path)
    year = int(years[-1]) if years else None
    against = re.search(r"\b(?:thdp|terhadap|dibanding(?:kan)?|vs\.?)\b", path, re.I)
    if against and YEAR.search(path[: against.start()]):
        # a comparison's year is what is compared, not what it is compared with (`Realisasi 2016
        # Thdp Tahun 2015 (3/4)*100`, r18_distan p. 25)
        year = int(YEAR.findall(path[: against.start()])[-1])
    text = _ocr_words(_heal(" ".join(YEAR.sub(" ", path.lower()).replace("_", " ").split())))
    text = re.sub(r"\s*/\s*", " / ", text).strip(" /")
    levels = text.split(" / ")
    if len(levels) > 1 and levels[-1] == "uraian" and "indikator" not in text:
        # `Sasaran / Uraian` beside `Sasaran / Indikator`: the sasaran's own text, the indicator is
        # the next column (`r09_bplhd` pp. 14, 17; `r18_distan` p. 127)
        upper = " ".join(levels[:-1])
        if re.search(r"\b(?:sasaran|tujuan|misi)\b", upper):
            return "group", year
        if re.search(r"\b(?:program|kegiatan)\b", upper):
            return "activity", year
    if _CHANGE.search(text.split(" / ")[-1]):
        # the change from last year (`% Pening katan`, r16_disnak Tabel 7; `Percepatan /
        # Perlambatan`, r29_dishub Tabel 3.3): kept as the row's, the audit recomputes it
        return "change", year
    for role, pattern in ROLE_PATTERNS:
        if role in VALUE_ROLES:
            value = _value_role(text)
            if value:
                return value, year
            continue
        if pattern.search(text):
            return role, year
    if year is not None and not re.sub(r"[\W\d]|tahun|th|s\.?d", "", text):
        return "year", year  # a bare year: a value of that year (what kind, the table says)
    if year is not None and YEAR.fullmatch(path.split("/")[-1].strip()):
        # a bare year under what the years count (`Populasi Ternak (ekor) / 2016`, r16_disnak
        # Tabel 2 p. 14): a value of that year all the same
        return "year", year
    return "ignore", year


_INDICATOR_WORD = re.compile(r"\bindikator\b|\bindicator\b", re.I)
_CHANGE = re.compile(r"^%\s*(?:pening\s?katan|kenaikan|penurunan)\b|\b(?:percepatan|perlambatan)\b")


def _ocr_words(text: str) -> str:
    """Header words as OCR misreads them, set right: `canaian` -> `capaian`, `realisas` ->
    `realisasi`, `yo` -> `%` (one letter off in words of six letters or more, two in longer ones)."""
    out = []
    for w in text.split(" "):
        if w == "yo":
            out.append("%")
            continue
        if len(w) >= 6 and w not in HEADER_WORDS:
            best = min(_ROLE_WORDS, key=lambda h: Levenshtein.distance(w, h))
            if Levenshtein.distance(w, best) <= (2 if len(w) >= 8 else 1):
                w = best
        out.append(w)
    return " ".join(out)


def _heal(text: str) -> str:
    """Words a narrow header cell broke without a hyphen, joined again: `satua n` -> `satuan`,
    `targe t renst ra` -> `target renstra` (`r01_bappeda` p. 28)."""
    out: list[str] = []
    for w in text.split(" "):
        if out and (out[-1] + w) in HEADER_WORDS and out[-1] not in HEADER_WORDS:
            out[-1] += w
        else:
            out.append(w)
    return " ".join(out)


_VALUE_PATTERNS = [(role, p) for role, p in ROLE_PATTERNS if role in VALUE_ROLES]


_AGAINST = re.compile(r"^(?:terhadap|thdp)\b")
_RATIO = re.compile(r"\(\s*\d+\s*/\s*\d+\s*\)|\bthdp\b|[x*]\s*100\b")


def _value_role(text: str) -> str | None:
    for level in reversed(text.split(" / ")):
        if _RATIO.search(level):
            return "capaian"  # a column computed from others: `Realisasi 2016 Thdp Tahun 2015 (3/4)*100`
        if _AGAINST.match(level):
            # named by what it is measured against, `Capaian` left unsaid (`Terhadap / Indikator
            # Kinerja / 2016 / Nilai`, r22_disperkim Tabel III.2 pp. 40-42)
            return "capaian"
        hits = [(m.start(), role) for role, p in _VALUE_PATTERNS if (m := p.search(level))]
        if hits:
            return min(hits)[1]
    return None


_LONG_TERM = re.compile(r"\b(?:renstra|rpjmd?|akhir|jangka\s+menengah|periode)\b", re.I)
_QUARTER = re.compile(r"\b(?:trw|tw|triwulan)\.?\s*(?:iv|i{1,3}|[1-4])\b", re.I)
_PAST = re.compile(r"\b(?:lalu|sebelumnya)\b", re.I)
_PERCENT = re.compile(r"(?:%|\(%\))\s*$")


def _capaian_as_realisasi(found: list[tuple[str, int | None]], term: list[bool], current: int | None) -> None:
    """Two capaian columns of this year and no realisasi: the first, beside the target, holds the
    realisasi (`Capaian tahun 2016 / Target | Capaian` then `% Capaian kinerja`, `r13_rsjiwa` p. 16)."""
    now = [k for k, ((r, y), t) in enumerate(zip(found, term, strict=False)) if r == "capaian" and not t and y in (None, current)]
    if len(now) >= 2 and not any(r == "realisasi" and y in (None, current) for r, y in found):
        found[now[0]] = ("realisasi", found[now[0]][1])


def _uraian_over_indicators(found: list[tuple[str, int | None]], paths: list[str]) -> list[tuple[str, int | None]]:
    """Two name columns, the one headed `Indikator …` and one left of it headed otherwise (`Uraian
    IKU`): the left one's cell stands over the indicators as their group (`Uraian IKU | Indikator
    Kinerja | Satuan | Target`, r18_distan Tabel 3 p. 19)."""
    names = [k for k, (r, _) in enumerate(found) if r == "indicator" and k < len(paths)]
    named = [k for k in names if _INDICATOR_WORD.search(paths[k])]
    if len(names) != 2 or len(named) != 1 or named[0] != names[1]:
        return found
    return [("group", y) if k == names[0] else (r, y) for k, (r, y) in enumerate(found)]


def _coarser_indicators(found: list[tuple[str, int | None]], paths: list[str]) -> list[tuple[str, int | None]]:
    """Indicator columns of two planning levels before the values (`Indikator Sasaran Strategis |
    Indikator Kinerja Program (Outcome) | Target`, r19_disbun Tabel 2.3 p. 19): the values are the
    level's nearest them, each coarser indicator's cell stands over its rows as their group. An
    indicator column after the values is another level's with its own (`Indikator Kinerja Sasaran |
    Target … | Program/Kegiatan | Indikator Kegiatan | Target Kegiatan`, r09_bplhd Tabel 4.1 p. 39)."""
    first_value = next((k for k, (r, _) in enumerate(found) if r in VALUE_ROLES), len(found))
    names = [k for k, (r, _) in enumerate(found) if r == "indicator" and k < min(len(paths), first_value)]
    named = {k: _level(paths[k]) for k in names}
    levels = {k: v for k, v in named.items() if v is not None}
    if len(names) < 2 or len(levels) < len(names) or len({found[k][1] for k in names}) > 1:
        return found  # one level, a column of no level named, or an indicator column per year (`_resolve`)
    nearest = names[-1]
    if levels[nearest] != max(levels.values()):
        return found
    coarse = {k for k in names if levels[k] < levels[nearest]}
    return [("group", y) if k in coarse else (r, y) for k, (r, y) in enumerate(found)]


def indicator_level(header: Header) -> str | None:
    """The planning level whose indicators a table's rows are, where its indicator column's header
    names one (`Indikator Kinerja Kegiatan (Output)` -> `kegiatan`, r19_disbun Tabel 2.4 p. 25)."""
    k = header.roles.index("indicator") if "indicator" in header.roles else len(header.paths)
    level = _level(header.paths[k]) if k < len(header.paths) else None
    return None if level is None else LEVEL_NAMES[level]


def _level(path: str) -> int | None:
    """The planning level an `Indikator …` header names (`Indikator Kinerja Program` -> 2); none
    where it names two (`Indikator Kinerja Sasaran Strategis dan Indikator Kinerja Program`, the
    IKU of the PK, r19_disbun Tabel 2.2 p. 18)."""
    text = path.lower()
    if not _INDICATOR_WORD.search(text):
        return None
    hits = {level for level, p in INDICATOR_LEVELS if p.search(text)}
    return hits.pop() if len(hits) == 1 else None


def _bare_years(found: list[tuple[str, int | None]], report_year: int | None) -> list[tuple[str, int | None]]:
    """Columns headed by a year alone hold that year's realisation; where such years run past
    the report year, no year of them can be realised yet: they are a plan's targets, each year's
    (`No | Jenis Ternak | 2013 … 2018` in a report on 2016, r16_disnak Tabels 2-3 pp. 14-15)."""
    later = report_year is not None and any(r == "year" and y is not None and y > report_year for r, y in found)
    kind = "target" if later else "realisasi"
    return [(kind, y) if r == "year" else (r, y) for r, y in found]


def _resolve(found: list[tuple[str, int | None]], paths: list[str], report_year: int | None) -> list[str]:
    """Roles with years: the report year's values, other years' as history; one column per role.
    The report year is the current one where the header prints it or prints a value column
    without a year; else the latest year printed (a table headed with another year). A Renstra /
    RPJMD target is history (the plan's end, not this year's); a capaian against it is this
    year's capaian only where the table has no other. A second realisasi column in percent
    (`Tahun 2016 / Realisasi %` beside `Realisasi`) is the capaian."""
    found = _bare_years(found, report_year)
    past = [bool(_PAST.search(p)) for p in paths] + [False] * (len(found) - len(paths))
    term = [bool(_LONG_TERM.search(_heal(p.lower()))) for p in paths] + [False] * (len(found) - len(paths))
    value_years = [y for (r, y), t in zip(found, term, strict=False) if r in VALUE_ROLES and y is not None and not t]
    real_years = [y for r, y in found if r == "realisasi" and y is not None]
    yearless = any(r in ("target", "realisasi") and y is None and not t for (r, y), t in zip(found, term, strict=False))
    current = report_year if report_year in value_years or yearless or not value_years else max(real_years or value_years)
    if current is not None:  # `Capaian Thn Lalu`: last year's
        found = [(r, current - 1) if p and r in VALUE_ROLES and y is None else (r, y) for (r, y), p in zip(found, past, strict=False)]
    plain_capaian = any(r == "capaian" and not t and y in (None, current) for (r, y), t in zip(found, term, strict=False))
    _capaian_as_realisasi(found, term, current)
    found = _coarser_indicators(_uraian_over_indicators(found, paths), paths)
    names = [k for k, (r, _) in enumerate(found) if r == "indicator"]
    if len(names) >= 2 and any(found[k][1] == current for k in names):
        # an indicator column per year (`Tahun 2015 / Indikator` … `Tahun 2016 / Indikator`,
        # `r28_dinkumkm` Tabel 6): the report year's wording names the row
        found = [("ignore", y) if k in names and y != current else (r, y) for k, (r, y) in enumerate(found)]
    roles: list[str] = []
    quarters = [k for k, (r, _) in enumerate(found) if r == "target" and k < len(paths) and _QUARTER.search(paths[k])]
    for k in quarters[:-1]:
        found[k] = ("ignore", None)  # the year's target is the last quarter's (Trw IV): a Rencana Aksi table
    for k, (role, year) in enumerate(found):
        path = paths[k] if k < len(paths) else ""
        if role == "realisasi" and "realisasi" in roles and _PERCENT.search(path) and "capaian" not in roles:
            role = "capaian"
        if role == "target" and term[k]:
            roles.append(f"hist:target:{year or ''}")
            continue
        if role == "change":
            roles.append(f"hist:change:{current or ''}")  # this year's change from the last
            continue
        if role == "capaian" and (term[k] or (year is not None and current is not None and year > current)):
            # this year's capaian against a later (Renstra) target: `Capaian terhadap Renstra 2018`
            roles.append("capaian" if not plain_capaian and "capaian" not in roles else f"hist:capaian:{year or ''}")
            continue
        if role == "capaian" and year is not None and year != current and _of_current(path, found, current):
            roles.append("capaian")  # computed from this year's realisation, whatever year its label names
        elif role in VALUE_ROLES and year is not None and year != current:
            roles.append(f"hist:{role}:{year}")
        elif role == "kategori" and year is not None and current is not None and year != current:
            roles.append("ignore")  # another year's category (`Tahun 2015 / Kategori`, r02_dinkes p. 46): not the row's
        elif role in (*VALUE_ROLES, "indicator", "no", "satuan", "kategori") and role in roles:
            roles.append("ignore")  # a second column of the same role (OCR doubles `Indikator`)
        else:
            roles.append(role)
    return _budget_measures(roles, paths)


_FORMULA = re.compile(r"\(\s*(\d{1,2})\s*/\s*\d{1,2}\s*\)")


def _of_current(path: str, found: list[tuple[str, int | None]], current: int | None) -> bool:
    """A ratio whose formula names its numerator by column number (`(3/4)*100`) and that column
    holds this year's realisation: the table's capaian, though its label names another year
    (`Realisasi 2015 Thdp Tahun 2014 (3/4)*100` over a cumulative realisation to 2016,
    `r18_distan` Tabel 6 p. 28)."""
    m = _FORMULA.search(path)
    if m is None or not 1 <= int(m.group(1)) <= len(found):
        return False
    role, year = found[int(m.group(1)) - 1]
    return role == "realisasi" and year in (None, current)


_KINERJA = re.compile(r"\bkinerja\b", re.I)  # `Capaian Kinerja %` is the indicator's, wherever it stands
_BUDGET_PATH = re.compile(r"\b(?:anggaran|pagu|keuangan|dana|biaya)\b", re.I)


def _budget_measures(roles: list[str], paths: list[str]) -> list[str]:
    """A realisasi or capaian right of a budget column, with no target between them, measures the
    budget, not an indicator (`Anggaran | Realisasi | Capaian` beside the IKU, `r05_disperindag`
    Tabel 3.7 p. 44; `Keuangan / Realisasi`, `r01_bappeda` Tabel 3.7): its figures are rupiah."""
    out = list(roles)
    budget = False
    for k, role in enumerate(out):
        path = paths[k] if k < len(paths) else ""
        if role == "budget":
            budget = True
        elif role == "target":
            budget = False
        elif role in ("realisasi", "capaian") and (budget or _BUDGET_PATH.search(path)) and not _KINERJA.search(path):
            out[k] = "ignore"
    return out


def budget_columns(header: Header) -> tuple[int, int, int] | None:
    """The columns of a budget's ceiling, its realisation in rupiah and the share printed for it
    (`Jumlah Anggaran Setelah Perubahan (Rp.) | Realisasi Keuangan (Rp.) | (%)`, r28_dinkumkm
    Tabel 9 pp. 16-20; `Keuangan / Pagu | Realisasi | Capaian %` beside the indicators, r01_bappeda
    Tabel 3.7 p. 43), or None. The realisation is the first column naming one under money words or
    right of a ceiling; the ceiling the last column left of it naming one (after the budget's
    revision, `Setelah Perubahan`, when both are printed); the share the next column or the one
    after naming a percentage. A physical realisation (`Fisik`) is none of them, nor is the share
    of what is left (`SILPA / %`, r19_disbun p. 57)."""
    paths = [p.lower() for p in header.paths]
    for real, path in enumerate(paths):
        if not BUDGET_REALISED.search(path) or BUDGET_PHYSICAL.search(path) or "%" in path:
            continue
        ceilings = [k for k in range(real) if BUDGET_CEILING.search(paths[k]) and not BUDGET_REALISED.search(paths[k])]
        if not ceilings or not (BUDGET_MONEY.search(path) or header.roles[real] in ("ignore", "budget")):
            continue
        beside = range(real + 1, min(real + 3, len(paths)))
        other = (BUDGET_PHYSICAL, BUDGET_REMAINDER)  # a share of the physical work or of what is left
        shares = [k for k in beside if BUDGET_SHARE.search(paths[k]) and not any(p.search(paths[k]) for p in other)]
        if shares:
            return ceilings[-1], real, shares[0]
    return None


def classify(
    lines: list[tuple[str, ...]],
    width: int,
    context: str,
    report_year: int | None,
    spans: list[tuple[int, ...]] | None = None,
    caption: str | None = None,
) -> Header:
    slots = column_slots(lines, width, spans)
    paths = column_paths(slots, width)
    found = [role_of(p) for p in paths]
    if _damaged_multi_year(lines, width):
        years = header_years(lines)
        fixed = _multi_year_roles(lines, width, years, report_year)
        return Header(tuple(lines), fixed, "multi_year", tuple(years), tuple(paths))
    roles = _resolve(found, paths, report_year)
    if "indicator" not in roles and "activity" not in roles and "group" in roles:
        # `Program/Kegiatan | Target | Realisasi`: the program or activity is the row's name
        last = max(i for i, r in enumerate(roles) if r == "group")
        roles[last] = "indicator" if _sasaran_summary(roles, paths[last]) else "activity"
    years = header_years(lines)
    kind = _kind(roles, context, caption, " ".join(paths).lower(), report_year)
    return Header(tuple(lines), tuple(roles), kind, tuple(years), tuple(paths))


def _sasaran_summary(roles: list[str], path: str) -> bool:
    """A table of the sasaran's capaian alone, no indicator, target nor realisasi column (`NO |
    SASARAN STRATEGIS | CAPAIAN (%) | KRITERIA PENILAIAN`, r18_distan Tabel 15 p. 43): each sasaran
    is measured as a whole, its text names the row. Beside a budget it is the budget's table (`Capaian
    Sasaran (%)` by `Anggaran (Rp)`, r07_bp3akb Tabel 3.2a p. 64), no measurement."""
    return bool(re.search(r"\bsasaran\b", path, re.I)) and "capaian" in roles and not {"target", "realisasi", "budget"} & set(roles)


def _kind(roles: list[str], context: str, caption: str | None, header_text: str, report_year: int | None = None) -> TableKind:
    has = set(roles)
    hist = {r.split(":")[1] for r in roles if r.startswith("hist:")}
    targets = sum(1 for r in roles if r.startswith("hist:target:"))
    # a Renstra target of the report year itself is the plan's figure for this year: the table
    # measures this year (`TARGET RENSTRA TAHUN 2016 | REALISASI | PENCAPAIAN`, r09_bplhd Tabel 3.1
    # p. 16), unlike one of the plan's end (`Tahun 2018 Target`, r05_disperindag Tabel 3.4)
    other_years = sum(1 for r in roles if r.startswith("hist:target:") and r != f"hist:target:{report_year}")
    if "indicator" not in has and "activity" not in has:
        return "other"
    if "indicator" not in has and "target" in has and ("capaian" in has or "realisasi" in has):
        return "kegiatan"
    if hist & {"realisasi", "capaian"}:
        return "multi_year"  # values of several years
    if "target" not in has and other_years and has & {"realisasi", "capaian"}:
        return "multi_year"  # this year's realisasi against another year's (Renstra) target: `r05_disperindag` Tabel 3.4
    if len(has & {"target", "realisasi", "capaian"}) >= 2 or ("capaian" in has and "indicator" in has):
        # a capaian alone is still this year's measurement (an efficiency table beside the budget:
        # `r01_bappeda` Tabel 3.6); a realisasi alone beside budget columns measures no target (`r29` Tabel 3.7)
        return "pengukuran"
    if "target" in has:
        return "multi_year" if targets >= 2 else _plan_kind(context, caption, header_text)
    return "other"


def _plan_kind(context: str, caption: str | None, header_text: str) -> TableKind:
    """A target-only table: the Perjanjian Kinerja or a Rencana Kinerja, as its caption (else the
    text above it) says; the last mention wins."""
    for text in (caption or "", context):
        best, at = None, -1
        for kind, pattern in KIND_TITLES:
            if kind == "pengukuran":
                continue
            for m in pattern.finditer(text):
                if m.start() > at:
                    best, at = kind, m.start()
        if best is not None:
            return best  # type: ignore[return-value]
    return "perjanjian" if "sasaran strategis" in header_text else "rencana"


def _damaged_multi_year(lines: list[tuple[str, ...]], width: int) -> bool:
    """A multi-year header from a text export of a scanned table, whose cells no longer stand
    over their columns (Muaro Jambi 2024 seed, pp. 56-59: `2 | 024`, `Target Realisasi` in one
    cell, `Indikator Realisasi` where `Realisasi 2021` was): target, capaian, realisasi twice
    or more and years, in the fixed order these tables print."""
    text = " ".join(" ".join(c.lower() for c in ln) for ln in lines)
    if not (all(w in text for w in ("indikator", "target", "capaian")) and text.count("realisasi") >= 2 and width >= 7):
        return False
    cells = [c.strip().lower() for ln in lines for c in ln]
    # a cell of two role words and nothing else (`Indikator Realisasi`, `Target Realisasi`)
    doubled = any(len(re.findall(r"indikator|target|realisasi|capaian", c)) >= 2 and len(c.split()) <= 3 for c in cells)
    split_year = any(re.fullmatch(r"\d", a) and re.fullmatch(r"\d{3,4}", b) for ln in lines for a, b in itertools.pairwise(ln))
    # `Indikator | Indikator`: the same name heading two cells of one line
    twice = any(sum(1 for c in ln if re.fullmatch(r"indikator(?: kinerja)?", c.strip().lower())) >= 2 for ln in lines)
    return doubled or split_year or twice


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
