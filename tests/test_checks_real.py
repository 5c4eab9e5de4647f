"""The checks real reports need, each on a small context of its own (issue 15): rows paired by
wording where the catalogue has no id, one indicator's figures across tables, budget ceilings
found in the sentence or just above, and the ways a report counts its indicators."""

from __future__ import annotations

from dataclasses import replace

from extract.evidence import mentions, prose_sentences, table_cells
from extract.model import Line, Source, Table
from extract.values import parse_value
from reports.checks import budget, capaian, figures, pk_target, summary
from reports.context import AuditContext, ClaimRow, MRow


def row(kind: str, table: int, seq: int, name: str, t: str | None, r: str | None, c: str | None, **kw: object) -> MRow:
    v = lambda s: parse_value(s) if s is not None else None  # noqa: E731
    base: dict[str, object] = dict(
        table_kind=kind, table_seq=table, row_seq=seq, section=kw.pop("section", ""), activity=None, indicator=name,
        indicator_id=kw.pop("indicator_id", None), target=v(t), realisasi=v(r), capaian=v(c), page=table, line=100 * table + seq,
    )  # fmt: skip
    return MRow(**base)  # type: ignore[arg-type]


def ctx(rows: list[MRow] = (), claims: list[ClaimRow] = (), lines: dict[int, tuple[int | None, str]] | None = None) -> AuditContext:  # type: ignore[assignment]
    quoted = {r.line: (r.page, r.indicator) for r in rows} | (lines or {})
    return typed(AuditContext("r", {}, tuple(rows), {}, tuple(claims), quoted, (), {}))


def typed(c: AuditContext) -> AuditContext:
    """The context with the evidence ingest stores beside its lines (extract.evidence): the typed
    cells of its `other` and budget tables, the satker mentions and the prose sentences of its lines."""
    lines = tuple(Line(tuple(text.split("\t")), Source("t", n, page)) for n, (page, text) in sorted(c.lines.items()))
    tables = tuple(
        Table(
            t["table_seq"], t["kind"], (), (), None, Source("t", t["line"], t.get("page")), end_line=t["end_line"],
            budget=None if t.get("budget_ceiling_col") is None else (t["budget_ceiling_col"], t["budget_realised_col"], t["budget_share_col"]),  # noqa: E501
        )
        for t in c.tables
    )  # fmt: skip
    places = {ln.source.line: ln.source for ln in lines}
    return replace(c, cells=table_cells(tables, lines), mentions=mentions(lines), sentences=prose_sentences(lines), places=places)


def claims_of(line: int, text: str) -> list[ClaimRow]:
    """The money / percent / count claims of one sentence, as the claim extractor stores them."""
    import re

    out = []
    for m in re.finditer(r"Rp\.?\s?[\d.]+(?:,\d+)?", text):
        out.append(ClaimRow("money", text, m.group(), parse_value(m.group()).number, None, None, 1, line))
    for m in re.finditer(r"\d+(?:,\d+)?\s?%", text):
        v = parse_value(m.group())
        out.append(ClaimRow("percent", text, m.group(), v.number, None, None, 1, line, v.decimals))
    for m in re.finditer(r"\b(\d{1,3})\s*\(([a-z ]{3,30})\)\s*(?:indikator|iku)\b", text, re.I):
        out.append(ClaimRow("indicator_count", text, m.group(), float(m.group(1)), None, None, 1, line))
    return out


NAME = "Persentase dokumen perencanaan yang tersusun tepat waktu"


# --- indicator-figures-differ -------------------------------------------------------------


def test_one_indicator_with_another_realisasi_in_another_table_is_one_finding() -> None:
    rows = [
        row("pengukuran", 1, 1, NAME, "90%", "86%", "95,56%"),
        row("pengukuran", 2, 1, NAME, "90%", "92,46%", "102,73%"),
        row("multi_year", 3, 1, NAME, "90%", "92,46%", None),
    ]
    found = list(figures.run(ctx(rows)))
    assert [(f.check_id, f.table_seq) for f in found] == [("indicator-figures-differ", 1)]
    assert "86%" in found[0].message and "92,46%" in found[0].message


def test_a_truncated_and_a_rounded_figure_are_one_figure() -> None:
    rows = [row("pengukuran", 1, 1, NAME, "100", "125,02", None), row("pengukuran", 2, 1, NAME, "100", "125,03", None)]
    assert not list(figures.run(ctx(rows)))


def test_a_wording_twice_in_one_table_names_two_indicators() -> None:
    rows = [
        row("pengukuran", 1, 1, NAME, "90%", "86%", None),
        row("pengukuran", 1, 2, NAME, "90%", "70%", None),
        row("pengukuran", 2, 1, NAME, "90%", "92%", None),
    ]
    assert not list(figures.run(ctx(rows)))


