"""Relations stated in an article's text, between its mentions (extract stage, after kg.extract.mentions).

``relations(article, mentions)`` applies these general patterns inside each sentence, then the event, transfer,
participation and partnership patterns of kg.relations.events, then the rules on names, and keeps one relation per fact and
evidence (the most confident rule's):
- holdsPost: ``ORG[、ORG…][的]POST PERSON`` (长沙某公司董事长张三), ``PERSON POST`` after an org, and a bare
  ``POST PERSON`` or ``公司POST PERSON`` resolved to the company named just before 公司, else the article's most
  mentioned enterprise (lower confidence);
- runs: an organisation or region before a launch verb (开展, 推出, 启动 …) and an initiative in the same sentence;
- takesPlaceIn: a region before a launch verb and an initiative (a region "runs" nothing: its initiative takes
  place there);
- runs from context: ``该局…推出``, ``公司…推出``, a sentence without subject after one that begins with an
  organisation (or with 公司), ``甲与乙签署协议，双方将联合实施“X”`` (both); a speaker's organisation
  (``某局负责人介绍，…``) is not the subject of what is reported, nor is one after 为/向/给/对 (``为某公司提供“X保险”``:
  it receives);
- partOf / locatedIn: a region, place or organisation written right after the region that contains it
  (岳麓区橘子洲街道), ``X位于Y``, ``Y境内的X``;
- from names: an organisation or place whose name starts with a region of the article is locatedIn it
  (某市总工会 -> 某市), except the party body of an organisation named in the article (某大学党委: the region locates
  the university); an organisation named as another one plus a unit word (某大学党委) is its subOrganizationOf.
The helpers kg.relations.events shares (ORGS, PLACES, cues, _rel, _coordinated_orgs, sentences) live here; kg.relations.events imports
them, so this module imports kg.relations.events only inside ``relations()``.
Word lists live in kg/extract/data/posts.txt, launch_verbs.txt, anaphora.tsv, landform_chars.txt, relation_cues.tsv.
"""

from __future__ import annotations

import bisect

import re
from collections import Counter
from functools import lru_cache

from kg.model import Article, Mention, Relation
from kg.util.resources import table, words
from kg.util.spans import Window

__all__ = ["relations", "sentences", "cues"]

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
    from . import events  # here, not at the top: kg.relations.events imports this module's helpers

    text = article.text
    out: list[Relation] = []
    main_org = _main_enterprise(mentions)
    window = Window(sorted(mentions, key=lambda m: m.start))  # stable: the order of equal starts is kept
    enterprises = [m for m in mentions if m.cls == "Enterprise"]
    for s_start, s_end in sentences(text):
        inside = window.inside(s_start, s_end)
        evidence = (s_start, s_end)
        out += _holds_post(article, text, inside, main_org, evidence, mentions)
        out += _founder(article, text, inside, evidence, mentions)
        out += _runs(article, text, inside, evidence, mentions, enterprises)
        out += _part_of(article, inside, evidence)
        out += _located(article, text, inside, evidence)
        out += events.sentence_relations(article, inside, evidence, mentions)
    out += _name_prefix(article, mentions)
    out += _sub_orgs(article, mentions)
    best: dict[tuple, Relation] = {}  # one relation per fact and evidence: the most confident rule's
    for r in sorted(set(out), key=lambda r: (-r.confidence, r.extractor, r.end)):
        best.setdefault((r.start, r.subject, r.predicate, r.object, r.role), r)
    return sorted(best.values(), key=lambda r: (r.start, r.subject, r.predicate, r.object, r.role or ""))


