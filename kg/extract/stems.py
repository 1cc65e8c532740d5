"""Word tests shared by the finders: is a run of jieba tokens a possible name, where may a name start?

Internal to kg.extract.mentions and its finders (kg.extract.finders, kg.extract.people, kg.extract.programmes).
"""

from __future__ import annotations

from .rules import BLOCK_TAGS, LEVEL_CHARS, NUMERALS, PROPER_TAGS, Doc, is_han, rules, subwords

__all__ = ["unit_common_word", "MEASURE", "common_region_word", "weak_region", "is_full_region", "numeral_name", "ordinal", "blocked",
           "joined_stem",
           "left_words", "namey", "plain_stem", "name_string", "hard_before", "trim_far", "not_generic", "level_char",
           "place_start"]


_PERIODS = ("时期", "期间", "年代")
_UNITS = set("米吨亩克升")  # units of length, weight, area and volume after a number
MEASURE = set("个家所名次户项条批位只件座些种类年月日号元万亿多余大级张把本份场台辆架艘头匹块片间层栋幢套")


DETERMINERS = set("各每该全本这那此其多几两诸某")


def common_region_word(d: Doc, name: str) -> bool:
    freq, tag = d.info.get(name, (0, "ns"))
    return not (tag in PROPER_TAGS or freq < 50)


def weak_region(d: Doc, name: str) -> bool:
    """A county short form, or a short form that is also a common word (芙蓉, 白银): needs support."""
    if is_full_region(name):
        return False
    return all(reg.level == "county" for reg in rules().regions[name]) or common_region_word(d, name)


def is_full_region(name: str) -> bool:
    """Is ``name`` a region's full name (长沙市, or 宁乡市 for a county the table still calls 宁乡县), not a short
    form (长沙, 恩施州)?"""
    regs = rules().regions.get(name, ())
    return any(reg.name == name for reg in regs) or (bool(regs) and len(name) >= 3 and name[-1] in "市区县旗")


def numeral_name(w: str) -> bool:
    """八一, 四方, 十八: numeral words that are parts of place names, not quantities."""
    return len(w) >= 2 and w[0] in NUMERALS and not any(ch in MEASURE for ch in w[1:])


def ordinal(w: str) -> bool:
    return len(w) >= 2 and w[0] == "第" and all(ch in NUMERALS or ch.isdigit() for ch in w[1:])


def blocked(d: Doc, w: str, verbs: bool) -> bool:
    r = rules()
    if not all(is_han(ch) or ch.isalnum() for ch in w) or w.isdigit():
        return True
    if w in r.stop:
        return True
    if len(w) >= 3 and w[-2:] in r.stop and (d.tag(w[-2:]) or "x")[:1] == "v" and d.tag(w) not in PROPER_TAGS:
        return True  # 重新 + 加入 as one dictionary word (tagged a noun): a verb ends it, no part of a name
        # (not 亚太经合 + 组织, a name the dictionary knows)
    if len(w) >= 3 and w.endswith(_PERIODS):  # 抗战时期 + 某某学院: a period names a time, no part of a name
        return True
    if w in r.regions or w in r.industry:  # 某某云计算(股份有限公司): an industry word is part of a name
        return False
    tag = d.tag(w)
    if tag is None:
        return False
    if tag == "m" or tag == "mq":  # 三一重工, 八一广场, 第二小学 yes; 500家, 一批 no
        return not (numeral_name(w) or ordinal(w) or (len(w) == 1 and w in NUMERALS))
    if tag == "d" and len(w) >= 2:  # jieba tags some name words as adverbs (山东高速集团)
        return False
    if tag in BLOCK_TAGS or tag in ("i", "l") or (tag in ("a", "c") and len(w) >= 2 and d.freq(w) >= 1000):
        return True
    if tag.startswith("v") and tag != "vn" and not verbs:
        return True
    return False


