"""The class of an organisation's name from how it begins or ends (kg/extract/data/org_classes.tsv), whichever extractor
found it: parties and party bodies of any country are PartyOrganization, armies, embassies and parliaments
GovernmentBody, international organisations, media and 政协 Organization (tests/gold/README.md, decision 22).

>>> [classed(n, "Organization") for n in ("某国劳动党", "中央书记处", "某国驻某地大使馆", "某某职业学院")]
['PartyOrganization', 'PartyOrganization', 'GovernmentBody', 'Organization']
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.util.resources import table, words

__all__ = ["area_words", "classed", "place_word", "region_whole", "ORG_CLASSES"]

ORG_CLASSES = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")
_KINDS = ("prefix", "suffix", "party")


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, str, str], ...]:
    rows = table("org_classes.tsv")
    for r in rows:
        if len(r) < 3 or r[0] not in _KINDS or r[2] not in ORG_CLASSES:
            raise ValueError(f"kg/extract/data/org_classes.tsv: expected kind (prefix, suffix, party), pattern, class; got {r!r}")
    return tuple((r[0], r[1], r[2]) for r in rows)


@lru_cache(maxsize=1)
def _media() -> frozenset[str]:
    return frozenset(words("media.txt"))


def classed(name: str, cls: str) -> str:
    """The class of the organisation ``name`` found as ``cls``; other classes and unmatched names keep ``cls``.
    A known body (kg/extract/data/known_bodies.tsv) has its class whatever found it (世行 is no company, 欧佩克
    no person)."""
    from .known_bodies import known_class

    known = known_class(name)  # a party's short form heading a party body is a party body too (某共 + 中央)
    if known is not None and cls != "Initiative":
        return known
    if cls not in ORG_CLASSES:
        return cls
    if name in _media():
        return "Organization"
    for kind, pat, new in _rules():
        if len(name) < len(pat) or kind == "party" and len(name) == len(pat):
            continue
        if (kind == "prefix" and name.startswith(pat) or kind == "suffix" and name.endswith(pat)
                or kind == "party" and name.endswith(pat) and ("党" in name[:-len(pat)]
                                                              or known_class(name[:-len(pat)]) == "PartyOrganization")):
            return new
    return cls


@lru_cache(maxsize=1)
def _places() -> tuple[tuple[str, ...], frozenset[str]]:
    rows = table("place_words.tsv")
    for r in rows:
        if len(r) < 2 or r[0] not in ("suffix", "whole", "area", "common"):
            raise ValueError(f"kg/extract/data/place_words.tsv: expected kind (suffix, whole, area, common) and word, "
                             f"got {r!r}")
    return (tuple(sorted((r[1] for r in rows if r[0] in ("suffix", "area")), key=len, reverse=True)),
            frozenset(r[1] for r in rows if r[0] == "whole"))


@lru_cache(maxsize=1)
def area_words() -> tuple[str, ...]:
    """Generic terms of natural and economic areas (kg/extract/data/place_words.tsv, kind ``area``: 走廊, 高原,
    平原), longest first."""
    return tuple(sorted((r[1] for r in table("place_words.tsv") if r[0] == "area"), key=len, reverse=True))


def place_word(name: str) -> bool:
    """Is ``name`` a place that is no administrative unit by its ending or as a whole (kg/extract/data/place_words.tsv:
    青藏高原-like landforms, 某某山区, 某某大会堂, 华北, 东南亚)?

    >>> place_word("某某高原"), place_word("东南亚"), place_word("某某县")
    (True, True, False)
    """
    suffixes, whole = _places()
    return name in whole or any(name.endswith(s) and len(name) > len(s) for s in suffixes)


_NOT_PART_INITIALS = "台以加"  # 台北, 台南 (cities of Taiwan), 以东, 加东: a city or a preposition, no part of a region
_PART_ENDS = "疆亚欧非"  # 北疆, 南疆 (of Xinjiang); 东北亚, 西北欧 (of a continent)


def part_by_direction(name: str) -> bool:
    """Is ``name`` a part of a province or country named by its one-character short form and a direction (闽南, 粤西,
    苏北, 缅北, 赣东北), or a direction and the short form of Xinjiang or of a continent (北疆, 南疆, 东北亚)? Such a
    customary part of a region is a Place in the real gold, as 江南, 华北 and 关中 are; names the gazetteer or the
    country list knows (湘西, 陕西, 云南, 渝北, 巴西, 越南) are regions and are left alone.

    >>> part_by_direction("闽南"), part_by_direction("北疆"), part_by_direction("陕西"), part_by_direction("台北")
    (True, True, False, False)
    """
    from .finders import is_country
    from .foreign_regions import is_foreign_place
    from .ner.learned import PROVINCE_INITIALS
    from .rules import rules

    if not 2 <= len(name) <= 4 or name in rules().regions or is_country(name) or is_foreign_place(name):
        return False
    head, tail = name[0], name[1:]
    if len(tail) <= 2 and set(tail) <= set(_COMPASS) and head not in _NOT_PART_INITIALS and (
            head in PROVINCE_INITIALS or head in country_initial_chars()):
        return True
    return len(name) <= 3 and set(name[:-1]) <= set(_COMPASS) and name[-1] in _PART_ENDS


@lru_cache(maxsize=1)
def country_initial_chars() -> frozenset[str]:
    """Countries' one-character short forms (kg/extract/data/country_initials.txt: 美, 俄, 叙)."""
    from kg.util.resources import words

    return frozenset(words("country_initials.txt"))


