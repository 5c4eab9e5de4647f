"""The `lakip` command. Errors print as one line (file, reason, fix); `--debug` shows the traceback.

Only the project's own errors (`LakipError`) are caught: anything else is a bug and shows as one.
Commands that read a database open it read-only and refuse one that does not exist.
"""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from extract.errors import LakipError
from extract.model import MEASURED_KINDS
from lakip.pipeline import NOT_A_REPORT, FileResult, Interrupted, discover, ingest_paths
from lakip.workers import WorkSettings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="LAKIP reports of KPU satker -> DuckDB, and their audit.")

T = TypeVar("T")
DB_HELP = "DuckDB file (made by `lakip ingest`)"


@app.callback()
def _main() -> None:
    """lakip: extract, normalise and store LAKIP performance tables."""


def _guarded(debug: bool, body: Callable[[], T]) -> T:
    """Run a command's body: a LakipError becomes one line on stderr and exit status 2."""
    try:
        return body()
    except LakipError as e:
        if debug:
            raise
        typer.echo(f"lakip: {e}", err=True)
        raise typer.Exit(2) from None


def _line(r: FileResult) -> str:
    name = Path(r.path).name
    if r.status in ("skipped", "not-report"):
        return f"- {r.path}: {r.error} [skipped]"
    if r.status == "failed":
        return f"✗ {name or r.path}: {r.error}"
    if r.status == "duplicate":
        return f"= {name}: {r.note} [duplicate, skipped]"
    # (rows read from sentences, `narasi`, are named only where a report has them)
    kinds = " · ".join(f"{k} {r.counts.get(k, 0)}" for k in MEASURED_KINDS if k != "narasi" or r.counts.get(k))
    audit = "/".join(str(r.findings.get(s, 0)) for s in ("error", "warning", "info"))
    note = f" ({r.note})" if r.note else ""
    return (
        f"✓ {name}: {r.satker or '(satker?)'} {r.year or '(tahun?)'} — {kinds} — unmapped {r.unmapped} — temuan {audit} [{r.status}]{note}"
    )


