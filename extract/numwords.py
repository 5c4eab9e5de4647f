"""Indonesian number words (`dua puluh enam`, `sebelas`, `seratus dua`), as reports spell a
count after its digits: `24 (dua puluh enam) kegiatan` (r22_disperkim p. 30)."""

from __future__ import annotations

UNITS = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9,
    "sepuluh": 10, "sebelas": 11, "seratus": 100,
}  # fmt: skip
MULTIPLIERS = {"belas": 10, "puluh": 10, "ratus": 100}  # `belas` adds ten to its unit, the others multiply it


def words_value(text: str) -> int | None:
    """The number the words spell (up to the thousands), or None when they are not only number
    words in an order Indonesian spells them."""
    words = text.lower().split()
    total, group = 0, 0  # thousands already closed; the hundreds being spelled
    for w in words:
        unit = group % 10
        if w in UNITS:
            if (unit and UNITS[w] < 10) or (UNITS[w] >= 10 and group % 100):
                return None  # `dua tiga`, `lima sebelas`: two units in a row
            group += UNITS[w]
        elif w in MULTIPLIERS:
            if not unit or (w == "belas" and group % 100 >= 10) or (w == "ratus" and group >= 10):
                return None  # `puluh` without a unit before it, `dua puluh satu belas`
            group += 10 if w == "belas" else unit * (MULTIPLIERS[w] - 1)
        elif w in ("ribu", "seribu"):
            if total or (w == "ribu") != bool(group):
                return None
            total, group = (group or 1) * 1000, 0
        else:
            return None
    return total + group if words else None
