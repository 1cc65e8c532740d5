"""Last clean-up of the kept candidates, whichever rule or model found them: edges of model spans moved to word
boundaries, words that name nothing dropped, classes by name (:mod:`kg.extract.orgclass`).

Real news showed these error classes (issue #13): a model span that starts inside a transliterated name
(旦河西岸 of 约旦河西岸) or ends inside the next word (珠峰 + 海拔); a person glued to the conjunction before it
(和 + 某某); a side in talks (中方); two country short forms (中某, 中某关系).
"""

from __future__ import annotations

import re

from . import orgclass
from .bodies import PARTY_AND_STATE, before_channel
from .ner.learned import PROVINCE_INITIALS, head_class, initials
from .ner.persons import joined_place
from .people import body_head
from .finders import is_country
from .foreign_regions import COMPASS_PARTS, is_foreign_place
from .merge_model import BANKS
from .initiatives import initiative_class, is_kind_word, without_period
from .rules import NUMERALS, Candidate, Doc, is_han, rules, written_apart
from .stems import MEASURE, is_full_region

__all__ = ["common_head_end", "finish", "places_named_as_people"]

_NAME_TAGS = ("ns", "nr", "nrt", "nz", "nt")
_PLACES = ("AdministrativeRegion", "Place")
_CONJ = "和与同及"
_DESCENT = "裔"  # 某洲 + 裔, 某国 + 裔: of that descent
_OPPOSITES = ("北南", "南北", "东西", "西东")  # two opposite directions: the two sides of a divided country
# a count of regions ending a span: 某某16国, 某某三国, 某某五省区, 某某9省 (区), 某某3市（县）, or alone: 五省区
_GROUP = re.compile(r".[0-9一二两三四五六七八九十]+(?:国|省区市|省市|省区|省|市|县|州)(?:$|[（(])"
                    r"|^[0-9一二两三四五六七八九十]+(?:省区市|省市|省区)$")  # 五省区: a count alone (二七区 is a district)
_DISEASE = ("病毒", "出血热", "疫情", "病例", "患者", "疫苗")  # after a name: a disease named after a place
_SIDE = re.compile(r"[\u4e00-\u9fff]方")  # 中方, 美方, 双方: a side in talks, no name (decision 22)
_RELATION = "关系"
_MANNER = ("特色", "式", "梦", "化")  # 某国特色, 某国式, 某国梦, 马克思主义 + 某国 + 化

_STATE_BODIES = ("政府", "议会", "两国政府", "军队")  # after two countries' short forms (中德 + 政府): two bodies
_JOINER_WORDS = ("会同", "联合", "和", "与", "及", "同")
_SCOPES = ("中央", "全国", "地方", "基层")  # 中央党的…: a scope and 党的, no party's name


