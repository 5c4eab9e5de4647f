"""Unit tests of `extract.metadata.read_metadata`: which satker a report is and which year it
reports on, from its own lines (and, for running headers, the pages they stand on)."""

from __future__ import annotations

import pytest

from extract.metadata import _unspace, org_mentions, read_metadata
from extract.model import Metadata


def paged(first: list[str], per_page: list[str], n: int = 4) -> tuple[list[str], list[int | None]]:
    """A cover (`first`, page 1) and `n` pages that each print `per_page`."""
    lines, pages = list(first), [1] * len(first)
    for p in range(2, n + 2):
        lines += per_page
        pages += [p] * len(per_page)
    return lines, list(pages)


# --- KPU ---------------------------------------------------------------------------------------


def test_kpu_kabupaten_from_its_title_not_from_other_kpu_it_mentions() -> None:
    lines = [
        "LAPORAN KINERJA",
        "KOMISI PEMILIHAN UMUM KABUPATEN MUARO JAMBI",
        "TAHUN 2024",
        "Rapat koordinasi dihadiri KPU Kabupaten Batanghari dan KPU Kota Jambi.",
        "Rapat koordinasi dihadiri KPU Kabupaten Batanghari dan KPU Kota Jambi.",
    ]
    assert read_metadata(lines) == Metadata("KPU Kabupaten Muaro Jambi", "kabupaten", "Muaro Jambi", None, 2024, 1.0)


def test_kpu_with_its_province_named_in_the_body() -> None:
    md = read_metadata(["LAPORAN KINERJA", "KPU KABUPATEN JEMBER TAHUN 2024", "Rapat koordinasi dengan KPU Provinsi Jawa Timur."])
    assert md == Metadata("KPU Kabupaten Jember", "kabupaten", "Jember", "Jawa Timur", 2024, 1.0)


def test_kpu_provinsi_and_kip() -> None:
    assert read_metadata(["LAPORAN KINERJA", "KPU PROVINSI JAWA TIMUR", "TAHUN 2022"]) == Metadata(
        "KPU Provinsi Jawa Timur", "provinsi", "Jawa Timur", "Jawa Timur", 2022, 1.0
    )
    # Aceh's commission is the KIP; it is stored as the KPU of its region
    md = read_metadata(["Laporan Kinerja", "KIP Kabupaten Aceh Besar", "Tahun 2023"])
    assert (md.satker, md.level, md.name) == ("KPU Kabupaten Aceh Besar", "kabupaten", "Aceh Besar")


def test_kpu_from_a_running_header_when_the_cover_names_none() -> None:
    # the body names a neighbour twice on every page; the running header names the report's own
    lines, pages = paged(
        ["LAPORAN KINERJA", "TAHUN 2024"],
        ["Laporan Kinerja KPU Kabupaten Tebo Tahun 2024", "Rapat dengan KPU Kabupaten Bungo dan KPU Kabupaten Bungo"],
    )
    md = read_metadata(lines, pages)
    assert (md.satker, md.year, md.satker_confidence) == ("KPU Kabupaten Tebo", 2024, 1.0)


def test_kpu_from_its_website_only_is_less_certain() -> None:
    md = read_metadata(["Laporan kinerja tahun 2023", "disusun oleh sekretariat", "kab-sragen.kpu.go.id"])
    assert (md.satker, md.level, md.name, md.satker_confidence) == ("KPU Kabupaten Sragen", "kabupaten", "Sragen", 0.9)


def test_kpu_ri_named_without_a_region() -> None:
    lines = [
        "LAPORAN KINERJA",
        "KOMISI PEMILIHAN UMUM",
        "TAHUN 2023",
        "Komisi Pemilihan Umum menyelenggarakan pemilu. KPU menetapkan hasilnya.",
    ]
    assert read_metadata(lines) == Metadata("KPU RI", None, None, None, 2023, 0.6)


def test_no_satker_and_no_year() -> None:
    assert read_metadata(["Teks tanpa nama apa pun"]) == Metadata(None, None, None, None, None, None)


