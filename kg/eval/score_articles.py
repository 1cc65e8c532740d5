"""Score articles (headline, subtitle, date, authors) and cross-article links against gold annotations; the
article matching is in :mod:`kg.eval.score`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gold import text_key
from .score import MentionKey, Pair, Score

if TYPE_CHECKING:
    from kg.model import Mention

__all__ = ["ArticleReport", "score_articles", "LinkReport", "score_links"]


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
        headlines=(heads[0], heads[1]),
        subtitles=(subs[0], subs[1]),
        dates=(dates[0], dates[1]),
        authors=(authors[0], authors[1]),
        author_names=names,
        author_roles=(roles[0], roles[1]),
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

    def format(self, details: bool = True) -> str:
        """The counts, and with ``details`` the ids split, missed and falsely merged (not for a set only scored)."""
        lines = [f"multi-article entities  {len(self.one_node)}/{len(self.multi)} one node, "
                 f"{len(self.merged)} one node shared with another entity, {len(self.split)} split, "
                 f"{len(self.missed)} not found in every article",
                 f"false merges            {len(self.false_merges)}"]
        if not details:
            return "\n".join(lines)
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
