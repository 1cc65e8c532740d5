"""The entity graph: the one definition shared by the explorer page, ``kg stats`` and networkx.

Read with SPARQL SELECT queries run by :func:`kg.store.query.run`, so the same code reads an rdflib Graph (a graph
file) and a pyoxigraph Store (a ``kg build --store`` folder) and gives the same result on both.

- An **entity** is an IRI typed with a kg entity class: ``kg:Organization``, ``kg:Person``, ``kg:Place``,
  ``kg:Initiative`` or one of their subclasses in ``ontology/kg.ttl``. Its display class (``cls``) is the most
  specific of the eight classes the explorer colours (an Initiative subclass such as ``kg:Campaign`` is shown as
  Initiative, and kept as ``kind``).
- A **relation** is a triple between two different entities (any property but ``rdf:type``).
- A **co-mention** joins two entities that one article ``schema:mentions`` together, weighted by the number
  of such articles (:meth:`EntityGraph.co_mentions`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from kg.rdf.build import PREFIXES

__all__ = ["EntityGraph", "read", "DISPLAY_CLASSES", "best_values", "entity_classes", "local"]

KG_NS = PREFIXES["kg"]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: the classes the explorer colours, most specific first (the first a node carries wins)
DISPLAY_CLASSES = ("Person", "Enterprise", "GovernmentBody", "PartyOrganization", "AdministrativeRegion",
                   "Initiative", "Incident", "Organization", "Place")
ROOTS = ("Organization", "Person", "Place", "Initiative", "Incident")


@lru_cache(maxsize=1)
def entity_classes() -> frozenset[str]:
    """Local names of the kg classes whose instances are entities (the roots and their subclasses)."""
    from .netx import ontology_classes

    return frozenset(c for c, up in ontology_classes().items() if up & set(ROOTS))


def local(iri: str) -> str:
    s = str(iri).rstrip("/#")
    return s.replace("#", "/").rsplit("/", 1)[-1] or s


@dataclass
class EntityGraph:
    """Entities, articles and relations as plain Python data (IRIs as strings); every list sorted."""

    entities: list[str] = field(default_factory=list)  # sorted by (label, IRI)
    label: dict[str, str] = field(default_factory=dict)
    cls: dict[str, str] = field(default_factory=dict)  # display class
    kind: dict[str, str] = field(default_factory=dict)  # most specific kg class
    aliases: dict[str, list[str]] = field(default_factory=dict)
    count: dict[str, int] = field(default_factory=dict)  # kg:mentionCount (0 when absent)
    arts: dict[str, list[str]] = field(default_factory=dict)  # entity -> articles mentioning it
    extra: dict[str, dict] = field(default_factory=dict)  # entity -> code, level, lat, lon
    articles: dict[str, dict] = field(default_factory=dict)  # IRI -> headline, date, url, source, body
    relations: list[tuple[str, str, str]] = field(default_factory=list)  # (s, p, o), s != o
    statements: dict[tuple[str, str, str], list[dict]] = field(default_factory=dict)  # evidence per triple
    roles: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (person, org) -> roles
    post_arts: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (person, org) -> articles
    mentions: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)  # article -> (entity, anchor, begin)

    def members(self) -> dict[str, list[str]]:
        """article -> the entities it mentions (sorted)."""
        out: dict[str, list[str]] = {}
        for e in sorted(self.arts):
            for a in self.arts[e]:
                out.setdefault(a, []).append(e)
        return out

    def co_mentions(self) -> dict[tuple[str, str], list[str]]:
        """(u, v) with u < v -> the sorted articles that mention both."""
        pairs: dict[tuple[str, str], list[str]] = {}
        for a, ents in sorted(self.members().items()):
            for u, v in combinations(ents, 2):
                pairs.setdefault((u, v), []).append(a)
        return pairs


def _rows(graph, sparql: str) -> list[list]:
    from kg.store.query import run

    return run(graph, sparql).rows


def best_values(rows: list[list]) -> dict[str, str]:
    """[subject, value, lang] rows -> subject -> the zh value (else untagged, else any; the smallest)."""
    best: dict[str, tuple] = {}
    for s, v, lang in rows:
        lang = (lang or "").lower()
        key = (0 if lang.startswith("zh") else 1 if not lang else 2, v)
        if s not in best or key < best[s]:
            best[s] = key
    return {s: k[1] for s, k in best.items()}


def _values(graph, prop: str, subject_class: str | None = None) -> dict[str, str]:
    where = f"?s a {subject_class} . " if subject_class else ""
    return best_values(_rows(graph, f"SELECT ?s ?v (LANG(?v) AS ?l) WHERE {{ {where}?s {prop} ?v }}"))


def _int(text) -> int:
    try:
        return int(float(text))
    except (TypeError, ValueError):
        return 0


def read(graph, *, articles: bool = True, bodies: bool = True, mentions: bool = True,
         evidence: bool = True) -> EntityGraph:
    """Read the entity graph of an rdflib Graph or a pyoxigraph Store (see the module docstring).

    ``articles``: also read each article's headline, date, url and source (``articles``; without them, a quarter
    less time on a store, and ``articles`` stays empty); ``bodies``: also read the article texts; ``mentions``:
    also read every mention's anchor and offset (for evidence sentences); ``evidence``: also read each relation's
    statements and each post's roles and articles (``statements``, ``roles``, ``post_arts``)."""
    from .netx import ontology_classes

    eg = EntityGraph()
    kinds = entity_classes()
    hierarchy = ontology_classes()
    types: dict[str, set[str]] = {}
    # one query per class: a store reads each class's members from its index (one query filtering the classes reads
    # every rdf:type triple, mentions and statements included: on the whole corpus two to four times slower)
    for c in sorted(kinds):
        for (e,) in _rows(graph, f"SELECT ?e WHERE {{ ?e a kg:{c} . FILTER(isIRI(?e)) }}"):
            types.setdefault(e, set()).add(c)
    for e, cs in types.items():
        eg.kind[e] = min(cs, key=lambda c: (-len(hierarchy.get(c, ())), c))
        eg.cls[e] = next((d for d in DISPLAY_CLASSES if any(d in hierarchy.get(c, ()) for c in cs)), "Organization")
    labels = _values(graph, "rdfs:label")
    for e in types:
        eg.label[e] = labels.get(e) or local(e)
    eg.entities = sorted(types, key=lambda e: (eg.label[e], e))
    alias: dict[str, set[str]] = {}
    for e, a in _rows(graph, "SELECT ?e ?a WHERE { ?e skos:altLabel ?a }"):
        if e in types and a != eg.label[e]:
            alias.setdefault(e, set()).add(a)
    eg.aliases = {e: sorted(v) for e, v in alias.items()}
    eg.count = {e: _int(n) for e, n in _rows(graph, "SELECT ?e ?n WHERE { ?e kg:mentionCount ?n }") if e in types}
    for key, prop in (("code", "kg:regionCode"), ("level", "kg:adminLevel"), ("lat", "schema:latitude"),
                      ("lon", "schema:longitude")):
        for e, v in _values(graph, prop).items():
            if e in types:
                eg.extra.setdefault(e, {})[key] = v

    # articles: typed ones, and anything that mentions an entity
    arts = {a for (a,) in _rows(graph, "SELECT ?a WHERE { ?a a kg:Article }")}
    mentioned: dict[str, set[str]] = {}
    for a, e in _rows(graph, "SELECT ?a ?e WHERE { ?a schema:mentions ?e }"):
        if e in types:
            mentioned.setdefault(e, set()).add(a)
            arts.add(a)
    eg.arts = {e: sorted(v) for e, v in mentioned.items()}
    fields = {"headline": "schema:headline", "date": "schema:datePublished", "url": "schema:url",
              "source": "dcterms:source", "sub": "schema:alternativeHeadline"}
    if bodies:
        fields["body"] = "schema:articleBody"
    got = {k: _values(graph, p, "kg:Article") for k, p in fields.items()} if articles else {}
    for a in sorted(arts) if articles else ():
        info = {k: got[k].get(a, "") for k in fields}
        info["headline"] = info["headline"] or info["source"] or local(a)
        info["date"] = info["date"][:10] if info["date"] else None
        eg.articles[a] = info

    rel = set()
    for c in sorted(kinds):  # one query per class: both engines start from the typed subjects
        for s, p, o in _rows(graph, f"SELECT ?s ?p ?o WHERE {{ ?s a kg:{c} . ?s ?p ?o . FILTER(isIRI(?o)) }}"):
            if s != o and o in types and p != RDF_TYPE:
                rel.add((s, p, o))
    eg.relations = sorted(rel)
    if evidence:
        _read_support(graph, eg)
    if mentions:
        for m, e, a, anchor, begin in _rows(graph, "SELECT ?m ?e ?a ?t ?b WHERE { ?m kg:mentionOf ?e ; "
                                                   "kg:inArticle ?a ; nif:anchorOf ?t . "
                                                   "OPTIONAL { ?m nif:beginIndex ?b } }"):
            if e in types and a in eg.articles:
                eg.mentions.setdefault(a, []).append((e, anchor, _int(begin)))
        for a in eg.mentions:
            eg.mentions[a] = sorted(set(eg.mentions[a]), key=lambda x: (x[2], x[1], x[0]))
    return eg


