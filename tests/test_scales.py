"""A report's own capaian scale read line by line (extract/scales.py), in the forms the real
LKIP print it, and the audit's two checks on it: a row's Kategori against the scale
(category-scale-mismatch) and the scale against itself (scale-ill-formed)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_checks_real import ClaimRow, ctx, row

from extract.model import Line, Scale, Source
from extract.scales import band, find_scales
from reports.checks import category, scale


def _line(text: str, n: int = 1) -> Line:
    return Line(tuple(text.split("\t")), Source("t", n, 1))


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("80 s/d 100 %\t= Sangat Baik (SB)", ("Sangat Baik (SB)", 80, True, 100, True, False)),  # r13_rsjiwa p. 16
        ("< 49 %\t= Kurang (SK)", ("Kurang (SK)", None, False, 49, False, False)),  # r13_rsjiwa p. 16
        ("≥ 100 %\tSangat Baik", ("Sangat Baik", 100, True, None, False, False)),  # r02_dinkes p. 33
        ("> 80 - < 100 %\tBaik", ("Baik", 80, False, 100, False, False)),  # r02_dinkes p. 33
        ("80 > 100\tBaik", ("Baik", 80, True, 100, True, True)),  # r06_bpmpd p. 18: malformed
        (">55 – 80\tSedang", ("Sedang", 55, False, 80, True, False)),  # r04_bpbd
        ("Persentase :\t> 100\tSangat baik", ("Sangat baik", 100, False, None, False, False)),  # r05_disperindag
        ("Diatas 80 % s/d 100 %\tbaik", ("baik", 80, False, 100, True, False)),  # r28_dinkumkm p. 16
        ("Lebih dari 100 %\tSangat Baik", ("Sangat Baik", 100, False, None, False, False)),  # r29_dishub p. 2
        ("75 % sampai 100 %\tBaik", ("Baik", 75, True, 100, True, False)),  # r29_dishub p. 2
        ("50 - < 80%\tSedang", ("Sedang", 50, True, 80, False, False)),  # r07_bp3akb
        ("1\t> 80\tSangat Baik", ("Sangat Baik", 80, False, None, False, False)),  # r01_bappeda: a row number first
        ("Baik : 80 - 100", ("Baik", 80, True, 100, True, False)),  # the label first
        # a band as a sentence: r09_bplhd p. 16, r26_inspektorat p. 2, r28_dinkumkm
        ("a.   > 100% adalah Baik Sekali (BS);", ("Baik Sekali (BS)", 100, False, None, False, False)),
        ("2) Diatas 80 % s/d 100 % dengan sebutan baik (B)", ("baik (B)", 80, False, 100, True, False)),
        (
            "a. Prosentase capaian > 100 %, maka pencapaian akuntabilitas kinerja dinyatakan sangat baik.",
            ("sangat baik", 100, False, None, False, False),
        ),
        (
            "c. Prosentase capaian 60-80 %, maka pencapaian akuntabilitas kinerja dinyatakan cukup baik.",
            ("cukup baik", 60, True, 80, True, False),
        ),
    ],
)
def test_a_band_line_reads_as_printed(text: str, want: tuple[object, ...]) -> None:
    b = band(_line(text))
    assert b is not None
    assert (b.label, b.low, b.low_inclusive, b.high, b.high_inclusive, b.malformed) == want


@pytest.mark.parametrize(
    "text",
    [
        "Sangat baik (≥100%) : 8 indikator (72,73%)",  # r02_dinkes: a count of indicators per category
        "1\tJumlah\tOrang\t1% dr\t464.971,75\t100\tBaik",  # r04_bpbd: a table row rated Baik
        "UCI > 90 %\tBaik",  # r02_dinkes: an indicator's name holding a comparison
        "86%\t62%\t72,09%\tCukup",  # a row's figures and its category
        "100 - 80\tBaik",  # a range running downwards
    ],
)
def test_a_line_that_is_no_band_reads_as_none(text: str) -> None:
    assert band(_line(text)) is None


def test_a_scale_is_three_band_lines_close_together_with_two_labels() -> None:
    lines = [_line(t, n) for n, t in enumerate(["> 100\tSangat Baik", "80 - 100\tBaik", "", "50 - < 80\tSedang", "< 50\tKurang"], 1)]
    (s,) = find_scales(tuple(lines))
    assert [b.label for b in s.bands] == ["Sangat Baik", "Baik", "Sedang", "Kurang"]
    assert find_scales(tuple(lines[:2])) == ()  # two lines: a sentence or two, not a scale
    far = [lines[0], lines[1], replace(lines[3], source=Source("t", 20, 1))]
    assert find_scales(tuple(far)) == ()
    same = [_line(t, n) for n, t in enumerate(["> 100\tBaik", "80 - 100\tBaik", "< 80\tBaik"], 1)]
    assert find_scales(tuple(same)) == ()  # one label: no scale


_FORMS = ["{a} s/d {b} %\t= {label}", "{a} - {b}\t{label}", "{a}% s.d {b}%\t{label}", "{a} % sampai {b} %\t{label}", "{label} : {a} - {b}"]


@given(
    st.integers(0, 199),
    st.integers(1, 100),
    st.sampled_from(["Sangat Baik", "Baik", "Cukup", "Kurang", "Sedang (S)"]),
    st.sampled_from(_FORMS),
)
def test_any_two_sided_band_reads_back(a: int, width: int, label: str, form: str) -> None:
    b = band(_line(form.format(a=a, b=a + width, label=label)))
    assert b is not None and (b.label, b.low, b.high, b.low_inclusive, b.high_inclusive) == (label, a, a + width, True, True)


def _scale(*texts: str) -> Scale:
    (s,) = find_scales(tuple(_line(t, n) for n, t in enumerate(texts, start=1)))
    return s


_R13_LINES = {1: (16, "80 s/d 100 %\t= Sangat Baik (SB)"), 2: (16, "60 s/d 79 %\t= Baik (B)")}
R13 = _scale("80 s/d 100 %\t= Sangat Baik (SB)", "60 s/d 79 %\t= Baik (B)", "50 s/d 59 %\t= Sedang (K)", "< 49 %\t= Kurang (SK)")


def _rated(capaian: str, cat: str) -> list[str]:
    r = replace(row("pengukuran", 1, 1, "BOR (Bed Occupancy Rate)", "78 %", None, capaian), category=cat)
    c = replace(ctx([r]), scales=(R13,))
    return [f.message for f in category.run(c)]


def test_a_category_the_scale_does_not_give_is_an_error() -> None:
    (msg,) = _rated("88,61%", "B")  # r13_rsjiwa Tabel 7 p. 17
    assert "88,61%" in msg and "\u201cB\u201d" in msg and "Sangat Baik (SB)" in msg and "80 s/d 100" in msg


@pytest.mark.parametrize(
    ("capaian", "cat"),
    [
        ("88,61%", "SB"),  # the scale's abbreviation
        ("88,61%", "sangat baik"),  # its words, any case
        ("80%", "SB"),  # the band's lower bound, inside
        ("79%", "B"),  # the band below's upper bound, inside
        ("102%", "SB"),  # above the scale: the scale's problem, not the row's
        ("49,5%", "SK"),  # in the scale's gap
        ("90%", "Berhasil"),  # a label the scale does not print
    ],
)
def test_a_category_the_scale_gives_or_cannot_judge_is_no_finding(capaian: str, cat: str) -> None:
    assert _rated(capaian, cat) == []


def test_the_bound_decides_the_band() -> None:
    assert _rated("80%", "B") != []  # r13_rsjiwa p. 18: 80% rated B, the scale says SB from 80
    assert _rated("79%", "SB") != []


def test_initials_stand_for_a_label_without_abbreviation() -> None:
    s = _scale("> 100\tSangat Baik", "80 - 100\tBaik", "50 - < 80\tSedang", "< 50\tKurang")
    assert [b.label for b in category.named(s, "SB")] == ["Sangat Baik"]
    assert [b.label for b in category.named(s, "Baik Sekali")] == ["Sangat Baik"]  # r02_dinkes p. 32's name for it
    assert category.named(s, "Cukup") == []


def _problems(*texts: str, rated: float | None = None) -> list[str]:
    return scale.problems(_scale(*texts), rated)


def test_a_scale_leaving_bounds_out_is_a_gap() -> None:
    # r02_dinkes p. 33: 80% and 55% belong to no category
    got = _problems("≥ 100 %\tSangat Baik", "> 80 - < 100 %\tBaik", "> 55 - < 80 %\tCukup", "< 55 %\tKurang")
    assert got == ["capaian 55% tidak masuk kategori mana pun", "capaian 80% tidak masuk kategori mana pun"]


def test_bounds_in_two_bands_overlap_and_malformed_ranges_are_named() -> None:
    # r06_bpmpd p. 18
    got = _problems("> 100\tSangat Baik", "80 > 100\tBaik", "> 55 - 80\tSedang", "< 55\tKurang")
    assert got == [
        "rentang \u201c80 > 100\u201d (Baik) tidak jelas batasnya",
        "capaian 55% tidak masuk kategori mana pun",
        "capaian 80% masuk dua kategori (Sedang dan Baik)",
    ]


def test_whole_percent_steps_are_no_gap_but_a_missing_whole_is() -> None:
    assert _problems("80 s/d 100 %\tSangat Baik", "60 s/d 79 %\tBaik", "50 s/d 59 %\tSedang") == []
    got = _problems("80 s/d 100 %\t= Sangat Baik (SB)", "60 s/d 79 %\t= Baik (B)", "< 59 %\t= Kurang (K)", rated=120)
    assert got == [
        "capaian antara 59% dan 60% tidak masuk kategori mana pun",
        "capaian di atas 100% (sampai 120% dalam laporan ini) tidak masuk kategori mana pun",
    ]


def test_a_well_formed_scale_gives_no_finding() -> None:
    # r07_bp3akb: > 100 / 80 – 100 / 50 - < 80 / < 50
    s = _scale("> 100%\tSangat baik", "80 – 100%\tBaik", "50 - < 80%\tSedang", "< 50%\tKurang")
    assert list(scale.run(replace(ctx([]), scales=(s,)))) == []
    (f,) = scale.run(replace(ctx([]), scales=(_scale("80 - 100\tBaik", "60 - 80\tCukup", "< 60\tKurang"),)))
    assert f.severity == "warning" and "80% masuk dua kategori (Cukup dan Baik)" in f.message


def test_a_category_the_narrative_gives_is_held_to_the_scale() -> None:
    s = _scale("> 100 %\tSangat Baik", "Diatas 80 % s/d 100 %\tBaik", "60 - 80 %\tCukup", "< 60 %\tKurang")
    text = "Nilai Capaian = 93,81% Capaian kinerja tersebut termasuk pada kategori \u201ccukup\u201d."  # r28_dinkumkm p. 7
    said = ClaimRow("category", text, "93,81% … \u201ccukup", 93.81, None, None, 7, 300, 2, label="cukup")
    (f,) = category.run(replace(ctx([], [said]), scales=(s,)))
    assert (f.line, f.evidence) == (300, text) and "93,81%" in f.message and "\u201cBaik\u201d" in f.message
    right = replace(said, value=115.15, label="sangat baik")
    assert list(category.run(replace(ctx([], [right]), scales=(s,)))) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Capaian kinerja Kontribusi sebesar 90.68% dengan kategori \u201cBaik\u201d.", [(90.68, "Baik")]),  # r05_disperindag
        ("dengan capaian sebesar 87,70% (baik).", [(87.7, "baik")]),  # r06_bpmpd
        ("prosentase capaian sebesar 100 % sehingga pencapaian akuntabilitas kinerja dinyatakan sangat baik.", [(100.0, "sangat baik")]),
        ("Nilai Rencana Target 21 = 93,81% Capaian kinerja tersebut termasuk pada kategori \u201ccukup\u201d.", [(93.81, "cukup")]),  # r28
        # r09_bplhd p. 25: a bound, and a realisasi before it, are no capaian given a category
        ("realisasi target capaian yaitu 11.45% dengan prosentase capaian >100 % sehingga … dinyatakan sangat baik.", []),
        # r09_bplhd p. 16: a scale's own lines give a range, not a capaian
        ("b. Prosentase capaian 80- 100 %, maka pencapaian akuntabilitas kinerja dinyatakan baik.", []),
        ("Nilai capaian 80 % s/d 100 % termasuk kategori Baik", []),
        # r16_disnak p. 25: the realisasi is what the clause rates, not a capaian
        ("dengan target sebesar 10 % dan realisasinya sebesar 10 % sehingga menunjukan kriteria kinerja yang BAIK.", []),
    ],
)
def test_a_capaian_the_narrative_rates_is_a_category_claim(text: str, want: list[tuple[float, str]]) -> None:
    from extract.claims import find_claims

    got = [(c.value, c.label) for c in find_claims([_line(text)], 600) if c.kind == "category"]
    assert got == want


def test_a_capaian_printed_without_its_sign_is_judged_too_and_the_finding_cites_the_band() -> None:
    r = replace(row("pengukuran", 1, 1, "BOR (Bed Occupancy Rate)", "78 %", None, "88,61"), category="B")
    (f,) = category.run(replace(ctx([r], lines=_R13_LINES), scales=(R13,)))
    assert (f.cells, f.line, f.table_seq, f.row_seq) == (("capaian",), r.line, 1, 1)
    assert "(halaman 16, baris 1)" in f.message  # the band it falls in, where the scale prints it
    text = replace(r, capaian=replace(r.capaian, kind="text"))  # type: ignore[arg-type]
    assert list(category.run(replace(ctx([text]), scales=(R13,)))) == []


def test_every_scale_that_can_judge_a_label_is_asked() -> None:
    r = replace(row("pengukuran", 1, 1, "BOR (Bed Occupancy Rate)", "78 %", None, "88,61%"), category="B")
    other = _scale("> 100\tBerhasil", "50 - 100\tTercapai", "< 50\tTidak Tercapai")  # names no `B`
    assert len(list(category.run(replace(ctx([r]), scales=(other, R13))))) == 1
    agreeing = _scale("80 - 100\tBaik (B)", "60 - < 80\tCukup (C)", "< 60\tKurang (K)")
    assert list(category.run(replace(ctx([r]), scales=(R13, agreeing)))) == []  # one of the report's scales gives it
    claim = replace(ctx([], [_rated_claim("cukup", None), _rated_claim(None, 93.81), _rated_claim("cukup", 93.81)]), scales=(R28,))
    (f,) = category.run(claim)
    assert (f.line, f.page) == (300, 7) and "93,81%" in f.message and "\u201ccukup\u201d" in f.message


R28 = _scale("> 100 %\tSangat Baik", "Diatas 80 % s/d 100 %\tBaik", "60 - 80 %\tCukup", "< 60 %\tKurang")


def _rated_claim(label: str | None, value: float | None) -> ClaimRow:
    return ClaimRow(
        "category", "Capaian = 93,81% termasuk pada kategori \u201ccukup\u201d.", "93,81%", value, None, None, 7, 300, 2, label=label
    )


def test_a_scale_finding_quotes_its_bands_and_stops_only_where_capaian_rated_above_it() -> None:
    s = _scale("80 s/d 100 %\tSangat Baik", "60 s/d 79 %\tBaik", "< 60 %\tKurang")
    assert scale.problems(s, 100) == []  # the top bound itself is in the scale
    at_top = replace(row("pengukuran", 1, 1, "X", "80", "80", "100%"), category="Sangat Baik")
    unrated = row("pengukuran", 1, 2, "Y", "80", "96", "120%")  # no category: not rated with the scale
    lines = {1: (16, "80 s/d 100 %\tSangat Baik"), 2: (16, "60 s/d 79 %\tBaik"), 3: (16, "< 60 %\tKurang")}
    assert list(scale.run(replace(ctx([at_top, unrated], lines=lines), scales=(s,)))) == []
    above = replace(unrated, category="Sangat Baik")
    (f,) = scale.run(replace(ctx([at_top, above], lines=lines), scales=(s,)))
    assert (f.line, f.page) == (1, 1)
    assert f.evidence == "80 s/d 100 % | Sangat Baik / 60 s/d 79 % | Baik / < 60 % | Kurang"
    assert "80 s/d 100 % Sangat Baik; 60 s/d 79 % Baik; < 60 % Kurang" in f.message and "sampai 120%" in f.message


def test_two_open_ended_bands_are_not_judged_against_each_other() -> None:
    s = _scale("> 100\tSangat Baik", "> 80\tBaik", "< 50\tKurang")  # a scale read wrong: nothing to say of its joints
    assert scale.problems(s) == ["capaian antara 50% dan 80% tidak masuk kategori mana pun"]
