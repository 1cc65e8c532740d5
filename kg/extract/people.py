"""People: a surname and one or two characters next to a role word (记者 X, 董事长X), before a speech verb
(X表示), in name lists and bylines; next to the same words, a foreign name (a run of transliteration characters,
kg/extract/data/transliteration_chars.txt) or a word jieba tags as a name. Titles are never part of the name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.util.spans import occurrences
from .finders import is_country
from .rules import LEVEL_CHARS, NUMERALS, Candidate, Doc, is_han, rules

__all__ = ["persons", "foreign_name_at", "dotted_names", "body_head", "voices"]


_PUNCT_AFTER_NAME = set("，,。；;！？!?、：:）)（(”“\"》《 \n\t·")


def _surname_len(text: str, p: int) -> int:
    s = rules().surnames
    if text[p:p + 2] in s:
        return 2
    return 1 if text[p:p + 1] in s else 0


def _hard_end(text: str, p: int) -> bool:
    """A name may end before ``p``: punctuation, space, end of text, a speech verb or a role word."""
    if p >= len(text) or text[p] in _PUNCT_AFTER_NAME or not is_han(text[p]):
        return True
    r = rules()
    if text[p] in "等和与及":
        return True
    return any(text.startswith(w, p) for w in r.cue_after) or any(text.startswith(w, p) for w in ("通讯员", "记者"))


_BAD_GIVEN_TAGS = ("m", "d", "v", "vn", "a", "ad", "c", "p", "f", "t", "r", "u", "l", "i", "q", "vd", "an")


def _name_at(d: Doc, p: int, hard_only: bool = False) -> int | None:
    """End of a person's name starting at ``p`` (surname + 1-2 characters), or None."""
    text = d.text
    sl = _surname_len(text, p)
    if not sl:
        return None
    r = rules()
    s0, e0, w0 = d.tokens[d.token_at(p)]
    if s0 != p:
        return None
    if text[p:p + sl] in r.stop and e0 - s0 < 2:  # 于, 和, 从 ...: only when jieba joined it to the given name
        return None
    for g in (2, 1):
        end = p + sl + g
        name = text[p:end]
        if len(name) < sl + g or not all(is_han(ch) for ch in name):
            continue
        if any(ch in r.name_stop or ch in LEVEL_CHARS for ch in name[sl:]):
            continue
        if g == 2 and any(text.startswith(w, p + sl + 1) for w in r.cue_after):
            continue  # 陈某说: the speech verb is no part of the name
        if _bad_given(d, p, p + sl, end) or is_country(name[sl:]):
            continue  # 应 + 南非总统: a country is no given name
        if g == 1 and name[sl:] in ADVERB_GIVEN + _PRONOUNS:
            continue  # 某某 + 时则 + 表示, 调研 + 时他 + 表示: a surname character and an adverb or pronoun, no name
        if g == 2 and name[sl] == "不" and name[sl + 1] == name[sl - 1]:
            continue  # 农民 + 富不富: an A-not-A question (富 a surname too), no name
        if voices(name):
            continue  # 巴 + 媒体 + 称, 巴 + 军方 + 说: a country's short form and its voices, no name
        if _function_surname(d, p, sl, end):
            continue  # 曾 + 撰文, 段 + 历史: an adverb or measure word and the next word, no name
        if g == 2 and name[-1] in "和与及" and (any(text.startswith(w, end) for w in r.cue_after)
                                               or _name_start(text, end)):
            continue  # 某某和夫人, 某某和某某: the conjunction is no part of the name
        if _hard_end(text, end) or (not hard_only and end in d.ends and not _word_across(d, end)) \
                or _reports_after(d, end) or (g == 2 and not hard_only and _glued_home(d, end)):
            if _common_word(d, name) or _body_after(d, end):
                return None
            return _runs_on(d, end) if g == 2 else end
    return None


def _body_after(d: Doc, end: int) -> bool:
    """Does a body's head word start at ``end`` (:func:`body_head`), so that the role word and what follows it are
    an organisation's name (某地司机 + 从业员 + 总会), no name after a role?"""
    return end in d.starts and end < len(d.text) and body_head(d, d.tokens[d.token_at(end)][2])


def body_head(d: Doc, w: str) -> bool:
    """Is the word ``w`` a body's head of two characters or more: one of heads.tsv (协会, 中心) or a noun in 会
    (总会, 联合会)?"""
    return len(w) >= 2 and (w in rules().heads or w[-1] == "会" and (d.tag(w) or "")[:1] == "n")


_VOICES = ("媒体", "军方", "警方", "官员", "官方", "政府", "方面", "当局", "民众", "外长", "防长")  # no given names


def voices(name: str) -> bool:
    """Is ``name`` one character (a country's short form) and a word for its voices or organs (巴媒体, 哈防长),
    no person's name whatever marks it?"""
    return len(name) == 3 and name[1:] in _VOICES
_PRONOUNS = "他她我你它"  # personal pronouns, the subject after a clause (调研时 + 他 + 表示), no given names
ADVERB_GIVEN = "则也就都又还却便亦"  # adverbs that follow a subject (某某时则表示), no one-character given name


_REGNAL = re.compile(r"([\u4e00-\u9fff]{2,8}?)[一二三四五六七八九十]{1,3}世")


def _regnal_name(d: Doc, p: int) -> int | None:
    """End of a monarch's name with its regnal number right at ``p`` (某某某 + 二世, 某某 + 十六世 + ·某某某): the name
    words before the number each unknown to the dictionary, tagged a name or of transliteration characters, and a
    name's end after 世 (punctuation, a date, a function word or verb), or a dotted last part."""
    m = _REGNAL.match(d.text, p)
    if m is None or p not in d.starts or m.end(1) not in d.ends or any(ch in NUMERALS for ch in m.group(1)):
        return None
    for s, e, w in d.tokens[d.token_at(p):d.token_at(m.end(1) - 1) + 1]:
        if not (w not in d.info or (d.tag(w) or "").startswith("nr") or all(ch in _foreign_chars() for ch in w)):
            return None
    e = m.end()
    if d.text[e:e + 1] in _DOT_CHARS:
        last = _dotted_end(d, e + 1)
        return last if last is not None else None
    return e if _hard_end(d.text, e) or e in d.starts and _ends_name(d, d.token_at(e - 1)) else None


