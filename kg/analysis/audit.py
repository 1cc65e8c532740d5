"""The linking audit: names carried by several nodes (and why each stayed apart), and the merges with the weakest
evidence. Runs SPARQL on a graph (rdflib) or a store (Oxigraph) through :func:`kg.store.query.run`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.store.query import run

__all__ = ["Audit", "audit", "format_audit"]

_SPLIT = """
SELECT ?label ?e ?cls (SAMPLE(?n0) AS ?n) (GROUP_CONCAT(DISTINCT COALESCE(?why, ""); separator=" | ") AS ?reasons) WHERE {
  { SELECT ?label WHERE { ?x rdfs:label ?label ; kg:mentionCount ?c . } GROUP BY ?label HAVING (COUNT(DISTINCT ?x) > 1) }
  ?e rdfs:label ?label ; a ?cls ; kg:mentionCount ?n0 .
  FILTER(STRSTARTS(STR(?cls), STR(kg:)))
  OPTIONAL { ?e kg:mergeDecision ?d . ?d kg:reason ?why . }
} GROUP BY ?label ?e ?cls
"""

_WEAK = """
SELECT ?e ?label ?form ?reason ?score WHERE {
  ?e kg:mergeDecision ?d ; rdfs:label ?label .
  ?d kg:surfaceForm ?form ; kg:reason ?reason ; kg:confidence ?score .
} ORDER BY ?score ?label ?form LIMIT %d
"""


_GENERAL = ("Initiative", "Organization")  # superclasses a node is typed with beside its own class


@dataclass
class Audit:
    split: dict[str, list[dict]] = field(default_factory=dict)  # label -> nodes (iri, class, mentions, reasons)
    weakest: list[dict] = field(default_factory=list)  # merge decisions, lowest confidence first


def audit(graph, top: int = 20) -> Audit:
    """Audit ``graph`` (an rdflib Graph or a pyoxigraph Store): every name on two or more nodes, most nodes first,
    and the ``top`` merge decisions with the lowest confidence."""
    out = Audit()
    nodes: dict[str, dict] = {}
    for label, iri, cls, n, reasons in run(graph, _SPLIT).rows:
        node = nodes.setdefault(iri, {"iri": iri, "label": label, "classes": set(), "mentions": int(float(n or 0)),
                                      "reasons": set()})
        node["classes"].add(cls.rsplit("#", 1)[-1])
        node["reasons"] |= {r for r in (reasons or "").split(" | ") if r}
    for node in nodes.values():  # the most specific class: a kind of initiative before Initiative itself
        classes = node.pop("classes")
        node["class"] = min(classes, key=lambda c: (c in _GENERAL, c))
        node["reasons"] = sorted(node["reasons"])
        out.split.setdefault(node.pop("label"), []).append(node)
    for nodes in out.split.values():
        nodes.sort(key=lambda d: (-d["mentions"], d["iri"]))
    out.split = dict(sorted(out.split.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    for iri, label, form, reason, score in run(graph, _WEAK % top).rows:
        out.weakest.append({"iri": iri, "label": label, "form": form, "reason": reason, "score": float(score)})
    return out


def format_audit(a: Audit, names: int = 20) -> str:
    nodes = sum(len(v) for v in a.split.values())
    lines = [f"names on several nodes: {len(a.split)} ({nodes} nodes)"]
    for label, ns in list(a.split.items())[:names]:
        lines.append(f"  {label}  {len(ns)} nodes")
        for d in ns[:5]:
            why = "; ".join(d["reasons"]) or "no merge decision (one form in one article)"
            lines.append(f"    {d['class']:<20} {d['mentions']:>5} mentions  {why}")
        if len(ns) > 5:
            lines.append(f"    … {len(ns) - 5} more")
    lines.append("weakest merges:")
    lines += [f"  {d['score']:.2f}  {d['label']} <- {d['form']}: {d['reason']}" for d in a.weakest]
    return "\n".join(lines)
