"""`make mutation`: mutmut over the audit rules (reports/checks), the value parser and the matcher,
then the mutation score of each module and every mutant the tests let live.

mutmut's own settings are `[tool.mutmut]` in pyproject.toml: which files are mutated, and the quick
tests a mutant runs (only those that reach the mutated function, seconds each). A run starts from
a fresh `mutants/` (mutmut's copy of the packages): a kept one would answer from an older run.

A survivor that changes nothing a caller can see (an equivalent mutant) is listed in EQUIVALENT
with the reason, keyed by the mutated function and the line the mutant prints, so the key keeps
while mutmut renumbers. The others are tests still to write; `--strict` makes them fail the run.

    python -m bench.mutation [--strict] [--no-run] [--max-children N]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_EPS_EDGE = "< for <= at a bound padded with EPS: they differ only on the padded bound itself, which no printed figure hits"
_ROUNDED = "the rounding test already holds there (within EPS of the stated figure)"
_UNREACHABLE = "the `else` of a target that _has_target made sure is there"
_GUARDED = "the `if` above already skips a claim with a figure missing"
_NO_HEADER = "a table without a header names no yardstick: `XXXX` matches no more than the empty string"

#: (mutated function, the mutated line as mutmut prints it) -> why no test can tell the mutant apart
EQUIVALENT: dict[tuple[str, str], str] = {
    (
        "reports.checks.figures.run",
        'to_date = {t["table_seq"] for t in ctx.tables if _CUMULATIVE.search(t.get("header") or "XXXX")}',
    ): _NO_HEADER,
    (
        "reports.checks.figures.run",
        'other = {t["table_seq"] for t in ctx.tables if _OTHER_YARDSTICK.search(t.get("header") or "XXXX")}',
    ): _NO_HEADER,
    ("reports.checks.tolerance.agrees", "truncated = stated + EPS <= computed < stated + unit - EPS"): _ROUNDED,
    ("reports.checks.tolerance.agrees", "truncated = stated - EPS < computed < stated + unit - EPS"): _ROUNDED,
    ("reports.checks.arithmetic.run", "if abs(computed - c.value) < _TOL:"): _EPS_EDGE,
    (
        "reports.checks.arithmetic.run",
        "if row and row.realisasi and row.realisasi.number is not None and abs(row.realisasi.number - c.value_from - c.value) < _TOL:",
    ): _EPS_EDGE,
    ("reports.checks.arithmetic.run", "assert c.value is not None and c.value_from is not None or c.value_to is not None"): _GUARDED,
    ("reports.checks.arithmetic.run", "assert c.value is not None or c.value_from is not None and c.value_to is not None"): _GUARDED,
    (
        "reports.checks.capaian.run",
        "if not (t and re_ and c) or c.number is None or t.kind not in _NUMERIC and re_.kind not in _NUMERIC:",
    ): "a cell of another kind has no number, and the next line skips a missing number",
    ("reports.checks.capaian.run", 'info = ctx.indicators.get(r.indicator_id or "XXXX")'): "no catalogue id is XXXX",
    ("reports.checks.grade.run", 'reason = ""'): "None and the empty string are both no reason",
    ("reports.checks.grade.run", "elif rg == tg and abs(c.number - 100) >= 1e-9:"): _EPS_EDGE,
    ("reports.checks.grade.run", "if not lo - 1e-9 < c.number <= hi + 1e-9:"): _EPS_EDGE,
    ("reports.checks.grade.run", "if not lo - 1e-9 <= c.number < hi + 1e-9:"): _EPS_EDGE,
    ("reports.checks.grade.run", "if not lo - 1e-9 <= c.number <= hi - 1e-9:"): _EPS_EDGE,
    (
        "reports.checks.pk_target.same_target",
        "return abs(a.number - b.number) <= 1e-9  # `90%` and `90` agree: measured tables often drop the sign",
    ): _EPS_EDGE,
    ("reports.checks.pk_target.run", 'pk_target=p.target.raw.strip() if (p.target) or True else "(kosong)",'): _UNREACHABLE,
    ("reports.checks.pk_target.run", 'pk_target=p.target.raw.strip() if p.target else "XX(kosong)XX",'): _UNREACHABLE,
    ("reports.checks.pk_target.run", 'pk_target=p.target.raw.strip() if p.target else "(KOSONG)",'): _UNREACHABLE,
    ("reports.checks.pk_target.run", 'target=r.target.raw.strip() if (r.target) or True else "(kosong)",'): _UNREACHABLE,
    ("reports.checks.pk_target.run", 'target=r.target.raw.strip() if r.target else "XX(kosong)XX",'): _UNREACHABLE,
    ("reports.checks.pk_target.run", 'target=r.target.raw.strip() if r.target else "(KOSONG)",'): _UNREACHABLE,
    (
        "reports.checks.figures._number",
        'if v is None or v.kind not in ("number", "percent", "count") or v.ambiguous and v.number is None:',
    ): ("an ambiguous figure has no number, and a figure without one is returned as None either way"),
    ("reports.checks.figures.same_figure", "if x is None or y is None or a is None and b is None:"): "x and y are None when a or b is",
    (
        "reports.checks.figures.same_figure",
        'if a.kind == "count" and b.kind == "count" and (a.unit or "XXXX").lower() != (b.unit or "").lower():',
    ): ("a count always has a unit"),
    (
        "reports.checks.figures.same_figure",
        'if a.kind == "count" and b.kind == "count" and (a.unit or "").lower() != (b.unit or "XXXX").lower():',
    ): ("a count always has a unit"),
    ("reports.checks.figures.same_figure", "return abs(x - y) < unit + EPS"): _EPS_EDGE,
    (
        "reports.checks.figures._groups",
        "return [g for g in groups if len(g) >= 1]",
    ): "_odd_ones needs two figures: a group of one has no odd one",
    ("reports.checks.figures._finding", "assert mine is not None or theirs is not None"): "_odd_ones gives rows whose cell has a number",
    ("reports.checks.figures._finding", "computed=num(theirs.number) if (theirs.number is not None) or True else None,"): (
        "the reference figure always has a number"
    ),
    (
        "extract.values.parse_number",
        'if not re.fullmatch(r"[+-]?\\d[\\d.,]*", t) or t[-1] in "XX.,XX":',
    ): "the token is digits and separators: no X",
    ("extract.values.parse_number", 't = t.lstrip("XX+-XX")'): "the token is digits and separators: no X",
    (
        "extract.values.parse_number",
        'dec = "," if t.rfind(",") >= t.rfind(".") else "."',
    ): "both separators occur here: never at the same place",
    ("extract.values.parse_number", 'dec = "," if t.find(",") > t.rfind(".") else "."'): (
        "differs only with a comma on both sides of the last dot, which is no number either way"
    ),
    ("extract.values.parse_number", 'dec = "," if t.rfind(",") > t.find(".") else "."'): (
        "differs only with a dot on both sides of the last comma, which is no number either way"
    ),
    ("extract.values.unit_of", 'return UNITS.get(word.lower().rstrip("XX.XX"), word)'): "a lower-cased word has no X",
    (
        "extract.values.parse_value",
        'if word.lower().rstrip("XX.XX") not in UNITS and word.lower().split("/")[0] not in UNITS and not word[:1].isupper():',
    ): "a lower-cased word has no X",
    ("normalize.matcher.xǁMatcherǁ_score", "trusted = len(query) > len(choice) and len(c) >= 4 and len(c) >= 0.45 * len(q)"): (
        "a wording as long as a known one whose words it holds is a reordering, which token_sort_ratio scores 100 already"
    ),
}


@dataclass(frozen=True)
class Mutant:
    name: str  # reports.checks.tolerance.x_agrees__mutmut_3
    module: str  # reports/checks/tolerance.py
    status: str
    change: str  # the mutated line, as the mutant has it

    @property
    def function(self) -> str:
        module, _, mangled = self.name.partition("__mutmut_")[0].rpartition(".")
        return f"{module}.{mangled.removeprefix('x_')}"


def run_mutmut(max_children: int) -> int:
    shutil.rmtree(ROOT / "mutants", ignore_errors=True)
    cmd = [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children)]
    # mutmut redraws a progress line per mutant; its last state is all that is worth keeping
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    progress = [ln for ln in proc.stdout.replace("\r", "\n").splitlines() if re.search(r"\d+/\d+", ln)]
    print(f"mutmut: {progress[-1].lstrip(' ⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏') if progress else proc.stdout[-200:]}")
    if proc.returncode:
        print(proc.stdout[-4000:], proc.stderr[-4000:], sep="\n", file=sys.stderr)
    return proc.returncode


def _change(name: str, path: Path) -> str:
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    plus = [ln[1:].strip() for ln in get_diff_for_mutant(name, path=path).splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    return " / ".join(plus) or "(line removed)"


def mutants() -> list[Mutant]:
    from mutmut.mutation.data import SourceFileMutationData
    from mutmut.stats import status_by_exit_code
    from mutmut.utils.file_utils import walk_mutatable_files

    out = []
    for path in sorted(walk_mutatable_files()):
        data = SourceFileMutationData(path=path)
        data.load()
        for name, code in data.exit_code_by_key.items():
            status = status_by_exit_code[code]
            # the line of a survivor only: a mutant no test reaches is listed by name
            out.append(Mutant(name, str(path), status, _change(name, path) if status == "survived" else ""))
    return out


def report(found: list[Mutant]) -> list[Mutant]:
    """Print the score of each module and the survivors; return the survivors not known equivalent."""
    by_module: dict[str, Counter[str]] = {}
    for m in found:
        by_module.setdefault(m.module, Counter())[m.status] += 1
    print(f"\n{'module':36} {'killed/total':>13} {'score':>6} {'survived':>8} {'no tests':>8} {'equiv.':>6} {'other':>5}")
    equivalent = Counter(m.module for m in found if m.status == "survived" and (m.function, m.change) in EQUIVALENT)
    for module, c in by_module.items():
        n = sum(c.values())
        other = n - c["killed"] - c["survived"] - c["no tests"]
        print(
            f"{module:36} {c['killed']:>6}/{n:<6} {c['killed'] / n:>6.0%} {c['survived']:>8} {c['no tests']:>8}"
            f" {equivalent[module]:>6} {other:>5}"
        )
    every = Counter(m.status for m in found)
    print(f"{'all':36} {every['killed']:>6}/{len(found):<6} {every['killed'] / max(len(found), 1):>6.0%} {every['survived']:>8}")
    open_ = []
    for status in ("survived", "timeout", "suspicious", "segfault", "no tests"):
        listed = [m for m in found if m.status == status]
        if not listed:
            continue
        print(f"\n{status} ({len(listed)}):")
        for m in listed:
            why = EQUIVALENT.get((m.function, m.change))
            if why is None and status == "survived":
                open_.append(m)
            print(f"  {m.name}" + (f": {m.change}" if m.change else "") + (f"  [equivalent: {why}]" if why else ""))
    return open_


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--no-run", action="store_true", help="report the last run's mutants/ again")
    ap.add_argument("--strict", action="store_true", help="fail when a survivor is not listed as equivalent")
    ap.add_argument("--max-children", type=int, default=1, help="mutants run at once (the machine has 2 cores)")
    args = ap.parse_args(argv)
    os.chdir(ROOT)  # mutmut reads pyproject.toml and mutants/ from the working directory
    start = time.monotonic()
    if not args.no_run and run_mutmut(args.max_children):
        return 2
    open_ = report(mutants())
    print(f"\n{len(open_)} survivor(s) not known to be equivalent; {time.monotonic() - start:.0f} s")
    return 1 if args.strict and open_ else 0


if __name__ == "__main__":
    raise SystemExit(main())
