"""Spans typed Person that name no person, whichever rule or model found them: the last check of person spans.

A 5,000-story corpus build showed that most bad merges of people were no people at all (issue #13, #14): foreign
places, an armed group, fragments of longer words, a kinship word, common words and a prize's name. A Person span
is (the shapes of cut names and non-names: :mod:`kg.extract.name_shapes`)

- dropped when it is a kinship word (kin_words.txt, also after 大, 二, 三, 小, 老: 小女儿, 大儿子);
- retyped Place when it is one word jieba knows as a place that ends in a water character (黄渤海: surname + sea);
- dropped when it is a common word that jieba tags a name (prose_words.txt, dict_prose_words.txt: 祝贺, 荣誉, 宝典),
  also with one localizer glued on and no title before it (在 + 宝典 + 中说);
- dropped when the article uses the name as a noun anywhere and gives it no title (在 + 某某 + 中说, 第2号 + 某某,
  长江2号 + 某某), when it runs into a region level (某某 + 省) or is a family's place (某家 + 峪), when 某 stands
  before it, when 人 follows it as a word (a place's or body's people), or when it ends in a group's, unit's or
  hall's character (某某团, 某某旅, 某某馆);
- dropped when a prize's name follows it (某某 + 奖, 某某 + 文学奖, “某某”奖章): the prize, not the person;
- dropped when it is a fragment: it starts or ends inside a dictionary word of three or more characters that is
  no name, and is no name the dictionary knows itself (央视 + 嘉 of 嘉年华; 某某 of 某某理论 stays);
- dropped when it is a surname and the first character of a title (李 + 副 of 李副总理, 王 + 总 of 王总经理), a
  document's kind (白皮书, 《某某》 + a dictionary word) or two countries' one-character short forms and 军 or 方
  (日美 + 军 of 日美军演, unless a title stands before it);
- made whole when it is a foreign name cut at its middle dot or dash (某某 of 某某-某, 某某某 of 某某·某某某) or
  before a run of transliterated words (某尔德 of 某尔德穆哈梅多夫), or after a title and first syllables (国王 +
  阿卜 + 某拉二世);
- dropped when it is a surname and a form of address (林 + 院士);
- retyped a region when it is a state's formal name (某王国, 某某共和国), or a foreign place (below) after a verb of
  travel or stationing (抵达, 前往, 驻: person_cues.tsv, side ``travel``), dropped when it is another name there
  (驻 + 某国军: a place and an army);

and, when nothing in the article gives it person evidence (a title or role word before any occurrence of the
name, a speech verb, title or form of address after it, or a name list with someone who has such evidence),

- retyped a region when it is a country or a foreign city or first-level region
  (:func:`kg.extract.foreign_regions.is_foreign_place`; a title right after it is no evidence here: 某国总统);
- dropped when the rules took a frequent dictionary word for a name by the speech verb after it and the model
  nowhere in the text calls it a person (白皮书指出; only a title or role word keeps it);
- retyped an organisation when a word of membership or organs follows it (某某 + 领导人, 武装, 成员:
  person_cues.tsv, side ``group``) or it names a faction (某某派);
- dropped when it is one character and 军 or 军方 and the article names a country that begins with that character
  (黎 + 军 after 黎巴嫩, 孟 + 军方 after 孟加拉国): the country's army;
- dropped when it is four characters that make two frequent dictionary words, neither a name's nor a two-character
  or Japanese family name, and no speech verb follows it (珍爱 + 和平, 巍巍 + 矗立: slogans and headings);
- dropped when it is three characters ending in 湖, 潮, 沟 or 岛 (某踏湖, 某江潮: a lake, a tide) and nothing in the
  article (title, list, speech verb) makes it a person;
- dropped when it is the whole of a quotation (热带风暴“某某”, 大熊猫“某某”, 军舰“某某”): storms, animals,
  ships and groups are named in quotes, people are not;
- dropped when it is two characters, the first a verb or function word and no surname (涉 + a region's short
  form);
- dropped when it is an animal's or a plant's common name (creature_words.txt: 丹顶鹤, 胡杨, 小天鹅, 熊猫宝宝) and no title
  stands before it nor a speech verb after it;
- dropped when it is a frequent dictionary word that jieba tags a common word (空军, 联谊会; a word shaped like a
  Chinese name only when very frequent). Other words stay: jieba's dictionary gives the tag of names, nr, to
  common words (洪峰, 贺词: given names, or rarer words no list holds) and public figures' names alike, and tags
  周恩来 t, so no rule on the word alone tells them apart (a known limit, README).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cut_names import model_glued, model_whole, trimmed, whole_name
from .people import voices
from .name_shapes import ADDRESS_FORMS, DOTS, TITLES_AFTER, country_and_cut, cut_title, document_word, dotted_whole, foreign_run_on
from .finders import is_country
from .name_shapes import COMMON, COMMON_TAGS, country_force, grouped, people_word, phrase, two_countries, verb_word
from .rules import Candidate, Doc, is_han, rules, written_apart

__all__ = ["not_persons", "kin_word", "creature"]

_KIN_PREFIX = "大二三四小老"
_LIST_MARKS = ("、", "和", "与", "及", "，")
_AT = ("在", "于")  # 某某在某地表示: the place before the speech verb is no speaker


def not_persons(d: Doc, kept: list[Candidate], model: list[Candidate] | None = None) -> list[Candidate]:
    """``kept`` less the Person spans that name no person, with places and organisations retyped. ``model``: the
    learned model's spans of the text (None when it did not run)."""
    text = d.text
    kept = _people_typed_regions(d, kept)
    people = [c for c in kept if c.cls == "Person"]
    if not people:
        return kept
    spans = _occurrences(text, people)  # every place a person's name is written, not only the kept spans
    titled = {(s, e) for s, e in spans if _before(d, s) or _title_after(text, e)}
    strong = {(s, e) for s, e in spans if _before(d, s)}
    strong |= {(s, e) for s, e in spans
               if _speech_after(text, e) and _proper(d, text[s:e]) and text[s - 1:s] not in _AT
               and not _after_travel(text, s)}  # 访问某地表示: the place is visited, no speaker
    strong = _listed(text, people, strong)
    weak = _listed(text, people, strong | titled)
    names_strong = {text[s:e] for s, e in strong}
    names_weak = {text[s:e] for s, e in weak}
    ends = {c.end for c in people if all(is_han(ch) for ch in text[c.start:c.end])}
    owned = _listed(text, people, {(s, e) for s, e in spans if _own_title(d, s, ends)
                                   or _title_after(text, e) and not _crowd_after(text, e)})
    names_owned = {text[s:e] for s, e in owned}
    names_spoken = {text[s:e] for s, e in spans if _speech_after(text, e) or _title_after(text, e)}
    titled_before = {text[s:e] for s, e in spans if _before(d, s) or text.startswith(ADDRESS_FORMS, e)}
    nouns = {n for n in {text[c.start:c.end] for c in people} if n not in titled_before and _noun_use(d, n)}
    names = {text[c.start:c.end] for c in people}
    apart = {text[c.start:c.end] for c in people if written_apart(text, c.start, c.end)}
    starts = {c.start for c in people}
    glued = {text[c.start:c.end] for c in people if model_glued(d, c, model)}  # 某某 + 为, wherever it is written
    names = names - glued | {n[:-1] for n in glued}
    out: list[Candidate] = []
    wholes: list[Candidate] = []  # foreign names made whole across a middle dot: what else they cover goes
    for c in kept:
        if c.cls != "Person":
            out.append(c)
            continue
        own = c
        if text[c.start:c.end] in glued:
            c = Candidate(c.start, c.end - 1, c.cls, c.extractor, c.confidence)
        fixed = model_whole(d, c, model)  # the model's whole name where the rules cut it short
        whole = dotted_whole(d, fixed or c) or foreign_run_on(d, fixed or c) or fixed or _titled_run_before(d, c)
        whole = whole_name(d, whole or c, names) or whole
        if whole is not None and all(is_han(ch) for ch in text[whole.start:whole.end]) and any(
                o is not own and o.start < whole.end and whole.start < o.end and text[o.start:o.end] in apart
                for o in people):
            whole = None  # never across the next person of an unspaced list, named apart elsewhere (某某 + 丁 of 丁某某)
        if whole is not None:
            c = whole
            wholes.append(c)
        cut = trimmed(d, c, names)
        if cut is not None:
            if wholes and wholes[-1] is c:
                wholes[-1] = cut  # the whole name, trimmed, still covers its parts
            c = cut
        name = text[c.start:c.end]
        if len(name) >= 4 and name.endswith(_ARMED):  # 某某武装 in one span: an armed group, no person
            out.append(Candidate(c.start, c.end, "Organization", c.extractor, c.confidence))
            continue
        if _water_word(d, name):
            out.append(Candidate(c.start, c.end, "Place", c.extractor, c.confidence))
            continue
        water = _water_start(d, c)
        if water is not None:  # 某海 + 海 of 海冰: the sea, and the first character of the next word
            out.append(Candidate(c.start, water, "Place", c.extractor, c.confidence))
            continue
        if (kin_word(name) or name in _prose_words() or _prose_and_localizer(d, c) or _place_and_mou(name) or name in nouns or _place_named(d, c) or text[c.start - 1:c.start] == "某" or _people_of(d, c) or _prize_after(d, c.end) or _prize_named(name) or voices(name) or _inside_word(d, c) or _headed(name) or _cut_short(text, c) or _time_after_title(d, c)
                or cut_title(d, c) or document_word(d, c) or country_and_cut(d, c) or phrase(d, c) or grouped(d, c)
                or people_word(d, c)):
            continue
        dotted = _dotted(text, c)
        if len(name) >= 3 and name.endswith(_STATES) and not dotted:  # 某某王国总理: a state named formally
            out.append(Candidate(c.start, c.end, "AdministrativeRegion", c.extractor, c.confidence))
        elif not dotted and (name not in names_strong or _after_travel(text, c.start) or _country(text, c)) \
                and _foreign_place(name):
            out.append(Candidate(c.start, c.end, "AdministrativeRegion", c.extractor, c.confidence))
        elif verb_word(d, c) or _after_travel(text, c.start) or _rules_only_word(d, c, model) and name not in names_owned \
                or country_force(d, c) and name not in names_strong \
                or (_two_word_phrase(d, c) or _word_and_cut(d, c)) and name not in names_strong and name not in names_spoken \
                or _model_never(d, name, model) and (_common_word(d, name) or _phrase_word(d, name)):
            continue
        elif _crowd_word(d, c, model) and (name not in names_owned or c.end in starts) or _after_named(d, c, ends) \
                or _lone_pair(d, c, model) and name not in names_owned and name not in names_spoken \
                and not _own_title(d, c.start, ends) and not _speech_after(text, c.end):
            continue
        elif len(name) == 3 and name[-1] in _WATER_ENDS and name not in names_weak and name not in names_spoken:
            continue  # 某某湖, 某江潮, 某老沟 with no title, list or speech verb: a lake, a tide, a gully, no person
        elif creature(name) and name not in names_strong:
            continue  # 丹顶鹤, 胡杨, 小天鹅: an animal or a plant, with no title before it nor speech after it
        elif name in names_weak or dotted:
            out.append(c)
        elif text.startswith(_group_words(), _past_quote(text, c.end)) or (len(name) >= 3 and name.endswith("派")):
            out.append(Candidate(c.start, c.end, "Organization", c.extractor, c.confidence))
        elif not (_common_word(d, name) or _small_thing(d, name) or _verb_first(d, name) or _quoted(text, c) or two_countries(name)
):
            out.append(c)
    out = _covered(out, wholes)
    out = _places_by_context(d, out, names_weak)
    return _repeats(d, out, names_weak)


