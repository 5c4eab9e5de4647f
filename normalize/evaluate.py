"""Measure the mapping on a labelled set of wordings (corpus/catalogue/eval_mapping.csv).

A row whose expected id is empty must stay unmapped: mapping it counts as wrong.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from normalize.catalogue import DEFAULT_DIR, Catalogue, load_catalogue
from normalize.matcher import Matcher, MatchSettings

EVAL_FILE = DEFAULT_DIR / "eval_mapping.csv"


@dataclass(frozen=True)
class Outcome:
    wording: str
    variant: str
    expected: str | None
    got: str | None
    score: float
    margin: float

    @property
    def verdict(self) -> str:
        if self.got == self.expected:
            return "correct"
        return "unmapped" if self.got is None else "wrong"


def evaluate(path: Path = EVAL_FILE, catalogue: Catalogue | None = None, settings: MatchSettings | None = None) -> list[Outcome]:
    matcher = Matcher(catalogue or load_catalogue(), settings)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = []
    for r in rows:
        m = matcher.match(r["wording"])
        out.append(Outcome(r["wording"], r["variant"], r["expected_id"] or None, m.indicator_id, m.score, m.margin))
    return out


def summary(outcomes: list[Outcome]) -> str:
    n = len(outcomes)
    verdicts = Counter(o.verdict for o in outcomes)
    lines = [
        f"labelled wordings: {n}",
        f"correct:  {verdicts['correct']:4d}  ({verdicts['correct'] / n:.1%})",
        f"unmapped: {verdicts['unmapped']:4d}  ({verdicts['unmapped'] / n:.1%})  (left for review; not wrong)",
        f"wrong:    {verdicts['wrong']:4d}  (mapped above threshold to the wrong id, or mapped when it should not be)",
        "",
        "by variant:          n  correct  unmapped  wrong",
    ]
    for variant in sorted({o.variant for o in outcomes}):
        sub = [o for o in outcomes if o.variant == variant]
        c = Counter(o.verdict for o in sub)
        lines.append(f"  {variant:18s}{len(sub):3d}  {c['correct']:7d}  {c['unmapped']:8d}  {c['wrong']:5d}")
    bad = [o for o in outcomes if o.verdict != "correct"]
    if bad:
        lines += ["", "not correct:"]
        lines += [
            f"  [{o.verdict}] expected {o.expected or '(none)'} got {o.got or '(none)'} score {o.score:g} margin {o.margin:g}: {o.wording}"
            for o in bad
        ]
    return "\n".join(lines)
