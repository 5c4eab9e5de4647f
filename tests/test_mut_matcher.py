"""normalize.matcher at its edges, on catalogues made here (so each score is known): the threshold
and the margin over the runner-up, when a subset wording is trusted, exact and keyword matches, and
the Match each way reports."""

from __future__ import annotations

import pytest

from normalize.catalogue import Catalogue, Indicator
from normalize.matcher import Match, Matcher, MatchSettings
from normalize.text import key


def ind(indicator_id: str, name: str, *keywords: tuple[str, ...]) -> Indicator:
    return Indicator(indicator_id, name, "iku", "", "percent", "higher_better", keywords, "", "")


def matcher(*indicators: Indicator, aliases: tuple[tuple[str, str, str], ...] = (), **settings: float) -> Matcher:
    return Matcher(Catalogue(indicators, aliases, ""), MatchSettings(**settings))


DOC = "Persentase dokumen perencanaan tersusun"  # four words
INFO = "Indeks kepuasan layanan informasi publik"


@pytest.mark.parametrize(
    "settings",
    [
        {"threshold": 100},
        {"threshold": 0.5},
        {"margin": 0},
        {"margin": 0.5},
        {"margin": 99.9},
        {"subset_weight": 1},
        {"subset_weight": 0.01},
    ],
)
def test_valid_settings(settings: dict[str, float]) -> None:
    MatchSettings(**settings)


@pytest.mark.parametrize(
    "settings",
    [{"threshold": 0}, {"threshold": 100.5}, {"margin": -0.1}, {"margin": 100}, {"subset_weight": 0}, {"subset_weight": 1.5}],
)
def test_invalid_settings(settings: dict[str, float]) -> None:
    with pytest.raises(ValueError, match="invalid MatchSettings"):
        MatchSettings(**settings)


def test_exact() -> None:
    m = matcher(ind("IKU-A", DOC), ind("IKU-B", INFO)).match(DOC.upper())
    assert (m.indicator_id, m.score, m.method) == ("IKU-A", 100.0, "exact")
    assert m.candidates[0] == ("IKU-A", 100.0) and m.margin == round(100.0 - m.candidates[1][1], 1)


def test_a_wording_two_indicators_share_is_not_exact() -> None:
    m = matcher(ind("IKU-B", DOC), ind("IKU-A", DOC)).match(DOC)
    assert m == Match(None, 100.0, 0.0, "none", (("IKU-A", 100.0), ("IKU-B", 100.0)))  # a tie: ordered by id


def test_fuzzy_at_the_threshold_and_the_margin() -> None:
    wording = "Persentase dokumen perencanaan tersusunn"
    probe = matcher(ind("IKU-A", DOC), ind("IKU-B", INFO))
    score = probe._score(key(wording), key(DOC))
    m = probe.match(wording)
    assert m == Match("IKU-A", round(score, 1), m.margin, "fuzzy", m.candidates)
    assert m.margin == round(score - m.candidates[1][1], 1) and m.candidates[0] == ("IKU-A", round(score, 1))
    assert matcher(ind("IKU-A", DOC), ind("IKU-B", INFO), threshold=score).match(wording).indicator_id == "IKU-A"
    assert matcher(ind("IKU-A", DOC), ind("IKU-B", INFO), threshold=score + 0.01).match(wording).indicator_id is None
    assert matcher(ind("IKU-A", DOC), ind("IKU-B", INFO), margin=m.margin).match(wording).indicator_id == "IKU-A"
    assert matcher(ind("IKU-A", DOC), ind("IKU-B", INFO), margin=m.margin + 0.1).match(wording).indicator_id is None


def test_scores_are_rounded_to_one_decimal() -> None:
    m = matcher(ind("IKU-A", DOC), ind("IKU-B", INFO)).match("Persentase dokumen yang tersusun")
    assert all(s == round(s, 1) for _, s in m.candidates) and m.score == round(m.score, 1) and m.margin == round(m.margin, 1)
    assert any(s != int(s) for _, s in m.candidates)  # not whole numbers either


def test_a_runner_up_within_the_margin_keeps_it_unmapped() -> None:
    """The runner-up is the best-scoring other *indicator*, however many aliases of the first rank above it."""
    aliases = tuple(("IKU-A", f"{INFO} {c}", "") for c in "abcde")
    m = matcher(ind("IKU-A", f"{INFO} f"), ind("IKU-B", f"{INFO} zz"), aliases=aliases).match(INFO)
    assert m.indicator_id is None and [i for i, _ in m.candidates] == ["IKU-A", "IKU-B"] and 0 < m.margin < 5


