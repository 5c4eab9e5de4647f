"""Reader registry (as camelot picks a flavour): each reader turns one input shape into
`Line`s; everything after that — tables, rows, values, claims — is shared."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import InputKind, Line
from extract.settings import ExtractSettings
from extract.textio import RawLine


@dataclass(frozen=True)
class TextReader:
    kind: InputKind
    #: How strongly the decoded text looks like this shape (0 = not at all).
    sniff: Callable[[list[RawLine]], float]
    #: RawLines -> Lines with cells; drops page furniture.
    to_lines: Callable[[list[RawLine], str, ExtractSettings], list[Line]]


TEXT_READERS: dict[str, TextReader] = {}


def register(reader: TextReader) -> TextReader:
    TEXT_READERS[reader.kind] = reader
    return reader


def pick_text_reader(raw: list[RawLine]) -> TextReader:
    from extract.readers import flat, layout_text, text  # noqa: F401  (registers the readers)

    scored = sorted(TEXT_READERS.values(), key=lambda r: r.sniff(raw), reverse=True)
    return scored[0]


def text_reader(kind: str) -> TextReader:
    """The reader registered for `kind` (Word and OpenDocument files are read as `text-tsv`)."""
    from extract.readers import flat, layout_text, text  # noqa: F401  (registers the readers)

    return TEXT_READERS[kind]
