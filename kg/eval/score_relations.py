"""Score relations (per article, by mention text) and the linked graph's facts (by entity labels) against gold
annotations; the shared counting is in :mod:`kg.eval.score`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from kg.link.facts import GAZETTEER
from .gold import PREDICATES, SYMMETRIC, text_key
from .score import MentionKey, Miss, Pair, Report, Score, _label, _ordered, _tally

if TYPE_CHECKING:
    from kg.model import Article, Fact, Linked, Relation

__all__ = ["score_relations", "score_facts"]


def score_relations(
    pairs: Sequence[Pair],
    relations: Iterable[Relation],
    mention_text: Mapping[MentionKey, str] | Callable[[MentionKey], str],
) -> Report:
    """Precision/recall/F1 per predicate over distinct (subject text, predicate, object text) per article.

    ``relations`` are ``kg.model.Relation`` values; their subject/object are mention keys
    ``(article, start, end)`` turned into text by ``mention_text`` (a dict such as
    :func:`mention_texts` returns, or a function). ``groups`` has a ``holdsPost+role`` row that also
    requires the role to match. Unmatched articles count as for :func:`score_entities`.
    """
    lookup = mention_text.__getitem__ if isinstance(mention_text, Mapping) else mention_text
    by_article: dict[str, list[Relation]] = {}
    for r in relations:
        by_article.setdefault(r.article, []).append(r)
    rows: dict[str, Score] = {}
    roles: dict[str, Score] = {}
    report = Report("relations", group_title="with role")
    seen: set[str] = set()
    for p, g in pairs:
        if p is not None:
            seen.add(p.id)
        rels = by_article.get(p.id, []) if p is not None else []
        _relation_tally(rows, roles, g["relations"] if g else [], rels, lookup, _label(p, g), report)
    for aid, rels in by_article.items():
        if aid not in seen:
            _relation_tally(rows, roles, [], rels, lookup, aid, report)
    report.rows = _ordered(rows, PREDICATES)
    report.groups = roles
    return report


def _relation_tally(rows, roles, gold_rels, pred_rels, lookup, article, report) -> None:
    def text(key: MentionKey) -> str:
        try:
            return lookup(key)
        except (KeyError, IndexError):
            raise ValueError(f"relation in {article} points at unknown mention {key}") from None

    gold = {(_triple(r["subject"], r["predicate"], r["object"]), r["predicate"]) for r in gold_rels}
    pred = {(_triple(text(r.subject), r.predicate, text(r.object)), r.predicate) for r in pred_rels}
    _tally(rows, gold, pred, article, report.false_positives, report.false_negatives)
    label = "holdsPost+role"
    gold_roles = {
        (f"{_triple(r['subject'], r['predicate'], r['object'])} ({text_key(r['role'])})", label)
        for r in gold_rels
        if r["predicate"] == "holdsPost"
    }
    pred_roles = {
        (f"{_triple(text(r.subject), r.predicate, text(r.object))} ({text_key(r.role)})", label)
        for r in pred_rels
        if r.predicate == "holdsPost"
    }
    _tally(roles, gold_roles, pred_roles, article)


def _triple(subject: str, predicate: str, obj: str) -> str:
    a, b = text_key(subject), text_key(obj)
    if predicate in SYMMETRIC and b < a:
        a, b = b, a
    return f"{a} {predicate} {b}"


def score_facts(pairs: Sequence[Pair], linked: Linked, *, include_derived: bool = True) -> Report:
    """Precision/recall/F1 per predicate of the graph's facts (``Linked.facts``) against the gold triples.

    What users get in the graph is scored: a fact counts in its own article; a fact without an article (derived
    by the linker from a name prefix or the gazetteer hierarchy) counts in every matched article where both of its
    ends are present (an entity is present when it has a mention there or, for a region, when one of its names,
    two characters or more, is written inside the other end's mention: 湖南某某有限公司 -> 湖南省, as the gold
    lists region prefixes but no other nested names). Region entities (with a ``code``) also answer to their
    name without the level word (某某市 -> 某某). A gold triple is found when a fact of its predicate joins entities
    whose label or alternative labels include the gold subject and object texts (either order for
    ``SYMMETRIC``). Distinct facts per article; ``groups`` has ``holdsPost+role`` (the role must match too).
    With ``include_derived=False`` facts without an article are left out. The region hierarchy the linker adds
    from the gazetteer (extractor ``gazetteer``) is background knowledge, not read from any text, and is not
    scored (gold policy: gazetteer knowledge the text does not state is not gold).
    """
    entities = {e.key: e for e in linked.entities}
    forms = {k: {text_key(f) for f in (e.label, *e.alt_labels)} for k, e in entities.items()}
    for k, e in entities.items():
        if e.code:
            forms[k] |= {f[:-1] for f in list(forms[k]) if len(f) > 2 and f[-1] in "省市县区"}
    present: dict[str, set[str]] = {}
    written: dict[tuple[str, str], list[str]] = {}  # (article, entity) -> its surface texts there, in order
    texts = {p.id: p.text for p, _ in pairs if p is not None}
    for (aid, start, end), key in sorted(linked.mention_of.items()):
        present.setdefault(aid, set()).add(key)
        if aid in texts:
            written.setdefault((aid, key), []).append(text_key(texts[aid][start:end]))
    shown = {k: v[0] for k, v in written.items()}
    by_article: dict[str, list[Fact]] = {}
    derived: list[Fact] = []
    for f in linked.facts:
        if f.extractor == GAZETTEER:
            continue
        if f.article is None:
            derived.append(f)
        else:
            by_article.setdefault(f.article, []).append(f)
    rows: dict[str, Score] = {}
    roles: dict[str, Score] = {}
    report = Report("facts", group_title="with role")
    seen: set[str] = set()

    def here(p: Article, key: str, other: str) -> bool:
        if key in present.get(p.id, ()):
            return True
        if key not in entities or entities[key].cls != "AdministrativeRegion":
            return False
        return any(len(f) >= 2 and f in t and f != t for t in written.get((p.id, other), ()) for f in forms.get(key, ()))

    for p, g in pairs:
        facts = []
        if p is not None:
            seen.add(p.id)
            facts = list(by_article.get(p.id, []))
            if include_derived:
                facts += [f for f in derived if here(p, f.subject, f.object) and here(p, f.object, f.subject)]
        label = _label(p, g)
        _fact_tally(rows, roles, g["relations"] if g else [], facts, forms, entities, shown, p, label, report)
    for aid, facts in sorted(by_article.items()):
        if aid not in seen:
            _fact_tally(rows, roles, [], facts, forms, entities, shown, None, aid, report)
    report.rows = _ordered(rows, PREDICATES)
    report.groups = _ordered(roles, ("holdsPost+role",))
    return report


def _fact_tally(rows, roles, gold_rels, facts, forms, entities, shown, p, article, report) -> None:
    def name(key: str) -> str:
        if p is not None and (p.id, key) in shown:
            return shown[(p.id, key)]
        e = entities.get(key)
        return text_key(e.label) if e is not None else key

    def joins(r: dict, subject: str, obj: str) -> bool:
        s, o = text_key(r["subject"]), text_key(r["object"])
        fs, fo = forms.get(subject, set()), forms.get(obj, set())
        return (s in fs and o in fo) or (r["predicate"] in SYMMETRIC and s in fo and o in fs)

    distinct = {(f.subject, f.predicate, f.object): f for f in sorted(facts, key=lambda f: (f.role or "", f.confidence))}
    matched: set[int] = set()
    role_facts: dict[tuple[str, str], set[str]] = {}
    for (s, pred, o), f in distinct.items():
        hits = [i for i, r in enumerate(gold_rels) if r["predicate"] == pred and joins(r, s, o)]
        if hits:
            matched.update(hits)
        else:
            rows[pred] = rows.get(pred, Score()) + Score(fp=1)
            report.false_positives.append(Miss(article, _triple(name(s), pred, name(o)), pred))
    for f in facts:
        if f.predicate == "holdsPost":
            role_facts.setdefault((f.subject, f.object), set()).add(text_key(f.role))
    counted: set[str] = set()
    for i, r in enumerate(gold_rels):
        triple = _triple(r["subject"], r["predicate"], r["object"])
        if triple in counted:  # the same triple with another role: one row entry, its own role entry
            pass
        elif i in matched:
            rows[r["predicate"]] = rows.get(r["predicate"], Score()) + Score(tp=1)
        else:
            rows[r["predicate"]] = rows.get(r["predicate"], Score()) + Score(fn=1)
            report.false_negatives.append(Miss(article, triple, r["predicate"]))
        counted.add(triple)
        if r["predicate"] == "holdsPost":
            ok = any(joins(r, s, o) and text_key(r["role"]) in rs for (s, o), rs in role_facts.items())
            roles["holdsPost+role"] = roles.get("holdsPost+role", Score()) + Score(tp=int(ok), fn=int(not ok))
    wrong = sum(1 for (s, o), rs in role_facts.items() for role in rs
                if not any(r["predicate"] == "holdsPost" and text_key(r["role"]) == role
                           and joins(r, s, o) for r in gold_rels))
    roles["holdsPost+role"] = roles.get("holdsPost+role", Score()) + Score(fp=wrong)


# ------------------------------------------------------------------------------------------- articles
