"""Stage 1: read a LAKIP report into a `Document` (tables, rows, values, claims, metadata).

>>> import extract
>>> doc = extract.read_document("corpus/documents/muaro_jambi_2024.txt")
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.claims import find_claims
from extract.errors import LakipError, UnreadableInput, UnsupportedInput
from extract.metadata import read_metadata
from extract.model import Document, Row, Table
from extract.readers import pick_text_reader
from extract.settings import ExtractSettings
from extract.tables import find_tables
from extract.textio import decode, split_lines
from extract.values import parse_value

__all__ = [
    "Document", "ExtractSettings", "LakipError", "Row", "Table", "UnreadableInput", "UnsupportedInput",
    "parse_value", "read_document",
]  # fmt: skip


def read_document(path: str | Path, settings: ExtractSettings | None = None) -> Document:
    """Read one report. Raises `LakipError` subclasses naming the file, the reason and the fix."""
    settings = settings or ExtractSettings()
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise UnreadableInput(name, e.strerror or str(e), "check the path and its permissions") from e
    if not data.strip():
        raise UnreadableInput(name, "the file is empty", "export the report again")
    # The content decides, not the file name: a PDF renamed .txt is still read as a PDF.
    if data.lstrip()[:5] == b"%PDF-":
        from extract.readers.pdf import read_pdf

        lines, paged, n_pages = read_pdf(Path(path), settings)
        pages: int | None = n_pages
        plain = [t for t, _ in paged]
        plain_pages: list[int | None] = [p for _, p in paged]
        input_kind, encoding = "pdf", "pdf"
    else:
        text, encoding = decode(data, name)
        raw, pages = split_lines(text, settings)
        reader = pick_text_reader(raw)
        lines, plain, input_kind = reader.to_lines(raw, name, settings), [r.text for r in raw], reader.kind
        plain_pages = [r.page for r in raw]
    meta = read_metadata(plain, plain_pages)
    tables = find_tables(lines, meta.year, settings)
    claims = find_claims(lines, settings.max_claim_sentence)
    return Document(
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        input_kind=input_kind,  # type: ignore[arg-type]
        encoding=encoding,
        pages=pages,
        metadata=meta,
        tables=tuple(tables),
        claims=tuple(claims),
        lines=tuple(lines),
    )
