"""Event, money and partnership relations inside one sentence (patterns of kg.relations.registry, run on each sentence).

- takesPlaceIn / locatedIn: ``INIT在CHAIN开幕``, ``在CHAIN举办INIT``, ``INIT落地CHAIN``, ``CHAIN“INIT”`` (the chain's
  deepest region and its places), ``在/位于/连接CHAIN(与CHAIN)的ORG|INIT``; runs: ``ORG“INIT”``, ``ORG以“INIT”…`` (the organisation right
  before the initiative);
- designations: ``REGION被列为…INIT试点``: the initiative takes place there; an organisation so named participatesIn;
- hosting: ``博览会由A和B主办`` / ``该工程由A承建`` (an event word refers back to the initiative): A runs (or
  participatesIn) it;
- insures / lendsTo / funds: ``由A承保，为B``, ``A为B授信``, ``A向B拨付`` (the ``verbs`` of kg.relations.registry); a clause
  without subject (``…，已向B发放贷款``) takes the sentence's insurer or lender; ``A出资…`` funds the initiative of the
  sentence, else the one just named;
- participatesIn: a person or organisation before 参加/参与/加入 and an initiative after it; a clause opened by
  集团/公司 (``…介绍，集团今年将参与“X”``) takes the enterprise named before it with that word in its name;
- partnersWith: ``A与B签约``, ``A联合B``, ``甲、乙会同丙`` (organisations acting together; the group right before 会同,
  not an organisation of a source clause such as ``记者从某部获悉，``).
Shared helpers come from kg.relations.common.
Word lists live in kg/extract/data/participate_verbs.txt, kg/relations/data/partner_verbs.txt and relation_cues.tsv.
"""

from __future__ import annotations

import re

from kg.model import Mention, Relation
from kg.util.resources import words
from kg.util.sentences import sentences
from .common import ORGS, PLACES, Sentence, cues
from .common import coordinated_orgs as _coordinated_orgs, rel as _rel
from .registry import transfer_verbs

__all__ = ["participates", "partners", "transfers", "venues", "designations", "hosted", "funding"]

_QUOTES = "“”\"《》「」『』 "
_MARKERS = "为向给对"
_AGENT_HEADS = {"insures": ("保险", "保险公司", "支公司", "财险", "人寿"),
                "lendsTo": ("银行", "分行", "支行", "信用社", "农商行", "村镇银行", "小额贷款公司")}


def participates(s: Sentence) -> list[Relation]:
    """participatesIn: a person or organisation before 参加/参与/加入 and an initiative after it."""
    return _participates(s.article, s.text, s.inside, s.evidence, s.mentions)


def partners(s: Sentence) -> list[Relation]:
    """partnersWith: organisations acting together (签约, 联合, 携手, 会同)."""
    return _partners(s.article, s.text, s.inside, s.evidence)


def transfers(s: Sentence) -> list[Relation]:
    """insures / lendsTo / funds (the relation types with ``verbs`` in kg.relations.registry)."""
    return _transfers(s.article, s.text, s.inside, s.evidence, s.mentions)


def venues(s: Sentence) -> list[Relation]:
    """takesPlaceIn and locatedIn of ``在CHAIN…``; runs of the organisation written right before an initiative."""
    return _venues(s.article, s.text, s.inside, s.evidence)


def designations(s: Sentence) -> list[Relation]:
    """``REGION被列为…INIT试点``: takesPlaceIn; an organisation so named participatesIn."""
    return _designations(s.article, s.text, s.inside, s.evidence)


def hosted(s: Sentence) -> list[Relation]:
    """``博览会由A和B主办``: runs (or participatesIn) of the initiative the event word refers back to."""
    return _hosted(s.article, s.text, s.inside, s.evidence, s.mentions)


def funding(s: Sentence) -> list[Relation]:
    """``ORG出资…`` with no recipient named: funds the initiative of the sentence (or the one before)."""
    return _funding(s.article, s.text, s.inside, s.evidence, s.mentions)


def _chain(inside, start: int, forward: bool = True) -> list[Mention]:
    """Regions and places written one right after the other from ``start`` (or ending at ``start``, backwards):
    广东省广州市越秀区北京路步行街."""
    found: list[Mention] = []
    pos = start
    while True:
        if forward:
            nxt = max((m for m in inside if m.cls in PLACES and m.start == pos), key=lambda m: m.end, default=None)
        else:
            nxt = min((m for m in inside if m.cls in PLACES and m.end == pos), key=lambda m: m.start, default=None)
        if nxt is None:
            return found if forward else found[::-1]
        found.append(nxt)
        pos = nxt.end if forward else nxt.start


