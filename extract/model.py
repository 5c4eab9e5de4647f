"""The table model every reader feeds: frozen dataclasses passed downstream.

Provenance (`Source`) is created here, once, when a reader sees the text; later
stages copy the reference, they never rebuild it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

TableKind = Literal["pengukuran", "perjanjian", "rencana", "multi_year", "kegiatan", "narasi", "other"]
ValueKind = Literal["number", "percent", "money", "count", "grade", "opinion", "text", "empty"]
InputKind = Literal["text-tsv", "text-flat", "text-markdown", "text-layout", "pdf", "scan", "docx", "odt"]

#: The table kinds that land in `measurements`; `other` tables are kept in the
#: document (the audit may sum them) but are not performance tables.
#: (`narasi`: indicator rows read from sentences of the narrative, not from a table)
MEASURED_KINDS: tuple[TableKind, ...] = ("pengukuran", "perjanjian", "rencana", "multi_year", "kegiatan", "narasi")


@dataclass(frozen=True)
class Source:
    """Where a piece of text came from: file, page (None when the export lost it), line."""

    path: str
    line: int  # line of the document, in reading order (1-based)
    page: int | None = None  # PDF page (1-based), or the page a text export's breaks give
    bbox: tuple[float, float, float, float] | None = None  # points from the page's top-left; PDF readers only
    printed_page: str | None = None  # the page number printed on the page (`III-4`, `49`), when it prints one
    page_line: int | None = None  # line on the page (1-based), top-down


@dataclass(frozen=True)
class Value:
    """A parsed cell value. `number` is None when absent or ambiguous (never guessed)."""

    raw: str
    kind: ValueKind
    number: float | None = None
    unit: str | None = None
    decimals: int | None = None
    ambiguous: bool = False
    note: str | None = None
    confidence: float | None = None  # OCR confidence (0-100) of the words read; scans only


@dataclass(frozen=True)
class Line:
    """One physical line of the document, split into cells by its reader."""

    cells: tuple[str, ...]
    source: Source
    after_break: bool = False  # a page break or blank gap separates it from the previous line
    continues: bool = False  # the reader knows it continues the previous row (flat text)
    confidence: tuple[float | None, ...] = ()  # OCR confidence (0-100) per cell; scans only
    #: A table found by its geometry (ruled or aligned cells): lines of one grid share the id; None
    #: for prose and for text exports, whose tables are found by their header words.
    region: int | None = None
    spans: tuple[int, ...] = ()  # columns each cell covers (merged across); () = one each
    covered: tuple[bool, ...] = ()  # the cell is the lower part of a cell merged down from above
    whole: bool = False  # the line is one whole table row (a ruled row: its cells' lines already joined)
    joined: tuple[int, ...] = ()  # further source lines a reader folded into this one (a flat text row's wrapped lines)
    #: per cell, its box on the page (points from the top-left) where the reader saw cells drawn or
    #: aligned (PDF and scan grids); () for text exports and prose
    boxes: tuple[tuple[float, float, float, float] | None, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c.strip())


@dataclass(frozen=True)
class Row:
    """One indicator row of a performance table, assembled from one or more lines."""

    table_kind: TableKind
    table_seq: int
    row_seq: int
    section: str
    indicator: str
    source: Source
    activity: str | None = None
    number: str | None = None  # the row's own "No" as printed
    target: Value | None = None
    realisasi: Value | None = None
    capaian: Value | None = None
    history: tuple[HistoryValue, ...] = ()
    lines: tuple[int, ...] = ()  # every line the row was assembled from
    unit_label: str | None = None  # the row's Satuan column as printed
    category: str | None = None  # the row's Kategori / Predikat column as printed


@dataclass(frozen=True)
class HistoryValue:
    """A value of a multi-year row for a year other than the report's (as printed)."""

    year: int | None
    kind: Literal["realisasi", "target", "capaian", "change"]  # change: from the year before, as printed
    value: Value


