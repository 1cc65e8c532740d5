"""The graph stage as a stream: every quad of a build as N-Triples term strings (see :mod:`kg.rdf.ntriples`).

:func:`emit` calls ``add(graph, owner, s, p, o)`` once per triple. ``graph`` is the local name of the named graph
the triple belongs to in graph.trig/graph.nq (``graph/article/<id>``: what one article says, including every
fact it states and that fact's membership and post; ``graph/entities``: the merged entities, merge decisions and
facts that hold independently of any article). ``owner`` is its graph in a ``--store`` folder, where every
triple lives in exactly one graph: the graph of the article its subject belongs to (the article, its bylines,
mentions, references, sentences, statements, measures; a membership belongs to the first article it was derived
from), else ``graph/entities``. :mod:`kg.rdf.build` (rdflib views), :mod:`kg.outputs` (files) and :mod:`kg.store.oxigraph`
(the persistent store) read this one stream.
"""

from __future__ import annotations

import bisect

import hashlib
from collections import defaultdict
from typing import Callable
from urllib.parse import quote

from . import iris, ntriples as nt
from .iris import ENTITIES, article_graph
from kg.model import Article, Linked, Mention, Text
from kg.relations import registry

__all__ = ["ENTITIES", "Stream", "emit", "article_graph", "extra_triples"]

Add = Callable[[str, str, str, str, str], None]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_KG = "https://w3id.org/kgnews/ontology#"
_SCHEMA = "https://schema.org/"
_DCT = "http://purl.org/dc/terms/"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_PROV = "http://www.w3.org/ns/prov#"
_ORG = "http://www.w3.org/ns/org#"
_NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


class _P:
    """Predicate and class terms, checked against the ontology once (kg.rdf.vocab fails on a typo)."""

    def __init__(self) -> None:
        from .vocab import KG

        terms: dict[str, str] = {}

        def kg(name: str) -> str:
            term = terms.get(name)
            if term is None:
                term = terms[name] = nt.iri(str(KG[name]))
            return term

        self.kg = kg
        self.type = nt.iri(_RDF + "type")
        self.subject, self.predicate, self.object = (nt.iri(_RDF + n) for n in ("subject", "predicate", "object"))
        self.label = nt.iri(_RDFS + "label")
        self.alt = nt.iri(_SKOS + "altLabel")
        self.source = nt.iri(_DCT + "source")
        self.derived = nt.iri(_PROV + "wasDerivedFrom")
        self.sdo = {n: nt.iri(_SCHEMA + n) for n in (
            "latitude", "longitude", "headline", "alternativeHeadline", "datePublished", "articleBody", "url",
            "publisher", "author", "mentions")}
        self.org = {n: nt.iri(_ORG + n) for n in ("member", "organization", "postIn", "heldBy")}
        self.nif = {n: nt.iri(_NIF + n) for n in ("Sentence", "anchorOf", "beginIndex", "endIndex", "sentence")}


def emit(articles: list[Article], linked: Linked, base: str, add: Add,
         found: dict[str, list[Mention]] | None = None) -> None:
    """Call ``add(graph, owner, s, p, o)`` for every triple of the build (see the module docstring). ``found``: the
    mentions before linking (linking only groups them: the same spans as its entities' mentions, which are taken
    where it is not given)."""
    stream = Stream(base, add)
    stream.articles(articles)
    stream.spans(found if found is not None else _by_article(linked))
    stream.links(linked)


def _by_article(linked: Linked) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for e in linked.entities:
        for m in e.mentions:
            out[m.article].append(m)
    return out


