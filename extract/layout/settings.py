"""Geometry and tolerances of table finding, validated once (as pdfplumber's `TableSettings`).
All distances in points (1/72 inch)."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class LayoutSettings:
    #: Rulings closer than this are one ruling (stroke widths, double borders, cell boxes drawn twice).
    snap: float = 2.5
    #: Collinear pieces of one ruling may leave a gap this wide (Word draws each cell border apart).
    join_gap: float = 3.0
    #: A ruling shorter than this is a glyph stroke or a dot at a crossing, not a ruling.
    min_ruling: float = 6.0
    #: A filled path thinner than this is a line; thicker, a box (its edges are rulings).
    thin: float = 3.0
    #: Horizontal-only rules over the same x-range (within this) and this close stack into one table.
    rule_span_tol: float = 12.0
    max_rule_gap: float = 400.0
    #: A wall covers a cell side when it runs along this share of it.
    wall_cover: float = 0.5
    #: Unruled tables: a gap between words this wide (times the line's height) may separate columns.
    column_gap: float = 0.9
    #: A column gutter may be crossed by this share of a table's lines of two chunks or more
    #: (header cells spanning columns).
    gutter_crossings: float = 0.15
    #: An unruled table has at least this many lines with words in two columns or more.
    min_table_lines: int = 2
    #: Boxes larger than this share of the page are frames, not table cells.
    max_box_share: float = 0.9

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value < 0 or (isinstance(value, float) and value != value):
                raise ValueError(f"LayoutSettings.{f.name} must be >= 0, got {value!r}")
        if not 0 < self.wall_cover <= 1 or not 0 <= self.gutter_crossings < 1 or not 0 < self.max_box_share <= 1:
            raise ValueError("LayoutSettings: wall_cover in (0, 1], gutter_crossings in [0, 1), max_box_share in (0, 1]")
        if self.min_table_lines < 1:
            raise ValueError("LayoutSettings.min_table_lines must be >= 1")