def _short_chinese(d: Doc, p: int, end: int | None, run: int) -> bool:
    """Is the Chinese name text[p:end] a surname and one character (欧 + 尔) inside a run of three transliteration
    characters that jieba does not tag as a person's name (欧尔 + 班: a foreign name, the surname a syllable)?"""
    return end is not None and end - p == 2 and run - p == 3 and not (d.tag(d.text[p:end]) or "").startswith("nr")


def _runs_on(d: Doc, end: int) -> int:
    """Where a name of a surname and two characters really ends: at ``end``, or, when a word unknown to the
    dictionary follows at once (two Chinese characters jieba glued, no name stop), that word and then a name's
    end (punctuation, 等, a speech verb) or a dictionary noun (夫妇): a longer name, foreign most often (吴某某 +
    某某等: 吴 also renders the honorific U), cut short."""
    text = d.text
    if _hard_end(text, end) or end not in d.starts:
        return end
    s, e, w = d.tokens[d.token_at(end)]
    if e - s != 2 or w in d.info or not all(is_han(ch) and ch not in rules().name_stop for ch in w):
        return end
    if _hard_end(text, e):
        return e
    _, _, nxt = d.tokens[d.token_at(e)]
    return e if (d.tag(nxt) or "")[:1] == "n" and len(nxt) >= 2 and not (d.tag(nxt) or "").startswith("nr") else end


_NAME_TAGS = ("nr", "nrt", "nrfg")


def _japanese_name_at(d: Doc, p: int) -> int | None:
    from .cut_names import japanese_name_at  # cut_names imports this module

    return japanese_name_at(d, p)


def _tagged_name(d: Doc, p: int, titled: bool = False) -> int | None:
    """End of a word jieba knows as a person's name (its nr/nrt tags: 克里斯托弗, 某某某) starting at ``p``,
    when it is not a region or country name; for names without a Chinese surname (transliterated ones).
    ``titled``: a title stands right before ``p``, so a word made of two dictionary words is a name unless one
    of them is a phrase's (:func:`_phrase_part`)."""
    k = d.token_at(p)
    s, e, w = d.tokens[k]
    if s != p or d.tag(w) not in _NAME_TAGS or not 2 <= len(w) <= 6 or not all(is_han(ch) for ch in w):
        return None
    if w in rules().regions or is_country(w) or d.freq(w) >= 1000 or (len(w) == 2 and d.tag(w) != "nrt"):
        return None  # frequent words tagged nr are mostly common words (光辉, 令人)
    two = _phrase_part if titled else (lambda d, x: x in d.info)
    if any(two(d, w[:i]) and w[i:] in d.info or w[:i] in d.info and two(d, w[i:])
           for i in range(2, len(w) - 1)) and not _transliterated(d, w):
        return None  # two dictionary words (努力+实现, 某某+理论): no single name (大臣 + 某生 + 太郎: a name's parts)
    return e if _ends_name(d, k) else None


def _phrase_part(d: Doc, w: str) -> bool:
    """Is ``w`` a word of a phrase rather than a part of a name: a very frequent word of the dictionary (理论,
    群众), or a verb, adjective, adverb or time word of some frequency (实现, 努力, 今天)? (A family name or a
    given name a name word is made of is rare or a noun: 太郎 n 295.)"""
    tag = d.tag(w) or ""
    return w in d.info and (d.freq(w) >= _PHRASE_FREQ or d.freq(w) >= 30 and tag[:1] in "vadtmcp")


_PHRASE_FREQ = 1000


def _transliterated(d: Doc, w: str) -> bool:
    """Is ``w`` a word jieba tags a transliterated name (nrt) of four characters or more, all but one of them
    transliteration characters (某尔南德斯: jieba also knows 某尔南 and 德斯, yet the tag is of the whole word)?"""
    chars = _foreign_chars()
    return d.tag(w) == "nrt" and len(w) >= 4 and sum(ch in chars for ch in w) >= len(w) - 1


def _unknown_name(d: Doc, p: int) -> int | None:
    """End of a word of two to four Chinese characters unknown to the dictionary (joined by jieba's HMM) starting
    at ``p`` and ending a name, neither end a function character: a Korean or Japanese name after a state title
    (总统 + 某在某, 首相 + 某田某雄), which has no Chinese surname shape and none of the transliteration characters."""
    k = d.token_at(p)
    s, e, w = d.tokens[k]
    stop, chars = rules().name_stop, _foreign_chars()
    if s == p and len(w) == 3 and w not in d.info and (w[-1] in _AFTER_NAME or w[-1] in ADVERB_GIVEN) and w[0] in chars and w[1] not in stop \
            and is_han(w[1]) and (d.tag(w[:2]) or "nr").startswith("nr") and not is_country(w[:2]):
        return e - 1  # 总理 + 某拉对 + 当天的投票: a two-character name and the function word jieba glued on
    if s != p or not 2 <= len(w) <= 4 or w in d.info or not all(is_han(ch) for ch in w) or w[0] in stop or w[-1] in stop:
        return None
    if is_country(w) or w in rules().regions:
        return None
    first, last = (d.tag(w[0]) or "")[:1], (d.tag(w[-1]) or "")[:1]
    if len(w) == 2 and w[0] not in chars or len(w) > 2 and (last in "pdcu" or first == "v" and w[0] not in chars):
        return None  # 访 + 某国, 一职, 仅约; 某某 + 为, 称 + 某某: a verb or function character, no name
    nxt = d.tokens[k + 1][2] if k + 1 < len(d.tokens) else "。"
    return e if _ends_name(d, k) or (d.tag(nxt) or "")[:1] == "a" else None  # 某在某 + 积极评价


