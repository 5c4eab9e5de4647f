"""Issue 13's property: any performance table rendered into each text shape a user has reads back
to its rows — indicator and target / realisasi / capaian as printed (whitespace normalised).

The tables are random: 2-8 rows, names of 2-12 words from a report's vocabulary (starting
`Persentase`, `Jumlah`, `Nilai`, `Indeks`, `Tingkat`), values in the forms reports print (`90`,
`85,5%`, `100 %`, `0.2%`, `12 Layanan`, `BB`, `WTP`), optional `Sasaran N. …` group rows and row
numbers. Rows are `corpus.tools.layouts.TableRow`s (the rows the PDF layouts draw); the Markdown
shape is `corpus.tools.synth`'s conversion of the tab-separated one.

Seven shapes read back; the one that does not (one cell per line) is
`xfail(strict=True)` naming the reader gaps they hit (`FAILING`), and each gap has its own
minimal realistic case (`GAPS`, `test_known_reader_gaps`), so a reader fix shows as an XPASS to
turn into a plain test (`FIXED`).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from bench.truth import norm
from corpus.tools.layouts import TableRow
from corpus.tools.synth import _markdown

START = ("Persentase", "Jumlah", "Nilai", "Indeks", "Tingkat")
WORDS = (
    "pemilih", "partisipasi", "dalam", "Pemilu", "Pemilihan", "yang", "terlaksana", "kegiatan", "sosialisasi",
    "pendidikan", "layanan", "informasi", "publik", "tepat", "waktu", "sesuai", "dengan", "ketentuan", "laporan",
    "keuangan", "pengelolaan", "arsip", "data", "daftar", "tetap", "kepuasan", "masyarakat", "penyelenggaraan",
    "tahapan", "badan", "adhoc", "peraturan", "perundang-undangan", "akuntabilitas", "kinerja", "instansi",
    "pemerintah", "kesekretariatan", "KPU", "Kabupaten/Kota", "Provinsi", "hukum", "sengketa", "diselesaikan",
    "partai", "politik", "terverifikasi", "logistik", "terdistribusi", "aparatur", "kompetensi", "dokumen",
    "perencanaan", "anggaran", "pengawasan", "internal", "rekomendasi", "ditindaklanjuti", "pegawai", "disiplin",
    "teknologi", "sistem", "terintegrasi", "pengadaan", "barang", "jasa", "bimbingan", "teknis", "dan", "atas", "pada",
)  # fmt: skip
GOALS = ("Meningkatnya", "Terwujudnya", "Terselenggaranya", "Menguatnya")
UNITS = ("Layanan", "Laporan", "Dokumen", "Kegiatan")
GRADES = ("A", "BB", "B", "CC")
OPINIONS = ("WTP", "WDP")
HEADER = ("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian")
TITLE = "LAPORAN KINERJA KPU KABUPATEN CONTOH TAHUN 2024"
PROSE = "Laporan Kinerja ini disusun sebagai wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi selama satu tahun anggaran."
CAPTION = "Tabel 3.1 Pengukuran Kinerja Tahun 2024"


@dataclass(frozen=True)
class Table:
    rows: tuple[TableRow, ...]
    numbered: bool  # a No column
    grouped: bool  # `Sasaran N. …` rows across the table

    def want(self) -> list[tuple[str | None, ...]]:
        return [(norm(r.indicator), norm(r.target), norm(r.realisasi), norm(r.capaian)) for r in self.rows]

    def header(self) -> list[str]:
        return list(HEADER if self.numbered else HEADER[1:])

    def body(self) -> list[tuple[str | None, TableRow | None, str]]:
        """(row number, row, group text) in order: a group row has no row, a table row no group text."""
        out: list[tuple[str | None, TableRow | None, str]] = []
        last = None
        for n, r in enumerate(self.rows, start=1):
            if self.grouped and r.sasaran != last:
                out.append((None, None, r.sasaran))
                last = r.sasaran
            out.append((str(n) if self.numbered else None, r, ""))
        return out


def _number(draw: st.DrawFn, low: int, high: int) -> str:
    whole = draw(st.integers(low, high))
    decimals = draw(st.sampled_from(("", "", ",5", ",25", ",44", ".2", ".5")))
    return f"{whole}{decimals}" if whole < high else str(whole)


@st.composite
def values(draw: st.DrawFn) -> tuple[str, str, str]:
    kind = draw(st.sampled_from(("percent", "percent", "percent", "count", "grade", "opinion")))
    if kind == "percent":

        def pct() -> str:
            return _number(draw, 0, 100) + draw(st.sampled_from(("", "%", " %")))

        target, realisasi = pct(), pct()
    elif kind == "count":
        unit = draw(st.sampled_from(UNITS))
        target, realisasi = (f"{draw(st.integers(1, 24))} {unit}" for _ in range(2))
    else:
        target, realisasi = (draw(st.sampled_from(GRADES if kind == "grade" else OPINIONS)) for _ in range(2))
    capaian = _number(draw, 0, 120) + draw(st.sampled_from(("", "%", " %")))
    return target, realisasi, capaian


@st.composite
def indicators(draw: st.DrawFn) -> str:
    rest = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=11))
    return " ".join([draw(st.sampled_from(START)), *rest])


@st.composite
def tables(draw: st.DrawFn) -> Table:
    n = draw(st.integers(2, 8))
    grouped = draw(st.booleans())
    # where each Sasaran starts (the first row always does)
    starts = {0} | (set(draw(st.lists(st.integers(1, n - 1), max_size=2))) if grouped else set())
    # an IKU table names each indicator once (a line repeated three times is a running header)
    names = draw(st.lists(indicators(), min_size=n, max_size=n, unique=True))
    rows, group = [], ""
    for k in range(n):
        if k in starts:
            goal = " ".join([draw(st.sampled_from(GOALS)), *draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=7))])
            group = f"Sasaran {len(starts & set(range(k + 1)))}. {goal}" if grouped else ""
        target, realisasi, capaian = draw(values())
        rows.append(TableRow(group, names[k], "", target, realisasi, capaian, ""))
    return Table(tuple(rows), draw(st.booleans()), grouped)


def _document(table_lines: list[str]) -> str:
    return "\n".join([TITLE, "", PROSE, "", CAPTION, *table_lines, "", PROSE, ""])


# --- the shapes: each a renderer of a Table, drawing its own choices (wrap points, widths) ---------

Draw = Callable[..., Any]  # `st.data().draw`


def tsv(t: Table, draw: Draw) -> str:
    width = len(t.header())
    lines = ["\t".join(t.header())]
    for no, r, group in t.body():
        if r is None:
            lines.append("\t".join([group] + [""] * (width - 1)))
        else:
            lines.append("\t".join(([no] if no else []) + [r.indicator, r.target, r.realisasi, r.capaian]))
    return _document(lines)


def markdown(t: Table, draw: Draw) -> str:
    text = _markdown(tsv(t, draw))
    header = "| " + " | ".join(t.header()) + " |"
    return text.replace(header, header + "\n|" + "---|" * len(t.header()), 1)


def _cells(no: str | None, r: TableRow) -> list[str]:
    return [*([no] if no else []), r.indicator, r.target, r.realisasi, r.capaian]


def flat(t: Table, draw: Draw) -> str:
    lines = [" ".join(t.header())]
    for no, r, group in t.body():
        lines.append(group if r is None else " ".join(_cells(no, r)))
    return _document(lines)


def wrapped(t: Table, draw: Draw) -> str:
    """Names over 2-3 lines, the values at the end of the last one (pdftotext without -layout);
    continuation lines indented or not."""
    indent = str(draw(st.sampled_from(("", "  "))))
    lines = [" ".join(t.header())]
    for no, r, group in t.body():
        if r is None:
            lines.append(group)
            continue
        words = r.indicator.split()
        parts = min(draw(st.integers(2, 3)), len(words))
        cuts = sorted(draw(st.lists(st.integers(1, len(words) - 1), min_size=parts - 1, max_size=parts - 1, unique=True)))
        pieces = [" ".join(words[a:b]) for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
        pieces[0] = f"{no} {pieces[0]}" if no else pieces[0]
        pieces[-1] = f"{pieces[-1]} {r.target} {r.realisasi} {r.capaian}"
        lines += [pieces[0], *(indent + p for p in pieces[1:])]
    return _document(lines)


def cell_per_line(t: Table, draw: Draw) -> str:
    """Every cell on a line of its own (an HTML table copied out of a page)."""
    lines = list(t.header())
    for no, r, group in t.body():
        lines += [group] if r is None else _cells(no, r)
    return _document(lines)


def _blank_lines(text: str) -> str:
    return "\n\n".join(line for line in text.split("\n") if line.strip()) + "\n"


def blank_flat(t: Table, draw: Draw) -> str:
    return _blank_lines(flat(t, draw))


def blank_wrapped(t: Table, draw: Draw) -> str:
    return _blank_lines(wrapped(t, draw))


def layout(t: Table, draw: Draw) -> str:
    """`pdftotext -layout`: fixed columns padded with spaces, the names wrapped inside their column
    (narrow or wide), the values on the row's first line (cells aligned to the top)."""
    longest_word = max(len(w) for r in t.rows for w in r.indicator.split())
    name_width = max(longest_word, int(draw(st.integers(24, 80))))
    gap = " " * int(draw(st.integers(3, 6)))
    rows: list[tuple[str | None, TableRow]] = [(no, r) for no, r, _ in t.body() if r is not None]
    no_w = max([len(HEADER[0])] + [len(no or "") for no, _ in rows]) if t.numbered else 0
    value_w = [max([len(h)] + [len((r.target, r.realisasi, r.capaian)[k]) for _, r in rows]) for k, h in enumerate(HEADER[2:])]

    def line(no: str, name: str, vals: tuple[str, str, str]) -> str:
        cells = (
            ([no.ljust(no_w)] if t.numbered else []) + [name.ljust(name_width)] + [v.ljust(w) for v, w in zip(vals, value_w, strict=True)]
        )
        return gap.join(cells).rstrip()

    lines = [line("No", "Indikator Kinerja", ("Target", "Realisasi", "Capaian"))]
    for no, r, group in t.body():
        if r is None:
            lines.append(group)
            continue
        names = textwrap.wrap(r.indicator, name_width, break_long_words=False, break_on_hyphens=False)
        lines.append(line(no or "", names[0], (r.target, r.realisasi, r.capaian)))
        lines += [line("", rest, ("", "", "")) for rest in names[1:]]
    return _document(lines)