def test_a_short_label_is_one_indicator_only_under_the_same_parent() -> None:
    rows = [
        row("pengukuran", 1, 1, "Padi", "10", "8", None, section="Produksi tanaman pangan"),
        row("pengukuran", 2, 1, "Padi", "10", "12", None, section="Luas tanam"),
    ]
    assert not list(figures.run(ctx(rows)))
    rows[1] = row("pengukuran", 2, 1, "Padi", "10", "12", None, section="Produksi tanaman pangan")
    assert len(list(figures.run(ctx(rows)))) == 1


def test_capaian_are_left_to_capaian_mismatch() -> None:
    # a capaian-only table headed with the Renstra's target measures against it (r29 p. 5)
    rows = [row("pengukuran", 1, 1, NAME, "90%", "90%", "100%"), row("multi_year", 2, 1, NAME, None, None, "112,5%")]
    renstra = {"table_seq": 2, "kind": "multi_year", "line": 200, "end_line": 210, "header": "Indikator | Capaian Terhadap Renstra 2018"}
    assert not list(figures.run(typed(replace(ctx(rows), tables=(renstra,)))))
    # headed plainly, it states this year's capaian: another figure than the measured table's
    assert [f.cells for f in figures.run(ctx(rows))] == [("capaian",)]
    # under the same target and realisasi, the wrong capaian is one capaian-mismatch finding
    rows[1] = row("pengukuran", 2, 1, NAME, "90%", "90%", "112,5%")
    assert not list(figures.run(ctx(rows)))
    assert [f.check_id for f in capaian.run(ctx(rows))] == ["capaian-mismatch"]


# --- pk-target-mismatch without a catalogue ------------------------------------------------


def test_pk_rows_pair_by_wording_when_no_row_has_a_catalogue_id() -> None:
    pk = row("perjanjian", 1, 1, NAME, "90%", None, None)
    measured = row("pengukuran", 2, 1, NAME.replace("tersusun", "disusun"), "85%", "86%", "101%")
    assert pk_target.same_indicator(pk, measured)
    found = list(pk_target.run(ctx([pk, measured])))
    assert [f.check_id for f in found] == ["pk-target-mismatch"]
    other = row("pengukuran", 2, 1, "Indeks kepuasan masyarakat", "85%", "86%", "101%")
    assert not list(pk_target.run(ctx([pk, other])))


def test_a_capaian_only_table_changes_no_target() -> None:
    pk = row("perjanjian", 1, 1, NAME, "90%", None, None)
    summary_row = row("pengukuran", 2, 1, NAME, None, None, "101%")
    assert not list(pk_target.run(ctx([pk, summary_row])))


def test_catalogue_ids_decide_over_wording() -> None:
    pk = row("perjanjian", 1, 1, NAME, "90%", None, None, indicator_id="A")
    measured = row("pengukuran", 2, 1, NAME, "85%", "86%", None, indicator_id="B")
    assert not pk_target.same_indicator(pk, measured)


# --- capaian-mismatch: unknown polarity -----------------------------------------------------


def test_a_row_outside_the_catalogue_may_be_lower_is_better() -> None:
    # target 10, realisasi 8, capaian 120 = (2 - 8/10) x 100: right for a lower-is-better indicator
    lower = row("pengukuran", 1, 1, "Angka kematian ibu", "10", "8", "120%")
    assert not list(capaian.run(ctx([lower])))
    wrong = row("pengukuran", 1, 1, "Angka kematian ibu", "10", "8", "130%")
    assert [f.check_id for f in capaian.run(ctx([wrong]))] == ["capaian-mismatch"]


# --- budget-mismatch -----------------------------------------------------------------------


def test_the_ceiling_in_the_same_sentence() -> None:
    text = "alokasi anggaran Rp 1.000.000 dan realisasi Rp 900.000 atau 95%"
    found = list(budget.run(ctx(claims=claims_of(5, text), lines={5: (1, text)})))
    assert len(found) == 1 and "90%" in found[0].message and "95%" in found[0].message
    right = text.replace("95%", "90%")
    assert not list(budget.run(ctx(claims=claims_of(5, right), lines={5: (1, right)})))


def test_either_ceiling_of_a_sentence_may_be_the_one() -> None:
    text = "sebelum perubahan Rp 2.000.000, setelah perubahan Rp 1.000.000, realisasi Rp 900.000 atau 90%"
    assert not list(budget.run(ctx(claims=claims_of(5, text), lines={5: (1, text)})))


def test_the_ceiling_a_line_above_a_broken_sentence() -> None:
    above, here = "pagu anggaran sebesar Rp 2.000.000", "realisasi Rp 1.500.000 atau 70%"
    claims = claims_of(4, above) + claims_of(5, here)
    found = list(budget.run(ctx(claims=claims, lines={4: (1, above), 5: (1, here)})))
    assert len(found) == 1 and "75%" in found[0].message


