"""How far left a name ending in a head word reaches: one rule per kind of head (the rule column of heads.tsv),
called by :func:`kg.extract.finders.suffix_candidates` with the head's start ``hs`` and end ``e``.

Each rule returns a :class:`kg.extract.rules.Candidate` or None (no name ends here). ``units`` maps the end of each
region or township mention to its start, ``full`` holds the full region names, ``parents`` the ends of names a
branch written right after them belongs to. :func:`left_trim` moves the left edge of a name found past a
function word or a description inside it.
"""

from __future__ import annotations

import re

from functools import lru_cache

from kg.util.resources import words
from kg.extract.ner import learned
from .rules import Candidate, Doc, is_han, rules
from .stems import (
    hard_before,
    joined_stem,
    left_words,
    level_char,
    name_string,
    namey,
    not_generic,
    place_start,
    plain_stem,
    trim_far,
    unit_common_word,
)

__all__ = ["RULES", "REGISTERED", "STRONG_COMPANY", "after_descriptor", "is_country", "left_trim"]


def _chain_start(units: dict[int, int], p: int) -> int:
    """Start of the run of adjacent region/township mentions ending at ``p`` (``p`` if none)."""
    while p in units:
        p = units[p]
    return p


def _prefix(d: Doc, units: dict[int, int], p: int) -> int:
    """Extend a government or party name to the left over the nearest region (only: 湖南省岳阳市科技局 gives
    岳阳市科技局), a level word or a national prefix."""
    if p in units:
        return units[p]
    if level_char(d, p):
        return p - 1
    for w in rules().agency_prefixes:
        if d.text.startswith(w, p - len(w)) and p - len(w) in d.starts:
            return p - len(w)
    return p


def _township(d, hs, e, cls, units, full, parents):
    if unit_common_word(d, hs, e):
        return None
    got = _township_at(d, hs, e, cls, units)
    return None if got is None or _verb_or_time(d, got.start, hs) or two_regions(d, got.start, e, units) else got


def two_regions(d: Doc, s: int, e: int, units: dict[int, int]) -> bool:
    """Is text[s:e] two regions the gazetteer knows, a province or prefecture (or a full name) and then a region
    whose name merely ends in a head character (浙江 + 桐乡, 六安 + 固镇, 上海 + 浦东新区)? Then it is a chain of two,
    which the gazetteer finds, not one township or zone named 浙江桐乡 (tests/gold/README.md, policy 5). The two
    meet at a word boundary or where the gazetteer found the first (``units``: ends -> starts; 上海浦东新区 is one
    jieba word)."""
    from .stems import weak_region

    text, regions = d.text, rules().regions
    if text[s:e] in regions:
        return False
    for u in range(s + 2, e - 1):
        if text[s:u] in regions and text[u:e] in regions and (u in d.cuts or units.get(u) == s) and not weak_region(d, text[s:u]):
            return True
    return False


def _verb_or_time(d, s: int, hs: int) -> bool:
    """A stem holding a time word or a verb of two characters or more (今天 + 开村, 举行 + 开村): a clause, no
    township name."""
    k = d.token_at(s)
    while k < len(d.tokens) and d.tokens[k][0] < hs:
        ts, te, w = d.tokens[k]
        k += 1
        if ts >= s and te <= hs and len(w) >= 2 and (d.tag(w) or "")[:1] in ("t", "v"):
            return True
    return False


