"""capaian-mismatch, at its edges: realisasi/target×100 under the conventions reports use (capped at
100%, and the lower-is-better ones where the catalogue says so or does not know), the printed
decimals' rounding or truncation, and the rows it must leave alone."""

from __future__ import annotations

import pytest
from mutkit import context, info, row

from reports.checks import capaian
from reports.checks.capaian import candidates
from reports.model import Finding

NAME = "Persentase dokumen perencanaan yang tersusun tepat waktu"


def found(t: str | None, r: str | None, c: str | None, kind: str = "pengukuran", polarity: str | None = None) -> list[Finding]:
    rows = [row(kind, 1, 1, NAME, t, r, c, indicator_id="IKU-01" if polarity else None)]
    return list(capaian.run(context(rows, indicators={"IKU-01": info(polarity)} if polarity else None)))


def test_a_wrong_capaian_is_one_finding_with_its_figures() -> None:
    (f,) = found("90", "80", "94,4")
    assert (f.check_id, f.cells, f.computed, f.line, f.table_seq, f.row_seq) == ("capaian-mismatch", ("capaian",), "88,89", 101, 1, 1)
    assert "Capaian tertulis 94,4 tidak sama dengan hasil hitung ulang 88,89 (realisasi 80 / target 90 × 100)" in f.message
    assert "Aturan yang dicoba: realisasi/target × 100; dibatasi 100%; (2×target − realisasi)/target" in f.message
    assert f.message.endswith("sesuai 1 desimal yang tertulis.")  # no hint


@pytest.mark.parametrize("kind", ["pengukuran", "multi_year", "kegiatan"])
def test_every_measured_table_kind_is_checked(kind: str) -> None:
    assert len(found("90", "80", "94,4", kind=kind)) == 1
    assert not found("90", "80", "88,89", kind=kind)


def test_other_tables_are_not() -> None:
    assert not found("90", "80", "94,4", kind="perjanjian")


@pytest.mark.parametrize(
    ("t", "r", "c"),
    [
        ("90", "80", "88,89"),  # rounded at the printed decimals
        ("90", "80", "88,88"),  # truncated
        ("90", "80", "88,9"),
        ("90", "80", "88,8"),
        ("90", "80", "89"),
        ("90", "80", "88"),  # truncated at no decimals
        ("90", "99", "100"),  # capped at 100%
        ("90", "99", "110"),
        ("1", "1", "100%"),
    ],
)
def test_consistent_capaian_is_quiet(t: str, r: str, c: str) -> None:
    assert not found(t, r, c, polarity="higher_better")


@pytest.mark.parametrize(
    ("t", "r", "c"),
    [
        ("90", "80", "88,87"),  # a hundredth below the truncation
        ("90", "80", "88,7"),
        ("85", "90", "94,45"),  # 94,44 rounded and cut: 94,45 is neither
        ("90", "99", "101"),  # above the cap and not the ratio
        ("1", "1", "50"),
    ],
)
def test_near_misses_fire(t: str, r: str, c: str) -> None:
    assert len(found(t, r, c, polarity="higher_better")) == 1


def test_decimals_in_the_message_are_the_printed_ones() -> None:
    (f,) = found("90", "80", "95")
    assert "sesuai 0 desimal" in f.message
    (g,) = found("90", "80", "94,45")
    assert "sesuai 2 desimal" in g.message


def test_lower_is_better_conventions() -> None:
    # target 10, realisasi 8 on an indicator where less is better: (2×10 − 8)/10 = 120%, 10/8 = 125%
    for c in ("120", "125"):
        assert not found("10", "8", c, polarity="lower_better")
        assert not found("10", "8", c)  # no catalogue id: the polarity is unknown, both tried
        assert len(found("10", "8", c, polarity="higher_better")) == 1
    assert len(found("10", "8", "130", polarity="lower_better")) == 1
    assert not found("10", "0", "200", polarity="lower_better")  # a realisasi of 0: no division by it


def test_candidates() -> None:
    assert candidates(90, 80, "higher_better") == pytest.approx({"realisasi/target × 100": 88.888888, "dibatasi 100%": 88.888888})
    assert candidates(90, 99, "higher_better")["dibatasi 100%"] == 100.0
    lower = candidates(10, 8, "lower_better")
    assert lower == pytest.approx(
        {
            "realisasi/target × 100": 80.0,
            "dibatasi 100%": 80.0,
            "(2×target − realisasi)/target × 100 (makin kecil makin baik)": 120.0,
            "target/realisasi × 100 (makin kecil makin baik)": 125.0,
        }
    )
    assert candidates(10, 8, "unknown") == lower
    assert "target/realisasi × 100 (makin kecil makin baik)" not in candidates(10, 0, "unknown")


def test_capaian_copied_from_the_realisasi_says_so() -> None:
    (f,) = found("35", "80", "80")
    assert f.message.endswith(" Capaian tertulis sama dengan realisasi: tampaknya realisasi disalin ke kolom capaian.")
    (g,) = found("35", "80", "80,4")  # close to the realisasi, but not it at one decimal
    assert "disalin" not in g.message


