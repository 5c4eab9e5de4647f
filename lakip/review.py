"""The mapping review loop: list what the catalogue could not place (or placed with little
margin), take an analyst's decisions into the alias file, re-map stored rows."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

import normalize
import reports
import store
from normalize.catalogue import add_aliases
from store.renormalize import renormalize

LOW_MARGIN = 10.0  # fuzzy mappings that beat the runner-up by less than this are shown for review
COLUMNS = ["indicator_raw", "times", "table_kinds", "current_id", "score", "margin", "candidates", "decision"]


@dataclass(frozen=True)
class Item:
    indicator_raw: str
    times: int
    table_kinds: str
    current_id: str | None
    score: float
    margin: float
    candidates: str  # "ID name (score); …"


def items(con: duckdb.DuckDBPyConnection, catalogue: normalize.Catalogue, low_margin: float = LOW_MARGIN) -> list[Item]:
    names = {i.indicator_id: i.name for i in catalogue.indicators}
    rows = con.execute(
        """SELECT indicator_raw, count(*), string_agg(DISTINCT table_kind, ','), any_value(indicator_id),
                  any_value(match_score), any_value(match_margin), any_value(match_candidates)
           FROM measurements
           WHERE indicator_id IS NULL OR (match_method = 'fuzzy' AND match_margin < ?)
           GROUP BY indicator_raw ORDER BY count(*) DESC, indicator_raw""",
        [low_margin],
    ).fetchall()
    out = []
    for raw, times, kinds, current, score, margin, cands in rows:
        shown = []
        for part in (cands or "").split("; "):
            if ":" in part:
                ind, s = part.split(":", 1)
                shown.append(f"{ind} {names.get(ind, '?')} ({s})")
        out.append(Item(raw, times, kinds, current, score or 0.0, margin or 0.0, "; ".join(shown)))
    return out


def write_csv(path: Path, found: list[Item]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(COLUMNS)
        for i in found:
            w.writerow([i.indicator_raw, i.times, i.table_kinds, i.current_id or "", i.score, i.margin, i.candidates, ""])


def read_decisions(path: Path) -> list[tuple[str, str]]:
    """(indicator_id, wording) for every row whose `decision` column holds an id."""
    with path.open(encoding="utf-8", newline="") as f:
        return [(r["decision"].strip(), r["indicator_raw"]) for r in csv.DictReader(f) if (r.get("decision") or "").strip()]


def accept(decisions: list[tuple[str, str]], catalogue_dir: Path | None = None) -> int:
    return add_aliases(decisions, f"review:{date.today().isoformat()}", catalogue_dir)


def apply(db: Path, catalogue_dir: Path | None = None) -> int:
    """Re-map every stored row with the current catalogue, reload it, re-run the audit. Return rows whose id changed."""
    catalogue = normalize.load_catalogue(catalogue_dir)
    con = store.connect(db)
    try:
        store.load_indicators(con, catalogue)
        changed = renormalize(con, normalize.Matcher(catalogue))
        for (rid,) in con.execute("SELECT report_id FROM reports").fetchall():
            reports.audit(con, rid)
        return changed
    finally:
        con.close()
