"""`make bench-ocr`: the OCR engines side by side on the same scanned pages (issue 14).

Pages: every page of `../shared/dev-pdfs/c_scanned.pdf`, ten table pages of the real 100-dpi
1-bit scan `../shared/real-lkip/r03_dpsda-jabar_2016_scan.pdf` (seven of them printed sideways),
and six table pages of each seed report rendered ruled and scanned (`corpus.tools.render_pdf.scan`:
200 dpi, turned, blurred, speckled, JPEG). Each page is rendered once, at the resolution lakip reads it,
and prepared once (lakip's deskew, turn, ruling erasure: `extract.readers.ocr.prepare`); then
every engine reads the same image, one page at a time in one thread, the OCR cache off.

Page-level figures, per variant:
- CPU s/page: this process's and its children's CPU (`getrusage`), so tesseract's own
  processes count; the preparation is its own column, paid only by the variants that read the
  prepared image. Wall s/page beside it (the machine is shared: CPU is the figure to compare).
- value recall: the numbers of the truth (`99,67%`, `1.234`, `0,17`) found among the numbers
  the engine read, as a multiset. The truth: the row values on that page (r03's golden), in the
  document (c_scanned's truth gives no pages), or every number on the page (the seeds: the
  born-digital pages the scan was made from).
- word recall: the same for words (punctuation at the ends stripped, case kept): the truth rows'
  indicators and values (r03, c_scanned), every word of the page (the seeds).
The truth rows of the seeds' pages: lakip's read of the born-digital pages (exact on ruled PDFs).

Then rows exact: lakip read with each engine it offers (`LAKIP_OCR_ENGINE`), the whole table
layer, in its own process, against the truth rows (r03: those on the ten pages, the pages cut
into a PDF of their own); and, where ocrmypdf runs, what a user without lakip would do: ocrmypdf
makes a searchable PDF, pdfplumber or camelot reads its tables, lakip's row assembly makes rows
(`bench.pdf._assemble`, as `make bench` does).

Prints the tables; `--json PATH` writes the figures there too. Says so and exits 0 where
`../shared` is absent (only the seeds are measured then).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import truth as T

ROOT = Path(__file__).resolve().parent.parent
C_SCANNED = T.SHARED / "dev-pdfs" / "c_scanned.pdf"
R03 = T.SHARED / "real-lkip" / "r03_dpsda-jabar_2016_scan.pdf"
R03_GOLDEN = T.GOLDENS / "r03_dpsda-jabar_2016_scan.golden.json"
#: one-page tables T1-T8 (six sideways, two with a white-on-black header) and the first two pages
#: of T12 (48 rows over four pages)
R03_PAGES = (24, 26, 27, 28, 29, 34, 39, 52, 100, 101)
SEED_PAGES = 6  # per seed
SEEDS = (ROOT / "corpus" / "documents" / "muaro_jambi_2024.txt", ROOT / "corpus" / "documents" / "jember_2024.txt")
LAKIP_ENGINES = ("tesseract", "tesserocr", "rapidocr")
EXTRACTORS = ("pdfplumber", "camelot-lattice", "camelot-stream")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")
_STRIP = ".,:;()[]\"'|“”‘’"


def cpu() -> float:
    """CPU seconds of this process and of the children it waited for (tesseract's processes)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


@contextmanager
def measured(into: list[float]) -> Iterator[None]:
    """Adds (CPU s, wall s) of the block to `into`."""
    c, w = cpu(), time.perf_counter()
    yield
    into[0] += cpu() - c
    into[1] += time.perf_counter() - w


def numbers(text: str) -> Counter[str]:
    return Counter(_NUMBER.findall(re.sub(r"(\d)\s+%", r"\1%", text)))


def words(text: str) -> Counter[str]:
    return Counter(w for w in (t.strip(_STRIP) for t in text.split()) if w)


def recall(truth: Counter[str], got: Counter[str]) -> tuple[int, int]:
    return sum(min(n, got[k]) for k, n in truth.items()), sum(truth.values())


@dataclass
class Page:
    set: str
    unit: str  # the truth it is scored with: its page, or its whole document
    image: Any
    dpi: float
    prepared: Any = None


@dataclass
class Unit:
    values: Counter[str]
    words: Counter[str]


@dataclass
class Doc:
    set: str
    pdf: Path
    rows: list[T.Row]
    pages: int
    numbers: tuple[int, ...] = ()  # the pages' numbers in the document they were cut from


@dataclass
class Figures:
    cpu: float = 0.0
    wall: float = 0.0
    pages: int = 0
    text: dict[str, list[str]] = field(default_factory=dict)  # unit -> texts read


def _row_text(rows: list[T.Row]) -> str:
    return " ".join(" ".join(v for v in r[1:] if v) for r in rows)


def _render(pdf: Path, indices: list[int]) -> list[tuple[Any, float]]:
    """The pages as lakip renders them for OCR: at the scan's own resolution (300 below 200 dpi)."""
    import pypdfium2 as pdfium

    from extract.readers.scan import _dpi, _render
    from extract.settings import ExtractSettings

    settings = ExtractSettings()
    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for i in indices:
            dpi = _dpi(doc[i], settings)
            out.append((_render(doc[i], dpi), dpi))
        return out
    finally:
        doc.close()


def _cut(pdf: Path, pages: tuple[int, ...], dest: Path) -> Path:
    import pypdfium2 as pdfium

    src, new = pdfium.PdfDocument(str(pdf)), pdfium.PdfDocument.new()
    new.import_pages(src, [p - 1 for p in pages])
    new.save(str(dest))
    return dest


def _r03_truth() -> list[tuple[int, T.Row]]:
    data = json.loads(R03_GOLDEN.read_text(encoding="utf-8"))
    recorded = T._recorded(data)
    return [
        (int(r["page"]), T._row(r))
        for r in data["rows"]
        if r.get("page") in R03_PAGES and (recorded is None or str(r.get("table")) in recorded) and r.get("table") != "other"
    ]


def collect(tmp: Path, sets: list[str]) -> tuple[list[Page], dict[str, Unit], list[Doc]]:
    """The pages, the truth of each unit, and the documents for rows exact."""
    pages: list[Page] = []
    units: dict[str, Unit] = {}
    docs: list[Doc] = []
    if "c_scanned" in sets and C_SCANNED.exists():
        t = T.load(C_SCANNED.with_suffix(".json"), C_SCANNED)
        text = _row_text(list(t.rows)) + " " + " ".join(r[1] for r in t.rows)
        units["c_scanned"] = Unit(numbers(_row_text(list(t.rows))), words(text))
        rendered = _render(C_SCANNED, list(range(_count(C_SCANNED))))
        pages += [Page("c_scanned", "c_scanned", img, dpi) for img, dpi in rendered]
        docs.append(Doc("c_scanned", C_SCANNED, list(t.rows), len(rendered)))
    if "r03" in sets and R03.exists() and R03_GOLDEN.exists():
        truth = _r03_truth()
        for p in R03_PAGES:
            rows = [r for q, r in truth if q == p]
            units[f"r03 p{p}"] = Unit(numbers(_row_text(rows)), words(_row_text(rows) + " " + " ".join(r[1] for r in rows)))
        rendered = _render(R03, [p - 1 for p in R03_PAGES])
        pages += [Page("r03", f"r03 p{p}", img, dpi) for p, (img, dpi) in zip(R03_PAGES, rendered, strict=True)]
        docs.append(Doc("r03", _cut(R03, R03_PAGES, tmp / "r03_pages.pdf"), [r for _, r in truth], len(R03_PAGES)))
    if "seeds" in sets:
        import extract
        from bench.pdf import _page_text_lines
        from corpus.tools.render_pdf import render, scan

        for seed in SEEDS:
            # the seeds' table pages (a whole seed is ~50 pages): those the born-digital rendering
            # has the most rows on; the truth is lakip's read of the born-digital pages, cut alike
            stem = seed.name.split(".")[0]
            ruled = render(seed, tmp / f"{stem}_ruled_all.pdf")
            per_page = Counter(r.source.page for r in extract.read_document(ruled).rows() if r.source.page)
            chosen = tuple(sorted(p for p, _ in per_page.most_common(SEED_PAGES)))
            cut = _cut(ruled, chosen, tmp / f"{stem}_ruled.pdf")
            scanned = scan(cut, tmp / f"{stem}_scanned.pdf")
            texts = _page_text_lines(cut)
            for k, (img, dpi) in enumerate(_render(scanned, list(range(len(texts))))):
                unit = f"{stem} p{chosen[k]}"
                units[unit] = Unit(numbers(" ".join(texts[k])), words(" ".join(texts[k])))
                pages.append(Page("seeds", unit, img, dpi))
            docs.append(Doc("seeds", scanned, T.rows_of(extract.read_document(cut)), len(texts), chosen))
    return pages, units, docs


def _count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def variants(binary: str) -> dict[str, tuple[bool, Callable[[Any, float], str]]]:
    """name -> (reads the prepared image, image and dpi -> the words read, as one text)."""
    from extract.readers import ocr
    from extract.settings import ExtractSettings

    def text(tsv: str) -> str:
        return " ".join(w.text for w in ocr._words(tsv, 1.0))

    cli = ExtractSettings(ocr_cache="")
    out: dict[str, tuple[bool, Callable[[Any, float], str]]] = {}
    if binary:
        out["tesseract CLI psm 6, prepared (lakip today)"] = (True, lambda img, dpi: text(ocr._tesseract_cli(img, dpi, binary, cli, 6)))
        out["tesseract CLI psm 3, prepared"] = (True, lambda img, dpi: text(ocr._tesseract_cli(img, dpi, binary, cli, 3)))
        out["tesseract CLI psm 3, raw image"] = (False, lambda img, dpi: text(ocr._tesseract_cli(img, dpi, binary, cli, 3)))
    if _importable("tesserocr"):
        out["tesserocr psm 6, prepared"] = (True, lambda img, dpi: text(ocr.tesserocr_tsv(img, dpi, cli, 6)))
        out["tesserocr psm 3, raw image"] = (False, lambda img, dpi: text(ocr.tesserocr_tsv(img, dpi, cli, 3)))
    if _importable("rapidocr"):
        out["rapidocr (lite), prepared"] = (True, lambda img, dpi: text(ocr.rapidocr_tsv(img, dpi, cli)))
        out["rapidocr (lite), raw image"] = (False, lambda img, dpi: text(ocr.rapidocr_tsv(img, dpi, cli)))
    return out


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def page_level(pages: list[Page], binary: str, only: str | None) -> dict[str, Figures]:
    from extract.readers import ocr
    from extract.settings import ExtractSettings

    prep = Figures()
    settings = ExtractSettings(ocr_cache="")
    for p in pages:
        t = [0.0, 0.0]
        with measured(t):
            p.prepared = ocr.prepare(p.image, p.dpi, binary, settings)[0]
        prep.cpu, prep.wall, prep.pages = prep.cpu + t[0], prep.wall + t[1], prep.pages + 1
    results: dict[str, Figures] = {"preparation (deskew, turn, rulings erased)": prep}
    for name, (prepared, read) in variants(binary).items():
        if only and only not in name:
            continue
        read(pages[0].prepared, pages[0].dpi)  # models loaded once per thread: not a page's cost
        f = Figures()
        for p in pages:
            t = [0.0, 0.0]
            with measured(t):
                got = read(p.prepared if prepared else p.image, p.dpi)
            f.cpu, f.wall, f.pages = f.cpu + t[0], f.wall + t[1], f.pages + 1
            f.text.setdefault(p.unit, []).append(got)
        results[name] = f
        print(f"  read {len(pages)} pages: {name}", file=sys.stderr, flush=True)
    return results


def _lakip(engine: str, pdf: Path) -> tuple[list[T.Row], float, float, str | None]:
    """lakip on the PDF with that engine, in its own process: rows, CPU s, wall s, error."""
    env = {**os.environ, "LAKIP_OCR_ENGINE": engine, "LAKIP_OCR_CACHE": ""}
    t = [0.0, 0.0]
    with measured(t):
        done = subprocess.run([sys.executable, "-m", "bench.ocr_engines", "--lakip", str(pdf)], capture_output=True, text=True,
                              cwd=ROOT, env=env, check=False)  # fmt: skip
    if done.returncode != 0:
        return [], t[0], t[1], (done.stderr.strip().splitlines() or ["failed"])[-1][:160]
    rows = [(str(k), T.norm(str(i)) or "", T.norm(a), T.norm(b), T.norm(c)) for k, i, a, b, c in json.loads(done.stdout)]
    return rows, t[0], t[1], None


def _ocrmypdf(pdf: Path, dest: Path) -> tuple[float, float, str | None]:
    """ocrmypdf as a user runs it on a scan (pages turned upright, deskewed, 2 jobs as lakip's 2
    workers): CPU s, wall s, error."""
    exe = shutil.which("ocrmypdf") or str(Path(sys.executable).with_name("ocrmypdf"))
    cmd = [
        exe,
        "--output-type",
        "pdf",
        "-l",
        "ind+eng",
        "--rotate-pages",
        "--deskew",
        "--jobs",
        "2",
        "--optimize",
        "0",
        str(pdf),
        str(dest),
    ]
    t = [0.0, 0.0]
    with measured(t):
        done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}, check=False)
    return t[0], t[1], None if done.returncode == 0 else (done.stderr.strip().splitlines() or ["failed"])[-1][:160]


