"""Person spans cut short or run into the next word, made whole or trimmed (kg.extract.not_persons applies them).

A 5,000-story corpus build showed these shapes among the person nodes (issue #14): a name the article writes longer
elsewhere (某西 of 某西西, 某特尔 of 某特尔特); a name the dictionary knows whole, of which the model took the start
(安倍晋 of 安倍晋三); the last part of a name printed with a middle dot cut short (某某·依 of 某某·依不拉音, 某某·依明 of
某某·依明巴海 before a list mark); an ASCII full stop written for the middle dot (某某.卢); a verb glued on
(某某作 of 某某 + 作了); a home or family glued on (某某家 where the article names 某某); a title after the name in one
span (某某 + 总理); a transliterated name's first character left after a title (主席 + 因 + 某蒂诺).
A third round (issue #14) added: the end of a rare name word (鸠山由 + 纪夫); last characters jieba glued to the next
word (福田康 + 夫致, 金某 + 植在); Japanese given names' ends (+ 一郎); a surname left after a title (副委员长 + 张 +
某某); a function word, a verb's start, a sentence word or a country after the name (某某 + 因, + 回 of 回到, + 当天,
+ 某国 in a list of heads of state); a kinship word or preposition before it (丈夫 + 某某, 向 + 某某 + 总统); a Japanese
name cut to its common surname, one character short or begun inside the surname (佐藤 + 某某, 小林某 + 一, 山 + 田某某).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.util.resources import words
from kg.util.spans import occurrences

from .name_shapes import COMMON, DOTS, JOINERS, TITLES_AFTER
from .people import ADVERB_GIVEN, listed_tail, transliteration_chars
from .rules import Candidate, Doc, is_han, rules

__all__ = ["whole_name", "trimmed", "japanese_name_at", "model_whole", "model_glued"]

_PUNCT = set("，,。；;！？!?、：:）)（(”“\"》《 \n\t")
_NOT_NAME = "等和与及的是在为"  # a name's part never holds these
_ASPECT = "了着过"  # aspect particles: the character before them is a verb (作了, 说过)
_MAX_TAIL = 3  # characters a dotted name's last part may still run on before punctuation
_MAX_DASHED = 6  # characters of the last part of a name printed with a dash for the middle dot
_DASHES = tuple(j for j in JOINERS if j not in ("·", "•", "・", "."))  # the dashes among the joiners (a double dash is punctuation)


def whole_name(d: Doc, c: Candidate, names: set[str]) -> Candidate | None:
    """The whole name around the Person span ``c``, or None when it is whole. ``names``: the texts of the
    article's other Person spans."""
    return (_japanese_whole(d, c) or _in_name_word(d, c) or _dotted_tail(d, c) or _dashed_run_on(d, c)
            or _longer_in_text(d, c, names) or _before_de(d, c, names)
            or _after_title(d, c) or _run_on(d, c))


def trimmed(d: Doc, c: Candidate, names: set[str]) -> Candidate | None:
    """The Person span ``c`` without a verb, function word or family word glued to its end or a kinship word or
    preposition glued to its start, or None when nothing is glued."""
    text = d.text
    name = text[c.start:c.end]
    r = rules()
    if (len(name) == 3 and name[0] in r.surnames and name[:2] not in r.surnames
            or len(name) >= 3 and (name[:-1] in names or name[-1] == "作")) \
            and _verb_next(d, c) and not _known_name(d, name):  # (佐藤荣作 + 在: a name the dictionary knows)
        return Candidate(c.start, c.end - 1, c.cls, c.extractor, c.confidence)  # 某某作 + 了: 作了 is the verb
    from .not_persons import _before

    listed = c.start == 0 or text[c.start - 1] in "、 \n\t" or _before(d, c.start)  # (、向某某, 副主席向某某)
    tail = _tail_word(d, c, names)
    if tail is not None:  # 某某 + 当天, 某某 + 政权, 某某 + a country
        return Candidate(c.start, tail, c.cls, c.extractor, c.confidence)
    into = _into_title(d, c)
    if into:  # 某某某 + 国 of 国王, 某某 + 夫 of 夫妇: the first character of the title after the name
        return Candidate(c.start, c.end - into, c.cls, c.extractor, c.confidence)
    verb = _dotted_verb(d, c)
    if verb is not None:  # 某某·某 + 通电话: a dotted name's last part ends before the verb jieba reads after it
        return Candidate(c.start, verb, c.cls, c.extractor, c.confidence)
    lead = _word_lead(d, c, names)
    if lead:  # 祝 + 贺某某某, 美国 + 人某·某某: the end of the word before the name
        return Candidate(c.start + lead, c.end, c.cls, c.extractor, c.confidence)
    lead = _joined_lead(d, c)
    if lead:  # 部长 + 本-某某某, 对 + 本-某某某: the end of a title or a preposition before a dashed name
        return Candidate(c.start + lead, c.end, c.cls, c.extractor, c.confidence)
    front = _glued_first(name, names, listed, text.startswith(TITLES_AFTER, c.end))  # (向 + 某某 + 总统)
    if front:  # 丈夫 + 某某, 向 + 某某 where the article names 某某
        return Candidate(c.start + front, c.end, c.cls, c.extractor, c.confidence)
    if len(name) >= 3 and name[0] in "日号" and _DAY_BEFORE.search(text, 0, c.start):
        return Candidate(c.start + 1, c.end, c.cls, c.extractor, c.confidence)  # 5月25 + 日某某: the date's 日
    dated = _DATED.search(name)
    if dated and dated.start() >= 2 and name[dated.start() - 1] not in "街路道巷":
        # 某某某 + 21号 + 说: the model ran the name into the day of the month (某街10号: an address)
        return Candidate(c.start, c.start + dated.start(), c.cls, c.extractor, c.confidence)
    if len(name) >= 3 and name.endswith("时") and _when_meeting(d, c):  # 会见 + 某某 + 时，: when meeting him
        return Candidate(c.start, c.end - 1, c.cls, c.extractor, c.confidence)
    if len(name) >= 3 and name.endswith("家") and name[:-1] in names:
        return Candidate(c.start, c.end - 1, c.cls, c.extractor, c.confidence)  # 某某家 where 某某 is named
    if len(name) >= 3 and _glued_last(d, c, names):  # 某某某 + 因 of 因藐视, 某某 + 回 of 回到
        return Candidate(c.start, c.end - 1, c.cls, c.extractor, c.confidence)
    title = next((t for t in TITLES_AFTER if name.endswith(t) and len(name) - len(t) >= 2), None)
    if title is not None:  # 某某 + 总理 in one model span: a title is no part of a name
        return Candidate(c.start, c.end - len(title), c.cls, c.extractor, c.confidence)
    return None


