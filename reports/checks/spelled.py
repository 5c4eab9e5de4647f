"""number-words-mismatch: a number printed in digits with words after it that spell another
(`24 (dua puluh enam) kegiatan`, r22_disperkim p. 30; `36 (tiga puluh empat) orang`, r04_bpbd
p. 39). One finding per sentence and number: a paragraph repeated gives one."""

from __future__ import annotations

from collections.abc import Iterator

from reports.codes import finding, num
from reports.context import AuditContext
from reports.model import Finding


def run(ctx: AuditContext) -> Iterator[Finding]:
    seen: set[tuple[str, str]] = set()
    for c in ctx.claims:
        if c.kind != "spelled" or c.value is None or c.value_to is None or c.value == c.value_to or not c.label:
            continue
        if (key := (c.text, c.raw)) in seen:
            continue
        seen.add(key)
        yield finding(
            "number-words-mismatch", evidence=c.text, line=c.line, page=c.page, digits=num(c.value, 0), words=c.label,
            spelled=num(c.value_to, 0),
        )  # fmt: skip
