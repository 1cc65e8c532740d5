"""First-level regions of foreign countries (states, provinces, counties: 某某州, 某某省, 某某郡), which the
gazetteer of China does not hold.

Real news showed two error classes (issue #13): a country glued to its state (美国 + 某某州 as one region, or a
state, a title and a person as one model span), and a state's name with its first characters dropped (the model's
克萨斯州 of 得克萨斯州, 伦比亚省 of 不列颠哥伦比亚省). A region is found here when

- jieba knows the whole word as a place name (tag ``ns``), it ends in 州, 省 or 郡 and is three characters or more
  (two right after a country: 某国 + 某州, a state's short form) and no region of China; place-name words right before it that are no country and no region of China belong to it
  (不列颠 + 哥伦比亚省);
- or a country name, and maybe a part of it (南部, 东北部), stands right before a run of two to six
  transliteration characters (kg/extract/data/transliteration_chars.txt) and 州, 省 or 郡 (某国 + 某某某省, 某国南部 +
  某某某省), the country being the evidence that a foreign region follows; after 某国首都 the run alone at a word
  end is the capital city;
- a city right after such a state (a place or transliterated name: 某某州 + 某某某). A place name after a country
  (某国 + 某某) or after a verb of travel (抵达 + 某某) was tried too: right on the real dev set, but MSRA and People's
  Daily lost precision (−1 and −2 true positives, +2 to +4 false positives on 1,000 sentences), so it is not used;
- a foreign city of world_places.txt (GeoNames) that is one word right after 在, 抵达, 离开 and the like and does not
  go on into a longer name (在某某会见, 离开某某回国; not 某某 + 地带, 某某 + 市): the list and the verb together.

The country is never part of the region's name (tests/gold/README.md: a country before a region is a chain of two).
"""

from __future__ import annotations

from functools import lru_cache

from .orgclass import classed, place_word
from .rules import Candidate, Doc, is_han, rules

__all__ = ["foreign_regions", "titled_countries", "is_foreign_place", "cities_after_verbs", "level_after",
           "transliterated_cities", "state_short_forms", "COMPASS_PARTS"]

_LEVELS = "州省郡"


def foreign_regions(d: Doc, countries) -> list[Candidate]:
    """Foreign first-level regions of ``d`` (``countries``: the country candidates found in it)."""
    from .finders import is_country
    from .gazetteer import split_chain
    from .people import transliteration_chars

    text, regions, out = d.text, rules().regions, []
    seen = set()
    after_country = {c.end for c in countries}
    for k, (s, e, w) in enumerate(d.tokens):
        if w[-1] not in _LEVELS or d.tag(w) != "ns" or w in regions or is_country(w) or split_chain(w):
            continue  # (甘肃兰州: a province and its city of China, jieba's one word; kg.extract.finders.region_hits)
        if len(w) < 2 or len(w) == 2 and s not in after_country:  # a short form (某州) only after its country
            continue
        a = s
        while k > 0:
            ps, pe, pw = d.tokens[k - 1]
            if pe != a or d.tag(pw) != "ns" or len(pw) < 2 or pw in regions or is_country(pw):
                break
            a, k = ps, k - 1
        seen.add(e)
        out.append(Candidate(a, e, "AdministrativeRegion", "foreign", 0.9))
        out += _city_after(d, e, ("ns", "nr", "nrt"))  # 某某州 + 某某某: its city (a transliterated name)
    chars = transliteration_chars()
    for c in countries:
        p = c.end
        part = next((w for w in _PARTS if text.startswith(w, p)), None)
        if part:
            p += len(part)
        if p >= len(text) or p not in d.starts:
            continue
        if part == "首都":  # 某国首都 + 某某: the capital city, named without a level word
            s, e, w = d.tokens[d.token_at(p)]
            if _city(d, w):
                out.append(Candidate(s, e, "AdministrativeRegion", "foreign", 0.85))
            continue
        q = p
        while q < len(text) and q - p < 6 and text[q] in chars:
            q += 1
        if q - p >= 2 and q < len(text) and text[q] in _LEVELS and q + 1 not in seen and (q + 1) in d.ends:
            out.append(Candidate(p, q + 1, "AdministrativeRegion", "foreign", 0.85))
    return out


