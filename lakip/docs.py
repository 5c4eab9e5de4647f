"""Generate docs/schema.md and docs/queries.md (`make docs`); a test fails when they are stale."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import store
from lakip.pipeline import ingest_paths
from reports.queries import QUERIES
from store.schema import markdown

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "documents"


def _cell(v: object, width: int = 90) -> str:
    text = "" if v is None else str(v).replace("|", "\\|").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def queries_markdown() -> str:
    out = [
        "# Example queries",
        "",
        "Generated from `reports/queries.py` by `make docs`, with each query's result on the sample",
        "reports in `corpus/documents` (`make ingest`, then `duckdb lakip.duckdb` or any DuckDB client).",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "docs.duckdb"
        ingest_paths([SAMPLES], db)
        con = store.connect(db)
        for n, (question, sql) in enumerate(QUERIES, start=1):
            cur = con.execute(sql)
            cols = [d[0] for d in cur.description]
            rows = cur.fetchall()
            out += ["", f"## {n}. {question}", "", "```sql", sql, "```", ""]
            if not rows:
                out.append("*(no rows on the sample reports)*")
                continue
            out += ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
            out += ["| " + " | ".join(_cell(v) for v in r) + " |" for r in rows[:8]]
            if len(rows) > 8:
                out.append(f"\n*…{len(rows) - 8} more rows*")
        con.close()
    return "\n".join(out) + "\n"


def main() -> int:
    (ROOT / "docs" / "schema.md").write_text(markdown(), encoding="utf-8")
    (ROOT / "docs" / "queries.md").write_text(queries_markdown(), encoding="utf-8")
    print("wrote docs/schema.md docs/queries.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
