"""Born-digital PDFs: the seed reports rendered to PDF (ruled tables, tables crossing pages)
must give the same measurement rows as their text exports."""

from __future__ import annotations

import pytest
from conftest import JEMBER, MUARO_JAMBI

import extract
from corpus.tools.render_pdf import render


def _rows(doc):  # type: ignore[no-untyped-def]
    return [
        (
            r.table_kind,
            r.indicator,
            r.target and r.target.raw.strip(),
            r.realisasi and r.realisasi.raw.strip(),
            r.capaian and r.capaian.raw.strip(),
        )
        for r in doc.rows()
    ]


@pytest.mark.parametrize("source", [MUARO_JAMBI, JEMBER], ids=lambda p: p.stem)
def test_pdf_rendering_gives_the_text_rows(source, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = render(source, tmp_path / f"{source.stem}.pdf")
    from_pdf, from_text = extract.read_document(pdf), extract.read_document(source)
    assert from_pdf.input_kind == "pdf" and from_pdf.pages and from_pdf.pages > 20
    assert _rows(from_pdf) == _rows(from_text)
    assert from_pdf.metadata == from_text.metadata
    row = from_pdf.rows("pengukuran")[0]
    assert row.source.page and row.source.bbox  # provenance for PDFs: page + bbox
    assert {c.kind for c in from_pdf.claims} >= {c.kind for c in from_text.claims} - {"indicator_count"}


def test_unruled_tables_from_word_positions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """No ruling lines: columns from the header words. Jember reads completely; whatever is read
    of Muaro Jambi has the right values (a table whose columns cannot be placed is left out)."""
    from collections import Counter

    jember = extract.read_document(render(JEMBER, tmp_path / "j.pdf", layout="unruled"))
    assert _rows(jember) == _rows(extract.read_document(JEMBER))
    mj = _rows(extract.read_document(render(MUARO_JAMBI, tmp_path / "mj.pdf", layout="unruled")))
    truth = _rows(extract.read_document(MUARO_JAMBI))
    by_values = Counter((r[0], r[2], r[3], r[4]) for r in truth)
    assert len(mj) >= 30
    assert all(by_values[(r[0], r[2], r[3], r[4])] for r in mj)  # every row read carries values the report has


def test_pdf_renamed_txt_is_read_as_pdf(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = render(JEMBER, tmp_path / "jember.pdf")
    renamed = tmp_path / "jember.txt"
    renamed.write_bytes(pdf.read_bytes())
    assert extract.read_document(renamed).input_kind == "pdf"


def test_generated_layouts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The PDF issue's test layouts: unruled (no lines at all) and scanned (no text layer)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_raw

    from corpus.tools.render_pdf import scan

    unruled = render(JEMBER, tmp_path / "unruled.pdf", layout="unruled")
    doc = pypdfium2.PdfDocument(str(unruled))
    paths = sum(1 for i in range(len(doc)) for _ in doc[i].get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH]))
    doc.close()
    assert paths == 0
    scanned = scan(render(JEMBER, tmp_path / "ruled.pdf"), tmp_path / "scan.pdf")
    doc = pypdfium2.PdfDocument(str(scanned))
    assert all(not doc[i].get_textpage().get_text_range().strip() for i in range(len(doc)))
    doc.close()
    with pytest.raises(extract.UnsupportedInput, match="no text layer"):
        extract.read_document(scanned)