# --- any instansi ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "satker"),
    [
        (["DINAS KESEHATAN PROVINSI JAWA BARAT"], "Dinas Kesehatan Provinsi Jawa Barat"),
        # the region on a line of its own (`r04_bpbd`)
        (["BADAN PENANGGULANGAN BENCANA DAERAH", "PROVINSI JAWA BARAT"], "Badan Penanggulangan Bencana Daerah Provinsi Jawa Barat"),
        (["Rumah Sakit Jiwa Provinsi Jawa Barat"], "Rumah Sakit Jiwa Provinsi Jawa Barat"),
        (["RSUD KESEHATAN KERJA PROVINSI JAWA BARAT"], "RSUD Kesehatan Kerja Provinsi Jawa Barat"),
        (["Dinas Permukiman dan Perumahan Provinsi Jawa Barat"], "Dinas Permukiman dan Perumahan Provinsi Jawa Barat"),
        (["DINAS PERTANIAN TANAMAN PANGAN PROVINSI JAWA BARAT"], "Dinas Pertanian Tanaman Pangan Provinsi Jawa Barat"),
        # short words of a name in capitals are words (`r03_dpsda` p. 1), an acronym is kept (`r28_dinkumkm`)
        (["DINAS SUMBER DAYA AIR PROVINSI JAWA BARAT"], "Dinas Sumber Daya Air Provinsi Jawa Barat"),
        (["DINAS KUMKM PROVINSI JAWA BARAT"], "Dinas KUMKM Provinsi Jawa Barat"),
        (["BADAN KESBANGPOL PROVINSI JAWA BARAT"], "Badan Kesbangpol Provinsi Jawa Barat"),
        (["BAPPEDA PROVINSI JAWA BARAT"], "BAPPEDA Provinsi Jawa Barat"),
    ],
)
def test_instansi_of_a_provinsi(title: list[str], satker: str) -> None:
    md = read_metadata(["LAPORAN KINERJA INSTANSI PEMERINTAH", *title, "TAHUN 2016"])
    assert md == Metadata(satker, "provinsi", "Jawa Barat", "Jawa Barat", 2016, 1.0)


@pytest.mark.parametrize(
    ("word", "acronym"),
    [("BPBD", True), ("RSUD", True), ("PSDA", True), ("UPTD", True), ("KUMKM", True), ("BAPPEDA", True), ("BP3AKB", True),
     ("DAYA", False), ("AIR", False), ("UMUM", False), ("DINAS", False), ("PERINDUSTRIAN", False), ("PANGAN", False),
     ("PENANGGULANGAN", False),
     ("HUMAS,", False), ("KESBANGPOL", False)],
)  # fmt: skip
def test_an_acronym_is_told_from_a_word_in_capitals(word: str, acronym: bool) -> None:
    from extract.metadata import _acronym

    assert _acronym(word) is acronym


def test_instansi_a_biro_without_its_region() -> None:
    # `Biro Humas, Protokol dan Umum` names no region of its own (`r11_biro-hpu`)
    md = read_metadata(["Laporan Kinerja", "Biro Humas, Protokol dan Umum", "Sekretariat Daerah Provinsi Jawa Barat", "Tahun 2016"])
    assert md == Metadata("Biro Humas, Protokol dan Umum", None, None, "Jawa Barat", 2016, 1.0)


def test_instansi_acronym_with_its_region() -> None:
    md = read_metadata(["Laporan Kinerja BAPPEDA Prov. Jabar Tahun 2016"])
    assert md == Metadata("BAPPEDA Provinsi Jawa Barat", "provinsi", "Jawa Barat", "Jawa Barat", 2016, 1.0)


