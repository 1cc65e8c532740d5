"""The data behind graph.html, from the entity graph (:mod:`kg.analysis.egraph`): a compact index of every entity, the
typed relations with their evidence, the articles (text and mention spans while they fit a budget), and the
first view (the most central entities, laid out in Python so the browser draws at once).

Co-mention edges are not stored: the page derives them from the articles each entity is in, with the rule of
:func:`co_mention_edges` (the same rule as here, so the first view's layout matches what is drawn).
"""

from __future__ import annotations

import math
import os
from itertools import chain
from typing import Any

from kg.analysis.egraph import EntityGraph, local

__all__ = ["collect", "FocusError", "co_mention_edges", "INITIAL_NODES", "BODY_BUDGET", "CO_TOP"]

INITIAL_NODES = 60  # entities drawn at open: the most central
BODY_BUDGET = 20_000_000  # characters of article text carried by the page; above, texts are left out
CO_TOP = 3  # each drawn entity keeps its CO_TOP strongest co-mention partners among the drawn ones
LOUVAIN_MAX = 5000
TOP_LABELS = 30  # the most central drawn entities get a larger label
LABEL_INSIDE = ("Initiative", "Incident")  # classes drawn as an ellipse or box with the label inside (CLASS_STYLE)


class FocusError(ValueError):
    """The --focus name matches no entity."""


def collect(eg: EntityGraph, *, focus: str | None = None, hops: int = 2,
            initial_nodes: int = INITIAL_NODES) -> dict:
    """``nodes`` (every entity: id, iri, name, label, cls, aliases, arts, n, rank …), ``edges`` (typed relations
    with ``ev`` evidence rows), ``articles`` (h, d, u, src, and ``t``/``m`` text and mention spans when they fit),
    ``view`` (ids drawn first, with ``x``/``y`` on their nodes), ``comm`` (communities of the first view, or
    None when they do not separate it). Deterministic."""
    entities = list(eg.entities)
    if focus is not None:
        entities = _neighbourhood(eg, focus, hops)
    index = {e: i for i, e in enumerate(entities)}
    base = os.path.commonprefix(entities) if len(entities) > 1 else ""
    base = base[: base.rfind("/") + 1]  # node "iri" is relative to it: a smaller page
    art_set = set(chain.from_iterable(eg.arts.get(e, ()) for e in entities))
    art_order = sorted(art_set, key=lambda a: (eg.articles[a]["date"] or "", eg.articles[a]["headline"], a))
    art_index = {a: i for i, a in enumerate(art_order)}

    nodes: list[dict[str, Any]] = []
    cut, article_id, no_arts = len(base), art_index.__getitem__, ()
    for i, e in enumerate(entities):  # one pass, no per-entity search: linear in entities and mentions
        arts = sorted(map(article_id, eg.arts.get(e, no_arts)))
        node: dict[str, Any] = {"id": i, "iri": e[cut:], "name": eg.label[e], "cls": eg.cls[e], "arts": arts, "n": len(arts)}
        if e in eg.aliases and eg.aliases[e]:
            node["aliases"] = eg.aliases[e]
        if eg.kind[e] != eg.cls[e]:
            node["kind"] = eg.kind[e]
        if e in eg.extra:
            node.update({k: v for k, v in eg.extra[e].items() if k in ("code", "level")})
        nodes.append(node)
    for (person, org), roles in eg.roles.items():
        if person in index and org in index:
            nodes[index[person]].setdefault("posts", []).extend([r, index[org]] for r in roles or [""])
    edges: list[dict[str, Any]] = []
    names = {p: local(p) for p in {p for _, p, _ in eg.relations}}
    for s, p, o in eg.relations:
        if s in index and o in index:
            rows = [[r["sentence"], r["confidence"], r["extractor"], art_index.get(r["article"], -1),
                     "、".join(r["roles"])] for r in eg.statements.get((s, p, o), [])]
            edges.append({"from": index[s], "to": index[o], "rel": names[p], "p": p, "ev": rows})
            if names[p] == "holdsPost" and not any(q[1] == index[o] for q in nodes[index[s]].get("posts", [])):
                nodes[index[s]].setdefault("posts", []).append(["", index[o]])
    for n in nodes:
        if "posts" in n:
            n["posts"] = sorted(set(map(tuple, n["posts"])))
            n["posts"] = [list(x) for x in n["posts"]]

    total = sum(len(eg.articles[a].get("body", "")) for a in art_order)
    with_text = total <= BODY_BUDGET
    articles = []
    for a in art_order:
        info = eg.articles[a]
        row = {"h": info["headline"], "d": info["date"] or "", "iri": a}
        if info["url"]:
            row["u"] = info["url"]
        if info["source"]:
            row["src"] = info["source"]
        if with_text and info.get("body"):
            row["t"] = info["body"]
            row["m"] = _spans(info["body"], [(index[e], t) for e, t, _ in eg.mentions.get(a, []) if e in index])
        articles.append(row)

    rank = _pagerank(len(nodes), [(e["from"], e["to"]) for e in edges], [n["arts"] for n in nodes], len(articles))
    for node, score in zip(nodes, rank):
        node["rank"] = round(score * len(nodes), 4)
    central = sorted(range(len(nodes)), key=lambda i: (-rank[i], -nodes[i]["n"], i))
    view = sorted(central[: max(1, initial_nodes)]) if nodes else []
    for i in central[:TOP_LABELS]:
        nodes[i]["top"] = 1
    pairs = _view_pairs(nodes, edges, view)
    busiest = max((n["n"] for n in nodes), default=1) or 1
    boxes = {i: _label_box(nodes[i], busiest) for i in view}
    for i, (x, y) in _layout(view, pairs, boxes).items():
        nodes[i]["x"], nodes[i]["y"] = x, y
    comm = _communities(view, pairs, nodes)
    return {"nodes": nodes, "base": base, "edges": edges, "articles": articles, "view": view,
            "large": len(view) < len(nodes),
            "texts": with_text, "comm": comm, "coTop": CO_TOP}