def _township_at(d, hs, e, cls, units):
    text = d.text
    # right after a region or another township (某某街道青石社区, 东湖街道新桥社区): strong evidence
    for p in range(hs - 2, max(hs - 5, -1), -1):
        if p in units and (plain_stem(d, p, hs) or text[p:hs] in rules().regions):
            if text[p] in _AND and hs - p >= 3 and plain_stem(d, p + 1, hs):
                return Candidate(p + 1, e, cls, "suffix", 0.85)  # 某乡 + 和 + 某某乡: a list of two, no chain
            return _after_unit(d, p, hs, e, units) or Candidate(p, e, cls, "suffix", 0.85)
    toks = left_words(d, hs, 5)
    for i, (s, _, _) in enumerate(toks or ()):
        stem = text[s:hs]
        if hs - s >= 2 and namey(d, toks[: i + 1]) and plain_stem(d, s, hs) and not _has_unit_char(stem):
            return _after_unit(d, s, hs, e, units) or Candidate(s, e, cls, "suffix", 0.75)
    for p in (hs - 2, hs - 3):  # 。丰乐镇, 打造了月形山村: a short unknown name after a hard boundary
        if p >= 0 and p in d.starts and hard_before(d, p) and name_string(d, p, hs, strict=True) \
                and not _has_unit_char(text[p:hs]):
            return Candidate(p, e, cls, "suffix", 0.7)
    return None


_NAME_TAGS = ("nr", "ns", "nrt", "nz")
_UNIT_ENDS = (*"省市县区旗镇乡村", "街道", "社区")  # a region written in full (北京 of 北京路社区 is part of its name)
_AND = "和与及或"  # conjunctions: after a region they begin the next item of a list (某乡和某某乡)


def _after_unit(d, s: int, hs: int, e: int, units) -> Candidate | None:
    """The township alone when its stem text[s:hs] begins with a region or township found before it (某县 + 某乡,
    某镇 + 某村, 某市 + 某某村 whose stem the rules take for no name alone: one character, or 诸 of 诸葛): a chain
    of two, as the real gold writes it (tests/gold/README.md, policy 5); None when there is none, or when the rest
    and the head are a word of the dictionary (某县 + 城乡, 某镇 + 农村: no township's name)."""
    text = d.text
    inner = max((u for u in units if s < u < hs and units[u] == s and text.endswith(_UNIT_ENDS, s, u)), default=None)
    if inner is None or not all(is_han(ch) for ch in text[inner:hs]) or text[inner] in _AND \
            or text[inner] in rules().stop or text[inner:e] in d.info and d.tag(text[inner:e]) not in _NAME_TAGS:
        return None
    return Candidate(inner, e, "AdministrativeRegion", "suffix", 0.8)


def _has_unit_char(stem: str) -> bool:
    return any(ch in "镇乡村" for ch in stem) or "街道" in stem or "社区" in stem


def _zone(d, hs, e, cls, units, full, parents):
    toks = left_words(d, hs, 4)
    if toks is None:
        return None
    for i, (s, _, _) in enumerate(toks):
        if hs - s >= 2 and (namey(d, toks[: i + 1]) or name_string(d, s, hs)) and not_generic(toks[: i + 1]):
            if two_regions(d, s, e, units):
                return None  # 上海 + 浦东新区: two regions, found by the gazetteer
            return Candidate(s, e, cls, "suffix", 0.8 if s in units else 0.7)
    if hs in units:
        return Candidate(_chain_start(units, hs), e, cls, "suffix", 0.8)
    return None


def _agency_core(d, hs, units) -> int | None:
    r = rules()
    for length in r.stem_lens:
        c0 = hs - length
        if c0 >= 0 and d.text[c0:hs] in r.agency_stems:
            if c0 in d.starts or c0 in units or level_char(d, c0):
                return c0
            return None
    return joined_stem(d, hs, units)


def _agency(d, hs, e, cls, units, full, parents):
    c0 = _agency_core(d, hs, units)
    if c0 is None:
        return None
    start = _prefix(d, units, c0)
    return Candidate(start, e, cls, "suffix", 0.85) if start < c0 else None


def _ministry(d, hs, e, cls, units, full, parents):
    c0 = _agency_core(d, hs, units)
    return None if c0 is None else Candidate(_prefix(d, units, c0), e, cls, "suffix", 0.8)