def _venue_ends(chain: list[Mention]) -> list[Mention]:
    """What an event in ``chain`` takes place in: its deepest region and every place (不是 the whole chain)."""
    regions = [m for m in chain if m.cls == "AdministrativeRegion"]
    return ([regions[-1]] if regions else []) + [m for m in chain if m.cls == "Place"]


def _venues(article, text, inside, evidence) -> list[Relation]:
    """takesPlaceIn: ``INIT在CHAIN开幕``, ``在CHAIN举办INIT``, ``INIT落地CHAIN``, ``CHAIN“INIT”``; and locatedIn:
    ``在CHAIN的ORG`` (the organisation is in the chain's deepest region or place)."""
    out = []
    initiatives = [m for m in inside if m.cls == "Initiative"]
    lo, hi = evidence
    for m in re.finditer("|".join(("在",) + cues("at")), text[lo:hi]):
        at = lo + m.end() - 1
        chain = _chain(inside, at + 1)
        if not chain:
            continue
        end = chain[-1].end
        ends = _venue_ends(chain)
        while text[end:end + 1] in ("、", "和", "及", "与") and (more := _chain(inside, end + 1)):
            end, ends = more[-1].end, ends + _venue_ends(more)  # 在甲区、乙区开设…
        if text[end:end + 1] == "的":
            org = next((o for o in inside if o.cls in ORGS and o.start == end + 1), None)
            if org is not None:
                out += [_rel(article, "locatedIn", org, e, evidence, confidence=0.75) for e in ends]
                continue
            held = next((i for i in initiatives if i.start == end + 1), None)
            if held is not None:  # 位于某机场的某工程, 连接甲区与乙区的某大桥工程
                out += [_rel(article, "takesPlaceIn", held, e, evidence, confidence=0.75) for e in ends]
                continue
        if m.group() != "在":
            continue  # the other cues locate only the name right after their 的
        before = [i for i in initiatives if i.end <= at and len(text[i.end:at]) <= 6 and not re.search("[，,：]", text[i.end:at])]
        after = [i for i in initiatives if i.start >= end and len(text[end:i.start]) <= 12
                 and not re.search("[，,：的]", text[end:i.start])]
        target = before[-1] if before else (after[0] if after else None)
        if target is not None:
            out += [_rel(article, "takesPlaceIn", target, e, evidence, confidence=0.75) for e in ends]
    for i in initiatives:  # 某公司“某某工坊”, 某厅某某试点, 某公司以“某某”开启…: the organisation right before runs it
        k = i.start
        while k > lo and text[k - 1] in _QUOTES:
            k -= 1
        for link_word in ("", "以", "通过"):
            owner = next((o for o in inside if o.cls in ORGS and o.end == k - len(link_word)
                          and text[o.end:k] == link_word and (link_word or k < i.start or o.cls != "Enterprise")), None)
            if owner is not None:
                out.append(_rel(article, "runs", owner, i, evidence, confidence=0.6))
                break
    for i in initiatives:
        j = i.end
        while j < hi and text[j] in _QUOTES:
            j += 1
        verb = next((v for v in cues("venue") if text.startswith(v, j)), None)
        if verb:
            out += [_rel(article, "takesPlaceIn", i, e, evidence, confidence=0.7)
                    for e in _venue_ends(_chain(inside, j + len(verb)))]
        k = i.start
        while k > lo and text[k - 1] in _QUOTES:
            k -= 1
        chain = _chain(inside, k, forward=False)  # 某区“某某”消费季: the region written right before the name
        if chain and (chain[0].start == lo or text[chain[0].start - 1] not in "在于从到向"):
            out += [_rel(article, "takesPlaceIn", i, e, evidence, confidence=0.65) for e in _venue_ends(chain)]
    return out


def _designations(article, text, inside, evidence) -> list[Relation]:
    """``REGION被列为…INIT试点``: the initiative takes place there; an organisation so named participates in it."""
    out = []
    clause = text[evidence[0]:evidence[1]]
    for cue in cues("designate"):
        if cue not in clause:  # most cues are absent: no pattern to compile
            continue
        for m in re.finditer(re.escape(cue), clause):
            v = evidence[0] + m.start()
            subj = [x for x in inside if (x.cls in ORGS or x.cls == "AdministrativeRegion") and x.end <= v
                    and v - x.end <= 2]
            init = [x for x in inside if x.cls == "Initiative" and x.start >= v + len(cue)
                    and not re.search("[，,。；]", text[v:x.start])]
            if not subj or not init:
                continue
            if subj[-1].cls in ORGS:
                out.append(_rel(article, "participatesIn", subj[-1], init[0], evidence, confidence=0.7))
            else:
                out.append(_rel(article, "takesPlaceIn", init[0], subj[-1], evidence, confidence=0.7))
    return out


