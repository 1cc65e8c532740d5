"""Score predicted articles, mentions and relations against gold annotations.

The gold format is documented in tests/gold/README.md. Everything here is a pure function over plain
values: the caller runs the pipeline and passes its ``Article``/``Mention``/``Relation`` values in.
Texts are compared by :func:`text_key` (NFKC, all whitespace removed), so a normaliser that keeps or
drops a space, or folds full-width punctuation, is neither rewarded nor punished for it.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for type hints: no pipeline import at run time
    from kg.model import Article, Mention, Relation

__all__ = [
    "CLASSES",
    "PREDICATES",
    "TOP_LEVEL",
    "GoldError",
    "Score",
    "Miss",
    "Report",
    "ArticleReport",
    "text_key",
    "load_gold",
    "match_articles",
    "mention_texts",
    "score_entities",
    "score_relations",
    "score_articles",
]

CLASSES = (
    "Person",
    "Enterprise",
    "GovernmentBody",
    "PartyOrganization",
    "Organization",
    "AdministrativeRegion",
    "Place",
    "Initiative",
)
PREDICATES = ("holdsPost", "locatedIn", "partOf", "runs")
TOP_LEVEL = {
    "Person": "person",
    "Enterprise": "organisation",
    "GovernmentBody": "organisation",
    "PartyOrganization": "organisation",
    "Organization": "organisation",
    "AdministrativeRegion": "place",
    "Place": "place",
    "Initiative": "initiative",
}
KINDS = ("article", "caption")
NEAR_START = 60  # third matching pass: body_start within this many characters of the body's start

MentionKey = tuple[str, int, int]
Pair = tuple["Article | None", "dict | None"]


class GoldError(ValueError):
    """A gold file that cannot be read or does not follow the format; the message names file:line."""


def text_key(text: str | None) -> str:
    """The form texts are compared in: NFKC-normalised, every whitespace character removed."""
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", text).split())


# ---------------------------------------------------------------------------------------------- gold


_REQUIRED = ("source", "headline", "body_start")
_OPTIONAL = ("subtitle", "kind", "date", "authors", "entities", "relations", "url", "note")


def load_gold(path: str | os.PathLike) -> list[dict]:
    """Read and validate a gold JSONL file; blank lines are skipped.

    Each returned dict has every field of the format filled in (defaults for the optional ones), each
    entity a ``nested`` flag, each relation a ``role``, plus ``line``: its 1-based line number.
    Raises :class:`GoldError` naming ``file:line`` for anything malformed.
    """
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(f"{path}: cannot read gold file: {e}") from None
    out: list[dict] = []
    seen: dict[tuple, int] = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise GoldError(f"{path}:{n}: not valid JSON: {e.msg} (column {e.colno})") from None
        try:
            article = _check_article(obj)
        except ValueError as e:
            raise GoldError(f"{path}:{n}: {e}") from None
        ident = (article["source"], text_key(article["headline"]), text_key(article["body_start"]))
        if ident in seen:
            raise GoldError(f"{path}:{n}: same article as line {seen[ident]}")
        seen[ident] = n
        article["line"] = n
        out.append(article)
    return out


def _check_article(obj: Any) -> dict:
    if not isinstance(obj, dict):
        raise ValueError("a line must be a JSON object")
    missing = [k for k in _REQUIRED if k not in obj]
    if missing:
        raise ValueError(f"missing field(s): {', '.join(missing)}")
    unknown = sorted(set(obj) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(unknown)}")
    _want_str(obj, "source")
    _want_str(obj, "body_start")
    for k in ("headline", "subtitle", "url", "note"):
        _want_str(obj, k, optional=True)
    date = obj.get("date")
    if date is not None:
        try:
            _dt.date.fromisoformat(date)
        except (TypeError, ValueError):
            raise ValueError(f"date must be YYYY-MM-DD or null, got {date!r}") from None
    kind = obj.get("kind", "article")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, got {kind!r}")
    authors = [_check_author(a) for a in _want_list(obj, "authors")]
    entities = [_check_entity(e) for e in _want_list(obj, "entities")]
    pairs = [(e["text"], e["class"]) for e in entities]
    dupes = sorted({p for p in pairs if pairs.count(p) > 1})
    if dupes:
        raise ValueError(f"entity listed twice: {dupes[0][0]} ({dupes[0][1]})")
    texts = {e["text"] for e in entities}
    relations = [_check_relation(r, texts) for r in _want_list(obj, "relations")]
    return {
        "source": obj["source"],
        "headline": obj["headline"],
        "subtitle": obj.get("subtitle"),
        "kind": kind,
        "date": date,
        "body_start": obj["body_start"],
        "url": obj.get("url"),
        "note": obj.get("note"),
        "authors": authors,
        "entities": entities,
        "relations": relations,
    }


def _want_str(obj: dict, key: str, optional: bool = False) -> None:
    value = obj.get(key)
    if value is None and optional:
        return
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{key} must be a non-empty string{' or null' if optional else ''}, got {value!r}")


def _want_list(obj: dict, key: str) -> list:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"{key} must be a list, got {type(value).__name__}")
    return value


def _check_author(a: Any) -> dict:
    if not isinstance(a, dict) or set(a) - {"name", "role"}:
        raise ValueError(f"an author must be an object with name and role, got {a!r}")
    _want_str(a, "name")
    role = a.get("role") or None
    if role is not None and not isinstance(role, str):
        raise ValueError(f"author role must be a string, got {role!r}")
    return {"name": a["name"], "role": role}


def _check_entity(e: Any) -> dict:
    if not isinstance(e, dict) or set(e) - {"text", "class", "nested"}:
        raise ValueError(f"an entity must be an object with text, class (and nested), got {e!r}")
    _want_str(e, "text")
    if text_key(e["text"]) != e["text"]:
        raise ValueError(f"entity text must have no spaces and be NFKC-stable: {e['text']!r}")
    cls = e.get("class")
    if cls not in CLASSES:
        raise ValueError(f"unknown class {cls!r} for entity {e['text']!r} (one of: {', '.join(CLASSES)})")
    nested = e.get("nested", False)
    if not isinstance(nested, bool):
        raise ValueError(f"nested must be true or false, got {nested!r}")
    return {"text": e["text"], "class": cls, "nested": nested}


def _check_relation(r: Any, texts: set[str]) -> dict:
    if not isinstance(r, dict) or set(r) - {"subject", "predicate", "object", "role"}:
        raise ValueError(f"a relation must be an object with subject, predicate, object (and role), got {r!r}")
    if r.get("predicate") not in PREDICATES:
        raise ValueError(f"unknown predicate {r.get('predicate')!r} (one of: {', '.join(PREDICATES)})")
    for end in ("subject", "object"):
        if r.get(end) not in texts:
            raise ValueError(f"relation {end} {r.get(end)!r} is not an entity of this article")
    role = r.get("role")
    if r["predicate"] == "holdsPost":
        _want_str(r, "role")
    elif role is not None:
        raise ValueError(f"only holdsPost takes a role, got one on {r['predicate']}")
    return {"subject": r["subject"], "predicate": r["predicate"], "object": r["object"], "role": role}


# ------------------------------------------------------------------------------------------ matching


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
    return f"{text_key(subject)} {predicate} {text_key(obj)}"


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
