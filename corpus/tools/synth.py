"""Synthetic national corpus: the two real seed reports re-issued for other satker, with other
figures, clearly marked SINTETIS in their title, text and file name.

    python -m corpus.tools.synth OUT_DIR --reports 550 [--pdf 40] [--seed 7]

Each synthetic report takes one seed's text, swaps the satker (a real kabupaten/kota from
the gazetteer, so the audit's foreign-satker check sees the seed's leftovers as foreign),
perturbs every table figure, and is written as tab-separated text or Markdown;
`--pdf N` renders N of them to PDF, `--scans M` turns M of those into scanned copies.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from corpus.tools.render_pdf import render, scan
from normalize.gazetteer import load_gazetteer

ROOT = Path(__file__).resolve().parents[2]
SEEDS = {
    "muaro_jambi": (ROOT / "corpus" / "documents" / "muaro_jambi_2024.txt", "Muaro Jambi", "Jambi"),
    "jember": (ROOT / "corpus" / "documents" / "jember_2024.txt", "Jember", "Jawa Timur"),
}
_PCT = re.compile(r"(?<![\d.,])(\d{2,3}),(\d{1,2})%")


def _perturb(line: str, rng: random.Random) -> str:
    """New figures in table cells: same shape (decimal comma, % sign), other values."""
    if "\t" not in line:
        return line

    def pct(m: re.Match[str]) -> str:
        value = min(100.0, max(50.0, float(f"{m.group(1)}.{m.group(2)}") + rng.uniform(-4, 4)))
        return f"{value:.{len(m.group(2))}f}".replace(".", ",") + "%"

    return _PCT.sub(pct, line)


def synthesize(seed: str, region_name: str, level: str, province: str, rng: random.Random) -> str:
    path, own, own_province = SEEDS[seed]
    text = path.read_text(encoding="utf-8")
    kind = "Kota" if level == "kota" else "Kabupaten"
    text = re.sub(rf"\b(Kabupaten|KABUPATEN)\s+{re.escape(own)}\b", f"{kind} {region_name}", text, flags=re.I)
    text = re.sub(rf"\b{re.escape(own)}\b", region_name, text)
    text = text.replace(f"Provinsi {own_province}", f"Provinsi {province}")
    lines = [_perturb(line, rng) for line in text.split("\n")]
    title = next(i for i, line in enumerate(lines) if line.strip())
    lines[title] = lines[title] + " (SINTETIS — data uji lakip, bukan laporan resmi)"
    return "\n".join(lines)


def _markdown(text: str) -> str:
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            out.append("| " + " | ".join(c.strip() for c in line.split("\t")) + " |")
        else:
            out.append(line)
    return "\n".join(out)


def generate(out: Path, reports: int, pdfs: int = 0, seed: int = 7, scans: int = 0) -> list[Path]:
    """`pdfs` of the reports become born-digital PDFs, the first `scans` of those scanned copies."""
    rng = random.Random(seed)
    regions = [r for r in load_gazetteer().regions if r.level != "provinsi" and r.name not in ("Muaro Jambi", "Jember")]
    rng.shuffle(regions)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for n in range(reports):
        region = regions[n % len(regions)]
        seed_name = "muaro_jambi" if n % 2 == 0 else "jember"
        text = synthesize(seed_name, region.name, region.level, region.province, rng)
        slug = re.sub(r"\W+", "_", region.name.lower())
        stem = f"sintetis_{n:04d}_{region.level}_{slug}"
        shape = n % 10
        if n < pdfs:
            src = out / f"{stem}.txt.tmp"
            src.write_text(text, encoding="utf-8")
            pdf = render(src, out / f"{stem}.pdf")
            src.unlink()
            if n < scans:
                scanned = scan(pdf, out / f"{stem}_pindaian.pdf", seed=n)
                pdf.unlink()
                pdf = scanned
            written.append(pdf)
            continue
        if shape == 9:
            path = out / f"{stem}.md"
            path.write_text(_markdown(text), encoding="utf-8")
        else:
            path = out / f"{stem}.txt"
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--reports", type=int, default=550)
    ap.add_argument("--pdf", type=int, default=0)
    ap.add_argument("--scans", type=int, default=0)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    files = generate(a.out, a.reports, a.pdf, a.seed, a.scans)
    print(f"wrote {len(files)} synthetic reports to {a.out}")


if __name__ == "__main__":
    main()
