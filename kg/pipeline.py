"""Wiring of the stages: ingest -> normalise -> segment -> extract -> link -> graph -> outputs.

The only module that knows the order of the stages; the CLI is a thin layer on top of it.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import EllipsisType
from typing import TYPE_CHECKING, Iterable

from kg.ingest import readers as ingest
from kg.link import entities as link
from kg.rdf import quads
from kg.rdf.build import DEFAULT_BASE, PREFIXES
from kg.util import memory
from .model import Article, Linked, Measure, Mention, Relation

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["Outputs", "Result", "Timer", "run", "relate_and_link", "write_outputs", "write_store", "summary"]


class Timer:
    """Seconds per stage: ``timer("extract")`` closes the stage that ran since the last mark."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.stages: dict[str, float] = {}

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.stages[name] = self.stages.get(name, 0.0) + now - self.last
        self.last = now

    @property
    def total(self) -> float:
        return time.perf_counter() - self.started


@dataclass(frozen=True)
class Result:
    """Everything one build produced, stage by stage. ``graph`` (rdflib) is made when first asked for; the
    outputs and the store are written from the quad stream (:meth:`emit`) without it."""

    articles: tuple[Article, ...]
    mentions: dict[str, list[Mention]]
    relations: dict[str, list[Relation]]
    linked: Linked
    warnings: tuple[str, ...]
    seconds: float
    characters: int
    measures: dict[str, list[Measure]] = field(default_factory=dict)  # dates, amounts (kg.extract.measures)
    base: str = DEFAULT_BASE
    timer: Timer = field(default_factory=Timer, compare=False, repr=False)
    stats: dict = field(default_factory=dict, compare=False, repr=False)  # e.g. triples, once written
    sources: dict[str, str] = field(default_factory=dict)  # PDF / HTML file name -> the text read from it

    def emit(self, add) -> None:
        """Stream every quad of the build into ``add(graph, owner, s, p, o)`` (see :mod:`kg.rdf.quads`)."""
        arts = list(self.articles)
        quads.emit(arts, self.linked, self.base, add, self.mentions)
        quads.extra_triples(arts, self.measures, self.linked, self.base, add)

    @cached_property
    def graph(self) -> "Graph":
        """The whole graph as one rdflib Graph (the union of the named graphs); for small builds."""
        from rdflib import Graph

        from kg.rdf.build import bind_prefixes
        from kg.rdf.ntriples import to_rdflib

        g = Graph()
        bind_prefixes(g, self.base)
        terms: dict[str, object] = {}

        def add(_graph: str, _owner: str, s: str, p: str, o: str) -> None:
            for t in (s, p, o):
                if t not in terms:
                    terms[t] = to_rdflib(t)
            g.add((terms[s], terms[p], terms[o]))

        self.emit(add)
        return g

    def counts(self) -> dict:
        """What :func:`summary` reports of the build (articles, mentions, entities per class, relations per type),
        kept in ``stats`` so that it outlives :meth:`release`."""
        if "classes" not in self.stats:
            self.stats.update(articles=len(self.articles),
                              mentions=sum(len(m) for m in self.mentions.values()),
                              classes=Counter(e.cls for e in self.linked.entities),  # every entity node
                              # distinct (subject, predicate, object), as the graph and kg stats count them
                              facts=Counter(p for _, p, _ in {(f.subject, f.predicate, f.object)
                                                              for f in self.linked.facts}))
        return self.stats

    def release(self) -> None:
        """Let go of the build's articles, mentions, relations, measures and links once its files and store have
        what they need (:func:`write_outputs` with ``release``): on an archive of tens of thousands of stories they
        are gigabytes that would otherwise stay in memory beside the store's loader. :func:`summary` still works
        (:meth:`counts`); nothing else of the result does."""
        self.counts()
        for part in (self.mentions, self.relations, self.measures):
            part.clear()
        object.__setattr__(self, "articles", ())  # frozen for its users; emptied only here, on the caller's word
        object.__setattr__(self, "linked", Linked((), {}, (), {}))
        memory.give_back()

    @property
    def fact_predicates(self) -> set[str]:
        """The fact predicates of this build as N-Triples terms (what the explorer draws as edges)."""
        return {f"<{PREFIXES['kg']}{p}>" for p in {f.predicate for f in self.linked.facts}}


