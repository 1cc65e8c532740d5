"""Initiatives and incidents as broadcast news names them, mostly without quotes (tests/gold/README.md,
decisions 14 and 19-21).

- numbered sessions whose number is the name: 党的十八大, 中共二十大, 十九届四中全会, 某届全国人大某次会议;
- an organisation's meeting: the organisation found by the other rules, then (第N次)(领导人)(常务) 会议/峰会;
- names ending in a head word (kg/data/event_heads.tsv): meetings, agreements, regulations, plans, strategies,
  policies, works and projects (Initiative) and disasters, epidemics, crises and battles (Incident), with a
  name-like stem before the head;
- short names of games and fairs (某运会, 某博会, 某洽会), railways and motorways under way (某某高铁, A至B高铁),
  five-year plans (十四五), laws (中华人民共和国某某法, 某某法) and documents in 《》;
- named national strategies, policies and epidemics from a reviewed list (kg/data/named_programmes.tsv);
- typhoons by their quoted name (台风“某某”).

Edition words and years before a name are not part of it (the stems stop at numbers), a numbered session
that is only named by its number keeps the number.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .resources import table, words
from .rules import Candidate, Doc, is_han, rules
from .stems import MEASURE, is_full_region, left_words, namey, not_generic

__all__ = ["named_events", "EVENT_CLASSES"]

EVENT_CLASSES = ("Initiative", "Incident")
_ORGS = ("Enterprise", "GovernmentBody", "PartyOrganization", "Organization")

_N = "[一二三四五六七八九十]"
_ORD = r"(?:十[一二三四五六七八九]|[二三]十[一二三四五六七八九]?)"  # 11th-39th: never a plain 十大 (ten big ...)
_CONGRESS = re.compile(rf"(中共|党的)?(?<![一二三四五六七八九十百第])({_ORD})大(?![类项批件个种家型])")
_CONGRESS_CUE = ("以来", "精神", "报告", "代表", "召开", "胜利", "前夕", "期间", "开幕", "闭幕", "之后", "后")
_FULL_CONGRESS = re.compile(rf"(?:中国共产党|中共)第{_N}+次全国代表大会")
_PLENUM = re.compile(rf"(?:中国共产党|中共|党的)?第?{_N}+届(?:中央委员会|中央)?(?:第?{_N}次全体会议|{_N}中全会)")
_SESSION = re.compile(rf"(?:第?{_N}+届)?(?:全国人大|全国人民代表大会|全国政协|全国人大常委会)(?:第?{_N}+届)?"
                      rf"(?:全国委员会)?(?:常务委员会)?第?{_N}+次(?:全体)?会议")
_FIVE_YEAR = re.compile(r"(?:“|\")?(十[一二三四五六七八九]五)(?:”|\")?(规划)?")
_ORG_MEETING = re.compile(rf"(?:第?{_N}+次|第?{_N}+届|{_N}中|领导人|非正式|常委会|党组|常务|全体|扩大|专题|年度|联席|工作|"
                          r"执委|理事|集体学习)*(?:会议|峰会|会晤|全会)")
_LAW = re.compile(r"中华人民共和国[\u4e00-\u9fff]{2,16}?法(?![律规院官人治制庭学])")
_GAMES = re.compile(r"(?:运|奥|博|洽|交|贸)会")
_ROUTE = re.compile(r"(?:高速铁路|城际铁路|高铁|铁路|高速公路)")
_ROUTE_CHAIN = re.compile(r"[\u4e00-\u9fff]{2,4}(?:至[\u4e00-\u9fff]{2,4}){1,3}(?:高速铁路|城际铁路|高铁|铁路|高速公路)")
_TYPHOON = re.compile(r"台风[“\"]([\u4e00-\u9fff]{2,4})[”\"]|[“\"]([\u4e00-\u9fff]{2,4})[”\"]号?台风")
# one-character short forms of countries in leaders' meetings (中美, 中俄, 中法): Xinhua style guide usage
_COUNTRY_INITIALS = "中美俄日韩朝英法德意印巴越老泰缅蒙澳欧非"
_SUMMIT = re.compile(rf"中[{_COUNTRY_INITIALS}](?:两国)?(?:元首|首脑|领导人)(?:会晤|峰会)")
_CRAFT = re.compile(r"([\u4e00-\u9fff]{2})[一二三四五六七八九十]{1,3}号")
_CRAFT_KIND = re.compile(r"([\u4e00-\u9fff]{2,3})号(?=列车|动车组|飞船|火箭|卫星|探测器|潜水器|浮空艇|科考船|空间站)")
_NOT_CRAFT = ("楼", "院", "线", "文件", "门", "码头", "桥", "窗口", "公路", "令", "台风")
_PARTY_TALKS = re.compile(r"[二三四五六]方会谈")
# an incident named by its date (某年7·23, “8·12”): the date, what, and the kind of incident
_DATED = re.compile(r"\d{1,2}[·・]\d{1,2}[\u4e00-\u9fff]{0,18}(?:事故|地震|暴雨|洪灾|洪涝灾害|火灾|爆炸|事件)")
_BOOK = re.compile(r"《([^《》\n]{2,40})》")
_DOC_HEADS = ("法", "法典", "条例", "规定", "办法", "方案", "规划", "纲要", "意见", "决定", "协定", "公约", "宪章",
              "准则", "规则", "细则", "章程", "计划", "决议", "议定书", "条约", "通知", "措施", "法案", "修正案")
_NOT_DOC = ("报告", "讲话", "文选", "选集", "文集", "论", "书", "传", "记")
_VERB_EDGE = ("v", "vd", "vi", "vq")


_NEEDS = ("name", "words", "any")


@lru_cache(maxsize=1)
def _heads() -> tuple[tuple[str, str, int, str], ...]:
    """(head, class, least stem length, what the stem needs: name, words or any), longest head first."""
    out = []
    for row in table("event_heads.tsv"):
        if len(row) != 4 or row[1] not in EVENT_CLASSES or not row[2].isdigit() or row[3] not in _NEEDS:
            raise ValueError(f"kg/data/event_heads.tsv: expected 'head<TAB>Initiative|Incident<TAB>n<TAB>"
                             f"name|words|any', got {row!r}")
        out.append((row[0], row[1], int(row[2]), row[3]))
    return tuple(sorted(out, key=lambda h: -len(h[0])))


_ORG_TAILS = ("局", "集团", "公司", "总公司", "部门", "系统", "管理", "运输")


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    return frozenset(words("countries.txt")) | {"我国", "全国", "国家"}


@lru_cache(maxsize=1)
def _named() -> dict[str, str]:
    out = {}
    for row in table("named_programmes.tsv"):
        if len(row) != 2 or row[1] not in EVENT_CLASSES:
            raise ValueError(f"kg/data/named_programmes.tsv: expected 'name<TAB>Initiative|Incident', got {row!r}")
        out[row[0]] = row[1]
    return out


def named_events(d: Doc, found=()) -> list[Candidate]:
    """Candidates for the initiatives and incidents of ``d`` (``found``: the other rules' candidates, for the
    organisations that hold a meeting)."""
    sessions = _sessions(d)
    ends = {c.end for c in sessions}
    headed = [c for c in _headed(d, found) if c.end not in ends]  # the session's own pattern has its edges
    out = sessions + _org_meetings(d, found) + headed + _games(d) + _routes(d) + _documents(d)
    out += _listed(d) + _typhoons(d) + _summits(d) + _craft(d) + _appositions(d) + _anniversaries(d) + _dated(d)
    out += [Candidate(m.start(), m.end(), "Initiative", "suffix", 0.8) for m in _PARTY_TALKS.finditer(d.text)
            if _at_start(d, m.start())]
    return out


def _at_start(d: Doc, p: int) -> bool:
    return p <= 0 or p in d.starts or not (is_han(d.text[p - 1]) or d.text[p - 1].isalnum())


def _at_end(d: Doc, p: int) -> bool:
    return p >= len(d.text) or p in d.ends or not (is_han(d.text[p]) or d.text[p].isalnum())


def _sessions(d: Doc) -> list[Candidate]:
    """Numbered congresses, plenums and sessions: the number is the name (党的二十大, 十八届三中全会)."""
    text, out = d.text, []
    for rx in (_FULL_CONGRESS, _PLENUM, _SESSION):
        out += [Candidate(m.start(), m.end(), "Initiative", "session", 0.85) for m in rx.finditer(text)]
    for m in _CONGRESS.finditer(text):
        prefixed = m.group(1) is not None
        if not prefixed and (not m.group(2).startswith("十") and not text.startswith(_CONGRESS_CUE, m.end())):
            continue  # a bare 二十大 only before 以来/精神/代表 ...
        if not prefixed and not _at_start(d, m.start(2)):
            continue
        out.append(Candidate(m.start(), m.end(), "Initiative", "session", 0.85))
    for m in _FIVE_YEAR.finditer(text):
        s, e = m.span(1)
        if m.group(2):
            e = m.end(2) if not m.group(0).startswith(("“", "\"")) else e
        if _at_start(d, s) and (m.group(2) or text.startswith(("时期", "期间", "期末", "以来"), m.end())):
            out.append(Candidate(s, e, "Initiative", "session", 0.8))
    return out


def _org_meetings(d: Doc, found) -> list[Candidate]:
    """An organisation's meeting: 某某常委会会议, 国务院常务会议, 某组织第N次领导人非正式会议."""
    out = []
    for c in found:
        if c.cls not in _ORGS and c.extractor != "country":
            continue
        m = _ORG_MEETING.match(d.text, c.end, min(len(d.text), c.end + 20))
        if m and _at_end(d, m.end()) and (c.cls in _ORGS or m.group(0) in ("峰会", "会晤")):
            out.append(Candidate(_whole_number(d.text, c.start), m.end(), "Initiative", "meeting", 0.8))
    return out


