"""The entity graph of a store folder (``kg build --store``), read once per version of the store.

:func:`entity_graph` is the one way the explorer (``kg view``) and the network commands read a store: the entity
graph of :mod:`kg.analysis.egraph` (SPARQL on the store), cached in a file beside the store folder
(``.NAME.kg-egraph.pickle``) and read again only when a build has changed the store. :func:`network` is its
networkx projection (:func:`kg.analysis.netx.to_networkx`), cached beside it too (``.NAME.kg-netx.pickle``),
since unpickling it is faster than projecting again, and :func:`collapsed` its parallel edges collapsed into arrays
(``.NAME.kg-collapsed.pickle``), all ``kg central`` reads: a second or two to load where the multigraph takes half a
minute on the whole corpus.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

__all__ = ["entity_graph", "network", "collapsed", "keep_collapsed"]


def _version(path: Path) -> str:
    """Changes whenever the store's data may have changed: a build switches in a new folder (its inode), and RocksDB
    writes into its log (``*.log`` files that are not empty) and then into table files (``*.sst``): their names and
    sizes. Opening the store to write without writing (kg build's early check) only adds an empty log, so the tally
    a build keeps (kg.analysis.counts) stays valid; a build leaves no log behind (kg.store.oxigraph.settle)."""
    import hashlib

    tables = sorted((e.name, size) for e in os.scandir(path) if e.name.endswith((".sst", ".log"))
                    and (size := e.stat().st_size) > 0)
    return f"{path.stat().st_ino}-{hashlib.sha1(repr(tables).encode()).hexdigest()[:16]}"


def _saved(path: Path, kind: str, version: str):
    """The value saved beside the store for ``version`` of it, else None."""
    try:
        with open(path.parent / f".{path.name}.kg-{kind}.pickle", "rb") as fh:
            saved_version, value = pickle.load(fh)
        return value if saved_version == version else None
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError):
        return None


def _cached(path: Path, kind: str, make):
    """``make()``, or the value saved beside the store for its current version; saved when made."""
    version = _version(path)
    value = _saved(path, kind, version)
    if value is not None:
        return value
    value = make()
    _save(path, kind, version, value)
    return value


def _save(path: Path, kind: str, version: str, value) -> None:
    try:
        from kg.util.io import write_bytes

        write_bytes(path.parent / f".{path.name}.kg-{kind}.pickle", pickle.dumps((version, value),
                                                                                protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only place: no cache, same answer


def entity_graph(path: str | os.PathLike, store=None):
    """The :class:`kg.analysis.egraph.EntityGraph` of the store folder ``path`` (``store``: the store, if already
    open), cached beside the folder until the store changes."""
    from kg.store.oxigraph import open_store

    from .egraph import read

    p = Path(path).resolve()
    return _cached(p, "egraph", lambda: read(store if store is not None else open_store(p, read_only=True)))


def network(path: str | os.PathLike, store=None):
    """The networkx projection (:func:`kg.analysis.netx.to_networkx`) of :func:`entity_graph`, cached beside the
    store folder until the store changes."""
    from .netx import to_networkx

    p = Path(path).resolve()
    return _cached(p, "netx", lambda: to_networkx(entity_graph(p, store)))


def collapsed(path: str | os.PathLike, store=None):
    """:func:`kg.analysis.netx.collapse` of the store's entity graph (no multigraph made), cached beside the store
    folder until the store changes. The entity graph is :func:`entity_graph`'s if that is cached, else read without
    the articles' fields and texts, mentions and evidence it has for the page (on the whole corpus: a third of the
    time)."""
    from kg.store.oxigraph import open_store

    from .egraph import read
    from .netx import collapse

    p = Path(path).resolve()

    def make():
        eg = _saved(p, "egraph", _version(p))
        if eg is None:
            eg = read(store if store is not None else open_store(p, read_only=True), articles=False, bodies=False,
                      mentions=False, evidence=False)
        return collapse(eg)

    return _cached(p, "collapsed", make)


def keep_collapsed(path: str | os.PathLike, eg) -> None:
    """Save :func:`collapsed` of the store folder ``path`` from its entity graph ``eg``, already in hand (a build
    that made a new store read it from the triples it wrote: :class:`kg.pipeline.Outputs`), so that the first
    ``kg central`` on the store does not read it again."""
    from .netx import collapse

    p = Path(path).resolve()
    _save(p, "collapsed", _version(p), collapse(eg))