def run(paths: Iterable[str | os.PathLike], base: str = DEFAULT_BASE, timer: Timer | None = None,
        jobs: int = 1, dask=None, disable: Iterable[str] = (), progress=None, early: "Outputs | None" = None
        ) -> Result:
    """Build the knowledge graph of the articles in ``paths`` (files or folders); the per-document stages run in
    ``jobs`` processes (:mod:`kg.analyse`; the result is the same for any number), or on the Dask scheduler
    ``dask`` (an address or a cluster object: :mod:`kg.cluster`); the components named in ``disable`` are left
    out (:mod:`kg.components`). ``progress(total)`` (e.g. :func:`kg.util.progress.bar`) makes a bar the
    extraction advances by documents. ``early``: the build's :class:`Outputs`, given what extraction found before
    linking starts (then finished with the result: ``early.finish(result)``)."""
    from . import analyse, components

    disable = components.check(disable)
    timer = timer or Timer()
    documents, warnings = ingest.read(paths)
    characters = sum(len(d.text) for d in documents)
    timer("read")
    size = max(8, min(64, -(-len(documents) // (4 * max(jobs, 1)))))
    articles: list[Article] = []
    found: dict[str, list[Mention]] = {}
    rels: dict[str, list[Relation]] = {}
    found_measures: dict[str, list[Measure]] = {}
    if dask is not None:
        from . import cluster

        batched = cluster.run(documents, dask, size, disabled=disable)
    else:
        batched = analyse.run(documents, jobs if len(documents) > size else 1, size, disable)
    bar = progress(len(documents)) if progress else None
    for done, batch in enumerate(batched, 1):
        articles += batch.articles
        found.update(batch.mentions)
        rels.update(batch.relations)
        found_measures.update(batch.measures)
        if bar is not None:
            bar.set_postfix(articles=len(articles), refresh=False)
            bar.update(min(size, len(documents) - (done - 1) * size))
    if bar is not None:
        bar.close()
    converted = {d.source: d.text for d in documents if Path(d.source).suffix.lower() in ingest.FORMATS}
    del documents
    timer("extract")
    if early is not None and articles:
        early.spans(articles, found)
        timer("spans")
    linked = link.link(articles, found, rels)
    timer("link")
    return Result(tuple(articles), found, rels, linked, tuple(warnings), timer.total, characters,
                  found_measures, base, timer, sources=converted)


def relate_and_link(articles: list[Article], found: dict[str, list[Mention]]
                    ) -> tuple[dict[str, list[Mention]], dict[str, list[Relation]], Linked]:
    """Relations read from the flat mentions, then the regions nested in names added (kg.link.nested), then linking:
    (mentions with the nested ones, relations, linked)."""
    from . import components

    docs = components.apply([components.ArticleDoc(a, list(found.get(a.id, []))) for a in articles],
                            ("relations", "nested"))
    rels = {d.article.id: d.relations for d in docs}
    found = {d.article.id: d.mentions for d in docs}
    return found, rels, link.link(articles, found, rels)


def write_outputs(result: Result, out_dir: str | os.PathLike, store_dir: str | os.PathLike | None = None,
                  tallied: str | None | EllipsisType = ..., release: bool = False) -> list[Path]:
    """Write graph.ttl, graph.trig, graph.nq and graph.html into ``out_dir`` as one generation (kg.outputs), and,
    with ``store_dir``, the build into that persistent Oxigraph store (kg.store.oxigraph, one transaction); return the
    paths written. The text read from each PDF or web page goes to ``sources/<file name>.txt`` (the raw text its
    offsets point into). ``tallied``: the store's version whose ``kg stats`` tally the build brings up to date
    (kg.analysis.counts.version, read before anything opened the store to write: opening it may compact its tables;
    ``...``: read it now). ``release``: the result is released (:meth:`Result.release`) once every quad is streamed
    (the files, the page and the store are written from the stream; only :func:`summary` works on it afterwards).
    A build that has its outputs streamed while it links: :class:`Outputs` given to :func:`run` as ``early``."""
    with Outputs(out_dir, store_dir, tallied) as outputs:
        return outputs.finish(result, release)


class Outputs:
    """The outputs of one build (see :func:`write_outputs`), written as its stages give them: opened before the
    build (``with Outputs(...) as out:``), given by :func:`run` what extraction alone decides (:meth:`spans`, while
    linking runs: a new store's loader loads it meanwhile, on the processor linking leaves idle), then finished
    with the build (:meth:`finish`). Leaving the ``with`` block unfinished (an error) discards everything."""

    def __init__(self, out_dir: str | os.PathLike, store_dir: str | os.PathLike | None = None,
                 tallied: str | None | EllipsisType = ..., base: str = DEFAULT_BASE) -> None:
        from . import outputs

        self.out_dir, self.store_dir, self.base = out_dir, store_dir, base
        self.store_file, self.loading, self.whole = None, None, None  # whole: a new store's kg stats tally
        self.tallied: str | None | EllipsisType = tallied
        self._spans = False
        if store_dir is not None:
            from kg.analysis import counts
            from kg.store import background, oxigraph as store
            from kg.util.generation import scratch

            self.tallied = counts.version(store_dir) if tallied is ... else tallied
            store.check_writable(store_dir)
            self.store_file = outputs.QuadFile(scratch(out_dir, ".store.nq"), base)
            if not store.is_store(store_dir):  # a new store: loaded in a child process as the file is written
                self.loading, self.whole = background.Streaming(self.store_file.path, store_dir), {}
        self.files = None
        try:
            self.files = outputs.Files(out_dir, base, self.store_file.add_line if self.store_file else None)
        except BaseException:
            self.close()  # (the loader started: stopped, its scratch file removed)
            raise
        self.stream = quads.Stream(base, self.files.add)

    def __enter__(self) -> "Outputs":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def spans(self, articles: list[Article], found: dict[str, list[Mention]]) -> None:
        """Stream the articles' own triples and their mentions' spans (:class:`kg.rdf.quads.Stream`)."""
        self.stream.articles(articles)
        self.stream.spans(found)
        self._spans = True

    def finish(self, result: Result, release: bool = False) -> list[Path]:
        """Stream the rest of ``result`` and write everything (see :func:`write_outputs`); return the paths."""
        from kg.util.io import write_text

        if result.base != self.base:
            raise ValueError(f"the build's base {result.base} is not the outputs' {self.base}")
        sources = [write_text(Path(self.out_dir) / "sources" / f"{name}.txt", text)
                   for name, text in sorted(result.sources.items())]
        given, relabel = result, []
        if self.store_dir is not None:
            result, relabel = _reconciled(result, self.store_dir)
        if not self._spans:
            self.spans(list(result.articles), result.mentions)
        self.stream.links(result.linked)
        quads.extra_triples(list(result.articles), result.measures, result.linked, result.base, self.files.add)
        store_file, store_dir = self.store_file, self.store_dir

        def streamed() -> None:  # every quad is out: an existing store is updated while the files are written
            from kg.store import background, incremental

            if store_file is not None:
                store_file.close(incremental.key_quads(result.linked, result.base))
                if isinstance(self.loading, background.Streaming):
                    self.loading.ended()
                else:
                    self.loading = background.Loading(store_file.path, store_dir,
                                                      sorted({a.source for a in result.articles}), result.base,
                                                      relabel)
            self.stream = None  # its caches of articles and sentences
            if release:
                result.release()
                if given is not result:  # the caller's, when the store renamed entities (a copy sharing the rest)
                    given.release()

        files, self.files = self.files, None
        written = files.finish(result.fact_predicates, result.timer, result.stats, streamed, self.whole)
        if self.loading is not None:
            prepared = self.loading.finish()  # after the files are committed: a failed build leaves the store as it was
            result.stats["store_seconds"], self.loading = self.loading.seconds, None
            _recount(store_dir, self.tallied if isinstance(self.tallied, str) else None, prepared.changes, self.whole)
            if files.entity_graph is not None:  # a new store: kg central's graph from the triples just written
                from kg.analysis.storeview import keep_collapsed

                keep_collapsed(store_dir, files.entity_graph)
            result.timer("store")
            written.append(Path(store_dir))
        return written + sources

    def close(self) -> None:
        """Discard whatever was not finished; remove the store's scratch file."""
        if self.files is not None:
            self.files.discard()
            self.files = None
        if self.store_file is not None:
            self.store_file.close()
        if self.loading is not None:
            self.loading.abandon()
            self.loading = None
        if self.store_file is not None:
            self.store_file.path.unlink(missing_ok=True)


def write_store(result: Result, store_dir: str | os.PathLike) -> Path:
    """Write the build into the persistent Oxigraph store in ``store_dir`` (replacing earlier builds of the same
    input files, in one transaction) and return the folder."""
    from . import outputs
    from kg.analysis import counts
    from kg.store import incremental, oxigraph as store

    tallied = counts.version(store_dir)  # (before the store is opened to write: that may compact its tables)
    store.check_writable(store_dir)
    result, relabel = _reconciled(result, store_dir)
    with tempfile.TemporaryDirectory(prefix="kg-store-") as tmp:
        sink = outputs.QuadFile(Path(tmp) / "store.nq", result.base)
        result.emit(sink.add)
        sink.close(incremental.key_quads(result.linked, result.base))
        prepared = store.prepare_quads(sink.path, store_dir, sorted({a.source for a in result.articles}), result.base,
                                       relabel)
        prepared.switch()
    _recount(store_dir, tallied, prepared.changes)
    return Path(store_dir)


def _recount(store_dir: str | os.PathLike, tallied: str | None,
             changes: tuple[list[str], list[str], list[str]] | None, whole: dict | None = None) -> None:
    """The ``kg stats`` tally kept beside the store brought up to date (kg.analysis.counts.refresh): all of a new
    store (``whole``, if the build's triples gave it already: no pass over the store); of a store whose tally was
    kept at version ``tallied``, what the build touched."""
    from kg.analysis import counts

    if changes is None:
        counts.refresh(store_dir, None, None, whole=whole)
    else:
        counts.refresh(store_dir, tallied, *changes)


def _reconciled(result: Result, store_dir: str | os.PathLike) -> tuple[Result, list[str]]:
    """The build with its entities named as the store at ``store_dir`` names them (kg.store.incremental), and
    the entities whose label in the store changes."""
    from dataclasses import replace

    from kg.store import incremental

    linked, relabel = incremental.reconcile(result.linked, store_dir, result.base)
    return (result if linked is result.linked else replace(result, linked=linked)), relabel


def summary(result: Result, verbose: bool = False) -> str:
    """A short report for the terminal: articles, entities per class, relations, triples, the time of the whole
    run so far (and, ``verbose``, seconds per stage)."""
    counts = result.counts()  # every entity node, as kg stats and the page count
    classes, facts, mentions = counts["classes"], counts["facts"], counts["mentions"]
    lines = [
        f"articles   {counts['articles']}",
        f"mentions   {mentions}",
        f"entities   {sum(classes.values())}  (" + ", ".join(f"{c} {n}" for c, n in sorted(classes.items())) + ")",
        f"relations  {sum(facts.values())}  (" + ", ".join(f"{p} {n}" for p, n in sorted(facts.items())) + ")",
        f"triples    {result.stats['triples'] if 'triples' in result.stats else len(result.graph)}",
    ]
    seconds = result.timer.total
    lines.append(f"time       {seconds:.2f} s ({result.characters / max(seconds, 1e-9):,.0f} chars/s)")
    if verbose:
        lines += [f"  {name:<9}{secs:8.2f} s" for name, secs in result.timer.stages.items()]
    return "\n".join(lines)