_SCOPES = ("全国", "中央", "全省", "全军", "全球")
_GRADES = ("特大", "重大", "特别重大", "较大", "强", "超强")  # grades of a disaster (突发事件分级)
_EDGE_TAGS = ("v", "vn", "vd", "c", "p", "d", "m", "mq")
_EDGE_CHARS = "并和与及或且在对向于为把被经"
_EDGE_VERBS = ("出席", "举行", "召开", "主持", "参加", "应邀", "调整", "研究", "审议", "通过", "发布", "印发", "签署",
               "抗击", "战胜", "应对", "防控", "延长", "纪念", "庆祝", "遭受", "发生", "爆发", "引发", "结束")
_EDGE_LEADS = "受暨因在对与和及"  # a character jieba glued to the front of an unknown name (受某某疫情)


def _stem(d: Doc, s: int, stops=()) -> list[tuple[int, int, str]]:
    """The words before a head at ``s`` that may be its name. Its far edge is no verb, conjunction,
    preposition, number or edition word (研究并报 + 某某会议, 应邀出席 + 某某会议, 调整 + 某某疫情)."""
    a = d.tokens[d.token_at(s)][0] if s < len(d.text) else s
    if a < s and s not in d.cuts:  # 建设项目: the head ends a word; its first part opens the stem
        toks = [(a, s, d.text[a:s])] + (left_words(d, a, 16 - (s - a), verbs=False, stops=stops) or [])
    else:
        toks = left_words(d, s, 16, verbs=False, stops=stops) or []
    while True:  # a grade word of a disaster is part of its name (某地特大泥石流灾害)
        p = toks[-1][0] if toks else s
        k = d.token_at(p - 1) if p > 0 else -1
        if k < 0 or d.tokens[k][1] != p or d.tokens[k][2] not in _GRADES:
            break
        toks = toks + [d.tokens[k]] + (left_words(d, d.tokens[k][0], 12, verbs=False, stops=stops) or [])
    p = toks[-1][0] if toks else s
    k = d.token_at(p - 1) if p > 0 else -1
    if toks and k >= 0 and d.tokens[k][1] == p and d.tokens[k][2] in _SCOPES:
        toks = toks + [d.tokens[k]]  # 全国 + 某某工作会议: the scope word is part of a meeting's name
    while toks:
        w = toks[-1][2]
        if (w in ("年", "届", "次", "度", "年度") or d.tag(w) in _EDGE_TAGS or w.endswith(_EDGE_VERBS)
                or (w not in d.info and w[0] in _EDGE_CHARS) or w in _EDGE_LEADS):
            toks = toks[:-1]
        else:
            break
    for i, (a, b, w) in enumerate(toks):  # an action on the thing inside the stem: the name starts after it
        cut = next((w.index(v) + len(v) for v in _EDGE_VERBS if v in w), None)
        if cut is None and w not in d.info and len(w) >= 3 and w[0] in _EDGE_LEADS:
            cut = 1
        if cut is None and w in _EDGE_LEADS:  # 某某活动暨 + 某某周: a conjunction ends the name
            return toks[:i]
        if cut is not None:
            rest = [(a + cut, b, w[cut:])] if cut < len(w) else []
            return toks[:i] + rest
    return toks


