"""``kg stats`` by SPARQL aggregates: the counts of the entity graph (:mod:`kg.analysis.egraph`'s definition: entities,
relations, the articles that mention them) without building it, so a store of tens of thousands of stories answers
in seconds. The result is the one :func:`kg.analysis.questions.stats` documents (a test compares both ways).
"""

from __future__ import annotations

from collections import Counter

from kg.rdf.build import PREFIXES
from .egraph import RDF_TYPE, best_values, entity_classes, local

__all__ = ["stats", "cached"]

KG_NS = PREFIXES["kg"]


def _rows(graph, sparql: str) -> list[list]:
    from kg.store.query import Rows, run

    result = run(graph, sparql)
    if not isinstance(result, Rows):
        raise TypeError("a SELECT query gives rows")
    return result.rows


def _int(text) -> int:
    try:
        return int(float(text))
    except (TypeError, ValueError):
        return 0


def _mentions_by_article(graph) -> list[list]:
    """(article, mentions) rows. Where every mention sits in its article's named graph (a kg store, graph.nq,
    graph.trig) one group by graph answers, about fifteen times faster on a big store than the join by
    kg:inArticle that any other graph gets."""
    from kg.rdf.iris import ARTICLE_GRAPHS, article

    if not (hasattr(graph, "named_graphs") or hasattr(graph, "contexts")):  # (an rdflib Graph has no named graphs)
        by_graph = []
    else:
        by_graph = _rows(graph, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m a kg:Mention } } GROUP BY ?g")
    total = sum(_int(n) for (n,) in _rows(graph, "SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Mention }"))
    if by_graph and all(ARTICLE_GRAPHS in g for g, _ in by_graph) and sum(_int(n) for _, n in by_graph) == total:
        return [[g[:g.find(ARTICLE_GRAPHS)] + article(g[g.find(ARTICLE_GRAPHS) + len(ARTICLE_GRAPHS):]), n]
                for g, n in by_graph]
    return _rows(graph, "SELECT ?a (COUNT(?m) AS ?n) WHERE { ?m a kg:Mention . OPTIONAL { ?m kg:inArticle ?a } } "
                        "GROUP BY ?a")


def stats(graph, top: int | None = 10) -> dict:
    """Counts of ``graph`` (an rdflib Graph or a pyoxigraph Store): see :func:`kg.analysis.questions.stats`;
    ``top=None``: every mentioned entity in ``most_mentioned``."""
    from .netx import ontology_classes

    hierarchy = ontology_classes()
    classes = "VALUES ?c { " + " ".join(f"kg:{c}" for c in sorted(entity_classes())) + " }"
    types: dict[str, set[str]] = {}
    for e, c in _rows(graph, f"SELECT DISTINCT ?e ?c WHERE {{ {classes} ?e a ?c . FILTER(isIRI(?e)) }}"):
        types.setdefault(e, set()).add(c[len(KG_NS):])
    kind = {e: min(cs, key=lambda c: (-len(hierarchy.get(c, ())), c)) for e, cs in types.items()}
    counts = {e: _int(n) for e, n in _rows(graph, "SELECT ?e ?n WHERE { ?e kg:mentionCount ?n }") if e in types}
    arts_of = Counter({e: int(n) for e, n in _rows(graph, "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { "
                                                         "?a schema:mentions ?e } GROUP BY ?e") if e in types})
    mentioning = {a for a, e in _rows(graph, "SELECT DISTINCT ?a ?e WHERE { ?a schema:mentions ?e . "
                                             "MINUS { ?a a kg:Article } }") if e in types}  # (none in a kg build)
    articles = {a for (a,) in _rows(graph, "SELECT DISTINCT ?a WHERE { ?a a kg:Article }")} | mentioning
    dates = best_values([r for r in _rows(graph, "SELECT ?a ?d (LANG(?d) AS ?l) WHERE { ?a schema:datePublished ?d }")
                         if r[0] in articles])  # (one pattern: a join with the articles' type is slow in a store)
    day = {a: (dates.get(a) or "")[:10] or None for a in articles}
    per_date = Counter(d or "unknown" for d in day.values())
    mention_dates: Counter = Counter()
    for a, n in _mentions_by_article(graph):
        mention_dates[day.get(a or "") or "unknown"] += int(n)
    rels: Counter = Counter()
    seen: set[tuple[str, str, str]] = set()
    for s, p, o in _rows(graph, f"SELECT DISTINCT ?s ?p ?o WHERE {{ {classes} ?s a ?c . ?s ?p ?o . FILTER(isIRI(?o)) }}"):
        if s != o and o in types and p != RDF_TYPE and (s, p, o) not in seen:  # as egraph reads relations
            seen.add((s, p, o))
            rels[p.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]] += 1
    shown = {e for e in types if arts_of[e] >= 2 or counts.get(e, 0) > 0}
    labels = best_values(_rows(graph, "SELECT ?s ?v (LANG(?v) AS ?l) WHERE { ?s rdfs:label ?v }")) if shown else {}

    def row(e: str) -> dict:
        return {"label": labels.get(e) or local(e), "class": kind[e], "mentions": counts.get(e, 0),
                "articles": arts_of[e], "iri": e}

    shared = sorted((row(e) for e in sorted(types) if arts_of[e] >= 2), key=lambda r: (-r["articles"], -r["mentions"], r["label"]))
    most = sorted((row(e) for e in sorted(types) if counts.get(e, 0) > 0),
                  key=lambda r: (-r["mentions"], -r["articles"], r["label"]))[:top]
    return {
        "articles": len(articles),
        "mentions": sum(mention_dates.values()),
        "entities": len(types),
        "entities_per_class": dict(sorted(Counter(kind.values()).items())),
        "relations": sum(rels.values()),
        "relations_per_type": dict(sorted(rels.items())),
        "shared_entities": shared,
        "most_mentioned": most,
        "articles_per_date": dict(sorted(per_date.items())),
        "mentions_per_date": dict(sorted(mention_dates.items())),
    }


def cached(path, store, top: int = 10) -> dict:
    """:func:`stats` of the store in folder ``path`` (open as ``store``), kept in a file beside the folder and
    counted again only when a build has changed the store (the version :mod:`kg.analysis.storeview` checks)."""
    import pickle
    from pathlib import Path

    from .storeview import _version

    p = Path(path).resolve()
    cache = p.parent / f".{p.name}.kg-stats.pickle"
    version = _version(p)
    try:
        with open(cache, "rb") as fh:
            saved, full = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        saved = full = None
    if saved != version or not isinstance(full, dict):
        full = stats(store, top=None)
        try:
            from kg.util.io import write_bytes

            write_bytes(cache, pickle.dumps((version, full), protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only place: no cache, same answer
    return {**full, "most_mentioned": full["most_mentioned"][:top]}