Shape = Callable[[Table, Draw], str]
SHAPES: dict[str, Shape] = {
    "tsv": tsv,
    "markdown": markdown,
    "flat": flat,
    "wrapped": wrapped,
    "cell-per-line": cell_per_line,
    "blank-flat": blank_flat,
    "blank-wrapped": blank_wrapped,
    "layout": layout,
}
FAILING: dict[str, str] = {
    "cell-per-line": "one cell per line: GAPS['cell-per-line-last-integer']",
}

_H = "Indikator Kinerja Target Realisasi Capaian"
_ROWS3 = ("Persentase pemilih yang terdaftar", "Persentase layanan publik yang tepat waktu", "Nilai kinerja instansi pemerintah")
_NAMES9 = (
    "Persentase pemilih terdaftar", "Nilai akuntabilitas kinerja", "Indeks kepuasan masyarakat", "Tingkat partisipasi pemilih",
    "Persentase layanan publik", "Persentase arsip terkelola", "Nilai keterbukaan informasi", "Persentase sengketa", "Persentase logistik",
)  # fmt: skip


def _layout_gap_lines() -> list[str]:
    lines = ["   ".join(["Indikator Kinerja".ljust(30), "Target   ", "Realisasi", "Capaian"])]
    for k, name in enumerate(_NAMES9):
        if k in (0, 4):
            lines.append(f"Sasaran {1 + (k > 0)}. Meningkatnya kualitas penyelenggaraan Pemilu")
        lines.append("   ".join([name.ljust(30), "90       ", "85       ", "94,4"]))
    return lines


