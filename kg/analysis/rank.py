"""PageRank and betweenness over edge arrays (numpy): linear in the edges, seconds for a million of them, no scipy.
The one PageRank of kg: the entity ranking of ``kg central`` and the explorer's choice of what to draw first both
call :func:`pagerank`; ``kg central``'s betweenness is :func:`betweenness`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["pagerank", "betweenness"]


def pagerank(size: int, src: "np.ndarray", dst: "np.ndarray", weight: "np.ndarray | None" = None,
             teleport: "np.ndarray | None" = None, alpha: float = 0.85, tol: float = 1e-9,
             max_iter: int = 100) -> "np.ndarray":
    """Ranks of ``size`` nodes on the edges ``src[i] -> dst[i]`` (give both directions of an undirected edge) of
    ``weight`` (1 when None). A walk teleports, and leaves a node without edges, in proportion to ``teleport``
    (uniform when None); it stops when the ranks change by less than ``tol`` in all (at most ``max_iter`` steps)."""
    import numpy as np

    w = np.ones(len(src)) if weight is None else np.asarray(weight, dtype=np.float64)
    strength = np.bincount(src, weights=w, minlength=size)
    dangling = strength == 0
    share = np.divide(w, strength[src], out=np.zeros_like(w), where=strength[src] > 0)
    tele = np.full(size, 1.0 / size) if teleport is None else teleport / teleport.sum()
    rank = tele.copy()
    for _ in range(max_iter):
        new = ((1.0 - alpha) + alpha * rank[dangling].sum()) * tele + alpha * np.bincount(
            dst, weights=rank[src] * share, minlength=size)
        delta = np.abs(new - rank).sum()
        rank = new
        if delta < tol:
            break
    return rank


def _edges_of(indptr: "np.ndarray", nodes: "np.ndarray") -> tuple["np.ndarray", "np.ndarray"]:
    """(the node each edge leaves, the edge's index in the sorted edge list) for every edge of ``nodes``."""
    import numpy as np

    starts, counts = indptr[nodes], indptr[nodes + 1] - indptr[nodes]
    total = int(counts.sum())
    offsets = np.repeat(starts - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
    return np.repeat(nodes, counts), offsets + np.arange(total)


def betweenness(size: int, src: "np.ndarray", dst: "np.ndarray", sources: "list[int] | np.ndarray") -> "np.ndarray":
    """Brandes' dependency sums of ``size`` nodes on the unweighted edges ``src[i] - dst[i]`` (give both directions
    of an undirected edge), from each node of ``sources``: for every node v, the sum over the sources s and targets
    t (s != v != t) of the share of shortest s-t paths through v. Unscaled, as networkx accumulates before it
    rescales. Each source is a breadth-first search a level at a time, every edge touched twice."""
    import numpy as np

    src, dst = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)
    order = np.argsort(src, kind="stable")
    nbr = dst[order]
    indptr = np.zeros(size + 1, dtype=np.int64)
    indptr[1:] = np.cumsum(np.bincount(src, minlength=size))
    total = np.zeros(size)
    for s in sources:
        dist = np.full(size, -1, dtype=np.int64)
        sigma = np.zeros(size)
        dist[s], sigma[s] = 0, 1.0
        levels = [np.array([s], dtype=np.int64)]
        while True:  # forward: the shortest-path counts, level by level
            u, e = _edges_of(indptr, levels[-1])
            v = nbr[e]
            fresh = dist[v] == -1
            u, v = u[fresh], v[fresh]
            if not len(v):
                break
            reached = np.unique(v)
            dist[reached] = len(levels)
            sigma[reached] = np.bincount(v, weights=sigma[u], minlength=size)[reached]
            levels.append(reached)
        delta = np.zeros(size)
        for d in range(len(levels) - 1, 0, -1):  # backward: each level's dependencies to the level before
            w, e = _edges_of(indptr, levels[d])
            v = nbr[e]
            back = dist[v] == d - 1
            w, v = w[back], v[back]
            delta += np.bincount(v, weights=sigma[v] * (1.0 + delta[w]) / sigma[w], minlength=size)
        delta[s] = 0.0
        total += delta
    return total
