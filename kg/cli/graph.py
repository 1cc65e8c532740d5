"""``kg validate`` and ``kg remove``: thin commands over :mod:`kg.rdf.validate` and :mod:`kg.rdf.named`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["validate", "remove", "COMMANDS"]


def _load_graph(path: Path):
    """A graph file (any rdflib format by extension) or a `kg build` folder (its graph.ttl)."""
    from rdflib import Dataset, Graph

    if path.is_dir():
        path = path / "graph.ttl"
    if not path.is_file():
        raise click.ClickException(f"{path}: no such file")
    fmt = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
           ".rdf": "xml", ".xml": "xml"}.get(path.suffix.lower(), "turtle")
    try:
        if fmt in ("nquads", "trig"):
            ds = Dataset()
            ds.parse(path, format=fmt)
            g = Graph()
            for part in ds.graphs():
                for t in part:
                    g.add(t)
            return g
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser error types
        raise click.ClickException(f"{path}: cannot parse as {fmt}: {exc}") from None


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes file (default: the bundled ontology/shapes.ttl).")
@click.option("-n", "--show", default=20, show_default=True, help="How many violations to list.")
def validate(graph: Path, shapes: Path | None, show: int) -> None:
    """Check GRAPH (a graph file or a `kg build` folder) against the SHACL shapes; exit 1 on violations."""
    from kg.rdf import validate as v

    if not v.available():
        raise click.ClickException("pyshacl is not installed: pip install 'kg[validate]'")
    report = v.validate(_load_graph(graph), shapes)
    click.echo(report.format(first=show))
    if not report.conforms:
        sys.exit(1)


@click.command()
@click.argument("article")
@click.option("--graph", "out", default="output", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="The `kg build` output folder holding graph.trig.")
def remove(article: str, out: Path) -> None:
    """Remove ARTICLE (an article id, its IRI or a source file name) from the graphs in --graph.

    Rewrites graph.trig, graph.nq, graph.ttl and graph.html; entities another article still supports stay.
    """
    from kg.rdf import named
    from kg.util.io import write_text

    try:
        ds = named.load(out)
        gone = named.remove(ds, article)
    except named.RemoveError as exc:
        raise click.ClickException(str(exc)) from None
    written = named.write(ds, out)
    union = named.union(ds)
    written.insert(0, write_text(out / "graph.ttl", union.serialize(format="turtle")))
    if (out / "graph.html").exists():
        from kg.viz import explorer

        explorer.write(union, out / "graph.html")
        written.append(out / "graph.html")
    click.echo(f"removed    {len(gone)} article(s): {', '.join(gone)}")
    click.echo(f"triples    {len(union)}")
    for path in written:
        click.echo(f"wrote      {path}")


COMMANDS = (validate, remove)