def _people_typed_regions(d: Doc, kept: list[Candidate]) -> list[Candidate]:
    """``kept`` with the model's regions that no list of places knows, that are no frequent dictionary word and
    that the article writes right after a title or role word that is no crowd's (叫 + 某某某某, 领导人 + 某某某,
    后卫 + 某某某某) retyped Person (issue #13: the public sets and held-out news showed people typed regions by the
    model). Persons then go through the checks below as any other. (The shape of a Chinese name alone, 罗某某 after
    来自某地的, was tried too: right on People's Daily, but it turned a non-name of the held-out news from a wrong
    region into a wrong person.)"""
    from .foreign_regions import is_foreign_place
    from .orgclass import place_word
    from kg.extract import gazetteer

    text, r = d.text, rules()
    out = []
    for c in kept:
        name = text[c.start:c.end]
        if c.cls == "AdministrativeRegion" and c.extractor == "ner" and 2 <= len(name) <= 6 \
                and all(is_han(ch) for ch in name) and name not in r.regions and not is_foreign_place(name) \
                and not gazetteer.lookup(name) and not place_word(name) and not _place_char(name[-1]) \
                and d.freq(name) < _SELDOM \
                and _person_context(d, name):
            c = Candidate(c.start, c.end, "Person", c.extractor, c.confidence)
        out.append(c)
    return out


