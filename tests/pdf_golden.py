"""PDF golden files: each seed rendered as a ruled, an unruled and a scanned PDF, read back,
and its rows diffed against the text export's. The differences are the golden file
(`<seed>.txt.pdf.expected.json`, beside the seed), so a review sees exactly which rows each
layout gets wrong, and any change shows up in the diff.

    python tests/pdf_golden.py --write     # rewrite them (part of make golden); OCRs both seeds
    python tests/pdf_golden.py             # compare

Ruled and unruled differences are compared exactly. Scanned ones are recorded, but compared
by score (rows right >= 0.90): tesseract builds differ between distributions.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import extract  # noqa: E402
from bench.pdf import Row, score_right  # noqa: E402
from corpus.tools.render_pdf import render, scan  # noqa: E402

SEEDS = (ROOT / "corpus" / "documents" / "muaro_jambi_2024.txt", ROOT / "corpus" / "documents" / "jember_2024.txt")
LAYOUTS = ("ruled", "unruled", "scanned")


def rows(doc: extract.Document) -> list[Row]:
    def raw(v: Any) -> str | None:
        return v.raw.strip() if v is not None else None

    return [(r.table_kind, r.indicator, raw(r.target), raw(r.realisasi), raw(r.capaian)) for r in doc.rows()]


def render_layout(seed: Path, layout: str, tmp: Path) -> Path:
    ruled = render(seed, tmp / f"{seed.stem}_ruled.pdf")
    if layout == "ruled":
        return ruled
    if layout == "unruled":
        return render(seed, tmp / f"{seed.stem}_unruled.pdf", layout="unruled")
    return scan(ruled, tmp / f"{seed.stem}_scan.pdf")


def differences(truth: list[Row], got: list[Row]) -> dict[str, Any]:
    """Rows of the text export the PDF does not give (in order), rows it gives that the text
    does not, and the share of rows right (bench.pdf.score_right)."""
    left = list(got)
    missing = []
    for r in truth:
        if r in left:
            left.remove(r)
        else:
            missing.append(list(r))
    return {"rows": len(truth), "right": round(score_right(truth, got), 3), "missing": missing, "extra": [list(r) for r in left]}


def expected_path(seed: Path) -> Path:
    return seed.with_name(seed.name + ".pdf.expected.json")


def snapshot(seed: Path, tmp: Path, layouts: tuple[str, ...] = LAYOUTS) -> dict[str, Any]:
    truth = rows(extract.read_document(seed))
    return {layout: differences(truth, rows(extract.read_document(render_layout(seed, layout, tmp)))) for layout in layouts}


def dumps(snap: dict[str, Any]) -> str:
    parts = []
    for layout, diff in snap.items():
        lines = [f'  "rows": {diff["rows"]}', f'  "right": {diff["right"]}']
        for key in ("missing", "extra"):
            body = ",\n".join("   " + json.dumps(r, ensure_ascii=False) for r in diff[key])
            lines.append(f'  "{key}": [\n{body}\n  ]' if body else f'  "{key}": []')
        parts.append(f' "{layout}": {{\n' + ",\n".join(lines) + "\n }")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def main(argv: list[str]) -> int:
    import tempfile

    from golden import settle

    write = "--write" in argv
    with tempfile.TemporaryDirectory(prefix="lakip-pdf-golden-") as tmp:
        results = [settle(expected_path(seed), dumps(snapshot(seed, Path(tmp))), write) for seed in SEEDS]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
