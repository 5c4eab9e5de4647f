"""The indicator mapping: near-duplicates kept apart, satker names neutralised, the labelled-set
targets met, and the review loop (accept a decision, see it applied to stored rows)."""

from __future__ import annotations

import csv
import shutil

import pytest
from conftest import DOCS, ROOT

import store
from lakip import review
from lakip.pipeline import ingest_paths
from normalize import Matcher, load_catalogue, load_gazetteer
from normalize.evaluate import evaluate
from normalize.text import key


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_catalogue())


def test_near_duplicate_tails_are_not_confused(matcher: Matcher) -> None:
    base = "Persentase KPU Kota Bekasi yang menyelenggarakan Pemilu/Pemilihan"
    assert matcher.match(base + " sesuai dengan jadwal dan ketentuan yang berlaku").indicator_id == "IKU-14"
    assert matcher.match("Persentase KPU Kota Bekasi yang melaksanakan Pemilu/Pemilihan yang aman dan damai").indicator_id == "IKU-15"
    assert matcher.match(base + " tanpa permasalahan anggaran dalam pemenuhan kebutuhan logistik").indicator_id == "IKU-17"
    truncated = matcher.match(base)  # could be any of the three: stays unmapped
    assert truncated.indicator_id is None and len(truncated.candidates) == 3


def test_satker_names_and_templates_become_one_placeholder() -> None:
    a = key("Persentase Keputusan KPU Kota Prabumulih yang disusun tepat waktu")
    b = key("Persentase Keputusan KIP Kabupaten Aceh Besar yang disusun tepat waktu")
    c = key("Persentase Keputusan KPU/KPU Provinsi/KPU Kab/Kota yang disusun tepat waktu")
    assert a == b == c == "persentase keputusan satker yang disusun tepat waktu"
    assert key("Prosentase Partisipasi") == key("Presentase partisipasi") == "persentase partisipasi"


def test_keyword_rules_where_names_share_little_text(matcher: Matcher) -> None:
    assert matcher.match("Nilai SAKIP").indicator_id == "IKU-04"
    assert matcher.match("Nilai evaluasi akuntabilitas kinerja instansi").indicator_id == "IKU-04"
    assert matcher.match("Indeks keterbukaan informasi badan publik").indicator_id == "IKU-06"


def test_labelled_set_meets_targets() -> None:
    outcomes = evaluate()
    assert len(outcomes) >= 150
    correct = sum(o.verdict == "correct" for o in outcomes) / len(outcomes)
    assert correct >= 0.95
    assert [o for o in outcomes if o.verdict == "wrong"] == []


def test_gazetteer_resolves_reports_and_variants() -> None:
    g = load_gazetteer()
    assert sum(r.level == "provinsi" for r in g.regions) == 38 and sum(r.level != "provinsi" for r in g.regions) == 514
    cases = {
        ("kabupaten", "Muaro Jambi"): ("15.05", "exact"),
        ("kabupaten", "Jember"): ("35.09", "exact"),
        ("kota", "Jember"): ("35.09", "wrong-type"),
        ("kabupaten", "Muaro Jmabi"): ("15.05", "fuzzy"),
        ("kota", "Bekasi"): ("32.75", "exact"),
        ("kabupaten", "Bekasi"): ("32.16", "exact"),
        ("provinsi", "DKI Jakarta"): ("31", "exact"),
        ("provinsi", "Papua Pegunungan"): ("95", "exact"),
    }
    for (level, name), (code, method) in cases.items():
        res = g.resolve(level, name)
        assert res.region is not None and (res.region.code, res.method) == (code, method), (level, name)
    assert g.resolve("kabupaten", "Aceh Besar").region.satker == "KIP Kabupaten Aceh Besar"  # type: ignore[union-attr]


def test_review_loop_accepts_a_mapping_and_applies_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    catalogue = tmp_path / "catalogue"
    shutil.copytree(ROOT / "corpus" / "catalogue", catalogue)
    db = tmp_path / "r.duckdb"
    ingest_paths([DOCS], db)
    con = store.connect(db)
    found = review.items(con, load_catalogue(catalogue))
    con.close()
    wording = "Tahapan Pemilihan/ Pemilukada"
    assert wording in [i.indicator_raw for i in found]
    sheet = tmp_path / "review.csv"
    review.write_csv(sheet, found)
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    for r in rows:
        r["decision"] = "IKU-07" if r["indicator_raw"] == wording else ""
    with sheet.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=review.COLUMNS)
        w.writeheader()
        w.writerows(rows)
    assert review.accept(review.read_decisions(sheet), catalogue) == 1
    assert review.accept(review.read_decisions(sheet), catalogue) == 0  # accepting twice adds nothing
    assert review.apply(db, catalogue) == 1
    con = store.connect(db)
    got = con.execute("SELECT indicator_id, match_method FROM measurements WHERE indicator_raw = ?", [wording]).fetchone()
    assert got == ("IKU-07", "exact")
    assert (ROOT / "corpus" / "catalogue" / "aliases.csv").read_text(encoding="utf-8").count(wording) == 0  # repo untouched
