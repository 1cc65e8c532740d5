"""Named graphs on disk: graph.trig and graph.nq (one graph per article plus the merged entities), and removing
one article's facts from them while keeping every entity another article still supports.

The layout is made by :func:`kg.rdf.build.dataset`: ``<base>graph/article/<id>`` per article and
``<base>graph/entities`` for the merged entities.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from . import iris
from .build import DEFAULT_BASE, ENTITIES, PREFIXES, bind_prefixes
from kg.relations import registry
from kg.util.io import write_text

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

__all__ = ["from_result", "write", "load", "union", "remove", "base_of", "article_ids", "RemoveError"]

_KG = PREFIXES["kg"]
_FACTS = registry.names()  # the fact predicates (kg/relations/registry.py)


class RemoveError(ValueError):
    """The article to remove is not in the graph, or the graph folder cannot be read."""


def from_result(result) -> "Dataset":
    """The named graphs of a :class:`kg.pipeline.Result`: :func:`kg.rdf.build.dataset`, plus every other triple later
    stages added to ``result.graph`` (measures, initiative types): in the graph of the article whose id is a path
    segment of its subject IRI, else in the entities graph."""
    from rdflib import URIRef

    from .build import dataset

    base = dict((p, str(ns)) for p, ns in result.graph.namespaces()).get("id", DEFAULT_BASE)
    ds = dataset(list(result.articles), result.linked, base)
    known = set()
    for g in ds.graphs():
        known.update(g)
    ids = {a.id for a in result.articles}
    ent = ds.graph(URIRef(base + ENTITIES))
    for t in result.graph:
        if t in known:
            continue
        aid = iris.article_of(str(t[0]), base, ids)
        (ds.graph(URIRef(base + iris.article_graph(aid))) if aid else ent).add(t)
    return ds


def write(ds: "Dataset", out_dir: str | os.PathLike) -> list[Path]:
    """Write ``graph.trig`` and ``graph.nq`` into ``out_dir`` atomically; return their paths."""
    out = Path(out_dir)
    return [write_text(out / "graph.trig", ds.serialize(format="trig")),
            write_text(out / "graph.nq", ds.serialize(format="nquads"))]


def load(out_dir: str | os.PathLike) -> "Dataset":
    """Read ``graph.trig`` from a `kg build` output folder (or a .trig file)."""
    from rdflib import Dataset

    path = Path(out_dir)
    if path.is_dir():
        path = path / "graph.trig"
    if not path.is_file():
        raise RemoveError(f"{path}: no such file (run `kg build` first)")
    ds = Dataset()
    try:
        ds.parse(path, format="trig")
    except Exception as exc:  # rdflib raises many parser error types
        raise RemoveError(f"{path}: cannot parse TriG: {exc}") from None
    return ds


def base_of(ds: "Dataset") -> str:
    """The base IRI of the instance data (from the name of the entities graph)."""
    for g in ds.graphs():
        name = str(g.identifier)
        if name.endswith(ENTITIES):
            return name[: -len(ENTITIES)]
    return DEFAULT_BASE


def article_ids(ds: "Dataset") -> dict[str, str]:
    """Article id -> its source file name, for every article graph."""
    from rdflib import URIRef

    base = base_of(ds)
    prefix = base + iris.ARTICLE_GRAPHS
    out = {}
    for g in ds.graphs():
        name = str(g.identifier)
        if name.startswith(prefix):
            aid = name[len(prefix):]
            src = g.value(URIRef(base + iris.article(aid)), URIRef("http://purl.org/dc/terms/source"))
            out[aid] = str(src) if src is not None else ""
    return out


def union(ds: "Dataset") -> "Graph":
    """All triples of all graphs as one graph (what graph.ttl holds)."""
    from rdflib import Graph

    g = Graph()
    bind_prefixes(g, base_of(ds))
    for part in ds.graphs():
        for t in part:
            g.add(t)
    return g


def remove(ds: "Dataset", article: str) -> list[str]:
    """Remove the facts of ``article`` (an article id, its IRI, or a source file name for all its articles).

    Drops the article graphs, then prunes the entities graph: entities no remaining article mentions, refers to,
    credits or states a fact about (nor an ancestor or parent of such an entity) go, with their merge decisions;
    surface forms seen only in the removed articles leave ``skos:altLabel``; ``kg:mentionCount`` is recounted.
    Returns the removed article ids; raises :class:`RemoveError` when nothing matches.
    """
    from rdflib import URIRef

    base = base_of(ds)
    ids = article_ids(ds)
    name = article.strip()
    if name.startswith(base + iris.article("")):
        name = name[len(base + iris.article("")):]
    gone = sorted(a for a, src in ids.items() if name in (a, src, os.path.basename(src)))
    if not gone:
        raise RemoveError(f"{article}: no such article or source in the graph ({len(ids)} articles)")
    for aid in gone:
        ds.remove_graph(ds.graph(URIRef(base + iris.article_graph(aid))))
    _prune(ds, base, {URIRef(base + iris.article(a)) for a in gone})
    return gone


def _prune(ds: "Dataset", base: str, removed_articles: set) -> None:
    from collections import Counter, defaultdict

    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, SKOS

    kg = lambda local: URIRef(_KG + local)  # noqa: E731
    schema_author = URIRef(PREFIXES["schema"] + "author")
    anchor = URIRef(PREFIXES["nif"] + "anchorOf")
    ent = ds.graph(URIRef(base + ENTITIES))
    facts = {kg(p) for p in _FACTS}

    supported: set = set()
    mention_count: Counter = Counter()
    forms: dict = defaultdict(set)
    for g in ds.graphs():
        if g.identifier == ent.identifier:
            continue
        for s, p, o in g:
            if p == kg("mentionOf"):
                supported.add(o)
                mention_count[o] += 1
                for text in g.objects(s, anchor):
                    forms[o].add(str(text))
            elif p in (kg("refersTo"), schema_author, kg("person")):
                supported.add(o)
            elif p in facts:
                supported.update((s, o))
    changed = True
    while changed:  # ancestors, parents and name-derived regions of what is kept
        changed = False
        for s, p, o in ent:
            if p in facts and s in supported and o not in supported:
                supported.add(o)
                changed = True

    entities = {s for s, o in ent.subject_objects(RDF.type) if str(o).startswith(_KG)
                and str(o)[len(_KG):] not in ("MergeDecision", "Statement")}
    for e in entities - supported:
        for d in list(ent.objects(e, kg("mergeDecision"))):
            ent.remove((d, None, None))
        ent.remove((e, None, None))
        ent.remove((None, None, e))
    for st in list(ent.subjects(RDF.type, kg("Statement"))):
        if ent.value(st, RDF.subject) is None or ent.value(st, RDF.object) is None:
            ent.remove((st, None, None))
    for e in entities & supported:
        if e in forms:
            for alt in list(ent.objects(e, SKOS.altLabel)):
                if str(alt) not in forms[e]:
                    ent.remove((e, SKOS.altLabel, alt))
            for d in list(ent.objects(e, kg("mergeDecision"))):
                if str(ent.value(d, kg("surfaceForm"))) not in forms[e]:
                    ent.remove((d, None, None))
                    ent.remove((e, kg("mergeDecision"), d))
        if (e, kg("mentionCount"), None) in ent:
            ent.set((e, kg("mentionCount"), Literal(mention_count.get(e, 0))))
    for a in removed_articles:
        ent.remove((None, None, a))
