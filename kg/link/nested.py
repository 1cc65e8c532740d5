"""Regions named inside other names: 湖南省 in 湖南省农业农村厅, 长沙市 in 中共长沙市委 or 长沙市某某广场, and a foreign
country heading a name (美国 in 美国联邦政府, 俄罗斯 in 俄罗斯国防部: without a code). A known body's name
(kg/extract/data/known_bodies.tsv: 南部战区, 上海合作组织) holds no region that locates it.

Extraction keeps mentions flat (the longest name wins), so an article that names a province only inside an
organisation's name would not count as mentioning the province. This stage adds those regions as mentions of
their own, after relations are read from the flat mentions (so no fact is drawn from a position inside a name)
and before linking (so the region's node gets the article). Each carries ``extractor="nested"`` and the region's
GB/T 2260 code, with raw-file offsets like every mention.
"""

from __future__ import annotations

from kg.extract import gazetteer
from kg.extract.known_bodies import known_class
from kg.link.entities import CPC_PREFIXES, ORGS, region_spans
from kg.link.known import aliases, countries, country_at_start
from kg.model import Article, Mention

__all__ = ["region_mentions", "EXTRACTOR"]

EXTRACTOR = "nested"
_HOSTS = (*ORGS, "Place")
_KNOWN_ORGS = ("GovernmentBody", "PartyOrganization", "Organization")  # known_bodies.tsv: no seats (某地卫星发射中心)


def region_mentions(article: Article, mentions: list[Mention]) -> list[Mention]:
    """The regions (or the foreign country) the names of organisations and places in ``mentions`` start with
    (after a 中共 prefix), as new mentions; a span already a mention is not repeated. An initiative's name is left
    alone: the region there names its owner or scope, not where it is."""
    context = [m.code for m in mentions if m.code]
    have = {(m.start, m.end) for m in mentions}
    out: list[Mention] = []
    for m in mentions:
        if m.cls not in _HOSTS:
            continue
        country = country_at_start(m.text)
        if country and aliases().get(country, country) != "中国" and (m.start, m.start + len(country)) not in have:
            out.append(_nested(article, m, m.start, m.start + len(country), None))  # 美国 in 美国联邦政府
            have.add((m.start, m.start + len(country)))
            place = _foreign_place_at(m.text, len(country))
            if place and (m.start + len(country), m.start + place) not in have:  # 某国 + 某某城 + 市中心
                out.append(_nested(article, m, m.start + len(country), m.start + place, None))
                have.add((m.start + len(country), m.start + place))
            continue
        if known_class(m.text) in _KNOWN_ORGS:
            continue  # a known national or international body (南部战区, 上海合作组织): no region locates it
        skip = next((len(p) for p in CPC_PREFIXES if m.cls == "PartyOrganization" and m.text.startswith(p)), 0)
        spans = region_spans(m.text[skip:], context, evidence=True)
        if not spans and m.cls == "Enterprise":
            skip, spans = _after_brand(m.text, context)  # 某网 + 某某市 + 供电公司: a group's branch in a city
        for n, (s, e, code) in enumerate(spans):
            start, end = m.start + skip + s, m.start + skip + e
            if n and m.cls == "Place" and article.text[start:end] != gazetteer.get(code).name:
                break  # 某市某某国际机场: a county's short name after the city is the place's own name
            if (start, end) in have:
                continue
            have.add((start, end))
            out.append(_nested(article, m, start, end, code))
    return out


def _nested(article: Article, host: Mention, start: int, end: int, code: str | None) -> Mention:
    raw_start, raw_end = article.raw_span(start, end)
    return Mention(article=article.id, start=start, end=end, raw_start=raw_start, raw_end=raw_end,
                   cls="AdministrativeRegion", text=article.text[start:end], extractor=EXTRACTOR,
                   confidence=host.confidence, code=code, sentence=host.sentence)


_BRAND_CHARS = 3  # the longest group short form before the region a branch is named by (某网, 中某, 中某某)
_STREET_CHARS = "路街道巷"  # 某某 + 长沙路店: a street named after the city, not the city


def _after_brand(text: str, context: list[str]) -> tuple[int, list[tuple[int, int, str]]]:
    """(offset, region spans) of a prefecture or province named right after a group's short form of one to three
    characters in a company's name (某网 + 某某 + 供电公司, 中某 + 某某 + 能源化工有限公司); (0, []) when none is."""
    for skip in range(1, _BRAND_CHARS + 1):
        spans = region_spans(text[skip:], context, evidence=True)
        after = text[skip + spans[-1][1]:] if spans else ""
        if spans and spans[0][2].endswith("00") and len(after) >= 2 and after[0] not in _STREET_CHARS:
            return skip, spans
    return 0, []


def _foreign_place_at(text: str, at: int) -> int | None:
    """The end of the longest foreign city or region (kg.extract.foreign_regions) written at ``at`` in ``text``, with
    a character left after it; None when there is none, when it is a country (某国 + 某国广播公司: a name word) or
    when a transliteration character goes on after it (某某 + 伯通讯社: a longer foreign name cut)."""
    from kg.extract.finders import is_country
    from kg.extract.foreign_regions import is_foreign_place
    from kg.extract.people import transliteration_chars

    for end in range(min(len(text) - 1, at + 10), at + 1, -1):
        if is_foreign_place(text[at:end]):
            ok = not is_country(text[at:end]) and text[at:end] not in countries()
            return end if ok and text[end] not in transliteration_chars() else None
    return None