_DAY_AFTER = re.compile(r"\d{1,2}[日号]")


def _dated_foreign(d: Doc, p: int) -> int | None:
    """End of a word of two or three transliteration characters unknown to the dictionary at ``p`` (after any role
    word) when the day of the month follows it (发言人 + 某纳 + 16号说): a foreign name before its date."""
    s, e, w = d.tokens[d.token_at(p)]
    if s != p or not 2 <= len(w) <= 3 or w in d.info or not all(ch in _foreign_chars() for ch in w):
        return None
    return e if _DAY_AFTER.match(d.text, e) and not is_country(w) and w not in rules().regions else None


def _proper_word_name(d: Doc, p: int) -> int | None:
    """End of a rare proper noun of two to four characters at ``p`` that jieba tags as a place or other proper
    name (ns, nz) though it is no place any list knows, ending a name: a foreign leader's short name after a state
    title (总统 + 某京), which the learned model often misses there (issue #13: mined by disagreement with a second
    model, ten stories of 2,000 lost one head of state's name this way)."""
    from .foreign_regions import is_foreign_place

    k = d.token_at(p)
    s, e, w = d.tokens[k]
    if s != p or not 2 <= len(w) <= 4 or not all(is_han(ch) for ch in w) or d.tag(w) not in ("ns", "nz"):
        return None
    if d.freq(w) >= _RARE_PROPER or w in rules().regions or is_foreign_place(w) or w[-1] in _feature_chars():
        return None  # 国王 + 海滩: a landform or a site
    nxt = d.tokens[k + 1][2] if k + 1 < len(d.tokens) else ""
    common_next = (len(nxt) >= 2 and d.freq(nxt) >= _RARE_PROPER  # 某京 + 现场, 汇报; not 某斯 + 利
                   and (d.tag(nxt) or "")[:2] not in ("nr", "ns"))
    return e if _ends_name(d, k) or common_next else None


_RARE_PROPER = 1000


@lru_cache(maxsize=1)
def _feature_chars() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset(words("landform_chars.txt") + words("site_chars.txt"))


@lru_cache(maxsize=1)
def _site_chars() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset(words("site_chars.txt"))


_CHAIRS = frozenset({"主席"})  # a foreign parliament's or party's chair (参议院主席 + 某冲): an unknown word after it is
# a name too (not a proper word jieba knows: 主席 + 拉美 + 之行 is a trip)


@lru_cache(maxsize=1)
def _state_titles() -> frozenset[str]:
    """The state and foreign titles that stand before a name (title_cues.tsv, side ``before``: 总统, 首相, 外长)."""
    from kg.util.resources import table

    return frozenset(row[0] for row in table("title_cues.tsv") if row[1:2] == ("before",))


@lru_cache(maxsize=1)
def transliteration_chars() -> frozenset[str]:
    """Characters of foreign names as transliterated (kg/extract/data/transliteration_chars.txt)."""
    return _foreign_chars()


@lru_cache(maxsize=1)
def _foreign_chars() -> frozenset[str]:
    from kg.util.resources import words

    return frozenset("".join(words("transliteration_chars.txt")))


def _foreign_run(d: Doc, p: int) -> int | None:
    """End of a foreign name starting at ``p``: three or more transliteration characters (middle dots between
    them allowed) ending where a word ends, before punctuation, a function word, verb or role word."""
    text, chars = d.text, _foreign_chars()
    e = p
    while e < len(text) and (text[e] in chars or (text[e] in "·•" and e > p and e + 1 < len(text)
                                                  and text[e + 1] in chars)):
        e += 1
    if sum(ch in chars for ch in text[p:e]) < 3 or p not in d.starts:
        return None
    while e - p >= 3:
        k = d.token_at(e - 1)
        ts, te, w = d.tokens[k]
        if te == e and _ends_name(d, k) or te == e + 1 and text[e] in _AFTER_NAME and d.freq(w) == 0 and ts >= p:
            return None if is_country(d.text[p:e]) or d.text[p:e] in rules().regions else e  # (某某班 + 时: glued)
        e -= 1
    return None


def _foreign_run_before(d: Doc, e: int) -> int | None:
    """Start of a foreign name of three or more transliteration characters ending at ``e`` (before a speech
    verb or title) that starts a sentence or follows a function word or verb."""
    text, chars = d.text, _foreign_chars()
    p = e
    while p > 0 and e - p < 8 and (text[p - 1] in chars or (text[p - 1] in "·•" and p > 1 and text[p - 2] in chars)):
        p -= 1
    while e - p >= 3:
        k = d.token_at(p)
        if d.tokens[k][0] == p and _hard_start(d, k) and e in d.ends:
            return None if _place_word(d, p, e) else p
        p += 1
    return None


_DOT_CHARS = "·•・"  # the middle dots that join the parts of a name (・: the katakana one some sources print)
def _name_char(d: Doc, w: str) -> bool:
    """Is ``w`` one character that may end a name jieba cut short: a transliteration character, or a Chinese one
    rare as a word by itself (颂, 垂; not 说, 看, 到), no function, speech or landform or site character? (It does
    not begin a word with the next one: 某某 + 陪同.)"""
    if len(w) != 1 or not is_han(w) or w in _AFTER_NAME or w in _feature_chars():
        return False  # (某某·某某 + 墓: a site named after the person)
    return w in _foreign_chars() or d.freq(w) < _RARE_CHAR and w not in rules().cue_after


_RARE_CHAR = 5000  # jieba's count under which a single character is seldom a word by itself (颂 602; 看 66,641)


