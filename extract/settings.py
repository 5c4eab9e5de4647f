"""Tuning knobs of the extract stage, validated once (like pdfplumber's TableSettings)."""

from __future__ import annotations

from dataclasses import dataclass


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
    #: Narrative claims: longest sentence kept as evidence (characters).
    max_claim_sentence: int = 600
    #: PDFs longer than this are refused (a LAKIP runs 40-150 pages).
    max_pdf_pages: int = 5000
    #: A PDF page with fewer text characters than this has no text layer (a scan).
    min_page_text: int = 10

    def __post_init__(self) -> None:
        for name in ("page_break_blank_lines", "max_lines_per_page", "running_line_repeats", "caption_lookback", "max_pdf_pages"):
            if getattr(self, name) < 1:
                raise ValueError(f"ExtractSettings.{name} must be >= 1, got {getattr(self, name)}")
        if self.max_claim_sentence < 40:
            raise ValueError("ExtractSettings.max_claim_sentence must be >= 40")
