"""The interactive graph page (graph.html): one self-contained HTML file that works offline.

:func:`collect` reads the entity graph (:mod:`kg.analysis.egraph`, SPARQL on an rdflib Graph or a pyoxigraph Store) into
the page's data (:mod:`kg.viz.explorer_data`); :func:`render` embeds it as JSON in a page with the vis-network build
bundled with pyvis and the page's own script and style (``kg/viz/explorer_assets/``), all inlined: nothing is loaded
from the network. The page carries an index of every entity and draws a chosen subset: at open, the most
central entities, laid out in Python (networkx spring layout, fixed seed) so the browser draws at once. The data
travels in columns (:mod:`kg.viz.explorer_pack`): an index parsed at open and blocks parsed when first needed.
"""

from __future__ import annotations

import functools
import gc
import html
import json
import os
import re
from pathlib import Path

from . import explorer_data, explorer_pack
from .explorer_data import INITIAL_NODES, FocusError

__all__ = ["render", "write", "collect", "FocusError", "CLASS_STYLE", "REL_STYLE", "INITIAL_NODES"]

KG_NS = "https://w3id.org/kgnews/ontology#"
ONTOLOGY = Path(__file__).parents[1] / "ontology" / "kg.ttl"
ASSETS = Path(__file__).with_name("explorer_assets")
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


# ---------------------------------------------------------------- public API


def render(
    graph,
    *,
    title: str = "kg",
    focus: str | None = None,
    hops: int = 2,
    initial_nodes: int = INITIAL_NODES,
) -> str:
    """Return graph.html for ``graph`` (an rdflib Graph, a pyoxigraph Store or a :class:`kg.analysis.egraph.EntityGraph`)
    as one string (UTF-8 page, no external resources).

    ``focus`` (a name or alias) restricts the page to the entities within ``hops`` typed relations of it.
    The page opens on the ``initial_nodes`` most central entities; every entity stays searchable and filterable.
    """
    gc_was_on = gc.isenabled()
    gc.disable()  # hundreds of thousands of small dicts and lists, none cyclic: no collector passes over them
    try:
        data = collect(graph, focus=focus, hops=hops, initial_nodes=initial_nodes)
        index, lazy = explorer_pack.pack(data)
    finally:
        if gc_was_on:
            gc.enable()
    summary = f"{len(data['nodes']):,} entities · {len(data['edges']):,} relations · {len(data['articles']):,} articles"
    if focus is not None:
        summary += f" · within {hops} hops of {focus}"
    css, js = _vis_assets()
    fields = {
        "TITLE": html.escape(title),
        "SUMMARY": html.escape(summary),
        "LEGEND": _legend_html(data["nodes"]),
        "RELS": _rel_legend_html(data["rels"]),
        "VIS_CSS": css,
        "VIS_JS": js,
        "PAGE_CSS": _asset("explorer.css").replace("@@FONT@@", FONT_FACE),
        "PAGE_JS": "\n".join(_asset(name) for name in ("index.js", "explorer.js", "panel.js")),
        "DATA": _script_json(index),
        "LAZY": "\n".join(f'<script type="application/json" id="kg-lazy-{name}">{_script_json(lazy[name])}</script>'
                          for name in explorer_pack.LAZY if name in lazy),
        "EMPTY": "" if data["nodes"] else '<p id="empty">No entities in this graph. 图中没有实体。</p>',
    }
    return re.sub(r"@@([A-Z_]+)@@", lambda m: fields[m.group(1)], _asset("page.html"))


def write(graph, path: str | os.PathLike, **options) -> Path:
    """Write ``render(graph, **options)`` to ``path`` atomically; ``graph`` is an rdflib Graph or a pyoxigraph
    Store (a ``kg build --store`` folder opened with :func:`kg.store.oxigraph.open_store`)."""
    from kg.util.io import write_text

    return write_text(path, render(graph, **options))