# words of being or arriving somewhere: a foreign city right after one is the place (在某某会见, 抵达某某)
_AT = ("在", "抵达", "离开", "飞抵", "前往", "到访", "途经", "赴", "飞往")
# words that say a city or region follows (某国北部 + 某某, 港口城市 + 某某, 某国首都 + 某某)
_CITY_CUES = ("城市", "首都", "首府", "东南部", "西南部", "东北部", "西北部", "南部", "北部", "东部", "西部",
              "中部")
_LONGEST_PLACE = 8


def cities_after_verbs(d: Doc, countries=()) -> list[Candidate]:
    """A foreign city or first-level region of world_places.txt, one word or several ending at a word end, right
    after 在, 抵达, 离开 and the like (在某某会见, 离开某某回国), after a word that says a city follows (某国北部 +
    某某, 港口城市 + 某某) or right after a country's name (``countries``: its candidates; 某国 + 某某): a region.
    The learned model misses such names (issue #13: 里斯本, 旧金山; a second model's disagreements on 2,000 stories
    showed some fifty a thousand stories after a country or such a word, 某国 + 某某 the commonest); the list alone
    is no evidence (it holds words such as 西南), the word before it is."""
    from .finders import is_country

    text, regions, places, out = d.text, rules().regions, _world_places(), []
    after_country = {c.end for c in countries}
    for k, (s, _e, _w) in enumerate(d.tokens):
        if not k or not (d.tokens[k - 1][2] in _AT + _CITY_CUES or s in after_country):
            continue
        for e in range(min(len(text), s + _LONGEST_PLACE), s + 1, -1):
            w = text[s:e]
            if e in d.ends and w in places:
                break
        else:
            continue
        if not all(is_han(ch) for ch in w) or is_country(w) or w in regions or place_word(w):
            continue
        level = 0 if w.endswith(_LEVEL_WORDS) else level_after(d, e)
        if level:  # 某某 + 省 / 市 / 边疆区: the region with its level word, as the text names it
            e += level
        elif e < len(text) and (_longer(d, d.token_at(e)) or d.tokens[k - 1][2] not in _AT and _glued(d, e)):
            continue
        out.append(Candidate(s, e, "AdministrativeRegion", "foreign", 0.8))
    return out


_CITY_NAME_TAGS = (None, "ns", "nr", "nrt", "nz")  # words of a transliterated city's name: unknown ones or names


def transliterated_cities(d: Doc) -> list[Candidate]:
    """A foreign city named by a run of two to seven transliteration characters and 市 (某某某市), the run
    beginning at a word start, made of unknown or name words and no region of China, the 市 ending a word and
    beginning no title or body (某某市长, 某某市政府, 某某市法院, 某某市警方 are other names), after no name word
    (the run began inside a longer name: 某某 + 某某市; a region before it is none: 某某州 + 某某市): a region. The model misses such
    cities where no country or verb of travel stands before them (造成某某某市部分房屋受损; issue #13)."""
    from .finders import is_country
    from .people import transliteration_chars

    text, regions, chars, out = d.text, rules().regions, transliteration_chars(), []
    q = text.find("市")
    while q >= 0:
        e = q + 1
        if e in d.ends and not text.startswith(_AFTER_CITY, e) and not (e < len(text) and _names_a_body(d, e)):
            p = q
            while p > 0 and q - p < _CITY_RUN and text[p - 1] in chars:
                p -= 1
            p = next((x for x in range(p, q - 1) if x in d.starts), q)
            k = d.token_at(p)
            words = [w for s, _e, w in d.tokens[k:d.token_at(q - 1) + 1]] if q - p >= 2 else []
            before = d.tokens[k - 1][2] if k > 0 and p > 0 else "。"
            if (words and all(d.tag(w) in _CITY_NAME_TAGS and w not in regions and not is_country(w) for w in words)
                    and text[p:q] not in regions and text[p:e] not in regions
                    and not (is_han(before[-1]) and d.tag(before) in _CITY_NAME_TAGS and before[-1] not in _LEVELS + "区县市"
                             and before not in regions and not is_foreign_place(before))):
                out.append(Candidate(p, e, "AdministrativeRegion", "foreign", 0.8))
        q = text.find("市", e)
    return out


