"""The per-document stages of a build, in batches, on a process pool: the components of :mod:`kg.components`
(normalise -> segment -> ner -> rules -> mentions -> relations -> nested -> measures), less those disabled.
Everything here reads one article at a time, so batches can run in any process (or on a Dask cluster,
:mod:`kg.cluster`) and the results, put back in document order, are the same whatever the number of processes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable, Iterator

from .model import Article, Document, Measure, Mention, Relation

__all__ = ["Batch", "analyse", "batches", "run", "default_jobs"]


@dataclass
class Batch:
    """What the per-document stages found in some documents (articles in document order)."""

    articles: list[Article]
    mentions: dict[str, list[Mention]]
    relations: dict[str, list[Relation]]
    measures: dict[str, list[Measure]]


def analyse(documents: list[Document], disabled: Iterable[str] = ()) -> Batch:
    """Run the per-document components (less those named in ``disabled``) on ``documents``."""
    from . import components

    docs = components.run(documents, disabled)
    return Batch([d.article for d in docs], {d.article.id: d.mentions for d in docs},
                 {d.article.id: d.relations for d in docs}, {d.article.id: d.measures for d in docs})


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover (not Linux)
        return max(1, os.cpu_count() or 1)


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """``documents`` in lists of ``size`` (the last may be shorter)."""
    batch: list[Document] = []
    for doc in documents:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run(documents: Iterable[Document], jobs: int = 1, size: int = 64, disabled: Iterable[str] = ()
        ) -> Iterator[Batch]:
    """:func:`analyse` over batches of ``size`` documents with ``jobs`` processes, results in document order.
    At most ``2 * jobs`` batches are in flight, so documents are read as the workers need them. ``disabled``:
    the components left out (:mod:`kg.components`)."""
    disabled = tuple(sorted(set(disabled)))
    if jobs <= 1:
        for batch in batches(documents, size):
            yield analyse(batch, disabled)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method)) as pool:
        pending: deque = deque()
        for batch in batches(documents, size):
            pending.append(pool.submit(analyse, batch, disabled))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