def _body(d, hs, e, cls, units, full, parents):
    party = _party_stem(d, hs) if cls == "GovernmentBody" else None
    if party is not None:
        return Candidate(party, e, cls, "suffix", 0.8)
    toks = left_words(d, hs, 12, verbs=True)
    for i, (s, _, _) in enumerate(toks or ()):
        national = cls == "GovernmentBody" and _national_before(d, s) and _plain_nouns(d, toks[: i + 1])
        if hs - s >= 2 and (s in units or level_char(d, s) or national) and not_generic(toks[: i + 1]):
            return Candidate(_home_region(d, units, _prefix(d, units, s)), e, cls, "suffix", 0.8)
    joint = _between_states(d, hs) if cls == "GovernmentBody" else None
    return None if joint is None else Candidate(joint, e, cls, "suffix", 0.8)


_PARTY_STEM = re.compile(r"党的[\u4e00-\u9fff]{4,14}$")  # (not 党的 + 临时 + 领导小组: a kind of group)
_NO_STEM_TAGS = ("c", "p", "u", "r", "d", "t", "f", "x")  # conjunctions, prepositions, particles, pronouns, adverbs, times,
# locatives (党的十八大 + 以来 + 中央某某领导小组: since the congress, the body named after it)


def _party_stem(d: Doc, hs: int) -> int | None:
    """The start of 党的 + a body's stem of content words before the head at ``hs`` (党的 + 群众路线教育实践活动 +
    领导小组, 党的 + 十九届中央纪律检查 + 委员会: the party's own body, named with 党的; about 200 times in the
    corpus, missed: the stem has no region, level or national prefix; org18), else None. No conjunction, preposition
    or particle inside the stem (党的全国代表大会和中央委员会: two bodies), no verb before a committee (党的二十大选举产生
    + 委员会: a clause). The class is the party's (org_classes.tsv: 党的)."""
    m = _PARTY_STEM.search(d.text, max(0, hs - 16), hs)
    if m is None or m.start() not in d.starts or m.start() + 2 not in d.cuts | d.starts:
        return None
    head = d.tokens[d.token_at(hs)][2]
    for s, e, w in d.tokens[d.token_at(m.start() + 2):d.token_at(hs - 1) + 1]:
        tag = d.tag(w) or "n"
        if s >= m.start() + 2 and (tag.startswith(_NO_STEM_TAGS) or (tag == "v" and head.endswith("委员会"))):
            return None
    return m.start()


_HOME_REGIONS = ("香港", "澳门", "台湾")  # regions whose societies are named after where their members come from


def _home_region(d: Doc, units: dict[int, int], start: int) -> int:
    """The start of a body's name that begins with a region: over Hong Kong, Macao or Taiwan right before that
    region too (香港 + 福建社团联会, 澳门 + 江苏联谊会: a society of people from one province in the SAR, named
    after both; a chain of a province and its city keeps only the nearest, as before; org18)."""
    if start in units and d.text[units[start]:start] in _HOME_REGIONS:
        return units[start]
    return start


def _plain_nouns(d: Doc, toks) -> bool:
    """Are the stem's words all nouns (no verb, adverb, pronoun or function word: 国务院 + 有关 + 部门 + 即派 +
    工作组 is a clause, no name)? A national prefix makes a name only of such a stem (not of 国家 + 某某 +
    中心 either, often a kind of centre: only government bodies take it)."""
    return all((d.tag(w) or "n") in ("n", "nz", "nt", "j", "ns") for _s, _e, w in toks)


_BETWEEN_STATES = re.compile(r"(?:政府间|双边)[\u4e00-\u9fff]{0,8}$")  # 政府间 + 合作 + 委员会, 双边 + 合作指导 + 委员会
def _state_pair(d: Doc, w: str) -> bool:
    """Are the two characters ``w`` two states' short forms (中越, 越中, 中白): China's and a country initial, or a
    word with 中 that jieba does not know or tags a short form or place (中白, 中哈)?"""
    if not all(is_han(ch) for ch in w) or "中" not in w:
        return False
    return all(ch == "中" or ch in words("country_initials.txt") for ch in w) or d.tag(w) in (None, "j", "ns")


