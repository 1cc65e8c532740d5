"""The ``kg serve``, ``kg export`` and ``kg push`` commands: thin layers over kg.store.serve, kg.store.export, kg.store.push."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

__all__ = ["serve", "export", "push"]


def _load(path: Path):
    """GRAPH as an rdflib Graph: a graph file, an output folder, or a store folder (all its graphs merged)."""
    from kg.store.query import QueryError, load
    from kg.store.oxigraph import is_store, to_graph

    try:
        g = load(path)
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if is_store(path):
        return to_graph(g)
    if hasattr(g, "contexts"):  # TriG / N-Quads: the union of the named graphs
        from rdflib import Graph

        union = Graph()
        for prefix, ns in g.namespaces():
            union.bind(prefix, ns)
        for s, p, o, _ in g.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    return g


@click.command()
@click.argument("graph", default="output", type=click.Path(path_type=Path))
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--allow-update", is_flag=True, help="Accept SPARQL Update (a store folder is then opened for writing).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(0.1), help="Query time-out (s).")
@click.option("--max-rows", default=10_000, show_default=True, type=click.IntRange(1), help="Rows per result.")
@click.option("--memory", is_flag=True,
              help="Copy a store folder into memory first: slower to start, queries several times faster.")
@click.option("--allow-service", is_flag=True,
              help="Run SERVICE clauses and LOAD (the server then sends requests to any URL a client names).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Let browser pages of ORIGIN (e.g. http://localhost:8080, or *) read results; repeatable. "
                   "Off by default.")
@click.option("--workers", default=8, show_default=True, type=click.IntRange(2, 64),
              help="Query processes; half of them are kept for quick queries while slow ones run.")
def serve(graph: Path, port: int, host: str, allow_update: bool, timeout: float, max_rows: int,
          memory: bool, allow_service: bool, cors_origins: tuple[str, ...], workers: int) -> None:
    """Serve GRAPH (a graph file, output folder or store folder) as a SPARQL endpoint at /sparql, with the
    explorer at /."""
    from kg.store.query import QueryError
    from kg.store.serve import is_loopback, make_server
    from kg.viz import explorer

    if not is_loopback(host):
        click.echo(f"warning: listening on {host} makes the endpoint reachable from other machines; it has no "
                   "authentication" + (" and accepts updates" if allow_update else ""), err=True)
    try:
        server = make_server(graph, host, port, allow_update, timeout, max_rows, memory,
                             allow_service=allow_service, cors_origins=cors_origins, workers=workers,
                             render=explorer.render)
    except QueryError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except OSError as exc:
        click.echo(f"error: cannot serve on {host}:{port}: {exc.strerror or exc}", err=True)
        sys.exit(2)
    host_, port_ = server.server_address[:2]
    click.echo(f"SPARQL endpoint http://{host_}:{port_}/sparql  explorer http://{host_}:{port_}/  "
               f"({'read-write' if allow_update else 'read-only'}; Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@click.command()
@click.argument("graph", default="output", type=click.Path(path_type=Path))
@click.option("--format", "fmt", required=True,
              type=click.Choice(["turtle", "ntriples", "trig", "nquads", "jsonld", "rdfxml", "graphml", "gexf",
                                 "neo4j"]))
@click.option("-o", "--out", "out", type=click.Path(path_type=Path),
              help="Output file (a folder for neo4j); default: graph.<ext> beside GRAPH.")
def export(graph: Path, fmt: str, out: Path | None) -> None:
    """Export GRAPH as RDF (one named graph per article in TriG/N-Quads), GraphML/GEXF or Neo4j import CSVs."""
    from kg.store import export as ex

    g = _load(graph)
    named = None
    trig = (graph if graph.is_dir() else graph.parent) / "graph.trig"
    if fmt in ("trig", "nquads") and trig.is_file() and trig != graph and (graph.is_dir() or graph.name == "graph.ttl"):
        from rdflib import Dataset

        named = Dataset()  # the build's own named graphs (graph.trig beside graph.ttl)
        named.parse(trig, format="trig")
    if out is None:
        folder = graph if graph.is_dir() else graph.parent
        ext = ex.FORMATS[fmt][0]
        out = folder / ("neo4j" if fmt == "neo4j" else f"graph.{ext}")
    from .checks import require_file, require_folder

    (require_folder if fmt == "neo4j" else require_file)(out)
    for path in ex.export(g, fmt, out, named):
        click.echo(f"wrote {path}")


@click.command()
@click.argument("graph", default="output", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, help="Graph Store Protocol URL (e.g. http://127.0.0.1:7878/store) or "
                                                "a SPARQL Update URL.")
@click.option("--graph", "graph_iri", default=None, help="Target named graph IRI (default: the default graph).")
@click.option("--user", default=None, help="User for HTTP Basic authentication.")
@click.option("--password-env", default=None, metavar="VAR", help="Environment variable holding the password.")
@click.option("--batch", default=20_000, show_default=True, type=click.IntRange(1), help="Triples per request.")
@click.option("--update-endpoint", default=None, metavar="URL",
              help="SPARQL Update URL for the final switch (default: the endpoint's sibling …/update, else itself).")
def push(graph: Path, endpoint: str, graph_iri: str | None, user: str | None, password_env: str | None,
         batch: int, update_endpoint: str | None) -> None:
    """Push GRAPH into a running store, replacing the target graph in one step (uploaded into a temporary graph
    first; an interrupted push leaves the target as it was)."""
    from kg.store.push import PushError, safe_url
    from kg.store.push import push as do_push

    password = None
    if password_env:
        if password_env not in os.environ:
            raise click.BadParameter(f"environment variable {password_env} is not set", param_hint="--password-env")
        password = os.environ[password_env]
    if not endpoint.startswith(("http://", "https://")):
        raise click.BadParameter("the endpoint must be an http:// or https:// URL", param_hint="--endpoint")
    try:
        done = do_push(_load(graph), endpoint, graph_iri, user, password, batch, update_endpoint=update_endpoint)
    except PushError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    click.echo(f"pushed {done['triples']} triples in {done['batches']} batch(es) to {safe_url(endpoint)} "
               f"({done['protocol']})")