def co_mention_edges(nodes: list, ids: list[int], top: int = CO_TOP) -> dict[tuple[int, int], int]:
    """Co-mention edges among the drawn ``ids``: (a, b) with a < b -> shared articles, keeping for every drawn
    entity its ``top`` strongest partners by cosine (shared / sqrt(articles of a * articles of b); ties: more
    shared articles, lower id). The page applies the same rule."""
    per_article: dict[int, list[int]] = {}
    for i in sorted(ids):
        for a in nodes[i]["arts"]:
            per_article.setdefault(a, []).append(i)
    weight: dict[tuple[int, int], int] = {}
    for members in per_article.values():
        for k, i in enumerate(members):
            for j in members[k + 1:]:
                weight[(i, j)] = weight.get((i, j), 0) + 1
    partners: dict[int, list] = {}
    for (i, j), w in weight.items():
        strength = w / math.sqrt(nodes[i]["n"] * nodes[j]["n"])  # cosine: an entity in every article is no one's
        partners.setdefault(i, []).append((strength, w, j))     # strongest partner
        partners.setdefault(j, []).append((strength, w, i))
    keep = {}
    for i, ps in partners.items():
        for _, w, j in sorted(ps, key=lambda x: (-round(x[0], 9), -x[1], x[2]))[:top]:
            keep[(min(i, j), max(i, j))] = w
    return dict(sorted(keep.items()))


# ---------------------------------------------------------------- pieces