_JOINT_TAGS = ("n", "nz", "nt", "j", "ns", "vn", "b")  # 合作, 协调, 高级别: nouns, no verb, adverb or function word


def _between_states(d: Doc, hs: int) -> int | None:
    """The start of a body's stem that begins with a word for what two states share (政府间, 双边) at a word start and
    holds only nouns after it up to the head at ``hs`` (no verb or adverb: a clause), else None. Such a body is two
    governments' joint one, a name though no region, level or national prefix precedes it (政府间合作委员会,
    双边合作指导委员会: about 100 times in the corpus, none with a prefix the other rules know; issue #13, org18).
    A country pair before it (中某 + 政府间合作委员会) makes the pair's longer name, which the overlaps keep."""
    m = _BETWEEN_STATES.search(d.text, max(0, hs - 12), hs)
    if m is None or m.start() not in d.starts:
        return None
    p = m.start() + (3 if d.text.startswith("政府间", m.start()) else 2)
    if p not in d.starts and not any(s < p < e and w.startswith(("双边", "政府间")) for s, e, w in d.tokens):
        return None
    for s, e, w in d.tokens[d.token_at(p):d.token_at(hs - 1) + 1] if p < hs else ():
        if s >= p and (d.tag(w) or "n") not in _JOINT_TAGS:
            return None
    a = m.start()
    if a >= 2 and a - 2 in d.starts and _state_pair(d, d.text[a - 2:a]):
        return a - 2  # 中某 + 双边合作指导委员会 (中 + 越, 中白 as jieba cuts them): the pair's body
    if a == 0:
        return a
    w = d.tokens[d.token_at(a - 1)][2]
    if all(is_han(ch) for ch in w) and (d.tag(w) or "x")[:1] == "n":
        return None  # 某组织 + 保护某某遗产 + 政府间委员会: the end of a longer name the rule cannot bound
    return m.start()


def _national_before(d: Doc, p: int) -> bool:
    """Does a national prefix (agency_prefixes.txt: 国家, 中央, 国务院) end at ``p`` as a word of its own, so that a
    body's free stem after it is a national body's name (国家 + 民族事务 + 委员会, one dictionary word that no
    region or level word begins; org17)?"""
    return any(d.text.startswith(w, p - len(w)) and p - len(w) in d.starts for w in rules().agency_prefixes)


def _whole(d, hs, e, cls, units, full, parents):
    start = _prefix(d, units, hs)
    if start < hs:
        return Candidate(start, e, cls, "suffix", 0.85)
    return None


def _alone(d, hs, e, cls, units, full, parents):
    if hs not in d.starts:
        return None
    return Candidate(_prefix(d, units, hs), e, cls, "suffix", 0.85)


def _party(d, hs, e, cls, units, full, parents):
    if hs in units:  # 某某镇党委, 某某社区党委
        return Candidate(units[hs], e, cls, "suffix", 0.85)
    toks = left_words(d, hs, 12, verbs=True)
    if not toks or (d.tag(toks[0][2]) or "").startswith("v") and d.tag(toks[0][2]) != "vn":
        return None  # 重大决策请示党委: a unit ends in a noun
    pos = hs
    unit: list = []
    for s, te, w in toks:
        verb = (d.tag(w) or "").startswith("v") and d.tag(w) != "vn" and s not in units
        if unit and verb and (not not_generic(unit) or _body_name(d.text[pos:hs])):
            break  # 作为 + 上级党组织: a verb before generic unit words ends them (not 预制 + 菜产业链党支部), and
            # before a body's name (听取 + 某某院党组: the body's party group)
        unit.append((s, te, w))
        pos = s
        if pos in units:
            pos = units[pos]
            break
    has_region = pos < unit[-1][0] or any(t[1] in units and t[1] <= hs for t in unit)
    if not (not_generic(unit) or has_region):
        return None
    return Candidate(pos, e, cls, "suffix", 0.8)


