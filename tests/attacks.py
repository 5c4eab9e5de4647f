"""The attack run of issue 17, repeated: not part of `make test` (about 10 minutes on 2 cores).

    .venv/bin/python tests/attacks.py [--trials N] [--out DIR]

Each trial starts from a database already holding both seeds, runs `lakip ingest` on 30
synthetic reports with 2 workers (default caps) and interrupts it at a random moment; then it
checks what the issue found broken: every stored report holds exactly its rows and its findings
(no report without findings, no orphan row), nothing stored is logged as failed, the exit status,
no worker left alive, and a rerun that completes everything. Prints one line per kind of attack:
trials, failures, exit codes seen.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from corpus.tools import synth  # noqa: E402
from lakip.pipeline import ingest_paths  # noqa: E402

LAKIP = [sys.executable, "-m", "lakip"]
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


@dataclass
class Tally:
    trials: int = 0
    failures: list[str] = field(default_factory=list)
    codes: Counter[int] = field(default_factory=Counter)

    def line(self, name: str) -> str:
        codes = ", ".join(f"{c}×{n}" for c, n in sorted(self.codes.items()))
        first = f" — first: {self.failures[0]}" if self.failures else ""
        return f"{name}: {self.trials} trials, {len(self.failures)} failures, exit codes {codes}{first}"


def stored(db: Path) -> dict[str, tuple[int, int]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            """SELECT r.source_path, (SELECT count(*) FROM measurements m WHERE m.report_id = r.report_id),
                      (SELECT count(*) FROM findings f WHERE f.report_id = r.report_id) FROM reports r"""
        ).fetchall()
        orphans = con.execute(
            "SELECT count(*) FROM measurements m WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.report_id = m.report_id)"
        ).fetchone()
        errors = con.execute("SELECT count(*) FROM ingest_errors").fetchone()
    finally:
        con.close()
    out = {Path(p).name: (n, f) for p, n, f in rows}
    out["(orphan rows)"] = (int(orphans[0]) if orphans else 0, 0)
    out["(ingest_errors)"] = (int(errors[0]) if errors else 0, 0)
    return out


def group_gone(pgid: int, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def check(db: Path, want: dict[str, tuple[int, int]]) -> str | None:
    got = stored(db)
    for name, value in got.items():
        if name.startswith("(") and value != (0, 0):
            return f"{name}: {value[0]}"
        if not name.startswith("(") and value != want.get(name):
            return f"{name}: (rows, findings) {value}, expected {want.get(name)}"
    return None


def trial(base: Path, corpus: Path, want: dict[str, tuple[int, int]], how: str, rng: random.Random, force: bool) -> tuple[int, str | None]:
    work = Path(tempfile.mkdtemp(prefix="lakip-attack-"))
    db = work / "t.duckdb"
    shutil.copy(base, db)
    args = [*LAKIP, "ingest", str(corpus), "--db", str(db), "--workers", "2", *(["--force"] if force else [])]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV, start_new_session=True)
    time.sleep(rng.uniform(0.5, 7.0))
    sig = {"kill-9": signal.SIGKILL, "sigint": signal.SIGINT, "sigterm": signal.SIGTERM}[how]
    if how == "sigint":
        os.killpg(proc.pid, sig)  # Ctrl-C on a terminal reaches the whole group
    else:
        os.kill(proc.pid, sig)  # the parent alone
    try:
        out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return -999, "did not stop within 20 s"
    code = proc.returncode
    try:
        if not group_gone(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
            return code, "a worker outlived the run"
        expected = {"kill-9": -9, "sigint": 130, "sigterm": 143}[how]
        early = code == -sig and not out.strip()  # ended by the signal during Python's own start-up, before lakip ran
        if code != expected and code != 0 and not early:  # 0: the batch ended before the signal
            return code, f"exit code {code}, expected {expected}: {err.strip()[-200:]}"
        problem = check(db, want)
        if problem:
            return code, problem
        rerun = subprocess.run([*LAKIP, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True, cwd=ROOT)
        if rerun.returncode != 0:
            return code, f"rerun exit {rerun.returncode}: {rerun.stderr.strip()[-200:]}"
        full = stored(db)
        missing = [n for n in want if full.get(n) != want[n]]
        if missing:
            return code, f"after the rerun: {missing[0]} {full.get(missing[0])}, expected {want[missing[0]]}"
        return code, None
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trials", type=int, default=10, help="trials per kind of attack")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--only", default="", help="run only the attacks whose name contains this (e.g. SIGTERM)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    with tempfile.TemporaryDirectory(prefix="lakip-attacks-") as tmp:
        corpus = Path(tmp) / "synth"
        synth.generate(corpus, 30)
        base = Path(tmp) / "seeds.duckdb"
        ingest_paths([ROOT / "corpus" / "documents"], base, in_process=True)
        clean = Path(tmp) / "clean.duckdb"
        shutil.copy(base, clean)
        ingest_paths([corpus], clean, in_process=True)
        want = {k: v for k, v in stored(clean).items() if not k.startswith("(")}
        replaced = Path(tmp) / "full.duckdb"
        shutil.copy(clean, replaced)
        plan = [("kill -9", "kill-9", base, False), ("kill -9 during a replacement (--force)", "kill-9", replaced, True),
                ("Ctrl-C (SIGINT to the group)", "sigint", base, False), ("SIGTERM to the parent", "sigterm", base, False)]  # fmt: skip
        failed = 0
        for name, how, start, force in plan:
            if a.only.lower() not in name.lower():
                continue
            tally = Tally()
            for _ in range(a.trials):
                code, problem = trial(start, corpus, want, how, rng, force)
                tally.trials += 1
                tally.codes[code] += 1
                if problem:
                    tally.failures.append(problem)
            failed += len(tally.failures)
            print(tally.line(name), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