def _name_prefix(article, mentions) -> list[Relation]:
    """An organisation or place whose name starts with a region named in the article (as a mention nested in it or
    written elsewhere) is located there: 株洲市总工会 -> 株洲市, 某村党支部 -> 某村. Branches also by the region
    before their branch word (某银行株洲分行 -> 株洲)."""
    out, seen = [], set()
    regions = [m for m in mentions if m.cls == "AdministrativeRegion"]
    by_text = _by_text(regions)
    org_texts = {o.text for o in mentions if o.cls in ORGS}
    spans = sentences(article.text)
    for m in mentions:
        if (m.cls not in ORGS and m.cls != "Place") or m.text in seen or _party_of_org(m, org_texts):
            continue  # 某大学党委: the region at its start locates the university, whose committee it is
        seen.add(m.text)
        cands = sorted((r for n in range(1, len(m.text)) for r in by_text.get(m.text[:n], ())
                        if _prefix_ok(m.text, r.text)), key=lambda r: r.start)  # the regions it starts with
        if m.text.endswith(_BRANCHES):
            cands += [r for r in regions if r.text != m.text and _infix_ok(m.text, r.text)]
        if not cands:
            continue
        r = _longest_nearest(cands, m)
        out.append(_rel(article, "locatedIn", m, r, _sentence_of(spans, m), confidence=0.85, extractor="name-prefix"))
    return out


_PARTY_UNITS = ("机关党委", "党工委", "党总支", "党支部", "党委", "党组")


def _party_of_org(m: Mention, org_texts: set[str]) -> bool:
    """True when ``m`` is the party body of another organisation named in the article (某大学 + 党委);
    ``org_texts``: the texts of the article's organisation mentions."""
    unit = next((u for u in _PARTY_UNITS if m.text.endswith(u)), None)
    stem = m.text[: -len(unit)] if unit else ""
    return m.cls == "PartyOrganization" and len(stem) >= 2 and stem in org_texts