def _neighbourhood(eg: EntityGraph, focus: str, hops: int) -> list[str]:
    """The entities within ``hops`` typed relations of the entity named (or aliased) ``focus``."""
    want = focus.strip().lower()
    exact = [e for e in eg.entities if eg.label[e].lower() == want]
    exact = exact or [e for e in eg.entities if any(a.lower() == want for a in eg.aliases.get(e, ()))]
    if not exact:
        near = sorted({eg.label[e] for e in eg.entities if want and want in eg.label[e].lower()})[:5]
        hint = f"; did you mean: {', '.join(near)}" if near else ""
        raise FocusError(f"no entity named {focus!r} in the graph{hint}")
    adj: dict = {}
    for s, _, o in eg.relations:
        adj.setdefault(s, set()).add(o)
        adj.setdefault(o, set()).add(s)
    seen, frontier = set(exact), list(exact)
    for _ in range(max(0, hops)):
        frontier = sorted({n for f in frontier for n in adj.get(f, ())} - seen)
        seen.update(frontier)
    return [e for e in eg.entities if e in seen]


def _spans(body: str, mentions: list[tuple[int, str]]) -> list[list[int]]:
    """[[start, end, entity id], …] in the body: mentions carry raw-file offsets, so the k-th mention of a
    surface form (in raw order) is taken as its k-th occurrence in the body; overlapping spans keep the longer."""
    seen: dict[tuple[int, str], int] = {}
    found = set()
    for eid, surface in mentions:
        if not surface:
            continue
        k = seen.get((eid, surface), 0)
        seen[(eid, surface)] = k + 1
        pos = _nth(body, surface, k)
        if pos >= 0:
            found.add((pos, pos + len(surface), eid))
    out, end = [], -1
    for s, e, eid in sorted(found, key=lambda x: (x[0], -x[1], x[2])):
        if s >= end:
            out.append([s, e, eid])
            end = e
    return out


def _nth(text: str, needle: str, k: int) -> int:
    """Start of the k-th occurrence of ``needle`` in ``text`` (the last one if fewer), -1 if none."""
    pos, last = -1, -1
    for _ in range(k + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return last
        last = pos
    return last


def _pagerank(n: int, pairs: list[tuple[int, int]], arts: list[list[int]], n_articles: int,
              d: float = 0.85) -> list[float]:
    """PageRank of the entities on the graph of typed relations plus entity-article incidence (a walk from an
    entity to an article it is in and on to another entity of that article: co-mention, without the quadratic
    pairs); teleport in proportion to 1 + articles. A power iteration over edge arrays (numpy ``bincount``), linear
    in the edges: seconds for hundreds of thousands of entities."""
    import numpy as np

    if n == 0:
        return []
    from kg.analysis.rank import pagerank

    size = n + n_articles
    rel = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    ent = np.repeat(np.arange(n, dtype=np.int64), [len(a) for a in arts])
    art = n + np.fromiter((a for ids in arts for a in ids), dtype=np.int64, count=len(ent))
    src = np.concatenate([rel[:, 0], rel[:, 1], ent, art])
    dst = np.concatenate([rel[:, 1], rel[:, 0], art, ent])
    tele = np.zeros(size)
    tele[:n] = 1.0 + np.fromiter((len(a) for a in arts), dtype=np.float64, count=n)
    rank = pagerank(size, src, dst, teleport=tele, alpha=d, tol=1e-9, max_iter=60)
    return rank[:n].tolist()


def _view_pairs(nodes: list, edges: list, view: list[int]) -> dict[tuple[int, int], float]:
    keep = set(view)
    pairs = {(min(e["from"], e["to"]), max(e["from"], e["to"])): 1.0 for e in edges
             if e["from"] in keep and e["to"] in keep}
    co = co_mention_edges(nodes, view)
    top = max(co.values(), default=1)
    for key, w in co.items():
        pairs[key] = max(pairs.get(key, 0.0), 0.3 + 0.7 * w / top)
    return dict(sorted(pairs.items()))


def _label_box(node: dict, busiest: int) -> tuple[float, float, float]:
    """Width, height and downward offset of the centre, in pixels at zoom 1, of a drawn entity as the page draws it
    (``explorer_assets/explorer.js``): a label of 18 px for the most central, else 14 px, cut to 24 characters (a
    CJK character one em wide, others about half); inside an ellipse or box for the LABEL_INSIDE classes, else
    below a node of radius 7 + 17 * sqrt(articles / the busiest entity's articles)."""
    font = 18 if node.get("top") else 14
    name = node["name"]
    label = name if len(name) <= 24 else name[:23] + "…"
    width = sum(font if ord(ch) > 0x2E7F else font * 0.55 for ch in label)
    if node["cls"] in LABEL_INSIDE:
        return width * 1.2 + 14, font + 16, 0.0
    radius = 7 + 17 * math.sqrt(node["n"] / busiest)
    return max(width, 2 * radius), 2 * radius + font + 6, (font + 6) / 2


def _spread(pos: dict[int, list[float]], boxes: dict[int, tuple[float, float, float]], rounds: int = 200) -> None:
    """Move apart, in place, entities whose boxes (node and label) overlap: each overlapping pair is pushed apart
    along the axis where it overlaps less, half each way, until none overlaps (or ``rounds`` passes)."""
    ids = sorted(pos)
    for _ in range(rounds):
        moved = False
        for k, a in enumerate(ids):
            for b in ids[k + 1:]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] + boxes[b][2] - pos[a][1] - boxes[a][2]
                ox = (boxes[a][0] + boxes[b][0]) / 2 + 6 - abs(dx)
                oy = (boxes[a][1] + boxes[b][1]) / 2 + 2 - abs(dy)
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                if ox < oy:
                    step = (ox / 2 + 0.5) * (1 if dx > 0 or (dx == 0 and a < b) else -1)
                    pos[a][0] -= step
                    pos[b][0] += step
                else:
                    step = (oy / 2 + 0.5) * (1 if dy > 0 or (dy == 0 and a < b) else -1)
                    pos[a][1] -= step
                    pos[b][1] += step
        if not moved:
            return


