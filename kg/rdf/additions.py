"""The triples of what the per-article components add beyond mentions and facts: every measure (a date, amount,
count or percentage: :mod:`kg.extract.measures`) as a node, and the kind of every initiative whose mentions say
what it is (:mod:`kg.extract.initiatives`) as an extra rdf:type. Node IRIs come from :mod:`kg.rdf.iris`; terms are
N-Triples strings (:mod:`kg.rdf.ntriples`), streamed as :mod:`kg.rdf.quads` streams the rest.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import partial
from typing import TYPE_CHECKING, Callable, Iterable

from kg.model import Article, Measure
from . import iris, ntriples as nt

if TYPE_CHECKING:
    from kg.model import Linked

__all__ = ["measure_triples", "type_triples"]

# add(graph, owner, s, p, o): a kg.rdf.quads.Add sink
Add = Callable[[str, str, str, str, str], None]
_DATES = ((re.compile(r"\d{4}-\d{2}-\d{2}"), "date"), (re.compile(r"\d{4}-\d{2}"), "gYearMonth"),
          (re.compile(r"\d{4}"), "gYear"), (re.compile(r"--\d{2}-\d{2}"), "gMonthDay"))


def _date(value: str) -> str:
    """A date value (2025-07-03, 2025-07, 2025, --07-03, else a month) as its XSD-typed literal."""
    kind = next((k for pattern, k in _DATES if pattern.fullmatch(value)), "gMonth")
    return nt.typed(value, nt.XSD + kind)


def measure_triples(articles: Iterable[Article], found: dict[str, list[Measure]], linked: "Linked", base: str,
                    add: Add) -> int:
    """Stream every measure as a node ``<base>measure/<article>/<begin>-<end>`` into ``add`` (in its article's
    graph; a start date it gives an initiative in the entities graph); return how many.

    ``begin-end`` are raw offsets, or ``t<start>-<end>`` in the article's text where raw characters are shared
    (a headline taken from a JSONL title: all its offsets are the record's), see :meth:`Article.span_key`.

    Numbers: ``a schema:QuantitativeValue`` with ``schema:value``, ``schema:unitText``; dates: ``a
    kg:TimeExpression`` with ``kg:timeValue`` (xsd:date, gYearMonth, gYear ...) or ``schema:startDate``/
    ``schema:endDate`` for an interval. Both: ``kg:measureKind``, ``kg:qualifier``, ``kg:measureOf`` the
    subject's entity, ``kg:inArticle``, NIF offsets into the raw file. A date that a launch verb ties to an
    initiative (7月1日，某局启动“X”行动) also becomes the initiative's ``schema:startDate``.
    """
    from kg.rdf.build import PREFIXES
    from kg.rdf.vocab import KG
    from kg.util.resources import words

    def term(namespace: str, name: str) -> str:
        return nt.iri(namespace + name)

    kg = {n: nt.iri(str(KG[n])) for n in ("TimeExpression", "timeValue", "measureKind", "qualifier", "inArticle",
                                          "measureOf")}
    sdo = {n: term(PREFIXES["schema"], n) for n in ("startDate", "endDate", "QuantitativeValue", "value", "unitText")}
    nif = {n: term(PREFIXES["nif"], n) for n in ("anchorOf", "beginIndex", "endIndex")}
    rdf_type = term("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type")
    launch = words("launch_verbs.txt")
    by_id = {a.id: a for a in articles}
    initiatives = {(m.article, m.start, m.end) for e in linked.entities if e.cls == "Initiative" for m in e.mentions}
    n = 0
    for art_id in sorted(found):
        for m in found[art_id]:
            key = (by_id[m.article].span_key(m.start, m.end) if m.article in by_id
                   else f"{m.raw_start}-{m.raw_end}")
            path = iris.measure(m.article, key)
            owner = iris.article_of(base + path, base, by_id)  # the article the node's IRI names
            g = iris.article_graph(owner) if owner else iris.ENTITIES
            out = partial(add, g, g, nt.iri(base + path))  # out(p, o): a triple of the node
            if m.kind == "date":
                out(rdf_type, kg["TimeExpression"])
                value = str(m.value)
                if "/" in value:
                    start, end = value.split("/", 1)
                    out(sdo["startDate"], _date(start))
                    out(sdo["endDate"], _date(end))
                else:
                    out(kg["timeValue"], _date(value))
            else:
                out(rdf_type, sdo["QuantitativeValue"])
                out(sdo["value"], nt.decimal(format(Decimal(repr(m.value)).normalize(), "f")))
                if m.unit:
                    out(sdo["unitText"], nt.literal(m.unit))
            out(kg["measureKind"], nt.literal(m.kind))
            if m.qualifier:
                out(kg["qualifier"], nt.literal(m.qualifier))
            out(kg["inArticle"], nt.iri(base + iris.article(m.article)))
            out(nif["anchorOf"], nt.zh(m.text))
            out(nif["beginIndex"], nt.integer(m.raw_start))
            out(nif["endIndex"], nt.integer(m.raw_end))
            subject = m.subject
            entity = linked.mention_of.get(subject) if subject else None
            if entity and subject is not None:
                entity_node = nt.iri(base + iris.entity(entity))
                out(kg["measureOf"], entity_node)
                article = by_id.get(m.article)
                text = article.text if article is not None else ""
                between = text[m.end:subject[1]] if subject[1] >= m.end else ""
                if (m.kind == "date" and "/" not in str(m.value) and not str(m.value).startswith("--")
                        and subject in initiatives and any(v in between for v in launch)):
                    add(iris.ENTITIES, iris.ENTITIES, entity_node, sdo["startDate"], _date(str(m.value)))
            n += 1
    return n


def type_triples(linked: "Linked", base: str, add: Add) -> int:
    """Give every Initiative entity whose mentions say what kind it is that subclass as an extra rdf:type, in the
    entities graph (kg:Initiative stays, so queries and the explorer need no reasoner). Returns how many."""
    from kg.extract import initiatives
    from kg.rdf.vocab import KG

    rdf_type = nt.iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    n = 0
    for e in linked.entities:
        if e.cls != "Initiative":
            continue
        sub = initiatives.entity_subtype(e.mentions)
        if sub:
            add(iris.ENTITIES, iris.ENTITIES, nt.iri(base + iris.entity(e.key)), rdf_type, nt.iri(str(KG[sub])))
            n += 1
    return n