def _clause(d: Doc, toks, people=frozenset()) -> bool:
    """A person (one the person finder found, or a full name jieba knows) or an adjective in the stem makes it
    a clause, not a name (某某总统会晤); a place jieba tags as a name (博鳌) does not."""
    for a, b, w in toks:
        tag = d.tag(w) or ""
        if tag == "nrfg" or any(p < b and a < q for p, q in people):
            return True
        if tag in ("a", "ad") and w not in _GRADES:
            return True
    return False


_DESCRIPTORS = ("控制性", "节点", "重点", "重大", "配套", "骨干", "标志性", "关键", "控制性节点")
_NUMBERED = re.compile(rf"第{_N}+次$")


def _head_at(d: Doc, s: int, e: int, head: str) -> bool:
    """Does the head stand as a word: at a token start, or (two characters or more) ending a token?"""
    if s in d.starts or s in d.cuts:
        return len(head) > 1 or (s, e) == d.tokens[d.token_at(s)][:2]
    a, b, w = d.tokens[d.token_at(s)]
    piece = d.text[a:s]
    return len(head) > 1 and b == e and s - a >= 2 and not piece.endswith(_EDGE_VERBS)  # 出席会议 is no name


def _headed(d: Doc, found=()) -> list[Candidate]:
    """Unquoted names ending in a head word (kg/data/event_heads.tsv) with a name-like stem before it."""
    text, out, seen = d.text, [], set()
    stops = {c.end for c in found if c.cls in _ORGS}
    people = {(c.start, c.end) for c in found if c.cls == "Person"}
    stops |= {m.end() for head, *_ in _heads() for m in re.finditer(re.escape(head), text)}  # one name per head
    for head, cls, least, needs in _heads():
        for m in re.finditer(re.escape(head), text):
            s, e = m.span()
            if e in seen or not _head_at(d, s, e, head) or not _at_end(d, e):
                continue
            if s > 0 and text[s - 1] in "”\"》」’":
                continue  # the quoted name before it is the name (decision 7)
            toks = _region_chain(_numbered_body(d, _stem(d, s, stops), s, stops))
            if not toks or s - toks[-1][0] < least or _clause(d, toks, people) or not not_generic(toks):
                continue
            if not namey(d, toks) and (needs == "name" or (needs == "words" and len(toks) < 2)):
                continue
            if cls == "Incident" and (d.tag(toks[0][2]) in _EDGE_TAGS or any(d.tag(w) in ("m", "mq") for _, _, w in toks)):
                continue  # 防控 + 疫情, 一起战胜 + 疫情: an action on it, no name of it
            if head in _WORKS and toks[0][2] in _DESCRIPTORS:
                continue  # 某某高速公路控制性工程: a part of the named works, no name of its own
            if cls == "Incident" and is_full_region(toks[-1][2]) and toks[-1][2][-1] in "省市县区":
                continue  # 某某市工伤事故: a kind of incident in a region; named ones take the short form
            a = toks[-1][0]
            k = d.token_at(a - 1) if a > 0 else -1
            if k >= 0 and d.tokens[k][1] == a and _counting(d.tokens[k][2]):
                continue
            a = _whole_number(text, a)
            seen.add(e)
            out.append(Candidate(a, e, cls, "suffix", 0.7))
    return out


