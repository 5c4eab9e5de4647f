"""Ground truth for documents nobody on this project wrote, and how extracted rows are scored
against it. One loader per truth shape, one row tuple, one scorer, shared by `make eval-real`
and `make bench`.

Truth shapes:
- `corpus/real/lkip/*.golden.json`: our own goldens of the real LKIP PDFs in `../shared/real-lkip/`
  (format: `corpus/real/README.md`);
- `../shared/dev-pdfs/*.json`: the truth beside each development PDF;
- `corpus/real/excerpts/NN.json`: the truth of each real text excerpt (copied from `../shared`).

Rows exact: the same table kind, the indicator and target/realisasi/capaian exactly as printed
(whitespace collapsed, Unicode NFKC). Rows right: the same kind, the values read as the same
values, the indicator the same text but for OCR slips (see `pair_right`).
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLDENS = ROOT / "corpus" / "real" / "lkip"
EXCERPTS = ROOT / "corpus" / "real" / "excerpts"

#: (table kind, indicator, target, realisasi, capaian), all as printed
Row = tuple[str, str, str | None, str | None, str | None]
_KINDS = {"multi-year": "multi_year", "renstra": "multi_year"}


@dataclass(frozen=True)
class Truth:
    name: str
    input: Path
    rows: tuple[Row, ...]
    satker: str | None = None
    satker_aliases: tuple[str, ...] = ()
    year: int | None = None
    inconsistencies: tuple[dict[str, object], ...] = field(default=(), repr=False)


def norm(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _row(r: dict[str, object]) -> Row:
    kind = str(r.get("kind") or r.get("table"))
    if "narrative" in str(r.get("source", "")):
        kind = "narasi"  # rows the excerpt gives as sentences: lakip stores them as `narasi`

    def val(k: str) -> str | None:
        v = r.get(k)
        return norm(str(v)) if v is not None else None

    return (_KINDS.get(kind, kind), norm(str(r["indicator"])) or "", val("target"), val("realisasi"), val("capaian"))


def _recorded(data: dict[str, object]) -> set[str] | None:
    tables = data.get("tables")
    if not isinstance(tables, list):
        return None
    return {str(t["id"]) for t in tables if t.get("rows_recorded", True)}


def load(path: Path, input_path: Path) -> Truth:
    data = json.loads(path.read_text(encoding="utf-8"))
    recorded = _recorded(data)
    rows = tuple(
        _row(r) for r in data.get("rows", []) if (recorded is None or str(r.get("table")) in recorded) and r.get("table") != "other"
    )
    return Truth(
        name=input_path.name,
        input=input_path,
        rows=rows,
        satker=data.get("satker"),
        satker_aliases=tuple(data.get("satker_aliases", ())),
        year=data.get("year"),
        inconsistencies=tuple(data.get("inconsistencies", ())),
    )


def real_pdfs() -> list[Truth]:
    """Our goldens of the real LKIP PDFs whose PDF is present in ../shared."""
    out = []
    for g in sorted(GOLDENS.glob("*.golden.json")):
        pdf = SHARED / "real-lkip" / g.name.replace(".golden.json", ".pdf")
        if pdf.exists():
            out.append(load(g, pdf))
    return out


def dev_pdfs() -> list[Truth]:
    folder = SHARED / "dev-pdfs"
    return [load(j, j.with_suffix(".pdf")) for j in sorted(folder.glob("*.json")) if j.with_suffix(".pdf").exists()]


def excerpts() -> list[Truth]:
    return [load(j, j.with_suffix(".txt")) for j in sorted(EXCERPTS.glob("*.json"))]


def exact(truth: tuple[Row, ...] | list[Row], got: list[Row]) -> int:
    """How many truth rows an extracted row matches exactly (each extracted row used once)."""
    want, have = Counter(truth), Counter(got)
    return sum(min(n, have[r]) for r, n in want.items())


def _meaning(raw: str | None) -> tuple[object, ...]:
    from extract.values import parse_value

    if raw is None:
        return (None,)
    v = parse_value(raw)
    if v.number is not None or v.kind in ("grade", "opinion"):
        return (v.kind, v.number, (v.unit or "").lower())
    return ("raw", " ".join(raw.split()).lower())


def pair_right(truth: tuple[Row, ...] | list[Row], got: list[Row]) -> tuple[list[Row], list[Row]]:
    """Rows right: the truth rows no extracted row pairs with, and the extracted rows left over.
    A pair has the same kind, values read as the same values (`l Layanan` = `1 Layanan`), and
    indicators equal but for OCR slips (rapidfuzz ratio >= 95 after case and look-alikes)."""
    from rapidfuzz import fuzz

    from extract.values import clean

    free = [(r[0], clean(r[1]).lower(), tuple(_meaning(v) for v in r[2:]), r) for r in got]
    missed: list[Row] = []
    for row in truth:
        kind, indicator, *values = row
        want = (kind, clean(indicator).lower(), tuple(_meaning(v) for v in values))
        for k, cand in enumerate(free):
            if cand[0] == want[0] and cand[2] == want[2] and fuzz.ratio(cand[1], want[1]) >= 95:
                del free[k]
                break
        else:
            missed.append(row)
    return missed, [c[3] for c in free]


def rows_of(doc: object) -> list[Row]:
    """An extracted `Document`'s rows as truth tuples."""

    def raw(v: object) -> str | None:
        return norm(v.raw) if v is not None else None  # type: ignore[attr-defined]

    return [(r.table_kind, norm(r.indicator) or "", raw(r.target), raw(r.realisasi), raw(r.capaian)) for r in doc.rows()]  # type: ignore[attr-defined]
