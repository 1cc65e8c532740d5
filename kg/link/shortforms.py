"""Short forms joined to the full names they stand for, across articles (kg.link.entities calls these after keying):
declared short forms (某某集团有限公司（简称“某某”）), names without their region prefix, company brand cores and
abbreviations whose characters appear in order in one longer name."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from kg.model import ORGANISATIONS as ORGS
from kg.model import Article, Mention
from kg.util.resources import words

__all__ = ["class_of", "compatible", "in_order", "join_declared", "join_foreign_cities", "join_locations", "join_short_forms", "join_unprefixed", "org_parts"]


_NUMBER = re.compile(r"[0-9０-９一二三四五六七八九十百千零〇两]+")


def compatible(a: str, b: str) -> bool:
    """False when two names must never be merged: they differ in a number (二十届/十九届, 2024年/2025年)."""
    if _NUMBER.findall(a) != _NUMBER.findall(b):
        return False
    return True


def org_parts(key: str) -> tuple[str, str]:
    _, code, rest = key.split("|", 2)
    return code, rest


def class_of(found: list[Mention]) -> str:
    classes = Counter(m.cls for m in found)
    return max(classes, key=lambda c: (classes[c], c != "Organization", c))


_DECLARED = re.compile(r"[（(](?:以下)?(?:简称|下称)[：:]?[“\"「]?([^”\"」）)，,]{2,12})[”\"」]?[）)]")


def join_declared(keys: Any, articles: list[Article], mentions: dict[str, list[Mention]]) -> None:
    """A short form the article declares (某某集团有限公司（简称“某某”）) joins the name written right before it."""
    for a in articles:
        found = mentions.get(a.id, [])
        for hit in _DECLARED.finditer(a.text):
            full = next((m for m in found if m.end == hit.start() and m.cls in ORGS), None)
            short = next((m for m in found if m.text == hit.group(1) and m.cls in ORGS), None)
            if full is None or short is None:
                continue
            src, dst = keys.of.get((short.article, short.start, short.end)), keys.of.get((full.article, full.start, full.end))
            if src and dst and src != dst and src in keys.keyed and compatible(short.text, full.text):
                keys.move(src, dst, "short form declared in the text (简称)", 0.95)


def join_locations(keys: Any) -> None:
    """A name without a code that needs no region, taken for a place in some articles and for a region in others
    (伦敦, 福岛, 祁连山), is one location: the fewer mentions join the key most mentions give."""
    for key in sorted(k for k in keys.keyed if k.startswith("place||")):
        other = "region||" + key[len("place||"):]
        if other not in keys.keyed:
            continue
        src, dst = (key, other) if len(keys.keyed[key]) < len(keys.keyed[other]) else (other, key)
        keys.move(src, dst, "the same name taken for a place and for a region: one location, the class most "
                  "mentions give", 0.8)


def join_foreign_cities(keys: Any) -> None:
    """A foreign city without a code written with and without 市 (某某 = 某某市: kg.extract.foreign_regions knows the
    bare name) is one region; a country's name + 市 (某国市, the capital named after the state) is not the country."""
    from kg.extract.finders import is_country
    from kg.extract.foreign_regions import is_foreign_place

    for key in sorted(k for k in keys.keyed if k.startswith("region||") and k.endswith("市")):
        bare = key[:-1]
        name = bare[len("region||"):]
        if len(name) >= 2 and bare in keys.keyed and is_foreign_place(name) and not is_country(name):
            keys.move(key, bare, "a foreign city written with 市 after its name", 0.8)


def join_unprefixed(keys: Any, contexts: dict[str, list[str]]) -> None:
    """Merge ``org||rest`` into the single ``org|code|rest`` entity with the same rest, when there is one and the
    stories of the bare name do not speak against it (``contexts``: each article's region codes): more of them
    naming regions of other provinces only than of that province, or many more stories than the name with the
    region has and none of that province (人民出版社 in stories of anywhere is the national publisher, not 某省 +
    人民出版社)."""
    by_rest: dict[str, list[str]] = defaultdict(list)
    for key in keys.keyed:
        if key.startswith("org|"):
            code, rest = org_parts(key)
            if code:
                by_rest[rest].append(key)
    for key in sorted(k for k in keys.keyed if k.startswith("org||")):
        targets = by_rest.get(org_parts(key)[1], [])
        if len(targets) != 1:
            continue
        province = keys.codes.get(targets[0], org_parts(targets[0])[0])[:2]
        stories = {m.article for m in keys.keyed[key]}
        local = sum(any(c[:2] == province for c in contexts.get(a, ())) for a in stories)
        elsewhere = sum(bool(contexts.get(a)) for a in stories) - local
        written = len({m.article for m in keys.keyed[targets[0]]})
        if elsewhere > local or not local and len(stories) >= 3 and len(stories) > 2 * written:
            continue
        keys.move(key, targets[0], "name without region joins the only one with a region", 0.75)
    join_state_named(keys)


