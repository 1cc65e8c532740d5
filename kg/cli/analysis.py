"""``kg stats|central|communities|path|timeline``: thin click commands over :mod:`kg.analysis.questions` and :mod:`kg.analysis.plots`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

__all__ = ["COMMANDS", "stats", "central", "communities", "path", "timeline"]

_graph_arg = click.argument("graph", type=click.Path(path_type=Path))
_json_opt = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _load(graph: Path, network: bool = False, collapsed: bool = False):
    """The graph file or output folder as an rdflib Graph; a store folder as its Oxigraph store (the analysis reads
    either by SPARQL), or, with ``network``, as its cached networkx projection (with ``collapsed``, that projection's
    cached :class:`kg.analysis.netx.Collapsed`)."""
    from kg.store.query import QueryError, load

    try:
        g = load(graph)
    except QueryError as exc:
        _fail(exc)
    if type(g).__module__.startswith("pyoxigraph"):
        from kg.analysis import storeview

        if collapsed:
            return storeview.collapsed(graph, g)
        return storeview.network(graph, g) if network else g
    return g


def _beside(graph: Path) -> Path:
    """The folder plots go to by default: an output folder itself, else the folder holding the file or store."""
    from kg.store.oxigraph import is_store

    return graph if graph.is_dir() and not is_store(graph) else graph.resolve().parent


def _fail(exc: Exception, code: int = 2):
    click.echo(f"error: {exc}", err=True)
    sys.exit(code)


def _echo(data, text: str, as_json: bool) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2) if as_json else text)


@click.command()
@_graph_arg
@_json_opt
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1), help="Most-mentioned entities shown.")
@click.option("--plot", is_flag=True, help="Also write classes.png, mentions.png and regions.png (needs matplotlib).")
@click.option("-o", "--out", "out", default=None, type=click.Path(path_type=Path),
              help="Folder for the PNG files of --plot (default: next to the graph: the output folder, the graph "
                   "file's folder, or the store folder's parent).")
def stats(graph: Path, as_json: bool, top: int, plot: bool, out: Path | None) -> None:
    """Counts of GRAPH: articles, entities per class, relations per type, shared and most-mentioned entities,
    articles per date. GRAPH is a graph file, a `kg build` output folder or a store folder (`--store`); the
    entities and relations are those the explorer draws."""
    from kg.analysis.questions import format_stats
    from kg.analysis.questions import stats as graph_stats

    if plot and out is not None:
        from .checks import require_folder

        require_folder(out)
    g = _load(graph)
    if type(g).__module__.startswith("pyoxigraph"):  # a store: counted once per version of the store
        from kg.analysis.counts import cached

        s = cached(graph, g, top=top)
    else:
        s = graph_stats(g, top=top)
    _echo(s, "" if as_json else format_stats(s), as_json)
    if plot:
        import warnings

        from kg.analysis.plots import PlotError, write_plots

        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                written = write_plots(g, out if out is not None else _beside(graph))
        except PlotError as exc:
            _fail(exc)
        for w in (w for w in caught if issubclass(w.category, UserWarning)):
            click.echo(f"warning: {w.message}", err=True)
        for p in written:
            click.echo(f"wrote {p}", err=as_json)


@click.command()
@_graph_arg
@click.option("--class", "cls", default=None, help="Only entities of this class or its subclasses "
              "(e.g. Organization, Person, 企业).")
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=0, show_default=True, help="Seed for sampled betweenness on large graphs.")
@_json_opt
def central(graph: Path, cls: str | None, top: int, seed: int, as_json: bool) -> None:
    """The most central entities of GRAPH: PageRank, degree and betweenness on the entity graph (co-mentions
    weighted by shared articles, plus typed relations)."""
    from kg.analysis.questions import AnalysisError, format_central
    from kg.analysis.questions import central as rank

    g = _load(graph, collapsed=True)
    try:
        rows = rank(g, cls=cls, top=top, seed=seed)
    except AnalysisError as exc:
        _fail(exc)
    _echo(rows, format_central(rows), as_json)


@click.command()
@_graph_arg
@click.option("--top", default=5, show_default=True, type=click.IntRange(min=1), help="Members and articles shown.")
@click.option("--min-size", default=2, show_default=True, type=click.IntRange(min=1))
@click.option("--seed", default=0, show_default=True, help="Louvain seed (same seed, same communities).")
@_json_opt
def communities(graph: Path, top: int, min_size: int, seed: int, as_json: bool) -> None:
    """Louvain communities of GRAPH with their top members and the articles that bind them."""
    from kg.analysis.questions import communities as find_communities
    from kg.analysis.questions import format_communities

    found = find_communities(_load(graph, network=True), seed=seed, top=top, min_size=min_size)
    _echo(found, format_communities(found), as_json)


@click.command()
@_graph_arg
@click.argument("a")
@click.argument("b")
@_json_opt
def path(graph: Path, a: str, b: str, as_json: bool) -> None:
    """The shortest explained connection between entities A and B (names or aliases): each hop with its relation
    and the sentence that states it."""
    from kg.analysis.questions import AnalysisError, format_path
    from kg.analysis.questions import path as connect

    g = _load(graph, network=True)
    try:
        hops = connect(g, a, b)
    except AnalysisError as exc:
        _fail(exc, 1 if str(exc).startswith("no connection") else 2)
    _echo(hops, format_path(hops), as_json)


@click.command()
@_graph_arg
@click.argument("name")
@_json_opt
def timeline(graph: Path, name: str, as_json: bool) -> None:
    """What GRAPH says about NAME (a name or alias) by date: mentions, posts and initiatives."""
    from kg.analysis.questions import AnalysisError, format_timeline
    from kg.analysis.questions import timeline as entity_timeline

    g = _load(graph, network=True)
    try:
        t = entity_timeline(g, name)
    except AnalysisError as exc:
        _fail(exc)
    _echo(t, format_timeline(t), as_json)


COMMANDS = (stats, central, communities, path, timeline)
