"""Relations stated in an article's text, between its mentions (extract stage, after kg.extract).

First relations, from general patterns inside one sentence:
- holdsPost: ``ORG[、ORG…][的]POST PERSON`` (长沙某公司董事长张三), ``PERSON POST`` after an org, and a bare
  ``POST PERSON`` or ``公司POST PERSON`` resolved to the article's most mentioned enterprise (lower confidence);
- runs: an organisation or region before a launch verb (开展, 推出, 启动 …) and an initiative in the same sentence;
- partOf: a region or place written right after the region that contains it (岳麓区橘子洲街道);
- takesPlaceIn: a region before a launch verb and an initiative (a region "runs" nothing: its initiative takes
  place there);
- participatesIn: a person or organisation before 参加/参与/加入 and an initiative after it;
- partnersWith: ``A与B签约``, ``A联合B`` (two organisations acting together);
- insures / lendsTo / funds: ``由A承保，为B``, ``A为B授信``, ``A向B拨付`` (kg/data/transfer_verbs.tsv).
Word lists live in kg/data/posts.txt, launch_verbs.txt, participate_verbs.txt, partner_verbs.txt.
"""

from __future__ import annotations

import re
from collections import Counter

from .model import Article, Mention, Relation
from .resources import table, words

__all__ = ["relations", "sentences"]

ORGS = {"Enterprise", "GovernmentBody", "PartyOrganization", "Organization"}
PLACES = {"AdministrativeRegion", "Place"}
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")
_GENERIC_ORG = ("该公司", "公司", "企业", "该企业")
_BRANCHES = ("分公司", "分行", "支行", "支公司", "营业部")


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
        out += _runs(article, text, inside, evidence, mentions)
        out += _part_of(article, inside, evidence)
        out += _located(article, text, inside, evidence)
        out += _participates(article, text, inside, evidence)
        out += _partners(article, text, inside, evidence)
        out += _transfers(article, text, inside, evidence)
    out += _name_prefix(article, mentions)
    out += _sub_orgs(article, mentions)
    return sorted(set(out), key=lambda r: (r.start, r.subject, r.predicate, r.object))


def _name_prefix(article, mentions) -> list[Relation]:
    """An organisation or place whose name starts with a region named in the article (as a mention nested in it or
    written elsewhere) is located there: 株洲市总工会 -> 株洲市, 某村党支部 -> 某村. Branches also by the region
    before their branch word (某银行株洲分行 -> 株洲)."""
    out, seen = [], set()
    regions = [m for m in mentions if m.cls == "AdministrativeRegion"]
    spans = sentences(article.text)
    for m in mentions:
        if (m.cls not in ORGS and m.cls != "Place") or m.text in seen:
            continue
        seen.add(m.text)
        cands = [r for r in regions if r.text != m.text and _prefix_ok(m.text, r.text)]
        if m.text.endswith(_BRANCHES):
            cands += [r for r in regions if r.text != m.text and _infix_ok(m.text, r.text)]
        if not cands:
            continue
        best = max(len(r.text) for r in cands)
        r = min((r for r in cands if len(r.text) == best), key=lambda r: abs(r.start - m.start))
        evidence = next(((s, e) for s, e in spans if s <= m.start < e), (m.start, m.end))
        out.append(_rel(article, "locatedIn", m, r, evidence, confidence=0.85, extractor="name-prefix"))
    return out


_UNITS = ("机关党委", "党工委", "党总支", "党支部", "党委", "党组", "分公司", "子公司", "支公司", "分行", "支行",
          "营业部", "分局", "司", "处", "研究院", "学院", "办公室")


def _sub_orgs(article, mentions) -> list[Relation]:
    """An organisation named as another one plus a unit word (某部某某司, 某大学党委, 某公司株洲分公司) is its
    sub-organisation, when both are mentions of the article."""
    out, seen = [], set()
    orgs = [m for m in mentions if m.cls in ORGS]
    spans = sentences(article.text)
    for a in orgs:
        if a.text in seen:
            continue
        seen.add(a.text)
        parents = [b for b in orgs if len(b.text) >= 2 and a.text.startswith(b.text)
                   and len(a.text) > len(b.text) + 1 and a.text.endswith(_UNITS)]
        if not parents:
            continue
        best = max(len(b.text) for b in parents)
        b = min((b for b in parents if len(b.text) == best), key=lambda b: abs(b.start - a.start))
        evidence = next(((s, e) for s, e in spans if s <= a.start < e), (a.start, a.end))
        out.append(_rel(article, "subOrganizationOf", a, b, evidence, confidence=0.85, extractor="name"))
    return out