def model_whole(d: Doc, c: Candidate, model: list[Candidate] | None) -> Candidate | None:
    """The learned model's person span around the Person span ``c`` where the rules cut the name short and jieba's
    words show the cut is no word boundary of the sentence, or None.

    At the end (某某 + 平 of 平受, 某某某 + 某贝格): one to three characters the model adds, reaching into words jieba
    does not know or knows as names or rarely (某某 | 平受 | 国务院委托, 某拉 | 昌 | 达致 + 慰问电), no speech verb,
    title, number or name-stop character (某某 + 通电话, + 强调, + 5日, + 超标准 stay out). At the start (于 + 某某,
    某 + 郑某某, 某利 + ·某某某): one to three characters that begin where a word begins or inside one jieba does not
    know, a surname or transliteration characters, no title, country or function word (同 + 某某某某, 国王 of
    王 + 某某某 stay out); a preposition that is a surname (于) only before two characters of a given name that the
    dictionary does not know."""
    if not model:
        return None
    m = next((m for m in model if m.cls == "Person" and m.start <= c.start and c.end <= m.end
              and (m.start, m.end) != (c.start, c.end)), None)
    if m is None or c.start - m.start > 3 or m.end - c.end > 3:
        return None
    s, e = c.start, c.end
    e = next((end for end in range(m.end, c.end, -1) if _model_tail(d, c.end, end)), c.end)  # (+ 南 of 南刚 + 到)
    if m.start < c.start and _model_head(d, m.start, c):
        s = m.start
    return None if (s, e) == (c.start, c.end) else Candidate(s, e, c.cls, c.extractor, c.confidence)


def model_glued(d: Doc, c: Candidate, model: list[Candidate] | None) -> bool:
    """Does the learned model end the Person span ``c`` one character earlier, here or where the article writes the
    name again, that character one that stands after names (为, 则, 作 of 作报告, 受 of 受…委托, 互 of 互致: :data:`_GLUED_AFTER`), the span no name the dictionary
    knows? (某某 + 为 + 某人颁奖: the rules read the verb's first character into the name.)"""
    if not model or c.end - c.start < 3 or d.text[c.end - 1] not in _GLUED_AFTER or _known_name(d, d.text[c.start:c.end]):
        return False
    rest = d.text[c.start:c.end - 1]
    return any(m.cls == "Person" and m.end - m.start == len(rest) and d.text[m.start:m.end] == rest for m in model)


_GLUED_AFTER = "因为与和及在说是等向对同将已曾也都就则还的被把从到于今昨称作受互窜"  # (no 一: 某结一; 窜 of 窜访)


_RARE = 10  # jieba's count under which a word may hold a name's last characters (达致 of 某拉昌 + 达致)


def _model_tail(d: Doc, p: int, end: int) -> bool:
    """May text[p:end], which the model adds after a rule name, be the name's own end (see :func:`model_whole`)?"""
    text, r = d.text, rules()
    ext = text[p:end]
    if p not in d.starts or not all(is_han(ch) and ch not in r.name_stop and ch not in _NOT_NAME for ch in ext):
        return False
    if ext[-1] in _AFTER_NAME or (d.tag(ext[-1]) or "n")[:1] in "dpcu":
        return False  # 某某南 + 刚 of 刚到: an adverb after the name
    if any(text.startswith(w, p) for w in r.cue_after) or text.startswith(TITLES_AFTER, p) \
            or any(text[p:p + n] in r.cue_before for n in range(2, 6)):
        return False
    k = d.token_at(p)
    while k < len(d.tokens) and d.tokens[k][0] < end:
        _, e, w = d.tokens[k]
        if e == end + 1 and (d.tag(text[end]) or "")[:1] == "v" and text[end + 1:end + 2] in _ASPECT + "的" \
                and text[end + 1:end + 2] and d.tokens[d.token_at(end + 1)][:2] == (end + 1, end + 2):
            return True  # 某干 | 杰作 | 了: the model's 某干杰 and the verb 作了
        if e > end and (len(w) > 2 or d.freq(w) >= _RARE):
            return False  # 某某某 + 理 of 理论指导: the model ran into a word of the sentence
        if not (d.freq(w) < _RARE or (d.tag(w) or "").startswith("nr") and d.freq(w) < 1000):
            return False
        k += 1
    return True


