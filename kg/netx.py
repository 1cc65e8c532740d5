"""The RDF graph as a networkx graph of entities: the one conversion the analysis functions build on."""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

from .graph import PREFIXES

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

__all__ = ["to_networkx", "ontology_classes", "CO_MENTION"]

KG_NS = PREFIXES["kg"]
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#: the edge key (and ``kind``) of co-mention edges.
CO_MENTION = "co-mention"


@lru_cache(maxsize=1)
def ontology_classes() -> dict[str, frozenset[str]]:
    """Each class of kg.ttl (local name) -> its kg superclasses, transitively, itself included."""
    from importlib.resources import files

    from rdflib import OWL, RDF, RDFS, Graph

    g = Graph().parse(data=files("kg").joinpath("ontology", "kg.ttl").read_text(encoding="utf-8"), format="turtle")
    local = {c: str(c)[len(KG_NS):] for c in g.subjects(RDF.type, OWL.Class) if str(c).startswith(KG_NS)}
    parents = {name: {str(p)[len(KG_NS):] for p in g.objects(c, RDFS.subClassOf) if str(p).startswith(KG_NS)}
               for c, name in local.items()}

    def up(name: str, seen: frozenset = frozenset()) -> frozenset[str]:
        out = {name}
        for p in parents.get(name, ()):
            if p not in seen:
                out |= up(p, seen | {name})
        return frozenset(out)

    return {name: up(name) for name in parents}


def to_networkx(graph: "Graph") -> "nx.MultiGraph":
    """Convert a kg RDF graph into an undirected networkx multigraph of entities.

    Parameters
    ----------
    graph : rdflib.Graph
        A graph written by :func:`kg.graph.build` (or loaded with :func:`kg.query.load`).

    Returns
    -------
    networkx.MultiGraph
        One node per entity: every IRI with a ``kg:mentionCount`` (kg/graph.py gives one to each linked entity
        and to nothing else, so articles, mentions, statements, sentences and other records stay out). The node
        key is the IRI as a string, with the attributes ``label`` (``rdfs:label``), ``class`` (the local name of
        its most specific kg class, ``"Entity"`` if it has none), ``mentions`` (``kg:mentionCount``),
        ``aliases`` (sorted ``skos:altLabel`` values) and ``articles`` (sorted IRIs of the articles that
        ``schema:mentions`` it); regions with coordinates also get ``lat`` and ``lon``.

        Two kinds of edges:

        - key ``"co-mention"`` between every pair of entities that an article mentions together, with
          ``kind="co-mention"``, ``weight`` = the number of such articles and ``articles`` (their sorted IRIs);
        - one edge per entity-to-entity triple (``kg:holdsPost``, ``kg:locatedIn``, ``kg:partOf``, ``kg:runs``
          or any other property), keyed by the property's local name, with ``kind="relation"``,
          ``relation``, ``weight=1``, ``source`` and ``target`` (the direction of the triple), ``roles``,
          ``articles`` and ``evidence`` (a list of ``{"article", "sentence"}``) gathered from the ``kg:Statement``
          reifications of the triple (``kg:evidence``/``nif:anchorOf``, ``kg:inArticle``, ``kg:role``) and the
          ``org:Membership`` records of a ``kg:holdsPost``.

        Self-loops are left out. ``G.graph["articles"]`` maps each article IRI to its ``headline``, ``date``
        (ISO string or None) and ``body``. Nodes and edges are added in sorted order, so the result (and any
        seeded algorithm run on it) does not depend on the hash seed.

    Examples
    --------
    >>> from rdflib import Graph
    >>> g = Graph().parse(format="turtle", data='''
    ... @prefix kg: <https://w3id.org/kgnews/ontology#> .
    ... @prefix schema: <https://schema.org/> .
    ... @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    ... @prefix id: <https://example.org/> .
    ... id:a1 a kg:Article ; schema:headline "一"@zh ; schema:mentions id:p, id:o, id:r .
    ... id:a2 a kg:Article ; schema:headline "二"@zh ; schema:mentions id:p, id:o .
    ... id:p a kg:Person ; rdfs:label "张三"@zh ; kg:mentionCount 2 ; kg:holdsPost id:o .
    ... id:o a kg:Enterprise ; rdfs:label "某某有限公司"@zh ; kg:mentionCount 2 ; kg:locatedIn id:r .
    ... id:r a kg:AdministrativeRegion ; rdfs:label "某市"@zh ; kg:mentionCount 1 .
    ... ''')
    >>> G = to_networkx(g)
    >>> G.number_of_nodes(), G.number_of_edges()
    (3, 5)
    >>> G.nodes["https://example.org/p"]["label"], G.nodes["https://example.org/p"]["class"]
    ('张三', 'Person')
    >>> G["https://example.org/p"]["https://example.org/o"]["co-mention"]["weight"]
    2
    >>> G["https://example.org/p"]["https://example.org/o"]["holdsPost"]["source"]
    'https://example.org/p'
    """
    import networkx as nx
    from rdflib import RDF, RDFS, SKOS, Literal, URIRef
    from rdflib.namespace import DCTERMS

    schema = PREFIXES["schema"]
    headline_p, date_p, body_p, mentions_p = (URIRef(f"{schema}{n}") for n in
                                              ("headline", "datePublished", "articleBody", "mentions"))
    lat_p, lon_p = URIRef(f"{schema}latitude"), URIRef(f"{schema}longitude")
    count_p = URIRef(KG_NS + "mentionCount")

    classes: dict[str, list[str]] = {str(s): [] for s in graph.subjects(count_p) if isinstance(s, URIRef)}
    for s, o in graph.subject_objects(RDF.type):
        if str(s) in classes and str(o).startswith(KG_NS):
            classes[str(s)].append(str(o)[len(KG_NS):])
    hierarchy = ontology_classes()

    articles: dict[str, dict] = {}
    for a in sorted(graph.subjects(RDF.type, URIRef(KG_NS + "Article")), key=str):
        articles[str(a)] = {"headline": literal(graph, a, headline_p) or literal(graph, a, DCTERMS.source) or str(a),
                            "date": literal(graph, a, date_p) or None, "body": literal(graph, a, body_p)}
    mentioned: dict[str, set[str]] = {}
    for a, e in graph.subject_objects(mentions_p):
        if str(e) in classes:
            mentioned.setdefault(str(a), set()).add(str(e))
            articles.setdefault(str(a), {"headline": str(a), "date": None, "body": ""})
    by_entity: dict[str, set[str]] = {}
    for a, ents in mentioned.items():
        for e in ents:
            by_entity.setdefault(e, set()).add(a)

    G = nx.MultiGraph(articles=articles)
    for e in sorted(classes):
        node = URIRef(e)
        attrs = {
            "label": literal(graph, node, RDFS.label) or e.rstrip("/#").rsplit("/", 1)[-1],
            "class": min(classes[e], key=lambda c: (-len(hierarchy.get(c, ())), c)) if classes[e] else "Entity",
            "mentions": _int(graph.value(node, count_p)),
            "aliases": sorted({str(x) for x in graph.objects(node, SKOS.altLabel)}),
            "articles": sorted(by_entity.get(e, ())),
        }
        lat, lon = graph.value(node, lat_p), graph.value(node, lon_p)
        if isinstance(lat, Literal) and isinstance(lon, Literal):
            try:
                attrs["lat"], attrs["lon"] = float(lat), float(lon)
            except (TypeError, ValueError):
                pass
        G.add_node(e, **attrs)

    pairs: dict[tuple[str, str], list[str]] = {}
    for a in sorted(mentioned):
        for u, v in combinations(sorted(mentioned[a]), 2):
            pairs.setdefault((u, v), []).append(a)
    for (u, v), arts in sorted(pairs.items()):
        G.add_edge(u, v, key=CO_MENTION, kind=CO_MENTION, weight=len(arts), articles=arts)

    support = _support(graph)
    triples = sorted((str(s), str(p), str(o)) for s, p, o in graph
                     if str(s) in classes and str(o) in classes and s != o)
    for s, p, o in triples:
        rel = p.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        key = rel if not G.has_edge(s, o, rel) else f"{rel} ({s})"
        roles, evidence = support.get((s, p, o), (set(), set()))
        G.add_edge(s, o, key=key, kind="relation", relation=rel, weight=1, source=s, target=o,
                   roles=sorted(roles), articles=sorted({a for a, _ in evidence if a}),
                   evidence=[{"article": a, "sentence": x} for a, x in sorted(e for e in evidence if e[1])])
    return G


