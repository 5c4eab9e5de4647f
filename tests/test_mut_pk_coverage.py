"""pk-indicator-missing / indicator-not-in-pk, at their edges: the same catalogue id, else wordings
at least 90% alike."""

from __future__ import annotations

from mutkit import context, row

from reports.checks import pk_coverage
from reports.context import MRow

NAME = "Persentase dokumen yang tersusun tepat waktu"


def ids(rows: list[MRow]) -> list[tuple[str, int]]:
    return [(f.check_id, f.table_seq or 0) for f in pk_coverage.run(context(rows))]


def test_a_promise_never_measured_and_a_measure_never_promised() -> None:
    rows = [row("perjanjian", 1, 1, NAME, "90%", None, None), row("pengukuran", 2, 1, "Indeks kepuasan layanan", "80", "80", None)]
    found = list(pk_coverage.run(context(rows)))
    assert [(f.check_id, f.line) for f in found] == [("pk-indicator-missing", 101), ("indicator-not-in-pk", 201)]
    assert found[0].message == f"Indikator Perjanjian Kinerja \u201c{NAME}\u201d (target 90%) tidak ada dalam tabel pengukuran kinerja."
    assert "\u201cIndeks kepuasan layanan\u201d diukur dalam tabel pengukuran" in found[1].message


def test_a_pk_row_without_a_target() -> None:
    rows = [row("perjanjian", 1, 1, NAME, None, None, None), row("pengukuran", 2, 1, "Indeks kepuasan layanan", "80", "80", None)]
    assert "(target -)" in next(iter(pk_coverage.run(context(rows)))).message


def test_wordings_90_percent_alike_are_covered() -> None:
    assert not ids(
        [
            row("perjanjian", 1, 1, "Nilai kinerja abcdef", "90", None, None),
            row("pengukuran", 2, 1, "Nilai kinerja abcdxy", "90", "90", None),
        ]
    )
    assert (
        len(
            ids(
                [
                    row("perjanjian", 1, 1, "Nilai kinerja abcdef", "90", None, None),
                    row("pengukuran", 2, 1, "Nilai kinerja abcxyz", "90", "90", None),
                ]
            )
        )
        == 2
    )


def test_ids_decide_where_a_row_has_one() -> None:
    pk = row("perjanjian", 1, 1, NAME, "90", None, None, indicator_id="IKU-01")
    assert not ids([pk, row("pengukuran", 2, 1, "Lain sekali", "90", "90", None, indicator_id="IKU-01")])
    assert ids([pk, row("pengukuran", 2, 1, NAME, "90", "90", None, indicator_id="IKU-02")]) == [
        ("pk-indicator-missing", 1),
        ("indicator-not-in-pk", 2),
    ]


def test_nothing_to_compare_without_both_tables() -> None:
    assert not ids([row("perjanjian", 1, 1, NAME, "90", None, None)])
    assert not ids([row("pengukuran", 1, 1, NAME, "90", "90", None)])


def _levels(pk_level: str | None, measured_level: str | None) -> list[tuple[str, int]]:
    rows = [row("perjanjian", 1, 1, NAME, "90%", None, None), row("pengukuran", 2, 1, "Indeks kepuasan layanan", "80", "80", None)]
    tables = [
        {"table_seq": 1, "kind": "perjanjian", "level": pk_level, "line": 100, "end_line": 110},
        {"table_seq": 2, "kind": "pengukuran", "level": measured_level, "line": 200, "end_line": 210},
    ]
    return [(f.check_id, f.table_seq or 0) for f in pk_coverage.run(context(rows, tables=tables))]


def test_a_pk_of_a_lower_level_answers_to_no_iku_table() -> None:
    # r19_disbun Tabel 2.4 pp. 25-36: 130 kegiatan outputs promised, measured in no IKU table;
    # with no PK of the IKU's level read, nothing is said of the IKU either (as without any PK)
    assert _levels("kegiatan", None) == []
    assert _levels("program", "sasaran") == []
    # the same level on both sides, or a PK of the sasaran: compared as before
    assert _levels("kegiatan", "kegiatan") == [("pk-indicator-missing", 1), ("indicator-not-in-pk", 2)]
    assert _levels("sasaran", None) == [("pk-indicator-missing", 1), ("indicator-not-in-pk", 2)]