def _counting(w: str) -> bool:
    """一起, 这次, 该, 一项: a counted or pointed-at thing follows, no name (an amount or a year does not count)."""
    return w in ("这", "那", "此", "该", "本", "其") or (len(w) == 2 and w[0] in "一两几这那此该本每各"
                                                       and (w[1] in MEASURE or w[1] in "起场届"))


def _whole_number(text: str, a: int) -> int:
    """A name that starts with a numeral starts where the number does (二 + 十国集团 -> 二十国集团)."""
    if a < len(text) and text[a] in "一二三四五六七八九十":
        while a > 0 and text[a - 1] in "一二三四五六七八九十":
            a -= 1
    return a


def _region_chain(toks):
    """A chain of regions before a name locates it (decision 5): only the nearest region stays in the name."""
    regions = rules().regions
    while len(toks) >= 3 and toks[-1][2] in regions and toks[-2][2] in regions:
        toks = toks[:-1]
    return toks


def _numbered_body(d: Doc, toks, s: int, stops):
    """A session of a named body keeps the body and its number: 某组织第N次领导人非正式会议."""
    a = toks[-1][0] if toks else s
    m = _NUMBERED.search(d.text, 0, a)
    if m is None:
        return toks
    more = _stem(d, m.start(), stops)
    if more and (namey(d, more) or d.tag(more[0][2]) == "j") and m.start() - more[-1][0] >= 2:
        return toks + [(m.start(), m.end(), m.group(0))] + more
    return toks


