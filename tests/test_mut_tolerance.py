"""reports.checks.tolerance.agrees, at its edges: a printed figure agrees with a computed one when
it is that figure rounded, or cut (truncated), at the decimals printed; no further."""

from __future__ import annotations

import pytest

from reports.checks.tolerance import EPS, agrees


@pytest.mark.parametrize(
    ("stated", "computed", "decimals"),
    [
        (94.4, 94.444, 1),  # rounded
        (94.44, 94.444, 2),
        (88.9, 88.888, 1),  # rounded up
        (88.8, 88.888, 1),  # truncated
        (94.4, 94.495, 1),  # truncated, almost a whole unit above
        (94.0, 94.99, 0),
        (100.0, 99.5, None),  # no decimals known: a whole number
        (0.0, -(0.5 + EPS), 0),  # half a unit below, the float slack included
    ],
)
def test_agrees(stated: float, computed: float, decimals: int | None) -> None:
    assert agrees(stated, computed, decimals)


@pytest.mark.parametrize(
    ("stated", "computed", "decimals"),
    [
        (94.44, 94.46, 2),  # two hundredths off at two decimals
        (94.4, 94.5, 1),  # the next printed value is no truncation of this one
        (94.0, 95.0, 0),
        (0.0, 1.0 - EPS, 0),  # a whole unit above, bar the slack
        (94.4, 95.0, 1),
        (94.4, 94.34, 1),  # below by more than half a unit
        (100.0, 99.4, None),
        (94.45, 94.444, 2),
    ],
)
def test_disagrees(stated: float, computed: float, decimals: int | None) -> None:
    assert not agrees(stated, computed, decimals)
