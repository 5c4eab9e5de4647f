"""Unit tests of `extract.header`: what each header column means and what kind of table a header
makes. Every header here is the smallest one that exercises its rule; the wordings are the real
reports' (the KPU seeds, the LKIP 2016 reports of Jawa Barat named in the module's docstrings)."""

from __future__ import annotations

import pytest

from extract.header import (
    Header,
    classify,
    column_paths,
    column_slots,
    header_like,
    header_years,
    is_column_numbers,
    is_header_continuation,
    is_header_start,
    role_of,
)


def head(*lines: tuple[str, ...], year: int | None = 2024, context: str = "", caption: str | None = None) -> Header:
    width = max(len(ln) for ln in lines)
    return classify(list(lines), width, context, year, None, caption)


# --- role_of -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "role", "year"),
    [
        ("No", "no", None),
        ("No.", "no", None),
        ("N0", "no", None),  # a zero for the O
        ("Indikator Kinerja", "indicator", None),
        ("Indikator Sasaran", "indicator", None),  # not a group: `indikator` names the row
        ("Uraian", "indicator", None),
        ("Target 2016", "target", 2016),
        ("Rencana", "target", None),
        ("Target Kinerja", "target", None),
        ("Realisasi", "realisasi", None),
        ("% Capaian", "capaian", None),
        ("Tingkat Capaian", "capaian", None),
        ("Persentase Capaian", "capaian", None),
        ("(%)", "capaian", None),
        ("Satuan", "satuan", None),
        ("Sat.", "satuan", None),
        ("Kategori", "kategori", None),
        ("Predikat", "kategori", None),
        ("Keterangan", "keterangan", None),
        ("Ket.", "keterangan", None),
        ("Anggaran (Rp)", "budget", None),
        ("Sasaran Strategis", "group", None),
        ("Program/Kegiatan", "group", None),
        ("Kegiatan", "activity", None),
        ("Sasaran Kinerja", "activity", None),
        ("Formula", "ignore", None),
        ("Tahun 2024", "year", 2024),  # a bare year: a value of that year
    ],
)
def test_role_of_header_vocabulary(path: str, role: str, year: int | None) -> None:
    assert role_of(path) == (role, year)


@pytest.mark.parametrize(
    ("path", "role", "year"),
    [
        ("REALALISASI", "realisasi", None),  # a typo the reports print
        ("Realisas", "realisasi", None),  # a narrow cell broke the word (`Realisas` / `i`)
        ("Canaian", "capaian", None),  # tesseract reads p as n
        ("Indikatar Kinerja", "indicator", None),
        ("Realisas 12021", "realisasi", 2021),  # `Realisas i 2021`: the i read into the year
        ("satua n", "satuan", None),  # `r01_bappeda` p. 28: a word broken without a hyphen
        ("targe t renst ra", "target", None),
    ],
)
def test_role_of_ocr_and_broken_words(path: str, role: str, year: int | None) -> None:
    assert role_of(path) == (role, year)


def test_role_of_reads_the_lowest_level_and_there_the_first_named_role() -> None:
    assert role_of("Rencana Tingkat Capaian") == ("target", None)
    assert role_of("Capaian Target terhadap Realisasi") == ("capaian", None)
    # the upper level names capaian, the lower the year's target: the lower level wins
    assert role_of("Capaian Kinerja / Target 2024") == ("target", 2024)
    assert role_of("Tahun 2016 / Target") == ("target", 2016)
    assert role_of("Capaian Kinerja / 2015") == ("capaian", 2015)


def test_role_of_a_ratio_column_is_a_capaian() -> None:
    # `Realisasi 2016 Thdp Tahun 2015 (3/4)*100`: computed from other columns
    assert role_of("Realisasi 2016 Thdp Tahun 2015 (3/4)*100")[0] == "capaian"
    assert role_of("Realisasi x 100")[0] == "capaian"


# --- slots and paths ---------------------------------------------------------------------------


def test_column_slots_extend_an_upper_cell_over_the_empty_cells_right_of_it() -> None:
    # a text export lost the merge: `Capaian Kinerja` stands over `2022 | 2023 | 2024`
    lines: list[tuple[str, ...]] = [("No", "Indikator Kinerja", "Capaian Kinerja", "", ""), ("", "", "2022", "2023", "2024")]
    slots = column_slots(lines, 5)
    assert slots[0] == ["No", "Indikator Kinerja", "Capaian Kinerja", "Capaian Kinerja", "Capaian Kinerja"]
    assert column_paths(slots, 5) == [
        "No",
        "Indikator Kinerja",
        "Capaian Kinerja / 2022",
        "Capaian Kinerja / 2023",
        "Capaian Kinerja / 2024",
    ]