def _body_name(name: str) -> bool:
    """Is ``name`` a body's whole name: a head word alone (国务院, 全国政协), a name ending in one, or a known body?"""
    from .known_bodies import known_class

    return name in rules().heads or learned.head_class(name) is not None or known_class(name) is not None


def _party_region(d, hs, e, cls, units, full, parents):
    r = rules()
    for length in range(min(hs, 10), 1, -1):
        name = d.text[hs - length:hs]
        if name in r.regions and hs - length in d.starts:
            return Candidate(hs - length, e, cls, "suffix", 0.85)
    if hs in units:
        return Candidate(units[hs], e, cls, "suffix", 0.85)
    if e - hs > 2 and hard_before(d, hs):  # 省委宣传部: a definite body of the level named
        return Candidate(hs, e, cls, "suffix", 0.8)
    if hard_before(d, hs) and any(d.text.startswith(w, e) for w in ("书记", "副书记")):
        return Candidate(hs, e, cls, "suffix", 0.75)  # ，省委书记某某: the body whose post is named
    if hard_before(d, hs) and hs in d.starts and e in d.ends:
        return Candidate(hs, e, cls, "suffix", 0.75)  # 省委、省政府: the level's committee as a word of its own
    return None


STRONG_COMPANY = ("有限公司", "股份有限公司", "有限责任公司", "集团有限公司", "集团股份有限公司")


def _strip_regions(toks, full):
    """Drop leading full-form regions (岳阳市, 屈原管理区): they locate a name, they are not part of it."""
    while toks:
        k = 0
        for j in range(len(toks)):
            if (toks[0][0], toks[j][1]) in full:
                k = j + 1
        if not k:
            break
        toks = toks[k:]
    return toks


# heads of a registered name, whose region prefix is part of the name (深圳市某某科技有限公司, 某某镇某某专业合作社)
REGISTERED = STRONG_COMPANY + ("合作社", "专业合作社")


def _company(d, hs, e, cls, units, full, parents):
    found = _company_name(d, hs, e, cls, full)
    if found is None and _known_company(d, hs, e) is not None:
        return Candidate(_known_company(d, hs, e), e, cls, "suffix", 0.8)
    return found


def _company_name(d, hs, e, cls, full):
    toks = left_words(d, hs, 24)
    if not toks:
        return None
    toks = _strip_regions(toks[::-1], full)  # far to near
    g = rules().generic
    # 民营企业某某集团: a description before the name (but 中国 in 中国某某银行 is part of it)
    while toks and toks[0][2] in g and d.tag(toks[0][2]) != "ns" and namey(d, toks[1:]):
        toks = _strip_regions(toks[1:], full)
    if not toks or hs - toks[0][0] < 2 or d.text[toks[0][0]:e] in STRONG_COMPANY:  # 股份 + 有限公司: no name
        return None
    if any(_located(d, s, w) for s, _, w in toks):
        return None
    head = d.text[hs:e]
    if head in STRONG_COMPANY:
        ok = not_generic(toks)
    else:
        toks = trim_far(d, toks)
        ok = (namey(d, toks) or name_string(d, toks[0][0], hs, strict=True)) and not_generic(toks)
    if not ok:
        return None
    return Candidate(toks[0][0], e, cls, "suffix", 0.9 if head in STRONG_COMPANY else 0.75)


def _located(d, s: int, w: str) -> bool:
    """Is the word ``w`` at ``s`` one that says where or which one, no part of a company's name: the numeral 一
    standing alone right after a place (某国 + 一 + 烟花厂: "a fireworks factory in ..."; 一汽, 一重 are words of
    their own, 三 + 一 + 重工 follows no place) or a place word of the inside of an area (国内, 境内, 岛内, 当地:
    某国 + 国内 + 大型电信公司)? Issue #13: such descriptions of an unnamed company in foreign news were read as
    its name."""
    if w == "一":
        before = d.tokens[d.token_at(s - 1)][2] if s > 0 else ""
        return d.tag(before) == "ns" or before in rules().regions or is_country(before)
    return d.tag(w) == "s" and (w.endswith("内") or w == "当地")


