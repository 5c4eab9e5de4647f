"""Report metadata: the satker as the report names itself, its level, province and year.

The title page names the satker; the body may name others (copy-paste from
another kabupaten), so the title wins and the body's most frequent name is the
fallback. Resolving names to region codes is `normalize`'s job, not this one.
"""

from __future__ import annotations

import re
from collections import Counter

from extract.model import Metadata
from extract.values import clean

_SATKER = re.compile(r"\b(KPU|KIP|Komisi\s+Pemilihan\s+Umum|Komisi\s+Independen\s+Pemilihan)\s+(Kabupaten|Kab\.?|Kota|Provinsi)\s+", re.I)
_PROVINCE = re.compile(r"\bProvinsi\s+", re.I)
_STOP = {
    "tahun", "yang", "dan", "dalam", "sebagai", "untuk", "pada", "di", "nomor", "adalah", "telah", "merupakan",
    "dengan", "tentang", "serta", "atau", "ke", "dari", "oleh", "secara", "tersebut", "ini", "itu", "kpu", "sekretariat",
    "periode", "masa", "bersinergi", "kabupaten", "kota", "provinsi", "republik", "indonesia", "laporan", "kinerja",
    "memiliki", "mempunyai", "menetapkan", "melaksanakan", "menyusun", "menyampaikan", "wajib", "maupun", "selaku",
}  # fmt: skip
_LEVEL = {"kabupaten": "kabupaten", "kab": "kabupaten", "kab.": "kabupaten", "kota": "kota", "provinsi": "provinsi"}


def name_after(text: str, pos: int, max_words: int = 3) -> str | None:
    """The capitalised place name starting at `pos` (`Muaro Jambi`, `MUARO JAMBI TAHUN` -> `Muaro Jambi`).

    The name ends at punctuation, a lower-case word or a stop word."""
    words: list[str] = []
    for m in re.finditer(r"\S+", text[pos : pos + 80]):
        raw = m.group(0)
        w = raw.strip(",.;:()/\"'")
        if not w or w.lower() in _STOP or not w[:1].isupper() or not w.replace("-", "").replace("'", "").isalpha():
            break
        if raw.startswith(("(", "/", '"')):
            break
        words.append(w if not w.isupper() or len(w) <= 3 else w.capitalize())
        if len(words) == max_words or raw[-1] in ",.;:)/":
            break
    return " ".join(words) or None


def satker_mentions(text: str) -> list[tuple[str, str, int]]:
    """Every `KPU <level> <Name>` in `text`: (level, name, offset)."""
    out = []
    for m in _SATKER.finditer(text):
        name = name_after(text, m.end())
        if name:
            out.append((_LEVEL[m.group(2).lower().rstrip(".")], name, m.start()))
    return out


def read_metadata(lines: list[str]) -> Metadata:
    text = clean("\n".join(lines))
    head = clean("\n".join(lines[:40]))
    title = satker_mentions(head)
    body = Counter((lvl, name) for lvl, name, _ in satker_mentions(text))
    if title:
        level, name = title[0][0], title[0][1]
    elif body:
        (level, name), _ = body.most_common(1)[0]
    else:
        level, name = None, None
    provinces = Counter(p for m in _PROVINCE.finditer(text) if (p := name_after(text, m.end())) and (level != "provinsi" or p != name))
    province = provinces.most_common(1)[0][0] if provinces else (name if level == "provinsi" else None)
    title_lines = clean("\n".join(ln for ln in lines[:60] if ln.strip())[:600])
    year = _year(title_lines) or _year(text)
    satker = f"KPU {level.capitalize()} {name}" if level and name else None
    return Metadata(satker=satker, level=level, name=name, province=province, year=year)  # type: ignore[arg-type]


def _year(text: str) -> int | None:
    # "Peraturan … Nomor 29 Tahun 2014" names a regulation, not the report's year.
    text = re.sub(r"\b(?:Nomor|No\.)\s*[\w/.-]+\s+Tahun\s+\d{4}", " ", text, flags=re.I)
    years = Counter(int(y) for y in re.findall(r"\bTahun\s+(20\d\d)\b(?!\s*[-–])", text, re.I))
    return years.most_common(1)[0][0] if years else None