_STATE = "中国"


def join_state_named(keys: Any) -> None:
    """A national organisation written with 中国 before its name (中国某某银行 = 某某银行, 中国某某大学 = 某某大学) is
    the one of the bare name, when that name (four or more characters, headed by no country: 中国 + 某国商会 is
    another body) is keyed once and its mentions have the same class."""
    from .known import country_at_start

    for key in sorted(k for k in keys.keyed if k.startswith("org||" + _STATE)):
        rest = org_parts(key)[1][len(_STATE):]
        target = "org||" + rest
        if len(rest) < 4 or country_at_start(rest) or target not in keys.keyed or key not in keys.keyed:
            continue
        if class_of(keys.keyed[key]) == class_of(keys.keyed[target]) and compatible(rest, _STATE + rest):
            keys.move(key, target, "the organisation's name with 中国 before it", 0.75)


def _industry_tail(tail: str) -> bool:
    """True when ``tail`` is one or more industry words (燃气, 科技, 集团 ...)."""
    if not tail:
        return False
    for w in _tail_words():
        if tail.startswith(w) and (len(tail) == len(w) or _industry_tail(tail[len(w):])):
            return True
    return False


@lru_cache(maxsize=1)
def _tail_words() -> tuple[str, ...]:
    return tuple(sorted(set(words("industry_words.txt")) | set(words("brand_tail_words.txt")), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1 << 16)
def _brand_core(rest: str) -> tuple[str, tuple[str, ...]]:
    """``rest`` without the business-line and form words at its end (某某智能家居 -> 某某, (智能, 家居)); the core
    keeps at least two characters."""
    tails: list[str] = []
    while True:
        w = next((w for w in _tail_words() if rest.endswith(w) and len(rest) - len(w) >= 2), None)
        if w is None:
            return rest, tuple(reversed(tails))
        tails.append(w)
        rest = rest[: -len(w)]


def _same_brand(short: str, full: str) -> bool:
    """Two company names with the same brand core, the shorter one's line words all among the longer one's
    (某某家居 = 某某智能家居; 某某物流 != 某某智能家居)."""
    core, tails = _brand_core(short)
    fcore, ftails = _brand_core(full)
    return core == fcore and len(core) >= 2 and bool(ftails) and set(tails) <= set(ftails)


def _named_whole(name: str) -> bool:
    """Is ``name`` a medium known under this very name (kg/ingest/data/media.txt: 中央电视台 is no short form of
    中央广播电视总台, of which it is a part)?"""
    return name in words("media.txt")


def in_order(short: str, long: str) -> bool:
    """Are the characters of ``short`` in ``long``, in order?"""
    it = iter(long)
    return all(c in it for c in short)


def _same_state(short: str, full: str) -> bool:
    """A short name headed by a country is an abbreviation only of a name of the same country and keeps three
    characters after it, as a region's does (德国队 is no 德国军队, 印度警方 no 印度尼西亚警方, 某国国会 no 某国某某
    委员会; 俄罗斯 = 俄罗斯联邦 by kg/link/data/aliases.tsv)."""
    from .known import aliases, country_at_start

    country = country_at_start(short)
    if country is None:
        return True
    other = country_at_start(full)
    if other is None or aliases().get(other, other) != aliases().get(country, country):
        return False
    # 美国务院, 泰国会: the country by its first character before the name (美 + 国务院 of 美国 + 国务院)
    return len(short) - len(country) >= 3 or short == full[:len(other) - 1] + full[len(other):]


def join_short_forms(keys: Any) -> None:
    """A company brand without its industry word (华兴 = 华兴纸业) or an agency abbreviation whose characters appear
    in order in the full name (市监局 = 市场监督管理局) joins the single longer name of the same region."""
    orgs = sorted((k for k in keys.keyed if k.startswith("org|")), key=lambda k: (len(org_parts(k)[1]), k))
    parts = {k: (code, rest, _NUMBER.findall(rest)) for k in orgs for code, rest in [org_parts(k)]}  # and numbers
    # both rules need the same first character and a longer name, of the same region where the short one has one:
    # candidates by (first character, region code or ''), each list by length with its lengths (for bisect)
    by_first: dict[tuple[str, str], tuple[list[str], list[int]]] = defaultdict(lambda: ([], []))
    for k in orgs:
        code, rest, _ = parts[k]
        if rest:
            for group in {(rest[0], ""), (rest[0], code)}:
                by_first[group][0].append(k)
                by_first[group][1].append(len(rest))
    classes: dict[str, tuple[int, str]] = {}  # key -> (its mentions when classed, class): a join changes both

    def cls_of(k: str) -> str:
        found = keys.keyed[k]
        known = classes.get(k)
        if known is None or known[0] != len(found):
            known = classes[k] = (len(found), class_of(found))
        return known[1]

    for key in orgs:
        if key not in keys.keyed:
            continue
        code, rest, numbers = parts[key]
        cls = cls_of(key) if rest else ""
        company = cls == "Enterprise"
        if len(rest) < (2 if company else 3):  # (no rule takes a shorter name)
            continue
        found = []
        others, lengths = by_first[(rest[0], code)]
        for other in others[bisect_right(lengths, len(rest)):]:
            if other not in keys.keyed:
                continue
            orest, onumbers = parts[other][1:]
            if numbers != onumbers:  # (:func:`compatible`)
                continue
            if company:
                brand, full = rest, orest
                if rest.endswith("集团") and orest.endswith("集团") and len(rest) >= 4:
                    brand, full = rest[:-2], orest[:-2]  # 某某集团 = 某某建工集团
                if full.startswith(brand) and _industry_tail(full[len(brand):]):
                    why = "company short form: brand without its industry word"
                elif _same_brand(rest, orest):
                    why = "company short form: same brand core, fewer business-line words"
                else:
                    continue
            # 公安局 is not 公安局某区分局: a name the longer one starts with is its parent, not its short form
            elif rest[0] == orest[0] and rest[-1] == orest[-1] and in_order(rest, orest) \
                    and not orest.startswith(rest) and _same_state(rest, orest) and not _named_whole(rest):
                # a narrower body (某某 + 残 + 奥委会) is no full name of it, but leaves it ambiguous all the same
                why = "" if _qualified(rest, orest) else "abbreviation: its characters appear in order in the full name"
            else:
                continue
            if cls_of(other) == cls:  # (the cheaper tests first: most pairs fail on the names)
                found.append((other, why))
        if len(found) > 1:  # 俄 + 某舰队 is 俄罗斯 + 某舰队 rather than 俄军某舰队: the country written whole
            found = [f for f in found if _country_whole(rest, org_parts(f[0])[1])] or found
        if len(found) == 1 and found[0][1]:
            keys.move(key, found[0][0], found[0][1], 0.7)


# Words a longer name may add to a body's name and still name that body (某国 + 国家 + 航空航天局, 某国 + 国会 +
# 众议院, 某国 + 联邦 + 政府, 某国 + 新 + 政府, 某国 + 驻华 + 大使馆, 国家 + 和 + 改革委员会, 某某委 + 员会): the rest are qualifiers
# of another, narrower body (:func:`_qualified`)
_EMPTY_INSERTS = frozenset({"和", "与", "及", "的", "新", "国家", "国会", "联邦", "共和国", "中央", "官方",
                            "高级别", "驻华", "人民", "行政", "员会", "市", "县", "省"})


def _qualified(short: str, full: str) -> bool:
    """Is ``full`` the name ``short`` with one run of words inserted that qualifies it into another, narrower
    body (国际 + 残 + 奥委会, 人民 + 教育 + 出版社, 国防 + 科技 + 大学, 某国 + 海军 + 中央司令部), not an abbreviation
    (an abbreviation drops characters from several words: 世贸组织, 发展改革委)? The run is none of
    :data:`_EMPTY_INSERTS` and is not part of the name of a country or of a foreign region (美国驻古 + 巴 + 大使馆
    writes 古巴 short, 明 + 尼苏达 + 州 writes 明尼苏达州 short)."""
    extra = len(full) - len(short)
    cuts = [i for i in range(1, len(short)) if full[:i] == short[:i] and full[i + extra:] == short[i:]]
    if not cuts:
        return False  # characters dropped in more than one place: an abbreviation
    names = _state_names()
    for i in cuts:
        inserted = full[i:i + extra]
        if inserted in _EMPTY_INSERTS:
            return False
        if any(full[a:b] in names for a in range(max(0, i - 6), i + 1)
               for b in range(i + extra, min(len(full), i + extra + 6) + 1) if b - a >= 2):
            return False
    return True


@lru_cache(maxsize=1)
def _state_names() -> frozenset[str]:
    """Countries and foreign cities and first-level regions (kg/extract/data/world_places.txt)."""
    from .known import countries

    return countries() | frozenset(words("world_places.txt"))


def _country_whole(short: str, full: str) -> bool:
    """Is ``full`` the name ``short`` with its first character, a country's, written as the whole country's name
    (俄 + 黑海舰队 -> 俄罗斯 + 黑海舰队, 美 + 联邦政府 -> 美国 + 联邦政府)?"""
    from .known import country_at_start

    country = country_at_start(full)
    return country is not None and country[0] == short[0] and full[len(country):] == short[1:]
