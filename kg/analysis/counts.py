"""``kg stats`` by SPARQL aggregates: the counts of the entity graph (:mod:`kg.analysis.egraph`'s definition: entities,
relations, the articles that mention them) without building it. The result is the one
:func:`kg.analysis.questions.stats` documents (a test compares both ways).

The counts are made in two steps: :func:`tally` reads, per entity and per article, what the summary needs (the
entity's classes, mention count, articles, label, relations; the article's date and mentions), and :func:`summarise`
adds it up. For a store the tally is kept in a file beside the store folder (:func:`cached`), and a build that adds
stories to a store brings it up to date by reading again only the entities and articles it touched
(:func:`refresh`: an index lookup each), so ``kg stats`` answers from the file even right after a build.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Iterable

from kg.rdf.build import PREFIXES
from .egraph import RDF_TYPE, best_values, entity_classes, local

__all__ = ["stats", "tally", "summarise", "cached", "refresh"]

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


def _article_of(g: str) -> str:
    """The article whose named graph is ``g`` (``<base>graph/article/<id>`` -> ``<base>article/<id>``)."""
    from kg.rdf.iris import ARTICLE_GRAPHS, article

    at = g.find(ARTICLE_GRAPHS)
    return g[:at] + article(g[at + len(ARTICLE_GRAPHS):])


def _mentions_by_article(graph) -> list[list]:
    """(article, mentions) rows. Where every mention sits in its article's named graph (a kg store, graph.nq,
    graph.trig) one group by graph answers, about fifteen times faster on a big store than the join by
    kg:inArticle that any other graph gets."""
    from kg.rdf.iris import ARTICLE_GRAPHS

    if not (hasattr(graph, "named_graphs") or hasattr(graph, "contexts")):  # (an rdflib Graph has no named graphs)
        by_graph = []
    else:
        by_graph = _rows(graph, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m a kg:Mention } } GROUP BY ?g")
    total = sum(_int(n) for (n,) in _rows(graph, "SELECT (COUNT(*) AS ?n) WHERE { ?m a kg:Mention }"))
    if by_graph and all(ARTICLE_GRAPHS in g for g, _ in by_graph) and sum(_int(n) for _, n in by_graph) == total:
        return [[_article_of(g), n] for g, n in by_graph]
    return _rows(graph, "SELECT ?a (COUNT(?m) AS ?n) WHERE { ?m a kg:Mention . OPTIONAL { ?m kg:inArticle ?a } } "
                        "GROUP BY ?a")


def _values(var: str, iris: Iterable[str] | None, size: int = 500) -> list[str]:
    """VALUES clauses binding ``?var`` to ``iris`` in chunks (``[""]``: no restriction, ``[]``: nothing to read)."""
    if iris is None:
        return [""]
    ordered = sorted(iris)
    return [f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in ordered[k:k + size])} }} " for k in range(0, len(ordered), size)]


def _each(graph, sparql: str, var: str, iris: Iterable[str] | None) -> list[list]:
    """The rows of ``sparql`` (with ``{values}`` where the VALUES clause goes) for every chunk of ``iris``."""
    return [row for v in _values(var, iris) for row in _rows(graph, sparql.replace("{values}", v))]


def tally(graph, entities: Iterable[str] | None = None, graphs: Iterable[str] | None = None) -> dict:
    """What :func:`summarise` adds up, read from ``graph`` (an rdflib Graph or a pyoxigraph Store): of every entity
    and article, or, with ``entities`` (IRIs) and ``graphs`` (article graph IRIs of a store), of those only (the
    part :func:`refresh` reads again). ``rels`` holds each entity's relations (subject, predicate, object) to the
    entities read; a whole tally keeps those whose object is an entity."""

    known = entity_classes()
    classes = "VALUES ?c { " + " ".join(f"kg:{c}" for c in sorted(known)) + " } " if entities is None else ""
    types: dict[str, set[str]] = {}  # (a store plans one VALUES block well, two badly: the classes go in Python then)
    for e, c in _each(graph, f"SELECT DISTINCT ?e ?c WHERE {{ {{values}}{classes}?e a ?c . FILTER(isIRI(?e)) }}",
                      "e", entities):
        if c.startswith(KG_NS) and c[len(KG_NS):] in known:
            types.setdefault(e, set()).add(c[len(KG_NS):])
    counts = {e: _int(n) for e, n in _each(graph, "SELECT ?e ?n WHERE { {values}?e kg:mentionCount ?n }", "e", entities)
              if e in types}
    arts = {e: int(n) for e, n in _each(graph, "SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { {values}"
                                               "?a schema:mentions ?e } GROUP BY ?e", "e", entities) if e in types}
    labels = best_values(_each(graph, "SELECT ?e ?v (LANG(?v) AS ?l) WHERE { {values}?e rdfs:label ?v }", "e",
                               entities))
    typed = f"{classes}?s a ?c . " if entities is None else ""
    rels = {(s, p, o) for s, p, o in _each(graph, f"SELECT DISTINCT ?s ?p ?o WHERE {{ {{values}}{typed}"
                                                  "?s ?p ?o . FILTER(isIRI(?o)) }", "s", entities)
            if s != o and p != RDF_TYPE and s in types and (entities is not None or o in types)}
    if entities is not None:  # relations of other entities to these (the others' own are unchanged)
        rdf = RDF_TYPE[:-len("type")]  # (the links from mentions, measures and statements to an entity: not read)
        rels |= {(s, p, o) for s, p, o in _each(graph, "SELECT DISTINCT ?s ?p ?o WHERE { {values}?s ?p ?o . FILTER(?p "
                                                       f"NOT IN (kg:mentionOf, schema:mentions, kg:measureOf, <{rdf}subject>, "
                                                       f"<{rdf}object>)) }}", "o", entities)
                 if s != o and p != RDF_TYPE}
    if graphs is None:
        mentioning = {a for a, e in _rows(graph, "SELECT DISTINCT ?a ?e WHERE { ?a schema:mentions ?e . "
                                                 "MINUS { ?a a kg:Article } }") if e in types}  # (none in a kg build)
        articles = {a for (a,) in _rows(graph, "SELECT DISTINCT ?a WHERE { ?a a kg:Article }")} | mentioning
        dates = best_values([r for r in _rows(graph, "SELECT ?a ?d (LANG(?d) AS ?l) WHERE { ?a schema:datePublished ?d }")
                             if r[0] in articles])  # (one pattern: a join with the articles' type is slow in a store)
        mentions = dict(_mentions_by_article(graph))
    else:
        named = {g: _article_of(g) for g in graphs}
        articles = {a for (a,) in _each(graph, "SELECT DISTINCT ?a WHERE { {values}?a a kg:Article }", "a", named.values())}
        dates = best_values(_each(graph, "SELECT ?a ?d (LANG(?d) AS ?l) WHERE { {values}?a schema:datePublished ?d }",
                                  "a", articles))
        mentions = {named[g]: n for g, n in _each(graph, "SELECT ?g (COUNT(*) AS ?n) WHERE { {values}"
                                                         "GRAPH ?g { ?m a kg:Mention } } GROUP BY ?g", "g", named)}
    return {"types": types, "counts": counts, "arts": arts, "labels": labels, "rels": rels,
            "days": {a: (dates.get(a) or "")[:10] or None for a in articles},
            "mentions": {a or "": _int(n) for a, n in mentions.items()}}


def summarise(t: dict, top: int | None = 10) -> dict:
    """The counts of a :func:`tally` (``top=None``: every mentioned entity in ``most_mentioned``)."""
    from .netx import ontology_classes

    hierarchy = ontology_classes()
    types, counts, arts_of, labels = t["types"], t["counts"], t["arts"], t["labels"]
    kind = {e: min(cs, key=lambda c: (-len(hierarchy.get(c, ())), c)) for e, cs in types.items()}
    per_date = Counter(d or "unknown" for d in t["days"].values())
    mention_dates: Counter = Counter()
    for a, n in t["mentions"].items():
        mention_dates[t["days"].get(a) or "unknown"] += n
    rels = Counter(p.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] for s, p, o in t["rels"] if o in types)

    def row(e: str) -> dict:
        return {"label": labels.get(e) or local(e), "class": kind[e], "mentions": counts.get(e, 0),
                "articles": arts_of.get(e, 0), "iri": e}

    shared = sorted((row(e) for e in sorted(types) if arts_of.get(e, 0) >= 2),
                    key=lambda r: (-r["articles"], -r["mentions"], r["label"]))
    most = sorted((row(e) for e in sorted(types) if counts.get(e, 0) > 0),
                  key=lambda r: (-r["mentions"], -r["articles"], r["label"]))[:top]
    return {
        "articles": len(t["days"]),
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


def stats(graph, top: int | None = 10) -> dict:
    """Counts of ``graph`` (an rdflib Graph or a pyoxigraph Store): see :func:`kg.analysis.questions.stats`;
    ``top=None``: every mentioned entity in ``most_mentioned``."""
    return summarise(tally(graph), top)


def _cache(path: Path) -> Path:
    return path.parent / f".{path.name}.kg-stats.pickle"


def _load(path: Path) -> tuple[str | None, dict | None]:
    import pickle

    try:
        with open(_cache(path), "rb") as fh:
            saved, t = pickle.load(fh)
        return (saved, t) if isinstance(t, dict) and "rels" in t else (None, None)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        return None, None


def _save(path: Path, t: dict) -> None:
    import pickle

    from kg.util.io import write_bytes

    from .storeview import _version

    try:
        write_bytes(_cache(path), pickle.dumps((_version(path), t), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only place: no cache, same answer


def cached(path, store, top: int = 10) -> dict:
    """:func:`stats` of the store in folder ``path`` (open as ``store``) from the tally kept in a file beside the
    folder, counted again only when the store has changed since (a build keeps it up to date: :func:`refresh`)."""
    from .storeview import _version

    p = Path(path).resolve()
    saved, t = _load(p)
    if saved != _version(p) or t is None:
        if store is None:
            from kg.store.oxigraph import open_store

            store = open_store(p, read_only=True)
        t = tally(store)
        _save(p, t)
    return summarise(t, top)


def version(path) -> str | None:
    """The version of the store in folder ``path`` whose tally is kept beside it (None: none is kept, or it is of
    another version): a build reads it before it writes, to :func:`refresh` the tally after."""
    from .storeview import _version

    p = Path(path).resolve()
    try:
        saved, t = _load(p)
        return saved if t is not None and saved == _version(p) else None
    except OSError:
        return None


def refresh(path, before: str | None, entities: Iterable[str] | None, dropped: Iterable[str] = (),
            added: Iterable[str] = (), whole: dict | None = None) -> bool:
    """Bring the tally kept beside the store folder ``path`` up to date after a build wrote the store: a new store
    (``entities`` None) is tallied whole (or given ``whole``, its tally read from the build's triples); a store
    that was at version ``before`` (:func:`version`) when the build started, and whose tally was kept for it, gets
    the ``entities`` the build touched and the article graphs it ``dropped`` and ``added`` read again. Returns
    whether a tally was written (no kept tally: nothing to refresh; ``kg stats`` counts when asked)."""
    from kg.store.oxigraph import open_store

    p = Path(path).resolve()
    if entities is None:
        _save(p, whole if whole else tally(open_store(p, read_only=True)))
        return True
    saved, t = _load(p)
    if t is None or before is None or saved != before:
        return False
    touched = set(entities)
    part = tally(open_store(p, read_only=True), touched, added)
    for key in ("types", "counts", "arts", "labels"):
        kept = {e: v for e, v in t[key].items() if e not in touched}
        kept.update(part[key])
        t[key] = kept
    t["rels"] = ({r for r in t["rels"] if r[0] not in touched and r[2] not in touched}
                 | {r for r in part["rels"] if r[0] in t["types"] and r[2] in t["types"]})
    for g in dropped:
        t["days"].pop(_article_of(g), None)
        t["mentions"].pop(_article_of(g), None)
    t["days"].update(part["days"])
    t["mentions"].update(part["mentions"])
    _save(p, t)
    return True
