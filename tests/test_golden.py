"""Every sample input against its `.expected.json` (rewrite with `make golden`, review the diff)."""

from __future__ import annotations

import difflib

import golden
import pytest


@pytest.mark.parametrize("path", golden.inputs(), ids=lambda p: p.name)
def test_matches_golden(path) -> None:  # type: ignore[no-untyped-def]
    expected_file = golden.expected_path(path)
    assert expected_file.exists(), f"no golden file for {path.name}: run `make golden` and review it"
    actual = golden.dumps(golden.snapshot(path))
    expected = expected_file.read_text(encoding="utf-8")
    if actual != expected:
        diff = "\n".join(list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected", "actual", lineterm=""))[:60])
        pytest.fail(f"{path.name} differs from its golden file (make golden, then review):\n{diff}")


def test_every_seed_has_golden() -> None:
    names = {p.name for p in golden.inputs()}
    assert {"muaro_jambi_2024.txt", "jember_2024.txt"} <= names
