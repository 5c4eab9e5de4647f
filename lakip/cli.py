"""The `lakip` command. Errors print as one line (file, reason, fix); `--debug` shows the traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extract.model import MEASURED_KINDS
from lakip.pipeline import FileResult, discover, ingest_paths
from lakip.workers import WorkSettings

app = typer.Typer(add_completion=False, no_args_is_help=True, help="LAKIP reports of KPU satker -> DuckDB, and their audit.")


@app.callback()
def _main() -> None:
    """lakip: extract, normalise and store LAKIP performance tables."""


def _line(r: FileResult) -> str:
    name = Path(r.path).name
    if r.status == "failed":
        return f"✗ {name}: {r.error}"
    if r.status == "duplicate":
        return f"= {name}: {r.note} [duplicate, skipped]"
    # (rows read from sentences, `narasi`, are named only where a report has them)
    kinds = " · ".join(f"{k} {r.counts.get(k, 0)}" for k in MEASURED_KINDS if k != "narasi" or r.counts.get(k))
    audit = "/".join(str(r.findings.get(s, 0)) for s in ("error", "warning", "info"))
    note = f" ({r.note})" if r.note else ""
    return (
        f"✓ {name}: {r.satker or '(satker?)'} {r.year or '(tahun?)'} — {kinds} — unmapped {r.unmapped} — temuan {audit} [{r.status}]{note}"
    )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    db: Annotated[Path, typer.Option(help="DuckDB file to write")] = Path("lakip.duckdb"),
    force: Annotated[bool, typer.Option(help="re-extract files already stored")] = False,
    workers: Annotated[int, typer.Option(help="extraction processes (default: all cores)")] = WorkSettings().workers,
    timeout: Annotated[float, typer.Option(help="seconds allowed per file")] = WorkSettings().timeout_s,
    memory_mb: Annotated[int, typer.Option(help="memory cap per worker, MB")] = WorkSettings().memory_mb,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Ingest reports (files or folders) into DuckDB; one line per report and a total.

    Exit status: 0 every file stored or already stored; 1 some file failed (the count is in the
    last line, the reasons in the table ingest_errors); 2 the run could not start."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(highlight=False)
    files = discover(paths)
    show_bar = console.is_terminal and len(files) > 3
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console)
    task = progress.add_task("ingest", total=len(files))

    def report(r: FileResult) -> None:
        (progress.console if show_bar else console).print(_line(r), markup=False, soft_wrap=True)
        progress.advance(task)

    try:
        settings = WorkSettings(workers=workers, timeout_s=timeout, memory_mb=memory_mb)
        if show_bar:
            progress.start()
        results = ingest_paths(files, db, force=force, on_result=report, settings=settings)
    except Exception as e:
        if debug:
            raise
        typer.echo(f"lakip: {e}", err=True)
        raise typer.Exit(2) from None
    finally:
        if show_bar:
            progress.stop()
    failed = sum(1 for r in results if r.status == "failed")
    rows = sum(sum(r.counts.values()) for r in results)
    unmapped = sum(r.unmapped for r in results)
    by = {s: sum(1 for r in results if r.status == s) for s in ("added", "replaced", "unchanged", "duplicate")}
    typer.echo(
        f"{len(results)} reports: {by['added']} added, {by['replaced']} replaced, {by['unchanged']} unchanged, "
        f"{by['duplicate']} duplicate, {failed} failed; {rows} rows, {unmapped} unmapped -> {db}"
    )
    if not results:
        typer.echo("lakip: no report files found (give .txt/.md/.pdf files or folders holding them)", err=True)
        raise typer.Exit(2)
    raise typer.Exit(1 if failed else 0)


def _select(con: object, selector: str | None) -> list[tuple[str, str]]:
    """Reports matching a report_id prefix, a file name or a satker substring (all when None)."""
    rows = con.execute("SELECT report_id, source_path, coalesce(satker, '') FROM reports ORDER BY satker, source_path").fetchall()  # type: ignore[attr-defined]
    if selector:
        s = selector.lower()
        rows = [r for r in rows if r[0].startswith(s) or Path(r[1]).name.lower() == s or r[1] == selector or s in r[2].lower()]
    return [(r[0], r[1]) for r in rows]


@app.command()
def audit(
    report: Annotated[str | None, typer.Argument(help="report_id prefix, file name or part of the satker name; all when omitted")] = None,
    db: Annotated[Path, typer.Option(help="DuckDB file")] = Path("lakip.duckdb"),
    format: Annotated[str, typer.Option("--format", help="text, html, pdf or json")] = "text",
    out: Annotated[Path | None, typer.Option(help="folder for one printout per report (default: text to stdout)")] = None,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Re-run the consistency audit and print it. Exit status 1 when a report has errors."""
    import store
    from reports import audit as run_audit
    from reports.printout import load_printout, to_html, to_json, to_text
    from reports.render import html_to_pdf

    if format not in ("text", "html", "pdf", "json"):
        typer.echo(f"lakip: --format {format!r} unknown (use text, html, pdf or json)", err=True)
        raise typer.Exit(2)
    if format == "pdf" and out is None:
        typer.echo("lakip: --format pdf needs --out DIR", err=True)
        raise typer.Exit(2)
    try:
        if not db.exists():
            raise FileNotFoundError(f"{db}: no database here (run `lakip ingest` first)")
        con = store.connect(db)
        chosen = _select(con, report)
        if not chosen:
            raise LookupError(f"{db}: no report matches {report!r} (give a report_id prefix, a file name or part of the satker name)")
        any_error = False
        for rid, path in chosen:
            run_audit(con, rid)
            p = load_printout(con, rid)
            any_error |= p.counts.get("error", 0) > 0
            text = {"text": to_text, "json": to_json}.get(format, to_html)(p)
            if out is None:
                typer.echo(text)
                continue
            out.mkdir(parents=True, exist_ok=True)
            stem = f"{Path(path).stem}.audit"
            target = out / f"{stem}.{ {'text': 'txt', 'json': 'json'}.get(format, 'html') }"
            target.write_text(text, encoding="utf-8")
            if format == "pdf":
                target = html_to_pdf(target, out / f"{stem}.pdf")
            counts = "/".join(str(p.counts.get(s, 0)) for s in ("error", "warning", "info"))
            typer.echo(f"{target}  (temuan galat/peringatan/info: {counts})")
        con.close()
    except Exception as e:
        if debug:
            raise
        typer.echo(f"lakip: {e}", err=True)
        raise typer.Exit(2) from None
    raise typer.Exit(1 if any_error else 0)


