"""Tuning knobs of the extract stage, validated once (like pdfplumber's TableSettings)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExtractSettings:
    #: Blank lines in a row that a text export uses for a page break (the seeds: 3).
    page_break_blank_lines: int = 3
    #: Breaks are pages only if pages average at most this many non-blank lines.
    max_lines_per_page: int = 40
    #: A short line seen this often is a running header/footer, not content.
    running_line_repeats: int = 3
    #: How far above a table (in lines) a caption like "Tabel 2.2 Perjanjian Kinerja" counts.
    caption_lookback: int = 12
    #: A file with no performance table and no figures is a report only if it names its satker
    #: this surely (`satker_confidence`): a kata pengantar names it in its title (1.0), a KPU post by
    #: its website (0.9); a README that mentions a satker once in passing scores about 0.4.
    min_identity_confidence: float = 0.5
    #: Narrative claims: longest sentence kept as evidence (characters).
    max_claim_sentence: int = 600
    #: PDFs longer than this are refused (a LAKIP runs 40-150 pages).
    max_pdf_pages: int = 5000
    #: A PDF page with fewer text characters than this has no text layer (a scan).
    min_page_text: int = 10
    #: OCR of scanned pages: tesseract languages (Debian's `ind` model alone never reads `%`).
    ocr_languages: str = "ind+eng"
    #: Resolution pages are rendered at for OCR; 0 = the scan's own resolution (150-400 dpi).
    ocr_dpi: int = 0
    #: Parallel tesseract runs per document; 0 = one per core.
    ocr_workers: int = 0
    #: Seconds one page's OCR may take.
    ocr_page_timeout: float = 120.0
    #: Largest skew (degrees) the deskew step looks for.
    ocr_max_skew: float = 3.0
    #: A dark run this long (inches) is a ruling line, not a glyph. Verticals may be short (a
    #: one-row table continued on a new page) and count only where they span a row band.
    ocr_min_ruling_inch: float = 0.3
    ocr_min_vertical_inch: float = 0.1
    #: A table cell read with a confidence below this is read again on its own.
    ocr_reread_below: float = 95.0
    #: A value whose OCR confidence is below this is marked in its notes.
    ocr_low_confidence: float = 80.0
    #: Where tesseract's output is kept by the hash of the page image it read, so a re-ingest or a
    #: re-audit does not OCR again; "" = no cache. `LAKIP_OCR_CACHE` sets it for a whole run.
    ocr_cache: str = field(default_factory=lambda: os.environ.get("LAKIP_OCR_CACHE", "~/.cache/lakip/ocr"))
    #: Which OCR engine reads scans (extract/readers/ocr.py `ENGINES`): "tesseract" (the CLI, the
    #: default), "tesserocr" (tesseract in-process) or "rapidocr" (RapidOCRLite). `LAKIP_OCR_ENGINE`
    #: sets it for a whole run; a name not known fails when a scan is read, naming the choices.
    ocr_engine: str = field(default_factory=lambda: os.environ.get("LAKIP_OCR_ENGINE", "tesseract"))

    def __post_init__(self) -> None:
        for name in ("page_break_blank_lines", "max_lines_per_page", "running_line_repeats", "caption_lookback", "max_pdf_pages"):
            if getattr(self, name) < 1:
                raise ValueError(f"ExtractSettings.{name} must be >= 1, got {getattr(self, name)}")
        if self.ocr_dpi and not 100 <= self.ocr_dpi <= 600:
            raise ValueError(f"ExtractSettings.ocr_dpi must be 0 or 100-600, got {self.ocr_dpi}")
        if self.ocr_workers < 0 or self.ocr_page_timeout <= 0 or not 0 <= self.ocr_max_skew <= 10:
            raise ValueError("ExtractSettings: ocr_workers >= 0, ocr_page_timeout > 0, 0 <= ocr_max_skew <= 10")
        for name in ("ocr_min_ruling_inch", "ocr_min_vertical_inch"):
            if not 0 < getattr(self, name) <= 2:
                raise ValueError(f"ExtractSettings.{name} must be in (0, 2] inches, got {getattr(self, name)}")
        for name in ("ocr_low_confidence", "ocr_reread_below"):
            if not 0 <= getattr(self, name) <= 100:
                raise ValueError(f"ExtractSettings.{name} must be a confidence 0-100, got {getattr(self, name)}")
        if not re.fullmatch(r"[a-z_]+(\+[a-z_]+)*", self.ocr_languages):
            raise ValueError(f"ExtractSettings.ocr_languages: tesseract codes joined by '+', got {self.ocr_languages!r}")
        if not 0 <= self.min_identity_confidence <= 1:
            raise ValueError(f"ExtractSettings.min_identity_confidence must be in [0, 1], got {self.min_identity_confidence}")
        if self.max_claim_sentence < 40:
            raise ValueError("ExtractSettings.max_claim_sentence must be >= 40")