def _games(d: Doc) -> list[Candidate]:
    """Short names of games and fairs: 某运会, 某奥会, 某博会, 某洽会, 某交会, 某贸会 (a region before it included)."""
    text, out = d.text, []
    for m in _GAMES.finditer(text):
        s, e = m.span()
        if not _at_end(d, e) or text.startswith(("对接", "点", "处"), e):
            continue
        k = d.token_at(s - 1) if s > 0 else -1
        if k < 0:
            continue
        a = d.tokens[k][0]
        while k > 0 and d.tokens[k - 1][1] == a and d.tokens[k - 1][1] - d.tokens[k - 1][0] == 1 \
                and d.tag(d.tokens[k - 1][2]) == "j" and s - d.tokens[k - 1][0] <= 3:
            k -= 1  # 亚 + 残运会: one-character short forms belong to the short name
            a = d.tokens[k][0]
        if not (1 <= s - a <= 3 and all(is_han(ch) for ch in text[a:s])):
            continue
        if k > 0 and d.tokens[k - 1][2] in rules().regions and d.tokens[k - 1][1] == a:
            a = d.tokens[k - 1][0]
        out.append(Candidate(a, e, "Initiative", "suffix", 0.75))
    return out


def _routes(d: Doc) -> list[Candidate]:
    """Railways and motorways named by their ends (A至B高铁) or two short forms (某某高铁)."""
    text, out = d.text, []
    for m in _ROUTE_CHAIN.finditer(text):
        s = m.start()
        parts = text[s:m.end()].split("至")
        if _at_start(d, s) and all(len(p) >= 2 for p in parts[:-1]):
            out.append(Candidate(s, m.end(), "Initiative", "suffix", 0.75))
    for m in _ROUTE.finditer(text):
        s, e = m.span()
        if s < 2 or not _at_end(d, e) or text.startswith(("站", "线路", "网", "列车", "动车"), e):
            continue
        a = s - 2
        stem = text[a:s]
        if not all(is_han(ch) for ch in stem) or not _at_start(d, a) or not (s in d.starts or s in d.cuts):
            continue
        if d.freq(stem) >= 50 and d.tag(stem) not in ("ns", "nz", "j") or stem in _countries():
            continue  # 乘坐高铁, 修建铁路: a common word, no name; 中国铁路: the national network
        if text.startswith(_ORG_TAILS, e):
            continue  # 某某铁路局, 某某高速公路集团: an organisation
        out.append(Candidate(a, e, "Initiative", "suffix", 0.7))
    return out