def left_words(d: Doc, pos: int, max_chars: int, verbs: bool = False, stops=()) -> list[tuple[int, int, str]] | None:
    """Tokens before ``pos`` (nearest first) that may be part of a name, at most ``max_chars`` long in all.

    None when ``pos`` lies inside a dictionary word (the head word there is part of another word).
    """
    out: list[tuple[int, int, str]] = []
    if pos <= 0:
        return out
    k = d.token_at(pos - 1)
    s, e, w = d.tokens[k]
    if e > pos:  # the head starts inside this token: its first part belongs to the stem
        piece = d.text[s:pos]
        in_weak_region = w in rules().regions and weak_region(d, w)  # 某丰镇 cut as 某/丰镇
        if w in d.info and len(piece) < 2 and not in_weak_region and pos not in d.cuts:  # 农村, 全村, 香港
            return None
        if not all(is_han(ch) for ch in piece) or piece in rules().stop:
            return out
        if w in d.info and piece not in d.info:  # 志愿服务(队): the words of a known word's first part
            p = pos
            for sub in reversed(subwords(piece)):
                out.append((p - len(sub), p, sub))
                p -= len(sub)
        else:
            out.append((s, pos, piece))
        k -= 1
    total = sum(e - s for s, e, _ in out)
    while k >= 0:
        s, e, w = d.tokens[k]
        if total + (e - s) > max_chars or e in stops:
            break
        if w not in d.info and e - s >= 3 and w[0] in rules().stop:  # 由某某(集团): jieba glued a preposition on
            out.append((s + 1, e, w[1:]))
            break
        if blocked(d, w, verbs):
            break
        out.append((s, e, w))
        total += e - s
        k -= 1
    if out and k >= 0 and (d.tokens[k][2].isdigit() or d.tag(d.tokens[k][2]) == "m"):
        while out and out[-1][2][0] in MEASURE:  # 500家大公司: a quantity, not a name
            out.pop()
        if out and len(out[-1][2]) >= 2 and out[-1][2][0] in _UNITS:  # 6500 + 米东 + 某某冰川: the unit is no
            s, e, w = out[-1]                                             # part of the name jieba glued it to
            out[-1] = (s + 1, e, w[1:])
    return out


def namey(d: Doc, toks, region_ok: bool = True) -> bool:
    """Does this run of tokens look like a proper name (unknown words, proper nouns, region names)?"""
    r = rules()
    if d.names and toks:
        run = d.text[min(t[0] for t in toks):max(t[1] for t in toks)]
        if any(n in run for n in d.names):  # 穿岩山 of 穿岩山村, seen before: 穿岩山生态农业(合作社)
            return True
    singles = 0
    for _, _, w in toks:
        if w in r.generic:
            singles = 0
            continue
        if w in r.regions and (w in d.regions or not weak_region(d, w)):
            if region_ok:
                return True
            singles = 0
            continue
        if numeral_name(w):
            return True
        tag = d.tag(w)
        if tag is None:
            if any(ch in r.name_stop for ch in w):
                singles = 0
                continue
            if len(w) >= 2 and all(is_han(ch) for ch in w):
                return True
            if w.isascii() and w.isalpha() and len(w) >= 2:
                return True
            singles += 1
        elif tag in PROPER_TAGS and d.freq(w) < 5000:
            return True
        elif len(w) == 1 and tag not in ("a", "d", "m", "q", "f", "r", "p", "c", "u", "uj", "v"):
            singles += 1
        else:
            singles = 0
        if singles >= 2:
            return True
    return False


def plain_stem(d: Doc, s: int, e: int) -> bool:
    """Could text[s:e] be the specific part of a name: 2-8 Han characters, no generic or function word?"""
    w = d.text[s:e]
    r = rules()
    if not 2 <= len(w) <= 8 or not all(is_han(ch) for ch in w) or w[0] in DETERMINERS:
        return False
    if any(ch in r.name_stop for ch in w):
        return False
    if w in r.stop or w in r.generic:
        return False
    toks = d.tokens[d.token_at(s):d.token_at(e - 1) + 1]
    return all(len(t[2]) == 1 or (t[2] not in r.stop and t[2] not in r.generic) for t in toks)


