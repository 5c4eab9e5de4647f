"""Example questions analysts ask of the database, as SQL. docs/queries.md is generated from here
(`make docs`), with each query's result on the sample corpus, and a test runs every one."""

from __future__ import annotations

QUERIES: tuple[tuple[str, str], ...] = (
    (
        "Who did not report voter participation (IKU-08) in their Pengukuran Kinerja table?",
        """SELECT r.satker, r.year
FROM latest_reports r
WHERE NOT EXISTS (SELECT 1 FROM comparison c WHERE c.report_id = r.report_id AND c.indicator_id = 'IKU-08')
ORDER BY 1""",
    ),
    (
        "Lowest targets for an IKU across satker (here IKU-01, coordination with stakeholders)",
        """SELECT satker, year, target_raw, realisasi_raw, capaian_raw
FROM comparison WHERE indicator_id = 'IKU-01'
ORDER BY target_value NULLS LAST, satker""",
    ),
    (
        "Satker that report only budget outputs (RO) and no outcome IKU",
        """SELECT satker, year, count(*) AS indicators,
       count(*) FILTER (WHERE indicator_kind = 'ro') AS outputs
FROM comparison GROUP BY ALL
HAVING count(*) FILTER (WHERE indicator_kind LIKE 'iku%') = 0
ORDER BY 1""",
    ),
    (
        "Most findings per province",
        """SELECT coalesce(province, '(tidak disebut)') AS province, sum(errors) AS errors, sum(warnings) AS warnings,
       count(*) AS reports
FROM findings_summary GROUP BY ALL ORDER BY errors DESC, warnings DESC""",
    ),
    (
        "PK promises never measured, per satker",
        """SELECT r.satker, f.indicator_id, f.evidence
FROM findings f JOIN latest_reports r USING (report_id)
WHERE f.check_id = 'pk-indicator-missing' ORDER BY 1, 2""",
    ),
    (
        "Capaian figures that their own realisasi/target do not give",
        """SELECT r.satker, f.line, f.message
FROM findings f JOIN latest_reports r USING (report_id)
WHERE f.check_id = 'capaian-mismatch' ORDER BY 1, 2""",
    ),
    (
        "Targets changed between the Perjanjian Kinerja and the measurement table",
        """SELECT r.satker, m.indicator_id, pk.target_raw AS pk_target, m.target_raw AS measured_target
FROM measurements m
JOIN measurements pk ON pk.report_id = m.report_id AND pk.indicator_id = m.indicator_id AND pk.table_kind = 'perjanjian'
JOIN latest_reports r ON r.report_id = m.report_id
WHERE m.table_kind = 'pengukuran'
  AND CASE WHEN pk.target_value IS NOT NULL AND m.target_value IS NOT NULL THEN pk.target_value <> m.target_value
           ELSE upper(trim(pk.target_raw)) IS DISTINCT FROM upper(trim(m.target_raw)) END  -- grades, opinions: as printed
ORDER BY 1, 2""",
    ),
    (
        "Indicator wordings the catalogue could not place, with their best candidates (for `lakip review`)",
        """SELECT indicator_raw, table_kind, match_score, match_candidates, count(*) AS times
FROM measurements WHERE indicator_id IS NULL GROUP BY ALL ORDER BY times DESC, 1""",
    ),
    (
        "Multi-year series: realisasi of earlier years next to this year's, per indicator",
        """SELECT r.satker, m.indicator_id, h.year, h.raw AS earlier_realisasi, m.realisasi_raw AS this_year
FROM history h
JOIN measurements m USING (report_id, table_seq, row_seq)
JOIN latest_reports r USING (report_id)
WHERE h.kind = 'realisasi' ORDER BY 1, 2, 3""",
    ),
    (
        "Reports that name another satker (copy-paste from another kabupaten)",
        """SELECT r.satker, f.line, f.message
FROM findings f JOIN latest_reports r USING (report_id)
WHERE f.check_id = 'foreign-satker' ORDER BY 1, 2""",
    ),
)
