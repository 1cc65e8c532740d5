"""The page's data in the form graph.html carries: columns, not one object per entity.

:func:`kg.viz.explorer_data.collect` gives the page's data as one dict per entity, relation and article (the form
tests and Python callers read). A page for tens of thousands of stories cannot afford that form: parsing 350,000
objects alone takes seconds. :func:`pack` turns it into

- the **index** the page parses at open: parallel columns (names, a class code per entity, the rank order, the
  articles of each entity as delta-encoded integers, the relations' ends and types, article dates, aliases), and
  the first view (ids, positions, communities), styles and options;
- **lazy blocks** the page parses only when an interaction first needs one (headlines, entity details, evidence,
  article links, IRIs, texts and mention spans), each in its own ``<script type="application/json">`` element.

Integers travel as one string of variable-length base-64 digits (:func:`varints`): five bits a digit, the sixth
says another digit follows, so an article id below 32 768 takes three characters and a delta below 32 one. The page
decodes them into typed arrays (``explorer_assets/index.js``) and rebuilds the dicts of :func:`collect` on demand
(``KG.data.nodes``), which the browser tests compare with :func:`collect`.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["pack", "unpack", "varints", "unvarints", "DIGITS", "LAZY"]

#: the 64 digits of :func:`varints`, none of them escaped in JSON or HTML
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
#: the lazy blocks, in the order they are written into the page
LAZY = ("heads", "details", "ev", "links", "iri", "text")


def varints(values: Iterable[int]) -> str:
    """Non-negative integers as one string of base-64 digits, least significant five bits first (numpy: a page
    of a million integers in a fraction of a second).

    >>> varints([0, 31, 32, 1000])
    'AfgBof'
    >>> unvarints(varints([0, 31, 32, 1000]))
    [0, 31, 32, 1000]
    """
    import numpy as np

    v = np.fromiter(values, dtype=np.int64)
    if not len(v):
        return ""
    if v.min() < 0:
        raise ValueError(f"varints: negative value {int(v.min())}")
    width = np.ones(len(v), dtype=np.int64)  # digits per value
    rest = v >> 5
    while rest.any():
        width += rest > 0
        rest >>= 5
    start = np.cumsum(width) - width
    out = np.empty(int(width.sum()), dtype=np.uint8)
    alphabet = np.frombuffer(DIGITS.encode("ascii"), dtype=np.uint8)
    for k in range(int(width.max())):
        at = width > k
        digit = (v[at] >> (5 * k)) & 31
        out[start[at] + k] = alphabet[digit | np.where(width[at] > k + 1, 32, 0)]
    return out.tobytes().decode("ascii")


def unvarints(text: str) -> list[int]:
    """The integers of :func:`varints` (the page's decoder does the same in JavaScript)."""
    out, value, shift = [], 0, 0
    for ch in text:
        d = DIGITS.index(ch)
        value |= (d & 31) << shift
        if d & 32:
            shift += 5
        else:
            out.append(value)
            value, shift = 0, 0
    return out


def _deltas(rows: Iterable[list[int]]) -> Iterable[int]:
    """Each sorted row as its first value and the gaps after it."""
    for row in rows:
        prev = 0
        for k, v in enumerate(row):
            yield v if k == 0 else v - prev
            prev = v


def _code(index: dict[str, int], keys: Iterable[str]) -> str:
    """One digit per key: its position in ``index`` (at most 64 distinct keys)."""
    return "".join(DIGITS[index[k]] for k in keys)


def _evidence(edges: list[dict]) -> dict:
    """The evidence rows of the relations with each sentence and extractor written once (one sentence often
    supports several relations): ``s`` sentences, ``x`` extractors, ``rows`` per relation
    [[sentence, confidence, extractor, article, roles], …] with the first and third as indexes."""
    sentences: dict[str, int] = {}
    extractors: dict[str, int] = {}
    rows = [[[sentences.setdefault(r[0], len(sentences)), r[1], extractors.setdefault(r[2], len(extractors)),
              *r[3:]] for r in e["ev"]] for e in edges]
    return {"s": list(sentences), "x": list(extractors), "rows": rows}


def pack(data: dict) -> tuple[dict, dict[str, object]]:
    """(index, lazy blocks) of the page data from :func:`kg.viz.explorer.collect` (see the module docstring)."""
    nodes, edges, articles = data["nodes"], data["edges"], data["articles"]
    cls_list = list(data["classes"]) + sorted({n["cls"] for n in nodes} - set(data["classes"]))
    rel_list = sorted(data["rels"])
    if len(cls_list) > len(DIGITS) or len(rel_list) > len(DIGITS):
        raise ValueError("more than 64 classes or relation types")
    order = sorted(range(len(nodes)), key=lambda i: (-nodes[i]["rank"], -nodes[i]["n"], i))
    dates = sorted({a["d"] for a in articles if a["d"]})
    date_index = {d: k + 1 for k, d in enumerate(dates)}
    alias_of, alias_names = [], []
    for n in nodes:
        for a in n.get("aliases", ()):
            alias_of.append(n["id"])
            alias_names.append(a)
    view = data["view"]
    index = {
        "v": 2,
        "n": len(nodes),
        "names": [n["name"] for n in nodes],
        "clsList": cls_list,
        "cls": _code({c: k for k, c in enumerate(cls_list)}, (n["cls"] for n in nodes)),
        "order": varints(order),
        "nTop": sum(1 for n in nodes if n.get("top")),
        "artN": varints(len(n["arts"]) for n in nodes),
        "arts": varints(_deltas(n["arts"] for n in nodes)),
        "aliasOf": varints(_deltas([alias_of])),
        "aliases": alias_names,
        "relList": rel_list,
        "eFrom": varints(e["from"] for e in edges),
        "eTo": varints(e["to"] for e in edges),
        "eRel": _code({r: k for k, r in enumerate(rel_list)}, (e["rel"] for e in edges)),
        "nArticles": len(articles),
        "dates": dates,
        "artDate": varints(date_index.get(a["d"], 0) for a in articles),
        "view": view,
        "xy": [[nodes[i]["x"], nodes[i]["y"]] for i in view],
    }
    for key in ("base", "large", "texts", "comm", "coTop", "classes", "rels", "palette", "options"):
        if key in data:
            index[key] = data[key]
    details = {}
    for n in nodes:
        row = {k: n[k] for k in ("kind", "code", "level", "posts") if k in n}
        if row:
            details[str(n["id"])] = row
    sources = sorted({a["src"] for a in articles if a.get("src")})
    src_index = {s: k + 1 for k, s in enumerate(sources)}
    lazy: dict[str, object] = {
        "heads": [a["h"] for a in articles],
        "details": details,
        "ev": _evidence(edges),
        "links": {"u": [a.get("u", "") for a in articles], "sources": sources,
                  "src": varints(src_index.get(a.get("src", ""), 0) for a in articles),
                  "iri": [a["iri"] for a in articles]},
        "iri": [n["iri"] for n in nodes],
    }
    if data.get("texts"):
        lazy["text"] = {"t": [a.get("t", "") for a in articles],
                        "m": [varints(x for span in a.get("m", ()) for x in span) for a in articles]}
    return index, lazy


def _undeltas(values: list[int], lengths: list[int]) -> list[list[int]]:
    rows, at = [], 0
    for n in lengths:
        row = values[at:at + n]
        for k in range(1, len(row)):
            row[k] += row[k - 1]
        rows.append(row)
        at += n
    return rows


def unpack(index: dict, lazy: dict) -> dict:
    """The ``nodes``, ``edges``, ``articles`` and ``view`` of :func:`pack`'s output in the form of
    :func:`kg.viz.explorer_data.collect` (without ``rank``): what the page rebuilds, for tests and readers of a page.
    """
    n = index["n"]
    order = unvarints(index["order"])
    top = set(order[:index["nTop"]])
    arts = _undeltas(unvarints(index["arts"]), unvarints(index["artN"]))
    alias_of = _undeltas(unvarints(index["aliasOf"]), [len(index["aliases"])])[0]
    aliases: dict[int, list[str]] = {}
    for i, a in zip(alias_of, index["aliases"]):
        aliases.setdefault(i, []).append(a)
    xy = dict(zip(index["view"], index["xy"]))
    nodes = []
    for i in range(n):
        node = {"id": i, "iri": lazy["iri"][i], "name": index["names"][i],
                "cls": index["clsList"][DIGITS.index(index["cls"][i])], "arts": arts[i], "n": len(arts[i])}
        if i in aliases:
            node["aliases"] = aliases[i]
        node.update(lazy["details"].get(str(i), {}))
        if i in top:
            node["top"] = 1
        if i in xy:
            node["x"], node["y"] = xy[i]
        nodes.append(node)
    ev = lazy["ev"]
    rows = [[[ev["s"][r[0]], r[1], ev["x"][r[2]], *r[3:]] for r in e] for e in ev["rows"]]
    edges = [{"from": f, "to": t, "rel": index["relList"][DIGITS.index(r)], "ev": evs} for f, t, r, evs in
             zip(unvarints(index["eFrom"]), unvarints(index["eTo"]), index["eRel"], rows)]
    links, text = lazy["links"], lazy.get("text")
    articles = []
    for a, (d, src) in enumerate(zip(unvarints(index["artDate"]), unvarints(links["src"]))):
        row = {"h": lazy["heads"][a], "d": index["dates"][d - 1] if d else "", "iri": links["iri"][a]}
        if links["u"][a]:
            row["u"] = links["u"][a]
        if src:
            row["src"] = links["sources"][src - 1]
        if text and text["t"][a]:
            flat = unvarints(text["m"][a])
            row["t"], row["m"] = text["t"][a], [flat[k:k + 3] for k in range(0, len(flat), 3)]
        articles.append(row)
    return {"nodes": nodes, "edges": edges, "articles": articles, "view": index["view"]}
