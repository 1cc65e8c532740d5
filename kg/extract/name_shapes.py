"""The shapes of Person spans that show a name cut short or no name at all (kg.extract.not_persons applies them):
a foreign name cut at its middle dot or dash or before more transliterated words (made whole), a surname with a
title or its first character, a document's kind, two countries' short forms with 军, a country and the first
character of the next word; places' short forms written together, a title inside the span, a phrase of frequent
words, a people's name, a verb before an aspect particle (no names).
"""

from __future__ import annotations

from functools import lru_cache

from .rules import Candidate, Doc, is_han, rules

__all__ = ["DOTS", "JOINERS", "DASHES", "ADDRESS_FORMS", "TITLES_AFTER", "dotted_whole", "foreign_run_on", "cut_title", "ends_in_title", "document_word", "country_and_cut", "two_countries",
           "country_force",
           "grouped",
           "phrase", "people_word", "verb_word", "COMMON", "COMMON_TAGS"]

DOTS = ("·", "•", "・", "-", "－", "‐")  # (・: the katakana middle dot some sources print)
COMMON = 30  # jieba's count from which a dictionary word is a word first (洪峰 145, 贺词 41)
COMMON_TAGS = ("n", "vn", "v", "a", "an", "ad", "d", "l", "i", "nt", "j")  # jieba's tags of common words
ADDRESS_FORMS = ("先生", "女士", "小姐", "同志", "老人")  # after a name: 贝宁先生 is a person, not a country
TITLES_AFTER = ("总统", "总理", "首相", "主席", "国王", "女王", "王储", "亲王", "委员长", "总书记", "议长", "院士",
                 "夫人", "同志", "先生", "女士")


def foreign_run_on(d: Doc, c: Candidate) -> Candidate | None:
    """A foreign name cut before its end (某尔德 of 某尔德穆哈梅多夫): the span is transliteration characters (its first
    may be another) and the words right after it, or the rest of the word it ends inside, are too, each unknown to
    the dictionary or known as a name; the whole run (at most ten characters), or None."""
    from .people import transliteration_chars

    text, chars = d.text, transliteration_chars()
    if c.end - c.start < 2 or not all(ch in chars for ch in text[c.start + 1:c.end]):
        return None
    e = c.end
    if e not in d.starts:  # jieba glued the name's last characters to the span's (某武特 + 奥卢): to that word's end
        s, e2, w = d.tokens[d.token_at(e - 1)]
        if e2 - c.start > 10 or not all(ch in chars for ch in text[e:e2]) or (w in d.info and not (d.tag(w) or "").startswith("nr")):
            return None
        e = e2
    while e < len(text) and e in d.starts:
        s, e2, w = d.tokens[d.token_at(e)]
        if e2 - c.start > 10 or not all(ch in chars for ch in w) or (w in d.info and not (d.tag(w) or "").startswith("nr")):
            break
        e = e2
    return None if e == c.end else Candidate(c.start, e, c.cls, c.extractor, c.confidence)


def dotted_whole(d: Doc, c: Candidate) -> Candidate | None:
    """A foreign name cut at its middle dot or dash (某某 of 某某-某, 某某 of 某某某·某某): the whole name, each part
    a run of transliteration characters (at most six) ending where a word ends or starting where one starts, or,
    across a single dash (-, －, ‐, —), a run of words that are each a name part (:func:`_name_word`: 某某娅 + 甘地,
    某某额尔德尼 + 确吉杰布, 某廉 + 科恩); None when the span is whole."""
    from .people import transliteration_chars

    text, chars = d.text, transliteration_chars()
    s, e = c.start, c.end
    while text[e:e + 1] in JOINERS and text[e + 1:e + 2] not in JOINERS and text[e + 1:e + 2]:
        j = e + 1
        while j < len(text) and j - e <= 6 and text[j] in chars:
            j += 1
        while j > e + 1 and j not in d.ends:
            j -= 1
        if text[e] in DASHES:
            j = max(j, _words_after(d, e + 1), _glued_one(d, e + 1))
        if j == e + 1 or j - c.start > _WHOLE:
            break
        e = j
    while s >= 2 and text[s - 1] in JOINERS and text[s - 2] not in JOINERS:
        i = s - 1
        while i > 0 and s - 1 - i < 6 and text[i - 1] in chars:
            i -= 1
        while i < s - 1 and i not in d.starts:
            i += 1
        if text[s - 1] in DASHES:
            i = min(i, _words_before(d, s - 1))
        if i == s - 1 or e - i > _WHOLE:
            break
        s = i
    return None if (s, e) == (c.start, c.end) else Candidate(s, e, c.cls, c.extractor, c.confidence)


