"""Relations stated in an article's text, between its mentions (the ``relations`` component, after the mentions).

``relations(article, mentions)`` runs the sentence patterns of kg.relations.registry inside each sentence, then
the article patterns (relations from names), and keeps one relation per fact and evidence (the most confident
rule's). What each pattern states is in its module: kg.relations.posts (holdsPost), runs (runs, takesPlaceIn),
places (partOf, locatedIn as written), names (locatedIn and subOrganizationOf from names), events (events, money,
participation and partnership). A relation whose predicate the registry does not give its pattern is dropped, so
the registry is the one list of what kg states.
"""

from __future__ import annotations

from kg.model import Article, Mention, Relation
from kg.util.sentences import sentences
from kg.util.spans import Window
from . import registry
from .common import Sentence, cues, main_enterprise

__all__ = ["relations", "sentences", "cues"]


def relations(article: Article, mentions: list[Mention]) -> list[Relation]:
    """All relations found in ``article`` between ``mentions`` (which must belong to it, sorted by start)."""
    out: list[Relation] = []
    main_org = main_enterprise(mentions)
    window = Window(sorted(mentions, key=lambda m: m.start))  # stable: the order of equal starts is kept
    enterprises = [m for m in mentions if m.cls == "Enterprise"]
    per_sentence = registry.patterns("sentence")
    for evidence in sentences(article.text):
        s = Sentence(article, evidence, window.inside(*evidence), mentions, main_org, enterprises)
        for pattern, states in per_sentence:
            out += [r for r in pattern(s) if r.predicate in states]
    for pattern, states in registry.patterns("article"):
        out += [r for r in pattern(article, mentions) if r.predicate in states]
    best: dict[tuple, Relation] = {}  # one relation per fact and evidence: the most confident rule's
    for r in sorted(set(out), key=lambda r: (-r.confidence, r.extractor, r.end)):
        best.setdefault((r.start, r.subject, r.predicate, r.object, r.role), r)
    return sorted(best.values(), key=lambda r: (r.start, r.subject, r.predicate, r.object, r.role or ""))
