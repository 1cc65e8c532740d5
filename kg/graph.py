"""The graph stage: articles and linked entities as RDF under the kg ontology (see ontology/kg.ttl).

IRIs are ASCII and deterministic: ``<base>article/<article id>``, ``<base><class slug>/<key>``,
``<base>mention/<article id>/<raw start>-<raw end>``. Chinese goes in labels (``@zh``).
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote
from typing import TYPE_CHECKING

from .model import Article, Linked

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["DEFAULT_BASE", "build", "bind_prefixes"]

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
    """The instance graph for ``articles`` and what the linker made of them."""
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

    from .vocab import KG

    schema, org, nif = Namespace(PREFIXES["schema"]), Namespace(PREFIXES["org"]), Namespace(PREFIXES["nif"])
    g = Graph()
    bind_prefixes(g, base)

    def iri(path: str) -> URIRef:
        return URIRef(base + path)

    def zh(text: str) -> Literal:
        return Literal(text, lang="zh")

    entity_iri = {e.key: iri(e.key) for e in linked.entities}
    for e in linked.entities:
        node = entity_iri[e.key]
        g.add((node, RDF.type, KG[e.cls]))
        g.add((node, RDFS.label, zh(e.label)))
        for alt in e.alt_labels:
            g.add((node, SKOS.altLabel, zh(alt)))
        g.add((node, KG.mentionCount, Literal(len(e.mentions))))
        if e.code:
            g.add((node, KG.regionCode, Literal(e.code)))
        if e.level:
            g.add((node, KG.adminLevel, Literal(e.level)))
        if e.lat is not None and e.lon is not None:
            g.add((node, schema.latitude, Literal(round(e.lat, 6))))
            g.add((node, schema.longitude, Literal(round(e.lon, 6))))

    for a in articles:
        art = iri(f"article/{a.id}")
        g.add((art, RDF.type, KG.Article))
        g.add((art, schema.headline, zh(a.headline)))
        if a.subtitle:
            g.add((art, schema.alternativeHeadline, zh(a.subtitle)))
        if a.date:
            g.add((art, schema.datePublished, Literal(a.date, datatype=XSD.date)))
        g.add((art, DCTERMS.source, Literal(a.source)))
        g.add((art, schema.articleBody, zh(a.body)))
        g.add((art, KG.position, Literal(a.position)))
        g.add((art, KG.articleKind, Literal(a.kind)))
        if a.dateline:
            g.add((art, KG.dateline, zh(a.dateline)))
        if a.url:
            g.add((art, schema.url, URIRef(quote(a.url, safe=":/?#[]@!$&'()*+,;=%~"))))
        if a.publisher:
            g.add((art, schema.publisher, zh(a.publisher)))
        for n, (key, role) in enumerate(linked.bylines.get(a.id, ())):
            person = entity_iri[key]
            g.add((art, schema.author, person))
            b = iri(f"byline/{a.id}/{n}")
            g.add((art, KG.byline, b))
            g.add((b, RDF.type, KG.Byline))
            g.add((b, KG.person, person))
            g.add((b, KG.role, zh(role)))

    for e in linked.entities:
        for m in e.mentions:
            art = iri(f"article/{m.article}")
            g.add((art, schema.mentions, entity_iri[e.key]))
            node = iri(f"mention/{m.article}/{m.raw_start}-{m.raw_end}")
            g.add((node, RDF.type, KG.Mention))
            g.add((node, KG.mentionOf, entity_iri[e.key]))
            g.add((node, KG.inArticle, art))
            g.add((node, nif.anchorOf, zh(m.text)))
            g.add((node, nif.beginIndex, Literal(m.raw_start)))
            g.add((node, nif.endIndex, Literal(m.raw_end)))
            g.add((node, KG.extractor, Literal(m.extractor)))
            g.add((node, KG.confidence, Literal(round(m.confidence, 3), datatype=XSD.decimal)))

    for f in linked.facts:
        s, o = entity_iri[f.subject], entity_iri[f.object]
        g.add((s, KG[f.predicate], o))
        if f.predicate == "holdsPost":
            ms = iri(f"membership/{_hash(f'{f.subject}|{f.object}|{f.role}')}")
            g.add((ms, RDF.type, KG.Membership))
            g.add((ms, org.member, s))
            g.add((ms, org.organization, o))
            if f.role:
                g.add((ms, KG.role, zh(f.role)))
            if f.article:
                g.add((ms, PROV.wasDerivedFrom, iri(f"article/{f.article}")))
    return g


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
