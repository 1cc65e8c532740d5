"""Analysis of a store folder (``kg build --store``): :mod:`kg.analysis.egraph` reads the store by SPARQL, and the networkx
projection the network commands use is cached beside the store until a build changes it."""

from __future__ import annotations

import os
import pickle
from pathlib import Path


__all__ = ["network"]

def _version(path: Path) -> str:
    """Changes whenever a build writes the store (a new version is a new folder; RocksDB rewrites CURRENT)."""
    st = path.stat()
    cur = (path / "CURRENT").stat()
    return f"{st.st_ino}-{cur.st_mtime_ns}-{(path / 'CURRENT').read_text().strip()}"


def network(path: str | os.PathLike, store=None):
    """The entity graph of the store (:func:`kg.analysis.netx.to_networkx`, which reads the store by SPARQL), cached in a
    file beside the store folder and rebuilt only when the store has changed."""
    from .netx import to_networkx
    from kg.store.oxigraph import open_store

    p = Path(path).resolve()
    cache = p.parent / f".{p.name}.kg-netx.pickle"
    version = _version(p)
    try:
        with open(cache, "rb") as fh:
            saved_version, G = pickle.load(fh)
        if saved_version == version:
            return G
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass
    G = to_networkx(store if store is not None else open_store(p, read_only=True))  # type: ignore[arg-type]
    try:
        from kg.util.io import write_bytes

        write_bytes(cache, pickle.dumps((version, G), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only place: no cache, same answer
    return G
