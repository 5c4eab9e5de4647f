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


def _loose(a: str, b: str) -> bool:
    return a == b or a in b or b in a or a.replace(" ", "") == b.replace(" ", "")


def _spells(abbr: str, words: list[str]) -> int:
    """How many of `words` (from the first) `abbr` spells, each word giving it a prefix of one
    letter or more (`bpbd`: badan penanggulangan bencana daerah; `kesbangpol`: kesatuan bangsa
    dan politik; `kumkm`: koperasi dan umkm), joiners skipped; 0 when it spells none."""
    if not abbr:
        return 0
    for k, w in enumerate(words):
        if w in ("dan", "serta") and k == 0:
            continue
        if k and words[k - 1] not in ("dan", "serta"):
            return 0
        for n in range(min(len(w), len(abbr)), 0, -1):
            if abbr[:n] == w[:n]:
                if n == len(abbr):
                    return k + 1
                rest = _spells(abbr[n:], words[k + 1 :])
                if rest:
                    return k + 1 + rest
        return 0
    return 0


def _expanded(short: str, full: str) -> str:
    """`short` with each of its words that abbreviates a run of `full`'s words written out."""
    fw, out = full.split(), []
    for w in short.split():
        for i in range(len(fw)):
            n = _spells(w, fw[i:]) if len(w) >= 3 and w not in fw else 0
            if n >= 2:
                out.extend(fw[i : i + n])
                break
        else:
            out.append(w)
    return " ".join(out)


def same(got: str | None, want: str, aliases: tuple[str, ...] = ()) -> bool:
    """`got` names the satker of the README's `want` (or of the golden's aliases): loosely, or
    once the acronyms of either are written out from the other's words (`BPBD`, `Kesbangpol`)."""
    if not got:
        return False
    a = _norm(got).replace(" setda ", " ").replace(" sekretariat daerah ", " ")
    for name in (want, *aliases):
        b = _norm(name).replace(" setda ", " ").replace(" sekretariat daerah ", " ")
        if _loose(a, b) or _loose(_expanded(a, b), b) or _loose(a, _expanded(b, a)):
            return True
    return False


def run(only: str | None = None) -> list[dict[str, object]]:
    import extract

    golden = {t.input.name: (t.satker, *t.satker_aliases) for t in T.real_pdfs() if t.satker}
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
                "satker_ok": same(doc.metadata.satker, satker, golden.get(pdf.name, ())),
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