def _glued(d: Doc, w: str) -> int | None:
    """Index in the word ``w`` (not one jieba tags as a name) of a function character it glued onto a name."""
    if (d.tag(w) or "").startswith("nr"):
        return None
    return next((i for i, ch in enumerate(w) if ch in _AFTER_NAME), None)


_NUMERALS = NUMERALS | {"〇", "万"}
_DOT_PART = 8  # characters of one part of a dotted name at most (托乎尼牙孜, 阿勒坦呼雅格)
_DOT_LAST = 6  # ... of its last part, which has no dot to end it


def dotted_names(d: Doc) -> list[tuple[int, int]]:
    """Names written with a middle dot (某某·某某, 某·某某·某某): Uyghur and foreign names whatever their characters,
    many outside transliteration_chars.txt (艾力更, 托乎尼牙孜). Each part is Chinese characters that start where a
    name may start (after punctuation, a function word, verb, role word or a country) and end where a name ends
    (before punctuation, a function word, verb, speech or role word); no part is a common dictionary word of two
    or more characters, a region or country, an organisation's token, a numeral (九·一八) or ends in a level
    character (某某·某某镇). Titles of programmes and slogans (铭记·反思, 某某新征程·某某人物) are common words."""
    from .name_shapes import COMMON, COMMON_TAGS

    text, out = d.text, []
    for m in re.finditer(f"[{_DOT_CHARS}]", text):
        p = m.start()
        if text[p - 1:p] in _DOT_CHARS or not is_han(text[p - 1:p] or "x") or out and out[-1][1] > p:
            continue  # not the first dot of its name, or no name before it
        s = _dotted_start(d, p)
        e = _dotted_end(d, p + 1)
        if s is None or e is None or text[s - 1:s] in _DOT_CHARS or text[s - 1:s] in _HYPHENS:
            continue  # (no name starts right after a dot: a name whose first part was not found, 某某·某某·某某)
        if _quoted(text, s):
            continue  # “某某·某某”号, 《某某·某某法》, “某某梦·某某”: a ship, a title or a slogan
        if text[e - 1] in _site_chars() and e - 1 - (p + 1) >= 2:
            e -= 1  # 某某·马蒂 + 墓: a site named after the person, jieba glued its word on
        parts = re.split(f"[{_DOT_CHARS}]", text[s:e])
        if len("".join(parts)) < 3 or any(not x for x in parts):
            continue
        toks = [(ts, te, w) for ts, te, w in d.tokens[d.token_at(s):d.token_at(e - 1) + 1] if w not in _DOT_CHARS]
        if any(len(w) >= 2 and d.freq(w) >= COMMON and d.tag(w) in COMMON_TAGS or d.tag(w) == "nt" for _, _, w in toks):
            continue
        if any(ch in _NUMERALS for ch in text[s:e]) or any(x[-1] in LEVEL_CHARS for x in parts):
            continue
        first = toks[0][2] if toks else ""
        if any(_region_part(d, x, parts) for x in parts) \
                or len(first) >= 2 and (first in rules().regions or is_country(first)) and not _region_part(d, first, parts, True):
            continue  # (a country inside a part is a name's syllables: 朱马里·某某)
        out.append((s, e))
    return out


def _region_part(d: Doc, x: str, parts: list[str], first: bool = False) -> bool:
    """Is the part ``x`` of a dotted run a region or country, so that the run is places (某州·某县), no name? A
    region's name that jieba tags as a transliterated name (阿里 nrt: also a first name) is a name's part when
    another part of the run is no region nor country (阿里·某某某某). ``first``: only that name test."""
    others = [y for y in parts if y != x]
    named = (d.tag(x) or "").startswith("nr") and bool(others) and not any(
        y in rules().regions or is_country(y) for y in others)
    return not named if first else (x in rules().regions or is_country(x)) and not named


def _quoted(text: str, s: int) -> bool:
    """Does ``s`` stand inside quotation or title marks opened in the same clause?"""
    for i in range(s - 1, max(-1, s - 30), -1):
        if text[i] in _OPENING:
            return True
        if text[i] in _CLOSING or text[i] in "。，；！？：、\n":
            return False
    return False


_OPENING = "“「《〈‘\""
_CLOSING = "”」》〉’"


def _dotted_start(d: Doc, dot: int) -> int | None:
    """Start of the first part of a dotted name whose first dot is at ``dot``: the nearest token start at most
    _DOT_PART characters back where a name may start, or None."""
    k = d.token_at(dot - 1)
    while k >= 0 and dot - d.tokens[k][0] <= _DOT_PART:
        s, _, w = d.tokens[k]
        if w in _HYPHENS and k > 0 and is_han(d.text[s - 1]) and is_han(d.text[s + 1:s + 2] or "x"):
            k -= 1
            continue  # 某某-某某·某·某某: a hyphen joins the first part's names
        if not all(is_han(ch) for ch in w):
            return None
        cut = _glued(d, w)
        if cut is not None and cut < len(w) - 1:
            return s + cut + 1  # jieba glued a function character to the name (习近平 + 向某某·某某)
        prev = d.tokens[k - 1][2] if k > 0 else ""
        if len(w) >= 3 and w[0] == "人" and is_country(prev):
            return s + 1  # 某国 + 人某某·某某: jieba glued the nation's 人 to the name
        if prev in _HYPHENS and k > 1 and is_han(d.text[s - 2]):
            k -= 1
            continue
        if k == 0 or _hard_start(d, k) or _role_end(prev) or _place_before(d, k - 1) or prev[-1:] in _AFTER_NAME:
            return s  # (这是 + 某某·某某: a function character ends the word before the name)
        k -= 1
    return None