def _others(results: list[FileResult]) -> str | None:
    """One line for the files in the folders that are not reports, counted by suffix."""
    others = Counter(Path(r.path).suffix.lower() or "(no suffix)" for r in results if r.error == NOT_A_REPORT)
    if not others:
        return None
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(others.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"- {sum(others.values())} files in the folders are not reports ({kinds}) [skipped; name one directly to try it]"


def _close(results: list[FileResult], db: Path) -> None:
    if others := _others(results):
        typer.echo(others)
    typer.echo(_summary(results, db))


def _summary(results: list[FileResult], db: Path) -> str:
    by = Counter(r.status for r in results if r.error != NOT_A_REPORT)
    by["skipped"] += by.pop("not-report", 0)  # read, and no performance report: listed with the skipped
    n = sum(v for k, v in by.items() if k != "skipped")
    rows = sum(sum(r.counts.values()) for r in results)
    unmapped = sum(r.unmapped for r in results)
    skipped = f"; {by['skipped']} skipped (listed above)" if by["skipped"] else ""
    return (
        f"{n} reports: {by['added']} added, {by['replaced']} replaced, {by['unchanged']} unchanged, "
        f"{by['duplicate']} duplicate, {by['failed']} failed; {rows} rows, {unmapped} unmapped -> {db}{skipped}"
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    db: Annotated[Path, typer.Option(help="DuckDB file to write (created when missing)")] = Path("lakip.duckdb"),
    force: Annotated[bool, typer.Option(help="re-extract files already stored")] = False,
    workers: Annotated[int, typer.Option(help="extraction processes (default: all cores)")] = WorkSettings().workers,
    timeout: Annotated[float, typer.Option(help="seconds allowed per file")] = WorkSettings().timeout_s,
    memory_mb: Annotated[int, typer.Option(help="memory cap per worker, MB")] = WorkSettings().memory_mb,
    scheduler: Annotated[
        str | None, typer.Option(help="run the tasks on Dask: `local` (a LocalCluster of --workers) or tcp://HOST:8786")
    ] = None,
    parquet: Annotated[str | None, typer.Option(help="with --scheduler: folder or fsspec URL for the results (default DB.parquet)")] = None,
    batch: Annotated[int, typer.Option(help="with --scheduler: files per Dask task")] = 8,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Ingest reports (files or folders) into DuckDB; one line per report and a total. With
    --scheduler the files are read on a Dask cluster, each result lands as Parquet, then in DuckDB.

    Exit status: 0 every file stored or already stored; 1 some file failed (the count is in the
    last line, the reasons in the table ingest_errors); 2 the run could not start, or had to stop
    (the database cannot be written: in use, disk full); 130/143 stopped by Ctrl-C / SIGTERM."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(highlight=False)
    found = discover(paths)
    total = len(found.files) + len(found.skipped)
    show_bar = console.is_terminal and total > 3
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console)
    task = progress.add_task("ingest", total=total)
    results: list[FileResult] = []

    def report(r: FileResult) -> None:
        results.append(r)
        if r.error != NOT_A_REPORT:  # those are counted on one line
            (progress.console if show_bar else console).print(_line(r), markup=False, soft_wrap=True, highlight=False)
        progress.advance(task)

    def stop_bar() -> None:
        if show_bar:
            progress.stop()

    def body() -> None:
        settings = WorkSettings(workers=workers, timeout_s=timeout, memory_mb=memory_mb)
        say = progress.console.print if show_bar else console.print
        runner = _cluster_runner(scheduler, parquet or f"{db}.parquet", batch, settings, force, say) if scheduler else None
        try:
            if show_bar:
                progress.start()
            ingest_paths(found, db, force=force, on_result=report, settings=settings, runner=runner)
        except Interrupted as e:
            stop_bar()
            _close(results, db)
            how = "Ctrl-C" if e.signum == signal.SIGINT else signal.Signals(e.signum).name
            typer.echo(
                f"lakip: stopped by {how}: the reports listed are stored; the rest were not (run the same command to resume)", err=True
            )
            raise typer.Exit(128 + e.signum) from None
        except LakipError:
            stop_bar()
            if results:
                _close(results, db)
            raise
        finally:
            stop_bar()

    _guarded(debug, body)
    _close(results, db)
    raise typer.Exit(1 if any(r.status == "failed" for r in results) else 0)


def _cluster_runner(
    scheduler: str, out: str, batch: int, settings: WorkSettings, force: bool, say: Callable[..., None]
) -> Any:  # a pipeline.Runner (lakip.cluster imports dask: only when asked for)
    from lakip import cluster

    cs = cluster.ClusterSettings(scheduler, out, batch=batch, local_workers=settings.workers)
    return cluster.runner(cs, settings, force, lambda line: say(line, markup=False, highlight=False, soft_wrap=True))


@app.command()
def load(
    parquet: Annotated[str, typer.Argument(help="folder (or fsspec URL) of results written by `lakip ingest --scheduler`")],
    db: Annotated[Path, typer.Option(help="DuckDB file to write (created when missing)")] = Path("lakip.duckdb"),
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Merge Parquet results into DuckDB: each report with its findings in one transaction, each
    failure an ingest_errors row; reports already stored are unchanged. Exit status as for ingest."""
    from lakip import results

    found: list[FileResult] = []

    def report(r: FileResult) -> None:
        found.append(r)
        typer.echo(_line(r))

    try:
        _guarded(debug, lambda: results.load(parquet, str(db), on_result=report))
    except Interrupted as e:
        _close(found, db)
        raise typer.Exit(128 + e.signum) from None
    _close(found, db)
    raise typer.Exit(1 if any(r.status == "failed" for r in found) else 0)


def _select(con: Any, selector: str | None) -> list[tuple[str, str]]:
    """Reports matching a report_id prefix, a file name or a satker substring (all when None)."""
    rows = con.execute("SELECT report_id, source_path, coalesce(satker, '') FROM reports ORDER BY satker, source_path").fetchall()
    if selector:
        s = selector.lower()
        rows = [r for r in rows if r[0].startswith(s) or Path(r[1]).name.lower() == s or r[1] == selector or s in r[2].lower()]
    return [(r[0], r[1]) for r in rows]


def _printout_stems(con: Any) -> dict[str, str]:
    """report_id -> printout file stem: the file's stem, with the report id when another stored
    report has the same stem (two `laporan.pdf` in different folders never overwrite each other)."""
    rows = con.execute("SELECT report_id, source_path FROM reports").fetchall()
    stems = Counter(Path(p).stem for _, p in rows)
    return {rid: Path(p).stem if stems[Path(p).stem] == 1 else f"{Path(p).stem}.{rid[:8]}" for rid, p in rows}


@app.command()
def audit(
    report: Annotated[str | None, typer.Argument(help="report_id prefix, file name or part of the satker name; all when omitted")] = None,
    db: Annotated[Path, typer.Option(help=DB_HELP)] = Path("lakip.duckdb"),
    format: Annotated[str, typer.Option("--format", help="text, html, pdf or json")] = "text",
    out: Annotated[Path | None, typer.Option(help="folder for one printout per report (default: text to stdout)")] = None,
    rerun: Annotated[bool, typer.Option(help="run the checks again and store their findings (needs write access)")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Print the consistency audit of stored reports (read-only). Exit status 1 when a report has errors."""
    from lakip.review import bad_option

    if format not in ("text", "html", "pdf", "json"):
        _guarded(debug, lambda: bad_option(f"--format {format}", "unknown format", "use text, html, pdf or json"))
    if format == "pdf" and out is None:
        _guarded(debug, lambda: bad_option("--format pdf", "a PDF needs a folder to go in", "add --out DIR"))
    any_error = _guarded(debug, lambda: _audit(report, db, format, out, rerun))
    raise typer.Exit(1 if any_error else 0)


def _audit(report: str | None, db: Path, format: str, out: Path | None, rerun: bool) -> bool:
    import store
    from reports import audit as run_audit
    from reports.printout import SEVERITY_ID, load_printout, to_html, to_json, to_text
    from reports.render import html_to_pdf

    if not Path(db).is_file():  # --rerun writes, but only into a database that is there
        raise store.StoreError(str(db), "no database here", "check --db, or create one with `lakip ingest FILES --db FILE`")
    con = store.connect(db, read_only=not rerun)
    try:
        chosen = _select(con, report)
        if not chosen:
            raise LakipError(str(db), f"no report matches {report!r}", "give a report_id prefix, a file name or part of the satker name")
        stems = _printout_stems(con)
        with_errors = 0
        for rid, _path in chosen:
            audited = con.execute("SELECT audited_at IS NOT NULL FROM reports WHERE report_id = ?", [rid]).fetchone()
            fresh = run_audit(con, rid) if rerun else None if audited and audited[0] else run_audit(con, rid, save=False)
            p = load_printout(con, rid, fresh)
            with_errors += p.counts.get("error", 0) > 0
            text = {"text": to_text, "json": to_json}.get(format, to_html)(p)
            if out is None:
                typer.echo(text)
                continue
            out.mkdir(parents=True, exist_ok=True)
            stem = f"{stems[rid]}.audit"
            target = out / f"{stem}.{ {'text': 'txt', 'json': 'json'}.get(format, 'html') }"
            target.write_text(text, encoding="utf-8")
            if format == "pdf":
                target = html_to_pdf(target, out / f"{stem}.pdf")
            counts = "/".join(str(p.counts.get(s, 0)) for s in SEVERITY_ID)
            typer.echo(f"{target}  (temuan {'/'.join(SEVERITY_ID.values()).lower()}: {counts})")
        if out is not None:
            typer.echo(f"{len(chosen)} printouts in {out}; {with_errors} of the reports have errors (Kesalahan)")
        return with_errors > 0
    finally:
        con.close()


@app.command()
def compare(
    db: Annotated[Path, typer.Option(help=DB_HELP)] = Path("lakip.duckdb"),
    out: Annotated[Path, typer.Option(help="folder for the comparison page and exports")] = Path("out/compare"),
    formats: Annotated[str, typer.Option(help="exports, comma-separated: csv, parquet, xlsx")] = "csv,parquet,xlsx",
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Write the cross-satker comparison: an HTML page (charts, filters, a table) and the views as files."""

    def body() -> list[Path]:
        import store
        from reports.compare import compare_html, export

        con = store.connect(db, read_only=True)
        try:
            files = export(con, out, tuple(f.strip() for f in formats.split(",") if f.strip()))
            page = out / "comparison.html"
            page.write_text(compare_html(con), encoding="utf-8")
            return [page, *files]
        finally:
            con.close()

    for f in _guarded(debug, body):
        typer.echo(str(f))


@app.command()
def review(
    db: Annotated[Path, typer.Option(help=DB_HELP)] = Path("lakip.duckdb"),
    csv_out: Annotated[Path | None, typer.Option("--csv", help="also write the list as CSV, with an empty `decision` column")] = None,
    accept: Annotated[Path | None, typer.Option(help="CSV whose `decision` column holds the accepted indicator ids")] = None,
    catalogue: Annotated[Path | None, typer.Option(help="catalogue folder (default corpus/catalogue)")] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """List unmapped and low-margin indicator wordings with their top-3 candidates; or accept decisions."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    import store
    from lakip import review as rv

    if accept is not None:
        n, aliases = _guarded(debug, lambda: rv.accept_file(accept, catalogue))
        typer.echo(f"{n} new aliases in {aliases}; run `lakip renormalize`")
        return

    def body() -> list[rv.Item]:
        con = store.connect(db, read_only=True)
        try:
            return rv.items(con, rv.catalogue(catalogue))
        finally:
            con.close()

    found = _guarded(debug, body)
    table = Table("times", "wording", "now", "score/margin", "candidates", show_lines=True)
    for i in found:
        table.add_row(
            str(i.times),
            escape(i.indicator_raw),
            i.current_id or "-",
            f"{i.score:g}/{i.margin:g}",
            escape(i.candidates.replace("; ", "\n")),
        )
    Console(width=160).print(table)
    if csv_out:
        _guarded(debug, lambda: rv.write_csv(csv_out, found))
        typer.echo(f"{len(found)} wordings -> {csv_out} (fill `decision`, then `lakip review --accept {csv_out}`)")


@app.command()
def renormalize(
    db: Annotated[Path, typer.Option(help=DB_HELP)] = Path("lakip.duckdb"),
    catalogue: Annotated[Path | None, typer.Option(help="catalogue folder (default corpus/catalogue)")] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Re-map stored rows to the current catalogue (no re-extraction) and re-run the audit."""
    from lakip import review as rv

    changed = _guarded(debug, lambda: rv.apply(db, catalogue))
    typer.echo(f"{changed} rows changed indicator id")


@app.command()
def inspect(
    path: Annotated[Path, typer.Argument(help="a report file (PDF, scan or text export)")],
    page: Annotated[list[int] | None, typer.Option(help="only the tables on this PDF page (repeatable)")] = None,
    out: Annotated[Path | None, typer.Option(help="folder for page images with tables, cells and roles drawn")] = Path("out/inspect"),
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Show what the reader saw: each table's columns and their roles, its rows, and (PDFs) the page
    images with the table, its rows and its cells drawn in their role's colour."""
    import extract
    from extract.inspect import inspect as look

    def body() -> tuple[str, tuple[Path, ...]]:
        found = look(extract.read_document(path), set(page) if page else None, out)
        return found.text, found.images

    text, images = _guarded(debug, body)
    typer.echo(text)
    if images:
        typer.echo(f"\n{len(images)} page images in {images[0].parent}: " + ", ".join(p.name for p in images))


@app.command("eval-mapping")
def eval_mapping() -> None:
    """Accuracy of the indicator mapping on the labelled wordings; exit 1 below target (95% correct, 0 wrong)."""
    from normalize.evaluate import evaluate, summary

    outcomes = evaluate()
    typer.echo(summary(outcomes))
    correct = sum(o.verdict == "correct" for o in outcomes) / len(outcomes)
    wrong = sum(o.verdict == "wrong" for o in outcomes)
    raise typer.Exit(0 if correct >= 0.95 and wrong == 0 else 1)


def _stop_early(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def main() -> None:
    # Ctrl-C / SIGTERM before a batch installs its own handling: stop with the same status, no traceback
    for s in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(s) is not signal.SIG_IGN:  # ignored by who started us (nohup, `cmd &`): stays so
            signal.signal(s, _stop_early)
    try:
        app(prog_name="lakip")
    except Interrupted as e:
        typer.echo(f"lakip: stopped by {signal.Signals(e.signum).name} before anything was stored", err=True)
        raise SystemExit(128 + e.signum) from None


if __name__ == "__main__":
    main()