def _model_head(d: Doc, s: int, c: Candidate) -> bool:
    """May text[s:c.start], which the model adds before a rule name, be the name's own start (see
    :func:`model_whole`)?"""
    from .finders import is_country

    text, r = d.text, rules()
    ext = text[s:c.start]
    if ext[0] in _PREPOSITIONS or len(ext) >= 2 and (d.tag(ext[0]) or "n")[:1] in "pc" \
            and d.tokens[d.token_at(s)][:2] == (s, s + 1):
        return False  # 同 + 某某某某, 和 + 某某: a preposition or conjunction the model read into the name
    if not all(is_han(ch) and ch not in r.name_stop for ch in ext) or is_country(ext):
        return False
    span = text[s:c.end]
    if any(span[i:i + n] in r.cue_before for n in range(2, 5) for i in range(len(span) - n + 1)) \
            or any(t in ext for t in TITLES_AFTER):
        return False  # (王储 + 某某某: a title)
    ts, _, w = d.tokens[d.token_at(s)]
    if ts != s and d.freq(w) > 0:
        return False  # 国王 of 王 + 某某某: the model began inside a word of the sentence
    chars = transliteration_chars()
    if ts == s and d.freq(w) == 0 and d.tokens[d.token_at(s)][1] > c.start:
        return True  # 某利 + ·某某某: the rules began inside a word jieba does not know
    if len(ext) == 1:
        if ext not in r.surnames and ext not in chars:
            return False
        if (d.tag(ext) or "n")[:1] in "pcdur" and not (
                c.end - c.start == 2 and d.freq(text[c.start:c.end]) == 0 and all(is_han(ch) for ch in text[c.start:c.end])):
            return False  # 于 + 某某: a surname only before a given name jieba does not know
        return True
    return all(ch in chars for ch in ext) or d.freq(w) == 0 and ts <= s


_PREPOSITIONS = "向对与和同跟给被把让将"
_DATED = re.compile(r"[0-9０-９]{1,2}[号日]$")
_DAY_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十]月[0-9０-９一二三四五六七八九十]{1,3}$")


def _into_title(d: Doc, c: Candidate) -> int:
    """How many of the span's last characters begin a title, a role word or a word for a couple that jieba reads
    right after them (某某某 + 国 of 国王, 某某 + 总 of 总统, 某某 + 夫 of 夫妇, 夫人), two characters or more staying;
    0 when none."""
    from .not_persons import kin_word

    text, cues = d.text, rules().cue_before
    for k in (1, 2):
        if c.end - k - c.start < 2 or c.end - k not in d.starts:
            continue
        s, e, w = d.tokens[d.token_at(c.end - k)]
        if e > c.end and (w in TITLES_AFTER or w in cues or w in _COUPLE or kin_word(w)) and not _known_name(d, text[c.start:c.end]):
            return k
    return 0


_COUPLE = ("夫妇", "夫人", "夫妻")
_VERB_TAGS = ("v", "vn", "l", "i", "d", "c", "p", "u")


def _dotted_verb(d: Doc, c: Candidate) -> int | None:
    """Where a name printed with a middle dot ends when its last part ends in frequent words of the sentence (verbs,
    idioms, adverbs of two characters or more: 某某·某 + 通电话) after at least one character of its own; None when it does
    not."""
    text = d.text
    dot = max(text.rfind(j, c.start, c.end) for j in DOTS)
    if dot < 0 or c.end not in d.ends:
        return None
    e = c.end
    while e > dot + 2:
        s, _, w = d.tokens[d.token_at(e - 1)]
        if s <= dot + 1 or len(w) < 2 or d.freq(w) < COMMON or (d.tag(w) or "nr") not in _VERB_TAGS:
            break
        e = s
    return e if e < c.end else None


def _word_lead(d: Doc, c: Candidate, names: set[str]) -> int:
    """1 when the span's first character ends a frequent word begun before it, and jieba begins no word it knows
    there (贺 of 祝贺, 人 of 国人 + 人某: jieba's unknown word) and the rest is a name of its own: one the article writes alone, a foreign name (transliteration
    characters, a middle dot), or 应 + a name + 邀请 (at the invitation of); else 0."""
    from .ner.persons import dotted, transliterated

    text = d.text
    rest = text[c.start + 1:c.end]
    if len(rest) < 2 or c.start == 0 or c.end not in d.ends:
        return 0  # (女王 + 伊丽莎 of 伊丽莎白: a cut name stays cut, and goes)
    if text[c.start] == "应" and "邀请" in text[c.end:c.end + 8] and (rest in names or _known_name(d, rest)):
        return 1  # 应 + 某某 + 总统邀请
    from .not_persons import _before

    if _before(d, c.start):
        return 0  # 代表 + 格某某某: the word 表格 runs across a title's end, the name begins after the title
    if c.start in d.starts and d.freq(d.tokens[d.token_at(c.start)][2]) > 0 or not any(d.freq(text[c.start - k:c.start + 1]) >= _WORD_BEFORE for k in (1, 2)
                                      if c.start - k >= 0):
        return 0  # (所长 + 安东尼·某某: jieba begins a word it knows at 安, though 长安 is one)
    return 1 if rest in names or transliterated(rest) or dotted(rest) else 0


_WORD_BEFORE = 100  # jieba's count from which a word before the name is the sentence's (祝贺 560, 之父 ...)


def _joined_lead(d: Doc, c: Candidate) -> int:
    """How many characters at the start of a name printed with a dash or middle dot are no part of it: the end of
    a title that begins before the span (长 of 部长 + 本-某某某) or a preposition jieba reads as a word of
    its own (对 + 本-某某某), where a part of one character or more stays before the joiner; 0 when none."""
    text = d.text
    name = text[c.start:c.end]
    j = next((i for i, ch in enumerate(name) if ch in JOINERS), -1)
    if j < 2:
        return 0
    s, e, w = d.tokens[d.token_at(c.start)]
    cues = rules().cue_before
    if s < c.start < e < c.start + j and (w in cues or w in TITLES_AFTER):
        return e - c.start  # 部长 + 本-某某某 (not 所 + 长安 + 东尼·某某)
    if any(text[c.start - k:c.start + 1] in cues for k in (1, 2, 3) if c.start - k >= 0):
        return 1  # 部 + 长本 (jieba's unknown word) + -某某某: the title 部长 (not 长安 of 部长 + 安某.某)
    return 1 if name[0] in _PREPOSITIONS and s == c.start and e <= c.start + j else 0


