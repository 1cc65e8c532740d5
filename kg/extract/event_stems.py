"""Where the name before a meeting, document, project or incident word starts (kg.extract.named_events, kg.extract.event_forms).

The stem is taken word by word leftwards (kg.extract.stems.left_words) and trimmed: no verb, conjunction, preposition,
number or edition word at its far edge, no action on the thing inside it (抗击, 延长, 受), a grade word of a
disaster kept (特大), only the nearest of a chain of regions, a numbered session of a named body kept whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.util.resources import words
from .rules import Doc, is_han, rules
from .foreign_regions import COMPASS_PARTS
from .name_shapes import side
from .stems import MEASURE, left_words, namey

__all__ = [
    "EDGE_TAGS",
    "GRADES",
    "EDGE_VERBS",
    "EDGE_LEADS",
    "NUMBERED",
    "N",
    "SCOPES",
    "at_end",
    "at_start",
    "clause",
    "counted_before",
    "counting",
    "countries",
    "numbered_body",
    "org_after",
    "region_chain",
    "stem",
    "through_fields",
    "without_edition_year",
    "whole_number",
]

N = "[一二三四五六七八九十]"


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    return frozenset(words("countries.txt")) | {"我国", "全国", "国家"}


def at_start(d: Doc, p: int) -> bool:
    return p <= 0 or p in d.starts or not (is_han(d.text[p - 1]) or d.text[p - 1].isalnum())


def at_end(d: Doc, p: int) -> bool:
    return p >= len(d.text) or p in d.ends or not (is_han(d.text[p]) or d.text[p].isalnum())


SCOPES = ("全国", "中央", "全省", "全军", "全球", "中国", "世界")
GRADES = _GRADES = ("特大", "重大", "特别重大", "较大", "强", "超强", "重特大")  # grades of a disaster (突发事件分级)
_SHORT_NAME_TAGS = ("j", "ns", "nt", "nz")  # 韩, 东盟: the short names of the parties
_FIELD_ADJECTIVES = ("自由",)  # 自由 + 贸易协定: an adjective jieba tags inside a field's name, no clause
EDGE_TAGS = ("v", "vn", "vd", "c", "p", "d", "m", "mq")
_EDGE_CHARS = "并和与及或且在对向于为把被经这那是"
EDGE_VERBS = ("出席", "举行", "召开", "主持", "参加", "应邀", "调整", "研究", "审议", "通过", "发布", "印发", "签署",
               "抗击", "战胜", "应对", "防控", "延长", "纪念", "庆祝", "遭受", "发生", "爆发", "引发", "结束",
              "又称", "史称", "称为", "遭遇", "筑牢", "共抗", "虽受", "列席", "通报", "传达", "汇报", "祝贺",
               "申报", "查明", "缅怀", "悼念", "铭记", "缺席", "值此", "地处", "达成", "签订")  # 值此 + 某某论坛 + 成立20周年之际: on
# the occasion of; 某省 + 地处 + 某某经济带: lies in; 某国 + 达成协议, 签订协议 (one word in jieba): reached or signed an
# agreement, no name of one
EDGE_LEADS = "受暨因在对与和及涉"  # a character jieba glued to the front of an unknown name (受某某疫情, 涉某某疫情)


# words of a round or a season before a name (新一轮 + 某某会议, 本赛季 + 某某联赛): an edition, no part of the name
# (policy 14 of tests/gold/README.md); a title in 《》 keeps its words whole
_EDITION_WORDS = ("新一轮", "新一届", "本赛季", "上赛季", "新赛季")
_LEVELS = re.compile(r"[一二三四五六七八九十两多各]级")  # a count of levels (三级, 各级), no name
_COUNTED_SIDES = ("两国", "三国", "多国", "各国", "双方", "各方", "两党", "两军")  # sides counted, not named


def stem(d: Doc, s: int, stops=()) -> list[tuple[int, int, str]]:
    """The words before a head at ``s`` that may be its name. Its far edge is no verb, conjunction,
    preposition, number or edition word (研究并报 + 某某会议, 应邀出席 + 某某会议, 调整 + 某某疫情)."""
    a = d.tokens[d.token_at(s)][0] if s < len(d.text) else s
    if a < s and s not in d.cuts:  # 建设项目: the head ends a word; its first part opens the stem
        toks = [(a, s, d.text[a:s])] + (left_words(d, a, 16 - (s - a), verbs=False, stops=stops) or [])
    else:
        toks = left_words(d, s, 16, verbs=False, stops=stops) or []
    toks = _through_stop(d, s, _through_stop(d, s, toks, stops), stops)  # 某某全面某某与某某协定: both
    while True:  # a grade word of a disaster is part of its name (某地特大泥石流灾害)
        p = toks[-1][0] if toks else s
        k = d.token_at(p - 1) if p > 0 else -1
        if k < 0 or d.tokens[k][1] != p or d.tokens[k][2] not in _GRADES:
            break
        toks = toks + [d.tokens[k]] + (left_words(d, d.tokens[k][0], 12, verbs=False, stops=stops) or [])
    p = toks[-1][0] if toks else s
    k = d.token_at(p - 1) if p > 0 else -1
    if toks and k >= 0 and d.tokens[k][1] == p and d.tokens[k][2] in _FIELD_ADJECTIVES:  # 某某 + 自由 + 贸易协定
        more = left_words(d, d.tokens[k][0], 12, verbs=False, stops=stops)  # (双边 + 自由贸易协定: the kind)
        if more and (namey(d, more) or any(d.tag(w) in _SHORT_NAME_TAGS for *_, w in more)):
            toks = toks + [d.tokens[k]] + more
            p = toks[-1][0]
            k = d.token_at(p - 1) if p > 0 else -1
    if toks and k >= 1 and d.tokens[k][1] == p and d.tokens[k][2] in COMPASS_PARTS:
        owner = d.tokens[k - 1]  # 某国 + 西部 + 国际博览会: a part of a country or region opens the name with it
        if owner[1] == d.tokens[k][0] and (owner[2] in rules().regions or owner[2] in countries()):
            toks = toks + [d.tokens[k], owner]
            p, k = owner[0], k - 2
    if toks and k >= 0 and d.tokens[k][1] == p and d.tokens[k][2] in SCOPES:
        toks = toks + [d.tokens[k]]  # 全国 + 某某工作会议: the scope word is part of a meeting's name
    while toks:
        w = toks[-1][2]
        if (w in ("年", "届", "次", "度", "年度", "历年", "整个", "所有", "全部", "各个", "好", "赢")  # 打 + 好: a complement
                or w in _EDITION_WORDS
                or d.tag(w) in EDGE_TAGS and w not in countries()  # 也门, 约旦: jieba tags them adverbs
                or w.endswith(EDGE_VERBS)
                or (w not in d.info and w[0] in _EDGE_CHARS) or w in EDGE_LEADS):
            toks = toks[:-1]
        else:
            break
    if toks and toks[-1][2] in _COUNTED_SIDES:
        return []  # 两国 + 领导人 + 战略: the two countries' something, no name (中某 + 两国 + 某某 keeps its name)
    if toks and side(toks[-1][2]) and all(w in rules().generic or d.tag(w) == "vn" for *_, w in toks[:-1]):
        return []  # 乌方 + 发展战略: a side's own plan described (发展), no name of it
    if toks and len(toks[-1][2]) == 1 and toks[-1][0] > 0:
        prev = d.tokens[d.token_at(toks[-1][0] - 1)]
        if prev[1] == toks[-1][0] and (d.tag(prev[2]) in ("m", "mq") or prev[2] in "各每该这那"):
            return []  # 两 + 国 + 某某战略: a counted thing (its noun cut off its numeral) is no name
    for i, (a, b, w) in enumerate(toks):
        if _LEVELS.fullmatch(w):
            return toks[:i]  # 省、市、县 + 三级 + 视频会议: the meetings of several levels, none of them named
    from .merge_model import clause_verbs

    for i, (a, b, w) in enumerate(toks):  # an action on the thing inside the stem: the name starts after it
        cut = next((w.index(v) + len(v) for v in EDGE_VERBS if v in w), None)
        if cut is None and len(w) >= 2 and w in clause_verbs():
            cut = len(w)  # 我们 + 愿同 + 论坛, 某国 + 宣布 + 某某计划: a verb that makes a clause (clause_verbs.txt)
        if cut is None and w not in d.info and len(w) >= 3 and w[0] in EDGE_LEADS:
            cut = 1
        if cut is None and w in EDGE_LEADS and not (w == _AND and 0 < i < len(toks) - 1):  # 某某活动暨 + 某某周: a
            # conjunction ends the name (a 与 between two fields was let in by _through_stop)
            return toks[:i]
        if cut is not None:
            rest = [(a + cut, b, w[cut:])] if cut < len(w) else []
            return toks[:i] + rest
    return toks


_WHOLE = "全面"  # a stop word (an adverb: 全面推进), inside a name after its field (区域全面经济伙伴关系协定)
_AND = "与"  # a stop word (a conjunction between parties), inside a name between two fields (商务与投资峰会)
_NAME_TAGS = ("n", "ns", "nz", "nr", "nt", "j")
_FIELD_TAGS = ("n", "vn", "an")


def _through_stop(d: Doc, s: int, toks, stops=()):
    """The stem goes on through a stop word that stands inside a name:

    - 全面 when a noun or a name stands right before it (区域 + 全面 + 经济伙伴关系 + 协定, 某国核问题 + 全面 + 协议):
      then it says what the agreement covers, not how a verb acts (推进 + 全面 + 某某 stays out);
    - 与 between two fields, each a common noun of two characters or more (某地商务 + 与 + 投资 + 峰会, 卫生 + 与 +
      健康大会); between parties (某国与某国, 中国与某组织) or after a verb it stays out: 与 joins the sides of talks,
      not the words of one name."""
    p = toks[-1][0] if toks else s
    k = d.token_at(p - 1) if p > 2 else -1
    if k < 1 or d.tokens[k][1] != p or d.tokens[k][2] not in (_WHOLE, _AND):
        return toks
    joint = d.tokens[k][2]
    if joint == _AND and not (toks and len(toks[-1][2]) >= 2 and d.tag(toks[-1][2]) in _FIELD_TAGS):
        return toks
    more = left_words(d, d.tokens[k][0], 14 - sum(t[1] - t[0] for t in toks), verbs=False, stops=stops) or []
    if not more:
        return toks
    far, tag = more[0][2], d.tag(more[0][2]) or ""
    if joint == _WHOLE and tag not in _NAME_TAGS and far in d.info:
        return toks
    if joint == _AND and (len(far) < 2 or tag not in _FIELD_TAGS):
        return toks
    return toks + [d.tokens[k]] + more


_ORG_AFTER = re.compile(r"(?:[和与及][\u4e00-\u9fff]{1,6}?)?(?:工作委员会|委员会|研究会|学会|协会|研究院|研究所|研究中心|"
                        r"办公室|领导小组|工作组)")


def org_after(text: str, e: int) -> bool:
    """Does a body's name go on after ``e`` (宪法 + 和法律委员会, 某某法 + 学会): then the words before are part of
    that name, no initiative of their own (keep the whole name or nothing)."""
    return _ORG_AFTER.match(text, e) is not None


_ADDRESS = ("先生", "女士", "阁下")  # 总统先生 + 战略: a person addressed, no name of a programme


def clause(d: Doc, toks, people=frozenset()) -> bool:
    """A person (one the person finder found, or a full name jieba knows) or an adjective in the stem makes it
    a clause, not a name (某某总统会晤); a place jieba tags as a name (博鳌) does not."""
    for a, b, w in toks:
        tag = d.tag(w) or ""
        if tag == "nrfg" or any(p < b and a < q for p, q in people) or w.endswith(_ADDRESS):
            return True
        if tag in ("a", "ad") and w not in _GRADES and w not in _FIELD_ADJECTIVES:
            return True
    return False


NUMBERED = re.compile(rf"第{N}+次$")


def counting(w: str) -> bool:
    """一起, 这次, 该, 一项: a counted or pointed-at thing follows, no name (an amount or a year does not count)."""
    return w in ("这", "那", "此", "该", "本", "其") or (len(w) == 2 and w[0] in "一两几这那此该本每各"
                                                       and (w[1] in MEASURE or w[1] in "起场届"))


_TIMES = ("次", "场", "项", "个")


def counted_before(d: Doc, a: int) -> bool:
    """Is the name starting at ``a`` counted (一起 + …事故, 该 + …会议, 6 + 次 + 某某座谈会: several of a kind, no
    name)? A figure and a measure word count; 第 + 6 + 次 numbers one session, which keeps its name."""
    k = d.token_at(a - 1) if a > 0 else -1
    if k < 0 or d.tokens[k][1] != a:
        return False
    if counting(d.tokens[k][2]):
        return True
    if k < 1 or d.tokens[k][2] not in _TIMES or d.tokens[k - 1][1] != d.tokens[k][0]:
        return False
    n, w = d.tokens[k - 1][0], d.tokens[k - 1][2]
    return w.isdigit() and not d.text.endswith("第", 0, n)


def whole_number(text: str, a: int) -> int:
    """A name that starts with a numeral starts where the number does (二 + 十国集团 -> 二十国集团); so does one
    that starts with a century and its number (21 + 世纪某某理事会)."""
    if a < len(text) and text[a] in "一二三四五六七八九十":
        while a > 0 and text[a - 1] in "一二三四五六七八九十":
            a -= 1
    elif text.startswith("世纪", a) and a >= 2 and text[a - 2:a].isdigit() and (a < 3 or not text[a - 3].isdigit()):
        a -= 2
    return a


def region_chain(toks):
    """A chain of regions before a name locates it (decision 5): only the nearest region stays in the name."""
    regions = rules().regions
    while len(toks) >= 3 and toks[-1][2] in regions and toks[-2][2] in regions:
        toks = toks[:-1]
    return toks


def numbered_body(d: Doc, toks, s: int, stops):
    """A session of a named body keeps the body and its number: 某组织第N次领导人非正式会议."""
    a = toks[-1][0] if toks else s
    m = NUMBERED.search(d.text, 0, a)
    if m is None:
        return toks
    more = stem(d, m.start(), stops)
    body = d.text[more[-1][0]:m.start()] if more else ""
    if body in rules().heads or body in rules().generic:  # 理事会第二次会议: a bare kind of body names nothing
        return toks
    if more and (namey(d, more) or d.tag(more[0][2]) == "j") and len(body) >= 2:
        return toks + [(m.start(), m.end(), m.group(0))] + more
    return toks


@lru_cache(maxsize=1)
def _fields() -> frozenset[str]:
    return frozenset(words("field_verbs.txt"))


def through_fields(d: Doc, s: int, toks, stops=()):
    """The stem of a programme's name goes on through the verbs that name its field (kg/extract/data/field_verbs.txt:
    某河 + 治理 + 攻坚战, 某地 + 自主 + 创新 + 示范区); a name that would start on such a verb names no programme
    (打好 + 污染 + 防治 + 攻坚战 is a task, not a name), and then there is no stem: keep the whole name or nothing."""
    out, p, grown = list(toks), toks[-1][0] if toks else s, False
    while p > 0:
        k = d.token_at(p - 1)
        a, b, w = d.tokens[k]
        if b != p or w not in _fields():
            break
        more = stem(d, a, stops)
        if not more and k > 0 and d.tokens[k - 1][1] == a and (d.tag(d.tokens[k - 1][2]) or "") in ("vn", "n") \
                and len(d.tokens[k - 1][2]) >= 2:
            more = [d.tokens[k - 1]]  # 污染 + 防治 + 攻坚战: what the field verb acts on opens the name
        out += [(a, b, w)] + more
        p, grown = out[-1][0], True
    if grown and out[-1][2] in _fields():
        return []  # 打好 + 污染防治攻坚战: the stem alone (污染) would be a fragment of a task's name
    return out


# 2024·某某研讨会: a dot too; 2014CCTV某某大赛: a Latin name after the year too
_EDITION_YEAR = re.compile(r"(?:19|20)\d\d(?:年度?|年|[·・])?(?=[\u4e00-\u9fff“]|[A-Z]{2,})")


def without_edition_year(text: str, s: int, e: int) -> int:
    """Where an event's name starts once the year of its edition is left out (2013某某电影节 -> 某某电影节,
    decision 14); documents keep theirs (2030年可持续发展议程), and so does a name that is only a year."""
    from .initiatives import initiative_class

    m = _EDITION_YEAR.match(text, s, e)
    if m is None or e - m.end() < 2 or initiative_class(text[m.end():e]) != "Event":
        return s
    return m.end()
