"""The graph stage: articles and linked entities as RDF under the kg ontology (see ontology/kg.ttl).

IRIs are ASCII and deterministic: ``<base>article/<article id>``, ``<base><class slug>/<key>``,
``<base>mention/<article id>/<raw start>-<raw end>`` (``t<start>-<end>`` in the article's text where raw
characters are shared: a JSONL title). Chinese goes in labels (``@zh``).

:func:`dataset` splits the triples into named graphs: ``<base>graph/article/<article id>`` holds what one article
says (the article, its bylines, mentions, sentences, inferred references and the facts it states, each reified as
a ``kg:Statement`` with its evidence), ``<base>graph/entities`` the merged entities (labels, codes, hierarchy, merge
decisions) and facts that hold independently of any article. :func:`build` is their union.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING
from urllib.parse import quote

from .model import Article, Linked, Text

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

__all__ = ["DEFAULT_BASE", "ENTITIES", "build", "dataset", "article_graph", "bind_prefixes"]

DEFAULT_BASE = "https://w3id.org/kgnews/id/"
ENTITIES = "graph/entities"  # local part of the merged-entities graph's name
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


def article_graph(article_id: str) -> str:
    """Local part of the name of an article's graph."""
    return f"graph/article/{article_id}"


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
    from rdflib import Literal, Namespace, URIRef
    from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

    from .relations import sentences
    from .vocab import KG

    schema, org, nif = Namespace(PREFIXES["schema"]), Namespace(PREFIXES["org"]), Namespace(PREFIXES["nif"])
    out: dict[str, set] = defaultdict(set)
    ent = out[ENTITIES]

    def iri(path: str) -> URIRef:
        return URIRef(base + path)

    def zh(text: str) -> Literal:
        return Literal(text, lang="zh")

    def conf(value: float) -> Literal:
        # a Decimal value (well-typed for SHACL) in the canonical form other engines print too: 0.8, 1.0
        return Literal(Decimal(str(round(min(max(value, 0.0), 1.0), 3))), datatype=XSD.decimal)

    entity_iri = {e.key: iri(e.key) for e in linked.entities}
    for e in linked.entities:
        node = entity_iri[e.key]
        ent.add((node, RDF.type, KG[e.cls]))
        ent.add((node, RDFS.label, zh(e.label)))
        for alt in e.alt_labels:
            ent.add((node, SKOS.altLabel, zh(alt)))
        ent.add((node, KG.mentionCount, Literal(len(e.mentions))))
        if e.code:
            ent.add((node, KG.regionCode, Literal(e.code)))
        if e.level:
            ent.add((node, KG.adminLevel, Literal(e.level)))
        if e.lat is not None and e.lon is not None:
            ent.add((node, schema.latitude, Literal(round(e.lat, 6))))
            ent.add((node, schema.longitude, Literal(round(e.lon, 6))))
        for d in e.merges:
            dn = iri(f"merge/{_hash(f'{e.key}|{d.form}|{d.reason}')}")
            ent.add((node, KG.mergeDecision, dn))
            ent.add((dn, RDF.type, KG.MergeDecision))
            ent.add((dn, KG.surfaceForm, zh(d.form)))
            ent.add((dn, KG.reason, Literal(d.reason)))
            ent.add((dn, KG.confidence, conf(d.score)))
            if d.article:
                ent.add((dn, PROV.wasDerivedFrom, iri(f"article/{d.article}")))

    by_id = {a.id: a for a in articles}
    sentence_spans: dict[str, list[tuple[int, int, int, int]]] = {}
    for a in articles:
        g = out[article_graph(a.id)]
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
        sentence_spans[a.id] = [(s, e, *a.raw_span(s, e)) for s, e in sentences(a.text)]

    def sentence(article: Article, raw_start: int, raw_end: int, text: str) -> URIRef:
        node = iri(f"sentence/{article.id}/{raw_start}-{raw_end}")
        g = out[article_graph(article.id)]
        g.add((node, RDF.type, nif.Sentence))
        g.add((node, nif.anchorOf, zh(text.strip())))
        g.add((node, nif.beginIndex, Literal(raw_start)))
        g.add((node, nif.endIndex, Literal(raw_end)))
        g.add((node, KG.inArticle, iri(f"article/{article.id}")))
        return node

    def sentence_at(article: Article, start: int) -> URIRef | None:
        for s, e, rs, re_ in sentence_spans.get(article.id, ()):
            if s <= start < e:
                return sentence(article, rs, re_, article.text[s:e])
        return None

    def span(g: "Graph", node: URIRef, cls: URIRef, found, extractor: str) -> None:
        """A mention or reference node: its article, surface text, raw offsets, sentence, extractor, confidence."""
        art = iri(f"article/{found.article}")
        g.add((node, RDF.type, cls))
        g.add((node, KG.inArticle, art))
        g.add((node, PROV.wasDerivedFrom, art))
        g.add((node, nif.anchorOf, zh(found.text)))
        g.add((node, nif.beginIndex, Literal(found.raw_start)))
        g.add((node, nif.endIndex, Literal(found.raw_end)))
        g.add((node, KG.extractor, Literal(extractor)))
        g.add((node, KG.confidence, conf(found.confidence)))
        if found.article in by_id:
            sent = sentence_at(by_id[found.article], found.start)
            if sent is not None:
                g.add((node, nif.sentence, sent))

    for e in linked.entities:
        for m in e.mentions:
            g = out[article_graph(m.article)]
            art = iri(f"article/{m.article}")
            g.add((art, schema.mentions, entity_iri[e.key]))
            key = by_id[m.article].span_key(m.start, m.end) if m.article in by_id else f"{m.raw_start}-{m.raw_end}"
            node = iri(f"mention/{m.article}/{key}")
            span(g, node, KG.Mention, m, m.extractor)
            g.add((node, KG.mentionOf, entity_iri[e.key]))

    for r in linked.references:
        g = out[article_graph(r.article)]
        key = by_id[r.article].span_key(r.start, r.end) if r.article in by_id else f"{r.raw_start}-{r.raw_end}"
        node = iri(f"reference/{r.article}/{key}")
        span(g, node, KG.Reference, r, "coref")
        g.add((node, KG.refersTo, entity_iri[r.entity]))
        g.add((node, KG.reason, Literal(r.reason)))

    for f in linked.facts:
        s, o = entity_iri[f.subject], entity_iri[f.object]
        article = by_id.get(f.article) if f.article else None
        g = out[article_graph(f.article)] if article else ent
        g.add((s, KG[f.predicate], o))
        where = f.article or "entities"
        # the raw end too: a JSONL headline and the body's first sentence both start at raw offset 0
        st = iri(f"statement/{where}/{_hash(f'{f.subject}|{f.predicate}|{f.object}|{f.role}|{f.raw_start}|{f.raw_end}')}")
        g.add((st, RDF.type, KG.Statement))
        g.add((st, RDF.subject, s))
        g.add((st, RDF.predicate, KG[f.predicate]))
        g.add((st, RDF.object, o))
        g.add((st, KG.extractor, Literal(f.extractor)))
        g.add((st, KG.confidence, conf(f.confidence)))
        if f.role:
            g.add((st, KG.role, zh(f.role)))
        if article is not None:
            art = iri(f"article/{article.id}")
            g.add((st, KG.inArticle, art))
            g.add((st, PROV.wasDerivedFrom, art))
            if f.raw_start is not None and f.raw_end is not None:
                g.add((st, nif.beginIndex, Literal(f.raw_start)))
                g.add((st, nif.endIndex, Literal(f.raw_end)))
                t = Text(article.text, article.offsets)
                text = article.text[t.index_of_raw(f.raw_start):t.index_of_raw(f.raw_end)]
                g.add((st, KG.evidence, sentence(article, f.raw_start, f.raw_end, text)))
        if f.predicate == "holdsPost":
            ms = iri(f"membership/{_hash(f'{f.subject}|{f.object}|{f.role}')}")
            g.add((ms, RDF.type, KG.Membership))
            g.add((ms, org.member, s))
            g.add((ms, org.organization, o))
            if f.role:
                g.add((ms, KG.role, zh(f.role)))
                post = iri(f"post/{_hash(f'{f.object}|{f.role}')}")
                g.add((ms, KG.post, post))
                g.add((post, RDF.type, KG.Post))
                g.add((post, org.postIn, o))
                g.add((post, org.heldBy, s))
                g.add((post, KG.role, zh(f.role)))
            if article is not None:
                g.add((ms, PROV.wasDerivedFrom, iri(f"article/{article.id}")))
    return out


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
