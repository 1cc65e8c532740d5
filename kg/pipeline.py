"""Wiring of the stages: ingest -> normalise -> segment -> extract -> link -> graph -> outputs.

The only module that knows the order of the stages; the CLI is a thin layer on top of it.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from . import extract, ingest, link, normalise, relations, segment
from .graph import DEFAULT_BASE
from .graph import build as build_graph
from .io import write_text
from .model import Article, Linked, Mention, Relation

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["Result", "run", "write_outputs", "summary"]


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


def run(paths: Iterable[str | os.PathLike], base: str = DEFAULT_BASE) -> Result:
    """Build the knowledge graph of the articles in ``paths`` (files or folders)."""
    started = time.perf_counter()
    documents, warnings = ingest.read(paths)
    articles: list[Article] = []
    for doc in documents:
        articles += segment.segment(doc, normalise.normalise(doc.text))
    found = {a.id: extract.mentions(a) for a in articles}
    rels = {a.id: relations.relations(a, found[a.id]) for a in articles}
    linked = link.link(articles, found, rels)
    graph = build_graph(articles, linked, base)
    return Result(tuple(articles), found, rels, linked, graph, tuple(warnings), time.perf_counter() - started,
                  sum(len(d.text) for d in documents))


def write_outputs(result: Result, out_dir: str | os.PathLike) -> list[Path]:
    """Write graph.ttl and graph.html into ``out_dir`` (atomically) and return their paths."""
    from . import explorer

    out = Path(out_dir)
    ttl = write_text(out / "graph.ttl", result.graph.serialize(format="turtle"))
    html = out / "graph.html"
    explorer.write(result.graph, html)
    return [ttl, html]


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