def region_whole(name: str) -> bool:
    """Is ``name`` a large region named whole (kg/extract/data/place_words.tsv, kind ``whole``: 东北, 亚太, 中东)?
    Such a name keeps the area word 地区 after it (东北地区 is one Place in the real gold of dev, dev2 and dev3)."""
    return name in _places()[1]


def place_names(d) -> list:
    """Large regions named whole (kg/extract/data/place_words.tsv, kind ``whole``: 华北, 中东, 东南亚) where they are one
    word of the text or begin jieba's one word for their countries (拉美 + 国家), a country's coast by its side right
    after the country (某国 + 东海岸), numbered roads (312国道) and warships named after a city (某某舰), as Place candidates."""
    from .rules import Candidate

    from .rules import rules

    from .finders import is_country

    whole = _places()[1]
    out = [Candidate(s, e, "Place", "gazetteer", 0.8) for s, e, w in d.tokens if w in whole]
    for k, (s, e, w) in enumerate(d.tokens):
        if w.endswith(_STATES) and w[:-2] in whole:  # 拉美国家, 西非国家: jieba's one word for the region and 国家
            out.append(Candidate(s, e - 2, "Place", "gazetteer", 0.8))
        elif w in _COASTS and k and is_country(d.tokens[k - 1][2]):  # 某国 + 东海岸: that country's coast
            out.append(Candidate(s, e, "Place", "gazetteer", 0.8))
    out += [Candidate(m.start(), m.end(), "Place", "suffix", 0.8) for m in _ROAD.finditer(d.text)]
    out += _natural(d)
    regions = rules().regions
    for m in _WARSHIP.finditer(d.text):  # 某某舰: the navy names its ships after cities (a ship is a Place)
        if m.group(1) in regions and m.start() in d.starts and not d.text.startswith(_NOT_SHIP, m.end()):
            out.append(Candidate(m.start(), m.end(), "Place", "suffix", 0.75))
    return out


_COMPASS = "东南西北"
_OWN_COUNTRY = ("我国", "祖国", "中国", "全国", "国内")  # 我国 + 西北: the part of China, as alone


def compass_direction(d, s: int, e: int) -> bool:
    """Is the compass word at ``s:e`` (西北, 东南: a large region of China, place_words.tsv kind ``whole``) a
    direction or a part of another name instead: right after a place or a landform (某城 + 西北, 某盆地 + 西北,
    黔 + 西北, 某国 + 西南; not after 我国), before a distance (西北 + 40公里, 东南 + 约) or before a noun it
    begins a name with (西北 + 太平洋, 西北 + 油田, 西南 + 大学: a place name, a landform or a head word of
    bodies and places; not an area word: 东北 + 平原)?"""
    from .foreign_regions import is_foreign_place
    from .ner.learned import PROVINCE_INITIALS
    from .rules import is_han

    text = d.text
    if e - s != 2 or not set(text[s:e]) <= set(_COMPASS) or text[s:e] not in _places()[1]:
        return False
    if e < len(text) and (text[e].isdigit() or text[e] in "约近"):
        return True
    k = d.token_at(s)
    if d.tokens[k][0] != s:
        return True  # inside a longer word (浙西南)
    if k:
        ps, pe, pw = d.tokens[k - 1]
        if pw not in _OWN_COUNTRY and pw not in _places()[1] and is_han(pw[-1]) and (  # (华北 + 东北: a list)
                pw in d.regions or is_foreign_place(pw) or d.tag(pw) == "ns" or pw[-1] == "城"
                or pw.endswith(area_words()) or pw[-1] in _landforms() or pw in PROVINCE_INITIALS):
            return True
    k = d.token_at(e) if e < len(text) else len(d.tokens)
    if k < len(d.tokens) and d.tokens[k][0] == e:
        nw = d.tokens[k][2]
        if not set(nw) <= set(_COMPASS) and not nw.startswith(area_words()) and (
                d.tag(nw) in ("ns", "nt", "nz") or nw[-1] in _landforms() or _head_of_name(nw)):
            return True
    return False


def _head_of_name(w: str) -> bool:
    """Is ``w`` a head word of bodies or places (heads.tsv: 大学, 油田, 联军) that a name ends with?"""
    from .rules import rules

    heads = rules().heads
    return len(w) >= 2 and (w in heads or any(w.endswith(h) and len(h) >= 2 for h in heads))


