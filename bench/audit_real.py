"""`make eval-audit`: the consistency audit on documents nobody here wrote, against the
inconsistencies their truth lists (issue 15).

Reads the real LKIP PDFs of `../shared/real-lkip/` that have a golden in `corpus/real/lkip/` (the
scan r03 is skipped) and the real text excerpts in `corpus/real/excerpts/`; each goes through
extract -> normalize -> store -> audit as `lakip ingest` runs it (one in-memory DuckDB, or `--db
FILE` to keep it: a report whose file is already stored there is re-audited from the database,
not read again, which is what you want while changing checks and not after changing a reader).

A finding pairs with a truth inconsistency when the two are the same kind of problem (`KINDS`:
the truth kinds each check can speak to) and they concern the same row (the finding's indicator
text or quoted line against the indicator names quoted in the truth's detail and its evidence,
rapidfuzz) or the same page. Printed per document: truth inconsistencies (errors/warnings),
findings by severity, truth paired, error findings paired; then recall (truth paired / truth) and
precision for severity error (error findings paired / error findings), over all documents and on
those the truth reads as consistent (target: no error). Then, per document, the truth the audit
misses and the error findings that pair with nothing (false alarms), with code and message.
Where `../shared` is absent it says so and exits 0.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench import truth as T

#: Truth kinds (corpus/real/README.md, excerpt truths) each finding code can speak to.
KINDS: dict[str, frozenset[str]] = {
    "capaian-mismatch": frozenset({"capaian", "arithmetic", "same_indicator_different_figures", "average", "kategori"}),
    "grade-capaian": frozenset({"capaian", "kategori", "kategori_scale", "scale", "arithmetic"}),
    "pk-target-mismatch": frozenset(
        {"pk_target_mismatch", "pk_vs_pengukuran", "pk", "target", "renstra_target", "same_indicator_different_figures"}
    ),
    "pk-indicator-missing": frozenset({"pk_not_measured", "pk_vs_pengukuran", "pk"}),
    "indicator-not-in-pk": frozenset({"pk_not_measured", "pk_vs_pengukuran", "pk"}),
    "summary-claim-mismatch": frozenset({"count", "claim_vs_table", "narrative", "narrative_vs_table", "average"}),
    "narrative-value-mismatch": frozenset({"narrative", "narrative_vs_table", "same_indicator_different_figures", "claim_vs_table"}),
    "narrative-arithmetic": frozenset({"narrative", "arithmetic", "capaian", "narrative_vs_table"}),
    "budget-mismatch": frozenset({"anggaran"}),
    "budget-row-mismatch": frozenset({"anggaran"}),
    "budget-sum-mismatch": frozenset({"anggaran"}),
    "budget-figure-differs": frozenset({"anggaran", "same_indicator_different_figures"}),
    "unit-mismatch": frozenset({"satuan", "pk_vs_pengukuran", "same_indicator_different_figures", "target", "other"}),
    "foreign-satker": frozenset({"other_office", "satker_name"}),
    "period-mismatch": frozenset({"wrong_year", "wrong_period", "header", "title"}),
    "indicator-figures-differ": frozenset({"same_indicator_different_figures", "capaian", "narrative"}),
    "change-mismatch": frozenset({"capaian", "arithmetic", "average"}),
    "table-total-mismatch": frozenset({"anggaran", "capaian", "average", "arithmetic", "count"}),
    "category-scale-mismatch": frozenset({"kategori", "kategori_scale", "capaian"}),
    "scale-ill-formed": frozenset({"scale", "kategori_scale"}),
    "number-words-mismatch": frozenset({"count"}),
    "output-indicators-only": frozenset({"doubtful"}),
    "all-perfect": frozenset({"doubtful"}),
    "low-ocr-confidence": frozenset({"doubtful"}),
}
#: (check, truth kind) pairs that pair only about the same row, never by page alone: a capaian
#: truth may name the row's kategori too (r05 p. 37), but a page of capaian truths is no scale problem
ROW_ONLY = frozenset({("category-scale-mismatch", "capaian")})
#: rapidfuzz partial_ratio at or above which two indicator texts (or quotes) are the same row
SAME_TEXT = 90.0
MIN_NAME = 12  # shorter names and quotes say too little to pair on
_QUOTED = re.compile(r"'([^']{6,}?)'|\u2018([^\u2019]{6,}?)\u2019|\u201c([^\u201d]{6,}?)\u201d")


def _norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).replace("|", " ").replace("\t", " ")
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Inconsistency:
    kind: str
    severity: str
    page: int | None
    detail: str
    evidence: str
    names: tuple[str, ...]  # indicator texts the detail quotes, normalised

    @classmethod
    def of(cls, d: dict[str, object]) -> Inconsistency:
        detail, evidence = str(d.get("detail") or ""), str(d.get("evidence") or "")
        quoted = (next(g for g in m.groups() if g) for m in _QUOTED.finditer(detail))
        # "'Persentase aparatur perencana ... sertifikat kompetensi'": each piece is a name
        names = [_norm(piece) for q in quoted for piece in re.split(r"\.\.\.|\u2026", q)]
        page = d.get("page")
        return cls(
            str(d.get("kind") or "other"),
            str(d.get("severity") or "unrated"),
            page if isinstance(page, int) else None,
            detail,
            evidence,
            tuple(n for n in names if len(n) >= MIN_NAME),
        )


@dataclass(frozen=True)
class Got:
    """One audit finding, with the indicator text of its row where it has one."""

    check_id: str
    severity: str
    message: str
    evidence: str
    page: int | None
    indicator: str | None
    cited: frozenset[int] = frozenset()  # other pages its message names ("di halaman 17")


def pairs(f: Got, t: Inconsistency) -> bool:
    """The same kind of problem, about the same row or on the same page."""
    if t.kind not in KINDS.get(f.check_id, frozenset()):
        return False
    if (f.check_id, t.kind) not in ROW_ONLY and t.page is not None and (t.page == f.page or t.page in f.cited):
        return True
    return same_row(f, t)


def same_row(f: Got, t: Inconsistency) -> bool:
    from rapidfuzz import fuzz

    quote, ind = _norm(f.evidence), _norm(f.indicator)
    ev = _norm(t.evidence)
    names = [*t.names, ev] if re.search(r"[a-z]{4}", ev) and len(ev) >= MIN_NAME else list(t.names)
    if len(ind) >= MIN_NAME and any(fuzz.partial_ratio(n, ind) >= SAME_TEXT for n in names):
        return True
    if not ev or not quote:
        return False
    pages_differ = f.page is not None and t.page is not None and f.page != t.page
    if ev in quote and not pages_differ:  # a short quote ("106,25") only on its own page
        return len(ev) >= 4
    return len(ev) >= 20 and fuzz.partial_ratio(ev, quote) >= SAME_TEXT


@dataclass
class Result:
    name: str
    truth: list[Inconsistency]
    got: list[Got] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    def paired_truth(self, severities: Iterable[str] = ("error", "warning", "info")) -> list[bool]:
        use = [f for f in self.got if f.severity in set(severities)]
        return [any(pairs(f, t) for f in use) for t in self.truth]

    def errors(self) -> list[Got]:
        return [f for f in self.got if f.severity == "error"]

    def error_paired(self) -> list[bool]:
        return [any(pairs(f, t) for t in self.truth) for f in self.errors()]


def _findings(con: object, rid: str, found: list[object]) -> list[Got]:
    rows: dict[tuple[int, int], str] = {
        (int(r[0]), int(r[1])): str(r[2])
        for r in con.execute(  # type: ignore[attr-defined]
            "SELECT table_seq, row_seq, indicator_raw FROM measurements WHERE report_id = ?", [rid]
        ).fetchall()
    }
    out = []
    for f in found:
        key = (f.table_seq, f.row_seq)  # type: ignore[attr-defined]
        ind = rows.get(key) if None not in key else None
        # `halaman 17`, `halaman III-4 (PDF 54)`: the PDF's page number (reports.codes.cite)
        found_at = re.findall(r"\bhalaman (?:[^,()]{1,12} \(PDF (\d+)\)|(\d+))", f.message)  # type: ignore[attr-defined]
        cited = frozenset(int(pdf or page) for pdf, page in found_at)
        out.append(Got(f.check_id, f.severity, f.message, f.evidence, f.page, ind, cited))  # type: ignore[attr-defined]
    return out


def audit_one(con: object, path: Path) -> tuple[list[Got], float]:
    """The audit's findings for one file, ingested into `con` the way `lakip ingest` does it (or,
    when `con` holds it already, re-audited from the database)."""
    import reports
    import store
    from lakip import pipeline, workers

    start = time.perf_counter()
    sha = pipeline._sha(path)
    rid = store.report_id(sha)
    if store.stored(con, sha) is not None:  # type: ignore[arg-type]
        found: list[object] = list(reports.audit(con, rid, save=False))  # type: ignore[arg-type]
    else:
        report = workers.extract_one(path)
        found = []

        def audit(c: object, report_id: str) -> None:
            found.extend(reports.audit(c, report_id, transaction=False))  # type: ignore[arg-type]

        store.ingest(con, report, then=audit)  # type: ignore[arg-type]
        rid = store.report_id(report.document.sha256)
    return _findings(con, rid, found), time.perf_counter() - start


def documents(only: str | None) -> list[T.Truth]:
    docs = [t for t in T.real_pdfs() if "_scan" not in t.name] + T.excerpts()
    return [t for t in docs if not only or only in t.name]


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def _short(text: str, width: int = 150) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def report(results: list[Result], warnings: bool) -> None:
    print(
        f"{'document':40} {'truth e/w/-':>12} {'found e/w/i':>12} {'truth paired':>13} "
        f"{'by err':>7} {'err paired':>11} {'recall':>7} {'prec(e)':>8}"
    )
    tot: Counter[str] = Counter()
    for r in results:
        if r.error:
            print(f"{r.name[:40]:40} error: {r.error}")
            continue
        sev = Counter(t.severity for t in r.truth)
        got = Counter(f.severity for f in r.got)
        paired, by_err, err_paired = sum(r.paired_truth()), sum(r.paired_truth(("error",))), sum(r.error_paired())
        n, ne = len(r.truth), len(r.errors())
        other = n - sev["error"] - sev["warning"]
        print(
            f"{r.name[:40]:40} {sev['error']:>4}/{sev['warning']}/{other:<3} {got['error']:>5}/{got['warning']}/{got['info']:<3} "
            f"{paired:>6}/{n:<6} {by_err:>7} {err_paired:>5}/{ne:<5} {_ratio(paired, n):>7} {_ratio(err_paired, ne):>8}"
        )
        tot.update(truth=n, paired=paired, by_err=by_err, errors=ne, err_paired=err_paired, warnings=got["warning"])
        err_paired = sum(p for p, t in zip(r.paired_truth(), r.truth, strict=True) if t.severity == "error")
        tot.update(truth_err=sev["error"], truth_err_paired=err_paired)
        if not r.truth:
            tot.update(consistent=1, consistent_errors=ne)
    print(
        f"\nall: truth {tot['truth']} ({tot['truth_err']} errors), paired {tot['paired']} by any finding, {tot['by_err']} by an error;"
        f" recall {_ratio(tot['paired'], tot['truth'])} (truth errors: {_ratio(tot['truth_err_paired'], tot['truth_err'])}),"
        f" recall by error findings {_ratio(tot['by_err'], tot['truth'])}"
    )
    print(f"     error findings {tot['errors']}, paired {tot['err_paired']}: precision (error) {_ratio(tot['err_paired'], tot['errors'])}")
    print(
        f"     documents the truth reads as consistent: {tot['consistent']}, error findings on them: {tot['consistent_errors']} (target 0)"
    )
    for r in results:
        if r.error:
            continue
        missed = [t for t, p in zip(r.truth, r.paired_truth(), strict=True) if not p]
        false = [f for f, p in zip(r.errors(), r.error_paired(), strict=True) if not p]
        if warnings:
            false += [f for f in r.got if f.severity == "warning" and not any(pairs(f, t) for t in r.truth)]
        if not missed and not false:
            continue
        print(f"\n### {r.name}")
        if missed:
            print(f"  missed ({len(missed)} of {len(r.truth)}):")
            for t in missed:
                print(f"    - [{t.severity}] {t.kind} p.{t.page or '?'}: {_short(t.detail)}")
        if false:
            print(f"  {'findings' if warnings else 'error findings'} pairing with no truth ({len(false)}):")
            for f in false:
                print(f"    - [{f.severity}] {f.check_id} p.{f.page or '?'}: {_short(f.message, 220)}")
                print(f"        quote: {_short(f.evidence, 160)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--only", help="documents whose name contains this")
    ap.add_argument("--db", help="keep the database in this file; reports already in it are re-audited, not read again")
    ap.add_argument("--warnings", action="store_true", help="also list the warning findings that pair with no truth")
    args = ap.parse_args(argv)
    if not T.SHARED.exists():
        print(f"eval-audit: {T.SHARED} is absent; nothing to measure (the real documents are not in the repository)")
        return 0
    import store
    from lakip import pipeline

    con = store.connect(args.db or ":memory:")
    store.load_indicators(con, pipeline.load_catalogue())
    results = []
    for t in documents(args.only):
        r = Result(t.name, [Inconsistency.of(d) for d in t.inconsistencies])
        try:
            r.got, r.seconds = audit_one(con, t.input)
        except Exception as e:  # one document that cannot be read does not stop the measurement
            r.error = " ".join(f"{type(e).__name__}: {e}".split())
        results.append(r)
    con.close()
    report(results, args.warnings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
