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

__all__ = ["article_context", "names_water", "needs_region", "prefecture", "region_prefix", "region_spans"]

_LEVEL_WORDS = ("市场", "区域", "县域")  # words that begin with a level character
_RIVER_LIST = re.compile(r"(?:、[\u4e00-\u9fff]{1,6}){0,8}等[0-9一二三四五六七八九十百]+条(?:河|江|支流|河流)")  # 沅江、信江等12条河


@lru_cache(maxsize=1)
def _landforms() -> frozenset[str]:
    return frozenset(words("landform_chars.txt"))


def region_prefix(text: str, context: list[str]) -> tuple[str | None, str]:
    """Strip leading region names (a whole chain) from ``text``: (deepest region code, rest)."""
    spans = region_spans(text, context)
    return (spans[-1][2], text[spans[-1][1]:]) if spans else (None, text)


def region_spans(text: str, context: list[str]) -> list[tuple[int, int, str]]:
    """The chain of region names ``text`` starts with, as (start, end, GB/T code), outermost first
    (湖南省长沙市某某局 -> 湖南省, 长沙市); ``context`` holds region codes that settle ambiguous names.

    A region name followed by a landform character (浏阳河, 黄山 + 风景区 aside) names a natural feature, not a
    region, and is not taken; at least one character is always left after the chain.
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
        if code and not region.code.startswith(code[:2] if code.endswith("0000") else code[:4]):
            return spans  # 湖南 + 安居…: a region of another province is a brand word here, not a locator
        if code and _skips_its_city(code, hit, region):
            return spans  # 湖北 + 江汉…: a city district right after the province is a name word, not a locator
        code = region.code
        spans.append((at, at + len(hit), code))
        at += len(hit)


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
    """The article's main prefecture-level code ('' when it names none)."""
    for code in context:
        if not code.endswith("0000"):
            return code[:4] + "00"
    return context[0] if context else ""


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
