"""Indicator names -> comparison keys: case, punctuation, OCR look-alikes, common
misspellings, and every satker name (own, copied from another kabupaten, or a level
template such as `KPU/KPU Provinsi/KPU Kab/Kota`) replaced by one placeholder."""

from __future__ import annotations

import re
import unicodedata

from extract.metadata import satker_mentions
from extract.values import clean

PLACEHOLDER = "satker"

_TEMPLATES = re.compile(
    r"\b(?:KPU|KIP)\s*(?:/|,)\s*KPU\s+Provinsi\s*(?:/|,\s*(?:dan\s+)?)\s*KPU\s+Kab(?:upaten)?\.?\s*/\s*Kota"
    r"|\b(?:KPU|KIP)\s+Provinsi\s*/\s*Kab(?:upaten)?\.?\s*/?\s*Kota"
    r"|\b(?:KPU|KIP)\s+Kab(?:upaten)?\.?\s*/\s*Kota"
    r"|\[satker\]",
    re.I,
)
_FIXES = (
    (r"\b(?:prosentase|presentase|persentasi|prosentasi)\b", "persentase"),
    (r"\bcapain\b", "capaian"),
    (r"\bpublic\b", "publik"),
    (r"\bstandard\b", "standar"),
    (r"\bpemilukada\b", "pemilihan"),
    (r"\bpilkada\b", "pemilihan"),
)


def replace_satker(text: str) -> str:
    text = _TEMPLATES.sub(" [satker] ", clean(text))
    # Replace named satker from the right so offsets stay valid.
    for _level, name, start in reversed(satker_mentions(text)):
        last = name.split()[-1]
        at = text.lower().find(last.lower(), start)
        if at >= 0:
            text = text[:start] + " [satker] " + text[at + len(last) :]
    text = re.sub(r"\b(?:KPU|KIP|Komisi Pemilihan Umum)\s+\[satker\]", "[satker]", text, flags=re.I)
    return text


def key(text: str) -> str:
    """The comparison key of an indicator name."""
    t = replace_satker(text)
    t = "".join(c for c in unicodedata.normalize("NFD", t) if not unicodedata.combining(c)).lower()
    for pattern, repl in _FIXES:
        t = re.sub(pattern, repl, t)
    t = t.replace("[satker]", f" {PLACEHOLDER} ")
    t = re.sub(r"[^\w%]+", " ", t)
    return re.sub(r"\s+", " ", t).strip()
