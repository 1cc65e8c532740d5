"""Score predicted articles, mentions, relations, facts and links against gold annotations.

The gold format is documented in tests/gold/README.md and read by :mod:`kg.eval.gold`. Everything here is a pure
function over plain values: the caller runs the pipeline and passes its ``Article``/``Mention``/``Relation`` values in.
Texts are compared by :func:`text_key` (NFKC, all whitespace removed), so a normaliser that keeps or
drops a space, or folds full-width punctuation, is neither rewarded nor punished for it.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .gold import CLASSES, TOP_LEVEL, text_key

if TYPE_CHECKING:  # only for type hints: no pipeline import at run time
    from kg.model import Article, Mention

__all__ = [
    "Score",
    "Miss",
    "Report",
    "match_articles",
    "mention_texts",
    "score_entities",
    "score_relations",
    "score_facts",
    "score_articles",
    "ArticleReport",
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


# relations, facts, articles and links are scored in their own modules; their functions stay importable from here
from .score_relations import score_facts, score_relations  # noqa: E402
from .score_articles import ArticleReport, LinkReport, score_articles, score_links  # noqa: E402
