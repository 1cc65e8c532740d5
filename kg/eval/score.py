"""Score predicted articles, mentions, relations, facts and links against gold annotations.

The gold format is documented in tests/gold/README.md and read by :mod:`kg.eval.gold`. Everything here is a pure
function over plain values: the caller runs the pipeline and passes its ``Article``/``Mention``/``Relation`` values in.
Texts are compared by :func:`text_key` (NFKC, all whitespace removed), so a normaliser that keeps or
drops a space, or folds full-width punctuation, is neither rewarded nor punished for it.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kg.link.facts import GAZETTEER
from .gold import CLASSES, PREDICATES, SYMMETRIC, TOP_LEVEL, text_key

if TYPE_CHECKING:  # only for type hints: no pipeline import at run time
    from kg.model import Article, Fact, Linked, Mention, Relation

__all__ = [
    "Score",
    "Miss",
    "Report",
    "ArticleReport",
    "match_articles",
    "mention_texts",
    "score_entities",
    "score_relations",
    "score_facts",
    "score_articles",
    "LinkReport",
    "score_links",
]

NEAR_START = 60  # third matching pass: body_start within this many characters of the body's start

MentionKey = tuple[str, int, int]
Pair = tuple["Article | None", "dict | None"]


def match_articles(pred: Sequence[Article], gold: Sequence[dict]) -> list[Pair]:
    """Pair predicted articles with gold ones, one to one.

    Same source (file name) and, tried in this order over all articles: (1) equal headlines,
    (2) the predicted body starts with ``body_start``, (3) ``body_start`` occurs within the body's
    first ``NEAR_START`` characters (a dateline left in the body). Texts are compared by
    :func:`text_key`. Returns gold order with ``(article or None, gold)`` pairs, then
    ``(article, None)`` for every predicted article left over, in input order.
    """
    chosen: list[int | None] = [None] * len(gold)
    used: set[int] = set()
    for test in (_same_headline, _same_start, _near_start):
        for gi, g in enumerate(gold):
            if chosen[gi] is not None:
                continue
            for pi, p in enumerate(pred):
                if pi not in used and _same_source(p.source, g["source"]) and test(p, g):
                    chosen[gi] = pi
                    used.add(pi)
                    break
    pairs: list[Pair] = [(pred[pi] if pi is not None else None, g) for pi, g in zip(chosen, gold)]
    pairs += [(p, None) for pi, p in enumerate(pred) if pi not in used]
    return pairs


def _same_source(a: str, b: str) -> bool:
    return os.path.basename(a) == os.path.basename(b)


def _same_headline(p: Article, g: dict) -> bool:
    head = text_key(g["headline"])
    return bool(head) and text_key(p.headline) == head


def _same_start(p: Article, g: dict) -> bool:
    return text_key(p.body).startswith(text_key(g["body_start"]))


def _near_start(p: Article, g: dict) -> bool:
    start = text_key(g["body_start"])
    return start in text_key(p.body)[: NEAR_START + len(start)]


def _label(p: Article | None, g: dict | None) -> str:
    if p is not None:
        return p.id
    assert g is not None
    return f"{g['source']}:{g.get('line', '?')} {g['headline'] or g['body_start']}"


# --------------------------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class Score:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class Miss:
    """One false positive or false negative: the article, the item's text and its class or predicate."""

    article: str
    text: str
    label: str


