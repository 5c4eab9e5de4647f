"""A table as found on the page: cells on a row × column lattice, merged cells as spans.

Every finder (ruled, horizontal rules only, unruled) produces a `Grid`; what the columns mean
and what each row is is decided later, once, for all of them (`extract.tables`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from extract.layout.geometry import Box

Method = Literal["lattice", "hrules", "stream"]


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    bbox: Box
    confidence: float | None = None  # the lowest OCR confidence of its words; None for a text layer


@dataclass(frozen=True)
class Grid:
    page: int  # 0-based
    xs: tuple[float, ...]  # column edges, left to right
    ys: tuple[float, ...]  # row edges, top-down
    cells: tuple[GridCell, ...]
    method: Method

    @property
    def bbox(self) -> Box:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    @property
    def n_rows(self) -> int:
        return len(self.ys) - 1

    @property
    def n_cols(self) -> int:
        return len(self.xs) - 1

    def rows(self) -> list[list[GridCell]]:
        """The cells that start in each row, left to right."""
        out: list[list[GridCell]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row].append(c)
        for r in out:
            r.sort(key=lambda c: c.col)
        return out

    def covering(self) -> list[list[GridCell | None]]:
        """For every (row, column) slot, the cell covering it."""
        slots: list[list[GridCell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    slots[r][k] = c
        return slots
