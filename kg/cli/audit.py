"""``kg audit``: the linking audit of a graph or a store (a thin command over :mod:`kg.analysis.audit`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

__all__ = ["audit"]


@click.command("audit")
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--names", default=20, show_default=True, type=click.IntRange(min=1), help="Names listed.")
@click.option("--top", default=20, show_default=True, type=click.IntRange(min=1), help="Weakest merges listed.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def audit(graph: Path, names: int, top: int, as_json: bool) -> None:
    """Names carried by several nodes of GRAPH (a graph file, a `kg build` output folder or a store folder) with
    the reason each stayed apart, and the merges whose evidence is weakest."""
    from kg.analysis.audit import audit as run_audit
    from kg.analysis.audit import format_audit
    from kg.store.query import QueryError, load
    from kg.store.oxigraph import is_store, open_store

    try:
        g = open_store(graph, read_only=True) if is_store(graph) else load(graph)
        a = run_audit(g, top=top)
    except (QueryError, OSError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps({"split": a.split, "weakest": a.weakest}, ensure_ascii=False, indent=2))
    else:
        click.echo(format_audit(a, names))