@dataclass
class Report:
    """Scores per class (or predicate), overall micro scores, grouped scores, and every miss."""

    title: str
    rows: dict[str, Score] = field(default_factory=dict)
    groups: dict[str, Score] = field(default_factory=dict)
    group_title: str = ""
    false_positives: list[Miss] = field(default_factory=list)
    false_negatives: list[Miss] = field(default_factory=list)

    @property
    def overall(self) -> Score:
        """Micro-averaged over all rows."""
        return sum(self.rows.values(), Score())

    def format(self, misses: int = 0) -> str:
        """An aligned text table; with ``misses`` > 0 also list up to that many FPs and FNs."""
        lines = [_row(self.title, "tp", "fp", "fn", "prec", "recall", "f1")]
        lines += [_score_row(name, s) for name, s in self.rows.items()]
        lines.append(_score_row("all (micro)", self.overall))
        if self.groups:
            lines.append(f"-- {self.group_title}" if self.group_title else "--")
            lines += [_score_row(name, s) for name, s in self.groups.items()]
        for title, items in (("false positives", self.false_positives), ("false negatives", self.false_negatives)):
            if misses > 0 and items:
                lines.append(f"{title} ({len(items)}):")
                lines += [f"  {m.article}  {m.text}  [{m.label}]" for m in items[:misses]]
        return "\n".join(lines)

    def to_dict(self) -> dict:
        """Plain numbers, for JSON output."""
        def num(s: Score) -> dict:
            return {"tp": s.tp, "fp": s.fp, "fn": s.fn, "precision": s.precision, "recall": s.recall, "f1": s.f1}

        return {
            "title": self.title,
            "rows": {k: num(v) for k, v in self.rows.items()},
            "overall": num(self.overall),
            "groups": {k: num(v) for k, v in self.groups.items()},
        }


_WIDTH = 22


def _row(name: str, *cols: str) -> str:
    return f"{_pad(name, _WIDTH)}" + "".join(c.rjust(7) for c in cols)


def _pad(text: str, width: int) -> str:
    """Left-align by display width (CJK characters take two columns)."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(1, width - shown)


def _score_row(name: str, s: Score) -> str:
    return _row(name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}")


def _tally(
    rows: dict[str, Score],
    gold: set[tuple[str, str]],
    pred: set[tuple[str, str]],
    article: str,
    fps: list[Miss] | None = None,
    fns: list[Miss] | None = None,
) -> None:
    """Add one article's (item, label) sets to ``rows``, keyed by label; record misses if asked."""
    for item, label in gold | pred:
        hit_g, hit_p = (item, label) in gold, (item, label) in pred
        delta = Score(int(hit_g and hit_p), int(hit_p and not hit_g), int(hit_g and not hit_p))
        rows[label] = rows.get(label, Score()) + delta
        if hit_p and not hit_g and fps is not None:
            fps.append(Miss(article, item, label))
        if hit_g and not hit_p and fns is not None:
            fns.append(Miss(article, item, label))


def _ordered(rows: dict[str, Score], order: Iterable[str]) -> dict[str, Score]:
    """Every name of ``order`` (zeros if unseen) in that order, then any others sorted."""
    known = {k: rows.get(k, Score()) for k in order}
    return known | {k: rows[k] for k in sorted(rows) if k not in known}


# ------------------------------------------------------------------------------------------- entities


def score_entities(
    pairs: Sequence[Pair],
    mentions_by_article: Mapping[str, Sequence[Mention]],
    *,
    nested: bool = True,
) -> Report:
    """Precision/recall/F1 over distinct (surface text, class) per article, per class and overall.

    ``groups`` holds the top-level score (person / organisation / place / initiative, see ``TOP_LEVEL``)
    and an ``untyped`` row (text only). Gold articles without a prediction count all their entities as
    false negatives; predicted articles without gold (and mentions of article ids not in ``pairs``)
    count as false positives. With ``nested=False`` gold entities flagged ``nested`` are dropped, and
    so are predicted (text, class) whose every mention lies inside another mention of the article.
    """
    rows: dict[str, Score] = {}
    top: dict[str, Score] = {}
    untyped: dict[str, Score] = {}
    report = Report("entities", group_title="top level")
    seen: set[str] = set()
    for p, g in pairs:
        article = _label(p, g)
        gold = {(text_key(e["text"]), e["class"]) for e in (g["entities"] if g else []) if nested or not e["nested"]}
        mentions = mentions_by_article.get(p.id, ()) if p is not None else ()
        if p is not None:
            seen.add(p.id)
        pred = _mention_set(mentions, nested)
        _entity_tally(rows, top, untyped, gold, pred, article, report)
    for aid, mentions in mentions_by_article.items():
        if aid not in seen:
            _entity_tally(rows, top, untyped, set(), _mention_set(mentions, nested), aid, report)
    report.rows = _ordered(rows, CLASSES)
    report.groups = _ordered(top, dict.fromkeys(TOP_LEVEL.values())) | untyped
    return report


