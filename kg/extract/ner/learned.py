"""Candidates from the learned NER model (:mod:`kg.extract.ner.network`), turned into ontology classes and cleaned by general
rules: administrative chains split with the gazetteer, organisations typed by their head word (heads.tsv),
list and conjunction glue cut (应急管理部、水利部; 张三和李四).

When the model is not installed, :func:`spans` returns None and prints one notice; extraction keeps to the rules.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from kg.extract import gazetteer
from kg.extract.orgclass import area_words, region_whole
from kg.extract.rules import Candidate, rules, tokenizer

from .persons import (
    good_person,
    joined_places,
    long_name_cued,
    trims,
    untitled,
)

__all__ = ["available", "spans", "tag", "candidates", "head_class", "head_word"]

_notified = False


@lru_cache(maxsize=1)
def _model():
    from . import network as ner

    try:
        return ner.load()
    except (ner.ModelNotFound, ner.ModelError, ImportError) as e:
        global _notified
        if not _notified:
            _notified = True
            print(f"kg: learned NER off, rules only ({e})", file=sys.stderr)
        return None


def available() -> bool:
    """True when the model can be loaded (loads it)."""
    return _model() is not None


def tag(texts: list[str]) -> list[list[tuple[int, int, str]] | None]:
    """The model's spans of each of ``texts``, tagged in one batched pass (faster than one :func:`spans` each);
    None for each when the model is absent. The caller keeps them (kg.components: on the article's document)."""
    model = _model()
    if model is None:
        return [None] * len(texts)
    todo = [t for t in texts if t]
    found = iter(model.batch(todo) if todo else [])
    return [next(found) if t else [] for t in texts]


def spans(text: str) -> list[tuple[int, int, str]] | None:
    """The model's (start, end, label) spans of ``text``, or None when the model is absent."""
    model = _model()
    if model is None:
        return None
    return model.entities(text)


# ------------------------------------------------------------------------------- from model spans to classes


@lru_cache(maxsize=1)
def _heads() -> tuple[dict[str, str], tuple[int, ...]]:
    heads = {h: cls for h, (cls, _) in rules().heads.items()}
    return heads, tuple(sorted({len(h) for h in heads}, reverse=True))


def head_class(name: str) -> str | None:
    """Class of the longest head word (heads.tsv) ``name`` ends with, if any."""
    heads, lens = _heads()
    for n in lens:
        if n < len(name) and name[-n:] in heads:
            return heads[name[-n:]]
    return None


def head_word(name: str) -> str | None:
    """The longest head word (heads.tsv) ``name`` ends with, if any."""
    return _head_of(name)


def _head_of(name: str) -> str | None:
    heads, lens = _heads()
    return next((name[-n:] for n in lens if n < len(name) and name[-n:] in heads), None)


def _split_glue(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut a span at 、, a comma or semicolon (the model reads across one now and then: 某某高新区，管委会) and at a
    joiner word between two parts of at least two characters."""
    parts, p = [], s
    i = s
    while i < e:
        w = next((j for j in ("会同", "、", "，", ",", "；", ";", "vs", "VS", "和", "与", "及") if text.startswith(j, i)), None)
        if w and i - p >= 2 and e - (i + len(w)) >= 2 and (w not in "和与及" or _both_names(text, p, i, e)
                                                          or _both_headed(text, p, i, e)
                                                          or _both_places(text, p, i, e)):
            parts.append((p, i))
            p = i + len(w)
            i = p
            continue
        i += 1
    parts.append((p, e))
    return parts


def _both_names(text: str, p: int, i: int, e: int) -> bool:
    """和/与/及 inside a person span: both sides look like names (surname first, 2-3 characters)."""
    sur = rules().surnames
    left, right = text[p:i], text[i + 1:e]
    return all(2 <= len(x) <= 3 and (x[0] in sur or x[:2] in sur) for x in (left, right))


def _both_places(text: str, p: int, i: int, e: int) -> bool:
    """和/与/及 inside a span between two places the gazetteer or the world list knows, the second maybe with a
    localizer (某某夫和某某克地区): two places, not one."""
    return _known_place(text[p:i]) and _known_place(text[i + 1:e])


def _known_place(name: str) -> bool:
    """Is ``name``, without a trailing localizer (地区, 南部), a region of the gazetteer or a foreign place?"""
    from kg.extract.foreign_regions import is_foreign_place

    for w in trims()[1]:
        if name.endswith(w) and len(name) - len(w) >= 2:
            name = name[:-len(w)]
            break
    return bool(gazetteer.lookup(name)) or is_foreign_place(name)


def _both_headed(text: str, p: int, i: int, e: int) -> bool:
    """和/与/及 inside an organisation or place span: both sides end in a head word or the same area word
    (某某沙漠和某某沙漠, 某某大学与某某研究院): two names, not one (研究与发展中心 has no head before 与)."""
    from kg.extract.orgclass import area_words

    left, right = text[p:i], text[i + 1:e]
    if right[:1] in "其该本此":
        return False  # 某委员会及其常务委员会: the second is the first's own body, no name
    if head_class(left) and head_class(right):
        return True
    return any(left.endswith(w) and right.endswith(w) and len(left) > len(w) and len(right) > len(w)
               for w in area_words())


def _region_parts(text: str, s: int, e: int) -> list[Candidate]:
    """A location span: a whole gazetteer chain -> one candidate per region; a chain then a rest -> the
    regions and the rest (typed by its head word); anything else -> one candidate. A trailing localizer
    (东部, 一带, 麓 ...) is cut off first, and a second one before it (某某市 + 西部 + 地区)."""
    for again in (False, True):
        e0 = e
        for w in trims()[1]:
            if text.endswith(w, s, e) and e - len(w) - s >= 2:
                if again and text[e - len(w) - 1:e - len(w)] in _COMPASS:
                    break  # 某国 + 中西部 + 地区: no second cut inside a compound of directions
                if w == "地区" and region_whole(text[s:e - len(w)]):
                    break  # 东北 + 地区, 亚太 + 地区: a large region's customary name with its area word (gold keeps it)
                e -= len(w)
                break
        if e == e0:
            break
    s = _lead_cut(text, s, e)
    if common_word(text[s:e]) or text[s:e] in area_words():
        return []  # 山南海北 (everywhere): no chain of 山南 and 海北; 山区 alone (place_words.tsv, area): no one area
    inner = _inner_localizer(text, s, e)
    if inner is not None:  # 某某萨 + 南部 + 某某尔: a place, then a place in its south
        return _region_parts(text, s, inner[0]) + _region_parts(text, inner[1], e)
    name = text[s:e]
    chain = gazetteer.split_chain(name)
    if chain:
        return [_region(s + a, s + b, r.code) for a, b, r in chain]
    for cut in range(len(name) - 1, 1, -1):
        chain = gazetteer.split_chain(name[:cut])
        if chain:
            rest = name[cut:]
            if len(rest) < 2:
                break
            if len(chain) == 1 and not _full_region(name[:cut]) and head_class(rest) == "Place":
                break  # 鄂州花湖机场: a place named with its region short form stays whole
            if len(chain) == 1 and rules().heads.get(rest, ("", ""))[1] == "whole":
                return _typed(text, s, e, "org")  # 某地 + 军区, 某地 + 海关: the head alone names the region's body
            out = [_region(s + a, s + b, r.code) for a, b, r in chain]
            return out + _typed(text, s + cut, e, "location")
    return _typed(text, s, e, "location")


_COMPASS = ("东", "南", "西", "北", "中")
_LEADS = ("首都", "首府", "重镇", "城市")  # 首都 + 某城, 北部 + 重镇 + 某地, 北部 + 城市 + 某某克: a description before the name


def _inner_localizer(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The span of a direction localizer (南部, 东北部: ner_trims.tsv) between a known place and two characters
    or more in a location span (某某萨 + 南部 + 某某尔), if any."""
    for w in trims()[1]:
        if w[-1] != "部":
            continue
        i = text.find(w, s + 2, e - 2)
        if i >= 0 and i + len(w) <= e - 2 and _known_place(text[s:i]):
            return i, i + len(w)
    return None


def _lead_cut(text: str, s: int, e: int) -> int:
    """The start of a location span after a direction localizer (东部, 西北部, 南侧: ner_trims.tsv) or a word
    describing the place (首都, 重镇) that the model took in before the name (某国 + 北部某某县, 首都 + 某某城):
    the name starts after it when two characters or more are left."""
    from kg.extract.rules import tokenizer

    info, moved = tokenizer()[1], True
    while moved:
        moved = False
        for w in (*(w for w in trims()[1] if w[-1] in "部侧"), *_LEADS):
            if (text.startswith(w, s) and e - s - len(w) >= 2 and not gazetteer.lookup(text[s:e])
                    and not any(text[s:k] in info for k in range(s + len(w) + 1, min(e, s + len(w) + 3) + 1))):
                s += len(w)
                moved = True
                break
    return s


_NAME_TAGS = ("ns", "nr", "nz", "nt", "s", "j")  # jieba's tags of names, places, abbreviations (s: 关中, 东海岸)
_PARTS = re.compile(r"[东南西北中]{2,4}部")
_COMMON = 10  # a common noun this frequent in jieba's dictionary (大陆, 特区, 展览馆; 震区, 发射场: unread corpus stories) names no place


def common_word(name: str) -> bool:
    """Is ``name`` a word of generic_words.txt or one word of jieba's dictionary that names no place: a frequent
    common noun (大陆, 内地, 赛区, 湿地, 机场), a localizer, numeral, adverb, verb or time word (以东, 北上, 一路, 三秦), or parts of a country by
    direction (中西部)? Real news showed the model's location label on such words (issue #13); a rare noun (竹岛,
    盐官), a named site (故宫) and a country stay."""
    from kg.extract.foreign_regions import is_foreign_place
    from kg.extract.not_persons import creature
    from kg.extract.orgclass import common_landform
    from kg.extract.rules import tokenizer

    if _PARTS.fullmatch(name):
        return True  # 中东部, 中西部: parts of a country by direction, no one place
    if name in rules().generic and not is_foreign_place(name):
        return True  # generic_words.txt: forms of address (贵国, 阁下), weather (扬沙), urban words (中心城区)
    if common_landform(name):
        return True  # place_words.tsv, kind common: two kinds of waters (河湖, 江河), a sea of something (花海)
    if creature(name) or any(name.endswith(w) and len(name) - len(w) <= 2 and not _known_place(name[:-len(w)])
                             for w in _creatures_in(name)):
        return True  # creature_words.txt: 东北虎, 野生 + 东北虎 (an animal or a plant named after its region)
    got = tokenizer()[1].get(name)
    if got is None or is_foreign_place(name) or name in rules().regions:
        return False
    freq, tag = got
    if tag.startswith(_NAME_TAGS):
        return False
    if tag.startswith("n") and name[-1] in _sites():
        return False  # 故宫, 天坛: a landform or a named site (landform_chars.txt, site_chars.txt but 园: 家园)
    return not tag.startswith("n") or freq >= _COMMON


def _creatures_in(name: str) -> list[str]:
    """The animals' and plants' names (creature_words.txt) that ``name`` ends with."""
    from kg.extract.not_persons import creature

    return [name[i:] for i in range(1, len(name) - 1) if creature(name[i:])]


@lru_cache(maxsize=1)
def _sites() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset(words("landform_chars.txt") + words("site_chars.txt")) - {"园"}


def _region(s: int, e: int, code: str | None) -> Candidate:
    return Candidate(s, e, "AdministrativeRegion", "ner", 0.85, code)


# the one-character short forms of provinces and regions (GB/T 2260 简称; 蜀, 滇, 黔, 秦, 陇 besides 川, 云, 贵, 陕, 甘)
PROVINCE_INITIALS = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新港澳台蒙"


@lru_cache(maxsize=1)
def _country_initials() -> frozenset[str]:
    from kg.extract.event_forms import COUNTRY_INITIALS
    from kg.util.resources import words

    return frozenset(COUNTRY_INITIALS) | {w[0] for w in words("countries.txt")}


# one-character short forms of continents (亚洲, 欧洲, 非洲): 亚欧, 欧亚, 亚非 name a pair of continents
_CONTINENT_INITIALS = "亚欧非"


def initials(name: str) -> bool:
    """Two or three one-character short forms written together (港澳台, 川渝, 中德, 俄中, 华厄, 亚欧), or one
    compass point doubled (南南 of 南南合作): a pair or group of places, no place's own name (tests/gold/README.md
    policy 11)."""
    if not 2 <= len(name) <= 3 or gazetteer.lookup(name):
        return False
    if all(c in PROVINCE_INITIALS for c in name) or len(set(name)) == len(name) and all(
            c in _CONTINENT_INITIALS for c in name) or name in ("南南", "北北"):
        return True
    if len(set(name)) == len(name) and "欧" in name and all(c == "欧" or c in _country_initials() for c in name):
        return True  # 欧美, 美欧, 英欧: Europe and a country
    return any(c in "中华" for c in name) and all(c in "中华" or c in _country_initials() for c in name)


def _verb_phrase(name: str) -> bool:
    """A span that is no dictionary word and holds a verb or adverb of the dictionary (中英 + 加强 + 科技, 互 + 致贺 +
    电): a phrase. An adjective does not count (宏远 + 电力 names a company), nor a verb alone (联想)."""
    return name not in tokenizer()[1] and _phrase(name, _VERB_TAGS)


def country_pair(name: str) -> bool:
    """Two or three countries by their one-character short forms (朝美, 美英, 英欧 of 英国 and 欧盟) that name no
    region of the gazetteer: parties to talks or a relation, no body's name."""
    from kg.extract.event_forms import COUNTRY_INITIALS

    return 2 <= len(name) <= 3 and len(set(name)) == len(name) and not gazetteer.lookup(name) \
        and all(c in COUNTRY_INITIALS for c in name)


_PHRASE_TAGS = frozenset({"v", "vd", "vn", "d", "a", "ad", "an", "i", "l", "p", "c", "u"})
_VERB_TAGS = frozenset({"v", "vd", "d"})


def _phrase(name: str, tags: frozenset[str] = _PHRASE_TAGS) -> bool:
    """A location span with a verb, adverb, adjective or idiom of the dictionary in it (…大桥顺利合龙, 长治久安,
    扶贫闯新路) is a phrase the model read as a place, not a name (``tags``: the dictionary's tags that make one).
    (首都, tagged an adverb, names a capital.)"""
    from kg.extract.rules import subwords

    info = tokenizer()[1]
    return any(len(w) >= 2 and w != "首都" and info.get(w, (0, ""))[1] in tags for w in subwords(name))


_SECTION = "段"  # 某地至某地段, 某河某桥段: a section of a railway, road or river, no place's name

_ORGANS = "机关"  # 某军区 + 机关, 某部 + 机关: the body's own offices, no name of their own


_TERM = re.compile(r"第?[一二三四五六七八九十百0-9]+届")  # 第九届 + 某某常务委员会: a body's term, no part of its name


def _typed(text: str, s: int, e: int, label: str) -> list[Candidate]:
    if label != "location" and text.endswith(_ORGANS, s, e) and head_class(text[s:e - len(_ORGANS)]):
        e -= len(_ORGANS)
    term = _TERM.match(text, s, e) if label != "location" else None
    if term and e - term.end() >= 3 and head_class(text[term.end():e]):
        s = term.end()
    name = text[s:e]
    head = head_class(name)
    if label == "location":
        if gazetteer.lookup(name):
            regs = gazetteer.lookup(name)
            return [_region(s, e, regs[0].code if len(regs) == 1 else None)]
        if initials(name) or common_word(name) or name.endswith(_SECTION) or _phrase(name) and head != "Place":  # 某某文化创意 + 产业园: a place's name may hold
            return []  # a verb (kg.extract.merge_model checks the words of a place span that ends in a head word)
        from kg.util.resources import words

        natural = name[-1] in words("landform_chars.txt")  # rivers, lakes, mountains are places
        natural = natural or name[-1] in words("site_chars.txt")  # and built sites: 某某园, 某某宫, 某家大屋
        cls = head if head in ("Place", "AdministrativeRegion") else (
            "Place" if head or natural else "AdministrativeRegion")
        return [Candidate(s, e, cls, "ner", 0.75)]
    if _place_name(name) or head == "AdministrativeRegion":
        return _region_parts(text, s, e)  # 某国, 某某市 + 某某县, a foreign city, 某市某某高新区: the model's ORG on a place
    if label == "company":  # an organisation's head word beats the label (某某日报社, 某某研究院)
        if head is None and (country_pair(name) or _verb_phrase(name)):
            return []  # 朝美, 美英 (two states), 互致贺电, 中英加强科技 (phrases): no company's name
        cls = "Organization" if head == "Organization" else "Enterprise"
        return [Candidate(s, e, cls, "ner", 0.8)]
    cls = head if head in ("GovernmentBody", "PartyOrganization", "Organization", "Enterprise") else "Organization"
    return [Candidate(s, e, cls, "ner", 0.75)]


def _place_name(name: str) -> bool:
    """Is ``name`` a place and nothing more: a country or foreign city (world_places.txt), a chain of regions the
    gazetteer knows (某省某市) or one region above county level? The model labels such names an organisation now
    and then (issue #13)."""
    from kg.extract.foreign_regions import is_foreign_place

    if is_foreign_place(name):
        return True
    chain = gazetteer.split_chain(name)
    if not chain or chain[-1][1] != len(name):
        return False  # (a county's short form alone is as often a word or a brand: 太平, 红旗)
    return len(chain) >= 2 or _full_region(name) or any(r.level != "county" for r in rules().regions.get(name, ()))


def candidates(text: str, found: list[tuple[int, int, str]] | None = None) -> list[Candidate] | None:
    """Model spans as typed candidates (None when the model is absent); ``found``: the spans when already tagged
    (:func:`tag`), else the model tags ``text`` here."""
    if found is None:
        found = spans(text)
    if found is None:
        return None
    out: list[Candidate] = []
    for s, e, label in found:
        s, e = _trim_marks(text, s, e)
        for a, b in _split_glue(text, s, e) if label in ("person", "org", "company", "location") else ():
            name = text[a:b]
            if len(name.strip()) < 2:
                continue
            if label == "person":
                if good_person(name) and (len(name) <= 4 or "·" in name or long_name_cued(text, a, b)):
                    out.append(Candidate(a, b, "Person", "ner", 0.8))
            elif label == "location":
                out += _region_parts(text, a, b)
            else:
                out += _typed(text, a, b, label)
    return joined_places(text, untitled(text, out))


_MARKS = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "（": "）", "(": ")", "【": "】", "〈": "〉"}
_CLOSING = {v: k for k, v in _MARKS.items()}


def _trim_marks(text: str, s: int, e: int) -> tuple[int, int]:
    """A quote or bracket at the edge of a span without its partner inside it is no part of the name
    (某某孵化器” -> 某某孵化器)."""
    while e - s > 1 and text[e - 1] in _CLOSING and _CLOSING[text[e - 1]] not in text[s:e - 1]:
        e -= 1
    while e - s > 1 and text[s] in _MARKS and _MARKS[text[s]] not in text[s + 1:e]:
        s += 1
    return s, e


# ------------------------------------------------------------------------------- combining with the rules


def _full_region(name: str) -> bool:
    from kg.extract.stems import is_full_region

    return is_full_region(name)
