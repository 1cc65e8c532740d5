"""A persistent graph store on disk (Oxigraph through pyoxigraph, RocksDB) for archives too large for rdflib.

Layout (the one :func:`kg.rdf.build.dataset` writes to graph.trig): every article's own triples (the article, its
bylines, mentions, memberships and statements) live in the named graph ``<base>graph/article/<id>``; entity
descriptions and facts between entities live in ``<base>graph/entities``. Queries see the union of all graphs.
Writing a build again replaces the graphs of its articles (matched by their ``dcterms:source`` file), so
re-building the same input never duplicates data; ``kg:mentionCount`` is recomputed from the mentions in the
store after every write.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter, defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from kg.rdf.build import PREFIXES

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph
    from _typeshed import SupportsRead
    from rdflib import Graph

__all__ = ["is_store", "open_store", "partition", "write", "to_ox", "from_ox", "load_memory", "copy_to_memory",
           "to_rdflib", "to_graph", "check_writable", "write_quads",
           "prepare_quads", "Prepared", "settle", "check_new", "load_new"]

KG, RDF_TYPE = PREFIXES["kg"], "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PROV_DERIVED = PREFIXES["prov"] + "wasDerivedFrom"
SOURCE = PREFIXES["dcterms"] + "source"


def is_store(path: str | os.PathLike) -> bool:
    """True if ``path`` is a folder holding an Oxigraph (RocksDB) store."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file() and any(p.glob("OPTIONS-*"))


def open_store(path: str | os.PathLike, read_only: bool = False) -> "pyoxigraph.Store":
    """Open (or create, unless ``read_only``) the store in folder ``path``."""
    import pyoxigraph as ox

    if read_only:
        return ox.Store.read_only(str(path))
    Path(path).mkdir(parents=True, exist_ok=True)
    return ox.Store(str(path))


def partition(graph: "Graph") -> dict[str, list[tuple]]:
    """Split ``graph`` into graph name -> triples: ``<base>graph/article/<id>`` for each article's own triples,
    ``<base>graph/entities`` for everything else (names as in :func:`kg.rdf.build.dataset`)."""
    from rdflib import URIRef

    from kg.rdf.build import DEFAULT_BASE, ENTITIES

    owner: dict = {}
    for art in graph.subjects(URIRef(RDF_TYPE), URIRef(KG + "Article")):
        owner[art] = art
        for b in graph.objects(art, URIRef(KG + "byline")):
            owner[b] = art
    for m, art in graph.subject_objects(URIRef(KG + "inArticle")):
        owner.setdefault(m, art)
    for ms in graph.subjects(URIRef(RDF_TYPE), URIRef(KG + "Membership")):
        arts = sorted(graph.objects(ms, URIRef(PROV_DERIVED)))
        if arts:
            owner.setdefault(ms, arts[0])
    articles = sorted(set(owner.values()))
    base = str(articles[0]).rsplit("article/", 1)[0] if articles else DEFAULT_BASE
    names = {a: _graph_name(str(a)) for a in articles}
    parts: dict[str, list[tuple]] = defaultdict(list)
    for t in graph:
        art = owner.get(t[0])
        parts[base + ENTITIES if art is None else names[art]].append(t)
    return dict(parts)


def _graph_name(article: str) -> str:
    """``<base>article/<id>`` -> ``<base>graph/article/<id>``."""
    head, sep, tail = article.rpartition("article/")
    return f"{head}graph/article/{tail}" if sep else article + "#graph"


def to_ox(term):
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot convert {term!r}")