def _extractor(tool: str, pdf: Path) -> tuple[list[T.Row], float, float, str | None]:
    t = [0.0, 0.0]
    with measured(t):
        done = subprocess.run([sys.executable, "-m", "bench.pdf", "--one", tool, str(pdf)], capture_output=True, text=True, cwd=ROOT,
                              check=False)  # fmt: skip
    out = json.loads(done.stdout or "{}")
    rows = [(str(k), T.norm(str(i)) or "", T.norm(a), T.norm(b), T.norm(c)) for k, i, a, b, c in out.get("rows", [])]
    return rows, t[0], t[1], out.get("error") or (None if done.stdout else "no output")


@dataclass
class RowFigures:
    exact: int = 0
    right: int = 0
    truth: int = 0
    spurious: int = 0
    cpu: float = 0.0
    wall: float = 0.0
    pages: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, doc: Doc, rows: list[T.Row], c: float, w: float, error: str | None) -> None:
        missed, extra = T.pair_right(doc.rows, rows)
        self.exact += T.exact(doc.rows, rows)
        self.right += len(doc.rows) - len(missed)
        self.truth += len(doc.rows)
        self.spurious += len(extra)
        self.cpu, self.wall, self.pages = self.cpu + c, self.wall + w, self.pages + doc.pages
        if error:
            self.errors.append(f"{doc.pdf.name}: {error}")


