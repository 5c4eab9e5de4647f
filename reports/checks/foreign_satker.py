"""foreign-satker: another KPU satker's name left in by copy-paste, or the wrong
kabupaten/kota type for the report's own satker."""

from __future__ import annotations

from collections.abc import Iterator

from normalize.gazetteer import load_gazetteer
from reports.codes import finding
from reports.context import AuditContext
from reports.model import Finding

_LEVEL_WORD = {"kabupaten": "Kabupaten", "kota": "Kota", "provinsi": "Provinsi"}


def run(ctx: AuditContext) -> Iterator[Finding]:
    rep = ctx.report
    own_code, own_level = rep["region_code"], rep["level"]
    if not own_code or not own_level:
        return
    gaz = load_gazetteer()
    own_province = own_code.split(".")[0]
    seen: set[tuple[int, str]] = set()
    for m in ctx.mentions:  # as extract found them, line by line
        level, line = m.level, m.source.line
        res = gaz.longest(level, m.name)
        region = res.region
        if region is None:
            continue  # not a region's name: no claim either way
        own = region.code == own_code
        if (own and res.method != "wrong-type") or (level == "provinsi" and region.code == own_province):
            continue
        mention = f"KPU {_LEVEL_WORD[level]} {region.name}"
        if own:
            why = f": {region.name} adalah {region.level}, bukan {level}"
        else:
            why = f", satker lain ({region.satker}, {region.province}; kode wilayah {region.code}), kemungkinan sisa salin-tempel"
        if (line, mention) in seen:
            continue
        seen.add((line, mention))
        yield finding(
            "foreign-satker",
            evidence=ctx.quote(line),
            line=line,
            page=m.source.page,
            at=m.source,
            own=rep["satker"],
            mention=mention,
            why=why,
        )
