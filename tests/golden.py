"""Golden files: `<input>.expected.json` beside every sample input.

    python tests/golden.py --write     # rewrite them (make golden), then review the diff
    python tests/golden.py             # compare, print the first differences

They hold exactly what `lakip ingest` stores for the input (store.records, and the
audit's findings), minus
the report_id repeated on every child row and the machine-specific path.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import extract  # noqa: E402
import normalize  # noqa: E402
import reports  # noqa: E402
import store  # noqa: E402
from store.records import records  # noqa: E402

GOLDEN_DIRS = (ROOT / "corpus" / "documents", ROOT / "tests" / "fixtures" / "shapes")
INPUTS = (".txt", ".md")


def inputs() -> list[Path]:
    return sorted(p for d in GOLDEN_DIRS for p in d.iterdir() if p.suffix in INPUTS)


def expected_path(path: Path) -> Path:
    return path.with_name(path.name + ".expected.json")


def snapshot(path: Path) -> dict[str, Any]:
    catalogue = normalize.load_catalogue()
    report = normalize.normalize(extract.read_document(path), catalogue)
    recs = records(report)
    con = store.connect(":memory:")
    store.load_indicators(con, catalogue)
    store.ingest(con, report)
    findings = [f.record(recs["reports"][0]["report_id"]) for f in reports.audit(con, recs["reports"][0]["report_id"])]
    out: dict[str, Any] = {"report": recs["reports"][0] | {"source_path": path.name}}
    for table, rows in (*((t, recs[t]) for t in ("tables", "measurements", "history", "claims")), ("findings", findings)):
        out[table] = [{k: v for k, v in r.items() if k != "report_id"} for r in rows]
    return out


def dumps(snap: dict[str, Any]) -> str:
    """One record per line, so a diff shows exactly which row changed."""
    parts = ['{\n "report": ' + json.dumps(snap["report"], ensure_ascii=False)]
    for table in ("tables", "measurements", "history", "claims", "findings"):
        body = ",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in snap[table])
        parts.append(f' "{table}": [\n{body}\n ]' if body else f' "{table}": []')
    return ",\n".join(parts) + "\n}\n"


def settle(target: Path, text: str, write: bool) -> bool:
    """Write `text` to the golden file, or say whether it matches; False when it differs."""
    if write:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
        return True
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return True
    print(f"differs: {target.relative_to(ROOT)} (run `make golden` and review the diff)")
    return False


def main(argv: list[str]) -> int:
    write = "--write" in argv
    results = [settle(expected_path(path), dumps(snapshot(path)), write) for path in inputs()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