def from_ox(term):
    """A pyoxigraph term as an rdflib term."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"cannot convert {term!r}")


def _quads(triples: Iterable[tuple], graph_name) -> list:
    import pyoxigraph as ox

    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph_name) for s, p, o in triples]


def write(graph: "Graph", path: str | os.PathLike) -> dict[str, int]:
    """Write a built graph into the store at ``path`` (created if needed), replacing earlier builds of the same
    input files. Returns counts: ``articles`` written, ``replaced`` article graphs dropped, ``quads`` in the store."""
    import pyoxigraph as ox

    store = open_store(path)
    parts = partition(graph)
    sources = sorted({str(o) for s, o in graph.subject_objects(_uri(SOURCE))
                      if (s, _uri(RDF_TYPE), _uri(KG + "Article")) in graph})
    replaced = set()
    if sources:
        wanted = set(sources)
        replaced = {sol["g"] for sol in store.query(
            "SELECT DISTINCT ?g ?src WHERE { GRAPH ?g { ?a a kg:Article ; dcterms:source ?src } }",
            prefixes=PREFIXES) if sol["src"].value in wanted}
    for g in replaced:
        store.remove_graph(g)
    entities = [name for name in parts if "graph/article/" not in name]
    for name, triples in parts.items():
        gname = ox.NamedNode(name)
        if name not in entities:
            store.remove_graph(gname)
        store.extend(_quads(triples, gname))
    _recount(store)
    store.flush()
    return {"articles": len(parts) - len(entities), "replaced": len(replaced), "quads": len(store)}


_RECOUNT = """DELETE { GRAPH ?eg { ?e kg:mentionCount ?old } } INSERT { GRAPH ?eg { ?e kg:mentionCount ?n } }
        WHERE { GRAPH ?eg { ?e kg:mentionCount ?old }
                OPTIONAL { SELECT ?e (COUNT(DISTINCT ?m) AS ?c) WHERE { GRAPH ?g { ?m kg:mentionOf ?e } } GROUP BY ?e }
                BIND (COALESCE(?c, 0) AS ?n) }"""


def _recount(store) -> None:
    """kg:mentionCount of every entity = the number of mentions of it in the whole store."""
    store.update(_RECOUNT, prefixes=PREFIXES)


def load_memory(path: str | os.PathLike) -> "pyoxigraph.Store":
    """A graph file (any RDF syntax kg reads) loaded into an in-memory pyoxigraph store."""
    import pyoxigraph as ox

    from .query import QueryError, graph_file

    p = graph_file(path)
    fmt = ox.RdfFormat.from_extension(p.suffix.lstrip(".").lower() or "ttl") or ox.RdfFormat.TURTLE
    store = ox.Store()
    try:
        store.bulk_load(path=str(p), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise QueryError(f"{p}: cannot parse as {fmt}: {' '.join(str(exc).split())}") from None
    return store


def copy_to_memory(path: str | os.PathLike) -> "pyoxigraph.Store":
    """The store in folder ``path`` copied, named graphs and all, into an in-memory pyoxigraph store: several
    times faster to query than RocksDB on disk (scripts/bench_store.py), at the cost of loading it first and
    holding it in RAM. Later changes to the folder are not seen."""
    import pyoxigraph as ox

    memory = ox.Store()
    memory.bulk_extend(open_store(path, read_only=True).quads_for_pattern(None, None, None, None))
    return memory


def to_rdflib(store: "pyoxigraph.Store"):
    """The whole store as an rdflib Dataset (named graphs kept); for exports of moderate size."""
    import pyoxigraph as ox
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    ds = Dataset(default_union=True)
    for q in store:
        g = DATASET_DEFAULT_GRAPH_ID if isinstance(q.graph_name, ox.DefaultGraph) else from_ox(q.graph_name)
        ds.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), g))
    return ds


def to_graph(store: "pyoxigraph.Store") -> "Graph":
    """The union of all graphs in the store as one rdflib Graph (named graphs dropped)."""
    from rdflib import Graph

    from kg.rdf.build import bind_prefixes

    g = Graph()
    bind_prefixes(g)
    for q in store:
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return g


def _uri(text: str):
    from rdflib import URIRef

    return URIRef(text)


def check_writable(path: str | os.PathLike) -> None:
    """Raise OSError now (before a long build) if the store at ``path`` cannot be written, e.g. while a
    `kg serve --allow-update` holds it, or its folder cannot be made."""
    p = Path(path)
    if is_store(p):
        store = open_store(p)
        del store
        return
    check_new(p)
    p.parent.mkdir(parents=True, exist_ok=True)
    if not os.access(p.parent, os.W_OK):
        raise OSError(f"{p.parent}: not writable")


def settle(path: str | os.PathLike) -> None:
    """Open the store at ``path`` once more and close it: RocksDB then removes the write-ahead logs whose writes
    are all in its tables, so the store's version (kg.analysis.storeview) stays the same until the next write."""
    import pyoxigraph as ox

    store = ox.Store(str(path))
    del store


def write_quads(nquads: str | os.PathLike, path: str | os.PathLike, sources: list[str], base: str,
                relabel: Iterable[str] = ()) -> dict[str, int]:
    """:func:`prepare_quads` and at once :meth:`Prepared.switch`: the build in the store, one atomic rename."""
    return prepare_quads(nquads, path, sources, base, relabel).switch()