_PART = 8  # characters of one part of a dashed name at most (某某额尔德尼)


def _name_word(d: Doc, w: str) -> bool:
    """Is the word ``w`` (jieba's) a part of a foreign or Tibetan name: Chinese characters, no title, role or
    speech verb, that the dictionary tags as a name (a foreign place's of three or more characters too: 某历山大)
    or writes in transliteration characters (all of them and no
    frequent verb or function word; or at least half of them, the first among them, in a word it does not know
    or knows rarely: 甘地 is tagged a noun, 确吉杰布 is unknown)?"""
    from .people import transliteration_chars
    from .rules import is_han

    r = rules()
    if not w or not all(is_han(ch) for ch in w) or w in r.cue_before or w in TITLES_AFTER \
            or any(w.endswith(v) for v in r.cue_after):
        return False
    chars, tag, freq = transliteration_chars(), d.tag(w) or "", d.freq(w)
    if tag.startswith("nr"):
        return True
    if tag == "ns" and len(w) >= 3 and w[0] in chars and freq < 1000:
        from .finders import is_country

        return not is_country(w)  # 亚历山大 is a city's name too
    if all(ch in chars for ch in w):
        return not (freq >= COMMON and tag[:1] in "vdcpuamqrtf")
    return len(w) >= 2 and (w[0] in chars or freq == 0) and 2 * sum(ch in chars for ch in w) >= len(w) and freq < 1000


def _words_after(d: Doc, p: int) -> int:
    """End of the run of name words (:func:`_name_word`, or rare words of two characters or more between them:
    铁力 of 某某-铁力瓦尔地) starting at ``p`` right after a dash (``p`` when none), with 地 that jieba reads as a
    particle after a name word when a verb or punctuation follows (某某-某某瓦尔 + 地 + 出席)."""
    text = d.text
    e = good = p
    while e < len(text) and e in d.starts:
        _, e2, w = d.tokens[d.token_at(e)]
        if e2 - p > _PART or not (_name_word(d, w) or len(w) >= 2 and d.freq(w) < _RARE_PART and all(
                is_han(ch) for ch in w) and w not in rules().cue_before):
            break
        e = e2
        if _name_word(d, w):
            good = e
    if good > p and text[good:good + 1] == "地" and good + 1 in d.starts and good - p < _PART and (
            good + 1 == len(text) or not is_han(text[good + 1]) or (d.tag(d.tokens[d.token_at(good + 1)][2]) or "")[:1] in "vl"):
        good += 1  # 某某-某某瓦尔 + 地 + 出席
    return good


_RARE_PART = 10  # jieba's count under which a word may be part of a dashed name (铁力, a town's name, 6)


def _glued_one(d: Doc, p: int) -> int:
    """End of a one-character last part right after a dash that jieba glued to the speech verb after it (某某-卢 +
    说: its unknown word 卢说), or ``p``."""
    if p >= len(d.text) or p not in d.starts:
        return p
    s, e, w = d.tokens[d.token_at(p)]
    if e - s == 2 and d.freq(w) == 0 and w[1] in "说称" and is_han(w[0]) and w[0] not in rules().name_stop:
        return p + 1
    return p


def _words_before(d: Doc, p: int) -> int:
    """Start of the run of name words (:func:`_name_word`) ending at ``p`` right before a dash (``p`` when none)."""
    s = p
    while s > 0 and s in d.ends:
        s2, _, w = d.tokens[d.token_at(s - 1)]
        if p - s2 > _PART or not _name_word(d, w):
            break
        s = s2
    return s


_WHOLE = 16  # characters of a whole dotted name at most (乌戈-拉斐尔-查韦斯-弗里亚斯: four parts)
JOINERS = (*DOTS, "—", ".")
DASHES = ("-", "－", "‐", "—")  # the dashes among the joiners  # a single em dash joins the parts of a name too (某某—某某; a double one is
# punctuation), and so does an ASCII full stop written for the middle dot (某某.卢)


