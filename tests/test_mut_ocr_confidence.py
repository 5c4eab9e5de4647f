"""low-ocr-confidence, at its edge: below 80 (of 100) is flagged, 80 is not."""

from __future__ import annotations

from dataclasses import replace

import pytest
from mutkit import context, row

from reports.checks import ocr_confidence


@pytest.mark.parametrize(("confidence", "shown"), [(41.0, "41"), (79.6, "80"), (79.99, "80"), (0.0, "0")])
def test_low_confidence(confidence: float, shown: str) -> None:
    r = replace(row("pengukuran", 1, 2, "Indikator", "90", "80", None), ocr_confidence=confidence)
    (f,) = ocr_confidence.run(context([r]))
    assert (f.check_id, f.severity, f.line, f.row_seq) == ("low-ocr-confidence", "warning", 102, 2)
    assert f"keyakinan {shown}%" in f.message


@pytest.mark.parametrize("confidence", [80.0, 93.0, None])
def test_enough_confidence_or_no_ocr(confidence: float | None) -> None:
    rows = [replace(row("pengukuran", 1, 1, "Indikator", "90", "80", None), ocr_confidence=confidence)]
    assert not list(ocr_confidence.run(context(rows)))


def test_every_table_kind_and_row() -> None:
    rows = [
        replace(row(k, i, 1, "Indikator", "90", None, None), ocr_confidence=50.0)
        for i, k in enumerate(("perjanjian", "rencana", "other"), 1)
    ]
    assert [f.table_seq for f in ocr_confidence.run(context(rows))] == [1, 2, 3]
