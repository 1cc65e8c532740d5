"""SPARQL over a built graph, with results as an aligned table, CSV or JSON.

The common prefixes (kg, schema, skos, rdfs, dcterms, prov, org, nif, xsd) are predeclared, so saved queries
stay short. A syntax error becomes :class:`QueryError` with a one-line message giving the position.
"""

from __future__ import annotations

import csv
import io
import json
import os
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from .graph import PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["QueryError", "load", "run", "format_result", "Rows"]

_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld", ".rdf": "xml",
            ".xml": "xml", ".n3": "n3"}


class QueryError(Exception):
    """A query or graph the user gave cannot be used; the message is one line meant for the user."""


class Rows:
    """A SELECT/ASK result as plain Python values: ``columns`` and ``rows`` of strings (None for unbound)."""

    def __init__(self, columns: list[str], rows: list[list[str | None]], boolean: bool | None = None):
        self.columns, self.rows, self.boolean = columns, rows, boolean


def load(path: str | os.PathLike) -> "Graph":
    """Load a graph file (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML) or an output folder's graph.ttl."""
    from rdflib import ConjunctiveGraph, Graph

    p = Path(path)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.is_file():
        raise QueryError(f"{p}: no such graph file (run `kg build` first, or give a .ttl file)")
    fmt = _FORMATS.get(p.suffix.lower(), "turtle")
    g = ConjunctiveGraph() if fmt in ("trig", "nquads") else Graph()
    try:
        g.parse(p, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise QueryError(f"{p}: cannot parse as {fmt}: {_one_line(exc)}") from None
    return g


def run(graph: "Graph", sparql: str) -> "Rows | Graph":
    """Run a SPARQL query; SELECT/ASK give :class:`Rows`, CONSTRUCT/DESCRIBE give an rdflib Graph."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(sparql, initNs=PREFIXES)
    except Exception as exc:
        raise QueryError(f"SPARQL syntax error: {_position(sparql, exc)}") from None
    try:
        result = graph.query(prepared)
    except Exception as exc:
        raise QueryError(f"SPARQL evaluation failed: {_one_line(exc)}") from None
    if result.type == "ASK":
        return Rows([], [], boolean=bool(result.askAnswer))
    if result.type == "SELECT":
        columns = [str(v) for v in result.vars]
        rows = [[None if cell is None else str(cell) for cell in row] for row in result]
        return Rows(columns, rows)
    return result.graph


def format_result(result: "Rows | Graph", fmt: str = "table") -> str:
    """Render a result as ``table`` (aligned, CJK-aware), ``csv`` or ``json`` (SPARQL 1.1 JSON results)."""
    if not isinstance(result, Rows):
        return result.serialize(format="turtle")
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower()
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([["" if c is None else c for c in row] for row in result.rows])
        return buf.getvalue()
    if fmt == "json":
        bindings = [{k: {"value": v} for k, v in zip(result.columns, row) if v is not None} for row in result.rows]
        return json.dumps({"head": {"vars": result.columns}, "results": {"bindings": bindings}}, ensure_ascii=False,
                          indent=2)
    return _table(result.columns, result.rows)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(columns: list[str], rows: list[list[str | None]]) -> str:
    cells = [columns] + [["" if c is None else c.replace("\n", " ") for c in row] for row in rows]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(columns))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _position(sparql: str, exc: Exception) -> str:
    """'line L, column C: message' for pyparsing errors, else the message."""
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    msg = getattr(exc, "msg", None) or _one_line(exc)
    if line is None:
        return msg
    text = sparql.splitlines()[line - 1] if 0 < line <= len(sparql.splitlines()) else ""
    near = text[max(col - 1, 0):][:30]
    return f"line {line}, column {col}: {msg} (near {near!r})"