_SELDOM = 20  # a dictionary word this frequent is no person's name here, whatever jieba's tag (雷达站 is nr, 93)


@lru_cache(maxsize=1)
def _place_ends() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset(words("landform_chars.txt") + words("site_chars.txt")) | set(_VILLAGE_ENDS) | set(_ADMIN_AFTER) | {"关", "城"}


def _place_char(ch: str) -> bool:
    """Does a place name end in ``ch``: a level, landform, site or village character (某某省, 某某河, 某某庄)?"""
    from .rules import LEVEL_CHARS

    return ch in LEVEL_CHARS or ch in _place_ends()


def _person_context(d: Doc, name: str) -> bool:
    """Does the article write ``name`` right after a title or role word that is no crowd's?"""
    text = d.text
    start = text.find(name)
    while start >= 0:
        got = _cue_at(d, start) if text[start - 1:start] not in _OPEN else None  # (国家“某某东送”: a slogan)
        if got is not None and got[1] not in _cues("crowd"):
            return True
        start = text.find(name, start + 1)
    return False


def _places_by_context(d: Doc, out: list[Candidate], evidence: set[str]) -> list[Candidate]:
    """Person spans of transliteration characters with no person evidence in the article (``evidence``: names with
    a title, speech verb or list link) that the article writes as a place: right after a word that says a city
    follows (城市, 首都: 某国南部城市 + 某某某) or right before a localizer that only follows a place (某某 + 方向,
    地区, 一带, 境内, 郊区; also at the end of a list: 某某、某某 + 等方向) or 位于, or right after 在 with no 陪同, 带领, 看来 (在 +
    某人 + 陪同下) after it: retyped AdministrativeRegion (issue #13: foreign towns of war and disaster
    news the model reads as people). (The model typing the name a region elsewhere is no such evidence: it reads
    会见 + 某某 so.)"""
    from .people import transliteration_chars

    text, chars = d.text, transliteration_chars()
    res = []
    for c in out:
        name = text[c.start:c.end]
        if c.cls == "Person" and name not in evidence and len(name) >= 2 \
                and sum(ch in chars for ch in name) >= len(name) - 1 and _placed(d, name):
            c = Candidate(c.start, c.end, "AdministrativeRegion", c.extractor, c.confidence)
        res.append(c)
    return res


_CITY_BEFORE = ("城市", "首都", "首府", "小镇", "村庄", "港口", "重镇", "州府", "省会", "城镇", "古城",
                "夺回", "攻占", "收复", "公里的")  # (a town is taken back, 以西约70公里的 + a town: no one)
_PLACE_AFTER = ("方向", "地区", "一带", "境内", "郊区", "市郊", "附近", "以东", "以西", "以南", "以北", "位于",
                "北部", "南部", "东部", "西部", "北方", "城内", "市内", "市中心")


_IN_PERSON = ("陪同", "的陪同", "的带领", "带领", "的领导", "领导", "的邀请", "邀请", "的主持", "主持", "的帮助",
              "帮助", "的支持", "支持", "的推动", "推动", "的指导", "指导", "看来", "眼中", "眼里", "心中", "心里", "任内",
              "执政", "身上", "面前", "身边", "的倡议", "倡议", "的努力", "努力", "的笔", "的号召", "号召",
              "的关怀", "的关心", "的鼓励", "的见证", "见证", "的率领", "率领", "担任", "任")  # 在 + a person + …下
_CLAUSE_END = re.compile(r"[，,。；;！？!?：:\n]")
_CLAUSE_ENDS = ("后", "时", "期间", "之际", "以来", "下", "前")  # 在 … 后: a time clause, no place
_LIST_TAIL = re.compile(r"(?:、[^、，,。；;\s等]{2,8}){0,5}等?")
_LIST_PLACE_AFTER = ("方向", "地区", "一带")  # (等 + 地 too)


def _placed(d: Doc, name: str) -> bool:
    """Is ``name`` written as a place somewhere in the article (see :func:`_places_by_context`)?"""
    text = d.text
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if text.endswith(_CITY_BEFORE, 0, start) or text.startswith(_PLACE_AFTER, end):
            return True
        if text[start - 1:start] == "在" and start > 0 and d.tokens[d.token_at(start - 1)][:2] == (start - 1, start) \
                and not _chinese_shaped(name) and not (d.tag(name) or "").startswith("nr") and not any(ch in DOTS for ch in name) \
                and not text.startswith(_IN_PERSON, end) \
                and not _clause_after(text, end).endswith(_CLAUSE_ENDS):
            return True  # 某军在 + 某某某某 + 继续发动进攻: where, not with whom (在 + 某某 + 陪同下, + 看来: a person;
            # 在 + 某某 + 辞任总统后: a time the person's act sets; a name jieba knows, a dotted name: a person)
        listed = _LIST_TAIL.match(text, end)  # 某某、某某某、某某 + 等方向: a list of places
        if listed and listed.end() > end and (text.startswith(_LIST_PLACE_AFTER, listed.end())
                                             or text[listed.end() - 1] == "等" and text[listed.end():listed.end() + 1] == "地"):
            return True
        start = text.find(name, start + 1)
    return False


def _clause_after(text: str, end: int) -> str:
    """The rest of the clause from ``end`` to the next punctuation mark."""
    m = _CLAUSE_END.search(text, end)
    return text[end:m.start() if m else len(text)]


