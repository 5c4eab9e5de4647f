"""low-ocr-confidence: a value read from a scan that tesseract was unsure of (warning).

The figure is kept (it is usually right); the inspector checks it against the paper before
relying on it, and before trusting any other finding on that row."""

from __future__ import annotations

from collections.abc import Iterator

from reports.checks.tolerance import LOW_OCR_CONFIDENCE
from reports.codes import row_finding
from reports.context import AuditContext
from reports.model import Finding


def run(ctx: AuditContext) -> Iterator[Finding]:
    for r in ctx.rows:
        if r.ocr_confidence is not None and r.ocr_confidence < LOW_OCR_CONFIDENCE:
            yield row_finding("low-ocr-confidence", ctx, r, confidence=f"{r.ocr_confidence:.0f}")