class Stream:
    """:func:`emit` in two halves: what extraction alone decides (:meth:`articles`, then :meth:`spans`: each
    article's own triples, its mentions' spans and their sentences), which a build streams while linking runs,
    and what linking decides (:meth:`links`: entities, which entity each mention is of, references, facts)."""

    def __init__(self, base: str, add: Add) -> None:
        self.P, self.base, self.add = _P(), base, add
        self.article_iris: dict[str, str] = {}  # (only these repeat: a cache of every node would hold millions)
        self.by_id: dict[str, Article] = {}
        self.sentence_spans: dict[str, list[tuple[int, int, int, int]]] = {}
        self.written: dict[str, set[tuple[int, int]]] = defaultdict(set)  # the sentence nodes given, per article

    def iri(self, path: str) -> str:
        return nt.iri(self.base + path)

    def article_iri(self, article_id: str) -> str:
        term = self.article_iris.get(article_id)
        if term is None:
            term = self.article_iris[article_id] = self.iri(iris.article(article_id))
        return term

    def articles(self, articles: list[Article]) -> None:
        """Each article's own triples (bylines, which name people, come with :meth:`links`)."""
        from kg.util.sentences import sentences

        P, kg, add = self.P, self.P.kg, self.add
        for a in articles:
            self.by_id[a.id] = a
            g = article_graph(a.id)
            art = self.article_iri(a.id)
            add(g, g, art, P.type, kg("Article"))
            add(g, g, art, P.sdo["headline"], nt.zh(a.headline))
            if a.subtitle:
                add(g, g, art, P.sdo["alternativeHeadline"], nt.zh(a.subtitle))
            if a.date:
                add(g, g, art, P.sdo["datePublished"], nt.typed(a.date, nt.XSD + "date"))
            add(g, g, art, P.source, nt.literal(a.source))
            add(g, g, art, P.sdo["articleBody"], nt.zh(a.body))
            add(g, g, art, kg("position"), nt.integer(a.position))
            add(g, g, art, kg("articleKind"), nt.literal(a.kind))
            if a.dateline:
                add(g, g, art, kg("dateline"), nt.zh(a.dateline))
            if a.url:
                add(g, g, art, P.sdo["url"], nt.iri(quote(a.url, safe=":/?#[]@!$&'()*+,;=%~")))
            if a.publisher:
                add(g, g, art, P.sdo["publisher"], nt.zh(a.publisher))
            self.sentence_spans[a.id] = [(s, e, *a.raw_span(s, e)) for s, e in sentences(a.text)]

    def sentence(self, article: Article, raw_start: int, raw_end: int, text: str) -> str:
        node = self.iri(iris.sentence(article.id, raw_start, raw_end))
        done = self.written[article.id]
        if (raw_start, raw_end) in done:  # (a sentence with several mentions or facts: its triples once)
            return node
        done.add((raw_start, raw_end))
        P, add = self.P, self.add
        g = article_graph(article.id)
        add(g, g, node, P.type, P.nif["Sentence"])
        add(g, g, node, P.nif["anchorOf"], nt.zh(text.strip()))
        add(g, g, node, P.nif["beginIndex"], nt.integer(raw_start))
        add(g, g, node, P.nif["endIndex"], nt.integer(raw_end))
        add(g, g, node, P.kg("inArticle"), self.article_iri(article.id))
        return node

    def sentence_at(self, article: Article, start: int) -> str | None:
        spans = self.sentence_spans.get(article.id, ())  # in text order and disjoint: the last one starting at or
        i = bisect.bisect_right(spans, (start, float("inf"))) - 1  # before ``start`` is the only candidate
        if i >= 0 and spans[i][0] <= start < spans[i][1]:
            s, e, rs, re_ = spans[i]
            return self.sentence(article, rs, re_, article.text[s:e])
        return None

    def span_node(self, found, reference: bool = False) -> str:
        """The IRI of a mention's (or, ``reference``, a reference's) node."""
        a = self.by_id.get(found.article)
        key = a.span_key(found.start, found.end) if a is not None else f"{found.raw_start}-{found.raw_end}"
        return self.iri((iris.reference if reference else iris.mention)(found.article, key))

    def span(self, g: str, node: str, cls: str, found, extractor: str) -> None:
        """A mention or reference node: its article, surface text, raw offsets, sentence, extractor, confidence."""
        P, kg, add = self.P, self.P.kg, self.add
        art = self.article_iri(found.article)
        add(g, g, node, P.type, cls)
        add(g, g, node, kg("inArticle"), art)
        add(g, g, node, P.derived, art)
        add(g, g, node, P.nif["anchorOf"], nt.zh(found.text))
        add(g, g, node, P.nif["beginIndex"], nt.integer(found.raw_start))
        add(g, g, node, P.nif["endIndex"], nt.integer(found.raw_end))
        add(g, g, node, kg("extractor"), nt.literal(extractor))
        add(g, g, node, kg("confidence"), _conf(found.confidence))
        if found.article in self.by_id:
            sent = self.sentence_at(self.by_id[found.article], found.start)
            if sent is not None:
                add(g, g, node, P.nif["sentence"], sent)

    def spans(self, found: dict[str, list[Mention]]) -> None:
        """The mentions' nodes and their sentences (which entity each is of comes with :meth:`links`)."""
        cls = self.P.kg("Mention")
        for article in sorted(found):
            g = article_graph(article)
            for m in found[article]:
                self.span(g, self.span_node(m), cls, m, m.extractor)

    def links(self, linked: Linked) -> None:
        """Everything linking decides: entities and their merge decisions, bylines, which articles mention which
        entity and which entity each mention is of, references, facts with their statements and memberships."""
        P, kg, add, iri, by_id, article_iri = self.P, self.P.kg, self.add, self.iri, self.by_id, self.article_iri
        ent = ENTITIES
        entity_iri = {e.key: iri(iris.entity(e.key)) for e in linked.entities}
        for e in linked.entities:
            node = entity_iri[e.key]
            add(ent, ent, node, P.type, kg(e.cls))
            add(ent, ent, node, P.label, nt.zh(e.label))
            for alt in e.alt_labels:
                add(ent, ent, node, P.alt, nt.zh(alt))
            add(ent, ent, node, kg("mentionCount"), nt.integer(len(e.mentions)))
            if e.code:
                add(ent, ent, node, kg("regionCode"), nt.literal(e.code))
            if e.level:
                add(ent, ent, node, kg("adminLevel"), nt.literal(e.level))
            if e.lat is not None and e.lon is not None:
                add(ent, ent, node, P.sdo["latitude"], nt.double(round(e.lat, 6)))
                add(ent, ent, node, P.sdo["longitude"], nt.double(round(e.lon, 6)))
            for d in e.merges:
                dn = iri(iris.merge(_hash(f'{e.key}|{d.form}|{d.reason}')))
                add(ent, ent, node, kg("mergeDecision"), dn)
                add(ent, ent, dn, P.type, kg("MergeDecision"))
                add(ent, ent, dn, kg("surfaceForm"), nt.zh(d.form))
                add(ent, ent, dn, kg("reason"), nt.literal(d.reason))
                add(ent, ent, dn, kg("confidence"), _conf(d.score))
                if d.article:
                    add(ent, ent, dn, P.derived, article_iri(d.article))

        for article_id in by_id:
            g = article_graph(article_id)
            art = article_iri(article_id)
            for n, (key, role) in enumerate(linked.bylines.get(article_id, ())):
                person = entity_iri[key]
                add(g, g, art, P.sdo["author"], person)
                b = iri(iris.byline(article_id, n))
                add(g, g, art, kg("byline"), b)
                add(g, g, b, P.type, kg("Byline"))
                add(g, g, b, kg("person"), person)
                add(g, g, b, kg("role"), nt.zh(role))

        mention_of = kg("mentionOf")
        for e in linked.entities:
            mentioned: set[str] = set()  # the articles that mention it: one schema:mentions each
            for m in e.mentions:
                g = article_graph(m.article)
                if m.article not in mentioned:
                    mentioned.add(m.article)
                    add(g, g, article_iri(m.article), P.sdo["mentions"], entity_iri[e.key])
                add(g, g, self.span_node(m), mention_of, entity_iri[e.key])

        for r in linked.references:
            g = article_graph(r.article)
            node = self.span_node(r, reference=True)
            self.span(g, node, kg("Reference"), r, "coref")
            add(g, g, node, kg("refersTo"), entity_iri[r.entity])
            add(g, g, node, kg("reason"), nt.literal(r.reason))

        # a membership (one node per person, organisation and role) lives, in a store, with the first article
        # that states it; the relation types rendered so are those of kg.relations.registry with rendering "membership"
        memberships = {t.name for t in registry.RELATIONS if t.rendering == "membership"}
        member_owner: dict[str, str] = {}
        for f in linked.facts:
            if f.predicate in memberships and f.article and f.article in by_id:
                key = f"{f.subject}|{f.object}|{f.role}"
                if key not in member_owner or f.article < member_owner[key]:
                    member_owner[key] = f.article
        for f in linked.facts:
            s, o = entity_iri[f.subject], entity_iri[f.object]
            article = by_id.get(f.article) if f.article else None
            g = article_graph(f.article) if article else ent
            add(g, ent, s, kg(f.predicate), o)
            where = f.article or "entities"
            # the raw end too: a headline and the body's first sentence may both start at one raw offset
            st = iri(iris.statement(where, _hash(f'{f.subject}|{f.predicate}|{f.object}|{f.role}|{f.raw_start}|{f.raw_end}')))
            add(g, g, st, P.type, kg("Statement"))
            add(g, g, st, P.subject, s)
            add(g, g, st, P.predicate, kg(f.predicate))
            add(g, g, st, P.object, o)
            add(g, g, st, kg("extractor"), nt.literal(f.extractor))
            add(g, g, st, kg("confidence"), _conf(f.confidence))
            if f.role:
                add(g, g, st, kg("role"), nt.zh(f.role))
            if article is not None:
                art = article_iri(article.id)
                add(g, g, st, kg("inArticle"), art)
                add(g, g, st, P.derived, art)
                if f.raw_start is not None and f.raw_end is not None:
                    add(g, g, st, P.nif["beginIndex"], nt.integer(f.raw_start))
                    add(g, g, st, P.nif["endIndex"], nt.integer(f.raw_end))
                    t = Text(article.text, article.offsets)
                    text = article.text[t.index_of_raw(f.raw_start):t.index_of_raw(f.raw_end)]
                    add(g, g, st, kg("evidence"), self.sentence(article, f.raw_start, f.raw_end, text))
            if f.predicate in memberships:
                key = f"{f.subject}|{f.object}|{f.role}"
                ms = iri(iris.membership(_hash(key)))
                mo = article_graph(member_owner[key]) if key in member_owner else ent
                add(g, mo, ms, P.type, kg("Membership"))
                add(g, mo, ms, P.org["member"], s)
                add(g, mo, ms, P.org["organization"], o)
                if f.role:
                    add(g, mo, ms, kg("role"), nt.zh(f.role))
                    post = iri(iris.post(_hash(f'{f.object}|{f.role}')))
                    add(g, mo, ms, kg("post"), post)
                    add(g, ent, post, P.type, kg("Post"))
                    add(g, ent, post, P.org["postIn"], o)
                    add(g, ent, post, P.org["heldBy"], s)
                    add(g, ent, post, kg("role"), nt.zh(f.role))
                if article is not None:
                    add(g, mo, ms, P.derived, article_iri(article.id))


def _conf(value: float) -> str:
    # a decimal (well-typed for SHACL) in the canonical form other engines print too: 0.8, 1.0
    return nt.decimal(str(round(min(max(value, 0.0), 1.0), 3)))


def extra_triples(articles: list[Article], found_measures: dict, linked: Linked, base: str, add: Add) -> None:
    """The triples of measures and initiative kinds (:mod:`kg.rdf.additions`): a measure's in its article's graph,
    the rest in the entities graph."""
    from . import additions

    additions.measure_triples(articles, found_measures, linked, base, add)
    additions.type_triples(linked, base, add)


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def collect(articles: list[Article], linked: Linked, base: str) -> dict[str, set]:
    """Graph local name -> set of (s, p, o) N-Triples terms, as :func:`emit` gives them (for small builds)."""
    out: dict[str, set] = defaultdict(set)
    emit(articles, linked, base, lambda g, _o, s, p, o: out[g].add((s, p, o)))
    return out
