"""Word (.docx) and OpenDocument (.odt) files: their tables are explicit cells, so they become the
tab-separated text the `text-tsv` reader reads (a paragraph a line, a table row a line of cells)
and go through the same table layer as every other input.

Read with the standard library's zipfile and ElementTree: the few elements used here (paragraph,
table, row, cell, span, page break) are the formats' core, and python-docx / odfpy each cover one
format only. Merged cells keep their columns: a cell spanning n columns is followed by n-1 empty
cells; a cell merged down from the row above is empty (as a ruled PDF's covered cell).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from extract.errors import UnreadableInput

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
OFF = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
FIX = "open it in Word or LibreOffice and save it again, or export it as PDF"
#: a document.xml larger than this is refused (a LAKIP's is a few MB; a zip bomb is not)
MAX_XML_MB = 64


def office_kind(data: bytes) -> str | None:
    """`docx` / `odt` when `data` is such a file, else None."""
    if data[:4] != b"PK\x03\x04":
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "content.xml" in names and z.read("mimetype").startswith(b"application/vnd.oasis.opendocument.text"):
                return "odt"
    except (zipfile.BadZipFile, KeyError):
        return None
    return None


def office_text(data: bytes, kind: str, path: str) -> str:
    """The document as tab-separated text, a form feed where a page breaks."""
    member = "word/document.xml" if kind == "docx" else "content.xml"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if z.getinfo(member).file_size > MAX_XML_MB << 20:
                raise UnreadableInput(path, f"its {member} is over {MAX_XML_MB} MB", FIX)
            root = ET.fromstring(z.read(member))
    except (zipfile.BadZipFile, KeyError, ET.ParseError) as e:
        raise UnreadableInput(path, f"the {kind} file is damaged ({e})", FIX) from e
    body = root.find(f"{W}body") if kind == "docx" else root.find(f"{OFF}body/{OFF}text")
    if body is None:
        raise UnreadableInput(path, f"the {kind} file has no document body", FIX)
    lines = list(_docx(body) if kind == "docx" else _odt(body))
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def _docx_text(el: ET.Element) -> tuple[str, bool]:
    """A paragraph's (or cell's) text and whether a page breaks inside it."""
    parts: list[str] = []
    brk = False
    for node in el.iter():
        if node.tag == f"{W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{W}tab":
            parts.append(" ")
        elif node.tag in (f"{W}br", f"{W}cr"):
            brk |= node.get(f"{W}type") == "page"
            parts.append(" ")
        elif node.tag == f"{W}lastRenderedPageBreak":
            brk = True
    return "".join(parts), brk


def _docx(body: ET.Element) -> Iterator[str]:
    for el in body:
        if el.tag == f"{W}p":
            text, brk = _docx_text(el)
            yield ("\f" if brk else "") + _cell(text)
        elif el.tag == f"{W}tbl":
            for tr in el.iter(f"{W}tr"):
                cells: list[str] = []
                brk = False
                for tc in tr.findall(f"{W}tc"):
                    pr = tc.find(f"{W}tcPr")
                    span = pr.find(f"{W}gridSpan") if pr is not None else None
                    merged = pr.find(f"{W}vMerge") if pr is not None else None
                    text, b = _docx_text(tc)
                    brk |= b
                    covered = merged is not None and merged.get(f"{W}val") != "restart"
                    cells += ["" if covered else _cell(text)] + [""] * (int(span.get(f"{W}val", "1")) - 1 if span is not None else 0)
                yield ("\f" if brk else "") + "\t".join(cells)


def _odt_text(el: ET.Element) -> str:
    parts: list[str] = []
    for node in el.iter():
        if node.text and node.tag in (f"{X}p", f"{X}h", f"{X}span", f"{X}a"):
            parts.append(node.text)
        if node.tag in (f"{X}s", f"{X}tab", f"{X}line-break"):
            parts.append(" ")
        if node.tail and node is not el:
            parts.append(node.tail)
    return "".join(parts)


def _odt(body: ET.Element) -> Iterator[str]:
    for el in body:
        if el.tag in (f"{X}p", f"{X}h"):
            yield _cell(_odt_text(el))
        elif el.tag == f"{X}list":
            for p in el.iter(f"{X}p"):
                yield _cell(_odt_text(p))
        elif el.tag == f"{T}table":
            for tr in el.iter(f"{T}table-row"):
                cells: list[str] = []
                for tc in tr:
                    if tc.tag == f"{T}covered-table-cell":
                        cells.append("")  # merged into the cell left of it or above it
                    elif tc.tag == f"{T}table-cell":
                        cells.append(_cell(" ".join(_odt_text(p) for p in tc.iter(f"{X}p"))))
                yield "\t".join(cells)