def rows_exact(docs: list[Doc], tmp: Path, engines: list[str], with_ocrmypdf: bool) -> dict[tuple[str, str], RowFigures]:
    out: dict[tuple[str, str], RowFigures] = {}
    for doc in docs:
        for engine in engines:
            out.setdefault((f"lakip, {engine}", doc.set), RowFigures()).add(doc, *_lakip(engine, doc.pdf))
            print(f"  lakip {engine}: {doc.pdf.name}", file=sys.stderr, flush=True)
        if not with_ocrmypdf:
            continue
        searchable = tmp / f"{doc.pdf.stem}_ocrmypdf.pdf"
        oc, ow, error = _ocrmypdf(doc.pdf, searchable)
        out.setdefault(("ocrmypdf (its OCR alone)", doc.set), RowFigures()).add(doc, [], oc, ow, error)
        for tool in EXTRACTORS:
            if error:
                out.setdefault((f"ocrmypdf + {tool}", doc.set), RowFigures()).add(doc, [], oc, ow, error)
                continue
            rows, c, w, err = _extractor(tool, searchable)
            out.setdefault((f"ocrmypdf + {tool}", doc.set), RowFigures()).add(doc, rows, oc + c, ow + w, err)
        print(f"  ocrmypdf: {doc.pdf.name}", file=sys.stderr, flush=True)
    return out


