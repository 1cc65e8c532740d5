"""The one registry of relation types: every fact predicate kg states, what it connects, what states it and how the
graph renders it. The rest of kg reads it (the relation patterns, the named graphs, the graph writer, the
evaluation), and tests/test_registry.py fails when it and the ontology (kg/ontology/kg.ttl) disagree.

A relation type is stated by text patterns (:data:`PATTERNS`, run on every sentence or once per article by
:func:`kg.relations.text.relations`; a relation whose predicate its pattern does not declare is dropped), by the
verbs of its entry (``A为B<verb>``, ``由A<verb>，为B``: :func:`kg.relations.events.transfers`), and by linking from
names and the gazetteer (``derived``: kg.link.facts).

Adding a relation type touches two files: its :class:`RelationType` here (with ``verbs``, or a pattern in
:data:`PATTERNS`) and its ``owl:ObjectProperty`` in kg/ontology/kg.ttl (see the README, "Adding a relation type").
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

__all__ = ["RelationType", "Pattern", "RELATIONS", "PATTERNS", "STRUCTURAL", "names", "get", "symmetric",
           "transfer_verbs", "states", "patterns"]


@dataclass(frozen=True)
class RelationType:
    name: str  # the ontology property's local name: kg:<name>
    domain: str | None  # its rdfs:domain (an ontology class local name), None when the ontology declares none
    range: str | None  # its rdfs:range, likewise
    rendering: str = "statement"  # "statement": the triple, reified as a kg:Statement with its evidence sentence;
    # "membership": also an org:Membership and a kg:Post carrying the relation's role (kg.rdf.quads)
    symmetric: bool = False  # owl:SymmetricProperty; scored without regard to the order (kg.eval)
    verbs: tuple[str, ...] = ()  # verbs of money or cover going from the subject to the object (events.transfers)
    derived: tuple[str, ...] = ()  # extractors of the facts linking derives from names and the gazetteer


@dataclass(frozen=True)
class Pattern:
    function: str  # "module:function" in kg.relations
    states: tuple[str, ...]  # the relation types it may state
    scope: str = "sentence"  # "sentence": function(Sentence); "article": function(article, mentions)
    verbs: bool = False  # it also states every relation type that has ``verbs``

    def load(self) -> Callable:
        module, _, name = self.function.partition(":")
        return getattr(importlib.import_module(f"kg.relations.{module}"), name)


RELATIONS: tuple[RelationType, ...] = (
    RelationType("holdsPost", "Person", "Organization", rendering="membership"),
    RelationType("locatedIn", None, "Place", derived=("name-prefix", "name-infix")),
    RelationType("partOf", "Place", "AdministrativeRegion", derived=("gazetteer",)),
    RelationType("runs", "Organization", "Initiative"),
    RelationType("subOrganizationOf", "Organization", "Organization", derived=("name",)),
    RelationType("participatesIn", None, "Initiative"),
    RelationType("partnersWith", "Organization", "Organization", symmetric=True),
    # Verbs of PRC financial and government news (保险承保, 银行授信/贷款, 财政拨付/资助), reviewed by the kg team.
    RelationType("funds", None, None, verbs=("拨付", "拨款", "资助", "出资", "捐赠", "捐资", "补贴")),
    RelationType("insures", None, None, verbs=("承保", "提供保险", "提供风险保障", "提供保险保障")),
    RelationType("lendsTo", None, None, verbs=("授信", "发放贷款", "提供贷款", "放贷", "贷款")),
    RelationType("takesPlaceIn", "Initiative", "Place"),
)

PATTERNS: tuple[Pattern, ...] = (
    Pattern("posts:holds_post", ("holdsPost",)),
    Pattern("posts:founder", ("holdsPost",)),
    Pattern("runs:runs", ("runs", "takesPlaceIn")),
    Pattern("places:part_of", ("partOf", "locatedIn")),
    Pattern("places:located", ("locatedIn",)),
    Pattern("events:participates", ("participatesIn",)),
    Pattern("events:partners", ("partnersWith",)),
    Pattern("events:transfers", (), verbs=True),
    Pattern("events:venues", ("takesPlaceIn", "locatedIn", "runs")),
    Pattern("events:designations", ("participatesIn", "takesPlaceIn")),
    Pattern("events:hosted", ("runs", "participatesIn")),
    Pattern("events:funding", ("funds",)),
    Pattern("names:name_prefix", ("locatedIn",), scope="article"),
    Pattern("names:sub_orgs", ("subOrganizationOf",), scope="article"),
)

# The ontology's object properties that are no facts between entities: the document model's own links.
STRUCTURAL = frozenset({"byline", "evidence", "inArticle", "measureOf", "mentionOf", "mergeDecision", "person",
                        "post", "refersTo"})


def names() -> tuple[str, ...]:
    """The fact predicates (local names), in registry order."""
    return tuple(t.name for t in RELATIONS)


def get(name: str) -> RelationType:
    """The relation type ``name`` (KeyError for a predicate that is not registered)."""
    for t in RELATIONS:
        if t.name == name:
            return t
    raise KeyError(name)


def symmetric() -> tuple[str, ...]:
    return tuple(t.name for t in RELATIONS if t.symmetric)


def transfer_verbs() -> tuple[tuple[str, str], ...]:
    """(verb, predicate) of every relation type stated by verbs, in registry order."""
    return tuple((v, t.name) for t in RELATIONS for v in t.verbs)


def states(pattern: Pattern) -> frozenset[str]:
    """The relation types ``pattern`` may state."""
    return frozenset(pattern.states) | (frozenset(t.name for t in RELATIONS if t.verbs) if pattern.verbs else frozenset())


def patterns(scope: str) -> tuple[tuple[Callable, frozenset[str]], ...]:
    """The pattern functions of ``scope`` with the predicates each may state, in order."""
    return tuple((p.load(), states(p)) for p in PATTERNS if p.scope == scope)
