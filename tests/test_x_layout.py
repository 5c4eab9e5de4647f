"""Unit tests of the page layout layer (`extract.layout`): words and rulings built by hand, as a
PDF or OCR reader would hand them over, and the grids found from them.

Geometry convention of the helpers: every character is 5 pt wide, a word 10 pt high, and words of
one cell stand 3 pt apart (a space); a column gap is then anything wider than 9 pt
(`LayoutSettings.column_gap` x the line height)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from extract.layout import find_grids
from extract.layout.geometry import Box, Segment, Word, cluster, inside, line_text, overlap, visual_lines
from extract.layout.grid import Grid
from extract.layout.lattice import lattice
from extract.layout.rulings import RuledRegion, join, regions
from extract.layout.settings import LayoutSettings
from extract.layout.stream import Chunk, chunks, find_tables, gutters, stream_grid

S = LayoutSettings()


def cell(x: float, top: float, text: str, h: float = 10.0) -> list[Word]:
    """The words of `text` from x on, a space (3 pt) apart."""
    out = []
    for t in text.split():
        out.append(Word(x, top, x + 5.0 * len(t), top + h, t))
        x += 5.0 * len(t) + 3
    return out


def line(top: float, *cells: tuple[float, str]) -> list[Word]:
    return [w for x, t in cells for w in cell(x, top, t)]


COLS = (50, 80, 320, 380, 450)  # No | Indikator | Target | Realisasi | Capaian


def trow(top: float, *values: str) -> list[Word]:
    return line(top, *[(x, v) for x, v in zip(COLS, values, strict=False) if v])


def H(y: float, a: float, b: float) -> Segment:
    return Segment(True, y, a, b)


def V(x: float, a: float, b: float) -> Segment:
    return Segment(False, x, a, b)


def text_of(words: list[Word]) -> Callable[[Box], tuple[str, float | None]]:
    """A reader's cell text: the words whose centre is in the box, a line per visual line."""

    def read(box: Box) -> tuple[str, float | None]:
        return "\n".join(line_text(ln) for ln in visual_lines([w for w in words if inside(w, box)])), None

    return read


def table(g: Grid) -> list[list[tuple[int, int, str]]]:
    """The grid as rows of (col, colspan, text)."""
    return [[(c.col, c.colspan, c.text) for c in r] for r in g.rows()]


HEADER = ("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian")


# --- geometry ----------------------------------------------------------------------------------


def test_overlap_is_the_shared_length_or_zero() -> None:
    assert overlap(0, 10, 5, 20) == 5
    assert overlap(0, 10, 10, 20) == 0
    assert overlap(0, 10, 15, 20) == 0.0  # apart: never negative
    assert overlap(2, 3, 0, 10) == 1


def test_cluster_merges_runs_closer_than_tol_into_their_mean() -> None:
    # a ruling drawn twice (1 pt apart) is one edge; the run is chained, not measured from its start
    assert cluster([100.0, 0.0, 1.0, 2.0, 50.0], 1.0) == [1.0, 50.0, 100.0]
    assert cluster([0.0, 2.5, 5.0], 2.5) == [2.5]
    assert cluster([0.0, 2.6], 2.5) == [0.0, 2.6]
    assert cluster([], 1.0) == []


def test_visual_lines_groups_by_vertical_overlap_and_sorts_left_to_right() -> None:
    a = Word(100, 10, 120, 20, "b")
    b = Word(10, 12, 30, 22, "a")  # overlaps `a` by 8 of 10 pt: same line
    c = Word(10, 40, 30, 50, "c")
    d = Word(50, 17, 70, 27, "x")  # overlaps the line by 5 of 10 pt: not more than half, a new line
    lines = visual_lines([c, a, d, b])
    assert [[w.text for w in ln] for ln in lines] == [["a", "b"], ["x"], ["c"]]
    assert line_text(lines[0]) == "a b"


def test_visual_lines_follow_ocr_line_ids_where_every_word_has_one() -> None:
    # tesseract read a sagging line as one: its ids decide, not the boxes
    words = [Word(10, 10, 20, 20, "a", line=(1, 1)), Word(30, 30, 40, 40, "b", line=(1, 1)), Word(10, 60, 20, 70, "c", line=(1, 2))]
    assert [[w.text for w in ln] for ln in visual_lines(words)] == [["a", "b"], ["c"]]
    # one word without an id: the boxes decide for all of them
    mixed = [*words[:2], Word(10, 60, 20, 70, "c")]
    assert [[w.text for w in ln] for ln in visual_lines(mixed)] == [["a"], ["b"], ["c"]]