def _mention_set(mentions: Sequence[Mention], nested: bool) -> set[tuple[str, str]]:
    if nested:
        return {(text_key(m.text), m.cls) for m in mentions}
    spans = [(m.start, m.end) for m in mentions]
    inside: dict[tuple[str, str], bool] = {}
    for m in mentions:
        key = (text_key(m.text), m.cls)
        contained = any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans)
        inside[key] = inside.get(key, True) and contained
    return {k for k, v in inside.items() if not v}


def _entity_tally(rows, top, untyped, gold, pred, article, report) -> None:
    _tally(rows, gold, pred, article, report.false_positives, report.false_negatives)
    def grouped(items: set[tuple[str, str]]) -> set[tuple[str, str]]:
        return {(t, TOP_LEVEL.get(c, "other")) for t, c in items}

    _tally(top, grouped(gold), grouped(pred), article)
    _tally(untyped, {(t, "untyped") for t, _ in gold}, {(t, "untyped") for t, _ in pred}, article)


# ------------------------------------------------------------------------------------------ relations


def mention_texts(mentions: Iterable[Mention]) -> dict[MentionKey, str]:
    """The ``(article, start, end) -> text`` map that :func:`score_relations` needs."""
    return {(m.article, m.start, m.end): m.text for m in mentions}


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
    ends = (text_key(subject), text_key(obj))
    if predicate in SYMMETRIC:
        ends = tuple(sorted(ends))
    return f"{ends[0]} {predicate} {ends[1]}"


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


@dataclass(frozen=True)
class ArticleReport:
    """Article-level counts: ``(correct, total)`` over gold articles, unmatched ones counting as wrong."""

    gold: int
    predicted: int
    matched: int
    headlines: tuple[int, int]  # over gold articles with a printed headline
    subtitles: tuple[int, int]  # over gold articles with a subtitle
    dates: tuple[int, int]  # over all gold articles (a null gold date wants a null prediction)
    authors: tuple[int, int]  # same set of author names
    author_names: Score  # over (article, name)
    author_roles: tuple[int, int]  # role agrees, over author names found

    def format(self) -> str:
        def frac(c: tuple[int, int]) -> str:
            return f"{c[0]}/{c[1]}"

        names = self.author_names
        return "\n".join([
            f"articles        gold {self.gold}, predicted {self.predicted}, matched {self.matched}",
            f"headlines       {frac(self.headlines)}",
            f"subtitles       {frac(self.subtitles)}",
            f"dates           {frac(self.dates)}",
            f"authors         {frac(self.authors)} articles with every name right",
            f"author names    tp {names.tp}, fp {names.fp}, fn {names.fn} "
            f"(prec {names.precision:.3f}, recall {names.recall:.3f}, f1 {names.f1:.3f})",
            f"author roles    {frac(self.author_roles)}",
        ])


def score_articles(pairs: Sequence[Pair]) -> ArticleReport:
    """Headlines, subtitles, dates and authors right, counted over the gold articles.

    Roles agree when equal or when one ends or starts with the other (记者 / 全媒体记者, 摄 / 摄影);
    an empty predicted role agrees with the gold role 作者 (no role printed).
    """
    heads, subs, dates, authors, roles = [0, 0], [0, 0], [0, 0], [0, 0], [0, 0]
    names = Score()
    for p, g in pairs:
        pred_authors = {text_key(a.name): a.role for a in (p.authors if p else ())}
        if g is None:
            names += Score(fp=len(pred_authors))
            continue
        if g["headline"] is not None:
            heads[1] += 1
            heads[0] += p is not None and text_key(p.headline) == text_key(g["headline"])
        if g["subtitle"] is not None:
            subs[1] += 1
            subs[0] += p is not None and text_key(p.subtitle) == text_key(g["subtitle"])
        dates[1] += 1
        dates[0] += p is not None and p.date == g["date"]
        gold_authors = {text_key(a["name"]): a["role"] for a in g["authors"]}
        authors[1] += 1
        authors[0] += p is not None and set(pred_authors) == set(gold_authors)
        both = set(pred_authors) & set(gold_authors)
        names += Score(len(both), len(set(pred_authors) - both), len(set(gold_authors) - both))
        roles[1] += len(both)
        roles[0] += sum(_same_role(pred_authors[n], gold_authors[n]) for n in both)
    return ArticleReport(
        gold=sum(g is not None for _, g in pairs),
        predicted=sum(p is not None for p, _ in pairs),
        matched=sum(p is not None and g is not None for p, g in pairs),
        headlines=tuple(heads),
        subtitles=tuple(subs),
        dates=tuple(dates),
        authors=tuple(authors),
        author_names=names,
        author_roles=tuple(roles),
    )


