"""The canonical indicator catalogue (corpus/catalogue/*.csv) as frozen dataclasses."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "corpus" / "catalogue"


class CatalogueError(ValueError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason} (fix the catalogue file)")
        self.path, self.reason, self.fix = str(path), reason, "fix the catalogue file"


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    name: str
    kind: str  # iku, iku-2020, ikk, ro, institutional
    sasaran: str
    unit_kind: str  # percent, count, grade, opinion, index
    polarity: str  # higher_better, lower_better, categorical
    keywords: tuple[tuple[str, ...], ...]  # any group whose words all occur -> keyword rule
    uncertain: str
    source: str


@dataclass(frozen=True)
class Catalogue:
    indicators: tuple[Indicator, ...]
    aliases: tuple[tuple[str, str, str], ...]  # (indicator_id, alias, source)
    directory: str

    def get(self, indicator_id: str) -> Indicator:
        return next(i for i in self.indicators if i.indicator_id == indicator_id)


_UNIT_KINDS = {"percent", "count", "grade", "opinion", "index"}
_POLARITIES = {"higher_better", "lower_better", "categorical"}


def load_catalogue(directory: str | Path | None = None) -> Catalogue:
    d = Path(directory) if directory else DEFAULT_DIR
    ind_path, alias_path = d / "indicators.csv", d / "aliases.csv"
    indicators: list[Indicator] = []
    for n, r in enumerate(_read(ind_path), start=2):
        if r["unit_kind"] not in _UNIT_KINDS or r["polarity"] not in _POLARITIES:
            raise CatalogueError(ind_path, f"line {n}: unit_kind/polarity {r['unit_kind']!r}/{r['polarity']!r} unknown")
        kw = tuple(tuple(w.strip().lower() for w in g.split("+")) for g in r["keywords"].split("|") if g.strip())
        indicators.append(
            Indicator(r["indicator_id"], r["name"], r["kind"], r["sasaran"], r["unit_kind"], r["polarity"], kw, r["uncertain"], r["source"])
        )
    ids = {i.indicator_id for i in indicators}
    if len(ids) != len(indicators):
        raise CatalogueError(ind_path, "duplicate indicator_id")
    aliases = []
    for n, r in enumerate(_read(alias_path), start=2):
        if r["indicator_id"] not in ids:
            raise CatalogueError(alias_path, f"line {n}: unknown indicator_id {r['indicator_id']!r}")
        aliases.append((r["indicator_id"], r["alias"], r.get("source") or ""))
    return Catalogue(tuple(indicators), tuple(aliases), str(d))


def _read(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))
    except OSError as e:
        raise CatalogueError(path, e.strerror or str(e)) from e


def add_aliases(pairs: list[tuple[str, str]], source: str, directory: str | Path | None = None) -> int:
    """Append accepted (indicator_id, wording) decisions to aliases.csv; return how many were new."""
    d = Path(directory) if directory else DEFAULT_DIR
    catalogue = load_catalogue(d)
    ids = {i.indicator_id for i in catalogue.indicators}
    known = {(a[0], a[1].strip().lower()) for a in catalogue.aliases}
    new = []
    for ind, alias in pairs:
        if ind not in ids:
            raise CatalogueError(d / "aliases.csv", f"unknown indicator_id {ind!r} for {alias!r}")
        if (ind, alias.strip().lower()) not in known:
            known.add((ind, alias.strip().lower()))
            new.append((ind, alias.strip(), source))
    if new:
        with (d / "aliases.csv").open("a", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(new)
    return len(new)