def test_inside_is_by_the_words_centre() -> None:
    w = Word(0, 0, 10, 10, "x")
    assert inside(w, (5, 5, 6, 6))
    assert not inside(w, (5.1, 0, 20, 20))


# --- settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        {"snap": -1.0},
        {"snap": math.nan},
        {"join_gap": -0.1},
        {"min_table_lines": 0},
        {"min_table_lines": -2},
        {"wall_cover": 0.0},
        {"wall_cover": 1.5},
        {"gutter_crossings": 1.0},
        {"max_box_share": 0.0},
        {"max_box_share": 1.2},
    ],
)
def test_layout_settings_refuse_bad_values(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="LayoutSettings"):
        LayoutSettings(**bad)  # type: ignore[arg-type]


def test_layout_settings_accept_the_edges_of_their_ranges() -> None:
    s = LayoutSettings(wall_cover=1.0, gutter_crossings=0.0, max_box_share=1.0, min_table_lines=1, snap=0.0)
    assert (s.wall_cover, s.gutter_crossings, s.max_box_share, s.min_table_lines) == (1.0, 0.0, 1.0, 1)


# --- rulings -----------------------------------------------------------------------------------


def test_join_makes_one_ruling_of_collinear_pieces() -> None:
    # Word draws each cell border as its own rectangle: pieces 1 pt apart, positions 1 pt off
    pieces = [H(100.0, 0, 50), H(101.0, 51, 100), H(100.5, 102.5, 150)]
    assert join(pieces, S) == [H(100.5, 0, 150)]


def test_join_keeps_pieces_apart_across_a_gap_and_drops_strokes() -> None:
    segs = [H(100, 0, 50), H(100, 60, 100), H(200, 0, 5), V(10, 0, 40), V(10, 41, 80)]
    assert join(segs, S) == [H(100, 0, 50), H(100, 60, 100), V(10, 0, 80)]  # the 5 pt dash is a glyph stroke


def test_regions_group_touching_rulings_and_keep_tables_apart() -> None:
    box1 = [H(0, 0, 100), H(50, 0, 100), V(0, 0, 50), V(100, 0, 50)]
    box2 = [H(500, 0, 100), H(550, 0, 100), V(0, 500, 550), V(100, 500, 550)]
    rs = regions(box2 + box1, S)
    assert [r.bbox for r in rs] == [(0, 0, 100, 50), (0, 500, 100, 550)]  # top-down
    assert len(rs[0].horizontals) == 2 and len(rs[0].verticals) == 2


def test_regions_stack_horizontal_only_rules_into_one_table() -> None:
    # a booktabs table: rules only, over the same x-range, 20 pt apart; and one rule broken under
    # a merged cell (overlapping half of the others) still belongs to it
    rules = [H(100, 40, 500), H(120, 40, 500), H(140, 40, 260), H(140, 262, 500), H(160, 45, 495)]
    rs = regions(rules, S)
    assert len(rs) == 1
    assert rs[0].bbox == (40, 100, 500, 160)


def test_regions_do_not_stack_rules_far_apart_or_over_other_columns() -> None:
    far = [H(100, 40, 500), H(120, 40, 500), H(600, 40, 500)]  # 480 pt down: beyond max_rule_gap
    assert [len(r.horizontals) for r in regions(far, S)] == [2, 1]
    beside = [H(100, 40, 200), H(120, 300, 500)]  # no x-range shared: two underlines, not a table
    assert [r.bbox for r in regions(beside, S)] == [(40, 100, 200, 100), (300, 120, 500, 120)]


# --- lattice -----------------------------------------------------------------------------------

