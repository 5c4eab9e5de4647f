"""Stage 1: read a LAKIP report into a `Document` (tables, rows, values, claims, metadata).

>>> import extract
>>> doc = extract.read_document("corpus/documents/muaro_jambi_2024.txt")
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from extract.claims import find_claims
from extract.errors import LakipError, NotAReport, UnreadableInput, UnsupportedInput
from extract.evidence import evidence
from extract.metadata import read_metadata
from extract.model import MEASURED_KINDS, Document, Line, Row, Table
from extract.narrative import narrative_tables
from extract.pagelabels import page_labels
from extract.quoted import blank_code
from extract.readers import pick_text_reader, text_reader
from extract.readers.office import FIX as FIX_OFFICE
from extract.readers.office import office_kind, office_text
from extract.settings import ExtractSettings
from extract.tables import find_tables
from extract.textio import decode, split_lines
from extract.values import parse_value

__all__ = [
    "Document", "ExtractSettings", "LakipError", "NotAReport", "Row", "Table", "UnreadableInput", "UnsupportedInput",
    "parse_value", "read_document",
]  # fmt: skip


def _placed(lines: list[Line], plain: list[str], plain_pages: list[int | None]) -> list[Line]:
    """Each line's place as an inspector finds it: the page number printed on its page and its
    line on that page (counted top-down from 1)."""
    by_page: dict[int, list[str]] = {}
    for text, page in zip(plain, plain_pages, strict=True):
        if page is not None:
            by_page.setdefault(page, []).append(text)
    numbers = sorted(by_page)
    labels = dict(zip(numbers, page_labels([by_page[p] for p in numbers]), strict=True))
    out: list[Line] = []
    count: dict[int | None, int] = {}
    for ln in lines:
        page = ln.source.page
        count[page] = count.get(page, 0) + 1
        src = replace(ln.source, printed_page=labels.get(page) if page is not None else None, page_line=count[page])
        out.append(replace(ln, source=src))
    return out


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
        office = office_kind(data)
        if office is None and data[:4] == b"PK\x03\x04":
            raise UnreadableInput(name, "a zip archive that is not a readable .docx or .odt document", FIX_OFFICE)
        if office:  # explicit cells: the tab-separated text the text-tsv reader reads
            text, encoding = office_text(data, office, name), office
        else:
            text, encoding = decode(data, name)
        raw, pages = split_lines(text, settings)
        raw = blank_code(raw)
        reader = text_reader("text-tsv") if office else pick_text_reader(raw)
        lines, plain, input_kind = reader.to_lines(raw, name, settings), [r.text for r in raw], office or reader.kind
        plain_pages = [r.page for r in raw]
    meta = read_metadata(plain, plain_pages)
    lines = _placed(lines, plain, plain_pages)
    tables = find_tables(lines, meta.year, settings)
    tabled = any(t.rows for t in tables if t.kind in MEASURED_KINDS)
    tables += narrative_tables(lines, len(tables) + 1, tabled)
    claims = find_claims(lines, settings.max_claim_sentence)
    named = meta.satker is not None and (meta.satker_confidence or 0) >= settings.min_identity_confidence
    if not named and not claims and not any(t.rows for t in tables if t.kind in MEASURED_KINDS):
        # a README, a one-line note, a PDF of one line: nothing an analyst or an inspector could use
        raise NotAReport(
            name, "not a performance report: it names no satker surely and holds no performance table and no figures",
            "give the LAKIP / LKj itself; a kata pengantar or a post naming its satker is stored",
        )  # fmt: skip
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
        evidence=evidence(tuple(tables), tuple(lines)),
    )
