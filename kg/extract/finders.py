"""Finders of names in a text: gazetteer regions, names ending in a head word (heads.tsv; how far each reaches
left: :mod:`kg.extract.head_rules`), names known from their neighbours, short brand names.

Each takes a :class:`kg.extract.rules.Doc` and returns overlapping :class:`kg.extract.rules.Candidate` spans; kg.extract.mentions makes
them non-overlapping. Word lists come from kg/data/ through :func:`kg.extract.rules.rules`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.util.resources import words
from .head_rules import REGISTERED, RULES, STRONG_COMPANY, is_country
from .rules import Candidate, Doc, is_han, rules
from .stems import (
    common_region_word,
    is_full_region,
    name_string,
    weak_region,
)

__all__ = ["REGISTERED", "STRONG_COMPANY", "after_township", "brand_enterprises", "coordinated", "country_before",
           "country_pattern",
           "country_hits", "foreign_countries", "is_country", "region_hits", "suffix_candidates"]


def _chain_word(d: Doc, i: int) -> list[tuple[int, int, str]]:
    """The regions of the one jieba word at ``i`` when it is a chain of two or more, each inside the one before
    (甘肃兰州, 辽宁抚顺, 云南省德宏傣族景颇族自治州: a province and its prefecture, which jieba's dictionary holds
    as one place name): the gazetteer sees no region at a word's edges there, and the word is no foreign region
    (tests/gold/README.md: a region chain gives each region). Not where a part is a county's short form or a common
    word (山东泰山: the mountain)."""
    from .gazetteer import split_chain

    s, e, w = d.tokens[d.token_at(i)]
    if s != i or e - s < 4 or d.tag(w) != "ns" or w in rules().regions:
        return []
    chain = split_chain(w)
    if len(chain) < 2 or any(w[a:b] not in rules().regions or weak_region(d, w[a:b]) for a, b, _r in chain):
        return []
    return [(s + a, s + b, w[a:b]) for a, b, _r in chain]


def region_hits(d: Doc) -> list[tuple[int, int, str | None]]:
    """Gazetteer names at word boundaries: (start, end, code when the name is unambiguous).

    A county's short form (望城) or a short form that is also a common word (白银) is kept only when the
    text also names a region of the same province; ``深圳市场`` gives ``深圳``, not ``深圳市``.
    """
    r = rules()
    text, n = d.text, len(d.text)
    hits = []
    i = 0
    while i < n:
        lens = r.region_first.get(text[i])
        if lens and i in d.starts:
            for length in lens:
                e = i + length
                name = text[i:e]
                if e > n or name not in r.regions:
                    continue
                if e not in d.ends:
                    # 深圳市场, 长沙市民: the level word belongs to the next word; take the short form
                    if e - 1 in d.ends and text[i:e - 1] in r.regions:
                        e -= 1
                        name = text[i:e]
                    else:
                        continue
                hits.append((i, e, name))
                i = e - 1
                break
            else:
                chain = _chain_word(d, i)
                if chain:  # 甘肃兰州, 辽宁抚顺: jieba's one word for a province and its city
                    hits += chain
                    i = chain[-1][1] - 1
        i += 1
    sure: set[str] = set()
    for _, _, name in hits:
        if not weak_region(d, name):
            for reg in r.regions[name]:
                sure.update((reg.code[:2], reg.code[:4]))
    out = []
    strong_end = {e: name for s, e, name in hits if not weak_region(d, name)}
    for s, e, name in hits:
        regs = r.regions[name]
        if weak_region(d, name):
            # a common word (公安, 白银) needs its prefecture named too; a county short form its province;
            # right after its own province or prefecture (湖北 + 某某) either is enough
            common = common_region_word(d, name)
            parent = {reg.code[:n] for reg in r.regions.get(strong_end.get(s, ""), ())
                      for n in (2, 4) if reg.level == ("province" if n == 2 else "prefecture")}
            regs = [reg for reg in regs if (reg.code[:4] if common else reg.code[:2]) in sure
                    or reg.code[:2] in parent or reg.code[:4] in parent]
            if not regs:
                continue
        out.append((s, e, regs[0].code if len(regs) == 1 else None))
        d.regions.add(name)
    return out


@lru_cache(maxsize=1)
def country_pattern() -> re.Pattern[str]:
    """Any country of countries.txt, the longest name first (``words`` sorts them: 几内亚比绍 before 几内亚)."""
    return re.compile("|".join(map(re.escape, words("countries.txt"))))


_CHINA = ("中国", "中华人民共和国")


def foreign_countries(text: str) -> bool:
    """Does ``text`` name a country other than China (kg/extract/data/countries.txt)?"""
    return any(m.group() not in _CHINA for m in country_pattern().finditer(text))


def country_before(text: str, p: int) -> bool:
    """Does a country name end right at ``p``?"""
    return any(m.end() == p for m in country_pattern().finditer(text, max(0, p - 12), p))


def country_hits(d: Doc) -> list[Candidate]:
    """Country names (kg/extract/data/countries.txt) at word boundaries: regions without a code."""
    out = []
    for m in country_pattern().finditer(d.text):
        s, e = m.span()
        if s in d.starts and (e in d.ends or e == len(d.text)):
            out.append(Candidate(s, e, "AdministrativeRegion", "gazetteer", 0.9))
    return out


# ---------------------------------------------------------------- names ending in a head word


def suffix_candidates(d: Doc, regions) -> list[Candidate]:
    """Names ending in a head word of heads.tsv, checked by the head's rule."""
    r = rules()
    text = d.text
    units = {e: s for s, e, _ in regions}  # end -> start of region/township mentions
    full = {(s, e) for s, e, _ in regions if is_full_region(text[s:e])}
    parents: dict[int, int] = {}
    out: list[Candidate] = []
    ending = _head_lens_by_end()
    for e in sorted(d.cuts):
        done = False
        for length in ending.get(text[e - 1:e], ()):  # the lengths of the heads ending in that character
            if done:
                break  # 某某会展中心: the longest head that makes a name decides (no 中心 reading of it)
            if length > e:
                continue
            head = text[e - length:e]
            got = r.heads.get(head)
            if got is None:
                continue
            cls, rule = got
            hs = e - length
            c = RULES[rule](d, hs, e, cls, units, full, parents)
            if c is None:
                if length >= 3 and _bare_word(d, hs, e):
                    break  # 管弦乐队, 军乐团 alone: a bare type word, no 管弦 + 乐队 or 军乐 + 团 reading of it
                continue
            done = True
            out.append(c)
            if cls == "AdministrativeRegion":
                units.setdefault(c.end, c.start)
                full.add((c.start, c.end))
                if hs - c.start >= 2:
                    d.names.add(text[c.start:hs])
            elif cls == "Enterprise" or cls == "GovernmentBody" and text.endswith("局", 0, c.end):
                parents[c.end] = c.start  # what a branch written right after it belongs to
    return out