def _same_role(pred: str | None, gold: str | None) -> bool:
    p, g = text_key(pred), text_key(gold)
    if not p or not g:
        return p == g or (not p and g == "作者")
    return p.startswith(g) or g.startswith(p) or p.endswith(g) or g.endswith(p)


# -------------------------------------------------------------------------------------------- linking


@dataclass(frozen=True)
class LinkReport:
    """Cross-article linking against the gold ``id`` fields.

    ``multi``: gold ids that occur in two or more matched articles; ``one_node``: those whose mentions
    (found by surface text in each of their articles) all map to a single predicted entity, present in every
    article, that holds no other gold id; ``merged``: the same but that entity also holds another gold id;
    ``split``: found in every article but spread over several entities; ``missed``: not found in at least one
    of their articles. ``false_merges``: every predicted entity that holds mentions of two or more gold ids
    (multi-article or not), as ``(entity key, sorted gold ids)``.
    """

    multi: tuple[str, ...]
    one_node: tuple[str, ...]
    merged: tuple[str, ...]
    split: tuple[str, ...]
    missed: tuple[str, ...]
    false_merges: tuple[tuple[str, tuple[str, ...]], ...]

    def format(self) -> str:
        lines = [f"multi-article entities  {len(self.one_node)}/{len(self.multi)} one node, "
                 f"{len(self.merged)} one node shared with another entity, {len(self.split)} split, "
                 f"{len(self.missed)} not found in every article",
                 f"false merges            {len(self.false_merges)}"]
        lines += [f"  split: {i}" for i in self.split]
        lines += [f"  missed: {i}" for i in self.missed]
        lines += [f"  merged: {key} <- {', '.join(ids)}" for key, ids in self.false_merges]
        return "\n".join(lines)


def score_links(
    pairs: Sequence[Pair],
    mentions_by_article: Mapping[str, Sequence[Mention]],
    entity_of: Mapping[MentionKey, str],
) -> LinkReport:
    """Score cross-article linking: does each gold ``id`` become one predicted entity, and no entity two ids?

    ``entity_of`` maps a mention key ``(article, start, end)`` to its entity key (``Linked.mention_of``).
    A gold entity is looked up by its surface text (:func:`text_key`, class ignored) among the mentions of
    its matched article; gold entities without an ``id`` are ignored.
    """
    where: dict[str, dict[int, set[str]]] = {}  # gold id -> article index -> predicted entity keys
    owners: dict[str, set[str]] = {}  # predicted entity key -> gold ids
    for n, (p, g) in enumerate(pairs):
        if g is None or p is None:
            continue
        keys: dict[str, set[str]] = {}
        for m in mentions_by_article.get(p.id, ()):
            key = entity_of.get((m.article, m.start, m.end))
            if key is not None:
                keys.setdefault(text_key(m.text), set()).add(key)
        for e in g["entities"]:
            if "id" not in e:
                continue
            found = keys.get(text_key(e["text"]), set())
            where.setdefault(e["id"], {}).setdefault(n, set()).update(found)
            for key in found:
                owners.setdefault(key, set()).add(e["id"])
    multi = sorted(i for i, arts in where.items() if len(arts) >= 2)
    missed = [i for i in multi if not all(where[i].values())]
    nodes = {i: set().union(*where[i].values()) for i in multi}
    split = [i for i in multi if i not in missed and len(nodes[i]) > 1]
    single = [i for i in multi if i not in missed and len(nodes[i]) == 1]
    merged = [i for i in single if len(owners[next(iter(nodes[i]))]) > 1]
    one = [i for i in single if i not in merged]
    merges = tuple((k, tuple(sorted(ids))) for k, ids in sorted(owners.items()) if len(ids) > 1)
    return LinkReport(tuple(multi), tuple(one), tuple(merged), tuple(split), tuple(missed), merges)