def test_a_pemda_is_the_satker_only_of_its_own_lkj() -> None:
    # LKj Provinsi Lampung 2015 (real excerpt `13`)
    md = read_metadata(["LKj Provinsi Lampung Tahun 2015", "Pemerintah Provinsi Lampung menetapkan"])
    assert (md.satker, md.level, md.name, md.year) == ("Pemerintah Provinsi Lampung", "provinsi", "Lampung", 2015)
    # a Dinas's report names its parent government too: the Dinas is the satker
    md = read_metadata(["Laporan Kinerja", "Dinas Kesehatan Provinsi Jawa Barat", "Tahun 2016", "Pemerintah Provinsi Jawa Barat"])
    assert md.satker == "Dinas Kesehatan Provinsi Jawa Barat"


def test_a_name_cut_at_a_line_end_votes_for_the_full_name() -> None:
    # the cover loses the name's end; the body prints it whole, with its region
    lines = ["LAPORAN KINERJA INSTANSI PEMERINTAH", "DINAS PARIWISATA", "TAHUN 2016", *["teks"] * 45]
    lines += ["Dinas Pariwisata dan Kebudayaan Provinsi Jawa Barat melaksanakan program."] * 3
    md = read_metadata(lines)
    assert (md.satker, md.level, md.name) == ("Dinas Pariwisata dan Kebudayaan Provinsi Jawa Barat", "provinsi", "Jawa Barat")
    assert md.satker_confidence is not None and md.satker_confidence <= 0.8  # the full name is only the body's: not 1.0


def test_an_all_caps_title_with_dan_keeps_its_whole_name() -> None:
    # covers print the name in capitals: `r24_disparbud`, `r22_disperkim`, `r28_dinkumkm`
    md = read_metadata(["LAPORAN KINERJA INSTANSI PEMERINTAH", "DINAS PARIWISATA DAN KEBUDAYAAN PROVINSI JAWA BARAT", "TAHUN 2016"])
    assert (md.satker, md.level, md.name) == ("Dinas Pariwisata dan Kebudayaan Provinsi Jawa Barat", "provinsi", "Jawa Barat")


def test_org_mentions_second_office_after_dan() -> None:
    # the rule the bug above comes from: a second office after `dan` is not part of the first
    assert org_mentions("SPKT Polda Jateng dan SPKT Jajaran") == [("SPKT Polda Jateng", None, None, 5)]


# --- letter-spacing and the year ---------------------------------------------------------------


def test_unspace_joins_a_letter_spaced_word_and_year() -> None:
    # `r26_inspektorat`: `LKIP T A H U N 2 0 1 6` as its running header
    assert _unspace("LKIP T A H U N 2 0 1 6") == "LKIP TAHUN 2016"
    assert _unspace("Sasaran a dan b") == "Sasaran a dan b"  # lone letters are no spaced word


def test_unspace_does_not_split_a_long_spaced_word_in_two() -> None:
    assert _unspace("I N S P E K T O R A T") in ("I N S P E K T O R A T", "INSPEKTORAT")


def test_letter_spaced_running_header_gives_the_year_reported_on() -> None:
    # the cover is dated 2017, the running header (letter-spaced) says 2016 on every page
    lines, pages = paged(
        ["BAB III AKUNTABILITAS KINERJA", "TAHUN 2017"],
        ["LKIP T A H U N 2 0 1 6", "Inspektorat Provinsi Jawa Barat melakukan pengawasan"],
    )
    md = read_metadata(lines, pages)
    assert (md.satker, md.year) == ("Inspektorat Provinsi Jawa Barat", 2016)


def test_year_reported_on_beats_the_year_on_the_cover() -> None:
    # `r04_bpbd-jabar`: the cover says TAHUN 2017, its running header 2016
    lines, pages = paged(
        ["LAPORAN KINERJA", "BADAN PENANGGULANGAN BENCANA DAERAH PROVINSI JAWA BARAT", "TAHUN 2017"],
        ["LKIP BPBD Provinsi Jawa Barat 2016", "Isi halaman dengan teks biasa", "Realisasi program berjalan baik"],
    )
    md = read_metadata(lines, pages)
    assert md.year == 2016
    # the running header names the satker by its acronym, every page
    assert (md.satker, md.level, md.name) == ("BPBD Provinsi Jawa Barat", "provinsi", "Jawa Barat")