def _place_before(d: Doc, k: int) -> bool:
    """Is token ``k`` a country or region before a name (美国 + 某某·某某), not a piece of a name that only looks
    like one (埃马 + 纽埃 + 尔·某某: an unknown word before it)?"""
    w = d.tokens[k][2]
    if not (is_country(w) or w in rules().regions and w[-1] in LEVEL_CHARS):
        return False  # (a region's short form may be a name's syllables: 阿里 + 某德·某某)
    return k == 0 or d.tokens[k - 1][2] in d.info or not is_han(d.tokens[k - 1][2][-1])


def _dotted_end(d: Doc, p: int) -> int | None:
    """End of the last part of a dotted name whose part after a dot starts at ``p`` (more dots and parts may
    follow): the nearest token end at most _DOT_PART characters on where a name ends, or None."""
    text = d.text
    if p >= len(text) or p not in d.starts:
        return None
    k = d.token_at(p)
    start = p
    while k < len(d.tokens) and d.tokens[k][1] - start <= _DOT_PART:
        ts, e, w = d.tokens[k]
        if not all(is_han(ch) for ch in w):
            return None
        cut = _glued(d, w)
        if cut is not None and ts + cut > start:
            return ts + cut  # jieba glued the next word's function character to the name (某·卢 + 等, 某 + 因涉嫌)
        if cut is not None:
            return None
        if ts > start and _sentence_word(d, w):
            # 某某·某某 + 得票率, + 体内: the sentence goes on, not the name (某某·某某 + 中心: a body named after one)
            return ts if _name_ends_at(d, k) and not _headed_after(d, k) else None
        if (text[e:e + 1] in _DOT_CHARS or text[e:e + 1] in _HYPHENS) and is_han(text[e + 1:e + 2] or "x"):
            k, start = k + 2, e + 1  # another dot (or a hyphen: 某某-某某), another part
            continue
        nxt = d.tokens[k + 1][2] if k + 1 < len(d.tokens) else ""
        if _ends_name(d, k) or any(text.startswith(w, e) for w in _ADDRESS_AFTER) \
                or len(nxt) >= 3 and (d.tag(nxt) or "x")[0] in "il":  # 某某 + 举行会谈
            if e - start > _DOT_LAST:
                return None  # 某某·某某 + 宣誓就职 (a phrase jieba tags as a name): too long for the last part
            while k + 2 < len(d.tokens) and (_name_char(d, d.tokens[k + 1][2]) or listed_tail(d, k + 1)) \
                    and d.tokens[k + 1][2] + d.tokens[k + 2][2][:1] not in d.info \
                    and d.tokens[k + 1][1] - start <= _DOT_PART and _ends_name(d, k + 1):
                k, e = k + 1, d.tokens[k + 1][1]  # 某某·奥尔布 + 里 + 希, 某某·塔尼 + 颂 + 将: characters jieba cut off
            if text[e:e + 1] in _DOT_CHARS and is_han(text[e + 1:e + 2] or "x") and e + 1 in d.starts:
                k, start = d.token_at(e + 1), e + 1  # 某某·某尔韦 + 托 + ·某某: the cut-off character, then a part
                continue
            return e
        k += 1
    return None


_HYPHENS = ("-", "－")


def _sentence_word(d: Doc, w: str) -> bool:
    """Is ``w`` a word of the sentence that no last part of a dotted name holds: a dictionary word of two or more
    characters that jieba counts (得票率 8, 体内, 所属), tags no name nor place and that is not all transliteration
    characters (热合 and 买买 of Uyghur names count less)?"""
    tag = d.tag(w) or ""
    return (len(w) >= 2 and d.freq(w) >= _SENTENCE_WORD and not tag.startswith(("nr", "ns", "nz"))
            and not all(ch in _foreign_chars() for ch in w))


_SENTENCE_WORD = 5


def _headed_after(d: Doc, k: int) -> bool:
    """Does an organisation's or place's head word (heads.tsv: 中心, 基金会) stand at token ``k`` or within the
    three after it (某某·某某 + 国际学者中心: a body named after a person)?"""
    heads = rules().heads
    return any(d.tokens[j][2] in heads for j in range(k, min(k + 4, len(d.tokens))))


def _name_ends_at(d: Doc, k: int) -> bool:
    """May the name end right before token ``k`` (a dotted name's last part stopped by a word of the sentence):
    the words of the part before it are each unknown to the dictionary, known as a name or of transliteration
    characters (罗 + 塞夫 + 得票率, not 某某 + 衷心感谢 + 中央)?"""
    j = k - 1
    while j >= 0 and d.tokens[j][2] not in _DOT_CHARS and d.tokens[j][2] not in _HYPHENS:
        w = d.tokens[j][2]
        if not (d.freq(w) == 0 or (d.tag(w) or "").startswith("nr") or all(ch in _foreign_chars() for ch in w)):
            return False
        j -= 1
    return j < k - 1
_PARTICLE_TAILS = "地得"  # particles that are also the last syllable of a transliterated name (某某·铁力瓦尔地)


def listed_tail(d: Doc, k: int) -> bool:
    """Is token ``k`` a particle character that ends a name because a list comma follows it? (地 and 得 as particles
    are followed by a verb or an adjective, never by 、.)"""
    w, e = d.tokens[k][2], d.tokens[k][1]
    return w in _PARTICLE_TAILS and d.text[e:e + 1] == "、"
_DOT_ROLE_ENDS = "员长官人家手者事"  # last characters of role nouns before a dotted name (领导人, 作家, 高手, 登山者,
# 总干事; 专员)
_ADDRESS_AFTER = ("同志", "先生", "女士", "夫妇", "夫人")
_AFTER_NAME = "等和与及因在说称是为的了将已从向对把被致以之时于当同"  # function characters that end a name when jieba glues them on


