"""Ingest on a Dask cluster: the local pool's own task, run by the cluster's workers.

A Dask task is `workers.run` on a small batch of files: on the Dask worker it starts one lakip
worker process, which reads and normalises each file under the same per-file timeout and memory
cap as on one machine, and returns the same `workers.Outcome`s. So a file that hangs, crashes
its process or runs out of memory comes back as a failed Outcome, and the batch goes on. The
parent (the `lakip ingest` process) writes each Outcome as a Parquet file (`lakip.results`),
then stores it with the local ingest's code (`pipeline._store`: report, rows and audit findings
in one transaction); nothing on a worker writes the database. A Dask worker that dies mid-batch
loses nothing: the scheduler runs its tasks again elsewhere, and a rerun skips every document
whose result is already in Parquet.

Files are read by the workers from the paths the parent names: on other machines the corpus must
be mounted at the same path. This module is the only one that imports dask.
"""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.errors import LakipError
from lakip import results, workers
from lakip.pipeline import Runner
from lakip.workers import Outcome, WorkSettings

#: Files per Dask task: one lakip worker process per task costs ~0.5 s to start (measured: spawn,
#: imports, the indicator matcher), a text report ~0.1 s to read; a batch shares the start.
BATCH = 8


class ClusterError(LakipError):
    """The Dask scheduler cannot be reached, or the cluster cannot start."""


@dataclass(frozen=True)
class ClusterSettings:
    scheduler: str  # "local" (a LocalCluster on this machine) or tcp://HOST:PORT
    out: str  # where the Parquet results go: a folder or an fsspec URL
    batch: int = BATCH
    local_workers: int = 2  # Dask workers of a LocalCluster (one task, so one lakip process, each)
    processes: bool = True  # LocalCluster workers as processes (False: threads of this process)

    def __post_init__(self) -> None:
        if self.batch < 1:
            raise ClusterError(f"--batch {self.batch}", "must be at least 1", f"give e.g. --batch {BATCH}")
        if self.scheduler != "local" and "://" not in self.scheduler:
            raise ClusterError(f"--scheduler {self.scheduler}", "not a scheduler address", "give `local` or tcp://HOST:8786")


#: times a batch is submitted before its files fail (Dask reschedules a killed worker's task itself;
#: this covers the errors that reach the client instead)
RETRIES = 3

_DAEMONIC = (
    "this Dask worker may not start processes (a daemonic worker), so lakip cannot apply the timeout and memory cap: "
    "start it with DASK_DISTRIBUTED__WORKER__DAEMON=False dask worker ..."
)


def batch_task(paths: list[Path], settings: WorkSettings) -> list[Outcome]:
    """The Dask task: the local pool (one process) on `paths`, one Outcome per path."""
    if mp.current_process().daemon:
        return [Outcome(p, None, "extract", _DAEMONIC) for p in paths]
    one = WorkSettings(workers=1, timeout_s=settings.timeout_s, memory_mb=settings.memory_mb)
    return list(workers.run(paths, one))


def runner(cs: ClusterSettings, work: WorkSettings, force: bool, announce: Callable[[str], None]) -> Runner:
    """What `pipeline.ingest_paths(runner=...)` extracts with: results already in Parquet are taken
    from there (a resumed run), the rest go to the cluster; each new result is written to Parquet
    before the pipeline stores it."""

    def run(pending: list[Path], hashes: dict[Path, str]) -> Iterator[Outcome]:
        have = set() if force else results.names(cs.out)
        todo = []
        for path in pending:
            name = hashes[path] + results.SUFFIX
            try:
                out = results.read(cs.out, name)[0] if name in have else None
            except results.ResultsError:  # damaged, or pickled by another lakip: read the file again
                out = None
            if out is None:
                todo.append(path)
            else:
                yield dataclasses.replace(out, path=path)  # the path this run named (the hash is the same)
        for out in _on_cluster(todo, cs, work, announce):
            results.write(cs.out, out, hashes.get(out.path))
            yield out

    return run


def _connect(cs: ClusterSettings) -> tuple[Any, Any]:
    """A Dask client (and the LocalCluster it owns, or None)."""
    import dask
    import distributed

    d: Any = distributed  # untyped: its calls are checked by the tests, not by mypy
    # each task starts a lakip worker process: Dask's workers must not be daemonic to do that
    dask.config.set({"distributed.worker.daemon": False})
    cluster = None
    try:
        if cs.scheduler == "local":
            cluster = d.LocalCluster(n_workers=cs.local_workers, threads_per_worker=1, processes=cs.processes, dashboard_address=":0")
            return d.Client(cluster), cluster
        return d.Client(cs.scheduler, timeout="20s"), None
    except (OSError, TimeoutError) as e:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"--scheduler {cs.scheduler}", f"cannot reach the Dask scheduler ({e})", "start `dask scheduler` there") from e


def dashboard(client: Any) -> str:
    """The dashboard link, and what it needs (bokeh) when this environment cannot serve it."""
    try:
        link = str(client.dashboard_link)
    except Exception:  # a scheduler without the dashboard service
        return "Dask dashboard: not served (install bokeh on the scheduler)"
    try:
        import bokeh  # noqa: F401
    except ImportError:
        return f"Dask dashboard: {link} (served only where bokeh is installed)"
    return f"Dask dashboard: {link}"


def _on_cluster(paths: list[Path], cs: ClusterSettings, work: WorkSettings, announce: Callable[[str], None]) -> Iterator[Outcome]:
    if not paths:
        return
    import distributed

    as_completed: Any = distributed.as_completed
    client, cluster = _connect(cs)
    try:
        announce(dashboard(client))
        batches = [paths[i : i + cs.batch] for i in range(0, len(paths), cs.batch)]
        futures = {client.submit(batch_task, b, work, pure=False): b for b in batches}
        tries = dict.fromkeys(futures, 1)
        pending = as_completed(futures)
        for fut in pending:
            try:
                outs: list[Outcome] = fut.result()
            except Exception as e:  # its Dask workers died every time it ran (KilledWorker), or it was lost
                if tries[fut] < RETRIES:
                    # a task lost with a killed worker can come back as a client-side error (an
                    # asyncio event "bound to a different event loop", seen in tests/test_cluster.py's
                    # kill test) rather than be rescheduled: submit it again, a bounded number of times
                    again = client.submit(batch_task, futures[fut], work, pure=False)
                    futures[again], tries[again] = futures[fut], tries[fut] + 1
                    pending.add(again)
                    continue
                why = " ".join(f"{type(e).__name__}: {e}".split())[:300]
                outs = [Outcome(p, None, "extract", f"cluster task failed ({why}); run again to retry") for p in futures[fut]]
            yield from outs
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


__all__ = ["BATCH", "ClusterError", "ClusterSettings", "batch_task", "dashboard", "runner"]