def state_short_forms(d: Doc, found: list[Candidate]) -> list[Candidate]:
    """A foreign state's short form, its first character and 州 (某州 of 某某某州), where the text names the state
    in full too (a foreign region found, or a first-level region of world_places.txt): a region (Xinhua writes 弗州,
    明州 after 弗吉尼亚州, 明尼苏达州; issue #13). A region of China (德州, 广州) is never such a form, nor 州 before
    长 (某州长: a title)."""
    text, regions, out = d.text, rules().regions, []
    firsts = {text[c.start] for c in found if c.cls == "AdministrativeRegion" and c.end - c.start >= 3
              and text[c.end - 1] == "州" and text[c.start:c.end] not in regions}
    q = text.find("州")
    while q >= 0:
        firsts.update(text[p] for p in range(max(0, q - 6), q - 1) if text[p:q + 1] in _world_places())
        q = text.find("州", q + 1)
    for x in firsts:
        form = x + "州"
        if form in regions or is_foreign_place(form) and form not in _world_places():
            continue
        p = text.find(form)
        while p >= 0:
            e = p + 2
            if p in d.cuts and (e in d.cuts or text.startswith("州", e)) and not text.startswith("长", e):
                out.append(Candidate(p, e, "AdministrativeRegion", "foreign", 0.8))
            p = text.find(form, e)
    return out


_CITY_RUN = 7
_AFTER_CITY = ("长", "民", "委", "政府", "中心", "议会", "议员", "警")  # 某某市 + 警方: the city's police, one name
_LEVEL_WORDS = ("边疆区", "大区", "市", "省", "州", "县", "区", "郡", "府", "邦")


def level_after(d: Doc, e: int) -> int:
    """The length of a level word right after a foreign place's name ending at ``e`` (某某 + 省, 某某 + 边疆区), 0 if
    none, or if the level character begins another word (某某 + 市长, 市民, 州长, 市中心: the city, then a title)."""
    text = d.text
    for v in _LEVEL_WORDS:
        q = e + len(v)
        if text.startswith(v, e) and q in d.ends and not text.startswith(_AFTER_LEVEL, q):
            return len(v)
    return 0


_AFTER_LEVEL = ("长", "民", "委", "政府", "中心", "议会", "议员")
_LOOSE = frozenset("的和与及同在是将等一地至到向")  # one-character words that may follow a place


def _glued(d: Doc, e: int) -> bool:
    """Is the word at ``e`` one Chinese character that may go on with the name (某国 + 某某 + 扎 + 大学), not a
    function word? (After 在 and the like the old rule, without this check, stays as it was.)"""
    s, end, w = d.tokens[d.token_at(e)]
    return end - s == 1 and is_han(w) and w not in _LOOSE


_LONGER = ("地带", "城", *_LEVEL_WORDS)


def _longer(d: Doc, k: int) -> bool:
    """Does the word at ``k`` go on with the name before it (某某 + 地带, 某某 + 市, 某某 + 某某山迎宾馆)?"""
    if k >= len(d.tokens) or k < 0:
        return False
    w = d.tokens[k][2]
    return w.startswith(_LONGER) or d.tag(w) in ("ns", "nz", "nt", "nr", "nrt")


def _city(d: Doc, w: str) -> bool:
    """Is the word after 某国首都 a city's name: a proper noun, or a rare noun (基辅 is tagged n), not a common
    word (地区, 机场, 附近)?"""
    tag = d.tag(w)
    if len(w) < 2 or not all(is_han(ch) for ch in w) or w in rules().stop:
        return False
    if tag == "n" and len(w) >= 3 and d.freq(w[:-1]) >= _RARE:
        return False  # 垃圾 + 场: a frequent word and a kind of site, no city's name
    return tag in ("ns", "nz", "nr", "nrt") or (tag in (None, "n") and d.freq(w) < _RARE)


_RARE = 500  # jieba frequency below which an unknown-class noun may be a foreign name


# a part of the country or its capital between the country and the region (某国南部某某省, 某国首都某某)
COMPASS_PARTS = ("东南部", "西南部", "东北部", "西北部", "南部", "北部", "东部", "西部", "中部")  # parts of a country
_PARTS = (*COMPASS_PARTS, "首都")


