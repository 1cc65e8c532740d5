"""The interactive graph page (graph.html): one self-contained HTML file that works offline.

:func:`collect` turns the RDF graph into plain data (entities with aliases, posts, region codes and evidence
sentences; typed relations; articles). :func:`render` embeds it as JSON in a page with the vis-network build
bundled with pyvis and the page's own script and style (``kg/explorer_assets/``), all inlined: nothing is loaded
from the network. Large graphs open on their most central part (PageRank), laid out in Python (networkx spring
layout, fixed seed) so the browser draws at once; the rest is reached by search and expansion.
"""

from __future__ import annotations

import functools
import html
import json
import math
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .netx import literal

if TYPE_CHECKING:  # pragma: no cover
    import rdflib

__all__ = ["render", "write", "collect", "FocusError", "CLASS_STYLE", "REL_STYLE", "INITIAL_NODES"]

KG_NS = "https://w3id.org/kgnews/ontology#"
SDO_NS = "https://schema.org/"
NIF_NS = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ORG_NS = "http://www.w3.org/ns/org#"
ONTOLOGY = Path(__file__).with_name("ontology") / "kg.ttl"
ASSETS = Path(__file__).with_name("explorer_assets")
INITIAL_NODES = 400  # above this many entities the page opens on the most central ones
STABILIZE = 150  # physics iterations that polish the first view before it is shown (0: none)
LOUVAIN_MAX = 5000
MAX_EVIDENCE = 3  # sentences per entity and article
MAX_SENTENCE = 140  # characters; longer sentences are cut around the mention
FONT_FACE = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'

# class local name -> (colour, vis-network shape). Most specific first: the first match wins when a node
# carries several types. All shapes but "ellipse" and "box" draw the label below the node and honour "size".
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#59a14f", "dot"),
    "Enterprise": ("#4e79a7", "square"),
    "GovernmentBody": ("#f28e2b", "diamond"),
    "PartyOrganization": ("#e15759", "star"),
    "AdministrativeRegion": ("#edc948", "hexagon"),
    "Initiative": ("#b07aa1", "ellipse"),
    "Incident": ("#ff9da7", "box"),
    "Organization": ("#76b7b2", "triangle"),
    "Place": ("#9c755f", "triangleDown"),
}
# relation local name -> (colour, dashes); other properties take OTHER_RELS in the order of their names
REL_STYLE: dict[str, tuple[str, bool | list[int]]] = {
    "holdsPost": ("#2f7d32", False),
    "runs": ("#8e5a9b", False),
    "locatedIn": ("#b8860b", [6, 4]),
    "partOf": ("#9aa0a6", [2, 4]),
}
OTHER_RELS = [("#607d8b", [10, 3, 2, 3]), ("#d62728", False), ("#1f77b4", [8, 3]), ("#17becf", False),
              ("#e377c2", [3, 3]), ("#8c564b", False), ("#bcbd22", [10, 3, 2, 3]), ("#ff7f0e", [8, 3])]
COMMUNITY_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
                     "#bcbd22", "#7f7f7f", "#393b79", "#e7969c"]
MAX_LABEL = 24  # characters drawn on the canvas; the side panel has the full name


class FocusError(ValueError):
    """The --focus name matches no entity."""


# ---------------------------------------------------------------- public API


def render(
    graph: rdflib.Graph,
    *,
    title: str = "kg",
    focus: str | None = None,
    hops: int = 2,
    initial_nodes: int = INITIAL_NODES,
) -> str:
    """Return graph.html for ``graph`` as one string (UTF-8 page, no external resources).

    ``focus`` (a name or alias) restricts the page to the entities within ``hops`` relations of that entity.
    Graphs with more than ``initial_nodes`` entities open on the most central ones; the rest stay searchable.
    """
    data = collect(graph, focus=focus, hops=hops, initial_nodes=initial_nodes)
    total, shown = len(data["nodes"]), len(data["view"])
    summary = f"{total:,} entities" if shown == total else f"showing {shown:,} of {total:,} entities"
    summary += f" · {len(data['edges']):,} relations · {len(data['articles']):,} articles"
    if focus is not None:
        summary += f" · within {hops} hops of {focus}"
    css, js = _vis_assets()
    fields = {
        "TITLE": html.escape(title),
        "SUMMARY": html.escape(summary),
        "LEGEND": _legend_html(data["nodes"]),
        "RELS": _rel_legend_html(data["rels"]),
        "ARTICLES": _article_options(data["articles"]),
        "VIS_CSS": css,
        "VIS_JS": js,
        "PAGE_CSS": _asset("explorer.css").replace("@@FONT@@", FONT_FACE),
        "PAGE_JS": _asset("explorer.js"),
        "DATA": _script_json(data),
        "EMPTY": "" if data["nodes"] else '<p id="empty">No entities in this graph. 图中没有实体。</p>',
    }
    return re.sub(r"@@([A-Z_]+)@@", lambda m: fields[m.group(1)], _asset("page.html"))