# No | Indikator Kinerja | Tahun 2024 (over Target | Realisasi), No and Indikator merged down
# over both header rows: the 2-level header of `Tahun 2024 / Target`.
_HS = [H(0, 0, 320), H(20, 200, 320), H(40, 0, 320), H(60, 0, 320), H(80, 0, 320)]
_VS = [V(0, 0, 80), V(30, 0, 80), V(200, 0, 80), V(260, 20, 80), V(320, 0, 80)]
_WORDS = (
    line(16, (5, "No"), (35, "Indikator Kinerja"))
    + line(6, (205, "Tahun 2024"))
    + line(26, (205, "Target"), (263, "Realisasi"))
    + line(46, (5, "1"), (35, "Persentase laporan"), (205, "100%"), (265, "95%"))
    + line(66, (5, "2"), (35, "Jumlah dokumen"), (205, "3"), (265, "3"))
)


def test_lattice_reads_merged_cells_as_spans() -> None:
    g = lattice(RuledRegion(tuple(_HS), tuple(_VS)), text_of(_WORDS), S, 4)
    assert g is not None
    assert (g.method, g.page, g.xs, g.ys) == ("lattice", 4, (0, 30, 200, 260, 320), (0, 20, 40, 60, 80))
    spans = [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in g.cells]
    assert spans[:5] == [
        (0, 0, 2, 1, "No"),
        (0, 1, 2, 1, "Indikator Kinerja"),
        (0, 2, 1, 2, "Tahun 2024"),
        (1, 2, 1, 1, "Target"),
        (1, 3, 1, 1, "Realisasi"),
    ]
    assert table(g)[2:] == [
        [(0, 1, "1"), (1, 1, "Persentase laporan"), (2, 1, "100%"), (3, 1, "95%")],
        [(0, 1, "2"), (1, 1, "Jumlah dokumen"), (2, 1, "3"), (3, 1, "3")],
    ]
    covering = g.covering()
    assert covering[1][0] is covering[0][0] and covering[0][3] is covering[0][2]


def test_lattice_merges_a_sasaran_cell_down_the_rows_it_covers() -> None:
    # Sasaran | Indikator | Target: the rule under row 1 stops at the Sasaran column's edge
    hs = [H(0, 0, 300), H(20, 0, 300), H(40, 100, 300), H(60, 0, 300)]
    vs = [V(0, 0, 60), V(100, 0, 60), V(250, 0, 60), V(300, 0, 60)]
    words = line(5, (5, "Sasaran"), (105, "Indikator"), (255, "Target")) + line(30, (5, "Meningkatnya"))
    words += line(25, (105, "Persentase A"), (255, "90%")) + line(45, (105, "Persentase B"), (255, "80%"))
    g = lattice(RuledRegion(tuple(hs), tuple(vs)), text_of(words), S)
    assert g is not None
    assert [(c.row, c.col, c.rowspan, c.text) for c in g.cells if c.col == 0] == [(0, 0, 1, "Sasaran"), (1, 0, 2, "Meningkatnya")]


def test_lattice_takes_the_rules_ends_as_the_sides_a_producer_left_open() -> None:
    # only the inner verticals drawn: the table's outline is where its horizontal rules end
    hs = [H(0, 0, 300), H(20, 0, 300), H(40, 0, 300)]
    vs = [V(100, 0, 40), V(200, 0, 40)]
    words = line(5, (5, "Indikator"), (105, "Target"), (205, "Realisasi")) + line(25, (5, "Persentase"), (105, "90%"), (205, "91%"))
    g = lattice(RuledRegion(tuple(hs), tuple(vs)), text_of(words), S)
    assert g is not None and g.xs == (0, 100, 200, 300)
    assert table(g)[1] == [(0, 1, "Persentase"), (1, 1, "90%"), (2, 1, "91%")]


def test_lattice_is_none_for_boxes_and_frames() -> None:
    frame = RuledRegion((H(0, 0, 300), H(100, 0, 300)), (V(0, 0, 100), V(300, 0, 100)))  # one column
    assert lattice(frame, lambda b: ("Catatan penting", None), S) is None
    no_verticals = RuledRegion((H(0, 0, 300), H(20, 0, 300)), ())
    assert lattice(no_verticals, lambda b: ("x", None), S) is None
    # two columns but only one cell with text: a box with a label, not a table
    labelled = RuledRegion((H(0, 0, 300), H(20, 0, 300)), (V(0, 0, 20), V(150, 0, 20), V(300, 0, 20)))
    assert lattice(labelled, lambda b: ("Label" if b[0] < 10 else "", None), S) is None


# --- chunks ------------------------------------------------------------------------------------