def _role_end(w: str) -> bool:
    """Does the word ``w`` end in a role word or a role noun's last character (英国首相, 高级专员, 领导人)?"""
    cues = rules().cue_before
    return any(w[-n:] in cues for n in _cue_lens() if n <= len(w)) or w[-1:] in _DOT_ROLE_ENDS and (
        len(w) >= 2 or w in "家者人")  # (极限运动 + 家: jieba cut the role noun's last character off)


def foreign_name_at(d: Doc, s: int, e: int) -> tuple[int, int] | None:
    """The whole foreign name around text[s:e] when that is made of transliteration characters and the name
    runs on for one to three more of them on either side (to a word end and a name end, or to a sentence start
    or function word); None when nothing changes."""
    chars = _foreign_chars()
    if e - s < 2 or not all(ch in chars or ch in "·•" for ch in d.text[s:e]):
        return None
    end = _foreign_run(d, s) if s in d.starts else None
    end = end if end is not None and e < end <= e + 3 else e
    start = _foreign_run_before(d, end) if end in d.ends else None
    start = start if start is not None and s - 3 <= start < s else s
    return None if (start, end) == (s, e) else (start, end)


def _place_word(d: Doc, p: int, e: int) -> bool:
    """Is text[p:e] a country or region name, or made of words jieba knows as places (西班牙, 罗马)? A rare place
    word inside a longer run is a name's syllables (某 + 加利 + 说: jieba's 加利 counts 27)."""
    name = d.text[p:e]
    if is_country(name) or name in rules().regions:
        return True
    return any(d.tag(w) == "ns" and (d.freq(w) >= _RARE_PLACE or (s, t) == (p, e))
               for s, t, w in d.tokens[d.token_at(p):d.token_at(e - 1) + 1] if s >= p)


_RARE_PLACE = 50  # jieba's count under which a place word inside a transliterated run is no place of its own


def _ends_name(d: Doc, k: int) -> bool:
    """Does token ``k`` end a name: end of text, punctuation, a role or speech word, or a function word or
    verb next (拉特纳|亚克: an unknown piece next is the rest of the same name)?"""
    if k + 1 >= len(d.tokens):
        return True
    w = d.tokens[k + 1][2]
    r = rules()
    if not is_han(w[0]) or w in r.stop or any(w.startswith(c) for c in r.cue_after) or w in r.cue_before:
        return True
    tag = d.tag(w)
    return tag is not None and (tag[:1] in "vpcudfmtr" and tag != "vn" or tag in _PHRASE_TAGS)


_PHRASE_TAGS = ("i", "l")  # an idiom or set phrase next (某某某 + 举行会谈): a clause of the sentence, no name's rest


def _hard_start(d: Doc, k: int) -> bool:
    """May a name start at token ``k``: first token, after punctuation, or after a function word or verb?"""
    if k == 0:
        return True
    w = d.tokens[k - 1][2]
    r = rules()
    if w in r.cue_before or (len(w) >= 2 and w[-1] in _ROLE_ENDS and (d.tag(w) or "n")[:1] == "n"):
        return True  # 协调员 + 某某某某: a role word ends where the name begins
    return not is_han(w[-1]) or (d.tag(w) or "x")[:1] in "pcudvr" or w in r.stop


_ROLE_ENDS = "员长官"  # last characters of role nouns (协调员, 部长, 外交官)


def _bad_given(d: Doc, p: int, gs: int, end: int) -> bool:
    """Do the words of jieba contradict a name text[p:end] (surname glued into a word: 方面, 许多; a given
    name that is an adverb, verb or numeral: 曾多次, 相衔接)?"""
    k = d.token_at(p)
    while k < len(d.tokens) and d.tokens[k][0] < end:
        s, e, w = d.tokens[k]
        k += 1
        if e - s < 2 or d.freq(w) == 0:
            continue
        tag = d.tag(w) or ""
        if tag.startswith("nr") or (d.freq(w) < 50 and tag in ("n", "nz", "ns", "nt", "t", "s", "j", "b")):
            continue  # rare nouns in the dictionary are often names themselves (白晋湘 cut as 白晋/湘)
        if s < gs < e or e > end:  # a word across the surname or past the end
            return True
        if tag in _BAD_GIVEN_TAGS:
            return True
    return False


_FUNCTION_TAGS = ("d", "q", "m", "p", "c", "u", "r", "f", "t")
_TALK_SURNAMES = ("谈",)  # a surname that is the verb of headlines' "someone talks about" (企业家 + 谈 + 民营经济)


def _function_surname(d: Doc, p: int, sl: int, end: int) -> bool:
    """Is the surname at ``p`` a word of its own that jieba reads as an adverb, measure, numeral or other
    function word (曾, 段, 年) or as the verb 谈 (to talk about), followed by one whole dictionary word that is no
    name (撰文, 历史, 人均, 民营), or as any other verb, followed by a frequent common noun (工作者 + 包 + 饺子)?"""
    s0, e0, w0 = d.tokens[d.token_at(p)]
    verb = (d.tag(w0) or "n") == "v" and w0 not in _TALK_SURNAMES  # 包 + 饺子, 应 + 纳税: a verb and its object
    if e0 - s0 != sl or (d.tag(w0) or "n") not in _FUNCTION_TAGS and w0 not in _TALK_SURNAMES and not verb:
        return False
    s1, e1, w1 = d.tokens[d.token_at(p + sl)]
    if verb and not (d.tag(w1) == "n" and d.freq(w1) >= _OBJECT_FREQ):
        return False
    return (s1, e1) == (p + sl, end) and d.freq(w1) > 0 and not (d.tag(w1) or "").startswith("nr")


_OBJECT_FREQ = 100  # a common noun this frequent after a surname jieba reads as a verb is the verb's object