def _by_text(mentions: list[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for m in mentions:
        out.setdefault(m.text, []).append(m)
    return out


def _longest_nearest(cands: list[Mention], m: Mention) -> Mention:
    """The longest of ``cands`` (a name's most specific part), the nearest to ``m`` among equals."""
    best = max(len(c.text) for c in cands)
    return min((c for c in cands if len(c.text) == best), key=lambda c: abs(c.start - m.start))


def _sentence_of(spans: list[tuple[int, int]], m: Mention) -> tuple[int, int]:
    i = bisect.bisect_right(spans, (m.start, float("inf"))) - 1  # spans are sorted and disjoint
    return spans[i] if i >= 0 and spans[i][0] <= m.start < spans[i][1] else (m.start, m.end)


_UNITS = ("机关党委", "党工委", "党总支", "党支部", "党委", "党组", "分公司", "子公司", "支公司", "分行", "支行",
          "营业部", "分局", "司", "处", "研究院", "学院", "办公室")


def _sub_orgs(article, mentions) -> list[Relation]:
    """An organisation named as another one plus a unit word (某部某某司, 某大学党委, 某公司株洲分公司) is its
    sub-organisation, when both are mentions of the article."""
    out, seen = [], set()
    orgs = [m for m in mentions if m.cls in ORGS]
    by_text = _by_text(orgs)
    spans = sentences(article.text)
    for a in orgs:
        if a.text in seen:
            continue
        seen.add(a.text)
        if not a.text.endswith(_UNITS):
            continue
        parents = sorted((b for n in range(2, len(a.text) - 1) for b in by_text.get(a.text[:n], ())),
                         key=lambda b: b.start)  # the organisations the name starts with, looked up by text
        if not parents:
            continue
        b = _longest_nearest(parents, a)
        out.append(_rel(article, "subOrganizationOf", a, b, _sentence_of(spans, a), confidence=0.85, extractor="name"))
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


# The head of a level's people's government (县长, 副市长): in 某县委副书记、县长张三 the second post is held in the
# county government, which the text does not name, not in the party committee.
_GOVERNMENT_HEAD = re.compile(r"(常务)?副?[省市县区州盟旗乡镇]长")
# Bodies of a level that a post names only by a short word (某镇党委书记、人大主席: the town's people's congress).
_UNNAMED_BODIES = ("人大常委会", "人大", "政协", "纪委", "监委", "人武部", "工会", "妇联", "团委")


def _holds_post(article, text, inside, main_org, evidence, all_mentions=()) -> list[Relation]:
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
        body = next((b for b in _UNNAMED_BODIES if head.endswith("、" + b)), None)
        if body and not _coordinated_orgs(text, inside, len(head) + evidence[0]):
            roles, head = [], head[: -len(body)]  # 某镇党委书记、人大主席张三: the last post is in an unnamed body
        while head.endswith("、"):  # 某公司党委书记、董事长张三: the same organisation, two posts
            fits = [w for w in words("posts.txt") if head[:-1].endswith(w)]
            if not roles:  # after an unnamed body's post: prefer the split an organisation ends before (党委|书记)
                end = evidence[0] + len(head) - 1
                fits = [w for w in fits if _coordinated_orgs(text, inside, end - len(w))] or fits
            earlier = fits[0] if fits else None
            if earlier is None:
                break
            roles.append(earlier)
            head = head[: -1 - len(earlier)].rstrip(" 的")
        orgs = _coordinated_orgs(text, inside, len(head) + evidence[0])
        if orgs:
            for org in orgs:
                for role in roles:
                    if org.cls != "PartyOrganization" or not _GOVERNMENT_HEAD.fullmatch(role):
                        out.append(_rel(article, "holdsPost", p, org, evidence, role=role))
        elif main_org is not None and (head.endswith(_GENERIC_ORG) or not head or head[-1] in "，,：:、 "):
            # 公司负责人X / 总经理X: the article's main enterprise, inferred; 公司 after a company named earlier
            # (…向某某有限公司发放贷款，公司负责人X) is that company, not a bank or agency named before it.
            org = _named_company(head, all_mentions, post_start) or main_org
            out += [_rel(article, "holdsPost", p, org, evidence, role=role, confidence=0.6, extractor="inferred")
                    for role in roles]
    return out


# 张三创办某某公司, 他2015年创立了某某合作社: the founder holds a post at what they founded (role 创办人).
_FOUNDED = re.compile(r"\s*(?:于?[0-9０-９]{4}年(?:[0-9]{1,2}月)?)?\s*(?:创办|创立|创建|一手创办)了?\s*")
_PRONOUNS = ("他", "她")


def _founder(article, text, inside, evidence, all_mentions) -> list[Relation]:
    out = []
    for org in (m for m in inside if m.cls in ("Enterprise", "Organization")):
        found = next((m for m in _FOUNDED.finditer(text, evidence[0], org.start) if m.end() == org.start), None)
        if found is None:
            continue
        before = text[evidence[0]:found.start()]
        person = next((m for m in inside if m.cls == "Person" and m.end == evidence[0] + len(before)), None)
        if person is None and before.endswith(_PRONOUNS):  # 他创办…: the person named last before the pronoun
            named = [m for m in all_mentions if m.cls == "Person" and m.end <= found.start() - 1]
            person = named[-1] if named else None
            if person is not None and person.sentence < org.sentence - 2:
                person = None  # too far back to be what 他 refers to
        if person is not None:
            out.append(_rel(article, "holdsPost", person, org, evidence, role="创办人", confidence=0.8))
    return out


def _named_company(head: str, mentions, before: int) -> Mention | None:
    """The company a generic 公司/该公司 at the end of ``head`` refers to: the nearest enterprise named before
    ``before`` whose name ends with 公司."""
    if not head.endswith(("公司", "该公司")):
        return None
    named = [m for m in mentions if m.cls == "Enterprise" and m.end <= before - 2 and m.text.endswith("公司")]
    return named[-1] if named else None


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


def _company_word(text, s_start, v, org_before, enterprises, orgs=()) -> Mention | None:
    """The company a sentence-initial 公司/该公司 before the verb refers to: the nearest enterprise named earlier in
    the article (only when no organisation is named between the word and the verb); likewise 该局, 该行 … (the
    ``org:`` rows of kg/extract/data/anaphora.tsv) for the nearest organisation of ``orgs`` whose name ends so."""
    for word in ("该公司", "公司"):
        i = text.find(word, s_start, v)
        if i < 0 or (i > s_start and text[i - 1] not in "，,。；：“ \n该"):
            continue
        if any(o.start > i for o in org_before):
            return None
        named = [m for m in enterprises if m.end <= i]
        return named[-1] if named else None
    for word, target, _ in table("anaphora.tsv"):  # 该局/该行…: the nearest organisation whose name ends so
        if not target.startswith("org:"):
            continue
        i = text.find(word, s_start, v)
        if i < 0 or (i > s_start and text[i - 1] not in "，,。；：“ \n") or any(o.start > i for o in org_before):
            continue
        named = [m for m in orgs if m.end <= i and m.text.endswith(target[4:])]
        return named[-1] if named else None
    return None


def _previous_subject(text, s_start, v, all_mentions) -> Mention | None:
    """The subject of a sentence that names none before its verb (针对…，创新开展“X”): the organisation that begins
    the sentence before it (某公司以…开启…。), when nothing else is named between it and the verb."""
    full = _full_start(text, s_start)
    if any(m.cls in ORGS | PLACES | {"Person"} and full <= m.start < v for m in all_mentions):
        return None
    if full == 0:
        return None
    head = text[_full_start(text, full - 1):full].lstrip(" “\n")
    first = next((m for m in all_mentions if m.start == full - len(head)), None)
    if first is None and head.startswith(("公司", "该公司")):  # 公司以…为纲，…。针对…，创新开展“X”
        named = [m for m in all_mentions if m.cls == "Enterprise" and m.end <= full - len(head)]
        return named[-1] if named else None
    return first if first is not None and first.cls in ORGS else None


def _both_parties(text, s_start, v, all_mentions) -> list[Mention]:
    """The two organisations ``双方`` (starting the clause before ``v``) refers to: the last pair joined by 与/和/同
    (甲与乙签署协议) in this sentence or the two before."""
    i = text.find("双方", s_start, v)
    if i < 0 or (i > s_start and text[i - 1] not in "，,：: \n"):
        return []
    before = [s for s, e in sentences(text) if e <= s_start and text[s:e].strip()][-2:]
    since = before[0] if before else s_start
    orgs = [m for m in all_mentions if m.cls in ORGS and since <= m.start and m.end <= i]
    pairs = [(a, b) for a, b in zip(orgs, orgs[1:]) if text[a.end:b.start] in ("与", "和", "同", "跟")]
    return list(pairs[-1]) if pairs else []


def _runs(article, text, inside, evidence, all_mentions=(), enterprises=None) -> list[Relation]:
    """``ORG[、ORG][与ORG] VERB INITIATIVE``: every coordinated organisation runs it; ``在REGION VERB`` or a region
    as the only actor: the initiative takes place there."""
    out = []
    initiatives = [m for m in inside if m.cls == "Initiative"]
    if not initiatives:
        return out
    orgs = [m for m in inside if m.cls in ORGS]
    if enterprises is None:  # relations() passes them, computed once per article rather than per sentence
        enterprises = [m for m in all_mentions if m.cls == "Enterprise"]
    regions = [m for m in inside if m.cls in PLACES]  # a region or a venue "launches" nothing: it hosts
    for verb in words("launch_verbs.txt") + cues("runs"):
        for vm in re.finditer(re.escape(verb), text[evidence[0]:evidence[1]]):
            v = evidence[0] + vm.start()
            after = [i for i in initiatives if i.start >= v + len(verb)]
            earlier = [i for i in initiatives if i.end <= v]
            target = after[0] if after else None
            said = _after_speech(text, evidence[0], v)  # 某局负责人介绍，…推出: the clause has its own subject
            org_before = [a for a in orgs if said <= a.start and a.end <= v and text[a.start - 1:a.start] not in _RECIPIENT
                          and (target or not earlier or a.start > earlier[-1].end)]  # 为某公司提供: not the actor
            reg_before = [r for r in regions if said <= r.start and r.end <= v
                          and (target or not earlier or r.start > earlier[-1].end)]
            if target is None and earlier and (org_before or reg_before):
                actor = max(org_before + reg_before, key=lambda m: m.end)
                if any(c in text[earlier[-1].end:actor.start] for c in "是由"):
                    target = earlier[-1]  # “X计划”是某区创新推出的品牌 / “X”由某局主办
            if target is None:
                continue
            conf = 0.8 if target in after else 0.7
            all_orgs = [m for m in all_mentions if m.cls in ORGS]
            company = _company_word(text, evidence[0], v, org_before, enterprises, all_orgs)
            if company is None and not org_before and not reg_before and target in after:
                # 公司通过…营造氛围：…；开展“X”行动: the subject stands before a ； or ： of the same sentence
                full = _full_start(text, evidence[0])
                named = [m for m in all_mentions if m.cls in ORGS and full <= m.start and m.end <= evidence[0]]
                company = _company_word(text, full, evidence[0], named, enterprises, all_orgs)
                if company is not None:
                    evidence = (full, evidence[1])
            if company is None and not org_before and not reg_before and target in after:
                company = _previous_subject(text, evidence[0], v, all_mentions)
            parties = _both_parties(text, evidence[0], v, all_mentions) \
                if company is None and not org_before and not reg_before and target in after else []
            if company is not None:
                out.append(_rel(article, "runs", company, target, evidence, confidence=0.6, extractor="coref"))
            elif parties:  # 甲与乙签署协议，双方将联合实施“X”: both run it
                out += [_rel(article, "runs", p, target, evidence, confidence=0.6, extractor="coref") for p in parties]
            elif org_before:
                for runner in _runners(text, orgs, org_before[-1], evidence):
                    out.append(_rel(article, "runs", runner, target, evidence, confidence=conf))
            elif reg_before and v - reg_before[-1].end <= 12 and "，" not in text[reg_before[-1].end:v]:
                for r in _coordinated(text, regions, reg_before[-1]):
                    out.append(_rel(article, "takesPlaceIn", target, r, evidence, confidence=conf))
    return out


@lru_cache(maxsize=None)
def cues(kind: str) -> tuple[str, ...]:
    """The cue words of one kind in kg/relations/data/relation_cues.tsv, longest first."""
    return tuple(sorted((c for c, k in table("relation_cues.tsv") if k == kind), key=lambda c: (-len(c), c)))


def _after_speech(text: str, start: int, v: int) -> int:
    """Where the clause after the last ``…介绍，`` / ``…表示：`` before ``v`` begins (``start`` when there is none)."""
    best = start
    for cue in cues("speech"):
        for m in re.finditer(re.escape(cue) + "[，,：:]", text[start:v]):
            best = max(best, start + m.end())
    return best


def _coordinated(text, mentions, last) -> list[Mention]:
    """``last`` and the mentions joined to it by 、/和/与/及 before it (湖南、浙江和四川), in text order."""
    found = [last]
    while True:
        j = found[0].start
        prev = next((m for m in mentions if m.end == j - 1 and text[j - 1] in "、和与及"), None)
        if prev is None:
            return found
        found.insert(0, prev)


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


_WITH = ("与", "同", "会同", "联合", "携手")
_RECIPIENT = tuple("为向给对")  # an organisation right after one of these receives or undergoes the action


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
    """``X位于Y``, ``X坐落于Y``, ``X地处Y``; ``Y境内的X``, ``Y辖区内X``."""
    out = []
    for vm in re.finditer("位于|坐落于|地处", text[evidence[0]:evidence[1]]):
        v = evidence[0] + vm.start()
        subj = [m for m in inside if (m.cls in ORGS or m.cls in PLACES) and m.end <= v and v - m.end <= 2]
        obj = [m for m in inside if m.cls in PLACES and m.start >= vm.end() + evidence[0]]
        if subj and obj:
            out.append(_rel(article, "locatedIn", subj[-1], obj[0], evidence, confidence=0.85))
    for vm in re.finditer("境内的?|辖区内的?|辖内的?", text[evidence[0]:evidence[1]]):  # 某县境内的某某水库
        v = evidence[0] + vm.start()
        region = [m for m in inside if m.cls == "AdministrativeRegion" and m.end == v]
        thing = [m for m in inside if (m.cls in ORGS or m.cls == "Place") and m.start == evidence[0] + vm.end()]
        if region and thing:
            out.append(_rel(article, "locatedIn", thing[0], region[-1], evidence, confidence=0.8))
    return out


def _contains(outer: str, inner: str) -> bool:
    """True when GB/T 2260 code ``outer`` is a strict ancestor of ``inner``."""
    if outer == inner or outer[:2] != inner[:2]:
        return False
    if outer.endswith("0000"):
        return True
    return outer.endswith("00") and outer[:4] == inner[:4]