#: The reader's gaps the property found, each as its minimal realistic example: (the table's lines
#: in the document, the rows a reader must give).
GAPS: dict[str, tuple[list[str], list[tuple[str, str, str, str]]]] = {
    # tab-separated / Markdown: a merged `Sasaran` row whose text stands in the indicator column
    # (no No column) is stored as a row without values
    "group-row-in-indicator-column": (
        ["Indikator Kinerja\tTarget\tRealisasi\tCapaian", "Sasaran 1. Meningkatnya kualitas layanan publik\t\t\t",
         "Persentase pemilih terdaftar\t90\t85\t94,4", "Nilai akuntabilitas kinerja\tBB\tBB\t100"],
        [("Persentase pemilih terdaftar", "90", "85", "94,4"), ("Nilai akuntabilitas kinerja", "BB", "BB", "100")],
    ),
    # flat text: a wrapped name's last line, the same in three rows, is taken for a running header
    # (extract/readers/flat.py `running_lines`) and the three rows are lost
    "repeated-tail-line": (
        [_H, *(x for name in _ROWS3 for x in (name, "dan Kabupaten/Kota 100% 100% 100%"))],
        [(f"{name} dan Kabupaten/Kota", "100%", "100%", "100%") for name in _ROWS3],
    ),
    # flat text: a wrapped line starting `laporan kinerja` is dropped as a running header, the row with it
    "laporan-kinerja-tail": (
        [_H, "Persentase penyusunan", "laporan kinerja tepat waktu 100% 100% 100%", "Nilai akuntabilitas kinerja instansi BB BB 100"],
        [("Persentase penyusunan laporan kinerja tepat waktu", "100%", "100%", "100%"),
         ("Nilai akuntabilitas kinerja instansi", "BB", "BB", "100")],
    ),
    # values on a name's first line (pdftotext -layout of a small table): a tail starting `kegiatan` is dropped
    "kegiatan-tail": (
        ["Indikator Kinerja          Target   Realisasi   Capaian", "Persentase pemilih         90       85          94,4",
         "Persentase pelaksanaan     80       80          100", "kegiatan sosialisasi"],
        [("Persentase pemilih", "90", "85", "94,4"), ("Persentase pelaksanaan kegiatan sosialisasi", "80", "80", "100")],
    ),
    # one cell per line: the table's last cell, a bare integer before the next paragraph, is dropped (a page number?)
    "cell-per-line-last-integer": (
        ["Indikator Kinerja", "Target", "Realisasi", "Capaian", "Persentase pemilih terdaftar", "90", "85", "94,4",
         "Nilai akuntabilitas kinerja", "80", "80", "100"],
        [("Persentase pemilih terdaftar", "90", "85", "94,4"), ("Nilai akuntabilitas kinerja", "80", "80", "100")],
    ),
    # pdftotext -layout of a small table (under the layout reader's 8 spaced lines): a header line
    # over 90 characters with its padding is no header for the flat reader (extract/readers/flat.py)
    "layout-long-header-line": (
        ["   ".join(["No", "Indikator Kinerja".ljust(52), "Target   ", "Realisasi", "Capaian"]),
         "   ".join(["1 ", "Persentase pemilih terdaftar".ljust(52), "90       ", "85       ", "94,4"]),
         "   ".join(["2 ", "Nilai akuntabilitas kinerja".ljust(52), "80       ", "80       ", "100"])],
        [("Persentase pemilih terdaftar", "90", "85", "94,4"), ("Nilai akuntabilitas kinerja", "80", "80", "100")],
    ),
    # pdftotext -layout, no No column: a Sasaran row whose text runs past the indicator column is
    # merged with the row under it (the second group row of the table)
    "layout-group-row-overruns": (
        _layout_gap_lines(),
        [(name, "90", "85", "94,4") for name in _NAMES9],
    ),
}  # fmt: skip


