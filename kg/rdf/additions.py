"""The triples of what the per-article components add beyond mentions and facts: every measure (a date, amount,
count or percentage: :mod:`kg.extract.measures`) as a node, and the kind of every initiative whose mentions say
what it is (:mod:`kg.extract.initiatives`) as an extra rdf:type. Node IRIs come from :mod:`kg.rdf.iris`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Iterable

from kg.model import Article, Measure
from . import iris

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.model import Linked

__all__ = ["add_to_graph", "add_types"]


def _date_literal(value: str):
    from rdflib import Literal
    from rdflib.namespace import XSD

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    if re.fullmatch(r"--\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.gMonthDay)
    return Literal(value, datatype=XSD.gMonth)


def add_to_graph(graph: "Graph", articles: Iterable[Article], found: dict[str, list[Measure]], linked: "Linked",
                 base: str) -> int:
    """Add every measure as a node ``<base>measure/<article>/<begin>-<end>`` and return how many.

    ``begin-end`` are raw offsets, or ``t<start>-<end>`` in the article's text where raw characters are shared
    (a headline taken from a JSONL title: all its offsets are the record's), see :meth:`Article.span_key`.

    Numbers: ``a schema:QuantitativeValue`` with ``schema:value``, ``schema:unitText``; dates: ``a
    kg:TimeExpression`` with ``kg:timeValue`` (xsd:date, gYearMonth, gYear ...) or ``schema:startDate``/
    ``schema:endDate`` for an interval. Both: ``kg:measureKind``, ``kg:qualifier``, ``kg:measureOf`` the
    subject's entity, ``kg:inArticle``, NIF offsets into the raw file. A date that a launch verb ties to an
    initiative (7月1日，某局启动“X”行动) also becomes the initiative's ``schema:startDate``.
    """
    from rdflib import Literal, Namespace, URIRef
    from rdflib.namespace import RDF, XSD

    from kg.rdf.build import PREFIXES
    from kg.rdf.vocab import KG
    from kg.util.resources import words

    schema, nif = Namespace(PREFIXES["schema"]), Namespace(PREFIXES["nif"])
    launch = words("launch_verbs.txt")
    texts = {a.id: a.text for a in articles}
    by_id = {a.id: a for a in articles}
    initiatives = {(m.article, m.start, m.end) for e in linked.entities if e.cls == "Initiative" for m in e.mentions}
    n = 0
    for art_id in sorted(found):
        for m in found[art_id]:
            key = (by_id[m.article].span_key(m.start, m.end) if m.article in by_id
                   else f"{m.raw_start}-{m.raw_end}")
            node = URIRef(base + iris.measure(m.article, key))
            if m.kind == "date":
                graph.add((node, RDF.type, KG.TimeExpression))
                value = str(m.value)
                if "/" in value:
                    start, end = value.split("/", 1)
                    graph.add((node, schema.startDate, _date_literal(start)))
                    graph.add((node, schema.endDate, _date_literal(end)))
                else:
                    graph.add((node, KG.timeValue, _date_literal(value)))
            else:
                graph.add((node, RDF.type, schema.QuantitativeValue))
                graph.add((node, schema.value, Literal(format(Decimal(repr(m.value)).normalize(), "f"), datatype=XSD.decimal)))
                if m.unit:
                    graph.add((node, schema.unitText, Literal(m.unit)))
            graph.add((node, KG.measureKind, Literal(m.kind)))
            if m.qualifier:
                graph.add((node, KG.qualifier, Literal(m.qualifier)))
            graph.add((node, KG.inArticle, URIRef(base + iris.article(m.article))))
            graph.add((node, nif.anchorOf, Literal(m.text, lang="zh")))
            graph.add((node, nif.beginIndex, Literal(m.raw_start)))
            graph.add((node, nif.endIndex, Literal(m.raw_end)))
            subject = m.subject
            entity = linked.mention_of.get(subject) if subject else None
            if entity and subject is not None:
                graph.add((node, KG.measureOf, URIRef(base + iris.entity(entity))))
                text = texts.get(m.article, "")
                between = text[m.end:subject[1]] if subject[1] >= m.end else ""
                if (m.kind == "date" and "/" not in str(m.value) and not str(m.value).startswith("--")
                        and subject in initiatives and any(v in between for v in launch)):
                    graph.add((URIRef(base + iris.entity(entity)), schema.startDate, _date_literal(str(m.value))))
            n += 1
    return n


def add_types(graph: "Graph", linked: "Linked", base: str) -> int:
    """Give every Initiative entity whose mentions say what kind it is that subclass as an extra rdf:type
    (kg:Initiative stays, so queries and the explorer need no reasoner). Returns how many were typed."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kg.extract import initiatives
    from kg.rdf.vocab import KG

    n = 0
    for e in linked.entities:
        if e.cls != "Initiative":
            continue
        sub = initiatives.entity_subtype(e.mentions)
        if sub:
            graph.add((URIRef(base + iris.entity(e.key)), RDF.type, KG[sub]))
            n += 1
    return n
