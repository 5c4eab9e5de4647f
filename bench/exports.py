"""`python -m bench.real --set exports`: the same text as a user has it out of a PDF (issue 13).

Every PDF of `../shared/dev-pdfs/` and every real LKIP PDF with a golden (`corpus/real/lkip/`) is
exported to text the ways users export it, each export is read by `extract.read_document` and
scored against the same truth rows as the PDF (the PDF's own score shown beside, for reference):

- `pdftotext`: poppler's default (raw reading-order) text, pages split by form feeds;
- `pdftotext-layout`: `pdftotext -layout`, columns kept with spaces;
- `pdfium`: pypdfium2's `get_text_range()` of each page (copy-paste out of a viewer), pages
  joined by form feeds;

and web-transcript variants of the pypdfium2 text, each changing one thing:

- `blank-lines`: a blank line between every line (document-sharing sites' paragraphs);
- `word-per-line`: one word per line — dev-pdfs only, it is extreme;
- `inline-headers`: pages joined by a newline instead of a form feed, so running headers and page
  footers stand inline inside the tables.

PDFs whose text layer is empty (scans) are skipped with a line saying so. Target (issue 13): rows
exact >= 0.90 on every export. Where `../shared` is absent it says so and exits 0.

    python -m bench.exports [--only NAME] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import truth as T

VARIANTS = ("pdftotext", "pdftotext-layout", "pdfium", "blank-lines", "word-per-line", "inline-headers")
DEV_ONLY = {"word-per-line"}
REFERENCE = "pdf"


@dataclass
class Score:
    document: str
    variant: str
    truth: int
    exact: int = 0
    right: int = 0
    spurious: int = 0
    rows: int = 0
    seconds: float = 0.0
    error: str | None = None


def pdfium_pages(pdf: Path) -> list[str]:
    """pypdfium2's text of each page, as a viewer's copy-paste gives it (`\\r\\n` line ends)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            out.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return out
    finally:
        doc.close()


def _lines(page: str) -> list[str]:
    return page.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def blank_lines(pages: list[str]) -> str:
    """A blank line between every line (empty lines dropped first, as a transcript's paragraphs)."""
    return "\f".join("\n\n".join(ln for ln in _lines(p) if ln.strip()) for p in pages)


def word_per_line(pages: list[str]) -> str:
    return "\f".join("\n".join(w for ln in _lines(p) for w in ln.split()) for p in pages)


def inline_headers(pages: list[str]) -> str:
    """Pages run together with a newline: page footers and running headers inside the tables."""
    return "\n".join("\n".join(_lines(p)) for p in pages)


TRANSCRIPTS: dict[str, Callable[[list[str]], str]] = {
    "blank-lines": blank_lines,
    "word-per-line": word_per_line,
    "inline-headers": inline_headers,
}


def pdftotext(pdf: Path, dest: Path, layout: bool) -> Path:
    cmd = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(pdf), str(dest)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    return dest


def make_exports(pdf: Path, folder: Path, dev: bool) -> dict[str, Path | str] | None:
    """The text exports of `pdf` in `folder`, by variant (the reason where one could not be made);
    None when the PDF has no text layer."""
    pages = pdfium_pages(pdf)
    if not any(p.strip() for p in pages):
        return None
    out: dict[str, Path | str] = {}
    if shutil.which("pdftotext"):
        for variant, layout in (("pdftotext", False), ("pdftotext-layout", True)):
            try:
                out[variant] = pdftotext(pdf, folder / f"{pdf.stem}.{variant}.txt", layout)
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as e:
                out[variant] = f"{variant} failed: {e}"
    texts = {"pdfium": "\f".join(pages)} | {k: f(pages) for k, f in TRANSCRIPTS.items() if dev or k not in DEV_ONLY}
    for variant, text in texts.items():
        path = folder / f"{pdf.stem}.{variant}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        out[variant] = path
    return out


