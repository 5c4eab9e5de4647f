"""Stage 2: map each extracted row to the canonical catalogue.

>>> import extract, normalize
>>> report = normalize.normalize(extract.read_document(path), normalize.load_catalogue())
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.model import Document, Evidence, Row
from normalize.catalogue import Catalogue, CatalogueError, Indicator, load_catalogue
from normalize.gazetteer import Gazetteer, Region, Resolution, load_gazetteer
from normalize.matcher import Match, Matcher, MatchSettings

__all__ = [
    "Catalogue", "CatalogueError", "Gazetteer", "Indicator", "Mapped", "Match", "MatchSettings", "Matcher",
    "NormalizedReport", "Region", "Resolution", "load_catalogue", "load_gazetteer", "normalize",
]  # fmt: skip


@dataclass(frozen=True)
class Mapped:
    row: Row
    match: Match


@dataclass(frozen=True)
class NormalizedReport:
    document: Document
    rows: tuple[Mapped, ...]
    region: Resolution  # the satker's Kemendagri region

    @property
    def evidence(self) -> Evidence:
        """The typed cells, satker mentions and sentences the audit reads (the reader's, stored)."""
        return self.document.evidence

    @property
    def unmapped(self) -> list[Mapped]:
        return [m for m in self.rows if m.match.indicator_id is None]


def normalize(doc: Document, catalogue: Catalogue | None = None, matcher: Matcher | None = None) -> NormalizedReport:
    """Map every measured row of `doc`; pass a `matcher` to reuse one across many reports."""
    if matcher is None:
        matcher = Matcher(catalogue or load_catalogue())
    meta = doc.metadata
    region = load_gazetteer().resolve(meta.level, meta.name, meta.province) if meta.name else Resolution(None, "none")
    return NormalizedReport(doc, tuple(Mapped(r, matcher.match(r.indicator)) for r in doc.rows()), region)