def _when_meeting(d: Doc, c: Candidate) -> bool:
    """Is the span's last character 时 (when) of a clause that meets or names someone (会见 + 某某 + 时，, 会晤 +
    某某 + 时则表示), glued by jieba to the name's end: a verb of meeting earlier in the clause, punctuation or
    则 after 时, and no name the dictionary knows ending in 时?"""
    text = d.text
    if c.end - 1 in d.starts or _known_name(d, text[c.start:c.end]):
        return False
    if not (c.end == len(text) or text[c.end] in _PUNCT or text[c.end] == "则"
            or any(text.startswith(w, c.end) for w in rules().cue_after)):
        return False
    i = c.start
    while i > 0 and c.start - i < _CLAUSE and text[i - 1] not in _PUNCT:
        i -= 1
    return any(v in text[i:c.start] for v in _MEETING)


_CLAUSE = 16  # characters of a clause read back for its verb
_MEETING = ("会见", "会晤", "接见", "会谈", "看望", "拜会", "通话", "逮捕", "评价", "见到")


def _known_name(d: Doc, name: str) -> bool:
    """Is ``name`` a word the dictionary knows as a person's name (nr, nrt, nrfg)?"""
    return d.freq(name) > 0 and (d.tag(name) or "").startswith("nr")


def _glued_first(name: str, names: set[str], listed: bool = False, titled: bool = False) -> int:
    """How many characters at the start of ``name`` are no part of it: a kinship word before a name (丈夫 + 某某,
    kin_words.txt) or a preposition before a name the article names alone (向 + 某某), not at the start of a
    list item or after a title (``listed``: 、向某某, 副主席向某某 is a name); 0 when none."""
    from .not_persons import kin_word

    for k in (3, 2):
        if len(name) - k >= 2 and kin_word(name[:k]):
            return k
    return 1 if len(name) >= 3 and name[0] in _PREPOSITIONS and (name[1:] in names or titled) and not listed else 0


_SENTENCE_TAGS = ("v", "vn", "t", "a", "ad", "d", "m")  # jieba's tags of words that go on the sentence (当天, 访华)


_REGNAL_NUMBER = re.compile(r"[一二三四五六七八九十]{1,3}世")


def _tail_word(d: Doc, c: Candidate, names: set[str]) -> int | None:
    """Where the name ends when the span's last word is a frequent verb, time word, adjective, adverb or numeral,
    a kinship word or a country, no part of a name (某某 + 当天, 某某 + 访华, 某某 + 大妈, 某某 + 某国 in a list of
    heads of state): that word's start, when what
    stands before it is a name (the article's, one the dictionary does not know or knows as a rare name), two or
    more characters that are no surname alone (王 + 建国 and 欧阳 + 建国 stay); else None."""
    from .finders import is_country

    text = d.text
    s, e, w = d.tokens[d.token_at(c.end - 1)]
    if s <= c.start or e != c.end or len(w) < 2 or not all(is_han(ch) for ch in w) or _REGNAL_NUMBER.fullmatch(w):
        return None  # (某某 + 六世: a monarch's regnal number, no time word)
    from .not_persons import kin_word

    common = d.freq(w) >= 100 and ((d.tag(w) or "n") in _SENTENCE_TAGS or kin_word(w)) and not all(
        ch in transliteration_chars() for ch in w)  # (市田 + 忠义: a noun may end a name)
    rest = text[c.start:s]
    if not (is_country(w) or common) or len(rest) < 2 or rest in rules().surnames or rest[-1] in JOINERS:
        return None
    named = rest in names or d.freq(rest) == 0 or ((d.tag(rest) or "").startswith("nr") and d.freq(rest) < 100)
    return s if named else None  # (徐徐 + 拉开: no name before the word)


def _glued_last(d: Doc, c: Candidate, names: set[str]) -> bool:
    """Is the span's last character the next word's, not the name's: a preposition, conjunction, adverb or
    particle jieba reads as a word of its own (某某某 + 因 + 藐视), or, when the rest is a name the article or the
    dictionary knows, the start of a frequent word running on past the span (某某 + 回 of 回到)?"""
    text = d.text
    s, e, w = d.tokens[d.token_at(c.end - 1)]
    rest = text[c.start:c.end - 1]
    if (d.tag(text[c.start:c.end]) or "").startswith("nr") and d.freq(text[c.start:c.end]) >= 30:
        return False  # a name the dictionary knows well
    if (s, e) == (c.end - 1, c.end) and (d.tag(w) or "n")[:1] in "pcdu" \
            and (rest in names or len(rest) >= 2 and _known_name(d, rest) and w in ADVERB_GIVEN) \
            and w not in transliteration_chars():  # (某某迪 + 约: a foreign name may end in it; 某登 + 亦: the
        return True  # dictionary knows the name without an adverb that is no given name; 某某 + 顺 keeps 顺)
    if _glued_word(d, c, rest, names):
        return True
    if c.end >= len(text) or not (rest in names or (d.tag(rest) or "").startswith("nr")):
        return False
    alone = len(rest) >= 2 and rest in names  # the article writes the rest as a name of its own
    if alone and s == c.end - 1 and e > c.end and _sentence_word(d, w) and not _cue_after_at(text, c.end):
        return True  # 某特 + 检 of 检阅, 某子 + 生 of 生平: a word of the sentence begins in the span's last character
    if alone and text[c.end - 1] == "任" and _post_at(text, c.end):
        return True  # 某某 + 任 + 副总理: to serve as, before the post
    nxt = text[c.end - 1:c.end + 1]
    return d.freq(nxt) >= 1000 and (d.tag(nxt) or "")[:1] in "vp"