def _chinese_shaped(name: str) -> bool:
    """Is ``name`` shaped like a Chinese name: a surname (surnames.txt) and one or two characters (导游 + 杨某某)?"""
    r = rules()
    return any(name[:k] in r.surnames and 1 <= len(name) - k <= 2 for k in (1, 2))


def _repeats(d: Doc, out: list[Candidate], evidence: set[str] | frozenset[str] = frozenset()) -> list[Candidate]:
    """``out`` with the other occurrences of its people's names as Person spans: where the article writes a kept
    name again as a word of its own (at a word start, ending where a word ends) and nothing else was found there,
    or only a shorter span of the model inside it (某某 of 某某某某: a cut reading). The model and the rules find a
    name by its context, and the same name once more in a sentence with no title or speech verb (某某介绍了, 某某
    率部) was lost (issue #13: held-out stories, most often a Chinese official or a foreign leader named later)."""
    from .orgclass import area_words

    text = d.text
    names: dict[str, Candidate] = {}
    for c in out:
        name = text[c.start:c.end]
        if c.cls == "Person" and len(name) >= 2 and all(is_han(ch) or ch in DOTS for ch in name) \
                and not _word_like(d, name) and not _place_char(name[-1]) \
                and (name in evidence or c.extractor != "ner" or len(name) >= 3 and d.freq(name) == 0):
            if name not in names or c.confidence > names[name].confidence:
                names[name] = c
    from .cut_names import _PREPOSITIONS

    for name in [n for n in names if n[1:] in names or n.endswith("人") and _foreign_place(n[:-1])
                 or n[0] in _PREPOSITIONS and any(_title_after(text, e) for _, e in _occurrences(text, [names[n]]))]:
        del names[name]  # 向 + 某某 where 某某 is named too or a title follows (向 + 某某 + 总统), 某国 + 人
    if not names:
        return out
    added: list[Candidate] = []
    dropped: set[int] = set()
    for name in sorted(names, key=len, reverse=True):
        c = names[name]
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            s, start = start, text.find(name, start + 1)
            if not _word_at(d, s, end) or text[s - 1:s] in _OPEN and text[end:end + 1] not in _CLOSE \
                    or text[s - 1:s] == "《" or _after_travel(text, s) or text.startswith(area_words(), end):
                continue  # (“某某学堂”: a place or a body named after the person; 《某某》: a work's title;
                # 抵达 + 某某, 某某 + 草原: a place)
            inside = [i for i, o in enumerate(out) if o.start < end and s < o.end]
            if any(not (s <= out[i].start and out[i].end <= end and (out[i].end - out[i].start < end - s)
                        and out[i].extractor == "ner" and out[i].cls != "Person") for i in inside):
                continue
            if any(a.start < end and s < a.end for a in added):
                continue
            dropped.update(inside)
            added.append(Candidate(s, end, "Person", c.extractor, round(c.confidence * 0.95, 3)))
    if not added:
        return out
    return sorted([o for i, o in enumerate(out) if i not in dropped] + added, key=lambda x: (x.start, x.end))


def _word_like(d: Doc, name: str) -> bool:
    """Is ``name`` a dictionary word of some frequency that jieba does not tag a person's full or transliterated
    name (贺信, tagged nr, counts 58): a kept reading of it is no reason to read it so elsewhere."""
    from .people import transliteration_chars

    chars = transliteration_chars()
    return d.freq(name) >= 20 and d.tag(name) not in ("nrfg", "nrt") and not all(ch in chars for ch in name)


def _word_at(d: Doc, s: int, e: int) -> bool:
    """Does text[s:e] stand as a word of its own: it starts a word (or follows no Chinese character) and ends
    one (or no Chinese character follows), no dictionary word of two characters or more running across either
    end (韩正 of 韩正式 is no name)?"""
    text = d.text
    if s > 0 and is_han(text[s - 1]) and s not in d.starts:
        return False
    if e < len(text) and is_han(text[e]) and e not in d.ends:
        return False
    return True


def _place_and_mou(name: str) -> bool:
    """Is ``name`` a word and 某 (“a certain”) that no surname begins (渤海 + 某 + 海域: a certain sea area)? 张某,
    欧阳某 are people whose names the news withholds."""
    r = rules()
    return len(name) >= 3 and name[-1] == "某" and name[0] not in r.surnames and name[:2] not in r.surnames


def _people_of(d: Doc, c: Candidate) -> bool:
    """Is the span the name of a place or body whose people 人 after it names (某厂 + 人 早早守候, 某地 + 人): 人 is
    a word of its own there, and no 士, 员 or 物 follows it?"""
    text = d.text
    return (text[c.end:c.end + 1] == "人" and d.tokens[d.token_at(c.end)][:2] == (c.end, c.end + 1)
            and text[c.end + 1:c.end + 2] not in ("士", "员", "物", "们"))


_ADMIN_AFTER = "省州郡县"  # 某某 + 省: a region's name (not 某某 + 省长, 州委: a title)
_VILLAGE_ENDS = "庄屯坪坝沟峪洼坡岗寨村"  # with landform_chars.txt and site_chars.txt: 某家 + 峪, 某家 + 巷


def _place_named(d: Doc, c: Candidate) -> bool:
    """A place's name: the span runs into a level of region (某某 + 省, 某某 + 郡; no title: 某某 + 省长), or it is a
    surname, 家 and a landform, site or village character (曹家巷, 罗家峪: a family's place)."""
    from kg.util.resources import words

    text = d.text
    name = text[c.start:c.end]
    if text[c.end:c.end + 1] in tuple(_ADMIN_AFTER) and text[c.end + 1:c.end + 2] not in ("长", "委") \
            and d.tokens[d.token_at(c.end)][:2] == (c.end, c.end + 1):  # (某某 + 省吃俭用)
        return not any(text[c.end:c.end + n] in rules().cue_before for n in range(2, 6))
    ends = set(words("landform_chars.txt")) | set(words("site_chars.txt")) | set(_VILLAGE_ENDS)
    return len(name) == 3 and name[1] == "家" and name[0] in rules().surnames and name[2] in ends