def _layout(view: list[int], pairs: dict, boxes: dict[int, tuple[float, float, float]] | None = None
            ) -> dict[int, tuple[float, float]]:
    """Positions (pixels) of the first view: networkx spring layout with a fixed seed, scaled so that the view
    fits about 1000 x 560 pixels at zoom 1 (labels stay readable when the page fits it), then entities whose
    ``boxes`` (node and label, :func:`_label_box`) overlap moved apart."""
    import networkx as nx

    if not view:
        return {}
    if len(view) == 1:
        return {view[0]: (0.0, 0.0)}
    g = nx.Graph()
    g.add_nodes_from(view)
    g.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items())
    pos = nx.spring_layout(g, seed=7, iterations=80, k=1.8 / math.sqrt(len(view)))
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    sx = 1000 / max(max(xs) - min(xs), 1e-9)
    sy = 560 / max(max(ys) - min(ys), 1e-9)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    px = {i: [(float(x) - cx) * sx, (float(y) - cy) * sy] for i, (x, y) in sorted(pos.items())}
    if boxes:
        _spread(px, boxes)
    return {i: (round(x, 1), round(y, 1)) for i, (x, y) in px.items()}


def _communities(view: list[int], pairs: dict, nodes: list) -> dict | None:
    """Louvain communities (fixed seed) of the first view, or None when they separate nothing: fewer than two
    groups of three, or one group holding more than 60% of the view."""
    import networkx as nx

    if len(view) < 6 or not pairs:
        return None
    g = nx.Graph()
    g.add_nodes_from(view)
    g.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items())
    groups = nx.community.louvain_communities(g, weight="weight", seed=7)
    groups = sorted((sorted(c) for c in groups), key=lambda c: (-len(c), c[0]))
    big = [c for c in groups if len(c) >= 3]
    if len(big) < 2 or len(groups[0]) > 0.6 * len(view):
        return None
    of = {}
    legend = []
    for k, members in enumerate(big[:12]):
        for i in members:
            of[i] = k
        names = [nodes[i]["name"] for i in sorted(members, key=lambda i: (-nodes[i]["rank"], i))[:2]]
        legend.append({"size": len(members), "names": names})
    return {"of": {str(i): k for i, k in sorted(of.items())}, "legend": legend}