def _known_company(d, hs, e) -> int | None:
    """Start of a bank's name that is one dictionary word jieba tags as an organisation name (nt: 建设银行,
    招商银行), when its stem is no generic word or national prefix (商业银行, 中央银行): bank names are
    mostly common words the stem rules turn down. (For 公司, 集团, 厂 the same dictionary holds many generic
    words, 公交公司, 加工厂, so they are left to the stem rules.)"""
    s, te, w = d.tokens[d.token_at(e - 1)]
    if te != e or s >= hs - 1 or d.tag(w) != "nt" or s not in d.starts or d.text[hs:e] != "银行":
        return None
    stem = d.text[s:hs]
    r = rules()
    if stem in r.generic or stem in r.agency_prefixes or stem in r.regions or is_country(stem):
        return None
    k = d.token_at(s - 1) if s > 0 else -1
    if k >= 0 and is_country(d.tokens[k][2]):  # 中国 + 某某发展银行: the country is part of the name
        return d.tokens[k][0]
    return s


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    return frozenset(words("countries.txt"))


def is_country(name: str) -> bool:
    """Is ``name`` one of the country names of kg/extract/data/countries.txt?"""
    return name in _country_names()


def _bureau_branch(d, hs, e, cls, units, full, parents):
    """<bureau><region>分局 (某市公安局某某分局): one name, the bureau's branch for that district."""
    p = _chain_start(units, hs)
    if p < hs and p in parents:
        return Candidate(parents[p], e, cls, "suffix", 0.85)
    return _agency(d, hs, e, cls, units, full, parents)


def _branch(d, hs, e, cls, units, full, parents):
    p = _chain_start(units, hs)
    if p < hs and p in parents:
        return Candidate(parents[p], e, cls, "suffix", 0.9)
    return _company(d, hs, e, cls, units, set(), parents)


def _org(d, hs, e, cls, units, full, parents):
    if hs >= 1 and d.text[hs - 1] in "省市县区" and e - hs >= 2 and d.tokens[d.token_at(hs - 1)][:2] == (hs - 1, e):
        return Candidate(hs - 1, e, cls, "suffix", 0.75)  # 省农科院 as one dictionary word: 省 + 农科院
    toks = left_words(d, hs, 12)
    if toks is not None and (not toks or hs - toks[-1][0] < 2):
        if level_char(d, hs) and e - hs >= 2 and hard_before(d, hs - 1):  # 市总工会, 省妇联
            return Candidate(hs - 1, e, cls, "suffix", 0.75)
        return None
    toks = _short_of_post(toks or [])
    if not toks:
        return None
    # the farthest start whose stem looks like a name; of a leading chain of regions only the nearest stays
    # (赣州市南康区某某协会 -> 南康区某某协会, as for government bodies)
    for i in range(len(toks) - 1, -1, -1):
        stem = toks[: i + 1]
        if hs - stem[-1][0] >= 2 and (namey(d, stem) or _large_region_stem(d, stem, hs, e)) and not_generic(stem):
            stem = trim_far(d, stem[::-1])
            start = stem[0][0]
            ends = {b: a for a, b in units.items()}  # start -> end of each region mention
            while start in ends and ends[start] in ends and ends[ends[start]] <= hs:
                start = ends[start]
            return Candidate(_known_after_place(d, start, hs, e), e, cls, "suffix", 0.8)
    return None