_MEASURES = "号次个份封场股轮波"  # 2号 + 洪峰, 第二次 + 洪峰: a thing counted, no person
_NUMERALS = "0123456789０１２３４５６７８９一二三四五六七八九十两几"


def _counted(text: str, m: int) -> bool:
    """Does the measure word at ``m`` count a thing: 号 and 次 after 第 and a numeral (第二次) or 号 after a name and
    a numeral (长江2号), not a day (11月22号, 。22号 + 某某: a date before the subject) nor once (一次 + 某某)?"""
    i = m
    while i > 0 and text[i - 1] in _NUMERALS:
        i -= 1
    before = text[i - 1:i]
    if text[m] not in "号次":
        return True
    return before == "第" or (text[m] == "号" and is_han(before) and before not in "月日是")


def _noun_use(d: Doc, name: str) -> bool:
    """Does the article use ``name`` as a common noun somewhere: inside 在…中 (在贺函中说: a letter says, no
    person does) or after a numeral and a measure word (2号 + 某某, 第二次 + 某某)? Callers keep names with a title
    or form of address anywhere."""
    text = d.text
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if text[start - 1:start] == "在" and end < len(text) and d.tokens[d.token_at(end)][2] == "中":
            return True
        if start >= 2 and text[start - 1] in _MEASURES and text[start - 2] in _NUMERALS and _counted(text, start - 1):
            return True
        start = text.find(name, start + 1)
    return False


def _covered(out: list[Candidate], wholes: list[Candidate]) -> list[Candidate]:
    """``out`` less what a foreign name made whole covers (its other part, found on its own), keeping one of the
    same whole name."""
    kept: list[Candidate] = []
    for c in out:
        if any(w is not c and w.start < c.end and c.start < w.end for w in wholes):
            if not any(c is w for w in wholes) or any((k.start, k.end) == (c.start, c.end) for k in kept):
                continue
        kept.append(c)
    return kept


_WATERS = "海湖江河洋湾"


def _water_word(d: Doc, name: str) -> bool:
    """Is ``name`` one word jieba's dictionary knows as a place (ns) that ends in a water character (黄渤海: 黄 + 渤海, a
    surname and a sea, read as a person by the model): a sea, lake or river, no person? (A person's name jieba
    knows whole is tagged nr; a foreign person it tags ns, 华盛顿, ends in no water character.)"""
    return len(name) >= 3 and name[-1] in _WATERS and d.tag(name) == "ns"


def _water_start(d: Doc, c: Candidate) -> int | None:
    """The end of the sea, lake or river (a word jieba tags a place, ending in a water character) the Person span
    ``c`` begins with, when the span ends inside the next word (某海 + 海 of 海冰: the model read a sea and a cut
    word as a name); None otherwise."""
    k = d.token_at(c.start)
    s, e, w = d.tokens[k]
    if s != c.start or e >= c.end or c.end in d.ends or len(w) < 2 or w[-1] not in _WATERS or d.tag(w) != "ns":
        return None
    return e


_ARMED = ("武装",)  # an armed group's head (某某 + 武装 after a name: person_cues.tsv side group)
_STATES = ("王国", "共和国", "合众国", "公国", "酋长国", "苏丹国")


def _headed(name: str) -> bool:
    """The span ends in an organisation's or place's head word (heads.tsv: 办公室, 委员会; a one-character head
    such as 局, 村, 港 only after two characters) or, after two characters, in a group's, unit's or hall's
    character (某某团, 某某旅, 某某馆): a body or a place named after a title (总统 + 办公室), no person."""
    if len(name) >= 3 and name[-1] in _GROUP_ENDS:
        return True
    r = rules()  # (the heads of each length looked up, not every head scanned)
    return any(n <= len(name) and name[-n:] in r.heads for n in r.head_lens if n >= 2 or len(name) >= 3)


_GROUP_ENDS = "团旅馆"  # 宣讲团, 某陆航旅, 陈列馆


def _rules_only_word(d: Doc, c: Candidate, model: list[Candidate] | None) -> bool:
    """A frequent dictionary word the rules took for a name by the speech verb after it (白皮书指出, 贺词说) and
    the model, which reads the sentence, nowhere in the text types a person."""
    text = d.text
    name = text[c.start:c.end]
    if model is None or d.freq(name) < COMMON or not _speech_after(text, c.end):
        return False
    return not any(m.cls == "Person" and text[m.start:m.end] == name for m in model)


def _crowd_word(d: Doc, c: Candidate, model: list[Candidate] | None) -> bool:
    """A frequent dictionary word of two characters that jieba tags a name and that is shaped like a Chinese
    name (文明, 安抚, 顾问: a surname and one character), which the rules took for a name after a word for a crowd
    (家属 + 安抚, 游客 + 慕名), another name's title (某某主席 + 卓越) or before another name (总统顾问 + 某某), and
    which the model, reading the sentences, nowhere in the text calls a person."""
    text = d.text
    name = text[c.start:c.end]
    if model is None or c.extractor == "ner" or len(name) != 2 or name[0] not in rules().surnames:
        return False
    if d.tag(name) != "nr" or d.freq(name) < COMMON:
        return False
    return not any(m.cls == "Person" and text[m.start:m.end] == name for m in model)


def _small_thing(d: Doc, name: str) -> bool:
    """小 and a common noun the dictionary counts often (小 + 树林, 小 + 宝宝, 小 + 冰山): a small thing or a baby,
    no one's name; a child called 小 + a given name that is no common word (小某某) stays. The caller keeps
    the names a title, 叫 or a speech verb marks (叫 + 小玉米)."""
    rest = name[1:]
    return (name[:1] == "小" and len(rest) >= 2 and d.freq(rest) >= COMMON
            and (d.tag(rest) or "nr") in ("n", "vn", "nz", "ng"))