def name_string(d: Doc, s: int, e: int, strict: bool = False) -> bool:
    """Is text[s:e] a plain stem that jieba does not know as a common word (so likely a name)?

    ``strict``: at most 4 characters, and jieba could not cut it into known words (an unknown word in it,
    or single characters).
    """
    if not plain_stem(d, s, e):
        return False
    freq, tag = d.info.get(d.text[s:e], (0, None))
    if not (freq < 50 or (tag in PROPER_TAGS and freq < 5000)):
        return False
    if strict:  # the words of the stem, clipped to it (X丰 out of X/丰镇 is two single characters)
        pieces = [d.text[max(a, s):min(b, e)] for a, b, _ in d.tokens[d.token_at(s):d.token_at(e - 1) + 1]]
        return e - s <= 4 and (any(p not in d.info for p in pieces if len(p) > 1)
                               or sum(len(p) == 1 for p in pieces) >= 2)
    return True


def hard_before(d: Doc, p: int) -> bool:
    """Does a name have to start at ``p`` (start of text, punctuation, or a function word before it)?"""
    if p <= 0:
        return True
    ch = d.text[p - 1]
    if not (is_han(ch) or ch.isalnum()):
        return True
    s, e, w = d.tokens[d.token_at(p - 1)]
    return e == p and w in rules().stop


def trim_far(d: Doc, toks: list) -> list:
    """Drop frequent single characters from the far edge of a stem (far-to-near tokens) while the rest still
    looks like a name: 时英格兰(队) -> 英格兰, 组中同美国(队) -> 美国; 高塘(街道) keeps 高, and an unknown word of
    transliteration characters keeps its first one (科洛 + 尼尔 + 某某公司: a foreign name)."""
    from .people import transliteration_chars

    toks, tc = list(toks), transliteration_chars()
    while toks:
        s, e, w = toks[0]
        foreign = len(toks) > 1 and set(w + toks[1][2]) <= tc  # 科 + 洛塔 + 尼: one foreign name
        if e - s == 1 and d.freq(w) >= 5000 and not foreign:
            rest = toks[1:]
        elif w not in d.info and e - s >= 2 and d.freq(w[0]) >= 5000 and not set(w) <= tc:
            rest = [(s + 1, e, w[1:])] + toks[1:]
        else:
            break
        if not rest or not namey(d, rest):
            break
        toks = rest
    return toks


def not_generic(toks) -> bool:
    """Is any of ``toks`` no generic word (generic_words.txt)? A word that is a one-character function word
    glued to a generic word (在 + 城镇: jieba's 在城镇 of 在城镇老旧小区) is generic too."""
    r = rules()
    g, stop = r.generic, r.stop
    return any(w not in g and not (len(w) > 2 and w[0] in stop and w[1:] in g) for _, _, w in toks)


def level_char(d: Doc, p: int) -> bool:
    """Is text[p-1] a lone level word (省/市/县/区 ...) before an agency name (省科技厅, 市工伤认定委员会)?"""
    if p <= 0 or d.text[p - 1] not in LEVEL_CHARS:
        return False
    s, e, w = d.tokens[d.token_at(p - 1)]
    if e != p:
        return False
    # a lone character, or glued by jieba's HMM to a function word before it (从省, 在市)
    return e - s == 1 or (w not in d.info and d.text[s:p - 1] in rules().stop)


_NAME_TAGS = ("ns", "nz", "j", "nrt")
_UNIT_ENDS = "省市县区镇乡村"
_MORE = 2  # name words before the shortest stem that an established place name may hold


