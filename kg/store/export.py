"""``kg export``: the graph in the formats other tools open, written atomically.

RDF: Turtle, N-Triples, RDF/XML, JSON-LD (with the published context ``ontology/context.jsonld`` inlined, so it
reads offline), TriG and N-Quads (the layout of graph.trig: ``<base>graph/article/<id>`` per article with its
bylines, mentions, memberships and statements; ``<base>graph/entities`` for entity descriptions and facts; the
union of the graphs is the whole graph). Property graphs: GraphML and GEXF for Gephi (networkx; node attributes ``label``,
``class``, ``mentionCount``, ``iri``; edge attribute ``relation``) and the CSV pair of Neo4j's bulk import
(``nodes.csv`` with ``:ID``/``:LABEL``, ``relationships.csv`` with ``:START_ID``/``:END_ID``/``:TYPE``).
Every IRI is written in one canonical form that every store accepts (see :func:`canonical_iri`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from kg.rdf.build import PREFIXES
from kg.util.io import write_bytes, write_text

if TYPE_CHECKING:  # pragma: no cover
    import networkx
    from rdflib import Dataset, Graph

__all__ = ["FORMATS", "export", "canonical_iri", "canonical", "dataset", "property_graph", "neo4j_csv", "context"]

# format -> (file extension, rdflib serializer or None for the property-graph formats)
FORMATS = {
    "turtle": ("ttl", "turtle"), "ntriples": ("nt", "nt"), "rdfxml": ("rdf", "xml"), "jsonld": ("jsonld", "json-ld"),
    "trig": ("trig", "trig"), "nquads": ("nq", "nquads"),
    "graphml": ("graphml", None), "gexf": ("gexf", None), "neo4j": ("neo4j", None),
}
CONTEXT = Path(__file__).parents[1] / "ontology" / "context.jsonld"
CONTEXT_URL = "https://w3id.org/kgnews/ontology/context.jsonld"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
REIFIED = {"Mention", "Byline", "Membership"}  # nodes that describe an edge or a span, not a thing
_UNSAFE = re.compile(r"%(?![0-9A-Fa-f]{2})|[^\x21-\x7e]|[<>\"{}|\\^`]")


def canonical_iri(iri: str) -> str:
    """``iri`` in the one form kg writes: ASCII, UTF-8 percent-encoding (upper-case hex) for anything else, and
    for spaces, braces, ``<>"|\\^```; existing escapes are kept, never encoded twice."""
    iri = _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), iri)
    return re.sub(r"%[0-9a-f]{2}|%[0-9A-F][a-f]|%[a-f][0-9A-F]", lambda m: m.group().upper(), iri)


def canonical(graph: "Graph") -> "Graph":
    """A copy of ``graph`` (triples only) with every IRI in canonical form."""
    from rdflib import Graph, URIRef

    from kg.rdf.build import bind_prefixes

    def fix(term):
        return URIRef(canonical_iri(str(term))) if isinstance(term, URIRef) else term

    out = Graph()
    bind_prefixes(out)
    for prefix, ns in graph.namespaces():
        if prefix == "id":
            out.bind("id", ns, override=True)
    for s, p, o in graph:
        out.add((fix(s), fix(p), fix(o)))
    return out


def dataset(graph: "Graph") -> "Dataset":
    """``graph`` as a Dataset with one named graph per article (see the module docstring)."""
    from rdflib import Dataset, URIRef

    from .oxigraph import partition

    ds = Dataset()
    for prefix, ns in graph.namespaces():
        ds.bind(prefix, ns, override=True)
    for name, triples in sorted(partition(graph).items()):
        target = ds.graph(URIRef(name))
        for t in triples:
            target.add(t)
    return ds


def context() -> dict:
    """The published JSON-LD @context (ontology/context.jsonld)."""
    return json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]


def property_graph(graph: "Graph") -> "networkx.MultiDiGraph":
    """The property-graph view for Gephi and Neo4j: entities AND articles as nodes, the relations between them as
    edges (mentions, bylines and memberships are not nodes: they are the edges ``mentions``, ``author``,
    ``holdsPost``). Analysis uses :func:`kg.analysis.netx.to_networkx` instead, which folds articles into co-mention edges."""
    import networkx as nx
    from rdflib import Literal, URIRef

    kg = PREFIXES["kg"]
    nodes: dict = {}
    for s, c in graph.subject_objects(URIRef(RDF_TYPE)):
        name = str(c)[len(kg):] if str(c).startswith(kg) else None
        if name and name not in REIFIED and isinstance(s, URIRef):
            nodes[s] = name
    g = nx.MultiDiGraph()
    for node, cls in sorted(nodes.items()):
        label = graph.value(node, URIRef(RDFS_LABEL)) or graph.value(node, URIRef(PREFIXES["schema"] + "headline"))
        count = graph.value(node, URIRef(kg + "mentionCount"))
        g.add_node(str(node), label=" ".join(str(label or _local(node)).split())[:200], iri=str(node),
                   mentionCount=int(count) if isinstance(count, Literal) and str(count).isdigit() else 0,
                   **{"class": cls})
    for s, p, o in sorted(graph):
        if s in nodes and o in nodes and str(p) != RDF_TYPE:
            g.add_edge(str(s), str(o), key=_local(p), relation=_local(p))
    return g