def _glued_home(d: Doc, end: int) -> bool:
    """Did jieba glue the name's last character to 家, 的 or 和 after it (村民 + 某某 + 美家 + 的, 学生 + 某某 +
    发家 + 家访, 市民 + 某某 + 平和 + 老伴): the token of those two characters starts a character before ``end``,
    and a word of its own follows?"""
    text = d.text
    if text[end:end + 1] not in _HOME or end - 1 not in d.starts:
        return False
    s, e, w = d.tokens[d.token_at(end - 1)]
    return e == end + 1 and (e == len(text) or e in d.starts)


_HOME = "家的和"


def _reports_after(d: Doc, end: int) -> bool:
    """Does 作 (to deliver) stand at ``end`` before what is delivered, glued by jieba to the name's last character
    in a word it does not know (某某 + 荣作 + 的关于…的报告, 某某 + 城作 + 了说明): the name ends before 作."""
    text = d.text
    if text[end:end + 1] != "作" or end in d.starts or not text.startswith(_DELIVERED, end + 1):
        return False
    s, e, w = d.tokens[d.token_at(end)]
    return e == end + 1 and d.freq(w) == 0


_DELIVERED = ("了", "的", "关于", "报告", "说明", "讲话", "重要讲话", "发言", "总结", "动员", "题为", "工作报告")


def _word_across(d: Doc, end: int) -> bool:
    """Does a dictionary word of two or more characters run across ``end`` (so it is no name boundary)?"""
    k = d.token_at(end - 1)
    s, e, _ = d.tokens[k]
    return e > end


@lru_cache(maxsize=1)
def _address_words() -> frozenset[str]:
    """Forms of address (ner_trims.tsv kind ``address``: 老人, 同志, 先生) among the words after a name."""
    from .ner.persons import trims

    return frozenset(trims()[0])


def _described(d: Doc, name: str) -> bool:
    """Is ``name`` one dictionary word that jieba tags as no person's name (空巢, 独居: a description)?"""
    tag = d.tag(name)
    return name in d.info and tag is not None and not tag.startswith("nr")


def _common_word(d: Doc, name: str) -> bool:
    tag = d.tag(name)
    return tag is not None and not tag.startswith("nr") and d.freq(name) >= 20


@lru_cache(maxsize=1)
def _cue_lens() -> tuple[int, ...]:
    """Lengths (>= 2) of the role words: a token ending in one is checked by slicing, not by scanning them all."""
    return tuple(sorted({len(c) for c in rules().cue_before if len(c) >= 2}))


def persons(d: Doc, authors=()) -> list[Candidate]:
    """People after a role word (记者 X, 董事长X), before a speech verb (X表示), in bylines and name lists."""
    r = rules()
    text = d.text
    out: dict[tuple[int, int], Candidate] = {}

    def add(s, e, how, conf):
        if (s, e) not in out or out[(s, e)].confidence < conf:
            out[(s, e)] = Candidate(s, e, "Person", how, conf)

    cue_lens = _cue_lens()
    for s, e, w in d.tokens:
        if w in r.cue_before or (len(w) > 2 and any(w[-n:] in r.cue_before for n in cue_lens if n < len(w))):
            p = e
            while p < len(text) and text[p] == " ":
                p += 1
            end = _name_at(d, p) if p < len(text) else None
            run = _foreign_run(d, p) if p < len(text) else None
            if run and (end is None or run - p >= 4 and run > end or _short_chinese(d, p, end, run)):
                add(p, run, "role", 0.8)  # 部长 + a foreign name of four or more characters, not cut after three
            elif p < len(text) and _regnal_name(d, p):
                add(p, _regnal_name(d, p), "role", 0.8)  # 国王 + 某某三世: a monarch's name and number
            elif end:
                add(p, end, "role", 0.85)
                _name_list(d, end, add)
            elif p < len(text) and _japanese_name_at(d, p):
                add(p, _japanese_name_at(d, p), "role", 0.8)  # 外务大臣 + 某村某治: a Japanese name
            elif p < len(text) and _tagged_name(d, p, titled=True):
                add(p, _tagged_name(d, p, titled=True), "jieba", 0.75)
            elif p < len(text) and any(w.endswith(t) for t in _state_titles() | _CHAIRS) and _unknown_name(d, p) \
                    and not (w.endswith("长") and text.startswith("官", p)):  # (部长 + 官: the title 长官)
                add(p, _unknown_name(d, p), "role", 0.7)
            elif p < len(text) and _dated_foreign(d, p):
                add(p, _dated_foreign(d, p), "role", 0.7)  # 发言人 + 某纳 + 16号说: a foreign name and the day
            elif p < len(text) and any(w.endswith(t) for t in _state_titles()) and _proper_word_name(d, p):
                add(p, _proper_word_name(d, p), "role", 0.7)
    for w in r.cue_after:
        for ms, me in occurrences(w, text):
            if not _whole_word(d, ms, me):
                continue  # 称 of 荣誉称号, 说 of 说明: no speech verb there
            e = ms
            while e > 0 and text[e - 1] == " ":
                e -= 1
            p = _foreign_run_before(d, e)
            if p is not None:
                add(p, e, "role", 0.75)  # 某某某某说: a foreign name, not a Chinese name cut out of it
                continue
            for length in (4, 3, 2):
                p = e - length
                if p < 0 or p not in d.starts:
                    continue
                end = _name_at(d, p, hard_only=True)
                if end == e and w in _address_words() and _described(d, text[p:e]):
                    break  # 空巢 + 老人, 年轻 + 同志: a dictionary word that describes the person, no name
                if end == e:
                    add(p, e, "role", 0.8)
                    break
            else:
                k = d.token_at(e - 1) if e > 0 else -1  # 某某某某说: a name jieba knows, not a Chinese one
                if k >= 0 and d.tokens[k][1] == e and _hard_start(d, k) and _tagged_name(d, d.tokens[k][0]) == e:
                    add(d.tokens[k][0], e, "jieba", 0.75)
    for s, e in dotted_names(d):
        add(s, e, "dotted", 0.8)
    for m in re.finditer(r"[（(]([^（）()\n]{5,40})[）)]", text):
        _bracket_names(d, m.start(1), m.end(1), add)
    for a in authors:
        name = getattr(a, "name", "")
        if len(name) >= 2:
            for s, e in occurrences(name, text):
                add(s, e, "byline", 0.95)
    for s, e, w in d.tokens:
        if d.tag(w) == "nrfg" and 2 <= len(w) <= 4 and _surname_len(text, s) and not _family(w):
            add(s, e, "jieba", 0.7)
    _spaced_names(d, add)

    # transliterated names (某·某) are not split by these rules: drop what touches a middle dot
    return [c for c in out.values() if text[c.end:c.end + 1] not in _DOT_CHARS
            and text[c.start - 1:c.start] not in _DOT_CHARS or c.start == 0]