def test_column_slots_two_years_over_target_realisasi_capaian() -> None:
    lines: list[tuple[str, ...]] = [
        ("No", "Indikator Kinerja", "2019", "", "", "2020", "", ""),
        ("", "", "Target", "Realisasi", "Capaian", "Target", "Realisasi", "Capaian"),
    ]
    paths = column_paths(column_slots(lines, 8), 8)
    assert paths[2:] == ["2019 / Target", "2019 / Realisasi", "2019 / Capaian", "2020 / Target", "2020 / Realisasi", "2020 / Capaian"]


def test_column_slots_follow_the_geometrys_spans() -> None:
    # a ruled header: the cell spans 3 columns; a covered slot's text (span 0) is no cell's
    assert column_slots([("No", "Indikator", "Capaian", "X", "")], 5, [(1, 1, 3, 0, 0)]) == [
        ["No", "Indikator", "Capaian", "Capaian", "Capaian"]
    ]


def test_column_slots_do_not_reach_over_nothing_or_over_column_numbers() -> None:
    # `Indikator` has nothing under it: it does not reach right; `Target` over `(4)` neither
    assert column_slots([("Indikator", "", "Target"), ("", "x", "y")], 3)[0] == ["Indikator", "", "Target"]
    assert column_slots([("No", "Indikator", "Target", ""), ("(1)", "(2)", "(3)", "(4)")], 4)[0] == ["No", "Indikator", "Target", ""]


def test_column_paths_skip_column_numbers_and_repeats() -> None:
    assert column_paths([["No", "Capaian", "Capaian"], ["(1)", "Capaian", "2024"]], 3) == ["No", "Capaian", "Capaian / 2024"]


def test_header_years_in_reading_order_with_a_split_year_joined() -> None:
    # Muaro Jambi 2024 seed p. 56: `2 | 024` is the year 2024 split over two cells
    assert header_years([("No", "Realisasi", "2", "024", "Target"), ("", "2021", "2022", "2023", "2025")]) == [2024, 2021, 2022, 2023, 2025]
    assert header_years([("2023", "Target 2024 s/d 2025")]) == [2023, 2024, 2025]
    assert header_years([("No", "1", "2")]) == []


# --- header lines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (("(1)", "(2)", "(3)"), True),
        (("(1)", "(2)"), True),
        (("1", "2", "3", "4", "5"), True),
        (("1", "2", "3", "4", "6", "7"), True),  # a merged header cell numbered once
        (("(1)", "(2)", "qQ)", "(4)", "(5)"), True),  # tesseract's `(3)`
        (("3", "4", "5"), False),  # not from 1 or 2: values
        (("1", "3", "2"), False),  # not rising
        (("1", "2", "3", "40"), False),  # too far for a column number
        (("1", "2"), False),
        (("q)", "qa)", "(3)"), False),  # too few read right to tell
        (("(1)", "Target"), False),
    ],
)
def test_is_column_numbers(cells: tuple[str, ...], expected: bool) -> None:
    assert is_column_numbers(cells) is expected


def test_header_like_and_header_start() -> None:
    assert header_like("Indikator Kinerja") and header_like("Target 2016") and header_like("REALALISASI")
    assert not header_like("Persentase laporan keuangan tepat waktu")
    assert not header_like("100%")
    assert is_header_start(("No", "Indikator Kinerja", "Target"))
    assert not is_header_start(("Kinerja", "Target"))  # one key word only
    assert not is_header_start(("1", "Persentase", "100%"))
    assert not is_header_start(("Indikator Kinerja Target",))  # one cell


def test_header_continuation() -> None:
    assert is_header_continuation(("", "", "2022", "2023"))
    assert is_header_continuation(("(1)", "(2)", "(3)"))
    assert not is_header_continuation(("1", "2", "3"))  # small numbers: a body row's figures
    assert not is_header_continuation(("1", "Persentase laporan yang disusun", "100%"))


# --- classify: roles ---------------------------------------------------------------------------


