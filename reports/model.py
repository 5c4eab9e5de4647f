"""What the audit produces: typed findings, declared once with a Bahasa title and template."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Code:
    check_id: str
    severity: Severity
    title: str  # Bahasa Indonesia, for the printout
    template: str  # Bahasa Indonesia; {placeholders} filled by the check


@dataclass(frozen=True)
class Finding:
    check_id: str
    severity: Severity
    message: str
    evidence: str  # the quoted text
    line: int | None
    page: int | None
    indicator_id: str | None = None
    table_seq: int | None = None
    row_seq: int | None = None
    cells: tuple[str, ...] = field(default=())  # columns in question: target, realisasi, capaian
    computed: str | None = None  # the figure the check recomputed, as the message prints it
    # where an inspector finds it in the PDF: the page number printed there, the line on the page, the box
    printed_page: str | None = None
    page_line: int | None = None
    bbox: tuple[float, float, float, float] | None = None

    def record(self, report_id: str) -> dict[str, Any]:
        return {
            "report_id": report_id,
            "check_id": self.check_id,
            "severity": self.severity,
            "indicator_id": self.indicator_id,
            "message": self.message,
            "evidence": self.evidence,
            "page": self.page,
            "line": self.line,
            "table_seq": self.table_seq,
            "row_seq": self.row_seq,
            "cells": ",".join(self.cells) or None,
            "computed": self.computed,
            "printed_page": self.printed_page,
            "page_line": self.page_line,
            "bbox": ",".join(f"{v:.1f}" for v in self.bbox) if self.bbox else None,
        }
