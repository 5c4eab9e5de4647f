"""Unit tests of `extract.tables`: where a table's header ends, a table continued on the next
page, and the value-less last row of a text cut inside a table (`_bare` in `_finish`)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import extract
from extract.model import Document, Line, Source
from extract.settings import ExtractSettings
from extract.tables import find_tables, header_rows

TITLE = "LAPORAN KINERJA KPU KABUPATEN TEBO TAHUN 2024"
HEADER = ("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian")


def tsv(tmp_path: Path, *rows: tuple[str, ...], after: str = "") -> Document:
    path = tmp_path / "laporan.txt"
    path.write_text("\n".join([TITLE, *("\t".join(r) for r in (HEADER, *rows))]) + "\n" + after, encoding="utf-8")
    return extract.read_document(path)


def measured(doc: Document) -> list[tuple[str | None, str, str | None]]:
    return [(r.number, r.indicator, r.target.raw if r.target else None) for r in doc.rows()]


ROWS = (
    ("1", "Persentase laporan keuangan tepat waktu", "100%", "100%", "100%"),
    ("2", "Indeks kepuasan layanan", "80", "85", "106,25%"),
)
BARE = ("3", "Persentase pemilu tanpa konflik", "", "", "")


def test_a_value_less_last_row_where_the_text_stops_is_dropped(tmp_path: Path) -> None:
    # real-excerpts/02: `… tanpa konflik` ends the excerpt; its values were cut off with the text
    doc = tsv(tmp_path, *ROWS, BARE)
    assert measured(doc) == [("1", "Persentase laporan keuangan tepat waktu", "100%"), ("2", "Indeks kepuasan layanan", "80")]


def test_a_value_less_row_of_a_table_that_ends_before_the_text_is_kept(tmp_path: Path) -> None:
    doc = tsv(tmp_path, *ROWS, BARE, after="Tabel di atas menunjukkan capaian kinerja seluruh indikator pada tahun ini.\n")
    assert measured(doc) == [
        ("1", "Persentase laporan keuangan tepat waktu", "100%"),
        ("2", "Indeks kepuasan layanan", "80"),
        ("3", "Persentase pemilu tanpa konflik", None),
    ]


def test_a_table_of_value_less_rows_keeps_them_all(tmp_path: Path) -> None:
    # every row bare: not a cut, a table printed without its figures
    doc = tsv(tmp_path, ("1", "Persentase laporan keuangan tepat waktu", "", "", ""), ("2", "Indeks kepuasan layanan", "", "", ""))
    assert measured(doc) == [("1", "Persentase laporan keuangan tepat waktu", None), ("2", "Indeks kepuasan layanan", None)]


def test_a_value_less_row_in_the_middle_is_kept(tmp_path: Path) -> None:
    doc = tsv(tmp_path, ROWS[0], BARE, ROWS[1])
    assert [r.number for r in doc.rows()] == ["1", "3", "2"]


def test_text_table_header_repeated_after_a_page_break(tmp_path: Path) -> None:
    # the table goes on after a page break (three blank lines, the seeds' page break), its
    # header printed again: one table, the header not taken for a row
    path = tmp_path / "laporan.txt"
    body = [TITLE, "\t".join(HEADER), "\t".join(ROWS[0]), "", "", "", "\t".join(HEADER), "\t".join(ROWS[1])]
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    doc = extract.read_document(path)
    assert len(doc.tables) == 1
    assert measured(doc) == [("1", "Persentase laporan keuangan tepat waktu", "100%"), ("2", "Indeks kepuasan layanan", "80")]
    assert [r.source.page for r in doc.rows()] == [1, 2]


# --- regions (geometry) --------------------------------------------------------------------


def _lines(*specs: tuple[tuple[str, ...], int | None, int | None, bool]) -> list[Line]:
    """Lines from (cells, page, region, after_break), numbered from 1."""
    n = itertools.count(1)
    return [
        Line(cells, Source("laporan.pdf", next(n), page), brk, region=region, whole=region is not None)
        for cells, page, region, brk in specs
    ]


def test_header_rows_count_the_header_and_its_column_numbers() -> None:
    body = ("1", "Persentase", "100%", "95%", "95%")
    colnums = ("(1)", "(2)", "(3)", "(4)", "(5)")
    assert header_rows(_lines((HEADER, 1, 1, False), (colnums, 1, 1, False), (body, 1, 1, False))) == 2
    # a vertically centred cell's words printed a line above the others
    assert header_rows(_lines((("Tahun", "Tahun"), 1, 1, False), (HEADER, 1, 1, False), (body, 1, 1, False))) == 2
    # a year split over two cells (`2` | `024`, a scan's export) is no value
    assert header_rows(_lines((("No", "Indikator", "Realisasi", "2", "024"), 1, 1, False), (body, 1, 1, False))) == 1
    assert header_rows(_lines((body, 1, 1, False))) == 0
    # one column named: no header
    assert header_rows(_lines((("Uraian", "Keterangan"), 1, 1, False), (body, 1, 1, False))) == 0


def test_a_region_at_the_top_of_the_next_page_continues_the_table() -> None:
    # the same header repeated on page 2, only a running header between: one table
    lines = _lines(
        (("Tabel 3.1 Pengukuran Kinerja",), 1, None, False),
        (HEADER, 1, 1, False),
        (ROWS[0], 1, 1, False),
        (("Laporan Kinerja KPU Kabupaten Tebo",), 2, None, True),
        (HEADER, 2, 2, False),
        (ROWS[1], 2, 2, False),
    )
    (t,) = find_tables(lines, 2024, ExtractSettings())
    assert (t.kind, t.caption, t.source.line, t.end_line) == ("pengukuran", "Tabel 3.1 Pengukuran Kinerja", 2, 6)
    assert [(r.number, r.target.raw if r.target else None, r.source.page) for r in t.rows] == [("1", "100%", 1), ("2", "80", 2)]


def test_a_region_after_prose_is_a_table_of_its_own() -> None:
    lines = _lines(
        (HEADER, 1, 1, False),
        (ROWS[0], 1, 1, False),
        (("Capaian tersebut didukung oleh pelaksanaan program yang tepat waktu dan terukur " * 2,), 2, None, True),
        (HEADER, 2, 2, False),
        (ROWS[1], 2, 2, False),
    )
    tables = find_tables(lines, 2024, ExtractSettings())
    assert [[r.number for r in t.rows] for t in tables] == [["1"], ["2"]]


def test_a_region_without_a_performance_header_is_no_table() -> None:
    lines = _lines((("Uraian", "Keterangan"), 1, 1, False), (("Pegawai", "12 orang"), 1, 1, False))
    assert find_tables(lines, 2024, ExtractSettings()) == []


def test_a_title_cell_across_the_top_is_a_caption_not_the_table_going_on() -> None:
    """r24_disparbud pp. 2-4: a table ends on page 2; page 3 opens a table of other columns whose
    top cell spans it with its title (`CAPAIAN KINERJA TAHUN 2016 …`). The title is the second
    table's caption, its own header is read, and page 3 does not carry page 2's table on."""
    title = "CAPAIAN KINERJA TAHUN 2016 DINAS PARIWISATA"
    other = ("Tujuan", "Sasaran", "Indikator", "Target", "Realisasi")
    row = ("Peningkatan kunjungan", "Meningkatnya kunjungan", "Kunjungan wisatawan", "1.100.000 Orang", "4.428.094 Orang")
    lines = _lines(
        (HEADER, 1, 1, False),
        (ROWS[0], 1, 1, False),
        ((title,), 2, 2, True),
        (other, 2, 2, False),
        (row, 2, 2, False),
    )
    lines[2] = replace(lines[2], spans=(5,))  # one cell merged across the five columns
    first, second = find_tables(lines, 2024, ExtractSettings())
    assert [r.number for r in first.rows] == ["1"]
    assert second.caption == title and [r.indicator for r in second.rows] == ["Kunjungan wisatawan"]
    assert second.rows[0].target is not None and second.rows[0].target.raw == "1.100.000 Orang"


def test_a_chapter_box_at_the_top_of_the_next_page_does_not_continue_the_table() -> None:
    # r05_disperindag p. 31: the running header and `BAB. III` drawn in a ruled box under the PK of p. 30
    lines = _lines(
        (HEADER, 1, 1, False),
        (ROWS[0], 1, 1, False),
        (("Dinas Perindustrian dan Perdagangan Provinsi Jawa Barat", "BABIII"), 2, 2, True),
        (("", "BAB. III"), 2, 2, False),
    )
    (t,) = find_tables(lines, 2024, ExtractSettings())
    assert [r.indicator for r in t.rows] == [ROWS[0][1]]
    # the same narrow region without the chapter title is the last row's end, as before
    lines[2:] = _lines((("yang ditangani",), 2, 2, True))
    (t,) = find_tables(lines, 2024, ExtractSettings())
    assert t.rows[0].indicator == f"{ROWS[0][1]} yang ditangani"


def test_a_wider_grid_without_a_header_we_read_is_not_the_table_going_on() -> None:
    # r18_distan p. 67: the Renja form (14 columns, a header of words we do not know) after the RKT
    wide = ("1", "", "Koordinasi Perencanaan Pembangunan", "", "Jawa Barat", "Tersedianya dokumen", "1 Kegiatan", "400.000")
    lines = _lines((HEADER, 1, 1, False), (ROWS[0], 1, 1, False), (wide, 2, 2, True), (wide, 2, 2, False))
    (t,) = find_tables(lines, 2024, ExtractSettings())
    assert [r.indicator for r in t.rows] == [ROWS[0][1]]
    # a narrower one is the last row's end
    lines[2:] = _lines((("yang ditangani",), 2, 2, True))
    (t,) = find_tables(lines, 2024, ExtractSettings())
    assert len(t.rows) == 1 and t.rows[0].indicator.endswith("yang ditangani")


def test_a_running_header_drawn_in_a_box_does_not_carry_a_table_on() -> None:
    # r09_bplhd: `LKIP BPLHD Provinsi Jawa Barat | 2016` ruled at the top of every page
    box = ("LKIP BPLHD Provinsi Jawa Barat", "2016")
    lines = _lines(
        (box, 1, 100, False),
        (HEADER, 1, 1, False),
        (ROWS[0], 1, 1, False),
        (box, 2, 200, True),
        (box, 3, 300, True),
    )
    (t,) = find_tables(lines, 2024, ExtractSettings())
    assert [r.indicator for r in t.rows] == [ROWS[0][1]]
    # drawn on two pages only, it may be the last row's end
    (t,) = find_tables(lines[:4], 2024, ExtractSettings())
    assert "LKIP BPLHD" in t.rows[0].indicator


def test_a_tables_title_over_a_charts_labels_is_its_caption() -> None:
    # r07_bp3akb p. 29: the title, then a bar chart's words and figures, then the IKU table
    head = ("No", "Sasaran Strategis", "Indikator Kinerja", "Target")
    labels = [
        ((t,), 1, None, False) for t in ("Meningkatnya", "Peran Serta dan", "4,283,750,000", "PAGU ANGGARAN PER SASARAN", "pengelolaan")
    ]
    specs = [(("Tabel 2.3b.",), 1, None, False), (("Indikator Kinerja Utama (IKU) Tahun 2016",), 1, None, False), *labels]
    specs += [(head, 1, 1, False), (("1", "Meningkatnya peran", "Indeks Pemberdayaan Gender (IDG)", "73 poin"), 1, 1, False)]
    (t,) = find_tables(_lines(*specs), 2016, ExtractSettings())
    assert (t.caption, t.kind) == ("Tabel 2.3b. Indikator Kinerja Utama (IKU) Tahun 2016", "rencana")
    # prose between them: the title is another's
    prose = (("Penetapan kinerja tahun ini dituangkan dalam perjanjian kinerja yang ditandatangani kepala badan.",), 1, None, False)
    (t,) = find_tables(_lines(*specs[:3], prose, *specs[3:]), 2016, ExtractSettings())
    assert t.caption is not None and not t.caption.startswith("Tabel 2.3b")