def test_classify_a_measurement_header() -> None:
    h = head(("No", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian", "Kategori", "Keterangan"))
    assert h.kind == "pengukuran"
    assert h.roles == ("no", "indicator", "satuan", "target", "realisasi", "capaian", "kategori", "keterangan")
    assert h.years == ()


def test_classify_capaian_over_years_is_multi_year() -> None:
    h = head(("No", "Indikator Kinerja", "Capaian Kinerja", "", ""), ("", "", "2022", "2023", "2024"), year=2024)
    assert h.kind == "multi_year"
    assert h.roles == ("no", "indicator", "hist:capaian:2022", "hist:capaian:2023", "capaian")
    assert h.years == (2022, 2023, 2024)


def test_a_ratio_of_this_years_realisation_is_the_capaian_whatever_year_it_names() -> None:
    # `r18_distan` Tabel 6 p. 28: column (5) divides the cumulative realisation to 2016 (3) by the
    # Renstra target (4), though its label says 2015 against 2014
    h = head(
        (
            "Sasaran Strategis",
            "Indikator Kinerja",
            "Realisasi sampai dengan Tahun 2016 (Tahun 2014+2015+2016)",
            "Target Renstra s/d Tahun 2018 (2013-2018)",
            "Realisasi 2015 Thdp Tahun 2014 (3/4)*100",
        ),
        year=2016,
    )
    assert h.roles == ("group", "indicator", "realisasi", "hist:target:2018", "capaian")
    assert h.kind == "multi_year"
    # a ratio of columns holding another year's values stays that year's
    h = head(("Indikator Kinerja", "Realisasi 2015", "Target 2015", "Capaian 2015 (2/3)*100", "Realisasi 2016"), year=2016)
    assert h.roles[3] == "hist:capaian:2015"


def test_classify_earlier_years_values_are_history() -> None:
    h = head(
        ("No", "Indikator Kinerja", "2019", "", "", "2020", "", ""),
        ("", "", "Target", "Realisasi", "Capaian", "Target", "Realisasi", "Capaian"),
        year=2020,
    )
    assert h.kind == "multi_year"
    assert h.roles == ("no", "indicator", "hist:target:2019", "hist:realisasi:2019", "hist:capaian:2019", "target", "realisasi", "capaian")


def test_classify_a_table_headed_with_another_year_than_the_reports() -> None:
    # the report year printed nowhere and no yearless value column: the latest year is current
    h = head(("No", "Indikator Kinerja", "Target 2023", "Realisasi 2023", "Capaian 2023"), year=2024)
    assert (h.kind, h.roles) == ("pengukuran", ("no", "indicator", "target", "realisasi", "capaian"))


def test_classify_renstra_and_akhir_targets_are_history() -> None:
    # the plan's end, not this year's target
    h = head(("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Target Renstra 2024"), year=2022)
    assert (h.kind, h.roles) == ("pengukuran", ("no", "indicator", "target", "realisasi", "capaian", "hist:target:2024"))
    h = head(("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Target Akhir Renstra"), year=2022)
    assert h.roles[-1] == "hist:target:"


def test_classify_capaian_against_renstra_is_the_capaian_only_without_another() -> None:
    alone = head(("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian terhadap Renstra 2026"))
    assert alone.roles == ("no", "indicator", "target", "realisasi", "capaian")
    beside = head(("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Capaian terhadap Renstra 2026"))
    assert beside.roles == ("no", "indicator", "target", "realisasi", "capaian", "hist:capaian:2026")


def test_classify_a_second_realisasi_in_percent_is_the_capaian() -> None:
    # `Tahun 2016 / Realisasi %` beside `Realisasi`
    h = head(("No", "Indikator Kinerja", "Tahun 2016", "", ""), ("", "", "Target", "Realisasi", "Realisasi %"), year=2016)
    assert h.roles == ("no", "indicator", "target", "realisasi", "capaian")
    assert h.paths[4] == "Tahun 2016 / Realisasi %"


def test_classify_two_capaian_columns_without_realisasi() -> None:
    # `r13_rsjiwa` p. 16: `Capaian tahun 2016 / Target | Capaian` then `% Capaian kinerja`
    h = head(("No", "Indikator Kinerja", "Capaian tahun 2016", "", "% Capaian kinerja"), ("", "", "Target", "Capaian", ""), year=2016)
    assert h.roles == ("no", "indicator", "target", "realisasi", "capaian")


def test_classify_quarterly_targets_keep_the_last_quarters() -> None:
    # a Rencana Aksi table: the year's target is Trw IV's
    h = head(("No", "Indikator Kinerja", "Target TW I", "Target TW II", "Target TW III", "Target TW IV"))
    assert h.roles == ("no", "indicator", "ignore", "ignore", "ignore", "target")
    assert h.kind == "rencana"


def test_classify_last_years_capaian() -> None:
    h = head(("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Capaian Thn Lalu"), year=2024)
    assert h.roles[-1] == "hist:capaian:2023"
    assert h.kind == "multi_year"


def test_classify_a_doubled_column_role_is_ignored() -> None:
    # OCR doubles `Indikator`: the second column is no second name
    h = head(("No", "Indikator", "Indikator", "Target", "Realisasi"))
    assert h.roles == ("no", "indicator", "ignore", "target", "realisasi")


def test_classify_program_kegiatan_names_the_row() -> None:
    h = head(("No", "Program/Kegiatan", "Target", "Realisasi", "Capaian"))
    assert (h.kind, h.roles) == ("kegiatan", ("no", "activity", "target", "realisasi", "capaian"))


# --- classify: kinds ---------------------------------------------------------------------------


def test_classify_target_only_is_a_perjanjian_or_rencana_as_the_text_says() -> None:
    cells = ("No", "Sasaran", "Indikator Kinerja", "Target")
    assert head(cells).kind == "rencana"  # nothing says otherwise
    assert head(cells).roles == ("no", "group", "indicator", "target")
    assert head(cells, context="Tabel 2.1 Perjanjian Kinerja Tahun 2024").kind == "perjanjian"
    assert head(cells, context="Penetapan Kinerja").kind == "perjanjian"
    # the last mention wins
    assert head(cells, context="Perjanjian Kinerja yang dijabarkan dalam Rencana Kinerja Tahunan").kind == "rencana"
    assert head(cells, context="Rencana Kinerja Tahunan dijabarkan dalam Perjanjian Kinerja").kind == "perjanjian"
    # the caption before the text above
    assert head(cells, context="Rencana Kinerja Tahunan", caption="Tabel 2.2 Perjanjian Kinerja").kind == "perjanjian"
    # no words above: a `Sasaran Strategis` column is the PK's
    assert head(("No", "Sasaran Strategis", "Indikator Kinerja", "Target")).kind == "perjanjian"
    # next year's plan, `TINDAKLANJUT` in one word (r17_disnakertrans Tabel 3.4 p. 38), is no PK
    strategic = ("No", "Sasaran Strategis", "Indikator Kinerja", "Target")
    assert head(strategic, caption="Tabel 3.4 RENCANA TINDAKLANJUT PROGRAM/KEGIATAN TAHUN 2017").kind == "rencana"
    assert head(strategic, caption="Tabel 3.4 Rencana Tindak Lanjut Tahun 2017").kind == "rencana"


def test_classify_targets_of_several_years_are_multi_year() -> None:
    h = head(("No", "Indikator Kinerja", "Target 2021", "Target 2022", "Target 2023"), year=2021)
    assert (h.kind, h.roles) == ("multi_year", ("no", "indicator", "target", "hist:target:2022", "hist:target:2023"))
    # one later target beside this year's is still a plan
    assert head(("No", "Indikator Kinerja", "Target", "Target 2025"), year=2024).kind == "rencana"


def test_classify_capaian_alone_measures_but_realisasi_alone_does_not() -> None:
    # `r01_bappeda` Tabel 3.6 (efficiency beside the budget) vs `r29` Tabel 3.7
    assert head(("No", "Indikator Kinerja", "Capaian Kinerja %", "Penyerapan Anggaran %")).kind == "pengukuran"
    assert head(("No", "Indikator Kinerja", "Anggaran", "Capaian Kinerja")).kind == "pengukuran"
    assert head(("No", "Indikator Kinerja", "Anggaran", "Realisasi")).kind == "other"


def test_classify_realisasi_and_capaian_right_of_the_budget_measure_the_budget() -> None:
    # `r05_disperindag` Tabel 3.7 p. 44: rupiah under Realisasi, a percent of the budget under Capaian
    h = head(("Sasaran", "Indikator Kinerja Utama (IKU)", "Nama Program / Kegiatan", "Anggaran", "Realisasi", "Capaian"))
    assert h.kind == "other" and h.roles[-2:] == ("ignore", "ignore")
    # a target between them: the indicator's own measurement again
    h = head(("No", "Indikator", "Anggaran", "Target", "Realisasi", "Capaian"))
    assert (h.kind, h.roles[3:]) == ("pengukuran", ("target", "realisasi", "capaian"))
    # `Keuangan / Realisasi` under a budget group word, after the indicator's own columns (`r01_bappeda` Tabel 3.7)
    h = head(("No", "Indikator", "Target", "Realisasi", "Capaian %", "Keuangan", ""), ("", "", "", "", "", "Pagu", "Realisasi"))
    assert h.paths[-1] == "Keuangan / Realisasi" and h.roles[2:] == ("target", "realisasi", "capaian", "budget", "budget")
    assert head(("No", "Uraian", "Jumlah")).kind == "other"  # no value column
    assert head(("No", "Satuan", "Target", "Realisasi")).kind == "other"  # no name column


def test_classify_a_damaged_multi_year_header_from_a_scan_export() -> None:
    # Muaro Jambi 2024 seed pp. 56-59: `2 | 024`, `Indikator Realisasi` where `Realisasi 2021` was
    expected = (
        "no",
        "indicator",
        "hist:realisasi:2021",
        "hist:realisasi:2022",
        "hist:realisasi:2023",
        "target",
        "realisasi",
        "hist:target:2025",
        "capaian",
    )
    split = head(
        ("No", "Indikator Kinerja", "Realisasi", "Realisasi", "Realisasi", "2", "024", "Target", "Capaian"),
        ("", "", "2021", "2022", "2023", "Target", "Realisasi", "2025", "Kinerja %"),
    )
    assert (split.kind, split.roles, split.years) == ("multi_year", expected, (2024, 2021, 2022, 2023, 2025))
    doubled = head(
        ("No", "Indikator", "Indikator Realisasi", "Realisasi Realisasi", "2024", "", "Target", "Capaian", ""),
        ("", "Kinerja", "2021", "2022", "2023", "Target", "Realisasi", "2025", "Kinerja %"),
    )
    assert (doubled.kind, doubled.roles) == ("multi_year", expected)


def test_realisasi_against_another_years_target_is_a_multi_year_comparison() -> None:
    # `r05_disperindag` Tabel 3.4 p. 38: 2016 realisasi against the Renstra 2018 target
    h = head(("No", "Indikator Kinerja", "Sat", "Tahun 2016 Realisasi", "Tahun 2018 Target", "Capaian Kinerja (%)"), year=2016)
    assert (h.kind, h.roles[3:]) == ("multi_year", ("realisasi", "hist:target:2018", "capaian"))
    # with this year's target beside it, the year's measurement
    h = head(("No", "Indikator Kinerja", "Target 2016", "Realisasi 2016", "Target 2018", "Capaian Kinerja (%)"), year=2016)
    assert h.kind == "pengukuran"


def test_uraian_under_a_group_word_is_the_groups_text_not_the_indicator() -> None:
    # `r09_bplhd` pp. 14, 17: `SASARAN` over `Uraian | Indikator`
    h = head(("SASARAN", "", "TARGET CAPAIAN", "KET"), ("Uraian", "Indikator", "", ""))
    assert h.roles == ("group", "indicator", "target", "keterangan")
    # under `Indikator Sasaran` it is the indicator's name (`r09_bplhd` p. 12); alone, too
    h = head(("No", "Indikator Sasaran", "", ""), ("", "Uraian", "Satuan", "Target"))
    assert h.roles == ("no", "indicator", "satuan", "target")
    assert head(("No", "Uraian", "Target", "Realisasi")).roles[1] == "indicator"
    assert head(("Kegiatan", "", "Target"), ("Uraian", "Indikator Kinerja", "")).roles[:2] == ("activity", "indicator")


def test_the_report_years_kategori_is_the_rows_not_another_years() -> None:
    # `r02_dinkes` p. 46: `Tahun 2015` and `Tahun 2016` each over Target / Realisasi / Capaian / Kategori
    h = head(
        ("Indikator Kinerja", "Tahun 2015", "", "", "", "Tahun 2016", "", "", ""),
        ("", "Target", "Realisasi", "Capaian", "Kategori", "Target", "Realisasi", "Capaian", "Kategori"),
        year=2016,
    )
    assert h.roles == (
        "indicator", "hist:target:2015", "hist:realisasi:2015", "hist:capaian:2015", "ignore", "target", "realisasi", "capaian", "kategori",
    )  # fmt: skip
    # one Kategori column, under no year: the row's
    h = head(("Indikator Kinerja", "Target", "Realisasi", "Capaian", "Kategori"), year=2016)
    assert h.roles[-1] == "kategori"
