"""The per-article stages as named, ordered components over one document model (as spaCy's Language, Doc and
pipeline components; kg does not depend on spaCy).

:data:`COMPONENTS` is the one list of what runs on every article of a build, in order. Each component says what
it reads and what it adds, and adds it to the :class:`ArticleDoc` of every article of a batch (the frozen
:class:`kg.model.Article` and what the components found in it; every offset still points into the raw text).
``kg build --disable NAME`` leaves a component out; what it adds is then absent (what reads it finds nothing).
The components keep no state between batches: what one hands to the next is on the document.

=========  ===============================  ================================================================
name       reads                            adds
=========  ===============================  ================================================================
normalise  the document's raw text          the normalised text with its map to raw offsets (required)
segment    the normalised text              the articles: headline, body, bylines, dateline (required)
ner        the article's text               the learned NER model's candidates (kg.extract.ner)
rules      the article's text and bylines   the rules' candidates and the article's words (kg.extract)
mentions   both kinds of candidates         the mentions: reconciled, region-coded, with sentence numbers
relations  the mentions                     the relations the text states (kg.relations)
nested     the mentions                     the regions named inside names, as mentions (kg.link.nested)
measures   the mentions with nested ones    dates, amounts, counts, percentages (kg.extract.measures)
=========  ===============================  ================================================================

(The table is checked against the list by tests/test_components.py, and against the README.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from .model import Article, Document, Measure, Mention, Relation, Text

__all__ = ["ArticleDoc", "Docs", "Component", "COMPONENTS", "UnknownComponent", "names", "check", "run", "apply"]

MODEL_CHUNK = 256  # texts the learned model tags in one batched pass


@dataclass
class ArticleDoc:
    """One article and what the components added to it."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    model: list | None = None  # ``ner``: the model's typed candidates (kg.extract.rules.Candidate); None: none
    words: Any = None  # ``rules``: the article's words and tags (kg.extract.rules.Doc), for ``mentions``
    candidates: list = field(default_factory=list)  # ``rules``: their non-overlapping candidates


@dataclass
class Docs:
    """A batch of input documents on its way through the components."""

    documents: list[Document]
    normalised: list[Text] = field(default_factory=list)  # ``normalise``: one per document
    docs: list[ArticleDoc] = field(default_factory=list)  # ``segment``: the articles, in document order


@dataclass(frozen=True)
class Component:
    name: str
    reads: str
    adds: str
    run: Callable[[Docs], None]
    required: bool = False  # the others cannot run without it


def _normalise(batch: Docs) -> None:
    from kg.layout import normalise

    batch.normalised = [normalise.normalise(d.text) for d in batch.documents]


def _segment(batch: Docs) -> None:
    from kg.layout import segment

    for doc, text in zip(batch.documents, batch.normalised):
        batch.docs += [ArticleDoc(a) for a in segment.segment(doc, text)]


def _ner(batch: Docs) -> None:
    from kg.extract.ner import learned

    todo = [d for d in batch.docs if d.article.text]
    for i in range(0, len(todo), MODEL_CHUNK):
        part = todo[i:i + MODEL_CHUNK]
        for d, found in zip(part, learned.tag([d.article.text for d in part])):
            d.model = learned.candidates(d.article.text, found) if found is not None else None


def _rules(batch: Docs) -> None:
    from kg.extract import mentions

    for d in batch.docs:
        if d.article.text:
            d.words, d.candidates = mentions.rule_candidates(d.article.text, d.article.authors)


def _mentions(batch: Docs) -> None:
    from kg.extract import mentions

    for d in batch.docs:
        if d.article.text:
            kept = mentions.reconcile(d.article.text, d.words, d.candidates, d.model)
            d.mentions = mentions.to_mentions(d.article, kept)


def _relations(batch: Docs) -> None:
    from kg.relations import text as relations

    for d in batch.docs:
        d.relations = relations.relations(d.article, d.mentions)


def _nested(batch: Docs) -> None:
    from kg.link import nested

    for d in batch.docs:
        d.mentions = d.mentions + nested.region_mentions(d.article, d.mentions)


def _measures(batch: Docs) -> None:
    from kg.extract import measures

    for d in batch.docs:
        d.measures = measures.measures(d.article, d.mentions)


COMPONENTS: tuple[Component, ...] = (
    Component("normalise", "the document's raw text", "the normalised text with its map to raw offsets",
              _normalise, required=True),
    Component("segment", "the normalised text", "the articles: headline, body, bylines, dateline", _segment,
              required=True),
    Component("ner", "the article's text", "the learned NER model's candidates", _ner),
    Component("rules", "the article's text and bylines", "the rules' candidates and the article's words", _rules),
    Component("mentions", "both kinds of candidates", "the mentions: reconciled, region-coded, with sentence numbers",
              _mentions),
    Component("relations", "the mentions", "the relations the text states", _relations),
    Component("nested", "the mentions", "the regions named inside names, as mentions", _nested),
    Component("measures", "the mentions with nested ones", "dates, amounts, counts, percentages", _measures),
)


class UnknownComponent(ValueError):
    """A name that is no component, or one that cannot be left out; the message is one line."""


def names() -> tuple[str, ...]:
    """The components' names, in order."""
    return tuple(c.name for c in COMPONENTS)


def check(disabled: Iterable[str]) -> frozenset[str]:
    """``disabled`` as a set, after checking every name can be left out (else :class:`UnknownComponent`)."""
    out = frozenset(disabled)
    for name in sorted(out):
        if name not in names():
            raise UnknownComponent(f"unknown component {name!r}; the components are: {', '.join(names())}")
        if next(c for c in COMPONENTS if c.name == name).required:
            optional = ", ".join(c.name for c in COMPONENTS if not c.required)
            raise UnknownComponent(f"component {name!r} cannot be disabled; these can: {optional}")
    return out


def run(documents: list[Document], disabled: Iterable[str] = ()) -> list[ArticleDoc]:
    """Run every component not in ``disabled`` on ``documents``, in order; the articles' documents."""
    skip = check(disabled)
    batch = Docs(list(documents))
    for component in COMPONENTS:
        if component.name not in skip:
            component.run(batch)
    return batch.docs


def apply(docs: list[ArticleDoc], only: Iterable[str]) -> list[ArticleDoc]:
    """Run the components named in ``only`` (in list order) on articles already made, e.g. ``relations`` and
    ``nested`` on mentions found elsewhere (kg.pipeline.relate_and_link)."""
    wanted = set(only)
    unknown = wanted - set(names())
    if unknown:
        raise UnknownComponent(f"unknown component {sorted(unknown)[0]!r}; the components are: {', '.join(names())}")
    batch = Docs([], docs=list(docs))
    for component in COMPONENTS:
        if component.name in wanted:
            component.run(batch)
    return batch.docs