def neo4j_csv(graph: "Graph") -> tuple[str, str]:
    """(nodes.csv, relationships.csv) in the layout of ``neo4j-admin database import``."""
    g = property_graph(graph)
    nodes, rels = io.StringIO(), io.StringIO()
    w = csv.writer(nodes, lineterminator="\n")
    w.writerow(["iri:ID", "name", "mentionCount:int", ":LABEL"])
    for node, data in g.nodes(data=True):
        w.writerow([node, data["label"], data["mentionCount"], data["class"]])
    w = csv.writer(rels, lineterminator="\n")
    w.writerow([":START_ID", ":END_ID", ":TYPE"])
    for s, o, data in g.edges(data=True):
        w.writerow([s, o, re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", data["relation"]).upper()])
    return nodes.getvalue(), rels.getvalue()


def export(graph: "Graph", fmt: str, out: str | os.PathLike, named: "Dataset | None" = None) -> list[Path]:
    """Write ``graph`` in ``fmt`` (a key of :data:`FORMATS`) to ``out`` (a folder for neo4j); return the files.
    For TriG and N-Quads, ``named`` (e.g. the build's graph.trig) gives the named graphs as they are; without it
    they are derived from ``graph`` (:func:`kg.store.oxigraph.partition`)."""
    import networkx as nx

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    if named is not None and fmt in ("trig", "nquads"):
        return [write_bytes(out, _ox_quads(named, fmt))]
    graph = canonical(graph)
    out = Path(out)
    serializer = FORMATS[fmt][1]
    if fmt == "jsonld":
        return [write_text(out, graph.serialize(format="json-ld", context=context(), indent=1))]
    if serializer:
        return [write_bytes(out, _ox_serialize(graph, fmt))]
    if fmt == "neo4j":
        nodes, rels = neo4j_csv(graph)
        return [write_text(out / "nodes.csv", nodes), write_text(out / "relationships.csv", rels)]
    buf = io.BytesIO()
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(property_graph(graph), buf)
    return [write_bytes(out, buf.getvalue())]


def _ox_serialize(graph: "Graph", fmt: str) -> bytes:
    """Oxigraph's serializers: fast, and they keep every literal's lexical form (rdflib's Turtle writer rounds
    doubles to 7 digits)."""
    import pyoxigraph as ox

    from .oxigraph import partition, to_ox

    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
                  "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    if fmt in ("trig", "nquads"):
        items = []
        for name, triples in sorted(partition(graph).items()):
            gname = ox.NamedNode(name)
            items += [ox.Quad(to_ox(s), to_ox(p), to_ox(o), gname) for s, p, o in sorted(triples)]
    else:
        items = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in sorted(graph)]
    # vocabulary prefixes only: instance IRIs are written in full, since a prefixed name would need escapes
    # (id:article\/x) that some stores (Virtuoso) read back wrongly
    prefixes = {p: str(ns) for p, ns in graph.namespaces() if p in PREFIXES}
    if fmt in ("turtle", "trig", "rdfxml"):
        return ox.serialize(items, format=rdf_format, prefixes=prefixes)
    return ox.serialize(items, format=rdf_format)


def _ox_quads(named: "Dataset", fmt: str) -> bytes:
    """A Dataset's named graphs as TriG or N-Quads, IRIs canonical, with Oxigraph's writers."""
    import pyoxigraph as ox
    from rdflib import URIRef

    from .oxigraph import to_ox

    def fix(term):
        return ox.NamedNode(canonical_iri(str(term))) if isinstance(term, URIRef) else to_ox(term)

    quads = sorted({(s, p, o, g.identifier) for g in named.graphs() for s, p, o in g})
    items = [ox.Quad(fix(s), fix(p), fix(o), ox.DefaultGraph() if str(g) == "urn:x-rdflib:default" else fix(g))
             for s, p, o, g in quads]
    if fmt == "trig":
        return ox.serialize(items, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    return ox.serialize(items, format=ox.RdfFormat.N_QUADS)


def _local(term) -> str:
    text = str(term)
    return re.split(r"[#/]", text)[-1] or text