def ocrmypdf_pages(docs: list[Doc], tmp: Path, units: dict[str, Unit]) -> Figures | None:
    """ocrmypdf's text layer, page by page, scored like the engines (its CPU: the whole run's)."""
    from bench.pdf import _page_text_lines

    f = Figures()
    for doc in docs:
        searchable = tmp / f"{doc.pdf.stem}_ocrmypdf.pdf"
        if not searchable.exists():
            return None
        for k, lines in enumerate(_page_text_lines(searchable)):
            unit = _unit_of(doc, k, units)
            if unit:
                f.text.setdefault(unit, []).append(" ".join(lines))
        f.pages += doc.pages
    return f


def _unit_of(doc: Doc, k: int, units: dict[str, Unit]) -> str | None:
    if doc.set == "c_scanned":
        return "c_scanned"
    if doc.set == "r03":
        return f"r03 p{R03_PAGES[k]}"
    stem = doc.pdf.name.replace("_scanned.pdf", "")
    return f"{stem} p{doc.numbers[k]}" if k < len(doc.numbers) and f"{stem} p{doc.numbers[k]}" in units else None


def score(f: Figures, units: dict[str, Unit], set_of: dict[str, str], which: str | None) -> tuple[float, float]:
    """(value recall, word recall) over the units of one set (all sets where None)."""
    v = w = vn = wn = 0
    for unit, texts in f.text.items():
        if which and set_of[unit] != which:
            continue
        text = " ".join(texts)
        a, b = recall(units[unit].values, numbers(text))
        c, d = recall(units[unit].words, words(text))
        v, vn, w, wn = v + a, vn + b, w + c, wn + d
    return v / max(1, vn), w / max(1, wn)


