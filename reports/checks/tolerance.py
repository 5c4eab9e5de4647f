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