def _lone_pair(d: Doc, c: Candidate, model: list[Candidate] | None) -> bool:
    """Two characters, a surname and one more, that the dictionary does not know as a name (齐聚, 爱听, 乐享: a
    surname character begins a verb), which the rules took for a name after a word for people (诗人 + 齐聚 +
    某地, 群众 + 爱听) and which the model, reading the sentences, nowhere in the text calls a person; the caller
    checks that no speech verb, title or own title marks any occurrence of it."""
    text = d.text
    name = text[c.start:c.end]
    if model is None or c.extractor == "ner" or len(name) != 2 or name[0] not in rules().surnames:
        return False
    if (d.tag(name) or "").startswith("nr") or text[c.end:c.end + 1] in "、和与及":
        return False  # (a name the dictionary knows; a name in a list)
    if c.end >= len(text) or not is_han(text[c.end]) or c.end in d.starts and (
            d.tag(d.tokens[d.token_at(c.end)][2]) or "x")[:1] in "pcdur":
        return False  # 农户 + 某某 + 对 + …: a subject before a preposition or an adverb
    return not any(m.cls == "Person" and text[m.start:m.end] == name for m in model)


def _country(text: str, c: Candidate) -> bool:
    """A country's name, which is never a person's (阿富汗 of 阿富汗人) unless a form of address follows it
    (贝宁先生)."""
    return is_country(text[c.start:c.end]) and not text.startswith(ADDRESS_FORMS, c.end)


def _after_named(d: Doc, c: Candidate, ends: set[int]) -> bool:
    """A frequent dictionary word (no transliterated name) right after the title of a name written before it
    (某某主席 + 卓越 + 领导, 某某总理 + 会晤): the title is that name's, and the word no name, whoever read it so.
    ``ends``: where the article's Person spans of Chinese characters end."""
    from .people import transliteration_chars

    got = _cue_at(d, c.start)
    name = d.text[c.start:c.end]
    if got is None or got[0] not in ends or got[1] in _cues("crowd") or all(ch in transliteration_chars() for ch in name):
        return False
    return d.freq(name) >= COMMON and d.tag(name) not in ("nrt", "nrfg")


def _quoted(text: str, c: Candidate) -> bool:
    """Is the span the whole of a quotation (热带风暴“某某”, 大熊猫“某某”, 某舰“某某”): a name given to a storm,
    an animal, a ship or a group, written in quotes as people's names are not?"""
    return text[c.start - 1:c.start] in _OPEN and text[c.end:c.end + 1] in _CLOSE


_OPEN = ("“", "\"", "「", "『")
_CLOSE = ("”", "\"", "」", "』")


def _occurrences(text: str, people: list[Candidate]) -> set[tuple[int, int]]:
    """The spans of ``people`` and every other occurrence of their names in ``text``."""
    out = {(c.start, c.end) for c in people}
    for name in {text[c.start:c.end] for c in people}:
        start = text.find(name)
        while start >= 0:
            out.add((start, start + len(name)))
            start = text.find(name, start + 1)
    return out


def _proper(d: Doc, name: str) -> bool:
    """No dictionary word, or one jieba tags a proper noun (贺电说 is a message that says, 某某说 a person)."""
    return d.freq(name) == 0 or (d.tag(name) or "")[:2] in _PROPER


_PROPER = ("nr", "ns", "nz")


def _dotted(text: str, c: Candidate) -> bool:
    """Part of a foreign name written with a middle dot or dash (某某·某某某)."""
    return text[c.start - 1:c.start] in DOTS or text[c.end:c.end + 1] in DOTS




def _cut_short(text: str, c: Candidate) -> bool:
    """A foreign name cut before its end: one to three Chinese characters after it run into a middle dot or dash
    (穆罕默 of 穆罕默杜·某某某)."""
    i = c.end
    while i < len(text) and i - c.end < 3 and is_han(text[i]):
        i += 1
    return i > c.end and text[i:i + 1] in DOTS


def _time_after_title(d: Doc, c: Candidate) -> bool:
    """A phrase of the sentence right after a title taken for a name: it begins with 后 or 前 (after, before:
    就任总理 + 后首访, 担任主席 + 后访华) and is no name the dictionary knows, or ends in a visit (某某 + 首访)."""
    name = d.text[c.start:c.end]
    if len(name) < 2 or (d.tag(name) or "").startswith("nr"):
        return False
    if name[0] in "后前" and _before(d, c.start):
        return True
    return len(name) >= 3 and name.endswith(_VISITS) and d.freq(name) == 0


_VISITS = ("首访", "出访", "访华", "访问", "到访", "来访")  # a visit ends no name


def creature(name: str) -> bool:
    """Is ``name`` an animal's or a plant's common name (kg/extract/data/creature_words.txt), maybe after 小 or before
    宝宝 (a young animal: 小丹顶鹤, 熊猫宝宝)? Matched whole: a person's name that holds one (陈海鸥) is none."""
    kinds = _creatures()
    return name in kinds or (name[:1] == "小" and name[1:] in kinds) or (name.endswith(_YOUNG) and name[:-2] in kinds)


_YOUNG = "宝宝"  # 熊猫宝宝: a young animal


@lru_cache(maxsize=1)
def _creatures() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset(words("creature_words.txt"))


def kin_word(name: str) -> bool:
    """Is ``name`` a kinship term (kin_words.txt), maybe after a birth-order or familiar prefix (小女儿)?"""
    kin = _kin()
    return name in kin or (len(name) >= 2 and name[0] in _KIN_PREFIX and name[1:] in kin)


@lru_cache(maxsize=1)
def _kin() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset(words("kin_words.txt"))


@lru_cache(maxsize=1)
@lru_cache(maxsize=None)
def _prose_words() -> frozenset[str]:
    """Words of news prose that look like names to jieba: begin with a surname character (prose_words.txt) or are
    tagged nr by its dictionary (dict_prose_words.txt). Read once."""
    from kg.util.resources import words

    return frozenset(words("prose_words.txt")) | frozenset(words("dict_prose_words.txt"))


_LOCALIZERS = "中上里时后"  # 在 + 某词 + 中说, 某词 + 上写道: a place in a text or a time, glued to the word


def _prose_and_localizer(d: Doc, c: Candidate) -> bool:
    """Is the span a prose word (:func:`_prose_words`) and one localizer glued on (某词 + 中, 上, 里, 时, 后), with no
    title or role word before it (a title would make 某某 + 中 a three-character name)?"""
    name = d.text[c.start:c.end]
    return len(name) >= 3 and name[-1] in _LOCALIZERS and name[:-1] in _prose_words() and not _before(d, c.start)