def place_start(d, toks, i: int) -> int:
    """The start of a place name whose shortest stem is ``toks[:i + 1]`` (near to far): proper-name words right
    before it belong to it (某某 + 某江 + 特大桥; tests/gold/README.md, policy 11: established names stay whole);
    a region before them locates it (the annotators of real news list it apart)."""
    r, start = rules(), toks[i][0]
    for s, _, w in toks[i + 1:i + 1 + _MORE]:
        if (not all(is_han(ch) for ch in w) or w in r.generic or w in r.stop or w in r.regions
                or any(ch in r.stop or ch in r.name_stop for ch in w)):
            break  # 某季 + 在 glued by jieba: a function character ends the name
        if d.tag(w) not in _NAME_TAGS and not (d.tag(w) is None and len(w) >= 2):
            break
        if s > 0 and d.text[s - 1] in _UNIT_ENDS:
            break  # 某某镇 + 某某 + 加工基地: a village after its township locates the place too
        start = s
    return start


_JOINED = ("和", "与")
_NOUNS = ("n", "vn", "nz")
_FUNCTIONS = ("管理", "服务", "发展")  # the agency's function before its head (某某管理局)


def joined_stem(d, hs, units) -> int | None:
    """A department named by two fields joined by 和/与 (某市 + 绿化和市容 + 管理局, 某省 + 海洋与渔业 + 局), the
    fields nouns of two to four characters, right after a region or level word: where the stem starts."""
    k = d.token_at(hs - 1) if hs > 0 else -1
    toks: list[tuple[int, int, str]] = []
    while k >= 0 and len(toks) < 5:
        s, e, w = d.tokens[k]
        if e > hs:  # 管理局 as one word: its part before the head
            if toks:
                return None
            e, w = hs, d.text[s:hs]
        toks.append((s, e, w))
        if s in units or level_char(d, s):
            break
        k -= 1
    words = [w for _, _, w in reversed(toks)]
    if len(words) < 3 or words.count("和") + words.count("与") != 1:
        return None
    i = next(i for i, w in enumerate(words) if w in _JOINED)
    left, right = "".join(words[:i]), "".join(words[i + 1:])
    if not (2 <= len(left) <= 4 and 2 <= len(right) <= 6) or i == 0 or i == len(words) - 1:
        return None
    fields = [w for w in words[:i] + words[i + 1:] if w not in _FUNCTIONS]
    if not all((d.tag(w) or "") in _NOUNS or d.tag(w) == "ns" and w not in rules().regions for w in fields):
        return None
    start = toks[-1][0]
    return start if start in units or level_char(d, start) else None


_COMMON_UNIT_WORD = 100  # jieba's count of 农村 11478, 乡村 2134, 一村 313, 全村 260, 渔村 155, 本村 124


def unit_common_word(d, hs: int, e: int) -> bool:
    """A head 村 or 乡 that ends a frequent two-character common noun or pronoun of the dictionary (农 + 村, 乡 + 村,
    全 + 村, 本 + 村, 家 + 乡): the countryside or a village in general, no village's name before it (农业农村部门,
    美丽乡村, 好家乡). Two-character words tagged as places (新村, 山村) stay heads, and so does 镇: 集镇 (a market
    town, n) ends many towns' names (某集镇). An idiom, a set phrase or a verb of the dictionary that ends in the head
    (异国他乡, 回乡, 下乡) is none either."""
    if e - hs != 1 or hs < 1 or d.text[hs] not in "村乡":
        return False
    ts, te, whole = d.tokens[d.token_at(hs)]
    if ts < hs and te == e and (d.tag(whole) in ("i", "l") or (d.tag(whole) or "").startswith("v")):
        return True  # 异国他乡, 鱼米之乡: an idiom or set phrase ends in the head; 回乡, 下乡: a verb (to go home)
    w = d.text[hs - 1:e]
    tag = d.tag(w) or ""
    return d.freq(w) >= _COMMON_UNIT_WORD and (tag in ("n", "r") or tag.startswith("r"))