@dataclass(frozen=True)
class Table:
    seq: int
    kind: TableKind
    header: tuple[str, ...]
    roles: tuple[str, ...]
    caption: str | None
    source: Source
    rows: tuple[Row, ...] = ()
    end_line: int = 0
    paths: tuple[str, ...] = ()  # per column, the header cells over it top-down (`Tahun 2016 / Target`)
    level: str | None = None  # the planning level its indicator column names (`sasaran`, `program`, `kegiatan`)
    #: a budget's (ceiling, realisation, share) columns, where the table prints them (`header.budget_columns`)
    budget: tuple[int, int, int] | None = None


@dataclass(frozen=True)
class Claim:
    """A figure stated in the narrative, with its sentence, for the audit."""

    kind: Literal["percent", "money", "indicator_count", "change", "reached", "category", "spelled"]
    text: str
    raw: str
    value: float | None
    source: Source
    unit: str | None = None
    value_from: float | None = None  # change: the earlier figure; reached: the target
    value_to: float | None = None  # change: the new figure; spelled: the number its words spell
    decimals: int | None = None  # percent: the decimals printed (`99,67%`: 2), what a recomputed figure is rounded to
    label: str | None = None  # category: the category the sentence gives the figure (`Baik`); spelled: the words; as printed


@dataclass(frozen=True)
class TableCell:
    """A typed cell of a table that is not a performance table (staff counts, budgets per row):
    what the audit sums. `row` is the body line's order in its table (from 1), `col` the cell's
    column in that line (from 0)."""

    table_seq: int
    row: int
    col: int
    value: Value
    source: Source


@dataclass(frozen=True)
class Mention:
    """A `KPU <level> <Name>` a line prints (the audit looks for another satker's name)."""

    level: Literal["kabupaten", "kota", "provinsi"]
    name: str
    source: Source


@dataclass(frozen=True)
class Sentence:
    """A sentence of a prose line (a line of one cell), as printed: the audit reads its wording."""

    text: str
    source: Source


@dataclass(frozen=True)
class Band:
    """One band of a report's own capaian scale (`80 s/d 100 % = Sangat Baik (SB)`): the capaian
    from `low` to `high` (None: unbounded), each bound in or out as printed. `malformed`: the range
    is written so it says nothing exact (`80 > 100`, read as 80 to 100, r04/r06/r11 Tabel 3.1)."""

    label: str  # as printed: `Sangat Baik (SB)`
    low: float | None
    low_inclusive: bool
    high: float | None
    high_inclusive: bool
    raw: str  # the range as read, its words as symbols and `s/d` for `to` (`> 80 s/d 100` for `Diatas 80 % sampai 100 %`)
    source: Source
    malformed: bool = False

    def holds(self, x: float) -> bool:
        above = self.low is None or x > self.low or (self.low_inclusive and x == self.low)
        below = self.high is None or x < self.high or (self.high_inclusive and x == self.high)
        return above and below


@dataclass(frozen=True)
class Scale:
    """A report's scale for rating capaian (`Skala Penilaian`, `Kriteria`): its bands as printed, top-down."""

    seq: int
    bands: tuple[Band, ...]


@dataclass(frozen=True)
class Evidence:
    """What the audit reads beside the performance rows, typed once by the reader so the store
    keeps it whole and the audit never parses stored text again (extract.evidence builds it)."""

    cells: tuple[TableCell, ...] = ()
    mentions: tuple[Mention, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    scales: tuple[Scale, ...] = ()


@dataclass(frozen=True)
class Metadata:
    satker: str | None
    level: Literal["kabupaten", "kota", "provinsi"] | None
    name: str | None  # the region's name as the satker names it ("Muaro Jambi")
    province: str | None
    year: int | None
    #: 1.0 when the report names itself so (title, running header); lower when only its body's
    #: mentions give the satker away; None when no satker was found.
    satker_confidence: float | None = None


@dataclass(frozen=True)
class Document:
    path: str
    sha256: str
    input_kind: InputKind
    encoding: str
    pages: int | None
    metadata: Metadata
    tables: tuple[Table, ...] = ()
    claims: tuple[Claim, ...] = ()
    lines: tuple[Line, ...] = field(default=(), repr=False)
    evidence: Evidence = field(default=Evidence(), repr=False)

    def rows(self, *kinds: TableKind) -> list[Row]:
        wanted = kinds or MEASURED_KINDS
        return [r for t in self.tables if t.kind in wanted for r in t.rows]
