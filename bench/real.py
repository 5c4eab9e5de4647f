"""`make eval-real`: lakip on documents nobody here wrote, against their truth.

Reads `../shared/real-lkip/` (against our goldens in `corpus/real/lkip/`), `../shared/dev-pdfs/`
(truth beside each PDF) and the real text excerpts (`corpus/real/excerpts/`). Prints per document:
tables and rows found, rows exact and right against the truth, satker and year (✓ when they agree
with the truth), and for PDFs the time over the pypdfium2 text floor. `--misses` lists, per
document, the truth rows lakip did not get exactly and the rows it read that pair with none.
Where `../shared` is absent it says so and exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from bench import truth as T


def _floor(path: Path) -> float:
    import pypdfium2 as pdfium

    start = time.perf_counter()
    doc = pdfium.PdfDocument(str(path))
    for i in range(len(doc)):
        doc[i].get_textpage().get_text_range()
    doc.close()
    return time.perf_counter() - start


def _same(a: str | None, b: str | None, aliases: tuple[str, ...] = ()) -> bool:
    from extract.values import clean

    if not a or not b:
        return False
    got = clean(a).lower()
    # `Komisi Pemilihan Umum (KPU RI)`: the name, or what the parentheses say
    names = [b, *aliases, re.sub(r"\s*\(.*?\)", "", b), *re.findall(r"\((.*?)\)", b)]
    return any(got == clean(x).lower() for x in names)


def evaluate(t: T.Truth, misses: bool) -> dict[str, object]:
    import extract

    start = time.perf_counter()
    try:
        doc = extract.read_document(t.input)
    except extract.LakipError as e:
        return {"name": t.name, "error": e.reason}
    seconds = time.perf_counter() - start
    got = T.rows_of(doc)
    exact = T.exact(t.rows, got)
    missed, spurious = T.pair_right(t.rows, got)
    out: dict[str, object] = {
        "name": t.name,
        "tables": sum(1 for tb in doc.tables if tb.kind != "other"),
        "rows": len(got),
        "truth": len(t.rows),
        "exact": exact,
        "right": len(t.rows) - len(missed),
        "spurious": len(spurious),
        "satker": doc.metadata.satker,
        # a truth that says the excerpt names no satker (`(unit kerja … not named)`) is not scored
        "satker_ok": _same(doc.metadata.satker, t.satker, t.satker_aliases) if t.satker and not t.satker.startswith("(") else None,
        "year": doc.metadata.year,
        "year_ok": doc.metadata.year == t.year if t.year else None,
        "seconds": seconds,
        "floor": _floor(t.input) if doc.input_kind in ("pdf", "scan") else None,
    }
    if misses:
        not_exact = list(t.rows)
        for r in got:
            if r in not_exact:
                not_exact.remove(r)
        out["missed"], out["spurious_rows"] = not_exact, spurious
    return out


def _mark(ok: object) -> str:
    return "" if ok is None else (" ✓" if ok else " ✗")


def report(title: str, results: list[dict[str, object]], misses: bool) -> tuple[int, int, int]:
    print(f"\n## {title}\n")
    print(f"{'document':44} {'tables':>6} {'rows':>5} {'exact':>11} {'right':>6} {'spur':>5} {'× floor':>8}  satker / year")
    tot = [0, 0, 0]
    for r in results:
        if "error" in r:
            print(f"{r['name'][:44]:44} error: {r['error']}")
            continue
        n, ex, ri = int(r["truth"]), int(r["exact"]), int(r["right"])  # type: ignore[call-overload]
        tot = [tot[0] + n, tot[1] + ex, tot[2] + ri]
        ratio = f"{float(r['seconds']) / float(r['floor']):.1f}" if r.get("floor") else "-"  # type: ignore[arg-type]
        who = f"{r['satker'] or '(satker?)'}{_mark(r['satker_ok'])} / {r['year']}{_mark(r['year_ok'])}"
        print(f"{r['name'][:44]:44} {r['tables']:>6} {r['rows']:>5} {ex:>5}/{n:<5} {ri:>6} {r['spurious']:>5} {ratio:>8}  {who}")
    n, ex, ri = tot
    print(f"{'all':44} {'':>6} {'':>5} {ex:>5}/{n:<5} {ri:>6}   exact {ex / max(1, n):.3f}, right {ri / max(1, n):.3f}")
    if misses:
        for r in results:
            for label, key in (("missed (not exact)", "missed"), ("read, pairing with none", "spurious_rows")):
                rows = r.get(key) or []
                if rows:
                    print(f"\n{r['name']}: {label}")
                    for row in rows:  # type: ignore[attr-defined]
                        print("   ", row)
    return n, ex, ri


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="list the rows missed and the spurious rows")
    ap.add_argument("--only", help="documents whose name contains this")
    ap.add_argument("--set", choices=("real", "dev", "excerpts", "exports", "survey"), action="append", help="which sets (default: all)")
    args = ap.parse_args(argv)
    sets = args.set or ["real", "dev", "excerpts", "exports", "survey"]
    if not T.SHARED.exists():
        print(f"eval-real: {T.SHARED} is absent; nothing to measure (the real documents are not in the repository)")
        return 0
    loaders = {
        "real": ("Real LKIP PDFs (our goldens)", T.real_pdfs),
        "dev": ("dev-pdfs", T.dev_pdfs),
        "excerpts": ("Real text excerpts", T.excerpts),
    }
    for key in sets:
        if key == "exports":  # issue 13: the PDFs' text exports (bench/exports.py)
            from bench import exports

            exports.report(exports.run(args.only))
            continue
        if key == "survey":  # every real PDF, golden or not: satker, year, tables found (bench/survey.py)
            from bench import survey

            survey.report(survey.run(args.only))
            continue
        title, load = loaders[key]
        truths = [t for t in load() if not args.only or args.only in t.name]
        if truths:
            report(title, [evaluate(t, args.misses) for t in truths], args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