def _prefix_ok(name: str, region: str) -> bool:
    if not name.startswith(region) or len(name) - len(region) < 2:
        return False
    rest = name[len(region):]
    if region.endswith("市") and rest.startswith("场"):
        return False  # 岳阳市场监督管理局 is 岳阳 + 市场…
    if rest[0] in "市县区省州盟旗":
        return False  # 株洲 + 市总工会: the name's region is 株洲市, not the mention 株洲
    return rest[0] not in words("landform_chars.txt")  # 浏阳河…: a natural feature, not the region


def _infix_ok(name: str, region: str) -> bool:
    for b in _BRANCHES:
        if name.endswith(b):
            stem = name[: -len(b)]
            for qualifier in ("", "中心"):
                if stem.endswith(region + qualifier) and len(stem) > len(region) + 2:
                    return True
    return False


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
        posts = [w for w in words("posts.txt") if before.endswith(w)]
        # prefer the post after which an organisation ends (乐从镇党委|书记, not 乐从镇|党委书记)
        post = next((w for w in posts if _coordinated_orgs(text, inside, evidence[0] + len(before) - len(w))),
                    posts[0] if posts else None)
        if post is None:
            # PERSON POST after an organisation: 张三董事长 is rare in news; handled by "ORG PERSON POST" below.
            post_after = _post_at(text, p.end)
            orgs = [m for m in inside if m.cls in ORGS and m.end <= p.start and text[m.end:p.start].strip(" 的") == ""]
            if post_after and orgs:
                out.append(_rel(article, "holdsPost", p, orgs[-1], evidence, role=post_after))
            continue
        post_start = evidence[0] + len(before) - len(post)
        head = text[evidence[0]:post_start].rstrip(" 的")
        roles = [post]
        while head.endswith("、"):  # 某县委副书记、县长张三: the same organisation, two posts
            earlier = next((w for w in words("posts.txt") if head[:-1].endswith(w)), None)
            if earlier is None:
                break
            roles.append(earlier)
            head = head[: -1 - len(earlier)].rstrip(" 的")
        orgs = _coordinated_orgs(text, inside, len(head) + evidence[0])
        if orgs:
            for org in orgs:
                for role in roles:
                    out.append(_rel(article, "holdsPost", p, org, evidence, role=role))
        elif main_org is not None and (head.endswith(_GENERIC_ORG) or not head or head[-1] in "，,：:、 "):
            # 公司负责人X / 总经理X: the article's main enterprise, inferred.
            out.append(_rel(article, "holdsPost", p, main_org, evidence, role=post, confidence=0.6, extractor="inferred"))
    return out


def _coordinated_orgs(text: str, inside: list[Mention], end: int, forward: bool = False) -> list[Mention]:
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


def _full_start(text: str, start: int) -> int:
    """Start of the full sentence (after 。！？ or a line break) that the clause at ``start`` belongs to."""
    return max(text.rfind(c, 0, start) for c in "。！？!?\n") + 1


def _company_word(text, s_start, v, org_before, enterprises) -> Mention | None:
    """The company a sentence-initial 公司/该公司 before the verb refers to: the nearest enterprise named earlier in
    the article (only when no organisation is named between the word and the verb)."""
    for word in ("该公司", "公司"):
        i = text.find(word, s_start, v)
        if i < 0 or (i > s_start and text[i - 1] not in "，,。；：“ \n该"):
            continue
        if any(o.start > i for o in org_before):
            return None
        named = [m for m in enterprises if m.end <= i]
        return named[-1] if named else None
    return None


