"""SPARQL over a built graph, with results as an aligned table, CSV or JSON.

The common prefixes (kg, schema, skos, rdfs, dcterms, prov, org, nif, xsd) are predeclared, so saved queries
stay short. A syntax error becomes :class:`QueryError` with a one-line message giving the position.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from kg.rdf.build import PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["QueryError", "load", "run", "format_result", "Rows", "graph_file", "saved_query", "parse_param"]

_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld", ".rdf": "xml",
            ".xml": "xml", ".n3": "n3"}


class QueryError(Exception):
    """A query or graph the user gave cannot be used; the message is one line meant for the user."""


class Rows:
    """A SELECT/ASK result as plain Python values: ``columns`` and ``rows`` of strings (None for unbound)."""

    def __init__(self, columns: list[str], rows: list[list[str | None]], boolean: bool | None = None):
        self.columns, self.rows, self.boolean = columns, rows, boolean


def graph_file(path: str | os.PathLike) -> Path:
    """The graph file ``path`` names: the file itself, or an output folder's graph.ttl."""
    p = Path(path)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.is_file():
        raise QueryError(f"{p}: no such graph file (run `kg build` first, or give a .ttl file)")
    return p


def load(path: str | os.PathLike) -> "Graph":
    """Load a graph file (Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML) or an output folder's graph.ttl.
    A folder holding a store written by ``kg build --store`` is opened (read-only) as a pyoxigraph Store."""
    from rdflib import ConjunctiveGraph, Graph

    from .oxigraph import is_store, open_store

    if is_store(path):
        try:
            return open_store(path, read_only=True)
        except OSError as exc:
            raise QueryError(f"{path}: cannot open the store: {_one_line(exc)}") from None
    p = graph_file(path)
    fmt = _FORMATS.get(p.suffix.lower(), "turtle")
    g = ConjunctiveGraph() if fmt in ("trig", "nquads") else Graph()
    try:
        g.parse(p, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise QueryError(f"{p}: cannot parse as {fmt}: {_one_line(exc)}") from None
    return g


def run(graph: "Graph", sparql: str, params: dict | None = None) -> "Rows | Graph":
    """Run a SPARQL query on an rdflib Graph or a pyoxigraph Store; SELECT/ASK give :class:`Rows`,
    CONSTRUCT/DESCRIBE give an rdflib Graph. ``params`` maps variable names to rdflib terms (see
    :func:`parse_param`); they are bound by the engine (rdflib initBindings, Oxigraph substitutions), never
    pasted into the text. With Oxigraph a bound variable must be projected by the query."""
    from rdflib.plugins.sparql import prepareQuery

    from .sparqlcheck import QueryRejected, check

    try:  # size and nesting bounded before a parser sees it (a deeply nested query crashes Oxigraph's parser)
        check(sparql, allow_service=True)
    except QueryRejected as exc:
        raise QueryError(str(exc)) from None
    if type(graph).__module__.startswith("pyoxigraph"):
        return _run_ox(graph, sparql, params or {})
    try:
        prepared = prepareQuery(sparql, initNs=PREFIXES)
    except Exception as exc:
        raise QueryError(f"SPARQL syntax error: {_position(sparql, exc)}") from None
    _check_params(params or {}, [str(v) for v in prepared.algebra.get("PV", ())], sparql)
    try:
        result = graph.query(prepared, initBindings={k: v for k, v in (params or {}).items()})
    except Exception as exc:
        raise QueryError(f"SPARQL evaluation failed: {_one_line(exc)}") from None
    if result.type == "ASK":
        return Rows([], [], boolean=bool(result.askAnswer))
    if result.type == "SELECT":
        columns = [str(v) for v in result.vars]
        rows = [[None if cell is None else str(cell) for cell in row] for row in result]
        return Rows(columns, rows)
    return result.graph


def _run_ox(store, sparql: str, params: dict) -> "Rows | Graph":
    import pyoxigraph as ox
    from rdflib import Graph

    from .oxigraph import from_ox, to_ox

    subs = {ox.Variable(k): to_ox(v) for k, v in params.items()}
    try:
        result = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True, substitutions=subs or None)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {_one_line(exc)}") from None
    except (OSError, RuntimeError, ValueError) as exc:
        if "projection" in str(exc):
            _check_params(params, [], sparql)
        raise QueryError(f"SPARQL evaluation failed: {_one_line(exc)}") from None
    if isinstance(result, ox.QueryBoolean):
        return Rows([], [], boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]
        rows = [[None if sol[c] is None else sol[c].value for c in columns] for sol in result]
        return Rows(columns, rows)
    g = Graph()
    for t in result:
        g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
    return g


def _check_params(params: dict, projected: list[str], sparql: str) -> None:
    missing = [k for k in params if k not in projected and not re.search(r"SELECT\s+(DISTINCT\s+|REDUCED\s+)?\*",
                                                                          sparql, re.I)]
    if missing:
        raise QueryError(f"parameter ?{missing[0]} is not a variable the query selects; "
                         "bind only variables in the SELECT clause")


def parse_param(text: str) -> tuple[str, object]:
    """``name=value`` as (name, rdflib term): ``<iri>`` is an IRI, ``text@zh`` a language-tagged literal,
    anything else a plain string literal. The value is never interpreted as SPARQL."""
    from rdflib import Literal, URIRef

    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"bad parameter {text!r}: use NAME=VALUE, e.g. region=长沙市")
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
        if not iri or any(c in iri for c in ' <>"{}|^`\\') or any(ord(c) < 33 for c in iri):
            raise QueryError(f"bad parameter {text!r}: not a valid IRI")
        return name, URIRef(iri)
    tagged = re.fullmatch(r"(.*)@([A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*)", value, re.S)
    if tagged:
        return name, Literal(tagged.group(1), lang=tagged.group(2))
    return name, Literal(value)


def saved_query(name: str, folders: list[str | os.PathLike] | None = None) -> Path:
    """The saved query ``name``: ``queries/<name>.rq`` in the current folder, else the one installed with kg
    (package data ``kg/queries/``, so it works outside the repository)."""
    folders = folders or [Path.cwd() / "queries", Path(__file__).resolve().parents[1] / "queries"]
    for folder in folders:
        p = Path(folder) / f"{name}.rq"
        if p.is_file():
            return p
    known = sorted({q.stem for f in folders if Path(f).is_dir() for q in Path(f).glob("*.rq")})
    raise QueryError(f"no saved query named {name!r}" + (f" (known: {', '.join(known)})" if known else ""))


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