def cut_title(d: Doc, c: Candidate) -> bool:
    """A surname and a title taken for a name: a form of address (林 + 院士, 王 + 主任) or a word for people (国 +
    人士 of 多国人士), or the first character of a title (李 + 副 of 李副总理, 王 + 总 of 王总经理, 张 + 正 of
    张正部长: the last character is 副, 正 or 总 and begins a title or role word, or one follows it)."""
    text, r = d.text, rules()
    name = text[c.start:c.end]
    if any(name[:k] in r.surnames and len(name) - k >= 2
           and (name[k:] in r.cue_before or name[k:] in TITLES_AFTER or name[k:] in _PEOPLE_NOUNS) for k in (1, 2)):
        return True
    if len(name) < 2 or name[-1] not in _TITLE_FIRST or name[:-1] not in r.surnames:
        return False
    return any(text[c.end - 1:c.end - 1 + n] in r.cue_before or text[c.end:c.end + n] in r.cue_before
               for n in range(2, 7))


_PEOPLE_NOUNS = ("人士", "人员", "官员", "民众", "网友", "学者", "公众", "人们")  # words for people, no given names


def document_word(d: Doc, c: Candidate) -> bool:
    """A document's kind taken for a name (《某某》白皮书指出, 蓝皮书显示): a dictionary word of three or more
    characters ending in a document head (皮书, 倡议书, 报告, 纲要 …), a dictionary word ending in a message's
    character (词, 函, 电: 贺词说), or any dictionary word right after a title in 《》."""
    name = d.text[c.start:c.end]
    if d.freq(name) > 0 and name.endswith(_MESSAGE_HEADS) or name in _LETTERS:
        return True  # 贺词说, 贺电指出, 贺信说: a message (given names do not end in 词, 函, 电; many end in 信)
    if d.freq(name) == 0 or (d.text[c.start - 1:c.start] != "》" and len(name) < 3):
        return False
    return d.text[c.start - 1:c.start] == "》" or name.endswith(_DOCUMENT_HEADS)


_MESSAGE_HEADS = ("词", "函", "电")
_LETTERS = ("贺信", "祝贺信", "慰问信", "感谢信", "公开信", "介绍信", "亲笔信", "回信", "复信", "来信")  # letters jieba tags nr


_DOCUMENT_HEADS = ("皮书", "倡议书", "意见书", "建议书", "责任书", "计划书", "申请书", "通知书", "说明书", "任务书",
                   "报告书", "承诺书", "报告", "纲要", "公报", "声明", "宣言", "条例", "决议")  # (王某书 is a name)


def country_and_cut(d: Doc, c: Candidate) -> bool:
    """A country's or foreign place's name, a country's side (韩方, 美方), a people (peoples.txt) or two countries'
    short forms, and the first character of the next word (某国 + 新 of 新任驻华大使, 韩方 + 坚 of 坚决, 某族 + 武 of 武装,
    中韩 + 政 of 政党): the character begins a dictionary word that runs past the span (某国 + 奥 of a name stays)."""
    from .finders import is_country
    from .foreign_regions import is_foreign_place

    name = d.text[c.start:c.end]
    if len(name) >= 3 and d.text[c.end - 1:c.end + 1] == "武装" and c.end - 1 in d.starts:
        return True  # 某某武 + 装: an armed group's name cut inside 武装, whatever group it names
    if len(name) < 3 or not (is_country(name[:-1]) or is_foreign_place(name[:-1]) or side(name[:-1])
                             or _people(name[:-1]) or two_countries(name[:-1])) \
            or c.end - 1 not in d.starts:
        return False  # (a people: 某族 + 武 of 武装; two countries: 中韩 + 政 of 政党)
    s, e, w = d.tokens[d.token_at(c.end - 1)]
    if side(name[:-1]) and s == c.end - 1 and (d.tag(name[-1]) or "")[:1] in "pcd":
        return True  # 乌方 + 则, 美方 + 也: a side and a function word
    if name[-1] in _TITLE_FIRST and any(d.text[c.end - 1:c.end - 1 + n] in rules().cue_before for n in range(2, 7)):
        return True  # 某国 + 副 of 副总统: the first character of the title after the country
    return e > c.end and d.freq(w) > 0


_TITLE_FIRST = "副正总"  # characters that begin a title (副总统, 总领事) and end no country's name