def _runs(article, text, inside, evidence, all_mentions=()) -> list[Relation]:
    """``ORG[、ORG][与ORG] VERB INITIATIVE``: every coordinated organisation runs it; ``在REGION VERB`` or a region
    as the only actor: the initiative takes place there."""
    out = []
    initiatives = [m for m in inside if m.cls == "Initiative"]
    if not initiatives:
        return out
    orgs = [m for m in inside if m.cls in ORGS]
    enterprises = [m for m in all_mentions if m.cls == "Enterprise"]
    regions = [m for m in inside if m.cls == "AdministrativeRegion"]
    for verb in words("launch_verbs.txt"):
        for vm in re.finditer(re.escape(verb), text[evidence[0]:evidence[1]]):
            v = evidence[0] + vm.start()
            after = [i for i in initiatives if i.start >= v + len(verb)]
            earlier = [i for i in initiatives if i.end <= v]
            target = after[0] if after else None
            org_before = [a for a in orgs if a.end <= v and (target or not earlier or a.start > earlier[-1].end)]
            reg_before = [r for r in regions if r.end <= v and (target or not earlier or r.start > earlier[-1].end)]
            if target is None and earlier and (org_before or reg_before):
                actor = max(org_before + reg_before, key=lambda m: m.end)
                if any(c in text[earlier[-1].end:actor.start] for c in "是由"):
                    target = earlier[-1]  # “X计划”是某区创新推出的品牌 / “X”由某局主办
            if target is None:
                continue
            conf = 0.8 if target in after else 0.7
            company = _company_word(text, evidence[0], v, org_before, enterprises)
            if company is None and not org_before and not reg_before and target in after:
                # 公司通过…营造氛围：…；开展“X”行动: the subject stands before a ； or ： of the same sentence
                full = _full_start(text, evidence[0])
                named = [m for m in all_mentions if m.cls in ORGS and full <= m.start and m.end <= evidence[0]]
                company = _company_word(text, full, evidence[0], named, enterprises)
                if company is not None:
                    evidence = (full, evidence[1])
            if company is not None:
                out.append(_rel(article, "runs", company, target, evidence, confidence=0.6, extractor="coref"))
            elif org_before:
                for runner in _runners(text, orgs, org_before[-1], evidence):
                    out.append(_rel(article, "runs", runner, target, evidence, confidence=conf))
                for r in reg_before:
                    if text[r.start - 1:r.start] in ("在", "、") and r.start > org_before[-1].end:
                        out.append(_rel(article, "takesPlaceIn", target, r, evidence, confidence=conf))
            elif reg_before:
                out.append(_rel(article, "takesPlaceIn", target, reg_before[-1], evidence, confidence=conf))
    return out


def _runners(text, orgs, last, evidence) -> list[Mention]:
    """``last`` with the organisations coordinated with it (A、B和C), and the sentence's subject when ``last`` is
    introduced by 与/同/会同 (A今年将与B合作开设 -> A and B)."""
    found = _coordinated_orgs(text, orgs, last.end)
    head = text[max(evidence[0], last.start - 2):last.start]
    if head.endswith(_WITH):
        first = next((o for o in orgs if o.start >= evidence[0]), None)
        if first is not None and first.end <= last.start and first not in found:
            found += _coordinated_orgs(text, orgs, first.end, forward=True)
    return found


def _runner(article, actor, initiative, evidence, confidence) -> Relation:
    """An organisation runs the initiative; a region is where it takes place."""
    if actor.cls == "AdministrativeRegion":
        return _rel(article, "takesPlaceIn", initiative, actor, evidence, confidence=confidence)
    return _rel(article, "runs", actor, initiative, evidence, confidence=confidence)


def _participates(article, text, inside, evidence) -> list[Relation]:
    out = []
    for verb in words("participate_verbs.txt"):
        for vm in re.finditer(re.escape(verb), text[evidence[0]:evidence[1]]):
            v = evidence[0] + vm.start()
            actors = [m for m in inside if (m.cls in ORGS or m.cls == "Person") and m.end <= v]
            after = [m for m in inside if m.cls == "Initiative" and m.start >= v + len(verb)]
            if actors and after and "，" not in text[actors[-1].end:v].strip("，, ") and v - actors[-1].end <= 12:
                out.append(_rel(article, "participatesIn", actors[-1], after[0], evidence, confidence=0.7))
    return out


