"""foreign-satker: another KPU satker's name left in by copy-paste, or the wrong
kabupaten/kota type for the report's own satker."""

from __future__ import annotations

from collections.abc import Iterator

from extract.metadata import satker_mentions
from extract.values import clean
from reports.codes import finding
from reports.context import AuditContext
from reports.model import Finding

_LEVEL_WORD = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}


def run(ctx: AuditContext) -> Iterator[Finding]:
    rep = ctx.report
    own_level, own_name, province = rep["level"], (rep["region_name"] or "").lower(), (rep["province"] or "").lower()
    if not own_level or not own_name:
        return
    seen: set[tuple[int, str]] = set()
    for line, (page, text) in sorted(ctx.lines.items()):
        for level, name, _ in satker_mentions(clean(text.replace("\t", " "))):
            n = name.lower()
            if n.startswith(own_name + " "):  # "Jember Memiliki": a capitalised verb after the name
                n = own_name
            if (level, n) == (own_level, own_name) or (level == "provinsi" and n == province):
                continue
            mention = f"KPU {_LEVEL_WORD[level]} {name}"
            if (line, mention) in seen:
                continue
            seen.add((line, mention))
            if n == own_name:
                why = f": {rep['region_name']} adalah {own_level}, bukan {level}"
            else:
                why = ", satker lain (sisa salin-tempel dari laporan satker lain?)"
            yield finding(
                "foreign-satker",
                evidence=text.replace("\t", " | ").strip(),
                line=line,
                page=page,
                own=rep["satker"],
                mention=mention,
                why=why,
            )