# what follows a country's name and nothing else: its heads of state and government and its organs
_STATE_WORDS = ("总统", "总理", "国王", "首相", "外长", "外交部", "政府", "议会", "首都", "驻华")


def titled_countries(d: Doc) -> list[Candidate]:
    """Short country names that are also common words (kg/extract/data/titled_countries.txt: 中非, 苏丹) where a
    head of state's title or an organ follows them (中非总统, 苏丹政府): country candidates, like countries.txt's."""
    from kg.util.resources import words

    text, out = d.text, []
    for name in words("titled_countries.txt"):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            before = text[start - 1] if start else "。"
            if (start in d.starts or not is_han(before) or before in "、和与及") and text.startswith(_STATE_WORDS, end):
                out.append(Candidate(start, end, "AdministrativeRegion", "country", 0.9))
            start = text.find(name, end)
    return out


def _city_after(d: Doc, p: int, tags: tuple[str, ...]) -> list[Candidate]:
    """A foreign city right at ``p``: one to three words tagged ``tags``, two to six characters, no country, no
    region of China, no organ or title word after it (某国 + 某某 + 政府 is a government)."""
    from .finders import is_country

    if p >= len(d.text) or p not in d.starts:
        return []
    k = d.token_at(p)
    q = p
    while k < len(d.tokens) and q - p < 6:
        s, e, w = d.tokens[k]
        if d.tag(w) not in tags or not all(is_han(ch) for ch in w) or is_country(w) or w in rules().regions:
            break
        q, k = e, k + 1
    if q - p >= 2 and k < len(d.tokens) and _name_tail(d, k):
        q = d.tokens[k][1]  # 某某州 + 弗雷斯 + 诺, + 贝克 + 森县: jieba cut the name's last character off it
    if q - p < 2 or q - p > 6 or d.text.startswith(_STATE_WORDS + ("州", "省", "郡", "市长", "人", "队"), q):
        return []
    if d.text.startswith(("市", "县"), q) and q + 1 in d.ends:
        q += 1  # 某某州 + 某某某市, 某某州 + 某某县: the city or county with its level word, as news names it
    if place_word(d.text[p:q]) or (q < len(d.text) and _names_a_body(d, q)):
        return []  # 东北 is a large region of China; 某某 + 军事法庭 begins a body's name
    return [Candidate(p, q, "AdministrativeRegion", "foreign", 0.8)]


def _name_tail(d: Doc, k: int) -> bool:
    """Is the word at ``k`` one transliteration character that jieba tags as no word of grammar (诺/nz of 弗雷斯诺),
    or such a character and 县 or 市 as one unknown word (森县 of 某某森县), the name going on into no further word
    of its kind (the end of the name, not the start of another)?"""
    from .people import transliteration_chars

    s, e, w = d.tokens[k]
    tag = d.tag(w)
    if len(w) == 2 and w[1] in _TAIL_LEVELS and tag is None:
        w = w[0]  # 森县: the last character and the level word in one unknown word
    elif e - s != 1:
        return False
    return (w in transliteration_chars() and w not in _LOOSE and tag in _TAIL_TAGS
            and (k + 1 >= len(d.tokens) or d.tag(d.tokens[k + 1][2]) not in _TAIL_TAGS + ("ns", "nr", "nrt")))


_TAIL_LEVELS = "县市"


_TAIL_TAGS = ("nz", None)


def _names_a_body(d: Doc, q: int) -> bool:
    """Does the word at ``q`` end in a head word of an organisation or place (法庭, 政府, 纪念馆)?"""
    from kg.extract.ner.learned import head_class

    w = d.tokens[d.token_at(q)][2]
    return head_class(w) is not None or classed(w, "Organization") != "Organization"


def is_foreign_place(name: str) -> bool:
    """Is ``name`` a country (countries.txt, titled_countries.txt) or a foreign city or first-level region
    (world_places.txt: GeoNames cities and ISO 3166-2 subdivisions in Chinese, scripts/make_world_places.py)?"""
    from kg.util.resources import words

    from .finders import is_country

    return is_country(name) or name in _world_places() or name in words("titled_countries.txt")


@lru_cache(maxsize=1)
def _world_places() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset(words("world_places.txt"))