@app.command()
def compare(
    db: Annotated[Path, typer.Option(help="DuckDB file")] = Path("lakip.duckdb"),
    out: Annotated[Path, typer.Option(help="folder for the comparison page and exports")] = Path("out/compare"),
    formats: Annotated[str, typer.Option(help="exports, comma-separated: csv, parquet, xlsx")] = "csv,parquet,xlsx",
) -> None:
    """Write the cross-satker comparison: an HTML page with a chart per indicator, and the views as files."""
    import store
    from reports.compare import compare_html, export

    try:
        con = store.connect(db)
        files = export(con, out, tuple(f.strip() for f in formats.split(",") if f.strip()))
        page = out / "comparison.html"
        page.write_text(compare_html(con), encoding="utf-8")
        con.close()
    except Exception as e:
        typer.echo(f"lakip: {e}", err=True)
        raise typer.Exit(2) from None
    for f in [page, *files]:
        typer.echo(str(f))


@app.command()
def review(
    db: Annotated[Path, typer.Option(help="DuckDB file")] = Path("lakip.duckdb"),
    csv_out: Annotated[Path | None, typer.Option("--csv", help="also write the list as CSV, with an empty `decision` column")] = None,
    accept: Annotated[Path | None, typer.Option(help="CSV whose `decision` column holds the accepted indicator ids")] = None,
    catalogue: Annotated[Path | None, typer.Option(help="catalogue folder (default corpus/catalogue)")] = None,
) -> None:
    """List unmapped and low-margin indicator wordings with their top-3 candidates; or accept decisions."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    import normalize
    import store
    from lakip import review as rv

    if accept is not None:
        n = rv.accept(rv.read_decisions(accept), catalogue)
        typer.echo(f"{n} new aliases in {(catalogue or normalize.catalogue.DEFAULT_DIR) / 'aliases.csv'}; run `lakip renormalize`")
        return
    con = store.connect(db)
    found = rv.items(con, normalize.load_catalogue(catalogue))
    con.close()
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
        rv.write_csv(csv_out, found)
        typer.echo(f"{len(found)} wordings -> {csv_out} (fill `decision`, then `lakip review --accept {csv_out}`)")


@app.command()
def renormalize(
    db: Annotated[Path, typer.Option(help="DuckDB file")] = Path("lakip.duckdb"),
    catalogue: Annotated[Path | None, typer.Option(help="catalogue folder (default corpus/catalogue)")] = None,
) -> None:
    """Re-map stored rows to the current catalogue (no re-extraction) and re-run the audit."""
    from lakip import review as rv

    changed = rv.apply(db, catalogue)
    typer.echo(f"{changed} rows changed indicator id")


@app.command("eval-mapping")
def eval_mapping() -> None:
    """Accuracy of the indicator mapping on the labelled wordings; exit 1 below target (95% correct, 0 wrong)."""
    from normalize.evaluate import evaluate, summary

    outcomes = evaluate()
    typer.echo(summary(outcomes))
    correct = sum(o.verdict == "correct" for o in outcomes) / len(outcomes)
    wrong = sum(o.verdict == "wrong" for o in outcomes)
    raise typer.Exit(0 if correct >= 0.95 and wrong == 0 else 1)


def main() -> None:
    app(prog_name="lakip")


if __name__ == "__main__":
    main()
