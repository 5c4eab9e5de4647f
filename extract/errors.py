"""Domain errors of the extract stage. The CLI prints them as one line: file, reason, fix."""

from __future__ import annotations


class LakipError(Exception):
    """Base of every error the library raises on purpose."""

    def __init__(self, path: str, reason: str, fix: str) -> None:
        super().__init__(f"{path}: {reason} ({fix})")
        self.path = path
        self.reason = reason
        self.fix = fix


class UnreadableInput(LakipError):
    """The file cannot be read as a report (wrong type, binary, broken encoding)."""


class UnsupportedInput(LakipError):
    """No reader accepts the file."""


class NotAReport(LakipError):
    """The file reads, but holds no performance report: no identity, no performance table, no figures."""