@pytest.mark.parametrize(
    ("t", "r", "c"),
    [
        ("90", "80", None),  # a cell missing
        (None, "80", "94,4"),
        ("90", None, "94,4"),
        ("90", "80", "tercapai"),  # no number
        ("BB", "80", "94,4"),  # a grade: grade-capaian's business
        ("90", "baik", "94,4"),
        ("0", "80", "94,4"),  # no ratio of a zero target
        ("1.234", "80", "94,4"),  # an ambiguous figure has no number
        ("90", "1.234", "94,4"),
    ],
)
def test_rows_it_leaves_alone(t: str | None, r: str | None, c: str | None) -> None:
    assert not found(t, r, c, polarity="higher_better")


def test_a_skipped_row_does_not_end_the_table() -> None:
    rows = [
        row("pengukuran", 1, 1, NAME, "90", "80", None),
        row("pengukuran", 1, 2, NAME, "0", "80", "94,4"),
        row("pengukuran", 1, 3, NAME, "90", "80", "94,4"),
    ]
    assert [f.row_seq for f in capaian.run(context(rows))] == [3]


def _with_2015(t: str, r: str, c: str, *, kinds: tuple[str, ...] = ("target", "realisasi", "capaian")) -> list[Finding]:
    from extract.values import parse_value
    from reports.context import Hist

    hist = tuple(Hist(2015, k, parse_value(v)) for k, v in zip(("target", "realisasi", "capaian"), (t, r, c), strict=True) if k in kinds)
    hist += (Hist(None, "capaian", parse_value("12%")), Hist(2015, "satuan", parse_value("%")))  # a yearless capaian, another kind
    rows = [row("multi_year", 1, 1, NAME, "90", "90", "100")]
    return list(capaian.run(context(rows, history={(1, 1): hist})))


def test_an_earlier_years_capaian_is_checked_too() -> None:
    # r02_dinkes p. 60: air minum 2015 61,94 / 58,5 = 105,88%, printed 106,79%
    (f,) = _with_2015("58,5", "61,94", "106,79%")
    assert f.cells == () and "106,79% (tahun 2015)" in f.message and "realisasi 2015 61,94 / target 2015 58,5" in f.message
    assert f.computed == "105,88"
    assert _with_2015("58,5", "61,94", "105,88%") == []
    # a year with no realisasi of its own (a Renstra target and the capaian against it) is not checked
    assert _with_2015("58,5", "61,94", "106,79%", kinds=("target", "capaian")) == []


@pytest.mark.parametrize(
    ("t", "r", "c"),
    [
        ("50,00", "302,97", "605,93"),  # r27_diskanlaut p. 40: 302,965 / 50 = 605,93
        ("50", "302,97", "605,95"),  # 302,975: the range's other end
        ("10,00", "16,18", "161,77"),
        ("20", "35,34", "176,72"),  # r27 p. 41: 35,344 / 20
        ("88,5", "96", "108,54"),  # the target's rounding: 96 / 88,45 = 108,54 (96 / 88,5 is 108,47)
    ],
)
def test_a_capaian_from_the_unrounded_inputs_is_quiet(t: str, r: str, c: str) -> None:
    assert not found(t, r, c, polarity="higher_better")


@pytest.mark.parametrize(
    ("t", "r", "c"),
    [
        ("50,00", "302,97", "605,85"),  # below what 302,965 / 50,005 gives (605,87)
        ("50", "302,97", "605,97"),  # above what 302,975 gives
        ("20", "35", "176"),  # whole figures are taken as printed: 35 / 20 is 175
        ("88,00", "96,72", "110,03"),  # r27 p. 40: 96,72 / 88 is 109,91, a real slip
    ],
)
def test_beyond_the_inputs_rounding_is_a_finding(t: str, r: str, c: str) -> None:
    assert len(found(t, r, c, polarity="higher_better")) == 1


@pytest.mark.parametrize(
    ("t", "r", "c", "n"),
    [
        ("6 Juta Ekor", "11.805.000", "196,75", 0),  # r27_diskanlaut p. 41
        ("6 Juta Ekor", "11,8 Juta Ekor", "196,67", 0),  # both scaled: as printed
        ("6 Juta Ekor", "11.805.000", "190,75", 1),
        ("6 Juta Ekor", "11.805.000", "196,25", 1),  # held to the capaian's own decimals
        ("6.000.000", "11,8 Juta Ekor", "196,67", 0),  # the realisasi's magnitude
        ("50 Ekor", "50", "50", 1),  # no magnitude word: no factor on either side
        ("50 Ekor", "50", "200", 1),
        ("6 Ekor", "11.805.000", "196,75", 1),  # no magnitude word: nothing to scale
        ("6 Ribu Ekor", "11.805.000", "196,75", 1),  # another magnitude: another figure
    ],
)
def test_a_word_of_magnitude_in_a_unit_scales_its_figure(t: str, r: str, c: str, n: int) -> None:
    assert len(found(t, r, c, polarity="higher_better")) == n


def test_an_unknown_polarity_tries_the_lower_is_better_conventions_over_the_inputs_rounding() -> None:
    # 0,50 / 0,40 is 125; 0,505 / 0,395 is 127,8: `127,5` fits target/realisasi (lower is better) only
    assert not found("0,50", "0,40", "127,5")
    assert len(found("0,50", "0,40", "127,5", polarity="higher_better")) == 1