_WORKS = ("工程", "项目", "隧洞", "铁路", "高铁", "高速公路", "电站", "水库", "枢纽", "基地")
_APPOSITION = re.compile("(?:" + "|".join(_WORKS) + r")——")
_ANNIVERSARY = re.compile(r"\d{1,3}周年(?:纪念)?(?:大会|活动|招待会|座谈会|文艺晚会|晚会|音乐会)")


def _appositions(d: Doc) -> list[Candidate]:
    """A works named after a dash that says what it is (某地最长输水隧洞——某某隧洞, 重点项目——“某某”): the quoted
    name, or the words up to the nearest works word (工程, 项目, 隧洞 ...) in the same clause."""
    text, out = d.text, []
    for m in _APPOSITION.finditer(text):
        p = m.end()
        q = re.match(r"[“\"]([^“”\"\n]{2,24})[”\"]", text[p:])
        if q:
            out.append(Candidate(p + q.start(1), p + q.end(1), "Initiative", "quote", 0.8))
            continue
        clause = re.match(r"[^，,。；;！？!?、：:\n“”\"]{2,40}", text[p:])
        if not clause:
            continue
        ends = [p + i + len(w) for w in _WORKS for i in [clause.group(0).find(w)] if i >= 2]
        ends = [e for e in ends if _at_end(d, e) or text.startswith(_WORKS, e)]  # 某某输电工程|项目的工地
        if ends:
            out.append(Candidate(p, min(ends), "Initiative", "suffix", 0.75))
    return out


def _anniversaries(d: Doc) -> list[Candidate]:
    """Anniversary events: (纪念|庆祝) + what + N周年 + (纪念)大会/活动 (庆祝某某回归25周年大会)."""
    text, out = d.text, []
    for m in _ANNIVERSARY.finditer(text):
        s = m.start()
        toks, k = [], d.token_at(s - 1) if s > 0 else -1
        while k >= 0 and s - d.tokens[k][0] <= 16:  # the words of the clause before the number
            a, b, w = d.tokens[k]
            if not all(is_han(ch) for ch in w) or (d.tag(w) or "")[:1] in ("p", "u", "r", "d", "c"):
                break
            toks.append((a, b, w))
            k -= 1
        at = [i for i, t in enumerate(toks) if t[2] in ("纪念", "庆祝")]
        if at:
            toks = toks[:max(at) + 1]
        else:
            toks = _stem(d, s) if toks else []
        if toks and s - toks[-1][0] >= 2:
            out.append(Candidate(toks[-1][0], m.end(), "Initiative", "suffix", 0.75))
    return out


