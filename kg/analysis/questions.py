"""Questions about a built graph answered with networkx: stats, central entities, communities, paths, timelines.

Every function takes an rdflib graph (or, except :func:`stats`, the multigraph from :func:`kg.analysis.netx.to_networkx`)
and returns plain dicts and lists (JSON-ready); the ``format_*`` functions render them as text tables.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.rdf.build import PREFIXES
from kg.util.sentences import sentences
from .netx import CO_MENTION, Collapsed, collapse, ontology_classes, to_networkx

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np
    from rdflib import Graph

__all__ = ["AnalysisError", "stats", "central", "communities", "path", "timeline", "find", "classes_matching",
           "format_stats", "format_central", "format_communities", "format_path", "format_timeline"]

KG_NS = PREFIXES["kg"]


class AnalysisError(Exception):
    """A name or class the user gave does not fit the graph; the message is one line meant for the user."""


def _nx(graph) -> "nx.MultiGraph":
    import networkx as nx

    return graph if isinstance(graph, nx.MultiGraph) else to_networkx(graph)


def _simple(G: "nx.MultiGraph") -> "nx.Graph":
    """Parallel edges collapsed: weight = co-mention articles + typed relations between the pair."""
    import networkx as nx

    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, d in G.edges(data=True):
        if H.has_edge(u, v):
            H[u][v]["weight"] += d["weight"]
        else:
            H.add_edge(u, v, weight=d["weight"])
    return H


# ---------------------------------------------------------------- stats


def stats(graph: "Graph", top: int = 10) -> dict:
    """Counts of a graph (an rdflib Graph or a pyoxigraph Store; entities and relations as
    :mod:`kg.analysis.egraph` defines them, the definition the explorer shares): articles, mentions, entities per class, relations per type, shared and most-mentioned
    entities, articles and mentions per date (``"unknown"`` when an article has no date). Counted by SPARQL
    aggregates (:mod:`kg.analysis.counts`), not by building the entity graph."""
    from .counts import stats as count

    return count(graph, top)


# ---------------------------------------------------------------- centrality and communities


@lru_cache(maxsize=1)
def _class_names() -> dict[str, str]:
    """Lower-cased local name, zh label or en label of each kg class -> its local name."""
    from importlib.resources import files

    from rdflib import RDFS, Graph, URIRef

    g = Graph().parse(data=files("kg").joinpath("ontology", "kg.ttl").read_text(encoding="utf-8"), format="turtle")
    names = {}
    for n in ontology_classes():
        names[n.lower()] = n
        for lab in g.objects(URIRef(KG_NS + n), RDFS.label):
            names.setdefault(str(lab).lower(), n)
    return names


def classes_matching(name: str) -> set[str]:
    """The kg class called ``name`` (local name in any case, or its zh/en label) and its subclasses.

    >>> sorted(classes_matching("organization"))
    ['Enterprise', 'GovernmentBody', 'Organization', 'PartyOrganization']
    """
    hierarchy = ontology_classes()
    cls = _class_names().get(name.strip().lower())
    if cls is None:
        raise AnalysisError(f"unknown class {name!r} (known: {', '.join(sorted(hierarchy))})")
    return {c for c, ancestors in hierarchy.items() if cls in ancestors}


def central(graph, cls: str | None = None, top: int = 10, seed: int = 0) -> list[dict]:
    """The ``top`` entities by PageRank (ties: degree, label), with degree and betweenness centrality.

    Computed on the whole entity graph (co-mention weights plus typed relations, see :func:`kg.analysis.netx.to_networkx`),
    then filtered to ``cls`` and its subclasses. ``graph``: what :func:`_nx` takes, or its
    :class:`kg.analysis.netx.Collapsed` (a store's is cached beside it). Betweenness is exact up to 500 nodes and
    estimated from ``seed``-ed samples above (500, fewer on large graphs: 250,000 / nodes, at least 8: each sample
    is a search of the whole graph), so the result is reproducible.
    """
    import numpy as np

    C = graph if isinstance(graph, Collapsed) else collapse(_nx(graph))
    keep = classes_matching(cls) if cls else None
    n = len(C.nodes)
    if n == 0:
        return []
    pr = _pagerank(C)
    degree = np.bincount(np.concatenate((C.src, C.dst)), minlength=n)
    k = None if n <= 500 else min(500, max(8, 250_000 // n))  # exact up to 500 nodes; sampled above
    btw = _betweenness(C, k, seed)
    rows = [{"label": C.label[i], "class": C.cls[i], "pagerank": round(float(pr[i]), 6), "degree": int(degree[i]),
             "degree_centrality": round(float(degree[i]) / (n - 1), 6) if n > 1 else 0.0,
             "betweenness": round(float(btw[i]), 6), "articles": C.articles[i], "iri": u}
            for i, u in enumerate(C.nodes) if keep is None or C.cls[i] in keep]
    rows.sort(key=lambda r: (-r["pagerank"], -r["degree"], r["label"], r["iri"]))
    return rows[:top]


def _betweenness(C: Collapsed, k: int | None, seed: int) -> "np.ndarray":
    """networkx's ``betweenness_centrality(H, k=k, seed=seed)`` of the collapsed graph, per node in ``C.nodes``'
    order (normalised, endpoints left out; the scaling of networkx 3.5 and later), by
    :func:`kg.analysis.rank.betweenness`: the same ``k`` sources drawn the same way, ten to forty times faster on a
    graph of a million edges."""
    import random

    import numpy as np

    from .rank import betweenness

    n = len(C.nodes)
    sampled = k is not None and k < n
    sources = random.Random(seed).sample(range(n), k) if sampled else range(n)
    if n < 3:
        return np.zeros(n)
    raw = betweenness(n, np.concatenate((C.src, C.dst)), np.concatenate((C.dst, C.src)), list(sources))
    pairs_through = n - 2  # the targets other than the source and the node itself
    if not sampled:
        return raw / ((n - 1) * pairs_through)
    at_source = 1 / ((len(sources) - 1) * pairs_through) if len(sources) > 1 else float("nan")
    scale = np.full(n, 1 / (len(sources) * pairs_through))
    scale[list(sources)] = at_source
    return raw * scale


def _pagerank(C: Collapsed, alpha: float = 0.85, tol: float = 1e-12, max_iter: int = 1000) -> "np.ndarray":
    """Weighted PageRank of the collapsed graph (as networkx's; dangling mass spread evenly), per node in
    ``C.nodes``' order, by :func:`kg.analysis.rank.pagerank`."""
    import numpy as np

    from .rank import pagerank

    n = len(C.nodes)
    if not n:
        return np.zeros(0)
    return pagerank(n, np.concatenate((C.src, C.dst)), np.concatenate((C.dst, C.src)),
                    np.concatenate((C.weight, C.weight)), alpha=alpha, tol=n * tol, max_iter=max_iter)


def communities(graph, seed: int = 0, top: int = 5, min_size: int = 2) -> list[dict]:
    """Louvain communities (networkx, ``seed``-ed) of at least ``min_size`` entities, largest first.

    Each has its ``size``, its ``top`` members (most connected inside the community first) and the articles
    that bind it: those mentioning two or more of its members, most members first.
    """
    import networkx as nx

    G = _nx(graph)
    H = _simple(G)
    arts = G.graph["articles"]
    found = nx.community.louvain_communities(H, weight="weight", seed=seed) if H.number_of_nodes() else []
    out = []
    for members in found:
        if len(members) < min_size:
            continue
        inner = H.subgraph(members)
        ranked = sorted(members, key=lambda n: (-inner.degree(n, weight="weight"), -H.nodes[n]["mentions"],
                                                H.nodes[n]["label"], n))
        binding = Counter(a for n in members for a in H.nodes[n]["articles"])
        bind = sorted(((a, c) for a, c in binding.items() if c >= 2), key=lambda x: (-x[1], arts[x[0]]["headline"]))
        out.append({
            "size": len(members),
            "members": [{"label": H.nodes[n]["label"], "class": H.nodes[n]["class"], "iri": n} for n in ranked[:top]],
            "articles": [{"headline": arts[a]["headline"], "date": arts[a]["date"], "members": c, "iri": a}
                         for a, c in bind[:top]],
        })
    out.sort(key=lambda c: (-c["size"], c["members"][0]["label"]))
    for i, c in enumerate(out, 1):
        c["id"] = i
    return out


# ---------------------------------------------------------------- names, sentences, paths, timelines


def find(graph, name: str) -> str:
    """The IRI of the entity whose rdfs:label (preferred) or skos:altLabel is ``name``.

    Several matches: the most mentioned wins. No match: :class:`AnalysisError` suggesting similar names.
    """
    G = _nx(graph)
    name = name.strip()
    for field in ("label", "aliases"):
        hits = [n for n, d in G.nodes(data=True) if (d[field] == name if field == "label" else name in d[field])]
        if hits:
            return min(hits, key=lambda n: (-G.nodes[n]["mentions"], -len(G.nodes[n]["articles"]), n))
    similar = sorted({d["label"] for _, d in G.nodes(data=True)
                      if name and (name in d["label"] or d["label"] in name or any(name in a for a in d["aliases"]))})
    hint = f" (did you mean: {', '.join(similar[:5])}?)" if similar else ""
    raise AnalysisError(f"no entity named {name!r} in the graph{hint}")


def _names(G, n) -> list[str]:
    d = G.nodes[n]
    return sorted({d["label"], *d["aliases"]}, key=lambda s: (-len(s), s))


def _sentences(body: str) -> list[str]:
    return [t for t in (body[s:e].strip() for s, e in sentences(body, runs=True)) if t]


def _sentence_with(G, article: str, *nodes: str) -> str | None:
    """The first sentence of ``article`` that names every one of ``nodes`` (by label or alias)."""
    body = G.graph["articles"].get(article, {}).get("body", "")
    for s in _sentences(body):
        if all(any(name in s for name in _names(G, n)) for n in nodes):
            return s
    return None


def _explain(G, u: str, v: str) -> dict:
    """One hop u - v: its relation (typed relations first) and the sentence stating it."""
    arts = G.graph["articles"]
    edges = G.get_edge_data(u, v)
    rels = sorted((d for d in edges.values() if d["kind"] == "relation"),
                  key=lambda d: (not d.get("evidence"), d["relation"]))  # relations with a stated sentence first
    hop = {"from": G.nodes[u]["label"], "to": G.nodes[v]["label"]}
    if rels:
        d = rels[0]
        forward = d["source"] == u
        hop["relation"] = d["relation"] if forward else f"^{d['relation']}"
        hop["text"] = (f"{G.nodes[d['source']]['label']} {d['relation']} {G.nodes[d['target']]['label']}"
                       + (f" ({', '.join(d['roles'])})" if d.get("roles") else ""))
        candidates = d.get("articles") or []
        candidates = candidates + [a for a in sorted(set(G.nodes[u]["articles"]) & set(G.nodes[v]["articles"]))
                                   if a not in candidates]
    else:
        candidates = edges[CO_MENTION]["articles"]
        hop["relation"] = CO_MENTION
    hop["article"] = hop["sentence"] = None
    if rels and rels[0].get("evidence"):  # the sentence the extractor read the relation from
        hop["article"], hop["sentence"] = rels[0]["evidence"][0]["article"] or None, rels[0]["evidence"][0]["sentence"]
    for a in candidates if hop["sentence"] is None else ():
        s = _sentence_with(G, a, u, v)
        if s:
            hop["article"], hop["sentence"] = a, s
            break
    if hop["article"] is None and rels:  # e.g. locatedIn read off a name: the sentence naming the subject
        subject = rels[0]["source"]
        for a in candidates or G.nodes[subject]["articles"]:
            s = _sentence_with(G, a, subject)
            if s:
                hop["article"], hop["sentence"], hop["names_only"] = a, s, G.nodes[subject]["label"]
                break
    if hop["article"] is None and candidates and (not rels or rels[0].get("articles")):
        hop["article"] = candidates[0]
    if hop["relation"] == CO_MENTION:
        hop["text"] = f"co-mentioned in {arts[hop['article']]['headline']}"
    hop["headline"] = arts.get(hop["article"], {}).get("headline") if hop["article"] else None
    return hop


def path(graph, a: str, b: str) -> list[dict]:
    """The shortest explained connection between the entities named ``a`` and ``b``, one dict per hop.

    Typed relations cost 1, co-mentions 1 + 0.5 / (number of articles), so of equally short paths the one with
    relations and strong co-mentions wins. Each hop has ``from``, ``to``, ``relation`` (``^rel`` when the triple
    points backwards, or ``co-mention``), ``text``, ``article``, ``headline`` and the ``sentence`` that names both
    ends (for a typed relation with no such sentence: one naming its subject, with ``names_only``; else None).
    Raises :class:`AnalysisError` when a name is unknown or nothing connects them.
    """
    import networkx as nx

    G = _nx(graph)
    u, v = find(G, a), find(G, b)
    if u == v:
        return []

    def cost(x, y, edges):
        if any(d["kind"] == "relation" for d in edges.values()):
            return 1.0
        return 1.0 + 0.5 / max(edges[CO_MENTION]["weight"], 1)

    try:
        nodes = nx.dijkstra_path(G, u, v, weight=cost)
    except nx.NetworkXNoPath:
        raise AnalysisError(f"no connection between {G.nodes[u]['label']!r} and {G.nodes[v]['label']!r}") from None
    return [_explain(G, x, y) for x, y in pairwise(nodes)]


def timeline(graph, name: str) -> dict:
    """The entity named ``name``: its mentions (article, date, first sentence naming it), the posts it holds or
    that are held in it (``kg:holdsPost``), and its relations to initiatives (``kg:runs``, ``kg:participatesIn`` …;
    for an initiative: all its relations), as ``events`` sorted by date (undated last)."""
    G = _nx(graph)
    n = find(G, name)
    arts = G.graph["articles"]
    d = G.nodes[n]
    events = []
    for a in d["articles"]:
        events.append({"date": arts[a]["date"], "kind": "mention", "text": arts[a]["headline"],
                       "headline": arts[a]["headline"], "sentence": _sentence_with(G, a, n), "article": a})
    initiative = classes_matching("Initiative")
    for _, other, e in G.edges(n, data=True):
        if e["kind"] != "relation":
            continue
        if e["relation"] == "holdsPost":
            kind = "post"
        elif d["class"] in initiative or G.nodes[other]["class"] in initiative:
            kind = "initiative"
        else:
            continue
        src, dst = G.nodes[e["source"]]["label"], G.nodes[e["target"]]["label"]
        roles = f" ({', '.join(e['roles'])})" if e.get("roles") else ""
        shared = e.get("articles") or sorted(set(d["articles"]) & set(G.nodes[other]["articles"]))
        shared = shared or G.nodes[other]["articles"]
        dated = sorted(shared, key=lambda a: (arts.get(a, {}).get("date") or "9999", a))
        a = dated[0] if dated else None
        events.append({"date": arts[a]["date"] if a else None, "kind": kind,
                       "text": f"{src} {e['relation']} {dst}{roles}",
                       "headline": arts[a]["headline"] if a else None,
                       "sentence": (e["evidence"][0]["sentence"] if e.get("evidence")
                                    else _sentence_with(G, a, n, other) if a else None), "article": a})
    order = {"mention": 0, "post": 1, "initiative": 2}
    events.sort(key=lambda ev: (ev["date"] is None, ev["date"] or "", order[ev["kind"]], ev["text"]))
    return {"label": d["label"], "class": d["class"], "aliases": d["aliases"], "iri": n, "events": events}


# ---------------------------------------------------------------- text output


def _table(columns: list[str], rows: list[list]) -> str:
    from kg.store.query import Rows, format_result

    return format_result(Rows(columns, [["" if c is None else str(c) for c in r] for r in rows]), "table")


def format_stats(s: dict) -> str:
    """``stats`` as a few aligned tables."""
    parts = [_table(["measure", "count"], [["articles", s["articles"]], ["mentions", s["mentions"]],
                                           ["entities", s["entities"]], ["relations", s["relations"]]]),
             _table(["class", "entities"], [[k, v] for k, v in s["entities_per_class"].items()]),
             _table(["relation", "count"], [[k, v] for k, v in s["relations_per_type"].items()]),
             "entities mentioned by several articles\n" + _table(
                 ["entity", "class", "articles", "mentions"],
                 [[r["label"], r["class"], r["articles"], r["mentions"]] for r in s["shared_entities"]]),
             "most-mentioned entities\n" + _table(
                 ["entity", "class", "mentions", "articles"],
                 [[r["label"], r["class"], r["mentions"], r["articles"]] for r in s["most_mentioned"]]),
             _table(["date", "articles", "mentions"], [[k, v, s["mentions_per_date"].get(k, 0)]
                                                       for k, v in s["articles_per_date"].items()])]
    return "\n\n".join(parts)


def format_central(rows: list[dict]) -> str:
    return _table(["entity", "class", "pagerank", "degree", "betweenness", "articles"],
                  [[r["label"], r["class"], f"{r['pagerank']:.4f}", r["degree"], f"{r['betweenness']:.4f}",
                    r["articles"]] for r in rows])


def format_communities(found: list[dict]) -> str:
    if not found:
        return "no communities"
    blocks = []
    for c in found:
        lines = [f"community {c['id']}: {c['size']} entities",
                 "  members:  " + ", ".join(f"{m['label']} ({m['class']})" for m in c["members"])]
        lines += [f"  article:  {a['headline']} ({a['date'] or 'undated'}; {a['members']} members)"
                  for a in c["articles"]]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def format_path(hops: list[dict]) -> str:
    if not hops:
        return "the two names are the same entity"
    lines = []
    for i, h in enumerate(hops, 1):
        lines.append(f"{i}. {h['from']} -> {h['to']}: {h['text']}")
        if h["relation"] != CO_MENTION and h["headline"]:
            lines.append(f"   in: {h['headline']}")
        only = f" (names only {h['names_only']})" if h.get("names_only") else ""
        lines.append(f"   「{h['sentence']}」{only}" if h["sentence"] else "   (no sentence names both)")
    return "\n".join(lines)


def format_timeline(t: dict) -> str:
    head = f"{t['label']} ({t['class']})" + (f"  aka {', '.join(t['aliases'])}" if t["aliases"] else "")
    rows = [[e["date"] or "undated", e["kind"], e["text"]] for e in t["events"]]
    return head + "\n" + _table(["date", "kind", "what"], rows)