def _sentence_word(d: Doc, w: str) -> bool:
    """Is ``w`` a word of the sentence that no name ends inside: a dictionary verb, noun, adverb or preposition of
    two characters or more, of some frequency (检阅 372, 生平), no name or place, not all transliteration
    characters?"""
    tag = d.tag(w) or ""
    return len(w) >= 2 and d.freq(w) >= _SENTENCE_FREQ and tag[:1] in "vndpa" and tag not in ("nr", "nrt", "nrfg",
        "ns", "nz", "nt") and not all(ch in transliteration_chars() for ch in w)


_SENTENCE_FREQ = 100


def _cue_after_at(text: str, p: int) -> bool:
    """Does a speech verb or other word that follows a name (person_cues.tsv, side after: 说, 表示) begin at ``p``
    (某某明 + 说: jieba's 明说 runs across the name's end, yet 说 is the speech verb)?"""
    return any(text.startswith(w, p) for w in rules().cue_after)


def _post_at(text: str, p: int) -> bool:
    """Does a post or role word (posts.txt, title_cues.tsv, person_cues.tsv) begin at ``p``?"""
    cues = rules().cue_before
    return any(text[p:p + n] in cues for n in range(2, 6))


def _glued_word(d: Doc, c: Candidate, rest: str, names: set[str]) -> bool:
    """Is the span's last character an adverb or verb of the sentence glued onto a name the article writes alone
    (某某某 + 刚 + 到村里, 某某某 + 帮 + 大家): ``rest`` is such a name of two characters or more, written somewhere
    without that character after it, the character one jieba reads as an adverb or verb when alone (刚, 帮, 再,
    又), no transliteration character, and the sentence goes on after it, with jieba reading the character as a word of its own or gluing it to the name in a word
    it does not know?"""
    text = d.text
    ch = text[c.end - 1]
    if len(rest) < 2 or rest not in names or ch in transliteration_chars() or c.end >= len(text) \
            or not is_han(text[c.end]) or (d.tag(ch) or "n")[:1] not in "vd":
        return False
    if not any(text[e:e + 1] != ch for _, e in occurrences(rest, text)):
        return False  # 某某 + 正 wherever the article writes it: the name's own last character (某旭正, 某宏才)
    s, e, w = d.tokens[d.token_at(c.end - 1)]
    return e == c.end and (s == c.end - 1 or s >= c.start and d.freq(w) == 0)


def _verb_next(d: Doc, c: Candidate) -> bool:
    """Is the span's last character a verb, as the word after it shows: a standalone aspect particle (某某作 + 了,
    某某说 + 过), or after 作 (to deliver a report) 的 or a preposition (某某作 + 的 + 关于…的报告, 某某作 + 关于)?"""
    text = d.text
    if c.end >= len(text) or (d.tag(text[c.end - 1]) or "")[:1] != "v":
        return False
    s, e, w = d.tokens[d.token_at(c.end)]
    if s != c.end:
        return False
    return (w in _ASPECT) or (text[c.end - 1] == "作" and (w == "的" or (d.tag(w) or "")[:1] == "p"))


def _in_name_word(d: Doc, c: Candidate) -> Candidate | None:
    """A span that begins a word the dictionary knows as a person's name (nr, nrt, nrfg: 安倍晋三) and stops
    inside it: that word; a span that starts or stops inside such a word and is no word itself: to that word's
    start or end when what it adds is transliteration characters (阿卜 + 杜拉二世, 某某·克林 + 顿)."""
    s, e, w = d.tokens[d.token_at(c.start)]
    if s < c.start and e >= c.end and (d.tag(w) or "").startswith("nr") and 0 < d.freq(w) < 50 \
            and d.freq(d.text[c.start:c.end]) <= d.freq(w):  # 鸠山由 + 纪夫, not 向 + 普京 (a name of its own)
        return Candidate(s, e, c.cls, c.extractor, c.confidence) if e - s <= 6 and all(is_han(ch) for ch in w) else None
    chars = transliteration_chars()
    if s < c.start < e < c.end and _rare_name(d, w) and d.freq(d.text[c.start:c.end]) == 0 \
            and all(ch in chars for ch in d.text[s:c.start] + d.text[c.start:c.end].replace("·", "")):
        return Candidate(s, c.end, c.cls, c.extractor, c.confidence)  # 阿卜 + 杜拉二世: begun inside a name word
    s2, e2, w2 = d.tokens[d.token_at(c.end - 1)]
    if c.start < s2 < c.end < e2 and _rare_name(d, w2) and d.freq(d.text[c.start:c.end]) == 0 \
            and all(ch in chars for ch in d.text[c.start:e2].replace("·", "").replace("-", "")):
        return Candidate(c.start, e2, c.cls, c.extractor, c.confidence)  # 某某·克林 + 顿: stopped inside one
    if s != c.start or e <= c.end or e - s > 6 or not all(is_han(ch) for ch in w) or w.endswith("人"):
        return None  # 某国人: a nation's people
    if not all(ch in transliteration_chars() for ch in w) and any(
            w[:i] in d.info and w[i:] in d.info for i in range(2, len(w) - 1)):
        return None  # two dictionary words (庄严 + 宣告): no single name
    tag = d.tag(w) or ""
    return Candidate(s, e, c.cls, c.extractor, c.confidence) if tag.startswith("nr") and d.freq(w) < 1000 else None


def _rare_name(d: Doc, w: str) -> bool:
    """A word of the dictionary that is a name (nr, nrt, nrfg), not a frequent one, of Chinese characters."""
    return (d.tag(w) or "").startswith("nr") and d.freq(w) < 1000 and len(w) >= 2 and all(is_han(ch) for ch in w)


_NOT_RUN_ON = "vpdcuramq"  # jieba's tags of a character that starts the next word, not the name's end
_PLACE_TIME = "时前后里内外上下中家"
_LANG_ENDS = ("一郎", "二郎", "三郎", "四郎", "五郎", "太郎", "次郎")  # Japanese given names' ends
_MAX_NAME = 6  # characters of a name made whole by running on (小野寺 + 五典)


