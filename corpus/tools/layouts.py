"""Performance tables drawn the way real producers draw them, layout features picked at random:
HTML printed by Chromium, the same HTML converted by LibreOffice (Writer), and fpdf2.

    python -m corpus.tools.layouts OUT_DIR [--seed N] [--count N]

Every table is drawn with, at random: rules full / horizontal only / booktabs / none / zebra
shading; a `No` column; a Sasaran column merged down its rows, or Sasaran group rows across the
table; a 1- or 2-level header (`Tahun 2016` over Target and Realisasi); Satuan and Kategori
columns; a narrow name column (names wrapping over 3-5 lines); portrait or landscape; small or
large fonts (tables running over page breaks, header repeated). The rows are the seeds' own, so
what lakip reads back can be compared with what was drawn (`truth` beside each PDF).
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

RULES = ("full", "horizontal", "booktabs", "none", "zebra")
PRODUCERS = ("chromium", "libreoffice")


@dataclass(frozen=True)
class Layout:
    rules: str
    number: bool  # a No column
    sasaran: str  # "merged" (a column merged down), "rows" (group rows across), "none"
    two_level: bool  # `Tahun 2016` over Target | Realisasi
    satuan: bool
    kategori: bool
    name_width: int  # percent of the table's width for the indicator column
    font_pt: float
    landscape: bool


@dataclass(frozen=True)
class TableRow:
    sasaran: str
    indicator: str
    satuan: str
    target: str
    realisasi: str
    capaian: str
    kategori: str


def random_layout(rng: random.Random) -> Layout:
    return Layout(
        rules=rng.choice(RULES),
        number=rng.random() < 0.7,
        sasaran=rng.choice(("merged", "rows", "none")),
        two_level=rng.random() < 0.5,
        satuan=rng.random() < 0.5,
        kategori=rng.random() < 0.4,
        name_width=rng.choice((22, 30, 40, 50)),
        font_pt=rng.choice((8.0, 9.0, 10.0, 11.0)),
        landscape=rng.random() < 0.25,
    )


def seed_rows() -> list[TableRow]:
    """The Pengukuran rows of the Muaro Jambi seed, with the Sasaran each falls under."""
    import extract

    root = Path(__file__).resolve().parents[2]
    doc = extract.read_document(root / "corpus" / "documents" / "muaro_jambi_2024.txt")
    out = []
    names: dict[str, str] = {}
    for r in doc.rows("pengukuran"):
        raw = r.section.split(" › ")[0] if r.section else ""
        # the seed's group labels were OCR'd (`ran 1. Mewujudkan …`): drawn as a report prints them
        text = re.sub(r"^(?:Sasa)?ran\s*\d+\.?\s*", "", raw).strip() or "Meningkatnya kinerja"
        sasaran = names.setdefault(raw, f"Sasaran {len(names) + 1}. {text}")
        unit = "%" if r.target and r.target.kind == "percent" else ("Nilai" if r.target and r.target.kind == "grade" else "Persen")
        cat = "Berhasil" if r.capaian and r.capaian.number and r.capaian.number >= 100 else "Cukup Berhasil"
        out.append(TableRow(sasaran, r.indicator, unit, r.target.raw if r.target else "", r.realisasi.raw if r.realisasi else "",
                            r.capaian.raw if r.capaian else "", cat))  # fmt: skip
    return out


def _css(lay: Layout) -> str:
    border = {
        "full": "td, th { border: 0.6pt solid #000; }",
        "horizontal": "td, th { border-top: 0.6pt solid #000; border-bottom: 0.6pt solid #000; }",
        "booktabs": "table { border-top: 1.2pt solid #000; border-bottom: 1.2pt solid #000; }"
        " thead tr:last-child th { border-bottom: 0.8pt solid #000; }",
        "none": "",
        "zebra": "tbody tr:nth-child(even) td { background: #e4ecf7; } thead th { background: #c9d7ee; }",
    }[lay.rules]
    page = "A4 landscape" if lay.landscape else "A4"
    return (
        f"@page {{ size: {page}; margin: 2cm; }} body {{ font-family: 'DejaVu Sans', sans-serif; font-size: {lay.font_pt}pt; }}"
        "table { border-collapse: collapse; width: 100%; margin: 8pt 0; }"
        " td, th { padding: 2pt 4pt; vertical-align: top; text-align: left; }"
        "thead { display: table-header-group; } tr { page-break-inside: avoid; }" + border
    )


def _header(lay: Layout) -> str:
    first, second = [], []
    span2 = ' rowspan="2"' if lay.two_level else ""
    if lay.number:
        first.append(f"<th{span2}>No</th>")
    if lay.sasaran == "merged":
        first.append(f"<th{span2}>Sasaran Strategis</th>")
    first.append(f'<th{span2} style="width:{lay.name_width}%">Indikator Kinerja</th>')
    if lay.satuan:
        first.append(f"<th{span2}>Satuan</th>")
    if lay.two_level:
        first.append('<th colspan="2">Tahun 2024</th>')
        second += ["<th>Target</th>", "<th>Realisasi</th>"]
    else:
        first += ["<th>Target</th>", "<th>Realisasi</th>"]
    first.append(f"<th{span2}>Capaian (%)</th>")
    if lay.kategori:
        first.append(f"<th{span2}>Kategori</th>")
    rows = "<tr>" + "".join(first) + "</tr>"
    if second:
        rows += "<tr>" + "".join(second) + "</tr>"
    return f"<thead>{rows}</thead>"


def _width(lay: Layout) -> int:
    return 4 + lay.number + (lay.sasaran == "merged") + lay.satuan + lay.kategori


def table_html(rows: list[TableRow], lay: Layout) -> str:
    e = html.escape
    body: list[str] = []
    groups: list[list[TableRow]] = []
    for r in rows:
        if groups and groups[-1][0].sasaran == r.sasaran:
            groups[-1].append(r)
        else:
            groups.append([r])
    n = 0
    for group in groups:
        if lay.sasaran == "rows":
            body.append(f'<tr><td colspan="{_width(lay)}"><b>{e(group[0].sasaran)}</b></td></tr>')
        for k, r in enumerate(group):
            n += 1
            cells = []
            if lay.number:
                cells.append(f"<td>{n}</td>")
            if lay.sasaran == "merged" and k == 0:
                cells.append(f'<td rowspan="{len(group)}">{e(r.sasaran)}</td>')
            cells.append(f"<td>{e(r.indicator)}</td>")
            if lay.satuan:
                cells.append(f"<td>{e(r.satuan)}</td>")
            cells += [f"<td>{e(r.target)}</td>", f"<td>{e(r.realisasi)}</td>", f"<td>{e(r.capaian)}</td>"]
            if lay.kategori:
                cells.append(f"<td>{e(r.kategori)}</td>")
            body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table>{_header(lay)}<tbody>{''.join(body)}</tbody></table>"


def document_html(rows: list[TableRow], lay: Layout) -> str:
    prose = (
        "<p>Laporan Kinerja Komisi Pemilihan Umum Kabupaten Muaro Jambi Tahun 2024 ini disusun sebagai wujud "
        "pertanggungjawaban atas pelaksanaan tugas dan fungsi selama satu tahun anggaran.</p>"
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{_css(lay)}</style></head><body>"
        f"<h3>LAPORAN KINERJA KPU KABUPATEN MUARO JAMBI TAHUN 2024</h3>{prose}"
        f"<p>Tabel 3.1 Pengukuran Kinerja Tahun 2024</p>{table_html(rows, lay)}{prose}</body></html>"
    )


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def render(html_text: str, dest: Path, producer: str) -> Path:
    """The HTML as a PDF drawn by `producer`: Chromium's print, or LibreOffice Writer's export."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "table.html"
        src.write_text(html_text, encoding="utf-8")
        if producer == "chromium":
            exe = chromium()
            if exe is None:
                raise FileNotFoundError("chromium is not installed (make browser)")
            cmd = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                   f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer", f"--print-to-pdf={dest}", src.as_uri()]  # fmt: skip
            subprocess.run(cmd, check=True, capture_output=True, timeout=120)
        else:
            exe = soffice()
            if exe is None:
                raise FileNotFoundError("LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
            cmd = [
                exe,
                f"-env:UserInstallation=file://{tmp}/lo",
                "--headless",
                "--convert-to",
                "pdf:writer_web_pdf_Export",
                "--outdir",
                tmp,
                str(src),
            ]
            subprocess.run(cmd, check=True, capture_output=True, timeout=180)
            shutil.move(str(Path(tmp) / "table.pdf"), dest)
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=6)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    rows = seed_rows()
    for k in range(args.count):
        lay = random_layout(rng)
        producer = PRODUCERS[k % len(PRODUCERS)] if soffice() else "chromium"
        pdf = render(document_html(rows, lay), args.out / f"layout_{k:02d}_{producer}.pdf", producer)
        truth = {"layout": asdict(lay), "producer": producer, "rows": [asdict(r) for r in rows]}
        pdf.with_suffix(".json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
        print(pdf, lay)


if __name__ == "__main__":
    main()