def _partners(article, text, inside, evidence) -> list[Relation]:
    """``A与B签约``, ``A联合B``; and ``A…与/会同B(合作)`` with A the sentence's first organisation."""
    out = []
    orgs = [m for m in inside if m.cls in ORGS]
    verbs = words("partner_verbs.txt")
    for a, b in zip(orgs, orgs[1:]):
        between = text[a.end:b.start].strip(" ")
        tail = text[b.end:evidence[1]]
        if between in ("与", "和", "同", "跟") and any(v in tail[:20] for v in verbs):
            out.append(_rel(article, "partnersWith", a, b, evidence, confidence=0.7))
        elif between in ("联合", "携手", "会同"):
            out.append(_rel(article, "partnersWith", a, b, evidence, confidence=0.7))
    if orgs:
        subjects = _coordinated_orgs(text, orgs, orgs[0].end, forward=True)
        for b in orgs:
            if b in subjects:
                continue
            head = text[max(evidence[0], b.start - 2):b.start]
            tail = text[b.end:b.end + 6]
            if head.endswith(("会同", "联合", "携手")) or (head.endswith(("与", "同")) and any(v in tail for v in verbs)):
                if text[subjects[-1].end:b.start].strip(" ") in ("与", "和", "同", "跟", "联合", "携手", "会同"):
                    continue  # adjacent: handled above
                for a in subjects:
                    out.append(_rel(article, "partnersWith", a, b, evidence, confidence=0.6))
    return out


_MARKERS = "为向给对"
_WITH = ("与", "同", "会同", "联合", "携手")


def _transfers(article, text, inside, evidence) -> list[Relation]:
    """``由A承保，为B`` / ``A为B授信`` / ``A向B拨付``: payer, insurer or lender -> recipient."""
    out = []
    parties = [m for m in inside if m.cls in ORGS or m.cls == "Person"]
    for verb, predicate in table("transfer_verbs.tsv"):
        for vm in re.finditer(re.escape(verb), text[evidence[0]:evidence[1]]):
            v = evidence[0] + vm.start()
            before = [m for m in parties if m.end <= v and v - m.end <= 15 and "，" not in text[m.end:v]]
            if not before:
                continue
            last = before[-1]
            if text[last.start - 1:last.start] in _MARKERS:
                agents = [m for m in parties if m.end <= last.start - 1 and m.cls in ORGS]
                if agents and last.start - 1 - agents[-1].end <= 2:
                    out.append(_rel(article, predicate, agents[-1], last, evidence, confidence=0.75))
                continue
            if last.cls not in ORGS:
                continue
            after = [m for m in parties if v < m.start <= v + len(verb) + 20 and text[m.start - 1] in _MARKERS]
            if after:
                out.append(_rel(article, predicate, last, after[0], evidence, confidence=0.7))
    return out


def _part_of(article, inside, evidence) -> list[Relation]:
    """A region written right after the region containing it is partOf it; a place or organisation written right
    after a region (圭塘街道和润社区某小区, 某区某公司) is locatedIn it."""
    out = []
    for a, b in zip(inside, inside[1:]):
        if a.cls != "AdministrativeRegion" or a.end != b.start:
            continue
        if b.cls == "AdministrativeRegion":
            if a.code and b.code and not _contains(a.code, b.code):
                continue  # two coded regions that are not parent and child
            out.append(_rel(article, "partOf", b, a, evidence, confidence=0.9, extractor="adjacency"))
        elif b.cls == "Place" or b.cls in ORGS:
            out.append(_rel(article, "locatedIn", b, a, evidence, confidence=0.85, extractor="adjacency"))
    return out


def _located(article, text, inside, evidence) -> list[Relation]:
    """``X位于Y``, ``X坐落于Y``, ``X地处Y``."""
    out = []
    for vm in re.finditer("位于|坐落于|地处", text[evidence[0]:evidence[1]]):
        v = evidence[0] + vm.start()
        subj = [m for m in inside if (m.cls in ORGS or m.cls in PLACES) and m.end <= v and v - m.end <= 2]
        obj = [m for m in inside if m.cls in PLACES and m.start >= vm.end() + evidence[0]]
        if subj and obj:
            out.append(_rel(article, "locatedIn", subj[-1], obj[0], evidence, confidence=0.85))
    return out


def _contains(outer: str, inner: str) -> bool:
    """True when GB/T 2260 code ``outer`` is a strict ancestor of ``inner``."""
    if outer == inner or outer[:2] != inner[:2]:
        return False
    if outer.endswith("0000"):
        return True
    return outer.endswith("00") and outer[:4] == inner[:4]