def write(graph: rdflib.Graph, path: str | os.PathLike, **options) -> Path:
    """Write ``render(graph, **options)`` to ``path`` atomically."""
    from .io import write_text

    return write_text(path, render(graph, **options))


def collect(graph: rdflib.Graph, *, focus: str | None = None, hops: int = 2,
            initial_nodes: int = INITIAL_NODES) -> dict:
    """The page's data: ``nodes`` (entities), ``edges`` (typed relations), ``articles``, ``view`` (ids shown
    first), ``classes``/``rels`` (styles and labels) and vis-network ``options``. Deterministic."""
    from rdflib import RDF, SKOS, URIRef

    kg = lambda name: URIRef(KG_NS + name)  # noqa: E731
    sdo = lambda name: URIRef(SDO_NS + name)  # noqa: E731
    labels = _ontology_labels()

    rank = {KG_NS + name: i for i, name in enumerate(CLASS_STYLE)}
    cls_of: dict = {}
    for s, o in graph.subject_objects(RDF.type):
        key = str(o)
        if key in rank and isinstance(s, URIRef):
            if s not in cls_of or rank[key] < rank[KG_NS + cls_of[s]]:
                cls_of[s] = key[len(KG_NS):]

    # articles
    art_set = {a for a in graph.subjects(RDF.type, kg("Article")) if isinstance(a, URIRef)}
    mentioned_by: dict = {}
    for a, e in graph.subject_objects(sdo("mentions")):
        if e in cls_of and isinstance(a, URIRef):
            mentioned_by.setdefault(e, set()).add(a)
            art_set.add(a)

    # relations between entities (one edge per ordered pair, properties joined)
    pair_props: dict = {}
    for s, p, o in graph:
        if s in cls_of and o in cls_of and s != o and p != RDF.type:
            pair_props.setdefault((s, o), set()).add(str(p))

    names = _labels(graph, cls_of)
    aliases: dict = {}
    for e, alt in graph.subject_objects(SKOS.altLabel):
        if e in cls_of:
            aliases.setdefault(e, set()).add(str(alt))
    entities = sorted(cls_of, key=lambda e: (names[e], str(e)))
    if focus is not None:
        entities = _neighbourhood(entities, names, aliases, pair_props, focus, hops)
        art_set = {a for e in entities for a in mentioned_by.get(e, ())}
    index = {e: i for i, e in enumerate(entities)}
    art_info = {}
    for a in art_set:
        head = literal(graph, a, sdo("headline")) or literal(graph, a, URIRef("http://purl.org/dc/terms/source")) \
            or _local(a)
        date = graph.value(a, sdo("datePublished"))
        art_info[a] = (head, str(date)[:10] if date is not None else "")
    art_order = sorted(art_set, key=lambda a: (art_info[a][1], art_info[a][0], str(a)))
    art_index = {a: i for i, a in enumerate(art_order)}
    pairs = sorted(((index[s], index[o]), props) for (s, o), props in pair_props.items()
                   if s in index and o in index)

    # posts (kg:Membership) and evidence sentences
    posts = _posts(graph, index)
    evidence = _evidence(graph, index, art_index)

    nodes = []
    for e in entities:
        cls = cls_of[e]
        name = names[e]
        arts = sorted(art_index[a] for a in mentioned_by.get(e, ()))
        node = {
            "id": index[e],
            "iri": str(e),
            "name": name,
            "label": _short(name),
            "cls": cls,
            "aliases": sorted(aliases.get(e, set()) - {name}),
            "arts": arts,
            "n": len(arts),
        }
        code = graph.value(e, kg("regionCode"))
        if code is not None:
            node["code"] = str(code)
        level = graph.value(e, kg("adminLevel"))
        if level is not None:
            node["level"] = str(level)
        if index[e] in posts:
            node["posts"] = posts[index[e]]
        if index[e] in evidence:
            node["ev"] = evidence[index[e]]
        nodes.append(node)

    rels = {}
    iri_of = {_local(p): p for _, props in pairs for p in props}
    others = iter(OTHER_RELS * (1 + len(iri_of) // len(OTHER_RELS)))
    for key in sorted(iri_of):
        zh, en = labels.get(iri_of[key], (key, key))
        colour, dashes = REL_STYLE[key] if key in REL_STYLE else next(others)
        rels[key] = {"zh": zh, "en": en, "color": colour, "dashes": dashes}
    edges = []
    for (a, b), props in pairs:
        keys = sorted({_local(p) for p in props})
        edges.append({"from": a, "to": b, "rel": keys, "label": "、".join(rels[k]["zh"] for k in keys)})

    scores = _pagerank(len(nodes), [(e["from"], e["to"]) for e in edges], [n["n"] for n in nodes])
    for node, score in zip(nodes, scores):
        node["rank"] = round(score * len(nodes), 4)
    central = sorted(range(len(nodes)), key=lambda i: (-scores[i], -nodes[i]["n"], i))
    view = sorted(central[: max(1, initial_nodes)]) if nodes else []
    layout_pairs = _layout_pairs(nodes, edges, set(view))
    communities = _communities(len(nodes), layout_pairs)
    for node, c in zip(nodes, communities):
        node["comm"] = c
    for i, (x, y) in _layout(view, layout_pairs).items():
        nodes[i]["x"], nodes[i]["y"] = x, y

    classes = {}
    for cls, (colour, shape) in CLASS_STYLE.items():
        zh, en = labels.get(KG_NS + cls, (cls, cls))
        classes[cls] = {"zh": zh, "en": en, "color": colour, "shape": shape}
    return {
        "nodes": nodes,
        "edges": edges,
        "articles": [{"h": art_info[a][0], "d": art_info[a][1], "iri": str(a)} for a in art_order],
        "view": view,
        "large": len(view) < len(nodes),
        "classes": classes,
        "rels": rels,
        "palette": COMMUNITY_COLOURS,
        "options": _options(len(edges)),
    }


# ---------------------------------------------------------------- pieces of collect()


def _neighbourhood(entities: list, names: dict, aliases: dict, pair_props: dict, focus: str, hops: int) -> list:
    """The entities within ``hops`` relations of the entity named (or aliased) ``focus``."""
    want = focus.strip().lower()
    exact = [e for e in entities if names[e].lower() == want]
    exact = exact or [e for e in entities if any(a.lower() == want for a in aliases.get(e, ()))]
    if not exact:
        near = sorted({names[e] for e in entities if want and want in names[e].lower()})[:5]
        hint = f"; did you mean: {', '.join(near)}" if near else ""
        raise FocusError(f"no entity named {focus!r} in the graph{hint}")
    adj: dict = {}
    for s, o in pair_props:
        adj.setdefault(s, set()).add(o)
        adj.setdefault(o, set()).add(s)
    seen = set(exact)
    frontier = list(exact)
    for _ in range(max(0, hops)):
        frontier = sorted({n for f in frontier for n in adj.get(f, ())} - seen, key=str)
        seen.update(frontier)
    return [e for e in entities if e in seen]


def _posts(graph, index: dict) -> dict[int, list]:
    """person id -> sorted [role, organisation id] from kg:Membership nodes (role '' when unknown)."""
    from rdflib import RDF, URIRef

    out: dict[int, set] = {}
    for m in graph.subjects(RDF.type, URIRef(KG_NS + "Membership")):
        person = graph.value(m, URIRef(ORG_NS + "member"))
        org = graph.value(m, URIRef(ORG_NS + "organization"))
        if person in index and org in index:
            role = literal(graph, m, URIRef(KG_NS + "role"))
            out.setdefault(index[person], set()).add((role, index[org]))
    for person, org in graph.subject_objects(URIRef(KG_NS + "holdsPost")):
        if person in index and org in index and not any(o == index[org] for _, o in out.get(index[person], ())):
            out.setdefault(index[person], set()).add(("", index[org]))
    return {k: [list(p) for p in sorted(v)] for k, v in out.items()}


_SENTENCE_END = re.compile(r"[。！？!?；;\n]+[”’\"」』）)]*")


def _evidence(graph, index: dict, art_index: dict) -> dict[int, list]:
    """entity id -> [[article id, sentence, [[start, end], …]], …]: the sentences of the article body that
    contain the entity's mentions, with the mention spans (offsets into the sentence). Mentions carry offsets
    into the raw file, not the body, so each anchor is found in the body: the k-th mention of a surface form
    (in raw order) is taken as its k-th occurrence in the body."""
    from rdflib import URIRef

    mention_of = {m: e for m, e in graph.subject_objects(URIRef(KG_NS + "mentionOf")) if e in index}
    in_article = {m: a for m, a in graph.subject_objects(URIRef(KG_NS + "inArticle")) if m in mention_of}
    anchor = {m: str(t) for m, t in graph.subject_objects(URIRef(NIF_NS + "anchorOf")) if m in in_article}
    begin = {m: _int(b) for m, b in graph.subject_objects(URIRef(NIF_NS + "beginIndex")) if m in anchor}
    by_article: dict = {}
    for m in anchor:
        if in_article[m] in art_index:
            by_article.setdefault(in_article[m], []).append(m)

    found: dict[int, dict] = {}
    texts: dict[int, list[str]] = {}
    for a in sorted(by_article, key=str):
        # the body first; a mention found only in the headline or subtitle quotes that line
        parts = texts[art_index[a]] = [literal(graph, a, URIRef(SDO_NS + p))
                                       for p in ("articleBody", "alternativeHeadline", "headline")]
        bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(parts[0])] + [len(parts[0])]
        seen_count: dict[str, int] = {}
        for m in sorted(by_article[a], key=lambda m: (begin.get(m, 0), str(m))):
            surface = anchor[m]
            k = seen_count.get(surface, 0)
            seen_count[surface] = k + 1
            pos = _nth(parts[0], surface, k) if surface else -1
            if pos >= 0:
                where = (0, *_sentence_at(bounds, pos))
            else:
                which = next((i for i in (1, 2) if surface and surface in parts[i]), 0)
                if not which:
                    continue
                pos = parts[which].find(surface)
                where = (which, 0, len(parts[which]))
            spans = found.setdefault(index[mention_of[m]], {}).setdefault((art_index[a], where), set())
            spans.add((pos, pos + len(surface)))
    out: dict[int, list] = {}
    for eid, per in found.items():
        rows = []
        count: dict[int, int] = {}
        for (aid, (which, s, e)), spans in sorted(per.items()):
            if count.get(aid, 0) >= MAX_EVIDENCE:
                continue
            count[aid] = count.get(aid, 0) + 1
            text = texts[aid][which]
            s, e = _trim(text, s, e, sorted(spans))
            lead = len(text[s:e]) - len(text[s:e].lstrip())
            rows.append([aid, text[s:e].strip(),
                         [[a - s - lead, b - s - lead] for a, b in sorted(spans) if s <= a and b <= e]])
        out[eid] = rows
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


def _sentence_at(bounds: list[int], pos: int) -> tuple[int, int]:
    import bisect

    i = bisect.bisect_right(bounds, pos)
    return bounds[max(0, i - 1)], bounds[min(i, len(bounds) - 1)]


def _trim(body: str, s: int, e: int, spans: list) -> tuple[int, int]:
    """Cut a long sentence to MAX_SENTENCE characters around its first mention."""
    if e - s <= MAX_SENTENCE or not spans:
        return s, e
    first = spans[0][0]
    start = max(s, min(first - MAX_SENTENCE // 3, e - MAX_SENTENCE))
    return start, min(e, start + MAX_SENTENCE)


def _pagerank(n: int, pairs: list[tuple[int, int]], weight: list[int], d: float = 0.85) -> list[float]:
    """PageRank on the undirected relation graph, teleporting in proportion to 1 + articles mentioning."""
    if n == 0:
        return []
    adj: list[list[int]] = [[] for _ in range(n)]
    for a, b in pairs:
        adj[a].append(b)
        adj[b].append(a)
    tele = [1.0 + w for w in weight]
    total = sum(tele)
    tele = [t / total for t in tele]
    rank = tele[:]
    lonely = [i for i in range(n) if not adj[i]]
    linked = [(i, adj[i], d / len(adj[i])) for i in range(n) if adj[i]]
    for _ in range(40):
        nxt = [(1 - d) * t for t in tele]
        dangling = sum(rank[i] for i in lonely)
        for i, nbrs, w in linked:
            share = w * rank[i]
            for j in nbrs:
                nxt[j] += share
        nxt = [x + d * dangling * t for x, t in zip(nxt, tele)]
        delta = sum(abs(x - y) for x, y in zip(nxt, rank))
        rank = nxt
        if delta < 1e-7:
            break
    return rank


def _layout_pairs(nodes: list, edges: list, view: set) -> dict[tuple[int, int], float]:
    """Weighted undirected pairs: relations (1.0) and, inside the first view, co-mention in an article (0.15;
    each entity to the five most mentioned others of the article, so big articles stay cheap)."""
    pairs: dict[tuple[int, int], float] = {}
    for e in edges:
        a, b = sorted((e["from"], e["to"]))
        pairs[(a, b)] = 1.0
    per_article: dict[int, list[int]] = {}
    for i in sorted(view):
        for a in nodes[i]["arts"]:
            per_article.setdefault(a, []).append(i)
    for members in per_article.values():
        top = sorted(members, key=lambda i: (-nodes[i]["n"], i))[:5]
        for i in members:
            for j in top:
                if i != j:
                    key = (min(i, j), max(i, j))
                    pairs.setdefault(key, 0.15)
    return pairs


def _communities(n: int, pairs: dict) -> list[int]:
    """Community index per node (0 = largest; singletons -1): Louvain with a fixed seed up to LOUVAIN_MAX
    nodes, label propagation above."""
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(pairs.items()))
    if g.number_of_edges() == 0:
        return [-1] * n
    if n <= LOUVAIN_MAX:
        groups = nx.community.louvain_communities(g, weight="weight", seed=7)
    else:  # ten times faster on big graphs, deterministic, coarser
        groups = nx.community.label_propagation_communities(g)
    groups = sorted((sorted(c) for c in groups), key=lambda c: (-len(c), c[0]))
    out = [-1] * n
    for k, members in enumerate(groups):
        if len(members) > 1:
            for i in members:
                out[i] = k
    return out


def _layout(view: list[int], pairs: dict) -> dict[int, tuple[float, float]]:
    """Positions (pixels) of the first view: networkx spring layout with a fixed seed."""
    import networkx as nx

    if not view:
        return {}
    keep = set(view)
    g = nx.Graph()
    g.add_nodes_from(view)
    g.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(pairs.items()) if a in keep and b in keep)
    n = len(view)
    if n == 1:
        return {view[0]: (0.0, 0.0)}
    pos = nx.spring_layout(g, seed=7, iterations=60, k=1.6 / math.sqrt(n))
    scale = 90 * math.sqrt(n)
    return {i: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for i, (x, y) in sorted(pos.items())}


def _options(n_edges: int) -> dict:
    """vis-network options, built with pyvis' option objects and extended with what pyvis has no setter for.
    The first view starts from the Python layout and is polished by at most STABILIZE iterations of physics
    before it is shown; then physics is switched off and expansions are placed around their anchor."""
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    net.barnes_hut(gravity=-3000, central_gravity=0.1, spring_length=120, spring_strength=0.03,
                   damping=0.5, overlap=0.6)
    net.toggle_hide_edges_on_drag(n_edges > 1500)
    net.inherit_edge_colors(False)
    net.options.physics.stabilization.iterations = STABILIZE
    net.options.physics.stabilization.updateInterval = 25
    options = json.loads(net.options.to_json())
    options["physics"].update({"enabled": STABILIZE > 0, "solver": "barnesHut", "minVelocity": 1.0,
                               "timestep": 0.5})
    options["physics"]["stabilization"].update({"enabled": True, "fit": True})
    options["layout"] = {"randomSeed": 7, "improvedLayout": False}
    options["interaction"].update({"hover": True, "tooltipDelay": 200, "multiselect": False,
                                   "hideEdgesOnZoom": n_edges > 1500})
    options["nodes"] = {
        "borderWidth": 1,
        "borderWidthSelected": 4,
        "font": {"face": FONT_FACE, "size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
    }
    options["edges"].update({
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": False,
        "font": {"face": FONT_FACE, "size": 11, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff",
                 "align": "middle"},
        "width": 1,
    })
    return options


# ---------------------------------------------------------------- small helpers


@functools.lru_cache(maxsize=1)
def _ontology_labels() -> dict[str, tuple[str, str]]:
    """IRI -> (zh label, en label) for every term of kg.ttl."""
    import rdflib
    from rdflib import RDFS

    g = rdflib.Graph()
    g.parse(ONTOLOGY, format="turtle")
    out: dict[str, list] = {}
    for s, o in g.subject_objects(RDFS.label):
        pair = out.setdefault(str(s), [None, None])
        if getattr(o, "language", None) == "zh":
            pair[0] = str(o)
        elif getattr(o, "language", None) == "en":
            pair[1] = str(o)
    return {k: (zh or en or _local(k), en or zh or _local(k)) for k, (zh, en) in out.items()}


@functools.lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """(CSS, JS) of the vis-network build bundled with pyvis, made safe to inline."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib"
    found = sorted(lib.glob("vis-*/vis-network.min.js"), key=lambda p: _version(p.parent.name))
    if not found:
        raise RuntimeError(f"vis-network assets not found under {lib}")
    folder = found[-1].parent
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    return _inline_safe(css, "style"), _inline_safe(js, "script")


@functools.lru_cache(maxsize=None)
def _asset(name: str) -> str:
    text = (ASSETS / name).read_text(encoding="utf-8")
    return text if name.endswith(".html") else _inline_safe(text, "style" if name.endswith(".css") else "script")


def _inline_safe(text: str, tag: str) -> str:
    return re.sub(rf"</({tag})", r"<\\/\1", text, flags=re.I)


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", name))


def _script_json(obj) -> str:
    """JSON that is safe inside <script>: no "<", ">" or "&" (so no "</script" or "<!--"), no U+2028/9."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _labels(graph, nodes) -> dict:
    """node -> its rdfs:label (zh, else untagged, else any; the smallest if several), else its IRI's local name."""
    from rdflib import RDFS

    best: dict = {}
    for s, o in graph.subject_objects(RDFS.label):
        if s in nodes:
            lang = (getattr(o, "language", None) or "").lower()
            key = (0 if lang.startswith("zh") else 1 if not lang else 2, str(o))
            if s not in best or key < best[s]:
                best[s] = key
    return {n: best[n][1] if n in best else _local(n) for n in nodes}


def _local(iri) -> str:
    s = str(iri).rstrip("/#")
    return re.split(r"[/#]", s)[-1] or s


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _int(value) -> int:
    try:
        return int(value.toPython()) if value is not None else 0
    except (TypeError, ValueError, AttributeError):
        return 0


_SWATCH = {
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "star": '<polygon points="8,1 9.8,5.6 14.7,5.8 10.9,8.9 12.2,13.7 8,11 3.8,13.7 5.1,8.9 1.3,5.8 6.2,5.6"/>',
    "hexagon": '<polygon points="8,1 14.1,4.5 14.1,11.5 8,15 1.9,11.5 1.9,4.5"/>',
    "ellipse": '<ellipse cx="8" cy="8" rx="7.5" ry="4.5"/>',
    "triangle": '<polygon points="8,1.5 14.8,14 1.2,14"/>',
    "triangleDown": '<polygon points="1.2,2 14.8,2 8,14.5"/>',
    "box": '<rect x="1" y="4" width="14" height="8" rx="2"/>',
}


def _legend_html(nodes: list) -> str:
    labels = _ontology_labels()
    per_class: dict[str, int] = {}
    for n in nodes:
        per_class[n["cls"]] = per_class.get(n["cls"], 0) + 1
    rows = []
    for cls, (colour, shape) in CLASS_STYLE.items():
        zh, en = labels.get(KG_NS + cls, (cls, cls))
        rows.append(
            f'<li data-cls="{html.escape(cls)}" title="click to hide/show 点击隐藏/显示">'
            f'<svg width="16" height="16" viewBox="0 0 16 16" fill="{colour}" stroke="#555" stroke-width="0.8">'
            f"{_SWATCH[shape]}</svg> {html.escape(zh)} <span class=\"en\">{html.escape(en)}</span>"
            f' <span class="n">{per_class.get(cls, 0)}</span></li>'
        )
    return "\n".join(rows)


def _rel_legend_html(rels: dict) -> str:
    rows = []
    for key, style in sorted(rels.items()):
        dash = " ".join(str(d) for d in style["dashes"]) if style["dashes"] else "none"
        rows.append(f'<li><svg width="28" height="8"><line x1="0" y1="4" x2="28" y2="4" '
                    f'stroke="{html.escape(style["color"])}" stroke-width="2" stroke-dasharray="{dash}"/></svg> '
                    f'{html.escape(style["zh"])} <span class="en">{html.escape(style["en"])}</span></li>')
    return "\n".join(rows)


def _article_options(articles: list) -> str:
    rows = ['<option value="-1">全部文章 all articles</option>']
    for i, a in enumerate(articles):
        text = f"{a['d']} {a['h']}".strip()
        rows.append(f'<option value="{i}">{html.escape(_short(text) if len(text) > 40 else text)}</option>')
    return "\n".join(rows)
