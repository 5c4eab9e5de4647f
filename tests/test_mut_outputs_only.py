"""output-indicators-only, at its edges: no IKU among the measured rows, and at least 80% of them
budget outputs (RO) the catalogue knows."""

from __future__ import annotations

import pytest
from mutkit import context, info, row

from reports.checks import outputs_only

KINDS = {"RO-1": "ro", "IKU-1": "iku", "IKU-2020": "iku-2020", "IKK-1": "ikk"}


def found(*ids: str | None) -> list[tuple[str, int, int | None]]:
    rows = [row("pengukuran", 1, i + 1, f"Indikator {i}", "1", "1", "100", indicator_id=x) for i, x in enumerate(ids)]
    ctx = context(rows, indicators={k: info("higher_better", kind=v) for k, v in KINDS.items()})
    return [(f.check_id, f.line or 0, f.table_seq) for f in outputs_only.run(ctx)]


@pytest.mark.parametrize(
    "ids",
    [("RO-1",), ("RO-1", "RO-1"), ("RO-1", "RO-1", "RO-1", "RO-1", None), ("RO-1", "RO-1", "RO-1", "RO-1", "IKK-1")],  # 4 of 5 is 80%
)
def test_outputs_only(ids: tuple[str | None, ...]) -> None:
    assert found(*ids) == [("output-indicators-only", 101, 1)]


@pytest.mark.parametrize(
    "ids",
    [
        ("RO-1", "RO-1", "RO-1", None),  # 3 of 4 is 75%
        ("RO-1", "IKU-1"),
        ("RO-1", "IKU-2020"),  # an IKU of the old list is an IKU too
        ("RO-1", "RO-1", "RO-1", "IKK-1"),
        (None, None),
        (),
    ],
)
def test_near_misses_are_quiet(ids: tuple[str | None, ...]) -> None:
    assert not found(*ids)


def test_the_message_counts_the_rows() -> None:
    ctx = context(
        [row("pengukuran", 1, 1, "x", "1", "1", "100", indicator_id="RO-1")], indicators={"RO-1": info("higher_better", kind="ro")}
    )
    (f,) = outputs_only.run(ctx)
    assert f.message.startswith("Semua 1 indikator") and f.severity == "warning"
