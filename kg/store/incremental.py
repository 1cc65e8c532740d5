"""A build added to a store that holds earlier builds: the build's entities take the IRIs the store already gave them.

An entity's IRI comes from its class, canonical name and scope (kg.link.entities._identity), and the canonical name
of an organisation or a place is the longest form its mentions use: a build of new stories alone may name the same
organisation by a shorter form (中国政府 for 中华人民共和国政府) or join fewer names into it than the store did, and
would then make a second node. So the store keeps, in its linking graph (``<base>graph/linking``), every linking key
of every entity (``kg:linkingKey``: the key it ended under and the keys joined into it, :attr:`kg.model.Linked.keys`),
and :func:`reconcile` renames the build's entities before anything is written:

- an entity whose linking keys the store knows takes the store's IRI (two entities of the build that the store
  knows as one become one); its label is the longer of the two names (the whole-corpus build takes the longest
  form), the other becomes an alternative name, and the store's class is kept;
- an entity the store does not know, whose IRI the store gives another entity (a namesake the linker keeps apart),
  gets the IRI with the short hash of its key appended, as the linker does within one build;
- a namesake person split off on evidence (``Person|name|n``: the number counts within one build) is not matched.

What remains different from building everything at once is listed in the README (incremental builds).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from typing import Iterable

from kg.model import Entity, Fact, Linked

__all__ = ["LINKING", "reconcile", "key_quads", "indexed_keys"]

LINKING = "graph/linking"  # local part of the linking graph's name
_KEY = "https://w3id.org/kgnews/ontology#linkingKey"
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_KG = "https://w3id.org/kgnews/ontology#"
_CHUNK = 400


def indexed_keys(linked: Linked) -> dict[str, tuple[str, ...]]:
    """Entity key -> the linking keys a store keeps for it (none for a person split off within one build)."""
    out = {}
    for key, lks in linked.keys.items():
        kept = tuple(k for k in lks if not (k.startswith("Person|") and k.count("|") >= 2))
        if kept:
            out[key] = kept
    return out


def key_quads(linked: Linked, base: str) -> Iterable[str]:
    """The N-Quads lines of the build's linking keys (for the store's linking graph)."""
    from kg.rdf import ntriples as nt

    graph, pred = nt.iri(base + LINKING), nt.iri(_KEY)
    for key, lks in sorted(indexed_keys(linked).items()):
        node = nt.iri(base + key)
        for lk in lks:
            yield f"{node} {pred} {nt.literal(lk)} {graph} .\n"


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _lookup(store, base: str, linked: Linked) -> tuple[dict[str, str], dict[str, set[str]], dict[str, tuple]]:
    """What the store knows of the build's entities: linking key -> entity key; entity key -> its linking keys
    (for the build's own keys); entity key -> (label, kg classes) of the matched entities."""
    from kg.rdf import ntriples as nt

    graph = nt.iri(base + LINKING)
    wanted = sorted({lk for lks in indexed_keys(linked).values() for lk in lks})
    by_key: dict[str, str] = {}
    for i in range(0, len(wanted), _CHUNK):
        values = " ".join(nt.literal(k) for k in wanted[i:i + _CHUNK])
        for sol in store.query(f"SELECT ?e ?k WHERE {{ VALUES ?k {{ {values} }} GRAPH {graph} {{ ?e <{_KEY}> ?k }} }}"):
            by_key.setdefault(sol["k"].value, sol["e"].value[len(base):])
    own = sorted(e.key for e in linked.entities)
    keys_of: dict[str, set[str]] = {}
    for i in range(0, len(own), _CHUNK):
        values = " ".join(nt.iri(base + k) for k in own[i:i + _CHUNK])
        for sol in store.query(f"SELECT ?e ?k WHERE {{ VALUES ?e {{ {values} }} GRAPH {graph} {{ ?e <{_KEY}> ?k }} }}"):
            keys_of.setdefault(sol["e"].value[len(base):], set()).add(sol["k"].value)
    described: dict[str, tuple] = {}
    matched = sorted(set(by_key.values()))
    for i in range(0, len(matched), _CHUNK):
        values = " ".join(nt.iri(base + k) for k in matched[i:i + _CHUNK])
        for sol in store.query(f"SELECT ?e ?l ?t WHERE {{ VALUES ?e {{ {values} }} GRAPH ?g {{ ?e <{_LABEL}> ?l ; "
                               f"<{_TYPE}> ?t }} FILTER (STRSTARTS(STR(?t), \"{_KG}\")) }} ORDER BY ?e ?l ?t"):
            label, types = described.setdefault(sol["e"].value[len(base):], (sol["l"].value, set()))
            types.add(sol["t"].value[len(_KG):])
    return by_key, keys_of, described


def reconcile(linked: Linked, store_dir: str | os.PathLike, base: str) -> tuple[Linked, list[str]]:
    """``linked`` with its entities renamed to the IRIs the store at ``store_dir`` gives them (see the module
    docstring), and the keys of the entities whose label in the store the build changes. A store that does not exist
    yet changes nothing."""
    from .oxigraph import is_store, open_store

    if not is_store(store_dir):
        return linked, []
    store = open_store(store_dir, read_only=True)
    by_key, keys_of, described = _lookup(store, base, linked)
    del store
    index = indexed_keys(linked)
    rename: dict[str, str] = {}
    for e in linked.entities:
        lks = index.get(e.key, ())
        hits = [by_key[k] for k in lks if k in by_key]
        if hits:
            rename[e.key] = hits[0]  # the key it ended under first, then the keys joined into it in order
        elif e.key in keys_of and not keys_of[e.key] & set(lks):
            rename[e.key] = f"{e.key}-{_hash(lks[0] if lks else e.key)[:6]}"
    if not rename:
        return linked, []
    return _apply(linked, rename, described)


def _apply(linked: Linked, rename: dict[str, str], described: dict[str, tuple]) -> tuple[Linked, list[str]]:
    """Rename entity keys everywhere in ``linked``, merging the entities that come to share a key."""
    from kg.link.entities import _SLUG as linker_classes  # the classes the linker gives

    def new(k: str) -> str:
        return rename.get(k, k)

    groups: dict[str, list[Entity]] = {}
    for e in linked.entities:
        groups.setdefault(new(e.key), []).append(e)
    entities, relabel = [], []
    for key, es in sorted(groups.items()):
        first = es[0]
        forms = {f for e in es for f in (e.label, *e.alt_labels)}
        label, cls = max((e.label for e in es), key=lambda f: (len(f), f)), first.cls
        if key in described:
            old, types = described[key]
            if cls not in types:  # the store's class (an initiative's kind aside: the linker's classes only)
                cls = min((t for t in types if t in linker_classes), default=cls)
            chosen = max((label, old), key=lambda f: (len(f), f))
            if chosen != old:
                relabel.append(key)
            label = chosen
            forms.add(old)
        merged = replace(first, key=key, cls=cls, label=label, alt_labels=tuple(sorted(forms - {label})),
                         mentions=tuple(m for e in es for m in e.mentions),
                         parent=new(first.parent) if first.parent else None,
                         merges=tuple(sorted({d for e in es for d in e.merges}, key=lambda d: (d.form, d.reason))))
        entities.append(merged)
    facts = {replace(f, subject=new(f.subject), object=new(f.object)) for f in linked.facts}
    keys: dict[str, tuple[str, ...]] = {}
    for k, lks in linked.keys.items():
        keys[new(k)] = tuple(dict.fromkeys(keys.get(new(k), ()) + lks))
    return Linked(
        entities=tuple(entities),
        mention_of={mk: new(k) for mk, k in linked.mention_of.items()},
        facts=tuple(sorted(facts, key=_fact_order)),
        bylines={a: tuple((new(k), role) for k, role in pairs) for a, pairs in linked.bylines.items()},
        references=tuple(replace(r, entity=new(r.entity)) for r in linked.references),
        keys=keys,
    ), relabel


def _fact_order(f: Fact):
    from kg.link.facts import fact_order

    return fact_order(f)