def grouped(d: Doc, c: Candidate) -> bool:
    """Short forms of three provinces written together (苏浙沪, 京津冀) or 中 + a country's initial + a word (中 +
    巴 + 友谊), no person; a title inside the span (某 + 外长, 王储 + 兼: title_cues.tsv, posts.txt), or the end of a
    word and a frequent word (多国 + 人士 -> 国人士): no name."""
    from kg.extract.event_forms import COUNTRY_INITIALS
    from kg.extract.ner.learned import PROVINCE_INITIALS

    text, r = d.text, rules()
    name = text[c.start:c.end]
    if len(name) == 3 and all(ch in PROVINCE_INITIALS for ch in name) and not _region_name(name):
        return True
    if text[c.start - 1:c.start] == "中" and name[0] in COUNTRY_INITIALS and d.freq(name[1:]) >= 50:
        return True  # 中 + 巴 + 友谊: China and a country
    if len(name) >= 4 and name[1] == "中" and d.freq(name[2:]) >= 50 and _initial_named(d, name[0]):
        return True  # 克 + 中 + 友谊 after 克罗地亚: a country and China (jieba tags 友谊 nr)
    if len(name) == 2 and name[1] in _SAYS and _initial_named(d, name[0]):
        return True  # 乌 + 称 + 俄对某地发动袭击: a country's short form and a speech verb
    if any(name[i:i + n] in _titles() for n in range(2, 5) for i in range(len(name) - n + 1)):
        return True
    if _initial_and_word(d, c):
        return True
    s, e, w = d.tokens[d.token_at(c.start)]
    rest = name[e - c.start:]
    return (s < c.start < e == c.start + 1 and d.freq(w) >= 50 and len(rest) >= 2 and d.freq(rest) >= 50
            and not (d.tag(rest) or "").startswith("nr") and rest[0] not in r.surnames)


def _initial_and_word(d: Doc, c: Candidate) -> bool:
    """A country's one-character short form, a word of its own that jieba tags an abbreviation (j), and one
    frequent dictionary word that is no name nor place (阿 + 和平 + 重建, 支持 + 阿 + 人民: the country of the story,
    which writes a country beginning with that character, and a common word)."""
    text = d.text
    k = d.token_at(c.start)
    s, e, w = d.tokens[k]
    if s != c.start or e != c.start + 1 or d.tag(w) != "j" or k + 1 >= len(d.tokens):
        return False
    s2, e2, rest = d.tokens[k + 1]
    tag = d.tag(rest) or "nr"
    if e2 != c.end or len(rest) < 2 or d.freq(rest) < _FREQUENT or tag.startswith(("nr", "ns", "nt")):
        return False
    from .finders import is_country

    r = rules()
    if any(text.startswith(v, c.end) for v in r.cue_after) or any(text[:c.start].endswith(t) for t in r.cue_before):
        return False  # 韩某某 + 表示, 主任 + 韩某某: a name that a speech verb or a title marks
    return any(tw[0] == w and len(tw) >= 2 and is_country(tw) for _, _, tw in d.tokens)


_FREQUENT = 50


def _people(name: str) -> bool:
    from kg.util.resources import words

    return name in words("peoples.txt")


