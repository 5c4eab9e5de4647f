"""One module per audit rule; each exposes `run(ctx) -> Iterator[Finding]`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reports.checks import (
    arithmetic,
    budget,
    budget_refs,
    budget_rows,
    budget_sums,
    capaian,
    category,
    change,
    figures,
    foreign_satker,
    grade,
    narrative,
    ocr_confidence,
    outputs_only,
    perfect,
    period,
    pk_coverage,
    pk_target,
    scale,
    spelled,
    summary,
    totals,
    units,
)
from reports.context import AuditContext
from reports.model import Finding

Check = Callable[[AuditContext], Iterator[Finding]]

CHECKS: tuple[Check, ...] = tuple(
    m.run
    for m in (
        capaian,
        grade,
        pk_target,
        pk_coverage,
        summary,
        narrative,
        arithmetic,
        budget,
        budget_rows,
        budget_refs,
        budget_sums,
        units,
        foreign_satker,
        ocr_confidence,
        period,
        outputs_only,
        perfect,
        totals,
        figures,
        change,
        category,
        scale,
        spelled,
    )
)