def _large_region_stem(d: Doc, stem: list, hs: int, e: int) -> bool:
    """A large region named whole and a field word before 大学 or 学院 (东北 + 林业 + 大学, 西南 + 交通 + 大学, 华北 +
    电力 + 大学): a university named after its region (place_words.tsv, kind ``whole``); not a landform (某某 +
    平原 + 学院)."""
    from .orgclass import region_whole

    field = stem[0][2]
    return len(stem) == 2 and d.text[hs:e] in _UNIVERSITY and region_whole(stem[-1][2]) and len(field) >= 2 \
        and all(is_han(c) for c in field) and field[-1] not in words("landform_chars.txt")


_UNIVERSITY = ("大学", "学院")


def _short_of_post(toks: list) -> list:
    """The words of a stem (near to far) up to the nearest title or post (rules().cue_before: posts.txt,
    title_cues.tsv): a name runs over none (某论坛 + 理事长 + 某某 + 代表 + 理事会 names the council of whoever
    stands before the title, no body "论坛理事长某某代表理事会"; org17, 1,500 unread stories)."""
    before = rules().cue_before
    for i, (_s, _e, w) in enumerate(toks):
        if w in before or w.endswith("届"):  # 某学会 + 新一届 + 理事会: the body's council of a term, the body stands
            return toks[:i]
    return toks


def _known_after_place(d: Doc, start: int, hs: int, e: int) -> int:
    """Start of a well-known body (known_bodies.tsv) that ends the name when only a place's name stands before it
    (布鲁塞尔 + 欧洲理事会 + 总部: the council at its seat, no body of that city; org17): else ``start``."""
    from .foreign_regions import is_foreign_place
    from .known_bodies import known_class

    for p in range(start + 1, hs):
        if p in d.starts and known_class(d.text[p:e]) and (d.text[start:p] in rules().regions
                                                           or is_foreign_place(d.text[start:p])):
            return p
    return start


_COUNTS = ("一", "两", "几", "这", "那", "该")


def _place(d, hs, e, cls, units, full, parents):
    toks = left_words(d, hs, 10)
    if not toks:
        return None
    toks = _strip_regions(toks[::-1], full)[::-1]  # near to far
    for i in range(1, len(toks)):  # 某地 + 一 + 大型 + 购物中心: a count and a kind, no name, before the head
        if toks[i][2] in _COUNTS and d.tag(toks[i - 1][2]) in ("a", "b"):
            toks = toks[:i]
            break
    for i in range(len(toks)):  # 某地 + 最长 + 公路隧道: a superlative describes the place, no name before it
        if toks[i][2].startswith("最"):
            toks = toks[:i]
            break
    for i in range(len(toks)):  # the shortest stem that looks like a name
        stem = toks[: i + 1]
        if hs - stem[-1][0] >= 2 and namey(d, stem) and not_generic(stem):
            return Candidate(place_start(d, toks, i), e, cls, "suffix", 0.75)
    return None




RULES = {
    "township": _township,
    "zone": _zone,
    "agency": _agency,
    "ministry": _ministry,
    "body": _body,
    "whole": _whole,
    "alone": _alone,
    "party": _party,
    "partyregion": _party_region,
    "company": _company,
    "branch": _branch,
    "bureaubranch": _bureau_branch,
    "org": _org,
    "place": _place,
}


# ---------------------------------------------------------------- names known from their neighbours


# ---------------------------------------------------------------- the left edge of a name found


_TRIMMED = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization", "Place")
# words that open a topic before a name (有关 + 某某博物馆, 关于 + 某某公司): no part of it
_TOPIC_WORDS = ("有关", "关于", "对于", "针对")