def _read_support(graph, eg: EntityGraph) -> None:
    """Evidence of each relation (kg:Statement: sentence, confidence, extractor, article) and the roles and
    articles of posts (org:member / org:organization records)."""
    ev: dict[tuple, dict] = {}
    for st, s, p, o, conf, ext, art, sent, role in _rows(graph, """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            SELECT ?st ?s ?p ?o ?conf ?ext ?art ?sent ?role WHERE {
              ?st a kg:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
              OPTIONAL { ?st kg:confidence ?conf } OPTIONAL { ?st kg:extractor ?ext }
              OPTIONAL { ?st kg:inArticle ?art } OPTIONAL { ?st kg:evidence ?sn . ?sn nif:anchorOf ?sent }
              OPTIONAL { ?st kg:role ?role } }"""):
        row = ev.setdefault(st, {"triple": (s, p, o), "conf": set(), "ext": set(), "art": set(), "sent": set(),
                                 "roles": set()})
        for key, value in (("conf", conf), ("ext", ext), ("art", art), ("sent", sent), ("roles", role)):
            if value:
                row[key].add(value)
    for st in sorted(ev):
        row = ev[st]
        eg.statements.setdefault(row["triple"], []).append({
            "confidence": max((round(float(c), 3) for c in row["conf"]), default=None),
            "extractor": min(row["ext"], default=""), "article": min(row["art"], default=""),
            "sentence": min(row["sent"], key=lambda x: (len(x), x), default=""), "roles": sorted(row["roles"])})
    for k in eg.statements:
        eg.statements[k].sort(key=lambda r: (not r["sentence"], -(r["confidence"] or 0), r["article"], r["sentence"]))
    roles: dict[tuple, set] = {}
    where: dict[tuple, set] = {}
    pair = {m: (p, o) for m, p, o in _rows(graph, "SELECT ?m ?p ?o WHERE { ?m org:member ?p ; org:organization ?o }")}
    for m in pair:
        roles.setdefault(pair[m], set())
        where.setdefault(pair[m], set())
    # roles and articles read apart: one membership holds many of each, and their product explodes on a corpus
    for m, role in _rows(graph, "SELECT ?m ?r WHERE { ?m org:member ?p ; kg:role ?r }"):
        if m in pair:
            roles[pair[m]].add(role)
    for m, art in _rows(graph, "SELECT ?m ?a WHERE { ?m org:member ?p ; prov:wasDerivedFrom ?a }"):
        if m in pair:
            where[pair[m]].add(art)
    eg.roles = {k: sorted(v) for k, v in sorted(roles.items())}
    eg.post_arts = {k: sorted(v) for k, v in sorted(where.items()) if v}
