"""The one place that names the nodes of the instance graph: the local part (what follows the base IRI) of every
article, entity, mention, sentence, statement ... IRI and of every named graph, and the way back from an IRI to
the article it names. The graph writer (:mod:`kg.rdf.quads`), the measures and initiative kinds
(:mod:`kg.rdf.measures`) and the named graphs on disk (:mod:`kg.rdf.named`) mint IRIs only through these.

Local parts are ASCII and deterministic: article ids and entity keys are ASCII already (kg.ingest.identity,
kg.link.entities), spans are raw offsets (:meth:`kg.model.Article.span_key`), the rest are hashes.
:func:`kg.rdf.ntriples.iri` then writes an IRI as an N-Triples term.
"""

from __future__ import annotations

__all__ = ["ENTITIES", "ARTICLE_GRAPHS", "article", "article_graph", "entity", "mention", "reference", "measure",
           "sentence", "byline", "statement", "membership", "post", "merge", "article_of"]

ENTITIES = "graph/entities"  # the merged entities, merge decisions and facts that hold independently of articles
ARTICLE_GRAPHS = "graph/article/"  # + article id: what one article says


def article(article_id: str) -> str:
    return f"article/{article_id}"


def article_graph(article_id: str) -> str:
    """Local part of the name of an article's graph."""
    return ARTICLE_GRAPHS + article_id


def entity(key: str) -> str:
    """An entity's local part is its key (``<class slug>/<id>``, made by kg.link.entities)."""
    return key


def mention(article_id: str, span: str) -> str:
    return f"mention/{article_id}/{span}"


def reference(article_id: str, span: str) -> str:
    return f"reference/{article_id}/{span}"


def measure(article_id: str, span: str) -> str:
    return f"measure/{article_id}/{span}"


def sentence(article_id: str, raw_start: int, raw_end: int) -> str:
    return f"sentence/{article_id}/{raw_start}-{raw_end}"


def byline(article_id: str, n: int) -> str:
    return f"byline/{article_id}/{n}"


def statement(where: str, digest: str) -> str:
    """A fact's statement in article ``where`` (or ``entities``), ``digest`` a hash of the fact."""
    return f"statement/{where}/{digest}"


def membership(digest: str) -> str:
    return f"membership/{digest}"


def post(digest: str) -> str:
    return f"post/{digest}"


def merge(digest: str) -> str:
    return f"merge/{digest}"


def article_of(iri: str, base: str, ids) -> str | None:
    """The id (one of ``ids``) of the article a node ``iri`` under ``base`` belongs to: an article, mention,
    sentence, measure ... IRI has the article id as a path segment after its kind; None for an entity."""
    if not iri.startswith(base):
        return None
    return next((p for p in iri[len(base):].split("/")[1:] if p in ids), None)