def left_trim(d: Doc, c: Candidate) -> Candidate:
    """A suffix name never starts before a pronoun, preposition or particle inside it, nor before one that jieba
    glued to the next character (他 + 当村 + 党支部, 一审 + 由县 + 纪委 -> 村党支部, 县纪委), nor before a verb that
    makes a clause (clause_verbs.txt: 某队 + 战胜 + 某队, 某人 + 获聘 + 某会): it starts after it.
    A company or organisation name starts after a description (企业, 媒体, 东道主: :func:`after_descriptor`)."""
    text = d.text
    head = learned.head_word(text[c.start:c.end])
    zone = head is not None and rules().heads[head][1] == "zone"  # 至 + 某某新区: a special zone too
    if c.extractor != "suffix" or c.cls not in _TRIMMED and not zone:
        return c
    from .merge_model import clause_verbs

    hs = c.end - len(head) if head else c.end
    cut = c.start
    k = d.token_at(c.start + 2 if text.startswith("党的", c.start) else c.start)  # 党的 + 某某领导小组: the party's
    while k < len(d.tokens) and d.tokens[k][1] <= hs:
        s, e, w = d.tokens[k]
        k += 1
        if w in clause_verbs() and e > c.start:  # 某队 + 战胜 + 某队, 某人 + 参观 + 某中心: a clause before the name
            cut = e
        elif s < c.start:
            continue
        elif _function_word(d, w) or w in _TOPIC_WORDS:
            cut = e
        elif w not in d.info and e - s >= 2 and _function_word(d, w[0]):
            cut = s + 1
    if c.cls in ("Enterprise", "Organization"):
        cut = max(cut, after_descriptor(d, c.start, hs))
    cut = max(cut, _known_after_verb(d, c))
    if cut == c.start or c.end - cut < 3 or hs - cut < 1:
        return c
    return Candidate(cut, c.end, c.cls, c.extractor, c.confidence, c.code)


_ON_BEHALF = "代表"  # 某人 + 代表 + 某会: on behalf of the body (代表团, 代表大会, 人大代表 are other words)


def _known_after_verb(d: Doc, c: Candidate) -> int:
    """Start of a body's name the dictionary knows whole (a word tagged nt: 某某总工会, 某某队) that ends the name found,
    when a verb or 代表 (on behalf of) stands right before it inside the name (某人 + 代表 + 某某总工会, 反击 + 威胁 +
    某队): the name is that word; else the name's start."""
    k = d.token_at(c.end - 1)
    s, e, w = d.tokens[k]
    if e != c.end or s <= c.start or len(w) < 3 or d.tag(w) != "nt" or k == 0:
        return c.start
    ps, _pe, pw = d.tokens[k - 1]
    return s if ps >= c.start and (pw == _ON_BEHALF or (d.tag(pw) or "") in ("v", "vn")) else c.start


_DESCRIPTIONS = ("企业", "媒体", "东道主", "机构", "运营商")  # last words of a description before a name (龙头企业,
# 官方媒体, 东道主, 评级机构, 电信运营商)


def after_descriptor(d: Doc, start: int, hs: int) -> int:
    """End of a description before a company's or an organisation's own name (龙头企业, 高新技术企业 + 某某科技有限
    公司; 官方媒体 + 某国通讯社; 东道主 + 某国队): the last word ending in 企业 or 媒体, or 东道主, inside the stem
    that a name-like rest follows (a region, a brand jieba does not know). 企业管理有限公司 keeps its 企业: what
    follows it there is a common word."""
    cut = start
    k = d.token_at(start)
    while k < len(d.tokens) and d.tokens[k][1] < hs - 1:
        s, e, w = d.tokens[k]
        k += 1
        if s >= start and w.endswith(_DESCRIPTIONS):
            rest = [t for t in d.tokens[k:d.token_at(hs - 1) + 1] if t[0] < hs]
            first = (rest[0][0], min(rest[0][1], hs), d.text[rest[0][0]:min(rest[0][1], hs)]) if rest else None
            if first and (namey(d, [first]) or d.tag(first[2]) == "ns"):  # a brand, a region, a country
                cut = e
    return cut


def _function_word(d: Doc, w: str) -> bool:
    tag = d.tag(w) or ""
    return (tag[:1] in ("p", "r", "u") or (len(w) == 1 and w in rules().stop)) and w not in ("和", "与", "及")
