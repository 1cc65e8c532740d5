"""Names kg knows without reading them in a text: known short forms of national bodies, countries and planned
regions (kg/link/data/aliases.tsv), the country names (kg/extract/data/countries.txt), and what they tell the linker about a
mention (a foreign country before a bare 国务院, a body named with its region before its bare name)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import gazetteer
from kg.model import ORGANISATIONS, Mention
from kg.util.resources import table, words

__all__ = ["CHINA_MARKERS", "STATE_NAMES", "alias_class", "aliases", "countries", "country_at_start", "foreign_before",
           "foreign_namesake", "known_name", "other_body", "region_headed", "shared_name"]


CHINA_MARKERS = ("中共", "中国", "中华", "全国", "党中央", "中央")  # a name so begun is a Chinese body
STATE_NAMES = ("中华人民共和国", "中国", "国家")  # written before a national body's name, the same body (中国外交部)
_TERM = re.compile(r"第[一二三四五六七八九十百0-9]+届(?=中央|全国)")  # a term before a central or national organ


@lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, ...], ...]:
    from kg.extract.mentions import CLASSES as ENTITY_CLASSES  # the classes a mention is found with

    rows = tuple(tuple(r) for r in table("aliases.tsv"))
    for r in rows:
        if len(r) < 2 or r[0] not in ("-", *ENTITY_CLASSES) or r[0] == "Person":
            raise ValueError(f"kg/link/data/aliases.tsv: expected a class ({', '.join(ENTITY_CLASSES[1:])} or -), "
                             f"the canonical name and its forms; got {r!r}")
    return rows


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Form -> canonical name of national bodies, countries and named regions (kg/link/data/aliases.tsv)."""
    out: dict[str, str] = {}
    for row in _rows():
        for form in row[1:]:
            out[form] = row[1]
    return out


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    return {row[1]: row[0] for row in _rows() if row[0] != "-"}


def alias_class(canonical: str) -> str | None:
    """The class a known name's node has whatever its mentions were typed (kg/link/data/aliases.tsv: 中宣部 is a
    party body, 人民政协 an organisation), or None when its mentions decide."""
    return _classes().get(canonical)


def known_name(text: str) -> str | None:
    """The canonical name of ``text``: a known form, or a state's name + the known form of one of its bodies
    (中华人民共和国国务院新闻办公室, 中国外交部 -> 中华人民共和国外交部)."""
    canonical = aliases().get(text) or aliases().get(_TERM.sub("", text))
    if canonical is not None:  # 中国共产党 + 第十八届 + 中央委员会: the body, whatever its term
        return canonical
    for state in STATE_NAMES:
        rest = text[len(state):]
        if text.startswith(state) and rest in aliases() and alias_class(aliases()[rest]) in ORGANISATIONS:
            return aliases()[rest]
    return None


def shared_name(form: str) -> bool:
    """Can ``form`` be another state's or party's body of that name (国务院, 外交部: its canonical name is
    中华人民共和国 + the form; 中央宣传部: any party has central organs), so that a longer name ending with it in the
    article (美国国务院, 某国劳动党中央宣传部) is the body it stands for?"""
    canonical = aliases().get(form)
    if canonical is None:
        return False
    return canonical == STATE_NAMES[0] + form or form.startswith("中央") or form in _namesakes()


def other_body(name: str, form: str) -> bool:
    """Is ``name`` another state's or another party's body of the shared name ``form`` (美国国务院, 日本财政部,
    某国劳动党中央政治局, 日共中央政治局): ``form`` after a foreign country or a party's name that is not the CPC's?
    A fragment (京国务院), another list item (某部 某部) or a Chinese body (共青团中央书记处) is none."""
    prefix = name[: -len(form)]
    if not name.endswith(form) or len(prefix) < 2 or prefix.startswith(CHINA_MARKERS):
        return False
    country = country_at_start(prefix)
    if country is not None:
        return aliases().get(country, country) != "中国"
    return prefix.endswith(_PARTY_ENDS) and all("\u4e00" <= c <= "\u9fff" for c in prefix)


_PARTY_ENDS = ("党", "共")  # 某某劳动党, 日共, 越共: a party's name before its central organ


@lru_cache(maxsize=1)
def _namesakes() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in table("foreign_namesakes.tsv"):
        if len(row) < 2:
            raise ValueError(f"kg/link/data/foreign_namesakes.tsv: expected form<TAB>state, got {row!r}")
        out.setdefault(row[0], set()).add(row[1])
    return {form: frozenset(states) for form, states in out.items()}


def foreign_namesake(form: str) -> frozenset[str]:
    """The foreign states whose body news writes bare as ``form`` too (kg/link/data/foreign_namesakes.tsv: 国务院
    for the US Department of State), so that a paragraph about that state makes it theirs."""
    return _namesakes().get(form, frozenset())


_PARAGRAPH_END = re.compile(r"\n")


def foreign_before(text: str, m: Mention, found: list[Mention]) -> frozenset[str]:
    """The foreign states whose body ``m`` may be (:func:`foreign_namesake`) named earlier in the paragraph of ``m``,
    alone or at the start of a name (美国 …, 美国某州法庭 … 国务院): a bare 国务院 there is theirs."""
    states = foreign_namesake(m.text)
    if not states:
        return frozenset()
    start = max((e.end() for e in _PARAGRAPH_END.finditer(text, 0, m.start)), default=0)
    out = set()
    for o in found:
        if start <= o.start < m.start:
            country = country_at_start(o.text)
            if country and aliases().get(country, country) in states:
                out.add(country)
    return frozenset(out)


_ATTACHED = 2  # characters at most between a country and a body's name that make it that country's (某国现任 + 议会)


def generic_country(text: str, m: Mention, found: list[Mention]) -> str | None:
    """The foreign country whose body a bare name many states' bodies carry (kg/link/data/generic_bodies.txt:
    国民议会, 民主党) is: a country named right before it (alone or at the start of a name, at most :data:`_ATTACHED`
    characters before: 委内瑞拉现任国民议会主席), else the one foreign country its story names; None for another name,
    for a story that names no foreign country or several and none right before it, or China."""
    if m.text not in words("generic_bodies.txt"):
        return None
    before = [(o.end, c) for o in found if m.start - _ATTACHED <= o.end <= m.start and o is not m
              and (c := country_at_start(o.text))]
    if before:
        last = max(before)[1]
        country: str | None = aliases().get(last, last)
    else:
        named = {aliases().get(c, c) for o in found if (c := country_at_start(o.text))} - {"中国"}
        country = next(iter(named)) if len(named) == 1 else None
    return country if country and country != "中国" else None


def country_at_start(name: str) -> str | None:
    """The longest country name ``name`` starts with (美国 in 美国马里兰州某法庭), or None."""
    names = countries()
    return next((name[:n] for n in range(min(len(name), 12), 1, -1) if name[:n] in names), None)


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    return frozenset(w for line in words("countries.txt") for w in line.split())


def region_headed(found: list[Mention], context: list[str]) -> dict[str, Mention]:
    """Organisation names of an article written as a country or region + a name (美国联邦政府, 香港特区政府): the
    name without the region -> the full mention, so that a later bare 联邦政府 or 特区政府 is the same body."""
    out: dict[str, Mention] = {}
    names = countries()
    for o in sorted(found, key=lambda m: m.start):
        if o.cls not in ORGANISATIONS:
            continue
        for i in range(2, min(len(o.text) - 2, 12) + 1):
            head, tail = o.text[:i], o.text[i:]
            if head in names or gazetteer.resolve(head, context) is not None:
                out.setdefault(tail, o)
    return out
