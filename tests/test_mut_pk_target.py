"""pk-target-mismatch, at its edges: which targets are the same (a grade exactly, a text but for
case, a number whatever its sign or decimals, a count only in the same unit), which rows are the
same indicator (catalogue id, else a wording at least 90% alike), and how rows pair with the PK."""

from __future__ import annotations

import pytest
from mutkit import context, row

from extract.values import parse_value
from reports.checks import pk_target
from reports.checks.pk_target import same_indicator, same_target

NAME = "Persentase dokumen perencanaan yang tersusun tepat waktu"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("90", "90%", True),  # measured tables often drop the sign
        ("90%", "90", True),
        ("90", "90,00", True),
        ("90", "90,5", False),
        ("90", "89,99", False),
        ("BB", "BB", True),
        ("BB", "A", False),
        ("BB", "\u0412\u0412", True),  # a Cyrillic look-alike is the same grade
        ("BB", "bb", False),  # a grade is the grade as printed; `bb` is a text
        ("bb", "BB", False),
        ("WTP", "wtp", False),
        ("wtp", "WTP", False),
        ("BB", "90", False),
        ("Tersedia", "tersedia", True),  # a text target, but for case
        ("Tersedia", "Tidak tersedia", False),
        ("Tersedia", "90", False),
        ("90", "Tersedia", False),
        ("1 Laporan", "1 Laporan", True),
        ("1 Laporan", "1 laporan", True),
        ("1 Laporan", "1 Dokumen", False),  # another unit: another target
        ("1", "1 Laporan", True),  # a bare number beside a count: the unit left out
        ("1 Laporan", "1", True),
    ],
)
def test_same_target(a: str, b: str, same: bool) -> None:
    assert same_target(parse_value(a), parse_value(b)) is same


def test_same_target_of_missing_cells() -> None:
    v = parse_value("90")
    assert same_target(None, None) and not same_target(None, v) and not same_target(v, None)


def test_same_indicator() -> None:
    a = row("perjanjian", 1, 1, NAME, "90", None, None, indicator_id="IKU-01")
    assert same_indicator(a, row("pengukuran", 2, 1, "Lain sekali", "90", None, None, indicator_id="IKU-01"))
    assert not same_indicator(a, row("pengukuran", 2, 1, NAME, "90", None, None, indicator_id="IKU-02"))
    assert same_indicator(a, row("pengukuran", 2, 1, NAME, "90", None, None))  # one id only: the wordings decide
    # wordings 90% alike are one indicator; 89% not
    x = row("perjanjian", 1, 1, "Nilai kinerja abcdef", "90", None, None)
    assert same_indicator(x, row("pengukuran", 2, 1, "Nilai kinerja abcdxy", "90", None, None))
    assert not same_indicator(x, row("pengukuran", 2, 1, "Nilai kinerja abcxyz", "90", None, None))
    assert not same_indicator(row("perjanjian", 1, 1, "-", "90", None, None), row("pengukuran", 2, 1, "-", "90", None, None))


def test_another_target_is_one_finding_with_both() -> None:
    rows = [row("perjanjian", 1, 1, NAME, "90%", None, None), row("pengukuran", 2, 1, NAME, "85%", "80%", "94,12%")]
    (f,) = pk_target.run(context(rows))
    assert (f.check_id, f.cells, f.line, f.table_seq) == ("pk-target-mismatch", ("target",), 201, 2)
    assert f.message == "Perjanjian Kinerja menetapkan target 90% (halaman 1, baris 101), tetapi tabel pengukuran memakai 85%."


@pytest.mark.parametrize(("pk", "measured"), [("90%", "90"), ("90", "90,00"), ("-", "85"), ("90", "-"), ("BB", "BB")])
def test_the_same_or_an_unprinted_target_is_quiet(pk: str, measured: str) -> None:
    rows = [row("perjanjian", 1, 1, NAME, pk, None, None), row("pengukuran", 2, 1, NAME, measured, "80", None)]
    assert not list(pk_target.run(context(rows)))


def test_a_skipped_pair_does_not_end_the_check() -> None:
    other = "Indeks kepuasan layanan informasi publik"
    rows = [
        row("perjanjian", 1, 1, NAME, "-", None, None),
        row("perjanjian", 1, 2, other, "80", None, None),
        row("pengukuran", 2, 1, NAME, "90", "80", None),
        row("pengukuran", 2, 2, other, "75", "80", None),
    ]
    assert [f.row_seq for f in pk_target.run(context(rows))] == [2]


def test_pairs_prefer_the_same_block_and_take_each_pk_row_once() -> None:
    pk = [
        row("perjanjian", 1, 1, NAME, "90", None, None, section="Tujuan › Program A"),
        row("perjanjian", 1, 2, NAME, "80", None, None, section="Tujuan › Program B"),
    ]
    same_block = row("pengukuran", 2, 1, NAME, "80", "80", None, section="Pengukuran › Program B")
    assert not list(pk_target.run(context([*pk, same_block])))
    other_block = row("pengukuran", 2, 1, NAME, "70", "80", None, section="Program C")
    assert [f.message.count("90") for f in pk_target.run(context([*pk, other_block]))] == [1]  # the first PK row
    # one PK row, two measured rows: the second has no PK row left to differ from
    one = [pk[0], row("pengukuran", 2, 1, NAME, "90", "80", None), row("pengukuran", 3, 1, NAME, "70", "80", None)]
    assert not list(pk_target.run(context(one)))


@pytest.mark.parametrize(
    ("pk", "measured", "same"),
    [
        ("61 kampung", "61", True),  # r09_bplhd p. 17: the unit only in the PK's cell
        ("5-6 %", "5-6%", True),
        ("UTTP : 6.831.222 buah", "6,831,222", True),  # r05_disperindag p. 35: other separators
        ("Inflasi Jawa Barat < Inflasi Nasional", "< inflasi nasional", True),
        ("1 taman", "2", False),
        ("5-6 %", "5-7%", False),
        ("< inflasi nasional", "> inflasi nasional", False),
    ],
)
def test_targets_in_words_agree_by_their_figures_or_their_words(pk: str, measured: str, same: bool) -> None:
    from extract.values import parse_value
    from reports.checks.pk_target import same_target

    assert same_target(parse_value(pk), parse_value(measured)) is same