def test_a_realisation_without_a_known_ceiling_is_left_alone() -> None:
    text = "realisasi kegiatan Rp 900.000 atau 95%"
    assert not list(budget.run(ctx(claims=claims_of(5, text), lines={5: (1, text)})))


def test_a_spelled_out_amount_between_figure_and_percent_is_skipped() -> None:
    text = "pagu Rp 1.000.000 dan realisasi Rp 500.000 (lima ratus ribu rupiah) atau 60%"
    found = list(budget.run(ctx(claims=claims_of(5, text), lines={5: (1, text)})))
    assert len(found) == 1 and "50%" in found[0].message


# --- summary-claim-mismatch: counting indicators --------------------------------------------


def _measured(n_tables: int, names: list[str]) -> list[MRow]:
    return [row("pengukuran", t + 1, i + 1, n, "100%", "100%", "100%") for t in range(n_tables) for i, n in enumerate(names)]


def test_a_count_of_distinct_wordings_or_of_all_rows_is_right() -> None:
    rows = _measured(2, [f"Indikator kinerja nomor {i}" for i in range(3)])  # 3 indicators printed twice: 6 rows
    assert summary.indicator_counts(rows) == [3, 6]
    for n, ok in ((3, True), (6, True), (4, False)):
        text = f"Terdapat {n} (angka) IKU yang diukur pada tahun 2016"
        found = list(summary.run(ctx(rows, claims_of(5, text), {5: (1, text)})))
        assert (not found) is ok, (n, found)


def test_a_count_of_someone_elses_iku_is_not_the_reports_own() -> None:
    rows = _measured(1, [f"Indikator kinerja nomor {i}" for i in range(3)])
    text = "Dinas mendukung 7 (tujuh) IKU Gubernur dalam RPJMD"
    assert not list(summary.run(ctx(rows, claims_of(5, text), {5: (1, text)})))


def test_all_indicators_at_100_against_a_row_below_it() -> None:
    rows = _measured(1, [f"Indikator kinerja nomor {i}" for i in range(3)])
    rows[2] = row("pengukuran", 1, 3, "Indikator kinerja nomor 2", "100%", "90%", "90%")
    text = "Seluruh 3 (tiga) indikator mencapai capaian 100%"
    found = [f for f in summary.run(ctx(rows, claims_of(5, text), {5: (1, text)})) if "tidak 100%" in f.message]
    assert len(found) == 1 and "no. 3" in found[0].message
    some = "Sebanyak 3 (tiga) indikator, 2 di antaranya capaian ≥100%"
    assert not [f for f in summary.run(ctx(rows, claims_of(5, some), {5: (1, some)})) if "tidak 100%" in f.message]


def test_rows_with_other_targets_may_measure_other_scopes() -> None:
    # a program's figures, then the same name with one kegiatan's
    rows = [
        row("pengukuran", 1, 1, NAME, "690 Ekor", "624 Ekor", None),
        row("pengukuran", 2, 1, NAME, "299 Ekor", "263 Ekor", None),
    ]
    assert not list(figures.run(ctx(rows)))
    rows[1] = row("multi_year", 2, 1, NAME, None, "263 Ekor", None)  # no target printed: the same year's figure
    assert len(list(figures.run(ctx(rows)))) == 1


def test_budget_amounts_are_not_indicator_figures() -> None:
    # r16_disnak pp. 45-46: the same program names over APBD and over APBN amounts
    rows = [row("pengukuran", 1, 1, NAME, None, "6.247.696.287", None), row("pengukuran", 2, 1, NAME, None, "2.635.811.606", None)]
    assert not list(figures.run(ctx(rows)))


# --- period-mismatch ------------------------------------------------------------------------


def test_a_sentence_comparing_two_years_names_no_wrong_period() -> None:
    from reports.checks import period

    compare = "3.1.2 Perbandingan Target dan Realisasi Indikator Kinerja Tahun 2015 dan Tahun 2016"
    wrong = "Capaian kinerja Tahun 2015 dapat dilihat pada tabel berikut"
    c = typed(AuditContext("r", {"year": 2016}, (), {}, (), {1: (3, compare), 2: (3, wrong)}, (), {}))
    assert [f.line for f in period.run(c)] == [2]


def test_a_renstra_end_year_and_a_list_of_years_are_no_wrong_period() -> None:
    from reports.checks import period

    text = "Hasil pengukuran realisasi Tahun 2013, 2014,2015, dan 2016 dengan target Renstra Tahun 2018 sebagai berikut"
    c = typed(AuditContext("r", {"year": 2016}, (), {}, (), {1: (5, text)}, (), {}))
    assert not list(period.run(c))