def ends_in_title(name: str) -> bool:
    """Does ``name`` end in a title or post (:func:`_titles`) after other words (某国 + 议长, 某国 + 外交大臣)?"""
    return any(name.endswith(t) and len(name) > len(t) for t in _titles())


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Titles and posts (title_cues.tsv before a name, posts.txt) of two characters or more, less the royal ones
    that Chinese given names may hold (王子, 公主)."""
    from kg.util.resources import table, words

    got = {row[0] for row in table("title_cues.tsv") if row[1:2] == ("before",)} | set(words("posts.txt"))
    return frozenset(w for w in got if len(w) >= 2 and w not in _ROYAL)


_ROYAL = ("王子", "公主", "王后", "亲王", "夫人")


def two_countries(name: str) -> bool:
    """Two or three one-character short forms of countries (韩 + 朝, 韩 + 中 + 日, 某国 initial + 中: the states of
    a meeting or a border), maybe with 军 or 方 (日 + 美 + 军 of 日美军演, 美 + 日 + 方): the forces or sides of two
    states, not a name."""
    from kg.extract.ner.learned import initials

    from .event_forms import COUNTRY_INITIALS

    body = name[:-1] if len(name) == 3 and name[2] in "军方" else name
    if 2 <= len(body) <= 3 and len(set(body)) == len(body) and all(ch in COUNTRY_INITIALS for ch in body):
        return True
    return "中" in name and initials(name)  # (华 is a surname: 华某 stays)


_SAYS = "称说"  # one-character speech verbs, which end no given name


def _initial_named(d: Doc, ch: str) -> bool:
    """Is ``ch`` a country's one-character short form (country_initials.txt, COUNTRY_INITIALS) or the first
    character of a country the article names (克 after 克罗地亚)?"""
    from kg.util.resources import words

    from .event_forms import COUNTRY_INITIALS

    return ch in words("country_initials.txt") or ch in COUNTRY_INITIALS or _country_begins(d, ch)


def _country_begins(d: Doc, ch: str) -> bool:
    """Does the article name a country (countries.txt) that begins with ``ch`` (黎巴嫩 for 黎)?"""
    from .head_rules import _country_names

    return any(n[0] == ch and len(n) >= 2 and n in d.text for n in _country_names())


def country_force(d: Doc, c: Candidate) -> bool:
    """One character and 军 or 军方 where the article names a country that begins with that character (黎 + 军
    after 黎巴嫩, 孟 + 军方 after 孟加拉国): the country's army, as news shortens it, no name (a person so named
    keeps a title or role word before the name: not_persons applies this only without one)."""
    name = d.text[c.start:c.end]
    if name[1:] not in ("军", "军方"):
        return False
    return _country_begins(d, name[0])


def _region_name(name: str) -> bool:
    from . import gazetteer

    return bool(gazetteer.lookup(name))


def side(name: str) -> bool:
    """A country's or the EU's one-character short form (country_initials.txt, COUNTRY_INITIALS) and 方, its side
    in talks (韩方, 乌方, 欧方)."""
    from kg.util.resources import words

    from .event_forms import COUNTRY_INITIALS

    return len(name) == 2 and name[1] == "方" and (name[0] in words("country_initials.txt") or name[0] in COUNTRY_INITIALS)


def phrase(d: Doc, c: Candidate) -> bool:
    """Two or more frequent dictionary words of two or more characters, none a name nor a place (抚育 + 女儿,
    坚强 + 英明), or, in four or more characters, one a common word and the others words jieba tags names (徐徐 +
    拉开): a phrase, not a name."""
    k, ws = d.token_at(c.start), []
    while k < len(d.tokens) and d.tokens[k][0] < c.end:
        ws.append(d.tokens[k])
        k += 1
    if len(ws) < 2 or ws[0][0] != c.start or ws[-1][1] != c.end:
        return False
    if not all(e - s >= 2 and d.freq(w) >= COMMON for s, e, w in ws):
        return False
    common = [(d.tag(w) or "nr") in COMMON_TAGS for s, e, w in ws]
    # jieba tags many common words nr (熊猫, 徐徐): four or more characters of frequent words, one a common word
    return all(common) or (c.end - c.start >= 4 and any(common) and ws[0][2] not in rules().surnames  # (诸葛 + 某某)
                           and all(ok or (d.tag(w) or "").startswith("nr") for ok, (s, e, w) in zip(common, ws)))


def verb_word(d: Doc, c: Candidate) -> bool:
    """A frequent verb, adverb, adjective or function word of the dictionary (会晤, 刚刚, 坚强: jieba's tags v, d, a,
    p, c, u), whatever title stands before it (某国总理 + 会晤): no name."""
    from kg.extract.ner.persons import NO_NAME_TAGS

    name = d.text[c.start:c.end]
    return d.freq(name) >= 50 and (d.tag(name) or "n")[:1] in NO_NAME_TAGS and d.tag(name) != "vn"


def people_word(d: Doc, c: Candidate) -> bool:
    """A people's name, maybe with 人 or 族 (peoples.txt: 阿拉伯, 库尔德人), or a word a standalone aspect particle
    follows (张罗 + 着, 徐徐 + 了), or a verb doubled round 一 (松一松, 歇一歇: try a little): a group, or a verb,
    never a person's name."""
    from kg.util.resources import words

    name, text = d.text[c.start:c.end], d.text
    peoples = words("peoples.txt")
    if name in peoples or (len(name) >= 3 and name[-1] in "人族" and name[:-1] in peoples):
        return True
    if len(name) == 3 and name[1] == "一" and name[0] == name[2]:
        return True
    return (text[c.end:c.end + 1] in "着了过" and c.end < len(text) and d.freq(name) > 0
            and d.tokens[d.token_at(c.end)][:2] == (c.end, c.end + 1))