def score(path: Path, t: T.Truth, variant: str) -> Score:
    import extract

    s = Score(t.name, variant, len(t.rows))
    start = time.perf_counter()
    try:
        doc = extract.read_document(path)
    except extract.LakipError as e:
        s.error = e.reason
        return s
    s.seconds = time.perf_counter() - start
    got = T.rows_of(doc)
    missed, spurious = T.pair_right(t.rows, got)
    s.exact, s.right, s.spurious, s.rows = T.exact(t.rows, got), len(t.rows) - len(missed), len(spurious), len(got)
    return s


def run(only: str | None = None, keep: Path | None = None, echo: bool = True) -> list[Score]:
    """Every PDF's reference score and its exports' scores; prints progress to stderr."""
    todo = [(t, True) for t in T.dev_pdfs()] + [(t, False) for t in T.real_pdfs()]
    todo = [(t, dev) for t, dev in todo if not only or only in t.name]
    if not shutil.which("pdftotext"):
        print("exports: pdftotext is not installed (apt-get install poppler-utils); its two exports are left out", file=sys.stderr)
    results: list[Score] = []
    with tempfile.TemporaryDirectory(prefix="lakip-exports-") as tmp:
        folder = keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for t, dev in todo:
            made = make_exports(t.input, folder, dev)
            if made is None:
                results.append(Score(t.name, REFERENCE, len(t.rows), error="skipped: the text layer is empty (a scan)"))
                continue
            for variant, path in [(REFERENCE, t.input), *made.items()]:
                s = score(path, t, variant) if isinstance(path, Path) else Score(t.name, variant, len(t.rows), error=path)
                if echo:
                    print(f"  {t.name} {variant}: {s.exact}/{s.truth} exact ({s.seconds:.1f} s)", file=sys.stderr, flush=True)
                results.append(s)
    return results


def report(results: list[Score]) -> None:
    print("\n## Text exports of the PDFs (issue 13: rows exact >= 0.90 on each)\n")
    print(f"{'document':40} {'variant':17} {'exact':>11} {'right':>6} {'spur':>5} {'rows':>5} {'s':>6}  pdf exact")
    pdf_exact = {s.document: s.exact for s in results if s.variant == REFERENCE and s.error is None}
    for s in results:
        if s.error is not None:
            print(f"{s.document[:40]:40} {s.variant:17} {s.error}")
            continue
        ref = "" if s.variant == REFERENCE else f"{pdf_exact.get(s.document, 0):>5}/{s.truth:<5}"
        scores = f"{s.exact:>5}/{s.truth:<5} {s.right:>6} {s.spurious:>5} {s.rows:>5}"
        print(f"{s.document[:40]:40} {s.variant:17} {scores} {s.seconds:>6.1f}  {ref}")
    print(f"\n{'total per variant':58} {'exact':>11} {'right':>6} {'spur':>5}   exact   right  docs")
    scored = [s for s in results if s.error is None]
    for variant in (REFERENCE, *VARIANTS):
        part = [s for s in scored if s.variant == variant]
        if part:
            _total(variant, part)
    exports = [s for s in scored if s.variant != REFERENCE]
    if exports:
        _total("all exports", exports)


def _total(label: str, part: list[Score]) -> None:
    n, ex, ri, sp = (sum(getattr(s, k) for s in part) for k in ("truth", "exact", "right", "spurious"))
    mark = "" if label == REFERENCE else ("  ✓" if ex >= 0.9 * n else "  ✗ (< 0.90)")
    print(f"{label:58} {ex:>5}/{n:<5} {ri:>6} {sp:>5}   {ex / max(1, n):.3f}   {ri / max(1, n):.3f}  {len(part):>4}{mark}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--only", help="documents whose name contains this")
    ap.add_argument("--keep", type=Path, help="write the exports into this folder and keep them")
    args = ap.parse_args(argv)
    if not T.SHARED.exists():
        print(f"exports: {T.SHARED} is absent; nothing to measure (the real documents are not in the repository)")
        return 0
    report(run(args.only, args.keep))
    return 0


if __name__ == "__main__":
    sys.exit(main())
