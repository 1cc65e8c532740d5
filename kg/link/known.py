"""Names kg knows without reading them in a text: known short forms of national bodies, countries and planned
regions (kg/link/data/aliases.tsv), the country names (kg/extract/data/countries.txt), and what they tell the linker about a
mention (a foreign country before a bare 国务院, a body named with its region before its bare name)."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract import gazetteer
from kg.model import ORGANISATIONS, Mention
from kg.util.resources import table, words

__all__ = ["CHINA_MARKERS", "aliases", "countries", "country_at_start", "foreign_before", "region_headed"]


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Form -> canonical name of national bodies, countries and named regions (kg/link/data/aliases.tsv)."""
    out: dict[str, str] = {}
    for row in table("aliases.tsv"):
        for form in row:
            out[form] = row[0]
    return out


_PARAGRAPH_END = re.compile(r"\n")
CHINA_MARKERS = ("中共", "中国", "中华", "全国", "党中央", "中央")


def foreign_before(text: str, m: Mention, found: list[Mention]) -> frozenset[str]:
    """Foreign countries named earlier in the paragraph of ``m``, alone or at the start of a name (美国 …, 美国某州
    法庭 … 国务院): a bare 国务院 there is theirs."""
    start = max((e.end() for e in _PARAGRAPH_END.finditer(text, 0, m.start)), default=0)
    out = set()
    for o in found:
        if start <= o.start < m.start:
            country = country_at_start(o.text)
            if country and aliases().get(country) != "中国":
                out.add(country)
    return frozenset(out)


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