@lru_cache(maxsize=1)
def _head_lens_by_end() -> dict[str, tuple[int, ...]]:
    """Last character of the head words (heads.tsv) -> their lengths, longest first (as ``rules().head_lens``)."""
    lens: dict[str, set[int]] = {}
    for head in rules().heads:
        lens.setdefault(head[-1], set()).add(len(head))
    return {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lens.items()}


def _bare_word(d: Doc, s: int, e: int) -> bool:
    """Is text[s:e] one word of the text's segmentation, with no name-like word right before it?"""
    if s not in d.starts:
        return False
    k = d.token_at(s)
    return d.tokens[k][1] == e and (k == 0 or (d.tag(d.tokens[k - 1][2]) or "x")[:1] not in "nj")


_LIST_NOUN = {"企业": "Enterprise", "公司": "Enterprise", "单位": "Enterprise", "学校": "Organization",
              "医院": "Organization", "小区": "Place", "市场": "Place", "景区": "Place"}


_LIST_END = re.compile(r"等\s*(?:[0-9一二三四五六七八九十两百]+\s*余?\s*(家|所|个|处))?\s*")


def coordinated(d: Doc, found: list[Candidate]) -> list[Candidate]:
    """Bare names in a 、-list ending in 等 take the class of a named sibling or of the noun after 等N家.

    对碧水华庭、金桂小区等10余个社区 -> 碧水华庭 is a Place like 金桂小区;
    针对某某窑、某某实业等7家单位 -> both are Enterprises.
    """
    text = d.text
    by_span = {(c.start, c.end): c for c in found}
    out = []
    for m in _LIST_END.finditer(text):
        end = m.start()
        items = []
        p = end
        while True:
            q = p - 1
            while q >= 0 and text[q] not in "、，,。；;：:！？!?（）()“”\n ":
                q -= 1
            start = q + 1
            while start < p:  # drop leading function words (对, 针对, 于 ...)
                s, e, w = d.tokens[d.token_at(start)]
                if s != start or e > p or not (w in rules().stop or d.tag(w) in ("p", "c")):
                    break
                start = e
            if p - start < 2:
                break
            items.append((start, p))
            if q < 0 or text[q] != "、":
                break
            p = q
        if len(items) < 2:
            continue
        known = [by_span[i].cls for i in items
                 if i in by_span and by_span[i].cls in ("Place", "Enterprise", "Organization")]
        noun = text[m.end():m.end() + 2]
        cls = known[0] if known else (_LIST_NOUN.get(noun) if m.group(1) else None)
        if cls is None:
            continue
        for s, e in items:
            if (s, e) not in by_span and name_string(d, s, e):
                out.append(Candidate(s, e, cls, "suffix", 0.6))
    return out