def _texts(words: list[Word]) -> list[str]:
    return [c.text for c in chunks(words, S)]


def test_chunks_split_at_column_gaps_only() -> None:
    words = line(100, (10, "Persentase laporan"), (120, "100%"))  # 9 pt inside a cell, 12 pt between
    assert _texts(words) == ["Persentase laporan", "100%"]
    ch = chunks(words, S)[0]
    assert (ch.x0, ch.x1, ch.top, ch.bottom) == (10, 10 + 50 + 3 + 35, 100, 110)


def test_chunks_split_counted_values_printed_a_space_apart() -> None:
    # narrow value columns leave gaps no wider than a space (dev-pdfs/b_unruled p. 6)
    assert _texts(line(100, (10, "12 Layanan 12 Layanan 100%"))) == ["12 Layanan", "12 Layanan", "100%"]
    assert _texts(line(100, (10, "100 % 100"))) == ["100 %", "100"]
    assert _texts(line(100, (10, "90 95 105,56%"))) == ["90", "95", "105,56%"]


@pytest.mark.parametrize(
    "text",
    [
        "Persentase 100 %",  # a name before the figure: the figure is no whole run's successor
        "31 Desember 2024",  # a date: `Desember` is no unit, so 2024 does not start a value
        "1 Laporan",
        "1 Laporan Kinerja 2024",  # three words before it: a name, not one value
        "Rp 1.000.000",
    ],
)
def test_chunks_do_not_split_names_and_dates(text: str) -> None:
    assert _texts(line(100, (10, text))) == [text]


# --- gutters -----------------------------------------------------------------------------------


def C(x0: float, x1: float, text: str) -> Chunk:
    return Chunk(x0, x1, 0, 10, text)


def test_gutters_put_the_edge_in_the_middle_of_the_empty_range() -> None:
    lines = [
        [C(0, 50, "Indikator"), C(100, 130, "Target")],
        [C(0, 60, "Persentase"), C(100, 120, "100%")],
        [C(0, 40, "Jumlah"), C(100, 125, "3")],
    ]
    assert gutters(lines, 0, 130, S) == [80.5]  # columns 0-60 and 100-130 covered: 61-99 empty


def test_gutters_ignore_group_rows_and_need_enough_lines() -> None:
    lines = [
        [C(0, 50, "Indikator"), C(100, 130, "Target")],
        [C(0, 60, "Persentase"), C(100, 120, "100%")],
        [C(0, 40, "Jumlah"), C(100, 125, "3")],
    ]
    group = [C(0, 125, "Sasaran 1 Meningkatnya kualitas")]  # one chunk across the table
    assert gutters([*lines[:2], group, lines[2]], 0, 130, S) == [80.5]
    assert gutters(lines[:1], 0, 130, S) == []  # one line of two chunks: no table to align


# --- find_tables / stream_grid -----------------------------------------------------------------


def _page_with_group_row(wrapped: int, after: str) -> list[Word]:
    """A table whose group row `Sasaran 5. …` wraps onto `wrapped` further lines as wide as a
    paragraph, then a row, then `after` (a paragraph line as wide as the table)."""
    y = 130.0
    words = trow(y, *HEADER)
    y += 14
    words += trow(y, "1", "Persentase laporan tepat waktu", "100%", "100%", "100%")
    y += 14
    words += line(y, (50, "Sasaran 5. Meningkatnya kualitas layanan publik dan standar pelayanan yang"))
    tails = [
        "Pelayanan Publik, serta tata kelola keuangan yang akuntabel dan transparan",
        "bagi seluruh pemangku kepentingan di wilayah kabupaten dan kota se provinsi",
        "dengan memperhatikan ketentuan peraturan perundang undangan yang berlaku saat",
    ]
    for t in tails[:wrapped]:
        y += 14
        words += line(y, (50, t))
    y += 14
    words += trow(y, "2", "Indeks kepuasan masyarakat", "80", "85", "106,25%")
    y += 14
    words += line(y, (50, after))
    return words


PARAGRAPH = "Berdasarkan tabel di atas dapat dilihat bahwa seluruh indikator kinerja telah"


