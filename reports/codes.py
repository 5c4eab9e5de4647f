"""Every finding code, declared once (check id, severity, Bahasa title and message template)."""

from __future__ import annotations

from typing import Any

from extract.model import Source
from reports.model import Code, Finding

CODES: dict[str, Code] = {
    c.check_id: c
    for c in (
        Code(
            "capaian-mismatch", "error", "Capaian tidak sesuai hitungan",
            "Capaian tertulis {stated} tidak sama dengan hasil hitung ulang {computed} ({formula}). "
            "Aturan yang dicoba: {rules}; toleransi pembulatan/pemotongan sesuai {decimals} desimal yang tertulis.{hint}",
        ),
        Code(
            "grade-capaian", "error", "Capaian nilai huruf/opini tidak dapat diturunkan",
            "Target {target}, realisasi {realisasi}, capaian tertulis {stated}: {reason}.",
        ),
        Code(
            "pk-target-mismatch", "error", "Target PK berbeda dengan target pengukuran",
            "Perjanjian Kinerja menetapkan target {pk_target} ({pk_at}), tetapi tabel pengukuran memakai {target}.",
        ),
        Code(
            "pk-indicator-missing", "warning", "Indikator PK tidak diukur",
            "Indikator Perjanjian Kinerja \u201c{indicator}\u201d (target {target}) tidak ada dalam tabel pengukuran kinerja.",
        ),
        Code(
            "indicator-not-in-pk", "warning", "Indikator diukur tanpa PK",
            "Indikator \u201c{indicator}\u201d diukur dalam tabel pengukuran tetapi tidak tercantum dalam Perjanjian Kinerja.",
        ),
        Code(
            "summary-claim-mismatch", "error", "Ringkasan naratif bertentangan dengan tabel",
            "Narasi menyatakan {claim}, sedangkan tabel pengukuran menunjukkan {actual}.",
        ),
        Code(
            "narrative-value-mismatch", "error", "Angka dalam narasi berbeda dengan tabel",
            "Narasi menyebut {what} {stated}, sedangkan tabel ({table_at}) mencatat {actual}.",
        ),
        Code(
            "narrative-arithmetic", "error", "Hitungan dalam narasi tidak cocok",
            "Narasi menyatakan perubahan {delta} dari {start} menjadi {end}, padahal {end} \u2212 {start} = {computed}.{hint}",
        ),
        Code(
            "budget-mismatch", "error", "Persentase realisasi anggaran tidak sesuai rupiah",
            "Realisasi anggaran {realisasi} dari pagu {pagu} adalah {computed}, bukan {stated} seperti tertulis.",
        ),
        Code(
            "budget-row-mismatch", "error", "Persentase realisasi anggaran dalam tabel tidak sesuai rupiah",
            "Baris \u201c{label}\u201d: realisasi {realisasi} dari pagu {pagu} adalah {computed}%, bukan {stated} seperti tertulis.",
        ),
        Code(
            "budget-figure-differs", "error", "Angka anggaran dalam narasi berbeda dengan tabel anggaran",
            "Narasi menyebut {stated} untuk \u201c{label}\u201d, sedangkan tabel anggaran ({table_at}) mencatat {actual}: "
            "satu angka berbeda atau dua angka bertukar tempat.",
        ),
        Code(
            "budget-sum-mismatch", "error", "Jumlah anggaran tidak sama dengan rinciannya",
            "Baris \u201c{label}\u201d: {what} tertulis {stated}, tetapi {parts} baris rinciannya di bawahnya berjumlah {computed}.",
        ),
        Code(
            "unit-mismatch", "warning", "Satuan/target indikator berbeda antartabel",
            "Indikator \u201c{indicator}\u201d memakai satuan atau target yang berbeda: {variants}.",
        ),
        Code(
            "foreign-satker", "warning", "Nama satker lain dalam laporan",
            "Laporan {own} menyebut \u201c{mention}\u201d{why}.",
        ),
        Code(
            "period-mismatch", "warning", "Tahun tidak sesuai periode laporan",
            "Laporan tahun {year} menyebut {found} {where}.",
        ),
        Code(
            "output-indicators-only", "warning", "Hanya indikator keluaran (output) yang diukur",
            "Semua {n} indikator dalam tabel pengukuran adalah nama keluaran anggaran (RO), tidak satu pun IKU hasil (outcome) KPU.",
        ),
        Code(
            "low-ocr-confidence", "warning", "Nilai pindaian kurang terbaca",
            "Nilai baris ini dibaca dengan OCR dari dokumen pindaian dengan keyakinan {confidence}%: cocokkan dengan dokumen asli.",
        ),
        Code(
            "all-perfect", "info", "Semua capaian tepat 100%",
            "Seluruh {n} indikator pengukuran bercapaian tepat 100% dengan realisasi yang tertulis sama persis dengan target.",
        ),
        Code(
            "indicator-figures-differ", "error", "Angka indikator berbeda antartabel",
            "Indikator \u201c{indicator}\u201d: {what} tertulis {stated} di sini, tetapi {actual} di {where}; "
            "satu indikator hanya punya satu angka {what} untuk tahun laporan.{hint}",
        ),
        Code(
            "change-mismatch", "error", "Perubahan dari tahun lalu tidak sesuai hitungan",
            "Indikator \u201c{indicator}\u201d: perubahan dari tahun sebelumnya tertulis {stated}, tetapi {formula} = {computed} "
            "(rumus yang dipakai baris lain tabel ini).",
        ),
        Code(
            "category-scale-mismatch", "error", "Kategori capaian tidak sesuai skala laporan",
            "Capaian {stated} diberi kategori \u201c{category}\u201d, padahal skala penilaian laporan sendiri ({scale_at}) "
            "menempatkan {stated} pada kategori {expected}.",
        ),
        Code(
            "scale-ill-formed", "warning", "Skala penilaian capaian tidak runtut",
            "Skala penilaian laporan ({bands}): {problems}.",
        ),
        Code(
            "number-words-mismatch", "warning", "Angka dan huruf tidak sama",
            "Angka {digits} ditulis dengan huruf \u201c{words}\u201d, yang berarti {spelled}: salah satunya keliru.",
        ),
        Code(
            "table-total-mismatch", "error", "Jumlah dalam tabel tidak cocok",
            "Baris \u201c{label}\u201d: jumlah rincian {parts} = {computed}, tetapi kolom {total_name} tertulis {stated}.",
        ),
    )
}  # fmt: skip


