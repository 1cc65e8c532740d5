"""Write a build's files from the quad stream of :mod:`kg.quads`: graph.ttl, graph.trig, graph.nq and graph.html,
as one generation (:mod:`kg.generation`), in bounded memory.

Every quad goes, as one line of N-Triples terms, into two external sorts (:class:`kg.extsort.Sorter`): the
quads (graph first) and the triples (their union: a triple several articles state is one triple). The sorted,
unique lines are written by :mod:`kg.rdfwrite`: graph.nq and graph.trig from the quads, graph.ttl from the
triples; the explorer gets the triples it reads. The triples are exactly those of :mod:`kg.quads` (every
literal's lexical form kept) and the order is the sorted order, so identical inputs give identical bytes
whatever the order the quads came in (the number of processes, the order of the input files).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Callable, Iterable

from . import generation
from .extsort import Sorter
from .graph import PREFIXES

__all__ = ["NAMES", "QuadFile", "write", "TripleIndex", "EXPLORER_PREDICATES", "ExplorerTriples"]

NAMES = ["graph.ttl", "graph.trig", "graph.nq", "graph.html"]
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SORT_LIMIT = 300_000  # lines per sort kept in memory (about 90 MB); more go to sorted runs on disk


class QuadFile:
    """The store layout of a build as an N-Quads file: ``add(graph, owner, s, p, o)`` (a :data:`kg.quads.Add`
    sink) writes each triple once, in its store graph ``owner``."""

    def __init__(self, path: Path, base: str) -> None:
        self.path, self.base = path, base
        self._fh = open(path, "w", encoding="utf-8", newline="\n")
        self._names: dict[str, str] = {}
        self._buffer: list[str] = []

    def add(self, graph: str, owner: str, s: str, p: str, o: str) -> None:
        term = self._names.get(owner)
        if term is None:
            term = self._names[owner] = f"<{self.base}{owner}>"
        self._buffer.append(f"{s} {p} {o} {term} .\n")
        if len(self._buffer) >= 20000:
            self._fh.write("".join(self._buffer))
            self._buffer.clear()

    def close(self) -> Path:
        if not self._fh.closed:
            self._fh.write("".join(self._buffer))
            self._buffer.clear()
            self._fh.close()
        return self.path


# What the explorer (kg.explorer.collect) reads: these predicates, rdf:type of entities, articles and memberships,
# and every triple between two entities (facts). Handing it only these triples gives the same page (tested)
# without building the whole graph in rdflib.
EXPLORER_PREDICATES = frozenset("<" + iri + ">" for iri in (
    PREFIXES["rdfs"] + "label", PREFIXES["skos"] + "altLabel", PREFIXES["schema"] + "mentions",
    PREFIXES["schema"] + "headline", PREFIXES["schema"] + "alternativeHeadline", PREFIXES["schema"] + "articleBody",
    PREFIXES["schema"] + "datePublished", PREFIXES["dcterms"] + "source", PREFIXES["kg"] + "regionCode",
    PREFIXES["kg"] + "adminLevel", PREFIXES["org"] + "member", PREFIXES["org"] + "organization",
    PREFIXES["kg"] + "role", PREFIXES["kg"] + "holdsPost", PREFIXES["kg"] + "mentionOf",
    PREFIXES["kg"] + "inArticle", PREFIXES["nif"] + "anchorOf", PREFIXES["nif"] + "beginIndex",
))
_EXPLORER_TYPES = frozenset(f"<{PREFIXES['kg']}{c}>" for c in (
    "Article", "Membership", "Person", "Enterprise", "GovernmentBody", "PartyOrganization", "AdministrativeRegion",
    "Initiative", "Organization", "Place"))


class ExplorerTriples:
    """Collects the triples the explorer reads (see :data:`EXPLORER_PREDICATES`) from the sorted triple lines,
    as rdflib terms (each distinct term converted and held once) in a :class:`TripleIndex`."""

    def __init__(self, facts: Iterable[str]) -> None:
        self.facts = frozenset(facts)
        self.index = TripleIndex(())
        self._terms: dict[str, object] = {}

    @property
    def triples(self) -> list[tuple]:
        return self.index._triples

    def filter(self, lines: Iterable[str]) -> Iterable[str]:
        """Pass sorted triple lines through, keeping those the explorer reads."""
        from .ntriples import to_rdflib
        from .rdfwrite import split_triple

        preds, facts, types, add = EXPLORER_PREDICATES, self.facts, _EXPLORER_TYPES, self.index.add
        terms = self._terms

        def term(text: str):
            t = terms.get(text)
            if t is None:
                t = terms[text] = to_rdflib(text)
            return t

        for line in lines:
            yield line
            s, p, o = split_triple(line)
            if p in preds or p in facts or (p == _RDF_TYPE and o in types):
                add((term(s), term(p), term(o)))


class TripleIndex:
    """A small read-only graph over rdflib terms with the part of rdflib's Graph API the explorer uses
    (``subject_objects``, ``subjects``, ``objects``, ``value``, iteration, ``len``): building it costs about a
    microsecond a triple, where an rdflib Graph costs tens."""

    def __init__(self, triples: Iterable[tuple]) -> None:
        self._triples: list[tuple] = []
        self._by_p: dict = defaultdict(list)
        self._by_sp: dict = defaultdict(list)
        for t in triples:
            self.add(t)

    def add(self, t: tuple) -> None:
        self._triples.append(t)
        self._by_p[t[1]].append((t[0], t[2]))
        self._by_sp[t[0], t[1]].append(t[2])

    def __iter__(self):
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def subject_objects(self, predicate):
        return iter(self._by_p.get(predicate, ()))

    def subjects(self, predicate, obj=None):
        return (s for s, o in self._by_p.get(predicate, ()) if obj is None or o == obj)

    def objects(self, subject, predicate):
        return iter(self._by_sp.get((subject, predicate), ()))

    def value(self, subject, predicate):
        found = self._by_sp.get((subject, predicate))
        return found[0] if found else None


def write(emit: Callable[[Callable], None], out_dir: str | os.PathLike, base: str, facts: Iterable[str],
          also: Callable | None = None, timer=None, stats: dict | None = None) -> list[Path]:
    """Write graph.ttl, graph.trig, graph.nq and graph.html into ``out_dir`` as one generation.

    ``emit(add)`` streams the build's quads into ``add(graph, owner, s, p, o)``; ``facts`` are the fact predicate
    IRIs (``<...>``) the explorer draws as edges; ``also`` (optional) receives every quad too (for ``--store``).
    ``timer(name)`` marks the end of a stage; ``stats["triples"]`` is set to the number of triples."""
    from . import explorer
    from .rdfwrite import write_nquads_trig, write_turtle

    mark = timer or (lambda name: None)
    gen = generation.stage(out_dir)
    quads, triples = Sorter(gen, SORT_LIMIT), Sorter(gen, SORT_LIMIT)
    try:
        names: dict[str, str] = {}
        quad_lines, triple_lines = [], []

        def add(graph: str, owner: str, s: str, p: str, o: str) -> None:
            g = names.get(graph)
            if g is None:
                g = names[graph] = f"<{base}{graph}> "
            spo = f"{s} {p} {o}"
            quad_lines.append(g + spo)
            triple_lines.append(spo)
            if also is not None:
                also(graph, owner, s, p, o)
            if len(quad_lines) >= 50000:
                quads.extend(quad_lines)
                triples.extend(triple_lines)
                quad_lines.clear()
                triple_lines.clear()

        emit(add)
        quads.extend(quad_lines)
        triples.extend(triple_lines)
        mark("rdf")
        with open(gen / "graph.nq", "w", encoding="utf-8", newline="\n") as nq, \
                open(gen / "graph.trig", "w", encoding="utf-8", newline="\n") as trig:
            write_nquads_trig(quads.unique(), nq, trig, PREFIXES)
        seen = ExplorerTriples(facts)
        with open(gen / "graph.ttl", "w", encoding="utf-8", newline="\n") as ttl:
            count = write_turtle(seen.filter(triples.unique()), ttl, PREFIXES)
        if stats is not None:
            stats["triples"] = count
        mark("serialise")
        explorer.write(seen.index, gen / "graph.html")  # the hook: explorer.write(graph, path)
        mark("explorer")
        return generation.commit(gen, NAMES)
    except BaseException:
        quads.close()
        triples.close()
        generation.discard(gen)
        raise