def _group_words() -> tuple[str, ...]:
    return _cues("group")


@lru_cache(maxsize=None)
def _cues(side: str) -> tuple[str, ...]:
    """The words of person_cues.tsv on ``side`` (group, travel), longest first."""
    from kg.util.resources import table

    return tuple(sorted((row[0] for row in table("person_cues.tsv") if row[1:2] == (side,)), key=len,
                        reverse=True))


def _after_travel(text: str, s: int) -> bool:
    """A verb of travel or stationing right before ``s`` (抵达, 前往, 驻: person_cues.tsv, side ``travel``)."""
    return text.endswith(_cues("travel"), 0, s)


def _titled_run_before(d: Doc, c: Candidate) -> Candidate | None:
    """The name from the end of the title before it, when a foreign name's first syllables were left out between
    them: the span starts inside a word that begins right after a title with transliteration characters and that
    the dictionary does not know, or knows as a name (国王 + 阿卜[某拉二世]: jieba's word 阿卜某拉; not 同 + 某某某
    or 对 + 某某某, function words jieba glued to a name), or one transliteration character stands alone
    between the title and the span (大使 + 玛 + [某罗尼塔]); else None."""
    from .people import transliteration_chars

    text = d.text
    k = d.token_at(c.start)
    s, e, w = d.tokens[k]
    if s < c.start:
        if c.start - s <= 3 and e <= c.end and all(ch in transliteration_chars() for ch in text[s:c.start]) \
                and (d.tag(w) or "nr").startswith("nr") and _before(d, s):
            return Candidate(s, c.end, c.cls, c.extractor, c.confidence)
        return None
    if k > 0:
        ps, pe, pw = d.tokens[k - 1]
        if pe == c.start and len(pw) == 1 and pw in transliteration_chars() and _before(d, ps) \
                and not _before(d, c.start):
            return Candidate(ps, c.end, c.cls, c.extractor, c.confidence)
    return None


def _before(d: Doc, s: int) -> bool:
    """A title or role word right before ``s``: one of person_cues.tsv, title_cues.tsv or posts.txt, a noun
    ending in a role character (副委员长, 总书记, 领导人, 枪手), or 叫 (名叫某某)."""
    return _cue_at(d, s) is not None


def _cue_at(d: Doc, s: int) -> tuple[int, str] | None:
    """The start and the word of the title or role word right before ``s`` (:func:`_before`), or None."""
    text, cues = d.text, rules().cue_before
    p = s
    while p > 0 and (text[p - 1] == " " or text[p - 1] in _OPEN):
        p -= 1
    if p == 0:
        return None
    if text[p - 1] == "叫":
        return p - 1, "叫"
    for n in range(8, 1, -1):
        if p - n >= 0 and text[p - n:p] in cues:
            return p - n, text[p - n:p]
    ts, te, w = d.tokens[d.token_at(p - 1)]
    return (ts, w) if te == p and len(w) >= 2 and w[-1] in _ROLE_ENDS and (d.tag(w) or "n")[:1] == "n" else None


def _own_title(d: Doc, s: int, ends: set[int]) -> bool:
    """Is there a title right before ``s`` that is no one else's: not a word for a crowd (群众, 游客, 家属:
    person_cues.tsv, side ``crowd``) and not the title of a name written right before it (某某主席 + 卓越)?"""
    got = _cue_at(d, s)
    return got is not None and got[1] not in _cues("crowd") and got[0] not in ends and not _other_people(got[1])


def _other_people(w: str) -> bool:
    """Is the role word ``w`` a pronoun for other people (别人, 他人, 众人), which ends in a role character but
    names no one's title (别人 + 麻醉 + 患者)?"""
    return w in _OTHERS


_OTHERS = ("别人", "他人", "旁人", "众人", "人人", "世人", "大家", "外人", "每个人", "个人")


_ROLE_ENDS = "长员人手家官者师记席理使督帅"  # last characters of role nouns (委员长, 总书记, 主席, 总理, 大使)


def _speech_after(text: str, e: int) -> bool:
    """A speech verb or form of address right after ``e`` (person_cues.tsv, side ``after``: 说, 表示, 先生), maybe
    after a closing quote."""
    return text.startswith(rules().cue_after, _past_quote(text, e))


def _past_quote(text: str, e: int) -> int:
    """``e``, or one past it when a closing quote stands there."""
    return e + 1 if text[e:e + 1] in _CLOSE else e



def _title_after(text: str, e: int) -> bool:
    """A title right after ``e`` (某某总统, 某某总书记, 某某同志): a person, or a country's head."""
    cues, e = rules().cue_before, _past_quote(text, e)
    return text.startswith(TITLES_AFTER, e) or any(text[e:e + n] in cues for n in range(2, 6))


def _crowd_after(text: str, e: int) -> bool:
    """Is the word right after ``e`` a word for a crowd (群众, 患者: person_cues.tsv side ``crowd``), the object of a
    verb more often than a title (别人 + 麻醉 + 患者)?"""
    return text.startswith(_cues("crowd"), _past_quote(text, e))