class Prepared:
    """A new version of a store, complete beside it (:func:`prepare_quads`): :meth:`switch` puts it in place in one
    atomic rename, :meth:`discard` removes it."""

    def __init__(self, new: Path, target: Path, fresh: bool, info: dict[str, int],
                 changes: tuple[list[str], list[str], list[str]] | None = None) -> None:
        self.new, self.target, self.fresh, self.info = new, target, fresh, info
        self.changes = changes  # of a store that existed: the entities touched, article graphs dropped and added (IRIs)

    def switch(self) -> dict[str, int]:
        """Put the new version in place (the old one is removed); return ``articles`` written, ``replaced`` graphs."""
        from kg.util.generation import exchange

        try:
            if self.fresh:
                if self.target.exists():
                    self.target.rmdir()
                os.rename(self.new, self.target)
            else:
                exchange(self.new, self.target)  # the old version is now at self.new
        finally:
            self.discard()
        return self.info

    def discard(self) -> None:
        if self.new.exists():
            shutil.rmtree(self.new, ignore_errors=True)


def check_new(target: Path) -> None:
    """Raise unless a new store may be made at ``target`` (absent, or an empty folder)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise OSError(f"{target}: exists and is not an Oxigraph store")


def load_new(nquads: "str | os.PathLike | SupportsRead[bytes]", new: Path) -> int:
    """Bulk-load the N-Quads ``nquads`` (a file name, or a binary reader) into a new store at ``new``; return the
    number of articles in it. A new store has nothing to drop or recount: no pass over the file in Python."""
    import pyoxigraph as ox

    fresh = ox.Store(str(new))
    if isinstance(nquads, (str, os.PathLike)):
        fresh.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS, lenient=True)  # (lenient: see prepare_quads)
    else:
        fresh.bulk_load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)
    fresh.flush()
    count = next(iter(fresh.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a kg:Article } }",
                                  prefixes=PREFIXES)))[0]
    del fresh
    settle(new)
    return int(count.value)


def prepare_quads(nquads: str | os.PathLike, path: str | os.PathLike, sources: list[str], base: str,
                  relabel: Iterable[str] = ()) -> Prepared:
    """Write the N-Quads file ``nquads`` (the store layout of one build, see :mod:`kg.rdf.quads`) into the store at
    ``path`` as a new version switched in at once: a new store is bulk-loaded beside ``path`` and renamed into
    place; an existing one is copied (a RocksDB checkpoint: hard links, no data copied), the copy gets the build
    (the graphs of earlier builds of the same ``sources`` and of the same articles dropped, the quads bulk-loaded,
    ``kg:mentionCount`` recounted for the entities the build or the dropped graphs touch: an index lookup each,
    not a pass over the store; the ``rdfs:label`` of the entities ``relabel`` (local names: the build renames them,
    :mod:`kg.store.incremental`) dropped) and is swapped with ``path`` in one atomic rename. A build killed at any moment
    leaves the store as it was before or as it is after. Returns the new version, ready to :meth:`Prepared.switch`
    in (``articles`` written and ``replaced`` graphs in its ``info``); the store at ``path`` is not changed.

    The loader is lenient (IRIs not validated again, about 6% faster): the file is the build's own stream, every IRI
    made by kg.rdf.iris and every term written by kg.rdf.ntriples."""
    import pyoxigraph as ox

    from kg.util.generation import clean_siblings, sibling

    target = Path(path)
    clean_siblings(target)
    new = sibling(target, "new")
    try:
        if not is_store(target):
            check_new(target)
            return Prepared(new, target, True, {"articles": load_new(nquads, new), "replaced": 0})
        articles, touched = _read_layout(nquads, base)
        current = open_store(target)
        added = _count_mentions(nquads)
        replaced = set()
        if sources:
            from kg.rdf import ntriples as nt

            replaced = {str(sol["g"]) for sol in current.query(
                f"SELECT DISTINCT ?g WHERE {{ VALUES ?src {{ {' '.join(nt.literal(x) for x in sources)} }} "
                "GRAPH ?g { ?a a kg:Article ; dcterms:source ?src } }", prefixes=PREFIXES)}
        dropped = sorted(replaced | articles)
        counts = Counter(added)  # mention counts after the write: before - dropped + added, entity by entity
        for i in range(0, len(dropped), 500):
            values = " ".join(dropped[i:i + 500])
            for sol in current.query(f"SELECT ?e (COUNT(DISTINCT ?m) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                                     "GRAPH ?g { ?m kg:mentionOf ?e } } GROUP BY ?e", prefixes=PREFIXES):
                counts[str(sol[0])] -= int(sol[1].value)
        touched.update(counts)
        ordered = sorted(touched)
        for i in range(0, len(ordered), 500):
            values = " ".join(ordered[i:i + 500])
            for sol in current.query(f"SELECT ?e ?n WHERE {{ VALUES ?e {{ {values} }} GRAPH ?g {{ ?e kg:mentionCount ?n }} }}",
                                     prefixes=PREFIXES):
                counts[str(sol[0])] += int(sol[1].value)
        current.backup(str(new))
        del current
        copy = ox.Store(str(new))
        if dropped:
            copy.update("".join(f"DROP SILENT GRAPH {g} ;\n" for g in dropped) + "CLEAR SILENT GRAPH <urn:kg:none>")
        relabel = sorted(relabel)
        for i in range(0, len(relabel), 500):
            values = " ".join(f"<{base}{k}>" for k in relabel[i:i + 500])
            copy.update(f"DELETE {{ GRAPH ?g {{ ?e rdfs:label ?l }} }} WHERE {{ VALUES ?e {{ {values} }} "
                        f"GRAPH ?g {{ ?e rdfs:label ?l }} }}", prefixes=PREFIXES)
        copy.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS, lenient=True)
        _set_counts(copy, ordered, counts)
        copy.flush()
        del copy
        settle(new)
        return Prepared(new, target, False, {"articles": len(articles), "replaced": len(replaced)},
                        ([e[1:-1] for e in ordered], [g[1:-1] for g in dropped], sorted(g[1:-1] for g in articles)))
    except BaseException:
        if new.exists():
            shutil.rmtree(new, ignore_errors=True)
        raise


def _count_mentions(nquads: str | os.PathLike) -> Counter:
    """Entity (``<...>``) -> the number of distinct mentions of it in the N-Quads file."""
    mention_of = f" <{KG}mentionOf> "
    pairs = set()
    with open(nquads, encoding="utf-8") as fh:
        for line in fh:
            if mention_of in line:
                m, _, rest = line.partition(mention_of)
                pairs.add((m, rest[:rest.index("> ") + 1]))
    return Counter(e for _, e in pairs)


def _set_counts(store, entities: list[str], counts: Counter) -> None:
    """Replace the kg:mentionCount of ``entities`` (N-Triples IRIs) by ``counts``, in the graphs that hold one (the
    count of an entity the store does not describe is not added)."""
    for i in range(0, len(entities), 500):
        values = "VALUES ?e { " + " ".join(entities[i:i + 500]) + " }"
        where = [(str(sol[0]), str(sol[1])) for sol in store.query(
            f"SELECT DISTINCT ?e ?g WHERE {{ {values} GRAPH ?g {{ ?e kg:mentionCount ?o }} }}", prefixes=PREFIXES)]
        if not where:
            continue
        store.update(f"DELETE {{ GRAPH ?g {{ ?e kg:mentionCount ?o }} }} WHERE {{ {values} GRAPH ?g {{ ?e kg:mentionCount ?o }} }}",
                     prefixes=PREFIXES)
        data = " ".join(f'GRAPH {g} {{ {e} kg:mentionCount {max(counts[e], 0)} }}' for e, g in where)
        store.update(f"INSERT DATA {{ {data} }}", prefixes=PREFIXES)


def _read_layout(nquads: str | os.PathLike, base: str) -> tuple[set[str], set[str]]:
    """The article graphs of a store-layout N-Quads file and the entities whose mention counts it touches."""
    mention_count, mention_of = f"<{KG}mentionCount>", f"<{KG}mentionOf>"
    graphs: set[str] = set()
    touched: set[str] = set()
    with open(nquads, encoding="utf-8") as fh:
        for line in fh:
            spo, g, _ = line.rsplit(" ", 2)
            graphs.add(g)
            s_end = spo.index("> ") + 1
            p_end = spo.index("> ", s_end + 1) + 1
            p = spo[s_end + 1:p_end]
            if p == mention_count:
                touched.add(spo[:s_end])
            elif p == mention_of:
                touched.add(spo[p_end + 1:])
    article = f"<{base}graph/article/"
    return {g for g in graphs if g.startswith(article)}, touched