def finish(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` (non-overlapping, sorted) with edges fixed, non-names dropped and classes by name."""
    out: list[Candidate] = []
    titled = _titled(d)
    by_end, by_start = {c.end: c for c in kept}, {c.start: c for c in kept}
    kept = _glued_runs(d, kept)
    for part in (p for k in _foreign_joined(d, kept) for q in _over_title(d, k) for r in _spaced(d, q)
                 for q2 in _country_place(d, _city_centre(d, r)) for q3 in _region_chain(d, q2)
                 for q4 in _foreign_chain(d, q3) for q5 in _army_and_fleet(d, q4)
                 for q6 in (r for u in _one_unnamed(d, q5) for r in _without_initial(d, u))
                 for p in _common_word_body_end(d, _after_clause_verb(d, q6))):
        prev_end = out[-1].end if out else 0
        c = _edges(d, part, prev_end)
        if c is None or _no_name(d, c, kept) or _in_title(d, titled, c) or _listed_with_people(d, c, by_end, by_start):
            continue
        if _unknown_model_region(d, c) and _listed_among_people(d, c, by_end, by_start, 2) \
                and not d.text.startswith(_HEADS_OF_STATE, c.end):
            c = Candidate(c.start, c.end, "Person", c.extractor, c.confidence)  # 某某、某某、[某某]: one more person (two or more listed)
        out.append(_person_before_title(d, _country_initial(d, _classed(d.text, c), prev_end)))
    return _unspaced_lists(d, _people_named_as_companies(d, out))


def _people_named_as_companies(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """A company the model found with no company head word (公司, 集团; heads.tsv) and no class by its name, written
    exactly as a person the text names elsewhere (某某·某某 + 表示 after 习近平会见某某·某某), or as the last part of a
    dotted name it gives (某·某·[某某某] after 总统某·某·某某某): that person; written exactly as a region or place the
    text names elsewhere (某某洲 of 某国是某某洲国家): that region or place (issue #13: the model's company label on
    foreign leaders' names and on places, org18; its places: :func:`places_named_as_people`)."""
    people = {d.text[c.start:c.end] for c in kept if c.cls == "Person"}
    people |= {n.rsplit("·", 1)[1] for n in people if "·" in n}  # 某·某某·[某某某]: the surname of a dotted name
    places = {d.text[c.start:c.end]: c.cls for c in kept if c.cls in ("AdministrativeRegion", "Place")}
    if not people and not places:
        return kept
    out = []
    for c in kept:
        name = d.text[c.start:c.end]
        if (c.extractor == "ner" and c.cls == "Enterprise" and (name in people or name in places)
                and head_class(name) is None and orgclass.classed(name, c.cls) == c.cls):
            c = Candidate(c.start, c.end, "Person" if name in people else places[name], c.extractor, c.confidence)
        out.append(c)
    return out


_NAME_LENGTHS = (3, 2)  # the lengths of Chinese full names a list is cut into (the longer tried first)


def _unspaced_lists(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """People listed with no separator between them (a sub-headline: 某甲某乙某丙丁某出席), whose names the article
    writes apart elsewhere: the run is cut into those names, and the people the model read across their boundaries
    (某丙丁) go (issue #13: the lists of leaders in broadcast sub-headlines)."""
    alone = {d.text[c.start:c.end] for c in kept if c.cls == "Person" and c.end - c.start in _NAME_LENGTHS
             and written_apart(d.text, c.start, c.end)}
    if len(alone) < 2:
        return kept
    cuts: list[tuple[int, int]] = []
    for c in kept:
        if c.cls != "Person" or any(s <= c.start < e for s, e in cuts):
            continue
        a = c.start
        while a > 0 and is_han(d.text[a - 1]):
            a -= 1  # the start of the run of Han characters that holds the candidate
        names = _cut_into(d.text, a, alone)
        if len(names) >= 2 and names[-1][1] >= c.end:
            cuts += names
    if not cuts:
        return kept
    out = [c for c in kept if not any(c.start < e and s < c.end for s, e in cuts)]
    return sorted(out + [Candidate(s, e, "Person", "list", 0.8) for s, e in cuts], key=lambda c: (c.start, c.end))


def _cut_into(text: str, a: int, names: set[str]) -> list[tuple[int, int]]:
    """The longest run of ``names`` written one after another from ``a`` (3 characters tried before 2)."""
    out: list[tuple[int, int]] = []
    while True:
        n = next((n for n in _NAME_LENGTHS if text[a:a + n] in names), 0)
        if not n:
            return out
        out.append((a, a + n))
        a += n


def places_named_as_people(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """A region or place of the model's that no gazetteer, country list or world list knows and no place word ends,
    written exactly as a person the text names elsewhere (its people after :func:`kg.extract.not_persons`), and
    used as no place here (after no 在 or 抵达, before no 地区 or 市, listed with no place): that person (当天下午，某某某某 + 前往… after
    某某某某 + 表示; issue #13: unread corpus stories, visiting leaders and speakers the model called places)."""
    people = {d.text[c.start:c.end] for c in kept if c.cls == "Person"}
    if not people:
        return kept
    places = {c.end for c in kept if c.cls in _PLACES} | {-c.start for c in kept if c.cls in _PLACES}
    return [Candidate(c.start, c.end, "Person", c.extractor, c.confidence)
            if c.extractor == "ner" and c.cls in _PLACES and d.text[c.start:c.end] in people
            and _unknown_place(d.text[c.start:c.end]) and not _located_here(d, c)
            and not (d.text[c.start - 1:c.start] in _LIST_MARKS and c.start - 1 in places
                     or d.text[c.end:c.end + 1] in _LIST_MARKS and -(c.end + 1) in places) else c for c in kept]


_LIST_MARKS = ("、", "和", "与", "及")  # 某某、某某和某某: one of a list of places is a place


_LOCATIVE_BEFORE = ("在", "于", "到", "至", "从", "经", "赴", "往", "抵达", "前往", "离开", "飞抵", "途经", "来自")
_LOCATIVE_AFTER = ("地区", "境内", "一带", "附近", "周边", "郊", "方向", "当地", "市", "省", "州", "县")


def _located_here(d: Doc, c: Candidate) -> bool:
    """Is the mention used as a place here: after a word of being or going somewhere (在, 抵达) or before a word of
    area or level (地区, 境内, 市)?"""
    k = d.token_at(c.start)
    before = d.tokens[k - 1][2] if k > 0 and d.tokens[k][0] == c.start else ""
    return before.endswith(_LOCATIVE_BEFORE) or d.text.startswith(_LOCATIVE_AFTER, c.end)


def _unknown_place(name: str) -> bool:
    """Is ``name`` known as no place: no region of China, no country or world place, no place word, and no two
    characters beginning with a country's one-character short form (巴新, a country's own short form)?"""
    return name not in rules().regions and not is_foreign_place(name) and not orgclass.place_word(name) \
        and head_class(name) is None and not (len(name) == 2 and name[0] in orgclass.country_initial_chars())


_POST_WORDS = ("表示", "说", "指出", "强调")
_DESCRIBED = ("工程", "项目", "战略", "倡议")  # the heads a description may end in (not plans: 某省重点研发计划)
_GRADE_WORDS = ("重大", "重点", "一系列")
_SIDES = "中我双各美俄日韩英法德印巴马泰越"  # 中方, 双方, 马方: a side of talks
_OPENERS, _CLOSERS = "《“\"「", "》”\"」"
# what a title in quotes or 《》 names when one of these follows: a column, a show, a series of reports
_BROADCASTS = ("栏目", "特别节目", "专栏", "系列报道", "专题节目", "纪录片", "专题片", "电视剧", "电视专题片")
# works whose title follows their kind (纪录片《某某》, 舞剧《某某》): a title, no programme (decision 20)
_WORKS_OF_ART = ("节目", "电影", "影片", "动画片", "歌曲", "舞剧", "话剧", "歌剧", "京剧", "电视节目")


def _foreign_joined(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """Two person spans side by side, both of transliteration characters (某某某 from a title rule + 某某 from
    the model): one foreign name cut in two."""
    from .people import transliteration_chars

    chars, out = transliteration_chars(), []
    for c in kept:
        prev = out[-1] if out else None
        if (prev is not None and prev.cls == c.cls == "Person" and prev.end == c.start and c.end - prev.start <= 10
                and all(ch in chars for ch in d.text[prev.start:c.end])):
            out[-1] = Candidate(prev.start, c.end, "Person", prev.extractor, prev.confidence)
            continue
        out.append(c)
    return out


def _over_title(d: Doc, c: Candidate) -> list[Candidate]:
    """A model span that runs over a title word (某州 + 州长 + 某某, 某军 + 士兵 + 某某·某某21号): the region
    before the title and the person after it, as two names."""
    if c.extractor != "ner" or c.cls == "Person":
        return [c]
    text, cues = d.text, rules().cue_before
    for k in range(d.token_at(c.start), len(d.tokens)):
        s, e, w = d.tokens[k]
        if s >= c.end:
            break
        if s > c.start and w in cues and c.end - e >= 2:
            if c.cls in _ORGS and _body_end(d, c.end):
                return [c]  # 某地 + 警察 + 联合会: a title word inside a body's name, the body ends in its head
            end = c.end
            while end > e and not is_han(text[end - 1]) and text[end - 1] not in "·•-":
                end -= 1  # 某某21号 -> 某某
            if text.endswith("号", e, end) and not is_han(text[end - 2]):
                end -= 1
            while end > e and text[end - 1].isdigit():
                end -= 1
            before = [Candidate(c.start, s, "AdministrativeRegion", "ner", c.confidence)] if s - c.start >= 2 else []
            return before + ([Candidate(e, end, "Person", "ner", c.confidence)] if end - e >= 2 else [])
    return [c]


_ORGS = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")


def _body_end(d: Doc, end: int) -> bool:
    """Does a body's head word (:func:`kg.extract.people.body_head`: 协会, 联合会) end at ``end``?"""
    s, e, w = d.tokens[d.token_at(end - 1)]
    return e == end and body_head(d, w)


def _spaced(d: Doc, c: Candidate) -> list[Candidate]:
    """A model organisation span over a space (a headline's 某某办公厅 + 空格 + 某某办公厅, 中办 国办): the bodies
    written side by side, each of its own class (issue #13: two bodies glued)."""
    if c.extractor != "ner" or c.cls not in _ORGS:
        return [c]
    parts = [(m.start() + c.start, m.end() + c.start) for m in re.finditer(r"\S+", d.text[c.start:c.end])]
    if len(parts) < 2:
        return [c]
    return [Candidate(s, e, orgclass.classed(d.text[s:e], head_class(d.text[s:e]) or c.cls), c.extractor, c.confidence)
            for s, e in parts if e - s >= 2]


_CENTRE = ("市中心", "市区")  # the centre or built-up area of a city: no place of its own


def _city_centre(d: Doc, c: Candidate) -> Candidate:
    """A span of a city's name and 市中心 or 市区 (某某市中心, a foreign 某国某某市区 too) is the city, named without
    its level word as the real gold names it (issue #13: the model's Place or Organization 某某市中心)."""
    name = d.text[c.start:c.end]
    if c.cls == "Person" or not name.endswith(_CENTRE) or len(name) < 5 or c.end not in d.ends:
        return c
    end = c.end - 3 if name.endswith("市中心") else c.end - 2
    start = max((c.start + name.rindex(w) + len(w) for w in COMPASS_PARTS if w in name[:end - c.start]), default=c.start)
    if end - start < 2:
        return c
    return Candidate(start, end, "AdministrativeRegion", c.extractor, c.confidence, c.code)  # (某地带南部 + 某某市中心)



_NAME_TAGS_START = (None, "ns", "nr", "nrt", "nz")  # a word that begins a proper name: unknown or tagged a name


def _country_place(d: Doc, c: Candidate) -> list[Candidate]:
    """A foreign country glued to a place or city after it (某国 + 某某港, 某国 + 某某岛, 某国 + 某某) is the
    country and the place, a chain of two as the real gold writes it, when the rest begins on a name word (unknown to
    the dictionary or tagged as a name) and is three characters or more (a city: two); a country's own longer
    name (几内亚比绍, world_places.txt) is no chain; a rest of common words keeps its country
    (某国 + 国家博物馆, 某国 + 南部水电站, 某国 + 小镇). China's own names (中国 + 某某馆) are left whole."""
    text = d.text
    if c.cls not in _PLACES or c.extractor == _RUN or is_foreign_place(text[c.start:c.end]):
        return [c]
    shortest = 2 if c.cls == "AdministrativeRegion" else 3  # 某国 + 某某 (a city), 某国 + 某某港
    n = next((n for n in range(min(6, c.end - c.start - shortest), 1, -1)
              if is_country(text[c.start:c.start + n])
              and (c.start + n in d.starts or is_foreign_place(text[c.start + n:c.end])
                   or _city_first(text[c.start + n:c.end]))), None)
    if n is None or text[c.start:c.start + n] in _CHINA:
        return [c]
    p = c.start + n
    w = d.tokens[d.token_at(p)][2]
    if p in d.starts and (d.tag(w) not in _NAME_TAGS_START and not _rare_noun(d, w) or w in rules().generic) \
            or not all(is_han(ch) for ch in text[p:c.end]):
        return [c]  # (a dictionary word 某国某城 splits where the rest is a foreign city)
    return [Candidate(c.start, p, "AdministrativeRegion", "country", 0.9),
            Candidate(p, c.end, c.cls, c.extractor, c.confidence, c.code)]


def _city_first(rest: str) -> bool:
    """Does ``rest`` begin with a foreign city or region of world_places.txt and go on (巴黎 + 某某大街: jieba glued
    the city to the country before it, 某国巴黎)?"""
    return any(is_foreign_place(rest[:k]) and not is_country(rest[:k]) for k in range(2, min(6, len(rest) - 1)))


def _rare_noun(d: Doc, w: str) -> bool:
    """Is ``w`` a noun of jieba's that is rare enough to be a foreign name (海法/n of 某国 + 海法港)?"""
    return len(w) == 2 and d.tag(w) == "n" and d.freq(w) < _RARE_NOUN  # not 体育中心: a kind of place


_RARE_NOUN = 50
_CHINA = ("中国", "中华人民共和国")
_INNER_LEVELS = ("地带", "省", "州", "县")  # a first-level region or a strip ends inside a model span: 某某省 + 某某市
_CHAIN_ENDS = "市区县城"


def _region_chain(d: Doc, c: Candidate) -> list[Candidate]:
    """A model region span no gazetteer knows whole that holds two regions, the first of three or more characters
    ending in a level word (某某省 + 某某市, 某某县 + 某某市, 某某地带 + 某某城), the second of two or more ending in
    市, 区, 县 or 城: the two, a chain (the real gold: 某省 and 某市, not one name). 杭州 + 湾新区 (the level
    character second) is no chain."""
    text = d.text
    name = text[c.start:c.end]
    if c.cls != "AdministrativeRegion" or c.extractor != "ner" or name in rules().regions or name[-1] not in _CHAIN_ENDS:
        return [c]
    for i in range(3, len(name) - 1):
        if name[:i].endswith(_INNER_LEVELS) and c.start + i in d.cuts and len(name) - i >= 2 \
                and not text.startswith(_LEVEL_WORD_STARTS, c.start + i):
            return [Candidate(c.start, c.start + i, c.cls, c.extractor, c.confidence),
                    Candidate(c.start + i, c.end, c.cls, c.extractor, c.confidence)]
    return [c]


def _glued_runs(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` with each country or region glued to a longer foreign name made that name (`_glued_run`); a model
    place inside the rest of the name (某国 + [某某某某]) is part of it."""
    out: list[Candidate] = []
    for i, c in enumerate(kept):
        if out and out[-1].end > c.start:
            if out[-1].end >= c.end and c.cls in _PLACES:
                continue  # absorbed
            out[-1] = kept[i - 1]  # a partial overlap: the short match stays
        g = _glued_run(d, c)
        out.append(g)
    return out


def _glued_run(d: Doc, c: Candidate) -> Candidate:
    """A country or a region of China matched at the start of a longer foreign name (某国 + 某某某某, 某地 + 某某市:
    the run goes on in words the dictionary does not know, all of transliteration characters) is that longer name, a
    region, with its level word (市, 州, 省 …) when one follows; the short match was a fragment (issue #13)."""
    from .foreign_regions import level_after
    from .people import transliteration_chars

    if c.cls != "AdministrativeRegion" or c.extractor not in ("country", "gazetteer") or c.end - c.start > 3:
        return c
    chars, text, e = transliteration_chars(), d.text, c.end
    while e < len(text) and text[e] in chars:
        e += 1
    words = [w for s, _t, w in d.tokens[d.token_at(c.end):d.token_at(e - 1) + 1]] if e > c.end else []
    level = level_after(d, e)
    if e - c.end < 2 or any(len(w) > 1 and w in d.info for w in words) or (
            level > 0 if c.extractor == "country" else text[e:e + level] != "市") or not level and (
            e not in d.cuts or _noun_after(d, e)):
        return c  # a region of China goes on only into a city (某地 + 某某市), a country into no noun (某国 + 某某航空)
        # nor into a level word (某国 + 某某州: a chain of two)
    return Candidate(c.start, e + level, "AdministrativeRegion", _RUN, c.confidence)


def _noun_after(d: Doc, e: int) -> bool:
    """Does a Chinese noun or name begin at ``e`` (a company's or a place's kind word: 某某 + 航空, 某某 + 大学)?"""
    if e >= len(d.text) or not is_han(d.text[e]):
        return False
    s, _t, w = d.tokens[d.token_at(e)]
    return s == e and (d.tag(w) or "n")[:1] in "naj" and len(w) > 1


_RUN = "foreign run"  # the extractor of a name `_glued_run` made whole (no country to split off again)


def _army_and_fleet(d: Doc, c: Candidate) -> list[Candidate]:
    """A body of an army or armed service and a fleet named after it (某军 + 某海舰队, 海军 + 某海舰队, 某军 + 第某舰队)
    is two bodies, as the real gold writes them: the army and the fleet (a country before the fleet, 某国 + 某海舰队,
    stays one name)."""
    from kg.util.resources import words

    from .bodies import SERVICES

    name = d.text[c.start:c.end]
    if c.cls not in _ORGS or not name.endswith("舰队"):
        return [c]
    n = next((len(a) for a in SERVICES if name.startswith(a)), 0)
    if not n and len(name) > 2 and name[1] == "军" and name[0] in words("country_initials.txt"):
        n = 2
    if not n or len(name) - n < 4:
        return [c]
    return [Candidate(c.start, c.start + n, "GovernmentBody", c.extractor, c.confidence),
            Candidate(c.start + n, c.end, c.cls, c.extractor, c.confidence)]


def _foreign_chain(d: Doc, c: Candidate) -> list[Candidate]:
    """A model span of a foreign state, province or island and a town after it whose name is a run of two or more
    transliteration characters to the span's end or a foreign city of world_places.txt (某某州 + 某某某某, 某某岛 +
    某某某, of any class the model gave it)
    is a chain of two, as the real gold writes it: the first a region (an island a Place), the second a region
    (issue #13: the model's one region or company 某某州某某某某)."""
    from .people import transliteration_chars

    text = d.text
    name = text[c.start:c.end]
    if c.extractor != "ner" or c.cls == "Person" or len(name) < 4 or name in rules().regions:
        return [c]
    chars = transliteration_chars()
    for i in range(2, len(name) - 1):
        rest = name[i:]
        if (name[i - 1] in _FOREIGN_LEVELS and c.start + i in d.cuts and not is_country(rest)
                and (all(ch in chars for ch in rest) and d.tag(rest) in _TOWN_TAGS or is_foreign_place(rest))):
            first = "Place" if name[i - 1] == "岛" else "AdministrativeRegion"
            return [Candidate(c.start, c.start + i, first, c.extractor, c.confidence),
                    Candidate(c.start + i, c.end, "AdministrativeRegion", c.extractor, c.confidence)]
    return [c]


_FOREIGN_LEVELS = "州省郡岛"
_ADDRESSED = ("贵国", "该国")  # 贵国 + 某某省 (in a message to a head of state): the country spoken of, no name
_DESCRIPTIONS = ("边境重镇", "重镇", "城市", "首都")  # 北部 + 重镇 + 某某: a description before the name
_INITIAL_TAGS = ("j", "ns")  # 俄/j, 伊/ns: jieba's tags of a country's one-character short form as a word


_UNNAMED_AFTER = "市县州省区镇"  # 某某市 + 一 + 小区: one compound of the city, not named


def _one_unnamed(d: Doc, c: Candidate) -> list[Candidate]:
    """A place found by its kind word after a region and 一 (某某市 + 一小区, 某某州 + 一码头: one compound, one pier
    of the region, which the news does not name) is only the region (issue #13: the suffix rules' 某市一小区)."""
    name = d.text[c.start:c.end]
    i = name.find("一", 2)
    if c.cls != "Place" or i < 0 or name[i - 1] not in _UNNAMED_AFTER or not orgclass.place_word("某" + name[i + 1:]) \
            and name[i + 1:] not in _COMPOUNDS:
        return [c]
    return [_city_centre(d, Candidate(c.start, c.start + i, "AdministrativeRegion", c.extractor, c.confidence))]


_COMPOUNDS = ("小区", "码头", "商场", "市场", "工地", "公园", "广场", "仓库")  # kinds of places news leaves unnamed


def _without_initial(d: Doc, c: Candidate) -> list[Candidate]:
    """A model or list place that begins with a country's one-character short form as a word of its own (俄 +
    某某州, 黎 + 北部 + 某某, 伊 + 北部重镇 + 某某) or with 贵国: the short form is not listed (tests/gold/README.md,
    policy 11), the place is the rest; after a part of the country (北部) and a describing word (重镇) it is the name
    after them, and nothing when no name is left (黎 + 南部: a part of a country, no name); a province and a town
    described between them (某某省 + 边境重镇 + 某某) are two regions. A rest of common words
    or one without a level word stays whole (issue #13: the model's 俄某某州 and 某北部重镇某某 of war news)."""
    text = d.text
    name = text[c.start:c.end]
    if (c.cls not in _PLACES or c.extractor in ("gazetteer", "country") or len(name) < 3 or name in rules().regions
            or is_country(name) or is_foreign_place(name) or is_foreign_place(name[:-1])):
        return [c]
    for w in _DESCRIPTIONS[:2]:  # 某某省 + 边境重镇 + 某某: a province and a town in it, a chain of two
        i = name.find(w, 3)
        if i > 0 and name[i - 1] in _FOREIGN_LEVELS and len(name) - i - len(w) >= 2:
            return [Candidate(c.start, c.start + i, c.cls, c.extractor, c.confidence),
                    Candidate(c.start + i + len(w), c.end, c.cls, c.extractor, c.confidence)]
    if name.startswith(_ADDRESSED):
        p = c.start + 2
    elif (name[0] in orgclass.country_initial_chars() and d.tokens[d.token_at(c.start)][:2] == (c.start, c.start + 1)
          and (d.tag(name[0]) in _INITIAL_TAGS or text.startswith(COMPASS_PARTS, c.start + 1))):
        p = c.start + 1
    else:
        return [c]
    part = next((w for w in COMPASS_PARTS if text.startswith(w, p)), "")
    if part:
        p += len(part)
        p += len(next((w for w in _DESCRIPTIONS if text.startswith(w, p)), ""))
        return [] if c.end - p < 2 else [Candidate(p, c.end, c.cls, c.extractor, c.confidence)]
    rest = text[p:c.end]
    s, e, w = d.tokens[d.token_at(p)]
    if len(rest) < 2 or not (is_foreign_place(rest) or len(rest) >= 3 and rest[-1] in _FOREIGN_LEVELS + "市邦" and s == p
                              and (p - c.start == 2 or e >= c.end - 1 and len(w) >= 2 and w in d.info)):
        return [c]  # (伊 + 德利|卜省: the rest no word of the dictionary, the initial may begin a transliteration)
    return [Candidate(p, c.end, c.cls, c.extractor, c.confidence)]
_TOWN_TAGS = (None, "ns", "nr", "nrt")  # the rest unknown to the dictionary or a name, no brand (某州 + 某某 company)


_LEVEL_WORD_STARTS = ("长", "委", "政府", "市", "区", "县")  # 某州 + 长: a title; 某某县 + 市: no second name


_HEADS_OF_STATE = ("总统", "总理", "首相", "主席", "国王", "先生", "女士")


def _person_before_title(d: Doc, c: Candidate) -> Candidate:
    """A model location no gazetteer or country list knows, right before a title or a speech verb (某某总统,
    某某表示), is a person the model took for a place; a model company with no company head right before such a
    title (某某 + 总统) is a person too."""
    name = d.text[c.start:c.end]
    if (c.extractor == "ner" and c.cls == "Enterprise" and d.text.startswith(_HEADS_OF_STATE, c.end)
            and head_class(name) is None and orgclass.classed(name, c.cls) == c.cls):
        return Candidate(c.start, c.end, "Person", c.extractor, c.confidence)  # 某某 + 总统: no company
    if not _unknown_model_region(d, c, foreign=False):
        return c
    if (name.endswith("国") or any(is_country(name[:n]) for n in range(2, len(name))) or joined_place(name)):
        return c  # 某某国 + 总理, 某某和某某 + 总理: a state, not a person
    if d.text.startswith(_HEADS_OF_STATE + _POST_WORDS + _VISITS + _COMRADE, c.end) or _escorted(d.text, c.end):
        return Candidate(c.start, c.end, "Person", c.extractor, c.confidence)
    i = next((name.find(t) for t in _HEADS_OF_STATE[:3] if 0 < name.find(t) <= 2), -1)
    if i > 0 and len(name) - i - 2 >= 2 and all(ch in orgclass.country_initial_chars() for ch in name[:i]):
        return Candidate(c.start + i + 2, c.end, "Person", c.extractor, c.confidence)  # 某 + 总统 + 某某
    return c


_HONG_KONG_VERBS = "乱祸惠爱援涉"  # 乱港, 惠港, 爱港, 涉港: verbs whose object is Hong Kong, which no port's name ends in
_VISITS = ("访华", "是应")  # 某某 + 访华, 某某 + 是应 + 某某的邀请: the guest of a state visit, a person
_COMRADE = ("同志",)  # 某某 + 同志: a comrade, a person (no place is called one)
_ESCORT = re.compile(r"在[^，。、；]{2,12}陪同下")  # 某某 + 在 + 某某 + 陪同下 + 检阅仪仗队


def _escorted(text: str, p: int) -> bool:
    """Does ``在某某陪同下`` (escorted by someone) follow ``p``?"""
    return _ESCORT.match(text, p) is not None


def _unknown_model_region(d: Doc, c: Candidate, foreign: bool = True) -> bool:
    """A region of the model that no gazetteer, country list or place word knows, nor (``foreign``) the list of
    world places (whose transliterations are people's names too: 某某特)."""
    name = d.text[c.start:c.end]
    return (c.extractor == "ner" and c.cls == "AdministrativeRegion" and not c.code and name not in rules().regions
            and not is_country(name) and not (foreign and is_foreign_place(name)) and not orgclass.place_word(name))


def _titled(d: Doc) -> list[tuple[int, int]]:
    """Spans of titles inside 《》 (documents, laws, plans: decision 20)."""
    return [(m.start() + 1, m.end() - 1) for m in re.finditer(r"《[^《》]{1,60}》", d.text)]


def _in_title(d: Doc, titled: list[tuple[int, int]], c: Candidate) -> bool:
    """A region or country that is only part of a title (《某国某某法》): a fragment of a longer name, no mention
    of its own (tests/gold/README.md, policy 12)."""
    if c.cls != "AdministrativeRegion":
        return False
    return any(s <= c.start and c.end <= e and (s, e) != (c.start, c.end) for s, e in titled)


def _edges(d: Doc, c: Candidate, prev_end: int) -> Candidate | None:
    text = d.text
    if c.cls == "Person":
        name = text[c.start:c.end]
        if name[0] in _CONJ and c.end - c.start >= 3 and c.start > 0 and text[c.start - 1] not in "，、。 ":
            rest = name[1:]
            if rest in rules().cue_before:
                return None  # 同 + 总理: a conjunction and a title
            c = Candidate(c.start + 1, c.end, c.cls, c.extractor, c.confidence, c.code)
        if c.start > 0 and text[c.start - 1] == "在" and name.endswith("中"):
            return None  # 在 + 某某 + 中: a place in a document or event, no person
        c = _joined(d, c)
    if c.cls in orgclass.ORG_CLASSES and _in_place(d, c.start):
        return _after_place(d, c)
    if c.extractor != "ner":
        return c
    s, e, w = d.tokens[d.token_at(c.start)]
    if s < c.start < e and all(is_han(ch) for ch in w) and s >= prev_end:
        if (e <= c.end and _name_part(text[s:c.start]) and _extends(d.tag(w), c.cls, text[s:c.start])
                and not (c.cls == "Person" and (is_country(w) or w in rules().regions))):
            c = Candidate(s, c.end, c.cls, c.extractor, c.confidence, c.code)  # 旦河西岸 -> 约旦河西岸
        elif (c.cls in orgclass.ORG_CLASSES and w in d.info and c.start - s >= 2 and w not in rules().regions
              and text[s:c.start] not in _JOINER_WORDS and not text.endswith("届", s, c.start)):
            return None  # 特别行政 + 区政府: an organisation that starts inside a longer dictionary word
            # (not 会同 + 县某某局: a joiner glued to a level word)
        elif (c.cls == "Person" and d.tag(w) not in _NAME_TAGS and not _after_title(text, c.start)
              and not (w not in d.info and _function_char(d, text[s:c.start]))):
            return None  # 育强国 of 教育强国: starts inside a common word (not 主任 + 何某某, cut 主|任何;
            # not a word jieba's HMM glued from a function character and a surname: 当 + 丁某, 使 + 耿某某)
        elif c.cls in _PLACES and (d.tag(w) or "x")[:1] in "vadt":
            # 走上 + 卢沟桥, 叫停 + 洛杉矶市, 当天 + 洛杉矶: a place that starts inside a verb, adjective, adverb or
            # time word starts after it
            # when a name word follows; none does in 造福 + 地区
            if c.end - e < 2 or (d.tag(d.tokens[d.token_at(e)][2]) or "ns") not in _NAME_TAGS:
                return None
            c = Candidate(e, c.end, c.cls, c.extractor, c.confidence, c.code)
    if c.cls in orgclass.ORG_CLASSES and _inner_particle(d, c):
        return None
    if c.cls in orgclass.ORG_CLASSES:
        c = _glued_before(d, c)
    if c.cls == "Person" and c.end < len(text):
        s, e, w = d.tokens[d.token_at(c.end - 1)]
        if c.start + 2 <= s < c.end < e and (d.tag(w) or "x")[:1] in "dpcvu":
            c = Candidate(c.start, s, c.cls, c.extractor, c.confidence, c.code)  # 某某 + 同一天
    if c.cls in ("AdministrativeRegion", "Place") and c.end < len(text):
        s, e, w = d.tokens[d.token_at(c.end - 1)]
        if c.start < s < c.end < e and d.tag(w) not in _NAME_TAGS and w in d.info \
                and text[c.end:e] not in BANKS:  # (not a word of jieba's HMM; not 某某湖|边: a lake before its bank)
            if s - c.start < 2:
                return None
            c = Candidate(c.start, s, c.cls, c.extractor, c.confidence, c.code)  # 珠峰 + 海拔
    return c


_NOT_INITIAL = "以加"  # 以 + 外交部名义, 加 + 政府投入: a preposition or verb as often as a country


def _country_initial(d: Doc, c: Candidate, prev_end: int) -> Candidate:
    """A state organ right after its country's one-character short form (country_initials.txt) that begins a word
    after a clause break (，美 + 联邦政府; 俄黑海舰队 as one word): the short form is part of the name, as in
    某国防部 (the gold of dev2 and dev3: 俄政府, 美联邦政府, 俄黑海舰队)."""
    from kg.util.resources import words

    p, text = c.start - 1, d.text
    if c.cls != "GovernmentBody" or p < prev_end or p < 0 or text[p] in _NOT_INITIAL:
        return c
    if text[p] not in words("country_initials.txt") or d.tokens[d.token_at(p)][0] != p:
        return c
    if p > 0 and (is_han(text[p - 1]) or text[p - 1].isalnum()):
        return c  # 访 + 美 + 政府代表团, 3 + 日: a verb's object or a date, no short form of a name
    return Candidate(p, c.end, c.cls, c.extractor, c.confidence, c.code)


def _glued_before(d: Doc, c: Candidate) -> Candidate:
    """A model organisation whose first word is a place's one-character short form (在 + 京 + 某某政治局) or a
    person's name no dictionary knows (撤销 + 某某 + 政协第某届全国委员会), before a word the dictionary knows as
    an organisation's name or short form: the organisation starts at that word."""
    k = d.token_at(c.start)
    if k + 1 >= len(d.tokens) or d.tokens[k][0] != c.start:
        return c
    (_, _, first), (s, _, second) = d.tokens[k], d.tokens[k + 1]
    if s >= c.end or c.end - s < 3 or d.tag(second) not in ("nt", "j"):
        return c
    if (len(first) == 1 and d.tag(first) == "ns") or (
            first not in d.info and 2 <= len(first) <= 3 and first[0] in rules().surnames):
        return Candidate(s, c.end, c.cls, c.extractor, c.confidence, c.code)
    return c


_BEING_IN = "在来涉驻赴访离抵"  # 在港, 来华, 涉港, 驻京: being in, coming to or concerning a place named by one character


def _in_place(d: Doc, p: int) -> bool:
    """Does a one-character short form of a province or of China (港, 京, 华) stand at ``p`` right after 在, 来 and the
    like (在 + 港 + 某某院士, 在 + 京 + 同 + 某某行长, 在 + 华 + 外资银行)?"""
    return (0 < p < len(d.text) and d.text[p] in PROVINCE_INITIALS + "华" and d.text[p - 1] in _BEING_IN
            and p + 1 in d.cuts)  # (not 在 + 京东集团: a word goes on)


def _after_place(d: Doc, c: Candidate) -> Candidate | None:
    """An organisation begun on the place of 在港, 在京: the name starts after it (and after 同, 与 or 和 there:
    在京 + 同 + 某某银行), none when a verb or less than two characters follows (来华 + 举办 + 某某)."""
    p = c.start + 1
    if d.text[p:p + 1] in ("同", "与", "和"):
        p += 1
    if c.end - p < 2:
        return None
    s, _e, w = d.tokens[d.token_at(p)]
    if s != p or len(w) < 2 or w not in d.info:
        return c  # 在 + 港铁公司: no dictionary word after the character, which may begin the name
    if (d.tag(w) or "n")[:1] == "v":
        return None
    return Candidate(p, c.end, c.cls, c.extractor, c.confidence, c.code)


def _inner_particle(d: Doc, c: Candidate) -> bool:
    """A model organisation holding a one-character preposition or adverb between two words (某州 + 就 + 联邦政府,
    某某 + 已 + 某某): a clause, no name."""
    k = d.token_at(c.start) + 1
    while k < len(d.tokens) and d.tokens[k][1] < c.end:
        s, e, w = d.tokens[k]
        k += 1
        if (e - s == 1 and (d.tag(w) or "x") in ("p", "d") and w not in _CONJ  # 研究与发展组织 is a name
                and s - c.start >= 2 and c.end - e >= 2):  # 乐 + 从 + 镇党委: a character of a place name
            return True
    return False


def _function_char(d: Doc, prefix: str) -> bool:
    """Is ``prefix`` one character of a function word, verb, numeral, measure or time word (当, 使, 以, 对, 年)?"""
    return len(prefix) == 1 and (prefix in rules().stop or (d.tag(prefix) or "n")[:1] in "pcdvumqrt")


def _after_title(text: str, p: int) -> bool:
    """Does a title or role word (posts.txt, title_cues.tsv) end at ``p``?"""
    cues = rules().cue_before
    return any(text[p - n:p] in cues for n in range(2, min(p, 6) + 1))


_JOINS = "-－‐·•"


def _joined(d: Doc, c: Candidate) -> Candidate:
    """A foreign name goes on after a hyphen or middle dot with two or more transliteration characters
    (某某-某某某, 某某·某某): the whole name."""
    from .people import transliteration_chars

    text, chars, e = d.text, transliteration_chars(), c.end
    while e + 2 < len(text) and text[e] in _JOINS:
        q = e + 1
        while q < len(text) and q - e <= 6 and text[q] in chars:
            q += 1
        if q - e - 1 < 2:
            break
        e = q
    return c if e == c.end else Candidate(c.start, e, c.cls, c.extractor, c.confidence, c.code)


def _extends(tag: str | None, cls: str, prefix: str) -> bool:
    """May a model span of class ``cls`` take in ``prefix``, the start of the dictionary word (tagged ``tag``)
    it begins inside? A place or organisation a place-like word (约旦河西岸; not 振兴中华, tagged as a name); a
    person only transliteration characters (谢苗诺 + 娃; not 某某某某, two Chinese names in a row)."""
    if cls == "Person":
        from .people import transliteration_chars

        return tag in ("nr", "nrt", "ns") and all(ch in transliteration_chars() for ch in prefix)
    return tag in ("ns", "nz", "nt", "nrt")


def _name_part(prefix: str) -> bool:
    """Can ``prefix`` (the part of a dictionary name before the model's span) begin a name: no function word
    or stop character (当 + 某某, 由西向东)?"""
    r = rules()
    if prefix.endswith("届"):
        return False  # 第九届 + 某某委员会: a body's term, no part of its name
    return prefix not in r.stop and prefix[0] not in r.stop and prefix[0] not in r.name_stop


def _no_name(d: Doc, c: Candidate, kept=()) -> bool:
    """Words that name no entity whatever found them: a side (中方, 某方), a bare 中央, two country short forms
    glued (中某 from the model, 中某关系); from the model, a scope cut before 党的 (中央党)."""
    from kg.util.resources import words

    name = d.text[c.start:c.end]
    if _SIDE.fullmatch(name) or name == "中央":
        return True
    if before_channel(d, c):
        return True  # 央视 + 综合频道: the slot a programme airs in
    if c.cls in orgclass.ORG_CLASSES and name in rules().generic:
        return True  # generic_words.txt: a kind of body named by its kind alone (安全部队)
    if c.cls == "Initiative" and is_kind_word(name) and (d.text[c.start - 1:c.start] != "《" or not any(
            o.cls == "Initiative" and o.end - o.start > len(name)
            and without_period(d.text[o.start:o.end]).endswith(name) for o in kept)):
        return True  # 中央组织部决定, 20条意见, 本办法: a kind of document or meeting alone, no name
    if c.cls == "Initiative" and d.text[c.start - 1:c.start] == "《" and d.text[c.end:c.end + 1] == "》" \
            and initiative_class(name) == "Event":
        return True  # 《某某诗词大会》, 《某某联欢晚会》: a show's title, no meeting (decision 20: programmes are none)
    opener = d.text[c.start - 1] if c.start > 0 else ""
    if c.cls == "Initiative" and opener and opener in _OPENERS and d.text[c.end:c.end + 1] in tuple(_CLOSERS) \
            and (d.text.startswith(_BROADCASTS, c.end + 1) or d.text.startswith("》节目", c.end)
                 or opener == "《" and d.text.endswith(_BROADCASTS + _WORKS_OF_ART, 0, c.start - 1)):
        return True  # 《某某》栏目, “某某”特别节目, “某某”专栏, 《某某》节目, 纪录片《某某》, 舞剧《某某》: a broadcast's or
        # a work's title, no programme of work (decision 20; “某某”节目 may be the acts of a show that is one: “村晚”节目)
    if c.cls == "Initiative" and name.endswith(_DESCRIBED) and not (opener and opener in _OPENERS) \
            and (any(g in name for g in _GRADE_WORDS) or name[1:2] == "方" and name[:1] in _SIDES):
        return True  # 国家重大战略, 某流域重点水利工程, 马方 + 重大基础设施项目: a grade or a side describes works, no
        # name (named plans keep theirs: 某省重点研发计划)
    if c.extractor == "ner" and c.cls in _PLACES and name in words("peoples.txt"):
        return True  # 阿拉伯 + 国家, 库尔德 + 武装 (peoples.txt): a people, no place
    if c.extractor == "ner" and c.cls in _PLACES and (name in _OPPOSITES or _GROUP.search(name)):
        return True  # 北南 + 关系 (the two Koreas), 某某某三国, 某某五省区: two sides or a group of regions, no one region
    if c.extractor == "ner" and c.cls == "AdministrativeRegion" and not c.code and d.text.startswith(_DISEASE, c.end) \
            and name not in rules().regions and not is_foreign_place(name):
        return True  # 某某 + 病毒, 某某 + 出血热: a disease named after a river or town, no mention of the place
    if c.extractor == "ner" and c.cls in _PLACES and orgclass.inside_common_landform(d.text, c.start, c.end):
        return True  # 金山 + [银山], 绿水 + [青山]: a slogan of wealth or nature (place_words.tsv, kind common)
    if c.cls == "Place" and _kind_of_site(d, c, name):
        return True  # 某某 + 教育基地, 某某 + 种植基地, 某某 + 产业园 of common words: a kind of site, no name
    if c.cls in _PLACES and d.text.startswith(_DESCENT, c.end):
        return True  # 某洲 + 裔 + 美国人: a descent, no mention of the place (issue #13: unread corpus stories)
    if c.cls in _PLACES and kind_of_unit(name):
        return True  # 小康村, 深度贫困村, 十里八乡: a kind of village or township, no place's name
    if c.cls not in ("Person", "Initiative") and _counted(d, c):
        return True
    if c.cls == "AdministrativeRegion" and d.text.startswith(_MANNER, c.end) and is_country(name):
        return True  # 某国 + 特色, 某国 + 式, 某国 + 梦: a manner or a dream, no mention of the country (中国特色社会主义)
    if name.endswith(_RELATION) and len(name) <= 4:
        return True
    if c.cls != "Initiative" and _RELATION in name and not _body_after(name[name.rindex(_RELATION) + 2:]):
        return True  # 某某国家关系, 中某关系大局: relations between countries, no body (某某关系学院, 某某关系委员会 are)
    if c.cls == "Place" and name.endswith("港") and name[-2:-1] in _HONG_KONG_VERBS:
        return True  # 反中乱港, 祸港乱港, 惠港 + 政策: doing harm or good to Hong Kong (港), no port
    if c.cls == "Place" and orgclass.compass_direction(d, c.start, c.end):
        return True  # 某城 + 西北, 西北 + 40公里, 西北 + 太平洋: a direction, no region of its own
    if c.extractor == "ner" and name[:-1] in _SCOPES and name.endswith("党") and d.text.startswith("的", c.end):
        return True  # 中央 + 党的 + 某某领导小组: the model cut inside “the party's …”
    if _loose_company(d, c, name):
        return True
    if c.cls in orgclass.ORG_CLASSES + ("Place",) and c.extractor != "gazetteer" and _count_inside(name):
        return True
    if c.extractor == "ner" and c.cls in orgclass.ORG_CLASSES and _sides_clause(d, c):
        return True
    if c.extractor == "ner" and c.cls != "Person" and (initials(name) or initials(name[:2]) and name[2:] in _STATE_BODIES
                                                        ) and not is_country(name):
        return True  # 俄中, 港澳台: one-character short forms written together; 中德 + 政府: two governments
    if _initial_and_word(d, c, name):
        return True
    if _common_noun_end(d, c, name):
        return True
    return (c.extractor == "ner" and len(name) == 2 and name[0] == "中" and name not in rules().regions
            and not is_country(name) and not orgclass.place_word(name))


_SITE_KINDS = ("基地", "产业园")  # heads of sites that news names by what is made or taught there
_SITE_NAME_TAGS = ("ns", "nrt", "nt", "j")  # a place, a transliterated name, a body, an abbreviation in the stem


def _kind_of_site(d: Doc, c: Candidate, name: str) -> bool:
    """A base or industrial park whose stem is only words of jieba's dictionary that name no place, body or foreign
    name (爱国主义 + 教育 + 基地, 杜鹃花 + 种植 + 基地, 航空航天 + 产业园): a kind of site, no site's name (issue #13:
    unread corpus stories). A stem with a place (某地 + 训练基地), an unknown word (某某某 + 军事基地) or a
    transliteration stays a name."""
    head = next((h for h in _SITE_KINDS if name.endswith(h)), None)
    if head is None or len(name) - len(head) < 2:
        return False
    hs = c.end - len(head)
    k = d.token_at(c.start)
    if d.tokens[k][0] != c.start:
        return False
    while k < len(d.tokens) and d.tokens[k][0] < hs:
        s, e, _w = d.tokens[k]
        piece = d.text[s:min(e, hs)]
        if piece not in d.info or (d.tag(piece) or "").startswith(_SITE_NAME_TAGS) or d.freq(piece) < _SITE_WORD_FREQ \
                or piece in rules().regions or is_foreign_place(piece):
            return False
        k += 1
    return True


_SITE_WORD_FREQ = 10  # a word this frequent in jieba's dictionary is a common word, not a rare name


def _common_noun_end(d: Doc, c: Candidate, name: str) -> bool:
    """A model region no gazetteer, country list or list of world places knows, without a level word, that ends in
    a common noun or measure the dictionary knows well (某某 + 立场, 某某 + 园林, 阁下, 延绵 + 千里): no place's
    name (issue #13: the model's regions of stances, gardens and forms of address)."""
    if c.extractor != "ner" or c.cls != "AdministrativeRegion" or c.code or c.end not in d.ends:
        return False
    if name in rules().regions or is_foreign_place(name) or orgclass.place_word(name) or name[-1] in _LEVEL_CHARS:
        return False
    s, _e, w = d.tokens[d.token_at(c.end - 1)]
    return s >= c.start and len(w) >= 2 and d.tag(w) in _COMMON_TAGS and d.freq(w) >= _COMMON_FREQ


def _after_clause_verb(d: Doc, c: Candidate) -> Candidate:
    """A model organisation that begins with a verb that makes a clause (clause_verbs.txt: 呼吁 + 某某政府, 会见 +
    某国议会) or with a description (官方媒体, 东道主 + 某国队) begins after it, as the suffix rules' names do
    (kg.extract.head_rules.left_trim)."""
    from .head_rules import after_descriptor
    from .merge_model import clause_verbs
    from .ner.learned import head_word

    if c.extractor != "ner" or c.cls not in orgclass.ORG_CLASSES or c.start not in d.starts:
        return c
    _s, e, w = d.tokens[d.token_at(c.start)]
    if w not in clause_verbs() or c.end - e < 2:
        head = head_word(d.text[c.start:c.end])
        e = after_descriptor(d, c.start, c.end - len(head) if head else c.end)
        if e == c.start or c.end - e < 2:
            return c
    return Candidate(e, c.end, c.cls, c.extractor, c.confidence)


def _common_word_body_end(d: Doc, c: Candidate) -> list[Candidate]:
    """A model organisation whose last word is a common word that only ends in a body's head character (政局, 大局,
    格局, 总部, 全部 end in 局 or 部) or a part of an area (北部, 中部, 东北部) is the political situation or a part of
    a place, no body (issue #13: 某国 + 政局, 某省 + 北部 typed a government body): the region before that word, if
    it is one, else nothing. A ministry keeps its stem (教育 of 教育部, agency_stems.txt), a longer word its head
    (管理局, 政治部)."""
    if c.extractor != "ner" or c.cls not in orgclass.ORG_CLASSES or c.end not in d.ends:
        return [c]
    s, _e, w = d.tokens[d.token_at(c.end - 1)]
    if w in PARTY_AND_STATE and s > c.start:  # 某国 + 党和政府: the country's party and government, no one body
        pass
    elif s <= c.start or len(w) < 2 or w in rules().heads or w[:-1] in rules().agency_stems:
        return [c]
    elif not (d.tag(w) == "f" or common_head_end(d, w)):
        return [c]
    before = d.text[c.start:s]
    if (before in rules().regions or is_country(before) or is_foreign_place(before)
            or len(before) >= 3 and before[-1] in "省州市" and all(is_han(ch) for ch in before)):
        return [Candidate(c.start, s, "AdministrativeRegion", c.extractor, c.confidence)]
    return []


def common_head_end(d: Doc, w: str) -> bool:
    """Is the word ``w`` a frequent common noun of two characters that only ends in a body's one-character head
    (政局, 格局, 总部, 部署 end in 局, 部 or 署), no head word (党委) nor a ministry's stem and head (教育 + 部 is no
    one word)?"""
    return (d.tag(w) == "n" and len(w) == 2 and d.freq(w) >= _COMMON_FREQ and w[-1] in _BODY_CHARS
            and w not in rules().heads and w[:-1] not in rules().agency_stems)


_BODY_CHARS = "局部委办厅署处"  # one-character heads of bodies (heads.tsv) that common words end in too
_COMMON_TAGS = ("n", "q", "a", "v", "vn", "d")
_COMMON_FREQ = 500
_LEVEL_CHARS = "市省州县区镇乡村郡旗"  # 某某 + 社区: a unit's name, whatever its last word


_UNIT_HEADS = "村乡镇"


def kind_of_unit(name: str) -> bool:
    """Is ``name`` a generic word ending in 村, 乡 or 镇 (十里八乡) or a stem made only of generic words of two
    characters or more (generic_words.txt) before one (小康 + 村, 深度 + 贫困 + 村, 富裕 + 村): a kind of local
    unit, no place's name? So is a verb character before one (驻村, 进村), or an idiom or numeral phrase of jieba's
    dictionary (三下乡). A stem with any other word stays a name, and so do generic characters alone (新村, 中村镇,
    大新镇: many places' own names)."""
    generic = rules().generic
    if name[-1:] not in _UNIT_HEADS:
        return False
    if name in generic:
        return True
    from .rules import tokenizer

    words = tokenizer()[1]
    stem = name[:-1]
    if len(stem) < 2:  # 驻 + 村, 进 + 村 (驻村干部, 进村入户): a verb and a village, no name
        return (words.get(stem) or (0, ""))[1].startswith("v")
    if (words.get(name) or (0, ""))[1][:1] in ("i", "m"):
        return True  # 十里八乡 (an idiom), 三下乡 (a campaign): jieba's words that name no place
    made = [True] + [False] * len(stem)  # made[i]: stem[:i] is generic words of two characters or more only
    for i in range(1, len(stem) + 1):
        made[i] = any(made[j] and stem[j:i] in generic for j in range(max(0, i - 4), i - 1))
    return made[-1]


def _initial_and_word(d: Doc, c: Candidate, name: str) -> bool:
    """A model organisation that is a country's one-character short form (or two written together) as a word of
    its own and one more word naming no body (俄 + 高科技, 俄 + 哨所, 叙 + 驻军, 中印 + 两军, 俄中 + 科技): the
    country and a thing of it, no name (issue #13). A head word (俄 + 国防部, 俄中 + 数学中心: two words), a known
    body, a word ending like a body (俄 + 奥委会), a state's body word (美 + 政府) or an army (叙 + 政府军) keeps it, and so does a dictionary word that begins with the initial
    (日产)."""
    from .bodies import BODY_WORDS
    from .known_bodies import known_class

    if c.extractor != "ner" or c.cls not in orgclass.ORG_CLASSES:
        return False
    k = d.token_at(c.start)
    s, e, w = d.tokens[k]
    if s != c.start or not (len(w) == 1 and w in orgclass.country_initial_chars() or len(w) == 2 and initials(w)):
        return False
    if k + 1 >= len(d.tokens) or d.tokens[k + 1][1] != c.end:
        return False  # the rest is more than one word
    rest = name[len(w):]
    return (head_class(rest) is None and not rest.endswith(BODY_WORDS + _ARMED) and known_class(rest) is None
            and rest[-1] not in _BODY_ENDS)


_ARMED = ("军", "军方", "军队")  # 叙 + 政府军, 乌 + 军方: an army, which the annotators read two ways: left as found
_BODY_ENDS = "部署院厅局委会社团台行"  # a body's short form (俄 + 奥委会, 某 + 足协): no common word ends so


def _body_after(rest: str) -> bool:
    """Does ``rest`` end in a head word of two characters or more (学院, 委员会, 协会): the name of a body? A
    one-character head (局 of 大局, 会 of 机会) ends common words as often."""
    return any(rest.endswith(h) for h in rules().heads if len(h) >= 2)


_COUNTERS = MEASURE | set("支地处")  # 五支 + 代表队, 三地 + 博物馆, 一处 + 隧道


def _counted(d: Doc, c: Candidate) -> bool:
    """An organisation or place whose first word is a number and a measure word (五支 + 代表队, 三大 + 公司, 三个 + 村),
    or that opens with a measure word right after digits (45 + 支 + 某某队): a count of units, no name."""
    text = d.text
    if text[c.start] in _COUNTERS and c.start > 0 and text[c.start - 1].isdigit():
        return True
    s, e, w = d.tokens[d.token_at(c.start)]
    w = text[c.start:min(e, c.end)]
    k = 0
    while k < len(w) and (w[k] in NUMERALS or w[k].isdigit()):
        k += 1
    return 0 < k < len(w) < c.end - c.start and all(ch in _COUNTERS for ch in w[k:])
# a count and a measure word inside a name: 某市17家医院, 两市某某学校, 一支某某队, 三个口岸 (counted things, no name)
_COUNT = re.compile(r"(?:[0-9０-９]+|[一两几多数各三四五六七八九十百千]+)余?(?:家|所|个|座|支|间)|[两三几多数各](?:省市|市|省|县)")


def _count_inside(name: str) -> bool:
    """Does an organisation or place span hold a count of things before more words (某市17家医院, 两市某某学校)?
    A numbered unit that ends with its measure (某某701所) is a name. (:func:`_counted`: a span that opens with one.)"""
    return any(m.end() <= len(name) - 2 for m in _COUNT.finditer(name))


def _sides_clause(d: Doc, c: Candidate) -> bool:
    """A model organisation made of a side in talks (a country's short form + 方: 德方, 中方) and a verb,
    adverb, preposition or conjunction (某方 + 愿同 + 中方): a clause, no organisation. (某国军方, 某国警方 are no
    sides; 某方代表团 holds no verb.)"""
    toks = [w for s, _, w in d.tokens[d.token_at(c.start):] if s < c.end]
    sides = [w for w in toks if _SIDE.fullmatch(w) and initials(w[0] + "中")]  # 德 + 中 reads as two countries
    return bool(sides) and any((d.tag(w) or "x")[:1] in "vdpc" for w in toks)


_GLUE_TAGS = "pcur"  # prepositions, conjunctions, particles, pronouns: no part of a brand name
_TAIL_TAGS = "vadtmil"  # verbs, adjectives, adverbs, time words, numerals, idioms, set phrases: no last word of
# a company's name (某地 + 发扬光大: a clause)
_ROUGH_COUNT = re.compile(r"[数几上近约][一二两三四五六七八九十百千万亿]+[多余]?|[一二两三四五六七八九十]*[十百千万亿][多余]")
# a rough count (数千, 上万, 几十, 三千多): no brand's first word (三一 of 三一重工 is one)
_COMMON = 2000  # a word this frequent in the dictionary (财富, 客人) is a common word, no brand


def _loose_company(d: Doc, c: Candidate, name: str) -> bool:
    """A company the model found with no company head word (公司, 集团, 银行; heads.tsv) and no class by its
    name, made of words that name no company: a side in talks (某方) or a function word inside it (某方 + 同 +
    某方), a verb, adjective or time word at its end (对某 + 投资, 某国 + 重视, 今天 + 营业), a frequent verb at its
    start (访问 + 某地), or one frequent common word (财富). Real news showed the model's company label on such
    phrases more often than on brand names (issue #13); a brand made of rarer words (某某动力, 某凡达) stays. An
    adjective alone (华诞), a rough count before a noun (数千 + 民众) and a side (某某 + 方) name no company either."""
    from .ner.learned import head_class

    if c.extractor != "ner" or c.cls != "Enterprise" or head_class(name) == "Enterprise":
        return False
    if orgclass.classed(name, c.cls) != c.cls:
        return False
    toks = [w for s, e, w in d.tokens[d.token_at(c.start):] if s < c.end]
    tags = [d.tag(w) or "x" for w in toks]
    if _country_goods(toks, tags, [d.freq(w) for w in toks]):
        return True
    if len(toks) == 1:
        return tags[0] == "a" or (tags[0][:1] in "nv" and tags[0][:2] not in ("nr", "ns", "nt", "nz")
                                  and d.freq(toks[0]) >= _COMMON)
    if _ROUGH_COUNT.fullmatch(toks[0]) or toks[-1] == "方":  # 数千 + 民众, 某国 + 方: a crowd, a side
        return True
    if any(_SIDE.fullmatch(w) or t[:1] in _GLUE_TAGS for w, t in zip(toks, tags)):
        return True
    if len(toks[-1]) >= 2 and tags[-1][:1] in _TAIL_TAGS:
        return True
    if _common_last_noun(d, toks[-1], tags[-1]) or toks[-1] in _LINE_WORDS:
        return True
    return len(toks[0]) >= 2 and tags[0][:1] == "v" and d.freq(toks[0]) >= _COMMON


_LINE_WORDS = ("城际", "高铁", "航线", "干线", "专线")  # 某某 + 城际: a line named by its two ends, no company (org17:
# 6 of the model's 108 companies without a head word in 1,500 unread stories; 地铁 and 铁路 stay: 某市地铁, 中国铁路)
_NOUN_END_FREQ = 1000  # a last word this frequent (时代, 武装, 网站, 国旗, 项目) is a common noun, no brand's


def _common_last_noun(d: Doc, w: str, tag: str) -> bool:
    """Is the last word ``w`` of a model company (of two words or more) a frequent common noun that names no trade
    (industry_words.txt: 电力, 航空, 科技 stay) and is no head word (公司, 集团): 某某 + 武装, 某某 + 网站, 某国 +
    国旗, 某地 + 项目, 新 + 时代? Such a phrase names a group, a thing or a time, no company (org17: 10 of the
    model's 108 companies without a head word in 1,500 unread stories, none of them a company)."""
    r = rules()
    return (tag == "n" and len(w) >= 2 and d.freq(w) >= _NOUN_END_FREQ and w not in r.industry
            and w not in r.heads)


def _country_goods(toks: list[str], tags: list[str], freqs: list[int]) -> bool:
    """A country's one-character short form, then frequent common nouns only (某 + 能源, 某 + 武器装备): the country's
    goods or assets, no company (issue #13: the model's company label on 打击某能源设施)."""
    from kg.util.resources import words

    if len(toks[0]) != 1 or toks[0] not in words("country_initials.txt") or len(toks) < 2:
        return False  # (a full country and a common noun may be a company's name: 某国 + 电信, 某国 + 航空)
    return all((t == "vn" or t[:1] == "n" and t[:2] not in ("nr", "ns", "nt", "nz")) and f >= _COMMON
               for t, f in zip(tags[1:], freqs[1:]))


def _listed_with_people(d: Doc, c: Candidate, by_end: dict, by_start: dict) -> bool:
    """A company the model found with no company head word in a 、-list whose other items are all people (某某、
    某某、某某等出席; 某某、某某也参加): one more person of the list, no company (issue #13: names of people read as
    companies). A list with another kind of item in it (某牌、[某人]、某牌) says nothing; other companies the model
    found with no head word count as no kind, when two or more people are in the list and outnumber the companies
    (某某、[某某]、某某、[某某]、某某: the model's company label on two people of one list; a list of brands some of
    which read as names stays)."""
    from .ner.learned import head_class

    if c.extractor != "ner" or c.cls != "Enterprise" or head_class(d.text[c.start:c.end]) == "Enterprise":
        return False
    return _listed_among_people(d, c, by_end, by_start, with_companies=True)


def _listed_among_people(d: Doc, c: Candidate, by_end: dict, by_start: dict, least: int = 1,
                         with_companies: bool = False) -> bool:
    """Is ``c`` in a 、-list whose other items (``least`` or more) are all people (``with_companies``: or companies
    the model found, when two or more people are in the list and outnumber them, ``c`` counted)?"""
    text, kinds = d.text, []
    p = c.start
    while p > 0 and text[p - 1] == "、" and p - 1 in by_end:
        item = by_end[p - 1]
        kinds.append(item.cls)
        p = item.start
    p = c.end
    while p < len(text) and text[p] == "、" and p + 1 in by_start:
        item = by_start[p + 1]
        kinds.append(item.cls)
        p = item.end
    people, companies = kinds.count("Person"), kinds.count("Enterprise") + 1
    return people >= least and all(k == "Person" or (with_companies and k == "Enterprise" and people >= 2
                                                     and people > companies) for k in kinds)


def _classed(text: str, c: Candidate) -> Candidate:
    """An organisation's class by how its name begins or ends (:func:`kg.extract.orgclass.classed`); a location that
    is a landform, a venue or a large region (:func:`kg.extract.orgclass.place_word`) or a part of a region named by
    a direction (:func:`kg.extract.orgclass.part_by_direction`: 闽南, 北疆) is a Place."""
    name = text[c.start:c.end]
    cls = orgclass.classed(name, c.cls)
    if cls == "AdministrativeRegion" and (orgclass.place_word(name) or orgclass.part_by_direction(name)) \
            and not is_full_region(name):
        cls = "Place"
    return c if cls == c.cls else Candidate(c.start, c.end, cls, c.extractor, c.confidence, c.code)
