"""The graph stage: articles and linked entities as RDF under the kg ontology (see ontology/kg.ttl).

IRIs are ASCII and deterministic: ``<base>article/<article id>``, ``<base><class slug>/<key>``,
``<base>mention/<article id>/<raw start>-<raw end>``. Chinese goes in labels (``@zh``).

:func:`dataset` splits the triples into named graphs: ``<base>graph/article/<article id>`` holds what one article
says (the article, its bylines, mentions, sentences, inferred references and the facts it states, each reified as
a ``kg:Statement`` with its evidence), ``<base>graph/entities`` the merged entities (labels, codes, hierarchy, merge
decisions) and facts that hold independently of any article. :func:`build` is their union. The triples themselves are made once, as a stream of N-Triples terms, by
:func:`kg.rdf.quads.emit`; this module gives rdflib views of them for small graphs and the library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.model import Article, Linked
from .quads import ENTITIES, article_graph

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

__all__ = ["DEFAULT_BASE", "ENTITIES", "build", "dataset", "article_graph", "bind_prefixes"]

DEFAULT_BASE = "https://w3id.org/kgnews/id/"
PREFIXES = {
    "kg": "https://w3id.org/kgnews/ontology#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def bind_prefixes(g: "Graph", base: str = DEFAULT_BASE) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    g.bind("id", base)


def build(articles: list[Article], linked: Linked, base: str = DEFAULT_BASE) -> "Graph":
    """The instance graph for ``articles`` and what the linker made of them (the union of :func:`dataset`)."""
    from rdflib import Graph

    g = Graph()
    bind_prefixes(g, base)
    for triples in _triples(articles, linked, base).values():
        for t in triples:
            g.add(t)
    return g


def dataset(articles: list[Article], linked: Linked, base: str = DEFAULT_BASE) -> "Dataset":
    """The same triples as :func:`build`, one named graph per article plus one for the merged entities."""
    from rdflib import Dataset, URIRef

    ds = Dataset()
    bind_prefixes(ds, base)
    for name, triples in sorted(_triples(articles, linked, base).items()):
        g = ds.graph(URIRef(base + name))
        for t in triples:
            g.add(t)
    return ds


def _triples(articles: list[Article], linked: Linked, base: str) -> dict[str, set]:
    """Graph local name -> rdflib triples: the stream of :func:`kg.rdf.quads.emit` as rdflib terms."""
    from .ntriples import to_rdflib
    from .quads import collect

    terms: dict[str, object] = {}

    def term(text: str):
        t = terms.get(text)
        if t is None:
            t = terms[text] = to_rdflib(text)
        return t

    return {name: {(term(s), term(p), term(o)) for s, p, o in triples}
            for name, triples in collect(articles, linked, base).items()}