def test_find_tables_runs_from_the_header_to_a_wide_paragraph_line() -> None:
    words = [*line(100, (50, "Tabel 3.1 Pengukuran Kinerja")), *_page_with_group_row(1, PARAGRAPH)]
    boxes = find_tables(words, S)
    # the header line (top 130) to the row before the paragraph (bottom 130 + 4*14 + 10); the
    # caption above and the paragraph below are not the table's
    assert boxes == [(49, 129, 486.0, 197)]


@pytest.mark.parametrize("wrapped", [1, 2])
def test_find_tables_does_not_end_at_a_group_rows_wrapped_lines(wrapped: int) -> None:
    # `Sasaran 5. … Standar` / `Pelayanan Publik, …`: as wide as a paragraph, but following the
    # group row closely they are its text
    words = _page_with_group_row(wrapped, PARAGRAPH)
    rows_below = [w for w in words if w.text == "Indeks"]
    (box,) = find_tables(words, S)
    assert box[3] == rows_below[0].bottom + 1  # the row after the group row is still inside


def test_find_tables_ends_at_a_third_wide_line_after_a_group_row() -> None:
    words = _page_with_group_row(3, PARAGRAPH)
    third = next(w for w in words if w.text == "dengan")
    (box,) = find_tables(words, S)
    assert box[3] < third.top  # a group row wraps onto two lines at most: the third is prose


def test_find_tables_ends_at_a_heading_and_needs_rows() -> None:
    words = trow(100, *HEADER) + trow(114, "1", "Persentase laporan", "100%", "100%", "100%")
    words += trow(128, "2", "Indeks kepuasan", "80", "85", "106%") + line(142, (50, "3.2 Analisis Capaian Kinerja"))
    assert find_tables(words, S) == [(49, 99, 486.0, 139)]
    # a header and one row: fewer than min_table_lines + 1 lines, no table
    assert find_tables(words[: len(trow(100, *HEADER)) + len(trow(114, "1", "Persentase laporan", "100%", "100%", "100%"))], S) == []


def test_stream_grid_reads_rows_and_group_rows_spanning_columns() -> None:
    words = _page_with_group_row(1, PARAGRAPH)
    (box,) = find_tables(words, S)
    g = stream_grid(words, box, None, 3, S)
    assert g is not None and g.method == "stream" and g.page == 3
    rows = table(g)
    assert rows[0] == [(k, 1, h) for k, h in enumerate(HEADER)]
    assert rows[1] == [(0, 1, "1"), (1, 1, "Persentase laporan tepat waktu"), (2, 1, "100%"), (3, 1, "100%"), (4, 1, "100%")]
    assert rows[2] == [(0, 4, "Sasaran 5. Meningkatnya kualitas layanan publik dan standar pelayanan yang")]
    assert rows[4] == [(0, 1, "2"), (1, 1, "Indeks kepuasan masyarakat"), (2, 1, "80"), (3, 1, "85"), (4, 1, "106,25%")]
    assert len(rows) == 5


def test_stream_grid_keeps_a_wrapped_name_tail_in_its_column() -> None:
    # the name column reaches further on the line without figures: the edge goes beyond that
    # tail, so the tail is the name's second line, not a group row spanning two columns
    words = trow(100, *HEADER) + trow(114, "1", "Persentase laporan tepat waktu", "100%", "100%", "100%")
    words += line(128, (80, "yang disampaikan kepada pimpinan daerah"))  # ends at x 277
    words += trow(142, "2", "Indeks kepuasan masyarakat", "80", "85", "106,25%")
    (box,) = find_tables(words, S)
    g = stream_grid(words, box, None, 0, S)
    assert g is not None
    assert 277 < g.xs[2] < 320
    assert table(g)[1][1] == (1, 1, "Persentase laporan tepat waktu\nyang disampaikan kepada pimpinan daerah")
    assert g.n_rows == 3