def _name_start(text: str, p: int) -> bool:
    """May a name begin at ``p``: a surname or a transliteration character?"""
    return p < len(text) and (text[p] in rules().surnames or text[p] in _foreign_chars())


def _whole_word(d: Doc, s: int, e: int) -> bool:
    """Is text[s:e] no part of a longer word (表示 yes; 称 of 称号 or 荣誉称号, 说 of 说明 no)? It must start a
    word; it may end inside one jieba's HMM glued from single characters (某某海 + 称 -> 海称 is no word)."""
    for k in {d.token_at(s), d.token_at(e - 1)}:
        ts, te, w = d.tokens[k]
        if (ts < s or te > e) and (w in d.info or ts < s):
            return False
    return True


def _family(w: str) -> bool:
    """A surname and 家 (郑家, 张家): the family or a place named after it, not a person."""
    return len(w) == 2 and w[1] == "家"


def _name_list(d: Doc, end: int, add) -> None:
    """Names that follow a name, separated by spaces or 、 (通讯员 黄某某 李某某)."""
    text = d.text
    while end < len(text) and text[end] in " 、":
        p = end
        while p < len(text) and text[p] in " 、":
            p += 1
        nxt = _name_at(d, p, hard_only=True) if p < len(text) else None
        if not nxt:
            return
        add(p, nxt, "role", 0.75)
        end = nxt


# An item of a roll of names: a name (two to four Chinese characters, or foreign parts joined by a middle dot),
# maybe a note on the person in brackets (（女）, （壮族）, （武警）), then a space, or the next item right after the
# note. (A roll printed without its spaces, as the public sets have it, makes no items: its names run together.)
_ROLL_ITEM = re.compile(r"((?:[\u4e00-\u9fff]{1,8}·)+[\u4e00-\u9fff]{1,8}|[\u4e00-\u9fff]{2,4})"
                        r"(?:[（(]([^（）()\s]{1,10})[）)] ?| |(?=\n)|$)")
_ROLL_MIN = 5  # items in a roll: fewer is a phrase of spaced words (平等 均衡 普惠), no roll
_ROLL_SHARE = 0.8  # of the items shaped like a name


def _spaced_names(d: Doc, add) -> None:
    """A roll of names separated by spaces, each maybe with a note in brackets, as lists of members, delegates and
    presidiums print them (某某 某某某（女） 某某（某族）某某某 ...): when five items or more follow each other and
    four in five are shaped like a name (a surname and one or two characters, or an ethnic or sex note after it) or
    three characters no dictionary knows but as a name (a surname the list lacks), half at least of them the former, every such
    item is a person, whatever word it makes (尤 + 权, 高 + 津: names a rule by a role word alone would not dare
    take)."""
    text = d.text
    p = 0
    while p < len(text):
        items = []
        q = p
        while q < len(text):
            m = _ROLL_ITEM.match(text, q)
            if m is None:
                break
            items.append(m)
            q = m.end()
        if len(items) < _ROLL_MIN:
            p = (items[0].end() if items else p + 1)
            continue
        shaped = [m for m in items if _roll_name(d, m)]
        names = [m for m in items if m in shaped or _roll_unknown(d, m.group(1))]
        if len(names) >= _ROLL_SHARE * len(items) and 2 * len(shaped) >= len(items):
            for m in names:
                add(m.start(1), m.end(1), "list", 0.75)
        p = q


def _roll_name(d: Doc, m: re.Match) -> bool:
    """Is the item ``m`` of a roll shaped like a person's name: a note of sex or people after it (（女）, （某族）),
    a foreign name joined by a middle dot, or a surname and one or two characters that make no country's or
    region's name?"""
    name, note = m.group(1), m.group(2) or ""
    if "族" in note or "女" in note:
        return True
    if "·" in name:
        return not name.startswith("·") and not name.endswith("·")
    sl = _surname_len(name, 0)
    return bool(sl) and 1 <= len(name) - sl <= 2 and not is_country(name) and name not in rules().regions


def _roll_unknown(d: Doc, name: str) -> bool:
    """Is ``name``, an item of a roll of names, three characters that the dictionary does not know or knows as a
    name (nr: a surname the surname list lacks and a given name, 某心社), so a name as well?"""
    return len(name) == 3 and all(is_han(ch) for ch in name) and (d.tag(name) or "nr").startswith("nr") \
        and not is_country(name) \
        and name not in rules().regions


def _bracket_names(d: Doc, s: int, e: int, add) -> None:
    """A bracket holding only names separated by spaces: （熊某 黄某某 邹某某）."""
    parts = d.text[s:e].split(" ")
    names = [x for x in parts if x]
    if len(names) < 2 or not all(2 <= len(x) <= 4 and all(is_han(ch) for ch in x) for x in names):
        return
    if not all(_surname_len(x, 0) for x in names):
        return
    p = s
    for x in parts:
        if x:
            add(p, p + len(x), "byline", 0.7)
        p += len(x) + 1
