"""The ``kg`` command: a thin layer over :mod:`kg.pipeline` and :mod:`kg.query`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """kg: an offline knowledge-graph builder for Chinese news."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for graph.ttl and graph.html.")
@click.option("--base", default=None, help="Base IRI of the instance data (default https://w3id.org/kgnews/id/).")
@click.option("-q", "--quiet", is_flag=True, help="Print warnings only, no summary.")
def build(paths: tuple[Path, ...], out: Path, base: str | None, quiet: bool) -> None:
    """Build the knowledge graph of PATHS (.txt and .jsonl files or folders; default: the bundled sample page)."""
    from . import pipeline
    from .graph import DEFAULT_BASE
    from .resources import sample_page

    base = base or DEFAULT_BASE
    if not base.isascii() or any(c.isspace() for c in base) or not base.endswith(("/", "#")):
        raise click.BadParameter("the base IRI must be ASCII, without spaces, ending in / or #", param_hint="--base")
    result = pipeline.run(list(paths) or [sample_page()], base=base)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not result.articles:
        click.echo("error: nothing could be read from the input; no graph written", err=True)
        sys.exit(1)
    written = pipeline.write_outputs(result, out)
    if not quiet:
        click.echo(pipeline.summary(result))
        for path in written:
            click.echo(f"wrote      {path}")


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(graph: Path, sparql: str | None, file: Path | None, fmt: str) -> None:
    """Run a SPARQL query on GRAPH (a graph file or a `kg build` output folder)."""
    from .query import QueryError, format_result, load, run

    if (sparql is None) == (file is None):
        raise click.UsageError("give either a SPARQL string or -f FILE.rq")
    text = file.read_text(encoding="utf-8") if file else sparql
    try:
        click.echo(format_result(run(load(graph), text), fmt))
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":  # pragma: no cover
    main()