def finding(check_id: str, *, evidence: str, line: int | None, page: int | None, at: Source | None = None, **kw: Any) -> Finding:
    """Build a finding from its declared code; keyword arguments fill the template. `at`: the
    cited place (its printed page, line on the page and box), where the check knows it; the audit
    gives the others those of their `line`."""
    code = CODES[check_id]
    fields: dict[str, Any] = {k: kw.pop(k) for k in ("indicator_id", "table_seq", "row_seq", "cells") if k in kw}
    if at is not None:
        fields |= {"printed_page": at.printed_page, "page_line": at.page_line, "bbox": at.bbox}
    computed = None if kw.get("computed") is None else str(kw["computed"])
    return Finding(check_id, code.severity, code.template.format(**kw), evidence, line, page, **fields, computed=computed)


def row_finding(check_id: str, ctx: Any, row: Any, cells: tuple[str, ...] = (), **kw: Any) -> Finding:
    """A finding about one table row: quoted, located and linked to the row's cells."""
    at = Source("", row.line, row.page, row.bbox, row.printed_page, row.page_line)
    return finding(
        check_id, evidence=ctx.quote(row.line), line=row.line, page=row.page, at=at, indicator_id=row.indicator_id,
        table_seq=row.table_seq, row_seq=row.row_seq, cells=cells, **kw,
    )  # fmt: skip


PAGED = ("pdf", "scan")  # input kinds whose pages are the file's own (a text export's are guessed from its gaps)


def cite(page: int | None, printed_page: str | None, page_line: int | None, line: int | None, paged: bool) -> str:
    """Where an inspector finds a place. A PDF: `halaman III-4 (PDF 54), baris 4`, the page the
    report prints and the PDF viewer's, and the line counted from the top of that page (the
    document's line number would not lead there). A text file: its line in the file, what an
    editor shows, on the page the report prints there (else the page its gaps suggest)."""
    if paged:
        at = (f"halaman {printed_page} (PDF {page})" if printed_page else f"halaman {page}") if page else ""
        line = page_line if page else line
    else:
        at = f"halaman {printed_page or page}" if (printed_page or page) else ""
    return f"{at}, baris {line}" if at and line else at or (f"baris {line}" if line else "")


def num(x: float | None, decimals: int = 2) -> str:
    """A number the way the reports print it: decimal comma, no trailing zeros."""
    if x is None:
        return "-"
    text = f"{x:,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return text.rstrip("0").rstrip(",") if "," in text else text
