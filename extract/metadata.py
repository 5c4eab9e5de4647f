"""Report identity: the satker as the report names itself, its level and region, the year.

Any instansi: KPU/KIP of a kabupaten, kota or provinsi, and the Dinas / Badan / Biro /
Inspektorat / RSUD / Sekretariat … of a provinsi, kabupaten or kota. Identity comes from where
a report names itself — its title lines, its running headers and footers, and phrases like
`Laporan Kinerja <satker>` or `<satker> menetapkan` — never from the first name mentioned: posts
and reports name other satker too (a copied paragraph, a meeting's participants). When only the
body's mentions give it away, `satker_confidence` says so.

The year is the year reported on, not the year the report was signed or printed: the cover of
`r04_bpbd-jabar` says `TAHUN 2017`, its running header and its tables 2016.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from extract.model import Metadata
from extract.values import clean

_SATKER = re.compile(r"\b(KPU|KIP|Komisi\s+Pemilihan\s+Umum|Komisi\s+Independen\s+Pemilihan)\s+(Kabupaten|Kab\.?|Kota|Provinsi)\s+", re.I)
_PROVINCE = re.compile(r"\bProvinsi\s+", re.I)
_STOP = {
    "tahun", "yang", "dan", "dalam", "sebagai", "untuk", "pada", "di", "nomor", "adalah", "telah", "merupakan",
    "dengan", "tentang", "serta", "atau", "ke", "dari", "oleh", "secara", "tersebut", "ini", "itu", "kpu", "sekretariat",
    "periode", "masa", "bersinergi", "kabupaten", "kota", "provinsi", "republik", "indonesia", "laporan", "kinerja",
    "memiliki", "mempunyai", "menetapkan", "melaksanakan", "menyusun", "menyampaikan", "wajib", "maupun", "selaku",
    "jalan", "jl", "telp", "telepon", "website", "email", "alamat", "ta", "bab", "lkip", "lakip", "lkj",
    "kepala",  # a signature block: `… Provinsi Jawa Barat` / `Kepala Badan` (r06_bpmpd: `… Jawa Barat Kepala`)
}  # fmt: skip
_ROMAN = re.compile(r"^[IVX]{1,4}$")
_LEVEL = {"kabupaten": "kabupaten", "kab": "kabupaten", "kab.": "kabupaten", "kota": "kota", "provinsi": "provinsi", "prov": "provinsi"}
_ABBREVIATIONS = {
    "jabar": "Jawa Barat",
    "jateng": "Jawa Tengah",
    "jatim": "Jawa Timur",
    "kaltim": "Kalimantan Timur",
    "sumut": "Sumatera Utara",
}


def name_after(text: str, pos: int, max_words: int = 3) -> str | None:
    """The capitalised place name starting at `pos` (`Muaro Jambi`, `MUARO JAMBI TAHUN` -> `Muaro Jambi`).

    The name ends at punctuation, a line end, a lower-case word or a stop word."""
    words: list[str] = []
    for m in re.finditer(r"[^\s]+|\n", text[pos : pos + 80]):
        raw = m.group(0)
        if raw == "\n":
            break
        w = raw.strip(",.;:()/\"'")
        if not w or w.lower() in _STOP or not w[:1].isupper() or not w.replace("-", "").replace("'", "").isalpha() or _ROMAN.match(w):
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


# --- any instansi -----------------------------------------------------------------------------

_HEADS = (
    r"Dinas|Badan|Biro|Inspektorat|Sekretariat|Satuan|Rumah\s+Sakit|RSUD|Kantor|Balai|Lembaga|Bappeda|Bawaslu"
    r"|Pemerintah|Kepolisian|Polda|Polres|Kejaksaan|Pengadilan|Direktorat|Kementerian|Dewan"
)
_REGION = r"(?:Provinsi|Prov\.?|Kabupaten|Kab\.?|Kota)"
_JOIN = {"dan", "&", "serta", "daerah", "umum", "sosial"}
_ORG = re.compile(rf"\b(?:{_HEADS})\b", re.I)
_ACRONYM_REGION = re.compile(rf"\b([A-Z][A-Z0-9]{{2,9}})\s+(?:{_REGION})\s+", re.I)
_SELF_NAME = r"(?:laporan\s+(?:akuntabilitas\s+)?kinerja(?:\s+instansi\s+pemerintah)?|lakip|lkip|lkj|lk)\s*(?:\(\s*\w+\s*\)\s*)?"
_SELF = re.compile(_SELF_NAME + r"(?:tahun\s+\d{4}\s+)?", re.I)


def _region_after(text: str, pos: int) -> tuple[str, str, int] | None:
    """`Provinsi Jawa Barat` / `Prov. Jabar` / `Kabupaten Muaro Jambi` at `pos`: (level, name, end)."""
    window = text[pos : pos + 120]
    m = re.match(rf"\s*({_REGION})\s+", window, re.I)
    if not m:
        return None
    name = name_after(window, m.end())
    if not name:
        return None
    level = _LEVEL[m.group(1).lower().rstrip(".")]
    end = pos + m.end() + len(name)
    parts = name.split()
    if len(parts) > 1 and parts[-1].lower() in _ABBREVIATIONS:
        name = " ".join(parts[:-1])  # `Provinsi Jawa Barat Jabar`
    return level, _ABBREVIATIONS.get(name.lower(), name), end


def _title(words: list[str]) -> str:
    """A name as a title: words set in capitals capitalized (`DINAS SUMBER DAYA AIR` ->
    `Dinas Sumber Daya Air`, r03 p. 1), acronyms kept (`Dinas KUMKM`, r28; `BAPPEDA`, r01)."""
    capitals = all(w.isupper() for w in words if w.lower() not in ("dan", "serta"))
    out = []
    for w in words:
        lw = w.lower()
        if lw in ("dan", "serta"):
            out.append(lw)
        elif w.isupper() and not _acronym(w) and (len(w) > 4 or capitals):
            out.append(w.capitalize())
        else:
            out.append(w)
    return " ".join(out)


_CONSONANTS = re.compile(r"[B-DF-HJ-NP-TV-Z]")


def _acronym(word: str) -> bool:
    """A word in capitals that is no Indonesian word: a digit or no vowel in it (`BP3AKB`,
    `BPBD`), two consonants at its end (`KUMKM`, `UPTD`), a doubled one (`BAPPEDA`; `NGG` is Indonesian), or, in a
    word of up to four letters, two consonants side by side other than ng/ny/kh/sy (`RSUD`,
    `PSDA`; not `DAYA`, `AIR`, `UMUM`)."""
    w = word.strip(",.()")
    if not w.isalpha() or not re.search(r"[AEIOU]", w):
        return True
    if _CONSONANTS.fullmatch(w[-1]) and _CONSONANTS.fullmatch(w[-2:-1] or "A") and w[-2:] not in ("NG", "NY"):
        return True
    if re.search(r"([B-DF-HJ-NP-TV-Z])\1", w.replace("NGG", "NG")):  # not `PENANGGULANGAN`
        return True
    pairs = [w[i : i + 2] for i in range(len(w) - 1)]
    clusters = [p for p in pairs if _CONSONANTS.fullmatch(p[0]) and _CONSONANTS.fullmatch(p[1]) and p not in ("NG", "NY", "KH", "SY")]
    return len(w) <= 4 and bool(clusters)


def org_mentions(text: str) -> list[tuple[str, str | None, str | None, int]]:
    """Every `<Dinas|Badan|Biro|…> <Name> [<Provinsi|Kabupaten|Kota> <Region>]` and every
    `<ACRONYM> Provinsi <Region>` in `text`: (satker, level, region name, offset); level and
    region are None where the mention names no region (`Biro Humas, Protokol dan Umum`)."""
    out: list[tuple[str, str | None, str | None, int]] = []
    for m in _ORG.finditer(text):
        start = m.start()
        prefix = re.search(r"\b([A-Z]{3,6})\s+$", text[max(0, start - 8) : start])  # `SPKT Polda Jateng`
        if prefix and prefix.group(1).lower() in _STOP:
            prefix = None
        words: list[str] = [prefix.group(1)] if prefix else []
        head_at = len(words)
        ended = False
        for w in re.finditer(r"[^\s]+|\n", text[start : start + 160]):
            token = w.group(0)
            at = start + w.start()
            if token == "\n":
                if len(words) == head_at:
                    break
                continue  # a title wraps over lines
            region = _region_after(text, at) if re.match(_REGION, token, re.I) else None
            if region:
                if len(words) > head_at:
                    level, name, _ = region
                    label = "Provinsi" if level == "provinsi" else level.capitalize()
                    out.append((f"{_title(words)} {label} {name}", level, name, start))
                ended = True
                break
            bare = token.strip(",.();:")
            if len(bare) == 1 and bare not in "IVX":
                break  # a letter-spaced line (`I N S P E K T O R A T`), not a name
            if (
                not bare
                or not (bare[:1].isupper() or bare.lower() in _JOIN)
                or len(words) > 10
                or (bare.lower() in _STOP and bare.lower() not in _JOIN)
            ):
                break
            joiner = words[-1] if words else ""
            # `SPKT Polda Jateng dan SPKT Jajaran`: a second office; in a title set in capitals
            # (`DINAS PARIWISATA DAN KEBUDAYAAN`) every word is upper, the name goes on
            if joiner.lower() in ("dan", "serta") and ((bare.isupper() and joiner.islower()) or _ORG.fullmatch(bare)):
                break
            words.append(bare if not token.endswith(",") else bare + ",")
            if token.endswith((".", ";", ":", ")")):
                break
        while len(words) > head_at + 1 and (words[-1].lower() in ("dan", "serta", "&") or words[-1].endswith(",")):
            if words[-1].endswith(","):
                words[-1] = words[-1].rstrip(",")
            else:
                words.pop()
        if not ended and len(words) >= head_at + 2:
            out.append((_title(words), None, None, start))
    for m in re.finditer(r"\b(?:LKj|LKIP|LAKIP|LPPD)\s+(?=(?:Provinsi|Kabupaten|Kota)\s)", text):
        region = _region_after(text, m.end() - 1)
        if region:  # a Pemda's own report names its region only: `LKj Provinsi Lampung Tahun 2015`
            level, name, _ = region
            label = "Provinsi" if level == "provinsi" else level.capitalize()
            out.append((f"Pemerintah {label} {name}", level, name, m.end()))
    for m in _ACRONYM_REGION.finditer(text):
        if (
            m.group(1).isupper()
            and not _ORG.fullmatch(m.group(1))
            and m.group(1) not in ("KPU", "KIP", "LKIP", "LAKIP", "LKJ", "RPJMD", "IKU")
        ):
            region = _region_after(text, m.start(1) + len(m.group(1)))
            if region:
                level, name, _ = region
                label = "Provinsi" if level == "provinsi" else level.capitalize()
                out.append((f"{m.group(1)} {label} {name}", level, name, m.start()))
    return out


def _running(lines: list[str], pages: list[int | None]) -> list[str]:
    """Lines repeated on several pages: running headers and footers."""
    seen: dict[str, set[int | None]] = {}
    for text, page in zip(lines, pages, strict=True):
        t = " ".join(text.split())
        if 8 <= len(t) <= 120:
            seen.setdefault(t, set()).add(page)
    return [t for t, ps in seen.items() if len(ps) >= 3]


# short runs only (a word, not a spaced line), and never the tail of a longer run
_SPACED = re.compile(r"(?<!\b[A-Za-z] )\b(?:[A-Za-z] ){2,5}[A-Za-z]\b(?! [A-Za-z]\b)|\b(?:\d ){3}\d\b")


def _unspace(text: str) -> str:
    """`LKIP T A H U N 2 0 1 6` (a letter-spaced running header, `r26_inspektorat`) -> `LKIP TAHUN 2016`."""
    return _SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)


def read_metadata(lines: list[str], pages: list[int | None] | None = None) -> Metadata:
    pages = pages if pages is not None else [None] * len(lines)
    lines = [_unspace(x) for x in lines]
    # in document order: a set's order follows PYTHONHASHSEED, and names are read across the
    # joined lines (r26_inspektorat's satker changed from run to run)
    running_lines = _running(lines, pages) if any(p is not None for p in pages) else []
    running_set = set(running_lines)
    text = "\n".join(clean(x) for x in lines)
    body = "\n".join(clean(x) for x in lines if " ".join(x.split()) not in running_set)
    head = "\n".join(clean(x) for x in lines[:40] if x.strip())
    running = "\n".join(clean(x) for x in running_lines)
    satker, level, name, confidence = _kpu(head, body, running)
    if satker is None:
        satker, level, name, confidence = _instansi(head, body, running)
    provinces = Counter(p for m in _PROVINCE.finditer(text) if (p := name_after(text, m.end())) and (level != "provinsi" or p != name))
    province = provinces.most_common(1)[0][0] if provinces else (name if level == "provinsi" else None)
    year = _year(head, body, running)
    return Metadata(satker=satker, level=level, name=name, province=province, year=year, satker_confidence=confidence)  # type: ignore[arg-type]


def _self_named(text: str, offset: int) -> bool:
    """Is the mention at `offset` where the report names itself (`Laporan Kinerja <it>`, `<it> menetapkan`)?"""
    before = text[max(0, offset - 60) : offset]
    return bool(re.search(_SELF.pattern + r"\s*$", before, re.I))


_SITE = re.compile(r"\b(kab|kota|prov)-([a-z]+(?:-[a-z]+)*)\.kpu\.go\.id\b", re.I)
# the commission named without a region (`K` / `omisi`: a drop cap split off by the export)
_NATIONAL = re.compile(
    r"(?:\bK\s*|\b)omisi\s+Pemilihan\s+Umum\b(?!\s*(?:\(KPU\)\s*)?(?:Kabupaten|Kab\.|Kota|Provinsi|Daerah))"
    r"|\bKPU\b(?!\s*(?:/|Kabupaten|Kab\b|Kota|Provinsi|Prov\b|RI\b|-))",
    re.I,
)


def _kpu(head: str, text: str, running: str) -> tuple[str | None, str | None, str | None, float | None]:
    votes: defaultdict[tuple[str, str], float] = defaultdict(float)
    for source, weight in ((head, 3.0), (running, 3.0), (text, 0.2)):
        for level, name, at in satker_mentions(source):
            votes[(level, name)] += weight * (4 if _self_named(source, at) else 1)
        for m in _SITE.finditer(source):  # a KPU website names its own satker: `kab-sragen.kpu.go.id`
            level = {"kab": "kabupaten", "kota": "kota", "prov": "provinsi"}[m.group(1).lower()]
            votes[(level, m.group(2).replace("-", " ").title())] += 4 * weight
    if not votes:
        if len(_NATIONAL.findall(head + "\n" + text)) >= 3 and not org_mentions(head):
            return "KPU RI", None, None, 0.6  # the commission itself, named without a region
        return None, None, None, None
    (level, name), score = max(votes.items(), key=lambda kv: kv[1])
    title = any(n == name for _, n, _ in satker_mentions(head)) or any(n == name for _, n, _ in satker_mentions(running))
    return f"KPU {level.capitalize()} {name}", level, name, 1.0 if title else min(0.9, 0.4 + score / 20)


def _instansi(head: str, text: str, running: str) -> tuple[str | None, str | None, str | None, float | None]:
    """The instansi most often named where a report names itself. A name with its region counts
    more than one without; `Pemerintah Provinsi …` is the parent government, a satker only
    when nothing else is named (a Pemda's own LKj)."""
    votes: defaultdict[str, float] = defaultdict(float)
    info: dict[str, tuple[str | None, str | None]] = {}
    for source, weight in ((head, 3.0), (running, 3.0), (text, 0.2)):
        for satker, level, name, at in org_mentions(source):
            first = satker.split()[0]
            w = weight * (4 if _self_named(source, at) else 1)
            w *= (
                (0.5 if not _self_named(source, at) else 1.0)
                if first == "Pemerintah"
                else (1.5 if level and not first.isupper() else 1.0 if level else 0.7)
            )
            votes[satker] += w
            if satker not in info or level:
                info[satker] = (level, name)
    if not votes:
        return None, None, None, None
    _extend(votes, info)
    satker, score = max(votes.items(), key=lambda kv: kv[1])
    level, name = info[satker]
    named_in_title = satker in {s for s, *_ in org_mentions(head)} | {s for s, *_ in org_mentions(running)}
    return satker, level, name, 1.0 if named_in_title else min(0.8, 0.3 + score / 20)


def _extend(votes: defaultdict[str, float], info: dict[str, tuple[str | None, str | None]]) -> None:
    """A name cut short (`Badan Pemberdayaan Masyarakat dan Pemerintahan` at a line end) votes
    for the full name it begins, with its region, where the report prints that too."""
    for short in sorted(votes, key=len):
        longer = [b for b in votes if b != short and b.startswith(short + " ") and info[b][0]]
        if longer:
            best = max(longer, key=lambda b: votes[b])
            votes[best] += votes.pop(short)


_REGULATION = re.compile(r"\b(?:Nomor|No\.)\s*[\w/.-]+\s+Tahun\s+\d{4}", re.I)
_RANGE = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b")


def _year(head: str, text: str, running: str) -> int | None:
    """The year reported on: votes from the running headers, the report's name for itself
    (`LKIP … Tahun 2016`), the title lines, and the body's `Tahun 2016`."""
    votes: defaultdict[int, float] = defaultdict(float)

    def scan(source: str, weight: float, pattern: str) -> None:
        source = _RANGE.sub(" ", _REGULATION.sub(" ", source))
        for m in re.finditer(pattern, source, re.I):
            votes[int(m.group(1))] += weight

    scan(running, 3.0, r"\b((?:19|20)\d\d)\b")
    # the report's name for itself and the first year after it (`Laporan Kinerja Tahun 2016 ini
    # disusun … Maret 2017` is 2016's)
    scan(text, 2.0, _SELF_NAME + r"[^.\n]{0,80}?\b((?:19|20)\d\d)\b")
    scan(head, 1.5, r"\bTahun\s+((?:19|20)\d\d)\b")
    scan(text, 0.1, r"\bTahun\s+((?:19|20)\d\d)\b(?!\s*[-–])")
    if not votes:
        return None
    return max(votes.items(), key=lambda kv: kv[1])[0]