def _antecedent(text, all_mentions, word: str, before: int) -> Mention | None:
    """The initiative a generic event word (博览会, 消费季, 该工程) refers to: the nearest one named before ``before``
    whose name ends with the word or that the word follows (“X”消费季)."""
    for m in sorted((m for m in all_mentions if m.cls == "Initiative" and m.end <= before), key=lambda m: -m.end):
        j = m.end
        while j < len(text) and text[j] in _QUOTES:
            j += 1
        if m.text.endswith(word) or text.startswith(word, j):
            return m
    return None


def _hosted(article, text, inside, evidence, all_mentions) -> list[Relation]:
    """``博览会由A和B共同主办`` / ``该工程由A承建`` at the start of a sentence: A runs (or participatesIn) the
    initiative the event word refers back to."""
    out: list[Relation] = []
    lo, hi = evidence
    head = text[lo:hi].lstrip(" \n")
    start = hi - len(head)
    for word in sorted(cues("event"), key=len, reverse=True):
        for lead in ("该", ""):
            if head.startswith(lead + word + "由"):
                target = _antecedent(text, all_mentions, word, lo)
                at = start + len(lead + word) + 1
                if target is None:
                    return out
                first = next((m for m in inside if m.cls in ORGS and m.start == at), None)
                if first is None:
                    return out
                actors = _coordinated_orgs(text, inside, first.end, forward=True)
                rest = text[actors[-1].end:hi]
                for kind, predicate in (("host", "runs"), ("build", "participatesIn")):
                    if any(rest.lstrip("共同联合").startswith(c) for c in cues(kind)):
                        out += [_rel(article, predicate, a, target, evidence, confidence=0.65, extractor="coref")
                                for a in actors]
                        break
                return out
    return out


def _funding(article, text, inside, evidence, all_mentions) -> list[Relation]:
    """``ORG(作为赞助单位)出资/配套资金…`` with no recipient named: the organisation funds the initiative of the sentence,
    else the one named in the sentence before."""
    out = []
    lo, hi = evidence
    clause = text[lo:hi]
    for cue in cues("fund"):
        if cue not in clause:
            continue
        for m in re.finditer(re.escape(cue), clause):
            v = lo + m.start()
            subj = [x for x in inside if x.cls in ORGS and x.end <= v and v - x.end <= 10
                    and not re.search("[，,]", text[x.end:v])]
            named = [x for x in inside if subj and subj[-1].end <= x.start and x.end <= v]
            if not subj or text[subj[-1].start - 1:subj[-1].start] in _MARKERS \
                    or any(text[x.start - 1] in _MARKERS for x in named):
                continue  # 为B配套资金: a transfer to a named party (kg.relations.registry verbs)
            init = [x for x in inside if x.cls == "Initiative"]
            if not init:
                prev = [x for x in all_mentions if x.cls == "Initiative" and x.end <= lo]
                spans = sentences(text)
                prev_start = ([s for s, e in spans if e <= lo][-2:] or [lo])[0]  # the two sentences before
                init = [x for x in prev if x.start >= prev_start][-1:]
            if init:
                out.append(_rel(article, "funds", subj[-1], init[0], evidence, confidence=0.55))
    return out


def _participates(article, text, inside, evidence, all_mentions=()) -> list[Relation]:
    out = []
    clause = text[evidence[0]:evidence[1]]
    for verb in words("participate_verbs.txt"):
        if verb not in clause:
            continue
        for vm in re.finditer(re.escape(verb), clause):
            v = evidence[0] + vm.start()
            actors = [m for m in inside if (m.cls in ORGS or m.cls == "Person") and m.end <= v]
            after = [m for m in inside if m.cls == "Initiative" and m.start >= v + len(verb)]
            if text[v - 1:v] in _MARKERS:
                continue  # 为参与商户提供…: 参与 describes who receives, not what the actor does
            if actors and after and "，" not in text[actors[-1].end:v].strip("，, ") and v - actors[-1].end <= 12:
                out.append(_rel(article, "participatesIn", actors[-1], after[0], evidence, confidence=0.7))
            elif after and (company := _generic_company(text, evidence[0], v, all_mentions)) is not None:
                out.append(_rel(article, "participatesIn", company, after[0], evidence, confidence=0.6,
                                extractor="coref"))
    return out


_GENERIC_COMPANY = (("该集团", "集团"), ("集团", "集团"), ("该公司", "公司"), ("公司", "公司"))


