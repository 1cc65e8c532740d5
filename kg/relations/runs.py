"""runs and takesPlaceIn: who launches an initiative, and where a region hosts it.

- runs: an organisation before a launch verb (开展, 推出, 启动 …) and an initiative in the same sentence; every
  coordinated organisation runs it, and one joined by 与/同/会同 with the sentence's subject;
- takesPlaceIn: a region before a launch verb and an initiative (a region "runs" nothing: its initiative takes
  place there);
- runs from context: ``该局…推出``, ``公司…推出``, a sentence without subject after one that begins with an
  organisation (or with 公司), ``甲与乙签署协议，双方将联合实施“X”`` (both); a speaker's organisation
  (``某局负责人介绍，…``) is not the subject of what is reported, nor is one after 为/向/给/对 (``为某公司提供“X保险”``:
  it receives).

Word lists: kg/extract/data/launch_verbs.txt, anaphora.tsv; kg/relations/data/relation_cues.tsv.
"""

from __future__ import annotations

import re

from kg.model import Mention, Relation
from kg.util.resources import table, words
from kg.util.sentences import sentence_start, sentences
from kg.util.spans import occurrences
from .common import ORGS, PLACES, Sentence, coordinated, coordinated_orgs, cues, rel

__all__ = ["runs"]


def runs(s: Sentence) -> list[Relation]:
    """runs / takesPlaceIn of the initiatives a launch verb of the sentence ties to an actor."""
    return _runs(s.article, s.text, s.inside, s.evidence, s.mentions, s.enterprises)


def _sentence_start(text: str, start: int) -> int:
    """Start of the full sentence (after 。！？ or a line break, not ；) that the clause at ``start`` belongs to."""
    return sentence_start(text, start, semicolons=False)


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
    full = _sentence_start(text, s_start)
    if any(m.cls in ORGS | PLACES | {"Person"} and full <= m.start < v for m in all_mentions):
        return None
    if full == 0:
        return None
    head = text[_sentence_start(text, full - 1):full].lstrip(" “\n")
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
    out: list[Relation] = []
    initiatives = [m for m in inside if m.cls == "Initiative"]
    if not initiatives:
        return out
    orgs = [m for m in inside if m.cls in ORGS]
    if enterprises is None:  # relations() passes them, computed once per article rather than per sentence
        enterprises = [m for m in all_mentions if m.cls == "Enterprise"]
    regions = [m for m in inside if m.cls in PLACES]  # a region or a venue "launches" nothing: it hosts
    for verb in words("launch_verbs.txt") + cues("runs"):
        for v, _ in occurrences(verb, text, evidence[0], evidence[1]):
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
                full = _sentence_start(text, evidence[0])
                named = [m for m in all_mentions if m.cls in ORGS and full <= m.start and m.end <= evidence[0]]
                company = _company_word(text, full, evidence[0], named, enterprises, all_orgs)
                if company is not None:
                    evidence = (full, evidence[1])
            if company is None and not org_before and not reg_before and target in after:
                company = _previous_subject(text, evidence[0], v, all_mentions)
            parties = _both_parties(text, evidence[0], v, all_mentions) \
                if company is None and not org_before and not reg_before and target in after else []
            if company is not None:
                out.append(rel(article, "runs", company, target, evidence, confidence=0.6, extractor="coref"))
            elif parties:  # 甲与乙签署协议，双方将联合实施“X”: both run it
                out += [rel(article, "runs", p, target, evidence, confidence=0.6, extractor="coref") for p in parties]
            elif org_before:
                for runner in _runners(text, orgs, org_before[-1], evidence):
                    out.append(rel(article, "runs", runner, target, evidence, confidence=conf))
            elif reg_before and v - reg_before[-1].end <= 12 and "，" not in text[reg_before[-1].end:v]:
                for r in coordinated(text, regions, reg_before[-1]):
                    out.append(rel(article, "takesPlaceIn", target, r, evidence, confidence=conf))
    return out


def _after_speech(text: str, start: int, v: int) -> int:
    """Where the clause after the last ``…介绍，`` / ``…表示：`` before ``v`` begins (``start`` when there is none)."""
    best = start
    for cue in cues("speech"):
        for m in re.finditer(re.escape(cue) + "[，,：:]", text[start:v]):
            best = max(best, start + m.end())
    return best


def _runners(text, orgs, last, evidence) -> list[Mention]:
    """``last`` with the organisations coordinated with it (A、B和C), and the sentence's subject when ``last`` is
    introduced by 与/同/会同 (A今年将与B合作开设 -> A and B)."""
    found = coordinated_orgs(text, orgs, last.end)
    head = text[max(evidence[0], last.start - 2):last.start]
    if head.endswith(_WITH):
        first = next((o for o in orgs if o.start >= evidence[0]), None)
        if first is not None and first.end <= last.start and first not in found:
            found += coordinated_orgs(text, orgs, first.end, forward=True)
    return found


_WITH = ("与", "同", "会同", "联合", "携手")
_RECIPIENT = tuple("为向给对")  # an organisation right after one of these receives or undergoes the action