@lru_cache(maxsize=1)
def _landforms() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset(words("landform_chars.txt"))


@lru_cache(maxsize=1)
def _common() -> frozenset[str]:
    return frozenset(r[1] for r in table("place_words.tsv") if r[0] == "common")


def common_landform(name: str) -> bool:
    """Is ``name`` a word ending in a landform character that names no one place (kg/extract/data/place_words.tsv,
    kind ``common``: 河湖, 江河, 海岛, 花海)?"""
    return name in _common()


def inside_common_landform(text: str, start: int, end: int) -> bool:
    """Does text[start:end] lie inside a longer word of kind ``common`` written around it (银山 of 金山银山, 青山 of
    绿水青山: a phrase of wealth or of nature, no one mountain)?"""
    n = end - start
    return any(len(w) > n and text.startswith(w, p) for w in _common()
               for p in range(max(0, end - len(w)), start + 1))


_WATER = "河江湖海湾岛峡"  # waters and islands; names ending in 山 are as often cities (某金山) and idioms (某壁江山)
_GIVEN = "海江"  # landform characters common in given names
_RARE = 500  # a two-character name rarer than this in the dictionary (独岛) is a name; 中山, 江山 are more


def _natural(d) -> list:
    """Waters and islands the dictionary knows as place names (tagged ns: 某某岛, 某某江, 某海): Places, unless the
    word names no one place (kind ``common``: 深海, 海湾), is a region the gazetteer accepted in this text or a
    longer region name (某某峡市 without its level), or is a frequent two-character word. A two-character region
    short form the gazetteer turned down (南海 without its city) is the sea."""
    from .finders import is_country
    from .rules import Candidate, rules

    common, regions, surnames = _common(), rules().regions, rules().surnames
    out = []
    for k, (s, e, w) in enumerate(d.tokens):
        if _mountain(d, w) and w not in regions and not any(w.endswith(c) for c in common):  # 半壁 + 江山
            after = d.tokens[k + 1][2] if k + 1 < len(d.tokens) else ""
            before = d.tokens[k - 1][2] if k else ""
            if ((d.tag(after) or "x")[:1] not in "njvb" and not after.startswith(("区", "市"))
                    and not is_country(before)):  # 某国 + 某某山: a city of that country
                out.append(Candidate(s, e, "Place", "jieba", 0.7))
            continue  # (a noun after it: a longer name, 某某山 + 区, 某某山 + 国家级自然保护区, 某某山 + 市)
        if len(w) < 2 or w[-1] not in _WATER or d.tag(w) != "ns" or w in common or w in d.regions or w[0] == "的":
            continue  # (的花海: a particle and a word jieba's dictionary holds as one place name)
        if d.text.startswith("区", e):
            continue  # 某湾 + 区, 某湖 + 区: a district or area named after the water, not the water
        prev = d.tokens[k - 1][2] if k else ""
        if len(prev) == 1 and d.tag(prev) == "nr":
            continue  # 李 + 登海: the given name of a person jieba split after the surname
        if len(w) == 2 and w not in regions and d.freq(w) >= _RARE or len(w) > 2 and w in regions:
            continue
        if len(w) == 3 and w[-1] in _GIVEN and w[0] in surnames:
            continue  # 某登海, 某文江: a person's name jieba tags as a place
        out.append(Candidate(s, e, "Place", "jieba", 0.7))  # from the dictionary's tags: the model may hold it
    return out


_MOUNTAIN = "山岭峰"
_KNOWN = 20  # a three-character mountain beginning with a surname this frequent in the dictionary is no person's name


def _mountain(d, w: str) -> bool:
    """A mountain or range the dictionary knows as a place name (tagged ns), of three characters or more (某某山,
    某某岭, 某某峰): two-character ones are as often words (上山, 高山) or cities; an idiom of mountains (某山某岭)
    names none, and a three-character one beginning with a surname must be a frequent word (not 某青山 the person)."""
    if len(w) < 3 or w[-1] not in _MOUNTAIN or d.tag(w) != "ns" or any(ch in _MOUNTAIN for ch in w[:-1]):
        return False  # (before the import: asked of every word of the text)
    from .rules import rules

    return not (len(w) == 3 and w[0] in rules().surnames and d.freq(w) < _KNOWN)


_STATES = "国家"  # the word a large region's name is glued to (拉美国家 l, 中亚国家 ns: the countries of that region)
_COASTS = ("东海岸", "西海岸", "南海岸", "北海岸")  # a country's coast by its side (tagged s: no place word alone)
_ROAD = re.compile(r"(?<![0-9A-Za-z])[GSXY]?[0-9]{1,4}(?:国道|省道|县道)")  # 312国道, G318国道: numbered roads
_WARSHIP = re.compile(r"([\u4e00-\u9fff]{2})舰")
_NOT_SHIP = ("队", "载", "艇", "长", "船")  # 某某舰队, 舰载, 舰长: no ship's name
