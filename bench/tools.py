"""`make bench-real`: lakip against pdfplumber and camelot on documents nobody here wrote.

The real LKIP PDFs we wrote goldens for (corpus/real/lkip) and `../shared/dev-pdfs/` are read by
each tool; the generic tools' cell grids go through lakip's own table finding and row assembly
(`bench.pdf._assemble`), so the comparison is about reading tables off the page. Each (tool,
file) runs in its own process (`python -m bench.pdf --one TOOL PDF`) so its time and peak RSS
are its own. Prints per document and tool the rows exact against the golden (kind, indicator and
the three values as printed), and for lakip its time over the floor: pypdfium2's text of every
page, which any reader of the file pays.

The scanned report (r03) is left out of the generic tools' runs: they read no text off an image,
and tesseract's searchable PDF of 195 rows' pages is `make bench`'s scanned layout already.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench import truth as T

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ("pypdfium2-text", "lakip", "pdfplumber", "camelot-lattice", "camelot-stream")
SCANNED = {"r03_dpsda-jabar_2016_scan.pdf"}


def _run(tool: str, pdf: Path, timeout: float) -> dict[str, object]:
    cmd = [sys.executable, "-m", "bench.pdf", "--one", tool, str(pdf)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"rows": [], "seconds": timeout, "rss_mb": 0.0, "error": f"timed out after {timeout:.0f} s"}
    out = dict(json.loads(done.stdout or "{}"))
    if not out:
        out = {"rows": [], "seconds": 0.0, "rss_mb": 0.0, "error": (done.stderr.strip().splitlines() or ["no output"])[-1][:120]}
    return out


def _rows(out: dict[str, object]) -> list[T.Row]:
    rows = out.get("rows", [])
    assert isinstance(rows, list)
    return [(str(k), T.norm(str(i)) or "", T.norm(t), T.norm(r), T.norm(c)) for k, i, t, r, c in rows]


def measure(t: T.Truth, tools: tuple[str, ...], timeout: float) -> dict[str, dict[str, object]]:
    results: dict[str, dict[str, object]] = {}
    for tool in tools:
        if t.input.name in SCANNED and tool not in ("lakip", "pypdfium2-text"):
            continue
        out = _run(tool, t.input, timeout)
        got = _rows(out)
        missed, extra = T.pair_right(t.rows, got)
        results[tool] = {
            "exact": T.exact(t.rows, got),
            "right": len(t.rows) - len(missed),
            "spurious": len(extra),
            "seconds": float(out.get("seconds", 0.0)),  # type: ignore[arg-type]
            "rss_mb": float(out.get("rss_mb", 0.0)),  # type: ignore[arg-type]
            "error": out.get("error"),
        }
    return results


def report(per_doc: list[tuple[T.Truth, dict[str, dict[str, object]]]], tools: tuple[str, ...]) -> None:
    shown = [x for x in tools if x != "pypdfium2-text"]
    print(f"{'document':38s}{'rows':>6s}" + "".join(f"{x:>17s}" for x in shown) + f"{'lakip × floor':>15s}{'lakip RSS MB':>14s}")
    totals = {x: [0, 0] for x in shown}
    lakip_secs = floor_secs = 0.0
    for t, res in per_doc:
        cells = []
        for x in shown:
            if x not in res:
                cells.append(f"{'-':>17s}")
                continue
            totals[x][0] += int(res[x]["exact"])  # type: ignore[call-overload]
            totals[x][1] += len(t.rows)
            mark = "!" if res[x]["error"] else ""
            cells.append(f"{res[x]['exact']:>11}/{len(t.rows):<4d}{mark:1s} ")
        floor = float(res.get("pypdfium2-text", {}).get("seconds", 0.0))  # type: ignore[arg-type]
        mine = float(res.get("lakip", {}).get("seconds", 0.0))  # type: ignore[arg-type]
        if t.input.name not in SCANNED:
            lakip_secs, floor_secs = lakip_secs + mine, floor_secs + floor
        ratio = f"{mine / floor:15.1f}" if floor else f"{'-':>15s}"
        rss = float(res.get("lakip", {}).get("rss_mb", 0.0))  # type: ignore[arg-type]
        print(f"{t.name[:37]:38s}{len(t.rows):6d}" + "".join(cells) + ratio + f"{rss:14.0f}")
    line = "".join(f"{(e / n if n else 0):>17.3f}" for e, n in totals.values())
    whole = f"{lakip_secs / floor_secs:15.1f}" if floor_secs else ""
    print(f"{'all (rows exact)':38s}{'':6s}" + line + whole + "   (born-digital files: lakip's seconds over the floor's)")
    for t, res in per_doc:
        for x, r in res.items():
            if r["error"]:
                print(f"  {t.name}: {x}: {r['error']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="documents whose name contains this")
    ap.add_argument("--tools", help="comma-separated, default all: " + ",".join(TOOLS))
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per tool and file")
    args = ap.parse_args(argv)
    if not T.SHARED.exists():
        print(f"bench-real: {T.SHARED} is absent; nothing to measure (the real documents are not in the repository)")
        return 0
    tools = tuple(args.tools.split(",")) if args.tools else TOOLS
    if "pypdfium2-text" not in tools:
        tools = ("pypdfium2-text", *tools)
    truths = [t for t in T.dev_pdfs() + T.real_pdfs() if not args.only or args.only in t.name]
    per_doc = []
    for t in truths:
        per_doc.append((t, measure(t, tools, args.timeout)))
        print(f"  measured {t.name}", file=sys.stderr, flush=True)
    report(per_doc, tools)
    return 0


if __name__ == "__main__":
    sys.exit(main())
