"""Wiring of the stages: ingest -> normalise -> segment -> extract -> link -> graph -> outputs.

The only module that knows the order of the stages; the CLI is a thin layer on top of it.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import extract, ingest, link, nested, normalise, relations, segment
from . import initiatives, measures
from .graph import DEFAULT_BASE
from .graph import build as build_graph
from .io import write_text
from .model import Article, Linked, Measure, Mention, Relation

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["Result", "run", "relate_and_link", "write_outputs", "write_store", "summary"]


@dataclass(frozen=True)
class Result:
    """Everything one build produced, stage by stage."""

    articles: tuple[Article, ...]
    mentions: dict[str, list[Mention]]
    relations: dict[str, list[Relation]]
    linked: Linked
    graph: "Graph"
    warnings: tuple[str, ...]
    seconds: float
    characters: int
    measures: dict[str, list[Measure]] = field(default_factory=dict)  # dates, amounts (kg.measures)
    sources: dict[str, str] = field(default_factory=dict)  # PDF / HTML file name -> the text read from it


def run(paths: Iterable[str | os.PathLike], base: str = DEFAULT_BASE) -> Result:
    """Build the knowledge graph of the articles in ``paths`` (files or folders)."""
    started = time.perf_counter()
    documents, warnings = ingest.read(paths)
    articles: list[Article] = []
    for doc in documents:
        articles += segment.segment(doc, normalise.normalise(doc.text))
    found, rels, linked = relate_and_link(articles, extract.mentions_all(articles))
    graph = build_graph(articles, linked, base)
    found_measures = {a.id: measures.measures(a, found[a.id]) for a in articles}
    measures.add_to_graph(graph, articles, found_measures, linked, base)
    initiatives.add_types(graph, linked, base)
    converted = {d.source: d.text for d in documents if Path(d.source).suffix.lower() in ingest.FORMATS}
    return Result(tuple(articles), found, rels, linked, graph, tuple(warnings), time.perf_counter() - started,
                  sum(len(d.text) for d in documents), found_measures, converted)


def relate_and_link(articles: list[Article], found: dict[str, list[Mention]]
                    ) -> tuple[dict[str, list[Mention]], dict[str, list[Relation]], Linked]:
    """Relations read from the flat mentions, then the regions nested in names added (kg.nested), then linking:
    (mentions with the nested ones, relations, linked)."""
    rels = {a.id: relations.relations(a, found.get(a.id, [])) for a in articles}
    found = {a.id: found.get(a.id, []) + nested.region_mentions(a, found.get(a.id, [])) for a in articles}
    return found, rels, link.link(articles, found, rels)


def write_outputs(result: Result, out_dir: str | os.PathLike) -> list[Path]:
    """Write graph.ttl and graph.html into ``out_dir`` (atomically) and return their paths; the text read from each
    PDF or web page goes to ``sources/<file name>.txt`` (the raw text its offsets point into)."""
    from . import explorer

    out = Path(out_dir)
    sources = [write_text(out / "sources" / f"{name}.txt", text) for name, text in sorted(result.sources.items())]
    ttl = write_text(out / "graph.ttl", result.graph.serialize(format="turtle"))
    html = out / "graph.html"
    explorer.write(result.graph, html)
    from . import named  # graph.trig and graph.nq: one named graph per article plus the merged entities

    return [ttl, *named.write(named.from_result(result), out), html, *sources]


def write_store(result: Result, store_dir: str | os.PathLike) -> Path:
    """Write the graph into the persistent Oxigraph store in ``store_dir`` (replacing earlier builds of the same
    input files) and return the folder."""
    from . import store

    store.write(result.graph, store_dir)
    return Path(store_dir)


def summary(result: Result) -> str:
    """A short report for the terminal: articles, entities per class, relations, time."""
    classes = Counter(e.cls for e in result.linked.entities if e.mentions or e.cls == "Person")
    facts = Counter(f.predicate for f in result.linked.facts)
    mentions = sum(len(m) for m in result.mentions.values())
    lines = [
        f"articles   {len(result.articles)}",
        f"mentions   {mentions}",
        f"entities   {sum(classes.values())}  (" + ", ".join(f"{c} {n}" for c, n in sorted(classes.items())) + ")",
        f"relations  {sum(facts.values())}  (" + ", ".join(f"{p} {n}" for p, n in sorted(facts.items())) + ")",
        f"triples    {len(result.graph)}",
        f"time       {result.seconds:.2f} s ({result.characters / max(result.seconds, 1e-9):,.0f} chars/s)",
    ]
    return "\n".join(lines)