def _run_on(d: Doc, c: Candidate) -> Candidate | None:
    """A name cut before its last characters, which jieba glued to what follows as a word it does not know (某某 +
    欣 + a space, 福田康 + 夫致: the name runs on to the verb or function word inside that word or to punctuation
    after it; at most two characters, none a verb, function word, numeral or 家, 时; six in all), a rare name
    of its own right before punctuation (某某 + 奴斯，) or one character before a function word in a word jieba
    does not know (金某 + 植在); None when nothing runs on."""
    text, stop = d.text, rules().name_stop
    if c.end >= len(text) or c.end - c.start < 2 or not all(is_han(ch) for ch in text[c.start:c.end]):
        return None
    if text[c.end:c.end + 2] in _LANG_ENDS and c.end + 2 - c.start <= _MAX_NAME:
        return Candidate(c.start, c.end + 2, c.cls, c.extractor, c.confidence)  # 某某纯 + 一郎
    if text[c.end:c.end + 1] == "一" and c.end - c.start >= 3 and (c.end + 1 == len(text) or text[c.end + 1] in stop
                                                                 or text[c.end + 1] in _PUNCT):
        return Candidate(c.start, c.end + 1, c.cls, c.extractor, c.confidence)  # 加藤某 + 一 + 在 (not 某某 + 一行)
    s, e, w = d.tokens[d.token_at(c.end - 1)]
    if s < c.end < e and d.freq(w) == 0 and all(is_han(ch) for ch in w):
        j = c.end
        while j < e and j - c.end < 2 and _runs_on(d, text[j]):
            j += 1
        if j == c.end or j - c.start > _MAX_NAME:
            return None
        if j < e and not (text[j] in stop or (d.tag(text[j]) or "")[:1] in "vp"):
            return None  # the word goes on with no verb: 某某 + 病了 is no name
        if j == e and not (e == len(text) or text[e] in _PUNCT):
            return None
        return Candidate(c.start, j, c.cls, c.extractor, c.confidence)
    if c.end not in d.starts:
        return None
    s, e, w = d.tokens[d.token_at(c.end)]
    if len(w) == 2 and d.freq(w) == 0 and _runs_on(d, w[0]) and w[1] in stop and e - c.start <= _MAX_NAME:
        return Candidate(c.start, c.end + 1, c.cls, c.extractor, c.confidence)  # 金某 + 植在: to the function word
    if len(w) <= 2 and all(is_han(ch) and ch not in stop for ch in w) and e - c.start <= _MAX_NAME \
            and (d.tag(w) or "").startswith("nr") and d.freq(w) < 50 and (e == len(text) or text[e] in _PUNCT):
        return Candidate(c.start, e, c.cls, c.extractor, c.confidence)
    return None


def _runs_on(d: Doc, ch: str) -> bool:
    """May ``ch`` end a name that runs on past its span (no verb, function word, numeral, measure, 家 or 时)?"""
    return ch not in rules().name_stop and ch not in _PLACE_TIME and (d.tag(ch) or "n")[:1] not in _NOT_RUN_ON


def _dotted_tail(d: Doc, c: Candidate) -> Candidate | None:
    """A name printed with a middle dot whose last part runs on for one to three Chinese characters up to
    punctuation (某某·依 + 不拉音 + ：, 某某·依明 + 巴海 + 、), or a name cut at a single dash before a last part of three to
    six Chinese characters that reaches punctuation (three only when most are transliteration characters) (某某某 + -某某某某 + 、: Uyghur and other names printed with a dash
    for the middle dot, whatever their characters): the name to there, unless those characters hold a function word
    or a frequent word (某某·某某 + 等人, + 已辞职, + 则强调)."""
    text = d.text
    dashed = text[c.end:c.end + 1] in _DASHES and text[c.end + 1:c.end + 2] not in _DASHES
    if "·" not in text[c.start:c.end] and not dashed:
        return None
    begin, most = (c.end + 1, _MAX_DASHED) if dashed else (c.end, _MAX_TAIL)
    e = begin
    while e < len(text) and e - begin <= most and is_han(text[e]) and text[e] not in _NOT_NAME:
        e += 1
    if e - begin < (2 if dashed else 1) or e - begin > most or (
            e < len(text) and text[e] not in _PUNCT and not (dashed and text[e] == "等")):  # (某某-某某某 + 等出席)
        return None
    if not dashed and text[e - 1] == "时" and _when_meeting(d, Candidate(c.start, e, c.cls, c.extractor, c.confidence)):
        e -= 1  # 会见 + 某某·某某 + 时，: when meeting him
        if e == begin:
            return None
    tail = text[begin:e]
    chars = transliteration_chars()
    if dashed and (len(tail) < 3 or len(tail) == 3 and 2 * sum(ch in chars for ch in tail) < 3):
        return None  # 某某-李某: two Chinese names in a pair, not the last part of one name
    r = rules()
    if any(tail.startswith(w) for w in r.cue_after) or tail in r.cue_before \
            or dashed and any(tail.endswith(w) for w in r.cue_after):  # (某某-某某 + 说: the verb, not the name)
        return None
    k = d.token_at(begin)
    while k < len(d.tokens) and d.tokens[k][0] < e:
        w = d.tokens[k][2]
        if d.freq(w) >= 50 and not (d.tag(w) or "").startswith("nr") and not (len(w) == 1 and (w in chars or dashed)) \
                and not listed_tail(d, k):
            return None  # 已 + 辞职, 则 + 强调: the words of the sentence, not of the name (里 of 某某·某海里 is, and 地 before 、)
        k += 1
    return Candidate(c.start, e, c.cls, c.extractor, c.confidence)


