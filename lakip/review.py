"""The mapping review loop: list what the catalogue could not place (or placed with little
margin), take an analyst's decisions into the alias file, re-map stored rows."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NoReturn

import duckdb

import normalize
import reports
import store
from extract.errors import LakipError
from normalize.catalogue import DEFAULT_DIR, add_aliases
from reports.cells import neutralize, restore
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


class ReviewError(LakipError):
    """A decisions file or a catalogue that cannot be used."""


def bad_option(what: str, reason: str, fix: str) -> NoReturn:
    raise ReviewError(what, reason, fix)


def catalogue(directory: Path | None = None) -> normalize.Catalogue:
    """The catalogue, its errors as the project's own (file, reason, fix)."""
    from lakip.pipeline import load_catalogue

    return load_catalogue(directory)


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
    """The review sheet. Wordings come from reports: a cell that a spreadsheet would run as a
    formula (`=`, `+`, `-`, `@` first) is written with a leading `'` (read back without it)."""
    try:
        with path.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(COLUMNS)
            for i in found:
                row = [i.indicator_raw, i.times, i.table_kinds, i.current_id or "", i.score, i.margin, i.candidates, ""]
                w.writerow([neutralize(v) if isinstance(v, str) else v for v in row])
    except OSError as e:
        raise ReviewError(str(path), f"cannot write it: {e.strerror or e}", "give --csv a file in a folder you may write") from e


def read_decisions(path: Path, ids: frozenset[str] | None = None) -> list[tuple[str, str]]:
    """(indicator_id, wording) for every row whose `decision` column holds an id; with `ids`, every
    decision must be one of them."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = {"indicator_raw", "decision"} - set(reader.fieldnames or ())
            if missing:
                raise ReviewError(
                    str(path),
                    f"no column {', '.join(sorted(missing))}",
                    "give the sheet `lakip review --csv FILE` wrote, with `decision` filled",
                )
            out = []
            for n, r in enumerate(reader, start=2):
                decision = (r.get("decision") or "").strip()
                if not decision:
                    continue
                if ids is not None and decision not in ids:
                    raise ReviewError(
                        f"{path}:{n}", f"decision {decision!r} is not an indicator id of the catalogue",
                        "write an id from the `candidates` column (e.g. IKU-08), or leave `decision` empty",
                    )  # fmt: skip
                out.append((decision, restore(r["indicator_raw"] or "")))
            return out
    except FileNotFoundError as e:
        raise ReviewError(str(path), "no such file", "give the sheet written by `lakip review --csv FILE`") from e
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ReviewError(str(path), f"cannot read it as a UTF-8 CSV ({e})", "save the sheet as CSV UTF-8 and retry") from e


def accept(decisions: list[tuple[str, str]], catalogue_dir: Path | None = None) -> int:
    try:
        return add_aliases(decisions, f"review:{date.today().isoformat()}", catalogue_dir)
    except normalize.CatalogueError as e:
        raise ReviewError(e.path, e.reason, e.fix) from e


def accept_file(path: Path, catalogue_dir: Path | None = None) -> tuple[int, Path]:
    """Accept the decisions of a review sheet; return how many aliases are new, and the alias file."""
    ids = frozenset(i.indicator_id for i in catalogue(catalogue_dir).indicators)
    return accept(read_decisions(path, ids), catalogue_dir), (catalogue_dir or DEFAULT_DIR) / "aliases.csv"


def apply(db: Path, catalogue_dir: Path | None = None) -> int:
    """Re-map every stored row with the current catalogue, reload it, re-run the audit. Return rows whose id changed."""
    cat = catalogue(catalogue_dir)
    if not Path(db).is_file():
        raise store.StoreError(str(db), "no database here", "check --db, or create one with `lakip ingest FILES --db FILE`")
    con = store.connect(db)
    try:
        store.load_indicators(con, cat)
        changed = renormalize(con, normalize.Matcher(cat))
        for (rid,) in con.execute("SELECT report_id FROM reports").fetchall():
            reports.audit(con, rid)
        return changed
    finally:
        con.close()