def _listed(text: str, people: list[Candidate], have: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """``have`` and the people joined to one of them by a list mark (某某、某某某和某某)."""
    got = set(have)
    spans = sorted((c.start, c.end) for c in people)
    changed = True
    while changed:
        changed = False
        for a, b in zip(spans, spans[1:]):
            if text[a[1]:b[0]] in _LIST_MARKS and (a in got) != (b in got):
                got |= {a, b}
                changed = True
    return got


def _foreign_place(name: str) -> bool:
    from .foreign_regions import is_foreign_place

    return is_foreign_place(name)


def _prize_after(d: Doc, e: int) -> bool:
    """Does a prize's name follow ``e``: the next word ends in 奖 (奖金, 奖章, 奖杯: 某某 + 文学奖, “某某”奖章) or
    starts with it, or ``e`` falls inside such a word (某某 of 某某文学奖)?"""
    text = d.text
    _, e0, w0 = d.tokens[d.token_at(e - 1)]
    if e0 > e:
        return w0.endswith(_PRIZES)
    if text[e:e + 1] in "”\"’』」":
        e += 1
    if e >= len(text):
        return False
    s, _, w = d.tokens[d.token_at(e)]
    return s == e and (w.endswith(_PRIZES) or w.startswith("奖")) and (d.tag(w) or "n").startswith("n")


_PRIZES = ("奖", "奖金", "奖章", "奖杯")


def _prize_named(name: str) -> bool:
    """Is the span a prize named after a person, its name and the prize word in one span (某某格尔奖, 某天佑奖章)?"""
    return any(name.endswith(p) and len(name) - len(p) >= 2 for p in _PRIZES)


def _inside_word(d: Doc, c: Candidate) -> bool:
    """Does the span start or end inside a dictionary word of three or more characters that is no name (某某 of
    某某文学奖, 央视 + 嘉 of 嘉年华), or end inside a frequent two-character adjective or adverb (某某 + 伟 of 伟大)?"""
    name = d.text[c.start:c.end]
    known = (d.tag(name) or "").startswith("nr")  # a name the dictionary knows, before a word it begins (某某 of
    # 某某理论), unless that word is the more frequent (某某 of 某某病: the disease's name cut)
    for p in (c.start, c.end - 1):
        s, e, w = d.tokens[d.token_at(p)]
        if (s < c.start or e > c.end) and len(w) >= 3 and d.freq(w) > 0 and not (d.tag(w) or "").startswith("nr") \
                and (not known or d.freq(w) > d.freq(name)):
            return True
    s, e, w = d.tokens[d.token_at(c.end - 1)]
    # ending inside a frequent adjective or adverb (弘扬 + 伟 of 伟大: a slogan, issue #13, mined with a second model)
    return s < c.end < e and len(w) == 2 and (d.tag(w) or "") in ("a", "ad", "d") and d.freq(w) >= _FREQUENT_MODIFIER


_FREQUENT_MODIFIER = 1000


def _verb_first(d: Doc, name: str) -> bool:
    """Two characters, the first a verb or function word that is no surname nor transliteration character (涉 +
    a region's short form)."""
    from .people import transliteration_chars

    first = name[:1]
    if len(name) != 2 or first in rules().surnames or first in transliteration_chars():
        return False
    return (d.tag(first) or "n")[:1] in "vpcd"


def _model_never(d: Doc, name: str, model: list[Candidate] | None) -> bool:
    """Did the learned model run and nowhere in the article type ``name`` a person? (A common word the rules took
    for a name after a title or role word: 工程师 + 团队, 总理 + 通电话 where the headline leaves the name out.)"""
    from .people import transliteration_chars

    text, chars = d.text, transliteration_chars()
    if model is None or all(ch in chars for ch in name):
        return False  # (a foreign name the dictionary holds as a noun, tagged n)
    return not any(m.cls == "Person" and text[m.start:m.end] == name for m in model)


_WATER_ENDS = "湖潮沟岛"  # landform characters that end places' names, seldom a given name (李某潮 keeps a title)


def _two_word_phrase(d: Doc, c: Candidate) -> bool:
    """Four characters that jieba reads as two frequent dictionary words, neither of them a name's (tag nr) nor a
    Japanese family name (珍爱 + 和平, 巍巍 + 矗立, 丰收 + 中国: slogans and headings the model took for names):
    a phrase, not a name. A Chinese name of four characters has a two-character surname (surnames.txt); a
    Japanese one starts with a family name (japanese_surnames.txt). (not_persons applies this only
    without a title before the name nor a speech verb after it.)"""
    from .cut_names import japanese_surnames

    if c.end - c.start != 4:
        return False
    k = d.token_at(c.start)
    if k + 1 >= len(d.tokens) or d.tokens[k][0] != c.start or d.tokens[k + 1][1] != c.end:
        return False
    words = [d.tokens[k][2], d.tokens[k + 1][2]]
    return all(len(w) == 2 and d.freq(w) >= COMMON and not (d.tag(w) or "nr").startswith("nr") for w in words) \
        and words[0] not in japanese_surnames() and words[0] not in rules().surnames  # (欧阳, 东方 + a given name)


def _word_and_cut(d: Doc, c: Candidate) -> bool:
    """Three characters that jieba reads as a frequent two-character word and the first character of the next
    frequent word (弘扬 + 长 of 长征, 喜庆 + 祥 of 祥和, 浩瀚 + 长 of 长空: a slogan cut inside its second word), the
    span no dictionary word itself: no name. (not_persons applies this only without a title before the name nor a
    speech verb after it.)"""
    if c.end - c.start != 3 or d.freq(d.text[c.start:c.end]) > 0:
        return False
    s, e, w = d.tokens[d.token_at(c.start)]
    s2, e2, w2 = d.tokens[d.token_at(c.end - 1)]
    return (s, e) == (c.start, c.start + 2) and d.freq(w) >= _CUT_FREQ and s2 == c.end - 1 and e2 > c.end \
        and d.freq(w2) >= _CUT_FREQ and w[0] not in rules().surnames


_CUT_FREQ = 50  # both words this frequent in jieba's dictionary


def _phrase_word(d: Doc, name: str) -> bool:
    """A frequent dictionary word of three characters or more that jieba tags a verb, idiom or phrase (通电话, l),
    however like a Chinese name its shape."""
    return len(name) >= 3 and d.freq(name) >= COMMON and (d.tag(name) or "") in ("v", "vn", "l", "i")


def _common_word(d: Doc, name: str) -> bool:
    """Is ``name`` a word jieba counts often and tags a common word (n, v, a, ...: 空军, 办公室, 联谊会)? Its name,
    place, time and other proper-noun tags are no evidence either way (it tags 周恩来 t and 罗干 ns); a word
    shaped like a Chinese name (a surname and one or two characters) must be very frequent (刘某某 is tagged n)."""
    freq, tag = d.freq(name), d.tag(name) or ""
    if freq < COMMON or tag not in COMMON_TAGS:
        return False
    shaped = 2 <= len(name) <= 3 and name[:1] in rules().surnames
    return not shaped or freq >= _VERY_COMMON


_VERY_COMMON = 300  # 马路 (n, 660) is a word; a politician's name tagged n counts 45
