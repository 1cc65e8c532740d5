"""The per-document stages on a Dask cluster (``kg build --dask ADDRESS``): batches of documents are analysed by
the cluster's workers (:func:`kg.analyse.analyse`, the same function the local process pool runs), linking and
writing stay on the client. Results come back in document order, so the output is the local build's.

The workers need kg (and its model files) installed in the same version as the client; see the README.
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

from .analyse import Batch, analyse, batches
from .model import Document

__all__ = ["run"]


def run(documents: Iterable[Document], address, size: int = 64, in_flight: int | None = None,
        disabled: Iterable[str] = ()) -> Iterator[Batch]:
    """:func:`kg.analyse.analyse` over batches of ``size`` documents on the Dask scheduler at ``address`` (a
    ``tcp://host:port`` string, or a ``distributed`` cluster object), at most ``in_flight`` batches submitted at
    a time (default: two per worker thread); ``disabled``: the components left out (:mod:`kg.components`)."""
    disabled = tuple(sorted(set(disabled)))
    from distributed import Client

    with Client(address) as client:
        if in_flight is None:
            in_flight = max(2, 2 * sum(client.nthreads().values()))
        pending: deque = deque()
        for n, batch in enumerate(batches(documents, size)):
            pending.append(client.submit(analyse, batch, disabled, key=f"kg-analyse-{n}-{id(batch)}", pure=False))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
