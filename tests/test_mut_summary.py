"""summary-claim-mismatch, at its edges: the number of IKU (each way a report counts them), "N
indikator … capaian 100%" when N is all of them, and "capaian IKU X%" against the mean capaian
(plain or capped at 100%) at the printed decimals."""

from __future__ import annotations

import pytest
from mutkit import claims_of, context, row

from reports.checks import summary
from reports.checks.summary import indicator_counts
from reports.context import MRow
from reports.model import Finding


def measured(*capaian: str, tables: int = 1) -> list[MRow]:
    return [row("pengukuran", t + 1, i + 1, f"Indikator nomor {i}", "90", "90", c) for t in range(tables) for i, c in enumerate(capaian)]


def found(text: str, rows: list[MRow]) -> list[Finding]:
    return list(summary.run(context(rows, claims_of(500, text))))


def test_indicator_counts() -> None:
    assert indicator_counts(measured("100", "100", tables=2)) == [2, 4]  # every row, or each wording once / the largest table
    assert indicator_counts([]) == [0]


def test_another_number_of_iku() -> None:
    (f,) = found("Terdapat 5 (lima) IKU yang diukur.", measured("100", "100", "100"))
    assert (f.check_id, f.line, f.page) == ("summary-claim-mismatch", 500, 1)
    assert f.message.startswith("Narasi menyatakan 5 (lima) IKU")
    assert f.message.endswith(", sedangkan tabel pengukuran menunjukkan 3 indikator dalam tabel pengukuran.")


@pytest.mark.parametrize(
    ("text", "tables"),
    [
        ("Terdapat 3 (tiga) IKU yang diukur.", 1),
        ("Terdapat 3 (tiga) IKU yang diukur.", 2),  # three wordings in two tables
        ("Terdapat 6 (enam) IKU yang diukur.", 2),  # or every row
        ("Sebanyak 5 (lima) IKU dari RPJMD", 1),  # "dari": some of someone's
        ("Mendukung 5 (lima) IKU Gubernur", 1),  # another owner's
        ("Terdapat 5 (lima) indikator yang diukur.", 1),  # no IKU named: not a count of all of them
    ],
)
def test_counts_that_agree_or_are_not_the_reports(text: str, tables: int) -> None:
    assert not found(text, measured("100", "100", "100", tables=tables))


def test_counts_of_a_lower_level_are_not_the_iku() -> None:
    # r19_disbun p. 9: the Renstra's sasaran, program and kegiatan indicators counted in one sentence
    text = (
        "Dalam Renstra telah ditetapkan 7 (tujuh) sasaran strategis dengan 3 (tiga) Indikator Sasaran Strategis "
        "(Benefit) dan 45 (empat puluh lima) Indikator Sasaran Program (Outcome), serta 105 (seratus lima) "
        "Indikator Sasaran Kegiatan (Output)."
    )
    assert not found(text, measured("100", "100", "100"))
    # the level named after the count is what is counted: a wrong count of the sasaran's indicators still fires
    wrong = text.replace("3 (tiga) Indikator Sasaran Strategis", "4 (empat) Indikator Sasaran Strategis")
    (f,) = found(wrong, measured("100", "100", "100"))
    assert f.message.startswith("Narasi menyatakan 4 (empat) Indikator")


def test_ditetapkan_speaks_of_the_iku_too() -> None:
    assert len(found("Telah ditetapkan 4 (empat) indikator", measured("100", "100", "100"))) == 1


def test_all_at_100_when_one_is_not() -> None:
    (f,) = found("Seluruh 3 (tiga) indikator mencapai capaian 100%", measured("100", "95,5", "100"))
    assert f.message == (
        "Narasi menyatakan 3 (tiga) indikator mencapai capaian kinerja 100%, sedangkan tabel pengukuran menunjukkan "
        "1 dari 3 indikator tidak 100%: no. 2 (95,5)."
    )


@pytest.mark.parametrize(
    ("text", "capaian"),
    [
        ("Seluruh 3 (tiga) indikator mencapai capaian 100%", ("100", "100", "100,00")),
        ("Sebanyak 2 (dua) indikator mencapai capaian 100%", ("100", "95", "100")),  # two of three: some of them
        ("Seluruh 3 (tiga) indikator dengan capaian ≥100%", ("100", "95", "100")),  # at least: some of them
        ("Seluruh 3 (tiga) indikator dengan capaian >100%", ("100", "95", "100")),
        ("Seluruh 3 (tiga) indikator tercapai 100%", ("100", "95", "100")),  # no "capaian" before the figure
        ("Seluruh 3 (tiga) indikator mencapai capaian 90% dan 100%", ("100", "95", "100")),  # the first figure after the count
    ],
)
def test_near_misses_of_all_at_100(text: str, capaian: tuple[str, ...]) -> None:
    assert not [f for f in found(text, measured(*capaian)) if "100%" in f.message and "dari" in f.message]


@pytest.mark.parametrize("stated", ["97,5%", "97,50%", "97%", "95%", "95,0%"])  # mean 97,5; capped 95
def test_mean_capaian_that_agrees(stated: str) -> None:
    assert not found(f"Rata-rata capaian IKU sebesar {stated}", measured("110", "80", "100", "100"))


@pytest.mark.parametrize("stated", ["97,6%", "96%", "97,49%", "94,9%"])
def test_mean_capaian_near_misses(stated: str) -> None:
    (f,) = found(f"Rata-rata capaian IKU sebesar {stated}", measured("110", "80", "100", "100"))
    assert f.message == (
        f"Narasi menyatakan capaian IKU {stated}, sedangkan tabel pengukuran menunjukkan "
        "rata-rata capaian 97,5% dari 4 indikator (dibatasi 100%: 95%)."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Capaian kinerja 80% pada IKU ini",  # IKU named after the figure
        "Indikator yang merupakan IKU, realisasi 80 dengan capaian 80%",  # IKU before the last "capaian": one indicator's
        "Capaian IKU anggaran sebesar 80%",  # a budget figure
    ],
)
def test_percentages_not_about_the_mean(text: str) -> None:
    assert not found(text, measured("110", "80", "100", "100"))


def test_nothing_measured_nothing_to_check() -> None:
    assert not found("Terdapat 5 (lima) IKU. Capaian IKU 80%", [])
    assert not found("Capaian IKU 80%", [row("pengukuran", 1, 1, "x", "90", "90", None)])