def _before_de(d: Doc, c: Candidate, names: set[str]) -> Candidate | None:
    """A Chinese name of three characters cut to its surname and first given character before 的 (某文 + 元 +
    的, jieba reading the last character as a word of its own): the span of two is a surname (no double one) and
    one character, the next a character of its own that is no verb, function word, measure, place or body
    head, and the name follows a title or role word or the article writes it again; None when not so."""
    from .not_persons import _before

    text, r = d.text, rules()
    name = text[c.start:c.end]
    if len(name) != 2 or name[0] not in r.surnames or name in r.surnames or text[c.end + 1:c.end + 2] != "的":
        return None
    ch = text[c.end]
    if not is_han(ch) or (c.end, c.end + 1, ch) != d.tokens[d.token_at(c.end)][:3] or ch in r.name_stop \
            or ch in _PLACE_TIME or ch in _HEAD_CHARS or (d.tag(ch) or "n")[:1] in "vpcudrfqkt":
        return None
    whole = name + ch
    if d.freq(whole) > 0 and not (d.tag(whole) or "").startswith("nr"):
        return None
    if not (_before(d, c.start) or text.count(whole) >= 2 or whole in names):
        return None
    return Candidate(c.start, c.end + 1, c.cls, c.extractor, c.confidence)


_HEAD_CHARS = "军方处部队局省市县区国党委会院所厅团组们家村乡镇州"  # a body's or place's head, no given name's end


def _dashed_run_on(d: Doc, c: Candidate) -> Candidate | None:
    """A name printed with a dash whose last part runs on for two or three characters before punctuation or a
    function word (某罗布-某勒坦 + 呼雅格 + 在): the name to there when those characters end in a name word
    (:func:`name_shapes._name_word`) and hold no frequent word of the sentence of two or more characters."""
    from .name_shapes import _name_word

    text = d.text
    if not any(j in text[c.start:c.end] for j in _DASHES) or c.end not in d.starts:
        return None
    e = c.end
    while e < len(text) and e - c.end < _MAX_TAIL and is_han(text[e]) and text[e] not in _NOT_NAME:
        e += 1
    if e - c.end < 2 or e not in d.starts or e < len(text) and text[e] not in _PUNCT and text[e] not in _DASH_STOPS:
        return None
    r = rules()
    if any(text.startswith(w, c.end) for w in r.cue_after):
        return None
    k, last = d.token_at(c.end), ""
    while k < len(d.tokens) and d.tokens[k][0] < e:
        w = d.tokens[k][2]
        if len(w) >= 2 and not _name_word(d, w):
            return None  # 某某-某某 + 今天: the sentence's word
        last, k = w, k + 1
    return Candidate(c.start, e, c.cls, c.extractor, c.confidence) if len(last) >= 2 else None


_DASH_STOPS = "在等和与及"  # function words a dashed name may stand before


def _longer_in_text(d: Doc, c: Candidate, names: set[str]) -> Candidate | None:
    """A span that, with one to three characters before or after it, is a name the article names elsewhere
    (某西 + 西 where 某西西 is a Person span of the text): the longest such name (a family, 某某 + 家, is no name's
    end); or a dotted name whose last part, with one or two characters after it, is a name the article writes
    alone (某某·莱 + 希 where 莱希 is a Person span)."""
    text = d.text
    best: tuple[int, int] | None = None
    for i in range(0, 4):
        for j in range(0, 4):
            s, e = c.start - i, c.end + j
            if (i or j) and s >= 0 and e <= len(text) and text[s:e] in names and not (j and text[e - 1] == "家"):
                if best is None or e - s > best[1] - best[0]:
                    best = (s, e)
    last = text[c.start:c.end].split("·")[-1]
    if best is None and "·" in text[c.start:c.end] and last:
        for j in (1, 2):  # 某某·莱 + 希 where the article names 莱希 alone: the last part cut short
            if c.end + j <= len(text) and last + text[c.end:c.end + j] in names and is_han(text[c.end + j - 1]):
                best = (c.start, c.end + j)
    return None if best is None else Candidate(best[0], best[1], c.cls, c.extractor, c.confidence)


def _after_title(d: Doc, c: Candidate) -> Candidate | None:
    """A transliterated name with one transliteration character left between it and a title before it (主席 +
    因 + 某蒂诺: the model read 因 as "because"), or a given name of two characters with its surname left there
    (委员长 + 张 + 某某): the name with that character."""
    text, chars, r = d.text, transliteration_chars(), rules()
    s = c.start
    chinese = (c.end - s == 2 and text[s - 1:s] in r.surnames and all(is_han(ch) for ch in text[s:c.end])
               and s - 1 in d.starts and (d.tag(text[s - 1]) or "n")[:1] not in "pcdu")  # not 和 + 某某
    if s < 3 or not chinese and (text[s - 1] not in chars or text[s - 1] in r.stop
                                 or not all(ch in chars for ch in text[s:c.end])):
        return None
    if chinese:
        from .not_persons import _before  # a title or role word right before the surname

        return Candidate(s - 1, c.end, c.cls, c.extractor, c.confidence) if _before(d, s - 1) else None
    if not any(text[s - 1 - n:s - 1] in r.cue_before for n in range(2, 7) if s - 1 - n >= 0):
        return None
    return Candidate(s - 1, c.end, c.cls, c.extractor, c.confidence)


@lru_cache(maxsize=1)
def japanese_surnames() -> frozenset[str]:
    """Common Japanese family names of two or three characters (kg/extract/data/japanese_surnames.txt)."""
    return frozenset(words("japanese_surnames.txt"))