def test_stream_grid_splits_counted_values_into_their_columns() -> None:
    # `12 Layanan 12 Layanan 100%` printed with a 4 pt space between every word (dev-pdfs/b_unruled
    # p. 6): only the split into value runs leaves the gutters between the three value columns
    def spaced(x: float, top: float, text: str) -> list[Word]:
        out = []
        for t in text.split():
            out.append(Word(x, top, x + 5 * len(t), top + 10, t))
            x += 5 * len(t) + 4
        return out

    words = line(100, (50, "No"), (80, "Indikator Kinerja"), (300, "Target"), (353, "Realisasi"), (406, "Capaian"))
    words += line(114, (50, "1"), (80, "Jumlah layanan")) + spaced(300, 114, "12 Layanan 12 Layanan 100%")
    words += line(128, (50, "2"), (80, "Jumlah laporan"), (300, "4 Laporan"), (353, "4 Laporan"), (406, "100%"))
    g = stream_grid(words, (0, 90, 600, 150), None, 0, S)
    assert g is not None
    assert g.xs == (0, 70.5, 232.0, 351.5, 404.5, 600)
    assert [t for _, _, t in table(g)[0]] == list(HEADER)
    assert [t for _, _, t in table(g)[1]] == ["1", "Jumlah layanan", "12 Layanan", "12 Layanan", "100%"]
    assert [t for _, _, t in table(g)[2]] == ["2", "Jumlah laporan", "4 Laporan", "4 Laporan", "100%"]


# --- find_grids end to end ---------------------------------------------------------------------


def test_find_grids_reads_a_ruled_table_without_asking_for_words() -> None:
    asked: list[int] = []

    def words() -> list[Word]:
        asked.append(1)
        return _WORDS

    grids = find_grids(_HS + _VS, words, text_of(_WORDS), 0, S, unruled=False)
    assert [g.method for g in grids] == ["lattice"]
    assert table(grids[0])[0] == [(0, 1, "No"), (1, 1, "Indikator Kinerja"), (2, 2, "Tahun 2024")]
    assert asked == []  # no cell of three lines, no figures in the first row: no alignment needed


def test_find_grids_aligns_columns_between_horizontal_rules_only() -> None:
    # booktabs: rules, no verticals; the header band a row per line, each body band one row
    words = trow(130, *HEADER) + trow(150, "1", "Persentase laporan tepat waktu", "100%", "100%", "100%")
    words += trow(170, "2", "Indeks kepuasan masyarakat", "80", "85", "106,25%")
    rules = [H(125, 45, 500), H(145, 45, 500), H(165, 45, 500), H(185, 45, 500)]
    for segs in (rules, [*rules, V(45, 125, 185), V(500, 125, 185)]):  # boxed in: one column, same reading
        grids = find_grids(segs, lambda: words, text_of(words), 2, S, unruled=False)
        assert [(g.method, g.page, g.n_cols, g.n_rows) for g in grids] == [("hrules", 2, 5, 3)]
        assert table(grids[0])[2] == [(0, 1, "2"), (1, 1, "Indeks kepuasan masyarakat"), (2, 1, "80"), (3, 1, "85"), (4, 1, "106,25%")]


def test_find_grids_takes_a_header_printed_above_the_rulings() -> None:
    # white on a filled band (`r26_inspektorat` pp. 2-15): the rulings start under the header
    xs = [45, 75, 300, 360, 420, 480]
    segs = [H(100, 45, 480), H(130, 45, 480), H(160, 45, 480)] + [V(x, 100, 160) for x in xs]
    words = line(86, (50, "No"), (80, "Indikator Kinerja"), (305, "Target"), (365, "Realisasi"), (425, "Capaian"))
    words += line(110, (50, "1"), (80, "Persentase laporan"), (305, "100%"), (365, "90%"), (425, "90%"))
    words += line(140, (50, "2"), (80, "Indeks kepuasan"), (305, "80"), (365, "85"), (425, "106%"))
    (g,) = find_grids(segs, lambda: words, text_of(words), 0, S, unruled=False)
    assert g.ys == (86, 100, 130, 160)
    assert [t for _, _, t in table(g)[0]] == list(HEADER)
    assert [t for _, _, t in table(g)[1]] == ["1", "Persentase laporan", "100%", "90%", "90%"]


