"""`make eval-real ARGS="--set survey"`: every real LKIP PDF in ../shared/real-lkip, with or without a
golden: the satker and year lakip reads against the README's list, and the tables it finds by kind
(a report's Pengukuran table found or not, at a glance).

The README names satker in short (`Prov. Jabar`): a name counts as right when, after expanding
those abbreviations, one contains the other or they are the same but for case and spaces.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

from bench import truth as T

_ABBREV = [(r"\bProv\.\s*", "Provinsi "), (r"\bJabar\b", "Jawa Barat"), (r"\bSetda\b", "Sekretariat Daerah")]


def listed() -> list[tuple[Path, str, int]]:
    """(pdf, satker, year) from ../shared/real-lkip/README.md's table."""
    folder = T.SHARED / "real-lkip"
    out = []
    for line in (folder / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[0].endswith(".pdf") and (folder / cells[0]).exists() and cells[2].isdigit():
            out.append((folder / cells[0], cells[1], int(cells[2])))
    return out


def _norm(name: str) -> str:
    for pattern, full in _ABBREV:
        name = re.sub(pattern, full, name)
    name = re.sub(r"\(.*?\)", " ", name)
    return " ".join(name.lower().split())


def same(got: str | None, want: str) -> bool:
    if not got:
        return False
    a, b = _norm(got), _norm(want)
    return a == b or a in b or b in a or a.replace(" ", "") == b.replace(" ", "")


def run(only: str | None = None) -> list[dict[str, object]]:
    import extract

    rows: list[dict[str, object]] = []
    for pdf, satker, year in listed():
        if only and only not in pdf.name:
            continue
        start = time.perf_counter()
        doc = extract.read_document(pdf)
        kinds = Counter(t.kind for t in doc.tables if t.rows)
        rows.append(
            {
                "name": pdf.name,
                "satker": doc.metadata.satker,
                "satker_ok": same(doc.metadata.satker, satker),
                "want": satker,
                "year": doc.metadata.year,
                "year_ok": doc.metadata.year == year,
                "kinds": kinds,
                "rows": len(doc.rows()),
                "seconds": time.perf_counter() - start,
            }
        )
    return rows


def report(rows: list[dict[str, object]]) -> None:
    print("\n## Every real LKIP PDF: identity and tables found\n")
    print(f"{'document':38s}{'satker':>7s}{'year':>6s}{'rows':>6s}  tables with rows (kind: n)          satker read")
    for r in rows:
        kinds = r["kinds"]
        assert isinstance(kinds, Counter)
        found = ", ".join(f"{k}: {n}" for k, n in sorted(kinds.items())) or "-"
        mark = "✓" if r["satker_ok"] else "✗"
        ymark = "✓" if r["year_ok"] else f"✗ {r['year']}"
        print(f"{str(r['name'])[:37]:38s}{mark:>7s}{ymark:>6s}{r['rows']:6d}  {found:36s} {r['satker']}")
    ok = sum(1 for r in rows if r["satker_ok"])
    yok = sum(1 for r in rows if r["year_ok"])
    meas = sum(1 for r in rows if isinstance(r["kinds"], Counter) and r["kinds"].get("pengukuran"))
    print(f"satker right {ok}/{len(rows)}, year right {yok}/{len(rows)}, a Pengukuran table with rows in {meas}/{len(rows)}")
