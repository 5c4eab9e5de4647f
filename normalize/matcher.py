"""Map an indicator wording to a catalogue id with rapidfuzz.

A mapping is made only when the best score clears `threshold` *and* beats the
runner-up indicator by `margin`: near-duplicate IKU that differ in a tail phrase
("sesuai jadwal" / "aman dan damai" / "tanpa permasalahan anggaran") then stay
unmapped instead of being confused. A wrong id is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from normalize.catalogue import Catalogue
from normalize.text import key


@dataclass(frozen=True)
class MatchSettings:
    threshold: float = 85.0  # best score needed to map (0-100)
    margin: float = 5.0  # lead over the runner-up indicator needed to map
    subset_weight: float = 0.92  # token_set_ratio counts this much (wordings that add a tail)

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 100 or not 0 <= self.margin < 100 or not 0 < self.subset_weight <= 1:
            raise ValueError(f"invalid MatchSettings: {self}")


@dataclass(frozen=True)
class Match:
    indicator_id: str | None
    score: float  # best score, whether or not it was accepted
    margin: float  # best minus runner-up
    method: str  # exact, fuzzy, keyword, none
    candidates: tuple[tuple[str, float], ...]  # top 3 (indicator_id, score)


class Matcher:
    def __init__(self, catalogue: Catalogue, settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings()
        names = [(i.indicator_id, i.name) for i in catalogue.indicators]
        pairs = names + [(a[0], a[1]) for a in catalogue.aliases]
        self._keys: list[str] = []
        self._ids: list[str] = []
        self._exact: dict[str, set[str]] = {}
        for ind_id, text in pairs:
            k = key(text)
            self._keys.append(k)
            self._ids.append(ind_id)
            self._exact.setdefault(k, set()).add(ind_id)
        self._keywords = [(i.indicator_id, g) for i in catalogue.indicators for g in i.keywords]
        self._cache: dict[str, Match] = {}

    def _score(self, query: str, choice: str, **_: Any) -> float:
        # token_set_ratio is 100 whenever one wording's words are a subset of the other's.
        # Trust that only when the report's wording is the longer one (it adds a tail to a
        # known indicator) and the known wording is a good part of it — never for a short
        # name that happens to sit inside a long one.
        q, c = query.split(), choice.split()
        trusted = len(query) >= len(choice) and len(c) >= 4 and len(c) >= 0.45 * len(q)
        subset = self.settings.subset_weight * fuzz.token_set_ratio(query, choice) if trusted else 0.0
        return max(fuzz.ratio(query, choice), fuzz.token_sort_ratio(query, choice), subset)

    def match(self, text: str) -> Match:
        k = key(text)
        if k not in self._cache:
            self._cache[k] = self._match(k)
        return self._cache[k]

    def _match(self, k: str) -> Match:
        if not k:
            return Match(None, 0.0, 0.0, "none", ())
        best: dict[str, float] = {}
        for _choice, score, idx in process.extract(k, self._keys, scorer=self._score, limit=None):
            ind = self._ids[idx]
            best[ind] = max(best.get(ind, 0.0), float(score))
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        top = tuple((i, round(s, 1)) for i, s in ranked[:3])
        s1 = ranked[0][1] if ranked else 0.0
        s2 = ranked[1][1] if len(ranked) > 1 else 0.0
        margin = round(s1 - s2, 1)
        exact = self._exact.get(k, set())
        if len(exact) == 1:
            return Match(next(iter(exact)), 100.0, margin, "exact", top)
        st = self.settings
        if s1 >= st.threshold and margin >= st.margin:
            return Match(ranked[0][0], round(s1, 1), margin, "fuzzy", top)
        words = set(k.split())
        rules = {ind for ind, group in self._keywords if all(_has(words, k, w) for w in group)}
        if len(rules) == 1:
            return Match(rules.pop(), round(s1, 1), margin, "keyword", top)
        return Match(None, round(s1, 1), margin, "none", top)


def _has(words: set[str], k: str, w: str) -> bool:
    return w in words if " " not in w else w in k
