"""indicator-figures-differ, at its edges: two printed figures are one when they are within one
unit of the coarser decimals printed; budgets, money, other units and ambiguous figures are not
compared; short wordings are one indicator only under the same parent label."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from mutkit import context, row

from extract.values import parse_value
from reports.checks import figures
from reports.checks.figures import same_figure
from reports.context import MRow
from reports.model import Finding

NAME = "Persentase dokumen perencanaan yang tersusun tepat waktu"


def two(a: str, b: str, name: str = NAME, target: tuple[str | None, str | None] = ("90", "90")) -> list[MRow]:
    return [row("pengukuran", 1, 1, name, target[0], a, None), row("multi_year", 2, 1, name, target[1], b, None)]


def found(rows: list[MRow]) -> list[Finding]:
    return list(figures.run(context(rows)))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("125,02", "125,03", True),  # one truncated, the other rounded
        ("125,02", "125,04", False),
        ("86,50%", "92,46%", False),
        ("92,46%", "92,96%", False),
        ("92%", "92,5%", True),  # the coarser printing decides: a whole unit
        ("92,5%", "92%", True),
        ("92%", "93,5%", False),
        ("10", "11", True),
        ("10", "12", False),
        ("2 Orang", "5 daerah", True),  # another unit is unit-mismatch's business
        ("2 Orang", "5 orang", False),
        ("Rp 1.000.000", "Rp 2.000.000", True),  # money is not a figure compared here
        ("1.234", "5", True),  # ambiguous: no number to compare
        ("5", "1.234", True),
        ("-", "5", True),
        ("5", "-", True),
        ("100.000.000", "1", True),  # a bare figure this large is a budget
        ("99.999.999", "1", False),
    ],
)
def test_same_figure(a: str, b: str, same: bool) -> None:
    assert same_figure(parse_value(a), parse_value(b)) is same


def test_same_figure_of_missing_cells() -> None:
    assert same_figure(None, parse_value("5")) and same_figure(parse_value("5"), None)


def test_another_realisasi_is_one_finding_with_both_figures() -> None:
    (f,) = found([*two("92,46%", "86,5%"), row("pengukuran", 3, 1, NAME, "90", "92,46", None)])
    assert (f.check_id, f.cells, f.table_seq, f.computed) == ("indicator-figures-differ", ("realisasi",), 2, "92,46")
    assert f.message == (
        f"Indikator \u201c{NAME}\u201d: realisasi tertulis 86,5% di sini, tetapi 92,46% di halaman 1, baris 101; "
        "satu indikator hanya punya satu angka realisasi untuk tahun laporan."
    )


def test_a_reference_without_a_page_is_cited_by_its_line() -> None:
    rows = [replace(r, page=None) for r in two("92,46%", "86,5%")]
    assert all(re.search(r"di baris \d+;", f.message) for f in found(rows))


@pytest.mark.parametrize(("a", "b"), [("100.000.000", "90.000.000"), ("Rp 1.000.000", "Rp 2.000.000"), ("2 Orang", "5 daerah")])
def test_figures_it_does_not_compare(a: str, b: str) -> None:
    assert not found(two(a, b))


def test_budget_size_edge() -> None:
    assert len(found(two("99.999.999", "90.000.000"))) == 1


def test_other_targets_may_measure_other_scopes() -> None:
    assert not found(two("92", "86", target=("90", "80")))
    assert len(found(two("92", "86", target=("90", "-")))) == 1  # one unprinted: still a contradiction
    assert len(found(two("92", "86", target=("-", "90")))) == 1


def test_different_indicators_are_not_compared() -> None:
    rows = [
        row("pengukuran", 1, 1, NAME, "90", "92", None),
        row("multi_year", 2, 1, "Indeks kepuasan layanan informasi publik", "90", "50", None),
    ]
    assert not found(rows)
    with_ids = [replace(rows[0], indicator_id="IKU-01"), replace(rows[1], indicator_id="IKU-01")]
    assert len(found(with_ids)) == 1


@pytest.mark.parametrize(
    ("name", "parents", "n"),
    [
        ("Padi sawah", ("Produksi", "Luas tanam"), 0),  # two words: a sub-item, parents differ
        ("Padi sawah", ("A › Produksi", "B › Produksi"), 1),
        (
            "Padi sawah",
            ("Produksi padi", "Luas padi"),
            0,
        ),  # the label after the last ›, not the last word  # the same parent label, whatever above it
        ("Padi sawah irigasi", ("Produksi", "Luas tanam"), 1),  # three words name the indicator alone
        (NAME, ("Produksi", "Luas tanam"), 1),
    ],
)
def test_short_wordings_need_the_same_parent(name: str, parents: tuple[str, str], n: int) -> None:
    rows = [replace(r, section=s) for r, s in zip(two("8", "12", name=name), parents, strict=True)]
    assert len(found(rows)) == n


def test_a_short_wording_with_one_id_still_needs_the_parent() -> None:
    rows = [replace(r, section=s) for r, s in zip(two("8", "12", name="Padi"), ("Produksi", "Luas tanam"), strict=True)]
    rows[0] = replace(rows[0], indicator_id="IKU-01")
    assert not found(rows)
    rows[1] = replace(rows[1], indicator_id="IKU-01")  # both the same id: one indicator
    assert len(found(rows)) == 1


def test_a_realisation_to_date_is_no_years_figure() -> None:
    # r18_distan Tabel 6 p. 29: `Realisasi sampai dengan Tahun 2016 (Tahun 2014+2015+2016)` 50 against the year's 12
    from mutkit import table

    rows = two("12", "50", target=("20", None))
    header = "Indikator Kinerja | Realisasi sampai dengan Tahun 2016 (Tahun 2014+2015+2016) | Target Renstra"
    tables = [table(1, "pengukuran", 100, 110), table(2, "multi_year", 200, 210, header=header)]
    assert list(figures.run(context(rows, tables=tables))) == []
    tables[1] = table(2, "multi_year", 200, 210, header="Indikator Kinerja | Realisasi 2016 | Target Renstra 2014-2018")
    assert len(list(figures.run(context(rows, tables=tables)))) == 1


@pytest.mark.parametrize(
    ("header", "n"),
    [
        ("INDIKATOR SASARAN | REALISASI SD TAHUN 2016 | TARGET RPJMD 2018", 0),  # r23_dispenda p. 21
        ("Indikator | Realisasi s.d. 2016 | Target", 0),
        ("Indikator | Realisasi sampai dengan tahun 2016 | Target", 0),
        ("Indikator | Realisasi Tahun 2016 | Target", 1),
        ("Indikator | Realisasi SDM 2016 | Target", 1),  # `SDM` is no `s.d.`
    ],
)
def test_a_realisation_up_to_a_year_is_no_years_figure(header: str, n: int) -> None:
    from mutkit import table

    rows = two("12", "50", target=("20", None))
    tables = [table(1, "pengukuran", 100, 110), table(2, "multi_year", 200, 210, header=header)]
    assert len(list(figures.run(context(rows, tables=tables)))) == n


EFFICIENCY = "No | Indikator | % Capaian Kinerja | % Penyerapan Anggaran"


def _alone(capaian: str, header: str = EFFICIENCY) -> tuple[list[MRow], list[dict[str, object]]]:
    measured = [row("pengukuran", 1, 1, NAME, "70", "71,14", "101,63"), row("multi_year", 2, 1, NAME, "70", "71,14", "101,63")]
    return [*measured, row("pengukuran", 3, 1, NAME, None, None, capaian)], [
        {"table_seq": 3, "kind": "pengukuran", "header": header, "line": 300, "page": 3, "end_line": 310}
    ]


def test_a_capaian_printed_alone_against_the_measured_tables() -> None:
    # r22_disperkim Tabel III.4 p. 46: `100,2` where Tabel III.2/III.3 give 101,63 (71,14 / 70)
    rows, tables = _alone("100,2")
    (f,) = figures.run(context(rows, tables=tables))
    assert (f.check_id, f.table_seq, f.cells) == ("indicator-figures-differ", 3, ("capaian",))
    assert "capaian tertulis 100,2" in f.message and "101,63" in f.message


@pytest.mark.parametrize(
    ("capaian", "header"),
    [
        ("101,6", "No | Indikator | % Capaian Kinerja"),  # the same figure at fewer decimals
        ("65,70", "No | Indikator | Capaian Terhadap Renstra 2018"),  # another yardstick (r29 p. 5)
        ("56,41", "No | Indikator | Realisasi 2016 Thdp Capaian kinerja Nasional"),  # r19 p. 52
    ],
)
def test_a_capaian_alone_that_agrees_or_measures_something_else(capaian: str, header: str) -> None:
    rows, tables = _alone(capaian, header)
    assert not list(figures.run(context(rows, tables=tables)))


def test_a_capaian_alone_is_not_held_to_tables_that_disagree() -> None:
    rows, tables = _alone("100,2")
    rows[1] = replace(rows[1], capaian=parse_value("99,00"))  # capaian-mismatch's business
    assert not list(figures.run(context(rows, tables=tables)))


def test_a_capaian_beside_its_own_target_is_capaian_mismatchs() -> None:
    rows, tables = _alone("100,2")
    rows[2] = replace(rows[2], target=parse_value("70"), realisasi=parse_value("71,14"))
    assert not list(figures.run(context(rows, tables=tables)))


def test_a_capaian_beside_a_target_or_a_realisasi_alone_is_not_printed_alone() -> None:
    # its own target (or realisasi) may be another yardstick: only a capaian with neither is held
    rows, tables = _alone("100,2")
    for target, realisasi in (("80", None), (None, "71,14")):
        rows[2] = replace(rows[2], target=target and parse_value(target), realisasi=realisasi and parse_value(realisasi))
        assert not list(figures.run(context(rows, tables=tables)))


def test_capaian_printed_alone_in_two_tables_with_no_measured_one() -> None:
    rows, tables = _alone("100,2")
    rows = [replace(r, target=None, realisasi=None) for r in rows]
    assert not list(figures.run(context(rows, tables=tables)))  # nothing measured to hold them to


def test_a_realisasi_that_is_the_other_tables_capaian_says_so() -> None:
    # r27_diskanlaut Tabel 3.5 p. 47: 176,72 under `Realisasi Tahun 2016`, the capaian of 35,34 / 20
    rows = [
        row("pengukuran", 1, 1, NAME, "20", "35,34", "176,72"),
        row("pengukuran", 2, 1, NAME, "20", "35,34", "176,72"),
        row("multi_year", 3, 1, NAME, None, "176,72", None),
    ]
    (f,) = found(rows)
    assert f.table_seq == 3
    assert f.message.endswith(
        "untuk tahun laporan. Angka 176,72 sama dengan capaian di sana: kolom realisasi di sini tampaknya memuat capaian."
    )
    # the near miss: another figure than the capaian, or a capaian not printed, gives no hint
    (f,) = found([*rows[:2], row("multi_year", 3, 1, NAME, None, "170,72", None)])
    assert f.message.endswith("untuk tahun laporan.")
    bare = [row("pengukuran", 1, 1, NAME, "20", "35,34", None), row("pengukuran", 2, 1, NAME, "20", "35,34", None)]
    (f,) = found([*bare, rows[2]])
    assert f.message.endswith("untuk tahun laporan.")
