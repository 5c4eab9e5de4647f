"""Cells written to CSV and spreadsheets. Report text is untrusted: a cell a spreadsheet would
evaluate as a formula is neutralised as OWASP advises (a leading `'`); numbers stay numbers."""

from __future__ import annotations

import re

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,]*\s*%?|-+")


def neutralize(text: str) -> str:
    """`=HYPERLINK(...)` -> `'=HYPERLINK(...)`; `-5,2`, `-` and ordinary text unchanged."""
    if text.startswith(_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def restore(text: str) -> str:
    """The text `neutralize` was given (a sheet read back)."""
    if text.startswith("'") and text[1:].startswith(_TRIGGERS) and neutralize(text[1:]) == text:
        return text[1:]
    return text
