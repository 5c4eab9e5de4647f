"""Render a text report (tab-separated cells, like the seeds) to a born-digital PDF with ruled
tables, so the PDF reader can be checked against the text reader on the same content.

    python -m corpus.tools.render_pdf corpus/documents/muaro_jambi_2024.txt out.pdf [unruled]
    python -m corpus.tools.render_pdf --samples out/pdf corpus/documents/*.txt   # all layouts + scans

Tables repeat their header row on every page they cross (as Word does); each run of blank
lines the text export left for a page break becomes a new page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # Debian fonts-dejavu-core (installed by `make browser`)
FONT_BOLD = FONT.with_name("DejaVuSans-Bold.ttf")


def _blocks(text: str) -> list[tuple[str, list[list[str]] | str]]:
    """('table', rows) for runs of tab lines, ('para', text), ('break', '') for page breaks.

    A run of three blank lines is a page break; inside a table any blank line is (the
    exports drop the page furniture there), so a table continues on a new page."""
    out: list[tuple[str, list[list[str]] | str]] = []
    rows: list[list[str]] = []
    blank = 0
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            blank += 1
            continue
        tab = "\t" in line
        if rows and (blank or not tab):
            out.append(("table", rows))
            rows = []
            if blank and tab:
                out.append(("break", ""))
        if blank >= 3 and out and out[-1][0] != "break":
            out.append(("break", ""))
        blank = 0
        if tab:
            rows.append(line.split("\t"))
        else:
            out.append(("para", line.strip()))
    if rows:
        out.append(("table", rows))
    return out


LAYOUTS = ("ruled", "unruled")


def render(src: Path, dest: Path, header_note: str | None = None, layout: str = "ruled") -> Path:
    """`ruled`: every cell boxed (Word's default table style); `unruled`: no lines at all,
    the columns only in the text's alignment."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout {layout!r}: one of {LAYOUTS}")
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    if header_note:
        pdf.multi_cell(0, 5, header_note)
    # A table that goes on after a page break keeps its columns, as in Word, even with the
    # page's running header/footer lines (short paragraphs) between its parts.
    last_weights: list[float] = []
    broke, only_furniture = False, True
    for kind, body in _blocks(src.read_text(encoding="utf-8")):
        continues = broke and only_furniture
        if kind == "break":
            broke = True
        elif kind == "para":
            only_furniture = only_furniture and len(str(body)) <= 60
        if kind == "break":
            pdf.add_page()
        elif kind == "para":
            pdf.multi_cell(0, 4.5, str(body))
            pdf.ln(1)
        else:
            rows = [list(r) for r in body]  # type: ignore[union-attr]
            width = max(len(r) for r in rows)
            rows = [[c.strip() for c in r] + [""] * (width - len(r)) for r in rows]
            longest = [max(len(r[c]) for r in rows) for c in range(width)]
            # wide enough for `Realisasi`/`1 Laporan` at 7 pt, long texts get more but not all of it
            weights = [min(max(n, 14), 70) ** 0.8 for n in longest]
            if continues and len(last_weights) == width:
                weights = last_weights
            last_weights, broke, only_furniture = weights, False, True
            pdf.set_font("DejaVu", size=7)
            with pdf.table(
                col_widths=tuple(weights), first_row_as_headings=False, line_height=3.6,
                text_align="LEFT", borders_layout="ALL" if layout == "ruled" else "NONE", v_align="TOP",
            ) as table:  # fmt: skip
                for r in rows:
                    row = table.row()
                    for cell in r:
                        row.cell(cell)
            pdf.set_font("DejaVu", size=9)
            pdf.ln(2)
    pdf.output(str(dest))
    return dest


def scan(pdf: Path, dest: Path, dpi: int = 200, seed: int = 1) -> Path:
    """A scanned copy: each page rendered at `dpi`, turned 0.5-1 degree, speckled, saved as
    JPEG in a PDF with no text layer."""
    import io
    import random

    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rng = random.Random(seed)
    doc = pdfium.PdfDocument(str(pdf))
    out = FPDF(format="A4")
    try:
        for i in range(len(doc)):
            img = doc[i].render(scale=dpi / 72).to_pil().convert("L")
            angle = rng.choice((-1, 1)) * rng.uniform(0.5, 1.0)
            img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
            img = img.filter(ImageFilter.GaussianBlur(0.4))
            px = img.load()
            w, h = img.size
            for _ in range(w * h // 400):  # salt-and-pepper speckle, 0.25% of the pixels
                px[rng.randrange(w), rng.randrange(h)] = rng.choice((0, 255))
            buf = io.BytesIO()
            img.save(buf, format="JPEG", quality=70)
            out.add_page()
            out.image(buf, x=0, y=0, w=210, h=297)
    finally:
        doc.close()
    out.output(str(dest))
    return dest


def samples(out: Path, sources: list[Path]) -> list[Path]:
    """Every source in every layout: `<stem>_ruled.pdf`, `_unruled.pdf`, `_scanned.pdf`."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for src in sources:
        stem = src.name.split(".")[0]
        ruled = render(src, out / f"{stem}_ruled.pdf")
        made += [ruled, render(src, out / f"{stem}_unruled.pdf", layout="unruled"), scan(ruled, out / f"{stem}_scanned.pdf")]
    return made


if __name__ == "__main__":
    if sys.argv[1] == "--samples":  # python -m corpus.tools.render_pdf --samples OUT_DIR SEED...
        for made in samples(Path(sys.argv[2]), [Path(a) for a in sys.argv[3:]]):
            print(made)
    else:
        render(Path(sys.argv[1]), Path(sys.argv[2]), layout=sys.argv[3] if len(sys.argv) > 3 else "ruled")