_CLAUSE_TAGS = "vadilmf"  # a verb, adjective, adverb, idiom, phrase, number or locative in it: the village's clause
_COMMON_NOUN = 30  # jieba's count from which a noun is a common word (name_shapes.COMMON)


def after_township(d: Doc, found: list[Candidate]) -> list[Candidate]:
    """A bare name right after a community or village and before a comma: a residential compound (Place). The
    name has at most six characters and jieba cannot cut it into known words, none of them a verb, adjective,
    adverb, idiom, number, locative or common noun (某村 + 游人如织, 某社区 + 如期举行, 某村 + 党支部书记某某:
    the rest of the clause, no name)."""
    text = d.text
    starts = {c.start for c in found}
    out = []
    for c in found:
        if c.cls != "AdministrativeRegion" or not text.endswith(("社区", "村"), 0, c.end):
            continue
        p = c.end
        if p in starts:
            continue
        q = p
        while q < len(text) and q - p <= 8 and is_han(text[q]):
            q += 1
        if q < len(text) and text[q] in "，," and q in d.ends and q - p <= 6 and name_string(d, p, q) \
                and _unknown_words(d, p, q):
            out.append(Candidate(p, q, "Place", "suffix", 0.6))
    return out


def _unknown_words(d: Doc, p: int, q: int) -> bool:
    """Does jieba fail to cut text[p:q] into known words (an unknown word in it, or two single characters), none of
    them a verb, adjective, adverb, idiom, phrase or number?"""
    words = [w for _, _, w in d.tokens[d.token_at(p):d.token_at(q - 1) + 1]]
    if any((d.tag(w) or "x")[:1] in _CLAUSE_TAGS or len(w) > 1 and d.tag(w) == "n" and d.freq(w) >= _COMMON_NOUN
           for w in words):
        return False  # (村民 + 某某: a common noun, a person next)
    return any(len(w) > 1 and w not in d.info for w in words) or sum(len(w) == 1 for w in words) >= 2


# ---------------------------------------------------------------- short brand names: 某地某某燃气


def brand_enterprises(d: Doc, regions) -> list[Candidate]:
    """<region short form><1-3 char brand><industry word> used more than once (or before a post word)."""
    r = rules()
    text = d.text
    found: dict[str, list[tuple[int, int]]] = {}
    for s, e, _ in regions:
        if is_full_region(text[s:e]):
            continue
        for b in (1, 2, 3):
            brand = text[e:e + b]
            if len(brand) < b or not all(is_han(ch) for ch in brand):
                break
            if brand in r.regions or brand in r.generic or d.freq(brand) >= 100 or brand[-1] == "区":
                continue  # (某地 + 试验区 + 建设: an area of the place, its building; no brand ends in 区)
            for ind in r.industry:
                end = e + b + len(ind)
                if text[e + b:end] == ind and end in d.ends:
                    found.setdefault(text[s:end], []).append((s, end))
    out = []
    for name, spans in found.items():
        strong = len(spans) >= 2 or any(any(text.startswith(w, end) for w in r.cue_before) for _, end in spans)
        if strong:
            out += [Candidate(s, end, "Enterprise", "suffix", 0.7) for s, end in spans]
    return out
