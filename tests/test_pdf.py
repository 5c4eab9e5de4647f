"""PDFs: the seed reports rendered to PDF (ruled, unruled, scanned; tables crossing pages)
against the rows of their text exports."""

from __future__ import annotations

import json

import pdf_golden
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
    # the narrative's claims too: paragraphs rejoined across wrapped lines (`Rp.` ends no
    # sentence), never across a table between a heading and the text below it
    claims = [(c.kind, c.raw, c.value, c.value_from, c.value_to) for c in from_pdf.claims]
    assert claims == [(c.kind, c.raw, c.value, c.value_from, c.value_to) for c in from_text.claims]


@pytest.mark.parametrize("seed", pdf_golden.SEEDS, ids=lambda p: p.stem)
def test_unruled_rendering_matches_golden(seed, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """No ruling lines: columns from the header words. The rows that differ from the text
    export are exactly the ones the golden file lists: none, for either layout."""
    expected = json.loads(pdf_golden.expected_path(seed).read_text(encoding="utf-8"))
    actual = pdf_golden.snapshot(seed, tmp_path, ("ruled", "unruled"))
    for layout in ("ruled", "unruled"):
        assert actual[layout] == expected[layout], f"{seed.name} {layout}: differs from its golden file (make golden, review the diff)"
    for layout in ("ruled", "unruled"):
        assert expected[layout]["missing"] == [] and expected[layout]["extra"] == [], layout


@pytest.fixture(scope="session")
def jember_scan(tmp_path_factory):  # type: ignore[no-untyped-def]
    """The Jember seed rendered ruled, then scanned (200 dpi, turned 0.5-1 degree, speckle,
    JPEG; no text layer), read once for the tests below (OCR takes about a minute)."""
    from corpus.tools.render_pdf import scan

    tmp = tmp_path_factory.mktemp("scan")
    pdf = scan(render(JEMBER, tmp / "ruled.pdf"), tmp / "scan.pdf")
    return pdf, extract.read_document(pdf)


def test_scanned_report_is_read_by_ocr(jember_scan) -> None:  # type: ignore[no-untyped-def]
    _, doc = jember_scan
    truth = pdf_golden.rows(extract.read_document(JEMBER))
    got = pdf_golden.rows(doc)
    assert doc.input_kind == "pdf" and doc.pages == 25
    assert pdf_golden.score_right(truth, got) >= 0.9  # the target for scans
    assert len(doc.rows("pengukuran")) == 18 and len(doc.rows("kegiatan")) >= 17
    assert doc.metadata == extract.read_document(JEMBER).metadata
    row = doc.rows("pengukuran")[0]
    assert row.source.page and row.source.bbox
    assert row.capaian is not None and row.capaian.confidence is not None and 0 < row.capaian.confidence <= 100


def test_low_ocr_confidence_is_marked() -> None:
    """A value read with low confidence says so in its notes (and keeps the figure)."""
    from collections import Counter

    from extract.assemble import assemble_rows
    from extract.header import classify
    from extract.model import Line, Source

    head = [("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian")]
    header = classify(head, 5, "", 2024)
    src = Source("x.pdf", 2, 1)
    body = [Line(("1", "Persentase pemilih", "90%", "85%", "94,4"), src, confidence=(96.0, 95.0, 96.0, 41.0, None))]
    [row] = assemble_rows(header, body, 1, [], None, Counter(), low_confidence=80.0)
    assert row.target and row.target.confidence == 96.0 and row.target.note is None
    assert row.realisasi and row.realisasi.number == 85 and row.realisasi.note == "keyakinan OCR rendah (41)"
    assert row.capaian and row.capaian.confidence is None


def test_scan_without_tesseract_names_the_install_step(jember_scan, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil

    pdf, _ = jember_scan
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(extract.UnsupportedInput, match="tesseract") as err:
        extract.read_document(pdf)
    assert "make ocr" in err.value.fix and "apt-get install tesseract-ocr" in err.value.fix


def test_born_digital_pdf_never_needs_tesseract(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Blank pages in a born-digital PDF are empty, not scans: no OCR, no tesseract."""
    import shutil

    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    pdf.multi_cell(0, 5, "LAPORAN KINERJA KPU KABUPATEN JEMBER TAHUN 2024")
    pdf.add_page()  # left blank
    path = tmp_path / "blank_page.pdf"
    pdf.output(str(path))
    monkeypatch.setattr(shutil, "which", lambda name: None)
    doc = extract.read_document(path)
    assert doc.pages == 2 and doc.metadata.year == 2024


def test_pdf_renamed_txt_is_read_as_pdf(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = render(JEMBER, tmp_path / "jember.pdf")
    renamed = tmp_path / "jember.txt"
    renamed.write_bytes(pdf.read_bytes())
    assert extract.read_document(renamed).input_kind == "pdf"


def test_generated_layouts(jember_scan, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The PDF issue's test layouts: unruled (no lines at all) and scanned (no text layer)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_raw

    unruled = render(JEMBER, tmp_path / "unruled.pdf", layout="unruled")
    doc = pypdfium2.PdfDocument(str(unruled))
    paths = sum(1 for i in range(len(doc)) for _ in doc[i].get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_PATH]))
    doc.close()
    assert paths == 0
    scanned, _ = jember_scan
    doc = pypdfium2.PdfDocument(str(scanned))
    assert all(not doc[i].get_textpage().get_text_range().strip() for i in range(len(doc)))
    doc.close()


_HEADER = "No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian"
_INTRO = "LAPORAN KINERJA KPU KABUPATEN CONTOH TAHUN 2024 (SINTETIS)\n\nTabel 3.1 Pengukuran Kinerja\n\n"


def _unruled(tmp_path, text: str):  # type: ignore[no-untyped-def]
    src = tmp_path / "report.txt"
    src.write_text(_INTRO + text, encoding="utf-8")
    return extract.read_document(render(src, tmp_path / "report.pdf", layout="unruled")).rows("pengukuran")


def test_unruled_name_wrapping_onto_next_page_in_a_narrower_layout(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The last name goes on at the next page's left edge, laid out narrower than its
    columns, beside stamp noise: the words join the name, the noise is dropped."""
    rows = _unruled(
        tmp_path,
        f"{_HEADER}\n1\tPersentase pemilih terdaftar\t90%\t95%\t105,56%\n"
        "2\tPersentase pendistribusian logistik\t100%\t94,43%\t94,43%\n\n\n\n"
        "secara tepat\t\t\nsasaran, tepat\t11 11 4 11 11\t\njumlah dan waktu\t\t\n\n"
        "Capaian ini lebih rendah dari tahun sebelumnya karena keterlambatan pengiriman logistik ke gudang kecamatan.\n",
    )
    assert [r.indicator for r in rows] == [
        "Persentase pemilih terdaftar",
        "Persentase pendistribusian logistik secara tepat sasaran, tepat jumlah dan waktu",
    ]
    assert rows[1].capaian and rows[1].capaian.raw == "94,43%"


def test_unruled_table_going_on_with_a_group_row_is_not_a_tail(tmp_path) -> None:  # type: ignore[no-untyped-def]
    rows = _unruled(
        tmp_path,
        f"{_HEADER}\n1\tPersentase pemilih terdaftar\t90%\t95%\t105,56%\n\n\n\n"
        "Program Dukungan Manajemen\t\t\t\t\n2\tNilai Akuntabilitas Kinerja\tBB\tBB\t100%\n"
        "3\tPersentase realisasi anggaran\t95%\t93,61%\t98,54%\n",
    )
    assert [(r.indicator, r.target and r.target.raw) for r in rows] == [
        ("Persentase pemilih terdaftar", "90%"),
        ("Nilai Akuntabilitas Kinerja", "BB"),
        ("Persentase realisasi anggaran", "95%"),
    ]


def test_ocr_damage_in_headers_and_grades() -> None:
    """What tesseract does to a scanned table: `(1)` read as `q)`/`qQ)`, `%` as `Yo`, BB as 88."""
    from extract.header import is_column_numbers, is_header_continuation
    from extract.readers.pdf_lattice import Item
    from extract.readers.scan import _grades

    assert is_column_numbers(("qQ)", "(2)", "", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"))
    assert not is_column_numbers(("a)", "b)"))  # enumerators, not column numbers
    assert is_header_continuation(("q)", "", "", "2023", "Target Realisasi", "", "2025", "Kinerja %"))
    assert is_header_continuation(("", "", "2021", "2022", "2023", "Target", "Realisasi", "2024", "Kinerja Yo"))
    row = Item(0.0, ["Nilai Akuntabilitas Kinerja", "88", "CC", "76,25"])
    assert _grades(row).cells == ["Nilai Akuntabilitas Kinerja", "BB", "CC", "76,25"]
    assert _grades(Item(0.0, ["Jumlah TPS", "88", "90"])).cells == ["Jumlah TPS", "88", "90"]


def test_unruled_table_at_the_page_end_stops_before_the_next_heading() -> None:
    """A table a few lines above the page end, then a numbered heading that fits its name
    column: with so few lines below the table, the gap before the heading must still be
    measured against the page's spacing, not against itself (Bolaang Mongondow Utara, p. 24)."""
    from extract.readers.pdf_glyphs import VLine, Word
    from extract.readers.pdf_words import unruled_tables

    def line(top: float, height: float, *cells: tuple[float, str]) -> VLine:
        return VLine(top, top + height, [Word(x, x + 4.5 * len(t), top, top + height, t) for x, t in cells])

    prose = [line(600 + 12.75 * k, 10.5, (57, "honorarium opsional satuan kerja secara tepat waktu dan seterusnya ya")) for k in range(10)]
    lines = [
        *prose,
        line(731.2, 8.1, (57, "Kegiatan"), (200, "Target"), (270, "Realisasi"), (340, "Capaian")),
        line(741.4, 8.1, (340, "2023"), (400, "2024")),
        line(751.6, 8.2, (57, "Layanan Perkantoran"), (200, "12 Layanan"), (270, "12 Layanan"), (340, "100%"), (400, "100%")),
        line(767.5, 10.5, (57, "2) Layanan Sarana Internal")),
        line(783.1, 10.5, (57, "Indikator Kinerja Persentase pengelolaan barang milik negara ini, Sekretariat")),
    ]
    items, rest, carried = unruled_tables(lines, None)
    assert [it.cells[0] for it in items] == ["Kegiatan", "", "Layanan Perkantoran"]
    assert [ln.text for ln in rest[-2:]] == ["2) Layanan Sarana Internal", lines[-1].text]
    assert carried is None


def test_a_stamp_read_as_a_row_is_dropped() -> None:
    """A signature stamp over a PK table, OCR'd as a row of its own: capitals whose words the
    report uses nowhere else, with the stamp's digits as a target (Muaro Jambi, p. 51)."""
    import re
    from collections import Counter

    from extract.assemble import assemble_rows
    from extract.header import classify
    from extract.model import Line, Source

    header = classify([("No", "Indikator Kinerja", "Target")], 3, "", 2024)
    body = [
        Line(("", "Nilai Akuntabilitas Kinerja", "B"), Source("x.pdf", 2, 1)),
        Line(("", "LD VINITY I VINITY I", "1000"), Source("x.pdf", 3, 1)),
        Line(("", "Opini BPK atas Laporan Keuangan", "WTP"), Source("x.pdf", 4, 1)),
        Line(("", "PERSENTASE PEMILIH", "80%"), Source("x.pdf", 5, 1)),  # capitals, but words of the report
    ]
    prose = "Nilai akuntabilitas kinerja dan opini BPK atas laporan keuangan; persentase pemilih naik."
    vocab = Counter(w for c in [prose, *(c for ln in body for c in ln.cells)] for w in re.findall(r"[^\W\d_]{2,}", c.lower()))
    rows = assemble_rows(header, body, 1, [], None, vocab)
    assert [r.indicator for r in rows] == ["Nilai Akuntabilitas Kinerja", "Opini BPK atas Laporan Keuangan", "PERSENTASE PEMILIH"]


def test_a_list_item_is_not_the_heading_that_names_an_activity_table(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Per-activity tables take their indicator from the `2) …` heading above them; OCR reads the
    list item `- g) Melakukan …` as `- 9) Melakukan …`, a sentence, which names nothing (Jember, p. 21)."""
    src = tmp_path / "report.txt"
    src.write_text(
        _INTRO + "3.2.2 Penyiapan Penyusunan Rancangan Peraturan KPU\n\n2) Data dan Informasi Publik\n\n"
        "KPU Kabupaten Contoh telah melakukan kegiatan di bidang hukum diantaranya :\n\n"
        "- f) Melakukan pencatatan, penyimpanan dan pemeliharaan produk-produk hukum\n"
        "- 9) Melakukan evaluasi secara berkala terhadap pelaksanaan kegiatan JDIH dan informasi hukum.\n\n"
        "Kegiatan\tTarget\tRealisasi\tCapaian\t\n\t\t\t2023\t2024\n"
        "Dokumentasi dan Informasi Produk Hukum\t1 Layanan\t1 Layanan\t100%\t100%\n",
        encoding="utf-8",
    )
    [row] = extract.read_document(src).rows("kegiatan")
    assert (row.indicator, row.activity) == ("Data dan Informasi Publik", "Dokumentasi dan Informasi Produk Hukum")
