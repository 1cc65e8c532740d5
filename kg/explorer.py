"""The interactive graph page (graph.html): one self-contained HTML file that works offline.

Entities become vis-network nodes (colour and shape by ontology class, size by the number of articles that
mention them), typed entity-to-entity relations become labelled edges. pyvis supplies the physics options and
the bundled vis-network JavaScript/CSS, which are inlined; nothing is loaded from the network.
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

if TYPE_CHECKING:  # pragma: no cover
    import rdflib

__all__ = ["render", "write", "CLASS_STYLE", "MAX_NODES"]

KG_NS = "https://w3id.org/kgnews/ontology#"
ONTOLOGY = Path(__file__).with_name("ontology") / "kg.ttl"
MAX_NODES = 1000
FONT_FACE = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'

# class local name -> (colour, vis-network shape). Most specific first: the first match wins when a node
# carries several types. All shapes but "ellipse" draw the label below the node and honour "size".
CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Person": ("#59a14f", "dot"),
    "Enterprise": ("#4e79a7", "square"),
    "GovernmentBody": ("#f28e2b", "diamond"),
    "PartyOrganization": ("#e15759", "star"),
    "AdministrativeRegion": ("#edc948", "hexagon"),
    "Initiative": ("#b07aa1", "ellipse"),
    "Organization": ("#76b7b2", "triangle"),
    "Place": ("#9c755f", "triangleDown"),
}
ARTICLE_STYLE = ("#bab0ac", "box")
MAX_HEADLINES = 10  # per tooltip
MAX_ALIASES = 12
MAX_LABEL = 24  # characters drawn on the canvas; the tooltip has the full name


# ---------------------------------------------------------------- public API


def render(
    graph: rdflib.Graph,
    *,
    title: str = "kg",
    max_nodes: int = MAX_NODES,
    include_articles: bool = False,
) -> str:
    """Return graph.html for ``graph`` as one string (UTF-8 page, no external resources).

    Keeps the ``max_nodes`` entities mentioned by the most articles; ``include_articles`` adds article nodes
    linked to the entities they mention.
    """
    nodes, edges, stats = _collect(graph, max_nodes, include_articles)
    options = _options(nodes, edges)
    css, js = _vis_assets()
    shown, total = stats["shown"], stats["total"]
    if shown < total:
        summary = f"showing {shown:,} of {total:,} entities"
    else:
        summary = f"{total:,} entities"
    summary += f" · {stats['relations']:,} relations · {stats['articles']:,} articles"
    fields = {
        "TITLE": html.escape(title),
        "SUMMARY": html.escape(summary),
        "LEGEND": _legend_html(stats["per_class"], include_articles),
        "VIS_CSS": css,
        "VIS_JS": js,
        "DATA": _script_json({"nodes": nodes, "edges": edges, "options": options}),
        "FONT": FONT_FACE,
        "EMPTY": "" if nodes else '<p id="empty">No entities in this graph. 图中没有实体。</p>',
    }
    return re.sub(r"@@([A-Z_]+)@@", lambda m: fields[m.group(1)], _PAGE)


def write(graph: rdflib.Graph, path: str | os.PathLike, **options) -> None:
    """Write ``render(graph, **options)`` to ``path`` atomically (temp file in the same folder, then rename)."""
    import tempfile

    page = render(graph, **options).encode("utf-8")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(page)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------- graph -> vis data


def _collect(graph, max_nodes: int, include_articles: bool):
    from rdflib import RDF, SKOS, URIRef
    from rdflib.namespace import SDO

    rank = {KG_NS + name: i for i, name in enumerate(CLASS_STYLE)}
    cls_of: dict = {}
    for s, o in graph.subject_objects(RDF.type):
        key = str(o)
        if key in rank and isinstance(s, URIRef):
            if s not in cls_of or rank[key] < rank[KG_NS + cls_of[s]]:
                cls_of[s] = key[len(KG_NS) :]

    article_type = URIRef(KG_NS + "Article")
    articles = {a for a in graph.subjects(RDF.type, article_type) if isinstance(a, URIRef)}
    mentioned_by: dict = {}
    for a, e in graph.subject_objects(SDO.mentions):
        if e in cls_of:
            mentioned_by.setdefault(e, set()).add(a)
            if isinstance(a, URIRef):
                articles.add(a)
    headline = {a: _text(graph, a, SDO.headline) or _text(graph, a, URIRef("http://purl.org/dc/terms/source"))
                or _local(a) for a in articles}

    count_prop = URIRef(KG_NS + "mentionCount")

    def sort_key(e):
        return (-len(mentioned_by.get(e, ())), -_int(graph.value(e, count_prop)), _label(graph, e), str(e))

    ranked = sorted(cls_of, key=sort_key)
    kept = ranked[: max(0, max_nodes)]
    index = {e: i for i, e in enumerate(kept)}
    labels = _ontology_labels()

    nodes, per_class = [], {}
    for e in kept:
        cls = cls_of[e]
        colour, shape = CLASS_STYLE[cls]
        name = _label(graph, e)
        heads = sorted({headline[a] for a in mentioned_by.get(e, ())})
        aliases = sorted({str(x) for x in graph.objects(e, SKOS.altLabel)} - {name})
        zh, en = labels.get(KG_NS + cls, (cls, cls))
        lines = [name, f"{zh} {en}"]
        if aliases:
            more = f" …(+{len(aliases) - MAX_ALIASES})" if len(aliases) > MAX_ALIASES else ""
            lines.append("别名 aliases: " + "、".join(aliases[:MAX_ALIASES]) + more)
        lines.append(f"提及文章 articles: {len(heads)}")
        lines += ["· " + h for h in heads[:MAX_HEADLINES]]
        if len(heads) > MAX_HEADLINES:
            lines.append(f"… +{len(heads) - MAX_HEADLINES}")
        lines.append(str(e))
        n = len(heads)
        node = {
            "id": index[e],
            "label": _short(name),
            "name": name,
            "cls": cls,
            "title": "\n".join(lines),
            "color": colour,
            "shape": shape,
            "articles": n,
        }
        if shape == "ellipse":  # label inside: grow the text instead of the node
            node["font"] = {"size": min(30, round(13 + 2 * math.sqrt(n)))}
        else:
            node["size"] = min(48, round(10 + 6 * math.sqrt(n), 1))
        nodes.append(node)
        per_class[cls] = per_class.get(cls, 0) + 1

    # typed entity-to-entity relations, one edge per ordered pair (labels joined)
    pair_props: dict = {}
    for s in kept:
        for p, o in graph.predicate_objects(s):
            if o in index and o != s and p != RDF.type:
                pair_props.setdefault((index[s], index[o]), set()).add(str(p))
    edges = []
    for (a, b), props in sorted(pair_props.items()):
        names = [labels.get(p, (_local(p), _local(p))) for p in sorted(props)]
        edges.append({
            "from": a,
            "to": b,
            "label": "、".join(zh for zh, _ in names),
            "title": "\n".join(f"{zh} ({en})" for zh, en in names),
        })
    relations = len(edges)

    if include_articles:
        colour, shape = ARTICLE_STYLE
        shown_articles = sorted({a for e in kept for a in mentioned_by.get(e, ())}, key=lambda a: (headline[a], str(a)))
        for a in shown_articles:
            aid = len(nodes)
            index[a] = aid
            nodes.append({"id": aid, "label": _short(headline[a]), "name": headline[a], "cls": "Article",
                          "title": f"{headline[a]}\n文章 Article\n{a}", "color": colour, "shape": shape,
                          "articles": 0})
        zh, en = labels.get(str(SDO.mentions), ("提及", "mentions"))
        for e in kept:
            for a in sorted(mentioned_by.get(e, ()), key=lambda a: index[a]):
                edges.append({"from": index[a], "to": index[e], "label": "", "title": f"{zh} ({en})",
                              "dashes": True})
        per_class["Article"] = len(shown_articles)

    stats = {"shown": len(kept), "total": len(cls_of), "relations": relations,
             "articles": len(articles), "per_class": per_class}
    return nodes, edges, stats


def _options(nodes: list, edges: list) -> dict:
    """vis-network options, built with pyvis' option objects and extended with what pyvis has no setter for."""
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    net.barnes_hut(gravity=-6000, central_gravity=0.35, spring_length=110, spring_strength=0.04,
                   damping=0.4, overlap=0.1)
    net.toggle_hide_edges_on_drag(len(edges) > 1500)
    net.inherit_edge_colors(False)
    net.set_edge_smooth("continuous")
    net.options.physics.stabilization.iterations = 200
    net.options.physics.stabilization.updateInterval = 25
    options = json.loads(net.options.to_json())
    options["physics"].update({"solver": "barnesHut", "minVelocity": 1.0, "timestep": 0.5})
    options["layout"] = {"randomSeed": 7, "improvedLayout": len(nodes) <= 100}
    options["interaction"].update({"hover": True, "tooltipDelay": 150, "multiselect": True})
    options["nodes"] = {
        "borderWidth": 1,
        "font": {"face": FONT_FACE, "size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
    }
    options["edges"].update({
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#9aa0a6", "highlight": "#333333", "hover": "#333333", "inherit": False},
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
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)
    return css, js


def _version(name: str) -> tuple[int, ...]:
    return tuple(int(x) for x in re.findall(r"\d+", name))


def _script_json(obj) -> str:
    """JSON that is safe inside <script>: no "<", ">" or "&" (so no "</script" or "<!--"), no U+2028/9."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _text(graph, node, prop) -> str:
    """The zh (else untagged, else any) literal value of ``prop``; '' if none."""
    values = sorted(graph.objects(node, prop), key=str)
    for o in values:
        if (getattr(o, "language", None) or "").lower().startswith("zh"):
            return str(o)
    for o in values:
        if not getattr(o, "language", None):
            return str(o)
    return str(values[0]) if values else ""


def _label(graph, node) -> str:
    from rdflib import RDFS

    return _text(graph, node, RDFS.label) or _local(node)


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


def _legend_html(per_class: dict, include_articles: bool) -> str:
    labels = _ontology_labels()
    styles = list(CLASS_STYLE.items())
    if include_articles:
        styles.append(("Article", ARTICLE_STYLE))
    rows = []
    for cls, (colour, shape) in styles:
        zh, en = labels.get(KG_NS + cls, (cls, cls))
        rows.append(
            f'<li data-cls="{html.escape(cls)}" title="click to hide/show 点击隐藏/显示">'
            f'<svg width="16" height="16" viewBox="0 0 16 16" fill="{colour}" stroke="#555" stroke-width="0.8">'
            f"{_SWATCH[shape]}</svg> {html.escape(zh)} <span class=\"en\">{html.escape(en)}</span>"
            f' <span class="n">{per_class.get(cls, 0)}</span></li>'
        )
    return "\n".join(rows)


_PAGE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title>
<style>@@VIS_CSS@@</style>
<style>
html, body { margin: 0; height: 100%; font-family: @@FONT@@; color: #222; background: #fff; }
body { display: flex; flex-direction: column; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.4em 1.2em; padding: 0.5em 1em;
         border-bottom: 1px solid #ddd; background: #fafafa; }
header h1 { font-size: 1.2em; margin: 0; }
#summary, #status { color: #555; font-size: 0.9em; }
#search { font: inherit; font-size: 0.9em; padding: 0.15em 0.4em; border: 1px solid #bbb; border-radius: 3px; }
#network { flex: 1; min-height: 300px; position: relative; }
#empty { position: absolute; top: 4em; width: 100%; text-align: center; color: #777; }
#legend { position: fixed; right: 12px; bottom: 12px; margin: 0; padding: 0.5em 0.8em; list-style: none;
          background: rgba(255,255,255,0.92); border: 1px solid #ccc; border-radius: 4px; font-size: 13px;
          box-shadow: 0 1px 4px rgba(0,0,0,0.15); z-index: 10; }
#legend li { cursor: pointer; line-height: 1.7; user-select: none; white-space: nowrap; }
#legend li svg { vertical-align: -3px; }
#legend li.off { opacity: 0.35; }
#legend .en, #legend .n { color: #777; font-size: 0.9em; }
div.vis-tooltip { font-family: @@FONT@@; font-size: 13px; white-space: pre-line; max-width: 32em; }
</style>
</head>
<body>
<header>
<h1>@@TITLE@@</h1>
<span id="summary">@@SUMMARY@@</span>
<input id="search" type="search" placeholder="搜索 search…" aria-label="search entities">
<span id="status"></span>
</header>
<div id="network">@@EMPTY@@</div>
<ul id="legend">
@@LEGEND@@
</ul>
<script>@@VIS_JS@@</script>
<script type="application/json" id="kg-data">@@DATA@@</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var status = document.getElementById("status");
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, data.options);
  network.on("stabilizationProgress", function (p) {
    status.textContent = "layout 布局 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: false});
    status.textContent = "";
  });
  document.getElementById("search").addEventListener("change", function (ev) {
    var q = ev.target.value.trim().toLowerCase();
    if (!q) { network.unselectAll(); return; }
    var hits = nodes.get({filter: function (n) { return !n.hidden && n.name.toLowerCase().indexOf(q) >= 0; }});
    network.selectNodes(hits.map(function (n) { return n.id; }));
    if (hits.length) { network.focus(hits[0].id, {scale: 1.2, animation: true}); }
    status.textContent = hits.length + " found 个结果";
  });
  Array.prototype.forEach.call(document.querySelectorAll("#legend li"), function (li) {
    li.addEventListener("click", function () {
      var off = li.classList.toggle("off"), cls = li.getAttribute("data-cls");
      nodes.update(nodes.get({filter: function (n) { return n.cls === cls; }}).map(function (n) {
        return {id: n.id, hidden: off};
      }));
    });
  });
})();
</script>
</body>
</html>
"""
