"""When does a printed number agree with a computed one? Rounding or truncation at the printed decimals."""

from __future__ import annotations

EPS = 1e-9
#: OCR confidence (0-100) below which a value read from a scan is flagged for checking by hand.
LOW_OCR_CONFIDENCE = 80.0


def agrees(stated: float, computed: float, decimals: int | None) -> bool:
    unit = 10.0 ** -(decimals or 0)
    rounded = abs(stated - computed) <= unit / 2 + EPS
    truncated = stated - EPS <= computed < stated + unit - EPS
    return rounded or truncated


def printed_range(value: float, decimals: int | None) -> tuple[float, float]:
    """What a figure printed with decimals may stand for: half a unit of its last digit either
    side (`302,97` for anything from 302,965 to 302,975). A whole number is taken as printed: a
    target of `50` is 50, and a realisasi rounded to a whole would widen every check too far."""
    if not decimals:
        return value, value
    half = 10.0**-decimals / 2
    return value - half, value + half


def agrees_over(stated: float, low: float, high: float, decimals: int | None) -> bool:
    """Does the stated figure agree, rounded or truncated at its decimals, with some figure
    computed from its inputs anywhere in [low, high] (the inputs' own printed rounding)?"""
    unit = 10.0 ** -(decimals or 0)
    rounded = low - unit / 2 - EPS <= stated <= high + unit / 2 + EPS
    truncated = stated - EPS <= high and low < stated + unit - EPS
    return rounded or truncated