def _read_back(path: Path) -> list[tuple[str | None, ...]]:
    def raw(v: object) -> str | None:
        return norm(v.raw) if v is not None else None  # type: ignore[attr-defined]

    return [(norm(r.indicator), raw(r.target), raw(r.realisasi), raw(r.capaian)) for r in extract.read_document(path).rows()]


@pytest.mark.parametrize(
    "shape", [pytest.param(s, marks=pytest.mark.xfail(strict=True, reason=FAILING[s])) if s in FAILING else s for s in SHAPES]
)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], derandomize=True)
@given(table=tables(), data=st.data())
def test_table_reads_back_from_every_text_shape(shape: str, table: Table, data: st.DataObject, tmp_path: Path) -> None:
    text = SHAPES[shape](table, data.draw)
    path = tmp_path / f"{shape}.txt"
    path.write_text(text, encoding="utf-8")
    assert _read_back(path) == table.want(), text


#: gaps the reader no longer has: each stays as a regression test
FIXED = {"group-row-in-indicator-column", "layout-long-header-line", "layout-group-row-overruns"}


@pytest.mark.parametrize(
    "gap", [g if g in FIXED else pytest.param(g, marks=pytest.mark.xfail(strict=True, reason=f"reader gap: {g}")) for g in GAPS]
)
def test_known_reader_gaps(gap: str, tmp_path: Path) -> None:
    lines, want = GAPS[gap]
    text = _document(lines)
    path = tmp_path / f"{gap}.txt"
    path.write_text(text, encoding="utf-8")
    assert _read_back(path) == want, text