def collect(graph, *, focus: str | None = None, hops: int = 2, initial_nodes: int = INITIAL_NODES) -> dict:
    """The page's data (see :func:`kg.viz.explorer_data.collect`) with the styles of classes and relations, the
    community palette and the vis-network ``options``. Deterministic."""
    from kg.analysis.egraph import EntityGraph, read

    eg = graph if isinstance(graph, EntityGraph) else read(graph)
    data = explorer_data.collect(eg, focus=focus, hops=hops, initial_nodes=initial_nodes)
    labels = _ontology_labels()
    props = {e["rel"]: e["p"] for e in data["edges"]}
    others = iter(OTHER_RELS * (1 + len(props) // len(OTHER_RELS)))
    rels = {}
    for key in sorted(props):
        zh, en = labels.get(props[key], (key, key))
        colour, dashes = REL_STYLE[key] if key in REL_STYLE else next(others)
        rels[key] = {"zh": zh, "en": en, "color": colour, "dashes": dashes}
    for e in data["edges"]:
        del e["p"]
    classes = {}
    for cls, (colour, shape) in CLASS_STYLE.items():
        zh, en = labels.get(KG_NS + cls, (cls, cls))
        classes[cls] = {"zh": zh, "en": en, "color": colour, "shape": shape, "text": _text_on(colour)}
    data.update({"classes": classes, "rels": rels, "palette": COMMUNITY_COLOURS, "options": _options(len(data["view"]))})
    return data


def _text_on(colour: str) -> str:
    """Black or white, whichever contrasts more with ``colour`` (WCAG relative luminance)."""
    rgb = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lum = sum(w * (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
              for w, c in zip((0.2126, 0.7152, 0.0722), rgb))
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#ffffff"


def _options(n_drawn: int) -> dict:
    """vis-network options, built with pyvis' option objects and extended with what pyvis has no setter for.
    Physics is off at open (the Python layout is the stable view); the page runs it briefly for nodes it adds."""
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    net.barnes_hut(gravity=-3000, central_gravity=0.1, spring_length=120, spring_strength=0.03,
                   damping=0.5, overlap=0.6)
    net.toggle_hide_edges_on_drag(False)
    net.inherit_edge_colors(False)
    options = json.loads(net.options.to_json())
    options["physics"].update({"enabled": False, "solver": "barnesHut", "minVelocity": 1.0, "timestep": 0.5})
    options["physics"]["stabilization"].update({"enabled": False, "iterations": 120, "fit": False})
    options["layout"] = {"randomSeed": 7, "improvedLayout": False}
    options["interaction"].update({"hover": True, "tooltipDelay": 200, "multiselect": False,
                                   "hideEdgesOnZoom": False, "keyboard": {"enabled": False}})
    options["nodes"] = {
        "borderWidth": 1,
        "borderWidthSelected": 4,
        "font": {"face": FONT_FACE, "size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
    }
    options["edges"].update({
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": False,
        "font": {"face": FONT_FACE, "size": 11, "color": "#444444", "strokeWidth": 3, "strokeColor": "#ffffff",
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
    return {k: (zh or en or _tail(k), en or zh or _tail(k)) for k, (zh, en) in out.items()}


def _tail(iri: str) -> str:
    """The local name of an IRI (after the last # or /)."""
    return re.split(r"[#/]", iri)[-1]


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
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), check_circular=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


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
    """Class legend: one toggle button per class (keyboard reachable), with the class's count in the graph."""
    labels = _ontology_labels()
    per_class: dict[str, int] = {}
    for n in nodes:
        per_class[n["cls"]] = per_class.get(n["cls"], 0) + 1
    rows = []
    for cls, (colour, shape) in CLASS_STYLE.items():
        zh, en = labels.get(KG_NS + cls, (cls, cls))
        rows.append(
            f'<li><button type="button" data-cls="{html.escape(cls)}" aria-pressed="true" '
            f'title="hide/show 隐藏/显示 {html.escape(en)}">'
            f'<svg width="16" height="16" viewBox="0 0 16 16" fill="{colour}" stroke="#555" stroke-width="0.8" '
            f'aria-hidden="true">{_SWATCH[shape]}</svg> {html.escape(zh)} <span class="en">{html.escape(en)}</span>'
            f' <span class="n">{per_class.get(cls, 0):,}</span></button></li>'
        )
    return "\n".join(rows)


def _rel_legend_html(rels: dict) -> str:
    """Relation legend: one toggle per relation type, and co-mentions."""
    rows = ['<li><button type="button" data-rel="co" aria-pressed="true" title="co-mentions on/off 共现">'
            '<svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke="#9aa7b8" '
            'stroke-width="3"/></svg> 同文共现 <span class="en">co-mention</span></button></li>']
    for key, style in sorted(rels.items()):
        dash = " ".join(str(d) for d in style["dashes"]) if style["dashes"] else "none"
        rows.append(f'<li><button type="button" data-rel="{html.escape(key)}" aria-pressed="true">'
                    f'<svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" '
                    f'stroke="{html.escape(style["color"])}" stroke-width="2" stroke-dasharray="{dash}"/></svg> '
                    f'{html.escape(style["zh"])} <span class="en">{html.escape(style["en"])}</span></button></li>')
    return "\n".join(rows)