def _support(graph) -> dict[tuple[str, str, str], tuple[set, set]]:
    """(subject, predicate, object) -> (roles, {(article, sentence or None)}) from the kg:Statement reifications
    of a triple and, for kg:holdsPost, from org:Membership records."""
    from rdflib import RDF, URIRef

    kg, org, prov, nif = KG_NS, PREFIXES["org"], PREFIXES["prov"], PREFIXES["nif"]
    out: dict[tuple[str, str, str], tuple[set, set]] = {}
    for st in graph.subjects(RDF.type, URIRef(kg + "Statement")):
        s, p, o = (graph.value(st, URIRef(RDF_NS + n)) for n in ("subject", "predicate", "object"))
        if s is None or p is None or o is None:
            continue
        roles, evidence = out.setdefault((str(s), str(p), str(o)), (set(), set()))
        roles.update(str(r) for r in graph.objects(st, URIRef(kg + "role")))
        article = graph.value(st, URIRef(kg + "inArticle")) or graph.value(st, URIRef(prov + "wasDerivedFrom"))
        article = str(article) if article is not None else ""
        sentences = [literal(graph, ev, URIRef(nif + "anchorOf")) for ev in graph.objects(st, URIRef(kg + "evidence"))]
        evidence.update((article, s or None) for s in sentences or [None])
    for cls in {URIRef(kg + "Membership"), URIRef(org + "Membership")}:
        for ms in graph.subjects(RDF.type, cls):
            member, organisation = graph.value(ms, URIRef(org + "member")), graph.value(ms, URIRef(org + "organization"))
            if member is None or organisation is None:
                continue
            roles, evidence = out.setdefault((str(member), kg + "holdsPost", str(organisation)), (set(), set()))
            roles.update(str(r) for r in graph.objects(ms, URIRef(kg + "role")))
            evidence.update((str(a), None) for a in graph.objects(ms, URIRef(prov + "wasDerivedFrom")))
    return out


def literal(graph, node, prop) -> str:
    """The zh (else untagged, else any) literal of ``prop``; '' if none."""
    values = sorted(graph.objects(node, prop), key=str)
    for o in values:
        if (getattr(o, "language", None) or "").lower().startswith("zh"):
            return str(o)
    for o in values:
        if not getattr(o, "language", None):
            return str(o)
    return str(values[0]) if values else ""


def _int(value) -> int:
    try:
        return int(value.toPython()) if value is not None else 0
    except (TypeError, ValueError, AttributeError):
        return 0