_JAPAN = ("日本", "日方", "东京", "日相", "访日", "中日", "日中", "日美", "日韩", "自民党")  # a story about Japan
_JP_TITLE_ENDS = ("大臣", "首相", "外相", "知事", "议员", "长官", "干事长", "党首", "代表")
_NUMERALS = "一二三四五六七八九十两几数百千"
_MEASURES = "行人名位个次批年月日天岁"
_BAD_GIVEN = ("v", "vn", "vd", "t", "d", "p", "c", "u", "r", "q", "f", "a", "ad", "an", "l", "i")
_AFTER_NAME = "因为与和及在说是等向对同将已曾也都就则还的被把从到于今昨称"  # a character that ends a name before it


def _japanese_whole(d: Doc, c: Candidate) -> Candidate | None:
    """A Japanese name cut to its surname (佐藤 of 佐藤某某), one character short (小林某 + 一) or begun inside its
    surname (田 + 某某 of 山田某某) in a story naming Japan or after a Japanese title (大臣, 首相): the surname of
    japanese_surnames.txt and two given characters that are no function word, verb, time word, numeral and
    measure or title, ending where a name ends (punctuation, a function character, a speech verb, a title);
    None when the span is no such cut."""
    text, jp = d.text, japanese_surnames()
    s = c.start
    if s >= 1 and c.end - s == 3 and text[s - 1:s + 1] in jp and s - 1 in d.starts \
            and d.tokens[d.token_at(s - 1)][1] == s + 1:
        s -= 1  # 山 + 田某某: jieba reads the surname as one word
    if not (s in d.starts or _japanese_title(text, s)):
        return None
    end = _japanese_end(d, s)
    if end is None and s == c.start and c.end - s in (2, 3):
        end = _unlisted_end(d, c)  # 某藤 + 正敏 after 大使 in a story naming Japan
    if end is None or c.end > end or (s, end) == (c.start, c.end):
        return None
    return Candidate(s, end, c.cls, c.extractor, c.confidence)


def _unlisted_end(d: Doc, c: Candidate) -> int | None:
    """End of a Japanese name whose surname japanese_surnames.txt does not hold, cut to that surname (某藤 + 正敏,
    某江田 + 万里): the span of two or three characters right after a Japanese title or 大使, 议长 in a story naming
    Japan, no word the dictionary knows, and two given characters (:func:`_japanese_given`); None when not so."""
    text = d.text
    if not text.endswith(_JP_TITLE_ENDS + _JP_POSTS, 0, c.start) or not any(w in text for w in _JAPAN):
        return None
    if d.freq(text[c.start:c.end]) > 0 or not all(is_han(ch) for ch in text[c.start:c.end]):
        return None
    end = c.end + 2
    s, e, _ = d.tokens[d.token_at(c.start)]
    word = (s, e) == (c.start, end)  # jieba reads surname and given name as one word it does not know
    return end if end <= len(text) and _japanese_given(d, c.end, end, word) else None


_JP_POSTS = ("大使", "议长")  # posts before a Japanese name that other nations' people hold too (with Japan named)


def japanese_name_at(d: Doc, p: int) -> int | None:
    """End of a whole Japanese name (:func:`_japanese_end`) starting at ``p`` right after a title, its surname a
    word of jieba's (外务大臣 + 某村某治 + 说, which jieba cuts 某村 | 某治说); None when there is none."""
    end = _japanese_end(d, p)
    if end is None or p not in d.starts or d.tokens[d.token_at(p)][1] != end - 2:
        return None
    return end


def _japanese_end(d: Doc, s: int) -> int | None:
    """End of a Japanese name at ``s`` in a story naming Japan or after a Japanese title: a surname of
    japanese_surnames.txt and two given characters (:func:`_japanese_given`); None when there is none."""
    text, jp = d.text, japanese_surnames()
    sur = next((text[s:s + n] for n in (3, 2) if text[s:s + n] in jp), None)
    if sur is None or s + len(sur) + 2 > len(text):
        return None
    if not (_japanese_title(text, s) or any(w in text for w in _JAPAN)):
        return None
    end = s + len(sur) + 2
    return end if _japanese_given(d, s + len(sur), end) else None


def _japanese_title(text: str, s: int) -> bool:
    """A Japanese title right before ``s`` (大臣, 首相, 知事 ...)."""
    return text.endswith(_JP_TITLE_ENDS, 0, s)


def _japanese_given(d: Doc, g: int, end: int, word: bool = False) -> bool:
    """Are text[g:end] two given-name characters ending a name: no function character, name stop, verb, time
    word, numeral and measure (一行) or frequent word, no title or speech verb, and a name's end after them (or
    ``word``: the name is one word of jieba's)?"""
    from .rules import LEVEL_CHARS

    text, r = d.text, rules()
    given = text[g:end]
    if not all(is_han(ch) and ch not in r.name_stop and ch not in LEVEL_CHARS and ch not in _NOT_NAME.replace("和", "")
               and ch not in _ASPECT for ch in given):  # 和 begins given names (和夫); 佐藤和铃木 ends no name
        return False
    if any(text.startswith(w, g) or text.startswith(w, g + 1) for w in r.cue_after) \
            or text.startswith(TITLES_AFTER, g) or text[g:g + 2] in r.cue_before:
        return False  # 佐藤 + 表示, 佐藤 + 首相
    freq, tag = d.freq(given), d.tag(given) or ""
    if freq >= 1000 and not tag.startswith("nr") or freq >= 50 and tag in _BAD_GIVEN:
        return False  # 佐藤 + 当天, 佐藤 + 会见
    if given[0] in _NUMERALS and given[1] in _MEASURES:
        return False  # 佐藤 + 一行
    if end < len(text) and not word and not (text[end] in _PUNCT or not is_han(text[end]) or text[end] in _AFTER_NAME
                                or text.startswith(TITLES_AFTER, end)
                                or any(text.startswith(w, end) for w in r.cue_after)):
        return False
    k = d.token_at(end - 1)
    s, e, w = d.tokens[k]
    return e <= end or d.freq(w) == 0  # no dictionary word across the name's end