def test_find_grids_cuts_a_band_that_holds_several_rows() -> None:
    # columns ruled, rows not (`r18_distan` pp. 19-33): one band, three rows with figures
    xs = [45, 75, 300, 360, 420, 480]
    segs = [H(100, 45, 480), H(120, 45, 480), H(170, 45, 480)] + [V(x, 100, 170) for x in xs]
    words = line(105, (50, "No"), (80, "Indikator Kinerja"), (305, "Target"), (365, "Realisasi"), (425, "Capaian"))
    words += line(125, (50, "1"), (80, "Persentase laporan"), (305, "100%"), (365, "90%"), (425, "90%"))
    words += line(140, (50, "2"), (80, "Indeks kepuasan"), (305, "80"), (365, "85"), (425, "106%"))
    words += line(155, (50, "3"), (80, "Jumlah dokumen"), (305, "3"), (365, "3"), (425, "100%"))
    (g,) = find_grids(segs, lambda: words, text_of(words), 0, S, unruled=False)
    assert g.n_rows == 4
    assert [[t for _, _, t in r] for r in table(g)[1:]] == [
        ["1", "Persentase laporan", "100%", "90%", "90%"],
        ["2", "Indeks kepuasan", "80", "85", "106%"],
        ["3", "Jumlah dokumen", "3", "3", "100%"],
    ]


def test_find_grids_opens_a_row_at_an_outline_number_without_figures() -> None:
    # r16_disnak p. 13: `1.1.2 Jumlah Populasi ternak (ekor) :` heads the dash items below it, in a
    # band of ruled columns; it must not end up glued to the item above (`- Susu`)
    xs = [45, 300, 360, 420, 480]
    segs = [H(100, 45, 480), H(120, 45, 480), H(200, 45, 480)] + [V(x, 100, 200) for x in xs]
    words = line(105, (50, "Indikator Kinerja"), (305, "2014"), (365, "2015"), (425, "2016"))
    words += line(125, (50, "1.1.1 Jumlah produksi (ton) :"))
    words += line(140, (50, "- Daging"), (305, "715.901"), (365, "741.709"), (425, "768.495"))
    words += line(155, (50, "- Susu"), (305, "252.557"), (365, "261.792"), (425, "268.797"))
    words += line(170, (50, "1.1.2 Jumlah Populasi ternak (ekor) :"))
    words += line(185, (50, "- Sapi Potong"), (305, "401.024"), (365, "447.978"), (425, "466.272"))
    (g,) = find_grids(segs, lambda: words, text_of(words), 0, S, unruled=False)
    assert [r[0][2] for r in table(g)[1:]] == [
        "1.1.1 Jumlah produksi (ton) :",
        "- Daging",
        "- Susu",
        "1.1.2 Jumlah Populasi ternak (ekor) :",
        "- Sapi Potong",
    ]


def test_find_grids_finds_unruled_tables_only_when_asked() -> None:
    words = [*line(100, (50, "Tabel 3.1 Pengukuran Kinerja")), *_page_with_group_row(1, PARAGRAPH)]
    assert find_grids([], lambda: words, text_of(words), 0, S, unruled=False) == []
    (g,) = find_grids([], lambda: words, text_of(words), 0, S, unruled=True)
    assert (g.method, g.n_cols, g.n_rows) == ("stream", 5, 5)
    assert [t for _, _, t in table(g)[0]] == list(HEADER)


def test_find_grids_leaves_the_words_of_a_ruled_table_to_it() -> None:
    # a ruled table above an unruled one: each read once, top-down
    below = [Word(w.x0, w.top + 300, w.x1, w.bottom + 300, w.text) for w in _page_with_group_row(1, PARAGRAPH)]
    words = _WORDS + below
    grids = find_grids(_HS + _VS, lambda: words, text_of(words), 0, S, unruled=True)
    assert [g.method for g in grids] == ["lattice", "stream"]
    assert table(grids[1])[0] == [(k, 1, h) for k, h in enumerate(HEADER)]


def test_a_second_reading_over_a_ruled_grid_gives_way_to_it() -> None:
    # r14_bkpd p. 30: the running header's rule stacked with the table's rules made an hrules grid
    # over the ruled one; their rows interleaved and neither table kept a row
    from extract.layout import _without_overlaps

    ruled = Grid(0, (90.0, 300.0, 560.0), (96.0, 300.0, 535.0), (), "lattice")
    second = Grid(0, (70.0, 300.0, 560.0), (51.0, 150.0, 227.0), (), "hrules")
    apart = Grid(0, (70.0, 300.0, 560.0), (600.0, 650.0, 700.0), (), "hrules")
    assert _without_overlaps([ruled, second, apart]) == [ruled, apart]
    # two ruled grids both stay
    assert _without_overlaps([ruled, ruled]) == [ruled, ruled]