def _generic_company(text, lo, v, all_mentions) -> Mention | None:
    """The company a generic subject (集团, 该公司 …) opening the clause before ``v`` refers to: the nearest
    enterprise named before it whose name has that word (某某集团有限公司 for 集团)."""
    start = max([lo] + [i + 1 for i in (text.rfind(c, lo, v) for c in "，,：:") if i >= 0])
    clause = text[start:v].lstrip(" “")
    for word, head in _GENERIC_COMPANY:
        if clause.startswith(word) and len(clause) - len(word) <= 6:  # 集团今年将参与
            named = [m for m in all_mentions if m.cls == "Enterprise" and m.end <= start and head in m.text]
            return named[-1] if named else None
    return None


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
    for o in orgs:  # 甲局、乙局、丙部联合印发: the first named partners each of the others
        group = _coordinated_orgs(text, orgs, o.end)[::-1]
        if len(group) > 1 and text.startswith(("联合", "共同", "携手"), o.end) \
                and not any(m.start == o.end + 2 for m in orgs):
            out += [_rel(article, "partnersWith", group[0], b, evidence, confidence=0.65) for b in group[1:]]
    if orgs:
        subjects = _coordinated_orgs(text, orgs, orgs[0].end, forward=True)
        for b in orgs:
            if b in subjects:
                continue
            head = text[max(evidence[0], b.start - 2):b.start]
            tail = text[b.end:b.end + 6]
            if head.endswith(("会同", "联合", "携手")) or (head.endswith(("与", "同")) and any(v in tail for v in verbs)):
                left = _coordinated_orgs(text, orgs, b.start - 2)[::-1] if head.endswith("会同") else []
                if not left and text[subjects[-1].end:b.start].strip(" ") in ("与", "和", "同", "跟", "联合", "携手",
                                                                             "会同"):
                    continue  # adjacent: handled above
                others = _coordinated_orgs(text, orgs, b.end, forward=True) if head.endswith("会同") else [b]
                for a in left or subjects:  # 甲、乙会同丙、丁: every one on each side with every one on the other
                    for c in others:
                        out.append(_rel(article, "partnersWith", a, c, evidence, confidence=0.6))
    return out


def _clause_agent(text, parties, predicate, marker_at, evidence) -> Mention | None:
    """The insurer or lender of ``…，(已)为/向B…`` when the clause has no subject: the sentence's first organisation
    before the marker, when its name says it insures or lends (保险…公司, …银行…支行)."""
    heads = _AGENT_HEADS.get(predicate)
    if heads is None:
        return None
    first = next((m for m in parties if m.cls in ORGS and m.start >= evidence[0]), None)
    if first is None or first.end > marker_at:
        return None
    if not any(h in first.text for h in heads):
        return None
    return first


def _transfers(article, text, inside, evidence, all_mentions=()) -> list[Relation]:
    """``由A承保，为B`` / ``A为B授信`` / ``A向B拨付``: payer, insurer or lender -> recipient; ``A…，已向B发放贷款``
    and ``A联合推出的…，为B…提供风险保障``: the clause without a subject takes the sentence's insurer or lender."""
    out = []
    parties = [m for m in inside if m.cls in ORGS or m.cls == "Person"]
    clause = text[evidence[0]:evidence[1]]
    for verb, predicate in transfer_verbs():
        if verb not in clause:  # most verbs are absent: no pattern to compile
            continue
        for vm in re.finditer(re.escape(verb), clause):
            v = evidence[0] + vm.start()
            before = [m for m in parties if m.end <= v and v - m.end <= 15 and "，" not in text[m.end:v]]
            if not before:
                continue
            last = before[-1]
            if text[last.start - 1:last.start] in _MARKERS:
                agents = [m for m in parties if m.end <= last.start - 1 and m.cls in ORGS]
                if agents and last.start - 1 - agents[-1].end <= 2:
                    out.append(_rel(article, predicate, agents[-1], last, evidence, confidence=0.75))
                elif re.search("[，,][已将也还]{0,2}$", text[evidence[0]:last.start - 1]):
                    agent = _clause_agent(text, parties, predicate, last.start - 1, evidence)
                    if agent is not None and agent is not last:
                        out.append(_rel(article, predicate, agent, last, evidence, confidence=0.6))
                continue
            if last.cls not in ORGS:
                continue
            after = [m for m in parties if v < m.start <= v + len(verb) + 20 and text[m.start - 1] in _MARKERS]
            if after:
                out.append(_rel(article, predicate, last, after[0], evidence, confidence=0.7))
    return out
