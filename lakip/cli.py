"""The `lakip` command. Errors print as one line (file, reason, fix); `--debug` shows the traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extract.model import MEASURED_KINDS
from lakip.pipeline import FileResult, ingest_paths

app = typer.Typer(add_completion=False, no_args_is_help=True, help="LAKIP reports of KPU satker -> DuckDB, and their audit.")


@app.callback()
def _main() -> None:
    """lakip: extract, normalise and store LAKIP performance tables."""


def _line(r: FileResult) -> str:
    name = Path(r.path).name
    if r.status == "failed":
        return f"✗ {name}: {r.error}"
    kinds = " · ".join(f"{k} {r.counts.get(k, 0)}" for k in MEASURED_KINDS)
    audit = "/".join(str(r.findings.get(s, 0)) for s in ("error", "warning", "info"))
    return f"✓ {name}: {r.satker or '(satker?)'} {r.year or '(tahun?)'} — {kinds} — unmapped {r.unmapped} — temuan {audit} [{r.status}]"


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="report files or folders")],
    db: Annotated[Path, typer.Option(help="DuckDB file to write")] = Path("lakip.duckdb"),
    force: Annotated[bool, typer.Option(help="re-extract files already stored")] = False,
    debug: Annotated[bool, typer.Option(help="show tracebacks")] = False,
) -> None:
    """Ingest reports (files or folders) into DuckDB; one line per report and a total."""
    try:
        results = ingest_paths(paths, db, force=force, on_result=lambda r: typer.echo(_line(r)))
    except Exception as e:
        if debug:
            raise
        typer.echo(f"lakip: {e}", err=True)
        raise typer.Exit(2) from None
    failed = sum(1 for r in results if r.status == "failed")
    rows = sum(sum(r.counts.values()) for r in results)
    unmapped = sum(r.unmapped for r in results)
    by = {s: sum(1 for r in results if r.status == s) for s in ("added", "replaced", "unchanged")}
    typer.echo(
        f"{len(results)} reports: {by['added']} added, {by['replaced']} replaced, {by['unchanged']} unchanged, "
        f"{failed} failed; {rows} rows, {unmapped} unmapped -> {db}"
    )
    if not results:
        typer.echo("lakip: no report files found (give .txt/.md files or folders holding them)", err=True)
        raise typer.Exit(2)
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    app(prog_name="lakip")


if __name__ == "__main__":
    main()
