"""Re-map stored rows to the catalogue without re-extracting (after review decisions)."""

from __future__ import annotations

import duckdb

from normalize import Matcher
from store.sql import placeholders


def renormalize(con: duckdb.DuckDBPyConnection, matcher: Matcher) -> int:
    """Recompute indicator_id and match_* of every stored measurement; return how many rows changed id."""
    wordings = [r[0] for r in con.execute("SELECT DISTINCT indicator_raw FROM measurements").fetchall()]
    updates = []
    for w in wordings:
        m = matcher.match(w)
        cands = "; ".join(f"{i}:{s:g}" for i, s in m.candidates)
        updates.append((m.indicator_id, m.score, m.margin, m.method, cands, w))
    before = dict(con.execute("SELECT indicator_raw, any_value(indicator_id) FROM measurements GROUP BY 1").fetchall())
    con.execute("BEGIN TRANSACTION")
    try:
        con.executemany(
            "UPDATE measurements SET indicator_id = ?, match_score = ?, match_margin = ?, match_method = ?, match_candidates = ?"
            " WHERE indicator_raw = ?",
            updates,
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    changed = {u[5] for u in updates if before.get(u[5]) != u[0]}
    if not changed:
        return 0
    row = con.execute(f"SELECT count(*) FROM measurements WHERE indicator_raw IN ({placeholders(len(changed))})", list(changed)).fetchone()
    return int(row[0]) if row else 0