def report(
    pages: list[Page], units: dict[str, Unit], results: dict[str, Figures], rows: dict[tuple[str, str], RowFigures], ocr_run: Figures | None
) -> dict[str, object]:
    set_of = {p.unit: p.set for p in pages}
    sets = sorted({p.set for p in pages})
    per_set = {s: sum(1 for p in pages if p.set == s) for s in sets}
    prep = results["preparation (deskew, turn, rulings erased)"]
    print(f"\npages: {', '.join(f'{s} {n}' for s, n in per_set.items())} ({len(pages)}); CPU and wall in s/page, one page at a time")
    head = "".join(f"{s + ' val':>14s}{s + ' word':>15s}" for s in sets)
    print(f"{'variant':46s}{'OCR CPU':>8s}{'+prep':>7s}{'wall':>7s}{'value':>7s}{'word':>7s}{head}")
    prep_cpu = prep.cpu / max(1, prep.pages)
    print(f"{'preparation (deskew, turn, rulings erased)':46s}{prep_cpu:8.2f}{'':>7s}{prep.wall / max(1, prep.pages):7.2f}")
    figures: dict[str, object] = {"date": time.strftime("%Y-%m-%d"), "pages": per_set, "preparation_cpu_s_per_page": prep_cpu}
    table: dict[str, object] = {}
    shown = {k: v for k, v in results.items() if k != "preparation (deskew, turn, rulings erased)"}
    if ocr_run is not None:
        shown["ocrmypdf (its own pipeline; CPU of the whole run)"] = ocr_run
    for name, f in shown.items():
        on_prepared = "prepared" in name
        c = f.cpu / max(1, f.pages)
        total = c + (prep_cpu if on_prepared else 0.0)
        value, word = score(f, units, set_of, None)
        cells = "".join(f"{score(f, units, set_of, s)[0]:14.3f}{score(f, units, set_of, s)[1]:15.3f}" for s in sets)
        print(f"{name:46s}{c:8.2f}{total:7.2f}{f.wall / max(1, f.pages):7.2f}{value:7.3f}{word:7.3f}{cells}")
        by_set = {s: dict(zip(("value_recall", "word_recall"), score(f, units, set_of, s), strict=True)) for s in sets}
        table[name] = {"ocr_cpu_s_per_page": c, "cpu_s_per_page_with_preparation": total, "wall_s_per_page": f.wall / max(1, f.pages),
                       "value_recall": value, "word_recall": word, "per_set": by_set}  # fmt: skip
    figures["page_level"] = table
    if rows:
        head = f"{'set':>10s}{'exact':>11s}{'right':>7s}{'spur':>6s}{'CPU s/p':>9s}{'wall s/p':>9s}"
        print(f"\n{'rows (whole pipeline, own process)':46s}{head}")
        row_table: dict[str, object] = {}
        for (tool, s), r in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            if tool == "ocrmypdf (its OCR alone)":  # its time is in the extractors' rows; its text is scored above
                continue
            print(f"{tool:46s}{s:>10s}{r.exact:>6d}/{r.truth:<4d}{r.right:7d}{r.spurious:6d}{r.cpu / max(1, r.pages):9.2f}"
                  f"{r.wall / max(1, r.pages):9.2f}")  # fmt: skip
            row_table[f"{tool} | {s}"] = {"exact": r.exact, "right": r.right, "truth": r.truth, "spurious": r.spurious,
                                          "cpu_s_per_page": r.cpu / max(1, r.pages), "wall_s_per_page": r.wall / max(1, r.pages),
                                          "errors": r.errors}  # fmt: skip
        for (tool, s), r in rows.items():
            for e in r.errors:
                print(f"  {tool}, {s}: {e}")
        figures["rows"] = row_table
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lakip", metavar="PDF", help=argparse.SUPPRESS)  # the child: lakip's rows as JSON
    ap.add_argument("--sets", default="c_scanned,r03,seeds", help="comma-separated: c_scanned, r03, seeds")
    ap.add_argument("--only", help="page-level variants whose name contains this")
    ap.add_argument("--no-rows", action="store_true", help="page-level figures only")
    ap.add_argument("--json", type=Path, help="also write the figures here (e.g. out/bench-ocr.json)")
    args = ap.parse_args(argv)
    if args.lakip:
        import extract

        print(json.dumps(T.rows_of(extract.read_document(Path(args.lakip)))))
        return 0
    binary = shutil.which("tesseract") or ""
    if not binary:
        print("bench-ocr: tesseract is not installed (make ocr); the page preparation's orientation check and the CLI need it")
        return 1
    if not T.SHARED.exists():
        print(f"bench-ocr: {T.SHARED} is absent: only the seeds' scans are measured")
    from extract.readers import ocr

    engines = [e for e in LAKIP_ENGINES if e == "tesseract" or _installed(ocr, e)]
    missing = [e for e in LAKIP_ENGINES if e not in engines]
    with tempfile.TemporaryDirectory(prefix="lakip-bench-ocr-") as tmp:
        pages, units, docs = collect(Path(tmp), args.sets.split(","))
        results = page_level(pages, binary, args.only)
        has_ocrmypdf = _importable("ocrmypdf")
        rows = {} if args.no_rows else rows_exact(docs, Path(tmp), engines, has_ocrmypdf)
        run = ocrmypdf_pages(docs, Path(tmp), units) if rows and has_ocrmypdf else None
        if run is not None:
            for (tool, _set), r in rows.items():
                if tool == "ocrmypdf (its OCR alone)":
                    run.cpu, run.wall = run.cpu + r.cpu, run.wall + r.wall
        figures = report(pages, units, results, rows, run)
    notes = [f"{e}: not installed ({ocr.RAPIDOCR_INSTALL if e == 'rapidocr' else ocr.TESSEROCR_INSTALL})" for e in missing]
    if not has_ocrmypdf:
        notes.append("ocrmypdf: not installed (pip install ocrmypdf): its columns are left out")
    for n in notes:
        print(f"  {n}")
    figures["notes"] = notes
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


def _installed(ocr: Any, engine: str) -> bool:
    try:
        ocr.require("bench", "ind+eng", engine)
    except Exception:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