def _dated(d: Doc) -> list[Candidate]:
    """Incidents named by their date (“7·21”特大暴雨, 某地8·12特别重大火灾爆炸事故): from the date to the kind of
    incident, in one clause."""
    text, out = d.text, []
    for m in _DATED.finditer(text):
        if not _at_end(d, m.end()) or (m.start() > 0 and text[m.start() - 1].isdigit()):
            continue
        s = m.start()
        toks = left_words(d, s, 6) or []
        if toks and namey(d, toks):
            s = toks[-1][0]  # the place it happened is part of the name (某港8·12…事故)
        out.append(Candidate(s, m.end(), "Incident", "suffix", 0.8))
    return out


def _craft(d: Doc) -> list[Candidate]:
    """Named craft and trains of a national programme: 某某N号 (a two-character name and a number), or 某某号
    before the kind of craft (某某号列车, 某某号科考船)."""
    text, out = d.text, []
    for m in _CRAFT.finditer(text):
        s, e = m.span()
        stem = m.group(1)
        if not _at_start(d, s) or stem in rules().generic or stem in rules().stop:
            continue
        if d.tag(stem) in ("m", "q", "r", "f", "p", "t", "v", "d") or text.startswith(_NOT_CRAFT, e):
            continue
        out.append(Candidate(s, e, "Initiative", "suffix", 0.7))
    for m in _CRAFT_KIND.finditer(text):
        if _at_start(d, m.start()) and m.group(1) not in rules().generic and d.tag(m.group(1)) not in ("r", "m"):
            out.append(Candidate(m.start(), m.end(1) + 1, "Initiative", "suffix", 0.7))
    return out


def _summits(d: Doc) -> list[Candidate]:
    """Meetings of two countries' leaders named by their one-character short forms (中某元首会晤)."""
    return [Candidate(m.start(), m.end(), "Initiative", "suffix", 0.75) for m in _SUMMIT.finditer(d.text)
            if _at_start(d, m.start()) or d.text[m.start() - 1] not in _COUNTRY_INITIALS]


def _documents(d: Doc) -> list[Candidate]:
    """Laws (中华人民共和国某某法) and documents in 《》 whose name ends in a document word (not reports,
    speeches or books)."""
    text, out = d.text, []
    for m in _LAW.finditer(text):
        if _at_end(d, m.end()) or text[m.end():m.end() + 1] in "》（(":
            out.append(Candidate(m.start(), m.end(), "Initiative", "suffix", 0.85))
    for m in _BOOK.finditer(text):
        inner = m.group(1).strip()
        core = re.sub(r"[（(][^（）()]*[）)]$", "", inner)
        if core.endswith(_DOC_HEADS) and not core.endswith(_NOT_DOC) and "，" not in inner:
            out.append(Candidate(m.start(1), m.end(1), "Initiative", "quote", 0.85))
    return out


def _listed(d: Doc) -> list[Candidate]:
    """Named strategies, policies and epidemics from the reviewed list, whole at word boundaries (a 战略, 规划
    or 倡议 right after stays in the name)."""
    text, out = d.text, []
    for name, cls in _named().items():
        for m in re.finditer(re.escape(name), text):
            s, e = m.span()
            if not _at_start(d, s) and len(name) < 4:
                continue  # a short listed name inside a word is not it; 深化改革开放 cut as 深化改革/开放 is
            for tail in ("战略", "规划", "倡议", "工程"):
                if text.startswith(tail, e) and cls == "Initiative":
                    e += len(tail)
                    break
            if _at_end(d, e) or text[e:e + 1] in "”\"》":
                out.append(Candidate(s, e, cls, "gazetteer", 0.85))
    return out


def _typhoons(d: Doc) -> list[Candidate]:
    """台风“某某”, “某某”台风: the quoted name is the incident (decision 21)."""
    out = []
    for m in _TYPHOON.finditer(d.text):
        g = 1 if m.group(1) is not None else 2
        out.append(Candidate(m.start(g), m.end(g), "Incident", "quote", 0.85))
    return out