def test_regulation_years_and_plan_periods_do_not_vote() -> None:
    md = read_metadata(
        [
            "LAPORAN KINERJA KPU KABUPATEN JEMBER",
            "Berdasarkan Peraturan Presiden Nomor 29 Tahun 2014 tentang SAKIP",
            "Renstra Tahun 2020-2024",
            "Tahun 2024",
        ]
    )
    assert md.year == 2024


def test_the_year_signed_after_the_reports_name_does_not_win() -> None:
    assert read_metadata(["Laporan Kinerja Tahun 2016 ini disusun pada bulan Maret 2017"]).year == 2016
    assert read_metadata(["Laporan Kinerja Tahun 2016", "Bandung, Maret 2017"]).year == 2016


def test_the_satker_does_not_follow_the_hash_seed() -> None:
    """r26_inspektorat's running lines were joined in a set's order, so its satker changed with
    PYTHONHASHSEED (seed 0: `OPD Provinsi Akuntansi Pemerintah`); they are read in page order."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    pdf = Path(__file__).resolve().parents[1].parent / "shared/real-lkip/r26_inspektorat-jabar_2016_bab3.pdf"
    if not pdf.exists():
        pytest.skip("../shared is absent")
    code = f"import extract; print(extract.read_document({str(pdf)!r}).metadata.satker)"
    got = {
        subprocess.run(
            [sys.executable, "-c", code], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True
        ).stdout.strip()
        for seed in ("0", "1")
    }
    assert got == {"Inspektorat Provinsi Jawa Barat"}


def test_a_signature_title_after_the_region_is_not_part_of_it() -> None:
    """r06_bpmpd's cover: `… Provinsi Jawa Barat` then the signatory's `Kepala Badan` on one line."""
    from extract.metadata import read_metadata

    meta = read_metadata(["LAPORAN KINERJA TAHUN 2016", "Badan Pemberdayaan Masyarakat Provinsi Jawa Barat Kepala Badan", "Bandung"])
    assert meta.satker == "Badan Pemberdayaan Masyarakat Provinsi Jawa Barat" and meta.name == "Jawa Barat"


def test_the_survey_reads_the_readme_s_short_names_as_the_names_they_stand_for() -> None:
    """`make eval-real --set survey` scores satker against ../shared/real-lkip/README.md, which
    writes them short (`BPBD Prov. Jabar`); the acronyms are spelled out of the other name's
    words, nothing else is loosened."""
    from bench.survey import same

    assert same("Badan Penanggulangan Bencana Daerah Provinsi Jawa Barat", "BPBD Provinsi Jawa Barat")
    assert same("Badan Koordinasi Pemerintahan dan Pembangunan Wilayah I Provinsi Jawa Barat", "BKPP Wilayah I Prov. Jabar")
    assert same("Badan Kesbangpol Provinsi Jawa Barat", "Badan Kesatuan Bangsa dan Politik Prov. Jabar (draft)")
    assert same("Dinas KUMKM Provinsi Jawa Barat", "Dinas Koperasi dan UMKM Prov. Jabar")
    assert same("Biro Humas, Protokol dan Umum Provinsi Jawa Barat", "Biro Humas, Protokol dan Umum Setda Prov. Jabar")
    assert not same("Badan Kesbangpol Provinsi Jawa Barat", "BKPP Wilayah I Prov. Jabar")
    assert not same("Dinas Peternakan Provinsi Jawa Barat", "Dinas Perkebunan Prov. Jabar")
    assert not same("Dinas Sumber Daya Air Provinsi Jawa Barat", "Dinas Pengelolaan Sumber Daya Air (PSDA) Prov. Jawa Barat")
    assert same("Dinas Sumber Daya Air Provinsi Jawa Barat", "Dinas PSDA", ("Dinas Sumber Daya Air Provinsi Jawa Barat",))
    assert not same(None, "BPBD Provinsi Jawa Barat")