def test_only_one_indicator() -> None:
    m = matcher(ind("IKU-A", DOC)).match("Persentase dokumen perencanaan tersusunn")
    assert m.indicator_id == "IKU-A" and m.margin == m.score and len(m.candidates) == 1


def test_two_indicators() -> None:
    m = matcher(ind("IKU-A", DOC), ind("IKU-B", INFO)).match("Persentase dokumen perencanaan tersusunn")
    assert m.margin == round(m.candidates[0][1] - m.candidates[1][1], 1) and len(m.candidates) == 2


def test_nothing_alike_scores_zero() -> None:
    assert matcher(ind("IKU-A", "abc")).match("zzz") == Match(None, 0.0, 0.0, "none", (("IKU-A", 0.0),))


def test_an_empty_wording_or_catalogue() -> None:
    assert matcher(ind("IKU-A", DOC)).match("  !! ") == Match(None, 0.0, 0.0, "none", ())
    assert matcher().match(DOC) == Match(None, 0.0, 0.0, "none", ())


def test_word_order_and_typos() -> None:
    two = (ind("IKU-A", "Laporan kinerja tahunan"), ind("IKU-B", INFO))
    assert matcher(*two).match("tahunan laporan kinerja").indicator_id == "IKU-A"  # token_sort_ratio
    assert matcher(*two).match("Kaporan kinerja tahunan").indicator_id == "IKU-A"  # ratio: sorting moves the typo


@pytest.mark.parametrize(
    ("name", "wording", "mapped"),
    [
        (DOC, DOC + " tepat waktu sesuai jadwal", True),  # four known words and a tail
        ("Persentase dokumen perencanaan", "Persentase dokumen perencanaan tersusun tepat", False),  # three: not trusted
        (DOC, "Tersusun " + DOC.lower().replace(" tersusun", "") + " tepat waktu", True),
        # nine known words of twenty is 45%: trusted; of twenty-one, not
        (
            "satu dua tiga empat lima enam tujuh delapan sembilan",
            "satu dua tiga empat lima enam tujuh delapan sembilan a b c d e f g h i j k",
            True,
        ),
        (
            "satu dua tiga empat lima enam tujuh delapan sembilan",
            "satu dua tiga empat lima enam tujuh delapan sembilan a b c d e f g h i j k l",
            False,
        ),
        (DOC + " tepat waktu sesuai jadwal", DOC, False),  # the report's wording the shorter one
    ],
)
def test_subset_wordings(name: str, wording: str, mapped: bool) -> None:
    m = matcher(ind("IKU-A", name), ind("IKU-B", INFO)).match(wording)
    assert (m.indicator_id == "IKU-A") is mapped
    if mapped:
        assert m.method == "fuzzy"


def test_the_subset_weight_counts() -> None:
    m = matcher(ind("IKU-A", DOC), ind("IKU-B", INFO), subset_weight=0.5).match(DOC + " tepat waktu sesuai jadwal")
    assert m.indicator_id is None and m.score == 75.0  # plain ratio beats half the token_set_ratio


def test_keyword_rules() -> None:
    sakip = ind("IKU-S", "Nilai hasil evaluasi implementasi SAKIP pada satuan kerja", ("sakip",), ("evaluasi akuntabilitas",))
    kip = ind("IKU-K", "Indeks keterbukaan informasi publik badan publik", ("keterbukaan", "informasi"))
    m = matcher(sakip, kip).match("Nilai SAKIP")
    assert m == Match("IKU-S", m.score, m.margin, "keyword", m.candidates) and 0 < m.score < 85 and len(m.candidates) == 2
    assert m.score == m.candidates[0][1] != int(m.score)  # the best score, to one decimal
    assert m.margin == pytest.approx(m.candidates[0][1] - m.candidates[1][1], abs=0.11) and m.margin > 0
    assert matcher(sakip, kip).match("Hasil evaluasi akuntabilitas kinerja").indicator_id == "IKU-S"  # a phrase anywhere
    assert matcher(sakip, kip).match("Nilai sakipnya").indicator_id is None  # a word must be whole
    assert matcher(sakip, kip).match("Indeks keterbukaan informasi").indicator_id == "IKU-K"  # every word of a group
    assert matcher(sakip, kip).match("Indeks keterbukaan").indicator_id is None
    both = matcher(sakip, kip).match("Keterbukaan informasi dan SAKIP")  # two rules: neither
    assert both == Match(None, both.score, both.margin, "none", both.candidates) and both.score > 0
    assert both.score == both.candidates[0][1] != int(both.score)
