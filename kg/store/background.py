"""A build's store write running beside the rest of the build: the new store version is prepared in a thread
(:func:`kg.store.oxigraph.prepare_quads`; Oxigraph's bulk loader is native code that releases the GIL and loads
on its own threads) while the main thread writes the graph files and the page; it is switched in only when the
build asks, after its files are committed, so a build that fails or is killed leaves the store as it was.

The thread is held to one processor: Oxigraph's loader starts one writer per processor it may use, each holding a
batch of about a million quads, so on one it needs about 500 MB less (1.2 GB instead of 1.7 GB for 6.3 million
quads, measured 2026-12-07) and loads beside the main thread instead of competing with it.
"""

from __future__ import annotations

import os
import threading
import time
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from .oxigraph import Prepared

__all__ = ["Loading"]


class Loading:
    """``prepare_quads(nquads, path, sources, base, relabel)`` started in a thread at once."""

    def __init__(self, nquads: str | os.PathLike, path: str | os.PathLike, sources: list[str], base: str,
                 relabel: Iterable[str] = ()) -> None:
        self._args = (nquads, path, list(sources), base, list(relabel))
        self._prepared: Prepared | None = None
        self._error: BaseException | None = None
        self.seconds = 0.0  # wall seconds the preparation took in its thread
        self._thread = threading.Thread(target=self._run, name="kg-store-write", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from .oxigraph import prepare_quads

        if hasattr(os, "sched_setaffinity"):  # this thread only (Linux), and the loader threads it starts
            os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[-1:])
        started = time.perf_counter()
        try:
            self._prepared = prepare_quads(*self._args)
        except BaseException as exc:  # handed to the main thread by finish()
            self._error = exc
        finally:
            self.seconds = time.perf_counter() - started

    def finish(self) -> "Prepared":
        """Wait for the new version and switch it in (returned: its ``info`` and ``changes``); raise what the
        preparation raised."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._prepared is not None
        self._prepared.switch()
        return self._prepared

    def abandon(self) -> None:
        """Wait for the preparation (it writes beside the store) and remove what it made; the store is unchanged."""
        self._thread.join()
        if self._prepared is not None:
            self._prepared.discard()
            self._prepared = None
