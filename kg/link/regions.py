"""Regions in names and in articles, for the linker (kg.link.entities): the chain of region names a name starts with,
an article's region context and main prefecture, names that need a region to mean anything, and a short region
name that names a river.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from kg.extract import gazetteer
from kg.model import Mention
from kg.util.resources import words

__all__ = ["article_context", "join_located", "located", "names_water", "needs_region", "prefecture", "region_prefix",
           "region_spans", "scope"]

_LEVEL_WORDS = ("市场", "区域", "县域")  # words that begin with a level character
_RIVER_LIST = re.compile(r"(?:、[\u4e00-\u9fff]{1,6}){0,8}等[0-9一二三四五六七八九十百]+条(?:河|江|支流|河流)")  # 沅江、信江等12条河


@lru_cache(maxsize=1)
def _landforms() -> frozenset[str]:
    return frozenset(words("landform_chars.txt"))


def region_prefix(text: str, context: list[str], evidence: bool = False) -> tuple[str | None, str]:
    """Strip leading region names (a whole chain) from ``text``: (deepest region code, rest); ``evidence``: see
    :func:`region_spans`."""
    spans = region_spans(text, context, evidence)
    return (spans[-1][2], text[spans[-1][1]:]) if spans else (None, text)


def region_spans(text: str, context: list[str], evidence: bool = False) -> list[tuple[int, int, str]]:
    """The chain of region names ``text`` starts with, as (start, end, GB/T code), outermost first
    (湖南省长沙市某某局 -> 湖南省, 长沙市); ``context`` holds region codes that settle ambiguous names.

    A region name followed by a landform character (浏阳河, 黄山 + 风景区 aside) names a natural feature, not a
    region, and is not taken; at least one character is always left after the chain. With ``evidence``, a chain
    that opens with a county's short form which is also a common word or a water's name (公安 of 公安县, 解放 of
    解放区, 南海 of 南海区: :func:`_common_word`) is taken only when ``context`` holds a region of that county's
    province: the characters more often begin another name or word (公安部, 解放军, 共和党, 南海舰队).
    """
    spans: list[tuple[int, int, str]] = []
    names = gazetteer.names()
    at, code = 0, None
    while True:
        rest = text[at:]
        hit = next((rest[:n] for n in range(min(len(rest) - 1, 12), 1, -1) if rest[:n] in names), None)
        if hit and rest[len(hit) - 1:].startswith(_LEVEL_WORDS) and hit[:-1] in names:
            hit = hit[:-1]  # 岳阳市场监督管理局: 岳阳 + 市场..., not 岳阳市 + 场...
        if hit is None:
            return spans
        region = gazetteer.resolve(hit, ([code] if code else []) + context)
        if rest[len(hit)] in _landforms() and not (region and region.parent is None):
            return spans  # 浏阳河 is a river; a province name is never one (湖北江汉… is 湖北 + 江汉…)
        if region is None or (code and region.parent is None):
            return spans
        if evidence and code is None and region.level == "county" and hit != region.name and _common_word(hit) \
                and not any(c[:2] == region.code[:2] for c in context):
            return spans  # 公安 + 部, 解放 + 军: a county's short form and nothing of its province in the article
        if code and not region.code.startswith(code[:2] if code.endswith("0000") else code[:4]):
            return spans  # 湖南 + 安居…: a region of another province is a brand word here, not a locator
        if code and _skips_its_city(code, hit, region):
            return spans  # 湖北 + 江汉…: a city district right after the province is a name word, not a locator
        code = region.code
        spans.append((at, at + len(hit), code))
        at += len(hit)


def _common_word(word: str) -> bool:
    """Is ``word`` (a county's short form) a word jieba's dictionary tags other than a place (公安 n, 解放 v, 共和 nz,
    友谊 nr), or a place word that ends in a landform character (landform_chars.txt: 南海, 东海, the water more often)?
    A word it does not know or tags a place otherwise (ns: 西昌) is read as the county's name."""
    from kg.extract.rules import tokenizer

    got = tokenizer()[1].get(word)
    return got is not None and (got[1] != "ns" or word[-1] in _landforms())


_MUNICIPALITIES = ("110000", "120000", "310000", "500000")  # their districts stand right under the province level


def _skips_its_city(code: str, hit: str, region) -> bool:
    """True when ``hit``, written right after province ``code``, is a city district (市辖区, codes xxxx01-20) by its
    short name: a company names its county or county-level city after the province (浙江某县…), never a district
    of a city it leaves out."""
    return (code.endswith("0000") and code not in _MUNICIPALITIES and region.level == "county"
            and int(region.code[4:6]) <= 20 and hit != region.name)


def names_water(text: str, m: Mention, code: str) -> bool:
    """沅江干流, 湘江沿岸, 沅江、信江等12条河: a short region name followed by a river word, or listed among rivers,
    names the river, not the region."""
    region = gazetteer.get(code)
    if region is None or m.text == region.name:
        return False
    return text.startswith(words("water_context.txt"), m.end) or bool(_RIVER_LIST.match(text, m.end))


def article_context(mentions: list[Mention]) -> list[str]:
    """Region codes of an article, most mentioned first (used to pick among same-named regions)."""
    counts = Counter(m.code for m in mentions if m.code)
    return [c for c, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def prefecture(context: list[str]) -> str:
    """The article's main prefecture-level code ('' when it names none; a municipality's is its 某某01 code)."""
    for code in context:
        if not code.endswith("0000"):
            return scope(code)
    return scope(context[0]) if context else ""


def scope(code: str) -> str:
    """The prefecture-level code that scopes a local name in region ``code``: its prefecture; a province's own
    code (the prefecture is unknown); a municipality's districts and the municipality alike 某某0100."""
    if code in _MUNICIPALITIES or code[:2] + "0000" in _MUNICIPALITIES:
        return code[:2] + "0100"
    return code if code.endswith("0000") else code[:4] + "00"


_LOCAL_LEVEL = ("镇", "乡", "村", "街道", "社区", "居委会", "嘎查", "苏木")
_GENERIC_PLACE = re.compile(r"^(?:[省市县区镇乡村]|(?:人民|中山|解放|建设|城关|中心|实验|第[一二三四五六七八九十\d]+)"
                            r"(?:广场|公园|医院|路|街|大街|大道|中学|小学|学校|体育场|体育馆|剧院|电影院|市场)$)")


def needs_region(text: str, cls: str) -> bool:
    """A name without a gazetteer code means one thing across the corpus (长三角, 亚洲, 美国, 天安门广场), unless it
    is a local unit (某某镇, 某某村: many places share them) or a generic local name that needs its region to
    mean anything (人民广场, 第一中学, 县人民医院, 中山公园)."""
    if cls == "AdministrativeRegion" and text.endswith(_LOCAL_LEVEL):
        return True
    return bool(_GENERIC_PLACE.match(text))


_OF = "的"


def located(text: str, found: list[Mention], context: list[str]) -> dict[tuple[int, int], tuple[str, str]]:
    """The region each local name of an article (one that needs a region, kg.link.regions.needs_region) is written
    in: {(start, end): (region code, name without its region)}. The region is the chain the name starts with
    (安吉余村 -> 安吉县, 余村), else the region names written right before it, through townships without a code
    and one 的 (湖南省花垣县双龙镇 + 十八洞村, 四川成都的 + 某村); a name written so once gives its region to its
    other mentions in the article, unless the article writes it in two regions. Names no region locates are
    left out."""
    ends: dict[int, list[Mention]] = {}
    for o in found:
        if o.cls == "AdministrativeRegion":
            ends.setdefault(o.end, []).append(o)
    out: dict[tuple[int, int], tuple[str, str]] = {}
    bare: list[Mention] = []
    for m in found:
        if m.cls not in ("AdministrativeRegion", "Place") or m.code or not needs_region(m.text, m.cls):
            continue
        spans = region_spans(m.text, context)
        if spans and needs_region(m.text[spans[-1][1]:], m.cls) and _written_in_full(m.text, spans):
            out[(m.start, m.end)] = (spans[-1][2], m.text[spans[-1][1]:])
            continue
        code, at = None, m.start
        if not ends.get(at) and text[at - 1:at] == _OF:
            at -= 1
        for _ in range(4):
            before = ends.get(at)
            if not before:
                break
            o = max(before, key=lambda o: o.end - o.start)
            if o.code:
                code = o.code
                break
            at = o.start  # a township without a code between the county and the village
        if code:
            out[(m.start, m.end)] = (code, m.text)
        else:
            bare.append(m)
    where: dict[str, set[str]] = {}
    for code, rest in out.values():
        where.setdefault(rest, set()).add(scope(code))
    for m in bare:
        if len(where.get(m.text, ())) == 1:
            code = next(c for c, r in out.values() if r == m.text)
            out[(m.start, m.end)] = (code, m.text)
    return out


def _written_in_full(text: str, spans: list[tuple[int, int, str]]) -> bool:
    """Is the region chain a local name starts with a locator: two regions (浙江安吉 + 某村), a province, or one
    written with its level (某某县 + 某村)? A county's or city's short form alone may be the first word of the name
    itself (a township 某某关镇 whose first two characters are a county's short form elsewhere): see
    _join_short_located."""
    start, end, code = spans[-1]
    region = gazetteer.get(code)
    return len(spans) >= 2 or (region is not None and (text[start:end] == region.name or region.parent is None))


_MODIFIERS = "东西南北上下前后中大小新老"  # characters that begin many villages' names (南 + 某庄村, 北 + 某庄村)


def clipped(text: str, m: Mention) -> bool:
    """Is ``m`` a local name right after a character that begins many villages' names (南 + 某庄村): the end of a
    longer name the extractor may have cut, too weak to join a village elsewhere (join_located)?"""
    return text[m.start - 1:m.start] in _MODIFIERS if m.start else False


def join_located(keys, located_keys: set[str], clipped_keys: frozenset[str] | set[str] = frozenset(),
                 counties: dict[str, set[str]] | None = None) -> None:
    """A local unit's name (某某村, 某某镇) that every article writing it with its region locates in one
    prefecture is one place across the build: the keys of the articles that write only its province, and of those
    that do not write its region (keyed by their own prefecture), join that prefecture's key; the latter when they
    name no county outside that prefecture (a bare 某某村 in a story of a county is that county's) and their
    prefecture lies in the same province or the name is so written in two articles or more. A name written
    in two prefectures is several places: only those written with a province alone join, when one of the
    prefectures lies in it. ``located_keys``: the keys of names written with their region; ``clipped_keys``: keys
    of names that may be the end of a longer name (kg.link.regions.clipped), which join nothing; ``counties``: the
    county codes the stories of each bare name's key name."""
    _join_short_located(keys)
    by_name: dict[tuple[str, str], list[str]] = {}
    for key in keys.keyed:
        kind, _, rest = key.partition("|")
        code, _, name = rest.partition("|")
        if kind == "region" and name.endswith(_LOCAL_LEVEL):
            by_name.setdefault((kind, name), []).append(key)
    for (_, name), group in sorted(by_name.items()):
        written = [k for k in group if k in located_keys]
        prefectures = sorted({k.split("|")[1] for k in written if not k.split("|")[1].endswith("0000")})
        if not prefectures:
            continue
        evidence = {m.article for k in written for m in keys.keyed[k]}
        for key in sorted(group):
            code = key.split("|")[1]
            inside = [p for p in prefectures if p[:2] == code[:2]]
            if code in prefectures:
                continue
            if key in located_keys:  # written with its province alone
                target = inside[0] if len(inside) == 1 else None
            elif key in clipped_keys or any(c[:4] != prefectures[0][:4] for c in (counties or {}).get(key, ())):
                target = None
            elif len(prefectures) == 1 and (code[:2] == prefectures[0][:2] or len(evidence) >= 2):
                target = prefectures[0]
            else:
                target = None
            if target:
                keys.move(key, f"region|{target}|{name}", "a local name that every article writing its region "
                          f"locates in one prefecture ({target})", 0.75)


def _join_short_located(keys) -> None:
    """A local name that starts with a county's or city's short form (某县 short form + 某村) is the place of that
    county named by the rest, when some article of the build writes the rest in the county's prefecture (the key
    ``region|prefecture|rest`` exists) and the rest is no generic word + a level character (新村)."""
    from kg.extract.rules import rules

    for key in sorted(k for k in keys.keyed if k.startswith("region|") and k.count("|") == 2):
        name = key.split("|")[2]
        if not name.endswith(_LOCAL_LEVEL):
            continue
        spans = region_spans(name, [])
        if not spans:
            continue
        rest = name[spans[-1][1]:]
        target = f"region|{scope(spans[-1][2])}|{rest}"
        if (target != key and target in keys.keyed and rest[:-1] not in rules().generic
                and needs_region(rest, "AdministrativeRegion")):
            keys.move(key, target, f"a local name written after its county's short form ({name[:spans[-1][1]]})",
                      0.75)
