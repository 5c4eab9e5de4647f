"""period-mismatch, at its edges: another year where the report's own belongs, unless the sentence
compares periods or names another on purpose; multi-year headers whose years skip, or whose "next
year" target is not after the report's."""

from __future__ import annotations

import pytest
from mutkit import context, row, table

from extract.values import parse_value
from reports.checks import period
from reports.context import Hist
from reports.model import Finding


def found(*texts: str, year: int | None = 2024) -> list[Finding]:
    lines = {10 + i: (2, t) for i, t in enumerate(texts)}
    return list(period.run(context(lines=lines, report={"year": year})))


def test_another_budget_year() -> None:
    (f,) = found("Dokumen ini disusun untuk Tahun Anggaran 2023.")
    assert (f.check_id, f.line, f.page, f.evidence) == ("period-mismatch", 10, 2, "Dokumen ini disusun untuk Tahun Anggaran 2023.")
    assert f.message == "Laporan tahun 2024 menyebut \u201cTahun Anggaran 2023\u201d untuk periode laporan ini."


@pytest.mark.parametrize(
    "text",
    [
        "Perjanjian Kinerja Tahun 2023 ditandatangani.",  # a phrase of the report's own period before it
        "Laporan Kinerja TA 2025",
        "Pengukuran capaian kinerja pada tahun 2023",
        "Kinerja organisasi TA. 2023",
    ],
)
def test_own_period_phrases(text: str) -> None:
    assert len(found(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Dokumen ini disusun untuk Tahun Anggaran 2024.",
        "Dibandingkan tahun lalu, Tahun Anggaran 2023 lebih rendah.",  # names another period on purpose
        "Realisasi Indikator Kinerja Tahun 2023 dan Tahun 2024 naik.",  # compares the two
        "Capaian kinerja tahun 2022 - 2024 disajikan.",
        "Tahun Anggaran 2023-2024 adalah masa transisi.",  # a span
        "Pada tahun 2023 gedung dibangun.",  # no phrase of the report's own period
        "Tahun Anggaran\t2023",  # a table line
        "TA. 2023 adalah tahun anggaran",  # the phrase must come before the year
    ],
)
def test_quiet(text: str) -> None:
    assert not found(text)


def test_no_year_no_check() -> None:
    assert not found("Tahun Anggaran 2023", year=None)


def test_each_year_once_per_sentence_and_line() -> None:
    assert len(found("Tahun Anggaran 2023. Tahun Anggaran 2022.", "Tahun Anggaran 2021")) == 3


def multi_year(hist: tuple[Hist, ...], kind: str = "multi_year") -> list[Finding]:
    rows = [row("multi_year", 1, 1, "Indikator", "90", "80", None)]
    header = "Indikator\nRealisasi 2021 | Realisasi 2023"
    ctx = context(rows, tables=[table(1, kind, 50, 55, header=header, page=7)], history={(1, 1): hist}, report={"year": 2024})
    return list(period.run(ctx))


def h(year: int | None, kind: str) -> Hist:
    return Hist(year, kind, parse_value("80"))


def test_multi_year_years_that_skip() -> None:
    (f,) = multi_year((h(2021, "realisasi"), h(2023, "realisasi"), h(2024, "realisasi")))
    assert (f.line, f.page, f.table_seq, f.evidence) == (50, 7, 1, "Indikator / Realisasi 2021 | Realisasi 2023")
    assert "kolom realisasi tahun 2021, 2023, 2024 pada kepala tabel (tahun 2022 terlewat)" in f.message
    assert not multi_year((h(2022, "realisasi"), h(2023, "realisasi"), h(None, "realisasi")))
    assert not multi_year((h(2021, "realisasi"), h(2023, "realisasi")), kind="pengukuran")


def test_multi_year_next_year_target() -> None:
    (f,) = multi_year((h(2023, "realisasi"), h(2024, "target")))
    assert "target tahun 2024 pada kolom target tahun berikutnya (semestinya 2025)" in f.message
    assert not multi_year((h(2023, "realisasi"), h(2025, "target")))
    assert not multi_year((h(2023, "realisasi"), h(2023, "target")))  # that year's own target
    assert not multi_year((h(2023, "realisasi"), h(None, "target")))
    # targets of several years are a plan's, no next year's column (r05_disperindag pp. 23-25)
    assert not multi_year((h(2022, "target"), h(2023, "target"), h(2025, "target"), h(2026, "target")))
    (f,) = multi_year((h(2023, "target"), h(2023, "target")))  # one year's target in two rows: still one column
    assert "target tahun 2023" in f.message


def titled(caption: str, header: str = "INDIKATOR | 2015 | 2016 / TARGET | REALISASI", kind: str = "multi_year") -> list[Finding]:
    t = table(1, kind, 80, 90, header=header, page=80) | {"caption": caption}
    return list(period.run(context([], tables=[t], report={"year": 2016})))


def test_a_table_titled_with_other_years_than_its_header_holds() -> None:
    # r02_dinkes p. 80: the running header's `Tahun 2016` and the Renstra's 2018 are not the title's years
    caption = (
        "Laporan Kinerja Instansi Pemerintah (LKIP) Tahun 2016 Perbandingan Realisasi indikator kinerja Tahun 2014 – 2015 "
        "dan target renstra tahun 2018"
    )
    (f,) = titled(caption)
    assert (f.line, f.page, f.table_seq, f.evidence) == (80, 80, 1, caption)
    assert "menyebut tahun 2014\u20132015 pada judul tabel yang kepalanya memuat tahun 2016" in f.message
    assert titled("PENGUKURAN KINERJA TAHUN 2015 DINAS KESEHATAN", header="Indikator | Target 2016 | Realisasi", kind="pengukuran")


@pytest.mark.parametrize(
    "caption",
    [
        "Berikut capaian indikator sasaran tahun 2015 dan 2016.",  # the report year among the title's
        "Perbandingan Capaian Kinerja Tahun 2013 - 2018",  # a range holding it
        "Laporan Kinerja (LKIP) Tahun 2016 b) Persentase desa siaga aktif",  # only the running header's year
        "Tahun 2015",  # no title word
    ],
)
def test_a_title_naming_the_report_year_or_none_is_no_finding(caption: str) -> None:
    assert titled(caption) == []
    assert titled("Capaian Kinerja Tahun 2015", header="Indikator | 2014 | 2015") == []  # the header holds no 2016 either


def test_a_title_of_several_year_phrases_names_them_all() -> None:
    from reports.checks.period import title_years

    assert title_years("Capaian Tahun 2014 \u2013 2015 dan Tahun 2017") == {2014, 2015, 2017}
    assert title_years("Tahun 2015 - 2013") == {2013, 2015}  # backwards: the two years
    (f,) = titled("Perbandingan capaian tahun 2013, 2014 dan 2015")
    assert "menyebut tahun 2013, 2014, 2015 pada judul tabel" in f.message and "tahun 2016" in f.message
    # the table before it (another kind, or untitled) does not stop the search
    other = table(2, "other", 10, 20, header="Uraian | 2016", page=3) | {"caption": "Tabel pegawai 2015"}
    t = table(1, "multi_year", 80, 90, header="INDIKATOR | 2015 | 2016", page=80) | {"caption": "Capaian Tahun 2015"}
    assert len(list(period.run(context([], tables=[other, t], report={"year": 2016})))) == 1
