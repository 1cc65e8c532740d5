"""The RDF graph as a networkx graph of entities: the one conversion the analysis functions build on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.rdf.build import PREFIXES

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    from rdflib import Graph

    from .egraph import EntityGraph

__all__ = ["to_networkx", "ontology_classes", "CO_MENTION", "Collapsed", "collapse"]

KG_NS = PREFIXES["kg"]
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
    graph : rdflib.Graph, pyoxigraph.Store or kg.analysis.egraph.EntityGraph
        A graph written by :func:`kg.rdf.build.build` (or loaded with :func:`kg.store.query.load`: a graph file or a
        ``kg build --store`` folder); read by :func:`kg.analysis.egraph.read`, the definition the explorer and
        ``kg stats`` share.

    Returns
    -------
    networkx.MultiGraph
        One node per entity: every IRI typed with kg:Organization, kg:Person, kg:Place, kg:Initiative or one of
        their subclasses (articles, mentions, statements, sentences and other records stay out). The node
        key is the IRI as a string, with the attributes ``label`` (``rdfs:label``), ``class`` (the local name of
        its most specific kg class), ``mentions`` (``kg:mentionCount``, 0 if absent),
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
          roles of the ``kg:Membership`` records of a ``kg:holdsPost``.

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

    from .egraph import EntityGraph, read

    eg = graph if isinstance(graph, EntityGraph) else read(graph, mentions=False)
    articles = {a: {"headline": v["headline"], "date": v["date"], "body": v.get("body", "")}
                for a, v in sorted(eg.articles.items())}
    G = nx.MultiGraph(articles=articles)
    for e in sorted(eg.entities):
        attrs = {"label": eg.label[e], "class": eg.kind[e], "mentions": eg.count.get(e, 0),
                 "aliases": eg.aliases.get(e, []), "articles": eg.arts.get(e, [])}
        extra = eg.extra.get(e, {})
        try:
            attrs["lat"], attrs["lon"] = float(extra["lat"]), float(extra["lon"])
        except (KeyError, TypeError, ValueError):
            pass
        G.add_node(e, **attrs)
    for (u, v), arts in sorted(eg.co_mentions().items()):
        G.add_edge(u, v, key=CO_MENTION, kind=CO_MENTION, weight=len(arts), articles=arts)
    for s, p, o in eg.relations:
        rel = p.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        key = rel if not G.has_edge(s, o, rel) else f"{rel} ({s})"
        rows = eg.statements.get((s, p, o), [])
        roles = {r for row in rows for r in row["roles"]} | set(eg.roles.get((s, o), []) if rel == "holdsPost" else ())
        G.add_edge(s, o, key=key, kind="relation", relation=rel, weight=1, source=s, target=o,
                   roles=sorted(roles), articles=sorted({r["article"] for r in rows if r["article"]}
                                                        | set(eg.post_arts.get((s, o), []) if rel == "holdsPost" else ())),
                   evidence=sorted(({"article": r["article"], "sentence": r["sentence"]} for r in rows if r["sentence"]),
                                   key=lambda x: (x["article"], x["sentence"])))
    return G


@dataclass
class Collapsed:
    """The entity graph with its parallel edges collapsed, as arrays: what ``kg central`` ranks.

    ``nodes`` in the graph's order, with their ``label``, ``cls`` (the ``class`` attribute) and ``articles`` (how
    many articles mention each); one edge per pair of neighbours, ``src[i] - dst[i]`` (``src < dst``, sorted), of
    ``weight`` = the weights of the edges it collapses (co-mention articles plus typed relations)."""

    nodes: list[str]
    label: list[str]
    cls: list[str]
    articles: list[int]
    src: "np.ndarray"
    dst: "np.ndarray"
    weight: "np.ndarray"


def collapse(G: "nx.Graph | EntityGraph") -> Collapsed:
    """:class:`Collapsed` of a networkx graph or multigraph (an edge without ``weight`` weighs 1; self-loops left
    out), or straight from a :class:`kg.analysis.egraph.EntityGraph`, without the multigraph :func:`to_networkx`
    would make of it (the same nodes, in the same order, and the same weights: an article mentioning both, a typed
    relation between them). Pickled beside a store by :func:`kg.analysis.storeview.collapsed`, it loads in a second
    or two where the whole multigraph takes half a minute."""
    import numpy as np

    from .egraph import EntityGraph

    if isinstance(G, EntityGraph):
        nodes = sorted(G.entities)
        index = {u: i for i, u in enumerate(nodes)}
        label, cls = [G.label[u] for u in nodes], [G.kind[u] for u in nodes]
        articles = [len(G.arts.get(u, ())) for u in nodes]
        parts = [np.array([(index[s], index[o]) for s, _p, o in G.relations], dtype=np.int64).reshape(-1, 2)]
        for ents in G.members().values():  # every pair an article mentions together, once per article
            ids = np.array(sorted(index[e] for e in ents), dtype=np.int64)
            i, j = np.triu_indices(len(ids), 1)
            parts.append(np.stack((ids[i], ids[j]), axis=1))
        ends = np.concatenate(parts)
        w = np.ones(len(ends))
    else:
        nodes = list(G)
        index = {u: i for i, u in enumerate(nodes)}
        data = G.nodes
        label = [data[u].get("label", str(u)) for u in nodes]
        cls = [data[u].get("class", "") for u in nodes]
        articles = [len(data[u].get("articles", ())) for u in nodes]
        ends = np.array([(index[u], index[v]) for u, v in G.edges() if u != v], dtype=np.int64).reshape(-1, 2)
        w = np.array([d for u, v, d in G.edges(data="weight", default=1) if u != v], dtype=np.float64)
    n = max(len(nodes), 1)
    pairs, which = np.unique(ends.min(axis=1) * n + ends.max(axis=1), return_inverse=True)
    return Collapsed(nodes, label, cls, articles, pairs // n, pairs % n,
                     np.bincount(which.ravel(), weights=w, minlength=len(pairs)))


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
