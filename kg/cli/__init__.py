"""The ``kg`` command: a thin layer over :mod:`kg.pipeline` and :mod:`kg.store.query`."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import click

from kg import __version__
from kg.components import COMPONENTS


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
@click.option("-v", "--verbose", count=True, help="Show diagnostics on stderr (-vv: debug detail).")
@click.option("-q", "--quiet", is_flag=True, help="Show errors only among the diagnostics.")
def main(verbose: int, quiet: bool) -> None:
    """kg: an offline knowledge-graph builder for Chinese news."""
    from kg.util.logs import configure

    configure(verbose, quiet)


VALIDATE_LIMIT = 200  # articles; larger builds skip the SHACL check unless --validate asks for it


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out", default="output", show_default=True, type=click.Path(path_type=Path),
              help="Folder for graph.ttl, graph.trig, graph.nq and graph.html.")
@click.option("--base", default=None, help="Base IRI of the instance data (default https://w3id.org/kgnews/id/).")
@click.option("-q", "--quiet", is_flag=True, help="Print warnings only, no summary.")
@click.option("-v", "--verbose", is_flag=True, help="Also print the seconds of every stage.")
@click.option("--store", "store", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Also write into this persistent Oxigraph store (incremental: a re-build replaces its articles).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes for the per-document stages (default: all cores). The output is the same for any number.")
@click.option("--dask", "dask", default=None, metavar="ADDRESS",
              help="Run the per-document stages on this Dask scheduler (tcp://host:8786); needs `pip install 'kg[dask]'`.")
@click.option("--validate/--no-validate", "validate", default=None,
              help=f"SHACL check of the graph (default: on up to {VALIDATE_LIMIT} articles when pyshacl is installed).")
@click.option("--disable", "disable", multiple=True, metavar="NAME",
              help="Leave out a per-article component (repeatable): "
                   + ", ".join(c.name for c in COMPONENTS if not c.required) + " (see kg/components.py).")
def build(paths: tuple[Path, ...], out: Path, base: str | None, quiet: bool, verbose: bool, store: Path | None,
          jobs: int | None, dask: str | None, validate: bool | None, disable: tuple[str, ...]) -> None:
    """Build the knowledge graph of PATHS (.txt and .jsonl files or folders; default: the bundled sample page)."""
    from kg import pipeline
    from kg.rdf import validate as shacl
    from kg.analyse import default_jobs
    from kg.rdf.build import DEFAULT_BASE
    from kg.util import progress
    from kg.util.resources import sample_page

    timer = pipeline.Timer()
    base = base or DEFAULT_BASE
    if not base.isascii() or any(c.isspace() for c in base) or not base.endswith(("/", "#")):
        raise click.BadParameter("the base IRI must be ASCII, without spaces, ending in / or #", param_hint="--base")
    from .checks import require_folder

    require_folder(out)  # before the pipeline runs, not after
    from kg import components

    try:
        components.check(disable)
    except components.UnknownComponent as exc:
        click.echo(f"error: --disable: {exc}", err=True)
        sys.exit(2)
    if validate and not shacl.available():
        raise click.UsageError("--validate needs pyshacl (pip install 'kg[validate]')")
    tallied: str | None = None
    if store is not None:
        from kg.analysis.counts import version

        tallied = version(store)  # the kg stats tally the build keeps up to date (read before the store is opened)
        _check_store(store)
    if dask is not None:
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise click.UsageError("--dask needs dask.distributed (pip install 'kg[dask]')")
    try:  # the outputs open before the build: what extraction finds is streamed into them while linking runs
        outputs = pipeline.Outputs(out, store, tallied, base)
    except OSError as exc:  # e.g. the store is open in a running `kg serve --allow-update`
        click.echo(f"error: cannot write {store if store is not None else out}: {' '.join(str(exc).split())}",
                   err=True)
        sys.exit(1)
    with outputs:
        try:
            result = pipeline.run(list(paths) or [sample_page()], base=base, timer=timer,
                                  jobs=jobs or default_jobs(), dask=dask, disable=disable,
                                  progress=functools.partial(progress.bar, quiet=quiet or _quiet()), early=outputs)
        except OSError as exc:  # the scheduler cannot be reached
            click.echo(f"error: cannot use the Dask scheduler {dask}: {' '.join(str(exc).split())}", err=True)
            sys.exit(1)
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
        if not result.articles:
            click.echo("error: nothing could be read from the input; no graph written", err=True)
            sys.exit(1)
        if validate is None:
            validate = shacl.available() and len(result.articles) <= VALIDATE_LIMIT
        try:  # without a SHACL check nothing but the summary needs the build once written: it is let go of on the way
            written = outputs.finish(result, release=not validate)
        except OSError as exc:  # e.g. the store is open in a running `kg serve --allow-update`
            click.echo(f"error: cannot write {store if store is not None else out}: {' '.join(str(exc).split())}",
                       err=True)
            sys.exit(1)
    if validate:  # the SHACL shapes of the public contract: count and first few violations
        report = shacl.validate(result.graph)
        timer("validate")
        if not report.conforms or not quiet:
            click.echo(report.format(), err=not report.conforms)
    if not quiet:
        click.echo(pipeline.summary(result, verbose=verbose))
        for path in written:
            click.echo(f"wrote      {path}")


def _quiet() -> bool:
    """True when the group's -q (``kg -q build``) asked for quiet output."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    return bool(root and root.params.get("quiet"))


def _check_store(store: Path) -> None:
    """Fail before the build, in one line, when the store cannot be opened for writing."""
    from kg.store import oxigraph as stores

    try:
        stores.check_writable(store)
    except OSError as exc:
        click.echo(f"error: cannot write the store {store}: {' '.join(str(exc).split())}", err=True)
        sys.exit(1)


@main.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("sparql", required=False)
@click.option("-f", "--file", "file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to a literal (VALUE, VALUE@zh) or an IRI (<...>); repeatable.")
def query(graph: Path, sparql: str | None, file: Path | None, fmt: str, params: tuple[str, ...]) -> None:
    """Run a SPARQL query on GRAPH (a graph file, a `kg build` output folder or a --store folder).

    SPARQL is a query text or the name of a saved query in queries/ (e.g. people-posts)."""
    import re

    from kg.store.query import QueryError, format_result, load, parse_param, run, saved_query

    if (sparql is None) == (file is None):
        raise click.UsageError("give either a SPARQL string, a saved query name or -f FILE.rq")
    try:
        if sparql is not None and re.fullmatch(r"[\w.-]+", sparql):
            file = saved_query(sparql.removesuffix(".rq"))
        text = file.read_text(encoding="utf-8") if file else sparql or ""
        bound = dict(parse_param(p) for p in params)
        click.echo(format_result(run(load(graph), text, bound), fmt))
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


from . import analysis as cli_analysis  # noqa: E402  (analysis commands: stats, central, communities, path, timeline)

for _command in cli_analysis.COMMANDS:
    main.add_command(_command)

from .view import view as _view  # noqa: E402

main.add_command(_view)

from .graph import COMMANDS as _graph_commands  # noqa: E402  (validate, remove)

for _command in _graph_commands:
    main.add_command(_command)

from .eval import eval_command as _eval  # noqa: E402

main.add_command(_eval)

from .audit import audit as _audit  # noqa: E402

main.add_command(_audit)

from . import store as cli_store  # noqa: E402  (serve, export, push)

main.add_command(cli_store.serve)
main.add_command(cli_store.export)
main.add_command(cli_store.push)


if __name__ == "__main__":  # pragma: no cover
    main()
