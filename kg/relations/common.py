"""What the relation patterns share: the classes they read, the relation they make, cue words, the sentence a
pattern looks at (:class:`Sentence`) and the look-ups of coordinated names.

The patterns themselves live in :mod:`kg.relations.posts`, :mod:`~kg.relations.runs`, :mod:`~kg.relations.places`,
:mod:`~kg.relations.names` and :mod:`~kg.relations.events`; :mod:`kg.relations.registry` lists them with the
relation types they state, and :func:`kg.relations.text.relations` runs them.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.model import ORGANISATIONS, Article, Mention, Relation
from kg.util.resources import table

__all__ = ["ORGS", "PLACES", "Sentence", "rel", "key", "cues", "coordinated_orgs", "coordinated", "by_text",
           "longest_nearest", "sentence_of", "main_enterprise"]

ORGS = set(ORGANISATIONS)
PLACES = {"AdministrativeRegion", "Place"}


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article as a sentence pattern sees it."""

    article: Article
    evidence: tuple[int, int]  # the sentence's (start, end) in ``article.text``
    inside: list[Mention]  # the mentions inside it, sorted by start
    mentions: list[Mention]  # all the article's mentions, sorted by start
    main_org: Mention | None  # the article's most mentioned enterprise
    enterprises: list[Mention]  # the article's enterprise mentions

    @property
    def text(self) -> str:
        return self.article.text


def key(m: Mention) -> tuple[str, int, int]:
    return (m.article, m.start, m.end)


def by_text(mentions: list[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.text, []).append(m)
    return out


def longest_nearest(cands: list[Mention], m: Mention) -> Mention:
    """The longest of ``cands`` (a name's most specific part), the nearest to ``m`` among equals."""
    best = max(len(c.text) for c in cands)
    return min((c for c in cands if len(c.text) == best), key=lambda c: abs(c.start - m.start))


def sentence_of(spans: list[tuple[int, int]], m: Mention) -> tuple[int, int]:
    i = bisect.bisect_right(spans, (m.start, float("inf"))) - 1  # spans are sorted and disjoint
    return spans[i] if i >= 0 and spans[i][0] <= m.start < spans[i][1] else (m.start, m.end)


def rel(article, predicate, subj, obj, evidence, role=None, confidence=0.9, extractor="pattern") -> Relation:
    raw = article.raw_span(*evidence)
    return Relation(article.id, predicate, key(subj), key(obj), evidence[0], evidence[1], raw[0], raw[1],
                    role=role, extractor=extractor, confidence=confidence)


def coordinated_orgs(text: str, inside: list[Mention], end: int, forward: bool = False) -> list[Mention]:
    """Organisations ending exactly at ``end``, plus those joined to it by 、/和/与 before it (``forward``: after it)."""
    orgs = [m for m in inside if m.cls in ORGS]
    found = []
    if forward:
        first = next((m for m in orgs if m.end == end), None)
        while first is not None:
            found.append(first)
            nxt = next((m for m in orgs if m.start == first.end + 1 and text[first.end] in "、和与及"), None)
            first = nxt
        return found
    while True:
        hit = next((m for m in reversed(orgs) if m.end == end), None)
        if hit is None:
            break
        found.append(hit)
        j = hit.start
        if j > 0 and text[j - 1] in "、和与及":
            end = j - 1
            continue
        break
    return found


@lru_cache(maxsize=None)
def cues(kind: str) -> tuple[str, ...]:
    """The cue words of one kind in kg/relations/data/relation_cues.tsv, longest first."""
    return tuple(sorted((c for c, k in table("relation_cues.tsv") if k == kind), key=lambda c: (-len(c), c)))


def coordinated(text, mentions, last) -> list[Mention]:
    """``last`` and the mentions joined to it by 、/和/与/及 before it (湖南、浙江和四川), in text order."""
    found = [last]
    while True:
        j = found[0].start
        prev = next((m for m in mentions if m.end == j - 1 and text[j - 1] in "、和与及"), None)
        if prev is None:
            return found
        found.insert(0, prev)


def main_enterprise(mentions: list[Mention]) -> Mention | None:
    counts = Counter(m.text for m in mentions if m.cls == "Enterprise")
    if not counts:
        return None
    best = max(counts, key=lambda t: (counts[t], len(t), t))
    return next(m for m in mentions if m.text == best)
