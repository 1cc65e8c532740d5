"""Relations stated in an article's text, between its mentions (extract stage, after kg.extract).

First relations, from general patterns inside one sentence:
- holdsPost: ``ORG[、ORG…][的]POST PERSON`` (长沙某公司董事长张三), ``PERSON POST`` after an org, and a bare
  ``POST PERSON`` or ``公司POST PERSON`` resolved to the article's most mentioned enterprise (lower confidence);
- runs: an organisation or region before a launch verb (开展, 推出, 启动 …) and an initiative in the same sentence;
- partOf: a region or place written right after the region that contains it (岳麓区橘子洲街道).
Word lists live in kg/data/posts.txt and kg/data/launch_verbs.txt.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import Article, Mention, Relation
from .resources import words

__all__ = ["relations", "sentences"]

ORGS = {"Enterprise", "GovernmentBody", "PartyOrganization", "Organization"}
PLACES = {"AdministrativeRegion", "Place"}
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_GENERIC_ORG = ("该公司", "公司", "企业", "该企业")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (split after 。！？； and line breaks)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _key(m: Mention) -> tuple[str, int, int]:
    return (m.article, m.start, m.end)


def _post_at(text: str, i: int) -> str | None:
    """The post word starting at ``text[i]``, skipping one optional 的 and spaces."""
    while i < len(text) and text[i] in " 的":
        i += 1
    for w in words("posts.txt"):
        if text.startswith(w, i):
            return w
    return None


def relations(article: Article, mentions: list[Mention]) -> list[Relation]:
    """All relations found in ``article`` between ``mentions`` (which must belong to it, sorted by start)."""
    text = article.text
    out: list[Relation] = []
    main_org = _main_enterprise(mentions)
    for s_start, s_end in sentences(text):
        inside = [m for m in mentions if s_start <= m.start and m.end <= s_end]
        evidence = (s_start, s_end)
        out += _holds_post(article, text, inside, main_org, evidence)
        out += _runs(article, text, inside, evidence)
        out += _part_of(article, inside, evidence)
    return sorted(set(out), key=lambda r: (r.start, r.subject, r.predicate, r.object))


def _main_enterprise(mentions: list[Mention]) -> Mention | None:
    counts = Counter(m.text for m in mentions if m.cls == "Enterprise")
    if not counts:
        return None
    best = max(counts, key=lambda t: (counts[t], len(t), t))
    return next(m for m in mentions if m.text == best)


def _rel(article, predicate, subj, obj, evidence, role=None, confidence=0.9, extractor="pattern") -> Relation:
    raw = article.raw_span(*evidence)
    return Relation(article.id, predicate, _key(subj), _key(obj), evidence[0], evidence[1], raw[0], raw[1],
                    role=role, extractor=extractor, confidence=confidence)


def _holds_post(article, text, inside, main_org, evidence) -> list[Relation]:
    out = []
    people = [m for m in inside if m.cls == "Person"]
    for p in people:
        # POST immediately before the person (allow a space): find which post word ends there.
        before = text[evidence[0]:p.start].rstrip(" ")
        post = next((w for w in words("posts.txt") if before.endswith(w)), None)
        if post is None:
            # PERSON POST after an organisation: 张三董事长 is rare in news; handled by "ORG PERSON POST" below.
            post_after = _post_at(text, p.end)
            orgs = [m for m in inside if m.cls in ORGS and m.end <= p.start and text[m.end:p.start].strip(" 的") == ""]
            if post_after and orgs:
                out.append(_rel(article, "holdsPost", p, orgs[-1], evidence, role=post_after))
            continue
        post_start = evidence[0] + len(before) - len(post)
        head = text[evidence[0]:post_start].rstrip(" 的")
        orgs = _coordinated_orgs(text, inside, len(head) + evidence[0])
        if orgs:
            for org in orgs:
                out.append(_rel(article, "holdsPost", p, org, evidence, role=post))
        elif main_org is not None and (head.endswith(_GENERIC_ORG) or not head or head[-1] in "，,：:、 "):
            # 公司负责人X / 总经理X: the article's main enterprise, inferred.
            out.append(_rel(article, "holdsPost", p, main_org, evidence, role=post, confidence=0.6, extractor="inferred"))
    return out


def _coordinated_orgs(text: str, inside: list[Mention], end: int) -> list[Mention]:
    """Organisations ending exactly at ``end``, plus those joined to it by 、/和/与 before it."""
    orgs = [m for m in inside if m.cls in ORGS]
    found = []
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


def _runs(article, text, inside, evidence) -> list[Relation]:
    out = []
    initiatives = [m for m in inside if m.cls == "Initiative"]
    if not initiatives:
        return out
    actors = [m for m in inside if m.cls in ORGS or m.cls == "AdministrativeRegion"]
    for verb in words("launch_verbs.txt"):
        for vm in re.finditer(re.escape(verb), text[evidence[0]:evidence[1]]):
            v = evidence[0] + vm.start()
            before = [a for a in actors if a.end <= v]
            after = [i for i in initiatives if i.start >= v + len(verb)]
            earlier = [i for i in initiatives if i.end <= v]
            if before and after:
                out.append(_rel(article, "runs", before[-1], after[0], evidence, confidence=0.8))
            elif earlier and before and before[-1].start > earlier[-1].end:
                # “X计划”是某区创新推出的品牌: the initiative first, then its runner and the verb.
                out.append(_rel(article, "runs", before[-1], earlier[-1], evidence, confidence=0.7))
    return out


def _part_of(article, inside, evidence) -> list[Relation]:
    out = []
    for a, b in zip(inside, inside[1:]):
        if a.cls == "AdministrativeRegion" and b.cls in PLACES and a.end == b.start:
            if a.code and b.code and not _contains(a.code, b.code):
                continue  # two coded regions that are not parent and child
            out.append(_rel(article, "partOf", b, a, evidence, confidence=0.9, extractor="adjacency"))
    return out


def _contains(outer: str, inner: str) -> bool:
    """True when GB/T 2260 code ``outer`` is a strict ancestor of ``inner``."""
    if outer == inner or outer[:2] != inner[:2]:
        return False
    if outer.endswith("0000"):
        return True
    return outer.endswith("00") and outer[:4] == inner[:4]
