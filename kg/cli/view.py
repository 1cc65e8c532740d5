"""``kg view``: write the explorer page of a graph file, a `kg build` output folder or a store folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Page to write (default: graph.html in the output or store folder, or next to the graph file; "
                   "view.html with --focus).")
@click.option("--focus", default=None, metavar="NAME", help="Only the entities around NAME (a name or alias).")
@click.option("--hops", default=2, show_default=True, type=click.IntRange(0, 20),
              help="How many relations away from --focus to go.")
@click.option("--title", default=None, help="Page title (default: the graph file's name).")
@click.option("--initial", default=None, type=click.IntRange(1), metavar="N",
              help="Entities drawn when the page opens (the most central; default 400). The rest are searchable.")
def view(graph: Path, out: Path | None, focus: str | None, hops: int, title: str | None,
         initial: int | None) -> None:
    """Write the interactive HTML explorer of GRAPH: one offline file (open it in a browser or `kg serve` it)."""
    from kg.store.oxigraph import is_store
    from kg.viz import explorer
    from .checks import load_rdflib, require_file

    store = is_store(graph)
    folder = graph if graph.is_dir() else graph.parent  # a store folder's page is the one `kg serve` shows at /
    target = out or folder / ("view.html" if focus else "graph.html")
    if graph.exists():
        require_file(target)
    if store:  # read by SPARQL in the store itself, once per version of the store
        from kg.analysis.storeview import entity_graph

        try:
            g = entity_graph(graph)
        except OSError as exc:
            click.echo(f"error: {graph}: cannot open the store: {exc}", err=True)
            sys.exit(2)
    else:
        g = load_rdflib(graph)
    options = {"title": title or (graph.name if graph.is_file() else f"{graph.name}/graph.ttl"),
               "focus": focus, "hops": hops}
    if initial:
        options["initial_nodes"] = initial
    try:
        path = explorer.write(g, target, **options)
    except explorer.FocusError as exc:
        click.echo(f"error: {graph}: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:
        click.echo(f"error: cannot write {target}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    click.echo(f"wrote {path}")
